"""The report's pure pieces: where pages and anchors are, and SVG made inert before it is inlined."""

from __future__ import annotations

from alerts.links import alert_anchor, deal_page_name, deal_page_path, report_link
from report.charts import inline_svg


def test_deal_ids_are_their_own_page_names_and_anything_else_becomes_a_safe_distinct_name():
    assert deal_page_path("meta--scale-ai") == "deals/meta--scale-ai.html"
    hostile = ["../../etc/passwd", "Meta--Scale AI", "a/b", "", "méta--scale"]
    names = [deal_page_name(d) for d in hostile]
    assert all(name and all(c.isalnum() or c == "-" for c in name) for name in names), names
    assert len(set(names)) == len(hostile)
    assert deal_page_name("Meta--Scale AI") != deal_page_name("meta--scale-ai")


def test_a_report_link_needs_a_base_url_and_points_at_the_alert_or_the_feed_panel():
    assert report_link(None, deal_id="meta--scale-ai", alert_id="abc") is None
    assert (
        report_link("https://x.example/r/", deal_id="meta--scale-ai", alert_id="abc")
        == "https://x.example/r/deals/meta--scale-ai.html#alert-abc"
    )
    assert report_link("https://x.example/r", deal_id=None, alert_id="abc") == (
        "https://x.example/r/index.html#feeds"
    )
    assert alert_anchor('a"b <c>') == "alert-a-b-c-"


def test_inline_svg_keeps_the_drawing_and_its_text_and_drops_anything_that_acts():
    hostile = (
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        'width="300" height="100" viewBox="0 0 300 100">'
        "<script>alert(1)</script><style>*{}</style>"
        '<g onload="alert(2)"><text onclick="alert(3)">&lt;b&gt;Bold&lt;/b&gt; Times</text>'
        '<path d="M0,0h10v10h-10Z" aria-label="x"/></g>'
        '<a href="javascript:alert(4)"><text>click</text></a>'
        '<use xlink:href="http://evil.example/x.svg#a"/>'
        '<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">hi</div></foreignObject>'
        "</svg>"
    )
    svg = inline_svg(hostile, label='Age of <Wang> & "co"')
    for gone in ("script", "onload", "onclick", "javascript", "foreignObject", "<use", "<style"):
        assert gone not in svg, gone
    assert "&lt;b&gt;Bold&lt;/b&gt; Times" in svg
    assert 'd="M0,0h10v10h-10Z"' in svg
    assert 'role="img"' in svg and 'aria-label="Age of &lt;Wang&gt; &amp; &quot;co&quot;"' in svg
    assert '<title>Age of &lt;Wang&gt; &amp; "co"</title>' in svg
    assert 'width="300"' not in svg and 'viewBox="0 0 300 100"' in svg
