"""Talent deals named in an article: who paid, whose people moved, and how.

A talent deal needs two things about one pair of companies: a relation
(investment, licence, deal, acqui-hire) and a hire (founders, CEO, staff
moving to the payer). A funding round with no hire, a job move with no
company deal and a plain acquisition are not talent deals. Detection reads
sentence patterns, never the watchlist: the watchlist only makes names
canonical ("Alphabet" -> "Google", "Scale" -> "Scale AI").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cache, lru_cache
from itertools import accumulate

from extractors.folding import any_of, fold, folded
from extractors.sentences import Sentence
from extractors.textmeta import parse_date
from extractors.watchlist import Watchlist

_NAME_WORD = r"(?:[A-Z][\w&-]*(?:\.[A-Za-z]+)*|[a-z]+\.ai)"
_NAME_TAIL = r"(?:AI|Labs?|Technologies|Robotics|Systems|Inc\.?|[A-Z][\w&-]*(?:\.[A-Za-z]+)*)"
# A company name: one to three capitalised words ("Inflection AI", "Character.AI").
NAME = rf"{_NAME_WORD}(?:\s+{_NAME_TAIL}){{0,2}}"
NAME_RX = re.compile(NAME)
_POSS = r"(?:'s|’s|')"
# "artificial intelligence company", "AI chatbot pioneer", "San Francisco-based"
_DESC = (
    r"(?:(?:the\s+|its\s+)?(?:[\w.-]+\s+){0,4}?(?:startup|start-up|company|firm|lab|developer|maker|provider|pioneer|outfit|unicorn)\s+"
    r"|(?:the\s+)?(?:[A-Z][\w.]*\s+){0,2}[\w]+-based\s+"
    r"|(?:[A-Z][\w.]*\s+)?[A-Z]\w*(?:'s|’s)\s+(?=[A-Z][\w.]*(?:\s+AI)?[,.;]))?"
)
_TEAM = r"(?:CEO|chief\s+executive|co-?founders?|founders?|leaders?|leadership|team|staff(?:ers)?|employees|researchers|engineers|talent|executives|president|chief\s+\w+\s+officer|CTO)"
_JOIN = (
    r"(?:went\s+back\s+to|came\s+back\s+to|returned\s+to|will\s+join|to\s+join|joins|joined|joining|are\s+joining|is\s+joining|moved?\s+to|moving\s+to|moves\s+to|went\s+to|go\s+to|"
    r"transitioned\s+to|head(?:s|ed|ing)?\s+to|leav(?:e|es|ing)\s+for|left\s+for|defect\w*\s+to|decamp\w*\s+to|sent\s+to|wechsel\w*\s+zu)"
)
_HIRE_VERB = (
    r"(?:hired|hires|hire|hiring|recruit\w*|poach\w*|lure[sd]?|luring|pulled\s+in|pulls\s+in|brought\s+(?:in|on|over)|brings?\s+(?:in|on|over)|"
    r"rehir\w*|rejoin\w*|return\w*\s+to|zurück\w*|übernommen|übernahm\w*|wechsel\w*|holt|übernimmt|recrut\w*|embauch\w*|ficha\w*|contrat\w*|incorpor\w*|se\s+unen|"
    r"follow\w*\s+(?:\w+\s+){0,3}?to|bring\w*|brought|in-house|came\s+to|come\s+to|"
    r"took\s+on|takes\s+on|taken\s+on|taking\s+on|take\s+on|snapped\s+up|scooped\s+up|absorb\w*|nabbed|nabs|tapped|taps|incorporated|enlist\w*|employ(?:s|ed|ing)?\b|acqui-?hired?|acqui-?hires)"
)
_NAME_START = r"(?<![\w&.'’-])"
_A = rf"{_NAME_START}(?P<a>{NAME})(?:,[^,]{{1,60}},)?"
_T = rf"{_NAME_START}(?P<t>{NAME})"
_LOWER_AI = r"|[a-z]+\.ai"
# _NAME_START tested right after the name's capital: the character before the capital.
_NAME_START_AFTER_CAPITAL = r"(?<![\w&.'’-].)"


def capitalised_only(pattern: str) -> re.Pattern[str]:
    """``pattern`` for a text without ".ai", where only capitalised words can be names.

    A name then starts with a capital, so a pattern that opens with a name can test
    its lookbehind one character later; opening with the capital lets ``re`` skip
    straight to capitals instead of trying the pattern at every position. Both
    rewrites leave what the pattern matches unchanged on such a text.
    """
    pattern = pattern.replace(_LOWER_AI, "")
    for group in ("a", "t"):
        opening = f"{_NAME_START}(?P<{group}>(?:[A-Z]"
        if pattern.startswith(opening):
            pattern = f"(?P<{group}>(?:[A-Z]{_NAME_START_AFTER_CAPITAL}" + pattern[len(opening) :]
    return re.compile(pattern)


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _ci(words: str) -> str:
    return f"(?i:{words})"


_INVEST_VERB = r"(?:invest(?:s|ed|ing|ment)?|pays?|paid|paying|put|puts|pour(?:s|ed)?|putting|pouring|sinks?|sank|stake|backs|backed|backing)"
_W0 = f"(?i:{_INVEST_VERB})"
_W1 = r"(?i:in|into|for|of|to|from)"
_W2 = r"(?i:from|of|at|behind)"
_W3 = r"(?i:licens\w*|licenc\w*)"
_W4 = r"(?i:to|for|from|of|with)"
_W5 = r"(?i:licens\w*|licenc\w*)"
_W6 = r"(?i:made|makes|secured|secures|won|forged|struck|strikes|signed|signs|reached|reaches|inked|inks|announced|announces|agreed|agrees|entered|enters|cut|cuts|closed|closes|sealed|seals|has|had)"
_W7 = r"(?i:deal|agreement|partnership|arrangement|pact|tie-up)"
_W8 = r"(?i:with|for|involving)"
_W9 = r"(?i:deal|agreement|investment|arrangement|acqui-?hire|tie-up|partnership|pact|stake)"
_W10 = r"(?i:with|for|in|involving|of)"
_W11 = r"(?i:deal|agreement|arrangement|tie-up|partnership|transaction|pact)"
_W12 = r"(?i:from|of|at)"
_W13 = r"(?i:acqui-?hired?|acqui-?hires|acquires?|acquired|buys|bought|absorbs?|absorbed|took\s+over|takes\s+over)"
_W14 = r"(?i:team|staff|talent|employees|founders|leadership|co-founders)"
_W15 = r"(?i:of|from|at|behind)"
_W16 = r"(?i:acqui-?hire)"
_W17 = r"(?i:of|with)"
_HIRE_CI = f"(?i:{_HIRE_VERB})"
_TEAM_CI = f"(?i:{_TEAM})"
_JOIN_CI = f"(?i:{_JOIN})"


RELATIONS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "invest",
        _rx(
            rf"{_A}{_POSS}?\s+(?:[\w$.,-]+\s+){{0,5}}?{_W0}\b"
            rf"(?:[^.;]|\.(?=\d)){{0,60}}?\b{_W1}\s+{_DESC}{_T}"
        ),
    ),
    (
        "hire_from",
        _rx(
            rf"{_A}{_POSS}?\s+(?:\w+\s+){{0,4}}?{_HIRE_CI}\b(?:[^.;]|\.(?=\d)){{0,80}}?\b{_W2}\s+{_DESC}{_T}"
        ),
    ),
    (
        "hire_poss",
        _rx(
            rf"{_A}\s+(?:[\w$.,-]+\s+){{0,7}}?{_HIRE_CI}\s+(?:the\s+)?{_DESC}{_T}{_POSS}?\s+(?:[\w-]+\s+){{0,3}}?{_TEAM_CI}"
        ),
    ),
    (
        "licence",
        _rx(rf"{_A}\s+(?:[\w$.,-]+\s+){{0,6}}?{_W3}\s+(?:[\w-]+\s+){{0,3}}?{_W4}?\s*{_DESC}{_T}"),
    ),
    (
        "licence",
        _rx(rf"{_A}\s+(?:[\w-]+\s+){{0,3}}?{_W5}\s+{_DESC}{_T}{_POSS}"),
    ),
    (
        "deal",
        _rx(
            rf"{_A}\s+(?:[\w-]+\s+){{0,3}}?{_W6}"
            rf"\s+(?:an?\s+|its\s+|the\s+)?(?:[\w$.,-]+\s+){{0,4}}?{_W7}\s+{_W8}\s+{_DESC}{_T}"
        ),
    ),
    (
        "deal",
        _rx(rf"{_A}{_POSS}\s+(?:[\w$.,-]+\s+){{0,5}}?{_W9}\s+{_W10}\s+{_DESC}{_T}"),
    ),
    ("deal", _rx(rf"{_A}\s*[-–—/]\s*{_T}\s+{_W11}")),
    (
        "join",
        _rx(
            rf"{_T}{_POSS}?\s+(?:[\w.'’-]+\s+){{0,6}}?{_TEAM_CI}\b(?:[^.;]|\.(?=\d)){{0,70}}?\b{_JOIN_CI}\s+(?:the\s+)?{_A}"
        ),
    ),
    (
        "join",
        _rx(
            rf"{_TEAM_CI}\s+{_W12}\s+{_DESC}{_T}\b(?:[^.;]|\.(?=\d)){{0,50}}?\b{_JOIN_CI}\s+(?:the\s+)?{_A}"
        ),
    ),
    (
        "acquihire",
        _rx(
            rf"{_A}\s+(?:\w+\s+){{0,2}}?{_W13}\s+(?:the\s+|most\s+of\s+the\s+)?"
            rf"{_W14}\s+{_W15}\s+{_DESC}{_T}"
        ),
    ),
    ("acquihire", _rx(rf"{_A}{_POSS}?\s+{_W16}\s+{_W17}\s+{_DESC}{_T}")),
    (
        "deal",
        _rx(
            rf"{_A}{_POSS}\s+(?:[$€£]?[\d.,]+\s*(?:bn|m|B|billion|million)?\s+)?{_T}\s+"
            r"(?i:deal|licen[cs]e|licensing\s+deal|agreement|investment|bet|stake|tie-up|arrangement|acqui-?hire|hires)\b"
        ),
    ),
    ("invest", _rx(rf"{_A}\s+(?:[\w-]+\s+){{0,4}}?(?i:pay|pays|paid|paying)\s+{_T}\b")),
)
_RELATIONS_CAPITALISED = tuple((kind, capitalised_only(p.pattern)) for kind, p in RELATIONS)
_NAME_RX_CAPITALISED = capitalised_only(NAME)


def _relations_for(sentence: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    return RELATIONS if ".ai" in sentence else _RELATIONS_CAPITALISED


def _name_rx_for(sentence: str) -> re.Pattern[str]:
    return NAME_RX if ".ai" in sentence else _NAME_RX_CAPITALISED


ACQUISITION = re.compile(
    rf"{_A}{_POSS}?\s+(?:[\w-]+\s+){{0,3}}?(?:to\s+acquire|comprar|acquires|acquired|will\s+acquire|agreed\s+to\s+acquire|to\s+buy|buys|bought|is\s+buying|completed\s+(?:its|the)\s+acquisition\s+of)\s+{_DESC}{_T}(?!{_POSS}?\s+(?:team|staff|talent|employees|founders))"
)
# A purchase named as a noun: "OpenAI's Windsurf acquisition", "OpenAI's $3 billion deal to buy Windsurf".
# "OpenAI, que había pactado comprar Windsurf": the buyer, a lower-case stretch, the purchase verb, the target.
ACQUISITION_LOOSE = re.compile(
    rf"{_A},?\s+(?:[^.;A-Z]){{0,40}}?\b(?:to\s+buy|to\s+acquire|comprar|racheter|kaufen|übernehmen)\s+{_T}"
)
_PURCHASE_CUE = folded(
    r"acqui|buy|bought|purchase|takeover|buyout|comprar|racheter|kaufen|übernehmen"
)
ACQUISITION_NOUN = re.compile(
    rf"{_A}{_POSS}\s+(?:(?:planned|failed|proposed|collapsed|abandoned|[$€£]?[\d.,]+\s*(?:bn|billion|m|million)?)\s+)*{_T}\s+(?:acquisition|purchase|takeover|buyout)"
)
_NEGATED = folded(
    r"\b(?:not\s+part\s+of|no\s+(?:deal|arrangement|agreement|payment)|not\s+involved|is\s+not|was\s+not|did\s+not|declined\s+to|denied)\b"
)
# The signals below are only tested for a match (see folding.any_of), on folded text.
TEAM_PLURAL = folded(
    r"\b"
    + any_of(
        r"founders|co-?founders|team|staff(?:ers)?|employees|researchers|engineers|leaders|leadership|executives|workforce|talent|"
        r"Gründer|Mitgründer|Führung|Mitarbeiter\w*|Team|Belegschaft|fondateurs|cofondateurs|dirigeants|équipe|fundador(?:es)?|cofundador(?:es)?|equipo|directivos"
    )
    + r"\b"
)
# Words written with a capital that are not companies a deal can be with.
_NOT_COMPANIES = frozenset(
    [
        "FTC",
        "CMA",
        "DOJ",
        "SEC",
        "EU",
        "UK",
        "US",
        "U.S.",
        "Congress",
        "Senate",
        "European",
        "Commission",
        "Reuters",
        "Bloomberg",
        "AP",
        "CNBC",
        "Europe",
        "America",
        "Asia",
        "China",
        "India",
        "Silicon",
        "Valley",
        "San",
        "Francisco",
        "California",
        "London",
        "Paris",
        "Berlin",
        "New",
        "York",
        "Washington",
        "Wall",
        "Street",
        "AI",
        "LLM",
        "GPU",
        "CEO",
        "CTO",
        "Billion",
        "Million",
        "Trillion",
    ]
)
HIRE_SIGNAL = folded(
    r"\b"
    + any_of(
        rf"{_HIRE_VERB}|{_JOIN}|joins?|leaving\s+for|sent\s+(?:its|their)\s+\w+|acqui-?hire|talent|übernimmt\s+die\s+Gründer"
    )
    + r"\b"
)
TEAM_SIGNAL = folded(rf"\b{any_of(_TEAM)}\b")
MONEY_SIGNAL = folded(
    r"\b"
    + any_of(
        r"invest\w*|stake|pa(?:ys?|id)|payment|fee|licen[cs]\w*|deal|agreement|arrangement|\$|"
        r"zahlt\w*|gezahlt|Lizenz\w*|Vereinbarung|Milliarden|Millionen|paie|payé|versé|accord|milliards|pag\w*|acuerdo|millones"
    )
)
LICENCE_SIGNAL = folded(r"\blicen[cs]\w*|\bLizenz")
INVEST_SIGNAL = folded(r"\binvest\w*|\bstake\b|\bBeteiligung")
# The acquirer paying an amount: "Google will pay $2.4 billion", "Google pagará 2,4 mil millones".
PAYMENT = folded(
    r"\b(?:pa(?:y|ys|id|ying)|spen[dt]s?|zahlt|gezahlt|paie|payé|versé|pag\w+)\b[^.;]{0,40}?(?:[$€£]\s?\d|\d[\d,.]*\s+(?:billion|million|Milliarden|Millionen|milliards?|millions?|mil\s+millones|millones))"
)
ACQUIHIRE_SIGNAL = folded(r"\bacqui-?hir\w*")


@lru_cache(maxsize=4096)
def says_hire(text: str) -> bool:
    return HIRE_SIGNAL.search(fold(text)) is not None


_NOT_NAMES = frozenset(
    [
        "The",
        "A",
        "An",
        "It",
        "Its",
        "This",
        "That",
        "These",
        "Those",
        "He",
        "She",
        "They",
        "We",
        "I",
        "In",
        "On",
        "At",
        "As",
        "For",
        "With",
        "By",
        "From",
        "And",
        "But",
        "Or",
        "If",
        "When",
        "While",
        "After",
        "Before",
        "Since",
        "Under",
        "Over",
        "According",
        "Last",
        "Next",
        "Although",
        "Though",
        "Because",
        "Until",
        "Unlike",
        "Like",
        "Why",
        "Inside",
        "Exclusive",
        "Analysis",
        "Opinion",
        "What",
        "How",
        "Where",
        "Who",
        "Even",
        "Only",
        "Now",
        "Then",
        "Thus",
        "As",
        "Tags",
        "Photo",
        "Image",
        "Images",
        "Getty",
        "Stake",
        "Heads",
        "Independent",
        "Stays",
        "Makes",
        "Move",
        "Major",
        "Both",
        "Each",
        "Every",
        "Some",
        "Many",
        "Most",
        "Other",
        "Such",
        "Sources",
        "Still",
        "Meanwhile",
        "However",
        "Today",
        "CEO",
        "Chief",
        "AI",
        "Big",
        "Tech",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Reuters",
        "AP",
        "Bloomberg",
        "Inc",
        "Co",
        "Corp",
        "Ltd",
        "Deal",
        "Also",
    ]
)
_TRIM_WORDS = frozenset(
    {
        "CEO",
        "Chief",
        "AI's",
        "Inc",
        "Inc.",
        "Corp",
        "Corp.",
        "Co-founder",
        "Founder",
        "President",
        "Also",
        "Said",
        "Says",
    }
)
# The names of people: two or three capitalised words, accents allowed.
_PW = r"[A-Z][a-zà-öø-ÿ][^\W\d_]*(?:[-'’][A-Z][^\W\d_]+)?"
# Read as (?<![\w.])(NAME NAME...): the lookbehind is tested after the first capital, so
# that the pattern opens with the capital and re skips straight to capitals.
PERSON = re.compile(
    rf"([A-Z](?<![\w.].){_PW[len('[A-Z]') :]}(?:[ \xa0]+(?:de|De|van|von|da|La)[ \xa0]+|[ \xa0]+){_PW}(?:[ \xa0]+{_PW})?)"
)
_PEOPLE_TITLE = re.compile(
    r"(?:CEO|chief\s+executive(?:\s+officer)?|co-?founders?|founders?|president|CTO|chief\s+scientist|chief\s+technology\s+officer|head|researchers?|executives?|investor)"
    r"(?:\s+and\s+(?:CEO|co-?founder|founder|chief\s+executive|president|CTO))?"
    r"(?:\s+of\s+(?:[\w-]+\s+){0,3}?[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)?)?,?\s+",
    re.IGNORECASE,
)
# Where a name stands in a hire sentence: after a title, as a hire's object, next in a list,
# as a joiner. All but the list and the joiner are read on folded text.
_JOIN_AFTER = folded(rf"^(?:,[^,]{{0,80}},)?\s+{any_of(_JOIN)}\b")
_TITLE_BEFORE = folded(_PEOPLE_TITLE.pattern + r"$")
_NOT_THE_HIRE_BEFORE = folded(r"\b(?:interim|new|replac\w*|former)\s+(?:[\w-]+\s+){0,3}$")
_HIRED_BEFORE = folded(rf"\b{any_of(_HIRE_VERB)}\s+(?:[\w-]+\s+){{0,4}}$")
_LISTED_BEFORE = re.compile(r"(?:,|\band)\s+(?:co-?founder\s+)?$")
_JOINER = re.compile(rf"\b([A-Z][^\W\d_]+)(?:{_POSS})?\s+{_JOIN}\b")


def _after_amount(sentence: str, start: int) -> bool:
    """A capitalised word right after a number or currency sign is a unit ("$2 Billion"), not a name.

    What ``[\\d$€£]\\s*$`` finds in the three characters before ``start``.
    """
    before = sentence[max(0, start - 3) : start].rstrip()
    return bool(before) and (before[-1].isdecimal() or before[-1] in "$€£")


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
ANNOUNCED = folded(
    r"\b(?:announced|announces|said|says|unveiled|revealed|confirmed|disclosed|agreed)\b[^.]{0,60}?\b(?:on\s+|late\s+|early\s+)?(?P<day>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    r"|\b(?:on\s+)?(?P<day2>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b,?\s+(?:the\s+)?(?:company|companies|\w+)\s+(?:announced|said|revealed|unveiled)"
)
ANNOUNCED_ON = re.compile(
    r"\b(?:announced|said|unveiled|revealed|agreed)\b[^.]{0,40}?\bon\s+((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\w*\.?\s+\d{1,2}(?:,\s+\d{4})?)"
)
_YEAR_DIGITS = re.compile(r"\d{4}")
_LATE_EARLY = re.compile(r"\b(?:late|early)\s+$", re.IGNORECASE)
# Share of the article's sentences counted as its lead, where the subject deal is named.
LEAD_SENTENCES = 4
# Most characters between an acquirer and a target named in one clause ("Google agreed to pay Character.AI").
CO_GAP = 80
# Share of capitalised long words above which a line is a Title Case headline.
TITLE_CASE_SHARE = 0.7
# Words that put a relation in the background, and how far before it they count.
BACKGROUND = folded(r"\b(?:after|when|following|since|before)\b")
BACKGROUND_WINDOW = 90
# A target named in this many sentences, twice as often as any other, dominates the article.
DOMINANT_MENTIONS = 6
HIRE_CUE = folded(
    r"\b(?:hir\w+|recruit\w*|poach\w*|founders?|CEO|engineers|team|talent|acqui-?hire|joins?|ficha|recrute|holt)\b"
)
# A headline that speaks of money, hiring or a licence.
HEADLINE_CUE = folded(
    r"\b(?:invest\w*|stake|pa(?:ys?|id)|deal\w*|licen[cs]\w*|hir\w+|recruit\w*|poach\w*|join\w*|bet|buys?|acqui-?hire|founders?|CEO|engineers|team|talent|"
    r"zahlt|Lizenz\w*|investit|recrute|ficha)\b|\$|\d\s*(?:bn|billion|m\b|million)"
)
# A deal named at least this often is what the article is about.
SUBJECT_MIN_MENTIONS = 3


@dataclass(slots=True)
class PairEvidence:
    acquirer: str
    target: str
    relations: set[str] = field(default_factory=set)
    sentences: list[int] = field(default_factory=list)
    hire_sentences: list[int] = field(default_factory=list)
    people: list[str] = field(default_factory=list)
    clauses: list[str] = field(default_factory=list)
    matches: list[str] = field(default_factory=list)
    foreground: list[int] = field(default_factory=list)
    evidence: str = ""


@dataclass(frozen=True, slots=True)
class DetectedDeal:
    acquirer: str
    target: str
    kind: str
    people: tuple[str, ...]
    role: str
    score: float
    evidence: str
    announced: date | None
    sentences: tuple[int, ...]
    target_names: tuple[str, ...]
    acquirer_names: tuple[str, ...]
    relation_sentences: tuple[int, ...] = ()


@lru_cache(maxsize=4096)
def is_title_case(sentence: str) -> bool:
    """A headline in Title Case, where capitals no longer mark names."""
    words = [w for w in sentence.split() if len(w) > 3 and w[0].isalpha()]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= TITLE_CASE_SHARE * len(words)


@lru_cache(maxsize=4096)
def clean_name(raw: str, watchlist: Watchlist, *, title_case: bool = False) -> str | None:
    """A captured capitalised run cut to the company name it starts with."""
    words = raw.replace("’", "'").split()
    while words and (words[0] in _NOT_NAMES):
        words = words[1:]
    cut = []
    for w in words:
        if w in _TRIM_WORDS or w.rstrip(",") in _TRIM_WORDS:
            break
        cut.append(w)
    words = cut
    if not words:
        return None
    # The longest watchlist name the run starts with wins ("Meta Platforms Inc" -> Meta).
    for n in range(len(words), 0, -1):
        candidate = " ".join(words[:n])
        if watchlist.lookup(candidate):
            return watchlist.canonical(candidate)
    if title_case:
        words = words[:2] if len(words) > 1 and words[1] in {"AI", "Labs", "Lab"} else words[:1]
    name = " ".join(words).rstrip(".,")
    if name.endswith("'s"):
        name = name[:-2]
    if name in _NOT_NAMES or len(name) < 2:
        return None
    return name


def _resolve_people(names: Sequence[str], known: Sequence[str], watchlist: Watchlist) -> list[str]:
    out: list[str] = []
    for n in names:
        full = watchlist.canonical(n)
        if " " not in full:
            matches = [k for k in known if k.split()[-1] == full]
            if not matches:
                continue
            full = matches[0]
        if full not in out:
            out.append(full)
    return out


def people_in(sentence: str) -> list[str]:
    """People a hire sentence names as joining: after a title, as a hire's object, or as a joiner."""
    return list(_people_in(sentence))


@lru_cache(maxsize=4096)
def _people_in(sentence: str) -> tuple[str, ...]:
    found: list[str] = []
    low = fold(sentence)
    for m in PERSON.finditer(sentence):
        name = m.group(1)
        if any(w in _NOT_NAMES for w in name.split()):
            continue
        before = sentence[max(0, m.start() - 60) : m.start()]
        low_before = low[max(0, m.start() - 60) : m.start()]
        titled = _TITLE_BEFORE.search(low_before)
        if titled and _NOT_THE_HIRE_BEFORE.search(low_before[: titled.start()] + " "):
            titled = None
        hired = _HIRED_BEFORE.search(low_before)
        joins = _JOIN_AFTER.match(low[m.end() : m.end() + 100])
        listed = found and _LISTED_BEFORE.search(before)
        if titled or hired or joins or listed:
            found.append(name)
    for m in _JOINER.finditer(sentence):
        found.append(m.group(1))
    return tuple(found)


def person_surnames(text: str, watchlist: Watchlist) -> frozenset[str]:
    """Single words that are people's surnames in this text ("Zuckerberg" after "Mark Zuckerberg")."""
    names = {e.name.split()[-1] for e in watchlist.people}
    for m in PERSON.finditer(text):
        words = m.group(1).split()
        if (
            any(w in _NOT_NAMES for w in words)
            or any(watchlist.lookup(w) for w in words)
            or watchlist.lookup(m.group(1))
        ):
            continue
        names.add(words[-1])
    return frozenset(names)


# ", while" / ", and Xyz" / ";" / ". " / " - ". Written to open with the one character each
# branch starts with (a lookbehind then tells which), so re can skip straight to those.
_CLAUSE_END = re.compile(
    r"[,;.\s](?:(?<=,)\s+(?:while|whereas|and\s+(?=[A-Z]))|(?<=;)|(?<=\.)\s|(?<=\s)[-–—]\s)"
)


def _clause(sentence: str, start: int) -> str:
    """The clause a relation starts in: up to ', while ...', ';' or the sentence end."""
    m = _CLAUSE_END.search(sentence, start + 1)
    return sentence[start : m.start() if m else len(sentence)]


# What each pattern of RELATIONS cannot match without, tested on folded text at most
# once per sentence: a pattern runs only where all its gates are found. A tuple gate is
# words, any of which will do (a cheap first test before a pattern gate); a word that
# a pattern reads after whitespace gets a leading \b here too.
_GATES: dict[str, re.Pattern[str] | tuple[str, ...]] = {
    "invest_then_to": folded(
        rf"{any_of(_INVEST_VERB)}\b(?:[^.;]|\.(?=\d)){{0,60}}?\b(?:in|into|for|of|to|from)\s"
    ),
    "money_words": ("invest", "pay", "paid", "put", "pour", "sink", "sank", "stake", "back"),
    "pay_words": ("pay", "paid"),
    "pay": folded(r"\bpa(?:ys?|id|ying)\b"),
    "hire_then_from": folded(
        rf"\b{any_of(_HIRE_VERB)}\b(?:[^.;]|\.(?=\d)){{0,80}}?\b(?:from|of|at|behind)\s"
    ),
    "hire_then_team": folded(rf"\b{any_of(_HIRE_VERB)}\s[\s\S]*?\b{any_of(_TEAM)}"),
    "licence": ("licen",),
    "deal": (
        "deal", "agreement", "partnership", "arrangement", "pact", "tie-up", "investment",
        "acqui", "stake", "licen", "bet", "hires", "transaction",
    ),
    "deal_struck": folded(
        rf"\b{any_of(_W6)}\s+(?:an?\s+|its\s+|the\s+)?(?:[\w$.,-]+\s+){{0,4}}?{_W7}\s+{_W8}\s"
    ),
    "possessive_deal": folded(rf"{_POSS}\s+(?:[\w$.,-]+\s+){{0,5}}?{_W9}\s+{_W10}\s"),
    "join": folded(rf"\b{any_of(_JOIN)}\b"),
    "acquihire": ("acqui", "absorb", "took", "takes", "buys", "bought"),
    "team": folded(rf"\b{any_of(_TEAM)}"),
    "team_from": folded(rf"{any_of(_TEAM)}\s+(?:from|of|at)\s"),
    "possessive": ("'", "’"),
}  # fmt: skip
# Gates read on the sentence as written, where capitals still mark names.
_CASED_GATES: dict[str, re.Pattern[str]] = {
    "dash_then_name": re.compile(r"[-–—/]\s*(?:[A-Z]|[a-z]+\.ai)"),
}
_RELATION_GATES: tuple[tuple[str, ...], ...] = (
    ("money_words", "invest_then_to"),
    ("hire_then_from",),
    ("hire_then_team",),
    ("licence",),
    ("licence", "possessive"),
    ("deal", "deal_struck"),
    ("deal", "possessive_deal"),
    ("dash_then_name", "deal"),
    ("join", "team"),
    ("join", "team_from"),
    ("acquihire", "team"),
    ("acquihire",),
    ("possessive", "deal"),
    ("pay_words", "pay"),
)
# Gates whose every match is a HIRE_SIGNAL match too: a sentence without a hire signal fails them.
_HIRE_GATES = frozenset({"hire_then_from", "hire_then_team", "join"})
if len(_RELATION_GATES) != len(RELATIONS):
    raise AssertionError("every relation pattern needs its gates")


@lru_cache(maxsize=4096)
def _find_relations(
    sentence: str, watchlist: Watchlist, surnames: frozenset[str] = frozenset(), full_text: str = ""
) -> tuple[tuple[str, str, str, str, str], ...]:
    out: list[tuple[str, str, str, str, str]] = []
    if len(_name_rx_for(sentence).findall(sentence)) < 2:
        return ()
    title_case = is_title_case(sentence)
    low = fold(sentence)
    found: dict[str, bool] = {}
    for (kind, pattern), gates in zip(_relations_for(sentence), _RELATION_GATES, strict=True):
        for gate in gates:
            passed = found.get(gate)
            if passed is None:
                passed = found[gate] = _passes(gate, sentence, low)
            if not passed:
                break
        else:
            _add_relations(out, kind, pattern, sentence, watchlist, surnames, full_text, title_case)
    return tuple(out)


def _passes(gate: str, sentence: str, low: str) -> bool:
    if gate in _CASED_GATES:
        return _CASED_GATES[gate].search(sentence) is not None
    if gate in _HIRE_GATES and not says_hire(sentence):
        return False
    words_or_pattern = _GATES[gate]
    if isinstance(words_or_pattern, tuple):
        return any(w in low for w in words_or_pattern)
    return words_or_pattern.search(low) is not None


def _add_relations(
    out: list[tuple[str, str, str, str, str]],
    kind: str,
    pattern: re.Pattern[str],
    sentence: str,
    watchlist: Watchlist,
    surnames: frozenset[str],
    full_text: str,
    title_case: bool,
) -> None:
    """Every match of one relation pattern whose two names are companies."""
    pos = 0
    while (m := pattern.search(sentence, pos)) is not None:
        pos = m.start() + 1
        if _after_amount(sentence, m.start()):
            continue
        a = clean_name(m.group("a"), watchlist, title_case=title_case)
        t = clean_name(m.group("t"), watchlist, title_case=title_case)
        if not a or not t or a == t or a in surnames or t in surnames:
            continue
        if a in _NOT_COMPANIES or t in _NOT_COMPANIES:
            continue
        if full_text and (
            _is_person(a, full_text, watchlist) or _is_person(t, full_text, watchlist)
        ):
            continue
        out.append((kind, a, t, _clause(sentence, m.start()), m.group(0)))
        pos = m.end()


_ITS_PEOPLE = folded(
    r"\bits\s+(?:\w+\s+){0,2}?(?:CEO|founders?|co-founders?|chief|team|staff|employees|leaders)"
)


def _its_target(sentence: str, target: str) -> bool:
    return _ITS_PEOPLE.search(fold(sentence)) is not None


class NamesPattern:
    """Whole-word matches of any of some names, longest name first.

    Matches exactly as ``(?<![\\w.])(?:NAME|NAME...)(?![\\w])`` would, but the
    lookbehind is checked here on each candidate: a pattern that opens with the
    names themselves lets ``re`` skip straight to their first letters, which made
    name matching about ten times faster.
    """

    def __init__(self, names: tuple[str, ...]) -> None:
        alternation = (
            "|".join(re.escape(n) for n in sorted(set(names), key=len, reverse=True)) or r"(?!x)x"
        )
        self._candidates = re.compile(rf"(?:{alternation})(?![\w])")
        self.pattern = rf"(?<![\w.])(?:{alternation})(?![\w])"

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        end = len(text) if endpos is None else endpos
        while (m := self._candidates.search(text, pos, end)) is not None:
            at = m.start()
            if at == 0 or not _continues_name(text[at - 1]):
                return m
            pos = at + 1
        return None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        pos = 0
        while (m := self.search(text, pos)) is not None:
            yield m
            pos = max(m.end(), m.start() + 1)

    def findall(self, text: str) -> list[str]:
        return [m.group(0) for m in self.finditer(text)]


def _continues_name(ch: str) -> bool:
    """What ``[\\w.]`` matches: a name right after it is part of a longer word."""
    return ch.isalnum() or ch in "_."


@lru_cache(maxsize=4096)
def names_pattern(names: tuple[str, ...]) -> NamesPattern:
    """One compiled alternation for a set of names, whole words only."""
    return NamesPattern(names)


def _mentions(sentence: str, names: Sequence[str]) -> bool:
    return names_pattern(tuple(names)).search(sentence) is not None


class NameIndex:
    """Which sentences name any of a set of names: one scan of the article per set.

    The sentence texts are joined with newlines; no name holds a newline, and a
    newline is neither a word character nor a dot, so a name matches in the joined
    text exactly where it matches in its own sentence.
    """

    def __init__(self, sentences: Sequence[Sentence]) -> None:
        self._text = "\n".join(s.text for s in sentences)
        self._starts = list(accumulate((len(s.text) + 1 for s in sentences[:-1]), initial=0))
        self._indices = [s.index for s in sentences]
        self._found: dict[tuple[str, ...], frozenset[int]] = {}

    def last_named(self, names: Sequence[str]) -> dict[int, str]:
        """The last of ``names`` each sentence names, by sentence index."""
        return {
            self._indices[bisect_right(self._starts, m.start()) - 1]: m.group(0)
            for m in names_pattern(tuple(names)).finditer(self._text)
        }

    def naming(self, names: Sequence[str]) -> frozenset[int]:
        key = tuple(names)
        found = self._found.get(key)
        if found is None:
            found = frozenset(
                self._indices[bisect_right(self._starts, m.start()) - 1]
                for m in names_pattern(key).finditer(self._text)
            )
            self._found[key] = found
        return found


@lru_cache(maxsize=4096)
def _names_for(name: str, watchlist: Watchlist) -> tuple[str, ...]:
    entity = watchlist.lookup(name)
    names = {name, *(entity.names() if entity else ())}
    first = name.split()[0]
    if len(name.split()) > 1 and first not in _NOT_NAMES and len(first) > 2:
        names.add(first)  # "Inflection AI" is "Inflection" on second mention
    return tuple(sorted(names, key=len, reverse=True))


def _merge_names(pairs: dict[tuple[str, str], PairEvidence]) -> dict[tuple[str, str], PairEvidence]:
    """'Scale' and 'Scale AI' for one acquirer are one target: keep the longer name."""
    keys = sorted(pairs, key=lambda k: (-len(k[1]), -len(k[0])))
    merged: dict[tuple[str, str], PairEvidence] = {}
    for key in keys:
        a, t = key
        home = next(
            (
                k
                for k in merged
                if (k[0] == a or k[0].startswith(a + " ") or a.startswith(k[0] + " "))
                and (k[1] == t or k[1].startswith(t + " ") or k[1].startswith(t + "."))
            ),
            None,
        )
        if home is None:
            merged[key] = pairs[key]
            continue
        ev = merged[home]
        ev.relations |= pairs[key].relations
        ev.sentences += pairs[key].sentences
        ev.hire_sentences += pairs[key].hire_sentences
        ev.people += pairs[key].people
        ev.clauses += pairs[key].clauses
        ev.matches += pairs[key].matches
        ev.foreground += pairs[key].foreground
    return merged


def _announced(
    sentences: Sequence[Sentence], published: date | None, names: Sequence[str]
) -> date | None:
    for s in sentences[: LEAD_SENTENCES + 4]:
        explicit = ANNOUNCED_ON.search(s.text)
        if explicit:
            text = explicit.group(1)
            if not _YEAR_DIGITS.search(text) and published:
                text = f"{text}, {published.year}"
            found = parse_date(text)
            if found:
                return found
        low = fold(s.text)
        m = ANNOUNCED.search(low) if any(day in low for day in _WEEKDAYS) else None
        if not m or published is None:
            continue
        day = (m.group("day") or m.group("day2")).lower()
        delta = (published.weekday() - _WEEKDAYS.index(day)) % 7
        return published - timedelta(days=delta)
    return None


def _kind(ev: PairEvidence, texts: Sequence[str]) -> str:
    # Each signal starts and ends at a word boundary, so it is found in the texts
    # joined with spaces exactly when it is found in one of them.
    def said(signal: re.Pattern[str]) -> bool:
        return any(signal.search(fold(t)) for t in texts)

    if "acquihire" in ev.relations or said(ACQUIHIRE_SIGNAL):
        return "acquihire"
    if "licence" in ev.relations or said(LICENCE_SIGNAL):
        return "licence_and_hire"
    if "invest" in ev.relations or said(INVEST_SIGNAL):
        return "investment_and_hire"
    return "talent_deal"


# A payer named by a pronoun or a description: "it paid", "The chip giant paid", "the search company will pay".
# Words GENERIC_PAYER cannot match without (a deal noun, a payment or hire verb, a description).
_GENERIC_PAYER_WORDS = (
    "deal", "agreement", "arrangement", "paid", "pay", "agreed", "hired", "hires", "struck", "signed",
    "licensed", "brought", "took", "invested", "spent", "giant", "company", "group", "firm", "maker",
    "Konzern",
)  # fmt: skip
GENERIC_PAYER = re.compile(
    r"\b(?:[Ii]ts(?=\s+(?:[\w$.,-]+\s+){0,3}?(?:deal|agreement|arrangement|licensing\s+deal)\s+with\b)|[Ii]t(?=\s+(?:(?:has|had|also|will|would|then|later|recently)\s+)*(?:paid|pays|pay|agreed|hired|hires|struck|signed|licensed|brought|took|invested|spent|rehired)\b)"
    r"|[Tt]he\s+(?:[\w-]+\s+){0,2}?giant|[Tt]he\s+(?:search|chip|software|e-commerce|cloud|social\s+media|tech)\s+(?:company|group|firm|maker)|[Ll]e\s+groupe|[Dd]er\s+Konzern)\b"
)


# A target named by description: "the startup's technology", "the coding startup's chief executive".
GENERIC_TARGET = re.compile(r"\bthe\s+(?:[\w-]+\s+)?(?:startup|start-up)(?:'s|’s)?(?![\w-])")


def _resolved_texts(
    sentences: Sequence[Sentence], acquirers: set[str], watchlist: Watchlist, index: NameIndex
) -> list[str]:
    """Sentence texts with a generic payer replaced by the acquirer last named."""
    if not acquirers:
        return [s.text for s in sentences]
    names = tuple(sorted({n for a in acquirers for n in _names_for(a, watchlist)}))
    name_rx = names_pattern(names)
    named = index.last_named(names)
    last: str | None = None
    out = []
    for s in sentences:
        text = s.text
        if (
            any(w in text for w in _GENERIC_PAYER_WORDS)
            and GENERIC_PAYER.search(text)
            and (last or s.index in named)
        ):
            text = _substitute_payer(text, last or "", name_rx)
        if s.index in named:
            last = watchlist.canonical(named[s.index])
        out.append(text)
    return out


def _substitute_payer(text: str, payer: str, name_rx: NamesPattern) -> str:
    def swap(m: re.Match[str]) -> str:
        earlier = name_rx.findall(text[: m.start()])
        who = earlier[-1] if earlier else payer
        return f"{who}'s" if m.group(0).lower() == "its" else who

    return GENERIC_PAYER.sub(swap, text)


def detect_deals(
    sentences: Sequence[Sentence], watchlist: Watchlist, *, published: date | None = None
) -> list[DetectedDeal]:
    hires = [says_hire(s.text) for s in sentences]
    if not any(hires):
        return []  # every talent deal hires someone; an article that never says so names none
    pairs: dict[tuple[str, str], PairEvidence] = {}
    acquirer_kind = {e.name for e in watchlist.acquirers}
    surnames = person_surnames("\n".join(s.text for s in sentences), watchlist)
    full_text = "\n".join(s.text for s in sentences)
    first_pass = {
        a
        for s in sentences
        for _, a, _, _, _ in _find_relations(s.text, watchlist, surnames, full_text)
    }
    index = NameIndex(sentences)
    resolved = _resolved_texts(sentences, acquirer_kind | first_pass, watchlist, index)
    for s, text in zip(sentences, resolved, strict=True):
        for kind, a, t, clause, matched in _find_relations(text, watchlist, surnames, full_text):
            if t in acquirer_kind and a not in acquirer_kind:
                continue
            if t in acquirer_kind:
                continue  # a person leaving one big company for another is a job move
            ev = pairs.setdefault((a, t), PairEvidence(a, t))
            ev.relations.add(kind)
            ev.sentences.append(s.index)
            ev.clauses.append(clause)
            ev.matches.append(matched)
            if not _is_background(text, matched):
                ev.foreground.append(s.index)
            if not ev.evidence:
                ev.evidence = s.text
    _cooccurrences(sentences, resolved, watchlist, surnames, pairs, acquirer_kind)
    if not pairs:
        return []
    vetoed = _acquisitions(sentences, watchlist, surnames)
    pairs = {k: v for k, v in pairs.items() if k not in vetoed}
    pairs = _merge_names(pairs)
    known_people = [e.name for e in watchlist.people]
    deals: list[DetectedDeal] = []
    known_startups = {e.name for e in watchlist.startups}
    if not pairs:
        return []
    teamish: dict[int, bool] = {}

    def is_teamish(s: Sentence) -> bool:
        if s.index not in teamish:
            teamish[s.index] = bool(TEAM_SIGNAL.search(fold(s.text)) or PERSON.search(s.text))
        return teamish[s.index]

    shared_acquirer: dict[str, int] = {}
    for a, _ in pairs:
        shared_acquirer[a] = shared_acquirer.get(a, 0) + 1
    for (a, t), ev in pairs.items():
        t_names, a_names = _names_for(t, watchlist), _names_for(a, watchlist)
        related = sorted(set(ev.sentences))
        hire_texts: list[str] = []
        own_texts: list[str] = []
        people_raw: list[str] = []
        naming_t, naming_a = index.naming(t_names), index.naming(a_names)
        for s in sentences:
            mentions_t = s.index in naming_t
            mentions_a = s.index in naming_a
            in_relation = s.index in ev.sentences
            tied = (
                in_relation
                or (mentions_t and mentions_a)
                or (mentions_t and _its_target(s.text, t))
            )
            loose = (mentions_t or (mentions_a and shared_acquirer[a] == 1)) and is_teamish(s)
            if not (tied or loose):
                continue
            if hires[s.index]:
                hire_texts.append(s.text)
                if not in_relation and mentions_t:
                    own_texts.append(s.text)
                people_raw.extend(_people_in(s.text))
            if s.index not in related and mentions_t:
                related.append(s.index)
        hire_relation = ev.relations & {"hire_from", "hire_poss", "join", "acquihire", "co_hire"}
        team_hire = bool(hire_relation) and (
            any(TEAM_PLURAL.search(fold(c)) for c in ev.matches) or t in known_startups
        )
        money_relation = ev.relations & {"invest", "licence", "deal", "acquihire", "co_money"}
        if hire_relation and not money_relation:
            texts = [sentences[i].text for i in set(ev.sentences)]
            if any(
                INVEST_SIGNAL.search(fold(x))
                or LICENCE_SIGNAL.search(fold(x))
                or PAYMENT.search(fold(x))
                for x in texts
            ):
                money_relation = {"same_sentence"}
        acquirer_paid = any(s.index in naming_a and PAYMENT.search(fold(s.text)) for s in sentences)
        if hire_relation and not money_relation and shared_acquirer[a] == 1 and acquirer_paid:
            money_relation = {"paid"}
        if not (
            (hire_relation and (team_hire or money_relation)) or (money_relation and hire_texts)
        ):
            continue
        others = [n for (oa, ot) in pairs if (oa, ot) != (a, t) for n in _names_for(ot, watchlist)]
        naming_others = index.naming(others)
        relation_texts = list(ev.clauses) + [
            sentences[i].text for i in sorted(set(ev.sentences)) if i not in naming_others
        ]
        known = known_people + [p for p in people_raw if " " in p]
        people = _resolve_people(people_raw, known, watchlist)
        people = [
            p
            for p in people
            if not _mentions(p, a_names + t_names) and p.split()[0] not in _NOT_NAMES
        ]
        deals.append(
            DetectedDeal(
                acquirer=a,
                target=t,
                kind=_kind(ev, relation_texts + own_texts),
                people=tuple(people),
                role="mentioned",
                score=0.0,
                evidence=ev.evidence,
                announced=None,
                sentences=tuple(sorted(set(related))),
                target_names=t_names,
                acquirer_names=a_names,
                relation_sentences=tuple(sorted(set(ev.foreground))),
            )
        )
    lead_purchases = _acquisitions(
        sentences[:LEAD_SENTENCES], watchlist, surnames, ignore_acquihire=True
    )
    return _assign_roles(
        deals, sentences, published, frozenset(t for _, t in lead_purchases), index
    )


@lru_cache(maxsize=4096)
def _org_name(
    raw: str, watchlist: Watchlist, title_case: bool, surnames: frozenset[str]
) -> str | None:
    """The company a capitalised run names, or None for a team word, a person, a place..."""
    name = clean_name(raw, watchlist, title_case=title_case)
    if name and (TEAM_PLURAL.fullmatch(fold(name)) or TEAM_SIGNAL.fullmatch(fold(name))):
        return None
    if (
        not name
        or name in surnames
        or name in _NOT_COMPANIES
        or name.upper() == name
        and len(name) <= 3
    ):
        return None
    if name.split()[0] in _NOT_COMPANIES or name.split()[0] in _NOT_NAMES:
        return None
    return name


@lru_cache(maxsize=2048)
def _org_candidates(
    sentence: str, watchlist: Watchlist, surnames: frozenset[str]
) -> tuple[str, ...]:
    title_case = is_title_case(sentence)
    out = []
    for m in _name_rx_for(sentence).finditer(sentence):
        if _after_amount(sentence, m.start()):
            continue
        name = _org_name(m.group(0), watchlist, title_case, surnames)
        if name and name not in out:
            out.append(name)
    for m in names_pattern(watchlist.company_names()).finditer(sentence):
        canonical = watchlist.canonical(m.group(0))
        if canonical not in out:
            out.append(canonical)
    return tuple(out)


def _cooccurrences(
    sentences: Sequence[Sentence],
    resolved: Sequence[str],
    watchlist: Watchlist,
    surnames: frozenset[str],
    pairs: dict[tuple[str, str], PairEvidence],
    acquirer_kind: set[str],
) -> None:
    """Pairs named together in a sentence that speaks of money or hiring.

    The acquirer is a listed acquirer or one a sentence pattern already found; the
    target is any other company the article names at least twice.
    """
    acquirers = acquirer_kind | {a for a, _ in pairs}
    per_sentence = [_org_candidates(s.text, watchlist, surnames) for s in sentences]
    del per_sentence[len(sentences) :]
    counts: dict[str, int] = {}
    for names in per_sentence:
        for n in names:
            counts[n] = counts.get(n, 0) + 1
    startups = {e.name for e in watchlist.startups}
    text = "\n".join(s.text for s in sentences)
    # Computed once, when first asked: scanning the text for startup cues costs more than the
    # rest of this function, and most articles never get to need it.
    startup_like = cache(lambda: _startup_like(text, sorted(counts)) | startups)

    # Companies named so far, latest last: the startup a later "the startup" stands for
    # is the latest of them the text treats as one.
    named_so_far: list[str] = []
    for s, resolved_text in zip(sentences, resolved, strict=True):
        for clause in _clauses(resolved_text):
            if _NEGATED.search(fold(clause)):
                continue
            if named_so_far and GENERIC_TARGET.search(clause):
                last_startup = next(
                    (n for n in reversed(named_so_far) if n in startup_like()), None
                )
                if last_startup:
                    clause = _name_generic_target(clause, last_startup)
            candidates = _org_candidates(clause, watchlist, surnames)
            named_so_far.extend(n for n in candidates if n not in acquirers)
            low = fold(clause)
            money = bool(MONEY_SIGNAL.search(low))
            hire = says_hire(clause) and bool(TEAM_PLURAL.search(low) or _LEADER.search(clause))
            if not (money or hire):
                continue
            names = tuple(n for n in candidates if not _is_person(n, text, watchlist))
            for a in (n for n in names if n in acquirers):
                for t in names:
                    if t == a or t in acquirer_kind or (counts.get(t, 0) < 2 and t not in startups):
                        continue
                    listed = [
                        n
                        for n in names
                        if n in startup_like() or n in acquirers or counts.get(n, 0) >= 2
                    ]
                    if not _a_then_t(clause, a, t, listed) or t not in startup_like():
                        continue
                    ev = pairs.setdefault((a, t), PairEvidence(a, t))
                    ev.relations.add("co_money" if money else "co_hire")
                    if hire:
                        ev.relations.add("co_hire")
                    ev.sentences.append(s.index)
                    ev.clauses.append(clause)
                    ev.matches.append(clause)
                    a_at = clause.find(a)
                    if not BACKGROUND.search(
                        fold(clause[max(0, a_at - BACKGROUND_WINDOW) : max(0, a_at)])
                    ):
                        ev.foreground.append(s.index)
                    if not ev.evidence:
                        ev.evidence = s.text


_LEADER = re.compile(
    r"\b(?:CEO|chief\s+executive|founders?|co-?founders?|consejero\s+delegado|directeur\s+général|patron|Chef|Gründer)\b"
)
_RIVALS = re.compile(r"\b(?:such\s+as|like|including|rivals?|competitors?|versus|vs)\b")
_ITS_LEADER_AFTER = re.compile(
    r"\s+(?:chief|CEO|founder|co-founder|executive|president|head)\b", re.IGNORECASE
)


def _a_then_t(clause: str, a: str, t: str, others: Sequence[str] = ()) -> bool:
    """The acquirer named before the target, with no other company listed between them."""
    a_at = names_pattern((a,)).search(clause)
    if a_at is None:
        return False
    t_at = names_pattern((t,)).search(clause, a_at.end())
    if t_at is None:
        return False
    between = clause[a_at.end() : t_at.start()]
    if len(between) > CO_GAP or _RIVALS.search(between):
        return False
    for other in others:
        if other in (a, t):
            continue
        at = names_pattern((other,)).search(between)
        if at and not _ITS_LEADER_AFTER.match(between, at.end()):
            return False
    return True


_SL_NAME = r"(?P<n>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,2})"
# Places where a text treats a name as a startup: its founders, CEO, team or models; "startup X"; "X, a startup".
# Each with the words it cannot match without (case as written), so a text lacking them is not scanned.
STARTUP_CUES: tuple[tuple[tuple[str, ...], re.Pattern[str]], ...] = (
    (
        ("founder", "CEO", "chief", "team", "staff", "employees", "researchers", "engineers", "model",
         "technology", "chip", "leaders"),
        re.compile(
            _SL_NAME
            + r"(?:'s|’s)?\s+(?:[\w-]+\s+)?(?:co-?founders?|founders?|CEO|chief\s+executive|team|staff|employees|researchers|engineers|models?|technology|chips?|leaders)\b"
        ),
    ),
    (
        ("founder", "CEO", "chief", "team", "staff", "employees", "leader"),
        re.compile(
            r"\b(?:co-?founders?|founders?|CEO|chief\s+executive|team|staff|employees|leaders|leadership)\s+(?:of|from|at)\s+(?:[\w-]+\s+){0,4}?"
            + _SL_NAME
        ),
    ),
    (
        ("start", "firm", "company", "lab", "maker", "developer"),
        re.compile(
            r"\b(?:startups?|start-ups?|firm|company|lab|maker|developer)\s+(?:de\s+)?" + _SL_NAME
        ),
    ),
    (
        ("start", "company", "firm", "entreprise", "empresa"),
        re.compile(
            _SL_NAME
            + r",\s+(?:an?|the|une?|la|el|die|eine?)\s+(?:[\w-]+\s+){0,4}?(?:startup|start-up|company|firm|entreprise|empresa)"
        ),
    ),
    (("-Gründer", "-Lizenz"), re.compile(_SL_NAME + r"-(?:Gründer|Lizenz)")),
    (
        ("fondateur", "fundador", "Gründer", "consejero", "directeur"),
        re.compile(
            r"\b(?:fondateurs?|fundador(?:es)?|Gründer|consejero\s+delegado|directeur\s+général)\s+(?:de\s+(?:la\s+)?|des\s+|von\s+)?(?:[\w-]+\s+){0,6}?"
            + _SL_NAME
        ),
    ),
)  # fmt: skip


def _startup_like(text: str, names: Sequence[str]) -> set[str]:
    """Names the text treats as a startup: its founders, CEO, team, models, or called a startup."""
    captured = "\n".join(
        m.group("n")
        for words, cue in STARTUP_CUES
        if any(w in text for w in words)
        for m in cue.finditer(text)
    )
    return {n for n in names if n in captured and names_pattern((n,)).search(captured)}


def _is_background(sentence: str, matched: str) -> bool:
    """A relation told as the past that led to this news: 'days after Google hired...'."""
    at = sentence.find(matched)
    window = sentence[max(0, at - BACKGROUND_WINDOW) : max(0, at)] if at >= 0 else ""
    return bool(BACKGROUND.search(fold(window)))


def _name_generic_target(clause: str, name: str) -> str:
    return GENERIC_TARGET.sub(lambda m: name + ("'s" if m.group(0).endswith("s") else ""), clause)


def _clauses(sentence: str) -> list[str]:
    out = []
    pos = 0
    for m in _CLAUSE_END.finditer(sentence):
        out.append(sentence[pos : m.start()])
        pos = m.end()
    out.append(sentence[pos:])
    return [c for c in out if c.strip()]


@lru_cache(maxsize=4096)
def _is_person(name: str, text: str, watchlist: Watchlist) -> bool:
    entity = watchlist.lookup(name)
    if entity is not None:
        return entity.kind == "person"
    if not PERSON.fullmatch(name):
        return False
    first, last = name.split()[0], name.split()[-1]
    if _bare_surname(first, last).search(text):
        return True
    return name in _people_named(text)


@lru_cache(maxsize=1024)
def _bare_surname(first: str, last: str) -> re.Pattern[str]:
    """``last`` as a word of its own, not after ``first`` nor before another capitalised word.

    Reads as ``(?<!first )\\blast\\b(?!\\s+[A-Z])``, with the lookbehinds after the
    surname so that the pattern opens with it and ``re`` can search for it directly.
    """
    f, la = re.escape(first), re.escape(last)
    return re.compile(rf"{la}(?<!\w{la})(?<!{f} {la})\b(?!\s+[A-Z])")


@lru_cache(maxsize=16)
def _people_named(text: str) -> frozenset[str]:
    return frozenset(p for line in text.split("\n") for p in _people_in(line))


# The purchase patterns, each with the words it cannot match without and its
# capitalised_only form for text without ".ai".
_PURCHASES = tuple(
    (words, pattern, capitalised_only(pattern.pattern))
    for words, pattern in (
        (("acquire", "comprar", "buy", "bought", "acquisition"), ACQUISITION),
        (("acquisition", "purchase", "takeover", "buyout"), ACQUISITION_NOUN),
        (("buy", "acquire", "comprar", "racheter", "kaufen", "übernehmen"), ACQUISITION_LOOSE),
    )
)


def _acquisitions(
    sentences: Sequence[Sentence],
    watchlist: Watchlist,
    surnames: frozenset[str],
    *,
    ignore_acquihire: bool = False,
) -> set[tuple[str, str]]:
    """Pairs where one company buys the other outright, unless the text frames it as an acqui-hire."""
    if not ignore_acquihire and any(ACQUIHIRE_SIGNAL.search(fold(s.text)) for s in sentences):
        return set()
    out = set()
    for s in sentences:
        if not _PURCHASE_CUE.search(fold(s.text)):
            continue
        title_case = is_title_case(s.text)
        ai = ".ai" in s.text
        found = [
            m
            for words, pattern, capitalised in _PURCHASES
            if any(w in s.text for w in words)
            for m in (pattern if ai else capitalised).finditer(s.text)
        ]
        for m in found:
            a = clean_name(m.group("a"), watchlist, title_case=title_case)
            t = clean_name(m.group("t"), watchlist, title_case=title_case)
            if a and t:
                out.add((a, t))
    return out


def clear_caches() -> None:
    """Forget memoised sentence results (benchmarks time analysis cold, as in production)."""
    for fn in (
        _find_relations,
        _org_candidates,
        _people_named,
        is_title_case,
        fold,
        says_hire,
        _is_person,
        _people_in,
        clean_name,
        _org_name,
        _names_for,
    ):
        fn.cache_clear()


def _assign_roles(
    deals: list[DetectedDeal],
    sentences: Sequence[Sentence],
    published: date | None,
    bought_in_lead: frozenset[str] = frozenset(),
    index: NameIndex | None = None,
) -> list[DetectedDeal]:
    """The subject deal is the best-named one whose relation opens the article.

    Opening means the headline names its target with a deal cue, or a relation
    stands in the first two sentences; everything else is mentioned in passing.
    """
    if not deals:
        return []
    index = index or NameIndex(sentences)
    opening = [s for s in sentences[:LEAD_SENTENCES] if not s.text.startswith("[")][:2]
    headline = sentences[0] if sentences and sentences[0].is_headline else None

    def opens(d: DetectedDeal) -> bool:
        if headline is not None and _mentions(headline.text, d.target_names):
            if _mentions(headline.text, d.acquirer_names) and HEADLINE_CUE.search(
                fold(headline.text)
            ):
                return True
            if HIRE_CUE.search(fold(headline.text)):
                return True
        return any(i in d.relation_sentences for i in (s.index for s in opening))

    counts = {id(d): len(index.naming(d.target_names)) for d in deals}

    def dominates(d: DetectedDeal) -> bool:
        others = [c for k, c in counts.items() if k != id(d)]
        named_first = (
            headline is not None
            and _mentions(headline.text, d.target_names)
            and bool(HEADLINE_CUE.search(fold(headline.text)))
        )
        bought = any(t in d.target_names for t in bought_in_lead)
        return (
            named_first
            and not bought
            and counts[id(d)] >= DOMINANT_MENTIONS
            and all(counts[id(d)] >= 2 * c for c in others)
        )

    def weight(d: DetectedDeal) -> float:
        mentions = counts[id(d)]
        return mentions + (100 if opens(d) or dominates(d) else 0)

    best = max(deals, key=weight)
    out = []
    for d in deals:
        w = weight(d)
        is_subject = d is best and w >= 100
        mentions = w % 100
        score = min(1.0, 0.7 + 0.05 * mentions) if is_subject else min(0.6, 0.3 + 0.05 * mentions)
        announced = _announced(sentences, published, d.target_names) if is_subject else None
        out.append(
            replace(
                d,
                role="subject" if is_subject else "mentioned",
                score=round(score, 3),
                announced=announced,
            )
        )
    return out
