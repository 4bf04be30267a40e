"""Which deal an article is about (extractors/analysis/subject_model.py)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from extractors.analysis import analyse
from extractors.analysis.subject_model import (
    DealSigns,
    SubjectModel,
    read_subject_model,
    sentences_telling,
    subject_features,
)
from extractors.documents import article_from_text
from extractors.records import Analysis
from extractors.watchlist import Watchlist, load_watchlist
from tests.support.paths import REPO

TEXT = (
    "Nvidia hires Groq's founders in $20 billion licence deal\n\n"
    "Nvidia will pay about $20 billion to license Groq's chip designs and hire its founder "
    "Jonathan Ross and much of his team, Groq said on Wednesday. The agreement recalls Meta's "
    "arrangement with Scale AI last year. Groq will keep running its cloud service."
)
GROQ = DealSigns(
    "Nvidia",
    "Groq",
    0.95,
    True,
    TEXT.split("\n")[2].split(", Groq said")[0],
    2,
    True,
    "licence_and_hire",
)
SCALE = DealSigns(
    "Meta",
    "Scale AI",
    0.6,
    False,
    "The agreement recalls Meta's arrangement with Scale AI last year.",
    1,
    False,
    "investment_and_hire",
)


def test_the_features_of_each_deal_say_where_and_how_often_the_text_tells_it() -> None:
    groq, scale = subject_features(TEXT, [GROQ, SCALE], english=True)
    assert groq["target_in_headline"] == 1.0 and groq["acquirer_in_headline"] == 1.0
    assert scale["target_in_headline"] == 0.0 and scale["acquirer_in_headline"] == 0.0
    assert groq["evidence_position"] < scale["evidence_position"] < 1.0
    assert groq["target_share"] > scale["target_share"] and groq["target_share"] + scale[
        "target_share"
    ] == pytest.approx(1.0)
    assert groq["rules_subject"] == 1.0 and scale["rules_subject"] == 0.0
    assert groq["kind_licence_and_hire"] == 1.0 and scale["kind_licence_and_hire"] == 0.0


def test_a_deal_whose_evidence_is_not_in_the_text_is_placed_at_its_end() -> None:
    [lost] = subject_features(TEXT, [GROQ._replace(evidence="words found nowhere")], english=False)
    assert lost["evidence_position"] == 1.0 and lost["english"] == 0.0


def test_the_sentence_count_is_read_from_the_deal_s_first_reason() -> None:
    assert sentences_telling(["hire 1.00, money 0.90 in 3 sentence(s)", "Groq: a startup"]) == 3
    assert sentences_telling(["a known deal (watchlist), both named in sentence 4"]) == 1
    assert sentences_telling([]) == 1


def test_a_likely_enough_deal_is_the_subject_and_otherwise_the_rules_choice_stands() -> None:
    model = SubjectModel(bias=-1.0, promote=0.5, weights={"target_share": 3.0})
    told_most, told_less = {"target_share": 0.8}, {"target_share": 0.2, "rules_subject": 1.0}
    assert model.subject([told_less, told_most]) == 1  # chance 0.80: overrules the rules
    assert model.subject([{"target_share": 0.2, "rules_subject": 1.0}, {"target_share": 0.3}]) == 0
    assert (
        model.subject([{"target_share": 0.2}, {"target_share": 0.3}]) is None
    )  # none likely enough
    assert model.subject([]) is None
    # a deal the rules find upstaged by another company's purchase of its startup stays mentioned
    assert model.subject([told_less, told_most], barred=[False, True]) == 0
    assert model.subject([{"target_share": 0.2}, told_most], barred=[False, True]) is None


def test_weights_naming_a_feature_the_code_does_not_read_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "subject_model.toml"
    path.write_text("bias = 0.0\npromote = 0.5\n\n[weights]\nshoe_size = 1.0\n", encoding="utf-8")
    with pytest.raises(ValueError, match="shoe_size"):
        read_subject_model(path)


def _analysed(text: str, watchlist: Watchlist | None = None) -> Analysis:
    fetched = datetime(2025, 6, 14, tzinfo=UTC)
    return analyse(
        article_from_text(text, url="https://wire.example/a", origin="feed", fetched_at=fetched),
        watchlist,
    )


def test_an_article_about_one_deal_that_recalls_another_keeps_the_first_as_its_subject() -> None:
    found = _analysed(TEXT)
    roles = {d.deal_id: d.role for d in found.deals}
    assert roles.get("nvidia--groq") == "subject", roles
    assert found.relevance == "subject"
    assert [d.deal_id for d in found.deals if d.role == "subject"] == ["nvidia--groq"]
    groq = next(d for d in found.deals if d.deal_id == "nvidia--groq")
    assert any(r.startswith("subject chance ") for r in groq.reasons)


def test_a_deal_told_only_as_dated_background_is_not_made_the_subject_of_a_product_story() -> None:
    # the rules read "who joined Microsoft in March last year when Microsoft paid ..." as told in
    # passing; the model, which sees no such sign, must not make the story about that deal
    text = (
        "Microsoft adds a memory feature to Copilot\n\n"
        "Microsoft is adding a memory feature to its Copilot assistant, work led in part by Mustafa "
        "Suleyman, who joined Microsoft in March last year when Microsoft paid $650 million to "
        "license Inflection AI's models and hire most of its staff.\n\n"
        "The feature is rolling out to testers in the United States first."
    )
    found = _analysed(text, load_watchlist(REPO / "config" / "watchlist.toml"))
    assert [(d.deal_id, d.role) for d in found.deals] == [("microsoft--inflection-ai", "mentioned")]
    assert found.relevance == "mentioned"
