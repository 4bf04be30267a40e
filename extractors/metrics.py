"""The closed vocabulary of metrics a claim may state, kept in one place.

``subject_kind`` says what a claim's ``subject`` names:

- ``deal``: the deal itself; subject is the deal id (``meta--scale-ai``).
- ``target``: the startup; subject is the target's canonical name (``Scale AI``).
- ``person``: a person; subject is the person's full name (``Alexandr Wang``).

``moves_with_time`` says whether two claims stated at different dates may both be
true with different values (an age, a valuation, a headcount) — such claims are
only compared when they belong to the same moment.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

SubjectKind = Literal["deal", "target", "person"]


@dataclass(frozen=True, slots=True)
class Metric:
    name: str
    unit: str
    subject_kind: SubjectKind
    moves_with_time: bool
    description: str


METRICS: dict[str, Metric] = {
    m.name: m
    for m in (
        Metric("deal_amount_usd", "USD", "deal", False, "What the acquirer pays in the deal."),
        Metric("stake_pct", "pct", "deal", False, "Share of the target the acquirer gets."),
        Metric(
            "target_valuation_usd",
            "USD",
            "target",
            True,
            "The target's valuation as set by (or stated at) the deal.",
        ),
        Metric(
            "licence_fee_usd",
            "USD",
            "deal",
            False,
            "A fee paid to license the target's technology.",
        ),
        Metric("target_headcount", "people", "target", True, "How many people the target employs."),
        Metric(
            "staff_hired",
            "people",
            "deal",
            False,
            "How many of the target's staff join the acquirer.",
        ),
        Metric(
            "staff_hired_pct",
            "pct",
            "deal",
            False,
            "The share of the target's staff that joins the acquirer, in percent.",
        ),
        Metric("person_age", "years", "person", True, "A person's age at the time of the article."),
        Metric("founded_year", "year", "target", False, "The year the target was founded."),
        Metric(
            "target_funding_raised_usd",
            "USD",
            "target",
            True,
            "Total the target had raised from investors before the deal.",
        ),
    )
}


def subject_for(metric: str, *, deal_id: str, target: str, person: str | None = None) -> str:
    """The subject a claim of ``metric`` is about, by the metric's subject kind."""
    kind = METRICS[metric].subject_kind
    if kind == "deal":
        return deal_id
    if kind == "target":
        return target
    if person is None:
        raise ValueError(f"metric {metric!r} is about a person, and no person was given")
    return person
