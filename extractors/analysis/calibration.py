"""A claim's confidence as the chance it is right, learnt from real articles the analysis had not seen.

The attribution's own confidence says how a figure was read ("what the deal pays", from a cue in
the clause); measured on real text it hardly tells right from wrong (tests/data/calibration/README.md).
What does tell them apart is how the figure sits in its article: stated twice alike, or beside
another value for the same deal and metric; a headline's guess; the deal the article is about
or one it recalls. ``claim_features`` reads those, and a logistic model whose weights are data
(``calibration.toml``, written by ``python -m extractors.calibrate``) turns them into a
probability, which is the confidence the warehouse stores and the alert threshold reads.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from extractors.analysis.attribution import HEADLINE_GUESS
from extractors.analysis.subject_model import logistic, read_weights
from extractors.records import Claim, DealMention

CALIBRATION_FILE = Path(__file__).with_name("calibration.toml")
# The metrics with a weight of their own; any other metric weighs as none of them.
CALIBRATED_METRICS = (
    "deal_amount_usd", "founded_year", "target_funding_raised_usd", "stake_pct",
    "licence_fee_usd", "staff_hired", "target_valuation_usd",
)  # fmt: skip
FEATURES = (
    "reading_confidence", "about_subject", "deal_score", "deals_named", "english", "in_headline",
    "qualified", "disagrees_in_article", "repeated_in_article", "headline_guess",
    *(f"metric_{m}" for m in CALIBRATED_METRICS),
)  # fmt: skip


# How ``dealwatch explain`` names a feature that holds for a claim (the binary ones worth saying).
FEATURE_WORDS = {
    "about_subject": "the deal the article is about",
    "in_headline": "in the headline",
    "qualified": "qualified (about, over, up to ...)",
    "disagrees_in_article": "the article states another value for it",
    "repeated_in_article": "the article states it again alike",
    "headline_guess": "a headline's sum",
}


@dataclass(frozen=True, slots=True)
class CalibrationModel:
    """Weights on the raw features (``FEATURES``) and a bias: confidence = logistic(bias + w·x)."""

    bias: float
    weights: dict[str, float]

    def confidence(self, features: dict[str, float]) -> float:
        return logistic(self.bias, self.weights, features)

    def basis(self, features: dict[str, float]) -> str:
        """The reading's confidence and what else moved the claim's, for a person to check."""
        said = [
            f"{words} {self.weights.get(name, 0.0):+.2f}"
            for name, words in FEATURE_WORDS.items()
            if features.get(name) and self.weights.get(name)
        ]
        return "; ".join([f"reading {features['reading_confidence']:.3f}", *said])


def _same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def claim_features(
    claim: Claim,
    article_claims: Sequence[Claim],
    deal: DealMention | None,
    *,
    deals_named: int,
    english: bool,
    headline_end: int,
) -> dict[str, float]:
    """What the calibration reads of one claim, among the claims and deals of its article."""
    kin = [
        c
        for c in article_claims
        if c is not claim
        and (c.deal_id, c.subject, c.metric) == (claim.deal_id, claim.subject, claim.metric)
    ]
    alike = [c for c in kin if _same(c.low, claim.low) and _same(c.high, claim.high)]
    features = {
        "reading_confidence": claim.confidence,
        "about_subject": float(deal is not None and deal.role == "subject"),
        "deal_score": deal.score if deal is not None else 0.0,
        "deals_named": math.log1p(deals_named),
        "english": float(english),
        "in_headline": float(headline_end >= 0 and claim.start <= headline_end),
        "qualified": float(claim.qualifier is not None),
        "disagrees_in_article": float(len(alike) < len(kin)),
        "repeated_in_article": float(bool(alike)),
        "headline_guess": float(claim.evidence == HEADLINE_GUESS),
    }
    for m in CALIBRATED_METRICS:
        features[f"metric_{m}"] = float(claim.metric == m)
    return features


def read_calibration(path: Path) -> CalibrationModel:
    data, weights = read_weights(path, FEATURES)
    return CalibrationModel(bias=float(data["bias"]), weights=weights)


@cache
def shipped_calibration() -> CalibrationModel:
    """The model shipped beside this module (read once per process)."""
    return read_calibration(CALIBRATION_FILE)


def calibrated(
    claims: Sequence[Claim],
    deals: Sequence[DealMention],
    *,
    english: bool,
    headline_end: int,
    model: CalibrationModel | None = None,
) -> list[Claim]:
    """The claims of one article, each with its calibrated confidence (rounded as stored) and
    what it rests on."""
    model = model or shipped_calibration()
    by_id = {d.deal_id: d for d in deals}
    out = []
    for c in claims:
        features = claim_features(
            c,
            claims,
            by_id.get(c.deal_id),
            deals_named=len(deals),
            english=english,
            headline_end=headline_end,
        )
        confidence = round(model.confidence(features), 3)
        out.append(
            replace(
                c,
                confidence=confidence,
                reading_confidence=c.confidence,
                confidence_basis=model.basis(features),
            )
        )
    return out
