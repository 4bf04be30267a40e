"""Writing a run's results: the public entry points of the warehouse's writers.

Every function takes an open write connection and does its work in one
transaction: all of a batch is written, or none of it. Writes are keyed on
natural keys (article id, claim id, deal id, dedup key), so storing the same
batch twice changes nothing and raises nothing twice.

The work is done by one module per concern; this one keeps the names callers use:

- :mod:`warehouse.write_feeds`: feed state and health (``record_feed_polls``,
  ``feed_states``, ``known_urls``), ``feed_failing`` / ``feed_recovered``, and the
  hosts a run stopped asking (``record_host_trips``);
- :mod:`warehouse.write_articles`: articles and their stories (syndication matching);
- :mod:`warehouse.write_refetch`: pages stored from their summaries and fetched again
  (the queue, ``refetch_entries``, summaries replaced by their pages in place), and
  aggregator links known as other links to stored pages (``store.url_aliases``);
- :mod:`warehouse.write_deals`: deals, mentions, claims, accepted values,
  contradictions, and the alerts and audit rows they raise;
- :mod:`warehouse.rules`: what a team is told (pure: ``decide`` and the ``new_deal``
  rules), with :mod:`warehouse.reconcile` weighing intervals;
- :mod:`warehouse.rows`: one column list per table and the statements built from it;
- :mod:`warehouse.outbox`: the alerts waiting to be delivered.

Alert policy (the audit trail in ``store.alert_decisions`` records each choice):
``new_deal`` once per deal, when an article is about it or states a figure of it (a
deal only named in passing gets its row, and a decision saying why it stayed quiet);
``new_figure`` and ``contradiction`` per :func:`warehouse.rules.decide`; a backfill
records its alerts as the baseline (suppressed, not sent) unless asked to notify;
muted deals and metrics are recorded as suppressed too.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any

import duckdb

from extractors.records import Analysis, Article
from warehouse import write_articles, write_deals, write_refetch
from warehouse.db import transaction
from warehouse.records import LinkAlias, StoreResult
from warehouse.rules import ReconcilePolicy as ReconcilePolicy  # flows build store.ReconcilePolicy
from warehouse.write_feeds import feed_states as feed_states
from warehouse.write_feeds import known_urls as known_urls
from warehouse.write_feeds import record_feed_polls as record_feed_polls
from warehouse.write_feeds import record_host_trips as record_host_trips
from warehouse.write_refetch import refetch_entries as refetch_entries

# --- runs -------------------------------------------------------------------


def start_run(
    con: duckdb.DuckDBPyConnection, kind: str, now: datetime, *, run_id: str | None = None
) -> str:
    run_id = run_id or f"{now:%Y%m%dT%H%M%SZ}-{kind}"
    # Keyed writes check their key themselves: a DuckLake has no constraints to conflict on.
    con.execute(
        "INSERT INTO store.runs (run_id, kind, started_at) SELECT ?, ?, ? "
        "WHERE NOT EXISTS (SELECT 1 FROM store.runs WHERE run_id = ?)",
        [run_id, kind, now, run_id],
    )
    return run_id


def finish_run(
    con: duckdb.DuckDBPyConnection,
    run_id: str,
    *,
    status: str,
    summary: Mapping[str, Any],
    now: datetime,
) -> None:
    """Record a run's end once: a second call for the same run (an end kept for later and
    recorded by the next run, then recorded again after a crash) changes nothing."""
    con.execute(
        "INSERT INTO store.run_ends (run_id, status, finished_at, summary) "
        "SELECT ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM store.run_ends WHERE run_id = ?)",
        [run_id, status, now, json.dumps(summary, default=str), run_id],
    )


# --- articles, deals, claims -------------------------------------------------


def store_analyses(
    con: duckdb.DuckDBPyConnection,
    items: Sequence[tuple[Article, Analysis]],
    *,
    run_id: str,
    policy: ReconcilePolicy,
    now: datetime,
    aliases: Sequence[LinkAlias] = (),
    give_up_after: timedelta | None = None,
) -> StoreResult:
    """One transaction: articles, syndication groups, deals, mentions, claims, reconciliation, outbox.

    Pages fetched again (``Article.refetched``) replace their stored summaries when
    they gave their text, and are analysed, reconciled and alerted on as new
    articles are; when they gave their summary again they stay queued. New
    summaries that say ``fetch_again`` are queued; ``aliases`` records aggregator
    links to stored pages; pages queued longer than ``give_up_after`` leave the queue.
    """
    with transaction(con):
        stored = write_articles.stored_article_ids(
            con, [article.article_id for article, _ in items]
        )
        queued = write_refetch.queued_ids(con, [a.article_id for a, _ in items if a.refetched])
        fresh_items: list[tuple[Article, Analysis]] = []
        upgrades: list[tuple[Article, Analysis]] = []
        in_vain: list[Article] = []
        for article, analysis in items:
            if article.refetched:
                if article.article_id not in queued:
                    continue  # done already (a spooled batch stored twice)
                queued.discard(article.article_id)
                if article.extraction == "feed_summary":
                    in_vain.append(article)
                else:
                    upgrades.append((article, analysis))
            elif article.article_id not in stored:
                stored.add(article.article_id)
                fresh_items.append((article, analysis))
        given_up = write_refetch.retried_in_vain(con, in_vain, run_id=run_id, now=now)
        given_up += write_refetch.expire_refetches(con, give_up_after, run_id=run_id, now=now)
        stories = write_articles.insert_articles(con, fresh_items, run_id=run_id, now=now)
        stories.update(write_refetch.replace_summaries(con, upgrades, run_id=run_id, now=now))
        waiting = write_refetch.queue_refetches(con, [a for a, _ in fresh_items], now=now)
        analysed = [*fresh_items, *upgrades]
        write_refetch.record_aliases(con, aliases, [a for a, _ in analysed], run_id=run_id, now=now)
        batch = write_deals.store_deals_and_claims(
            con, analysed, stories, run_id=run_id, policy=policy, now=now
        )
    return StoreResult(
        articles_new=len(fresh_items),
        articles_skipped=len(items) - len(fresh_items) - len(upgrades) - len(in_vain),
        deals_new=batch.deals_new,
        claims_new=batch.claims_new,
        alerts_new=batch.alerts_new,
        alerts_suppressed=batch.alerts_suppressed,
        alert_ids=tuple(batch.alert_ids),
        articles_upgraded=len(upgrades),
        pages_waiting=waiting,
        pages_given_up=given_up,
    )
