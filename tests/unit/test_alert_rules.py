"""The alert rules as a table, without a database (:mod:`warehouse.rules`).

Each row reads as one rule: the claims a key already holds, the new claim, the
policy, and what the team is told. A key's claims are written as
``said(stated, low, high, story=...)``: claims of one ``story`` are copies of one
wire story (one independent source). The rows state what the rules did when they
were moved out of ``warehouse/store.py`` (issue 16); DESIGN.md, "A figure is an
interval" and "Reconciliation and alerts", says why.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from extractors.records import Claim, DealMention
from warehouse import reconcile, rules
from warehouse.rules import KeyClaim, KnownContradiction, ReconcilePolicy

DEAL = "meta--scale-ai"
WANG = "Alexandr Wang"
B = 1e9
JUNE = date(2025, 6, 13)


@dataclass(frozen=True)
class Said:
    """A claim of the key, as a row of the table writes it."""

    stated: str
    low: float | None
    high: float | None
    story: str
    article: str | None = None  # defaults to one article per claim
    as_of: date | None = None
    confidence: float = 1.0
    in_passing: bool = False  # recalled by an article about something else


def said(
    stated, low, high, *, story, article=None, as_of=None, confidence=1.0, in_passing=False
) -> Said:
    return Said(stated, low, high, story, article, as_of, confidence, in_passing)


def _claim(n: int, s: Said, metric: str) -> Claim:
    subject = WANG if metric == "person_age" else DEAL
    return Claim(
        claim_id=f"c{n}",
        article_id=s.article or f"a{n}",
        deal_id=DEAL,
        subject=subject,
        metric=metric,
        low=s.low,
        high=s.high,
        unit="years" if metric == "person_age" else "USD",
        stated=s.stated,
        qualifier=None,
        quote=f"... {s.stated} ...",
        start=0,
        end=len(s.stated),
        as_of=s.as_of,
        confidence=s.confidence,
        evidence="cue",
    )


def _key_claim(claim: Claim, s: Said, order: int) -> KeyClaim:
    known = reconcile.KnownClaim(claim.claim_id, claim.low, claim.high, claim.as_of, s.story, order)
    return KeyClaim(known, claim.stated, claim.article_id, f"outlet of {s.story}", not s.in_passing)


def _told(decisions: list[rules.Decision]) -> str:
    """What the team is told, in one line: the decision after the accepted value."""
    told = [d for d in decisions if not isinstance(d, rules.Accept | rules.RecordContradiction)]
    if not told:
        return "nothing"
    (last,) = told
    if isinstance(last, rules.Quiet):
        return f"quiet: {last.reason}"
    line = f"{last.kind}: {last.reason}"
    return f"{line} | suppressed: {last.suppressed_because}" if last.suppressed_because else line


def decide(
    known: list[Said],
    new: Said,
    *,
    metric: str = "deal_amount_usd",
    policy: ReconcilePolicy | None = None,
    contradictions: tuple[tuple[str, str, str], ...] = (),
    weighed: bool = True,
) -> list[rules.Decision]:
    said_all = [*known, new]
    claims = [_claim(n, s, metric) for n, s in enumerate(said_all)]
    key_claims = [
        _key_claim(c, s, n) for n, (c, s) in enumerate(zip(claims, said_all, strict=True))
    ]
    if not weighed:
        key_claims = key_claims[:-1]
    return rules.decide(
        claims[-1],
        key_claims,
        policy or ReconcilePolicy(),
        known_contradictions=[KnownContradiction(*c) for c in contradictions],
    )


AGE_28 = said("Now 28", 28, 28, story="ap")
AGE_21 = said("21 years old", 21, 21, story="vcpost")
PRICE_14 = said("$14 billion", 13.5 * B, 14.5 * B, story="ap")
PRICE_14_3 = said("$14.3 billion", 14.25 * B, 14.35 * B, story="reuters")
AGE_KEY = f"{DEAL}|{WANG}|person_age|[21,21]|[28,28]"

RULES = [
    # (the rule, the key's claims, the new claim, options, what the team is told)
    (
        "no earlier claim for the key → new figure",
        [],
        PRICE_14,
        {},
        "new_figure: first figure for this deal and metric",
    ),
    (
        "strictly inside the accepted value, from an independent source → new figure, more precise",
        [PRICE_14],
        PRICE_14_3,
        {},
        "new_figure: more precise than the accepted value [13500000000,14500000000]",
    ),
    (
        "strictly inside, but a copy of a wire story already counted → quiet",
        [PRICE_14],
        said("$14.3 billion", 14.25 * B, 14.35 * B, story="ap"),
        {},
        "quiet: backed only by a copy of a wire story already counted",
    ),
    (
        "the same interval from an independent source → quiet, a known fact",
        [PRICE_14_3],
        said("$14.3 billion", 14.25 * B, 14.35 * B, story="ft"),
        {},
        "quiet: agrees with the accepted value [14250000000,14350000000]: a known fact",
    ),
    (
        "a wider figure that overlaps ($14B after $14.3B) → quiet, a known fact",
        [PRICE_14_3],
        said("$14 billion", 13.5 * B, 14.5 * B, story="ft"),
        {},
        "quiet: agrees with the accepted value [14250000000,14350000000]: a known fact",
    ),
    (
        "an open interval that overlaps (over $29B beside $29B) → quiet, a known fact",
        [said("$29 billion", 28.5 * B, 29.5 * B, story="ap")],
        said("over $29 billion", 29 * B, None, story="ft"),
        {},
        "quiet: agrees with the accepted value [29000000000,29500000000]: a known fact",
    ),
    (
        "two independent sources, intervals disjoint → contradiction",
        [AGE_28],
        AGE_21,
        {"metric": "person_age"},
        "contradiction: '21 years old' [21,21] is disjoint from the accepted value [28,28]",
    ),
    (
        "disjoint, both figures recalled in passing by articles about other things → quiet",
        [said("$14 billion", 13.5 * B, 14.5 * B, story="roundup", in_passing=True)],
        said("$2 billion", 1.95 * B, 2.05 * B, story="earnings", in_passing=True),
        {},
        "quiet: '$2 billion' [1950000000,2050000000] disagrees with the accepted value "
        "[13500000000,14500000000], but every claim on both sides is a figure recalled in passing "
        "(no article about this deal states either): not a contradiction",
    ),
    (
        "disjoint, one side stated by an article about the deal → contradiction",
        [said("Now 28", 28, 28, story="ap", in_passing=True)],
        AGE_21,
        {"metric": "person_age"},
        "contradiction: '21 years old' [21,21] is disjoint from the accepted value [28,28]",
    ),
    (
        "a copy of the accepted wire story stating a disjoint figure → contradiction all the same",
        [AGE_28],
        said("21 years old", 21, 21, story="ap"),
        {"metric": "person_age"},
        "contradiction: '21 years old' [21,21] is disjoint from the accepted value [28,28]",
    ),
    (
        "disjoint from a value narrowed by several sources, overlapping one of its backers → quiet",
        [said("10 to 20", 10, 20, story="ap"), said("15 to 30", 15, 30, story="ft")],
        said("25 to 28", 25, 28, story="wsj"),
        {},
        "quiet: agrees with the accepted value [15,20]: a known fact",
    ),
    (
        "two wire copies of 28 count as one source: the earlier 21 wins the tie → a new 21 is known",
        [AGE_21, said("Now 28", 28, 28, story="ap"), said("Now 28", 28, 28, story="ap")],
        said("aged 21", 21, 21, story="wsj"),
        {"metric": "person_age"},
        "quiet: agrees with the accepted value [21,21]: a known fact",
    ),
    (
        "two independent sources outvote one: the new dissent contradicts the majority",
        [AGE_21, said("Now 28", 28, 28, story="ap"), said("Now 28", 28, 28, story="ft")],
        said("aged 21", 21, 21, story="wsj"),
        {"metric": "person_age"},
        "contradiction: 'aged 21' [21,21] is disjoint from the accepted value [28,28]",
    ),
    (
        "an article repeating its own figure is no second voice → still the first figure",
        [said("$14 billion", 13.5 * B, 14.5 * B, story="ap", article="same")],
        said("$14.3 billion", 14.25 * B, 14.35 * B, story="ap", article="same"),
        {},
        "new_figure: first figure for this deal and metric",
    ),
    (
        "an age of another moment (as_of years apart) is not compared → new figure",
        [said("19-year-old", 19, 19, story="ap", as_of=date(2016, 6, 1))],
        said("Now 28", 28, 28, story="ft", as_of=JUNE),
        {"metric": "person_age"},
        "new_figure: first figure for this deal and metric",
    ),
    (
        "ages within same_moment_days of each other are compared → contradiction",
        [said("Now 28", 28, 28, story="ap", as_of=JUNE)],
        said("21 years old", 21, 21, story="ft", as_of=date(2025, 6, 30)),
        {"metric": "person_age"},
        "contradiction: '21 years old' [21,21] is disjoint from the accepted value [28,28]",
    ),
    (
        "a deal's price is compared whatever the dates → contradiction",
        [said("$14.3 billion", 14.25 * B, 14.35 * B, story="ap", as_of=date(2020, 1, 1))],
        said("$2 billion", 1.95 * B, 2.05 * B, story="ft", as_of=JUNE),
        {},
        "contradiction: '$2 billion' [1950000000,2050000000] is disjoint from the accepted value "
        "[14250000000,14350000000]",
    ),
    (
        "below min_confidence → quiet, stored and shown but never weighed",
        [PRICE_14],
        said("$2 billion", 1.95 * B, 2.05 * B, story="ft", confidence=0.4),
        {"policy": ReconcilePolicy(min_confidence=0.6)},
        "quiet: below confidence: 0.40 < 0.60 (cue)",
    ),
    (
        "just under min_confidence → quiet, its confidence shown rounded down, never as the bar",
        [PRICE_14],
        said("$2 billion", 1.95 * B, 2.05 * B, story="ft", confidence=0.5996),
        {"policy": ReconcilePolicy(min_confidence=0.6)},
        "quiet: below confidence: 0.59 < 0.60 (cue)",
    ),
    (
        "at min_confidence exactly → weighed",
        [],
        said("$14 billion", 13.5 * B, 14.5 * B, story="ap", confidence=0.6),
        {"policy": ReconcilePolicy(min_confidence=0.6)},
        "new_figure: first figure for this deal and metric",
    ),
    (
        "a claim not among the key's weighed claims → nothing",
        [PRICE_14],
        PRICE_14_3,
        {"weighed": False},
        "nothing",
    ),
    (
        "a backfill's new figure → recorded as the baseline, not sent",
        [],
        PRICE_14,
        {"policy": ReconcilePolicy(baseline=True)},
        "new_figure: first figure for this deal and metric"
        " | suppressed: backfill baseline: recorded, not sent",
    ),
    (
        "a muted deal's contradiction → recorded, not sent",
        [AGE_28],
        AGE_21,
        {"metric": "person_age", "policy": ReconcilePolicy(mute_deals=frozenset({DEAL}))},
        "contradiction: '21 years old' [21,21] is disjoint from the accepted value [28,28]"
        f" | suppressed: muted deal {DEAL}",
    ),
    (
        "a muted metric → recorded, not sent (before the baseline's reason)",
        [],
        AGE_28,
        {
            "metric": "person_age",
            "policy": ReconcilePolicy(baseline=True, mute_metrics=frozenset({"person_age"})),
        },
        "new_figure: first figure for this deal and metric | suppressed: muted metric person_age",
    ),
    (
        "re-alerting on: a source joining the accepted side of a known contradiction → it again",
        [AGE_28, AGE_21],
        said("aged 28", 28, 28, story="ft"),
        {
            "metric": "person_age",
            "policy": ReconcilePolicy(realert_on_new_source=True),
            "contradictions": ((AGE_KEY, "c0", "c1"),),
        },
        "contradiction: 'aged 28' adds a source to the accepted value [28,28], which "
        "'21 years old' [21,21] contradicts",
    ),
    (
        "re-alerting off: the same claim → quiet, a known fact",
        [AGE_28, AGE_21],
        said("aged 28", 28, 28, story="ft"),
        {"metric": "person_age", "contradictions": ((AGE_KEY, "c0", "c1"),)},
        "quiet: agrees with the accepted value [28,28]: a known fact",
    ),
    (
        "re-alerting on, no contradiction known for the key → quiet, a known fact",
        [AGE_28],
        said("aged 28", 28, 28, story="ft"),
        {"metric": "person_age", "policy": ReconcilePolicy(realert_on_new_source=True)},
        "quiet: agrees with the accepted value [28,28]: a known fact",
    ),
]


@pytest.mark.parametrize(
    ("known", "new", "options", "told"),
    [pytest.param(*row[1:], id=row[0]) for row in RULES],
)
def test_what_the_team_is_told(known, new, options, told):
    assert _told(decide(known, new, **options)) == told


DEDUP = [
    # (the rule, the key's claims, the new claim, policy, the alert's dedup key)
    (
        "a new figure is keyed by its interval",
        [],
        PRICE_14,
        ReconcilePolicy(),
        f"new_figure|{DEAL}|{DEAL}|deal_amount_usd|[13500000000,14500000000]",
    ),
    (
        "a contradiction is keyed by its two intervals, in sorted order",
        [AGE_28],
        AGE_21,
        ReconcilePolicy(),
        f"contradiction|{AGE_KEY}",
    ),
    (
        "re-alerting on: a contradiction is keyed by the independent sources of each side",
        [AGE_28, said("Now 28", 28, 28, story="ft")],
        AGE_21,
        ReconcilePolicy(realert_on_new_source=True),
        f"contradiction|{AGE_KEY}|sources=1,2",
    ),
    (
        "re-alerting on: a wire copy on a side adds no source to the key",
        [AGE_28, said("Now 28", 28, 28, story="ap")],
        AGE_21,
        ReconcilePolicy(realert_on_new_source=True),
        f"contradiction|{AGE_KEY}|sources=1,1",
    ),
]


@pytest.mark.parametrize(
    ("known", "new", "policy", "dedup_key"),
    [pytest.param(*row[1:], id=row[0]) for row in DEDUP],
)
def test_dedup_keys(known, new, policy, dedup_key):
    metric = "person_age" if new.high in (21, 28) else "deal_amount_usd"
    decisions = decide(known, new, metric=metric, policy=policy)
    (told,) = [d for d in decisions if isinstance(d, rules.Raise)]
    assert told.dedup_key == dedup_key


def test_a_contradiction_is_recorded_between_the_accepted_claim_and_the_new_one():
    decisions = decide([AGE_28], AGE_21, metric="person_age")
    accept, record, alert = decisions
    assert isinstance(accept, rules.Accept) and accept.accepted.claim_id == "c0"
    assert record == rules.RecordContradiction(AGE_KEY, "c0", "c1")
    assert isinstance(alert, rules.Raise)
    assert alert.figure.claim.known.claim_id == "c1"
    assert alert.other is not None and alert.other.claim.known.claim_id == "c0"


def test_the_accepted_value_narrows_to_what_its_backers_allow():
    (accept, _) = decide([PRICE_14], PRICE_14_3)
    assert isinstance(accept, rules.Accept)
    assert (accept.accepted.low, accept.accepted.high) == (14.25 * B, 14.35 * B)
    assert accept.accepted.independent_sources == 2


def _mention(role: str, score: float = 1.0) -> DealMention:
    return DealMention(DEAL, "Meta", "Scale AI", (WANG,), "investment_and_hire", role, score, "...")  # type: ignore[arg-type]


NEW_DEAL = [
    # (the rule, the mention, whether its article states a figure of it, policy, what is told)
    ("an article about the deal → new deal", _mention("subject"), False, ReconcilePolicy(),
     "new_deal: first article about this deal"),
    ("named in passing with a figure of it → new deal", _mention("mentioned"), True,
     ReconcilePolicy(), "new_deal: first figure stated for this deal"),
    ("named in passing only → quiet until an article is about it", _mention("mentioned"), False,
     ReconcilePolicy(), "quiet: named in passing only; alerts once an article is about it"),
    ("below min_confidence → quiet", _mention("subject", 0.5), True,
     ReconcilePolicy(min_confidence=0.6),
     "quiet: below confidence: 0.50 < 0.60; alerts once an article is surer"),
    ("a muted deal → recorded, not sent", _mention("subject"), False,
     ReconcilePolicy(mute_deals=frozenset({DEAL})),
     f"new_deal: first article about this deal | suppressed: muted deal {DEAL}"),
    ("a backfill → the baseline", _mention("subject"), False, ReconcilePolicy(baseline=True),
     "new_deal: first article about this deal | suppressed: backfill baseline: recorded, not sent"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("mention", "has_claims", "policy", "told"),
    [pytest.param(*row[1:], id=row[0]) for row in NEW_DEAL],
)
def test_new_deal(mention, has_claims, policy, told):
    quiet = rules.new_deal_quiet_because(mention, policy, has_claims=has_claims)
    if quiet is not None:
        assert f"quiet: {quiet}" == told
        return
    line = f"new_deal: {rules.new_deal_reason(mention)}"
    muted = rules.suppression(mention.deal_id, None, policy)
    assert (f"{line} | suppressed: {muted}" if muted else line) == told


def test_the_rules_need_no_database():
    source = (rules.__file__, reconcile.__file__)
    for path in source:
        with open(path, encoding="utf-8") as module:
            assert "duckdb" not in module.read()
