"""The whole line through the real Prefect flows: seeds backfill, a feed on 127.0.0.1, e-mail alerts.

A local news site serves an RSS feed and four article pages (one repeating a
known figure, one stating a new figure, one contradicting a known figure, one
unrelated); an aiosmtpd server receives the alerts through apprise.
"""

from __future__ import annotations

import pytest

from tests.support.config import write_config
from tests.support.paths import REPO
from tests.support.reads import query
from tests.support.receivers import SmtpReceiver
from tests.support.site import NewsSite
from tests.support.stories import build_site

pytestmark = pytest.mark.usefixtures("prefect_harness")


@pytest.mark.slow
def test_backfill_then_monitor_alerts_by_email_once(tmp_path, monkeypatch):
    from flows.pipeline import backfill, monitor

    with NewsSite() as site, SmtpReceiver() as smtp:
        feed_url = build_site(site)
        config = write_config(
            tmp_path / "config", feeds=[("The Ledger", feed_url)], seeds_dir=REPO / "seeds"
        )
        monkeypatch.setenv("DEALWATCH_NOTIFY", smtp.apprise_url(to="deals@example.com"))
        warehouse = config / "data" / "dealwatch.duckdb"

        first = backfill(config_dir=str(config))
        assert first["store"]["articles_new"] == 4
        assert smtp.messages == [], (
            "a backfill records its alerts as the baseline without sending them"
        )
        again = backfill(config_dir=str(config))
        assert again["store"]["articles_new"] == 0

        summary = monitor(config_dir=str(config))
        assert summary["feeds"]["failed"] == []
        assert summary["store"]["articles_new"] == 4

        relevance = dict(
            query(warehouse, "SELECT url, relevance FROM articles WHERE url LIKE 'http%'")
        )
        assert relevance[site.url("/news/unrelated")] == "unrelated"
        assert relevance[site.url("/news/contradiction")] == "subject"
        figures = query(
            warehouse,
            "SELECT metric, stated, source FROM figures WHERE url = ?",
            [site.url("/news/new-figure")],
        )
        assert ("target_valuation_usd", "$29.2 billion", "The Ledger") in figures
        contradictions = query(
            warehouse,
            "SELECT metric, subject, a_low, a_high, b_stated, b_low FROM contradictions ORDER BY metric",
        )
        assert (
            "deal_amount_usd",
            "meta--scale-ai",
            14.25e9,
            14.35e9,
            "$10 billion",
            9.5e9,
        ) in contradictions
        assert ("person_age", "Alexandr Wang", 28.0, 28.0, "21 years old", 21.0) in contradictions

        mails = smtp.wait_for(2)
        subjects = sorted(m.subject for m in mails)
        assert len(mails) == 2, subjects
        contradiction = next(m for m in mails if "contradiction" in m.subject)
        new_figure = next(
            m for m in mails if "new_figure" in m.subject or "new figure" in m.subject
        )
        for mail in (contradiction, new_figure):
            assert "Scale AI" in mail.subject
            assert "The Ledger" in mail.text
        assert "$10 billion" in contradiction.text and "$14.3" in contradiction.text
        assert "Associated Press" in contradiction.text, "a contradiction names both sides' sources"
        assert "$29.2 billion" in new_figure.text
        assert query(warehouse, "SELECT count(*) FROM alert_log WHERE status = 'pending'") == [(0,)]

        second = monitor(config_dir=str(config), force_poll=True)
        assert second["store"]["articles_new"] == 0
        assert smtp.wait_for(3, timeout_s=2) == mails, (
            "a second pass finds nothing new and sends nothing"
        )


def test_failing_feeds_are_recorded_and_do_not_stop_the_run(tmp_path):
    from flows.pipeline import monitor

    with NewsSite() as site:
        good = build_site(site)
        broken = site.route("/500.xml", b"server error", status=500, content_type="text/plain")
        malformed = site.route(
            "/bad.xml", b"<rss><channel><item><title>unclosed", content_type="application/rss+xml"
        )
        slow = site.route("/slow.xml", b"<rss/>", delay_s=6, content_type="application/rss+xml")
        config = write_config(
            tmp_path / "config",
            feeds=[("good", good), ("broken", broken), ("malformed", malformed), ("slow", slow)],
        )
        summary = monitor(config_dir=str(config), backfill_seeds=False)
        warehouse = config / "data" / "dealwatch.duckdb"

        assert summary["store"]["articles_new"] == 4
        failed = {f["name"]: f["error"] for f in summary["feeds"]["failed"]}
        assert set(failed) == {"broken", "malformed", "slow"}
        assert "500" in failed["broken"]
        health = dict(
            (name, (failures, error))
            for name, failures, error in query(
                warehouse, "SELECT name, consecutive_failures, last_error FROM feed_health"
            )
        )
        assert health["good"] == (0, None)
        assert all(
            health[name][0] == 1 and health[name][1] for name in ("broken", "malformed", "slow")
        )
        assert query(
            warehouse, "SELECT count(*) FROM articles WHERE feed_url = ?".replace("?", f"'{good}'")
        ) == [(4,)]
