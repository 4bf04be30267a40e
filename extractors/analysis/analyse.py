"""The analysis of one article: relevance, talent deals, and the figures stated about them.

Pure: no I/O, no clock. One pass down a short line, each step a module of its own:

    sentences (text) -> names (organisations, people) -> relations (who hires, who pays)
    -> deals (pairs with both halves, their kind, the subject) -> figures -> attribution

Its cost is linear in the text, and the text it reads is capped (``MAX_ANALYSED_CHARS``):
a live blog of a megabyte is read up to the cap, and the article's note says so.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date
from typing import NamedTuple

from extractors.analysis.article_model import (
    article_features,
    shipped_article_model,
    shipped_named_deals_model,
)
from extractors.analysis.article_words import words_log_odds
from extractors.analysis.attribution import (
    HEADLINE_GUESS,
    Attribution,
    Attributor,
    founded_years,
    tells_a_worth,
)
from extractors.analysis.calibration import calibrated
from extractors.analysis.dates import announced_date
from extractors.analysis.deals import (
    MENTIONED_CEILING,
    Deal,
    assemble_deals,
    purchase_told_first,
)
from extractors.analysis.figures import figures_in
from extractors.analysis.lexicon import Lexicon, SentenceCues, lexicon_for
from extractors.analysis.mentions import read_mentions
from extractors.analysis.names import Names, find_names
from extractors.analysis.relations import Relation, relations_in
from extractors.analysis.subject_model import (
    DealSigns,
    sentences_telling,
    shipped_subject_model,
    subject_features,
)
from extractors.analysis.text import Sentence, fold, plain_marks, split_sentences
from extractors.metrics import METRICS, subject_for
from extractors.records import Analysis, Article, ChanceFrom, Claim, DealMention, LeftOut
from extractors.urls import deal_id_for, slug
from extractors.watchlist import EMPTY_WATCHLIST, Watchlist

# The most text one article's analysis reads. News articles are a few thousand characters;
# beyond this a page is a live blog or a dump, and what it says of a deal is said early.
MAX_ANALYSED_CHARS = 60_000
# Claims below this confidence are not made (they are listed as left out, with why).
MIN_CLAIM_CONFIDENCE = 0.4


def claim_id_for(article_id: str, deal_id: str, subject: str, metric: str, start: int) -> str:
    key = f"{article_id}|{deal_id}|{subject}|{metric}|{start}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def _mention(d: Deal, deal_id: str, announced: date | None = None) -> DealMention:
    return DealMention(
        deal_id=deal_id,
        acquirer=d.acquirer,
        target=d.target,
        people=tuple(d.people),
        kind=d.kind,
        role="subject" if d.role == "subject" else "mentioned",
        score=d.confidence,
        evidence=d.evidence,
        announced=announced if d.role == "subject" else None,
        reasons=tuple(d.reasons),
        rules_role="subject" if d.rules_role == "subject" else "mentioned",
    )


def _claim(article: Article, s: Sentence, a: Attribution, deal_id: str) -> Claim:
    assert a.metric is not None and a.deal is not None
    subject = subject_for(a.metric, deal_id=deal_id, target=a.deal.target, person=a.person)
    start, end = s.start + a.figure.start, s.start + a.figure.end
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
        quote=" ".join(article.text[s.start : s.end].split()),  # (as written: its own hyphens)
        start=start,
        end=end,
        as_of=article.published,
        confidence=a.confidence,
        evidence=a.reason,
    )


# A sum a thousand times smaller than another the same article states for the same deal
# ("Meta's $15 million bet" beside "$15 billion") is a slip of the pen, not a second figure.
SLIP_RATIO = 100.0


def _consistent(claims: list[Claim]) -> tuple[list[Claim], list[LeftOut]]:
    """Claims without an article's slips of scale; each slip is listed as left out."""
    largest: dict[tuple[str, str], float] = {}
    for c in claims:
        if c.unit == "USD" and c.high is not None:
            key = (c.deal_id, c.metric)
            largest[key] = max(largest.get(key, 0.0), c.high)
    kept, slips = [], []
    for c in claims:
        top = largest.get((c.deal_id, c.metric), 0.0)
        if c.unit == "USD" and c.high is not None and top > SLIP_RATIO * c.high:
            slips.append(
                LeftOut(
                    c.stated,
                    c.start,
                    c.end,
                    "a slip of scale: far below the article's other figure",
                    c.deal_id,
                )
            )
        else:
            kept.append(c)
    return kept, slips


def _launch_years_yield(
    claims: list[Claim], launch: re.Pattern[str]
) -> tuple[list[Claim], list[LeftOut]]:
    """A founding year told by a word of launching ("officially launched in November 2012"),
    where the article tells the same company's founding year otherwise by a word of founding
    proper ("founded in late 2011"): the launch is a product's, left out."""
    founded = {
        (c.deal_id, c.subject)
        for c in claims
        if c.metric == "founded_year" and not launch.search(fold(c.stated))
    }
    kept, dropped = [], []
    for c in claims:
        if (
            c.metric == "founded_year"
            and (c.deal_id, c.subject) in founded
            and launch.search(fold(c.stated))
        ):
            dropped.append(LeftOut(c.stated, c.start, c.end,
                                   "a launch, where the article tells the founding otherwise",
                                   c.deal_id))  # fmt: skip
        else:
            kept.append(c)
    return kept, dropped


def _headline_guesses_told_otherwise(
    claims: list[Claim], worths: list[tuple[str, float | None, float | None, str]]
) -> tuple[list[Claim], list[LeftOut]]:
    """A headline's sum taken for the deal's price only because it stands in the headline, where
    the body states the same sum of the same deal as something said outright ("US$ 2,7 bilhões por
    licenças", a licence fee), or says a like sum is what something is worth ("those stock options
    … are now worth about $330 million" under "FriendFeed's ~ $330 Million Exit"): one figure,
    read as the body reads it. ``worths``: (deal id, low, high, why) of the body's sums left out
    as worths."""
    told = {
        (c.deal_id, c.low, c.high): c.metric
        for c in claims
        if c.evidence != HEADLINE_GUESS and c.unit == "USD"
    }
    kept, dropped = [], []
    for c in claims:
        metric = told.get((c.deal_id, c.low, c.high))
        worth = next(
            (
                why
                for deal_id, low, high, why in worths
                if deal_id in (c.deal_id, ANY_DEAL) and _overlap((c.low, c.high), (low, high))
            ),
            None,
        )
        if c.evidence == HEADLINE_GUESS and metric not in (None, c.metric):
            reason = f"the same sum the text states as {metric}"
            dropped.append(LeftOut(c.stated, c.start, c.end, reason, c.deal_id))
        elif c.evidence == HEADLINE_GUESS and worth is not None:
            reason = f"a sum like it the text reads as no price ({worth})"
            dropped.append(LeftOut(c.stated, c.start, c.end, reason, c.deal_id))
        else:
            kept.append(c)
    return kept, dropped


def _overlap(a: tuple[float | None, float | None], b: tuple[float | None, float | None]) -> bool:
    """Whether two closed intervals, each bounded on both sides, share a value."""
    (a_low, a_high), (b_low, b_high) = a, b
    if a_low is None or a_high is None or b_low is None or b_high is None:
        return False
    return a_low <= b_high and b_low <= a_high


# A body's sum the reading ties to no deal stands beside every deal's headline guess.
ANY_DEAL = "*"


def _read_as_of_no_deal(s: Sentence, a: Attribution) -> bool:
    """A dollar sum of the body that the reading says is about a company in no deal here ("up to
    $100 million … offered to OpenAI researchers" under the headline "'$100 million invitation'
    … Meta launches its lab"): the headline's like sum is that one, no deal's price."""
    return (
        not s.is_headline
        and a.deal is None
        and a.figure.kind == "money"
        and a.figure.currency == "USD"
    )


def _read_as_a_worth(s: Sentence, a: Attribution) -> bool:
    """A dollar sum of the body that the reading says is what a company or a holding is worth
    (not a sum read as someone else's payment: who pays is the reading most often wrong)."""
    return (
        not s.is_headline
        and a.deal is not None
        and a.figure.currency == "USD"
        and tells_a_worth(a.reason)
    )


def _told_aside(d: Deal) -> bool:
    """What the rules read as the deal being no subject, whatever its chance: another company's
    purchase of its startup upstages it, the headline speaks of a series of deals or of the
    practice ("Why acqui-hires are reshaping AI investments"), or every sentence that tells it
    tells it as background or dated ("who joined Google in July when Google paid ..."), or the
    headline tells news that came after it (hiring stopped, suits settled, ties cut)."""
    return (
        d.upstaged
        or d.in_series
        or d.before_the_news
        or all(r.background or r.dated for r in d.relations)
    )


def _choose_subject(deals: list[Deal], text: str, *, english: bool) -> list[float]:
    """The subject among the deals, as the subject model weighs the rules' choice and the other
    signs (extractors/analysis/subject_model.py); every other deal is mentioned. The model never
    makes the subject a deal the rules read as told aside (``_told_aside``): it has no feature
    for either reading. Returns each deal's chance of being the subject."""
    if not deals:
        return []
    model = shipped_subject_model()
    signs = [
        DealSigns(d.acquirer, d.target, d.confidence, d.role == "subject", d.evidence,
                  sentences_telling(d.reasons), bool(d.people), d.kind)
        for d in deals
    ]  # fmt: skip
    features = subject_features(text, signs, english=english)
    chances = [model.chance(f) for f in features]
    subject = model.pick(features, chances, barred=[_told_aside(d) for d in deals])
    # the rules' subjects stand when the headline tells several deals together (the model
    # weighs one subject per article)
    together = sum(d.role == "subject" for d in deals) >= 2
    for i, (d, chance) in enumerate(zip(deals, chances, strict=True)):
        d.rules_role = "subject" if d.role == "subject" else "mentioned"
        d.role = d.rules_role if together else "subject" if i == subject else "mentioned"
        if d.role != "subject":
            d.confidence = round(min(d.confidence, MENTIONED_CEILING), 3)
        d.reasons.append(f"subject chance {chance:.2f} (the rules: {d.rules_role})")
    return chances


def _subject_by_the_article(deals: list[Deal], subject_chances: list[float], about: float) -> None:
    """Where the rules named deals but no subject, the likeliest deal not told aside is the
    subject when the named-deals model finds the article likely about one of them (``about``:
    its chance, extractors/analysis/article_model.py)."""
    if about < shipped_named_deals_model().promote or any(d.role == "subject" for d in deals):
        return
    open_to = [(c, i) for i, (d, c) in enumerate(zip(deals, subject_chances, strict=True))
               if not _told_aside(d)]  # fmt: skip
    if open_to:
        d = deals[max(open_to)[1]]
        d.role = "subject"
        d.reasons.append(f"the subject: the article's chance {about:.2f}")


class _Reading(NamedTuple):
    """An article read up to its deals: what the figures and the relevance are decided from."""

    text: str
    notes: list[str]
    lex: Lexicon
    language: str | None
    english: bool
    sentences: list[Sentence]
    names: Names
    cues_of: list[SentenceCues]
    deals: list[Deal]
    # a pair the rules read firmly as no talent deal: a purchase told as a purchase, or hires the
    # text says were no acquisition, no payment stated (deals.assemble_deals)
    ruled_out: bool
    relations: list[Relation]


def _read(
    article: Article, wl: Watchlist, why_not: dict[tuple[str, str], str] | None = None
) -> _Reading:
    notes: list[str] = []
    text = plain_marks(article.text)
    if len(text) > MAX_ANALYSED_CHARS:
        text = text[:MAX_ANALYSED_CHARS]
        notes.append(
            f"analysed the first {MAX_ANALYSED_CHARS:,} of {len(article.text):,} characters"
        )
    lex = lexicon_for(article.language)
    unread_language = lex.language != (article.language or lex.language).lower()
    if unread_language:
        notes.append(f"language {article.language}: read with the English vocabulary only")
    sentences = split_sentences(text)
    names = find_names(sentences, wl, lex)
    read_mentions(sentences, names, lex)  # who leads what; "the startup", "it paid"
    cues_of = [SentenceCues(lex, s.folded) for s in sentences]  # each class looked for once
    relations = relations_in(sentences, names, lex, cues_of)
    ruled_out: set[tuple[str, str]] = set()
    deals = [
        d
        for d in assemble_deals(
            sentences,
            names,
            relations,
            lex,
            wl,
            cues_of,
            ruled_out,
            why_not,
            unread_language=unread_language,
        )
        if slug(d.acquirer) and slug(d.target)
    ]
    english = (article.language or "en").lower().startswith("en")
    return _Reading(
        text, notes, lex, article.language, english, sentences, names, cues_of, deals,
        bool(ruled_out), relations,
    )  # fmt: skip


class ReadCompany(NamedTuple):
    name: str
    kind: str  # acquirer, startup, unit or unknown (names.Names.kinds)
    why: tuple[str, ...]  # what showed it to be an organisation; none: only its capitals
    referred_to: int  # how often "the startup", "the company", "it paid" stood for it


class ArticleReading(NamedTuple):
    """What the analysis read in an article and how it weighed the pairs of companies: the
    companies and people it found, the relations between companies its clauses state, each
    related pair that made no deal with why, and every figure it saw. ``dealwatch explain``
    shows it, so that a missed deal can be traced to the step that missed it."""

    sentences: tuple[str, ...]
    companies: tuple[ReadCompany, ...]
    people: tuple[tuple[str, str | None], ...]  # (name, the company the text ties them to)
    relations: tuple[Relation, ...]
    figures: tuple[tuple[int, str], ...]  # every figure it saw: (sentence, as stated)
    no_deal: tuple[tuple[str, str, str], ...]  # (payer, other, why) of related pairs, no deal


def analysed_with_reading(
    article: Article, watchlist: Watchlist | None = None
) -> tuple[Analysis, ArticleReading]:
    """``analyse``'s conclusion and the reading it weighed, read once (``dealwatch explain``)."""
    why_not: dict[tuple[str, str], str] = {}
    r = _read(article, watchlist or EMPTY_WATCHLIST, why_not)
    return _weighed(article, r), _what_was_read(r, why_not)


def _what_was_read(r: _Reading, why_not: dict[tuple[str, str], str]) -> ArticleReading:
    named = [o for found in r.names.orgs for o in found]
    companies = tuple(
        ReadCompany(
            name,
            r.names.kinds.get(name, "unknown"),
            tuple(sorted(r.names.evidence.get(name, ()))),
            sum(o.generic for o in named if o.name == name),
        )
        for name in dict.fromkeys(o.name for o in named)
    )
    people = tuple(
        (name, r.names.affiliation.get(name))
        for name in dict.fromkeys(p.name for found in r.names.people for p in found)
    )
    figures = tuple((s.index, f.stated) for s in r.sentences for f in figures_in(s.raw, r.language))
    return ArticleReading(
        tuple(s.text for s in r.sentences),
        companies,
        people,
        tuple(r.relations),
        figures,
        tuple((a, t, why) for (a, t), why in why_not.items()),
    )


class ArticleSigns(NamedTuple):
    deals: int  # the deals the rules named
    ruled_out: bool  # the rules read a pair firmly as no talent deal: the model is not asked
    features: dict[str, float]  # the article models' signs (article_model.SIGNS)
    subject_named: bool  # one of the deals is the subject, as the rules and subject model chose


def article_signs(article: Article, watchlist: Watchlist | None = None) -> ArticleSigns:
    """The deals the rules name in an article, whether they make one its subject, and the article
    model's features, read as ``analyse`` reads them before the article models weigh them (for
    fitting the models: extractors/calibrate.py)."""
    r = _read(article, watchlist or EMPTY_WATCHLIST)
    _choose_subject(r.deals, r.text, english=r.english)
    features = article_features(
        r.sentences, r.cues_of, r.names, language=r.language, english=r.english
    )
    features["words"] = words_log_odds(r.text)
    subject_named = any(d.role == "subject" for d in r.deals)
    return ArticleSigns(len(r.deals), r.ruled_out, features, subject_named)


def _chance_by_its_words(r: _Reading) -> tuple[float | None, ChanceFrom | None]:
    """The chance that the article is about a talent deal by its words (extractors/analysis/
    article_model.py): the named-deals model's where the rules named deals but no subject, the
    article model's where they named none, with the model that gave it; None where no model is
    asked (a subject chosen: the named-deals model only adds one). Neither overrules the rules'
    firm reading of no talent deal where it is all they found: a purchase told as a purchase (a
    company bought whole, its people moving with it as in any acquisition, reads much like an
    acqui-hire word by word), or hires the text says were no acquisition, no payment stated."""
    if not r.sentences or (r.ruled_out and not r.deals):
        return None, None
    if any(d.role == "subject" for d in r.deals):
        return None, None
    features = article_features(
        r.sentences, r.cues_of, r.names, language=r.language, english=r.english
    )
    if not r.deals:
        return shipped_article_model().chance(features), "article"
    features["words"] = words_log_odds(r.text)
    features["subject_named"] = 0.0
    return shipped_named_deals_model().chance(features), "named deals"


def _telling_sentence(r: _Reading) -> str:
    """The first sentence that speaks of buying, hiring or joining, else the headline."""
    return next(
        (
            s.text
            for s in r.sentences
            if any(r.cues_of[s.index].present(c) for c in ("acquihire", "acquire", "hire", "join"))
        ),
        r.sentences[0].text,
    )


def analyse(article: Article, watchlist: Watchlist | None = None) -> Analysis:
    return _weighed(article, _read(article, watchlist or EMPTY_WATCHLIST))


def _weighed(article: Article, reading: _Reading) -> Analysis:
    """What an article is about, its deals and claims, from what ``_read`` found in it."""
    text, notes, lex, _, english, sentences, names, cues_of, deals, _, relations = reading
    subject_chances = _choose_subject(deals, text, english=english)
    chance, chance_from = _chance_by_its_words(reading)
    if deals and chance is not None:
        _subject_by_the_article(deals, subject_chances, chance)
    elif chance is not None and chance >= shipped_article_model().promote:
        told = purchase_told_first(relations, names, chance, lex.language)
        if told is not None and slug(told.acquirer) and slug(told.target):
            deals = [told]
            notes.append(f"about a talent deal by its words (chance {chance:.2f}): the purchase "
                         "its lead tells is the deal")  # fmt: skip
    ids = {id(d): deal_id_for(d.acquirer, d.target) for d in deals}
    announced = (
        announced_date(sentences, article.published, lex)
        if any(d.role == "subject" for d in deals)
        else None
    )
    mentions = [_mention(d, ids[id(d)], announced) for d in deals]

    claims: dict[tuple[str, str, str, int], Claim] = {}
    left_out: list[LeftOut] = []
    # the body's sums read as what something is worth: (deal id, low, high, why)
    worths: list[tuple[str, float | None, float | None, str]] = []
    if deals:
        attributor = Attributor(
            sentences,
            names,
            deals,
            lex,
            english=lex.language == "en",
            cues_of=cues_of,
            relations=relations,
        )
        subject = next((d for d in deals if d.role == "subject"), None)
        for s in sentences:
            attributed = attributor.attribute(s, figures_in(s.raw, lex.language))
            for fig, deal, reason in founded_years(s, names, deals, lex, subject):
                confidence = 0.9 * (0.5 + 0.5 * deal.confidence)
                attributed.append(
                    Attribution(
                        fig, s.index, deal, "founded_year", None, round(confidence, 3), reason
                    )
                )
            for a in attributed:
                start = s.start + a.figure.start
                if a.metric is None or a.deal is None:
                    left_out.append(LeftOut(a.figure.stated, start, s.start + a.figure.end, a.reason,
                                            ids.get(id(a.deal)) if a.deal else None))  # fmt: skip
                    if _read_as_a_worth(s, a):
                        worths.append((ids[id(a.deal)], a.figure.low, a.figure.high, a.reason))
                    elif _read_as_of_no_deal(s, a):
                        worths.append((ANY_DEAL, a.figure.low, a.figure.high, a.reason))
                    continue
                if a.confidence < MIN_CLAIM_CONFIDENCE:
                    left_out.append(LeftOut(a.figure.stated, start, s.start + a.figure.end,
                                            f"below confidence ({a.confidence:.2f}): {a.reason}", ids[id(a.deal)]))  # fmt: skip
                    continue
                c = _claim(article, s, a, ids[id(a.deal)])
                claims.setdefault((c.deal_id, c.subject, c.metric, c.start), c)
            attributor.note_sentence(s)

    kept, slips = _consistent(list(claims.values()))
    kept, guesses = _headline_guesses_told_otherwise(kept, worths)
    kept, launches = _launch_years_yield(kept, lex.cues["launch"])
    left_out += slips + guesses + launches
    # the confidence stored is the chance the claim is right, as learnt from real articles
    kept = calibrated(kept, mentions, english=english, headline_end=text.find("\n"))
    claims = {(c.deal_id, c.subject, c.metric, c.start): c for c in kept}
    subject_deal = next((m for m in mentions if m.role == "subject"), None)
    if subject_deal is not None:
        relevance, score, evidence = "subject", subject_deal.score, subject_deal.evidence
    elif mentions:
        best = max(mentions, key=lambda m: m.score)
        relevance, score, evidence = "mentioned", best.score, best.evidence
    elif chance is not None and chance >= shipped_article_model().promote:
        relevance, score, evidence = "subject", chance, _telling_sentence(reading)
        notes.append(f"about a talent deal by its words (chance {score:.2f}); no deal named in it")
    else:
        hint = next(
            (
                s.text
                for s in sentences
                if cues_of[s.index].present("hire") and cues_of[s.index].present("team")
            ),
            "",
        )
        relevance, score, evidence = "unrelated", 0.1 if hint else 0.0, hint
    return Analysis(
        article_id=article.article_id,
        relevance=relevance,  # type: ignore[arg-type]
        score=round(score, 3),
        evidence=evidence,
        deals=tuple(mentions),
        claims=tuple(sorted(claims.values(), key=lambda c: c.start)),
        notes=tuple(notes),
        left_out=tuple(left_out),
        article_chance=None if chance is None else round(chance, 3),
        chance_from=chance_from,
    )
