"""Reconciliation: what a new claim means next to what is already known.

Pure functions over plain records; ``store`` loads the claims of the affected
keys, calls :func:`judge` for each new claim, and writes what it decides.

Rules (DESIGN.md, "a figure is an interval"):

- two claims about one key (deal, subject, metric) agree when their intervals
  overlap and contradict when they are disjoint (``None`` is an open end);
- a metric that moves with time (an age, a valuation, a headcount) is compared
  only between claims of the same moment (``as_of`` within ``same_moment_days``;
  an unknown ``as_of`` is taken to be the deal's moment); a deal's price is
  compared whatever the dates;
- the accepted value of a key is the interval backed by the most independent
  sources (copies of one wire story are one source; a tie goes to the earliest
  claim), narrowed to what its backers all allow;
- a claim raises ``new_figure`` when it is the first for its key, or strictly
  more precise than the accepted value; ``contradiction`` when it is disjoint
  from the accepted value and from every claim that backs it (sources contradict
  sources); otherwise it is a known fact and raises nothing.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal, NamedTuple

from extractors.metrics import METRICS


class KnownClaim(NamedTuple):
    """A claim as reconciliation sees it: its interval, its date and its story.

    A named tuple, not a frozen dataclass: the store builds one for every stored claim of
    a key (thousands for a busy deal) each time an article adds to it, at a third of the cost.
    """

    claim_id: str
    low: float | None
    high: float | None
    as_of: date | None
    story_id: str  # the syndication group: copies of one wire story share it
    order: int = 0  # storage order; earlier wins ties


@dataclass(frozen=True, slots=True)
class Accepted:
    low: float | None
    high: float | None
    claim_id: str  # the claim whose interval won
    independent_sources: int
    backers: tuple[str, ...]  # claim ids that agree with it


Verdict = Literal["first", "more_precise", "agrees", "contradicts", "same_story"]


@dataclass(frozen=True, slots=True)
class Judgement:
    verdict: Verdict
    accepted_before: Accepted | None
    accepted_after: Accepted


def _lo(value: float | None) -> float:
    return -math.inf if value is None else value


def _hi(value: float | None) -> float:
    return math.inf if value is None else value


def overlaps(
    a_low: float | None, a_high: float | None, b_low: float | None, b_high: float | None
) -> bool:
    return _lo(a_low) <= _hi(b_high) and _lo(b_low) <= _hi(a_high)


def strictly_inside(
    inner: tuple[float | None, float | None], outer: tuple[float | None, float | None]
) -> bool:
    """``inner`` lies within ``outer`` and is narrower: it says more."""
    (il, ih), (ol, oh) = inner, outer
    within = _lo(il) >= _lo(ol) and _hi(ih) <= _hi(oh)
    return within and (_lo(il) > _lo(ol) or _hi(ih) < _hi(oh))


def comparable(metric: str, a: date | None, b: date | None, *, same_moment_days: int) -> bool:
    info = METRICS.get(metric)
    if info is None or not info.moves_with_time or a is None or b is None:
        return True
    return abs((a - b).days) <= same_moment_days


def accepted_value(claims: Sequence[KnownClaim]) -> Accepted | None:
    """The interval the most independent sources back; ties go to the earliest claim."""
    if not claims:
        return None
    # Claims stating one interval have the same backers, so each interval is weighed once, for its
    # earliest claim: a key with thousands of claims states a handful of distinct intervals.
    stories: dict[tuple[float | None, float | None], set[str]] = {}
    earliest: dict[tuple[float | None, float | None], tuple[int, int, KnownClaim]] = {}
    for position, claim in enumerate(claims):
        interval = (claim.low, claim.high)
        stories.setdefault(interval, set()).add(claim.story_id)
        first = earliest.get(interval)
        if first is None or (claim.order, position) < first[:2]:
            earliest[interval] = (claim.order, position, claim)
    best: tuple[int, int, int, KnownClaim] | None = None
    for (low, high), (order, position, candidate) in earliest.items():
        backing = set().union(
            *(s for (b_low, b_high), s in stories.items() if overlaps(b_low, b_high, low, high))
        )
        rank = (len(backing), -order, -position)
        if best is None or rank > best[:3]:
            best = (len(backing), -order, -position, candidate)
    assert best is not None
    support, winner = best[0], best[3]
    agreeing = {
        (b_low, b_high)
        for b_low, b_high in stories
        if overlaps(b_low, b_high, winner.low, winner.high)
    }
    backers = [c for c in claims if (c.low, c.high) in agreeing]
    low, high = _lo(winner.low), _hi(winner.high)
    # Narrowing by an interval a second time changes nothing, so each is applied once, in the
    # order the backers first state it (``stories`` keeps that order).
    for b_low, b_high in stories:
        if (b_low, b_high) not in agreeing:
            continue
        narrowed_low, narrowed_high = max(low, _lo(b_low)), min(high, _hi(b_high))
        if narrowed_low <= narrowed_high:
            low, high = narrowed_low, narrowed_high
    return Accepted(
        low=None if low == -math.inf else low,
        high=None if high == math.inf else high,
        claim_id=winner.claim_id,
        independent_sources=support,
        backers=tuple(c.claim_id for c in backers),
    )


def judge(
    new: KnownClaim, known: Sequence[KnownClaim], metric: str, *, same_moment_days: int
) -> Judgement:
    """What ``new`` means next to the ``known`` claims of its key (``new`` not among them)."""
    peers = [
        c
        for c in known
        if comparable(metric, c.as_of, new.as_of, same_moment_days=same_moment_days)
    ]
    before = accepted_value(peers)
    after = accepted_value([*peers, new])
    assert after is not None
    if before is None:
        return Judgement("first", None, after)
    if not overlaps(new.low, new.high, before.low, before.high):
        # Sources contradict one another, not a value narrowed from several of them: a claim that
        # overlaps one of the accepted value's own backers ("$29 billion" beside "over $29 billion",
        # when "$28 billion" narrowed the value to 28.5) is no contradiction.
        backers = set(before.backers)
        if any(overlaps(new.low, new.high, c.low, c.high) for c in peers if c.claim_id in backers):
            return Judgement("agrees", before, after)
        return Judgement("contradicts", before, after)
    if strictly_inside((new.low, new.high), (before.low, before.high)):
        if any(c.story_id == new.story_id for c in peers):
            return Judgement("same_story", before, after)
        return Judgement("more_precise", before, after)
    return Judgement("agrees", before, after)


def interval_key(low: float | None, high: float | None) -> str:
    """A stable text form of an interval for dedup keys (12 significant digits)."""

    def one(value: float | None) -> str:
        return "open" if value is None else f"{value:.12g}"

    return f"[{one(low)},{one(high)}]"
