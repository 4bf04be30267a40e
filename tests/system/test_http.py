"""The Fetcher against real local servers: limits, redirects, retries, gates, robots."""

from __future__ import annotations

import gzip
import threading
import time
import zlib
from collections.abc import Iterator

import pytest

from extractors.fetch.client import (
    BodyTooLarge,
    Fetcher,
    FetchPolicy,
    gunzip_limited,
    parse_retry_after,
)
from extractors.fetch.robots import RobotsAnswer, agent_token, rules_from_answer
from extractors.records import FetchStatus
from tests.support.hostile import HostileSite, hostile_server, test_policy
from tests.support.site import NewsSite


@pytest.fixture(scope="module")
def site() -> Iterator[HostileSite]:
    with hostile_server() as running:
        yield running


def test_policy_defaults_equal_the_settings_defaults() -> None:
    from flows.settings import FeedSettings

    settings, policy = FeedSettings(), FetchPolicy()
    for name in (
        "timeout_s",
        "connect_timeout_s",
        "max_body_bytes",
        "max_redirects",
        "max_retries",
        "user_agent",
        "max_concurrency",
        "per_host_concurrency",
        "per_host_interval_s",
        "allowed_private_networks",
        "respect_robots",
    ):
        assert getattr(policy, name) == getattr(settings, name), name


def test_user_agent_and_accept_encoding_are_sent(site: HostileSite) -> None:
    with Fetcher(test_policy()) as fetcher:
        response = fetcher.get(site.url("good"), kind="feed")
    assert response.ok and response.body.startswith(b"<?xml")
    path, headers = [r for r in site.requests if r[0] == "/good.xml"][-1]
    assert headers["User-Agent"].startswith("dealwatch/")
    assert headers["Accept-Encoding"] == "gzip, deflate"
    assert response.headers["content-type"] == "application/rss+xml"


def test_gzip_content_encoding_is_decompressed() -> None:
    body = b"<rss>" + b"x" * 10_000 + b"</rss>"
    with NewsSite() as news, Fetcher(test_policy()) as fetcher:
        news.route("/z.xml", gzip.compress(body), headers={"Content-Encoding": "gzip"})
        news.route("/d.xml", zlib.compress(body), headers={"Content-Encoding": "deflate"})
        news.route("/raw.xml", zlib.compress(body)[2:-4], headers={"Content-Encoding": "deflate"})
        news.route("/br.xml", b"\x00", headers={"Content-Encoding": "br"})
        assert fetcher.get(news.url("/z.xml")).body == body
        assert fetcher.get(news.url("/d.xml")).body == body
        assert fetcher.get(news.url("/raw.xml")).body == body
        unsupported = fetcher.get(news.url("/br.xml"))
    assert unsupported.status is FetchStatus.HARD_ERROR and "unsupported content-encoding" in (
        unsupported.error or ""
    )


def test_body_limit_from_content_length_and_from_streaming(site: HostileSite) -> None:
    with Fetcher(test_policy(max_body_bytes=1000)) as fetcher:
        declared = fetcher.get(site.url("many_items"), kind="feed")
        streamed = fetcher.get(site.url("too_big"), kind="feed")
    assert declared.error is not None and declared.error.startswith(
        "body larger than 1000 bytes (Content-Length"
    )
    assert streamed.error == "body larger than 1000 bytes"
    assert declared.status is streamed.status is FetchStatus.HARD_ERROR


def test_gunzip_limited_stops_a_bomb_at_the_cap() -> None:
    bomb = gzip.compress(b"\0" * 5_000_000)
    with pytest.raises(BodyTooLarge, match="decompressed body larger than 100000 bytes"):
        gunzip_limited(bomb, 100_000)
    assert gunzip_limited(gzip.compress(b"hello"), 100) == b"hello"


def test_redirects_are_followed_and_each_hop_checked() -> None:
    with NewsSite() as news, Fetcher(test_policy(max_redirects=2)) as fetcher:
        news.route("/a", b"", status=301, headers={"Location": "/b"})
        news.route("/b", b"", status=302, headers={"Location": news.url("/c")})
        news.route("/c", b"final")
        news.route("/x1", b"", status=302, headers={"Location": "/x2"})
        news.route("/x2", b"", status=302, headers={"Location": "/x3"})
        news.route("/x3", b"", status=302, headers={"Location": "/c"})
        news.route(
            "/evil", b"", status=307, headers={"Location": "http://[::ffff:169.254.169.254]/"}
        )
        ok = fetcher.get(news.url("/a"))
        too_many = fetcher.get(news.url("/x1"))
        evil = fetcher.get(news.url("/evil"))
    assert ok.body == b"final" and ok.final_url == news.url("/c") and ok.url == news.url("/a")
    assert too_many.error == "too many redirects (more than 2)"
    assert evil.error == "refused: ::ffff:a9fe:a9fe is link-local"


def test_retry_after_date_and_seconds() -> None:
    assert parse_retry_after("7") == 7.0
    assert parse_retry_after("soon") is None
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0  # in the past: go now


def test_per_host_gate_caps_concurrency() -> None:
    in_flight = 0
    most = 0
    lock = threading.Lock()

    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    class Slow(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            nonlocal in_flight, most
            with lock:
                in_flight += 1
                most = max(most, in_flight)
            time.sleep(0.05)
            with lock:
                in_flight -= 1
            self.send_response(200)
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"ok")

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Slow)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/p"
    try:
        with Fetcher(test_policy(per_host_concurrency=2, max_concurrency=8)) as fetcher:
            from concurrent.futures import ThreadPoolExecutor

            with ThreadPoolExecutor(8) as pool:
                results = list(pool.map(lambda _: fetcher.get(url, kind="feed"), range(12)))
    finally:
        server.shutdown()
        server.server_close()
    assert all(r.ok for r in results)
    assert most == 2


def test_per_host_interval_spaces_request_starts() -> None:
    with NewsSite() as news, Fetcher(test_policy(per_host_interval_s=0.2)) as fetcher:
        news.route("/p", b"ok")
        started = time.monotonic()
        for _ in range(3):
            fetcher.get(news.url("/p"), kind="feed")
        elapsed = time.monotonic() - started
    # Three starts spaced 0.2 s apart cannot all happen in less than 0.4 s (a lower bound, not a speed test).
    assert elapsed >= 0.4


def test_robots_rules() -> None:
    agent = agent_token(FetchPolicy().user_agent)
    assert agent == "dealwatch"
    parsed = rules_from_answer(
        RobotsAnswer(200, "User-agent: dealwatch\nDisallow: /x/\n", True), 0.0
    )
    assert not parsed.allows("http://h/x/1", agent) and parsed.allows("http://h/y", agent)
    assert rules_from_answer(RobotsAnswer(404, None, True), 0.0).allows("http://h/x", agent)
    assert not rules_from_answer(RobotsAnswer(503, None, True), 0.0).allows("http://h/x", agent)
    assert rules_from_answer(RobotsAnswer(None, None, False), 0.0).allows("http://h/x", agent)


def test_robots_is_fetched_once_per_host_and_only_for_pages(site: HostileSite) -> None:
    with Fetcher(test_policy()) as fetcher:
        before = site.hits("/robots.txt")
        assert fetcher.get(site.url("page_good")).ok
        assert fetcher.get(site.url("page_good")).ok
        refused = fetcher.get(site.url("page_private"))
        feed = fetcher.get(site.base + "/private/feed.xml", kind="feed")
    assert site.hits("/robots.txt") == before + 1
    assert refused.status is FetchStatus.HARD_ERROR and "robots disallow" in (refused.error or "")
    assert feed.http_status == 404  # feeds are not subject to robots


def test_robots_5xx_blocks_the_host_and_can_be_switched_off() -> None:
    with NewsSite() as news:
        news.route("/robots.txt", b"down", status=503)
        news.route("/page", b"<html><body>hello</body></html>")
        with Fetcher(test_policy(max_retries=0)) as fetcher:
            blocked = fetcher.get(news.url("/page"))
        with Fetcher(test_policy(respect_robots=False)) as fetcher:
            free = fetcher.get(news.url("/page"))
    assert blocked.status is FetchStatus.HARD_ERROR and "robots" in (blocked.error or "")
    assert free.ok


def test_close_is_idempotent() -> None:
    fetcher = Fetcher(test_policy())
    fetcher.close()
    fetcher.close()
