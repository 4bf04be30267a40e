"""The analysis against the labelled set: the thresholds of issue 3."""

from __future__ import annotations

import json

import pytest

from extractors.scoring import Scores, format_scores, score_folder
from extractors.watchlist import load_watchlist
from tests.support.paths import REPO

LABELLED = REPO / "tests" / "data" / "labelled"


@pytest.fixture(scope="module")
def scores() -> Scores:
    return score_folder(LABELLED, load_watchlist(REPO / "config" / "watchlist.toml"))


def test_set_size(scores):
    assert scores.articles >= 54
    assert scores.distinct_deals - 1 >= 10
    assert scores.unrelated >= 20
    assert scores.hard_negatives >= 10


def test_relevance(scores):
    # the written set keeps its score (1.000): a refit of the article models that read one of its
    # articles wrong (the named-deals model no longer promoting a stake in NFDG) fails here
    assert scores.relevance_f1 >= 0.99, format_scores(scores)


def test_deals(scores):
    assert scores.deals.f1 >= 0.99, format_scores(scores)


def test_claims(scores):
    assert scores.claims.precision >= 0.95, format_scores(scores)
    assert scores.claims.recall >= 0.90, format_scores(scores)


def test_people_hired(scores):
    # the people each deal moves, as the labels name them, on the deals both name (0.990 / 1.000
    # on 2026-12-07: Ilya Sutskever, named in a relative clause before "will work alongside")
    assert scores.people.tp >= 100, format_scores(scores)
    assert scores.people.precision >= 0.95, format_scores(scores)
    assert scores.people.recall >= 0.95, format_scores(scores)


def test_people_are_scored_by_name_whatever_its_accents_case_or_apostrophe(tmp_path):
    """The watchlist's "Karén Simonyan" is the "Karen Simonyan" a label copies from its text."""
    label = {
        "article": {"outlet": "x", "title": None, "published": None, "author": None,
                    "language": "en"},
        "relevance": "subject",
        "hard_negative": None,
        "deals": [{"deal_id": "microsoft--inflection-ai", "acquirer": "Microsoft",
                   "target": "Inflection AI", "role": "subject", "kind": "licence_and_hire",
                   "people_hired": ["Karen Simonyan", "mustafa suleyman"]}],
        "claims": [],
    }  # fmt: skip
    (tmp_path / "a.json").write_text(json.dumps(label), encoding="utf-8")  # (beside its text)
    (tmp_path / "a.txt").write_text(
        "Microsoft hires Inflection AI's founders\n\n"
        "Microsoft will pay Inflection AI $650 million to license its models and has hired its "
        "co-founders Mustafa Suleyman and Karén Simonyan.",
        encoding="utf-8",
    )
    scores = score_folder(tmp_path, load_watchlist(REPO / "config" / "watchlist.toml"))
    assert (scores.people.tp, scores.people.fp, scores.people.fn) == (2, 0, 0), format_scores(
        scores
    )
