"""What the text says of the names it found: which company each person leads or founded, and the
companies it names by what they are ("the startup", "the tech giant", "its deal", "it paid"),
each resolved to the named company meant.

Runs after the names are read (``names.find_names``) and adds to them: ``Names.affiliation``,
and the generic mentions as organisation mentions marked ``generic``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import cache, lru_cache

from extractors.analysis.lexicon import Lexicon, ends_on, holds_any, needed_texts
from extractors.analysis.names import (
    Names,
    OrgMention,
    PersonMention,
    name_words,
    past_employer_before,
)
from extractors.analysis.text import Sentence, fold


def read_mentions(sentences: Sequence[Sentence], names: Names, lex: Lexicon) -> None:
    """Who leads which company, then the generic mentions: both written into ``names`` (with the
    person a sentence's opening "He" or "She" is, among that sentence's people)."""
    names.affiliation = _affiliations(sentences, names, lex)
    _resolve_generic(sentences, names, lex)


_AFFILIATION = (
    # "Adept co-founder and CEO David Luan", "Groq CEO Jonathan Ross"
    re.compile(
        r"(?P<org>§)\s+(?:(?:co-?founder|cofounder|founder|ceo|chief\s+executive|president|cto|chief\s+\w+\s+officer|chief\s+scientist)(?:\s+and\s+|\s*,\s*|\s+))+(?P<person>¶)",
        re.IGNORECASE,
    ),
    # "David Luan, Adept's co-founder", "Rochan Sankar, Enfabrica CEO", "Mohan, the CEO of Windsurf",
    # "John Fitzpatrick, at that time Voysis’ vice president",
    # "Sankar is the co-founder, president, and CEO of Enfabrica"
    re.compile(
        r"(?P<person>¶)(?:,|\s+(?:is|was|serves\s+as|has\s+been))\s+(?:the\s+|a\s+|an\s+)?(?:(?!and\b|or\b)[\w-]+\s+){0,3}?(?:(?P<org>§)(?:'s|’s|'|’)?\s+)?(?:(?:co-?founder|cofounder|founder|ceo|chief\s+executive|(?:vice\s+)?president|cto|chief\s+\w+\s+officer)(?:\s*,\s*(?:and\s+)?|\s+and\s+)?)+(?:\s+(?:of|at)\s+(?:the\s+)?(?:(?!and\b|or\b)[\w-]+\s+){0,3}?(?P<org2>§))?",
        re.IGNORECASE,
    ),
    # "Windsurf's CEO Varun Mohan", "Humanloop’s three co-founders, CEO Raza Habib"
    re.compile(
        r"(?P<org>§)(?:'s|’s)\s+(?:[\w-]+\s+){0,3}?(?:co-?founders?|cofounders?|founders?|ceo|chief\s+executive|president|cto)(?:,|\s)+(?:(?:ceo|cto|cpo|president|co-?founder)\s+)?(?P<person>¶)",
        re.IGNORECASE,
    ),
    # "Gross and Friedman lead venture firm NFDG", "Gross und Friedman leiten den Fonds NFDG"
    re.compile(
        r"(?P<people>¶(?:(?:,\s*|\s+(?:and|und|y|et|e)\s+)¶)*)\s+(?:co-?)?(?:lead|leads|head|heads|run|runs|"
        r"leiten|leitet|dirigen|dirige|dirigent|guidano|guida)\s+(?:the\s+|den\s+|die\s+|das\s+|la\s+|le\s+|el\s+)?"
        r"(?:[\w-]+\s+){0,3}?(?P<org>§)",
        re.IGNORECASE,
    ),
    # "Founded in 2021 by Raza Habib, Peter Hayes and Jordan Burgess, HumanLoop"
    re.compile(
        r"founded\s+(?:in\s+\d{4}\s+)?by\s+(?P<people>(?:¶(?:,\s+|\s+and\s+)?){1,5}),?\s+(?P<org>§)",
        re.IGNORECASE,
    ),
)


@cache
def _titled_of_patterns(titles: str, of: str) -> tuple[re.Pattern[str], ...]:
    """A title of the company before or after the person, in the words of the text's language:
    "il CEO di Dropbox Drew Houston", "Sam Altman, PDG d’OpenAI"."""
    title_of = rf"\b(?:{titles})\s+(?:{of})\s*(?:the\s+)?(?P<org>§)"
    return (
        re.compile(rf"{title_of}\s*,?\s*(?P<person>¶)", re.IGNORECASE),
        re.compile(rf"(?P<person>¶)\s*,\s*(?:[\w-]+\s+){{0,2}}?{title_of}", re.IGNORECASE),
    )


@cache
def _founders_pattern(founding: str) -> re.Pattern[str]:
    """ "P and Q founded X", "Shazeer y De Freitas fundaron X", "P and Q, who co-founded X", in any
    language of the lexicon."""
    return re.compile(
        rf"(?P<people>¶(?:(?:,\s*|\s+(?:and|y|e|et|und|und\s+)\s*)¶)*)(?:,?\s+\w+){{0,3}}?\s+(?:{founding})\w*\s+(?:la\s+|el\s+|a\s+|die\s+)?(?P<org>§)",
        re.IGNORECASE,
    )


@cache
def _founded_by_pattern(founding: str) -> re.Pattern[str]:
    """ "Scale AI, founded by Alexandr Wang", "la startup Scale AI, fundada por Alexandr Wang"."""
    return re.compile(
        # (after what the company is, in English: "Summly, the news app created by …")
        rf"(?P<org>§),?\s+(?:(?:the|a|an)\s+(?:[\w-]+\s+){{0,4}}?(?:app|startup|start-up|company|firm|service|platform|tool|maker|lab)\s+)?"
        rf"(?:(?:which|that|que|qui|die|der)\s+(?:was\s+|foi\s+|fue\s+|a\s+été\s+|wurde\s+)?)?"
        # (or the name's product, made by them: "the Summly app built by Nick D'Aloisio")
        rf"(?:{founding}|(?:app|application)\s+(?:built|developed|made))\w*\s+(?:in\s+\d{{4}}\s+|em\s+\d{{4}}\s+|en\s+\d{{4}}\s+)?(?:by|por|par|von|da)\s+"
        # (a title before the first: "by University of Toronto professor Geoffrey Hinton and two of
        # his students, Alex Krizhevsky and Ilya Sutskever")
        rf"(?:[\w-]+,?\s+){{0,5}}?(?P<people>¶(?:(?:,\s*|\s+(?:and|y|e|et|und)\s+(?:(?:[\w-]+\s+){{1,4}}?[\w-]+,\s+)?)¶)*)",
        re.IGNORECASE,
    )


# The company a person founded, said with the founding verb: it wins over a title ("Twitter
# cofounder Biz Stone is joining Pinterest … acquiring Jelly, the Q&A app Stone founded").
_FOUNDED = (
    # "Shazeer co-founded Character.AI", "he founded Scale AI"
    re.compile(
        r"(?P<person>¶)(?:\s+\w+){0,3}?\s+(?:co-?founded|founded|started|launched)\s+(?P<org>§)",
        re.IGNORECASE,
    ),
    # "Jelly, the Q&A app Stone founded in 2013"
    re.compile(
        r"(?P<org>§),\s+(?:the|a)\s+(?:[\w&-]+\s+){1,3}?(?P<person>¶)\s+(?:co-?founded|founded|started)\b",
        re.IGNORECASE,
    ),
)


def _affiliations(sentences: Sequence[Sentence], names: Names, lex: Lexicon) -> dict[str, str]:
    """Which organisation each person leads or founded, as the text says it: the one they are
    said to have founded, else the first the text ties them to."""
    out: dict[str, str] = {}
    founded: dict[str, str] = {}
    founding = "|".join(lex.raw.get("founding", ()))
    # (each pattern with whether it says the person founded the company)
    titled = _titled_of_patterns("|".join(lex.raw["title"]), "|".join(lex.raw["of"]))
    patterns = (
        *((p, False) for p in (*_AFFILIATION, *titled)),
        *(
            (p, True)
            for p in (*_FOUNDED, _founders_pattern(founding), _founded_by_pattern(founding))
        ),
    )
    last_person: str | None = None  # the person named last in the sentences before
    for s in sentences:
        orgs, people = names.orgs[s.index], names.people[s.index]
        opening = _PRONOUN_OPENS.match(s.raw)
        if opening and last_person is not None and not any(p.start < opening.end() for p in people):
            # "Bret Taylor is an American programmer. He is the co-founder of FriendFeed": "he"
            # opening the sentence is the person named last before it
            people = [
                PersonMention(last_person, s.index, opening.start(1), opening.end(1)),
                *people,
            ]
            # (and for what the sentence says the person does: "He joined Facebook in 2009 when
            # it bought FriendFeed")
            names.people[s.index] = people
        if people:
            last_person = people[-1].name
        if not orgs or not people:
            continue
        masked, slots = _masked(s.raw, orgs, people)
        for pattern, says_founded in patterns:
            for m in pattern.finditer(masked):
                org_slot = m.groupdict().get("org") or m.groupdict().get("org2")
                if not org_slot:
                    continue
                org = slots.get(m.start("org") if m.groupdict().get("org") else m.start("org2"))
                if not isinstance(org, OrgMention):
                    continue
                group = "people" if "people" in m.groupdict() and m.group("people") else "person"
                if re.search(
                    r"\b(?:former|ex-?|onetime|one-time)\s*$",
                    masked[max(0, m.start() - 12) : m.start()],
                    re.IGNORECASE,
                ) or re.search(
                    r"\b(?:former|onetime|one-time|ex)\b|\bex-", m.group(0), re.IGNORECASE
                ):
                    continue  # "former GitHub chief executive Nat Friedman": no longer that company's
                for offset, item in slots.items():
                    if m.start(group) <= offset < m.end(group) and isinstance(item, PersonMention):
                        out.setdefault(item.name, org.name)
                        if says_founded:
                            founded.setdefault(item.name, org.name)
                            # (what people founded is an organisation: "the Summly app built by
                            # Nick D'Aloisio", "Lumeo, founded by …")
                            names.evidence.setdefault(org.name, set()).add("founded_by")
    return out | founded


# "He" or "She" opening a sentence (after any bullet or quote; lexicon/names.toml)
_PRONOUN_OPENS = re.compile(rf"^[\s\"“‘'•*–—-]*({'|'.join(name_words()['pronouns_opening'])})\s")


def _masked(
    raw: str, orgs: Sequence[OrgMention], people: Sequence[PersonMention]
) -> tuple[str, dict[int, object]]:
    """The sentence with each organisation as "§" and each person as "¶", and what each mark stands for."""
    items = sorted(
        [(m.start, m.end, m) for m in orgs if not m.generic]
        + [(p.start, p.end, p) for p in people],
        key=lambda t: t[0],
    )
    out = []
    slots: dict[int, object] = {}
    pos = 0
    length = 0
    for start, end, item in items:
        if start < pos:
            continue
        out.append(raw[pos:start])
        length += start - pos
        slots[length] = item
        out.append("§" if isinstance(item, OrgMention) else "¶")
        length += 1
        pos = end
    out.append(raw[pos:])
    return "".join(out), slots


def _generic_big_rx(words: dict[str, list[str]]) -> re.Pattern[str]:
    """ "the tech giant", "al gigante di", "le réseau social": a big company named by what it is,
    in every language read (``[big_company]`` of lexicon/names.toml)."""
    return re.compile(
        rf"\b(?:{'|'.join(words['articles'])})\s+(?:(?:[\w-]+\s+){{0,2}}?(?P<noun>{'|'.join(words['nouns'])})"
        rf"|(?:{'|'.join(words['trades'])})\s+(?:{'|'.join(words['firm_words'])})"
        rf"|{'|'.join(words['what_it_runs'])})\b",
        re.IGNORECASE,
    )


_GENERIC_BIG = _generic_big_rx(name_words()["big_company"])


@cache
def _generic_startup_rx(
    startup_words: tuple[str, ...], participle_before_noun: bool = False
) -> re.Pattern[str]:
    """ "the startup", "the AI startup's", "이 스타트업은": a startup named by what it is (a
    Korean particle may close it). German and Dutch (``participle_before_noun``) put a
    participle's phrase between the article and the noun: "das im kanadischen Vancouver
    beheimatete Startup", "het in Amsterdam gevestigde bedrijf"."""
    startup_nouns = "|".join(
        f
        for f in startup_words
        if f
        not in {"company", "firm", "business", "platform", "player", "fund", "rival", "venture"}
    )
    participle = (
        r"|(?:die|das|der|den|dem|het|de)\s+(?:[\w-]+\s+){1,3}?[\w-]+(?:te|ten|de|den|ige|igen|ene|enen)\s+"
        if participle_before_noun
        else ""
    )
    return re.compile(
        rf"\b(?:(?:the|this|la|le|el|die|das|a|o|cette|ce|cet|esta|este|essa|esse|questa|questo|diese[sr]?|이|그|해당)\s+(?:[\w-]+\s+){{0,2}}?"
        rf"{participle})(?:{startup_nouns})(?:'s|’s|[은는이가을를의와과도](?=\s))?(?![\w-])",
        re.IGNORECASE,
    )


def _generic_matches(
    s: Sentence, patterns: Sequence[tuple[re.Pattern[str], tuple[str, ...] | None]]
) -> list[list[re.Match[str]]]:
    """Each pattern's matches in a sentence; none where the sentence lacks every text it needs."""
    return [
        list(pattern.finditer(s.raw)) if holds_any(s.folded, need) else []
        for pattern, need in patterns
    ]


def _the_bought_rx(bought_words: tuple[str, ...]) -> re.Pattern[str]:
    """The language's words for the company a purchase bought ("the acquired company", "a
    companhia comprada"): the startup the text told as bought, as "it was acquired by" is."""
    if not bought_words:
        return re.compile(r"(?!x)x")
    return re.compile(rf"(?<![\w-])(?:{'|'.join(bought_words)})(?![\w-])", re.IGNORECASE)


@cache
def _generic_patterns(
    startup_words: tuple[str, ...],
    bought_words: tuple[str, ...] = (),
    participle_before_noun: bool = False,
) -> tuple[tuple[re.Pattern[str], tuple[str, ...] | None], ...]:
    """ "the startup", "the tech giant", "it paid": each pattern with texts one of which it needs."""
    return tuple(
        (p, needed_texts(p))
        for p in (
            _generic_startup_rx(startup_words, participle_before_noun),
            _GENERIC_BIG,
            _PRONOUN_PAYER,
            _GENERIC_COMPANY,
            _POSSESSIVE_PAYER,
            _PRONOUN_BOUGHT,
            _the_bought_rx(bought_words),
        )
    )


def _resolve_generic(sentences: Sequence[Sentence], names: Names, lex: Lexicon) -> None:
    """ "the startup", "the AI startup's", "the tech giant": the company last named of that kind."""
    patterns = _generic_patterns(
        lex.raw.get("startup", ()),
        lex.raw.get("the_bought", ()),
        # (the languages whose verb may close a clause put a participle's phrase before a noun)
        participle_before_noun=bool(lex.raw.get("verb_last")),
    )
    recent: list[
        tuple[int, str, bool]
    ] = []  # (sentence, company, is a listed acquirer), in text order
    described: dict[str, set[str]] = {}  # "recognition company" -> the names it introduced
    # the company named first in the sentence before, its subject as a rule: who "they" or "it"
    # opening the next sentence is ("Spotify is looking to data analytics. They have been buying")
    opened_before: str | None = None
    last_person: str | None = None  # the person named last before the sentence
    for s in sentences:
        named = names.orgs[s.index]
        people = names.people[s.index]
        startups, bigs, pronouns, companies, possessives, bought, the_bought = (
            [
                m
                for m in found
                if not _introduces_a_name(s.raw, m, named, lex)
                and not _of_a_person(s.raw, m, people)
                and not _maker_of_a_name(s.raw, m, named)
                and not _PLURAL_GENERIC.search(m.group(0))
            ]
            for found in _generic_matches(s, patterns)
        )
        by_home = _payers_by_home(s, bigs, names) if names.acquirer_homes else []
        homed = {m.start() for m, _ in by_home}  # ("the Mountain View giant": read once)
        resolved = [
            *(_persons_company_meant(s, named, names, last_person) if lex.language == "en" else []),
            *(_described_again(s, named, described) if described else []),
            *(_latter_meant(s, named, recent) if lex.language == "en" else []),
            *_startups_meant(s, startups + the_bought, names, recent, lex),
            # ("it was acquired by": the startup named last, as "it" is)
            *_startups_meant(s, bought, names, recent, lex, latest=True),
            *_companies_meant(s, companies, named, recent),
            *by_home,
            *_payers_meant(
                s, [m for m in bigs if m.start() not in homed], names, recent, latest=False
            ),
            *_payers_meant(s, pronouns, names, recent, latest=True, opened_before=opened_before),
            *_payers_meant(s, possessives, names, recent, latest=True, possessive=True),
        ]
        added = [
            OrgMention(target, m.group(0), s.index, m.start(), m.end(), generic=True)
            for m, target in resolved
        ]
        if lex.language == "en":
            _note_descriptions(s, named, names, described)
        for o in named:
            if past_employer_before(s, o.start):
                continue  # a person's past employer: no later "the lab" stands for it
            if names.kinds.get(o.name) == "acquirer":
                recent.append((s.index, o.name, True))
            elif names.kinds.get(o.name) == "startup" or names.evidence.get(o.name):
                recent.append((s.index, o.name, False))
        if added:
            names.orgs[s.index] = sorted(named + added, key=lambda o: o.start)
        if names.orgs[s.index] or s.raw.strip():
            opened_before = _opened_on(names.orgs[s.index], names)
        if people:
            last_person = people[-1].name


# "his company", "their startup": the company of a person named before it (English words: read
# only in English texts)
_PERSONS_COMPANY = re.compile(
    r"\b(?:his|her|their)\s+(?:own\s+)?(?:[\w-]+\s+)?(?:company|startup|start-up|firm)\b(?!-)"
)


def _persons_company_meant(
    s: Sentence, named: Sequence[OrgMention], names: Names, last_person: str | None
) -> list[tuple[re.Match[str], str]]:
    """ "after the software giant invested in his company": the company of the person named last
    before the words, in the sentence or before it, as the text ties them to it or the watchlist
    knows a deal moved them from it to a company the sentence names."""
    out: list[tuple[re.Match[str], str]] = []
    for m in _PERSONS_COMPANY.finditer(s.raw):
        if any(0 <= o.start - m.end() <= 2 for o in named):
            continue  # "acquired his startup Drop.io": the words introduce the name after them
        before = [p for p in names.people[s.index] if p.end <= m.start()]
        person = before[-1].name if before else last_person
        if person is None:
            continue
        home = names.affiliation.get(person) or next(
            (
                names.known_homes[(person, o.name)]
                for o in named
                if (person, o.name) in names.known_homes
            ),
            None,
        )
        if home is not None and home in names.kinds:
            out.append((m, home))
    return out


def _opened_on(orgs: Sequence[OrgMention], names: Names) -> str | None:
    """The company a sentence names first, whom "they" or "it" opening the next sentence means;
    None where it names none, or names a listed buyer ("Lumeo was acquired by Google. It paid …"
    is Google, the listed buyer named last, as before)."""
    if not orgs or any(names.kinds.get(o.name) == "acquirer" for o in orgs):
        return None
    return orgs[0].name


_Recent = list[tuple[int, str, bool]]
# The words that may open a sentence before its subject: "Perhaps more tellingly, they …", "In
# June, it …", "But they …".
_OPENING_ASIDE = re.compile(
    r"\s*(?:(?:[A-Z][\w'’-]*)(?:\s+[\w'’-]+){0,3},\s*|(?:But|And|Then|So|Now|Later)\s+)"
)

# The words that say what a company is, right before its name, whose noun "the startup" does not
# stand for ("speech recognition company Lumeo"): its last modifier and its noun.
_DESCRIBED_BEFORE = re.compile(
    r"(?<![\w-])(?P<modifier>[a-z][\w-]*)\s+(?P<noun>company|firm|business|platform)\s+$"
)
# (words too common to tell one company from another: "the tech company", "a new firm")
_VAGUE_MODIFIERS = frozenset(
    {"the", "a", "an", "its", "their", "his", "her", "this", "that", "tech", "technology", "new",
     "big", "small", "large", "young", "little", "parent", "holding", "same", "other", "another"}
)  # fmt: skip


def _note_descriptions(
    s: Sentence, named: Sequence[OrgMention], names: Names, described: dict[str, set[str]]
) -> None:
    """The descriptions that introduce a company's name in this sentence ("speech recognition
    company Lumeo"), each with the names it introduced (not a listed acquirer's)."""
    for o in named:
        if o.generic or names.kinds.get(o.name) == "acquirer":
            continue
        m = _DESCRIBED_BEFORE.search(s.raw, max(0, o.start - 60), o.start)
        if m is not None and m.group("modifier") not in _VAGUE_MODIFIERS:
            described.setdefault(f"{m.group('modifier')} {m.group('noun')}", set()).add(o.name)


# "the latter's engineers": the company of two named last (not "the latter half of the year")
_THE_LATTER = re.compile(
    r"\b[Tt]he\s+latter(?:'s|’s)?(?![\w-])(?!\s+(?:half|part|parts|stages?|years?|months?|weeks?|"
    r"days?|case|cases|point|period|one|two|of)\b)"
)


def _latter_meant(
    s: Sentence, named: Sequence[OrgMention], recent: _Recent
) -> list[tuple[re.Match[str], str]]:
    """ "Harbor's acquisition of Quillbyte, to bring on board the latter's talent": the company
    named last before "the latter" in its sentence, where two are named before it; else the one
    the sentences before named last."""
    if "latter" not in s.folded:
        return []
    out = []
    for m in _THE_LATTER.finditer(s.raw):
        before = [o for o in named if o.end <= m.start() and not o.generic]
        if len(before) >= 2:
            out.append((m, before[-1].name))
        elif not before and recent:
            out.append((m, recent[-1][1]))
    return out


@lru_cache(maxsize=512)  # (bounded: the descriptions are the texts' words)
def _description_again_rx(description: str) -> re.Pattern[str]:
    """ "the … speech recognition company('s)": a definite description ending on ``description``."""
    return re.compile(
        rf"\b[Tt]he\s+(?:[\w-]+\s+){{0,3}}?{re.escape(description)}(?:'s|’s)?(?![\w-])"
    )


def _described_again(
    s: Sentence, named: Sequence[OrgMention], described: dict[str, set[str]]
) -> list[tuple[re.Match[str], str]]:
    """ "the AI-powered speech recognition company's 20 engineers": a definite description that
    repeats the one an earlier sentence introduced one company with stands for that company."""
    out = []
    for description, companies in described.items():
        if len(companies) != 1 or description not in s.folded:
            continue
        (company,) = companies
        for m in _description_again_rx(description).finditer(s.raw):
            if not any(o.start < m.end() and m.start() < o.end for o in named) and not any(
                _DESCRIPTOR_TAIL.fullmatch(s.raw, m.end(), o.start)
                for o in named
                if o.start >= m.end()
            ):
                out.append((m, company))
    return out


def _introduces_a_name(raw: str, m: re.Match[str], named: list[OrgMention], lex: Lexicon) -> bool:
    """ "the startup Lumeo", "la startup Lumeo", "the tech giant Meta", "a start-up called
    Tuplejump": the words say what the name right after them is; they stand for no other company.
    Where adjectives follow their noun (not English), one may stand between them: "la startup
    francese Lumeo"."""
    tail = _DESCRIPTOR_TAIL if lex.language == "en" else _DESCRIPTOR_TAIL_ADJECTIVE
    for o in named:
        if o.start < m.end():
            continue
        gap = tail.match(raw, m.end(), o.start)
        if gap is None:
            continue
        if gap.end() == o.start:
            return True
        calling = lex.cues["calling"].match(fold(raw[gap.end() : o.start]))
        if calling is not None and not raw[gap.end() + calling.end() : o.start].strip():
            return True
    return False


# "the two startups", "both companies": more than one company, so none of them in particular.
_PLURAL_GENERIC = re.compile(
    r"\b(?:two|three|four|both|these|those|startups|start-ups|companies|firms)\b", re.IGNORECASE
)
_OF_WORD = re.compile(r"\s+(?:of|de|von|di|da|do|du)\s+")


def _of_a_person(raw: str, m: re.Match[str], people: Sequence[PersonMention]) -> bool:
    """ "a empresa de Mark Zuckerberg", "the company of Sam Altman": the person's company, which
    the words do not say is the startup or the giant named last."""
    after = _OF_WORD.match(raw, m.end())
    return after is not None and any(p.start == after.end() for p in people)


# "of" or "behind", then at most the article and three words of what is made ("of the routing app ")
_MADE_THING = re.compile(
    r"\s+(?:of|behind|de|von|di|da|do|du)\s+(?:(?:the|la|le|el|die|der|das|il|o|a)\s+)?(?:[\w-]+\s+){0,3}?"
)


def _maker_of_a_name(raw: str, m: re.Match[str], named: Sequence[OrgMention]) -> bool:
    """ "bought the maker of Quillbyte", "the startup behind the app Quillbyte": the company of the
    name after it, which the words do not say is one named before."""
    return any(o.start > m.end() and _MADE_THING.fullmatch(raw, m.end(), o.start) for o in named)


# What may stand between a kind word and the name it introduces: nothing, or one or two "of"
# phrases ("la startup d'IA Adept", "la start-up d'intelligence artificielle Global Illumination",
# "la firma de inteligencia de blockchain Neutrino").
_OF_PHRASE = r"(?:(?:d['’]|de\s+|di\s+|do\s+|da\s+|del\s+)[\w-]+\s+(?:[\w-]+\s+)?){0,2}"
_DESCRIPTOR_TAIL = re.compile(rf"\s*{_OF_PHRASE}")
# (or an adjective, lower case, before the "of" phrase: "la startup francese Lumeo")
_DESCRIPTOR_TAIL_ADJECTIVE = re.compile(
    rf"\s*(?:(?!(?:qui|que|che|die|der|das|who|which)\s)[^\W\d_A-Z][\w-]*\s+)?{_OF_PHRASE}"
)


def _buys_it(raw: str, name_end: int, generic_start: int, lex: Lexicon) -> bool:
    """A word of buying right before the generic words, after the name: "Harbor, which bought the
    startup", "Harbor acquired the startup" (the name is the buyer, not "the startup")."""
    return ends_on(lex, "acquire", fold(raw[max(name_end, generic_start - 25) : generic_start]))


def _startups_meant(
    s: Sentence,
    found: list[re.Match[str]],
    names: Names,
    recent: _Recent,
    lex: Lexicon,
    *,
    latest: bool = False,
) -> list[tuple[re.Match[str], str]]:
    """ "the startup": the startup named last before it in the sentence, else the one named most
    lately (``latest``: the one named last); not a company that buys "the startup" ("joining
    Harbor, which bought the startup")."""
    named = names.orgs[s.index]
    out = []
    for m in found:
        if any(o.start <= m.start() < o.end for o in named):
            continue
        earlier = [
            o
            for o in named
            if o.end <= m.start()
            and names.kinds.get(o.name) != "acquirer"
            and not _buys_it(s.raw, o.end, m.start(), lex)
        ]
        target = (
            earlier[-1].name if earlier else _most_named(recent, s.index, big=False, latest=latest)
        )
        if target:
            out.append((m, target))
    return out


def _companies_meant(
    s: Sentence, found: list[re.Match[str]], named: list[OrgMention], recent: _Recent
) -> list[tuple[re.Match[str], str]]:
    """ "The company announced": the company the last sentences name most, when it opens the sentence."""
    out = []
    for m in found:
        if any(o.start < m.start() or o.start <= m.start() < o.end for o in named):
            continue
        target = _most_named(recent, s.index, big=None)
        if target:
            out.append((m, target))
    return out


def _home_named(raw: str, m: re.Match[str], names: Names) -> str | None:
    """The listed acquirer whose home city the words for a big company hold or are followed by
    ("the Mountain View giant", "il gigante di Mountain View", "le géant de Cupertino")."""
    after = raw[m.end() : m.end() + 40].lstrip()
    word, _, past_word = after.partition(" ")  # ("di", "de", "of", "from": a short word between)
    for city, company in names.acquirer_homes.items():
        if (
            city in m.group(0)
            or _starts_with_name(after, city)
            or len(word) <= 5
            and _starts_with_name(past_word, city)
        ):
            return company
    return None


def _starts_with_name(text: str, name: str) -> bool:
    """``text`` opens on ``name`` as a whole word ("Mountain View.", not "Mountain Viewers")."""
    return text.startswith(name) and not text[len(name) : len(name) + 1].isalnum()


def _payers_by_home(
    s: Sentence, bigs: list[re.Match[str]], names: Names
) -> list[tuple[re.Match[str], str]]:
    """ "the Mountain View giant": the listed acquirer whose home the words name, wherever the
    text names it (or before it names it at all: "… che si unirà al gigante di Mountain View")."""
    return [(m, home) for m in bigs if (home := _home_named(s.raw, m, names)) is not None]


def _payers_meant(
    s: Sentence,
    found: list[re.Match[str]],
    names: Names,
    recent: _Recent,
    *,
    latest: bool,
    possessive: bool = False,
    opened_before: str | None = None,
) -> list[tuple[re.Match[str], str]]:
    """ "the tech giant", "it paid", "its deal": the listed acquirer named last before it in the
    sentence, else the company ``opened_before`` (named first in the sentence before, where a
    pronoun opens this one), else the one named most (or, with ``latest``, last) in the sentences
    before."""
    named = names.orgs[s.index]
    out = []
    for m in found:
        speaker = next((o for o in reversed(named) if o.end <= m.start()), None)
        if speaker is not None and _SAID_BEFORE.fullmatch(s.raw, speaker.end, m.start()):
            out.append((m, speaker.name))  # "Harbor said Wednesday it has acquired …": Harbor
            continue
        earlier = [o for o in named if o.end <= m.start() and names.kinds.get(o.name) == "acquirer"]
        if (
            possessive
            and earlier
            and not any(earlier[-1].end <= o.start < m.start() for o in named)
        ):
            continue  # "Google paid ... in its deal with Windsurf": Google is the last name already
        opens = not s.raw[: m.start()].strip(" \t\"“‘'(") or _OPENING_ASIDE.fullmatch(
            s.raw[: m.start()]
        )
        target = (
            earlier[-1].name
            if earlier
            else opened_before
            if opened_before is not None and opens
            else _most_named(recent, s.index, big=True, latest=latest)
        )
        if target:
            out.append((m, target))
    return out


# "The company announced it is bringing on ...": a sentence that opens on "the company" speaks of the
# company the sentences before it name most, whichever kind it is.
_GENERIC_COMPANY = re.compile(
    r"^(?:[\w ,]{0,30},\s+)?[Tt]he\s+(?:company|firm)(?=\s+(?:not\s+only\s+|also\s+|then\s+|later\s+)?(?:said|says|announced|confirmed|has|had|will|is|was|paid|pays|bought|buys|took|takes|struck|signed|\w+ed)\b)"
)

# "its $2.4 billion deal with Windsurf", "Its latest target": the payer's own deal, told with a
# possessive pronoun (the company of that kind named last).
_POSSESSIVE_PAYER = re.compile(
    r"(?<![\w'’])[Ii]ts(?=\s+(?:(?:[$€£]?[\d.,]+\s*(?:billion|million|bn|m|b)?|reported|latest|newest|next|"
    r"biggest|largest|first|second|recent|own|earlier)\s+){0,3}(?:deal|target|acquisition|investment|purchase|"
    r"stake|licen[cs]\w*|agreement|acqui-?hire)\b)"
)

# How many sentences back "the startup" or "the giant" looks for whom it stands for.
GENERIC_REACH = 3


def _most_named(
    recent: list[tuple[int, str, bool]], index: int, *, big: bool | None, latest: bool = False
) -> str | None:
    """Who "the startup", "the tech giant" or "it" stands for: the company of that kind named most
    in the last few sentences (the latest of equals; for "it", simply the latest)."""
    window = [
        name for i, name, is_big in recent if big in (None, is_big) and index - i <= GENERIC_REACH
    ]
    if not window:
        window = [name for _, name, is_big in recent if big in (None, is_big)]
    if not window:
        return None
    if latest:
        return window[-1]
    counts = Counter(window)
    overall = Counter(name for _, name, is_big in recent if big in (None, is_big))
    last_seen = {name: i for i, name in enumerate(window)}
    return max(counts, key=lambda name: (counts[name], overall[name], last_seen[name]))


# What stands between a company and the pronoun that is it, the company speaking of itself:
# "Harbor said Wednesday it has acquired …", "Harbor announced on Monday that it had hired …"
_SAID_BEFORE = re.compile(
    r"\s+(?:(?:has|had)\s+)?(?:said|says|announced|announces|confirmed|confirms|disclosed|"
    r"discloses|revealed|reveals|told\s+[\w.]+(?:\s+[\w.]+)?)"
    r"(?:\s+(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|"
    r"yesterday|this\s+week|last\s+week))?,?\s+(?:that\s+)?",
    re.IGNORECASE,
)
# "It paid", "it hired": a pronoun as the payer, at the start of a sentence or clause (not "it was
# acquired by", whose "it" is what was bought).
_PRONOUN_PAYER = re.compile(
    r"(?<![\w'’])(?:[Ii]t|[Tt]hey)(?!\s+(?:is|was|are|were|has\s+been|had\s+been|have\s+been)\s+(?:\w+ly\s+)?\w+ed\s+by\b)"
    r"(?=\s+(?:(?:has|had|have|been|also|will|would|then|later|recently|quickly|reportedly|agreed\s+to|is|was|are|were)\s+)*"
    r"(?:paid|pays|pay|paying|hired|hires|hire|hiring|took|takes|licensed|licenses|licensing|invested|invests|investing|"
    r"struck|signed|brought|bringing|rehired|poached|poaching|agreed|acqui-?hir(?:ed|es|ing)|acquired|acquiring|"
    r"bought|buys|buying|purchased|purchases|purchasing)\b)"
)
# "It was acquired by Facebook in 2009": the pronoun stands for the startup named last.
_PRONOUN_BOUGHT = re.compile(
    r"(?<![\w'’])[Ii]t(?=\s+(?:is|was|has\s+been|had\s+been|will\s+be)\s+(?:\w+ly\s+)?"
    r"(?:acquired|bought|purchased|snapped\s+up|picked\s+up)\s+by\b)"
)
