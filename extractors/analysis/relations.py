"""What each clause says between two organisations: who hires whose people, who pays whom.

Every pair of organisations named in one clause (the earlier ``x``, the later ``y``, no
third company between them) is read through the words between them and around them:

- ``hire``: "x hired executives from y", "x hired y's founders", "y's co-founders joined
  x", "y co-founder P will join x", "the team of y joins x"; a person the text ties to y
  (its CEO, its founder) joining x, or hired by x, says the same;
- ``pay`` / ``licence`` / ``stake`` / ``deal``: "x pays y", "x invests $N in y", "x
  licenses y's models", "x takes a 49% stake in y", "x's deal with y", "x's y deal";
- ``acquire``: "x acquires y" (a full purchase, unless the text frames it as a hire);
- ``acquihire``: "x's acqui-hire of y";
- ``funding``: "x led a round in y".

Which company pays is read from the direction of the words ("joined x" makes x the
payer), never from a list. Each relation carries how explicit it is (``strength``), and
whether it is told as background ("a similar deal", "after Microsoft's deal with ...")
or as something that did not happen ("a failed bid").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cache

from extractors.analysis.figures import money_figures
from extractors.analysis.lexicon import Lexicon, SentenceCues, ends_on, offer_of_a_purchase
from extractors.analysis.names import (
    FORMER_WORD,
    LIST_SEPARATOR,
    LIST_WORDS,
    Names,
    OrgMention,
    PersonMention,
    lists_of_names,
    name_data,
    noun_before_of,
    past_employer_before,
    without_names,
)
from extractors.analysis.text import (
    CLAUSE_JOIN,
    CONTRAST_AFTER_COMMA,
    Sentence,
    clause_bounds,
    clauses,
    ends_a_quotation,
    fold,
)

# Most characters between two companies for a relation to tie them.
MAX_GAP = 160
# How strong each way of saying a relation is.
STRENGTH_FRAME = 1.0  # the words between the two names say it
STRENGTH_PERSON = 0.9  # a person tied to the startup joins the payer
STRENGTH_JOINED = 0.6  # "Google → Windsurf", "Nvidia-Groq deal"
STRENGTH_CLAUSE = 0.45  # both named in a clause that speaks of money or hiring
STRENGTH_OBJECT = 0.8  # "x hires y": the company as the object of hiring
STRENGTH_IMPLIED = 0.4  # one party named, the other the company the article just named
# How many sentences back the other party of a one-company clause is looked for.
IMPLIED_REACH = 3
# The relations that say money moves.
MONEY_KINDS = frozenset({"pay", "licence", "stake", "deal", "acquihire"})

# A comma and a conjunction right before a name: the name opens a clause of its own.
_NEW_CLAUSE_BEFORE = re.compile(
    rf"{CLAUSE_JOIN}$"
    # ", as analysts say TSMC's …": what others say about another company
    r"|,\s*as\s+(?:[\w-]+\s+){0,3}?(?:say|says|said|note|notes|noted|expect|expects|warn|warned)\s+$"
)
_LIST_ONLY = re.compile(rf"^\s*(?:,|&|/|\b{LIST_WORDS}\b|\s)*\s*$", re.IGNORECASE)
# A case ending after an apostrophe ("Quillbyte'ı", "Google'a"): the name's role in the clause
_CASE_ENDING_AFTER = re.compile(r"['’][^\W\d_]{1,6}(?![\w'’])")


def _case_marked(raw: str, org: OrgMention, lex: Lexicon) -> bool:
    """The name carries a case ending, in a language that writes one after an apostrophe: an
    object, not an item of a list ("Google, Quillbyte'ı satın aldı": the comma closes the
    subject)."""
    return lex.case_after_apostrophe and _CASE_ENDING_AFTER.match(raw, org.end) is not None


# A conjunction and "of" right before the second name: a second object of the same noun ("the
# purchase of MosaicML for $1.3 billion, then of Tabular", "le rachat de MosaicML …, puis de Tabular").
_SECOND_OBJECT = re.compile(
    r"(?:,|\b(?:then|and|puis|ensuite|et|y|luego|e|depois|und|dann|poi))\s+"
    r"(?:(?:then|puis|luego|depois|dann|poi)\s+)?(?:of|de|du|des|d['’]|von|vom|di|da|do)\s*$"
)
_JOINED = re.compile(r"^\s*(?:[-–—/+x→>]|->|&)\s*$")
_POSS = r"(?:'s|’s|')"
# Between a company and the people it names: only titles, "its", commas and "and" ("Covariant's
# co-founders, Pieter Abbeel, Peter Chen and ...").
_APPOSITION = re.compile(
    r"^(?:'s|’s)?(?:[\s,]|\band\b|\bits\b|\bincluding\b|\bamong\s+them\b|\bnotably\b|\bthree\b|\btwo\b|\bboth\b|co-?founders?|cofounders?|founders?|ceo|"
    r"chief\s+\w+(?:\s+officer)?|president|cto|cpo|coo|\d{1,2}-year-old|\(|\)|¶|[a-z]+\s+[a-z]+(?=,))*$"
)
# "and", "et a", "y ha", "und hat", or a comma as a headline joins them ("acquires VR startup
# IXOMOXI, hires its founder"): a second verb joined to the first (its auxiliary skipped)
_COORDINATED = re.compile(
    r"(?:^\s*,\s*|\b(?:and|plus|while|et|y|e|und)\s+)(?:to\s+|will\s+|also\s+|has\s+|have\s+|a\s+|ont\s+|va\s+|"
    r"ha\s+|han\s+|hat\s+|haben\s+|wird\s+|vai\s+|está\s+|sta\s+)?"
)
_FORMER = re.compile(rf"(?:{FORMER_WORD}|\bpreviously\s+at)\s*$")
_BOARD = re.compile(r"^(?:'s|’s)?\s+(?:board|advisory)", re.IGNORECASE)
# A company that joins another as a whole ("Tempo is joining Salesforce", "we're joining the
# Google family"): how a startup announces that it was bought for its team. Not a company that
# joins another in doing something ("joins Google in banning …", "joins forces with").
_COMPANY_JOINS = re.compile(
    # (its own words may come between: "Tempo announced on its website that it's joining …")
    r"^(?:[^.;]{0,60}?\b(?:it|we)(?=[\s’']))?"
    r"\s*(?:(?:[’']s|[’']re|is|are|will|would|has|have|had|was|were|be|been|now|officially|formally|also)\s+)*"
    r"join(?:s|ed|ing)?\s+(?:the\s+)?$"
)
_JOINS_IN_DOING = re.compile(r"^(?:[’']s)?\s+(?:in|on|as|and|with|to|at|for|forces|,)\b")
_POSS_SPACE = re.compile(rf"^(?:(?:{_POSS})?\s+|-)")  # ("FriendFeed-Mitarbeiter": a compound)
_POSS_RX = re.compile(_POSS)
_WORD_SPACE = re.compile(r"[\w-]+\s+")
_BOARD_WORDS = re.compile(
    r"\b(?:board|advisory\s+council|conseil\s+d'administration|aufsichtsrat)\b"
)
_STRETCH_BREAK = re.compile(r",\s+and\s+|\s+and\s+(?=\w+ed\b|\w+s\b)|;\s+")
# "tried to recruit Perplexity's CEO", "attempted to acquire": an attempt, whatever verb follows
_ATTEMPTED = re.compile(
    r"\b(?:tried|tries|trying|attempted|attempting|sought|seeking)\s+to\s+(?:[\w-]+\s+){0,2}?"
    r"(?:recruit|hire|poach|lure|acquire|buy|bring)\w*"
)
_BY_END = re.compile(r"\bby\s+$")
_VON_END = re.compile(r"\bvon\s+$")  # German "by" of a passive, which is also "of"
_FROM_END = re.compile(r"\b(?:from|by|de|von|da|di)\s+(?:the\s+)?$")
_NOT_OF = frozenset({"from", "by", "da"})  # words of the "of" class that may say "from" or "by"
# A licence given to the second company ("licensed its models to", "will be licensed to",
# "licenses its software to"), not one to the first's own things ("a licence to Zeta's models")
_LICENSED_TO = re.compile(
    r"\blicen[cs](?:ed|ing|es(?=\s+(?:its|their|the|our)\b))\b(?:\s+[\w'’-]+){0,4}?\s+to\s+$"
)


@dataclass(frozen=True, slots=True)
class Relation:
    kind: str  # hire, pay, licence, stake, deal, acquire, acquihire, funding
    acquirer: str
    target: str
    sentence: int
    strength: float
    background: bool = False  # told as a comparison or as what led to something else
    failed: bool = False
    people: tuple[str, ...] = ()  # people the clause names as moving
    clause: str = ""
    dated: bool = False  # the clause dates it ("in March", "last year")
    plural: bool = False  # more than one person moves (founders, a team, staff)


def _said(cues: SentenceCues, cue: str, folded_text: str) -> bool:
    return cues.said(cue, folded_text)


# A company's rank and file right after its name ("OpenAI employees", "Google's researchers"):
# people who leave it, so the company is no one's hirer in that clause.
_STAFF_AFTER = re.compile(
    r"^(?:'s|’s)?\s+(?:[\w-]+\s+)?(?:employees|staff(?:ers)?|researchers|engineers|scientists|workers|personnel)\b"
)


def _team_after(folded_after: str, lex: Lexicon) -> bool:
    """Right after a company: "'s founders", "'s three co-founders", "'s engineering team", " co-founder", " CEO"."""
    m = _POSS_SPACE.match(folded_after)
    if not m:
        return False
    if m.group(0) == "-":  # (the cues open on no hyphen: read the compound's word on its own)
        return _team_after(" " + folded_after[1:], lex)
    pos = m.end()
    possessive = bool(_POSS_RX.match(folded_after))
    for _ in range(
        4 if possessive else 1
    ):  # after "'s" the team word may follow three describing words
        if lex.cues["team"].match(folded_after, pos) or lex.cues["title"].match(folded_after, pos):
            return True
        word = _WORD_SPACE.match(folded_after[pos:])
        if not word:
            return False
        pos += word.end()
    return False


def _team_before(folded_before: str, lex: Lexicon) -> bool:
    """Right before a company: "the founders of", "el equipo de", "leadership from AI chatbot pioneer"."""
    tail = folded_before[-90:]
    if lex.cues["team_then_name"].search(tail):
        return True  # "основатели MSQRD": the genitive, no word for "of"
    words = tail.split()
    for i in range(len(words) - 1, max(-1, len(words) - 6), -1):
        # words[i] is "of"/"from"/"de"; at most three describing words (and "the") follow it
        if (
            lex.cues["of"].fullmatch(words[i])
            and len([w for w in words[i + 1 :] if w != "the"]) <= 3
        ):
            return lex.cues["team"].search(" ".join(words[max(0, i - 6) : i])) is not None
    return False


def _ends_with_of(folded_between: str, lex: Lexicon) -> bool:
    """The words before y end with "from", "of", "at", "behind" after a team word: the first
    word of the tail after which only "the", then up to four words and "startup", "company",
    "firm" or "lab", stand before y ("the founders of the AI startup y")."""
    tail = folded_between[-_TAIL_CHARS:]  # the words it reads fit in far less
    if not tail[-1:].isspace():
        return False
    if lex.cues["team_then_name"].search(tail):
        return True  # "… нанял основателей Quillbyte": the genitive, no word for "of"
    words = tail.split()
    for i in range(max(0, len(words) - _OWNER_WORDS - 1), len(words)):
        if _owner_tail(words[i + 1 :]):
            return bool(lex.cues["of"].fullmatch(words[i]))
    return False


_TAIL_CHARS = 200
# What may stand between "of" and the company: "the", then up to four words and an owner noun.
_OWNER_NOUNS = frozenset({"startup", "start-up", "company", "firm", "lab"})
_OWNER_WORDS = 6
_WORD_RUN = re.compile(r"[\w-]+")


def _owner_tail(words: list[str]) -> bool:
    """ "", "the", "the startup", "the ai coding company": what may follow "of" before a company."""
    if words and words[0] == "the" and _owner_phrase(words[1:]):
        return True
    return _owner_phrase(words)


def _owner_phrase(words: list[str]) -> bool:
    return not words or (
        len(words) <= 5
        and words[-1] in _OWNER_NOUNS
        and all(_WORD_RUN.fullmatch(w) for w in words[:-1])
    )


def relations_in(
    sentences: Sequence[Sentence],
    names: Names,
    lex: Lexicon,
    cues_of: Sequence[SentenceCues] | None = None,
) -> list[Relation]:
    """``cues_of``: each sentence's cues, when the caller has them (they are looked for once)."""
    if cues_of is None:
        cues_of = [SentenceCues(lex, s.folded) for s in sentences]
    out: list[Relation] = []
    lonely: list[tuple[Sentence, OrgMention, list[PersonMention], int, int]] = []
    for s in sentences:
        orgs = names.orgs[s.index]
        if not orgs:
            continue
        folded = s.folded
        cues = cues_of[s.index]
        people = names.people[s.index]
        bounds = clauses(s.raw)
        for k, (c_start, c_end) in enumerate(bounds):
            in_clause = _without_units(s, [o for o in orgs if c_start <= o.start < c_end], cues)
            clause_people = [p for p in people if c_start <= p.start < c_end]
            if ends_a_quotation(s.raw, c_end) and k + 1 < len(bounds):
                # the words of a quotation are its speaker's, named in the clause after it
                after_start, after_end = bounds[k + 1]
                clause_people += [p for p in people if after_start <= p.start < after_end]
            if not in_clause:
                continue
            found = _pair_relations(
                s, in_clause, clause_people, names, cues, folded, c_start, c_end
            )
            found += _person_relations(
                s, in_clause, clause_people, names, cues, folded, c_start, c_end
            )
            found += _shared_by_the_list(s, in_clause, names, found)
            if not found and len({o.name for o in in_clause}) == 1:
                lonely.append((s, in_clause[0], clause_people, c_start, c_end))
            out += found
    # A clause naming one company is paired once every explicit relation is known: a company that
    # pays or hires in one of them is a payer here too.
    payers = {r.acquirer for r in out if r.strength >= STRENGTH_OBJECT}
    out += _listed_purchases(sentences, names, cues_of, payers)
    paired = _paired_respectively(sentences, names, cues_of)
    if paired:
        # the pairing in order replaces what the clause's neighbours said of the same companies
        listed = {(r.sentence, r.acquirer) for r in paired} | {
            (r.sentence, r.target) for r in paired
        }
        out = [
            r
            for r in out
            if not ((r.sentence, r.acquirer) in listed and (r.sentence, r.target) in listed)
        ]
        out += paired
    explicit = list(out)
    for s, org, clause_people, c_start, c_end in lonely:
        out += _implied(
            s,
            org,
            clause_people,
            names,
            cues_of[s.index],
            s.folded,
            c_start,
            c_end,
            payers,
            explicit,
            sentences,
        )
    return out


# A company named as a team inside another that people join: "joining the Movidius team in
# Intel’s AI Products Group" (the unit before its owner), "to join Google's Gemini team" (after).
_UNIT = r"(?:team|group|unit|division|organi[sz]ation|lab)"
_UNIT_THEN_OWNER = re.compile(rf"\s+{_UNIT}\s+(?:in|at|of|within|inside)\s+(?:the\s+)?")
_OWNER_THEN_UNIT = re.compile(r"(?:'s|’s)\s+")
_UNIT_AFTER = re.compile(rf"\s+{_UNIT}\b")
_JOIN_THE = re.compile(r"\s*(?:the\s+)?$")


def _without_units(s: Sentence, orgs: list[OrgMention], cues: SentenceCues) -> list[OrgMention]:
    """The clause's companies less those named as a unit of another one that people join: the
    unit is where they go inside its owner, no party of its own."""
    if len(orgs) < 2:
        return orgs
    units: set[int] = set()
    for i, (o, p) in enumerate(zip(orgs, orgs[1:], strict=False)):
        between = s.raw[o.end : p.start]
        if _UNIT_THEN_OWNER.fullmatch(between) and _joins_right_before(s, o.start, cues):
            units.add(i)
        elif (
            _OWNER_THEN_UNIT.fullmatch(between)
            and _UNIT_AFTER.match(s.raw, p.end)
            and _joins_right_before(s, o.start, cues)
        ):
            units.add(i + 1)
    return [o for i, o in enumerate(orgs) if i not in units] if units else orgs


def _joins_right_before(s: Sentence, start: int, cues: SentenceCues) -> bool:
    """A joining verb, and "the" at most, right before ``start`` ("joining the ")."""
    before = s.folded[max(0, start - 40) : start]
    return any(_JOIN_THE.fullmatch(before, m.end()) for m in cues.lex.cues["join"].finditer(before))


# A list summed up after its last name.
_LIST_SUMMED_UP = re.compile(
    r"\s*(?:\([^)]{0,60}\))?\s*[:—–-]\s*(?:all|todas?|tutte?|toutes?|alle)\b", re.IGNORECASE
)


# What closes the words after a comma before they reach a name: no aside opens there
_BRACKET_OR_STOP = re.compile(r"[;()]")


def _asides(
    raw: str, c_start: int, orgs: Sequence[OrgMention], lex: Lexicon
) -> dict[int, OrgMention | None]:
    """Where each company standing in an aside set off by commas is named (an aside that closes
    before the clause does: a relative clause, "Lumeo, which was founded by two former Stripe
    engineers, was acquired by Meta"; an appositive, "The founders of Lumeo, a startup spun out
    of Stripe, joined Meta"; a participle's phrase, "Lumeo, fondée par deux anciens de Stripe, a
    été rachetée par Meta"; opened by the lexicon's words), with the company the aside describes,
    named right before its comma, or None where it follows no company."""
    out: dict[int, OrgMention | None] = {}
    for o in orgs:
        comma = raw.rfind(",", c_start, o.start)
        if comma < 0 or "," not in raw[o.end :] or _BRACKET_OR_STOP.search(raw, comma, o.start):
            continue
        head = next((other for other in orgs if 0 <= comma - other.end <= 1), None)
        aside = fold(raw[comma + 1 : o.start].lstrip())
        # (an appositive only right after a company's name: not "…, a move that …")
        if lex.cues["aside_opens"].match(aside) or (
            head is not None and lex.cues["appositive_opens"].match(aside)
        ):
            out[o.start] = head
    return out


def _apart(pair: _Pair, cues: SentenceCues) -> bool:
    """Nothing the clause says ties the two: the first names who tells it ("According to
    Limitless CEO Dan Siroker, the acquisition feeds Meta's …"), or the second is named in an
    exception ("Nvidia gets all the startup's assets except its cloud business GroqCloud")."""
    return bool(SOURCE_BEFORE.search(pair.before) and "," in pair.between_raw) or _excepted(
        pair, cues
    )


def _excepted(pair: _Pair, cues: SentenceCues) -> bool:
    """The second company is named in an exception from what the words before it say, with no
    word relating the two after it ("Nvidia gets all of the startup's key assets, except the cloud
    business GroqCloud", "за исключением облачного бизнеса GroqCloud")."""
    if not cues.present("except"):
        return False
    found = list(cues.lex.cues["except"].finditer(pair.between))
    return bool(found) and not any(
        _said(cues, k, pair.between[found[-1].end() :]) for k in _RELATING
    )


def _in_an_aside_closed_before(
    raw: str, x: OrgMention, y: OrgMention, asides: dict[int, OrgMention | None]
) -> bool:
    """The first stands in an aside that closes before the second is named: what follows is said
    of the name the aside describes ("Lumeo, which was founded by former Stripe engineers, was
    acquired by …"), or the aside describes what stands before its brackets ("트라핏 반살(전
    오픈AI 연구원)과 알렉산드르 왕(스케일AI CEO)": a person's former employer)."""
    if x.start in asides and "," in raw[x.end : y.start]:
        return True
    aside_end = _bracketed_aside_end(raw, x)
    return aside_end is not None and aside_end < y.start


def _bracketed_aside_end(raw: str, org: OrgMention) -> int | None:
    """Where the brackets ("(…)", "（…）") close that hold ``org`` among other words: a
    description of what stands before them ("트라핏 반살(전 오픈AI 연구원)": a person's former
    employer); None where it stands in none, or alone in them, as a name's gloss ("코인베이스
    (Coinbase)가")."""
    opened = max(raw.rfind("(", 0, org.start), raw.rfind("（", 0, org.start))
    if (
        opened < 0
        or max(raw.rfind(")", opened, org.start), raw.rfind("）", opened, org.start)) >= 0
    ):
        return None
    closed = min(
        (i for i in (raw.find(")", org.end), raw.find("）", org.end)) if i >= 0), default=-1
    )
    if closed < 0 or not (raw[opened + 1 : org.start].strip() or raw[org.end : closed].strip()):
        return None
    if not raw[org.end : closed].strip() and name_data().formerly.fullmatch(
        "(" + raw[opened + 1 : org.start]
    ):
        return None  # its former name: "meta(原Facebook)", "Block (formerly Square)"
    return closed


def _past_the_asides(
    raw: str, orgs: Sequence[OrgMention], asides: dict[int, OrgMention | None]
) -> list[tuple[OrgMention, OrgMention, int]]:
    """(head, y, since): a company an aside describes with the first company named after the
    aside closes ("Lumeo, which was founded by former Stripe engineers, was acquired by Meta":
    Lumeo and Meta, which the name in the aside keeps from being neighbours)."""
    out = []
    for i, o in enumerate(orgs):
        head = asides.get(o.start)
        if head is None:
            continue
        closing = raw.find(",", o.end)
        after = next((y for y in orgs[i + 1 :] if y.start > closing), None)
        if after is not None and after.name != head.name:
            out.append((head, after, head.end))
    return out


# The kinds of relation a list of startups shares: people of each of them move.
_SHARED_KINDS = frozenset({"hire", "acquihire"})


def _shared_by_the_list(
    s: Sentence, in_clause: Sequence[OrgMention], names: Names, found: Sequence[Relation]
) -> list[Relation]:
    """A hire the clause tells of one company of a list tells it of each ("The founders of
    Lumeo, Quillbyte and Vexa joined Harbor", "The people who started FriendFeed, Drop.io and
    Parakey all ended up at Facebook"): the verb is the whole list's, though the pair read is
    the company next to it."""
    if len(in_clause) < 3 or not found:
        return []
    out: list[Relation] = []
    had = {(r.kind, r.acquirer, r.target) for r in found}
    runs = lists_of_names(s.raw, in_clause, 1)
    listed_names = {o.name for run in runs if len(run) > 1 for o in run}
    for listed in (run for run in runs if len({o.name for o in run}) >= 2):
        members = {o.name for o in listed}
        if any(names.kinds.get(m) == "acquirer" for m in members):
            continue  # ("the App Store and Google Play"): not a list of startups
        for r in found:
            if (
                r.kind not in _SHARED_KINDS
                or r.target not in members
                or r.acquirer in listed_names  # (one of a list itself: which hires is unclear)
            ):
                continue
            for name in dict.fromkeys(o.name for o in listed):  # (in text order, not a set's)
                if name != r.target and (r.kind, r.acquirer, name) not in had:
                    had.add((r.kind, r.acquirer, name))
                    out.append(replace(r, target=name, people=()))
    return out


def _listed_purchases(
    sentences: Sequence[Sentence],
    names: Names,
    cues_of: Sequence[SentenceCues],
    payers: set[str],
) -> list[Relation]:
    """Earlier purchases listed by name in a passage about talent: "OpenAI ha già acquisito varie
    startup ..., come Context.ai, Crossing Minds e Alex", "Context.ai, Crossing Minds, Roi: all
    acquired, all shut down. The talent gets absorbed." Each listed company is an acqui-hire of the
    payer named before the list, else of the payer the article names most, told as background. A
    payer is a listed acquirer or a company that pays or hires in the article (``payers``)."""

    def pays(name: str) -> bool:
        return names.kinds.get(name) == "acquirer" or name in payers

    named_acquirers = Counter(o.name for found in names.orgs for o in found if pays(o.name))
    ranked = named_acquirers.most_common(2)
    main_acquirer = (
        ranked[0][0] if ranked and (len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]) else None
    )
    out: list[Relation] = []
    for s in sentences:
        if len(names.orgs[s.index]) < 2:
            continue  # (a list needs two companies: most sentences are not looked at further)
        bought_next = _bought_in_the_next(s, sentences, names, pays) or _bought_in_the_one_before(
            s, sentences, names, cues_of, pays
        )
        if not (
            cues_of[s.index].present("acquire")
            or cues_of[s.index].present("acquihire")  # "made a number of acqui-hires, … from"
            or bought_next
        ):
            continue
        for listed in _company_lists(s, names, payers):
            payer = bought_next or _payer_of_list(
                s, listed, names, cues_of[s.index], pays, main_acquirer
            )
            near = range(max(0, s.index - 1), min(len(sentences), s.index + 2))
            if payer is None or not any(
                cues_of[i].present(c) for i in near for c in ("acquihire", "winds_down", "team")
            ):
                continue
            for o in listed:
                for kind in ("acquihire", "hire"):
                    out.append(
                        Relation(kind, payer, o.name, s.index, STRENGTH_CLAUSE, True, clause=s.raw)
                    )
    return out


def _kinds_paired(cues: SentenceCues) -> tuple[str, ...]:
    """What each pair of a sentence's lists paired "respectively" is, by the sentence's words: an
    acqui-hire (and so a hire), else a purchase, a hire, a licence, as it says."""
    if cues.present("acquihire"):
        return ("acquihire", "hire")
    said = (
        ("acquire", cues.present("acquire")),
        ("hire", cues.present("hire") or cues.present("join")),
        ("licence", cues.present("licence")),
    )
    return tuple(kind for kind, present in said if present)


def respective_pairs(s: Sentence, names: Names) -> list[tuple[OrgMention, OrgMention]]:
    """(payer, startup) of each place of a sentence's two lists of as many companies, the list
    that names a listed acquirer paying ("Microsoft, Google and Amazon … Inflection AI,
    Character.AI and Adept"); none where the sentence has no such two lists. The lists are paired
    only where the sentence says "respectively" (its callers ask)."""
    lists = lists_of_names(s.raw, names.orgs[s.index], 2)
    if len(lists) != 2 or len(lists[0]) != len(lists[1]):
        return []
    buyers = [
        i for i, run in enumerate(lists) if any(names.kinds.get(o.name) == "acquirer" for o in run)
    ]
    if len(buyers) != 1:
        return []
    return list(zip(lists[buyers[0]], lists[1 - buyers[0]], strict=True))


def _paired_respectively(
    sentences: Sequence[Sentence], names: Names, cues_of: Sequence[SentenceCues]
) -> list[Relation]:
    """Two lists of as many companies, paired in order by "respectively": "Quillbyte and Lumeo
    were both acqui-hires, their founders now at Harbor and Halcyon respectively". The list that
    names a listed acquirer pays; each of the other list's is its acqui-hire (or purchase)."""
    out: list[Relation] = []
    for s in sentences:
        cues = cues_of[s.index]
        if len(names.orgs[s.index]) < 4 or not cues.present("respectively"):
            continue
        kinds = _kinds_paired(cues)
        if not kinds:
            continue
        plural = cues.present("team_plural")  # ("to get the founders/engineers of these companies")
        for payer, target in respective_pairs(s, names):
            for k in kinds:
                out.append(
                    Relation(
                        k,
                        payer.name,
                        target.name,
                        s.index,
                        STRENGTH_CLAUSE,
                        clause=s.raw,
                        plural=plural and k == "hire",
                    )
                )
    return out


def _payer_of_list(
    s: Sentence,
    listed: list[OrgMention],
    names: Names,
    cues: SentenceCues,
    pays: Callable[[str], bool],
    main_acquirer: str | None,
) -> str | None:
    """Who bought the companies a sentence lists: the payer named before the list, else (a list
    of three, or summed up: "…: all acquired") the payer the article names most, else the one
    named after it; None when the sentence lists no purchases."""
    # ("startups such as Lumeo and Quillbyte": the lexicon's words that open a list of examples)
    introduced = ends_on(
        cues.lex, "examples", s.folded[max(0, listed[0].start - 30) : listed[0].start]
    ) or (
        # "Facebooks Akquisitionen von FriendFeed oder Drop.io werden ebenso als Acqui-Hire
        # interpretiert" (not "AMD's purchases of Brium and Enosemi" beside an acqui-hire: the
        # sentence itself says what they were)
        _purchases_of_before(s, listed[0].start, cues) and cues.present("acquihire")
    )
    summed_up = _LIST_SUMMED_UP.match(s.raw, listed[-1].end)
    if not (introduced or summed_up or len(listed) >= 3):
        return None  # "Windsurf and Cognition announced ...": two names, no list of purchases
    before = [o.name for o in names.orgs[s.index] if o.end <= listed[0].start and pays(o.name)]
    if before:
        return before[-1]
    if not (summed_up or len(listed) >= 3):
        return None
    after = [o.name for o in names.orgs[s.index] if o.start >= listed[-1].end and pays(o.name)]
    return main_acquirer or (after[0] if after else None)  # "… der Yahoo-Familie einverleibt"


# "What do AppJet, Aardvark and reMail have in common? … they were all recently acquired by Google":
# the next sentence says that the companies just listed were bought, and by whom.
_THEY_WERE_BOUGHT = re.compile(
    r"\b(?:they|all\s+of\s+them|both|each)\s+(?:were|have\s+been|had\s+been)\s+(?:all\s+)?"
    r"(?:\w+ly\s+)?(?:acquired|bought|snapped\s+up)\s+by\s+$",
    re.IGNORECASE,
)


def _bought_in_the_next(
    s: Sentence, sentences: Sequence[Sentence], names: Names, pays: Callable[[str], bool]
) -> str | None:
    """The payer the next sentence says bought them all ("they were all acquired by Google")."""
    if s.index + 1 >= len(sentences):
        return None
    nxt = sentences[s.index + 1]
    return next(
        (
            o.name
            for o in names.orgs[nxt.index]
            if pays(o.name) and _THEY_WERE_BOUGHT.search(nxt.raw[max(0, o.start - 60) : o.start])
        ),
        None,
    )


def _bought_in_the_one_before(
    s: Sentence,
    sentences: Sequence[Sentence],
    names: Names,
    cues_of: Sequence[SentenceCues],
    pays: Callable[[str], bool],
) -> str | None:
    """The payer of the purchases the sentence before told of, where this one opens on them ("…
    Harbor bought 13 companies for their engineers. Three of these companies are X, Y and Z")."""
    if s.index == 0 or not cues_of[s.index].present("these_companies"):
        return None
    opening = cues_of[s.index].lex.cues["these_companies"].search(s.folded[:40])
    before = sentences[s.index - 1]
    cues = cues_of[before.index]
    if opening is None or not (cues.present("acquire") or cues.present("acquihire")):
        return None
    return next((o.name for o in reversed(names.orgs[before.index]) if pays(o.name)), None)


def _company_lists(s: Sentence, names: Names, payers: set[str]) -> list[list[OrgMention]]:
    """The runs of two or more companies (not payers) that list separators join."""
    companies = [
        o
        for o in names.orgs[s.index]
        if names.kinds.get(o.name) != "acquirer" and o.name not in payers
    ]
    return lists_of_names(s.raw, companies, 2)


def _purchases_of_before(s: Sentence, start: int, cues: SentenceCues) -> bool:
    """A purchase's noun and the language's "of" right before ``start`` ("Facebooks Akquisitionen
    von FriendFeed oder Drop.io"): the list after them is of purchases."""
    noun = noun_before_of(s.folded[max(0, start - 40) : start], cues.lex)
    return noun is not None and cues.lex.cues["acquire"].fullmatch(noun) is not None


def _partner_related_before(
    s: Sentence, name: str, big: bool, names: Names, explicit: Sequence[Relation]
) -> str | None:
    """The company ``name`` already has an explicit relation with: the nearest earlier sentence's
    first ("Nvidia ... Enfabrica. Nvidia then hired the company's CEO"), then the strongest;
    failing a strong one, one a clause naming both says it pays ("Character.ai bekommt von Google
    2,7 Milliarden Dollar")."""
    for floor in (STRENGTH_OBJECT, STRENGTH_CLAUSE):
        known = [
            (
                -abs(s.index - r.sentence) if r.sentence <= s.index else -99,
                r.strength,
                r.target if big else r.acquirer,
            )
            for r in explicit
            if (r.acquirer if big else r.target) == name
            and not (
                r.failed or r.background
            )  # "Meta attempted to acquire SSI", "after its Scale deal"
            and r.strength >= floor
            and (floor == STRENGTH_OBJECT or r.kind in MONEY_KINDS)
            and not (big and names.kinds.get(r.target) == "acquirer")
        ]
        if known:
            return max(known)[2]
    return None


def _company_of_the_people(
    people: Sequence[PersonMention], names: Names, payer: str, is_big: Callable[[str], bool]
) -> str | None:
    """The startup the text ties a clause's person to ("D'Aloisio was paid $30 million by Yahoo …
    and joined the company", the text having said "the Summly app built by Nick D'Aloisio"):
    the other party of what the clause tells the payer doing."""
    return next(
        (
            home
            for p in people
            if (home := names.affiliation.get(p.name)) not in (None, payer) and not is_big(home)
        ),
        None,
    )


def _implied(
    s: Sentence,
    org: OrgMention,
    people: Sequence[PersonMention],
    names: Names,
    cues: SentenceCues,
    folded: str,
    c_start: int,
    c_end: int,
    payers: set[str],
    explicit: Sequence[Relation] = (),
    sentences: Sequence[Sentence] = (),
) -> list[Relation]:
    """A clause that names one company and says it pays, licenses or hires: the other party is
    the company of the other kind the article named just before ("Google stepped in with a
    licensing deal and to poach key staff", two sentences after "... Windsurf ...")."""
    clause = folded[c_start:c_end]
    team_said = _said(cues, "team_plural", clause)
    moving = (
        (_said(cues, "hire", clause) or _said(cues, "join", clause))
        and (team_said or bool(people) and not _said(cues, "funding", clause))
        and not _said_board(clause)
    )  # "secured $1 billion in commitments for the round, ... Magnetar": money raised, no one moves
    money = next(
        (k for k in ("acquihire", "licence", "stake", "pay") if _said(cues, k, clause)), None
    )
    if money == "pay" and (_said(cues, "funding", clause) or _said(cues, "pay_package", clause)):
        money = None  # money raised, or one person's pay
    kinds = (["hire"] if moving else []) + ([{"pay": "deal"}.get(money, money)] if money else [])
    if not kinds:
        return []

    def is_big(name: str) -> bool:
        return names.kinds.get(name) == "acquirer" or name in payers

    big = is_big(org.name)
    # the company it already has an explicit relation with, else the company the clause's person
    # is tied to, else the latest fitting one named before
    partner = _partner_related_before(s, org.name, big, names, explicit)
    if partner is None and big:
        partner = _company_of_the_people(people, names, org.name, is_big)
    for i in range(s.index, max(-1, s.index - IMPLIED_REACH - 1), -1):
        if partner:
            break
        for o in reversed(names.orgs[i]):
            if o.name == org.name or (i == s.index and o.start >= org.start):
                continue
            if i < len(sentences) and (
                past_employer_before(sentences[i], o.start)
                or _bracketed_aside_end(sentences[i].raw, o) is not None
            ):
                continue  # a person's past employer; a name in brackets that describe another
            other_big = is_big(o.name)
            if other_big != big and (
                other_big
                or names.kinds.get(o.name) == "startup"
                or _treated_as_startup(names, o.name)
            ):
                partner = o.name
                break
    if partner is None:
        acquirers = {o.name for found in names.orgs for o in found if is_big(o.name)}
        if not big and len(acquirers) == 1:
            partner = next(iter(acquirers))
    if partner is None:
        return []
    acquirer, target = (org.name, partner) if big else (partner, org.name)
    background, failed, dated = _flags(folded, cues, c_end, c_start, c_end)
    plural = _plural(cues, clause, people)
    return [
        Relation(
            kind,
            acquirer,
            target,
            s.index,
            STRENGTH_IMPLIED,
            background,
            failed,
            tuple(p.name for p in people if names.affiliation.get(p.name) == target),
            s.raw[c_start:c_end],
            dated,
            plural,
        )  # fmt: skip
        for kind in kinds
    ]


def _flags(
    folded: str, cues: SentenceCues, until: int, c_start: int, c_end: int
) -> tuple[bool, bool, bool]:
    """(background, failed, dated) for a relation whose later party ends at ``until``."""
    told = folded[c_start:until]
    clause = folded[c_start:c_end]
    background = _said(cues, "background", _AFTER_THIS_DEAL.sub("", told, count=1))
    failed = (
        (
            (_said(cues, "failed", clause) and not _said(cues, "hire", clause))
            # (a hire told after the pair is another event: "Digg, qui avait failli se faire
            # racheter … par Google, vient de voir son équipe … se faire recruter par le
            # Washington Post")
            or (_said(cues, "failed", told) and not _said(cues, "hire", told))
        )
        # (not the offer a purchase told before it was made for: "la adquisición de Lumeo por
        # una oferta de …")
        and not offer_of_a_purchase(cues.lex, clause)
        or bool(_ATTEMPTED.search(clause))
        or _fails_in_contrast(folded, cues, c_end)
    )
    return background, failed, _said(cues, "dated", clause)


# "After the deal, …", "Tras la operación, …": a sentence opening on the time after the deal it
# tells, not on an earlier one (no company named: not "after Microsoft's deal with Inflection")
_AFTER_THIS_DEAL = re.compile(
    r"^\W*(?:after|following|tras|despu[eé]s\s+de|apr[eè]s|nach|dopo|ap[oó]s|depois\s+d[aeo])\s+"
    r"(?:the|this|that|la|el|esta|esa|l['’]|le|cette|der|dem|dieser|diesem|il|lo|questa|a|o|essa)\s*"
    r"(?:deal|acquisition|purchase|takeover|transaction|operaci[oó]n|compra|adquisici[oó]n|rachat|"
    r"übernahme|kauf|transaktion|acquisizione|operazione|aquisi[cç][aã]o|opera[cç][aã]o|"
    r"transa[cç][aã]o)\s*,"
)


# A clause of contrast opening right after another ("…, but", "…, aber letztlich").
_CONTRAST_OPENS = re.compile(r"\s*,\s*(?:" + "|".join(CONTRAST_AFTER_COMMA) + r")\b")


def _fails_in_contrast(folded: str, cues: SentenceCues, c_end: int) -> bool:
    """The clause of contrast right after the relation's tells that it failed ("whose takeover
    by OpenAI was prepared, but was broken up in the end"): the attempt did not happen."""
    opened = _CONTRAST_OPENS.match(folded, c_end)
    if opened is None:
        return False
    following = clause_bounds(folded, opened.end())
    return _said(cues, "failed", folded[opened.end() : following[1]])


def _pair_relations(
    s: Sentence,
    orgs: Sequence[OrgMention],
    people: Sequence[PersonMention],
    names: Names,
    cues: SentenceCues,
    folded: str,
    c_start: int,
    c_end: int,
) -> list[Relation]:
    """What a clause says between each two companies it names: a row of a table of deals, a
    list (no relation), people moving, money paid, or, when no words between them say which, a
    weak relation from what the clause speaks of."""
    out: list[Relation] = []
    clause_text = s.raw[c_start:c_end]
    clause_folded = folded[c_start:c_end]
    # the clause without its companies' names, for the weak relation: what a name says
    # ("Quillbyte Incorporated", "Hire Labs") is not what the clause says (read when first asked)
    unnamed: str | None = None
    coordinated: list[tuple[str, str]] = []  # "… behind Dark Blue Labs and Vision Factory"
    former = {i for i, o in enumerate(orgs) if past_employer_before(s, o.start)}
    past_employers = {orgs[i].start for i in former}  # (where each is named)
    asides = _asides(s.raw[:c_end], c_start, orgs, cues.lex)
    neighbours = list(_neighbour_pairs(orgs, former))
    paired = {(x.start, y.start) for x, y, _ in neighbours}
    neighbours += [
        (x, y, since)
        for x, y, since in _past_the_asides(s.raw[:c_end], orgs, asides)
        if (x.start, y.start) not in paired
    ]
    for x, y, since in neighbours:
        if _NEW_CLAUSE_BEFORE.search(s.raw, since, y.start):
            continue  # "... in a multibillion-dollar deal, and Microsoft hired ...": y opens a clause of its own
        if _in_an_aside_closed_before(s.raw, x, y, asides):
            continue
        pair = _read_pair(s, x, y, since, people, cues, folded, c_start, c_end)
        if _apart(pair, cues):
            continue
        if _JOINED.match(pair.between_raw):
            out += _table_row(pair, names, cues, clause_text, clause_folded)
            continue
        # two names written against each other are a list only where words are spaced; in Korean
        # or Japanese the particle after the first may be lost ("메타Scale AI에 140억 달러를 투자")
        listed = (
            _LIST_ONLY.match(pair.between_raw)
            and (pair.between_raw or not cues.lex.verb_final)
            and not _case_marked(s.raw, y, cues.lex)
            # (not a word for a company right after a name, with only a space between: "hat
            # Apple das Startup übernommen", the subject and its object, no list)
            and not (y.generic and not pair.between_raw.strip())
        )
        if listed or _compared(cues, pair.between) or _SECOND_OBJECT.search(pair.between):
            out += _listed_together(pair, names, cues)
            if listed and re.fullmatch(r"\s*(?:,\s*)?and\s+", pair.between_raw):
                coordinated.append((x.name, y.name))
            continue
        found = _hire_of_pair(pair, names, cues)
        if _bought_itself(pair, cues):
            out += _of_the_bought(pair, cues, found)
            continue
        if _bought_by_the_next(pair, orgs, cues):
            continue  # "Frenchweb, l'acquisition de Sparrow par Google": Google buys, not Frenchweb
        named_as_bought = _named_as_bought(pair, names, found)
        if named_as_bought is not None:
            out += named_as_bought
            continue
        found += _money_of_pair(pair, names, cues, hired=bool(found))
        if not found:
            if unnamed is None:
                unnamed = without_names(clause_folded, orgs)
            found = _clause_relation(pair, names, cues, unnamed)
        if x.start in past_employers:
            # "former Apple designer Mira Osei and the team she brought to Harbor": a past
            # employer hires no one in the clause
            found = [r for r in found if not (r.kind == "hire" and r.acquirer == x.name)]
        out += found
    # the second of two startups joined by "and" is the object of what the first is: "Google is
    # acqui-hiring the teams behind Dark Blue Labs and Vision Factory"
    for first, second in coordinated:
        out += [
            replace(r, target=second)
            for r in out
            if r.target == first and r.acquirer != second and r.strength >= STRENGTH_OBJECT
        ]
    return out


def _of_the_bought(pair: _Pair, cues: SentenceCues, found: list[Relation]) -> list[Relation]:
    """The relations of a pair whose first company a purchase word before it names as bought:
    none where it buys, pays or hires ("besides buying PlayAI last month, it bought WaveForms":
    PlayAI pays nothing; "Dropbox acquired CloudOn, with plans to absorb its team"), and the
    second as its buyer where the words say so ("l'acquisition de Sparrow par Google", "the
    purchase of Quillbyte, for which Harbor paid …")."""
    x, y = pair.x, pair.y
    if _agent_by(cues.lex).described.fullmatch(pair.between):
        found = found + pair.relate("acquire", y, x, STRENGTH_FRAME)
    told_after = _told_in_a_relative_clause(pair, cues)
    if told_after is not None:
        found = found + pair.relate(told_after, y, x, STRENGTH_FRAME)
    return [r for r in found if r.acquirer != x.name]


def _named_as_bought(pair: _Pair, names: Names, found: list[Relation]) -> list[Relation] | None:
    """The first company named before a purchase's or a deal's noun, in a noun phrase: what was
    bought, or the startup of the deal, with the company named next (None where it is not)."""
    if not _NOUN_PHRASE_OPENS.search(pair.before):
        return None
    if _NAMES_ITS_PURCHASE.match(pair.between_raw):
        # "after the Quillbyte acquisition, Harbor …": the first is the one bought
        return found + pair.relate("acquire", pair.y, pair.x, STRENGTH_CLAUSE)
    if _NAMES_ITS_DEAL.match(pair.between_raw) and names.kinds.get(pair.x.name) != "acquirer":
        # "The Quillbyte deal comes a day after Harbor …": the deal is the startup's with the
        # company named next (not "the Harbor deal", a listed buyer's own)
        return [r for r in found if r.acquirer != pair.x.name] + pair.relate(
            "deal", pair.y, pair.x, STRENGTH_CLAUSE
        )
    return None


# Words in round brackets, written in any script
_IN_BRACKETS = re.compile(r"[(（][^()（）]*[)）]")


def _compared(cues: SentenceCues, between: str) -> bool:
    """A word of likeness or inclusion between two names ("Google, like Microsoft, …", "rivals
    such as Anthropic") sets them side by side; not when a verb of moving, hiring, paying or
    buying follows it, which closes the aside ("Wavii's staff of 25, including Aoun, is to
    relocate to Google"). Words in brackets are an aside of their own ("the founding team of
    fledgling (or floundering) startups")."""
    between = _IN_BRACKETS.sub(" ", between)
    if not _said(cues, "rivals", between):
        return False
    ends = [m.end() for m in cues.lex.cues["rivals"].finditer(between)]
    rest = between[ends[-1] :] if ends else ""
    return not any(_said(cues, c, rest) for c in ("join", "hire", "pay", "acquire"))


_ARTICLE_ONLY = re.compile(
    r"\s*(?:(?:the|a|an|o|as|os|la|le|les|l['’]|el|los|las|de|da|do|of|der|die|das|den)\s*)?"
)
# ... then up to three words that describe what is bought, none that opens another phrase ("the
# acquisition of the startup ", not "acquisition talks with ", "the purchase of a stake in ")
_PURCHASED_DESCRIBED = re.compile(
    _ARTICLE_ONLY.pattern
    + r"(?:(?:the|a|an|la|el|le|die|der|das|o)\s+)?"
    + r"(?:(?!(?:of|from|at|in|for|with|to|by|and|or|de|di|da|do|von|par|por|pela|pelo|en|em|"
    r"talks|stake|share|shares|deal|deals)\s)[^\W\d][\w'’/-]*\s+){0,3}"  # ("the photo/video app")
)


# Words that name a source before a company, in folded text ("According to Limitless CEO Dan
# Siroker, …", "according to LinkedIn, about 25 people worked there"): the company is who says it,
# not who acts in the clause after the comma nor what a figure beside it is about.
SOURCE_BEFORE = re.compile(
    r"\b(?:according\s+to|per|citing|data\s+from|reported\s+by|selon|d['’]après|laut|según|segundo|"
    r"secondo|si\s+l['’]on\s+en\s+croît)\s+(?:[\w-]+\s+){0,2}$"
)
# The word for "by" in every language read, for the figures' readers that know no language
# ("founded in 2019 by …", "hired by"); the relations read each language's own (``agent_by``)
BY_WORDS = (
    "by|par|por|pela|pelo|durch|da|dalla|dal|door|przez"  # and German "von", which is also "of"
)


@dataclass(frozen=True, slots=True)
class _AgentBy:
    """The text's language's words for the agent of a passive, "by" (``agent_by`` of its
    lexicon, English's beside them: Italian "da" is "by", Portuguese "da" is "of the"), as the
    patterns the relations read them with."""

    # "by" alone between a company bought and its buyer ("the acquisition of X by Y")
    only: re.Pattern[str]
    # ... with up to four words describing the buyer ("da startup Quillbyte, pela plataforma de
    # investimentos Harbor")
    described: re.Pattern[str]
    # ... and the same word ending the words between two names, after a purchase word ("was
    # bought by"), but not "von": "der Kauf von Windsurf" is the purchase of it; up to four words
    # may describe the buyer ("acquired by social networking giant Facebook"), none of them a
    # preposition (not "bought the startup founded by alumni of Y")
    passive_end: re.Pattern[str]


@cache
def _agent_by_of(words: tuple[str, ...]) -> _AgentBy:
    by = "|".join(words)
    not_von = "|".join(w for w in words if w != "von") or "by"
    return _AgentBy(
        only=re.compile(rf"\s*(?:{by})\s+"),
        described=re.compile(rf"\s*,?\s*(?:{by})\s+(?:[\w'’-]+\s+){{0,4}}"),
        passive_end=re.compile(
            rf"(?<!\w)(?:{not_von})"
            r"(?:\s+(?:(?!(?:of|from|at|in|for|with|de|di|da|von)\s)[\w'’-]+\s+){0,4})?\s*$"
        ),
    )


def _agent_by(lex: Lexicon) -> _AgentBy:
    return _agent_by_of(lex.raw["agent_by"])


# A purchase noun right after a name, in English ("the Quillbyte acquisition", "the Quillbyte
# purchase gives Harbor …"): the name is what was bought, not the buyer, and the company the clause
# names next is likely its buyer ("the Quillbyte buy comes after Harbor …"). (Not "acquisition
# of", nor "acquisitions" in a list.) Only in a noun phrase a determiner or a preposition opens
# ("the Quillbyte purchase", "with Quillbyte acquisition"): not a headline's "Harbor acqui-hire:
# Quillbyte", the buyer's own.
_NAMES_ITS_PURCHASE = re.compile(
    r"\s*(?:acquisition|purchase|takeover|buyout|acqui-?hire|buy(?!\s+(?:a|an|the|its)\b))\b"
    r"(?!\s+(?:of|by)\b)",
    re.IGNORECASE,
)
_NAMES_ITS_DEAL = re.compile(r"\s*deal\b(?!\s+(?:with|by|of|for)\b)", re.IGNORECASE)
_NOUN_PHRASE_OPENS = re.compile(
    r"(?:\b(?:the|its|this|that|their|his|her|with|after|following|over|about|from)|['’]s)\s+$"
)


def _bought_by_the_next(pair: _Pair, orgs: Sequence[OrgMention], cues: SentenceCues) -> bool:
    """The second company is the object of a purchase word whose buyer "by" names right after
    it: the first one is no party."""
    if not _ends_on_purchase_word(pair.between, cues):
        return False
    # (the buyer named right after "by", or after a few words describing it: "da startup Box TI,
    # pela plataforma de investimentos Warren")
    agent_by = _agent_by(cues.lex)
    ends = {
        pair.y.end + by.end()
        for by in (agent_by.only.match(pair.after), agent_by.described.match(pair.after))
        if by
    }
    return any(o.start in ends for o in orgs)


def _bought_itself(pair: _Pair, cues: SentenceCues) -> bool:
    """The first company is the object of a purchase word right before it ("comprar a PlayAI",
    "the acquisition of X"): it is bought, so it buys or pays nothing in the clause."""
    return _ends_on_purchase_word(pair.before, cues)


def _ends_on_purchase_word(folded: str, cues: SentenceCues) -> bool:
    """The text ends on a purchase word and at most an article and the words that say what was
    bought ("the acquisition of ", "the acquisition of the startup ", "aquisição da startup
    catarinense ")."""
    before = folded[-60:]
    if not _said(cues, "acquire", before):
        return False
    ends = [m.end() for m in cues.lex.cues["acquire"].finditer(before)]
    return bool(ends) and _PURCHASED_DESCRIBED.fullmatch(before, ends[-1]) is not None


def _neighbour_pairs(
    orgs: Sequence[OrgMention],
    former: set[int] = frozenset(),  # type: ignore[assignment]
) -> Iterator[tuple[OrgMention, OrgMention, int]]:
    """(x, y, since): each company y with the nearest earlier mention x of each other company,
    when no third company stands between them (one named as a former employer does not count:
    ``former`` holds their places) and they are close; the words to read start at ``since``, the
    last mention of either ("A hired T's founders and will license T's models")."""
    for j, y in enumerate(orgs):
        seen: set[str] = set()
        for i in range(j - 1, -1, -1):
            x = orgs[i]
            if x.name == y.name or x.name in seen or x.end > y.start:
                continue
            seen.add(x.name)
            if any(
                o.name not in (x.name, y.name) and x.end <= o.start < y.start and k not in former
                for k, o in enumerate(orgs)
            ):
                continue  # a third company between them: each pairs with its neighbour
            since = max(
                [x.end] + [o.end for o in orgs[:j] if o.name == y.name and x.end <= o.start]
            )
            if y.start - x.end > MAX_GAP:
                continue
            yield x, y, since


@dataclass(frozen=True, slots=True)
class _Pair:
    """Two companies of a clause and the words read around them (folded, except ``between_raw``)."""

    sentence: int
    x: OrgMention
    y: OrgMention
    between_raw: str
    between: str
    before: str
    after: str
    moving: tuple[str, ...]
    told: tuple[bool, bool, tuple[str, ...], str, bool, bool]  # what the pair's clause says
    lex: Lexicon

    def relate(
        self, kind: str, acquirer: OrgMention | None, target: OrgMention | None, strength: float
    ) -> list[Relation]:
        if acquirer is None or target is None:
            return []
        return [Relation(kind, acquirer.name, target.name, self.sentence, strength, *self.told)]


def _read_pair(
    s: Sentence,
    x: OrgMention,
    y: OrgMention,
    since: int,
    people: Sequence[PersonMention],
    cues: SentenceCues,
    folded: str,
    c_start: int,
    c_end: int,
) -> _Pair:
    lex = cues.lex
    between = folded[since : y.start]
    before = folded[max(c_start, x.start - 80) : x.start]
    after = folded[y.end : min(c_end, y.end + 80)]
    if lex.verb_final:
        between = f"{between} {folded[y.end : c_end]}"  # the verb closes the clause
    elif _verb_after_the_second(cues, between, before):
        # "Harbor hat das Startup Quillbyte übernommen", "Dann hat Harbor das Startup Quillbyte
        # übernommen": the verb after the second name, up to the comma that opens the next clause
        comma = folded.find(",", y.end, c_end)
        between = f"{between} {folded[y.end : c_end if comma < 0 else comma]}"
    elif (particle := _particle_after_the_second(cues, between, folded[y.end : c_end])) is not None:
        between = f"{between} {particle}"  # "Harbor stellt die Gründer von Quillbyte ein"
    background, failed, dated = _flags(folded, cues, y.end, c_start, c_end)
    failed = failed or _said(cues, "negation", between)
    if failed and _others_moved_after(folded[y.end : c_end], cues):
        failed = False  # "While its founders did not join Apple, several other employees did"
    moving = _movers(folded, people, x, y, lex)
    plural = (
        len(moving) > 1
        or _team_said(cues, between + " " + after[:40] + " " + before[-40:])
        # a team opening the clause as its subject ("The seven-person team, which includes …,
        # will go on to work on Yahoo's … products")
        or _team_said(cues, folded[c_start : min(x.start, c_start + 30)])
    )
    told = (background, failed, moving, s.raw[c_start:c_end], dated, plural)
    return _Pair(s.index, x, y, s.raw[since : y.start], between, before, after, moving, told, lex)


_RELATING = ("acquire", "acquihire", "hire", "join", "pay", "deal", "licence", "stake", "invest")


def _verb_after_the_second(cues: SentenceCues, between: str, before: str = "") -> bool:
    """An auxiliary right after the first company, or right before it where the clause opens on
    something else (German and Dutch put the verb second: "Dann hat Harbor …", "Nun heeft
    Harbor …"), and no word between the two says what relates them: the verb that does closes the
    clause, after the second ("Harbor hat das Startup Quillbyte übernommen")."""
    if not cues.present("verb_last"):
        return False
    # (past the rest of a compound the first name opens: "Das gesamte Buddybuild-Team wird bei")
    rest = _COMPOUND_REST.match(between)
    opening = _FIRST_WORD.match(between, rest.end() if rest else 0)
    closing = _LAST_WORD.search(before)
    return (
        opening is not None
        and cues.lex.says("verb_last", opening.group(0))
        or closing is not None
        and cues.lex.says("verb_last", closing.group(0))
    ) and not any(cues.lex.says(c, between) for c in _RELATING)


def _particle_after_the_second(cues: SentenceCues, between: str, after: str) -> str | None:
    """German and Dutch split a verb, its particle closing the clause right after the object:
    "Harbor stellt die Gründer von Quillbyte ein", "Harbor neemt de oprichters van Quillbyte in
    dienst". Where no word between the two relates them and the one or two words that close the
    clause after the second do, read with them (a verb only both halves make): those words."""
    if not cues.lex.raw.get("verb_last") or any(cues.lex.says(c, between) for c in _RELATING):
        return None
    closing = _CLAUSE_CLOSES.match(after)
    if closing is None:
        return None
    words = closing.group(1)
    joined = f"{between} {words}"
    made = any(
        cues.lex.says(c, joined) and not cues.lex.says(c, words)
        for c in ("hire", "acquire", "join")
    )
    return words if made else None


# The one or two words after a name that close its clause: " ein und …", " in dienst."
_CLAUSE_CLOSES = re.compile(r"\s*((?:[\w-]+\s*){1,2}?)(?:[,.;:!?]|\s+(?:und|en|oder|of)\s|$)")


_FIRST_WORD = re.compile(r"\s*[\w'’-]+")
_COMPOUND_REST = re.compile(r"(?:-[\w-]+)?")
_LAST_WORD = re.compile(r"[\w'’-]+\s*$")


def _only_the_second_acts(pair: _Pair, cues: SentenceCues) -> bool:
    """Where the verb closes the clause, the second company carries the particle of the one who
    acts and the first does not: the second buys ("drop.ioは…Facebookが同社の資産の大部分を買収した")."""
    if not cues.present("subject_particle"):
        return False
    marks = cues.lex.cues["subject_particle"]
    return marks.match(pair.after) is not None and marks.match(pair.between) is None


def _verb_last_passive(pair: _Pair, cues: SentenceCues) -> bool:
    """An auxiliary right after the first company and the passive's "by" right before the second,
    the verb closing the clause: "Quillbyte wird von Google übernommen", "Quillbyte wordt door
    Google overgenomen" (the second is the agent)."""
    if not cues.present("passive_auxiliary"):
        return False
    between = fold(pair.between_raw)
    opening = _FIRST_WORD.match(between)
    return (
        opening is not None
        and cues.lex.says("passive_auxiliary", opening.group(0))
        and len(between.split()) <= _PASSIVE_REACH
        and (
            _VON_END.search(between) is not None
            or _agent_by(cues.lex).passive_end.search(between) is not None
        )
    )


# The words at most between the first company and the second in such a passive ("wurde im Mai
# 2021 von"): more, and a noun of its own stands there ("hat die Übernahme von")
_PASSIVE_REACH = 6


def _others_moved_after(folded_after: str, cues: SentenceCues) -> bool:
    """A clause right after the pair that says other people moved, unnegated: "…, several other
    employees transitioned" (the pair's people did not, but the deal moved some)."""
    return (
        folded_after.lstrip().startswith(",")
        and _team_said(cues, folded_after)
        and (_said(cues, "join", folded_after) or _said(cues, "hire", folded_after))
        and not _said(cues, "negation", folded_after)
    )


def _table_row(
    pair: _Pair, names: Names, cues: SentenceCues, clause_text: str, clause_folded: str
) -> list[Relation]:
    """Two companies joined by a sign ("Meta + Scale AI (49%) $14.3B"): a deal when the row
    speaks of a deal, a payment, an arrow or a sum."""
    if (
        _said(cues, "deal", clause_folded)
        or _said(cues, "pay", clause_folded)
        or re.search(r"[→>]", pair.between_raw)
        or re.search(r"[$€£]\s?\d|\d\s?%", clause_text)
    ):
        big, small = _by_size(pair.x, pair.y, names)
        return pair.relate("deal", big, small, STRENGTH_JOINED)
    return []


def _listed_together(pair: _Pair, names: Names, cues: SentenceCues) -> list[Relation]:
    """Two companies in a list, or rivals: no relation, unless a deal "between" them."""
    if re.search(r"\b(?:between|entre|zwischen)\s+$", pair.before) and _said(
        cues, "deal", pair.before[-40:]
    ):
        big, small = _by_size(pair.x, pair.y, names)
        return pair.relate("deal", big, small, STRENGTH_FRAME)
    return []


def _hire_of_pair(pair: _Pair, names: Names, cues: SentenceCues) -> list[Relation]:
    """Who takes whose people: a joining verb toward the company people go to, a hiring verb
    with the team on one side, a hiring verb right before the company, or a second verb of
    hiring after the pair."""
    x, y, between, before, after, lex = (
        pair.x,
        pair.y,
        pair.between,
        pair.before,
        pair.after,
        pair.lex,
    )
    hire = _said(cues, "hire", between)
    join = _said(cues, "join", between) and not _BOARD.match(after)
    team_y = (_ends_with_of(between, lex) or _team_after(after, lex)) and not _FORMER.search(
        between[-12:]
    )
    team_x = _team_before(before, lex) or _team_after(between, lex)
    if (
        lex.verb_final
        and join
        and not _said(cues, "destination", after[:4])
        and not _said(cues, "destination", _after_last_naming(pair, names)[:4])
    ):
        join = False  # "GroqのCEO…はNvidiaへ合流": the company people go to carries へ/에/में
    # people: who moves to whom (a person moving speaks for a company that is theirs, or one
    # the text treats as a company)
    moving_x = any(_belongs(names, p, x.name) for p in pair.moving)  # (their own company's people)
    moving_y = any(_belongs(names, p, y.name) for p in pair.moving)
    if join and (
        team_x or _said(cues, "team", between) or _said(cues, "team_plural", between) or moving_x
    ):  # ("the start-up wrote that we will be joining y": "we", its people)
        return pair.relate("hire", y, x, STRENGTH_FRAME)
    if (
        join
        and not x.generic
        and names.kinds.get(x.name) != "acquirer"
        and names.is_confirmed(x.name)  # (not a name the text never shows is a company's)
        and _COMPANY_JOINS.match(between)
        and not _JOINS_IN_DOING.match(after)
    ):
        return [replace(r, plural=True) for r in pair.relate("hire", y, x, STRENGTH_FRAME)]
    if hire and _PASSIVE_TO_END.search(pair.between_raw):
        # "Quillbyte wurde samt seiner Chefin zu Harbor geholt", "was brought over to Harbor":
        # passive, the second company the one its people go to
        return pair.relate("hire", y, x, STRENGTH_FRAME)
    if _BRINGS_ITS_OWN.match(between) or _welcomed_to_the_second(pair, cues):
        # "Quillbyte brings with it a small staff", "welcome Campsite's founders to the Notion
        # team": the second takes the first's people in
        return [replace(r, plural=True) for r in pair.relate("hire", y, x, STRENGTH_FRAME)]
    sent = _SENT_FROM.search(before[-90:]) if _FROM_ONE_TO_THE_OTHER.fullmatch(between) else None
    if sent is not None and _said(cues, "team", sent.group(0)):
        # "the transfer of business operations and employees from Quillbyte to Harbor"
        return [replace(r, plural=True) for r in pair.relate("hire", y, x, STRENGTH_FRAME)]
    if hire and team_x and not team_y:
        return pair.relate(
            "hire", y, x, STRENGTH_FRAME
        )  # "Humanloop's team is bringing ... to Anthropic"
    if hire and team_x and _STAFF_AFTER.match(between):
        return []  # "hiring OpenAI employees and bringing on the founder of y": both lose people
    if hire and (team_y or _said(cues, "team", between) or moving_y):
        if _BY_END.search(between):
            return pair.relate(
                "hire", y, x, STRENGTH_FRAME
            )  # "y's founders were hired by x" reversed
        return pair.relate("hire", x, y, STRENGTH_FRAME)
    if hire and _hire_then_object(lex).search(between):
        # "Microsoft hiring Inflection": its people, by metonymy; "Quillbyte was acqui-hired by
        # Harbor": the second hires
        hirer, hired = (y, x) if _agent_by(lex).passive_end.search(between) else (x, y)
        return pair.relate("hire", hirer, hired, STRENGTH_OBJECT)
    if _coordinated_hire(after, lex) and (_said(cues, "team", after) or pair.moving):
        return pair.relate(
            "hire", x, y, STRENGTH_OBJECT
        )  # "x licenses y's technology and hires its founders"
    if _paid_for_people(between, cues):
        return pair.relate("hire", x, y, STRENGTH_OBJECT)
    if team_x and _VON_END.search(between) and _said(cues, "hire", f"{between} {after[:40]}"):
        # "FriendFeed-Mitarbeiter von Facebook übernommen": x's people taken on by y
        return pair.relate("hire", y, x, STRENGTH_FRAME)
    return []


def _welcomed_to_the_second(pair: _Pair, cues: SentenceCues) -> bool:
    """A verb of welcoming before the first company, in its clause, and "to" right before the
    second: the first one's people are welcomed into the second ("welcome the Agnilux team to
    Google", "welcome Campsite's Brian Lovin and Ryan Nystrom to the Notion team")."""
    if not cues.present("welcome") or not _WELCOMED_TO_END.search(pair.between):
        return False
    if _said(cues, "join", pair.between) or _said(cues, "hire", pair.between):
        return False  # another verb between tells the pair
    welcomed = list(cues.lex.cues["welcome"].finditer(pair.before))
    return bool(welcomed) and not _CLAUSE_BREAK.search(pair.before, welcomed[-1].end())


# "to" right before the second company, after the people welcomed
_WELCOMED_TO_END = re.compile(r"\b(?:to|into)\s+(?:the\s+)?$")


# "from Quillbyte to Harbor", after people sent: the first company's people go to the second
_FROM_ONE_TO_THE_OTHER = re.compile(r"\s+(?:over\s+)?to\s+(?:the\s+)?")
# (a word moving things, then "from": the lexicon's words for a team say whether they are people)
_SENT_FROM = re.compile(
    r"\b(?:transfer\w*|mov\w*|migrat\w*|shift\w*)\s+(?:of\s+)?(?:[\w,-]+\s+){0,6}?from\s+$"
)
# A passive, then "to" right before the second company: where the first one's people were taken
_PASSIVE_TO_END = re.compile(
    r"^[^.;]*\b(?:wurde|wurden|was|were|been)\b[^.;]*\b(?:zu|zum|to)\s+(?:the\s+)?$", re.IGNORECASE
)
# Right after the first company: its own people come along ("Quillbyte brings with it a small staff
# ... to Harbor"): the second takes them on
_BRINGS_ITS_OWN = re.compile(
    r"^\s*(?:will\s+)?(?:brings?|bringing|brought)\s+(?:with\s+it|along)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:staff|team|employees|engineers|people|workers|founders)\b"
)


# "for", after a payment, says what the money buys
_FOR_WORDS = "for|pour|por|für|per"
_FOR_WORD = re.compile(rf"\b(?:{_FOR_WORDS})\s")
_FOR_AFTER = re.compile(rf"\s*(?:{_FOR_WORDS})\s+")  # right after a company: what it was bought for
_FROM_WORD = re.compile(r"\b(?:from|de|von|da|di)\s")


def _paid_for_people(between: str, cues: SentenceCues) -> bool:
    """Money paid for the second company's people: "paid $2.4 billion for licensing rights and
    top talent from Windsurf"."""
    if not _said(cues, "pay", between):
        return False
    bought = [m.end() for m in _FOR_WORD.finditer(between)]
    if not bought:
        return False
    what = between[bought[-1] :]
    taken_from = _FROM_WORD.search(what)
    return taken_from is not None and _said(cues, "team_plural", what[: taken_from.start()])


def _after_last_naming(pair: _Pair, names: Names) -> str:
    """The words after the second company's last naming in the clause's reach ("구글 AI 연구개발
    기관인 구글 딥마인드(Google DeepMind)로 이적": the particle follows the last one)."""
    last = max(
        (
            o.end
            for o in names.orgs[pair.sentence]
            if o.name == pair.y.name and o.start >= pair.y.start
        ),
        default=pair.y.end,
    )
    return pair.after[last - pair.y.end :]


def _money_of_pair(pair: _Pair, names: Names, cues: SentenceCues, *, hired: bool) -> list[Relation]:
    """What ties them by money: an acqui-hire, a payment (the larger company pays), a purchase
    (not when the words take over its people: a hire), funding, "Nvidia's $20 billion Groq deal"."""
    x, y, between, after = pair.x, pair.y, pair.between, pair.after
    if _said(cues, "acquihire", between):
        if _passive(cues, "acquihire", between):  # "Quillbyte has been acqui-hired by Harbor"
            return pair.relate("acquihire", y, x, STRENGTH_FRAME)
        return pair.relate("acquihire", x, y, STRENGTH_FRAME)
    if _buys_people(pair, cues):  # the people bought are hired
        return pair.relate("acquihire", x, y, STRENGTH_FRAME) + [
            replace(r, plural=True) for r in pair.relate("hire", x, y, STRENGTH_FRAME)
        ]
    bought_for = _bought_for_a_person(pair, names, cues)
    if bought_for is not None:  # "Google bought Angstro for Rohit Khare": the purchase hires him
        return pair.relate("acquihire", x, y, STRENGTH_FRAME) + [
            replace(r, people=(bought_for,)) for r in pair.relate("hire", x, y, STRENGTH_FRAME)
        ]
    told_after = _told_in_a_relative_clause(pair, cues)
    if told_after is not None:  # "Quillbyte, which Harbor bought": the second buys or pays
        return pair.relate(told_after, y, x, STRENGTH_FRAME)
    money = _money_kind(_last_stretch(between), after, cues)
    if money == "pay" and not hired and _purchase_agreed(_last_stretch(between), cues):
        money = None  # "an agreement to acquire X": a purchase, whose word for a deal pays nothing
    if money is not None:
        payer, payee = _payer_and_payee(pair, names, cues)
        return pair.relate(money, payer, payee, STRENGTH_FRAME)
    if _sold_to_the_second(pair, cues):
        return pair.relate("acquire", y, x, STRENGTH_FRAME)
    if _ends_on(cues, "passive_before", pair.between) and _said(cues, "acquire", pair.after[:8]):
        return pair.relate("acquire", y, x, STRENGTH_FRAME)  # "Quillbyte被谷歌收购": the agent buys
    if (
        _said(cues, "acquire", between)
        and not _said(cues, "stake", between + after[:30])
        and (not hired or _bought_then_hired(between, cues))
        and not _said(cues, "not_acquisition", between)  # "Harbor hasn't acquired the startup"
    ):
        if (
            _passive(cues, "acquire", between)
            or _verb_last_passive(pair, cues)
            or _only_the_second_acts(pair, cues)
        ):
            # "Sparrow was being bought by Google", "Quillbyte wird von Google übernommen": the
            # second buys
            return pair.relate("acquire", y, x, STRENGTH_FRAME)
        if _said(cues, "bought_by", _after_last_naming(pair, names)[:12]):
            # "BumpはGoogleに買収される前に": the passive's agent, the second, buys
            return pair.relate("acquire", y, x, STRENGTH_FRAME)
        return pair.relate("acquire", x, y, STRENGTH_FRAME)
    return _funding_licence_or_deal(pair, cues, hired=hired)


def _funding_licence_or_deal(pair: _Pair, cues: SentenceCues, *, hired: bool) -> list[Relation]:
    """The money of a pair no purchase or payment ties: funding between them, a licence told as a
    second verb after a hire, or a deal the first's possessive names."""
    x, y, between, after = pair.x, pair.y, pair.between, pair.after
    if _said(cues, "funding", between):
        return pair.relate("funding", x, y, STRENGTH_FRAME)
    if hired and _coordinated_verb(after, cues.lex, "licence"):
        # "Google swooped on Pinwheel, hiring its founders and licensing its technology"
        return pair.relate("licence", x, y, STRENGTH_OBJECT)
    if re.match(rf"^{_POSS}\s+(?:[\w$.,~-]+\s+){{0,3}}$", between) and _said(
        cues, "deal", after[:25]
    ):
        return pair.relate("deal", x, y, STRENGTH_FRAME)  # "Nvidia's $20 billion Groq deal"
    return []


def _bought_then_hired(between: str, cues: SentenceCues) -> bool:
    """The purchase's verb takes the company itself, its people hired in words of their own after
    it ("Yahoo bought Snipit for $10 million and hired all but one employee"): both halves told,
    not a purchase of people ("acquired the team behind Snipit"), which is a hire alone."""
    return not any(_said(cues, c, between) for c in ("hire", "join", "team", "team_plural"))


def _passive(cues: SentenceCues, cue: str, between: str) -> bool:
    """The words between end on a passive of the class, its agent the second company: "was
    bought by", "has been acqui-hired in 2019 by" (not "bought …, founded by"; not a noun of the
    class that other words follow before "by": "a aquisição da equipa responsável pela Convogo",
    the acquisition of the team responsible for Convogo)."""
    by = _agent_by(cues.lex).passive_end.search(between)
    if by is None or _said(cues, cue, between[by.start() :]):
        return False
    said = cues.lex.find(cue, between[: by.start()])
    if not said:
        return False
    gap = between[said[-1].end() : by.start()]
    # (a comma in the gap: "by" opens another clause, "acquired Laserlike, a startup founded by
    # former Google engineers", and the pair is read as no active purchase either)
    return len(gap.split()) <= _PASSIVE_GAP or "," in gap


# The words at most between a passive's verb and its "by" ("acquired last year by")
_PASSIVE_GAP = 2


# What may come between the company that opens a relative clause and its verb ("which Harbor
# later bought", "for which Harbor has paid")
_BEFORE_THE_VERB = re.compile(
    r"\s*(?:(?:has|had|have|later|recently|reportedly|then|eventually|ultimately|also|just|"
    r"once|quietly|finally)\s+){0,2}"
)
# A verb of paying right there ("paid", "invested"): not "deal", "price", which the class of pay
# words holds too
_PAYING_VERB = re.compile(r"(?:pa(?:id|ys?)|invest(?:s|ed)?|spen[dt]s?)\b")


def _told_in_a_relative_clause(pair: _Pair, cues: SentenceCues) -> str | None:
    """ "acquire", "hire" or "pay" where the second company opens a relative clause about the
    first and buys, hires or pays in it: "Quillbyte, which Harbor bought for $40 million",
    "Quillbyte, whose team Harbor hired", "Quillbyte, for which Harbor paid $40 million" (the
    verb comes after the second name, not between the two)."""
    if not cues.present("relative_object"):
        return None
    if cues.lex.cues["relative_object"].fullmatch(pair.between.strip(" ,")) is None:
        return None
    verb_at = _BEFORE_THE_VERB.match(pair.after)
    at = verb_at.end() if verb_at else 0
    if cues.lex.cues["acquire"].match(pair.after, at):
        return "acquire"
    if cues.lex.cues["hire"].match(pair.after, at):
        return "hire"  # "Quillbyte, whose team Harbor hired"
    return "pay" if _PAYING_VERB.match(pair.after, at) else None


def _sold_to_the_second(pair: _Pair, cues: SentenceCues) -> bool:
    """The first company sold to the second, or made part of it: "Quillbyte, which was sold to
    Harbor", "the company ultimately sold to Harbor", "Tom Vale sold his company, Quillbyte, to
    Harbor", "Quillbyte will be folded into Harbor" (the second buys)."""
    if _ends_on(cues, "sold_to", pair.between):
        return True
    if cues.present("absorbed_into") and cues.lex.cues["absorbed_into"].fullmatch(
        pair.between.strip(" ,")
    ):
        return True  # "Quillbyte will be folded into Harbor", "Quillbyte, now part of Harbor,"
    return (
        cues.present("sold_between")
        and cues.lex.cues["sold_between"].fullmatch(pair.between.strip(" ,")) is not None
        and _ends_on(cues, "sold_before", pair.before)
    )


def _ends_on(cues: SentenceCues, cue: str, folded_part: str) -> bool:
    """A word of the class ends ``folded_part`` (a part of the sentence), its spaces aside."""
    return cues.present(cue) and ends_on(cues.lex, cue, folded_part)


# The words right after the second company, up to the people bought ("у HTC две тысячи инженеров").
_FIRST_WORDS_AFTER = re.compile(r"^\s+(?:[\w.,-]+\s+){0,3}[\w-]+")


# A mark that ends a clause: a comma (not one inside a number), a semicolon, in any script.
_CLAUSE_BREAK = re.compile(r"[,，、;；](?!\d)")


def _buys_people(pair: _Pair, cues: SentenceCues) -> bool:
    """A word of buying whose object is people, not the company: "Google buys 2,000 engineers
    from HTC", "Google купила у HTC две тысячи инженеров": an acqui-hire by its own words (not
    "acquires Wiz, whose 1,700 employees …": the people after a comma are the company's)."""
    bought = cues.lex.cues["acquire"].search(pair.between)
    people = cues.lex.people_nouns
    if bought is None or people is None:
        return False
    rest = pair.between[bought.end() :]
    # the people right after the verb ("buys 2,000 engineers from"), or right after the company
    # the verb and a preposition lead to ("купила у HTC две тысячи инженеров"); a price between
    # is not counted ("wykupując za 2,4 miliarda dolarów kluczowych pracowników startupu")
    moved = people.search(rest)
    if (
        moved
        and (len(rest.split()) <= 5 or len(_without_sums(rest, cues.lex.language).split()) <= 5)
        and not _CLAUSE_BREAK.search(rest, 0, moved.start())
        # (not "acquires photo specialists Xoopit": the people noun right before the company's
        # name says what the company is)
        and rest[moved.end() :].strip()
    ):
        return True  # (not "PayPal被eBay收购后,团队孵化出…": the team of another clause)
    if _agent_by(cues.lex).passive_end.search(pair.between):
        return False  # "it was bought by Harbor where a million people tag places": the buyer's
    first_after = _FIRST_WORDS_AFTER.match(pair.after)
    return bool(len(rest.split()) <= 1 and first_after and people.search(first_after.group(0)))


def _without_sums(text: str, language: str) -> str:
    """The text with each sum of money it states taken out."""
    for fig in reversed(money_figures(text, language)):
        text = text[: fig.start] + text[fig.end :]
    return text


def _bought_for_a_person(pair: _Pair, names: Names, cues: SentenceCues) -> str | None:
    """The person a company was bought for, named right after it ("Google bought Angstro for
    Rohit Khare"): what the purchase buys is that person, an acqui-hire by its own words."""
    if not _said(cues, "acquire", pair.between):
        return None
    purpose = _FOR_AFTER.match(pair.after)
    if purpose is None:
        return None
    at = pair.y.end + purpose.end()
    return next((p.name for p in names.people[pair.sentence] if p.start == at), None)


def _payer_and_payee(
    pair: _Pair, names: Names, cues: SentenceCues
) -> tuple[OrgMention, OrgMention]:
    """The first company pays, unless the money comes "from" or "by" the second ("x raised money
    from y", "an investment by y"; not "de" ending a purchase's words, "pour s'emparer de y");
    and the larger company pays (where word order does not say)."""
    payer, payee = pair.x, pair.y
    licence = _said(cues, "licence", pair.between)
    if (
        _FROM_END.search(pair.between)
        and not licence
        and not _stake_of_the_second(pair, cues)
        and not _ends_on_purchase_word(pair.between, cues)
    ):  # (not the "de" of what is bought: "pour s'emparer de Twitter", "pour l'achat de")
        payer, payee = payee, payer
    if licence and (_LICENSED_TO.search(pair.between) or _BY_END.search(pair.between)):
        # "Quillbyte licensed its models to Harbor", "… are licensed by Harbor": Harbor pays (an
        # English "by" only: "da", "por" are also "of" and "for" before a licence's object)
        payer, payee = payee, payer
    if (
        names.kinds.get(payer.name) == "startup"
        and names.kinds.get(payee.name) == "acquirer"
        or (
            pair.lex.verb_final
            and names.kinds.get(payee.name) == "acquirer"
            and names.kinds.get(payer.name) != "acquirer"
        )
    ):
        payer, payee = payee, payer
    return payer, payee


def _stake_of_the_second(pair: _Pair, cues: SentenceCues) -> bool:
    """A stake "of" the second company, the words between ending on the language's "of" ("ha
    acquisito una quota del 49% di Quillbyte", "une part de Quillbyte"): its shares, not money
    from it."""
    words = pair.between.split()
    return (
        bool(words)
        and words[-1] not in _NOT_OF
        and cues.lex.cues["of"].fullmatch(words[-1]) is not None
        and _said(cues, "stake", pair.between)
    )


# Two names joined as items of one list, at most a word like "Reliance-owned" before the second:
# peers in what the clause says, neither the other's payer
_PEERS_LISTED = re.compile(
    rf"^\s*(?:,\s*(?:{LIST_WORDS}\s+)?|(?:{LIST_WORDS}|&)\s+)(?:[\w.]+-[\w-]+\s+)?$", re.IGNORECASE
)
# The weak relation a clause's cue makes between two companies it names.
_CLAUSE_CUE_KINDS = {"join": "hire", "acquihire": "acquihire", "licence": "licence"}


def _clause_relation(
    pair: _Pair, names: Names, cues: SentenceCues, clause_folded: str
) -> list[Relation]:
    """Both named in a clause that speaks of money or people moving: weak, sized by who is bigger.
    A hire needs a team or people moving (and no board seat); a payment of funding is funding."""
    clause_cue = next(
        (
            k
            for k in ("acquihire", "licence", "pay", "hire", "join")
            if _said(cues, k, clause_folded)
        ),
        None,
    )
    if clause_cue is None or _PEERS_LISTED.match(pair.between):
        return []  # (not "acqui-hires by Zomato, Swiggy and Reliance-owned Haptik": a list of peers)
    big, small = _by_size(pair.x, pair.y, names)
    if big is None:
        return []
    kind = _CLAUSE_CUE_KINDS.get(clause_cue, clause_cue)
    if kind == "hire" and (
        not (_said(cues, "team", clause_folded) or pair.moving) or _said_board(clause_folded)
    ):
        return []
    if (
        kind == "pay"
        and _said(cues, "funding", clause_folded)
        and not _said(cues, "deal", clause_folded)
    ):
        kind = "funding"
    return pair.relate(kind, big, small, STRENGTH_CLAUSE)


@cache
def _hire_then_object_for(hire: str) -> re.Pattern[str]:
    return re.compile(rf"(?:{hire})\s+(?:the\s+)?(?:[\w-]+\s+)?$")


def _hire_then_object(lex: Lexicon) -> re.Pattern[str]:
    """A hiring verb right before the company: "Microsoft hiring Inflection"."""
    return _hire_then_object_for(lex.cues["hire"].pattern)


def _coordinated_hire(folded_after: str, lex: Lexicon) -> bool:
    """ "… and hire its founders", "… and bring chief executive Varun Mohan": a second verb, of hiring."""
    return _coordinated_verb(folded_after, lex, "hire")


def _coordinated_verb(folded_after: str, lex: Lexicon, cue: str) -> bool:
    """A second verb of the class after the pair, its subject the first company's: "… and hire its
    founders", "…, hiring its founders and licensing its technology"."""
    return any(
        lex.cues[cue].match(folded_after, m.end()) for m in _COORDINATED.finditer(folded_after[:90])
    )


def _said_board(folded_clause: str) -> bool:
    """People joining a board are directors, not hires."""
    return _BOARD_WORDS.search(folded_clause) is not None


def _last_stretch(between: str) -> str:
    """The words right before the second company: after the last "and" or comma that follows a verb.

    "Meta is raising $29 billion for data centres and invested $14.8 billion in Scale AI": the
    raising is Meta's own; the investment is what ties Meta to Scale AI.
    """
    parts = _STRETCH_BREAK.split(between)
    return parts[-1] if len(parts) > 1 and len(parts[-1]) > 8 else between


def _purchase_agreed(between: str, cues: SentenceCues) -> bool:
    """A purchase told with a word for a deal and no payment verb ("a definitive agreement to
    acquire", "the deal to buy")."""
    if not _said(cues, "acquire", between):
        return False
    return not _said(cues, "pay", cues.lex.cues["deal"].sub(" ", between))


def _money_kind(between: str, after: str, cues: SentenceCues) -> str | None:
    """What money the words between two companies say the first pays the second."""
    if _said(cues, "licence", between):
        return "licence"
    if _said(cues, "stake", between) and (
        _said(cues, "pay", between) or "%" in between or _said(cues, "acquire", between)
    ):
        return "stake"
    if _said(cues, "acquire", between) and (
        "%" in between or _said(cues, "stake", between + " " + after[:30])
    ):
        return (
            "stake"  # "acquired 49% of Scale AI's shares": a stake, not a purchase of the company
        )
    if _said(cues, "pay", between):
        # (the words of funding at the last payment or after it: not the first company's own
        # earlier raise, "Quillbyte, built on a small initial investment, …, was paid $30 million
        # by Harbor")
        paid = [m.start() for m in cues.lex.cues["pay"].finditer(between)]
        since_paid = between[paid[-1] :] if paid else between
        if _said(cues, "funding", since_paid) and not _said(cues, "deal", between):
            return "funding"
        return "pay"
    return None


def _by_size(
    x: OrgMention, y: OrgMention, names: Names
) -> tuple[OrgMention, OrgMention] | tuple[None, None]:
    """The larger company first: a listed acquirer, else the one named first."""
    kx, ky = names.kinds.get(x.name), names.kinds.get(y.name)
    if kx == "acquirer" and ky != "acquirer":
        return x, y
    if ky == "acquirer" and kx != "acquirer":
        return y, x
    if kx == "acquirer" and ky == "acquirer":
        return None, None
    return x, y


def _person_relations(
    s: Sentence,
    orgs: Sequence[OrgMention],
    people: Sequence[PersonMention],
    names: Names,
    cues: SentenceCues,
    folded: str,
    c_start: int,
    c_end: int,
) -> list[Relation]:
    """A person the text ties to a startup joins a company, or is hired by one. A person a known
    deal moved, joining that deal's acquirer in a clause that does not name the deal's startup,
    comes from it whatever else the text ties them to ("Microsoft hires DeepMind co-founder
    Mustafa Suleyman"); where the clause names the startup, its own words tell the pair."""
    out: list[Relation] = []
    clause_text = s.raw[c_start:c_end]
    named = {o.name for o in orgs}
    for p in people:
        # (only for a person the text ties to a company: it corrects which one, and gives no
        # company to one the text ties to none, "Elon Musk’s xAI")
        own = _owned_in_clause(p, orgs, folded) if names.affiliation.get(p.name) else None
        for o in orgs:
            known = names.known_homes.get((p.name, o.name))
            home = (
                known
                if known is not None and known not in named
                else own or names.affiliation.get(p.name)
            )
            if home is None or o.name == home:
                continue
            if o.start > p.end:
                between = folded[p.end : o.start]
                if len(between) <= MAX_GAP and _said(cues, "join", between):
                    background, failed, dated = _flags(folded, cues, o.end, c_start, c_end)
                    out.append(
                        Relation(
                            "hire",
                            o.name,
                            home,
                            s.index,
                            STRENGTH_PERSON,
                            background,
                            failed,
                            (p.name,),
                            clause_text,
                            dated,
                            _plural(cues, folded[p.start : o.end], _colleagues(names, home, people))
                            or (
                                known is None
                                and _joining_together(people, o, folded, cues, names, home)
                            ),
                        )
                    )
            elif o.end <= p.start:
                between = folded[o.end : p.start]
                if _STAFF_AFTER.match(between):
                    continue  # "OpenAI employees and ... P": a company whose people move hires no one
                if len(between) <= MAX_GAP and _said(cues, "hire", between):
                    background, failed, dated = _flags(folded, cues, p.end, c_start, c_end)
                    out.append(
                        Relation(
                            "hire",
                            o.name,
                            home,
                            s.index,
                            STRENGTH_PERSON,
                            background,
                            failed,
                            (p.name,),
                            clause_text,
                            dated,
                            _plural(
                                cues, folded[o.start : p.end + 60], _colleagues(names, home, people)
                            ),
                        )
                    )
    return out


# A person's possessive with a company right after it: "Rose’s mobile app incubator Milk".
# (read from the last two characters of the name on: its span may hold the "’s" itself)
_OWNS_NEXT = re.compile(r"\w{0,2}['’]s\s+(?:[\w-]+\s+){0,4}$")
# A company's people with the person among them: "Milk’s product team including Rose".
_MEMBER_AFTER = re.compile(r"['’]s\s+(?:[\w-]+\s+){0,3}(?:including|among them|such as)\s+$")
# The person's own company, named later in the clause: "Lessin joined Facebook when the company
# acquired his startup Drop.io".
_HIS_OWN_BEFORE = re.compile(
    r"\b(?:his|her|their)\s+(?:[\w-]+\s+){0,2}?(?:startup|start-up|company|firm|app)\s*,?\s*$"
)
OWNED_REACH = 48  # how far from the person the company the clause ties them to may stand


def _owned_in_clause(p: PersonMention, orgs: Sequence[OrgMention], folded: str) -> str | None:
    """The company the clause ties the person to, when their possessive names it ("hiring others
    from Rose’s mobile app incubator Milk", "Lessin joined Facebook when it acquired his startup
    Drop.io") or they are counted among its people ("Milk’s product team including Rose"): in
    that clause Rose comes from Milk, whatever company the text tied him to first."""
    for o in orgs:
        if p.end <= o.start <= p.end + OWNED_REACH and _OWNS_NEXT.match(
            folded[max(p.start, p.end - 2) : o.start]
        ):
            return o.name
        if o.end <= p.start <= o.end + OWNED_REACH and _MEMBER_AFTER.match(folded[o.end : p.start]):
            return o.name
        if p.end < o.start and _HIS_OWN_BEFORE.search(folded, p.end, o.start):
            return o.name
    return None


def _joining_together(
    people: Sequence[PersonMention],
    company: OrgMention,
    folded: str,
    cues: SentenceCues,
    names: Names,
    home: str,
) -> bool:
    """Two or more people named before one joining verb toward the company, none of them tied to
    another company than ``home`` ("Both Stone and cofounder Ben Finkel are joining Pinterest"):
    they move together."""
    joining = [
        q
        for q in people
        if q.end <= company.start
        and company.start - q.end <= MAX_GAP
        and _said(cues, "join", folded[q.end : company.start])
        and names.affiliation.get(q.name, home) == home
        and names.known_homes.get((q.name, company.name), home) == home
    ]
    return len({q.name for q in joining}) > 1 and all(
        not _said(cues, "join", folded[a.end : b.start])
        for a, b in zip(joining, joining[1:], strict=False)
    )


def _plural(cues: SentenceCues, text: str, people: Sequence[PersonMention]) -> bool:
    return len({p.name for p in people}) > 1 or _team_said(cues, text)


def _team_said(cues: SentenceCues, folded_text: str) -> bool:
    """More than one person named by a word ("founders", "the team"), leaving out a team someone
    is hired to lead ("to head up its engineering team")."""
    if cues.present("leads_team"):
        folded_text = cues.lex.cues["leads_team"].sub(" ", folded_text)
    if cues.present("one_of"):
        folded_text = _without_one_of(folded_text, cues.lex)
    return _said(cues, "team_plural", folded_text)


# What may stand between "one of" and the word for the people: a number or a describing word
# ("one of its three co-founders", "l'un des cofondateurs").
_SPACES = re.compile(r"\s+")
_WORD_AND_SPACES = re.compile(r"[\w-]+\s+")


def _without_one_of(folded_text: str, lex: Lexicon) -> str:
    """``folded_text`` with each "one of the founders" blanked: one person of several moves, not
    the team ("один из основателей стартапа … перешёл на работу в Meta")."""
    plural = lex.cues["team_plural"]
    out = folded_text
    for one in lex.cues["one_of"].finditer(folded_text):
        space = _SPACES.match(folded_text, one.end())
        if space is None:
            continue
        people = plural.match(folded_text, space.end())
        if people is None and (word := _WORD_AND_SPACES.match(folded_text, space.end())):
            people = plural.match(folded_text, word.end())
        if people is not None:
            out = out[: one.start()] + " " * (people.end() - one.start()) + out[people.end() :]
    return out


def _movers(
    folded: str, people: Sequence[PersonMention], x: OrgMention, y: OrgMention, lex: Lexicon
) -> tuple[str, ...]:
    """The people a pair's words say move: after a hiring verb or before a joining one between the two
    companies ("x hired P from y", "P of x will join y"), or named beside the second company as its
    people ("y's co-founders, P and Q", "y and employ its CEO, P")."""
    between = folded[x.end : y.start]
    hire = lex.cues["hire"].search(between)
    join = lex.cues["join"].search(between)
    out = []
    before_join = [p for p in people if join and x.end <= p.start < x.end + join.start()]
    if join and not hire:
        out += _listed_as_of(folded, people, x)  # "P, Q and R of x are joining y"
        # "D’Aloisio and his Summly team will join Yahoo": the person leads the team that moves
        out += [
            p.name
            for p in people
            if p.end <= x.start and _WITH_OWN_BEFORE.fullmatch(folded, p.end, x.start)
        ]
    for p in people:
        if folded.startswith(("'s", "’s"), p.end):
            continue  # an owner, not one who moves: "xAI, Elon Musk's AI startup"
        if x.end <= p.start < y.start:
            at = p.start - x.end
            if (
                (hire and at >= hire.end())
                or (join and before_join and p is before_join[-1])
                or not (hire or join)
            ):
                out.append(p.name)  # (the one who joins is the last named before "joins")
        elif y.end <= p.start < y.end + 80:
            gap = folded[y.end : p.start]
            verb = lex.cues["hire"].search(gap) or lex.cues["join"].search(gap)
            if _APPOSITION.match(gap) or (verb and _APPOSITION.match(gap[verb.end() :])):
                out.append(p.name)
    return tuple(_with_those_listed_beside(folded, people, out))


# Between two people of one list: ", ", " and ", ", and ".
_BETWEEN_LISTED = re.compile(rf",\s*|,?\s+{LIST_WORDS}\s+")


def _with_those_listed_beside(
    folded: str, people: Sequence[PersonMention], moving: list[str]
) -> list[str]:
    """The people moving, and those listed with each of them: "hired Lumeo co-founders Vera
    Lind and Tom Vale", "Vera Lind and Tom Vale will join Harbor" move both (in the order the
    text names them)."""
    if not moving or len(people) < 2:
        return moving
    lists: list[list[PersonMention]] = []  # runs of people the text joins by commas and "and"
    for p in sorted(people, key=lambda p: p.start):
        if lists and _BETWEEN_LISTED.fullmatch(folded, lists[-1][-1].end, p.start):
            lists[-1].append(p)
        else:
            lists.append([p])
    named = set(moving)
    listed = [q.name for run in lists if any(p.name in named for p in run) for q in run]
    return moving if set(listed) == named else list(dict.fromkeys(listed))


# Between a person and the company whose team they lead along: " and his ", " with their ".
_WITH_OWN_BEFORE = re.compile(r"\s+(?:and|with)\s+(?:his|her|their)\s+")


def _listed_as_of(folded: str, people: Sequence[PersonMention], x: OrgMention) -> list[str]:
    """The people named in a row right before "of x" ("Ana Reyes, Tom Blake, and Li Wei of x"):
    x's people."""
    before = sorted((p for p in people if p.end <= x.start), key=lambda p: p.start)
    if not before or not _OF_RIGHT_BEFORE.fullmatch(folded, before[-1].end, x.start):
        return []
    row = [before[-1]]
    for p in reversed(before[:-1]):
        if not LIST_SEPARATOR.fullmatch(folded, p.end, row[-1].start):
            break
        row.append(p)
    return [p.name for p in reversed(row) if not folded.startswith(("'s", "’s"), p.end)]


_OF_RIGHT_BEFORE = re.compile(r"\s*,?\s*(?:of|from|at)\s+(?:the\s+)?")


def _treated_as_startup(names: Names, org: str) -> bool:
    """The text calls it a startup, names its people or its technology: not just a capitalised name."""
    return bool(
        names.evidence.get(org, set())
        & {"called", "appositive", "possessions", "team_of", "title", "team", "acts"}
    )


def _belongs(names: Names, person: str, org: str) -> bool:
    home = names.affiliation.get(person)
    return (
        home == org
        if home is not None
        else names.kinds.get(org) == "startup" or names.is_confirmed(org)
    )


def _colleagues(names: Names, home: str, people: Sequence[PersonMention]) -> list[PersonMention]:
    """The people of a clause that the text ties to the same company."""
    return [p for p in people if names.affiliation.get(p.name) == home]
