"""Backfilling the four seeds through the real ``backfill`` flow gives what seeds-expected.json lists."""

from __future__ import annotations

import json
import math

import pytest

from tests.support.config import write_config
from tests.support.paths import REPO, SHARED
from warehouse import db

pytestmark = pytest.mark.usefixtures("prefect_harness")
EXPECTED_FILE = SHARED / "seeds-expected.json"


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    if not EXPECTED_FILE.exists():
        pytest.skip(f"{EXPECTED_FILE} is not beside the repository")
    from flows.pipeline import backfill

    config = write_config(
        tmp_path_factory.mktemp("seeds") / "config", feeds=[], seeds_dir=REPO / "seeds"
    )
    summary = backfill(config_dir=str(config))
    warehouse = config / "data" / "dealwatch.duckdb"
    with db.read_connection(warehouse) as con:
        figures = con.execute(
            "SELECT f.url, f.deal_id, f.subject, f.metric, f.stated, f.low, f.high FROM figures f"
        ).fetchall()
        deals = {
            r[0]: r[1:]
            for r in con.execute(
                "SELECT deal_id, acquirer, target, kind, people FROM deals"
            ).fetchall()
        }
        contradictions = con.execute(
            "SELECT deal_id, subject, metric, a_low, b_low FROM contradictions"
        ).fetchall()
        articles = con.execute(
            "SELECT url, source, title, published, relevance, duplicate_of FROM articles"
        ).fetchall()
        alerts = con.execute("SELECT DISTINCT status FROM alert_log").fetchall()
    return {
        "summary": summary,
        "figures": figures,
        "deals": deals,
        "contradictions": contradictions,
        "articles": articles,
        "alerts": alerts,
        "expected": json.loads(EXPECTED_FILE.read_text(encoding="utf-8")),
    }


def _file_of(url: str) -> str:
    return url.split(":", 1)[1].split("#")[0]


def _prefix(url: str) -> str:
    return _file_of(url)[:3]


def test_every_expected_claim_is_stored_with_its_interval(seeded):
    for want in seeded["expected"]["claims"]:
        stated = want["stated"].replace(" (headline)", "")
        matches = [
            f
            for f in seeded["figures"]
            if _prefix(f[0]) == want["in"]
            and f[1] == want["deal"]
            and f[3] == want["metric"]
            and f[4] == stated
            and (want.get("subject") is None or f[2] == want["subject"])
        ]
        assert matches, f"missing claim {want}"
        if "low" in want:
            low, high = matches[0][5], matches[0][6]
            assert (low is None) == (want["low"] is None) and (
                low is None or math.isclose(low, want["low"])
            )
            assert (high is None) == (want["high"] is None) and (
                high is None or math.isclose(high, want["high"])
            )


def test_no_figure_listed_as_not_a_claim_is_stored(seeded):
    for wrong in seeded["expected"]["not_claims_of_this_deal"]:
        for figure in seeded["figures"]:
            if _prefix(figure[0]) == wrong["in"]:
                assert figure[4] not in wrong["stated"], f"{figure} is not a claim: {wrong['why']}"


def test_the_subject_deal_and_the_deals_mentioned_in_passing(seeded):
    subject = seeded["expected"]["subject_deal"]
    acquirer, target, kind, people = seeded["deals"][subject["deal_id"]]
    assert (acquirer, target, kind) == ("Meta", "Scale AI", "investment_and_hire")
    assert people == subject["people_hired"]
    for deal_id in ("microsoft--inflection-ai", "google--character-ai", "amazon--adept"):
        assert deal_id in seeded["deals"]
    assert "Mustafa Suleyman" in seeded["deals"]["microsoft--inflection-ai"][3]


def test_one_contradiction_wang_age_28_vs_21(seeded):
    assert seeded["contradictions"] == [
        ("meta--scale-ai", "Alexandr Wang", "person_age", 28.0, 21.0)
    ]


def test_metadata_and_the_rewrite_counted_as_a_copy(seeded):
    by_file = {_file_of(a[0]): a[1:] for a in seeded["articles"]}
    for name, meta in seeded["expected"]["articles"].items():
        source, title, published, relevance, duplicate_of = by_file[name]
        assert relevance == "subject"
        if meta.get("outlet"):
            assert source == meta["outlet"]
        if meta.get("title"):
            assert title == meta["title"]
        assert (published.isoformat() if published else None) == meta.get("published")
    assert by_file["001_31df6f45ae07cd99.txt"][4] is not None, (
        "001 rewrites 000: a copy, not a new source"
    )


def test_backfill_records_alerts_without_sending(seeded):
    assert seeded["alerts"] == [("suppressed",)]
