"""Which deal, metric and subject a figure in a sentence belongs to — or none.

A figure belongs to what its clause states it about. Figures about something
else are dropped: another company's purchase ("its $19 billion acquisition of
WhatsApp"), user counts, revenue, government contracts, past rounds' valuations
("valued at $14 billion last year"), a founder's age when founding, award years.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from extractors.deals import DetectedDeal, names_pattern, people_in
from extractors.figures import Figure
from extractors.folding import fold, folded, folded_any_of

# How far around a figure its clause is read for cue words, in characters.
CUE_BEFORE = 70
CUE_AFTER = 50

_OTHER_DEAL_AFTER = re.compile(
    r"^\s*(?:\w+\s+)?(?:acquisition|purchase|takeover|buyout|bid|offer|merger|deal)\s+(?:of|for|to\s+buy|with)\s+(?P<name>[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)?)"
)
_OTHER_DEAL_BEFORE = re.compile(
    r"(?P<name>[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)?)(?:'s|’s)\s+(?:\w+\s+)?$"
)
# "OpenAI had agreed to buy it for $3 billion": a purchase by someone else.
_OTHER_BUYER = re.compile(
    r"(?P<name>[A-Z][\w.&-]*),?\s+(?:\w+\s+){0,3}?(?:buy|acquire|purchase|comprar|racheter|kaufen)\b[^.;]{0,30}$"
)
_NOT_POSSESSORS = frozenset(
    {"The", "This", "That", "Its", "Their", "His", "Her", "Last", "Next", "Monday", "Friday"}
)
_DROP_CUE = folded_any_of(
    r"\b(?:revenue|sales|annual\s+recurring|ARR|salar\w*|compensation|pay\s+packages?|packages?|contracts?|users?|customers|budget|capex|"
    r"capital\s+expenditure|data\s+cent\w+|spending\s+on|fund|when\s+it\s+raised|round|fine|penalt\w+|lawsuit|profit|loss|market\s+cap\w*|shares\s+(?:rose|fell)|worth\s+of\s+stock|net\s+worth|fortune|billionaire|Umsatz)\b"
)
_PAST_CUE = folded_any_of(
    r"\b(?:last\s+(?:year|round|spring|summer|fall|autumn|winter|funding)|previous(?:ly)?|prior\s+round|earlier\s+round|a\s+year\s+(?:ago|earlier)|"
    r"had\s+been\s+valued|was\s+valued|Series\s+[A-F]\b|in\s+its\s+(?:last|latest|most\s+recent)\s+(?:funding\s+)?round|in\s+(?:19|20)\d\d\b)"
)
_VALUATION = folded_any_of(
    r"\b(?:valu(?:ed|ation|es|ing)|market\s+(?:value|worth)|bewerte\w*|Bewertung|valoris\w*|valorad\w*)\b"
)
_FUNDING = folded_any_of(
    r"\b(?:raised|raising|funding|from\s+investors|venture\s+capital|eingesammelt|investors\s+had\s+put)\b"
)
_LICENCE_AFTER = folded(
    r"^\s*(?:in\s+licen[cs]\w*\s+fees?|as\s+(?:a\s+)?licen[cs]\w*\s+fee|for\s+(?:a|the)\s+(?:non-exclusive\s+)?licen[cs]e|covers\s+a\s+licen[cs]e)\b"
)
_LICENCE_BEFORE = folded(
    r"(?:licen[cs]ed\s+[^.;]{0,60}\bfor\s+(?:about\s+|roughly\s+|around\s+)?|licen[cs]\w*\s+fee\s+of\s+(?:about\s+|roughly\s+)?)$"
)
_ROUND_CUE = folded_any_of(r"\b(?:round|Series\s+[A-F]|led\s+by|last\s+year|in\s+(?:19|20)\d\d)\b")
_LICENCE = folded(r"\blicen[cs]\w*|\bLizenz\w*")
_DEAL_MONEY = folded_any_of(
    r"\b(?:invest\w*|pa(?:y|ys|id|ying|yment)|deal|agreement|arrangement|stake|spen[dt]|acqui\w*|buy\w*|bought|price|cost|for|hire|"
    r"transaction|worth|bill|put\w*|into|tak(?:e|es|ing)|zahlt\w*|gezahlt|für|Milliarde\w*|Millionen|pai\w*|versé\w*|pour|dans|pag\w*|por|en|licen\w*|Lizenz\w*)\b"
)
_STAKE = folded_any_of(
    r"\b(?:stake|share|ownership|own(?:s|ed|ing)?|hold(?:s|ing)?|equity|interest|gain|acquire|tak(?:e|es|ing)|Anteil\w*|Beteiligung|capital|participación)\b"
)
# "Inflection's roughly 70 employees", "its 250 staff": the whole company, not the hires.
_POSSESSIVE_BEFORE = folded(r"(?:'s|’s|\bits|\btheir)\s+(?:\w+\s+)?$")
_HIRED_COUNT = folded_any_of(
    r"\b(?:hire[sd]?|hiring|join(?:s|ed|ing)?|move[sd]?|moving|brought|bring(?:s|ing)?|poach\w*|recruit\w*|follow\w*|went|going|leav\w*|transfer\w*|come|came|wechseln)\b"
)
_HEADCOUNT = folded_any_of(
    r"\b(?:employ\w*|workforce|headcount|staff\s+of|team\s+of|grown\s+to|has|had|have|size|Mitarbeiter\w*|Belegschaft)\b"
)
_AGE_THEN = folded(
    r"\b(?:at(?:\s+just|\s+only)?(?:\s+the)?(?:\s+age(?:\s+of)?)?|when\s+(?:he|she|they)\s+was|was\s+(?:just\s+|only\s+)?an?)\s*$"
)
_FOUNDING = folded_any_of(
    r"\b(?:found\w*|co-?found\w*|start\w*|launch\w*|dropp\w*\s+out|creat\w*|set\s+up|establish\w*|gründ\w*)\b"
)
_FOUNDED_YEAR = re.compile(
    r"(?P<verb>\b(?:co-?founded|founded|started|starting|launched|established|set\s+up|created|incorporated|gegründet|began|fondée?|fundad[ao])\b)(?P<mid>[^.;]{0,60}?)\b(?:in\s+)?(?P<year>(?:19|20)\d\d)\b"
    r"|\b(?P<year2>(?:19|20)\d\d)\s+(?:gegründet|founded)\b|\b[Ff]ounded\s+in\s+(?P<year3>(?:19|20)\d\d)\b"
)


_YEAR_CUE = re.compile(r"(?:19|20)\d\d")
_WAS = re.compile(r"\bwas\b")
_PRONOUN = folded(r"\b(?:he|she|who)\b")
_AND_FOR_AFTER = re.compile(r"^[^.;]{0,60}?\band\s+(?:for|to)\b")
_FEES_AND_AFTER = folded(r"^\s*in\s+licen[cs]\w*\s+fees?\s+and\b")
_VALUATION_AFTER = folded(r"^\s*(?:valuation|value)\b")
_FUNDING_AFTER = folded(
    r"^\s*(?:in\s+(?:total\s+)?funding|from\s+investors|in\s+venture|(?:bei\s+Investoren\s+)?eingesammelt|de\s+(?:fonds|financement)|en\s+financiación)"
)


@dataclass(frozen=True, slots=True)
class Attributed:
    figure: Figure
    deal: DetectedDeal
    metric: str
    person: str | None = None


def _window(text: str, figure: Figure) -> tuple[str, str]:
    before = text[max(0, figure.start - CUE_BEFORE) : figure.start]
    after = text[figure.end : figure.end + CUE_AFTER]
    # a clause boundary ends the window
    before = re.split(r"[;:]|—|\.\s", before)[-1]
    after = re.split(r"[;]|—|\.\s|,\s+(?:and|but|while|which|who)\s", after)[0]
    return before, after


def _mentions_at(text: str, names: Sequence[str]) -> list[int]:
    return [m.start() for m in names_pattern(tuple(names)).finditer(text)]


def _nearest_deal(
    text: str, position: int, deals: Sequence[DetectedDeal], fallback: DetectedDeal | None
) -> DetectedDeal | None:
    """The deal whose target is named nearest; an acquirer counts only when it has one deal here."""
    for names_of in (lambda d: d.target_names, lambda d: d.acquirer_names):
        best = None
        best_distance = None
        for d in deals:
            if (
                names_of(d) is d.acquirer_names
                and sum(1 for o in deals if o.acquirer == d.acquirer) > 1
            ):
                continue
            for pos in _mentions_at(text, names_of(d)):
                distance = abs(pos - position)
                if best_distance is None or distance < best_distance:
                    best, best_distance = d, distance
        if best is not None:
            return best
    return fallback


def _deal_by_target_name(name: str, deals: Sequence[DetectedDeal]) -> DetectedDeal | None:
    for d in deals:
        if any(name == n or name.startswith(n + " ") for n in d.target_names):
            return d
    return None


def _other_deal(
    text: str, figure: Figure, deals: Sequence[DetectedDeal], current: DetectedDeal
) -> tuple[bool, DetectedDeal | None]:
    """(is about another purchase, the named talent deal it belongs to if any)."""
    after = _OTHER_DEAL_AFTER.match(text[figure.end :])
    before = _OTHER_DEAL_BEFORE.search(text[max(0, figure.start - 40) : figure.start])
    for m in (after, before):
        if not m:
            continue
        name = m.group("name")
        if name in current.target_names or (m is before and name in current.acquirer_names):
            continue
        if m is before:
            deal = next(
                (d for d in deals if name in d.acquirer_names or name in d.target_names), None
            )
            if deal is not None:
                return True, deal
            if name.split()[0] in _NOT_POSSESSORS:
                continue
            return True, None
        return True, _deal_by_target_name(name, deals)
    buyer = _OTHER_BUYER.search(text[max(0, figure.start - 60) : figure.start])
    if buyer and not any(n == buyer.group("name") for n in current.acquirer_names):
        return True, None
    return False, None


def _is_licence_fee(before: str, after: str) -> bool:
    """The sum is the licence's price itself, not the whole deal that includes a licence."""
    if _LICENCE_AFTER.match(fold(after)) and not _AND_FOR_AFTER.match(after):
        return not _FEES_AND_AFTER.match(fold(after))
    return bool(_LICENCE_BEFORE.search(fold(before)))


_GENERIC_OPENERS = frozenset(
    {
        "It",
        "Its",
        "The",
        "This",
        "That",
        "Since",
        "In",
        "At",
        "On",
        "By",
        "With",
        "After",
        "Before",
        "According",
        "Last",
        "Earlier",
    }
)


def _someone_else(text: str, figure: Figure, deal: DetectedDeal) -> bool:
    """A valuation or a round whose sentence is about another company than the target."""
    prefix = text[: figure.start]
    if _mentions_at(prefix, deal.target_names):
        return False
    if _mentions_at(prefix, deal.acquirer_names):
        return True
    opener = re.match(r"\s*[\"“]?([A-Z][\w.&-]+)", text)
    return bool(
        opener and opener.group(1) not in _GENERIC_OPENERS and opener.start(1) < figure.start
    )


def _money_metric(before: str, after: str, figure: Figure) -> str | None:
    low_before, low_after = fold(before), fold(after)
    near = low_before + " " + low_after
    if _DROP_CUE.search(near):
        return None
    if _VALUATION.search(low_before[-45:]) or _VALUATION_AFTER.match(low_after):
        return None if _PAST_CUE.search(near) else "target_valuation_usd"
    if _FUNDING.search(low_before[-50:]) or _FUNDING_AFTER.match(low_after):
        if _ROUND_CUE.search(low_after[:40]) or _PAST_CUE.search(low_after[:30]):
            return None
        return "target_funding_raised_usd"
    if _is_licence_fee(before, after):
        return "licence_fee_usd"
    if _PAST_CUE.search(near):
        return None
    if _DEAL_MONEY.search(near):
        return "deal_amount_usd"
    return None


def _person_for(
    text: str, figure: Figure, deal: DetectedDeal, known: Sequence[str], last_person: str | None
) -> str | None:
    def full(name: str) -> str | None:
        for k in known:
            if k == name or k.split()[-1] == name.split()[-1]:
                return k
        return None

    after = text[figure.end : figure.end + 40]
    m = re.match(r"^,?\s+([A-Z][^\W\d_]+(?:\s+[A-Z][^\W\d_]+)?)", after)
    if m and full(m.group(1)):
        return full(m.group(1))
    titled = re.match(
        r"^\s+(?:chief\s+executive|CEO|founder|co-founder)\w*,?\s+([A-Z][^\W\d_]+(?:\s+[A-Z][^\W\d_]+)?)",
        after,
    )
    if titled and full(titled.group(1)):
        return full(titled.group(1))
    before = text[max(0, figure.start - 80) : figure.start]
    names = re.findall(r"([A-Z][^\W\d_]+(?:\s+[A-Z][^\W\d_]+)?)", before)
    for name in reversed(names):
        if full(name):
            return full(name)
    if _PRONOUN.search(fold(text[max(0, figure.start - 40) : figure.start + 40])):
        return last_person
    return None


def attribute(
    text: str,
    figures: Sequence[Figure],
    deals: Sequence[DetectedDeal],
    *,
    fallback: DetectedDeal | None,
    known_people: Sequence[str],
    last_person: str | None = None,
) -> list[Attributed]:
    """Attribute the figures of one sentence (offsets relative to ``text``)."""
    out: list[Attributed] = []
    for fig in figures:
        deal = _nearest_deal(text, fig.start, deals, fallback)
        if deal is None:
            continue
        before, after = _window(text, fig)
        if fig.kind == "money":
            if fig.currency != "USD":
                continue
            other, other_deal = _other_deal(text, fig, deals, deal)
            if other:
                if other_deal is None:
                    continue
                deal = other_deal
            metric = _money_metric(before, after, fig)
            if (
                metric in {"target_funding_raised_usd", "target_valuation_usd"}
                and _mentions_at(before, deal.acquirer_names)
                and not _mentions_at(before, deal.target_names)
            ):
                metric = None
            if metric:
                out.append(Attributed(fig, deal, metric))
        elif fig.kind == "pct":
            stake = (
                bool(_STAKE.search(fold(before[-50:] + " " + after[:40]))) or fig.approximate_word
            )
            owner = re.search(r"\b(?:owns|owned|holds|held)\b[^.;]{0,30}$", before)
            if owner and not _mentions_at(before[: owner.start()], deal.acquirer_names):
                stake = False
            if stake and not _DROP_CUE.search(fold(before[-30:] + after[:30])):
                out.append(Attributed(fig, deal, "stake_pct"))
        elif fig.kind == "count":
            if fig.value >= 1e6 or _DROP_CUE.search(fold(after[:30])):
                continue
            near = fold(before + " " + after)
            if _POSSESSIVE_BEFORE.search(fold(before)) or fig.noun in {"person", "strong"}:
                out.append(Attributed(fig, deal, "target_headcount"))
            elif _HIRED_COUNT.search(near):
                out.append(Attributed(fig, deal, "staff_hired"))
            elif _HEADCOUNT.search(near):
                out.append(Attributed(fig, deal, "target_headcount"))
        elif fig.kind == "age":
            if (
                _AGE_THEN.search(fold(text[max(0, fig.start - 30) : fig.start]))
                and not fig.qualifier
            ):
                continue
            clause = text[max(0, fig.start - 80) : fig.end + 80]
            if (_WAS.search(clause) and _FOUNDING.search(fold(clause))) and not fig.qualifier:
                continue
            if re.search(r"\bat\s+(?:just\s+|only\s+)?$", text[max(0, fig.start - 15) : fig.start]):
                continue
            person = _person_for(text, fig, deal, known_people, last_person)
            if person:
                out.append(Attributed(fig, deal, "person_age", person))
    return out


def founded_years(
    text: str, deals: Sequence[DetectedDeal], fallback: DetectedDeal | None
) -> list[tuple[int, int, float, DetectedDeal]]:
    """(start, end, year, deal) for 'started Scale in 2016' style statements about a deal's target."""
    out = []
    if not _YEAR_CUE.search(text):
        return out
    for m in _FOUNDED_YEAR.finditer(text):
        year_group = next(g for g in ("year", "year2", "year3") if m.group(g))
        mid = m.group("mid") or ""
        deal = None
        for d in deals:
            if any(re.search(rf"(?<![\w.]){re.escape(n)}(?![\w])", mid) for n in d.target_names):
                deal = d
                break
        if deal is None:
            if re.search(
                r"[A-Z][\w.]*\s*(?:'s|’s)?\s+(?:\w+\s+)?(?:lab|division|unit|team)\b|[A-Z]{2,}|\b(?:Google|Microsoft|Meta|Amazon|Apple)\b",
                mid,
            ):
                continue
            if mid.strip() and not re.match(
                r"^\s*(?:by\b|it\b|the\s+(?:company|startup|firm)\b|in\b|$)", mid
            ):
                continue
            before = text[: m.start()]
            deal = (
                _nearest_deal(before, len(before), deals, fallback) if before.strip() else fallback
            )
            generic = re.match(r"^\s*(?:the\s+(?:company|startup|firm)|it)\b", mid) or re.match(
                r"^\s*(?:The|Das|La|El)\s+(?:startup|start-up|company|firm|Start-up|empresa|entreprise)\b",
                text,
            )
            if deal is None or not (_mentions_at(text, deal.target_names) or generic):
                continue
        out.append((m.start(), m.end(year_group), float(m.group(year_group)), deal))
    return out


def hired_people(text: str) -> list[str]:
    return people_in(text)
