"""The alert rules: what a team is told about a new claim, or a deal, and why.

Pure functions over plain records, no database: the store loads a key's claims
(and, to re-alert, its known contradictions), calls :func:`decide`, and writes
the decisions it returns. :mod:`warehouse.reconcile` weighs intervals
(:func:`~warehouse.reconcile.judge`); this module turns its verdict into what is
raised, recorded or kept quiet, with the reason the audit row gives.

For one new claim of a key (deal, subject, metric), :func:`decide` returns, in order:

- :class:`Quiet` only, when the claim is below ``min_confidence`` (stored and shown,
  never weighed);
- nothing, when the claim is not among the key's weighed claims;
- otherwise :class:`Accept` (the key's accepted value after the claim), then one of

  - ``first`` or ``more_precise`` → :class:`Raise` a ``new_figure``;
  - ``contradicts`` → :class:`RecordContradiction` and :class:`Raise` a ``contradiction``
    (the new side against the accepted claim), unless every claim on both sides is a figure
    recalled in passing (from articles about other things) → :class:`Quiet`;
  - ``agrees`` with ``realert_on_new_source``, joining the accepted side of a known
    contradiction → :class:`Raise` that ``contradiction`` again, keyed by the count of
    independent sources on each side;
  - otherwise (``agrees``, ``same_story``) → :class:`Quiet` with why: a known fact.

Every :class:`Raise` carries ``suppressed_because`` (muted deal, muted metric, or a
backfill's baseline) or ``None`` for an alert that goes out.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from extractors.records import Claim, DealMention
from warehouse import reconcile


@dataclass(frozen=True, slots=True)
class ReconcilePolicy:
    baseline: bool = False  # a backfill: record alerts as the known baseline, do not send them
    mute_deals: frozenset[str] = field(default_factory=frozenset)
    mute_metrics: frozenset[str] = field(default_factory=frozenset)
    realert_on_new_source: bool = False
    same_moment_days: int = 30
    # Claims and deal mentions below this confidence are stored and shown, but raise no alert and
    # take no part in accepted values or contradictions (their decision row says "below confidence").
    min_confidence: float = 0.0

    def confident(self, confidence: float | None) -> bool:
        return confidence is None or confidence >= self.min_confidence


class KeyClaim(NamedTuple):  # thousands are built per article: a tuple is the cheapest record
    """A stored claim of a key as the rules weigh it: its interval and story, what it states, whose it is."""

    known: reconcile.KnownClaim
    stated: str
    article_id: str
    source: str
    # Stated by an article whose subject is this deal; False for a figure recalled in passing
    # (a round-up, background), which is wrong far more often (see :func:`decide`).
    about_deal: bool = True


class KnownContradiction(NamedTuple):
    """A contradiction already recorded for the key: its key and its two claims."""

    contradiction_key: str
    a_claim_id: str
    b_claim_id: str


# --- decisions ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Side:
    """One side of an alert: the claim shown, and the claims standing behind it."""

    claim: KeyClaim
    backers: tuple[KeyClaim, ...]


@dataclass(frozen=True, slots=True)
class Accept:
    """The key's accepted value once the claim is weighed."""

    accepted: reconcile.Accepted


@dataclass(frozen=True, slots=True)
class RecordContradiction:
    """A contradiction to record (once per key and pair of intervals)."""

    contradiction_key: str
    a_claim_id: str  # the accepted claim
    b_claim_id: str  # the new claim


@dataclass(frozen=True, slots=True)
class Raise:
    """An alert for the outbox: sent, or recorded as suppressed (``suppressed_because``)."""

    kind: str  # new_figure or contradiction
    dedup_key: str
    reason: str
    figure: Side
    other: Side | None = None  # contradiction: the side it disagrees with
    suppressed_because: str | None = None


@dataclass(frozen=True, slots=True)
class Quiet:
    """No alert, and the audit row's reason."""

    kind: str
    dedup_key: str
    reason: str


Decision = Accept | RecordContradiction | Raise | Quiet


# --- the rules ------------------------------------------------------------------


def new_deal_reason(mention: DealMention) -> str:
    """Why a deal's first confident mention raises ``new_deal``."""
    if mention.role == "subject":
        return "first article about this deal"
    return "first figure stated for this deal"


def shown_below(value: float) -> str:
    """A confidence under the bar, to two decimals rounded down: 0.5996 shows as 0.59, never as
    the 0.60 it falls short of ("below confidence: 0.60 < 0.60" reads as a mistake)."""
    return f"{math.floor(value * 100 + 1e-9) / 100:.2f}"


def new_deal_quiet_because(
    mention: DealMention, policy: ReconcilePolicy, *, has_claims: bool
) -> str | None:
    """Why a deal's mention raises no ``new_deal`` yet (its audit row's reason), or ``None``."""
    if not policy.confident(mention.score):
        return (
            f"below confidence: {shown_below(mention.score)} < {policy.min_confidence:.2f}; "
            "alerts once an article is surer"
        )
    if mention.role != "subject" and not has_claims:
        return "named in passing only; alerts once an article is about it"
    return None


def suppression(deal_id: str | None, metric: str | None, policy: ReconcilePolicy) -> str | None:
    """Why an alert the rules raise is recorded but not sent, or ``None`` when it goes out."""
    if deal_id in policy.mute_deals:
        return f"muted deal {deal_id}"
    if metric is not None and metric in policy.mute_metrics:
        return f"muted metric {metric}"
    if policy.baseline:
        return "backfill baseline: recorded, not sent"
    return None


def key_text(claim: Claim) -> str:
    return f"{claim.deal_id}|{claim.subject}|{claim.metric}"


def figure_dedup_key(claim: Claim) -> str:
    return f"new_figure|{key_text(claim)}|{reconcile.interval_key(claim.low, claim.high)}"


def backers(claims: Sequence[KeyClaim], low: float | None, high: float | None) -> list[KeyClaim]:
    """The claims whose interval overlaps ``[low, high]``."""
    return [c for c in claims if reconcile.overlaps(c.known.low, c.known.high, low, high)]


def contradiction_dedup_key(
    contradiction_key: str, sides: tuple[Sequence[KeyClaim], Sequence[KeyClaim]] | None
) -> str:
    """One alert per contradiction; with ``sides`` (``realert_on_new_source``), one per
    count of independent stories behind its two sides, so a new source re-alerts once."""
    if sides is None:
        return f"contradiction|{contradiction_key}"
    low, high = sorted(len({c.known.story_id for c in side}) for side in sides)
    return f"contradiction|{contradiction_key}|sources={low},{high}"


def decide(
    claim: Claim,
    key_claims: Sequence[KeyClaim],
    policy: ReconcilePolicy,
    *,
    known_contradictions: Sequence[KnownContradiction] = (),
) -> list[Decision]:
    """What the new ``claim`` of a key means for the team, next to the key's weighed claims.

    ``key_claims`` are every claim of the key confident enough to weigh, oldest first,
    ``claim`` among them; ``known_contradictions`` the key's recorded contradictions,
    oldest first (read only with ``realert_on_new_source``).
    """
    if not policy.confident(claim.confidence):
        reason = (
            f"below confidence: {shown_below(claim.confidence)} < {policy.min_confidence:.2f} "
            f"({claim.evidence or 'no cue'})"
        )
        return [Quiet("new_figure", figure_dedup_key(claim), reason)]
    mine = next((c for c in key_claims if c.known.claim_id == claim.claim_id), None)
    if mine is None:
        return []
    # An article repeating its own figure is no second voice: judge against other articles only.
    others = [c for c in key_claims if c.article_id != claim.article_id]
    judgement = reconcile.judge(
        mine.known,
        [c.known for c in others],
        claim.metric,
        same_moment_days=policy.same_moment_days,
    )
    decisions: list[Decision] = [Accept(judgement.accepted_after)]
    muted = suppression(claim.deal_id, claim.metric, policy)
    verdict, before = judgement.verdict, judgement.accepted_before
    if verdict in ("first", "more_precise"):
        if verdict == "first":
            reason = "first figure for this deal and metric"
        elif before is not None:
            reason = f"more precise than the accepted value {reconcile.interval_key(before.low, before.high)}"
        else:
            reason = "more precise than the accepted value"
        figure = Side(mine, tuple(backers(key_claims, claim.low, claim.high)))
        decisions.append(Raise("new_figure", figure_dedup_key(claim), reason, figure, None, muted))
        return decisions
    if verdict == "contradicts":
        assert before is not None
        sides = [
            *backers(others, before.low, before.high),
            *backers(key_claims, claim.low, claim.high),
        ]
        if not _only_in_passing(sides):
            decisions.extend(_contradiction(claim, mine, others, key_claims, before, policy, muted))
            return decisions
        reason = (
            f"{claim.stated!r} {reconcile.interval_key(claim.low, claim.high)} disagrees with the accepted "
            f"value {reconcile.interval_key(before.low, before.high)}, but every claim on both sides is "
            "a figure recalled in passing (no article about this deal states either): not a contradiction"
        )
        decisions.append(Quiet("contradiction", figure_dedup_key(claim), reason))
        return decisions
    if verdict == "agrees" and policy.realert_on_new_source:
        again = _realert(
            claim.metric, mine, key_claims, judgement, known_contradictions, policy, muted
        )
        if again is not None:
            decisions.append(again)
            return decisions
    after = judgement.accepted_after
    reason = (
        "backed only by a copy of a wire story already counted"
        if verdict == "same_story"
        else "agrees with the accepted value "
        f"{reconcile.interval_key(after.low, after.high)}: a known fact"
    )
    decisions.append(Quiet("new_figure", figure_dedup_key(claim), reason))
    return decisions


def _only_in_passing(sides: Sequence[KeyClaim]) -> bool:
    """No claim on either side of a disagreement comes from an article about the deal.

    Two figures recalled in passing (round-ups, background paragraphs) that disagree tell the
    team nothing an article about the deal has said. (The first reason given here, that passing
    figures are misread more often, was measured on development texts the analysis had learnt;
    on texts it had not seen, tests/data/calibration/README.md, claims of deals named in passing
    were right 74 times in 100 and claims of the subject deal 64: the calibrated confidence, not
    this rule, is what weighs how likely a figure is right.)
    """
    return not any(c.about_deal for c in sides)


def _contradiction(
    claim: Claim,
    mine: KeyClaim,
    others: Sequence[KeyClaim],
    key_claims: Sequence[KeyClaim],
    before: reconcile.Accepted,
    policy: ReconcilePolicy,
    muted: str | None,
) -> list[Decision]:
    """A claim disjoint from the accepted value: the contradiction to record and its alert."""
    accepted_claim = next(c for c in others if c.known.claim_id == before.claim_id)
    accepted_backers = backers(others, before.low, before.high)
    new_backers = backers(key_claims, claim.low, claim.high)
    sides = sorted(
        [
            reconcile.interval_key(before.low, before.high),
            reconcile.interval_key(claim.low, claim.high),
        ]
    )
    contradiction_key = f"{key_text(claim)}|{sides[0]}|{sides[1]}"
    dedup_key = contradiction_dedup_key(
        contradiction_key,
        (accepted_backers, new_backers) if policy.realert_on_new_source else None,
    )
    reason = (
        f"{claim.stated!r} {reconcile.interval_key(claim.low, claim.high)} is disjoint from the accepted "
        f"value {reconcile.interval_key(before.low, before.high)}"
    )
    return [
        RecordContradiction(contradiction_key, before.claim_id, claim.claim_id),
        Raise(
            "contradiction",
            dedup_key,
            reason,
            Side(mine, tuple(new_backers)),
            Side(accepted_claim, tuple(accepted_backers)),
            muted,
        ),
    ]


def _realert(
    metric: str,
    mine: KeyClaim,
    key_claims: Sequence[KeyClaim],
    judgement: reconcile.Judgement,
    known: Sequence[KnownContradiction],
    policy: ReconcilePolicy,
    muted: str | None,
) -> Raise | None:
    """``realert_on_new_source`` for a claim that joins the accepted side of a known contradiction.

    The dissenting side gaining a source arrives as a contradicting claim; this is
    the other case. The dedup key counts each side's independent sources, as for a
    contradicting claim, so a copy of a wire story already counted re-alerts nothing.
    ``None`` when the claim belongs to no such contradiction.
    """
    before = judgement.accepted_before
    if before is None:
        return None
    my_side = backers(key_claims, before.low, before.high)
    mine_ids = {c.known.claim_id for c in my_side}
    by_id = {c.known.claim_id: c for c in key_claims}
    for contradiction_key, a_id, b_id in known:
        if a_id in mine_ids and b_id not in mine_ids:
            dissent = by_id.get(b_id)
        elif b_id in mine_ids and a_id not in mine_ids:
            dissent = by_id.get(a_id)
        else:
            continue
        if dissent is None or not reconcile.comparable(
            metric,
            dissent.known.as_of,
            mine.known.as_of,
            same_moment_days=policy.same_moment_days,
        ):
            continue
        their_side = backers(key_claims, dissent.known.low, dissent.known.high)
        return Raise(
            "contradiction",
            contradiction_dedup_key(contradiction_key, (my_side, their_side)),
            (
                f"{mine.stated!r} adds a source to the accepted value "
                f"{reconcile.interval_key(before.low, before.high)}, which "
                f"{dissent.stated!r} {reconcile.interval_key(dissent.known.low, dissent.known.high)} contradicts"
            ),
            Side(mine, tuple(my_side)),
            Side(dissent, tuple(their_side)),
            muted,
        )
    return None
