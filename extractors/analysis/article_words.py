"""The words an article tells its story in, as one sign for the named-deals model.

The article model (article_model.py) reads what the rules are made of: the lexicon's cue
classes, counted by place, and the names the analysis found. Those are the same signs, read
whole, that the rules read sentence by sentence, and they miss what the rules miss. This sign reads
the article's own words instead, with no rule: each word written in lower case in the headline
and the opening (``READ_CHARS``), weighed by a logistic regression of whether an article is about
a talent deal, learnt from the real sets' development articles (``python -m extractors.calibrate
--article-features``, tests/data/calibration/README.md, "The words model"). Capitalised words are
left out so that the sign speaks of what happens ("acquihire", "licensing", "joins"), not of
whom: the sets name the same famous deals again and again, and a new deal's names would teach
nothing. Its value, the log-odds, is the named-deals model's feature ``words``.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

WORDS_MODEL_FILE = Path(__file__).with_name("article_words.toml")
# The opening read: headline, lead and the first paragraphs, where an article says what it is about.
READ_CHARS = 3000
# A word: a letter, then letters, digits, apostrophes or hyphens ("acqui-hire", "company's").
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
# Marks a word of the headline, weighed apart from the same word in the body.
HEADLINE_MARK = "h:"


def article_words(text: str) -> frozenset[str]:
    """The words of the opening written in lower case (a letter without case, as in Chinese or
    Japanese, counts as lower case), lowered, the headline's (the first line) marked too."""
    opening = text[:READ_CHARS]
    headline, _, body = opening.partition("\n")
    in_headline = {w.lower() for w in _WORD.findall(headline) if not w[0].isupper()}
    in_body = {w.lower() for w in _WORD.findall(body) if not w[0].isupper()}
    return frozenset(in_body | in_headline | {HEADLINE_MARK + w for w in in_headline})


@dataclass(frozen=True, slots=True)
class WordsModel:
    """log-odds(about a talent deal) = bias + the sum of the weights of the words present."""

    bias: float
    weights: dict[str, float]

    def log_odds(self, words: frozenset[str]) -> float:
        weights = self.weights
        return self.bias + sum(weights.get(w, 0.0) for w in words)


def read_words_model(path: Path) -> WordsModel:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return WordsModel(float(data["bias"]), {str(k): float(v) for k, v in data["weights"].items()})


@cache
def shipped_words_model() -> WordsModel:
    """The model shipped beside this module (read once per process)."""
    return read_words_model(WORDS_MODEL_FILE)


def words_log_odds(text: str) -> float:
    """The shipped model's log-odds for an article's text: the feature ``words``."""
    return shipped_words_model().log_odds(article_words(text))
