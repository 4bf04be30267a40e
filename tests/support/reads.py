"""Reading what a test's run left behind: the warehouse's views, its spool, and a reader
process that holds the warehouse open read-only."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from flows import spool
from warehouse import db


def query(path: db.Target, sql: str, params: list | None = None) -> list[tuple]:
    with db.read_connection(path) as con:
        return con.execute(sql, params or []).fetchall()


PUBLIC_VIEWS = (
    "articles",
    "deals",
    "figures",
    "contradictions",
    "alert_log",
    "accepted_figures",
    "feed_health",
    "runs",
)


def assert_readable(warehouse: Path) -> None:
    with db.read_connection(warehouse) as con:
        for view in PUBLIC_VIEWS:
            con.execute(f"SELECT * FROM {view}").fetchall()


def warehouse_contents(warehouse: Path) -> dict[str, list[tuple]]:
    """What a user compares: articles, deals, claims and alerts, in a stable order."""
    sql = {
        "articles": "SELECT url, relevance FROM articles",
        "deals": "SELECT deal_id, acquirer, target, kind FROM deals",
        "claims": (
            "SELECT a.url, c.deal_id, c.subject, c.metric, c.low, c.high, c.stated, c.quote, "
            "c.start_offset FROM store.claims c JOIN store.articles a USING (article_id)"
        ),
        "alerts": "SELECT alert_id, kind, dedup_key, status FROM alert_log",
    }
    return {name: sorted(query(warehouse, text)) for name, text in sql.items()}


SNAPSHOT = {
    "articles": "SELECT canonical_url, source, relevance, duplicate_of IS NOT NULL FROM store.articles",
    "deals": "SELECT deal_id, acquirer, target, kind FROM deals",
    "claims": "SELECT c.deal_id, c.subject, c.metric, c.low, c.high, c.stated, c.quote, a.canonical_url "
    "FROM store.claims c JOIN store.articles a USING (article_id)",
    "alerts": "SELECT kind, dedup_key, status FROM alert_log",
    "contradictions": "SELECT deal_id, subject, metric, a_stated, b_stated FROM contradictions",
}


def snapshot(warehouse: Path) -> dict[str, list[tuple]]:
    return {name: sorted(query(warehouse, sql), key=repr) for name, sql in SNAPSHOT.items()}


def spooled_urls(data: Path) -> list[str]:
    """The URLs of every article waiting in the spool under the data folder ``data``."""
    files = sorted((data / "spool").rglob(f"*{spool.SPOOL_SUFFIX}"))
    return sorted(article.url for path in files for article, _ in spool.read_batch(path).items)


HOLD_UNTIL_TOLD = textwrap.dedent(
    """
    import sys, duckdb
    con = duckdb.connect(sys.argv[1], read_only=True)
    con.execute("SELECT count(*) FROM articles").fetchall()
    print("holding", flush=True)
    sys.stdin.readline()
    con.close()
    print("released", flush=True)
    """
)


class Reader:
    """A read-only connection held by another process until ``release()``."""

    def __init__(self, warehouse: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", HOLD_UNTIL_TOLD, str(warehouse)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdout is not None
        assert self.process.stdout.readline().strip() == "holding"

    def release(self) -> None:
        assert self.process.stdin is not None and self.process.stdout is not None
        if self.process.poll() is None:
            self.process.stdin.write("release\n")
            self.process.stdin.flush()
            assert self.process.stdout.readline().strip() == "released"
        self.process.wait(timeout=30)
