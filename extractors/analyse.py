"""The analysis of one article: relevance, talent deals and the figures stated about them.

Pure: no I/O, no clock. Works sentence by sentence with regexes compiled once,
so its cost stays a small share of the page's text extraction.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

from extractors.attribution import Attributed, attribute, founded_years
from extractors.deals import PERSON, DetectedDeal, NameIndex, detect_deals
from extractors.figures import (
    Figure,
    age_figures,
    count_figures,
    foreign_age_figures,
    foreign_money_figures,
    money_figures,
    percent_figures,
)
from extractors.folding import fold, folded, folded_any_of
from extractors.metrics import METRICS, subject_for
from extractors.records import Analysis, Article, Claim, DealMention
from extractors.sentences import Sentence, split_sentences
from extractors.urls import deal_id_for
from extractors.watchlist import EMPTY_WATCHLIST, Watchlist

# How many sentences back a figure without a named company may still belong to
# the deal last named ("It has grown to more than 1500 people").
CARRY_SENTENCES = 3
# Languages whose text the English patterns read; others get only unambiguous money.
ENGLISH = frozenset({"en", None})
_TALENT_WORDS = re.compile(
    r"\b(?:acqui-?hire|talent\s+deal|hire[sd]?|hiring|poach\w*|join(?:s|ed|ing)?)\b", re.IGNORECASE
)


# Every figure has a digit or one of these words; other sentences are skipped unread.
_DIGIT = re.compile(r"\d")
_NUMBER_WORD = folded(
    r"half|third|quarter|majority|minority|dozen|hundred|thousand|million|billion|trillion"
)
_SMALL_NUMBER = folded_any_of(
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)\b"
)


def claim_id_for(article_id: str, deal_id: str, subject: str, metric: str, start: int) -> str:
    key = f"{article_id}|{deal_id}|{subject}|{metric}|{start}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def _figures(sentence: Sentence, english: bool) -> list[Figure]:
    raw = sentence.raw
    low = fold(raw)
    if not (_DIGIT.search(raw) or _NUMBER_WORD.search(low) or _SMALL_NUMBER.search(low)):
        return []
    if not english:
        dollars = [f for f in money_figures(raw) if f.currency == "USD" and "$" in f.stated]
        percents = [f for f in percent_figures(raw) if "%" in f.stated]
        return dollars + foreign_money_figures(raw) + percents + foreign_age_figures(raw)
    figures = money_figures(raw) + percent_figures(raw) + count_figures(raw) + age_figures(raw)
    # a percentage inside a money range or a count inside money ("$1 billion" never counts people)
    spans = [(f.start, f.end) for f in figures if f.kind == "money"]
    return [
        f
        for f in figures
        if f.kind == "money" or not any(f.start < e and s < f.end for s, e in spans)
    ]


def _deal_mention(d: DetectedDeal, watchlist: Watchlist) -> DealMention:
    acquirer, target = watchlist.canonical(d.acquirer), watchlist.canonical(d.target)
    return DealMention(
        deal_id=deal_id_for(acquirer, target),
        acquirer=acquirer,
        target=target,
        people=d.people,
        kind=d.kind,
        role="subject" if d.role == "subject" else "mentioned",
        score=d.score,
        evidence=d.evidence,
        announced=d.announced,
    )


def _claim(
    article: Article,
    sentence: Sentence,
    a: Attributed,
    deal_ids: dict[int, str],
    targets: dict[int, str],
) -> Claim:
    deal_id = deal_ids[id(a.deal)]
    subject = subject_for(a.metric, deal_id=deal_id, target=targets[id(a.deal)], person=a.person)
    start = sentence.start + a.figure.start
    end = sentence.start + a.figure.end
    return Claim(
        claim_id=claim_id_for(article.article_id, deal_id, subject, a.metric, start),
        article_id=article.article_id,
        deal_id=deal_id,
        subject=subject,
        metric=a.metric,
        low=a.figure.low,
        high=a.figure.high,
        unit=METRICS[a.metric].unit,
        stated=article.text[start:end],
        qualifier=a.figure.qualifier,
        quote=sentence.text,
        start=start,
        end=end,
        as_of=article.published,
    )


def _claims(
    article: Article,
    sentences: Sequence[Sentence],
    detected: Sequence[DetectedDeal],
    mentions: Sequence[DealMention],
    wl: Watchlist,
    english: bool,
) -> tuple[Claim, ...]:
    """Every figure the article states about one of its deals, in text order."""
    deal_ids = {id(d): m.deal_id for d, m in zip(detected, mentions, strict=True)}
    targets = {id(d): m.target for d, m in zip(detected, mentions, strict=True)}
    subject = next((d for d in detected if d.role == "subject"), None)
    claims: dict[tuple[str, str, str, int], Claim] = {}
    known_people = sorted({p for d in detected for p in d.people} | {e.name for e in wl.people})
    last_deal: DetectedDeal | None = subject
    last_deal_at = -1
    last_person: str | None = None
    index = NameIndex(sentences)
    naming = [index.naming(d.target_names + d.acquirer_names) for d in detected]
    for s in sentences:
        named = [d for d, found in zip(detected, naming, strict=True) if s.index in found]
        if named:
            last_deal, last_deal_at = named[0], s.index
        fallback = last_deal if s.index - last_deal_at <= CARRY_SENTENCES else subject
        if figures := _figures(s, english):
            for a in attribute(s.raw, figures, named or ([fallback] if fallback else []), fallback=fallback,
                               known_people=known_people, last_person=last_person):  # fmt: skip
                c = _claim(article, s, a, deal_ids, targets)
                claims.setdefault((c.deal_id, c.subject, c.metric, c.start), c)
        for start, end, year, deal in founded_years(s.raw, named or [], fallback):
            fig = Figure("year", year, year, year, s.raw[start:end], None, start, end)
            c = _claim(article, s, Attributed(fig, deal, "founded_year"), deal_ids, targets)
            claims.setdefault((c.deal_id, c.subject, c.metric, c.start), c)
        for m in PERSON.finditer(s.text):
            name = m.group(1)
            if name in known_people:
                last_person = name
            else:
                last = name.split()[-1]
                match = next((k for k in known_people if k.split()[-1] == last), None)
                last_person = match or last_person
    return tuple(sorted(claims.values(), key=lambda c: c.start))


def analyse(article: Article, watchlist: Watchlist | None = None) -> Analysis:
    wl = watchlist or EMPTY_WATCHLIST
    sentences = split_sentences(article.text)
    detected = detect_deals(sentences, wl, published=article.published)
    mentions = [_deal_mention(d, wl) for d in detected]
    subject = next((d for d in detected if d.role == "subject"), None)
    english = article.language in ENGLISH
    notes: list[str] = []
    if not english:
        notes.append(
            f"language {article.language}: only currency amounts, percentages, ages and founding years read"
        )

    claims = _claims(article, sentences, detected, mentions, wl, english) if detected else ()
    if subject is not None:
        relevance, score, evidence = "subject", subject.score, subject.evidence
    elif detected:
        best = max(detected, key=lambda d: d.score)
        relevance, score, evidence = "mentioned", best.score, best.evidence
    else:
        hint = next((s.text for s in sentences if _TALENT_WORDS.search(s.text)), "")
        relevance, score, evidence = "unrelated", 0.1 if hint else 0.0, hint
    return Analysis(
        article_id=article.article_id,
        relevance=relevance,  # type: ignore[arg-type]
        score=round(score, 3),
        evidence=evidence,
        deals=tuple(mentions),
        claims=claims,
        notes=tuple(notes),
    )
