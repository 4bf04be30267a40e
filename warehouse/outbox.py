"""The outbox: alerts written with the claims that raise them, delivered later.

An alert row never changes once written; what happens to it afterwards is a
row in ``store.alert_events`` (one per channel answer, one when every routed
channel has it, one per requeue). Its status is derived from those rows in the
``alert_log`` view. A crash between a channel's answer and the commit of its
event leaves the alert pending, and the next run sends it again to the channels
that have no successful event yet: at-least-once delivery, with a window of
milliseconds per channel.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

import duckdb

from warehouse.db import transaction
from warehouse.records import AlertRecord, DeliveryReport, FigureSide
from warehouse.rows import Table

#: Failed delivery attempts after which an alert is marked failed and no longer retried.
MAX_ATTEMPTS = 20

ALERTS = Table(
    "store.alerts",
    ("alert_id", "dedup_key", "kind", "status", "reason", "deal_id", "subject", "metric", "payload",
     "created_at", "run_id"),
    {"alert_id": "VARCHAR", "dedup_key": "VARCHAR", "kind": "VARCHAR", "status": "VARCHAR",
     "reason": "VARCHAR", "deal_id": "VARCHAR", "subject": "VARCHAR", "metric": "VARCHAR",
     "payload": "JSON", "created_at": "TIMESTAMPTZ", "run_id": "VARCHAR"},
)  # fmt: skip


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def alert_to_json(alert: AlertRecord) -> str:
    fields = {f.name: getattr(alert, f.name) for f in dataclasses.fields(alert)}
    for name in ("figure", "other"):
        side = fields[name]
        fields[name] = (
            None
            if side is None
            else {f.name: getattr(side, f.name) for f in dataclasses.fields(side)}
        )
    for name in ("status", "sent_at", "attempts", "last_error", "channels_sent"):
        fields.pop(name)
    return json.dumps(_plain(fields), sort_keys=True)


def _side(data: dict[str, Any] | None) -> FigureSide | None:
    if data is None:
        return None
    published = data.get("published")
    return FigureSide(
        **{
            **data,
            "published": date.fromisoformat(published) if published else None,
            "sources": tuple(data.get("sources") or ()),
        }
    )


def alert_from_row(
    payload: str,
    status: str,
    sent_at: datetime | None,
    attempts: int,
    last_error: str | None,
    channels_sent: Sequence[str] | None,
) -> AlertRecord:
    data = json.loads(payload)
    data["created_at"] = datetime.fromisoformat(data["created_at"])
    data["people"] = tuple(data.get("people") or ())
    data["figure"] = _side(data.get("figure"))
    data["other"] = _side(data.get("other"))
    known = {f.name for f in dataclasses.fields(AlertRecord)}
    data = {k: v for k, v in data.items() if k in known}
    return AlertRecord(
        **data,
        status=status,  # type: ignore[arg-type]
        sent_at=sent_at,
        attempts=int(attempts or 0),
        last_error=last_error,
        channels_sent=tuple(channels_sent or ()),
    )


def _alert_row(alert: AlertRecord, run_id: str | None) -> dict[str, Any]:
    """An alert's row of ``store.alerts``."""
    return {
        "alert_id": alert.alert_id,
        "dedup_key": alert.dedup_key,
        "kind": alert.kind,
        "status": alert.status,
        "reason": alert.reason,
        "deal_id": alert.deal_id,
        "subject": alert.subject,
        "metric": alert.metric,
        "payload": alert_to_json(alert),
        "created_at": alert.created_at,
        "run_id": run_id,
    }


def insert_alert(con: duckdb.DuckDBPyConnection, alert: AlertRecord, *, run_id: str | None) -> bool:
    """Write one alert unless its dedup key is already there; True when written."""
    # The key is checked here, not by a constraint: a DuckLake has none (and no RETURNING).
    if known_dedup_keys(con, [alert.dedup_key]):
        return False
    con.execute(
        f"INSERT INTO store.alerts ({', '.join(ALERTS.columns)}) VALUES {ALERTS.placeholders()}",  # noqa: S608 - column names
        ALERTS.values(_alert_row(alert, run_id)),
    )
    return True


def insert_new_alerts(
    con: duckdb.DuckDBPyConnection, alerts: Sequence[AlertRecord], *, run_id: str | None
) -> None:
    """Write alerts whose dedup keys are known to be new (see :func:`known_dedup_keys`), in one statement."""
    ALERTS.insert(con, [_alert_row(alert, run_id) for alert in alerts])


def known_dedup_keys(con: duckdb.DuckDBPyConnection, dedup_keys: Sequence[str]) -> set[str]:
    """Which of ``dedup_keys`` the outbox already holds."""
    keys = sorted(set(dedup_keys))
    if not keys:
        return set()
    rows = con.execute(
        f"SELECT dedup_key FROM store.alerts WHERE dedup_key IN ({', '.join('?' * len(keys))})",  # noqa: S608 - placeholders
        keys,
    ).fetchall()
    return {r[0] for r in rows}


_SELECT = (
    "SELECT a.payload, l.status, l.sent_at, l.attempts, l.last_error, l.channels_sent "
    "FROM store.alerts a JOIN alert_log l USING (alert_id)"
)


def _records(rows: Sequence[tuple[Any, ...]]) -> list[AlertRecord]:
    return [alert_from_row(*row) for row in rows]


def pending_alerts(con: duckdb.DuckDBPyConnection, limit: int | None = None) -> list[AlertRecord]:
    """Alerts still to deliver (including those whose earlier attempts failed), oldest first."""
    sql = f"{_SELECT} WHERE l.status = 'pending' ORDER BY a.created_at, a.rowid"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return _records(con.execute(sql).fetchall())


def get_alert(con: duckdb.DuckDBPyConnection, alert_id: str) -> AlertRecord | None:
    rows = con.execute(f"{_SELECT} WHERE a.alert_id = ?", [alert_id]).fetchall()
    return _records(rows)[0] if rows else None


def list_alerts(
    con: duckdb.DuckDBPyConnection, *, pending_only: bool = False, limit: int = 50
) -> list[AlertRecord]:
    where = "WHERE l.status = 'pending'" if pending_only else ""
    sql = f"{_SELECT} {where} ORDER BY a.created_at DESC, a.alert_id LIMIT {int(limit)}"
    return _records(con.execute(sql).fetchall())


def alert_decisions(con: duckdb.DuckDBPyConnection, alert_id: str) -> list[dict[str, Any]]:
    """Every decision about the fact behind an alert, and every delivery attempt of it."""
    row = con.execute(
        "SELECT dedup_key FROM store.alerts WHERE alert_id = ?", [alert_id]
    ).fetchone()
    if row is None:
        return []
    cursor = con.execute(
        "SELECT decided_at AS happened_at, 'decision' AS what, decision, reason, claim_id, article_id, run_id "
        "FROM store.alert_decisions WHERE dedup_key = ? "
        "UNION ALL "
        "SELECT event_at AS happened_at, 'delivery' AS what, event AS decision, "
        "coalesce(channel || CASE WHEN ok THEN ': ok' ELSE ': ' || coalesce(error, 'failed') END, event) AS reason, "
        "NULL, NULL, NULL FROM store.alert_events WHERE alert_id = ? ORDER BY 1, 2",
        [row[0], alert_id],
    )
    columns = [d[0] for d in cursor.description]
    return [dict(zip(columns, r, strict=True)) for r in cursor.fetchall()]


def _append_events(con: duckdb.DuckDBPyConnection, rows: Sequence[tuple[Any, ...]]) -> None:
    """Alert events (alert_id, event, channel, ok, digest, error, event_at) numbered in order after
    the last one: the number is given here, as a DuckLake has no sequence to draw it from."""
    if not rows:
        return
    last = con.execute("SELECT coalesce(max(seq), 0) FROM store.alert_events").fetchone()
    start = int(last[0]) if last else 0
    con.executemany(
        "INSERT INTO store.alert_events (seq, alert_id, event, channel, ok, digest, error, event_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [(start + i, *row) for i, row in enumerate(rows, 1)],
    )


def record_deliveries(con: duckdb.DuckDBPyConnection, report: DeliveryReport) -> None:
    """One event per channel answer; alerts every routed channel now has are sent."""
    rows = [
        (o.alert_id, "delivery", o.channel, o.ok, o.digest, o.error, o.at) for o in report.outcomes
    ]
    last_at = {o.alert_id: o.at for o in report.outcomes}
    done = [
        (
            alert_id,
            "sent",
            None,
            None,
            False,
            None,
            last_at.get(alert_id) or datetime.now().astimezone(),
        )
        for alert_id in report.completed
    ]
    with transaction(con):
        _append_events(con, [*rows, *done])


def mark_console_delivered(
    con: duckdb.DuckDBPyConnection, alert_ids: Sequence[str], now: datetime
) -> None:
    with transaction(con):
        _append_events(
            con,
            [(a, "delivery", "console", True, False, None, now) for a in alert_ids]
            + [(a, "sent", None, None, False, None, now) for a in alert_ids],
        )


def requeue_alert(
    con: duckdb.DuckDBPyConnection, alert_id: str, now: datetime | None = None
) -> None:
    """Back to pending for every channel (``alerts resend``), even if it was suppressed."""
    at = now or datetime.now().astimezone()
    with transaction(con):
        _append_events(con, [(alert_id, "requeued", None, None, False, None, at)])
        con.execute(
            "INSERT INTO store.alert_decisions (dedup_key, alert_id, kind, decision, reason, deal_id, subject, metric, "
            "decided_at) SELECT dedup_key, alert_id, kind, 'fired', 'resend requested by a user', deal_id, subject, "
            "metric, ? FROM store.alerts WHERE alert_id = ?",
            [at, alert_id],
        )
        con.execute(
            "UPDATE store.alerts SET status = 'pending' WHERE alert_id = ? AND status = 'suppressed'",
            [alert_id],
        )
