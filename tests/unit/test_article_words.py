"""The words of an article's opening as one sign (extractors/analysis/article_words.py) and their
model's fit (extractors/calibrate_words.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors import calibrate_words
from extractors.analysis.article_words import (
    HEADLINE_MARK,
    READ_CHARS,
    WordsModel,
    article_words,
    read_words_model,
)


def test_the_words_are_those_written_in_lower_case_the_headlines_marked() -> None:
    words = article_words(
        "Northwind hires the Quillfeather team\n\nThe startup's founders will join Northwind."
    )
    assert {"hires", "the", "team", "startup's", "founders", "join"} <= words
    assert {HEADLINE_MARK + "hires", HEADLINE_MARK + "team"} <= words
    assert HEADLINE_MARK + "founders" not in words  # a body word, not the headline's
    assert not any(w.startswith(("northwind", "quillfeather")) for w in words)  # names: no sign
    assert "will" in words and "The".lower() not in words - {"the"}


def test_a_script_without_case_is_read_and_only_the_opening_counts() -> None:
    assert "人才" in article_words("标题\n\n人才 交易")
    late = "x" * READ_CHARS + " acquihire"
    assert "acquihire" not in article_words("Headline\n\n" + late)


def test_the_log_odds_add_the_weights_of_the_words_present() -> None:
    model = WordsModel(-1.0, {"team": 0.5, "join": 0.25, "dividend": -2.0})
    assert model.log_odds(frozenset({"team", "join", "weather"})) == pytest.approx(-0.25)
    assert model.log_odds(frozenset()) == -1.0


def test_a_fitted_model_writes_and_reads_back_with_its_words_quoted(tmp_path: Path) -> None:
    about = [frozenset({"team", "joins", "o'neill's", 'say"s'})] * 4
    other = [frozenset({"dividend", "quarter", "o'neill's", 'say"s'})] * 4
    model = calibrate_words.fit_words(about + other, [True] * 4 + [False] * 4)
    assert model.weights["team"] > 0 > model.weights["dividend"]
    assert model.log_odds(about[0]) > 0 > model.log_odds(other[0])
    path = tmp_path / "article_words.toml"
    path.write_text(calibrate_words.to_toml(model, ["ours"]), encoding="utf-8")
    assert read_words_model(path) == model


def test_each_articles_left_out_log_odds_come_from_the_other_sets_only() -> None:
    articles = [frozenset({"team"})] * 3 + [frozenset({"dividend"})] * 3 + [frozenset({"team"})]
    about = [True, True, True, False, False, False, False]
    groups = ["a", "a", "a", "a", "a", "a", "b"]
    left_out = calibrate_words.left_out_log_odds(articles, about, groups)
    # set b's article is weighed by what set a teaches: "team" is about a deal
    assert left_out[6] > 0
    # set a's by what set b teaches, its own labels unread: its one "team" article was not
    assert left_out[0] < 0
