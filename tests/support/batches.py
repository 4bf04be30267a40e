"""Analysed batches the warehouse tests store: the seeds' case (a wire story, its copy, and
two outlets disagreeing on Alexandr Wang's age), and how a test stores one (with its feeds' polls)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from extractors.fingerprint import fingerprint
from extractors.records import Analysis, Article, Claim, DealMention, FeedPollResult
from tests.support import records
from tests.support.records import NOW
from tests.support.records import claim as figure
from warehouse import db, store

WIRE = (
    "Meta is investing $14.3 billion in Scale AI and hiring its chief executive Alexandr Wang. "
    "Meta will take a 49% stake in Scale AI, which was valued at over $29 billion. "
    "Wang founded Scale AI in San Francisco with Lucy Guo; Microsoft hired Mustafa Suleyman from Inflection."
)


OTHER = (
    "VCPOST reports that Meta paid for a stake in Scale AI. Now 28, Alexandr Wang will lead a new lab at Meta. "
    "Zuckerberg wants superintelligence; analysts in New York called the move bold and expensive."
)


THIRD = (
    "Translated report: Meta invests in Scale, the startup of Alexandr Wang, 21 years old, who joins Meta. "
    "Scale employs more than 1500 people; Qatar signed a five-year deal with the company earlier."
)


def article(
    aid: str, text: str, source: str, published: date | None = date(2025, 6, 13)
) -> Article:
    return records.article(
        aid,
        text,
        source,
        published=published,
        title=f"title of {aid}",
        fingerprint=fingerprint(text),
    )


MENTION = records.mention("Meta is investing $14.3 billion in Scale AI")


PASSING = records.mention(
    "Microsoft hired Mustafa Suleyman from Inflection.",
    deal_id="microsoft--inflection-ai",
    acquirer="Microsoft",
    target="Inflection AI",
    people=("Mustafa Suleyman",),
    kind="licence_and_hire",
    role="mentioned",
    score=0.6,
)


def analysed(
    aid: str,
    text: str,
    source: str,
    score: float,
    claims: tuple[Claim, ...],
    deals: tuple[DealMention, ...] = (MENTION,),
) -> tuple[Article, Analysis]:
    """``text`` as the article ``aid`` of ``source``, analysed: its ``deals`` (Meta–Scale AI as its
    subject unless told) at relevance ``score``, and the figures it states."""
    return article(aid, text, source), Analysis(
        aid, "subject", score, "x", deals=deals, claims=claims
    )


def seeds_like_batch() -> list[tuple[Article, Analysis]]:
    def wire_claims(aid: str) -> tuple[Claim, ...]:
        return (
            figure(aid, "deal_amount_usd", "$14.3 billion", 14.25e9, 14.35e9, WIRE),
            figure(aid, "stake_pct", "49%", 48.5, 49.5, WIRE),
            figure(
                aid,
                "target_valuation_usd",
                "over $29 billion",
                29e9,
                None,
                WIRE,
                subject="Scale AI",
            ),
        )

    both = (MENTION, PASSING)
    age_28 = figure("vcpost", "person_age", "Now 28", 28, 28, OTHER, subject="Alexandr Wang")
    age_21 = figure("third", "person_age", "21 years old", 21, 21, THIRD, subject="Alexandr Wang")
    staff = figure(
        "third",
        "target_headcount",
        "more than 1500 people",
        1500,
        None,
        THIRD,
        subject="Scale AI",
    )
    return [
        analysed("wire", WIRE, "Associated Press", 0.9, wire_claims("wire"), deals=both),
        analysed("copy", WIRE, "Some Blog", 0.9, wire_claims("copy"), deals=both),
        analysed("vcpost", OTHER, "VCPOST", 0.8, (age_28,)),
        analysed("third", THIRD, "Translated", 0.7, (age_21, staff)),
    ]


def store_batch(
    path: Path,
    items: Sequence[tuple[Article, Analysis]],
    *,
    feeds: Sequence[FeedPollResult] = (),
    baseline: bool = False,
    min_confidence: float = 0.0,
) -> store.StoreResult:
    """``items`` (and the polls of ``feeds``) stored in ``path`` as one run of the test's."""
    policy = store.ReconcilePolicy(baseline=baseline, min_confidence=min_confidence)
    with db.write_connection(path) as con:
        run_id = store.start_run(con, "test", NOW)
        store.record_feed_polls(con, feeds, run_id=run_id, failing_after=3, now=NOW)
        return store.store_analyses(con, items, run_id=run_id, policy=policy, now=NOW)
