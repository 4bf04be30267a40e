"""``dealwatch explain``: one article's deals and claims with the evidence and confidence of each,
every figure it read and left out, with why, and what it read before weighing anything (its
companies, people and the relations between companies; where it named no deal, why not and the
figures it saw). Pure: it formats what ``analysed_with_reading`` concluded and read.

Text from the article is made inert for a terminal: control characters (an escape sequence, a
carriage return that rewrites a line) are shown as visible code points, never passed through.
"""

from __future__ import annotations

import re

from extractors.analysis.analyse import ArticleReading
from extractors.analysis.article_model import shipped_article_model, shipped_named_deals_model
from extractors.records import Analysis, Article, Claim

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


def inert(text: object) -> str:
    """``text`` safe to print: each control or direction-changing character shown as <U+XXXX>."""
    return _CONTROL.sub(lambda m: f"<U+{ord(m.group(0)):04X}>", str(text))


def _interval(low: float | None, high: float | None, unit: str = "") -> str:
    def one(value: float | None) -> str:
        if value is None:
            return "…"
        return f"{value:,.0f}" if abs(value) >= 1000 and unit != "year" else f"{value:g}"

    return f"[{one(low)}, {one(high)}]"


def _claim_line(c: Claim) -> str:
    return (
        f"  {c.metric:<26} {inert(c.stated)!r:<34} {_interval(c.low, c.high, c.unit):<34} "
        f"confidence {c.confidence:.2f}  subject {inert(c.subject)}  ({inert(c.evidence)})"
    )


# A sentence quoted under a relation is cut here: enough to find it in the article.
QUOTE_CHARS = 160


def _quoted(sentence: str) -> str:
    cut = sentence if len(sentence) <= QUOTE_CHARS else sentence[: QUOTE_CHARS - 1] + "…"
    return inert(cut)


def _why_no_deal(reading: ArticleReading) -> str:
    """The first step at which the reading fell short of a deal (each pair's own reason is in
    ``reading.no_deal``)."""
    if len(reading.companies) < 2:
        return "it names fewer than two companies"
    if not reading.relations:
        return (
            "no clause ties two of its companies together by a hire, a payment, a licence, a "
            "stake or a purchase"
        )
    if all(r.background or r.failed for r in reading.relations):
        return "every relation it read is told as background or as having fallen through"
    return (
        "the pairs its relations name were weighed and none made a deal (each pair's reason above)"
    )


def reading_lines(reading: ArticleReading, analysis: Analysis) -> list[str]:
    """What the analysis read before it weighed anything: how to trace a deal it missed."""
    lines = [f"what it read ({len(reading.sentences)} sentences):"]
    lines.append(f"  companies ({len(reading.companies)}):")
    for c in reading.companies:
        why = ", ".join(c.why) or "only its capitals"
        referred = f", stood for {c.referred_to} time(s) by a description" if c.referred_to else ""
        lines.append(f"    {inert(c.name)}  {c.kind}  (shown by: {why}{referred})")
    people = ", ".join(
        inert(name) + (f" ({inert(works_for)})" if works_for else "")
        for name, works_for in reading.people
    )
    lines.append(f"  people ({len(reading.people)}): {people or 'none'}")
    lines.append(
        f"  relations between companies ({len(reading.relations)}; first -> second as read):"
    )
    for r in reading.relations:
        flags = [
            f
            for f, on in (
                ("background", r.background),
                ("dated", r.dated),
                ("fell through", r.failed),
            )
            if on
        ]
        moving = f", people moving: {inert(', '.join(r.people))}" if r.people else ""
        lines.append(
            f"    sentence {r.sentence}: {inert(r.acquirer)} -> {inert(r.target)}  {r.kind}  "
            f"strength {r.strength:.2f}{''.join(f', {f}' for f in flags)}{moving}"
        )
        if 0 <= r.sentence < len(reading.sentences):
            lines.append(f"      {_quoted(reading.sentences[r.sentence])}")
    if reading.no_deal:
        lines.append(f"  pairs that made no deal ({len(reading.no_deal)}):")
        lines += [f"    {inert(a)} -> {inert(t)}: {inert(why)}" for a, t, why in reading.no_deal]
    if not analysis.deals:
        lines.append(f"  no deal: {_why_no_deal(reading)}")
        lines.append(f"  figures seen, with no deal to attach them to ({len(reading.figures)}):")
        lines += [f"    sentence {i}: {inert(stated)!r}" for i, stated in reading.figures]
    return lines


def explain_lines(
    article: Article, analysis: Analysis, reading: ArticleReading | None = None
) -> list[str]:
    lines = [
        f"article {article.article_id}  {inert(article.source)}  {inert(article.url)}",
        f"title: {inert(article.title or '(none)')}",
        f"language: {article.language or 'unknown'}  published: {article.published or 'unknown'}",
        f"relevance: {analysis.relevance} (score {analysis.score:.2f})",
    ]
    if analysis.evidence:
        lines.append(f"  because: {inert(analysis.evidence)}")
    lines += [f"note: {inert(n)}" for n in analysis.notes]
    if analysis.article_chance is not None and analysis.chance_from == "named deals":
        named = shipped_named_deals_model()
        lines.append(
            f"named-deals model: chance {analysis.article_chance:.2f} that it is about one of its "
            f"deals (about one from {named.promote:.2f} where the rules chose no subject)"
        )
    elif analysis.article_chance is not None:
        lines.append(
            f"article model: chance {analysis.article_chance:.2f} that it is about a talent deal "
            f"(kept as one from {shipped_article_model().promote:.2f})"
        )
    lines.append("")
    lines.append(f"deals ({len(analysis.deals)}):")
    for d in analysis.deals:
        people = ", ".join(d.people) or "nobody named"
        lines.append(
            f"  {d.deal_id}  {d.role}  {d.kind}  confidence {d.score:.2f}  people hired: {inert(people)}"
        )
        lines += [f"    - {inert(r)}" for r in d.reasons]
        if d.evidence:
            lines.append(f"    evidence: {inert(d.evidence)}")
    lines.append("")
    lines.append(f"claims ({len(analysis.claims)}):")
    by_deal: dict[str, list[Claim]] = {}
    for c in analysis.claims:
        by_deal.setdefault(c.deal_id, []).append(c)
    for deal_id, claims in by_deal.items():
        lines.append(f" {deal_id}")
        for c in claims:
            lines.append(_claim_line(c))
            if c.confidence_basis:
                lines.append(f"    confidence from: {inert(c.confidence_basis)}")
            lines.append(f"    quote: {inert(c.quote)}")
    lines.append("")
    lines.append(f"figures read and left out ({len(analysis.left_out)}):")
    for left in analysis.left_out:
        about = f" [{left.deal_id}]" if left.deal_id else ""
        lines.append(f"  {inert(left.stated)!r}{about}: {inert(left.reason)}")
    if reading is not None:
        lines.append("")
        lines += reading_lines(reading, analysis)
    return lines
