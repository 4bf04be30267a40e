"""A host that is down costs one failure per run, not one per page (issue 19), through the real
`monitor` flow on 127.0.0.1.

Three dead hosts beside a good feed: 200 items on a port that refuses connections, 200 on a
name that does not resolve, 50 on a server that resets every connection (it counts them).
Then the refusing host comes up at its address, and the next run upgrades its pages from
summary to full text, once, raising the alerts their figures call for with their own dates.

Before: each of the 450 pages was requested and retried on its own (three attempts, with one
and two seconds of backoff between them), and each was then known for ever from its summary.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from extractors.fetch.client import Fetcher
from extractors.records import FetchStatus
from tests.support.cli_process import run_piped
from tests.support.config import write_config
from tests.support.dead_hosts import ResettingServer, closed_port
from tests.support.hostile import test_policy
from tests.support.reads import query
from tests.support.site import NewsSite, Story, article_page, publish, rss_feed

pytestmark = pytest.mark.timeout(420)

REFUSED_PAGES = 200
UNRESOLVED_PAGES = 200
RESET_PAGES = 50
DEAD_NAME = "feeds.dead-publisher.invalid"
DEAL_PAGE = "/news/7"  # on the refusing host: the page that states a deal's figures
DEAL_PARAGRAPHS = [
    "Meta will pay $14.3 billion for a 49% stake in Scale AI, and Scale AI chief executive "
    "Alexandr Wang will join Meta to lead a new superintelligence group, the companies said.",
    "The investment values Scale AI at more than $29 billion, people familiar with the terms "
    "said. Scale AI will remain an independent company.",
] * 3


def _items(base: str, count: int, label: str) -> list[dict[str, str]]:
    return [
        {
            "title": f"{label} story {n}",
            "link": f"{base}/news/{n}",
            "description": f"The summary of {label} story {n}.",
        }
        for n in range(count)
    ]


def _page(n: int) -> str:
    paragraphs = (
        DEAL_PARAGRAPHS
        if f"/news/{n}" == DEAL_PAGE
        else [
            f"Story {n}: the company said its quarterly revenue rose, citing demand for chips.",
            f"Story {n}: analysts had expected a smaller rise, according to a poll of brokers.",
            f"Story {n}: shares rose in early trading after the update, the exchange said.",
        ]
    )
    return article_page(
        title=f"Refused story {n}",
        author="Staff",
        published="2025-06-20T09:00:00Z",
        outlet="The Comeback Times",
        paragraphs=paragraphs,
    )


PAGES = 10


def _get_all(fetcher: Fetcher, base: str, count: int = PAGES) -> list:
    return [fetcher.get(f"{base}/news/{n}") for n in range(count)]


def test_a_host_whose_tls_fails_is_asked_once():
    with ResettingServer(says=b"HTTP/1.0 400 Bad Request\r\n\r\n") as plain:
        with Fetcher(test_policy(max_retries=2)) as fetcher:
            answers = _get_all(fetcher, plain.tls_base)
        assert plain.connections == 1
        assert all(a.status is FetchStatus.SOFT_ERROR for a in answers)
        assert answers[0].error.startswith("host unreachable: TLS failed")
        assert all("not requested" in a.error for a in answers[1:])


def test_resets_are_retried_and_trip_the_host_after_n_in_a_row():
    with ResettingServer() as reset:
        with Fetcher(test_policy(max_retries=1, host_failures_to_trip=5)) as fetcher:
            answers = _get_all(fetcher, reset.base)
        # robots.txt once, then two pages of two attempts each (a reset may pass: it is retried):
        # the fifth failure in a row trips the host, and the eight pages left are not asked for.
        assert reset.connections == 5
        assert "reset" in answers[0].error and answers[0].attempts == 2
        assert answers[1].error.startswith("host unreachable: 5 requests in a row failed")
        assert all(a.error.endswith("(not requested: the host failed earlier in this run)")
                   for a in answers[2:])  # fmt: skip


def test_503s_are_retried_and_never_trip_the_host():
    with NewsSite() as site:
        for n in range(PAGES):
            site.route(f"/news/{n}", "busy", status=503)
        with Fetcher(test_policy(max_retries=2, host_failures_to_trip=1)) as fetcher:
            answers = _get_all(fetcher, site.base)
            assert fetcher.host_trips() == []
        # An answer: the host is there, and worth the wait; each page asked for three times.
        assert sum(path.startswith("/news/") for _, path, _ in site.requests) == PAGES * 3
        assert {a.http_status for a in answers} == {503}


def test_with_the_breaker_off_every_page_is_asked_for():
    with ResettingServer() as reset:
        with Fetcher(test_policy(max_retries=1, host_failures_to_trip=0)) as fetcher:
            answers = _get_all(fetcher, reset.base)
            assert fetcher.host_trips() == []
        assert reset.connections == 1 + PAGES * 2  # robots.txt, then each page twice
        assert not any(a.error.startswith("host unreachable") for a in answers)


def test_a_name_that_does_not_resolve_is_tried_once_and_a_good_host_beside_it_is_not_touched():
    with NewsSite() as site:
        for n in range(PAGES):
            site.route(f"/news/{n}", "<p>fine</p>")
        with Fetcher(test_policy(max_retries=2)) as fetcher:
            dead = _get_all(fetcher, f"http://{DEAD_NAME}")
            good = _get_all(fetcher, site.base)
            (trip,) = fetcher.host_trips()
        # One request tried (its robots.txt, the first one a host gets); no page was sent.
        assert trip.host == DEAD_NAME and trip.requests == 1 and trip.skipped == PAGES
        assert dead[0].error.startswith("host unreachable: name does not resolve")
        assert [a.status for a in good] == [FetchStatus.OK] * PAGES


@pytest.mark.slow
@pytest.mark.usefixtures("prefect_harness")
def test_dead_hosts_cost_a_few_requests_and_their_pages_are_fetched_when_back(tmp_path):
    from flows.pipeline import monitor

    port = closed_port()
    refused = f"http://127.0.0.1:{port}"
    updated = datetime(2025, 6, 20, tzinfo=UTC)
    with NewsSite() as site, ResettingServer() as reset:
        good = publish(
            site,
            [
                Story(f"/good/{n}", "The Ledger", f"Good story {n}", (f"Good story {n} text.",) * 6)
                for n in range(3)
            ],
            feed_path="/good.xml",
        )
        feeds = [("Good", good)]
        for name, base, count in (
            ("Refused", refused, REFUSED_PAGES),
            ("Unresolved", f"http://{DEAD_NAME}", UNRESOLVED_PAGES),
            ("Reset", reset.base, RESET_PAGES),
        ):
            url = site.route(
                f"/{name.lower()}.xml",
                rss_feed(name, _items(base, count, name), updated=updated),
                content_type="application/rss+xml",
            )
            feeds.append((name, url))
        config = write_config(tmp_path / "config", feeds=feeds)
        path = config / "dealwatch.toml"
        path.write_text(
            path.read_text()
            .replace("max_retries = 0", "max_retries = 2")
            .replace("[feeds]\n", "[feeds]\nrefetch_per_run = 500\npage_batch_size = 50\n", 1)
        )
        warehouse = config / "data" / "dealwatch.duckdb"

        first = monitor(config_dir=str(config), backfill_seeds=False)
        assert first["feeds"]["failed"] == []
        dead = REFUSED_PAGES + UNRESOLVED_PAGES + RESET_PAGES
        assert (
            first["store"]["articles_new"] == dead + 3 and first["store"]["pages_waiting"] == dead
        )
        good_pages = query(
            warehouse, "SELECT extraction FROM articles WHERE url LIKE ?", [site.base + "/good/%"]
        )
        assert good_pages == [("trafilatura",)] * 3
        # A few requests on each dead host, counted where they land (or by the client for a port
        # that refuses and a name that does not resolve, where nothing can count them): the
        # failures in a row that trip it, and those already in flight (per_host_concurrency 4).
        assert reset.connections <= 3 + 4, reset.connections
        sent = {t["host"]: t["requests"] for t in first["hosts_left"]}
        assert sent[f"127.0.0.1:{port}"] <= 3 and sent[DEAD_NAME] <= 3
        waiting = dict(query(warehouse, "SELECT host, count(*) FROM waiting_pages GROUP BY host"))
        assert waiting == {
            f"127.0.0.1:{port}": REFUSED_PAGES,
            DEAD_NAME: UNRESOLVED_PAGES,
            reset.base.removeprefix("http://"): RESET_PAGES,
        }
        notes = {
            host: reason
            for host, reason in query(warehouse, "SELECT host, reason FROM waiting_pages")
        }
        assert notes[f"127.0.0.1:{port}"].startswith("host unreachable: connection refused")
        assert notes[DEAD_NAME].startswith("host unreachable: name does not resolve")
        assert notes[reset.base.removeprefix("http://")].startswith(
            "host unreachable: 3 requests in a row failed"
        )
        health = {
            row[0]: row[1:]
            for row in query(
                warehouse, "SELECT host, status, since IS NOT NULL, pages_waiting FROM host_health"
            )
        }
        assert health[DEAD_NAME] == ("unreachable", True, UNRESOLVED_PAGES)
        assert health[f"127.0.0.1:{port}"] == ("unreachable", True, REFUSED_PAGES)

        shown = run_piped(["feeds", "--config", str(config)], cwd=tmp_path)
        assert shown.status == 0, shown.stderr
        assert DEAD_NAME in shown.stdout and f"127.0.0.1:{port}" in shown.stdout
        host_line = next(line for line in shown.stdout.splitlines() if DEAD_NAME in line)
        assert "unreachable" in host_line and str(UNRESOLVED_PAGES) in host_line

        # The refusing host comes up at its address.
        with NewsSite(port=port) as back:
            for n in range(REFUSED_PAGES):
                back.route(f"/news/{n}", _page(n))
            second = monitor(config_dir=str(config), backfill_seeds=False, force_poll=True)
            assert second["store"]["articles_upgraded"] == REFUSED_PAGES
            assert second["entries"]["new"] == 0
            upgraded = query(
                warehouse,
                "SELECT extraction, source, published FROM articles WHERE url LIKE ?",
                [refused + "/news/%"],
            )
            assert set(upgraded) == {("trafilatura", "The Comeback Times", date(2025, 6, 20))}
            figures = query(
                warehouse,
                "SELECT metric, published FROM figures WHERE url = ?",
                [refused + DEAL_PAGE],
            )
            assert ("target_valuation_usd", date(2025, 6, 20)) in figures
            raised = query(
                warehouse,
                "SELECT kind, metric FROM alert_log WHERE run_id = ?",
                [second["run_id"]],
            )
            assert ("new_figure", "stake_pct") in raised and ("new_deal", None) in raised
            asked = sum(p.startswith("/news/") for _, p, _ in back.requests)
            assert asked == REFUSED_PAGES

            third = monitor(config_dir=str(config), backfill_seeds=False, force_poll=True)
            assert third["store"]["articles_upgraded"] == 0
            assert sum(p.startswith("/news/") for _, p, _ in back.requests) == asked  # once

        health = {
            row[0]: row[1:]
            for row in query(
                warehouse, "SELECT host, status, pages_waiting, pages_recovered FROM host_health"
            )
        }
        assert health[f"127.0.0.1:{port}"] == ("reachable again", 0, REFUSED_PAGES)
        assert health[DEAD_NAME] == ("unreachable", UNRESOLVED_PAGES, 0)
        attempts = query(
            warehouse, "SELECT DISTINCT attempts FROM waiting_pages WHERE host = ?", [DEAD_NAME]
        )
        assert attempts == [(3,)]  # tried again each run, cheaply, and still waiting
