"""Confidence in the warehouse: stored and shown for every claim and deal, and a threshold below
which nothing is alerted, with an audit row that says so (issue 14, item 5)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from alerts.render import render_text
from extractors.records import Analysis
from tests.support.batches import store_batch
from tests.support.records import article, claim, mention
from warehouse import db, outbox, store

MENTION = mention("Meta invests in Scale AI and hires its CEO.")
FIRST = "Meta pays $14.3 billion for 49% of Scale AI and hires its chief executive."
DOUBTFUL = "A blog says the price was $9 billion, though nothing in it says which deal it means."
SURE_DISSENT = "A second outlet says Meta pays $9 billion for its Scale AI stake."


def _rows(path: Path, sql: str) -> list[tuple]:
    with db.read_connection(path) as con:
        return con.execute(sql).fetchall()


def _item(
    aid: str,
    text: str,
    source: str,
    amount: str,
    low: float,
    high: float,
    confidence: float,
    score: float = 0.9,
):
    figure = replace(
        claim(aid, "deal_amount_usd", amount, low, high, text),
        confidence=confidence,
        evidence="what the deal pays",
    )
    return (
        article(aid, text, source),
        Analysis(
            aid, "subject", score, "x", deals=(replace(MENTION, score=score),), claims=(figure,)
        ),
    )


# a wire's sure figure, and a blog's doubtful one against it
SURE = _item("a", FIRST, "Wire", "$14.3 billion", 14.25e9, 14.35e9, 0.85)
DOUBTED = _item("b", DOUBTFUL, "Blog", "$9 billion", 8.5e9, 9.5e9, 0.45)


def _store(path: Path, item) -> store.StoreResult:
    """``item`` stored with the threshold these tests set: 0.6."""
    return store_batch(path, [item], min_confidence=0.6)


def test_confidence_is_stored_and_shown_in_the_figures_and_deals_views(tmp_path):
    path = tmp_path / "w.duckdb"
    _store(path, SURE)
    assert _rows(path, "SELECT stated, confidence, evidence FROM figures") == [
        ("$14.3 billion", 0.85, "what the deal pays")
    ]
    assert _rows(path, "SELECT deal_id, confidence FROM deals") == [("meta--scale-ai", 0.9)]


def test_a_doubtful_claim_is_kept_but_neither_alerts_nor_contradicts(tmp_path):
    path = tmp_path / "w.duckdb"
    _store(path, SURE)
    result = _store(path, DOUBTED)

    assert result.alerts_new == 0
    assert _rows(path, "SELECT count(*) FROM contradictions") == [(0,)]
    assert _rows(
        path, "SELECT low, high FROM accepted_figures WHERE metric = 'deal_amount_usd'"
    ) == [(14.25e9, 14.35e9)]
    [(decision, reason)] = _rows(
        path,
        "SELECT decision, reason FROM store.alert_decisions WHERE article_id = 'b' AND metric = 'deal_amount_usd'",
    )
    assert decision == "suppressed"
    assert reason.startswith("below confidence: 0.45 < 0.60")
    assert _rows(path, "SELECT stated, confidence FROM figures WHERE article_id = 'b'") == [
        ("$9 billion", 0.45)
    ]


def test_a_contradiction_needs_both_sides_above_the_threshold(tmp_path):
    path = tmp_path / "w.duckdb"
    # the accepted side is doubtful: a sure claim against it is a first figure, not a contradiction
    _store(path, DOUBTED)
    _store(path, SURE)
    assert _rows(path, "SELECT count(*) FROM contradictions") == [(0,)]
    # both sides sure: a contradiction
    _store(path, _item("c", SURE_DISSENT, "Second", "$9 billion", 8.5e9, 9.5e9, 0.8))
    assert _rows(path, "SELECT a_stated, b_stated FROM contradictions") == [
        ("$14.3 billion", "$9 billion")
    ]


def test_a_doubtful_deal_raises_no_new_deal_alert(tmp_path):
    path = tmp_path / "w.duckdb"
    result = _store(
        path, _item("a", FIRST, "Wire", "$14.3 billion", 14.25e9, 14.35e9, 0.45, score=0.5)
    )
    assert result.alerts_new == 0
    reasons = [
        r
        for (r,) in _rows(path, "SELECT reason FROM store.alert_decisions WHERE kind = 'new_deal'")
    ]
    assert reasons and reasons[0].startswith("below confidence: 0.50 < 0.60")


def test_an_alert_carries_each_side_s_confidence_to_the_team(tmp_path):
    path = tmp_path / "w.duckdb"
    _store(path, SURE)
    _store(path, _item("c", SURE_DISSENT, "Second", "$9 billion", 8.5e9, 9.5e9, 0.8))
    with db.read_connection(path) as con:
        alerts = {a.kind: a for a in outbox.pending_alerts(con)}
    contradiction = alerts["contradiction"]
    assert contradiction.figure is not None and contradiction.other is not None
    assert (contradiction.figure.stated, contradiction.figure.confidence) == ("$9 billion", 0.8)
    assert (contradiction.other.stated, contradiction.other.confidence) == ("$14.3 billion", 0.85)
    assert "confidence 0.80 (the chance this figure is right)" in render_text(contradiction)
