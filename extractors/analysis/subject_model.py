"""Which deal an article is about, learnt from real articles the rules had not seen.

The rules of ``deals._assign_roles`` pick the subject from the headline, the lead and how often
each deal is told; tuned one sentence at a time on the development texts, they are right about
those and much less so about new articles (tests/data/calibration/README.md). This model reads
the same signs as numbers (the rules' choice among them) and gives each deal the chance that it
is the article's subject; a deal likely enough is the subject even where the rules chose another
or none (``SubjectModel``); every other deal is mentioned. Its weights and bound are data (``subject_model.toml``,
written by ``python -m extractors.calibrate``).

Standard library only: ``tests/data/calibration/dump_blind.py`` loads this file by its path
into older versions of the project, to read their conclusions the way this code reads them.
"""

from __future__ import annotations

import math
import re
import tomllib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

SUBJECT_MODEL_FILE = Path(__file__).with_name("subject_model.toml")
FEATURES = (
    "confidence", "rules_subject", "target_in_headline", "acquirer_in_headline",
    "evidence_in_headline", "evidence_position", "sentences_telling", "target_share",
    "deals_named", "people_named", "kind_acquihire", "kind_licence_and_hire", "english",
)  # fmt: skip
# How much of a deal's evidence sentence must open the headline for the headline to tell it.
EVIDENCE_HEAD_CHARS = 40
# The first reason of a deal the relations make says how many sentences tell it (deals.py).
_TOLD_IN = re.compile(r" in (\d+) sentence\(s\)$")
M = TypeVar("M")


class DealSigns(NamedTuple):
    """What the model reads of one deal the analysis found."""

    acquirer: str
    target: str
    confidence: float
    rules_subject: bool
    evidence: str
    sentences_telling: int
    people_named: bool
    kind: str


def sentences_telling(reasons: Sequence[str]) -> int:
    """How many sentences tell a deal, as its first reason says ("hire 1.00, money 0.90 in 3
    sentence(s)"); a deal the watchlist knows is named in one. Read from the reason, not the
    relations, so that versions of the analysis that kept no relations are read alike."""
    told = _TOLD_IN.search(reasons[0]) if reasons else None
    return int(told.group(1)) if told else 1


def subject_features(
    text: str, deals: Sequence[DealSigns], *, english: bool
) -> list[dict[str, float]]:
    """The features of each deal of one article, in the order given."""
    headline = text.split("\n", 1)[0]
    folded, folded_headline = text.lower(), headline.lower()
    named = [folded.count(d.target.lower()) for d in deals]
    total = sum(named) or 1
    out = []
    for d, count in zip(deals, named, strict=True):
        where = text.find(d.evidence) if d.evidence else -1
        out.append(
            {
                "confidence": d.confidence,
                "rules_subject": float(d.rules_subject),
                "target_in_headline": float(d.target.lower() in folded_headline),
                "acquirer_in_headline": float(d.acquirer.lower() in folded_headline),
                "evidence_in_headline": float(
                    bool(d.evidence) and d.evidence[:EVIDENCE_HEAD_CHARS] in headline
                ),
                "evidence_position": where / max(1, len(text)) if where >= 0 else 1.0,
                "sentences_telling": math.log1p(d.sentences_telling),
                "target_share": count / total,
                "deals_named": math.log1p(len(deals)),
                "people_named": float(d.people_named),
                "kind_acquihire": float(d.kind == "acquihire"),
                "kind_licence_and_hire": float(d.kind == "licence_and_hire"),
                "english": float(english),
            }
        )
    return out


def logistic(bias: float, weights: dict[str, float], features: dict[str, float]) -> float:
    """logistic(bias + w·x): the form of both learnt parts of the analysis (this one and the claim
    calibration, which takes it from here: this module must stay loadable on its own)."""
    z = bias + sum(w * features.get(name, 0.0) for name, w in weights.items())
    return 1.0 / (1.0 + math.exp(-z))


def read_weights(path: Path, features: Sequence[str]) -> tuple[dict[str, Any], dict[str, float]]:
    """A model file written by ``python -m extractors.calibrate``: its keys, and its weights,
    every one of them a feature the code reads."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    weights = {str(k): float(v) for k, v in data["weights"].items()}
    unknown = set(weights) - set(features)
    if unknown:
        raise ValueError(f"{path.name}: unknown features {sorted(unknown)}")
    return data, weights


@dataclass(frozen=True, slots=True)
class SubjectModel:
    """chance(subject) = logistic(bias + w·x). A deal whose chance is ``promote`` or more, and
    the highest of the article's, is the subject; otherwise the rules' choice stands.

    It adds a subject the rules missed, or prefers a likelier one, and never leaves an article the
    rules gave a subject without one: demoting the rules' subject too when its chance is low scored a little higher on the blind analyses (relevance 0.733 against 0.706,
    leaving one set out) but took the subject from articles the rules read right (the shared
    set's development part fell from 1.000 to 0.807, the written set from 0.980 to 0.879).
    """

    bias: float
    promote: float
    weights: dict[str, float]

    def chance(self, features: dict[str, float]) -> float:
        return logistic(self.bias, self.weights, features)

    def subject(
        self, features: Sequence[dict[str, float]], barred: Sequence[bool] = ()
    ) -> int | None:
        """The index of the subject deal, or None when the article has none; a deal ``barred``
        (one the rules read as no subject in a way the model cannot see) is never made the
        subject unless the rules chose it."""
        return self.pick(features, [self.chance(f) for f in features], barred)

    def pick(
        self,
        features: Sequence[dict[str, float]],
        chances: Sequence[float],
        barred: Sequence[bool] = (),
    ) -> int | None:
        """``subject`` for chances already weighed."""
        rules = next((i for i, f in enumerate(features) if f.get("rules_subject")), None)
        open_to = [
            0.0 if i != rules and i < len(barred) and barred[i] else c
            for i, c in enumerate(chances)
        ]
        return choose(open_to, rules, promote=self.promote)


def choose(chances: Sequence[float], rules: int | None, *, promote: float) -> int | None:
    """The subject among deals of these chances, ``rules`` the one the rules chose (or None)."""
    if not chances:
        return rules
    best = max(range(len(chances)), key=lambda i: chances[i])
    return best if chances[best] >= promote else rules


def read_bounded_model(
    path: Path, features: Sequence[str], model: Callable[[float, float, dict[str, float]], M]
) -> M:
    """A model file with a ``promote`` bound (this module's and the article model's): the model
    built from its bias, bound and weights."""
    data, weights = read_weights(path, features)
    return model(float(data["bias"]), float(data["promote"]), weights)


def read_subject_model(path: Path) -> SubjectModel:
    return read_bounded_model(path, FEATURES, SubjectModel)


@cache
def shipped_subject_model() -> SubjectModel:
    """The model shipped beside this module (read once per process)."""
    return read_subject_model(SUBJECT_MODEL_FILE)
