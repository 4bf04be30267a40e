"""A deal's people, kept beside the deal as mentions arrive, and back-filled for older warehouses."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb

from extractors.records import Analysis, Claim
from tests.support.records import NOW, article, claim, copy_stored_rows, mention
from warehouse import db, store

TEXT = "Meta is investing $14.3 billion in Scale AI and hiring Alexandr Wang; Scale was valued at $29 billion."


def _claim(aid: str, metric: str, stated: str, value: float) -> Claim:
    return claim(aid, metric, stated, value * 0.99, value * 1.01, TEXT)


def _item(aid: str, people: tuple[str, ...], claims: tuple[Claim, ...] = ()):
    return article(aid, TEXT, f"outlet {aid}"), Analysis(
        aid,
        "subject",
        0.9,
        "x",
        deals=(mention("Meta is investing in Scale AI", people=people),),
        claims=claims,
    )


def _store(path: Path, items) -> None:
    with db.write_connection(path) as con:
        store.store_analyses(con, items, run_id="r", policy=store.ReconcilePolicy(), now=NOW)


def _alert_people(path: Path) -> dict[str, list[str]]:
    with db.read_connection(path) as con:
        return {
            kind: json.loads(payload)["people"]
            for kind, payload in con.execute("SELECT kind, payload FROM store.alerts").fetchall()
        }


def test_an_alert_names_everyone_any_mention_of_the_deal_gave(tmp_path):
    path = tmp_path / "w.duckdb"
    _store(path, [_item("a", ("Lucy Guo",)), _item("b", ("Alexandr Wang", "Lucy Guo"))])
    _store(
        path,
        [_item("c", ("Jason Droege",), (_claim("c", "deal_amount_usd", "$14.3 billion", 14.3e9),))],
    )
    people = _alert_people(path)
    assert people["new_deal"] == ["Lucy Guo"]  # raised by the first article
    assert people["new_figure"] == ["Alexandr Wang", "Jason Droege", "Lucy Guo"]
    with db.read_connection(path) as con:
        assert con.execute("SELECT people FROM deals").fetchall() == [
            (["Alexandr Wang", "Jason Droege", "Lucy Guo"],)
        ]


def test_migration_004_back_fills_the_people_of_an_older_warehouse(tmp_path):
    current, old = tmp_path / "current.duckdb", tmp_path / "old.duckdb"
    first = [_item("a", ("Lucy Guo",)), _item("b", ("Alexandr Wang", "Lucy Guo"))]
    later = [
        _item("c", ("Jason Droege",), (_claim("c", "deal_amount_usd", "$14.3 billion", 14.3e9),))
    ]
    _store(current, first)
    con = duckdb.connect(str(old))
    try:
        db.migrate(con, upto=3)
        copy_stored_rows(con, current)
        con.execute("DETACH current")
        assert db.migrate(con)[0] == "004_deal_people.sql"
        assert con.execute("SELECT deal_id, people FROM store.deal_people").fetchall() == [
            ("meta--scale-ai", ["Alexandr Wang", "Lucy Guo"])
        ]
    finally:
        con.close()
    _store(current, later)
    _store(old, later)
    assert _alert_people(old)["new_figure"] == _alert_people(current)["new_figure"]
    assert _alert_people(old)["new_figure"] == ["Alexandr Wang", "Jason Droege", "Lucy Guo"]
