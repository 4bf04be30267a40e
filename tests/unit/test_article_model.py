"""Whether an article is about a talent deal, read from its words (extractors/analysis/article_model.py)."""

from __future__ import annotations

import math
from datetime import UTC, datetime
from pathlib import Path

import pytest

from extractors.analysis import analyse
from extractors.analysis.analyse import _subject_by_the_article, article_signs
from extractors.analysis.article_model import (
    ARTICLE_MODEL_FILE,
    NAMED_DEALS_MODEL_FILE,
    SIGNS,
    read_article_model,
    read_named_deals_model,
    shipped_article_model,
    shipped_named_deals_model,
)
from extractors.analysis.deals import Deal
from extractors.analysis.explain import explain_lines
from extractors.analysis.relations import Relation
from extractors.documents import article_from_text
from extractors.records import Article
from extractors.watchlist import load_watchlist
from tests.support.paths import REPO

FETCHED = datetime(2025, 3, 4, tzinfo=UTC)
WATCHLIST = load_watchlist(REPO / "config" / "watchlist.toml")

# A purchase and the closing of the startup's app, told in French in words the rules tie to no
# pair of companies: the kind of article they miss on real text.
BOUGHT_AND_CLOSED = (
    "Northwind rachète Quillfeather\n\n"
    "Le groupe Northwind a racheté la jeune pousse Quillfeather. L'application de Quillfeather "
    "fermera en mars. Quillfeather a été fondée en 2021."
)
FERRY = (
    "Tidewater opens a new ferry terminal\n\n"
    "The harbour authority opened a terminal on Monday. It cost $40 million and took two years "
    "to build. Ferries will leave every hour."
)


def _article(text: str) -> Article:
    return article_from_text(text, url="https://wire.example/a", origin="feed", fetched_at=FETCHED)


def test_an_article_whose_words_tell_a_talent_deal_has_the_purchase_its_lead_tells() -> None:
    """The rules name no deal (a purchase is half a talent deal), the article's words say it is
    about one: the purchase its headline tells is the deal, with the model's chance as its score,
    and the figures said of it are claimed."""
    article = _article(BOUGHT_AND_CLOSED)
    signs = article_signs(article, WATCHLIST)
    assert signs.deals == 0  # the rules name no deal in it
    analysis = analyse(article, WATCHLIST)
    assert analysis.relevance == "subject"
    [deal] = analysis.deals
    assert (deal.deal_id, deal.role) == ("northwind--quillfeather", "subject")
    assert analysis.score == pytest.approx(shipped_article_model().chance(signs.features), abs=1e-3)
    assert analysis.score >= shipped_article_model().promote
    assert [(c.metric, c.low) for c in analysis.claims] == [("founded_year", 2021)]
    [note] = analysis.notes
    assert "by its words" in note and "the purchase its lead tells" in note
    assert analysis.evidence == "Northwind rachète Quillfeather"  # the purchase the headline tells


def test_an_article_about_something_else_stays_unrelated_and_says_nothing_of_the_model() -> None:
    analysis = analyse(_article(FERRY), WATCHLIST)
    assert analysis.relevance == "unrelated"
    assert analysis.notes == ()


def test_an_article_whose_rules_name_a_subject_is_read_by_neither_model() -> None:
    text = (
        "Nvidia hires Groq's founders in $20 billion licence deal\n\n"
        "Nvidia will pay about $20 billion to license Groq's chip designs and hire its founder "
        "Jonathan Ross and much of his team, Groq said on Wednesday."
    )
    analysis = analyse(_article(text), WATCHLIST)
    assert [d.deal_id for d in analysis.deals] == ["nvidia--groq"]
    assert analysis.relevance == "subject"
    # the named-deals model only adds a subject: where the rules chose one it is not asked
    assert analysis.article_chance is None
    assert not any("by its words" in n for n in analysis.notes)


# A deal told in passing, at the end of an article about something else: the rules name it and
# make it no subject.
IN_PASSING = (
    "Northwind posts a record quarter as cloud sales climb\n\n"
    "Northwind reported revenue of $12 billion for the quarter, up 20 percent from a year earlier. "
    "Its cloud unit grew fastest, and shares rose 4 percent in late trading. Analysts had expected "
    "less. The company said it would open two data centres in Europe next year. "
    "Last year Northwind paid $650 million to license Quillfeather's models and hired its founders."
)


def test_an_article_whose_rules_name_deals_but_no_subject_is_weighed_by_the_named_deals_model() -> (
    None
):
    article = _article(IN_PASSING)
    analysis = analyse(article, WATCHLIST)
    assert [d.role for d in analysis.deals] == ["mentioned"]
    signs = article_signs(article, WATCHLIST)
    assert not signs.subject_named
    features = {**signs.features, "subject_named": 0.0}
    assert analysis.article_chance == pytest.approx(
        shipped_named_deals_model().chance(features), abs=1e-3
    )
    assert analysis.article_chance < shipped_named_deals_model().promote
    assert analysis.relevance == "mentioned"  # a quarter's results: the deal stays in passing


def _told(acquirer: str, target: str) -> list[Relation]:
    return [Relation("hire", acquirer, target, 1, 1.0, False)]


def _deals() -> list[Deal]:
    return [
        Deal("Northwind", "Quillfeather", "acquihire", 0.9, _told("Northwind", "Quillfeather")),
        Deal("Halcyon", "Lumeo", "licence_and_hire", 0.8, _told("Halcyon", "Lumeo")),
    ]


def test_the_named_deals_model_gives_an_article_likely_about_one_its_likeliest_subject() -> None:
    model = shipped_named_deals_model()
    deals = _deals()
    _subject_by_the_article(deals, [0.2, 0.4], model.promote)
    assert [d.role for d in deals] == ["mentioned", "subject"]
    assert deals[1].reasons[-1].startswith("the subject: the article's chance")
    below = _deals()
    _subject_by_the_article(below, [0.2, 0.4], model.promote - 0.01)
    assert [d.role for d in below] == ["mentioned", "mentioned"]


def test_the_named_deals_model_never_takes_a_subject_away_or_adds_a_second() -> None:
    deals = _deals()
    deals[0].role = "subject"
    _subject_by_the_article(deals, [0.1, 0.9], 0.0)  # however unlikely: the rules' subject stays
    assert [d.role for d in deals] == ["subject", "mentioned"]
    _subject_by_the_article(deals, [0.1, 0.9], 1.0)  # however likely: one subject
    assert [d.role for d in deals] == ["subject", "mentioned"]


def test_the_named_deals_model_never_makes_a_deal_told_aside_the_subject() -> None:
    deals = _deals()
    deals[1].in_series = True  # one of a round-up's deals
    _subject_by_the_article(deals, [0.2, 0.4], 0.99)
    assert [d.role for d in deals] == ["subject", "mentioned"]
    aside = [Deal("Halcyon", "Lumeo", "acquihire", 0.8, _told("Halcyon", "Lumeo"), upstaged=True)]
    _subject_by_the_article(aside, [0.9], 0.99)
    assert aside[0].role == "mentioned"


def test_named_deals_weights_naming_a_feature_the_code_does_not_read_are_refused(
    tmp_path: Path,
) -> None:
    model = tmp_path / NAMED_DEALS_MODEL_FILE.name
    model.write_text("bias = 0\npromote = 0.8\n\n[weights]\nbody_gossip = 1.0\n", encoding="utf-8")
    with pytest.raises(ValueError, match="body_gossip"):
        read_named_deals_model(model)


def test_each_cue_class_is_counted_where_it_stands() -> None:
    text = (
        "Northwind buys Quillfeather\n\n"
        "Shares rose on Monday. Traders were calm. Analysts said little. "
        "Later, Northwind said it had bought a second startup, and a third."
    )
    features = article_signs(_article(text), WATCHLIST).features
    assert set(features) == set(SIGNS)
    assert features["headline_acquire"] == 1.0
    assert (
        features["lead_acquire"] == 0.0
    )  # the three sentences after the headline say nothing of it
    assert features["body_acquire"] == pytest.approx(math.log1p(2))
    assert features["companies_in_headline"] == pytest.approx(math.log1p(2))
    assert features["english"] == 1.0


def test_the_largest_sum_is_read_as_its_order_of_magnitude() -> None:
    features = article_signs(_article(FERRY), WATCHLIST).features
    assert features["largest_sum"] == pytest.approx(math.log10(1 + 40e6))
    assert features["largest_sum_in_lead"] == pytest.approx(math.log10(1 + 40e6))


def test_weights_naming_a_feature_the_code_does_not_read_are_refused(tmp_path: Path) -> None:
    model = tmp_path / ARTICLE_MODEL_FILE.name
    model.write_text("bias = 0\npromote = 0.6\n\n[weights]\nbody_gossip = 1.0\n", encoding="utf-8")
    with pytest.raises(ValueError, match="body_gossip"):
        read_article_model(model)


def test_explain_shows_the_chance_the_model_gave_an_article_with_no_deal() -> None:
    ferry = _article(FERRY)
    analysis = analyse(ferry, WATCHLIST)
    assert analysis.article_chance is not None and analysis.article_chance < 0.5
    [line] = [x for x in explain_lines(ferry, analysis) if x.startswith("article model:")]
    assert f"chance {analysis.article_chance:.2f}" in line
    assert f"from {shipped_article_model().promote:.2f}" in line
    bought = _article(BOUGHT_AND_CLOSED)
    promoted = analyse(bought, WATCHLIST)
    assert promoted.article_chance == promoted.score  # the chance it was kept as a subject by
    shown = explain_lines(bought, promoted)
    assert any(x.startswith(f"article model: chance {promoted.score:.2f}") for x in shown)
    groq = _article(
        "Nvidia hires Groq's founders in $20 billion licence deal\n\n"
        "Nvidia will pay about $20 billion to license Groq's chip designs and hire its founder "
        "Jonathan Ross and much of his team, Groq said on Wednesday."
    )
    groq_analysis = analyse(groq, WATCHLIST)
    # the rules named a deal: the named-deals model is asked, not this one
    assert not any(x.startswith("article model:") for x in explain_lines(groq, groq_analysis))


def test_explain_shows_the_chance_the_named_deals_model_gave_an_article_with_deals() -> None:
    article = _article(IN_PASSING)
    analysis = analyse(article, WATCHLIST)
    assert analysis.deals and analysis.article_chance is not None
    [line] = [x for x in explain_lines(article, analysis) if x.startswith("named-deals model:")]
    named = shipped_named_deals_model()
    assert f"chance {analysis.article_chance:.2f}" in line
    assert f"from {named.promote:.2f}" in line
    assert not any(x.startswith("article model:") for x in explain_lines(article, analysis))
