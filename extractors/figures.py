"""Figures as written in text, and the interval each one states.

A figure is an interval (DESIGN.md): "$14.3 billion" means [14.25e9, 14.35e9],
"over $29 billion" means [29e9, +inf). The rules are those of
tests/data/labelled/README.md. This module only reads figures; which metric
and deal a figure belongs to is decided in ``extractors.attribution``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from extractors.folding import fold, folded

FigureKind = Literal["money", "pct", "count", "age", "year"]

_UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
WORD_VALUES: dict[str, int] = {w: i for i, w in enumerate(_UNITS)} | {
    w: 20 + 10 * i for i, w in enumerate(_TENS)
}
WORD_VALUES |= {"a": 1, "an": 1, "dozen": 12}
SCALES: dict[str, float] = {
    "trillion": 1e12, "tn": 1e12, "t": 1e12,
    "billion": 1e9, "bn": 1e9, "b": 1e9, "bln": 1e9,
    "million": 1e6, "mn": 1e6, "mln": 1e6, "m": 1e6, "mil": 1e6,
    "thousand": 1e3, "k": 1e3,
}  # fmt: skip

_WORD_ATOM = "|".join(
    sorted((w for w in WORD_VALUES if w not in {"a", "an", "dozen", "zero"}), key=len, reverse=True)
)
# "fourteen", "forty-nine", "two hundred", "one hundred and fifty"
WORDNUM = rf"(?:(?:{_WORD_ATOM})(?:[-\s](?:{_WORD_ATOM}))?(?:\s+hundred(?:\s+(?:and\s+)?(?:{_WORD_ATOM})(?:[-\s](?:{_WORD_ATOM}))?)?)?|a\s+hundred|a\s+dozen|a|an)"
DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
NUM = rf"(?:{DIGITS}|{WORDNUM})"
SCALE_WORD = r"trillion|billion|million|thousand"
SCALE_ABBR = r"tn|bn|bln|mn|mln|mil|[bmkt]"
SCALE = rf"(?:\s*-?\s*(?P<{{g}}w>{SCALE_WORD})\b|(?P<{{g}}a>{SCALE_ABBR})\b\.?)"
CURRENCY_SIGN = r"(?P<{g}c>US\s?\$|USD\s?|C\$|A\$|\$|€|EUR\s?|£|GBP\s?)"


def _money_side(g: str, *, currency: bool, scale: bool) -> str:
    cur = CURRENCY_SIGN.format(g=g) + r"\s?" if currency else ""
    sc = SCALE.format(g=g) + ("" if scale else "?")
    return rf"{cur}(?P<{g}n>{NUM}){sc}"


_WORD_BOUNDARY_START = r"(?<![\w$€£.])"
# "$14.3 billion", "US$650m", "$ 14.3 billion", "€2bn"
MONEY_SIGN = re.compile(
    _WORD_BOUNDARY_START + _money_side("x", currency=True, scale=False), re.IGNORECASE
)
# "14.3 billion dollars", "650 million US dollars", "two billion euros"
MONEY_WORDS = re.compile(
    _WORD_BOUNDARY_START + _money_side("x", currency=False, scale=False)
    + r"\s+(?:US\s+|U\.S\.\s+)?(?P<xu>dollars|euros|pounds)\b",
    re.IGNORECASE,
)  # fmt: skip
# "$2 billion to $3 billion", "$2-3 billion", "between $2 billion and $3 billion", "$2 to $3 billion"
MONEY_RANGE = re.compile(
    _WORD_BOUNDARY_START
    + r"(?:(?P<between>between)\s+)?"
    + _money_side("a", currency=True, scale=False)
    + r"\s*(?:to|-|–|—|and)\s*"
    + rf"(?:{CURRENCY_SIGN.format(g='b')}\s?)?(?P<bn>{DIGITS}){SCALE.format(g='b')}",
    re.IGNORECASE,
)
PERCENT = re.compile(
    _WORD_BOUNDARY_START
    + rf"(?:(?P<an>{NUM})\s*(?:%|percent|per\s?cent)?\s*(?:to|-|–|and)\s*)?(?P<xn>{NUM})\s?(?:%|percent\b|per\s?cent\b|pct\b)",
    re.IGNORECASE,
)
STAKE_FRACTION = re.compile(
    r"\b(?P<frac>half|one[-\s]half|a\s+third|one[-\s]third|a\s+quarter|one[-\s]quarter|two[-\s]thirds|three[-\s]quarters)"
    r"(?=\s+(?:stake|share|interest|ownership|owned|of\s+(?:the\s+(?:company|startup|firm|business|shares|equity)\b(?!['’]s)|its\s+(?:shares|equity|stock)|(?-i:[A-Z]))))",
    re.IGNORECASE,
)
STAKE_SIDE = re.compile(
    r"\b(?:a|an|its)\s+(?P<side>majority|minority|controlling|non-controlling)\s+(?:stake|share|interest|ownership)",
    re.IGNORECASE,
)
FRACTIONS = {"half": 50.0, "one-half": 50.0, "one half": 50.0, "a third": 100 / 3, "one-third": 100 / 3, "one third": 100 / 3,
             "a quarter": 25.0, "one-quarter": 25.0, "one quarter": 25.0, "two-thirds": 200 / 3, "two thirds": 200 / 3,
             "three-quarters": 75.0, "three quarters": 75.0}  # fmt: skip
PEOPLE_NOUN = (
    r"employees|staff(?:ers)?|people|workers|researchers|engineers|scientists|team\s+members|members|"
    r"hires|recruits|developers|specialists|experts|executives|leaders|professionals|personnel"
)
_COUNT_FILLER = r"(?:(?:of\s+(?:its|the|their)(?:\s+\w+'s)?|full-time|new|former|other|more|top|key|senior|junior|AI|ML|machine[-\s]learning|research|technical|core|(?-i:[A-Z][\w.]*(?:'s|’s)?))\s+){0,3}"
COUNT = re.compile(
    _WORD_BOUNDARY_START
    + rf"(?:(?P<an>{DIGITS})\s*(?:to|-|–|and)\s*)?(?P<xn>{NUM})(?:\s+(?P<xw>{SCALE_WORD}))?(?P<plus>\+|-plus)?\s+{_COUNT_FILLER}(?P<noun>{PEOPLE_NOUN})\b",
    re.IGNORECASE,
)
# "its 70-person staff", "a 250-strong team"
COUNT_ADJECTIVE = re.compile(
    r"(?<![\w.])(?P<xn>\d[\d,]*)-(?P<noun>person|member|strong)\s+(?:staff|team|workforce|company)\b",
    re.IGNORECASE,
)
COUNT_OF = re.compile(
    rf"\b(?:headcount|workforce|staff|team|employees|payroll)\s+(?:of|to|at)\s+(?P<q>(?:about|around|roughly|approximately|some|nearly|almost|over|more\s+than|up\s+to)\s+)?(?P<xn>{DIGITS})\b(?!\s*%)",
    re.IGNORECASE,
)
AGE = re.compile(
    r"(?:(?P<now>\bnow|\btoday)\s+(?P<nn>\d{1,2})(?=,|\s+years)"
    r"|\b(?P<hn>\d{1,2})-year-old\b"
    r"|\b(?P<yn>\d{1,2})\s+years?\s+old\b"
    r"|\baged?\s+(?:of\s+)?(?P<an>\d{1,2})\b"
    r"|(?<=[A-Z][a-z]),\s+(?P<cn>\d{2}),(?=\s+(?:who|is|was|has|will|joined|said|says|the|a|an|and|left|leaves|founded|co-founded|\w+s|\w+ed)\b))",
    re.IGNORECASE,
)
# Money as written in German, French and Spanish: "2,7 Milliarden Dollar", "14,3 milliards de dollars",
# "2,4 mil millones de dólares"; a decimal comma, the scale word, then the currency.
FOREIGN_MONEY = re.compile(
    r"(?<![\w.,])(?P<xn>\d{1,3}(?:[.\s]\d{3})+|\d+(?:,\d+)?)\s+"
    r"(?P<xw>Milliarden|Milliarde|Mrd\.|Millionen|Million|Mio\.|milliards?|millions?|mil\s+millones|millones|millón)\s+"
    r"(?:de\s+)?(?:US-)?(?P<xu>Dollar|dollars|dólares|USD|US-Dollar|euros?|Euro)\b",
    re.IGNORECASE,
)
FOREIGN_SCALES = {"milliarden": 1e9, "milliarde": 1e9, "mrd.": 1e9, "millionen": 1e6, "million": 1e6, "mio.": 1e6,
                  "milliard": 1e9, "milliards": 1e9, "millions": 1e6, "mil millones": 1e9, "millones": 1e6, "millón": 1e6}  # fmt: skip
FOREIGN_QUALIFIER = re.compile(
    r"(?P<q>rund|etwa|ungefähr|circa|knapp|fast|mehr\s+als|über|bis\s+zu|environ|près\s+de|presque|plus\s+de|jusqu'à|"
    r"alrededor\s+de|unos|aproximadamente|casi|más\s+de|hasta|cerca\s+de)\s+$",
    re.IGNORECASE,
)
FOREIGN_Q_MEANING = {"rund": "about", "etwa": "about", "ungefähr": "about", "circa": "about", "environ": "about",
                     "alrededor de": "about", "unos": "about", "aproximadamente": "about", "knapp": "nearly",
                     "fast": "nearly", "près de": "nearly", "presque": "nearly", "casi": "nearly", "cerca de": "nearly",
                     "mehr als": "more than", "über": "more than", "plus de": "more than", "más de": "more than",
                     "bis zu": "up to", "jusqu'à": "up to", "hasta": "up to"}  # fmt: skip
FOREIGN_AGE = re.compile(r"(?<![\w,])(?P<xn>\d{2})\s+(?:ans|años|Jahre(?:\s+alt)?)\b")
YEAR = re.compile(r"\b(?P<xn>19[5-9]\d|20[0-4]\d)\b")

# Words without which each family of patterns cannot match; a sentence lacking them is not read.
_CURRENCY_CUE = folded(r"[$€£]|usd|eur|gbp")
_CURRENCY_WORD_CUE = folded(r"dollars|euros|pounds")
# A range's second side: the joining word, maybe a currency, then digits.
_RANGE_CUE = folded(r"(?:to|-|–|—|and)\s*(?:(?:US\s?\$|USD\s?|C\$|A\$|\$|€|EUR\s?|£|GBP\s?)\s?)?\d")
_PERCENT_CUE = folded(r"%|per\s?cent|pct")
_FRACTION_CUE = folded(r"half|third|quarter")
_SIDE_CUE = folded(r"majority|minority|controlling")
_PEOPLE_NOUN_CUE = folded(PEOPLE_NOUN)
_COUNT_ADJECTIVE_CUE = folded(r"person|member|strong")
_COUNT_OF_CUE = folded(r"headcount|workforce|staff|team|employees|payroll")
_AGE_CUE = folded(r"now|today|year|age|,\s+\d\d,")

QUALIFIER_BEFORE = folded(
    r"(?P<q>just\s+over|just\s+under|more\s+than|over|above|at\s+least|exceeding|in\s+excess\s+of|upwards\s+of|north\s+of|"
    r"up\s+to|at\s+most|less\s+than|fewer\s+than|no\s+more\s+than|under|below|about|around|roughly|approximately|"
    r"some|an\s+estimated|estimated|nearly|almost|close\s+to|just\s+shy\s+of|as\s+much\s+as|as\s+many\s+as)\s+(?:a\s+|an\s+)?$"
)
QUALIFIER_AFTER = re.compile(r"^(?:\s*\+|-plus\b|\s+or\s+more\b|\s+plus\b)", re.IGNORECASE)
_Q_AT_LEAST = {
    "more than",
    "over",
    "above",
    "at least",
    "exceeding",
    "in excess of",
    "upwards of",
    "north of",
    "plus",
    "or more",
}
_Q_AT_MOST = {
    "up to",
    "at most",
    "less than",
    "fewer than",
    "no more than",
    "under",
    "below",
    "as much as",
    "as many as",
}
_Q_ABOUT = {"about", "around", "roughly", "approximately", "some", "an estimated", "estimated"}
_Q_NEARLY = {"nearly", "almost", "just under", "close to", "just shy of"}
_Q_JUST_OVER = {"just over"}
# Share of x an "about"/"nearly" qualifier widens by (README interval rules).
APPROX_SHARE = 0.1


@dataclass(frozen=True, slots=True)
class Figure:
    kind: FigureKind
    value: float  # as written, before rounding bounds
    low: float | None
    high: float | None
    stated: str
    qualifier: str | None
    start: int
    end: int
    currency: str | None = None  # USD, EUR, GBP... for money
    noun: str | None = None  # people noun for counts
    approximate_word: bool = False  # "half", "a majority": no digits written


def words_to_number(words: str) -> float | None:
    tokens = [t for t in re.split(r"[\s-]+", words.lower().strip()) if t and t != "and"]
    if not tokens:
        return None
    total = 0
    current = 0
    for tok in tokens:
        if tok == "hundred":
            current = max(current, 1) * 100
        elif tok == "dozen":
            current = max(current, 1) * 12
        elif tok in WORD_VALUES:
            current += WORD_VALUES[tok]
        else:
            return None
    total += current
    return float(total)


def _number(raw: str) -> tuple[float, int] | None:
    """Value and number of decimals written; words count as whole numbers."""
    raw = raw.strip()
    if raw[:1].isdigit():
        cleaned = raw.replace(",", "")
        decimals = len(cleaned.split(".")[1]) if "." in cleaned else 0
        return float(Decimal(cleaned)), decimals
    value = words_to_number(raw)
    return (value, 0) if value is not None else None


def _scale(word: str | None, abbr: str | None) -> float:
    key = (word or abbr or "").lower().rstrip(".")
    return SCALES.get(key, 1.0)


def _currency(sign: str | None, unit: str | None = None) -> str:
    s = (sign or unit or "").upper().replace(" ", "")
    if "€" in s or "EUR" in s:
        return "EUR"
    if "£" in s or "GBP" in s or "POUND" in s:
        return "GBP"
    if s.startswith(("C$",)):
        return "CAD"
    if s.startswith(("A$",)):
        return "AUD"
    return "USD"


def normalise_qualifier(raw: str | None) -> str | None:
    return " ".join(raw.lower().split()) if raw else None


def interval(
    value: float, half_unit: float, qualifier: str | None
) -> tuple[float | None, float | None]:
    """The interval a figure states, by the README rules."""
    q = normalise_qualifier(qualifier)
    if q in _Q_AT_LEAST:
        return value, None
    if q in _Q_AT_MOST:
        return 0.0, value
    if q in _Q_ABOUT:
        return value * (1 - APPROX_SHARE), value * (1 + APPROX_SHARE)
    if q in _Q_NEARLY:
        return value * (1 - APPROX_SHARE), value
    if q in _Q_JUST_OVER:
        return value, value * (1 + APPROX_SHARE)
    return value - half_unit, value + half_unit


def _qualifier(text: str, start: int, end: int) -> tuple[str | None, int, int]:
    """A qualifier word before (or '+', 'or more' after) a figure, and the widened span."""
    window = text[max(0, start - 30) : start]
    before = QUALIFIER_BEFORE.search(fold(window))
    if before:
        return (
            normalise_qualifier(window[before.start("q") : before.end("q")]),
            start - (len(window) - before.start()),
            end,
        )
    after = QUALIFIER_AFTER.match(text[end : end + 10])
    if after:
        word = "plus" if "plus" in after.group().lower() or "+" in after.group() else "or more"
        return word, start, end + after.end()
    return None, start, end


def _round(x: float | None) -> float | None:
    return None if x is None else float(f"{x:.12g}")


def _make(
    kind: FigureKind,
    text: str,
    start: int,
    end: int,
    value: float,
    half: float,
    *,
    currency: str | None = None,
    noun: str | None = None,
    approximate_word: bool = False,
) -> Figure:
    qualifier, q_start, q_end = _qualifier(text, start, end)
    low, high = interval(value, half, qualifier)
    return Figure(
        kind, value, _round(low), _round(high), text[q_start:q_end], qualifier, q_start, q_end,
        currency=currency, noun=noun, approximate_word=approximate_word,
    )  # fmt: skip


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(start < e and s < end for s, e in spans)


def money_figures(text: str) -> list[Figure]:
    out: list[Figure] = []
    low = fold(text)
    signed = _CURRENCY_CUE.search(low) is not None
    worded = _CURRENCY_WORD_CUE.search(low) is not None
    if not (signed or worded):
        return out
    taken: list[tuple[int, int]] = []
    for m in MONEY_RANGE.finditer(text) if signed and _RANGE_CUE.search(low) else ():
        a, b = _number(m.group("an")), _number(m.group("bn"))
        if a is None or b is None or not (m.group("ac") or m.group("bc")):
            continue
        if m.group(0).lower().rstrip().endswith("and") or (
            " and " in m.group(0).lower() and not m.group("between")
        ):
            continue
        scale_b = _scale(m.group("bw"), m.group("ba"))
        scale_a = (
            _scale(m.group("aw"), m.group("aa")) if (m.group("aw") or m.group("aa")) else scale_b
        )
        low, high = a[0] * scale_a, b[0] * scale_b
        if low >= high:
            continue
        out.append(
            Figure(
                "money",
                low,
                _round(low),
                _round(high),
                m.group(0),
                "range",
                m.start(),
                m.end(),
                currency=_currency(m.group("ac") or m.group("bc")),
            )  # fmt: skip
        )
        taken.append((m.start(), m.end()))
    for pattern in ([MONEY_SIGN] if signed else []) + ([MONEY_WORDS] if worded else []):
        for m in pattern.finditer(text):
            if _overlaps(taken, m.start(), m.end()):
                continue
            parsed = _number(m.group("xn"))
            if parsed is None:
                continue
            raw_num = m.group("xn").strip().lower()
            has_scale = bool(m.group("xw") or m.group("xa"))
            if raw_num in {"a", "an"} and not has_scale:
                continue
            value, decimals = parsed
            scale = _scale(m.group("xw"), m.group("xa"))
            half = 0.5 * 10.0**-decimals * scale
            unit = m.groupdict().get("xu")
            end = m.end()
            stated_end = end
            while stated_end > m.start() and text[stated_end - 1] in " .":
                stated_end -= 1
            fig = _make(
                "money",
                text,
                m.start(),
                stated_end,
                value * scale,
                half,
                currency=_currency(m.groupdict().get("xc"), unit),
            )
            out.append(fig)
            taken.append((m.start(), m.end()))
    return sorted(out, key=lambda f: f.start)


def percent_figures(text: str) -> list[Figure]:
    out: list[Figure] = []
    low = fold(text)
    for m in PERCENT.finditer(text) if _PERCENT_CUE.search(low) else ():
        parsed = _number(m.group("xn"))
        if parsed is None or m.group("xn").strip().lower() in {"a", "an"}:
            continue
        value, decimals = parsed
        if m.group("an"):
            first = _number(m.group("an"))
            if first is not None and first[0] < value:
                out.append(
                    Figure(
                        "pct", first[0], first[0], value, m.group(0), "range", m.start(), m.end()
                    )
                )
                continue
            start = m.start("xn")
        else:
            start = m.start()
        out.append(_make("pct", text, start, m.end(), value, 0.5 * 10.0**-decimals))
    for m in STAKE_FRACTION.finditer(text) if _FRACTION_CUE.search(low) else ():
        key = " ".join(m.group("frac").lower().split())
        value = FRACTIONS.get(key, FRACTIONS.get(key.replace(" ", "-"), 50.0))
        out.append(_make("pct", text, m.start(), m.end(), value, 0.5, approximate_word=True))
    for m in STAKE_SIDE.finditer(text) if _SIDE_CUE.search(low) else ():
        side = m.group("side").lower()
        low, high = (50.0, 100.0) if side in {"majority", "controlling"} else (0.0, 50.0)
        out.append(
            Figure(
                "pct", low, low, high, m.group(0), side, m.start(), m.end(), approximate_word=True
            )
        )
    return sorted(out, key=lambda f: f.start)


def count_figures(text: str) -> list[Figure]:
    out: list[Figure] = []
    low = fold(text)
    for m in COUNT.finditer(text) if _PEOPLE_NOUN_CUE.search(low) else ():
        parsed = _number(m.group("xn"))
        if parsed is None or m.group("xn").strip().lower() in {"a", "an"}:
            continue
        value = parsed[0] * (SCALES[m.group("xw").lower()] if m.group("xw") else 1.0)
        noun = m.group("noun").lower()
        if m.group("an"):
            first = _number(m.group("an"))
            if first and first[0] < value:
                end = m.end("noun")
                out.append(
                    Figure(
                        "count",
                        first[0],
                        first[0],
                        value,
                        text[m.start() : end],
                        "range",
                        m.start(),
                        end,
                        noun=noun,
                    )
                )
                continue
        num_end = (
            m.end("plus") if m.group("plus") else (m.end("xw") if m.group("xw") else m.end("xn"))
        )
        fig = _make("count", text, m.start("xn"), num_end, value, 0.0, noun=noun)
        if m.group("plus"):
            fig = Figure(
                "count", value, value, None, fig.stated, "plus", fig.start, fig.end, noun=noun
            )
        # the noun belongs in `stated` ("more than 1500 people")
        out.append(Figure(fig.kind, fig.value, fig.low, fig.high, text[fig.start : m.end("noun")], fig.qualifier,
                          fig.start, m.end("noun"), noun=noun))  # fmt: skip
    for m in COUNT_ADJECTIVE.finditer(text) if _COUNT_ADJECTIVE_CUE.search(low) else ():
        parsed = _number(m.group("xn"))
        if parsed is not None:
            noun = m.group("noun").lower()
            out.append(_make("count", text, m.start("xn"), m.end(), parsed[0], 0.0, noun=noun))
    for m in COUNT_OF.finditer(text) if _COUNT_OF_CUE.search(low) else ():
        if _overlaps([(f.start, f.end) for f in out], m.start("xn"), m.end("xn")):
            continue
        parsed = _number(m.group("xn"))
        if parsed is None:
            continue
        fig = _make("count", text, m.start("xn"), m.end("xn"), parsed[0], 0.0, noun="staff")
        out.append(fig)
    return sorted(out, key=lambda f: f.start)


def foreign_money_figures(text: str) -> list[Figure]:
    out = []
    for m in FOREIGN_MONEY.finditer(text):
        raw = m.group("xn")
        if "," in raw:
            whole, frac = raw.split(",")
            value, decimals = float(f"{whole}.{frac}"), len(frac)
        else:
            value, decimals = float(re.sub(r"[.\s]", "", raw)), 0
        scale = FOREIGN_SCALES.get(" ".join(m.group("xw").lower().split()), 1.0)
        q = FOREIGN_QUALIFIER.search(text[max(0, m.start() - 20) : m.start()])
        qualifier = FOREIGN_Q_MEANING.get(" ".join(q.group("q").lower().split())) if q else None
        start = (
            m.start() - (len(text[max(0, m.start() - 20) : m.start()]) - q.start())
            if q
            else m.start()
        )
        low, high = interval(value * scale, 0.5 * 10.0**-decimals * scale, qualifier)
        unit = m.group("xu").lower()
        currency = "EUR" if unit.startswith("euro") else "USD"
        out.append(
            Figure(
                "money",
                value * scale,
                _round(low),
                _round(high),
                text[start : m.end()],
                qualifier,
                start,
                m.end(),
                currency=currency,
            )
        )
    return out


def foreign_age_figures(text: str) -> list[Figure]:
    return [
        Figure(
            "age",
            float(m.group("xn")),
            float(m.group("xn")),
            float(m.group("xn")),
            m.group(0),
            None,
            m.start(),
            m.end(),
        )
        for m in FOREIGN_AGE.finditer(text)
    ]


def age_figures(text: str) -> list[Figure]:
    out: list[Figure] = []
    if not _AGE_CUE.search(fold(text)):
        return out
    for m in AGE.finditer(text):
        group = next(g for g in ("nn", "hn", "yn", "an", "cn") if m.group(g))
        value = float(m.group(group))
        if not 14 <= value <= 100:
            continue
        start, end = (m.start(), m.end()) if group != "cn" else (m.start(group), m.end(group))
        out.append(Figure("age", value, value, value, text[start:end], m.group("now"), start, end))
    return out


def year_figures(text: str) -> list[Figure]:
    return [Figure("year", float(m.group("xn")), float(m.group("xn")), float(m.group("xn")), m.group(0), None,
                   m.start(), m.end()) for m in YEAR.finditer(text)]  # fmt: skip


def format_money(
    value: float, *, decimals: int = 1, scale: str = "billion", sign: str = "$"
) -> str:
    """The inverse of parsing, for round-trip tests: ``$14.3 billion``."""
    divisor = {"trillion": 1e12, "billion": 1e9, "million": 1e6, "thousand": 1e3, "": 1.0}[scale]
    number = f"{value / divisor:,.{decimals}f}"
    return f"{sign}{number} {scale}".rstrip()
