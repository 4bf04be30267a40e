"""Figures as written, in any of the lexicon's languages, and the interval each one states.

A figure is an interval (DESIGN.md): "$14.3 billion" is [14.25e9, 14.35e9], "over
$29 billion" is [29e9, +inf), "143억 달러" is [14.25e9, 14.35e9]. The rules are those of
tests/data/labelled/README.md. This module only reads figures; which deal and metric a
figure belongs to is decided in ``extractors.analysis.attribution``.

Every pattern is built from the lexicon (scale words, currencies, qualifiers, people
nouns, number words), so a language is added by data. Offsets are into the string
given, and every pattern is linear in its length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Literal

from text_to_num import text2num

from extractors.analysis.lexicon import (
    Lexicon,
    ends_on,
    gate_texts,
    holds_any,
    lexicon_for,
    needed_texts,
)
from extractors.analysis.text import fold

FigureKind = Literal["money", "pct", "count", "age", "year"]

# Share of x an "about"/"nearly" qualifier widens by (README interval rules).
APPROX_SHARE = 0.1
# Ages outside this range are something else (a model number, a count).
AGE_RANGE = (14, 100)
# Years a founding may be stated for.
YEAR = re.compile(r"(?<![\d.,])(?P<n>19[5-9]\d|20[0-4]\d)(?![\d])")
# Units of East Asian numbers, and the smaller ones that multiply a digit before them.
CJK_UNITS = {
    "兆": 1e12,
    "조": 1e12,
    "億": 1e8,
    "亿": 1e8,
    "억": 1e8,
    "万": 1e4,
    "萬": 1e4,
    "만": 1e4,
}
CJK_SMALL = {"千": 1e3, "천": 1e3, "百": 1e2, "백": 1e2, "十": 10.0, "십": 10.0}
_CJK_UNIT_CHARS = "".join(CJK_UNITS)
# A number written with CJK units: "143억", "7億5,000万", "1천950만".
_CJK_NUMBER = rf"(?:\d[\d,.]*\s?(?:[千천百백十십]\d*)?\s?[{_CJK_UNIT_CHARS}]\s?)+(?:\d[\d,]*)?"
_CJK_TERM = re.compile(
    r"(?P<d>\d[\d,.]*)?\s?(?:(?P<small>[千천百백十십])(?P<rest>\d[\d,]*)?)?\s?(?P<unit>[兆조億亿억万萬만])"
)  # "1천950만": one thousand nine hundred and fifty ten-thousands
# Digits with their separators: "1,500", "14.3", "2.700", "5 000", "1,43,000".
_DIGITS = r"\d{1,3}(?:(?:,|\.|[ \u00a0\u202f](?=\d{3}(?!\d)))\d{2,3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
# Text2num understands number words in these languages.
_TEXT2NUM_LANGUAGES = frozenset({"en", "fr", "es", "de", "pt", "it", "nl"})
_QUALIFIER_MEANINGS = frozenset({"at_least", "at_most", "about", "nearly", "just_over"})
_FULLWIDTH = str.maketrans("０１２３４５６７８９％．，", "0123456789%.,")


@dataclass(frozen=True, slots=True)
class Figure:
    kind: FigureKind
    value: float  # as written, before rounding bounds
    low: float | None
    high: float | None
    stated: str
    qualifier: str | None  # at_least, at_most, about, nearly, just_over, range, majority...
    start: int
    end: int
    currency: str | None = None  # USD, EUR, GBP... for money
    noun: str | None = None  # the people noun of a count
    worded: bool = False  # "half", "a quarter", "a majority": no digits written
    of_staff: bool = False  # a share of a company's staff ("a quarter of its employees")


def _round(x: float | None) -> float | None:
    return None if x is None else float(f"{x:.12g}")


def interval(
    value: float, half_unit: float, qualifier: str | None
) -> tuple[float | None, float | None]:
    """The interval a figure states, by the README rules."""
    if qualifier == "at_least":
        return value, None
    if qualifier == "at_most":
        return 0.0, value
    if qualifier == "about":
        return value * (1 - APPROX_SHARE), value * (1 + APPROX_SHARE)
    if qualifier == "nearly":
        return value * (1 - APPROX_SHARE), value
    if qualifier == "just_over":
        return value, value * (1 + APPROX_SHARE)
    return value - half_unit, value + half_unit


def _grouped_in_thousands(number: str, tail: str) -> bool:
    """Three digits after the one separator that end in two zeros, after a head that is not 0."""
    return tail.endswith("00") and not number.startswith("0")


def parse_number(raw: str, decimal_mark: str = ".") -> tuple[float, int] | None:
    """A written number's value and how many decimals it gives.

    The separator of "1,500" or "2.700" is read by the language's decimal mark when it
    is followed by exactly three digits, unless those end in two zeros: nobody writes 2.4 as
    "2,400", so Mexican Spanish's "2,400 millones" groups thousands though Spanish marks
    decimals with a comma. Otherwise a lone separator is a decimal mark ("14,3",
    "$14,3-billion") and a repeated one groups thousands ("1,43,000").
    """
    s = raw.strip().replace("\u00a0", " ").replace("\u202f", " ")
    s = re.sub(r"(?<=\d) (?=\d{3}\b)", "", s)
    if not s or not s[0].isdigit():
        return None
    commas, dots = s.count(","), s.count(".")
    if commas and dots:
        decimal = "," if s.rfind(",") > s.rfind(".") else "."
        group = "." if decimal == "," else ","
        s = s.replace(group, "").replace(decimal, ".")
    elif commas or dots:
        sep = "," if commas else "."
        tail = s.split(sep)[-1]
        grouped = len(tail) == 3 and (sep != decimal_mark or _grouped_in_thousands(s, tail))
        s = s.replace(sep, "" if s.count(sep) > 1 or grouped else ".")
    try:
        value = Decimal(s)
    except InvalidOperation:
        return None
    decimals = len(s.split(".")[1]) if "." in s else 0
    return float(value), decimals


def _word_number(raw: str, lex: Lexicon) -> float | None:
    words = " ".join(raw.lower().split())
    if words in lex.number_words:
        return lex.number_words[words]
    language = lex.language if lex.language in _TEXT2NUM_LANGUAGES else "en"
    try:
        return float(text2num(words, language))
    except ValueError:
        return None


def cjk_number(raw: str) -> tuple[float, float] | None:
    """The value of "143억", "7億5,000万" or "19조6천억" and the unit of its last term."""
    total = 0.0
    last_unit = 1.0
    pos = 0
    found = False
    for m in _CJK_TERM.finditer(raw):
        if raw[pos : m.start()].strip():
            return None
        digits = parse_number(m.group("d"), ".") if m.group("d") else (1.0, 0)
        if digits is None:
            return None
        small = CJK_SMALL[m.group("small")] if m.group("small") else 1.0
        unit = CJK_UNITS[m.group("unit")]
        inner = parse_number(m.group("rest"), ".") if m.group("rest") else None
        if inner is not None:  # "1천950만": (1 × 1,000 + 950) × 10,000
            total += (digits[0] * small + inner[0]) * unit
            last_unit = unit
        else:
            total += digits[0] * small * unit
            last_unit = unit * small * 10.0 ** -digits[1]
        pos = m.end()
        found = True
    rest = raw[pos:].strip()
    if rest:
        tail = parse_number(rest, ".")
        if tail is None:
            return None
        total += tail[0]
        last_unit = 1.0
    return (total, last_unit) if found else None


# ---------------------------------------------------------------------------------------------
# Patterns, built once per language from its lexicon.


@dataclass(frozen=True, slots=True)
class _Patterns:
    money: re.Pattern[str]
    money_cjk: re.Pattern[str]
    money_range: re.Pattern[str]
    percent: re.Pattern[str]
    fraction: re.Pattern[str]
    side: re.Pattern[str]
    count: re.Pattern[str]
    count_counter: re.Pattern[str]
    count_adjective: re.Pattern[str]
    qualifier_before: re.Pattern[str]
    qualifier_after: re.Pattern[str]
    staff_after: re.Pattern[str]
    staff_before: re.Pattern[str]  # "직원의 4분의 1": in Korean and Japanese the staff come first
    name_age: re.Pattern[str]
    bracket_age: re.Pattern[str]
    # What each family cannot match without, tested on the folded sentence before its pattern runs.
    money_gate: re.Pattern[str]
    percent_gate: re.Pattern[str]
    count_gate: re.Pattern[str]
    worded_gate: re.Pattern[str]  # a sentence without digits states a figure only in these words
    # Per gate (money, percent, count): texts one of which the folded sentence holds wherever
    # the gate matches (None: unknown), looked for before the gate's own pattern runs; and
    # whether holding one is exactly what the gate says (its pattern then never runs).
    needs: tuple[tuple[tuple[str, ...] | None, bool], ...] = ()
    count_adjective_need: tuple[str, ...] | None = None  # texts one of which it needs
    # The language's age patterns, then ``name_age``, each with texts one of which it needs.
    ages: tuple[tuple[re.Pattern[str], tuple[str, ...] | None], ...] = ()
    # Right before "20 ans", "20 years": a qualifier or a word of time ("pendant plus de 20 ans",
    # "for over 20 years"): how long, not how old.
    not_an_age: re.Pattern[str] | None = None

    def passes(self, gate: int, text: str) -> bool:
        """Whether gate ``gate`` (0 money, 1 percent, 2 count) matches ``text``."""
        need, exact = self.needs[gate]
        if not holds_any(fold(text), need):
            return False
        pattern = (self.money_gate, self.percent_gate, self.count_gate)[gate]
        return exact or pattern.search(text) is not None


# The nouns a count is joined to by a hyphen: "a 70-person staff", "its 100-employee team"
_ADJECTIVE_COUNT_NOUNS = ("person", "member", "strong", "people", "employee", "staff", "man")


def _alt(items: list[str] | tuple[str, ...], *, escape: bool = False) -> str:
    parts = sorted({re.escape(i) if escape else i for i in items}, key=len, reverse=True)
    return "|".join(parts) if parts else r"(?!x)x"


@cache
def _patterns(language: str) -> _Patterns:
    lex = lexicon_for(language)
    scale_keys = [k for k in lex.scales if not any(ch in k for ch in "億亿억万萬만兆조")]
    word_scales = _alt([re.escape(k).replace(r"\ ", r"\s+") for k in scale_keys])
    before = _alt([p.pattern for p, _ in lex.currencies_before])
    after = _alt([p.pattern for p, _ in lex.currencies_after] + [r"\$", "US-Dollar"])
    words = _alt([re.escape(w).replace(r"\ ", r"\s+") for w in lex.number_words if len(w) > 1])
    word = rf"(?:{words})(?![^\W\d_])"
    # "a billion dollars": the article "a" counts one only before a scale word
    a_scaled = (
        rf"(?-i:[Aa])(?=\s+(?:{word_scales})(?![^\W\d_]))"
        if word_scales != r"(?!x)x"
        else r"(?!x)x"
    )
    number = rf"(?:{_DIGITS}|(?:{word}(?:[\s-]+{word}){{0,2}})|{a_scaled})"
    joiner = r"(?:\s+(?:de|of|di|em|en|in)\s+|\s*-?)"  # "2,4-Milliarden-Dollar-Deal": hyphens join a compound
    side = (
        rf"(?:\\?(?P<@pre>{before})\s?)?(?P<@num>{number})"
        # (not "US$1.5億": a sum with a CJK unit after it, read whole below)
        rf"(?![\d.,]*\s?[{_CJK_UNIT_CHARS}])"
        rf"(?:\s?-?\s?(?P<@scale>{word_scales})(?![^\W\d_]))?\.?"
    )
    money = (
        r"(?<![\w$€£.,])" + side.replace("@", "x") + rf"(?:{joiner}(?P<xpost>{after})(?![^\W\d_]))?"
    )
    cjk = (
        # "US$1.5億": a dollar sign before the number, the CJK unit after it
        r"(?:(?<![A-Za-z])(?P<xpre>(?:US)?\$)\s?)?"
        rf"(?P<xnum>{_CJK_NUMBER})"
        # "9億多美元": more than $900 million (多, 余 or 여 after the unit)
        r"(?:\s?(?P<more>[多余餘여])?\s?(?P<xpost>달러|ドル|美元|美金|米ドル|원|円|元|人民币|위안|엔|유로|ユーロ|欧元|\$))?"
    )
    money_range = (
        # (the article Italian and Spanish put before each bound: "tra i 2 e i 5 milioni", "entre
        # los 2 y los 5 millones")
        r"(?<![\w$€£.,])(?:(?P<between>between|entre|zwischen|tra)\s+(?:(?:i|los|las)\s+)?)?"
        + side.replace("@", "a")
        # (Turkish "1 ile 1,5 milyon dolar": between one and one and a half million)
        + r"\s*(?:to|-|–|—|and|à|a|bis|et|y|e|und|ile)\s*(?:(?<=[ey]\s)(?:i|los|las)\s+)?"
        + side.replace("@", "b")
        + rf"(?:{joiner}(?P<bpost>{after})(?![^\W\d_]))?"
    )
    pct_words = _alt(list(lex.percent))
    percent = (
        (r"(?<![\w.,])" if lex.spaced else r"(?<![\d.,])")
        + rf"(?:(?P<anum>{number})\s?(?:{pct_words})?\s?(?:to|-|–|and|à|a|bis|e)\s?)?"
        rf"(?P<xnum>{number})\s?(?P<sign>{pct_words})"
        # a particle clings to the sign where words are not spaced ("49%を", "49%의")
         + (r"(?![^\W\d_])" if lex.spaced else "")
    )
    fractions = _alt([re.escape(k).replace(r"\ ", r"\s+") for k in lex.fractions])
    # a particle may cling to a fraction where words are not spaced ("4분의 1에")
    fraction = (
        rf"(?<![\w-])(?P<frac>{fractions})(?![\w-])"
        if lex.spaced
        else rf"(?<!\d)(?P<frac>{fractions})(?!\d)"
    )
    majority = _alt(list(lex.majority) + list(lex.minority))
    stake_words = _alt(list(lex.raw.get("stake", ())) or ["stake"])
    # "a majority stake", or "the majority of Humane's employees" (a share of staff: read below);
    # the stake first, where the adjective follows its noun ("una participación minoritaria")
    english = lexicon_for("en")
    own_sides = [
        w
        for w in (*lex.majority, *lex.minority)
        if w not in english.majority and w not in english.minority
    ]
    side_after = (
        rf"|(?:{stake_words})\s+(?:[\w-]+\s+)?(?P<side_after>{_alt(own_sides)})(?![\w-])"
        if own_sides
        else ""
    )
    side_rx = (
        rf"(?<![\w-])(?:(?P<side>{majority})(?:\s+(?:[\w-]+\s+)?(?:{stake_words})|(?=\s+of\s))"
        rf"{side_after})"
    )
    people = _alt(list(lex.people))
    filler = (
        # ("10 of its employees", "three of Quillbyte's engineers": of a company named, its people)
        r"(?:(?:of\s+(?:its|the|their|his|her|our|(?-i:[A-Z][\w.]*\s+){0,2}?(?-i:[A-Z][\w.]*)(?:'s|’s|(?<=s)['’]))(?:\s+\w+(?:'s|’s))?|de\s+(?:ses|sus|seus|la|las|los|les|l')|der|die|"
        # "une vingtaine d'employés", "una decina di dipendenti": a worded number, "of", its people
        r"(?<=[^\W\d_]\s)(?:de|di)(?=\s)|(?<=[^\W\d_]\s)d['’]|"
        r"full-time|new|former|other|more|top|key|senior|junior|departing|remaining|current|core|technical|"
        r"research|ai|ml|founding|additional|mobile|software|hardware|product|design|data|"
        r"engineering|(?-i:[A-Z][\w.]*)(?:'s|’s)?|[\w.]+-)\s*){0,3}"
    )
    # "five out of the seven staffers", "nine of its 12 employees", "sept des neuf employés": the
    # part, of a whole counted
    part_of = (
        rf"(?:out\s+of\s+(?:the\s+)?|of\s+(?:the\s+)?(?:(?:its|their|[\w.]+(?:'s|’s))\s+)?"
        rf"|(?<=\s)(?:des|de\s+l[oa]s|dos|das|degli|dei|delle)\s+)"
        rf"(?P<whole>{number})\s+"
    )
    count = (
        # (a range's bounds in digits or words: "5 to 10 engineers", "entre cinq et dix ingénieurs")
        rf"(?<![\w.,$€£])(?:(?P<anum>{number})\s*(?:to|-|–|and|a|bis|à|et|y|e|und|en|i|и)\s*)?(?P<xnum>{number})"
        rf"(?:\s+(?P<xscale>{word_scales}))?(?P<plus>\+|-plus)?\s+(?:{part_of})?{filler}(?P<noun>(?:[\w.]+-)?(?:{people}))(?![\w])"
    )
    # "its 70-person staff", "a five-person startup" (and without the hyphen only "person" right
    # before the noun: "the seven person team"; "7 employees joined the team" is no adjective)
    count_adjective = (
        rf"(?<![\w.,-])(?P<xnum>\d[\d,]*|{word}(?:-{word}){{0,2}})"
        rf"(?:-(?:{_alt(_ADJECTIVE_COUNT_NOUNS)})\s+(?:[\w-]+\s+){{0,3}}?|\s+person\s+)"
        r"(?:staff|team|workforce|company|startup|firm|operation|outfit|crew|employee\s+base)\b"
        # or the number after: "its staff of about 11, including its co-founders"
        rf"|(?<![\w-])(?:staff|workforce|headcount|team)\s+of\s+(?:(?:about|around|roughly|some|nearly|"
        rf"just|only|approximately)\s+)?(?P<ynum>\d{{1,3}}(?:,\d{{3}})+|\d+|{word})(?![\w%$]|[.,]\d|\s+(?:percent|per|million|billion))"
    )
    counters = _alt(list(lex.counters)) if lex.counters else r"(?!x)x"
    # "직원 30여명": 여 between the number and the counter says "30-odd", read as 30 and more
    count_counter = (
        # ("직원 수는 10명": the number of staff is ten)
        rf"(?P<noun>{people})\s?(?:수[는가]?\s?|数は\s?|[은는이가]\s?)?(?:(?P<about>약|約|约)\s?)?(?P<xnum>{_DIGITS})\s?(?P<plus>여|余|多)?\s?(?:{counters})"
        # or the number first: "약 200명의 직원", "200人の従業員", "200名员工"
        rf"|(?<![\d.,])(?P<xnum2>{_DIGITS})\s?(?P<plus2>여|余|多)?\s?(?:{counters})\s?(?:(?:의|の|的)\s?(?:\w{{1,3}}\s)?)?(?P<noun2>{people})"
    )
    q_before = _alt([k.replace(" ", r"\s+") for k, _ in lex.qualifiers_before])
    # where words are not spaced, a name in Latin letters may run into the script's own
    # qualifier ("Groq约90%"): only Latin qualifiers need no letter before them there
    q_unspaced = _alt([k for k, _ in lex.qualifiers_before if not k[:1].isascii()])
    q_start = (
        rf"(?:(?<![a-z0-9\u00c0-\u024f])(?P<q>{q_before})|(?P<q_own>{q_unspaced}))"
        if not lex.spaced
        else rf"(?<![a-z0-9\u00c0-\u024f])(?P<q>{q_before})"
    )
    qualifier_before = (
        # "about a", "cerca de", "aproximadamente el 20%": an article between the word and the
        # number; Russian "примерно за $20 млрд" (about for $20 billion): the price's preposition
        rf"{q_start}\s*(?:a\s+|an\s+|de\s+|d'|di\s+|el\s+|il\s+|le\s+|la\s+|los\s+|las\s+|les\s+|за\s+)?$"
    )
    durations = _alt([d.replace(" ", r"\s+") for d in lex.durations])
    q_after = _alt([k for k, _ in lex.qualifiers_after])
    qualifier_after = rf"^(?:\s?(?P<q>{q_after}))(?![a-z])"
    staff = _alt(list(lex.raw.get("staff", ())))
    staff_after = (
        rf"^\s*[\"”’'»]?\s*(?:(?:of|de|des|du|der|dos|das|do|da|di|dei|del|degli|della|delle|van)\s+(?:(?:the|its|their|la|las|los|les|l'|ses|sus|seus|"
        rf"suas|i|gli|le|die|seiner|ihrer|het|zijn|haar)\s+)?(?:[\w.’'-]+(?:'s|’s)?\s+){{0,3}}?"
        # or no preposition: "half its staff", "seperempat karyawan"
        rf"|(?:(?:the|its|their)\s+)?(?:[\w.’'-]+(?:'s|’s)\s+)?"
        # (the staff word may close a compound: "die Hälfte des zehnköpfigen Fleksy-Teams")
        rf")(?:[\w.’']+-)?(?:{staff})(?![\w])"
        # or the particle of Korean, Chinese or Japanese, and a particle after it: "80%의 인력을",
        # "20% 的員工", "20%の従業員"
        # (a name in Latin letters may stand between: "90%的Groq員工")
        rf"|^\s*(?:의|的|の)\s*(?:[A-Za-z][\w.&-]*\s?)?(?:{staff})"
    )
    name_age = r"(?<=[^\W\d_]{2}),\s+(?P<n>\d{2}),(?=\s+(?:who|is|was|has|had|will|would|joined|said|says|the|a|an|and|left|leaves|founded|co-founded|became|becomes|heads|leads|\w+s|\w+ed)\b)"
    flags = re.IGNORECASE
    money_gate = _alt([p.pattern for p, _ in lex.currencies_before] + [p.pattern for p, _ in lex.currencies_after]
                      + [r"\$", "dollar", "ドル", "달러", "美元", "美金", "원", "円", "元"])  # fmt: skip
    percent_gate = _alt([*lex.percent, fractions, majority, "%", "％"])
    # (a language without counters adds no alternative: the gate only says whether one matches)
    count_gate = _alt(
        [
            people,
            *_ADJECTIVE_COUNT_NOUNS,
            "workforce",
            "headcount",
            "team",
            *([counters] if lex.counters else []),
        ]
    )
    # (and an age in words: "Seventeen-year-old")
    worded_gate = (
        rf"(?<![^\W\d_])(?:{words}|{fractions}|{majority}|{word_scales})(?![^\W\d_])|-year-old"
        # (where words are not spaced, letters stand right around them: "约四分之一员工")
        + ("" if lex.spaced else rf"|{fractions}|{majority}")
    )
    gates = [re.compile(g, flags) for g in (money_gate, percent_gate, count_gate)]
    name_age_rx = re.compile(name_age)
    # "Ana Ruiz (34)", "ワン氏(28)": an age in brackets right after a name
    bracket_age_rx = re.compile(r"(?<=[^\W\d_]{2})\s?[(（](?P<n>\d{2})[)）]")
    count_adjective_rx = re.compile(count_adjective, flags)
    return _Patterns(
        money=re.compile(money, flags),
        money_cjk=re.compile(cjk),
        money_range=re.compile(money_range, flags),
        percent=re.compile(percent, flags),
        fraction=re.compile(fraction, flags),
        side=re.compile(side_rx, flags),
        count=re.compile(count, flags),
        count_counter=re.compile(count_counter, flags),
        count_adjective=count_adjective_rx,
        count_adjective_need=needed_texts(count_adjective_rx),
        qualifier_before=re.compile(qualifier_before),
        qualifier_after=re.compile(qualifier_after, flags),
        staff_after=re.compile(staff_after, flags),
        staff_before=re.compile(
            # (a qualifier between: "직원 약 4분의 1", about a quarter of the staff)
            rf"(?:{staff})\S{{0,2}}\s*(?:(?:{q_before})\s*)?$"
            # ("직원 약 200명 중 4분의 1", "従業員約200人のうち約4分の1": a part of the staff counted)
            rf"|(?:{staff})[^。，,.;]{{0,12}}?(?:{counters})\s*(?:中|중|のうち|の内)[、,]?\s*(?:(?:{q_before})\s*)?$"
            if not lex.spaced
            else r"(?!x)x",
            flags,
        ),
        name_age=name_age_rx,
        bracket_age=bracket_age_rx,
        money_gate=gates[0],
        percent_gate=gates[1],
        count_gate=gates[2],
        worded_gate=re.compile(worded_gate, flags),
        ages=tuple((p, needed_texts(p)) for p in (*lex.ages, name_age_rx, bracket_age_rx)),
        not_an_age=re.compile(rf"(?<![a-z0-9\u00c0-\u024f])(?:{q_before}|{durations})\s*$"),
        needs=tuple(
            (gate_texts(g), True) if gate_texts(g) is not None else (needed_texts(g), False)
            for g in gates
        ),
    )


# A short bracketed aside right after a figure: a conversion, "(about 1.26 trillion won)".
_BRACKET_AFTER = re.compile(r"\s?[(（][^()（）\n]{1,40}[)）]")


def _meaning(table: tuple[tuple[str, str], ...], said: str) -> str | None:
    said = " ".join(said.lower().split())
    for key, meaning in table:
        if re.fullmatch(key.replace(" ", r"\s+"), said):
            return meaning
    return None


_QUOTES_AS_SPACES = str.maketrans({q: " " for q in '«»“”"‹›„'})


def _qualify(
    text: str, start: int, end: int, lex: Lexicon, pats: _Patterns
) -> tuple[str | None, int, int]:
    """A qualifier before (or "+", "or more", "超" after) a figure, and the widened span."""
    window_start = max(0, start - 40)
    # (quotation marks read as spaces: "un montant « bien inférieur » aux 20 millions")
    window = fold(text[window_start:start]).translate(_QUOTES_AS_SPACES)
    m = pats.qualifier_before.search(window)
    if m:
        group = "q" if m.group("q") is not None else "q_own"
        meaning = _meaning(lex.qualifiers_before, m.group(group))
        if meaning in _QUALIFIER_MEANINGS:
            return meaning, window_start + m.start(group), end
    # "9억달러(약 1조2573억원) 이상": a conversion in brackets may stand between sum and qualifier
    bracket = _BRACKET_AFTER.match(text, end)
    for at in (end, bracket.end()) if bracket else (end,):
        after = pats.qualifier_after.match(text[at : at + 12])
        if after:
            meaning = _meaning(lex.qualifiers_after, after.group("q"))
            if meaning in _QUALIFIER_MEANINGS:
                return meaning, start, at + after.end()
    return None, start, end


def _currency(lex: Lexicon, pre: str | None, post: str | None) -> str | None:
    for said, table in ((pre, lex.currencies_before), (post, lex.currencies_after)):
        if not said:
            continue
        said = " ".join(said.split())
        for pattern, code in table:
            if pattern.fullmatch(said):
                return code
    if (pre and "$" in pre) or (post and "$" in post):
        return "USD"
    if post and post.lower() in {"us-dollar"}:
        return "USD"
    return None


def _scale(lex: Lexicon, said: str | None) -> float:
    if not said:
        return 1.0
    return lex.scales.get(" ".join(said.lower().split()).rstrip("."), 1.0)


def _value(raw: str | None, lex: Lexicon) -> tuple[float, int] | None:
    if raw is None or not raw.strip():
        return None
    if raw.strip()[0].isdigit():
        return parse_number(raw, lex.decimal_mark)
    word = _word_number(raw, lex)
    return None if word is None else (word, 0)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1] in " .,\u00a0":
        end -= 1
    while start < end and text[start] in " \u00a0\\":
        start += 1
    return start, end


_WIDE = re.compile(r"[\uff00-\uffef]")


def _halfwidth(text: str) -> str:
    """Full-width digits and signs ("２００億", "４９％") as their ASCII forms, offsets unchanged."""
    return text.translate(_FULLWIDTH) if not text.isascii() and _WIDE.search(text) else text


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(start < e and s < end for s, e in spans)


# The currency a sum in Korean, Japanese or Chinese names after its number ("200억 달러", "200億ドル").
_CJK_CURRENCIES = {"달러": "USD", "ドル": "USD", "米ドル": "USD", "美元": "USD", "美金": "USD", "$": "USD",
                   "원": "KRW", "円": "JPY", "엔": "JPY", "元": "CNY", "人民币": "CNY", "위안": "CNY",
                   "유로": "EUR", "ユーロ": "EUR", "欧元": "EUR"}  # fmt: skip


def money_figures(text: str, language: str | None = None) -> list[Figure]:
    """The sums of money a text states: ranges first, then single sums, then sums written with
    CJK numbers; a sum inside one already read is not read again."""
    lex = lexicon_for(language)
    pats = _patterns(lex.language)
    text = _halfwidth(text)
    if not pats.passes(0, text):
        return []
    out: list[Figure] = []
    taken: list[tuple[int, int]] = []
    readers = (
        (pats.money_range, lambda m: _money_range_figure(m, text, lex, pats)),
        (pats.money, lambda m: _money_amount_figure(m, text, lex, pats)),
        (pats.money_cjk, lambda m: _money_cjk_figure(m, text, lex, pats)),
    )
    for pattern, read in readers:
        if pattern is pats.money_cjk and not any(unit in text for unit in CJK_UNITS):
            continue  # a sum in CJK numbers holds one of their units
        for m in pattern.finditer(text):
            if _overlaps(taken, m.start(), m.end()):
                continue
            fig = read(m)
            if fig is not None:
                out.append(fig)
                taken.append(_trim(text, m.start(), m.end()))
    return _conversions_qualified(sorted(out, key=lambda f: f.start), text)


_CARRIED_QUALIFIERS = frozenset({"about", "nearly", "at_least", "at_most", "just_over"})


def _conversions_qualified(figures: list[Figure], text: str) -> list[Figure]:
    """A sum converted in brackets right after a qualified sum is qualified alike: "nearly R$ 1.1
    billion (US$ 200 million)" is nearly US$ 200 million."""
    out = list(figures)
    for i in range(1, len(out)):
        first, second = out[i - 1], out[i]
        if (
            first.qualifier in _CARRIED_QUALIFIERS
            and second.qualifier is None
            and first.currency != second.currency
            and (bracket := _BRACKET_AFTER.match(text, first.end)) is not None
            and bracket.start() < second.start
            and second.end < bracket.end()
        ):
            low, high = interval(second.value, 0.0, first.qualifier)
            out[i] = replace(second, low=_round(low), high=_round(high), qualifier=first.qualifier)
    return out


def _money_range_figure(
    m: re.Match[str], text: str, lex: Lexicon, pats: _Patterns
) -> Figure | None:
    """ "$2-3 billion", "between $1 billion and $2 billion"; not a change ("from $7 billion to $20
    billion"), nor two sums joined by "and" without "between". A range said to be about ("in the
    region of $30-40m") widens at both ends, as one sum said to be about does."""
    a, b = _value(m.group("anum"), lex), _value(m.group("bnum"), lex)
    if a is None or b is None:
        return None
    currency = _currency(lex, m.group("apre") or m.group("bpre"), m.group("bpost"))
    if currency is None:
        return None
    joined = text[m.end("anum") : m.start("bnum")].lower()
    if " and " in f" {joined} " and not m.group("between"):
        return None
    if re.search(r"\bfrom\s+$", fold(text[max(0, m.start() - 6) : m.start()])):
        return None  # "from $7 billion to $20 billion": a change, not a range
    scale_b = _scale(lex, m.group("bscale"))
    scale_a = _scale(lex, m.group("ascale")) if m.group("ascale") else scale_b
    low, high = a[0] * scale_a, b[0] * scale_b
    if low >= high:
        return None
    start, end = _trim(text, m.start(), m.end())
    qualifier, q_start, _ = _qualify(text, start, end, lex, pats)
    if qualifier == "about":
        low, high, start = low * (1 - APPROX_SHARE), high * (1 + APPROX_SHARE), q_start
    return Figure("money", low, _round(low), _round(high), text[start:end], "range", start, end,
                  currency=currency)  # fmt: skip


def _money_amount_figure(
    m: re.Match[str], text: str, lex: Lexicon, pats: _Patterns
) -> Figure | None:
    """One sum with its currency: not "a dollar" or "one euro", nor a few hundred units without a
    scale word or a currency sign before them."""
    currency = _currency(lex, m.group("xpre"), m.group("xpost"))
    if currency is None:
        return None
    parsed = _value(m.group("xnum"), lex)
    if parsed is None:
        return None
    if not m.group("xnum")[0].isdigit() and not m.group("xscale") and parsed[0] <= 1:
        return None  # "a dollar", "one euro"
    scale = _scale(lex, m.group("xscale"))
    value, decimals = parsed
    start, end = _trim(text, m.start(), m.end())
    if value * scale < 1000 and not m.group("xscale") and not m.group("xpre"):
        return None
    vague = _SOME_HUNDREDS_BEFORE.search(text, max(0, start - 12), start)
    if vague is not None and not m.group("xnum")[0].isdigit():
        # "a few hundred million dollars", "several hundred million": two to nine hundred million
        return Figure("money", 2 * value * scale, 2 * value * scale, 9 * value * scale,
                      text[vague.start() : end], "range", vague.start(), end, currency=currency)  # fmt: skip
    return _figure("money", text, start, end, value * scale, 0.5 * 10.0**-decimals * scale, lex,
                   pats, currency=currency)  # fmt: skip


# "a few" or "several" right before a number word: some of it, not one
_SOME_HUNDREDS_BEFORE = re.compile(r"\b(?:a\s+)?(?:few|several)\s+$", re.IGNORECASE)


def _money_cjk_figure(m: re.Match[str], text: str, lex: Lexicon, pats: _Patterns) -> Figure | None:
    """A sum written with CJK number words ("200억 달러"); its currency is the word after it. A
    bound and a wave dash before it make it a range ("1140억~1180억 달러", "2~3億ドル"), not a sum
    said to be about (the dash alone before a sum is "about")."""
    if not (m.group("xpre") or m.group("xpost")):
        return None  # a number, no sum: "1億人"
    parsed_cjk = cjk_number(m.group("xnum"))
    if parsed_cjk is None:
        return None
    value, unit = parsed_cjk
    currency = _CJK_CURRENCIES.get(m.group("xpost") or "$")
    start, end = _trim(text, m.start(), m.end())
    low = _cjk_range_low(text, start, m.group("xnum"))
    if low is not None and low[0] < value:
        return Figure("money", low[0], _round(low[0]), _round(value), text[low[1] : end], "range",
                      low[1], end, currency=currency)  # fmt: skip
    fig = _figure("money", text, start, end, value, 0.5 * unit, lex, pats, currency=currency)
    if m.group("more"):
        fig = replace(fig, low=value, high=None, qualifier="at_least")
    return fig


# The lower bound of a range of CJK sums, right before the upper one: "1140억~", "2~" (its unit
# then the upper bound's), joined by a wave dash or a hyphen.
_CJK_RANGE_LOW = re.compile(rf"(?P<low>{_CJK_NUMBER}|\d[\d,.]*)\s?[~～〜\-–]\s?$")


def _cjk_range_low(text: str, start: int, upper: str) -> tuple[float, int] | None:
    """The value and start of a range's lower bound standing right before the sum at ``start``."""
    m = _CJK_RANGE_LOW.search(text, max(0, start - 30), start)
    if m is None or (m.start() and (text[m.start() - 1].isdigit() or text[m.start() - 1] == ".")):
        return None
    low = m.group("low")
    if any(unit in low for unit in CJK_UNITS):
        parsed = cjk_number(low)
        return (parsed[0], m.start()) if parsed is not None else None
    # "2~3億ドル": the lower bound is counted in the upper one's unit, when it has one ("3億": 億)
    digits = parse_number(low, ".")
    unit = cjk_number(upper.lstrip("0123456789,. "))
    if digits is None or unit is None or sum(map(upper.count, CJK_UNITS)) != 1:
        return None
    return digits[0] * unit[0], m.start()


def _figure(
    kind: FigureKind,
    text: str,
    start: int,
    end: int,
    value: float,
    half: float,
    lex: Lexicon,
    pats: _Patterns,
    **extra: object,
) -> Figure:
    qualifier, q_start, q_end = _qualify(text, start, end, lex, pats)
    low, high = interval(value, half, qualifier)
    return Figure(kind, value, _round(low), _round(high), text[q_start:q_end], qualifier, q_start,
                  q_end, **extra)  # type: ignore[arg-type]  # fmt: skip


def percent_figures(text: str, language: str | None = None) -> list[Figure]:
    lex = lexicon_for(language)
    pats = _patterns(lex.language)
    text = _halfwidth(text)
    in_digits = _fractions_of_staff_in_digits(text, lex, pats) if "/" in text else []
    if not pats.passes(1, text):
        return in_digits
    out: list[Figure] = in_digits
    for m in pats.percent.finditer(text):
        parsed = _value(m.group("xnum"), lex)
        if parsed is None or parsed[0] > 100:
            continue
        value, decimals = parsed
        staff = bool(pats.staff_after.match(text[m.end() : m.end() + 60]))
        if m.group("anum"):
            first = _value(m.group("anum"), lex)
            if first is not None and first[0] < value:
                out.append(Figure("pct", first[0], first[0], value, m.group(0), "range", m.start(),
                                  m.end(), of_staff=staff))  # fmt: skip
                continue
        start = m.start("xnum")
        out.append(_figure("pct", text, start, m.end(), value, 0.5 * 10.0**-decimals, lex, pats,
                           of_staff=staff))  # fmt: skip
    for m in pats.fraction.finditer(text):
        key = " ".join(m.group("frac").lower().split())
        fraction = lex.fractions.get(key)
        if fraction is None:
            continue
        staff = bool(
            pats.staff_after.match(text[m.end() : m.end() + 60])
            or pats.staff_before.search(text[max(0, m.start() - 24) : m.start()])
        )
        qualifier, q_start, q_end = _qualify(text, m.start(), m.end(), lex, pats)
        low, high = interval(fraction, 0.5, qualifier)
        out.append(Figure("pct", fraction, _round(low), _round(high), text[q_start:q_end], qualifier,
                          q_start, q_end, worded=True, of_staff=staff))  # fmt: skip
    for m in pats.side.finditer(text):
        word = (m.group("side") or m.groupdict().get("side_after") or "").lower()
        staff = m.group("side") is not None and m.end() == m.end("side")  # "the majority of ..."
        if staff and not pats.staff_after.match(text[m.end() : m.end() + 60]):
            continue  # "the majority of voters", "a minority of cases"
        majority = any(re.fullmatch(w, word) for w in lex.majority)
        low, high = (50.0, 100.0) if majority else (0.0, 50.0)
        start = m.start()
        article = re.search(
            r"(?:\b(?:a|an|its|une?|una?|uma?|eine[nm]?)\s+)$",
            text[max(0, start - 6) : start],
            re.I,
        )
        if article:
            start -= len(article.group(0))
        out.append(Figure("pct", low, low, high, text[start : m.end()], "majority" if majority else "minority",
                          start, m.end(), worded=True, of_staff=staff))  # fmt: skip
    return sorted(out, key=lambda f: f.start)


# A fraction written in digits, a numerator below its denominator ("1/5", "2/3")
_DIGIT_FRACTION = re.compile(r"(?<![\d/.,])([1-9])\s?/\s?([2-9]|10)(?![\d/.,])")


def _fractions_of_staff_in_digits(text: str, lex: Lexicon, pats: _Patterns) -> list[Figure]:
    """ "1/5 nhân sự của công ty", "2/3 of its staff": a fraction in digits, read only before a
    word for staff (elsewhere "1/5" is as often a date or a score)."""
    out = []
    for m in _DIGIT_FRACTION.finditer(text):
        if not pats.staff_after.match(text[m.end() : m.end() + 60]):
            continue
        fraction = round(100.0 * int(m.group(1)) / int(m.group(2)), 2)
        qualifier, q_start, q_end = _qualify(text, m.start(), m.end(), lex, pats)
        low, high = interval(fraction, 0.5, qualifier)
        out.append(Figure("pct", fraction, _round(low), _round(high), text[q_start:q_end], qualifier,
                          q_start, q_end, worded=True, of_staff=True))  # fmt: skip
    return out


# "the" or its like right before a number ("out of the seven")
_THE_BEFORE = re.compile(r"(?:\bthe|\bles|\blos|\blas|\bgli|\bi|\bos|\bas)\s+$", re.IGNORECASE)


def _counted_not_dated(text: str, m: re.Match[str], lex: Lexicon) -> bool:
    """A number that reads as a year counts people when the people's word follows it right away
    and the language's dating words do not make it a year: "hire over 2000 employees", "assumerà
    2000 dipendenti" (not "in 2016 many people", "in 2019 engineers built …", "nel 2019 …")."""
    if text[m.end("xnum") : m.start("noun")].strip():
        return False
    year_end = m.end("xnum")
    told = fold(text[max(0, m.start("xnum") - 16) : year_end])
    return not ends_on(lex, "dated", told)


def count_figures(text: str, language: str | None = None) -> list[Figure]:
    lex = lexicon_for(language)
    pats = _patterns(lex.language)
    if not pats.passes(2, text):
        return []
    out: list[Figure] = []
    for m in pats.count.finditer(text):
        parsed = _value(m.group("xnum"), lex)
        if parsed is None or (
            m.group("xnum").lower()
            in {"a", "an", "one", "un", "une", "uno", "una", "um", "uma", "ein", "eine"}
        ):
            continue
        value = parsed[0] * (_scale(lex, m.group("xscale")) if m.group("xscale") else 1.0)
        if value < 2 or (YEAR.fullmatch(m.group("xnum")) and not _counted_not_dated(text, m, lex)):
            continue  # "one of the founders"; "in 2016 many people" is a year
        noun = m.group("noun").lower()
        end = m.end("noun")
        if m.group("anum"):
            first = _value(m.group("anum"), lex)
            if first and first[0] < value:
                out.append(Figure("count", first[0], first[0], value, text[m.start() : end], "range",
                                  m.start(), end, noun=noun))  # fmt: skip
                continue
        fig = _figure("count", text, m.start("xnum"), end, value, 0.0, lex, pats, noun=noun)
        if m.group("plus"):
            fig = replace(fig, low=value, high=None, qualifier="at_least")
        out.append(fig)
        whole = _value(m.group("whole"), lex) if m.group("whole") else None
        if whole is not None and whole[0] > value:
            # "five out of the seven Cord staffers": the whole too, a count of its own ("the
            # seven Cord staffers"), which the words before it mark as the whole
            start = m.start("whole")
            the = _THE_BEFORE.search(text, 0, start)
            out.append(Figure("count", whole[0], whole[0], whole[0],
                              text[the.start() if the else start : end], None,
                              the.start() if the else start, end, noun=noun))  # fmt: skip
    adjective = holds_any(fold(text), pats.count_adjective_need)
    for m in pats.count_adjective.finditer(text) if adjective else ():  # "its 70-person staff"
        number = "xnum" if m.group("xnum") else "ynum"
        start = m.start() if number == "xnum" else m.start(number)  # "staff of about 11": about 11
        parsed = _value(m.group(number), lex)
        if parsed is not None and not any(f.start <= m.start(number) < f.end for f in out):
            out.append(
                _figure("count", text, start, m.end(), parsed[0], 0.0, lex, pats, noun="staff")
            )
    for m in pats.count_counter.finditer(text) if lex.counters else ():  # "직원 50명"
        second = "2" if m.group("xnum") is None else ""  # "200명의 직원": the number first
        parsed = _value(m.group("xnum" + second), lex)
        if parsed is not None and parsed[0] >= 2:
            fig = _figure("count", text, m.start(), m.end(), parsed[0], 0.0, lex, pats,
                          noun=m.group("noun" + second).lower())  # fmt: skip
            if m.group("plus" + second):
                fig = replace(fig, low=parsed[0], high=None, qualifier="at_least")
            elif not second and m.group("about"):  # "エンジニア約7名": about seven engineers
                low, high = interval(parsed[0], 0.0, "about")
                fig = replace(fig, low=_round(low), high=_round(high), qualifier="about")
            out.append(fig)
    return sorted(out, key=lambda f: f.start)


def age_figures(text: str, language: str | None = None) -> list[Figure]:
    lex = lexicon_for(language)
    pats = _patterns(lex.language)
    out: list[Figure] = []
    seen: list[tuple[int, int]] = []
    folded = fold(text)
    for pattern, need in pats.ages:
        if not holds_any(folded, need):
            continue  # the text lacks every word the pattern needs: no match
        for m in pattern.finditer(text):
            n = m.group("n")
            # (an age in words: "Seventeen-year-old")
            value = float(n) if n.isdigit() else _word_number(n.replace("-", " "), lex)
            if value is None:
                continue
            if not AGE_RANGE[0] <= value <= AGE_RANGE[1] or _overlaps(seen, m.start(), m.end()):
                continue
            if pats.not_an_age and pats.not_an_age.search(
                fold(text[max(0, m.start() - 30) : m.start()])
            ):
                continue
            start, end = (
                (m.start("n"), m.end("n"))
                if pattern is pats.name_age or pattern is pats.bracket_age
                else (m.start(), m.end())
            )
            out.append(Figure("age", value, value, value, text[start:end], None, start, end))
            seen.append((m.start(), m.end()))
    return sorted(out, key=lambda f: f.start)


def year_figures(text: str) -> list[Figure]:
    if "19" not in text and "20" not in text:  # every year YEAR reads starts so
        return []
    return [
        Figure(
            "year",
            float(m.group("n")),
            float(m.group("n")),
            float(m.group("n")),
            m.group(0),
            None,
            m.start(),
            m.end(),
        )  # fmt: skip
        for m in YEAR.finditer(text)
    ]


_DIGIT = re.compile(r"[\d０-９]")  # one class: the search skips to it


def figures_in(text: str, language: str | None = None) -> list[Figure]:
    """Every money, percentage, count and age figure of a sentence, overlaps resolved.

    Money wins over a count or percentage inside it ("$1 billion" never counts people).
    """
    if not _DIGIT.search(text) and not _patterns(lexicon_for(language).language).worded_gate.search(
        text
    ):
        # without a digit only worded figures remain: "half", "a quarter of its staff", "a dozen
        # engineers", "nearly a billion dollars"
        return []
    money = money_figures(text, language)
    spans = [(f.start, f.end) for f in money]
    rest = [
        f
        for f in percent_figures(text, language)
        + count_figures(text, language)
        + age_figures(text, language)
        if not _overlaps(spans, f.start, f.end)
    ]
    return sorted(money + rest, key=lambda f: f.start)


def format_money(
    value: float, *, decimals: int = 1, scale: str = "billion", sign: str = "$"
) -> str:
    """The inverse of parsing, for round-trip tests: ``$14.3 billion``."""
    divisor = {"trillion": 1e12, "billion": 1e9, "million": 1e6, "thousand": 1e3, "": 1.0}[scale]
    number = f"{value / divisor:,.{decimals}f}"
    return f"{sign}{number} {scale}".rstrip()
