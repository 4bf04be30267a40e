"""The warehouse on real DuckDB files: migrations, idempotent stores, the outbox, the views."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import duckdb
import pytest

from extractors.records import (
    Analysis,
    Article,
    FeedEntry,
    FeedPollResult,
    FetchStatus,
)
from tests.support.batches import WIRE, analysed, article, seeds_like_batch, store_batch
from tests.support.records import NOW, copy_stored_rows
from tests.support.records import claim as figure
from warehouse import db, outbox, queries, store, write_articles
from warehouse.export import export_parquet
from warehouse.records import DeliveryOutcome, DeliveryReport
from warehouse.rows import LOOKUPS


def rows(path: Path, sql: str) -> list[tuple]:
    with db.read_connection(path) as con:
        return con.execute(sql).fetchall()


def test_migrations_apply_once_and_refuse_a_newer_file(tmp_path):
    path = tmp_path / "w.duckdb"
    with db.write_connection(path) as con:
        assert db.schema_version(con) == db.code_version()
        assert db.migrate(con) == []
        con.execute("INSERT INTO store.schema_migrations VALUES (999, '999_future.sql', now())")
    with pytest.raises(db.WarehouseError, match="newer than this code"), db.write_connection(path):
        pass


def test_read_connection_on_a_missing_file_says_what_to_do(tmp_path):
    with (
        pytest.raises(db.WarehouseError, match="run `dealwatch run`"),
        db.read_connection(tmp_path / "none.duckdb"),
    ):
        pass


def test_seeds_like_batch_gives_one_contradiction_and_copies_count_once(tmp_path):
    path = tmp_path / "w.duckdb"
    result = store_batch(path, seeds_like_batch())
    assert result.articles_new == 4 and result.deals_new == 2
    assert rows(path, "SELECT duplicate_of FROM articles WHERE article_id = 'copy'") == [("wire",)]
    contradictions = rows(
        path, "SELECT subject, metric, a_stated, b_stated, a_sources, b_sources FROM contradictions"
    )
    assert contradictions == [
        ("Alexandr Wang", "person_age", "Now 28", "21 years old", ["VCPOST"], ["Translated"])
    ]
    deal = rows(
        path,
        "SELECT acquirer, target, people, articles, sources FROM deals WHERE deal_id = 'meta--scale-ai'",
    )
    assert deal == [("Meta", "Scale AI", ["Alexandr Wang"], 4, 3)]
    amount = rows(
        path,
        "SELECT independent_sources, sources FROM accepted_figures WHERE metric = 'deal_amount_usd'",
    )
    assert amount == [(1, ["Associated Press", "Some Blog"])]
    kinds = rows(path, "SELECT kind, count(*) FROM alert_log GROUP BY kind ORDER BY kind")
    # one new_deal (Inflection is only named in passing), four first figures, one contradiction
    assert kinds == [("contradiction", 1), ("new_deal", 1), ("new_figure", 5)]


# accepted_figures as 002 computed it, from every claim at query time (003 keeps it with each accepted value).
FIGURES_FROM_EVERY_CLAIM = """
WITH key_claims AS (
    SELECT acc.deal_id, acc.subject, acc.metric, acc.low AS accepted_low, acc.high AS accepted_high,
        c.stated, c.low, c.high, a.source, a.story_id,
        coalesce(c.low, '-infinity'::DOUBLE) <= coalesce(acc.high, 'infinity'::DOUBLE)
            AND coalesce(acc.low, '-infinity'::DOUBLE) <= coalesce(c.high, 'infinity'::DOUBLE) AS agrees
    FROM store.accepted acc
    JOIN store.claims c ON c.deal_id = acc.deal_id AND c.subject = acc.subject AND c.metric = acc.metric
    JOIN store.articles a ON a.article_id = c.article_id
)
SELECT deal_id, subject, metric, any_value(accepted_low), any_value(accepted_high),
    list(DISTINCT source ORDER BY source) FILTER (WHERE agrees),
    count(DISTINCT story_id) FILTER (WHERE agrees),
    list({'stated': stated, 'low': low, 'high': high, 'source': source} ORDER BY source) FILTER (WHERE NOT agrees),
    count(DISTINCT story_id) FILTER (WHERE NOT agrees)
FROM key_claims GROUP BY ALL ORDER BY ALL
"""
SHOWN_FIGURES = "SELECT * FROM accepted_figures ORDER BY ALL"


def dissenting_batch() -> list[tuple[Article, Analysis]]:
    """Two later articles: one disputes the amount and the stake, one repeats the amount."""
    low_ball = "Rival outlet says Meta pays $11 billion for a 40% stake in Scale AI, per Reuters and Bloomberg."
    repeat = "Meta pays $14.3 billion for Scale AI, Wang confirms in New York to Reuters and CNBC."
    return [
        analysed(
            "lowball",
            low_ball,
            "Rival",
            0.8,
            (
                figure("lowball", "deal_amount_usd", "$11 billion", 10.5e9, 11.5e9, low_ball),
                figure("lowball", "stake_pct", "40%", 39.5, 40.5, low_ball),
            ),
        ),
        analysed(
            "repeat",
            repeat,
            "CNBC",
            0.8,
            (figure("repeat", "deal_amount_usd", "$14.3 billion", 14.25e9, 14.35e9, repeat),),
        ),
    ]


def test_accepted_figures_show_every_claim_of_their_key(tmp_path):
    path = tmp_path / "w.duckdb"
    store_batch(path, seeds_like_batch())
    store_batch(path, dissenting_batch())
    shown = rows(path, SHOWN_FIGURES)
    assert shown == rows(path, FIGURES_FROM_EVERY_CLAIM)
    amount = [r for r in shown if r[2] == "deal_amount_usd"]
    assert amount[0][5:] == (
        ["Associated Press", "CNBC", "Some Blog"],
        2,
        [{"stated": "$11 billion", "low": 10.5e9, "high": 11.5e9, "source": "Rival"}],
        1,
    )


def test_a_warehouse_from_before_003_shows_the_same_figures_after_upgrading(tmp_path):
    current, old = tmp_path / "current.duckdb", tmp_path / "old.duckdb"
    store_batch(current, seeds_like_batch())
    store_batch(current, dissenting_batch())
    con = duckdb.connect(str(old))
    try:
        db.migrate(con, upto=2)
        copy_stored_rows(con, current)
        con.execute(
            "INSERT INTO store.accepted SELECT deal_id, subject, metric, low, high, claim_id, independent_sources, "
            "updated_at FROM current.store.accepted"
        )
        con.execute("DETACH current")
        assert "003_fast_views.sql" in db.migrate(con)
    finally:
        con.close()
    assert rows(old, SHOWN_FIGURES) == rows(current, SHOWN_FIGURES)
    assert rows(old, "SELECT * FROM deals ORDER BY deal_id") == rows(
        current, "SELECT * FROM deals ORDER BY deal_id"
    )


def test_storing_the_same_batch_twice_changes_nothing(tmp_path):
    path = tmp_path / "w.duckdb"
    store_batch(path, seeds_like_batch())
    counts = "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM figures), (SELECT count(*) FROM alert_log)"
    before = rows(path, counts)
    again = store_batch(path, seeds_like_batch())
    assert again.articles_new == 0 and again.articles_skipped == 4 and again.alerts_new == 0
    assert rows(path, counts) == before


def test_a_batch_larger_than_one_insert_keeps_every_article_and_its_copies(tmp_path):
    """Articles go in by statements of ``_ARTICLES_A_STATEMENT``: nothing lost at the seams,
    and a copy in a later statement still joins the story of its original."""
    path = tmp_path / "w.duckdb"
    count = 2 * write_articles.ARTICLES_A_STATEMENT + 7
    items = []
    for i in range(count):
        filler = " ".join(f"word{(i * 7919 + k * 104729) % 100003}" for k in range(80))
        text = WIRE if i in (0, count - 1) else filler
        items.append(
            (
                article(f"a{i:04d}", text, f"outlet{i % 5}"),
                Analysis(article_id=f"a{i:04d}", relevance="irrelevant", score=0.0, evidence=""),
            )
        )
    assert store_batch(path, items).articles_new == count
    stored = rows(
        path,
        "SELECT article_id, source, text, duplicate_of FROM store.articles ORDER BY article_id",
    )
    assert [(r[0], r[1], r[2]) for r in stored] == [
        (a.article_id, a.source, a.text) for a, _ in items
    ]
    copies = {r[0]: r[3] for r in stored if r[3] is not None}
    assert copies == {f"a{count - 1:04d}": "a0000"}
    last_original = items[count - 2][0]
    fingerprints = rows(
        path,
        f"SELECT fingerprint FROM store.articles WHERE article_id = '{last_original.article_id}'",
    )
    assert tuple(fingerprints[0][0]) == last_original.fingerprint


def test_the_same_fact_in_five_more_articles_raises_nothing(tmp_path):
    path = tmp_path / "w.duckdb"
    store_batch(path, seeds_like_batch())
    more = []
    for n in range(5):
        text = f"Outlet {n} in City{n} says Meta pays $14.3 billion for Scale AI, with Wang, Bloomberg and Reuters{n}."
        aid = f"more{n}"
        amount = figure(aid, "deal_amount_usd", "$14.3 billion", 14.25e9, 14.35e9, text)
        more.append(analysed(aid, text, f"Outlet {n}", 0.9, (amount,)))
    result = store_batch(path, more)
    assert result.articles_new == 5 and result.alerts_new == 0
    reasons = rows(
        path, "SELECT DISTINCT reason FROM store.alert_decisions WHERE article_id LIKE 'more%'"
    )
    assert len(reasons) == 1 and "known fact" in reasons[0][0]


def test_a_backfill_is_the_baseline_and_sends_nothing(tmp_path):
    path = tmp_path / "w.duckdb"
    result = store_batch(path, seeds_like_batch(), baseline=True)
    assert result.alerts_new == 0 and result.alerts_suppressed == 7
    with db.read_connection(path) as con:
        assert outbox.pending_alerts(con) == []
    assert rows(path, "SELECT DISTINCT status FROM alert_log") == [("suppressed",)]


def test_a_failed_store_leaves_nothing_of_the_batch(tmp_path):
    path = tmp_path / "w.duckdb"
    items = seeds_like_batch()
    broken = items[:2] + [(items[2][0], "not an analysis")]
    with pytest.raises(AttributeError), db.write_connection(path) as con:
        store.store_analyses(con, broken, run_id="r", policy=store.ReconcilePolicy(), now=NOW)  # type: ignore[list-item]
    assert rows(path, "SELECT count(*) FROM articles") == [(0,)]
    assert rows(path, "SELECT count(*) FROM alert_log") == [(0,)]


def test_outbox_delivery_is_recorded_per_channel(tmp_path):
    path = tmp_path / "w.duckdb"
    store_batch(path, seeds_like_batch())
    with db.read_connection(path) as con:
        pending = outbox.pending_alerts(con)
    assert len(pending) == 7 and pending[0].kind == "new_deal"
    contradiction = next(a for a in pending if a.kind == "contradiction")
    assert contradiction.figure.stated == "21 years old" and contradiction.other.stated == "Now 28"
    assert contradiction.other.sources == ("VCPOST",)
    failed = DeliveryReport(
        outcomes=tuple(
            DeliveryOutcome(a.alert_id, "mailto#1", False, NOW, error="connection refused")
            for a in pending
        )
    )
    with db.write_connection(path) as con:
        outbox.record_deliveries(con, failed)
    with db.read_connection(path) as con:
        still = outbox.pending_alerts(con)
    assert (
        len(still) == 7 and still[0].attempts == 1 and still[0].last_error == "connection refused"
    )
    done = DeliveryReport(
        outcomes=tuple(DeliveryOutcome(a.alert_id, "mailto#1", True, NOW) for a in pending),
        completed=tuple(a.alert_id for a in pending),
    )
    with db.write_connection(path) as con:
        outbox.record_deliveries(con, done)
    with db.read_connection(path) as con:
        assert outbox.pending_alerts(con) == []
        sent = outbox.get_alert(con, contradiction.alert_id)
        assert sent.status == "sent" and sent.channels_sent == ("mailto#1",)
        why = outbox.alert_decisions(con, contradiction.alert_id)
    assert [w["what"] for w in why][:1] == ["decision"] and "disjoint" in why[0]["reason"]
    with db.write_connection(path) as con:
        outbox.requeue_alert(con, contradiction.alert_id)
    with db.read_connection(path) as con:
        assert [a.alert_id for a in outbox.pending_alerts(con)] == [contradiction.alert_id]


def test_feed_health_and_one_failing_alert_per_streak(tmp_path):
    path = tmp_path / "w.duckdb"
    url = "http://127.0.0.1:9/feed.xml"

    def poll(status: FetchStatus, error: str | None = None) -> FeedPollResult:
        return FeedPollResult(
            feed_url=url,
            feed_name="broken",
            status=status,
            fetched_at=NOW,
            error=error,
            http_status=500 if error else 200,
            latency_ms=12.0,
        )

    raised = []
    for n, result in enumerate(
        [poll(FetchStatus.SOFT_ERROR, "HTTP 500")] * 4 + [poll(FetchStatus.OK)]
    ):
        with db.write_connection(path) as con:
            raised.append(
                store.record_feed_polls(con, [result], run_id=f"r{n}", failing_after=3, now=NOW)
            )
    assert [len(r) for r in raised] == [0, 0, 1, 0, 1]
    health = rows(
        path,
        "SELECT consecutive_failures, last_error, avg_latency_ms, last_status FROM feed_health",
    )
    assert health == [(0, "HTTP 500", 12.0, "ok")]
    assert rows(path, "SELECT kind FROM alert_log ORDER BY created_at, kind") == [
        ("feed_failing",),
        ("feed_recovered",),
    ]


def test_one_batch_of_polls_leaves_feeds_as_polling_them_one_by_one(tmp_path):
    """The run's polls go to the warehouse as one batch; a feed may be in it more than once."""
    flaky, steady = "http://127.0.0.1:9/flaky.xml", "http://127.0.0.1:9/steady.xml"
    entry = FeedEntry(
        feed_url=steady,
        entry_id="a1",
        url="https://news.example/a1?utm_source=rss",
        title="A1",
        summary="",
        published=None,
    )
    polls = [
        FeedPollResult(
            flaky, "flaky", FetchStatus.SOFT_ERROR, NOW, error="HTTP 500", latency_ms=9.0
        ),
        FeedPollResult(steady, "steady", FetchStatus.OK, NOW, etag='"v1"', entries=(entry,)),
        FeedPollResult(flaky, "flaky", FetchStatus.HARD_ERROR, NOW, error="not a feed"),
        FeedPollResult(steady, "steady", FetchStatus.NOT_MODIFIED, NOW, poll_interval_s=1800.0),
        FeedPollResult(flaky, "flaky", FetchStatus.OK, NOW, http_status=200, latency_ms=3.0),
    ]
    feeds = (
        "SELECT url, etag, last_status, last_error, consecutive_failures, polls, items_seen, "
        "latency_ms_total, latency_samples, poll_interval_s, failing_alerted FROM store.feeds ORDER BY url"
    )
    alerts = "SELECT kind FROM alert_log ORDER BY kind"
    batched, single = tmp_path / "batched.duckdb", tmp_path / "single.duckdb"
    with db.write_connection(batched) as con:
        raised = store.record_feed_polls(con, polls, run_id="r", failing_after=2, now=NOW)
    for result in polls:
        with db.write_connection(single) as con:
            store.record_feed_polls(con, [result], run_id="r", failing_after=2, now=NOW)
    assert len(raised) == 2
    assert rows(batched, feeds) == rows(single, feeds)
    assert rows(batched, feeds)[0][2:] == ("ok", "not a feed", 0, 3, 0, 12.0, 2, None, False)
    assert rows(batched, alerts) == rows(single, alerts) == [("feed_failing",), ("feed_recovered",)]
    assert rows(batched, "SELECT canonical_url, entry_id FROM store.feed_items") == [
        ("https://news.example/a1", "a1")
    ]


def test_lookups_beyond_placeholders_find_what_placeholders_find(tmp_path):
    """Past ``rows.LOOKUPS`` keys a lookup hands DuckDB its keys as an Arrow table, on a read
    connection too; it finds the same rows as a placeholder a key."""
    path = tmp_path / "w.duckdb"
    store_batch(path, seeds_like_batch())
    feeds = [f"http://127.0.0.1:9/{n:03d}.xml" for n in range(LOOKUPS + 36)]
    with db.write_connection(path) as con:
        store.record_feed_polls(
            con,
            [FeedPollResult(url, url[-7:], FetchStatus.OK, NOW, etag='"v"') for url in feeds],
            run_id="r",
            failing_after=3,
            now=NOW,
        )
    stored = {url for (url,) in rows(path, "SELECT canonical_url FROM store.articles")}
    unknown = [f"https://news.example/unknown/{n}" for n in range(LOOKUPS + 10)]
    with db.read_connection(path) as con:
        few_states = store.feed_states(con, feeds[:10])
        many_states = store.feed_states(con, [*feeds, *unknown])
        assert store.known_urls(con, [*stored, *unknown]) == stored
        assert store.known_urls(con, [*sorted(stored)[:2], *unknown[:5]]) == set(sorted(stored)[:2])
    assert set(many_states) == set(feeds)
    assert all(many_states[url] == state for url, state in few_states.items())
    assert many_states[feeds[-1]].etag == '"v"'


HOLD_READ_ONLY = textwrap.dedent(
    """
    import sys, time, duckdb
    con = duckdb.connect(sys.argv[1], read_only=True)
    print("holding", flush=True)
    time.sleep(float(sys.argv[2]))
    """
)


def test_a_writer_waits_for_a_reader_then_gives_up_cleanly(tmp_path):
    path = tmp_path / "w.duckdb"
    store_batch(path, seeds_like_batch()[:1])
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_READ_ONLY, str(path), "30"], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "holding"
        with (
            pytest.raises(db.WarehouseBusy, match="held by another process"),
            db.write_connection(path, timeout_s=1.0, retry_every_s=0.2),
        ):
            pass
    finally:
        holder.kill()
        holder.wait()
    with db.write_connection(path, timeout_s=5.0) as con:
        assert con.execute("SELECT count(*) FROM store.articles").fetchone() == (1,)


def test_export_writes_every_view_to_parquet(tmp_path):
    path = tmp_path / "w.duckdb"
    store_batch(path, seeds_like_batch())
    with db.read_connection(path) as con:
        written = export_parquet(con, tmp_path / "export")
        summary = queries.run_summary(con)
    assert {p.stem for p in written} >= {
        "articles",
        "deals",
        "figures",
        "contradictions",
        "alert_log",
    }
    assert duckdb.connect().execute(
        f"SELECT count(*) FROM '{tmp_path / 'export' / 'figures.parquet'}'"
    ).fetchone() == (9,)
    assert summary.contradictions[0]["metric"] == "person_age"


def _headcount(aid: str, text: str, stated: str, subject: str):
    return analysed(
        aid,
        text,
        aid.title(),
        0.8,
        (figure(aid, "target_headcount", stated, 12, 12, text, subject),),
    )


@pytest.mark.parametrize("one_run", [True, False])
def test_one_startup_spelt_two_ways_by_two_outlets_is_one_figure(tmp_path, one_run):
    """One outlet writes "Scale AI", another "SCALE ai" (as outlets write "FriendFeed" and
    "Friendfeed"): the same figure of the same startup is agreed with, not announced twice, and the
    second spelling takes the first's, in one run or in two."""
    first = _headcount("first", "Scale AI has 12 people on its team.", "12 people", "Scale AI")
    second = _headcount("second", "SCALE ai employs 12 people.", "12 people", "SCALE ai")
    path = tmp_path / "w.duckdb"
    if one_run:
        store_batch(path, [first, second])
    else:
        store_batch(path, [first])
        store_batch(path, [second])
    assert rows(path, "SELECT DISTINCT subject FROM figures WHERE metric = 'target_headcount'") == [
        ("Scale AI",)
    ]
    assert rows(path, "SELECT count(*) FROM alert_log WHERE kind = 'new_figure'") == [(1,)]
    assert rows(path, "SELECT independent_sources FROM accepted_figures") == [(2,)]
