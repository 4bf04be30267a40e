"""Who an article names: organisations and people, where, and what the text says they are.

A deal's parties are organisations, never "Wall Street", a nationality, a publication,
a person, or a word that is capitalised because it opens a sentence. A capitalised run
of words becomes an organisation when the watchlist knows it or the text treats it as
one: a company suffix ("Scale AI"), a startup called so ("AI startup Adept",
"Windsurf, the coding startup"), its founders, chief executive, staff or technology
("Inflection's founders", "Adept co-founder David Luan"). A run the text treats as a
person (a title before it, "said" after it, its surname used alone) is a person.

Everything here is found by scanning each sentence a fixed number of times: the cost
is linear in the text.
"""

from __future__ import annotations

import itertools
import re
import tomllib
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from extractors.analysis.lexicon import (
    LEXICON_DIR,
    Lexicon,
    ends_on,
    literal_alternation,
    whole_run_places,
)
from extractors.analysis.text import UNCASED_LETTERS, Sentence, fold, is_title_case
from extractors.watchlist import Entity, Watchlist

# A word of a name: capitalised, CamelCase ("xAI", "iRobot"), or a ".ai" domain.
_WORD = r"(?:[A-Z][\w&'’.+-]*[\w+]|[A-Z]|[a-z]+[A-Z][\w&.-]*|[a-z][\w-]*\.ai)"
_RUN_TAIL = r"(?:[ \u00a0](?:" + _WORD + r"|&|of(?= [A-Z])|de(?= [A-Z])|van|von|der|la(?= [A-Z])))*"
# The first word is ``_WORD`` with its first letter read before the test of what stands before
# it: the search then skips to letters instead of trying every place.
_FIRST_WORD = (
    r"[A-Za-z](?<![\w@/#$€£-][A-Za-z])"
    r"(?:(?<=[A-Z])(?:[\w&'’.+-]*[\w+]|)|(?<=[a-z])(?:[a-z]*[A-Z][\w&.-]*|[\w-]*\.ai))"
)
_RUN = re.compile(_FIRST_WORD + _RUN_TAIL)
# In scripts without spaces a Latin name sits right against the words around it ("はGroqの"):
# there a name's words are Latin letters only.
_WORD_LATIN = r"(?:[A-Z][A-Za-z0-9&'’.+-]*[A-Za-z0-9+]|[A-Z]|[a-z]+[A-Z][A-Za-z0-9&.-]*)"
_RUN_IN_CJK = re.compile(
    rf"(?<![A-Za-z0-9@/#$€£-]){_WORD_LATIN}(?:[ \u00a0]{_WORD_LATIN})*(?![A-Za-z])"
)
# A capitalised word right after a sum is a table's next column or a unit, not a name.
# (a number closed by a comma ends a phrase: "Founded in 2012, Lightwell …", "In 2016, Squad …")
_AFTER_AMOUNT = re.compile(r"[\d$€£%](?:[\d.,]*\d)?(?:[BMKbmk]n?|bn|billion|million)?\)?\s*$")
# The words before a place's name: "based in", "headquartered in", "offices in".
_PLACE_BEFORE = re.compile(r"\b(?:based|headquartered|located|offices?)\s+in\s+$")
# A person: two or three words, each a capital then small letters.
# (Latin letters only: in Korean, Japanese or Chinese a name runs straight into the script around it,
# "CEO Naom ShazeerとプレジデントDaniel De Freitas")
_LATIN_LETTER = "A-Za-zÀ-ÖØ-öø-ɏ"
_PERSON_WORD = (
    # (a part after a hyphen or an apostrophe, not the possessive "’s": "Mayer’s" is Mayer)
    rf"(?:[A-Z][a-zà-öø-ÿ][{_LATIN_LETTER}]*(?:[-'’](?![sS](?![{_LATIN_LETTER}]))[A-Z]?[{_LATIN_LETTER}]+)?"
    rf"|(?<![{_LATIN_LETTER}0-9_.])[DO]['’][A-Z][a-zà-öø-ÿ]+)"  # "D'Aloisio", "O'Brien"
)
# (The first capital is read before the test of what stands before it, "(?<![\w.])": the search
# then skips every place without a capital instead of trying a name at each.)
_PERSON_START = _PERSON_WORD.replace("[A-Z]", rf"[A-Z](?<![{_LATIN_LETTER}0-9_.][A-Z])", 1)
# (a middle initial may stand after the given name: "Regina E. Dugan", "Phineas T. Brizzly")
PERSON = re.compile(
    rf"({_PERSON_START}(?:[ \u00a0]+[A-Z]\.(?=[ \u00a0]+[A-Z]))?"
    rf"(?:[ \u00a0]+(?:(?:de|De|van|von|da|La|Le|bin|al)[ \u00a0]+)?{_PERSON_WORD}){{1,2}})(?![{_LATIN_LETTER}0-9_])"
)
# What follows a person's name: speech, an age, a relative clause, a title ("Yann LeCun, Meta's
# Chief AI Scientist").
_PERSON_AFTER = re.compile(
    r"^(?:,\s+(?:who|whose|\d{2},|a\s+former|(?:the|[\w.&-]+['’]s)\s+(?:former\s+)?(?:ceo|chief|co-?founder|founder|president|head))|\s+(?:said|says|told|wrote|added|explained|noted|announced|posted|tweeted|confirmed|stated|argued|believes|thinks))",
    re.IGNORECASE,
)
# Nouns after a possessive that make the possessor an organisation.
_ORG_POSSESSIONS = re.compile(
    r"^(?:'s|’s|')\s+(?:[\w-]+\s+){0,2}?(?:technology|technologies|models?|ceo|chief|founders?|co-?founders?|cofounders?|staff|"
    r"employees|team|workforce|valuation|shares|investors|board|product|platform|chips?|engineers|researchers|"
    r"intellectual\s+property|ip|tools?|software|assets|leadership|executives|talent|licen[cs]e|customers|business|"
    r"blog|website|app|founding\s+team|interim\s+ceo|new\s+ceo|remaining)\b",
    re.IGNORECASE,
)
# A person's possessive before the company they started, named next: "Justin Schaffer’s flopped
# startup, Hot Potato", "Tom Vale’s startup Lumeo" (the owner, not what is bought).
_OWNER_OF_NAMED_COMPANY = re.compile(
    r"^(?:'s|’s)\s+(?:[\w-]+\s+){0,2}?(?:startup|start-up|company|firm|venture)\s*,?\s+"
    r"(?:[A-Z]|[a-z][\w.-]*(?=[\s,.;:]|$))"  # (a brand in lower case too: "Jony Ive's startup io")
)
# German capitalises every noun: one before "wie" and a name ("Branchengrößen wie OpenAI",
# industry giants such as OpenAI) is the kind its examples are of (not "wie auch": as well as).
_EXAMPLES_AFTER_DE = re.compile(r"\s+wie\s+(?!auch\b)[A-ZÄÖÜ]")
# "X co-founder P", "X CEO P": a company before a title.
_TITLE_AFTER = re.compile(
    r"^\s+(?:co-?founders?|cofounders?|founders?|ceo|chief\s+executive|president|cto|chief\s+\w+\s+officer|chief\s+scientist)\b",
    re.IGNORECASE,
)
_TEAM_AFTER = re.compile(
    r"^\s+(?:executives|engineers|researchers|employees|staff(?:ers)?|team|talent)\b", re.IGNORECASE
)
# "co-founder of X", "CEO at X", "from X" after a team word.
_TITLE_BEFORE = re.compile(
    r"(?:co-?founders?|cofounders?|founders?|ceo|chief\s+executive(?:\s+officer)?|president|cto|head|chief\s+\w+\s+officer|"
    r"executives?|engineers|researchers|employees|staff|team|leaders|talent|founding\s+team)\s+(?:of|at|from|behind)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_TITLE_BEFORE_ENDS = ("of", "at", "from", "behind", "the")
_PERSON_TITLE_BEFORE = re.compile(
    r"(?:(?<![A-Za-z])(?:ceo|chief\s+executive(?:\s+officer)?|co-?founders?|cofounders?|founders?|president|cto|chief\s+\w+\s+officer|"
    r"chief\s+scientist|head\s+of\s+\w+|director|investors?|mr\.?|ms\.?|mrs\.?|dr\.?|ex-\w+|analyst|engineer|researcher|"
    r"scientist|partner|executive|chairman|chairwoman|professor|judge|senator|secretary|minister|spokesperson|"
    r"spokesman|spokeswoman|ceo\s+and\s+co-?founder|co-?founder\s+and\s+ceo)\s*,?\s*)$",
    re.IGNORECASE,
)
# What a company does right after its name when it opens a sentence ("Anthropic has hired").
_SUBJECT_VERB_AFTER = re.compile(
    r"^(?:'s|’s)?\s+(?:(?:has|have|had|is|was|will|would|also|has\s+also|said|says|on\s+\w+day)\s+)*"
    r"(?:has|had|is|was|will|said|says|announced|announces|agreed|agrees|hired|hires|paid|pays|invested|invests|"
    r"licensed|licenses|licences|acquired|acquires|bought|buys|took|takes|taken|brought|brings|struck|strikes|signed|"
    r"signs|confirmed|confirms|declined|raised|raises|plans|poached|poaches|snapped|snares|nabs|taps|tapped|lures|"
    r"acqui-?hires|acqui-?hired|welcomes|rehires|spent|spends|reached|reaches)\b"
)
_ACRONYM = re.compile(r"[A-Z]{2,5}")
_LETTERS = re.compile(r"[^\W\d_]+")
# A name, then its possessive or titles, right before a person ("Loopt CEO ", "Loopt's ", "Loopt
# co-founder and CEO "): the person named as that company's.
_COMPANY_TITLE_BEFORE = re.compile(
    r"(?<![\w.&-])(?P<name>[A-Z][\w.&-]*)(?P<own>['’]s)?"
    r"(?P<titles>(?:\s+(?:co-?founder|founder|CEO|chief\s+executive(?:\s+officer)?|president|CTO|and))*)\s+$"
)
# A capitalised word inside a sentence ("(?<=[a-z,;] )[A-Z][\w.&-]*", its capital read first).
# (a full stop after it closes the sentence: "join Halcyon." counts Halcyon)
_BODY_WORD = re.compile(r"[A-Z](?<=[a-z,;] [A-Z])(?:[\w&-]|\.(?=\w))*")
_UNIT_AFTER = re.compile(
    r"^\)?\s+(?:team|unit|division|group|lab|department|organi[sz]ation)\b", re.IGNORECASE
)
# "sa plateforme éponyme de « Data Intelligence »": the name of a platform or product, quoted.
_THING_QUOTED_BEFORE = re.compile(
    r"\b(?:plateforme|produit|offre|marque|solution|logiciel|service|programme|projet|platform|"
    r"product|brand|plataforma|producto|produto|marca)\s+(?:[\w'’-]+\s+){0,2}«\s*$",
    re.IGNORECASE,
)
# "the Apple Foundation Models (AFM) team": the rest of a unit's name after its company's, then
# the acronym's bracket
_UNIT_NAME_AFTER_OWNER = re.compile(r"(?:\s+[A-Z][\w-]*){1,4}\s*\(")
# "He ran GitHub at Microsoft": a part of the large company named after "at", led by a person.
_LED_BEFORE = re.compile(
    r"\b(?:ran|runs|led|leads|headed|heads|oversaw|oversees|managed|manages)\s+$"
)
# What only a company does: raise money, be valued, be founded, employ people, ship products.
_COMPANY_VERB_AFTER = re.compile(
    r"^(?:'s|’s)?,?\s+(?:(?:has|had|have|also|recently|reportedly|previously|will|would|which|that|is|was|then)\s+)*"
    r"(?:raised|raises|was\s+founded|(?:co-?)?founded\s+(?:by|in)|is\s+based|was\s+valued|is\s+valued|employs|employed|builds|makes|develops|"
    r"sells|continue[sd]?\s+(?:to\s+operate|operating|as\s+an?\s+independent)|remain(?:s|ed)?\s+(?:an?\s+)?independent|"
    r"will\s+continue|stays?\s+independent|licensed\s+its|exists)\b",
    re.IGNORECASE,
)
_NUMBERED = re.compile(r"\d+[.)]\s+")
_ADJECTIVE_END = re.compile(r"-(?:based|backed|born|origin|focused|owned)$")
# "the company's president", "the startup’s chief executive": what a person is at a company.
_OWNED_TITLE = re.compile(
    r"^(?:[\w-]+\s+){0,2}?[\w-]+(?:'s|’s)\s+(?:\w+\s+)?(?:president|chief|ceo|cto|coo|cfo|founder|co-?founder|"
    r"head|director|chair\w*|vice|vp|executive|officer|engineer|researcher|scientist|lead)\b"
)
_BRAND = re.compile(r"[a-z][A-Z]|\.ai$|\.com$|[a-z]\.(?:io|it|ly|co|me|fm)$")
_DOMAIN_NAME = re.compile(r"[a-z]\.(?:ai|com|io)$")
# What an appositive calls a firm that invests in startups ("a VC firm", "a venture capital fund")
_VENTURE_FIRM = re.compile(
    r"(?:[\w-]+\s+){0,2}?(?:vc|venture(?:\s+capital)?|private[\s-]+equity)\s+(?:firm|fund|investor|company)\b"
)
_APPOSITIVE = re.compile(
    # (or a number, after a list: "Dark Blue Labs and Vision Factory, two deep learning startups")
    r"^,\s+(?:an?|the|une?|la|el|die|eine?|um|uma|two|three|four|both|deux|trois|dos|tres|zwei|drei)\s+([^,.;]{0,60})",
    re.IGNORECASE,
)
# The words after a comma, where a language writes no article before an appositive's noun
_BARE_APPOSITIVE = re.compile(r"^,\s+([^,.;]{1,60})")
# What the name is, said by a verb "to be" and an indefinite article after it ("Quillbyte ist ein
# Start-up aus München", "Quillbyte is a routing startup", "Quillbyte est une jeune pousse")
_PREDICATE = re.compile(
    r"^\s+(?:is|was|ist|war|est|était|es|era|é|è)\s+(?:an?|ein|eine|un|une|um|uma|una|uno)\s+"
    r"([^,.;]{0,60})",
    re.IGNORECASE,
)
# "of" after an appositive's head noun, in the languages read ("la patronne d'un groupe")
_OF_AFTER_HEAD = re.compile(r"\s(?:of|de|du|des|di|del|della|dello|von|vom|do|da)\s|\sd['’]")
# A verb right after the noun of a seeming appositive: the noun opens a clause of its own ("In a
# report by Eric Newcomer, the company is said to be paying …"), it describes no name before it.
_CLAUSE_VERB_AFTER = re.compile(
    r"\s+(?:is|was|has|had|will|would|could|can|may|might|said|says|plans|agreed|announced|"
    r"reportedly|also|est|a|ist|hat|wird|es|ha|é|tem|foi)\b"
)
# a colon, a bracket, a quote (any language's opening quote: "« Généralement, …"), a bullet, a
# dash before
_OPENED = re.compile(r"[:(\"“«„‚‘•|—–]\s*$")
# A short label before a colon that opens a sentence ("What Happened:", "Why It Matters:", "The news:"):
# its first word, then where the sentence proper starts.
_KICKER = re.compile(r"([A-Z][\w'’]*)(?:\s+[\w'’-]+){0,3}:\s+")
_BULLET = re.compile(r"^[\s\"“‘'(\[•*–—-]*")
# A name in Hangul, Kana or Hanzi with its Latin spelling in brackets right after it, as Korean,
# Japanese and Chinese outlets introduce a foreign company: "스타트업 ‘웨이브폼스’(WaveForms)".
_GLOSSED = re.compile(
    rf"(?P<native>[{UNCASED_LETTERS}·ー]{{2,20}})[’'”」』]?\s?[(（]\s?"
    r"(?P<latin>[A-Z][A-Za-z0-9.&'’-]*(?: [A-Z][A-Za-z0-9.&'’-]*){0,3})\s?[)）]"
)
# The other way round, a Latin name with its spelling in the text's own script after it, in
# brackets: "モバイルアプリSummly(サムリー)"; the article may go on to use either.
_GLOSSED_AFTER = re.compile(
    r"(?<![A-Za-z0-9])(?P<latin>[A-Z][A-Za-z0-9.&'’-]*(?: [A-Z][A-Za-z0-9.&'’-]*){0,3})\s?[(（]\s?"
    rf"(?P<native>[{UNCASED_LETTERS}·ー]{{2,20}})\s?[)）]"
)
GLOSS_CUE_REACH = 12  # how far before a glossed name a word like "스타트업" says what it is
# A name in Hangul, Kana or Hanzi alone, in quotes: "스타트업인 ‘컨보고’를", "低代码厂商“黑帕云”"
_QUOTED_NATIVE = re.compile(rf"[‘'“「『\"](?P<native>[{UNCASED_LETTERS}·ー]{{2,5}})[’'”」』\"]")
# What joins a kind word to the name it introduces in Japanese: "スタートアップ・X", "スタートアップのX"
_NAME_AFTER_KIND = frozenset("・の")


@dataclass(frozen=True, slots=True)
class NameData:
    not_companies: frozenset[str]
    demonym_nouns: frozenset[str]  # "Brytyjczyk" of "Brytyjczyk Nick D'Aloisio": before a name
    function_words: frozenset[str]
    suffixes: frozenset[str]
    legal_forms: frozenset[str]  # "Inc.", "GmbH": left out of a company's name
    # "University", "Court": a name that holds one is where people study, or a court
    institution_words: frozenset[str]
    verbs_in_capitals: frozenset[str]  # "WILL" of "HP WILL acquire": ends the name before it
    people_of: frozenset[str]  # "Members" of "Members of Lumeo": the company is after "of"
    determiner_before: re.Pattern[str]  # "the " of "the Boxee Box": a thing's name follows
    formerly: re.Pattern[str]  # what stands between a company's name and its former name
    for_short: re.Pattern[str]  # what stands after a short name given to a company's long one
    suffix_spellings: dict[str, str]  # "랩스" -> "Labs": a name's last word in another script
    suffix_spelt: re.Pattern[str]  # one of them right after a Latin name


@cache
def name_words() -> dict[str, Any]:
    """lexicon/names.toml as written: the words that tell what a capitalised word is."""
    return tomllib.loads((LEXICON_DIR / "names.toml").read_text(encoding="utf-8"))


@cache
def name_data() -> NameData:
    data = name_words()
    return NameData(
        not_companies=frozenset(data["not_companies"]) | frozenset(data["demonym_nouns"]),
        demonym_nouns=frozenset(data["demonym_nouns"]),
        function_words=frozenset(data["function_words"]),
        suffixes=frozenset(data["company_suffixes"]),
        legal_forms=frozenset(data["legal_forms"]),
        institution_words=frozenset(data["institution_words"]),
        verbs_in_capitals=frozenset(data["verbs_in_capitals"]),
        people_of=frozenset(data["people_of"]),
        determiner_before=re.compile(
            r"(?<![\w'’])(?:" + literal_alternation(data["determiners"]) + r")\s+$", re.IGNORECASE
        ),
        formerly=re.compile(
            r"\s*[,(]?\s*(?:"
            + "|".join(
                re.escape(w).replace(r"\ ", r"\s+")
                for w in sorted(data["formerly"], key=len, reverse=True)
            )
            + r")\s*",
            re.IGNORECASE,
        ),
        for_short=re.compile(
            r"\s+(?:"
            + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in data["for_short"])
            + r")\b"
        ),
        suffix_spellings=dict(data["suffix_spellings"]),
        suffix_spelt=re.compile(
            r"[ \u00a0]?("
            + literal_alternation(sorted(data["suffix_spellings"], key=len, reverse=True))
            + ")"
        ),
    )


# the words of lexicon/names.toml the patterns below are built from
_WORDS = name_words()


@dataclass(frozen=True, slots=True)
class OrgMention:
    name: str  # canonical
    surface: str  # as written
    sentence: int
    start: int  # offsets into the sentence's raw text
    end: int
    generic: bool = False  # "the startup", "the tech giant": resolved to a named company


def without_names(folded: str, orgs: Sequence[OrgMention]) -> str:
    """A folded text with the companies named in it blanked out, its offsets kept: what a name
    says ("Quillbyte Incorporated", "First Round Capital") is not what the words around it say."""
    for o in orgs:
        surface = fold(o.surface)
        if not o.generic and surface in folded:
            folded = folded.replace(surface, " " * len(surface))
    return folded


@dataclass(frozen=True, slots=True)
class PersonMention:
    name: str  # full name, as first written in full
    sentence: int
    start: int
    end: int


@dataclass(slots=True)
class Names:
    """The organisations and people of one article."""

    orgs: list[list[OrgMention]]  # per sentence, in text order
    people: list[list[PersonMention]]  # per sentence, in text order
    kinds: dict[str, str]  # canonical org name -> acquirer, startup or unknown
    evidence: dict[str, set[str]]  # canonical org name -> why it is an organisation
    affiliation: dict[str, str] = field(default_factory=dict)  # person -> organisation
    aliases: dict[str, set[str]] = field(default_factory=dict)  # canonical -> every surface
    # (person, acquirer) -> startup: a known deal moved the person from it (watchlist)
    known_homes: dict[tuple[str, str], str] = field(default_factory=dict)
    # city -> the listed acquirer whose home it is ("the Mountain View giant": Google; watchlist)
    acquirer_homes: dict[str, str] = field(default_factory=dict)
    # person -> the listed company they lead (watchlist): "Mark Zuckerberg" leads Meta
    leaders: dict[str, str] = field(default_factory=dict)

    def is_confirmed(self, org: str) -> bool:
        return bool(self.evidence.get(org))

    def sentences_naming(self, org: str) -> set[int]:
        return {m.sentence for sentence in self.orgs for m in sentence if m.name == org}


# ---------------------------------------------------------------------------------------------


def _watchlist_pattern(
    watchlist: Watchlist,
    genitive_s: bool,
    case_ending: bool = False,
    endings: tuple[str, ...] = (),
) -> re.Pattern[str] | None:
    """The watchlist's names as written; with ``genitive_s`` also before a genitive "s" written
    right against the name, as German does ("Googles Team", "Nvidias Angebot"); with
    ``case_ending`` also before a case ending after an apostrophe, as Turkish writes ("Meta’nın");
    with ``endings`` also before one of them written right against the name, as Polish declines
    a name ("Microsoftu", "Facebooka")."""
    names = [n for n, _ in watchlist.all_names()]
    if not names:
        return None
    latin = [n for n in names if n.isascii() or re.match(r"[A-Za-zÀ-ÿ]", n)]
    other = [n for n in names if n not in latin]
    if genitive_s:
        # German joins names into compounds with hyphens: "Scale-AI-Mitgründer", "Windsurf-Technologie"
        latin += [n.replace(" ", "-") for n in latin if " " in n]
    parts = []
    if latin:
        if case_ending:
            after = r"(?![A-Za-z0-9\u00c0-\u024f]|-[A-Za-z](?!\b)))"
        elif genitive_s:
            after = r"(?![A-Za-z0-9\u00c0-\u024f]|['’][A-Za-z](?!\b)|-[a-zà-ÿ](?!\b)))"
        else:
            after = r"(?![A-Za-z0-9\u00c0-\u024f]|[-'’][A-Za-z](?!\b)))"
        ending = "s?" if genitive_s else ""
        if endings:
            ending = "(?:" + "|".join(re.escape(e) for e in endings) + ")?"
        parts.append(
            literal_alternation(
                sorted(set(latin), key=len, reverse=True),
                not_after=r"[A-Za-z0-9\u00c0-\u024f.@/#-]",
                then="(?=" + ending + after,
                rest_any_case=True,
            )
        )
    if other:
        parts.append(literal_alternation(sorted(set(other), key=len, reverse=True)))
    return re.compile("|".join(parts))


_WATCHLIST_PATTERNS: dict[tuple[int, bool, bool, tuple[str, ...]], re.Pattern[str] | None] = {}


def _watchlist_rx(
    watchlist: Watchlist,
    genitive_s: bool = False,
    case_ending: bool = False,
    endings: tuple[str, ...] = (),
) -> re.Pattern[str] | None:
    key = (hash(watchlist), genitive_s, case_ending, endings)
    if key not in _WATCHLIST_PATTERNS:
        if len(_WATCHLIST_PATTERNS) > 16:
            _WATCHLIST_PATTERNS.clear()
        _WATCHLIST_PATTERNS[key] = _watchlist_pattern(watchlist, genitive_s, case_ending, endings)
    return _WATCHLIST_PATTERNS[key]


def _strip_possessive(word: str) -> str:
    """``word`` without a final "'s", "’s", "'" or "’"."""
    if word.endswith(("'s", "’s")):
        return word[:-2]
    return word[:-1] if word.endswith(("'", "’")) else word


def _sentence_opening(raw: str) -> int:
    """Where the first word of a sentence starts (after bullets, quotes, list numbers)."""
    m = _BULLET.match(raw)
    pos = m.end() if m else 0
    numbered = _NUMBERED.match(raw, pos)
    return numbered.end() if numbered else pos


# The words of a person's title, never part of their name (lexicon/names.toml)
_TITLE_WORDS = frozenset(_WORDS["title_words"])


_TICKER = re.compile(
    r"(?<=[A-Za-z0-9.’')])\s*\((?:(?P<exchange>NASDAQ|Nasdaq|NYSE|NYSEARCA|AMEX|LSE|TSX|TSE|KRX|KOSDAQ|HKEX|SEHK|"
    r"OTC|ETR|FRA|EPA|BIT|SIX)\s*:\s*|(?P<mark>s)\s+)?[A-Z]{2,5}(?:\.[A-Z]{1,2})?\)"
)  # ("(s LNKD)": a stock symbol as GigaOM marks it)
# A lower-case word and a company's word after it, a brand's own spelling ("dex Labs")
# (a few of ``company_suffixes``: those no lower-case word before them is likely to mean in prose)
_BRAND_ENDINGS = (" Labs", " Technologies", " Systems", " Robotics", " Studios", " Networks")
# Digits, then at least two letters and nothing else of a number: "60db", "37signals", "23andMe"
_DIGIT_LED_NAME = re.compile(r"(?<![\w.,$€£-])\d{1,4}(?=[a-zA-Z]{2})[a-zA-Z][\w]*(?![\w.-]*\d)")
_LOWER_CASE_BRAND = re.compile(
    r"(?<![\w.'’-])([a-z][a-z0-9]{1,15})\s+(?:"
    + "|".join(ending.strip() for ending in _BRAND_ENDINGS)
    + r")\b"
)
# A word in lower case right before a comma (a brand, when a purchase's verb takes it and an
# appositive describes it: ``_read_lower_case_bought``)
_LOWER_CASE_NAME_BEFORE_COMMA = re.compile(r"(?<![\w.'’-])([a-z][a-z0-9]{1,15}),\s")
# A case ending after a name's apostrophe, as Turkish writes it ("Lumeo’yu", "OpenAI'ın").
_CASE_ENDING = re.compile(r"['’][a-zçğıöşü]{1,6}$")
_POSSESSIVE_END = re.compile(r"(?:'s|’s)?\s*$")
_JOINING_WORDS = frozenset({"&", "of", "de", "la", "van", "von", "der"})
# German "von" right before a name read already: "FriendFeed-Mitarbeiter von Facebook" (not a
# title "of" a company: "PDG de Groq")
_JOINED_BEFORE = re.compile(r"\s+von\s+$")
_ADJECTIVE_SUFFIXES = (
    "-based",
    "-backed",
    "-born",
    "-origin",
    "-focused",
    "-owned",
    "-led",
    "-year-old",
    # "Seattle-area Sparkbuy", "a Bay Area-headquartered startup": where it is, no name
    "-area",
    "-headquartered",
    # "the AI-powered coaching tool", "an AI-first bank": what a thing is like, no name
    "-powered",
    "-driven",
    "-enabled",
    "-native",
    "-first",
    "-centric",
)


def _word_spans(run: str) -> list[tuple[int, int]]:
    """The spans of a run's words, split at whitespace."""
    spans = []
    pos = 0
    for word in run.split():
        start = run.index(word, pos)
        pos = start + len(word)
        spans.append((start, pos))
    return spans


_CONTRACTION = re.compile(r"(?:['’](?:ve|re|ll|m|d)|n['’]t)$")


def _contracted(word: str) -> bool:
    return ("'" in word or "’" in word) and _CONTRACTION.search(word) is not None


# A name never ends on an article.
_ARTICLES = frozenset({"The", "A", "An"})


# The word after a name and its comma, where a legal form stands ("Yes, Inc.")
_WORD_AFTER = re.compile(r",?\s(\S+?)(?=[\s,;:)]|\.?$|\.\s)")


def _incorporated(raw: str, start: int, end: int, data: NameData) -> list[tuple[int, int]]:
    """A word read as no name that the text incorporates ("Twitter Acquires Yes, Inc."): the
    name with its legal form, else nothing."""
    m = _WORD_AFTER.match(raw, end)
    if m is None or " " in raw[start:end]:
        return []
    form = m.group(1)
    if form in data.legal_forms:
        return [(start, m.end())]
    if f"{form}." in data.legal_forms and raw[m.end() : m.end() + 1] == ".":
        return [(start, m.end() + 1)]  # "Inc." at a sentence's end: the full stop is the form's
    return []


def _no_name_opens_on(bare: str, data: NameData) -> bool:
    """A function word, a joining word or a contraction: no name's first word."""
    return bare in data.function_words or bare in _JOINING_WORDS or _contracted(bare)


# A quotation in the text: a headline quoted is one ("a story titled “Harbor Will Pay $1 Million
# To ‘Buy’ An Engineer”"), up to its closing mark or the sentence's end
_QUOTED = re.compile(r"[“\"«]([^”\"»]{12,200})")


def _quoted_titles(raw: str) -> list[tuple[int, int]]:
    """Where a sentence quotes a headline in Title Case (``is_title_case``): its capitals mark no
    names there (a listed name is read before, and stays)."""
    if "“" not in raw and '"' not in raw and "«" not in raw:
        return []
    return [m.span(1) for m in _QUOTED.finditer(raw) if is_title_case(m.group(1))]


def _split_run(run: str, data: NameData, *, inside_prose: bool = False) -> list[tuple[int, int]]:
    """The name candidates inside a capitalised run: offsets relative to the run. With
    ``inside_prose`` (the run stands inside a sentence of prose), a capital "A" or "The" opening
    it is no article but the name's first word ("will acquire A Bit Lucky", "has acquired The Eye
    Tribe")."""
    out = []
    words = _word_spans(run)
    if len(words) == 1:  # one word: a candidate unless it is a function, joining or title word
        bare = _strip_possessive(run[words[0][0] : words[0][1]]).rstrip(".,:;")
        if bare in data.function_words or bare in _JOINING_WORDS or bare in _TITLE_WORDS:
            return []
        if _contracted(bare):  # "We've", "I’m", "Don't": a pronoun or a verb, no name
            return []
        return [] if bare.endswith(_ADJECTIVE_SUFFIXES) else words
    cur: list[tuple[int, int]] = []

    def flush() -> None:
        # (nor an article: "Key Players and Their Roles The acquisition …", a heading run into
        # the sentence it heads)
        while cur and run[cur[-1][0] : cur[-1][1]] in _JOINING_WORDS | _ARTICLES:
            cur.pop()
        if cur:
            out.append((cur[0][0], cur[-1][1]))
        cur.clear()

    for i, (s, e) in enumerate(words):
        word = run[s:e]
        bare = _strip_possessive(word).rstrip(".,:;")
        if (
            not cur
            and _no_name_opens_on(bare, data)
            and not (inside_prose and i == 0 and word in ("A", "The"))
        ):
            continue
        if not cur and bare in data.people_of and run[e : e + 4] == " of ":
            continue  # "Members of Lumeo's team": Lumeo's people, the company after "of"
        if bare in data.not_companies and not cur and i + 1 < len(words):
            continue  # "told TechCrunch Twitter is paying": an outlet, then the company
        if cur and all(
            _strip_possessive(run[ws:we]).rstrip(".,:;") in data.suffixes for ws, we in words[i:]
        ):
            # "Magic Pony Technology", "Karlsruhe Information Technology Solutions": a company's
            # last words, no title's
            cur.extend(words[i:])
            break
        if (
            bare in _TITLE_WORDS
            or bare.endswith(_ADJECTIVE_SUFFIXES)
            or cur
            and bare.isupper()
            and len(bare) > 1
            and (
                bare.capitalize() in data.function_words
                or bare.capitalize() in data.verbs_in_capitals
            )
        ):
            flush()  # a title, "-based", or a lead in capitals running into its verb ("HP WILL")
            continue
        if bare == "AI" and not cur and len(words) > 1:
            continue  # "AI Officer", "AI Acquihires": a heading, not "AI" the company
        cur.append((s, e))
        if word != bare and (word.endswith(("'s", "’s", "'", "’"))):
            flush()
    flush()
    return out


def _glosses_a_phrase(raw: str, start: int, surface: str) -> bool:
    """Words of English in brackets right after a word in the text's own script, spelling out
    what that word means ("感情知能(Emotional Intelligence)"): a translation, not a name. A
    single word there may be a company's Latin name ("멀티(Multi)"), so it is left to the rest."""
    return (
        len(surface.split()) >= 2
        and raw[start - 1 : start] in {"(", "（"}
        and start >= 2
        and not raw[start - 2].isascii()
        and not raw[start - 2].isspace()
    )


def _a_word_for_a_purchase(folded: str, lex: Lexicon) -> bool:
    """A word for a purchase or a talent deal, in the language or in the English every lexicon
    holds too ("acquisition", "acquihire", "Übernahme")."""
    return bool(lex.cues["acquire"].fullmatch(folded) or lex.cues["acquihire"].fullmatch(folded))


def _a_function_word(word: str, data: NameData) -> bool:
    """A word of the lists of function words, as written or in capitals ("THIS", "THE")."""
    return word in data.function_words or (
        len(word) > 1 and word.isupper() and word.capitalize() in data.function_words
    )


def _past_spaces(text: str, at: int) -> int:
    """Where the text goes on after the white space at ``at``."""
    while at < len(text) and text[at].isspace():
        at += 1
    return at


def _is_person_like(name: str) -> bool:
    return PERSON.fullmatch(name) is not None


def _without_case_ending(person: PersonMention, lex: Lexicon) -> PersonMention:
    """A person's name without the case ending a language writes after an apostrophe ("Jony
    Ive'ın", "Ayşe Demir'i": Jony Ive, Ayşe Demir), so that each person is one name."""
    if not lex.case_after_apostrophe:
        return person
    name = _CASE_ENDING.sub("", person.name)
    if name == person.name:
        return person
    return PersonMention(name, person.sentence, person.start, person.start + len(name))


def find_names(sentences: Sequence[Sentence], watchlist: Watchlist, lex: Lexicon) -> Names:
    """The organisations and people of an article: people first (so their names are never read
    as companies), then the watchlist's companies and the capitalised runs the text treats as
    companies, one canonical name each, with what says each is a company."""
    scan = _NameScan(sentences, watchlist, lex)
    raw_orgs, people_raw = scan.read()
    # One canonical name per company: "Inflection" is "Inflection AI", "HumanLoop" is "Humanloop".
    canonical = _canonical_names(
        raw_orgs,
        watchlist,
        scan.data,
        scan.adjective_ai - scan.plain_ai,
        _named_after(_PRODUCT_NOUN_BEFORE, sentences, raw_orgs),
        _named_after(_COMPANY_WORD_BEFORE, sentences, raw_orgs),
    )
    canonical |= _former_names(sentences, raw_orgs, canonical, scan.data)
    orgs, kinds, aliases = _org_mentions(sentences, raw_orgs, canonical, watchlist)
    people = [
        [
            _without_case_ending(PersonMention(name, i, st, e), lex)
            for name, st, e in sorted(found, key=lambda f: f[1])
        ]
        for i, found in enumerate(people_raw)
    ]
    evidence = _org_evidence(sentences, orgs, kinds, scan)
    for name in _units(sentences, orgs, kinds):
        if kinds.get(name) == "unknown":
            kinds[name] = "unit"  # a team inside a large company: never a deal's target
    known_homes = {
        (name, acquirer): startup
        for name in {p.name for sentence in people for p in sentence}
        for acquirer, startup in watchlist.homes_of(name).items()
    }
    return Names(
        orgs,
        people,
        kinds,
        evidence,
        aliases=aliases,
        known_homes=known_homes,
        acquirer_homes=watchlist.acquirers_by_home(),
        leaders=_leaders(watchlist),
    )


RawOrg = tuple[str, str, int, int, str]  # surface, name, start, end, kind
RawPerson = tuple[str, int, int]  # name, start, end


def _overlaps_any(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(start < e and st < end for st, e in spans)


class _NameScan:
    """One article's names as first read, sentence by sentence: the people it names, then the
    watchlist's companies and every capitalised run the text treats as a company."""

    def __init__(self, sentences: Sequence[Sentence], watchlist: Watchlist, lex: Lexicon) -> None:
        self.sentences = sentences
        self.watchlist = watchlist
        self.lex = lex
        self.data = data = name_data()
        self._org_cues: dict[tuple[int, int, int], str | None] = {}  # (sentence, start, end)
        self.text_body = "\n".join(s.raw for s in sentences if not s.is_headline)
        self.spaced_latin = lex.spaced and lex.language not in {"de"}
        self.watch_rx = _watchlist_rx(
            watchlist,
            genitive_s=lex.language == "de",
            case_ending=lex.case_after_apostrophe,
            endings=lex.name_endings,
        )
        self.person_names = dict(_listed_people(watchlist))  # surface -> full name
        # People: a two- or three-word name with a title, speech, an age, in a list of people,
        # with its surname used alone, or with nothing that makes it a company.
        # each sentence's two- and three-word capitalised names, read once for both passes
        self.person_matches = [list(PERSON.finditer(s.raw)) for s in sentences]
        # the capitalised words the text writes right before a verb of buying: companies
        self.buyers = _buyers_by_name("\n".join(s.raw for s in sentences if not s.title_case), lex)
        found_people, evidenced = _people(
            sentences, watchlist, lex, data, self.text_body, self.buyers, self.person_matches
        )
        self.person_names.update(found_people)
        self.surnames: dict[str, str] = {}
        self.given_names: set[str] = set()
        # the first person shown to be one keeps a surname; then the people the text names, before
        # the watchlist's others ("Mr. Mohan" of a story that names Neal Mohan is not Varun Mohan)
        for full in [*evidenced, *found_people.values(), *self.person_names.values()]:
            if " " in full:
                self.surnames.setdefault(full.split()[-1], full)
                self.given_names.add(full.split()[0])  # "Noam" of "Noam Shazeer": no company alone
        for surname, full in _listed_surnames(watchlist):
            # a spelling of a known person's name: "Süleyman" alone is Mustafa Suleyman, "Шазир"
            # alone is Noam Shazeer
            self.surnames.setdefault(surname, full)
        # surnames of letters only, capitalised, are looked up word by word; any other (rare:
        # "O'Brien") through a pattern compiled for the article
        odd = tuple(n for n in self.surnames if not _PLAIN_SURNAME.fullmatch(n))
        self.surname_rx = _surname_rx(odd) if odd else None
        self.title_case_headline = (
            bool(sentences) and sentences[0].is_headline and sentences[0].title_case
        )
        prose = "\n".join(s.raw for s in sentences if not s.is_headline and not s.title_case)
        self.body_words = Counter(_BODY_WORD.findall(prose))
        # whether any sentence writes a brand in lower case before a company's word ("dex Labs")
        self.lower_case_brands = lex.spaced and any(
            word in s.raw for s in sentences for word in _BRAND_ENDINGS
        )
        self.adjective_ai: set[str] = set()  # "Humanloop AI talent": "AI" describes the talent
        self.plain_ai: set[str] = set()
        # Korean, Japanese, Chinese: the companies the text spells in Latin once, by their own script
        self.glosses: dict[str, str] = {}  # native spelling -> Latin name of a new company
        # "MS" of "마이크로소프트(MS)": the Latin short name, as a pattern, and the listed company
        self.gloss_aliases: dict[str, tuple[re.Pattern[str], Entity]] = {}
        if not lex.spaced:
            self._read_glosses(sentences)

    def org_cue(self, s: Sentence, start: int, end: int) -> str | None:
        """Why the text treats [start, end) of a sentence as an organisation (read once)."""
        key = (s.index, start, end)
        if key not in self._org_cues:
            self._org_cues[key] = _org_cue(s.raw, start, end, self.lex)
        return self._org_cues[key]

    def read(self) -> tuple[list[list[RawOrg]], list[list[RawPerson]]]:
        raw_orgs: list[list[RawOrg]] = [[] for _ in self.sentences]
        people_raw: list[list[RawPerson]] = [[] for _ in self.sentences]
        for s in self.sentences:
            # a ticker in brackets after a name ("Nvidia (NASDAQ:NVDA)", "Meta Platforms (META)")
            # is that company's symbol, never a company of its own, even one a site mislabels
            taken = self._tickers(s.raw)
            self._read_watchlisted(s, taken, raw_orgs[s.index], people_raw[s.index])
            self._read_known_people(s, taken, people_raw[s.index])
            if people_raw[s.index]:
                self._leaders_for_companies(s, raw_orgs[s.index], people_raw[s.index])
            if self.glosses or self.gloss_aliases:
                self._read_glossed(s, taken, raw_orgs[s.index])
            for m in _phrases_rx(self.data.not_companies).finditer(s.raw):
                taken.append((m.start(), m.end()))  # "Competition and Markets Authority"
            self._read_lower_case_brands(s, taken, raw_orgs[s.index])
            self._read_lower_case_bought(s, taken, raw_orgs[s.index])
            self._read_digit_led_names(s, taken, raw_orgs[s.index])
            self._read_runs(s, taken, raw_orgs[s.index])
        if self.lex.spaced:
            self._read_named_elsewhere(raw_orgs, people_raw)
        return raw_orgs, people_raw

    def _read_named_elsewhere(
        self, raw_orgs: list[list[RawOrg]], people_raw: list[list[RawPerson]]
    ) -> None:
        """A name the text has shown to be a company's in one sentence is the company's in every
        sentence, where nothing else marks it ("Dada Nexus offers …" opening a sentence; in
        German, where every noun is capitalised and a word must mark a name, "des Startups
        Quillbyte", then "Harbor hat Quillbyte übernommen")."""
        shown = {(o[1], o[4]) for found in raw_orgs for o in found if o[0] == o[1]}
        read = Counter(o[0] for found in raw_orgs for o in found)
        whole = "\n".join(s.raw for s in self.sentences)
        by_surface = {
            # as written, and without its legal form ("Pebble Nexus" of "Pebble Nexus Ltd")
            written: (name, kind)
            for name, kind in shown
            for written in {name, _without_legal_form(name, self.data)}
            # (only a name written more often than it was read; not a common word read as a name
            # once: "Voice" of a text that writes "voice")
            if whole.count(written) > read[written]
            and (self.lex.language == "de" or not self._written_as_a_phrase(written))
        }
        longest_first = sorted(by_surface, key=len, reverse=True)
        for s in self.sentences:
            held = [n for n in longest_first if n in s.raw]
            if not held:
                continue
            taken = [(o[2], o[3]) for o in raw_orgs[s.index]]
            taken += [(p[1], p[2]) for p in people_raw[s.index]]
            rx = re.compile(
                r"(?<![\w-])(?:" + "|".join(map(re.escape, held)) + r")(?![\w])(?:-[\w-]+)?"
            )
            for m in rx.finditer(s.raw):
                # (or a compound of the name and its people or product, "das gesamte
                # Buddybuild-Team": the name's mention; not "Lumeo-based")
                surface = self._without_people_joined(m.group(0))
                start, end = m.start(), m.start() + len(surface)
                if surface not in by_surface or _overlaps_any(taken, start, end):
                    continue
                if " " not in surface and _THE_BEFORE.search(s.raw, 0, start):
                    continue  # (not "as reported by The Post": a paper's short title)
                if self.lex.language != "de" and _CAPITALISED_BEFORE.search(s.raw, 0, start):
                    continue  # (not "The Washington Post": the end of a longer name)
                name, kind = by_surface[surface]
                raw_orgs[s.index].append((surface, name, start, end, kind))
                taken.append((start, end))

    def _read_lower_case_brands(
        self, s: Sentence, taken: list[tuple[int, int]], orgs: list[RawOrg]
    ) -> None:
        """A brand that opens in lower case and ends on a company's word ("a contratação do time
        da dex Labs"): a company, though no capital opens it."""
        if not self.lower_case_brands:
            return
        for m in _LOWER_CASE_BRAND.finditer(s.raw):
            if (
                _overlaps_any(taken, m.start(), m.end())
                or m.group(1).capitalize() in self.data.function_words  # "our Labs"
            ):
                continue
            orgs.append((m.group(0), m.group(0), m.start(), m.end(), "unknown"))
            taken.append((m.start(), m.end()))

    def _read_lower_case_bought(
        self, s: Sentence, taken: list[tuple[int, int]], orgs: list[RawOrg]
    ) -> None:
        """A word in lower case that a purchase takes (``_bought_before``) and an appositive calls a
        startup ("acquiring io, a hardware startup founded by …"): a company, though no capital
        opens it."""
        if not self.lex.spaced or ", " not in s.raw:
            return
        for m in _LOWER_CASE_NAME_BEFORE_COMMA.finditer(s.raw):
            start, end = m.span(1)
            if (
                _overlaps_any(taken, start, end)
                or m.group(1).capitalize() in self.data.function_words
            ):
                continue
            before = fold(s.raw[max(0, start - 70) : start])
            if not _bought_before(noun_before_of(before, self.lex), before, m.group(1), self.lex):
                continue
            if _described_after(s.raw[end : end + 80], self.lex) != "appositive":
                continue
            orgs.append((m.group(1), m.group(1), start, end, "unknown"))
            taken.append((start, end))

    def _read_digit_led_names(
        self, s: Sentence, taken: list[tuple[int, int]], orgs: list[RawOrg]
    ) -> None:
        """A name that opens on digits ("60db", "37signals", "23andMe"), right after a word for a
        kind of company ("das Audionews-Start-up 60db", "the startup 37signals") or a purchase's
        noun and "of" ("l'acquisto di 60dB"): no capital opens it, and only the words before say
        it is a name, not a measure."""
        for m in _DIGIT_LED_NAME.finditer(s.raw):
            if _overlaps_any(taken, m.start(), m.end()):
                continue
            before = s.raw[max(0, m.start() - 70) : m.start()]
            folded_before = fold(before)
            if _kind_word_before(before, folded_before, self.lex) or _bought_before(
                noun_before_of(folded_before, self.lex), folded_before, m.group(0), self.lex
            ):
                orgs.append((m.group(0), m.group(0), m.start(), m.end(), "unknown"))
                taken.append((m.start(), m.end()))

    def _leaders_for_companies(
        self, s: Sentence, orgs: list[RawOrg], people: list[RawPerson]
    ) -> None:
        """A listed person who leads a listed company stands for it in a sentence that does not
        name it: "Zuckerberg paid $14.3 billion for 49% of Scale AI" is Meta's payment."""
        leaders = _leaders(self.watchlist)
        if not leaders:
            return
        named = {org[1] for org in orgs}
        for i in range(len(people) - 1, -1, -1):
            name, start, end = people[i]
            leads = leaders.get(name)
            if leads is None:
                continue
            if leads in named and not self.lex.cues["led_by"].search(
                fold(s.raw[max(0, start - 30) : start])
            ):
                continue  # (but "à empresa liderada por Mark Zuckerberg" is Meta, named or not)
            if self._named_as_of_another(s.raw[max(0, start - 60) : start], leads):
                continue  # "Loopt CEO Sam Altman", "Loopt's Sam Altman": the text's own company for him
            company = self.watchlist.lookup(leads)
            if company is not None:
                orgs.append((s.raw[start:end], company.name, start, end, company.kind))
                del people[i]

    def _named_as_of_another(self, before: str, leads: str) -> bool:
        """The words before a listed leader name him as another company's: its name with a
        possessive or a title right before him (not his own company's, not a title alone)."""
        m = _COMPANY_TITLE_BEFORE.search(before)
        if m is None or not (m.group("own") or m.group("titles").strip()):
            return False
        word = m.group("name")
        if word in _TITLE_WORDS:
            return False  # "Founder and CEO Sam Altman": titles alone
        listed = self.watchlist.lookup(word)
        return listed is None or listed.name != leads

    def _tickers(self, raw: str) -> list[tuple[int, int]]:
        """Brackets holding a stock symbol: with an exchange ("(NASDAQ:NVDA)"), or right after a
        listed company ("Alphabet's (GOOG) (GOOGL)"); not an acronym ("Information (AKI) team")."""
        out: list[tuple[int, int]] = []
        for m in _TICKER.finditer(raw):
            if m.group("exchange") or m.group("mark") or (out and out[-1][1] == m.start()):
                out.append(m.span())
                continue
            before = _POSSESSIVE_END.sub("", raw[max(0, m.start() - 40) : m.start()])
            listed = self.watch_rx is not None and any(
                w.end() == len(before) and self.watchlist.lookup(w.group(0)) is not None
                for w in self.watch_rx.finditer(before)
            )
            if listed:
                out.append(m.span())
        return out

    def _read_glosses(self, sentences: Sequence[Sentence]) -> None:
        """Each name in the text's own script that a bracket spells in Latin: a listed company's
        Latin short name for this article ("마이크로소프트(MS)"); else a new company's, when a word like
        "startup" stands before it and the Latin spelling is no person, no listed name and no word
        of the lists."""
        startup = self.lex.cues["startup"]
        for sentence in sentences:
            for m in _GLOSSED.finditer(sentence.raw):
                native, latin = m.group("native"), m.group("latin")
                kind_words = list(startup.finditer(native))
                if kind_words and native[kind_words[-1].end() :][:1] in _NAME_AFTER_KIND:
                    # "マシンラーニングスタートアップ・タプルジャンプ(Tuplejump)": the name after the kind word
                    native = native[kind_words[-1].end() + 1 :]
                    if len(native) < 2:
                        continue
                entity = self.watchlist.lookup(native)
                listed = self.watchlist.lookup(latin)
                if listed is not None and entity is None and _is_company(listed):
                    # "엔파브리카(Enfabrica)": the listed company's spelling in the text's own
                    # script, for the rest of the article
                    self.gloss_aliases.setdefault(native, (re.compile(re.escape(native)), listed))
                if listed is not None or latin in self.data.not_companies:
                    continue
                if entity is not None:
                    if _is_company(entity) and latin not in self.gloss_aliases:
                        written = rf"(?<![A-Za-z0-9]){re.escape(latin)}(?![A-Za-z0-9])"
                        self.gloss_aliases[latin] = (re.compile(written), entity)
                    continue
                name_at = m.start() + m.group("native").rfind(native)
                cue_before = sentence.raw[max(0, name_at - GLOSS_CUE_REACH) : name_at]
                if PERSON.fullmatch(latin) or not startup.search(cue_before):
                    continue
                self.glosses.setdefault(native, latin)
            for m in _GLOSSED_AFTER.finditer(sentence.raw):
                self._read_gloss_after(m.group("latin"), m.group("native"), sentences)
            for m in _QUOTED_NATIVE.finditer(sentence.raw):
                self._read_quoted_native(m.group("native"), sentence.raw[: m.start()], sentences)

    def _read_quoted_native(self, native: str, before: str, sentences: Sequence[Sentence]) -> None:
        """A short name in the text's own script alone, in quotes right after a word like
        "startup" or "app" ("스타트업인 ‘컨보고’", "低代码厂商“黑帕云”"), that the text writes again: a new
        company's, by that spelling, for the rest of the article (not a listed entity's, nor a
        word of the lists; not a phrase quoted once: "公司将“继续独立运营”")."""
        if native in self.glosses or self.watchlist.lookup(native) is not None:
            return
        if sum(s.raw.count(native) for s in sentences) < 2:
            return
        kind = self.lex.cues["startup"].search(before[-GLOSS_CUE_REACH:]) or self.lex.cues[
            "product_kind"
        ].search(before[-GLOSS_CUE_REACH:])
        # (the kind word right before the quote, a particle of apposition at most between)
        if kind is None or len(before[-GLOSS_CUE_REACH:][kind.end() :].strip()) > 1:
            return
        if _a_word_for_a_purchase(fold(native), self.lex):
            return
        self.glosses[native] = native

    def _read_gloss_after(self, latin: str, native: str, sentences: Sequence[Sentence]) -> None:
        """ "Summly(サムリー)": the Latin name's spelling in the text's own script, for the rest of
        the article (a listed company's alias, or a new company's second spelling) where the
        article writes it again; not a person's, a listed entity's or a word of the lists (nor
        a word translated once: "Hire (고용하다)")."""
        if sum(s.raw.count(native) for s in sentences) < 2:
            return
        listed = self.watchlist.lookup(latin)
        if self.watchlist.lookup(native) is not None or PERSON.fullmatch(latin):
            return
        if listed is not None:
            if _is_company(listed):
                self.gloss_aliases.setdefault(native, (re.compile(re.escape(native)), listed))
            return
        if latin not in self.data.not_companies and not _a_word_for_a_purchase(
            fold(latin), self.lex
        ):
            self.glosses.setdefault(native, latin)  # (not "Acquihire(인재인수)", a kind of deal)

    def _read_glossed(self, s: Sentence, taken: list[tuple[int, int]], orgs: list[RawOrg]) -> None:
        """The glossed names, by their own script and by their Latin spelling, and the Latin short
        names of listed companies."""
        for latin, (written, entity) in self.gloss_aliases.items():
            for m in written.finditer(s.raw):
                if not _overlaps_any(taken, m.start(), m.end()):
                    orgs.append((latin, entity.name, m.start(), m.end(), entity.kind))
                    taken.append((m.start(), m.end()))
        for native, latin in self.glosses.items():
            for surface in (native, latin):
                start = s.raw.find(surface)
                while start != -1:
                    end = start + len(surface)
                    if not _overlaps_any(taken, start, end):
                        orgs.append((surface, latin, start, end, "unknown"))
                        taken.append((start, end))
                    start = s.raw.find(surface, end)

    def _read_watchlisted(
        self, s: Sentence, taken: list[tuple[int, int]], orgs: list[RawOrg], people: list[RawPerson]
    ) -> None:
        """The watchlist's people and companies; in a Title Case headline, a company only when
        the body names it too."""
        if self.watch_rx is None:
            return
        for m in self.watch_rx.finditer(s.raw):
            entity = self.watchlist.lookup(m.group(0))
            if entity is None or _overlaps_any(taken, m.start(), m.end()):
                continue
            if entity.kind == "person":
                people.append((entity.name, m.start(), m.end()))
                taken.append((m.start(), m.end()))
                continue
            if self.title_case_headline and s.index == 0 and m.group(0) not in self.text_body:
                continue
            orgs.append((m.group(0), entity.name, m.start(), m.end(), entity.kind))
            taken.append((m.start(), m.end()))

    def _read_known_people(
        self, s: Sentence, taken: list[tuple[int, int]], people: list[RawPerson]
    ) -> None:
        """The people found before, by full name, then by surname alone."""
        for m in self.person_matches[s.index]:
            name, start = _untitled(m)
            if name.count(" ") > 1 and name not in self.person_names:
                # (a company's name run into the person's: "il CEO di Dropbox Drew Houston")
                rest = " ".join(
                    _after_company_words(name.split(), self.watchlist, self.data, self.buyers)
                )
                if rest != name and s.raw.endswith(rest, 0, m.end()):
                    name, start = rest, m.end() - len(rest)
            if name in self.person_names and not _overlaps_any(taken, start, m.end()):
                people.append((self.person_names[name], start, m.end()))
                taken.append((start, m.end()))
        if not self.surnames:
            return
        found = [
            (m.group(1), m.start(), m.end())
            for m in _CAPITALISED_WORD.finditer(s.raw)
            if m.group(1) in self.surnames and not _NAME_GOES_ON.match(s.raw, m.end())
        ]
        if self.surname_rx is not None:
            found += [(m.group(1), m.start(), m.end()) for m in self.surname_rx.finditer(s.raw)]
            found.sort(key=lambda f: f[1])
        for surname, start, end in found:
            if not _overlaps_any(taken, start, end):
                people.append((self.surnames[surname], start, end))
                taken.append((start, end))

    def _read_runs(self, s: Sentence, taken: list[tuple[int, int]], orgs: list[RawOrg]) -> None:
        """The capitalised runs not yet read that can be companies and that the text treats as ones."""
        raw = s.raw
        opening = _sentence_opening(raw)
        kicker = _KICKER.match(raw, opening)
        if kicker is not None and kicker.group(1) in self.data.function_words:
            # "What Happened: Microsoft's deal …": a label, then the sentence
            opening = kicker.end()
        runs = _RUN if self.spaced_latin or self.lex.language == "de" else _RUN_IN_CJK
        titles = _quoted_titles(raw) if s.index > 0 else []
        for run in runs.finditer(raw):
            if run.start() < opening:
                continue
            if any(ts <= run.start() < te for ts, te in titles):
                continue  # a quoted headline in Title Case: its capitals mark no names
            if any(ts <= run.start() and run.end() <= te for ts, te in taken):
                continue  # read already (a watchlisted name, a person): every part overlaps it
            inside_prose = run.start() > opening and not s.title_case
            parts = [
                (run.start() + rs, run.start() + re_)
                for rs, re_ in _split_run(run.group(0), self.data, inside_prose=inside_prose)
            ] or _incorporated(raw, run.start(), run.end(), self.data)
            while parts:
                start, part_end = parts.pop(0)
                named_inside = (
                    min((ts for ts, _ in taken if start < ts < part_end), default=0) if taken else 0
                )
                joined = _JOINED_BEFORE.search(raw, start, named_inside) if named_inside else None
                if (
                    named_inside
                    and not _overlaps_any(taken, start, named_inside)
                    and (s.index == 0 and self.title_case_headline or joined)
                ):
                    # "Halcyon Buys Lumeo", Lumeo read already: Halcyon before it; "FriendFeed-
                    # Mitarbeiter von Facebook": the name before the word joining them
                    parts.insert(0, (named_inside, part_end))
                    part_end = joined.start() if joined else named_inside
                rest = self._read_run_part(s, start, part_end, taken, orgs, opening)
                if rest is not None:
                    parts.insert(0, (rest, part_end))  # "Groupon Buys Pelago": Pelago too

    def _read_run_part(
        self,
        s: Sentence,
        start: int,
        end: int,
        taken: list[tuple[int, int]],
        orgs: list[RawOrg],
        opening: int,
    ) -> int | None:
        """Read one part of a capitalised run as a company, if the text treats it as one; where
        a Title Case headline's part was cut after a name and a deal's verb, where the verb's
        object starts (to read next)."""
        raw = s.raw
        part_end = end
        if self.lex.language == "de":
            start = self._after_kind_words(raw, start, end)
        start = self._unread_start(s, start, end, taken)
        if s.index == 0 and self.title_case_headline:
            start = self._after_headline_kind_word(raw, start, end)
        if start >= end:
            return None
        surface = _strip_possessive(raw[start:end]).rstrip(".,:; ")
        if self.lex.case_after_apostrophe:
            surface = _CASE_ENDING.sub("", surface)  # "Lumeo’yu": Lumeo
        if s.index == 0 and self.title_case_headline:
            surface = self._named_in_body(surface)  # "Cognition Joins the ...": Cognition
        surface = self._without_people_joined(surface)
        end = start + len(surface)
        rest = self._object_of_headline_verb(raw, end, part_end) if end < part_end else None
        if (
            not self._could_be_company(raw, start, end, surface)
            or (not self.lex.spaced and _glosses_a_phrase(raw, start, surface))
            or not (
                self._treated_as_company(s, start, end, surface, opening)
                or _listed_after_a_name(raw, start, orgs)
            )
        ):
            return rest
        name = surface
        if not self.lex.spaced and (spelt := self.data.suffix_spelt.match(raw, end)):
            # "AI21 랩스" is AI21 Labs
            name = f"{surface} {self.data.suffix_spellings[spelt.group(1)]}"
            end = spelt.end()
        if surface.endswith(" AI") and self._ai_describes_next(raw, end):
            self.adjective_ai.add(surface)  # "Humanloop AI talent": "AI" describes the talent
        else:
            self.plain_ai.add(surface)
        orgs.append((raw[start:end], name, start, end, "unknown"))
        taken.append((start, end))
        return rest

    def _ai_describes_next(self, raw: str, end: int) -> bool:
        """ "AI" ending a name describes the word after it ("Humanloop AI talent"), unless that
        word is a function word or a verb ("Tempo AI in 2011", "Tempo AI declined"): then it is
        the company's own name."""
        after = re.match(r"\s+([a-z][\w'’-]*)", raw[end : end + 40])
        if after is None:
            return False
        word = after.group(1)
        return not (
            word.capitalize() in self.data.function_words
            or word.endswith("ed")
            or word in {"said", "says"}
        )

    def _unread_start(self, s: Sentence, start: int, end: int, taken: list[tuple[int, int]]) -> int:
        """Where the part of a run to read starts: ``start`` when no name read already overlaps
        it; in a Title Case run that opens on one, the object of a deal's verb ("Google Acquires
        Sparrow": Sparrow, which the body names); else ``end`` (nothing to read)."""
        if start >= end or not _overlaps_any(taken, start, end):
            return start
        if not s.title_case:
            return end
        raw = s.raw
        after = max((te for ts, te in taken if start <= ts < end), default=start)
        rest = self._object_of_headline_verb(raw, after, end)
        return end if rest is None or _overlaps_any(taken, rest, end) else rest

    def _without_people_joined(self, surface: str) -> str:
        """A name without the people or the kind of product a hyphen joins to it, as German and
        Dutch compounds write them ("FriendFeed-Mitarbeiter", "FriendFeed-Gründer": FriendFeed's
        staff, its founders; "TBH-app": the app TBH)."""
        head, hyphen, tail = surface.rpartition("-")
        if not hyphen or len(head) < 2 or " " in tail or "-" in head:
            return surface
        folded = fold(tail)
        joined = ("team", "staff", "product_kind")
        return head if any(self.lex.cues[c].fullmatch(folded) for c in joined) else surface

    def _object_of_headline_verb(self, raw: str, after: int, end: int) -> int | None:
        """Where the object of a deal's verb starts in a Title Case run cut after its subject
        ("Groupon Buys Pelago", where the body names Groupon and Pelago), if the body names it."""
        verb = re.match(r"\s+(\S+)\s+", raw[after:end])
        if verb is None or not any(
            self.lex.cues[c].fullmatch(fold(verb.group(1)))
            for c in ("acquire", "hire", "acquihire")
        ):
            return None
        rest = self._past_kind_words(raw, after + verb.end(), end, also="AI")
        while rest < end and not whole_run_places(self.text_body, raw[rest:end]):
            # "Google Buys Search Expert Apture", the body's "search expert Apture": the words the
            # body writes in lower case describe the name after them
            space = raw.find(" ", rest, end)
            if space == -1 or not self._written_lower_in_body(raw[rest:space]):
                return None
            rest = space + 1
        return rest if rest < end else None

    def _written_lower_in_body(self, word: str) -> bool:
        """A capitalised word the body writes in lower case (a describing word, not a name)."""
        lower = word.lower()
        return (
            lower != word
            and re.search(rf"(?<![\w-]){re.escape(lower)}(?![\w-])", self.text_body) is not None
        )

    def _past_kind_words(self, raw: str, start: int, end: int, *, also: str = "") -> int:
        """Past the words of a run that say what the name after them is ("KI-Start-ups Lumeo",
        "Softwarekonzern Halcyon"), and the word ``also`` ("Apple Acquires AI Startup Silk Labs")."""
        while (space := raw.find(" ", start, end)) != -1 and (
            raw[start:space] == also or _kind_word(fold(raw[start:space]), self.lex)
        ):
            start = space + 1
        return start

    def _after_kind_words(self, raw: str, start: int, end: int) -> int:
        """Where a German run's name starts: after the words that say what it is, which German
        capitalises too, and after the nouns a "von" ties to it ("Schlüsselingenieure von Hume
        AI")."""
        tied = raw.rfind(" von ", start, end)
        if tied != -1:
            start = tied + len(" von ")
        words = list(re.finditer(r"\S+", raw[start:end]))
        for word, after in reversed(list(zip(words, words[1:], strict=False))):
            if _kind_word(fold(word.group(0)), self.lex):
                # "Berliner Start-up Quillbyte", "Münchner KI-Start-up Quillbyte": the name follows
                # the last word that says what it is, whatever capitalised words stand before it
                return start + after.start()
        return start

    def _after_headline_kind_word(self, raw: str, start: int, end: int) -> int:
        """Where a name starts in a Title Case headline's run that holds a word for what the
        company is ("Blockchain Platform Startup Chainspace"): after that word, when the body
        names the words after it."""
        words = list(re.finditer(r"\S+", raw[start:end]))
        for word, after in reversed(list(zip(words, words[1:], strict=False))):
            if _kind_word(fold(word.group(0)), self.lex):
                rest = _strip_possessive(raw[start + after.start() : end]).rstrip(".,:; ")
                return start + after.start() if whole_run_places(self.text_body, rest) else start
        return start

    def _named_in_body(self, surface: str) -> str:
        """A Title Case headline capitalises its verbs too: the longest opening of the run that
        the body names, or the run as it is when the body names no part of it."""
        words = surface.split()
        if len(words) < 2 or surface in self.text_body:
            return surface
        for n in range(len(words) - 1, 0, -1):
            opening = " ".join(words[:n])
            if whole_run_places(self.text_body, opening):
                return opening
        return surface

    def _could_be_company(self, raw: str, start: int, end: int, surface: str) -> bool:
        """Not a currency or a table's next column, not a word of the lists, an adjective, a number
        or a single letter, and not a person's name."""
        if raw[end : end + 1] == "$" or (
            _AFTER_AMOUNT.search(raw[max(0, start - 12) : start])
            and not _TEAM_AFTER.match(raw[end : end + 20])  # "About 15 URX employees"
        ):
            return False  # "NT$", "$2.7B Consumer chatbot ...": a currency, a table's next column
        if _THING_QUOTED_BEFORE.search(raw[max(0, start - 60) : start]) and raw[
            end : end + 2
        ].lstrip("\u00a0 ").startswith("»"):
            return False  # "sa plateforme éponyme de « Data Intelligence »": a thing's name, quoted
        data = self.data
        if not surface or surface in data.not_companies or _a_function_word(surface, data):
            return False  # (in capitals too: "backing THIS little startup")
        if _PLACE_BEFORE.search(raw, max(0, start - 40), start):
            return False  # "once based in Oslo", "headquartered in Tallinn": a place
        if self.lex.cues["outlet"].search(fold(raw[max(0, start - 40) : start])):
            return False  # "Kara Swisher of the news site AllThingsD": an outlet, party to none
        if self.lex.language == "de" and _EXAMPLES_AFTER_DE.match(raw, end):
            return False  # "Talente von Branchengrößen wie OpenAI": a kind, its examples after it
        if surface.endswith("-based") or _ADJECTIVE_END.search(surface):
            return False
        folded = fold(surface)
        if self.lex.cues["acquihire"].fullmatch(folded) or (
            surface.isascii() and self.lex.cues["acquire"].fullmatch(folded)
        ):
            # "Acqui-Hires" opening a sentence, or any German noun: the kind of deal; English
            # words a text in another language glosses ("일반적인 Acquisition(인수) 형태")
            return False
        words = surface.split()
        if len(words) == 1 and (surface.isdigit() or len(surface) < 2):
            return False
        if any(w in data.institution_words for w in words):
            return False  # "Stanford University", "Delhi High Court": where people study, a court
        if all(w in data.not_companies or _a_function_word(w, data) for w in words):
            return False
        if len(words) > 1 and words[-1] in data.suffixes and self._written_as_a_phrase(surface):
            return False  # "What's Working in Enterprise AI" of a text that says "enterprise AI"
        return not self._names_person(surface, words)

    def _written_as_a_phrase(self, surface: str) -> bool:
        """The text writes the name's first word in lower case elsewhere ("building enterprise AI
        products"): a common noun phrase, not a company."""
        phrase = surface[0].lower() + surface[1:]
        if phrase == surface:
            return False
        return any(f"{before}{phrase}" in self.text_body for before in (" ", "\n", "(", "“"))

    def _names_person(self, surface: str, words: list[str]) -> bool:
        """A person's full name, surname or given name."""
        return (
            surface in self.surnames
            or surface in self.given_names
            or surface in self.person_names
            or words[-1] in self.surnames
            and len(words) == 1
            or _is_person_like(surface)
            and surface in self.person_names
        )

    def _deal_verb_after(self, raw: str, end: int) -> bool:
        """In a language whose auxiliaries the lexicon lists, a verb of buying, hiring, paying,
        investing or licensing right after the name, past them ("Harbor ha comprado …", "Quillbyte
        fue adquirida por …"): the name does what a company does (where the text names it again)."""
        if not self.lex.raw.get("auxiliary"):
            return False
        auxiliary, after = self.lex.cues["auxiliary"], fold(raw[end : end + 60])
        at = _past_spaces(after, 0)
        if at == 0:
            return False  # (not a name's own suffix: "Harbor-based")
        for _ in range(2):
            aux = auxiliary.match(after, at)
            if aux is None:
                break
            at = _past_spaces(after, aux.end())
        verb = _LETTERS.match(after, at)
        return verb is not None and any(
            self.lex.cues[c].fullmatch(verb.group(0))
            for c in ("acquire", "hire", "invest", "licence", "pay")
        )

    def _treated_as_company(
        self, s: Sentence, start: int, end: int, surface: str, opening: int
    ) -> bool:
        """A run the text treats as a company. Where every word is capitalised anyway (a sentence's
        opening, a Title Case line) it needs a cue, a company's verb after it, or to be named in
        the body's prose; in German (every noun capitalised) a cue or a brand's shape."""
        raw = s.raw
        # (a Latin name in Korean, Japanese or Chinese is capitalised because it is a name)
        capitalised_anyway = self.lex.spaced and (
            start <= opening or bool(_OPENED.search(raw[max(0, start - 3) : start])) or s.title_case
        )
        cued = self.org_cue(s, start, end)
        if (
            not cued
            and capitalised_anyway
            and (
                _SUBJECT_VERB_AFTER.match(raw[end : end + 40])
                or _ACRONYM.fullmatch(surface)
                or self._deal_verb_after(raw, end)
                # (named again: not an adverb opening one sentence, "Finalmente compró …")
                and sum(x.raw.count(surface) for x in self.sentences) > 1
            )
        ):
            cued = "subject"  # "Anthropic has hired ...", "AMD acqui-hires ...": a company doing something
        if not cued and _TICKER.match(raw, end):
            cued = "ticker"  # "Halcyon (NASDAQ:HLCN) spent …": a listed company
        if not cued and capitalised_anyway and _DOMAIN_NAME.search(surface):
            cued = "domain"  # "Context.ai, Crossing Minds, ...": a name that is a web domain is a company's
        if (
            capitalised_anyway
            and not cued
            and self.body_words[surface.split()[0]] == 0
            and self.watchlist.lookup(surface) is None
        ):
            return False
        return not (
            self.lex.language == "de" and not cued and not _looks_like_brand(surface, self.data)
        )


def _org_mentions(
    sentences: Sequence[Sentence],
    raw_orgs: list[list[RawOrg]],
    canonical: dict[str, str],
    watchlist: Watchlist,
) -> tuple[list[list[OrgMention]], dict[str, str], dict[str, set[str]]]:
    """The mentions of each sentence under their canonical names, each name's kind (a known kind
    wins over "unknown"; a listed name read only as written, "FaceBook" for Meta, has its listed
    kind) and every surface it is written as."""
    orgs: list[list[OrgMention]] = []
    kinds: dict[str, str] = {}
    aliases: dict[str, set[str]] = {}
    for s, found in zip(sentences, raw_orgs, strict=True):
        mentions = []
        for surface, name, start, end, kind in sorted(found, key=lambda f: f[2]):
            name = canonical.get(name, name)
            kinds[name] = kind if kind != "unknown" else kinds.get(name, "unknown")
            aliases.setdefault(name, set()).add(surface)
            mentions.append(OrgMention(name, surface, s.index, start, end))
        orgs.append(mentions)
    for name, kind in kinds.items():
        listed = watchlist.lookup(name) if kind == "unknown" else None
        if listed is not None and listed.name == name:
            kinds[name] = listed.kind
    return orgs, kinds, aliases


def _org_evidence(
    sentences: Sequence[Sentence],
    orgs: list[list[OrgMention]],
    kinds: dict[str, str],
    scan: _NameScan,
) -> dict[str, set[str]]:
    """Why each name is an organisation: the watchlist, a cue in the text, a company suffix, a
    brand's shape ("xAI", "Character.ai")."""
    evidence: dict[str, set[str]] = {name: set() for name in kinds}
    glossed = set(scan.glosses.values())
    for s, mentions in zip(sentences, orgs, strict=True):
        for mention in mentions:
            if kinds[mention.name] != "unknown":
                evidence[mention.name].add("watchlist")
            cue = scan.org_cue(s, mention.start, mention.end)
            if cue:
                evidence[mention.name].add(cue)
            words = mention.surface.split()
            if words[-1] in scan.data.suffixes and len(words) > 1:
                evidence[mention.name].add("suffix")
            if _BRAND.search(mention.surface):
                evidence[mention.name].add("brand")
            if mention.name in glossed:
                evidence[mention.name].add("called")  # "스타트업 ‘웨이브폼스’(WaveForms)"
    for s, mentions in zip(sentences, orgs, strict=True):
        for listed in lists_of_names(s.raw, mentions, 3):
            if any(evidence[m.name] for m in listed):
                for m in listed:  # "Context.ai, Crossing Minds, Roi": listed with a company
                    evidence[m.name].add("listed")
    return evidence


# What separates the items of a list of names: ", ", " and ", " y ", " et ", " und ", " şi ", " og ".
# The words that join the last two names of a list, in the languages read ("ou encore": "or else")
# "former", "ex-", "antigo": what makes a company someone's past employer.
FORMER_WORD = (
    r"(?:\b(?:former|onetime|one-time|ancien(?:ne)?|antig[oa]|ehemalige[rn]?)|(?<![\w-])ex(?:-|\b))"
)
# A company named as someone's former employer ("the former OpenAI researcher", "o ex-pesquisador da
# OpenAI"), or where a person used to work, told with a verb ("had previously worked at Elon
# Musk's AI startup xAI"): their past, no party of anything the sentence or the next ones tell.
_FORMER_EMPLOYER = re.compile(
    rf"{FORMER_WORD}(?:[\s-]*[^\W\d_]+){{0,2}}?\s*(?:\b(?:of|at|da|do|de|du|von|bei|di|chez)\s+)?$",
    re.IGNORECASE,
)
_PAST_WORK_WORDS = ("previously", "formerly", "once", "earlier")  # one is in every match below
_WORKED_THERE_BEFORE = re.compile(
    r"\b(?:previously|formerly|once|earlier)\s+(?:worked|was|served)\s+(?:at|for|with)\s+"
    r"(?:[\w'’.-]+\s+){0,4}$",
    re.IGNORECASE,
)


def past_employer_before(s: Sentence, start: int) -> bool:
    """The company named at ``start`` of a sentence is someone's past employer."""
    return bool(_FORMER_EMPLOYER.search(s.raw, max(0, start - 30), start)) or (
        any(w in s.folded for w in _PAST_WORK_WORDS)
        and _WORKED_THERE_BEFORE.search(s.raw, max(0, start - 60), start) is not None
    )


# The words that join a list's items, in every language read (lexicon/names.toml)
LIST_WORDS = (
    rf"(?:{'|'.join(_WORDS['list_words'])})(?:\s+(?:{'|'.join(_WORDS['list_word_then'])}))?"
)
# (the word before the first item may come again after "and": "pela Microsoft e pela Amazon",
# "by Google and by Meta", "a Meta e a Amazon")
LIST_SEPARATOR = re.compile(
    rf"\s*(?:,|,?\s+{LIST_WORDS})(?:\s+(?:{'|'.join(_WORDS['list_item_openers'])}))?\s*"
    # (the enumeration comma of Chinese and Japanese, the full-width comma, and their words for
    # "and", a name's quotes around them: "微软、谷歌、亚马逊", "「Picnik」と「Phatbits」")
    r"|\s*[」』”]?\s*(?:[、，]|と|和|与|及|以及)\s*[「『“]?\s*",
    re.IGNORECASE,
)
# A list's separator and the words that say what its next item is ("photo app Loom, chat tool
# Zulip and e-book reader Readmill"): a few lower-case words ending on a kind of product or company.
_DESCRIBED_ITEM = re.compile(
    rf"\s*(?:,|,?\s+{LIST_WORDS})\s+(?:[a-z][\w-]*\s+){{0,3}}?"
    r"(?:apps?|tools?|services?|platforms?|readers?|[\w-]*makers?|managers?|start-?ups?|compan(?:y|ies)|firms?|"
    r"developers?|networks?|sites?|studios?|engines?|assistants?|games?)\s+"
    # (Japanese: "と" and what the next one is, closed by "の": "「Picnik」とウィジェットエンジンの「Phatbits」")
    r"|[」』]?と[^、。,，「」『』]{1,24}の[「『]?"
)


def _listed_after_a_name(raw: str, start: int, orgs: list[RawOrg]) -> bool:
    """A name the list separators join to a company read already in its sentence ("FriendFeed
    oder Drop.io", "Nest, Titan Aerospace oder JetPac"): a company too, where the capitals of its
    words say nothing (German nouns, a sentence's opening)."""
    return any(
        o_end < start and LIST_SEPARATOR.fullmatch(raw, o_end, start) for _, _, _, o_end, _ in orgs
    )


def lists_of_names(
    raw: str, mentions: Sequence[OrgMention], at_least: int
) -> list[list[OrgMention]]:
    """The runs of a sentence's names (generic mentions left out) that list separators join, each
    with ``at_least`` names of its own."""
    runs: list[list[OrgMention]] = []
    run: list[OrgMention] = []
    for m in (m for m in mentions if not m.generic):
        between = raw[run[-1].end : m.start] if run else ""
        if run and not (LIST_SEPARATOR.fullmatch(between) or _DESCRIBED_ITEM.fullmatch(between)):
            runs.append(run)
            run = []
        run.append(m)
    runs.append(run)
    return [r for r in runs if len({m.name for m in r}) >= at_least]


def _units(
    sentences: Sequence[Sentence], orgs: list[list[OrgMention]], kinds: dict[str, str]
) -> set[str]:
    """Teams inside a large company: "Apple's Answers, Knowledge and Information (AKI) team", "ran
    GitHub at Microsoft"."""
    units: set[str] = set()
    for s, mentions in zip(sentences, orgs, strict=True):
        for mention in mentions:
            owners = [o for o in mentions if o.end <= mention.start and mention.start - o.end <= 80]
            if (
                _UNIT_AFTER.match(s.raw[mention.end : mention.end + 20])
                and any(
                    # "Reddit's Safety team": a team of the company named right before, whatever
                    # its size
                    s.raw[o.end : mention.start] in {"'s ", "’s "}
                    or kinds.get(o.name) == "acquirer"
                    and (
                        s.raw[o.end : o.end + 2] in {"'s", "’s"}
                        # "the Apple Foundation Models (AFM) team": the company's name opens the unit's
                        or _UNIT_NAME_AFTER_OWNER.fullmatch(s.raw[o.end : mention.start])
                        is not None
                    )
                    for o in owners
                )
            ):
                units.add(mention.name)
            elif (
                _LED_BEFORE.search(s.raw[max(0, mention.start - 12) : mention.start])
                and any(
                    o.start == mention.end + 4 and kinds.get(o.name) == "acquirer" for o in mentions
                )
                and s.raw[mention.end : mention.end + 4] == " at "
            ):
                units.add(mention.name)  # "ran GitHub at Microsoft"
    return units


@cache
def _phrases_rx(phrases: frozenset[str]) -> re.Pattern[str]:
    """The multi-word entries of a list, as whole words: masked before capitalised runs are read."""
    multi = sorted((p for p in phrases if " " in p), key=len, reverse=True)
    return (
        re.compile(literal_alternation(multi, not_after=r"[\w]", then=r"(?![\w])"))
        if multi
        else re.compile(r"(?!x)x")
    )


# A capitalised word of letters and digits, with a possessive; what a surname alone looks like.
_CAPITALISED_WORD = re.compile(r"(?<![\w.-])([A-ZÀ-ÖØ-Þ]\w*)(?:'s|’s)?(?!\w)")
_PLAIN_SURNAME = re.compile(r"[A-ZÀ-ÖØ-Þ]\w*")
_NAME_GOES_ON = re.compile(r"[ \u00a0]+[A-Z]")  # "Wang Tao": a longer name, not the surname alone


def _surname_rx(surnames: tuple[str, ...]) -> re.Pattern[str]:
    """The surnames of one article, alone: compiled once an article, never kept beyond it."""
    alternation = literal_alternation(sorted(surnames, key=len, reverse=True), not_after=r"[\w.-]")
    return re.compile(rf"({alternation})(?:'s|’s)?(?![\w])(?![ \u00a0]+[A-Z])")


def _untitled(m: re.Match[str]) -> tuple[str, int]:
    """A PERSON match without a leading title word ("Scientist Pieter Abbeel"), and its start."""
    name = m.group(1)
    first = name.split()[0]
    if first in _TITLE_WORDS and len(name.split()) > 2:
        return name[len(first) :].lstrip(), m.start(1) + len(name) - len(
            name[len(first) :].lstrip()
        )
    return name, m.start(1)


_HYPHEN_ADJECTIVE = re.compile(r"-(?:based|backed|born|origin|focused|owned|led|era|style|year)$")
_LIST_BEFORE = re.compile(r"(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)$")


def _people(
    sentences: Sequence[Sentence],
    watchlist: Watchlist,
    lex: Lexicon,
    data: NameData,
    body: str,
    buyers: frozenset[str],
    matches: Sequence[list[re.Match[str]]] | None = None,
) -> tuple[dict[str, str], list[str]]:
    """Every full name the text uses for a person, mapped to itself (or the watchlist's name),
    and those the text shows to be people (whose surnames alone then name them too).
    ``matches``: each sentence's ``PERSON`` matches, when the caller has them."""
    found: dict[str, str] = {}
    candidates: list[tuple[str, bool]] = []
    prose = "\n".join(s.raw for s in sentences if not s.title_case)
    for s in sentences:
        raw = s.raw
        previous_end = -10
        previous_person = False
        for m in matches[s.index] if matches is not None else PERSON.finditer(raw):
            name, _ = _untitled(m)
            words = _after_company_words(name.split(), watchlist, data, buyers)
            name = " ".join(words)
            if len(words) < 2:  # "OpenAI Convogo": a company and another name, not a person
                previous_end, previous_person = m.end(), False
                continue
            if _opens_like_no_name(words, data) or _opens_on_a_deal_verb(words[0], lex):
                previous_end, previous_person = m.end(), False
                continue
            entity = watchlist.lookup(name)
            start = m.end() - len(name)  # after any title or company word that was dropped
            before = raw[max(0, start - 60) : start]
            titled = _PERSON_TITLE_BEFORE.search(before) is not None
            # (a given name that is a place too, after a person's title: "founder Austin Chang")
            if (
                entity is not None
                and entity.kind != "person"
                or _has_company_words(words[1:] if titled else words, data)
            ):
                previous_end, previous_person = m.end(), False
                continue
            after = raw[m.end() : m.end() + 60]
            listed = (
                previous_person
                and start - previous_end < 8
                and _LIST_BEFORE.search(raw[previous_end:start])
            )
            evidence = (
                entity is not None
                or titled
                or _PERSON_AFTER.match(after) is not None
                or bool(listed)
                or _spoken_of_as_a_person(words[-1], prose)
            )
            if not evidence and data.determiner_before.search(before):
                previous_end, previous_person = m.end(), False
                continue  # "the Boxee Box": a thing the text names, never a person
            title_case = s.title_case
            if title_case and entity is None and name not in prose:
                evidence = False  # in a Title Case line every word is capitalised: "CEO Wang Heads to Meta"
            if evidence:
                found[name] = entity.name if entity is not None else name
            elif not title_case:
                listed_with_company = _listed_after_company(raw[:start], raw[m.end() :])
                candidates.append(
                    (name, listed_with_company or _org_cue(raw, start, m.end(), lex) is not None)
                )
            previous_end, previous_person = m.end(), evidence or previous_person and bool(listed)
    evidenced = list(dict.fromkeys(found.values()))
    if lex.language != "de":  # German capitalises every noun: two capitalised words are not a name
        headline = sentences[0] if sentences and sentences[0].is_headline else None
        if headline is not None and not headline.title_case:
            body = f"{headline.raw}\n{body}"  # "Lyft acquires Hitch …": its words are prose
        for name in _uncontested_names(candidates, found, body):
            found[name] = (
                name  # two capitalised words that nothing makes a company: a person's name
            )
    for surface, name in _listed_people(watchlist):
        found.setdefault(surface, name)
    return found, evidenced


def _after_company_words(
    words: list[str], watchlist: Watchlist, data: NameData, buyers: frozenset[str]
) -> list[str]:
    """The words of a run of capitals after any company's name or nationality that opens it:
    "says Meta Ashley Zandy", the company, then the person; "Brytyjczyk Nick D'Aloisio", a
    nationality written as a noun, then the person; "CEO dan founder Go-Jek Nadiem Makarim",
    where "Go-Jek telah mengakuisisi …" shows Go-Jek a buyer."""
    while len(words) > 1 and (
        _is_company(watchlist.lookup(words[0]))
        or words[0] in data.demonym_nouns
        or words[0] in buyers
    ):
        words = words[1:]
    return words


def _buyers_by_name(prose: str, lex: Lexicon) -> frozenset[str]:
    """The capitalised words the text writes right before a verb of buying, at most one word
    between ("Go-Jek telah mengakuisisi …", "Halcyon also acquired …"): companies, whatever run of
    capitals they open elsewhere."""
    folded = fold(prose)
    return frozenset(
        m.group(1)
        for verb in lex.cues["acquire"].finditer(folded)
        # (a verb in lower case: not the "Buy" of "Best Buy", a name's own word)
        if prose[verb.start()].islower()
        and (m := _BUYER_BEFORE.search(prose, max(0, verb.start() - 60), verb.start()))
    )


# A capitalised word, and at most one word, right before what follows (a verb of buying)
_BUYER_BEFORE = re.compile(r"(?<![\w-])([A-Z][\w-]*\w)\s+(?:[a-z]\w*\s+)?$")


# Words right after a surname that say it is a person's: "D’Aloisio and his Summly team",
# "D’Aloisio started Summly when he was just 15" (a company is "it", "its")
_PERSONAL_PRONOUN_SOON = re.compile(
    r"(?:\s+(?:and|with)\s+(?:his|her)\b|[^.,;!?\n]{0,30}?\bwhen\s+(?:he|she)\b)"
)


def _spoken_of_as_a_person(surname: str, prose: str) -> bool:
    """The text uses the surname alone and speaks of it right after as "he" or "she": a person,
    whatever word for a company stands before the full name ("London developer Nick
    D’Aloisio")."""
    if len(surname) < 3:
        return False
    at = prose.find(surname)
    while at >= 0:
        end = at + len(surname)
        if (
            (at == 0 or not (prose[at - 1].isalnum() or prose[at - 1] == "-"))
            and (end == len(prose) or not (prose[end].isalnum() or prose[end] == "-"))
            and _PERSONAL_PRONOUN_SOON.match(prose, end)
        ):
            return True
        at = prose.find(surname, end)
    return False


@cache
def _listed_surnames(watchlist: Watchlist) -> tuple[tuple[str, str], ...]:
    """The surname of each spelling of the watchlist's people that a space parts, in an alphabet
    with capitals (Latin, Cyrillic: "Шазир"), with the person's name (read once per list). (Not
    Arabic or Hebrew, where no capital tells a surname from a word: "روس" is also "Russians".)"""
    return tuple(
        (surface.split()[-1], full)
        for surface, full in _listed_people(watchlist)
        if " " in surface and surface.split()[-1][:1].isupper()
    )


@cache
def _listed_people(watchlist: Watchlist) -> tuple[tuple[str, str], ...]:
    """Each name or alias of the watchlist's people, with the person's name (read once per list)."""
    return tuple((n, e.name) for e in watchlist.people for n in e.names())


@cache
def _leaders(watchlist: Watchlist) -> dict[str, str]:
    """The watchlist's people who lead a listed company, with that company."""
    return {e.name: e.leads for e in watchlist.people if e.leads}


# A list that goes on after a name: ", Roi", " and Alex", " e Alex".
_LIST_GOES_ON = re.compile(rf"(?:,\s*|\s+{LIST_WORDS}\s+)[A-Z]")
# Two list items right before a name, the last one a single capitalised word ("Momentus Media,
# Lightbox, ")
_ONE_WORD_ITEMS_BEFORE = re.compile(r"[\w.&'’-]+,\s*[A-Z][\w.&'’-]*,\s*$")
# The item of a list right before a name: "Context.ai, " or "Statsig and ".
_LIST_ITEM_BEFORE = re.compile(rf"([\w.&'’-]+)(?:,\s*|\s+{LIST_WORDS}\s+)$")


def _listed_after_company(before: str, after: str) -> bool:
    """A name listed right after a company named as a web domain, before a name that is no
    person's ("Context.ai, Crossing Minds, Roi"), or right after two items the last of which is one
    capitalised word, before another ("Momentus Media, Lightbox, Bolt Peters, Pieceable Software"):
    one of a list of companies, not a person's name (unlike "the founders of Covariant, Pieter
    Abbeel, Peter Chen and Rocky Duan")."""
    m = _LIST_ITEM_BEFORE.search(before[-40:])
    if m is None:
        return False
    goes_on = _LIST_GOES_ON.match(after)
    if goes_on is None:
        return False
    if _DOMAIN_NAME.search(_strip_possessive(m.group(1))):
        return PERSON.match(after, goes_on.end() - 1) is None
    # "Momentus Media, Lightbox, Bolt Peters, Pieceable Software, Spool": after one capitalised
    # word, itself after an item, and before another item: a list of companies, not of people
    return bool(_ONE_WORD_ITEMS_BEFORE.search(before[-80:]))


def _is_company(entity: Entity | None) -> bool:
    return entity is not None and entity.kind != "person"


def _opens_like_no_name(words: list[str], data: NameData) -> bool:
    """A run that opens with a function word or a possessive, or holds an adjective ("Paris-based")."""
    return (
        words[0] in data.function_words
        or words[0].endswith(("'s", "’s"))
        or _OPENING_ADVERB.search(words[0]) is not None
        or any(_HYPHEN_ADJECTIVE.search(w) for w in words)
    )


# "Ironically Ivy (Evenly) looked …": an adverb opening the sentence, no given name (the endings
# of adverbs that given names do not share: not Emily, Kelly, Holly)
_OPENING_ADVERB = re.compile(r"\w{3}(?:ally|edly|ously|ntly|ively|ately|fully|ingly)$")

_DEAL_VERB_CLASSES = ("hire", "join", "acquire", "pay", "licence")


def _opens_on_a_deal_verb(word: str, lex: Lexicon) -> bool:
    """A run that opens with a verb of the deals' vocabulary, capitalised at a sentence's or a
    quote's start ("Joining Halcyon lets us …"): a clause, not a person's name."""
    folded = fold(word)
    return any(lex.cues[c].fullmatch(folded) for c in _DEAL_VERB_CLASSES)


def _has_company_words(words: list[str], data: NameData) -> bool:
    """A run that ends in a company suffix ("Labs", "Inc") or holds a word of the list of names
    that are neither a company nor a person (a place, a publication, an institution) or a word
    that makes a name a school's ("Medical School")."""
    return (
        words[-1] in data.suffixes
        or any(w in data.not_companies or w in data.institution_words for w in words)
        or " ".join(words) in data.not_companies  # "Mountain View", "Palo Alto": a place
    )


# "Twitter co-founder and CEO Jack Dorsey": a capitalised word right before a founder's or chief
# executive's title, inside a sentence or opening one, is the company's name. (The titles are
# found first, the word before each then: titles are few, capitals many.)
# (Each whole-text pattern here opens on a letter or a sign, never on a look-behind or "\b": the
# regular expression engine then skips to the places that letter stands, where a pattern that
# opens on a look-behind is tried at every character of the text.)
_COMPANY_TITLE = re.compile(r"(?:co-?founder|founder|CEO)\b")  # after a space (word_before)
_WORD_BEFORE_TITLE = re.compile(r"(?<![\w'’-])([A-Z][\w.&-]*)\s+$")


def _words_found(
    body: str, pattern: re.Pattern[str], word_at: Callable[[str, re.Match[str]], str | None]
) -> set[str]:
    """The words ``word_at`` reads at each match of ``pattern`` in the body (None: no word)."""
    return {word for m in pattern.finditer(body) if (word := word_at(body, m))}


def _companies_before_titles(body: str) -> set[str]:
    def word_before(body: str, m: re.Match[str]) -> str | None:
        if not body[m.start() - 1 : m.start()].isspace():
            return None  # inside a word, or opening the text
        before = _WORD_BEFORE_TITLE.search(body, max(0, m.start() - 40), m.start())
        return before.group(1) if before is not None else None

    return _words_found(body, _COMPANY_TITLE, word_before)


# One capitalised word, alone, that buys or acquires ("Today, Zynga is acquiring the team"): a
# company's name, not a person's given name ("Zynga Poker" is then no person).
_PURCHASE_VERB = rf"(?:{'|'.join(_WORDS['purchase_verbs'])})"
_BUYER_ALONE = re.compile(
    r"([A-Z](?<![\w.-][A-Z])[\w.-]+)\s+(?:(?:is|was|has|had|will|also|recently|reportedly|then)\s+)*"
    rf"(?:be\s+)?{_PURCHASE_VERB}\b"
)


def _buyers_named_alone(body: str) -> set[str]:
    def buyer(body: str, m: re.Match[str]) -> str | None:
        before = body[max(0, m.start() - 30) : m.start()].split()
        # not the last word of a longer name ("Today, Zynga is …" is alone)
        alone = not before or not before[-1][:1].isupper() or before[-1][-1] in ",.;:!?"
        return m.group(1) if alone else None

    return _words_found(body, _BUYER_ALONE, buyer)


# "Luan's team", "Adept's technology": the word before is a company's name, not a person's. (The
# possessive and the thing are found first, the word before each then: they are few, words many.)
_OWNED_THING = re.compile(
    r"['’](?:s|(?<=s['’]))\s+(?:technology|models?|ceo|(?:co-?)?founders?|staff|employees|team|"
    r"valuation|shares)"
)
# "will join the Lyft team": the one capitalised word between "the" and "team" names a company;
# so does the one a purchase's verb takes as its object ("Square acquires Evenly"; not the given
# name of an owner, "bought Tom Vale’s startup Lumeo"), and the one a purchase's noun is of
# ("Apple’s acquisition of Asaii", then "features such as Asaii Terminal": no person)
_THE_TEAM_OF = re.compile(r"the(?<!\wthe)\s+([A-Z][\w.-]+)\s+team\b")
_PURCHASE_STEMS = tuple(_WORDS["purchase_stems"])  # one is in every purchase verb
_BOUGHT_ALONE = re.compile(
    rf"\b(?:{_PURCHASE_VERB}|(?:{'|'.join(_WORDS['purchase_nouns'])})\s+of)\s+([A-Z][\w.-]+)(?=[\s,.;])"
    r"(?!\s+[A-Z][\w.-]*['’]s\b)"
)


def _owners_of_company_things(body: str) -> set[str]:
    def owner(body: str, m: re.Match[str]) -> str | None:
        start = m.start()
        while start > 0 and not body[start - 1].isspace():
            start -= 1
        return body[start : m.start()] or None

    return _words_found(body, _OWNED_THING, owner)


def _uncontested_names(
    candidates: list[tuple[str, bool]], found: dict[str, str], body: str
) -> list[str]:
    """The candidate names nothing makes a company: not already found, never cued as an
    organisation, their last word never owning a company's things ("Luan's team") nor their first
    word ("Databricks' co-founder"), no particle between their words ("de", "van", "bin")."""
    org_cued = {name for name, cued in candidates if cued}
    owners: set[str] | None = None  # the words that own a company's things in the body, read once
    heads: set[str] = set()  # those, and the words a company's title follows ("Twitter co-founder")
    out = []
    for name, _ in candidates:
        if name in found or name in org_cued:
            continue
        if owners is None:
            owners = _owners_of_company_things(body)
            heads = owners | _companies_before_titles(body) | _buyers_named_alone(body)
            if " team" in body:
                heads |= {m.group(1) for m in _THE_TEAM_OF.finditer(body)}
            if any(verb in body for verb in _PURCHASE_STEMS):
                heads |= {m.group(1) for m in _BOUGHT_ALONE.finditer(body)}
        words = name.split()
        last = _strip_possessive(words[-1])
        if any(owner.endswith(last) for owner in owners) or words[0] in heads or last in heads:
            # "Luan's team"; "Magic Pony’s team"; "Databricks' co-founder", then "the Databricks
            # Lakehouse"; "Twitter co-founder and CEO Jack Dorsey", then "Twitter Cortex";
            # "Branch CEO Josh Miller", then a quote's "Build Branch at Facebook scale!"
            continue
        if re.search(r" (?:de|De|van|von|da|La|Le|bin|al) ", name):
            continue
        out.append(name)
    return out


def _looks_like_brand(surface: str, data: NameData) -> bool:
    """A name that cannot be a German noun: CamelCase, a digit, an acronym or a company suffix."""
    return bool(re.search(r"[a-z][A-Z]|\d|\.ai|^[A-Z]{2,}$", surface)) or (
        len(surface.split()) > 1 and surface.split()[-1] in data.suffixes
    )


_CALLING = frozenset({"called", "named", "dubbed"})


def _run_start(text: str) -> int:
    """Where the run of word characters and hyphens that ends ``text`` starts (its length when
    none does)."""
    i = len(text)
    while i and (text[i - 1].isalnum() or text[i - 1] in "_-"):
        i -= 1
    return i


def _opens(text: str, i: int) -> bool:
    return i == 0 or text[i - 1].isspace() or text[i - 1] == "("


def _word_before(text: str) -> str | None:
    r"""The word a name follows, before "called", "named" or "dubbed" if one stands between: what
    ``(?:^|[\s(])([\w-]+)\s+(?:(?:called|named|dubbed)\s+)?$`` captures in ``text``."""
    body = text.rstrip()
    if len(body) == len(text):
        return None  # no space before the name
    start = _run_start(body)
    if start == len(body):
        return None
    word = body[start:]
    if word in _CALLING:
        head = body[:start].rstrip()
        first = _run_start(head)
        if len(head) < start and first < len(head) and _opens(head, first):
            return head[first:]
    return word if _opens(body, start) else None


# A person's name right after "and": "Aditya Agarwal and Ruchi Sanghvi".
_PERSON_AFTER_AND = re.compile(r"\s+(?:and|und|et|y|e)\s+[A-Z][a-z]+\s+[A-Z][\w'’-]+")
# A kind word and one word after it, closing the text before a name (a comma may follow): where
# French, Spanish, Portuguese and Italian put the adjective ("la start-up américaine Adept").
_KIND_THEN_ADJECTIVE = re.compile(r"([\w-]+)\s+([\w-]+)\s*[,，]?\s+$")
# A kind word and what it is of, right before a name: "start-up d'intelligence artificielle ",
# "startup de inteligencia artificial " (the kind word is group 1)
_KIND_OF_PHRASE_BEFORE = re.compile(
    r"([\w-]+)\s+(?:d['’]|de\s+|di\s+|da\s+|do\s+|del\s+|dell['’])[\w-]+(?:\s+[\w-]+)?\s+$"
)


# What opens an aside right after a name, and its first two words.
_ASIDE_AFTER_NAME = re.compile(r"\s*[(,]\s*([\w-]+)\s+([\w-]+)")


def _bought_aside_after(after: str, lex: Lexicon) -> bool:
    """An aside right after a name that says it was bought, and by whom: "Frilp (achetée par
    Freshworks en 2015)", "Lumeo, acquired by Harbor in 2019," (what is bought is a company)."""
    words = _ASIDE_AFTER_NAME.match(fold(after))
    return (
        words is not None
        and lex.cues["acquire"].fullmatch(words.group(1)) is not None
        and lex.cues["agent_by"].fullmatch(words.group(2)) is not None
    )


# A place and "-based" right before a name ("Pune-based Zipdial"): where a company sits.
_PLACE_BASED_BEFORE = re.compile(r"\w-based\s+$")


def _org_cue(raw: str, start: int, end: int, lex: Lexicon) -> str | None:
    """Why the text treats the name at [start, end) as an organisation, if it does."""
    after = raw[end : end + 80]
    before = raw[max(0, start - 70) : start]
    if _is_person_like(raw[start:end]) and _OWNER_OF_NAMED_COMPANY.match(after):
        return None  # "bought Justin Schaffer’s startup, Hot Potato": the owner
    if _ORG_POSSESSIONS.match(after):
        return "possessions"
    if _TITLE_AFTER.match(after):
        return "title"
    if _COMPANY_VERB_AFTER.match(after):
        return "acts"
    if _TEAM_AFTER.match(after) and raw[:start].strip():
        return "team"
    if _joined_to_its_people(after, lex):
        return "team"  # "das Turi-Team", "FriendFeed-Mitarbeiter": a compound of its people
    folded_before = fold(before)
    # (not "the husband-and-wife team of Aditya Agarwal and Ruchi Sanghvi": a pair of people)
    people_listed = _is_person_like(raw[start:end]) and _PERSON_AFTER_AND.match(after)
    # a match ends with "of", "at", "from", "behind" or "the" and the spaces after it
    if (
        folded_before.rstrip().endswith(_TITLE_BEFORE_ENDS)
        and _TITLE_BEFORE.search(before)
        and not people_listed
    ):
        return "team_of"
    if lex.cues["team_then_name"].search(folded_before[-60:]) and not people_listed:
        return "team_of"  # "основатели MSQRD": the name's people, in the genitive
    owner_noun = noun_before_of(folded_before, lex)
    if (
        owner_noun is not None
        and (lex.cues["staff"].fullmatch(owner_noun) or lex.cues["team"].fullmatch(owner_noun))
        and not _kind_word(fold(raw[start:end]), lex)
        and not people_listed
    ):
        # "il team di", "l'équipe d'", "die Mitarbeiter von": the name has people of its own, as
        # in English "the team of" (``_TITLE_BEFORE``)
        return "team_of"
    if _bought_before(owner_noun, folded_before, raw[start:end], lex):
        return "bought"
    adviser = lex.cues["adviser_firm"]
    if adviser.search(folded_before[-30:]) and folded_before.rstrip().endswith("firm"):
        return "adviser"  # "a partner at the law firm Orrick": it advises on deals, party to none
    if _kind_word_before(before, folded_before, lex):
        return "called"
    if _PLACE_BASED_BEFORE.search(before) and not _is_person_like(raw[start:end]):
        return "called"  # "acquiring Pune-based Zipdial": where a company sits
    if _bought_aside_after(after, lex):
        return "bought"  # "Frilp (achetée par Freshworks en 2015)", "Lumeo, acquired by Harbor"
    return _described_after(after, lex)


def _joined_to_its_people(after: str, lex: Lexicon) -> bool:
    """A hyphen joins the name to a word for people ("Turi-Team", "FriendFeed-Mitarbeiter",
    "Lumeo-medewerkers"), as German and Dutch write compounds: the people of a company."""
    joined = _HYPHEN_WORD.match(after)
    if joined is None:
        return False
    word = fold(joined.group(1))
    # (not a word that names a kind of company too: "App-Entwickler", an app developer)
    return any(lex.cues[c].fullmatch(word) for c in ("team", "staff")) and not _kind_word(word, lex)


# A hyphen and the word it joins to what stands before it ("-Team", "-Mitarbeiter")
_HYPHEN_WORD = re.compile(r"-(\w+)")


def _described_after(after: str, lex: Lexicon) -> str | None:
    """What the words right after a name say it is: an appositive ("Quillbyte, a routing startup,")
    or a verb "to be" and an indefinite article ("Quillbyte ist ein Start-up"), each as the cue
    ``_org_cue`` gives (None: a person's post, or nothing that says)."""
    adviser = lex.cues["adviser_firm"]
    appositive = _APPOSITIVE.match(after)
    if appositive and (
        _OWNED_TITLE.match(fold(appositive.group(1)))
        or lex.cues["person_role"].match(fold(appositive.group(1)))
    ):
        return None  # "Sunny Madra, the company's president", "…, a partner at the law firm Orrick"
    if appositive and _VENTURE_FIRM.match(fold(appositive.group(1))):
        return "venture_firm"  # "Paradigm, a VC firm that …": it invests, it hires no one
    if appositive and adviser.match(fold(appositive.group(1))):
        return "adviser"  # "Orrick, a law firm": it advises on deals, it is party to none
    if appositive:
        # its head, before any "of": "Ana Ruiz, la directrice d'un grand groupe de médias" calls
        # her a director, of a group; "Quillbyte, a startup of former engineers …" a startup
        said = _OF_AFTER_HEAD.split(fold(appositive.group(1)), maxsplit=1)[0]
        noun = lex.cues["startup"].search(said) or lex.cues["giant"].search(said)
        if noun and not _CLAUSE_VERB_AFTER.match(said, noun.end()):
            return "appositive"
    bare = _BARE_APPOSITIVE.match(after)
    if bare and lex.cues["appositive_noun"].match(fold(bare.group(1))):
        return (
            "appositive"  # "Pianta, startup yang bergerak di bidang …": a language with no article
        )
    predicate = _PREDICATE.match(after)
    if predicate:
        said = _OF_AFTER_HEAD.split(fold(predicate.group(1)), maxsplit=1)[0]
        noun = lex.cues["startup"].search(said) or lex.cues["giant"].search(said)
        rest = said[noun.end() :].lstrip() if noun else ""
        if noun and not (
            _CLAUSE_VERB_AFTER.match(said, noun.end())
            or lex.cues["title"].match(rest)
            or lex.cues["person_role"].match(rest)
        ):  # (not "Tom Vale is a startup founder", "… a startup engineer at …": a person)
            return "predicate"
    return None


def _bought_before(owner_noun: str | None, folded_before: str, name: str, lex: Lexicon) -> bool:
    """A purchase's noun and "of" before the name ("l’acquisition de Lucky Sort", "the purchase
    of Lumeo"), a sale's ("la cession de Quillbyte"), or in English its verb ("Square acquires
    Evenly"): what is bought is a company. (Measured: other languages gained nothing from the
    verb, and German capitalises the noun after it too: "kauft KI-Chipentwickler Groq".)"""
    if _kind_word(fold(name), lex):
        return False  # "den Kauf des Unternehmens": a word for a company, no name
    if owner_noun is not None and lex.cues["acquire"].fullmatch(owner_noun):
        return True
    if ends_on(lex, "sold_before", folded_before):
        return True  # "la vente de Sparrow", "the sale of Lumeo": what is sold is a company
    if lex.language != "en" or not folded_before[-1:].isspace():
        return False
    words = folded_before.rsplit(None, 1)
    verb = words[-1] if words else ""
    return verb.isalpha() and lex.cues["acquire"].fullmatch(verb) is not None


# A comma closing the words before a name: "a data-visualisation startup, Vizify".
_COMMA_AT_END = re.compile(r"\s*[,、，]\s*$")
# What may stand between a kind word and the name it introduces in a script without spaces: a
# space, a comma, a quote, the particle of ("スタートアップのVizify").
_AFTER_KIND_WORD_UNSPACED = " \t、，,の「『“‘"


def _kind_word_before(before: str, folded_before: str, lex: Lexicon) -> bool:
    """A word for a kind of company right before the name: "AI startup Adept", "des KI-Start-ups
    Lumeo", "Softwarekonzern Halcyon", "la start-up d'intelligence artificielle Global
    Illumination", "a data startup, Vizify", "スタートアップのVizify"."""
    startup, giant = lex.cues["startup"], lex.cues["giant"]
    # (an opening quote may stand between: "스타트업 ‘AI21 랩스’", "the startup 'Roi'")
    word = _word_before(folded_before.removesuffix("‘").removesuffix("“").removesuffix("'"))
    if word is None and (comma := _COMMA_AT_END.search(before)):
        # in prose only: a kind word a Title Case headline capitalises may stand before its
        # verb ("AI Startup, Continues to …")
        word = _word_before(fold(before[: comma.start()]) + " ")
        if word is not None and not before[: comma.start()].endswith(word):
            word = None
    if word is not None and (
        startup.fullmatch(word) or giant.fullmatch(word) or lex.cues["product_kind"].fullmatch(word)
    ):
        return True
    carried = _KIND_THEN_ADJECTIVE.search(folded_before)
    if (
        carried
        and lex.cues["kind_adjectives"].fullmatch(carried.group(2))
        and (startup.fullmatch(carried.group(1)) or giant.fullmatch(carried.group(1)))
    ):  # the kind word with its adjective after it: "la startup brasileña, Hekima"
        return True
    described = _KIND_OF_PHRASE_BEFORE.search(folded_before)
    if described and (
        startup.fullmatch(described.group(1))
        or lex.cues["product_kind"].fullmatch(described.group(1))
    ):  # (or the product it makes: "l'application de discussion anonyme Yik Yak")
        return True
    if lex.spaced:
        return False
    return ends_on(lex, "startup", folded_before.rstrip(_AFTER_KIND_WORD_UNSPACED))


def noun_before_of(folded_before: str, lex: Lexicon) -> str | None:
    """The noun right before the language's "of" that ends the text before a name ("équipe" of
    "l'équipe d'", "acquisition" of "l’acquisition de"), or None."""
    words = folded_before[-40:].split()
    if len(words) < 2 or not lex.cues["of"].fullmatch(words[-1]):
        return None
    return re.split(r"['’]", words[-2])[-1]  # "l'équipe": the noun after an elided article


def _kind_word(folded_name: str, lex: Lexicon) -> bool:
    """The name is a word for a kind of company ("des Start-ups", "des Unternehmens": German
    writes every noun with a capital)."""
    return bool(
        lex.cues["startup"].fullmatch(folded_name) or lex.cues["giant"].fullmatch(folded_name)
    )


def _counts_without_legal_forms(
    raw_orgs: list[list[tuple[str, str, int, int, str]]], watchlist: Watchlist, data: NameData
) -> tuple[Counter[str], dict[str, str]]:
    """How often each name is written, a legal form left out ("Milk Inc" counts as "Milk"), and
    the names written with one, each mapped to its name without it."""
    counts: Counter[str] = Counter()
    bare: dict[str, str] = {}
    for found in raw_orgs:
        for _, name, _, _, _ in found:
            words = name.split()
            without = " ".join(words[:-1]).rstrip(",")
            if (
                len(words) > 1
                and words[-1] in data.legal_forms
                and watchlist.lookup(name) is None
                and without not in data.function_words  # ("Yes, Inc." stays: "Yes" is a word)
            ):
                bare[name] = name = without
            counts[name] += 1
    return counts, bare


def _joined_alike(counts: Counter[str]) -> dict[str, str]:
    """ "Character.AI", "Character-AI", "CharacterAI": one company however it is joined, named as
    it is written most often."""
    out: dict[str, str] = {}
    by_fold: dict[str, str] = {}
    for name, _ in counts.most_common():
        key = name.casefold().replace(".", "").replace("-", "").replace(" ", "")
        if key in by_fold:
            out[name] = by_fold[key]
        else:
            by_fold[key] = name
    return out


# The endings of a company's web address written as its name ("Superpod.io"); ".ai" is read as
# part of the name ("Vertex.ai"), as "AI" is.
_WEB_ENDINGS = frozenset({"io", "com", "co", "app", "net", "org", "so", "dev"})


# The nouns of a product right before its name ("messaging app Cord"), and the words that say a
# name after them is a company's ("The New York-based Cord Project")
_PRODUCT_NOUN_BEFORE = re.compile(r"\b(?:apps?|application|service|tool|platform|product|game)\s+$")
_COMPANY_WORD_BEFORE = re.compile(r"(?:\w-based|\bstart-?up|\bcompany|\bfirm)\s+$")


def _named_after(
    words_before: re.Pattern[str], sentences: Sequence[Sentence], raw_orgs: list[list[RawOrg]]
) -> frozenset[str]:
    """The names the text writes right after the words ``words_before`` matches."""
    return frozenset(
        name
        for s, found in zip(sentences, raw_orgs, strict=True)
        for _, name, start, _, _ in found
        if start
        and s.raw[start - 1].isspace()
        and words_before.search(s.raw, max(0, start - 30), start)
    )


def _short_and_long(
    short: str,
    long: str,
    watchlist: Watchlist,
    data: NameData,
    adjective_ai: set[str],
    products: frozenset[str] = frozenset(),
    companies: frozenset[str] = frozenset(),
) -> tuple[str, str] | None:
    """(written, name) when ``long``, which is ``short`` with more after it, and ``short`` name
    one company, else None. A short name the text calls a product, where it calls the long
    one a company, is the company's own ("The New York-based Cord Project launched in 2014
    with messaging app Cord", then "Cord staffers"; not "Posterous Spaces", Posterous's
    product)."""
    entity = watchlist.lookup(long)
    if entity is not None:
        # "Character.AI", then "the licences of Character"
        return (short, entity.name) if long.startswith(short + ".") else None
    ending = long[len(short) + 1 :].casefold()
    if long.startswith(short + ".") and ending == "ai":
        return short, long  # "Vertex.ai", then "Vertex": named in full, as "Inflection AI" is
    if long.startswith(short + ".") and ending in _WEB_ENDINGS:
        return long, short  # "Superpod.io", then "Superpod": one company, named without it
    if long.startswith(short + " ") and long.split()[-1] in data.suffixes:
        # "Inflection" and "Inflection AI" are one company, named by its full name, unless the
        # suffix is only ever an adjective ("Humanloop AI talent")
        return (long, short) if long in adjective_ai else (short, long)
    if (
        short in products
        and long in companies
        and long.startswith(short + " ")
        and len(long.split()) == 2
    ):
        return short, long
    return None


def _canonical_names(
    raw_orgs: list[list[tuple[str, str, int, int, str]]],
    watchlist: Watchlist,
    data: NameData,
    adjective_ai: set[str] = frozenset(),  # type: ignore[assignment]
    products: frozenset[str] = frozenset(),
    companies: frozenset[str] = frozenset(),
) -> dict[str, str]:
    counts, bare = _counts_without_legal_forms(raw_orgs, watchlist, data)
    out = _joined_alike(counts)
    names = sorted(set(counts) - set(out), key=len, reverse=True)
    for name in names:
        entity = watchlist.lookup(name)
        if entity is not None and (
            name.casefold() not in {n.casefold() for n in entity.names()}
            # a listed buyer in odd capitals ("FaceBook") is the buyer
            or entity.kind == "acquirer"
            and name not in entity.names()
        ):
            # "ScaleAI", "Scale-AI": a listed name written joined. (A name differing only in case,
            # "Character.ai", stays as written, as before: measured, mapping it too made a known
            # pair named in a headline about talks of funding a deal, in one real article.)
            out[name] = entity.name
            continue
        listed = _misspelt_listed_company(name, watchlist)
        if listed is not None:
            out[name] = listed  # "Goggle paid $2.7 billion": the outlet's slip of a listed name
    names = [n for n in names if n not in out]
    for short in names:
        if watchlist.lookup(short) is not None:
            continue
        for long in names:
            if len(long) <= len(short) or not long.startswith(short):
                continue
            mapped = _short_and_long(
                short, long, watchlist, data, adjective_ai, products, companies
            )
            if mapped is not None:
                written, name = mapped
                out[written] = out.get(name, name)
                break
    for name in names:
        other = _without_article(name, names) or _plural_named(name, names)
        if other is not None and name not in out:
            # "The Walmart Labs" beside "Walmart Labs": one company, named without the article;
            # "Lumeo Technology’s team" beside "Lumeo Technologies": the plural's company
            out[name] = out.get(other, other)
    for long in names:
        parent = _parent_named(long, counts, watchlist, data)
        if parent is not None and long not in out:
            out[long] = out.get(parent, parent)  # "Twitter Cortex", a team of Twitter: Twitter
    for written, name in bare.items():
        out[written] = out.get(name, name)
    return out


def _without_article(name: str, names: list[str]) -> str | None:
    """The name without the "A" or "The" it opens on, where the text also names the company so
    ("The Walmart Labs" inside a sentence beside "Walmart Labs"); a name always written with
    its article keeps it ("The Eye Tribe")."""
    head, _, rest = name.partition(" ")
    return rest if head in ("A", "The") and rest in names else None


def _plural_named(name: str, names: list[str]) -> str | None:
    """The name of several words the text also writes with its last word in the plural ("Lumeo
    Technology" beside "Lumeo Technologies", "Quill System" beside "Quill Systems"): one company,
    named as it calls itself, in the plural."""
    head, _, last = name.rpartition(" ")
    if not head:
        return None
    plurals = {f"{head} {last}s", f"{head} {last}es"}
    if last.endswith("y"):
        plurals.add(f"{head} {last[:-1]}ies")
    return next((other for other in names if other in plurals), None)


# The shortest company name another name may run on from ("Groupon" in "Grouponnovations").
_SHORTEST_RUN_ON_HEAD = 5


def _parent_named(
    name: str, counts: Counter[str], watchlist: Watchlist, data: NameData
) -> str | None:
    """The company a longer name opens with, when the text names that company alone too and the
    rest is no company's last word ("Twitter Cortex", beside "Twitter": a part of Twitter; not
    "Magic Pony Technology", nor a listed name)."""
    words = name.split()
    if watchlist.lookup(name) is not None:
        return None
    if len(words) == 1:
        # "Grouponnovations" beside "Groupon": a unit named by its company's name run on
        return next(
            (
                head
                for head in counts
                if len(head) >= _SHORTEST_RUN_ON_HEAD
                and name.startswith(head)
                and len(tail := name[len(head) :]) >= 3
                and tail.isalpha()
                and tail.islower()
            ),
            None,
        )
    if words[-1] in data.suffixes:
        return None
    return next(
        (head for k in range(len(words) - 1, 0, -1) if (head := " ".join(words[:k])) in counts),
        None,
    )


def _former_names(
    sentences: Sequence[Sentence],
    raw_orgs: list[list[RawOrg]],
    canonical: dict[str, str],
    data: NameData,
) -> dict[str, str]:
    """A company's former name, written right after it ("Multi, formerly known as Remotion",
    "Multi, anteriormente conhecida como Remotion"), is that company, named by its canonical name;
    so is a long name given a short one ("Karlsruhe Information Technology Solutions or Kites for
    short"), named by the short one the text goes on to use."""
    out: dict[str, str] = {}
    for s, found in zip(sentences, raw_orgs, strict=True):
        ordered = sorted(found, key=lambda f: f[2])
        for (_, first, _, first_end, _), (_, second, start, end, _) in itertools.pairwise(ordered):
            first = canonical.get(first, first)
            if first == canonical.get(second, second):
                continue
            if data.formerly.fullmatch(s.raw, first_end, start):
                out[second] = out.get(first, first)  # the second is the former name
            elif _SHORT_NAME_BEFORE.fullmatch(s.raw, first_end, start) and data.for_short.match(
                s.raw, end
            ):
                out[first] = canonical.get(second, second)  # the second is the short name
        if ordered and s.index:
            _, former, start, _, _ = ordered[0]
            said = _THE_STARTUP_WAS.match(s.raw, _sentence_opening(s.raw), start)
            if said is not None and data.formerly.fullmatch(s.raw, said.end(), start):
                latest = _latest_startup(raw_orgs[: s.index], former)
                if latest is not None:
                    out[former] = out.get(latest, canonical.get(latest, latest))
    return out


def _without_legal_form(name: str, data: NameData) -> str:
    """The name without the legal form that ends it ("Pebble Nexus" of "Pebble Nexus Ltd")."""
    words = name.split()
    return " ".join(words[:-1]) if len(words) > 1 and words[-1] in data.legal_forms else name


# "the" right before a name of one word: a title ("The Post", "the Journal"), not a company's name
_THE_BEFORE = re.compile(r"(?<![\w-])[Tt]he\s+$")
# a capitalised word right before a name, no possessive between: one longer name
_CAPITALISED_BEFORE = re.compile(r"(?<![\w'’-])[A-Z][\w-]*\s+$")

# "The Danish startup was formerly known as …": the company the text has been speaking of
_THE_STARTUP_WAS = re.compile(
    r"(?:the|this)\s+(?:[\w-]+\s+){0,3}?(?:startup|start-up|company|firm)\s+(?:was|had\s+been|is)",
    re.IGNORECASE,
)


def _latest_startup(earlier: Sequence[list[RawOrg]], former: str) -> str | None:
    """The company named last before a sentence that is not a listed buyer (nor the former name)."""
    for found in reversed(earlier):
        for _, name, _, _, kind in sorted(found, key=lambda f: -f[2]):
            if kind != "acquirer" and name != former:
                return name
    return None


# What stands between a company's long name and the short one given to it: "or", a comma, a bracket.
_SHORT_NAME_BEFORE = re.compile(r"\s*(?:,\s*)?(?:or\s+|\(\s*)?")


def _misspelt_listed_company(name: str, watchlist: Watchlist) -> str | None:
    """The listed company a one-word name misspells by one letter ("Goggle" for Google), when
    exactly one listed name of six letters or more is that close, or writes with an "s" for its
    possessive ("Salesforces acquires Tempo"); None otherwise."""
    if len(name) < 5 or " " in name or watchlist.lookup(name) is not None:
        return None
    owner = watchlist.lookup(name[:-1]) if name.endswith("s") else None
    if owner is not None and owner.kind != "person":
        return owner.name  # "Nvidias 900m Enfabrica move": a possessive without its apostrophe
    if len(name) < 6:
        return None
    close = {
        company
        for listed, company in _companies_by_shape(watchlist).get((name[0], len(name)), ())
        if _one_letter_apart(name, listed)
    }
    return close.pop() if len(close) == 1 else None


@cache
def _companies_by_shape(watchlist: Watchlist) -> dict[tuple[str, int], list[tuple[str, str]]]:
    """The watchlist's company names of one word, by first letter and length: (name, company)."""
    out: dict[tuple[str, int], list[tuple[str, str]]] = defaultdict(list)
    for listed, entity in watchlist.all_names():
        if entity.kind != "person" and " " not in listed and listed:
            out[(listed[0], len(listed))].append((listed, entity.name))
    return dict(out)


def _one_letter_apart(a: str, b: str) -> bool:
    """Same length, same first letter, and one letter changed or two neighbours swapped."""
    if a[0] != b[0] or a == b:
        return False
    diffs = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    if len(diffs) == 1:
        return True
    i, j = (diffs + [0, 0])[:2]
    return len(diffs) == 2 and j == i + 1 and a[i] == b[j] and a[j] == b[i]
