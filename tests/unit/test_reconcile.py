"""Reconciliation table: when claims agree, contradict, or say nothing new."""

from __future__ import annotations

from datetime import date

import pytest

from warehouse.reconcile import KnownClaim, accepted_value, judge, overlaps

B = 1e9


def claim(
    cid: str,
    low: float | None,
    high: float | None,
    *,
    story: str | None = None,
    as_of: date | None = None,
    order: int = 0,
) -> KnownClaim:
    return KnownClaim(
        claim_id=cid, low=low, high=high, as_of=as_of, story_id=story or cid, order=order
    )


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (
            (13.5 * B, 14.5 * B),
            (14.25 * B, 14.35 * B),
            True,
        ),  # "$14 billion" vs "$14.3 billion": rounding
        ((29 * B, None), (28.5 * B, 29.5 * B), True),  # "over $29 billion" vs "$29 billion"
        ((28, 28), (21, 21), False),  # ages 28 vs 21
        ((None, 100), (100, None), True),  # "up to 100" vs "over 100" touch
        ((0, 70), (71, None), False),
    ],
)
def test_overlap(a, b, expected):
    assert overlaps(*a, *b) is expected
    assert overlaps(*b, *a) is expected


CASES = [
    # name, known claims, new claim, metric, verdict
    ("first figure", [], claim("n", 28, 28), "person_age", "first"),
    (
        "rounded repeat agrees",
        [claim("a", 14.25 * B, 14.35 * B)],
        claim("n", 13.5 * B, 14.5 * B),
        "deal_amount_usd",
        "agrees",
    ),
    (
        "qualifier 'over' agrees",
        [claim("a", 29 * B, None)],
        claim("n", 28.5 * B, 29.5 * B),
        "target_valuation_usd",
        "agrees",
    ),
    (
        "a narrower figure inside the accepted one is news",
        [claim("a", 13.5 * B, 14.5 * B)],
        claim("n", 14.25 * B, 14.35 * B),
        "deal_amount_usd",
        "more_precise",
    ),
    (
        "disjoint ages contradict",
        [claim("a", 28, 28)],
        claim("n", 21, 21),
        "person_age",
        "contradicts",
    ),
    (
        "ages a year apart are different moments",
        [claim("a", 28, 28, as_of=date(2024, 6, 1))],
        claim("n", 29, 29, as_of=date(2025, 6, 13)),
        "person_age",
        "first",
    ),
    (
        "a price does not move with time",
        [claim("a", 14.25 * B, 14.35 * B, as_of=date(2024, 6, 1))],
        claim("n", 20 * B, 20 * B, as_of=date(2025, 6, 13)),
        "deal_amount_usd",
        "contradicts",
    ),
    (
        "a copy's more precise figure is the same story",
        [claim("a", 13.5 * B, 14.5 * B, story="s")],
        claim("n", 14.25 * B, 14.35 * B, story="s"),
        "deal_amount_usd",
        "same_story",
    ),
]


@pytest.mark.parametrize(
    ("name", "known", "new", "metric", "verdict"), CASES, ids=[c[0] for c in CASES]
)
def test_judge(name, known, new, metric, verdict):
    assert judge(new, known, metric, same_moment_days=30).verdict == verdict


def test_copies_of_one_wire_story_count_once():
    # Two copies of one story say 28; two independent outlets say 21: 21 is accepted.
    claims = [
        claim("wire", 28, 28, story="s1", order=0),
        claim("copy", 28, 28, story="s1", order=1),
        claim("x", 21, 21, story="s2", order=2),
        claim("y", 21, 21, story="s3", order=3),
    ]
    accepted = accepted_value(claims)
    assert (accepted.low, accepted.high, accepted.independent_sources) == (21, 21, 2)


def test_three_way_disagreement_accepts_the_best_backed_and_contradicts_the_others():
    known = [claim("a", 70, 70, order=0), claim("b", 70, 70, order=1), claim("c", 30, 30, order=2)]
    accepted = accepted_value(known)
    assert (accepted.low, accepted.high, accepted.independent_sources) == (70, 70, 2)
    judgement = judge(claim("d", 50, 50, order=3), known, "staff_hired", same_moment_days=30)
    assert judgement.verdict == "contradicts"
    assert judgement.accepted_before.claim_id == "a"


def test_tie_goes_to_the_earliest_claim():
    accepted = accepted_value([claim("early", 28, 28, order=0), claim("late", 21, 21, order=1)])
    assert accepted.claim_id == "early"


def test_accepted_interval_is_narrowed_by_its_backers():
    accepted = accepted_value(
        [claim("over", 29 * B, None, order=0), claim("about", 28.5 * B, 29.5 * B, order=1)]
    )
    assert (accepted.low, accepted.high) == (29 * B, 29.5 * B)


def test_a_claim_that_overlaps_a_backer_of_the_accepted_value_is_no_contradiction():
    # "$28 billion" and "$29 billion" touch at 28.5: the accepted value narrows to that point;
    # "over $29 billion" misses the point but agrees with "$29 billion", one of its sources.
    known = [claim("a", 27.5 * B, 28.5 * B), claim("b", 28.5 * B, 29.5 * B)]
    assert (
        judge(claim("c", 29 * B, None), known, "target_valuation_usd", same_moment_days=30).verdict
        == "agrees"
    )
    # disjoint from every backer: a contradiction
    assert (
        judge(claim("d", 40 * B, None), known, "target_valuation_usd", same_moment_days=30).verdict
        == "contradicts"
    )
