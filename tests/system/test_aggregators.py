"""Aggregators' links to the publisher's page (issue 17): wrappers unwrapped without a request,
Google News ids decoded offline or by Google's decode call, served here in its real formats.

Before: a Google News item's link was fetched as it was (Google's interstitial, or nothing), and a
Bing item's ``apiclick.aspx`` link too; both were stored under the aggregator's name.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

from extractors.fetch.aggregators import (
    DecodeRequest,
    article_id_of,
    batchexecute_body,
    decoding_params,
    resolve_entries,
    resolve_google_news,
    unwrap,
    url_in_article_id,
    urls_from_batchexecute,
)
from extractors.fetch.client import Fetcher, FetchPolicy
from extractors.fetch.feeds import parse_feed
from extractors.records import FeedEntry
from tests.support.gnews import GoogleNews, Item, search_feed

POLICY = FetchPolicy(
    allowed_private_networks=("127.0.0.0/8",), per_host_interval_s=0, timeout_s=2, max_retries=0
)
BING = (
    "http://www.bing.com/news/apiclick.aspx?ref=FexRss&aid=&tid=6850A1B2C3&url="
    "https%3a%2f%2fwww.ledger.example%2fnews%2fmeta-scale%3fx%3d1&c=1529&mkt=en-us"
)


def test_wrappers_are_unwrapped_without_a_request() -> None:
    assert unwrap(BING) == "https://www.ledger.example/news/meta-scale?x=1"
    assert unwrap("https://www.google.com/url?rct=j&sa=t&url=https://a.example/x&ct=ga") == (
        "https://a.example/x"
    )
    assert unwrap("https://l.facebook.com/l.php?u=https%3A%2F%2Fb.example%2Fy&h=AT0") == (
        "https://b.example/y"
    )
    # Only an absolute http(s) target is taken; other links are no wrappers.
    assert unwrap("http://www.bing.com/news/apiclick.aspx?url=javascript%3Aalert(1)") is None
    assert unwrap("https://www.ledger.example/news/x?url=https://c.example/") is None
    assert unwrap("http://[::1") is None


def test_a_bing_item_is_the_publishers_page_with_bings_outlet() -> None:
    doc = (
        '<?xml version="1.0" encoding="utf-8" ?><rss version="2.0" '
        'xmlns:News="https://www.bing.com:443/news/search?q=x&amp;format=rss"><channel>'
        "<title>x - BingNews</title><link>https://www.bing.com/news</link>"
        f"<item><title>Meta takes a stake</title><link>{BING.replace('&', '&amp;')}</link>"
        "<News:Source>The Ledger</News:Source></item></channel></rss>"
    ).encode()
    (entry,), _ = parse_feed(doc, feed_url="https://www.bing.com/news/search?q=x&format=rss")
    assert entry.url == "https://www.ledger.example/news/meta-scale?x=1"
    assert entry.via == BING and entry.outlet == "The Ledger"


def test_a_google_news_item_names_its_outlet_and_keeps_its_title() -> None:
    link = "https://news.google.com/rss/articles/CBMiK2h0dHBzOi8vd3d3LmxlZGdlci5leGFtcGxlL25ld3MvbWV0YS1zY2FsZdIBAA?oc=5"
    doc = search_feed(
        "stake", [Item(link, "Meta takes a stake", "The Ledger", "https://www.ledger.example")]
    )
    (entry,), _ = parse_feed(doc.encode(), feed_url="https://news.google.com/rss/search?q=stake")
    assert entry.url == link and entry.outlet == "The Ledger"
    assert entry.title == "Meta takes a stake"  # Google's " - The Ledger" is taken off


def test_old_ids_hold_their_url_and_new_ones_do_not() -> None:
    with GoogleNews() as gnews:
        old = gnews.article_link("https://www.ledger.example/news/1", offline=True)
        new = gnews.article_link("https://www.ledger.example/news/2")
    old_id, new_id = article_id_of(old), article_id_of(new)
    assert old_id and old_id.startswith("CBMi") and new_id and new_id.startswith("CBMi")
    assert url_in_article_id(old_id) == "https://www.ledger.example/news/1"
    assert url_in_article_id(new_id) is None
    assert article_id_of("https://news.google.com/search?q=x") is None
    assert article_id_of("https://www.ledger.example/rss/articles/CBMiabcdefgh") is None
    assert article_id_of("http://127.0.0.1:8000/rss/articles/CBMiabcdefgh", "http://127.0.0.1:8000")


def test_the_decode_calls_formats() -> None:
    page = (
        '<c-wiz jsrenderer="x"><div jscontroller="aLI87" data-n-a-sg="AU_sig" '
        'data-n-a-ts="1750000000" data-n-a-id="CBMi"></div></c-wiz>'
    )
    assert decoding_params(page) == ("AU_sig", "1750000000")
    assert decoding_params("<html><body>no parameters</body></html>") is None
    body = batchexecute_body([DecodeRequest("1", "CBMiX", "AU_sig", "1750000000")]).decode()
    assert body.startswith("f.req=")
    from urllib.parse import parse_qs

    (envelope,) = json.loads(parse_qs(body)["f.req"][0])[0]
    assert envelope[0] == "Fbv4je" and envelope[3] == "1"
    assert json.loads(envelope[1])[0] == "garturlreq" and json.loads(envelope[1])[2:] == [
        "CBMiX",
        1750000000,
        "AU_sig",
    ]
    answer = (
        ")]}'\n\n"
        '[["wrb.fr","Fbv4je","[\\"garturlres\\",\\"https://www.ledger.example/a\\",1]",null,null,null,"1"],'
        '["wrb.fr","Fbv4je",null,null,null,[3],"2"],["di",42],["af.httprm",41,"-62",14]]'
    )
    assert urls_from_batchexecute(answer) == {"1": "https://www.ledger.example/a"}
    chunked = (
        ")]}'\n\n123\n"
        '[["wrb.fr","Fbv4je","[\\"garturlres\\",\\"https://www.ledger.example/b\\",1]",null,null,null,"generic"]]\n'
        '25\n[["e",4,null,null,151]]\n'
    )
    assert urls_from_batchexecute(chunked) == {"generic": "https://www.ledger.example/b"}
    hostile = ")]}'\n\n" + '[["wrb.fr","Fbv4je","[\\"garturlres\\",\\"javascript:alert(1)\\"]"]]'
    assert urls_from_batchexecute(hostile) == {}
    assert urls_from_batchexecute("<html>Sorry</html>") == {}


def test_links_are_resolved_through_the_guarded_client() -> None:
    with GoogleNews() as gnews, Fetcher(POLICY) as fetcher:
        targets = [f"https://www.ledger.example/news/{n}" for n in range(3)]
        links = [gnews.article_link(t) for t in targets]
        old = gnews.article_link("https://www.ledger.example/news/old", offline=True)
        resolved = resolve_google_news(fetcher, [*links, old], base_url=gnews.base)
        assert [resolved[link].url for link in links] == targets
        assert resolved[old].url == "https://www.ledger.example/news/old"
        assert gnews.decode_calls() == 1 and len(gnews.requests) == 4  # 3 pages, one POST

        gnews.refuse_decoding = True
        refused = resolve_google_news(
            fetcher, [gnews.article_link("https://www.ledger.example/x")], base_url=gnews.base
        )
        (only,) = refused.values()
        assert only.url is None and only.error == "Google News decode call: HTTP 429"


def test_entries_carry_the_publishers_url_or_why_not() -> None:
    def entry(url: str) -> FeedEntry:
        return FeedEntry(
            "https://f.example/rss", url, url, "T", "S", datetime(2025, 6, 13, tzinfo=UTC)
        )

    with GoogleNews() as gnews, Fetcher(POLICY) as fetcher:
        good = gnews.article_link("https://www.ledger.example/good")
        unknown = "https://news.google.com/rss/articles/CBMiLkFVX3lxTHVua25vd25pZGVudGlmaWVyMDAwMDAwMDAwMDAwMDAwMDAw?oc=5"
        over = gnews.article_link("https://www.ledger.example/later")
        plain = "https://www.ledger.example/plain"
        out = resolve_entries(
            fetcher, [entry(good), entry(unknown), entry(plain), entry(over)],
            base_url=gnews.base, budget=2,
        )  # fmt: skip
    assert (out[0].url, out[0].via, out[0].unresolved) == (
        "https://www.ledger.example/good",
        good,
        None,
    )
    assert out[1].url == unknown and out[1].unresolved.startswith(
        "aggregator link not resolved: Google News article page: HTTP 404"
    )
    assert out[2] == entry(plain)
    assert out[3].url == over and "budget of 2" in out[3].unresolved
