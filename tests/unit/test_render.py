"""Renderers: snapshots of each format per kind, escaping of article text, Slack's limit, digests.

Snapshots live in tests/snapshots/render/; regenerate them with
``DEALWATCH_UPDATE_SNAPSHOTS=1 .venv/bin/pytest tests/unit/test_render.py`` and read the diff.
"""

from __future__ import annotations

import dataclasses
import json
import os

import pytest
from hypothesis import given
from hypothesis import strategies as st

from alerts.render import (
    SLACK_MAX_CHARS,
    EmailMessageParts,
    one_line,
    render_digest,
    render_email,
    render_json,
    render_slack,
    render_text,
    slack_escape,
    slack_link,
)
from tests.support.paths import TESTS
from tests.support.sample_alerts import (
    AP_VALUATION,
    SEED_004_AGE,
    VCPOST_AGE,
    sample_alerts,
    with_hostile_text,
)

SNAPSHOTS = TESTS / "snapshots" / "render"
UPDATE = os.environ.get("DEALWATCH_UPDATE_SNAPSHOTS") == "1"


def check_snapshot(name: str, rendered: str) -> None:
    path = SNAPSHOTS / name
    if UPDATE or not path.exists():
        if not UPDATE:
            pytest.fail(f"no snapshot {name}: run with DEALWATCH_UPDATE_SNAPSHOTS=1 to write it")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(rendered, encoding="utf-8")
    assert rendered == path.read_text(encoding="utf-8"), f"{name} differs from its snapshot"


KINDS = list(sample_alerts())


@pytest.mark.parametrize("kind", KINDS)
def test_text_snapshot(kind):
    check_snapshot(f"{kind}.text.txt", render_text(sample_alerts()[kind]) + "\n")


@pytest.mark.parametrize("kind", KINDS)
def test_slack_snapshot(kind):
    check_snapshot(f"{kind}.slack.txt", render_slack(sample_alerts()[kind]) + "\n")


@pytest.mark.parametrize("kind", KINDS)
def test_email_snapshot(kind):
    parts = render_email(sample_alerts()[kind])
    check_snapshot(
        f"{kind}.email.txt", f"Subject: {parts.subject}\n\n{parts.text}\n\n{parts.html}\n"
    )


@pytest.mark.parametrize("kind", KINDS)
def test_json_snapshot(kind):
    data = render_json(sample_alerts()[kind])
    check_snapshot(
        f"{kind}.json", json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    )


def test_contradiction_names_both_sides_with_sources_quotes_and_counts():
    alert = sample_alerts()["contradiction"]
    for rendered in (render_text(alert), render_slack(alert), render_email(alert).html):
        for side in (VCPOST_AGE, SEED_004_AGE):
            assert side.stated in rendered
            assert side.title is not None and side.title[:30] in rendered
        assert "VCPOST" in rendered
        assert "Now 28, Wang founded Scale" in rendered
        assert "youngest billionaire" in rendered
        assert "1 independent source" in rendered
        assert "meta--scale-ai" in rendered
    subject = render_email(alert).subject
    assert subject == "[dealwatch] contradiction: Meta → Scale AI — person_age (Alexandr Wang)"


def test_new_figure_shows_the_interval_and_the_source():
    text = render_text(sample_alerts()["new_figure"])
    assert "over $29 billion = at least $29 billion" in text
    assert "Associated Press" in text and AP_VALUATION.url in text
    assert "2025-06-13" in text
    assert "1 independent source (Associated Press, example-syndicate.com)" in text


def test_feed_failing_names_the_feed_and_the_error():
    alert = sample_alerts()["feed_failing"]
    for rendered in (render_text(alert), render_slack(alert), render_email(alert).html):
        assert "The Ledger" in rendered
        assert "HTTP 503 Service Unavailable" in rendered
    assert render_email(alert).subject == "[dealwatch] feed_failing: The Ledger"


@pytest.mark.parametrize("kind", KINDS)
def test_json_holds_every_field_with_iso_dates(kind):
    alert = sample_alerts()[kind]
    data = render_json(alert)
    for f in dataclasses.fields(alert):
        assert f.name in data
    assert data["created_at"] == "2025-06-20T08:30:00+00:00"
    json.dumps(data)  # serialisable as is
    if alert.figure is not None:
        assert data["figure"]["quote"] == alert.figure.quote
        assert data["figure"]["low"] == alert.figure.low


def test_json_dates_of_sides_are_iso():
    data = render_json(sample_alerts()["contradiction"])
    assert data["other"]["published"] == "2025-06-13"
    assert data["figure"]["published"] is None


@pytest.mark.parametrize("kind", KINDS)
def test_article_text_is_inert_in_slack(kind):
    slack = render_slack(with_hostile_text(sample_alerts()[kind]))
    for live in (
        "<!channel>",
        "<!here>",
        "<@U123>",
        "<http://evil",
        "<b>",
        "*bold*",
        "_it_",
        "~del~",
        "`code`",
    ):
        assert live not in slack, live
    assert "&lt;!channel&gt;" in slack
    assert not any(line.startswith("Bcc:") for line in slack.splitlines())


@pytest.mark.parametrize("kind", KINDS)
def test_article_text_is_inert_in_email(kind):
    parts = render_email(with_hostile_text(sample_alerts()[kind]))
    assert "\n" not in parts.subject and "\r" not in parts.subject
    assert "<b>bold</b>" not in parts.html and "&lt;b&gt;bold&lt;/b&gt;" in parts.html
    assert "<http://evil" not in parts.html
    assert 'href="http://evil' not in parts.html


@pytest.mark.parametrize("kind", KINDS)
def test_article_text_stays_on_its_line_in_text(kind):
    alert = with_hostile_text(sample_alerts()[kind])
    for line in render_text(alert).splitlines():
        assert not line.startswith("Bcc:"), (
            "a newline in article text must not start a line of its own"
        )


def test_links_are_only_made_for_web_urls():
    alert = dataclasses.replace(sample_alerts()["new_deal"], url="javascript:alert(1)")
    assert "<javascript:" not in render_slack(alert)
    assert 'href="javascript:' not in render_email(alert).html
    web = render_slack(sample_alerts()["new_deal"])
    assert f"<{AP_VALUATION.url}|Meta invests $14.3B" in web


def test_long_quote_is_cut_for_slack_with_a_pointer():
    long_quote = "Wang said the deal " + "and the team " * 400 + "END-OF-QUOTE"
    assert len(long_quote) >= 5000
    side = dataclasses.replace(VCPOST_AGE, quote=long_quote)
    alert = dataclasses.replace(sample_alerts()["contradiction"], figure=side)
    slack = render_slack(alert)
    assert len(slack) <= SLACK_MAX_CHARS
    assert "dealwatch alerts why al-contradiction" in slack
    assert "END-OF-QUOTE" not in slack
    assert "Wang said the deal" in slack
    assert SEED_004_AGE.stated in slack, "the rest of the alert survives the cut"
    with_url = render_slack(alert, more_url="https://dealwatch.example/alerts/al-contradiction")
    assert len(with_url) <= SLACK_MAX_CHARS
    assert "<https://dealwatch.example/alerts/al-contradiction|" in with_url
    assert long_quote in render_text(alert), "the plain text keeps everything"


def test_slack_cut_respects_a_smaller_limit():
    side = dataclasses.replace(VCPOST_AGE, quote="x&y " * 2000)
    alert = dataclasses.replace(sample_alerts()["new_figure"], figure=side)
    for limit in (500, 1000, 2999):
        slack = render_slack(alert, max_chars=limit)
        assert len(slack) <= limit
        assert "dealwatch alerts why" in slack


def test_digest_lists_every_alert_once():
    alerts = [
        dataclasses.replace(sample_alerts()["new_figure"], alert_id=f"al-{i}") for i in range(12)
    ]
    text = render_digest(alerts, "text")
    assert isinstance(text, str)
    assert "12 alerts" in text
    assert all(f"[al-{i}]" in text for i in range(12))
    slack = render_digest(alerts, "slack")
    assert isinstance(slack, str) and len(slack) <= SLACK_MAX_CHARS
    email = render_digest(alerts, "email")
    assert isinstance(email, EmailMessageParts) and "12 alerts" in email.subject
    data = render_digest(alerts, "json")
    assert isinstance(data, dict) and data["count"] == 12
    assert [a["alert_id"] for a in data["alerts"]] == [f"al-{i}" for i in range(12)]


def test_slack_digest_of_many_stays_under_the_limit():
    alerts = [
        dataclasses.replace(sample_alerts()["contradiction"], alert_id=f"al-{i:03}")
        for i in range(300)
    ]
    slack = render_digest(alerts, "slack")
    assert isinstance(slack, str)
    assert len(slack) <= SLACK_MAX_CHARS
    assert "more" in slack and "dealwatch alerts list" in slack


@given(st.text())
def test_slack_escape_leaves_no_live_markup(text):
    escaped = slack_escape(text)
    assert not set(escaped) & set("<>*_~`\n\r")
    assert escaped.replace("&amp;", "").replace("&lt;", "").replace("&gt;", "").count("&") == 0


@given(st.text(alphabet=st.characters(blacklist_categories=("Zs", "Zl", "Zp", "Cc"))), st.text())
def test_slack_link_has_one_target_and_one_label(path, label):
    link = slack_link("https://example.org/" + path, label)
    assert link.startswith("<https://example.org/") and link.endswith(">")
    assert link.count("<") == 1 and link.count(">") == 1 and link.count("|") == 1


@given(st.text())
def test_one_line_has_no_line_breaks(text):
    assert not set(one_line(text)) & set("\r\n\u2028\u2029\x0b\x0c\x85")


SCRIPTS = '<script>alert(1)</script> <img src=x onerror="alert(2)"> " \' &'


@pytest.mark.parametrize("kind", KINDS)
def test_script_and_event_handlers_in_article_text_are_escaped_in_email(kind):
    """The e-mail HTML comes from autoescaped templates: markup in a title or quote is text."""
    alert = sample_alerts()[kind]
    side = dataclasses.replace(VCPOST_AGE, title=SCRIPTS, quote=SCRIPTS, source=SCRIPTS)
    alert = dataclasses.replace(
        alert, title=SCRIPTS, detail=SCRIPTS, source=SCRIPTS, figure=side, other=side
    )
    alert = dataclasses.replace(alert, feed_name=SCRIPTS, subject=SCRIPTS)  # in headlines
    page = render_email(alert, report_url="https://r.example/d.html#a-1").html
    digest = render_digest([alert, alert], "email").html  # type: ignore[union-attr]
    for html in (page, digest):
        assert "<script" not in html and "<img" not in html and 'onerror="' not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=&#34;alert(2)&#34;&gt;" in page
