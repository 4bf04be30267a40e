"""Analysed batches the warehouse tests store: the seeds' case (a wire story, its copy, and
two outlets disagreeing on Alexandr Wang's age), and how a test stores one."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from extractors.fingerprint import fingerprint
from extractors.records import Analysis, Article, Claim, DealMention
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


MENTION = DealMention(
    deal_id="meta--scale-ai",
    acquirer="Meta",
    target="Scale AI",
    people=("Alexandr Wang",),
    kind="investment_and_hire",
    role="subject",
    score=0.9,
    evidence="Meta is investing $14.3 billion in Scale AI",
)


PASSING = DealMention(
    deal_id="microsoft--inflection-ai",
    acquirer="Microsoft",
    target="Inflection AI",
    people=("Mustafa Suleyman",),
    kind="licence_and_hire",
    role="mentioned",
    score=0.6,
    evidence="Microsoft hired Mustafa Suleyman from Inflection.",
)


def seeds_like_batch() -> list[tuple[Article, Analysis]]:
    wire, copy = article("wire", WIRE, "Associated Press"), article("copy", WIRE, "Some Blog")
    other, third = article("vcpost", OTHER, "VCPOST"), article("third", THIRD, "Translated")

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

    return [
        (
            wire,
            Analysis(
                "wire", "subject", 0.9, "x", deals=(MENTION, PASSING), claims=wire_claims("wire")
            ),
        ),
        (
            copy,
            Analysis(
                "copy", "subject", 0.9, "x", deals=(MENTION, PASSING), claims=wire_claims("copy")
            ),
        ),
        (
            other,
            Analysis(
                "vcpost",
                "subject",
                0.8,
                "x",
                deals=(MENTION,),
                claims=(
                    figure(
                        "vcpost", "person_age", "Now 28", 28, 28, OTHER, subject="Alexandr Wang"
                    ),
                ),
            ),
        ),
        (
            third,
            Analysis(
                "third",
                "subject",
                0.7,
                "x",
                deals=(MENTION,),
                claims=(
                    figure(
                        "third",
                        "person_age",
                        "21 years old",
                        21,
                        21,
                        THIRD,
                        subject="Alexandr Wang",
                    ),
                    figure(
                        "third",
                        "target_headcount",
                        "more than 1500 people",
                        1500,
                        None,
                        THIRD,
                        subject="Scale AI",
                    ),
                ),
            ),
        ),
    ]


def store_batch(path: Path, items, *, baseline: bool = False) -> store.StoreResult:
    with db.write_connection(path) as con:
        run_id = store.start_run(con, "test", NOW)
        return store.store_analyses(
            con, items, run_id=run_id, policy=store.ReconcilePolicy(baseline=baseline), now=NOW
        )
