"""Whether an article is about a talent deal, read from its words where the rules named no deal.

The rules find a deal only where a sentence ties a payer to a startup in a phrasing they know; on
articles nobody tuned them to, about half of those whose subject is a talent deal name none, and
the article is called unrelated (tests/data/calibration/README.md, "The article model"). This
model reads what the rules' phrasings are made of, the lexicon's cue classes (buying, hiring,
joining, a team, a licence, a round of funding, ...), as counts in the headline, the lead and
the body, with how many companies and people are named, and gives the chance that the article's
subject is a talent deal. It does not depend on the phrasing of one sentence or on the language:
every lexicon names the same classes. Where the rules name no deal and the chance is ``promote``
or more, the article is kept as about a talent deal (relevance ``subject``, no deal named) so
that a reader finds it; no deal, claim or alert is made from it. Weights and bound are data
(``article_model.toml``, written by ``python -m extractors.calibrate``).

Where the rules name deals but make none of them the subject, a second model
(``named_deals_model.toml``) reads the same signs and gives the chance that the article is about
one of them all the same: read one sentence at a time, the rules and the subject model call one
in six of the blind articles about a deal that they name deals in "mentioned". From ``promote``
the likeliest of the deals (by the subject model) is the subject. It never takes a subject away:
demoting one below a lower bound scored higher leaving one set out (0.719 against 0.705) but
only on the older sets, whose blind rules chose subjects worse than today's; on the three
newest it scored lower, and it took the subject from three development articles of the shared
set the rules read right (tests/data/calibration/README.md, "The named-deals model").
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from extractors.analysis.figures import money_figures
from extractors.analysis.lexicon import SentenceCues
from extractors.analysis.names import Names
from extractors.analysis.subject_model import logistic, read_bounded_model
from extractors.analysis.text import Sentence

ARTICLE_MODEL_FILE = Path(__file__).with_name("article_model.toml")
# The lead: the sentences after the headline that open the story.
LEAD_SENTENCES = 3
# The sentences read for the body's counts, the headline's among them: what an article is about
# is told early, and a long page's tail (related stories, comments) costs without telling it.
READ_SENTENCES = 20
PLACES = ("headline", "lead", "body")
# The cue classes read: the twelve that weighed most when the model read all of the lexicon's
# (tests/data/calibration/README.md, "The article model"). Reading the others too scored no
# better leaving one set out, and each class read is one more look into every sentence.
CLASSES = (
    "licence", "join", "series", "round", "startup", "founding", "acquire", "giant", "going_back",
    "winds_down", "aftermath", "deal",
)  # fmt: skip
FEATURES: tuple[str, ...] = (
    *(f"{place}_{cue}" for place in PLACES for cue in CLASSES),
    "companies_in_headline", "companies_in_lead", "companies", "people", "sentences", "english",
    "largest_sum_in_lead", "largest_sum",
)  # fmt: skip
# The signs the models are fitted on (``analyse.article_signs``): the article model's features,
# and what the words of the opening say (article_words.py), which only the named-deals model
# weighs: weighed by this one too, they scored 0.702 against 0.696 leaving one set out, and
# promoted a lone co-founder's move to a big company, a kind of article the rules rightly leave
# unrelated.
SIGNS: tuple[str, ...] = (*FEATURES, "words")


def article_features(
    sentences: Sequence[Sentence],
    cues_of: Sequence[SentenceCues],
    names: Names,
    *,
    language: str | None,
    english: bool,
) -> dict[str, float]:
    """The article's signs: each cue class in the headline (the first sentence) and in the lead
    (1 or 0), and in how many of the first ``READ_SENTENCES`` sentences (log); the companies and
    people they name; the largest sum of money named in the headline and lead, and in those
    sentences (its order of magnitude: a purchase of billions is seldom one for a team)."""
    read = sentences[:READ_SENTENCES]
    features: dict[str, float] = {}
    for cue in CLASSES:
        present = [cues_of[s.index].present(cue) for s in read]
        features[f"headline_{cue}"] = float(any(present[:1]))
        features[f"lead_{cue}"] = float(any(present[1 : 1 + LEAD_SENTENCES]))
        features[f"body_{cue}"] = math.log1p(sum(present))
    orgs = [len(names.orgs[s.index]) for s in read]
    features["companies_in_headline"] = math.log1p(sum(orgs[:1]))
    features["companies_in_lead"] = math.log1p(sum(orgs[1 : 1 + LEAD_SENTENCES]))
    features["companies"] = math.log1p(len({m.name for s in read for m in names.orgs[s.index]}))
    features["people"] = math.log1p(len({m.name for s in read for m in names.people[s.index]}))
    features["sentences"] = math.log1p(len(sentences))
    features["english"] = float(english)
    sums = [max((f.value for f in money_figures(s.raw, language)), default=0.0) for s in read]
    features["largest_sum_in_lead"] = math.log10(1 + max(sums[: 1 + LEAD_SENTENCES], default=0.0))
    features["largest_sum"] = math.log10(1 + max(sums, default=0.0))
    return features


@dataclass(frozen=True, slots=True)
class ArticleModel:
    """chance(about a talent deal) = logistic(bias + w·x); ``promote`` is the chance from which an
    article the rules found no deal in is kept as about one."""

    bias: float
    promote: float
    weights: dict[str, float]

    def chance(self, features: dict[str, float]) -> float:
        return logistic(self.bias, self.weights, features)


def read_article_model(path: Path) -> ArticleModel:
    return read_bounded_model(path, FEATURES, ArticleModel)


@cache
def shipped_article_model() -> ArticleModel:
    """The model shipped beside this module (read once per process)."""
    return read_article_model(ARTICLE_MODEL_FILE)


NAMED_DEALS_MODEL_FILE = Path(__file__).with_name("named_deals_model.toml")
# The article model's signs and one more: whether the rules (with the subject model) made one of
# the deals they named the article's subject. The model is asked only where they made none, and
# fitted on every article they named deals in, this sign telling the two apart, so that the
# other signs' weights are learnt from all of them.
NAMED_DEALS_FEATURES: tuple[str, ...] = (*SIGNS, "subject_named")


def read_named_deals_model(path: Path) -> ArticleModel:
    return read_bounded_model(path, NAMED_DEALS_FEATURES, ArticleModel)


@cache
def shipped_named_deals_model() -> ArticleModel:
    """The named-deals model shipped beside this module (read once per process)."""
    return read_named_deals_model(NAMED_DEALS_MODEL_FILE)
