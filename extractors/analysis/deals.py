"""Talent deals from the relations of an article: which pairs, of what kind, and which one
the article is about.

A talent deal needs both halves for one pair of companies: people of the startup move
to the payer (``hire``), and money, a licence, a stake or a deal ties them (``pay``,
``licence``, ``stake``, ``deal``, ``acquihire``). A funding round with no hire, a job move
with no company deal, and a plain acquisition are not talent deals; an acquisition is one
when its people move and the text frames it as a hire.

Each deal gets a confidence from its evidence: how explicit each half is, in how many
sentences, and whether its parties are companies the text treats as such.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache

from extractors.analysis.figures import count_figures, money_figures
from extractors.analysis.lexicon import Lexicon, SentenceCues, lexicon_for
from extractors.analysis.names import (
    FORMER_WORD,
    LIST_SEPARATOR,
    Names,
    OrgMention,
    PersonMention,
    without_names,
)
from extractors.analysis.relations import (
    MONEY_KINDS,
    STRENGTH_CLAUSE,
    STRENGTH_FRAME,
    STRENGTH_IMPLIED,
    STRENGTH_JOINED,
    STRENGTH_OBJECT,
    STRENGTH_PERSON,
    Relation,
)
from extractors.analysis.text import Sentence, ends_as_prose, fold
from extractors.watchlist import Watchlist

# Sentences of the body (after the headline) that count as an article's lead.
LEAD_SENTENCES = 3
# A deal needs at least this confidence to be reported at all.
MIN_DEAL_CONFIDENCE = 0.5
# A target named in more sentences than this, and in this share of all deal mentions, is the topic.
DOMINANT_MENTIONS = 3
DOMINANT_SHARE = 0.6
# An article naming this many deals in the foreground, none in its headline, is a round-up.
ROUNDUP_DEALS = 3
# A sentence about talent deals frames the money-only relations of the next ones too.
TALENT_PASSAGE = 2
# The first lines of an article (headline, lead, a summary's bullets), where a line about the
# story frames it.
SUMMARY_LINES = 4
# A company bought at no stated price (or a small one, below) whose founders or team move, and no
# more than this many people are counted moving, was bought for its people (more: the staff of a
# company bought whole; Wavii's staff of 25 moved to Google, PlayAI's 35 to Meta).
SMALL_TEAM = 50
# The most a purchase can cost and still be bought for its people when a team moves: acqui-hires
# are small (Sparrow under $25 million, Wavii about $30 million); companies bought whole for
# hundreds of millions bring their staff too.
SMALL_PRICE = 100e6
# A team counted no larger than this, where nothing says it moves, makes a purchase at no large
# price perhaps one for its people (FriendFeed's 12; a company of 40 engineers may be bought whole)
COUNTED_SMALL_TEAM = 20
# A startup bought at no price the text states, its team spoken of (``_perhaps_for_its_people``):
# kept as a talent deal no surer than this, under the alert bound (config/dealwatch.toml
# ``[alerts] min_confidence``): stored and shown, never announced as a new deal on these words alone.
UNPRICED_PURCHASE_CEILING = 0.55
_MONEY_WRITTEN = re.compile(
    r"[$€£]\s?\d|\d\s?(?:billion|million|bn|milliards?|milliarden|millones|milhões|miliardi)\b",
    re.IGNORECASE,
)


@dataclass(slots=True)
class Deal:
    acquirer: str
    target: str
    kind: str
    confidence: float
    relations: list[Relation]
    people: list[str] = field(default_factory=list)
    role: str = "mentioned"
    evidence: str = ""
    reasons: list[str] = field(default_factory=list)
    # a known deal named by the watchlist alone, in the body and without a word of background: one
    # of a round-up's deals (its relation is background: it is the subject only when headlined)
    told_in_front: bool = False
    # the headline or lead tells another company's purchase of the startup: the article is about
    # that purchase, whatever else the text says of this deal (set by _assign_roles)
    upstaged: bool = False
    # the role the rules gave it, kept when the subject model decides (analyse._choose_subject)
    rules_role: str | None = None
    # the headline speaks of a series of deals or of the practice: one of a round-up's deals
    # (set by _assign_roles)
    in_series: bool = False
    # the headline tells news that came after the deal: the buyer stopped hiring ("Meta congela
    # contratações", the startup not named), suits settled, ties cut, and no purchase or hire;
    # the deal is what came before (set by _assign_roles)
    before_the_news: bool = False

    @property
    def sentences(self) -> set[int]:
        return {r.sentence for r in self.relations}


def _headline_cue(cues: SentenceCues) -> bool:
    return any(cues.present(c) for c in ("headline", "acquihire"))


def _headline_background(headline: Sentence, names: Names, d: Deal, lex: Lexicon) -> bool:
    """A headline that tells the deal after a word of background, once something else is told
    ("Cognition buys Windsurf after Google's talent raid"): the deal is what led to the news."""
    payer = next((o for o in names.orgs[headline.index] if o.name == d.acquirer), None)
    if payer is None:
        return False
    lead_in = headline.folded[: payer.start]
    cues = list(lex.cues["background"].finditer(lead_in))
    if cues and lead_in[: cues[-1].start()].strip(" \"'“‘"):
        return True
    # "Meta eyed Perplexity before $14B Scale AI deal": another company's news, then the deal
    orgs = names.orgs[headline.index]
    target = next((o for o in orgs if o.name == d.target and o.start > payer.end), None)
    if target is None:
        return False
    cues = list(lex.cues["background"].finditer(headline.folded, payer.end, target.start))
    return bool(cues) and any(
        o.name not in (d.acquirer, d.target) and payer.end <= o.start < cues[-1].start()
        for o in orgs
    )


def assemble_deals(
    sentences: Sequence[Sentence],
    names: Names,
    relations: Sequence[Relation],
    lex: Lexicon,
    watchlist: Watchlist,
    cues_of: Sequence[SentenceCues] | None = None,
    ruled_out: set[tuple[str, str]] | None = None,
    why_not: dict[tuple[str, str], str] | None = None,
    *,
    unread_language: bool = False,
) -> list[Deal]:
    """``cues_of``: each sentence's cues, when the caller has them (they are looked for once);
    ``ruled_out`` gains the pairs the rules read firmly as no talent deal: a purchase told as a
    purchase (a company bought whole, its people moving with it as in any acquisition), or hires
    the text says were no acquisition, with no payment stated; ``why_not`` gains
    each related pair that made no deal, with the reason (``dealwatch explain``);
    ``unread_language``: the text is in a language no lexicon reads (its words of dealing unread)."""
    dropped: dict[tuple[str, str], str] = {}
    if cues_of is None:
        cues_of = [SentenceCues(lex, s.folded) for s in sentences]
    by_pair: dict[tuple[str, str], list[Relation]] = defaultdict(list)
    for r in _known_payers_in_lists(sentences, relations, names, watchlist):
        by_pair[(r.acquirer, r.target)].append(r)
    people_names = {p.name for found in names.people for p in found}
    framed: _Framing | None = None  # read once, when a pair is first judged (most texts have none)
    deals: list[Deal] = []
    for (a, t), rels in by_pair.items():
        if a == t or a in people_names or t in people_names:
            dropped[(a, t)] = "one of the two is a person, or both are one company"
            continue
        if names.kinds.get(a) == "startup" and names.kinds.get(t) == "startup":
            # two startups the watchlist knows as targets: listed side by side, no deal
            dropped[(a, t)] = "both are startups the watchlist knows as targets"
            continue
        if names.kinds.get(t) in {"acquirer", "unit"}:
            # people moving between two large companies, or within one, is a job move
            dropped[(a, t)] = f"{t} is a large company or a unit of one: a job move"
            continue
        if all(
            r.strength < STRENGTH_JOINED
            and _listed_together(sentences[r.sentence].raw, names.orgs[r.sentence], a, t)
            for r in rels
        ):
            # "acquisitions of C42 Engineering and CodeIgnitio, and later LeftShift": items
            dropped[(a, t)] = "named as items of one list"
            continue
        if framed is None:
            framed = _framing(sentences, names, cues_of, relations)
        deal = _judge(a, t, rels, names, framed, lex)
        if deal is not None and deal.confidence >= MIN_DEAL_CONFIDENCE:
            deals.append(deal)
        elif deal is not None:
            dropped[(a, t)] = f"confidence {deal.confidence:.2f}, under {MIN_DEAL_CONFIDENCE}"
    if ruled_out is not None and framed is not None:
        ruled_out |= framed.ruled_out
    if why_not is not None:
        why_not.update(dropped | (framed.why_not if framed is not None else {}))
    deals += _known_deals_named(
        sentences, names, cues_of, watchlist, deals, by_pair, money_tells=unread_language
    )
    deals = _one_per_target(deals, watchlist)
    _with_the_people_it_moved(deals, names, watchlist)
    deals = [
        d
        for d in deals
        if not any(
            o.acquirer == d.target and o.target == d.acquirer and _read_more_firmly(o, d)
            for o in deals
        )
    ]
    return _assign_roles(deals, sentences, names, cues_of, relations)


def _with_the_people_it_moved(deals: list[Deal], names: Names, watchlist: Watchlist) -> None:
    """A known deal's people (the founders and leaders the watchlist says it moved) named anywhere
    in the text are its people hired: the text names Alexandr Wang in a story of Meta's deal for
    Scale AI because he moved with it, wherever the sentence that tells the deal stands."""
    named = {p.name for found in names.people for p in found}
    for d in deals:
        for known in watchlist.deals:
            if (known.acquirer, known.target) == (d.acquirer, d.target):
                d.people += [p for p in known.people if p in named and p not in d.people]


def _known_payers_in_lists(
    sentences: Sequence[Sentence],
    relations: Sequence[Relation],
    names: Names,
    watchlist: Watchlist,
) -> list[Relation]:
    """The relations, a clause's weak reading of a known startup's payer given to the payer the
    watchlist knows for it where one list names both: "Microsoft, Amazon and Meta paid … to hire
    founders from startups such as Inflection and Adept" pairs no payer with a startup by its
    words, and the nearest one, Meta, paid neither."""
    payer_of: dict[str, set[str]] = defaultdict(set)
    for k in watchlist.deals:
        payer_of[k.target].add(k.acquirer)
    out = []
    for r in relations:
        known = payer_of.get(r.target, set())
        # (a deal told as background is weak whatever its words: "Movimentos semelhantes foram
        # realizados pela Microsoft e Amazon, com acordos similares envolvendo as startups
        # Inflection e Adept")
        if (
            len(known) == 1
            and r.acquirer not in known
            and (r.strength < STRENGTH_JOINED or r.background)
        ):
            (payer,) = known
            if _listed_together(
                sentences[r.sentence].raw, names.orgs[r.sentence], payer, r.acquirer
            ):
                r = replace(r, acquirer=payer)
        out.append(r)
    return out


# A list's last item told as coming after the others ("C42 Engineering and CodeIgnitio, and later
# LeftShift")
_LATER_ITEM = re.compile(r",?\s+and\s+(?:later|then|also|finally|more\s+recently)\s+")


def _listed_together(raw: str, orgs: Sequence[OrgMention], one: str, other: str) -> bool:
    """Both companies are items of one list ("Microsoft, Amazon, and Meta")."""
    run: set[str] = set()
    for before, o in zip([None, *orgs], orgs, strict=False):
        if before is None or not (
            LIST_SEPARATOR.fullmatch(raw, before.end, o.start)
            or _LATER_ITEM.fullmatch(raw, before.end, o.start)
        ):
            run = set()
        run.add(o.name)
        if {one, other} <= run:
            return True
    return False


def _read_more_firmly(one: Deal, other: Deal) -> bool:
    """Of a pair read both ways, ``one`` is the likelier direction: its firmest relation is firmer
    ("Harbor has acquired Quillbyte" against a weak reading the other way round), else its
    confidence is higher."""
    firmest = max((r.strength for r in one.relations), default=0.0)
    other_firmest = max((r.strength for r in other.relations), default=0.0)
    if firmest != other_firmest:
        return firmest > other_firmest
    return one.confidence > other.confidence


def purchase_told_first(
    relations: Sequence[Relation], names: Names, chance: float, language: str
) -> Deal | None:
    """The purchase the headline or lead tells, as the deal of an article its words say is about
    a talent deal (``chance``, the article model's) where the rules named none: "Harbor is buying
    Quillbyte, an app …" in a story of its team moving, told in words the rules do not read. Not a
    purchase told as the past or background, nor one of a listed buyer or a team inside one, nor
    one at a company's price (a company bought whole states its price); of several, the one of the
    company the text names most."""
    people = {p.name for found in names.people for p in found}
    told = [
        r
        for r in relations
        if r.kind in {"acquire", "acquihire"}
        and r.sentence <= LEAD_SENTENCES
        and r.strength >= STRENGTH_FRAME
        and not (r.background or r.dated or r.failed)
        and r.acquirer != r.target
        and names.kinds.get(r.target) not in {"acquirer", "unit"}
        and not {r.acquirer, r.target} & people
    ]
    priced = {
        (r.acquirer, r.target)
        for r in relations
        if r.sentence <= LEAD_SENTENCES
        and any((f.high or f.low or 0.0) > SMALL_PRICE for f in money_figures(r.clause, language))
    }
    told = [r for r in told if (r.acquirer, r.target) not in priced]
    if not told:
        return None
    # the company the text names most, then the purchase told first ("Microsoft buys German Task
    # management app, Wunderlist": Wunderlist, named throughout, not "Task")
    named = Counter(o.name for found in names.orgs for o in found)
    first = min(told, key=lambda r: (-named[r.target], r.sentence))
    live = [r for r in told if (r.acquirer, r.target) == (first.acquirer, first.target)]
    return Deal(
        first.acquirer,
        first.target,
        "acquihire",
        round(chance, 3),
        live,
        role="subject",
        evidence=first.clause,
        reasons=[
            f"the purchase the lead tells, in an article about a talent deal by its words "
            f"(chance {chance:.2f})"
        ],
        rules_role="subject",
    )


# A known deal whose parties are named together, where a sentence speaks of a deal or of people
# moving, is mentioned with this confidence: the words are the text's, the deal is the watchlist's.
KNOWN_DEAL_CONFIDENCE = 0.6
# A deal the article only mentions is never surer than this (the subject's can reach 1).
MENTIONED_CEILING = 0.95
_KNOWN_DEAL_CUES = ("hire", "join", "acquire", "acquihire", "deal", "licence", "pay", "stake")


_TALENT_CUES = ("hire", "join", "acquihire", "licence")


def _tells_a_round_only(cues: SentenceCues) -> bool:
    """A sentence of a funding round that says nothing of people or a licence ("acabou de levantar
    US$ 1 bilhão em uma rodada série F, contando com investidores como Meta e Amazon"): a payer
    named among a round's investors tells no deal of its own with the startup."""
    return cues.present("round_named") and not any(cues.present(c) for c in _TALENT_CUES)


def _known_deal_cues(kind: str, *, talent_told: bool) -> tuple[str, ...]:
    """The cues by which a sentence naming both parties tells a known deal. Money alone ("Google in
    talks to invest in Character.AI", "the investment will deepen the partnership") tells an
    investment and hire, not a licence and hire or an acqui-hire, unless the text speaks of people
    moving or of a licence somewhere."""
    if talent_told or kind == "investment_and_hire":
        return _KNOWN_DEAL_CUES
    return tuple(c for c in _KNOWN_DEAL_CUES if c not in {"pay", "deal"})


def _known_deals_named(
    sentences: Sequence[Sentence],
    names: Names,
    cues_of: Sequence[SentenceCues],
    watchlist: Watchlist,
    found: Sequence[Deal],
    by_pair: dict[tuple[str, str], list[Relation]],
    *,
    money_tells: bool = False,
) -> list[Deal]:
    """The watchlist's known deals this text names, that the relations did not find (one half
    missing): both parties in one sentence that speaks of a deal or of people moving, or, in a
    language no lexicon reads (``money_tells``), that states a sum of money ("Meta у червні
    інвестувала $14,8 млрд у компанію Scale AI": the figure is the one word read). A payment or
    purchase the text tells outright between them ("Meta avrebbe deciso di acquisire il 49% di
    Scale AI per …", "Nvidia agreed to buy assets from Groq") is kept with the deal, so that a lead
    telling it makes the deal the article's subject."""
    have = {(d.acquirer, d.target) for d in found} | {d.target for d in found}
    out = []
    unfound = [
        k for k in watchlist.deals if (k.acquirer, k.target) not in have and k.target not in have
    ]
    named_in = [{o.name for o in names.orgs[s.index]} for s in sentences] if unfound else []
    paired_in: dict[int, set[frozenset[str]]] = {}  # read only where both parties are named

    def paired(s: Sentence) -> set[frozenset[str]]:
        if s.index not in paired_in:
            paired_in[s.index] = _paired_by_sign(s, names, cues_of[s.index])
        return paired_in[s.index]

    deals_of_target = Counter(k.target for k in watchlist.deals)
    named_anywhere = set().union(*named_in) if named_in else set()
    payer_targets_named = Counter(k.acquirer for k in watchlist.deals if k.target in named_anywhere)

    @cache
    def talent_told() -> bool:
        """Whether the text speaks of people moving or a licence (read once, if asked)."""
        return any(cues.present(c) for cues in cues_of for c in _TALENT_CUES)

    for known in unfound:
        # sentences where a relation ties the pair, one of them named only by what the sentence
        # says of it ("The company … entered a $2.7 billion licensing deal with Google")
        # (of money or a licence: a person's move, "Suleyman … joined Microsoft", ties the
        # watchlist's person to the startup, not the text)
        related = {
            r.sentence for r in by_pair.get((known.acquirer, known.target), []) if r.kind != "hire"
        }
        if not related and known.target not in named_anywhere:
            continue  # its startup named nowhere: no sentence can tell it
        for s in sentences:
            named = named_in[s.index] | (
                {known.acquirer, known.target} if s.index in related else set()
            )
            both = {known.acquirer, known.target} <= named and (
                any(
                    cues_of[s.index].present(c)
                    for c in _known_deal_cues(known.kind, talent_told=talent_told())
                )
                and not _tells_a_round_only(cues_of[s.index])
                or frozenset((known.acquirer, known.target)) in paired(s)
                # "Amazon did a similar thing with Adept"
                or cues_of[s.index].present("similar_deal")
                or money_tells
                and bool(money_figures(s.raw, None))
            )
            # "cases like Windsurf" in a sentence about acqui-hires: the startup of one known deal
            # stands for that deal
            alone = (
                known.target in named
                and deals_of_target[known.target] == 1
                # "Meta、谷歌、英伟达 … 收购性招聘", Scale AI named elsewhere: the payer's one known
                # deal whose startup the text names
                or known.acquirer in named
                and known.target in named_anywhere
                and payer_targets_named[known.acquirer] == 1
            ) and cues_of[s.index].present("acquihire")
            if both or alone:
                relation = Relation(
                    "deal", known.acquirer, known.target, s.index, STRENGTH_CLAUSE, background=True
                )
                told_outright = [
                    r
                    for r in by_pair.get((known.acquirer, known.target), [])
                    if (r.kind in MONEY_KINDS or r.kind == "acquire")
                    and r.strength >= STRENGTH_FRAME
                    and r.sentence <= LEAD_SENTENCES
                    and not (r.background or r.failed)
                ]
                # the startup's people the watchlist knows, named where the deal is told
                people = [
                    p.name
                    for p in names.people[s.index]
                    if names.known_homes.get((p.name, known.acquirer)) == known.target
                ]
                out.append(
                    Deal(
                        known.acquirer,
                        known.target,
                        known.kind,
                        KNOWN_DEAL_CONFIDENCE,
                        [relation, *told_outright],
                        list(dict.fromkeys(people)),
                        evidence=s.text,
                        reasons=[f"a known deal (watchlist), both named in sentence {s.index}"],
                        told_in_front=s.index > 1 and not cues_of[s.index].present("background"),
                    )  # fmt: skip
                )
                break
    return out


# Two companies a sign ties together ("Adept AI & Amazon (Jun 2024)", "Inflection → Microsoft"),
# or a company with another in brackets after it ("Scale AI (Meta)", "Covariant şi Adept (Amazon)"):
# how contents tables and round-ups list deals.
_SIGN_BETWEEN = re.compile(r"\s*(?:&|\+|→|->|/|×|\s[-–—]\s)\s*")
_BRACKET_BETWEEN = re.compile(r"\s*\(\s*")
_BRACKET_CLOSES = re.compile(r"\s*\)")


def _paired_by_sign(s: Sentence, names: Names, cues: SentenceCues) -> set[frozenset[str]]:
    """The pairs of companies a sentence ties by a sign, a bracket or the one word "with" ("Microsoft
    with Inflection, Amazon with Adept"), each as a set of two names."""
    orgs = [o for o in names.orgs[s.index] if not o.generic]
    pairs: set[frozenset[str]] = set()
    for i in range(len(orgs) - 1):
        x, y = orgs[i], orgs[i + 1]
        between = s.raw[x.end : y.start]
        if _SIGN_BETWEEN.fullmatch(between) or (
            cues.present("paired_with")
            and cues.lex.cues["paired_with"].fullmatch(s.folded[x.end : y.start].strip())
        ):
            pairs.add(frozenset((x.name, y.name)))
        elif _BRACKET_BETWEEN.fullmatch(between) and _BRACKET_CLOSES.match(s.raw, y.end):
            pairs.add(frozenset((x.name, y.name)))
            j = i  # the bracket holds for the whole list before it
            while j > 0 and LIST_SEPARATOR.fullmatch(s.raw[orgs[j - 1].end : orgs[j].start]):
                j -= 1
                pairs.add(frozenset((orgs[j].name, y.name)))
    return {p for p in pairs if len(p) == 2}


@dataclass(frozen=True, slots=True)
class _Framing:
    acquihire: set[str]  # companies named in a sentence that calls something an acqui-hire
    not_acquisition: set[str]
    paid: dict[
        str, set[int]
    ]  # companies named in a sentence that says they pay or invest (a sum), and where
    hiring: set[str]  # companies named in a clause that says they hire people
    hiring_sentences: dict[str, set[int]]  # where each of them is
    talent_context: set[int]  # sentences in a passage about talent deals
    acquihire_sentences: set[int]  # sentences that call something an acqui-hire
    # the text as read, for what only a purchase asks (``_price_told``, ``_perhaps_for_its_people``)
    sentences: Sequence[Sentence]
    names: Names
    cues_of: Sequence[SentenceCues]
    story_acquihire: bool = False  # the headline or the lead calls the story an acqui-hire
    language: str = "en"  # the article's, for the counts of people a purchase's hires state
    # companies named where the text says no price is told
    undisclosed: frozenset[str] = frozenset()
    # sentences that tell people going back to a former employer
    going_back: frozenset[int] = frozenset()
    # the pairs read firmly as no talent deal (``_weigh``): a company bought whole, or people hired
    # where the text says nothing was bought and no payment is stated
    ruled_out: set[tuple[str, str]] = field(default_factory=set)
    # each pair judged and found no deal, with why (``dealwatch explain``)
    why_not: dict[tuple[str, str], str] = field(default_factory=dict)
    # (payer, sentence) -> the companies whose people a hire of that sentence takes on
    hired_from: dict[tuple[str, int], set[str]] = field(default_factory=dict)


def _may_state_a_price(s: Sentence, cues: SentenceCues) -> bool:
    """The sentence speaks of paying or buying (not of raising funds) and holds a digit."""
    return (
        (cues.present("pay") or cues.present("acquire"))
        and not cues.present("funding")
        and any(map(str.isdigit, s.text))
    )


def _price_told(framed: _Framing, buyer: str, startup: str) -> bool:
    """A sentence naming the buyer or the startup states a sum larger than a small team's price
    while it speaks of paying or buying (not "acquired Flutter for a reported US$40m"; not a dated
    purchase by others the sentence names too: "founded by people who worked for PA Semi, a
    chipmaker Apple acquired in 2008 for $278 million"; not the buyer's purchase of another
    company, the startup unnamed: "OpenAI a récemment racheté Statsig … pour 1,1 milliard de
    dollars"). A sentence naming no company right after one naming them speaks of the same
    purchase ("Salesforce a finalisé le rachat de Slack. L'opération avait été officialisée …
    pour 27,7 milliards de dollars")."""
    companies = {buyer, startup}
    named_before: set[str] = set()
    for s in framed.sentences:
        named = {o.name for o in framed.names.orgs[s.index]}
        cues = framed.cues_of[s.index]
        told_of = named or (named_before if cues.present("deal") else set())
        named_before = named
        if (
            told_of & companies
            and _may_state_a_price(s, cues)
            and not (cues.present("dated") and named - companies)
            and not (startup not in named and named - companies)
            and any(
                (f.high or f.low or 0.0) > SMALL_PRICE
                for f in money_figures(s.text, framed.language)
            )
        ):
            return True
    return False


def _why_perhaps_for_its_people(
    a: str, t: str, live: list[Relation], framed: _Framing
) -> str | None:
    """Why a startup bought at no large price may have been bought for its people, if it may."""
    if _perhaps_for_its_people(a, t, live, framed):
        return "bought at no large price stated, its team spoken of: perhaps for its people"
    if _bought_earlier_its_founder_stayed(a, t, live, framed):
        return "bought before the news, one of its people joining the buyer"
    return None


def _perhaps_for_its_people(a: str, t: str, live: list[Relation], framed: _Framing) -> bool:
    """A startup bought in the news the lead tells, at no price above a small team's that the
    text states, its team spoken of with the buyer ("Harbor buys Quillbyte … the Quillbyte team,
    part of Harbor now"): a purchase that may be for its people.
    Small purchases told so are mostly acqui-hires; a company bought whole at a company's price
    states its price. (On the real sets' development parts: with no sum at all, 3 such deals
    right, 1 not; a small price allowed too, 5 more right, 1 more not.)"""
    return (
        any(
            r.kind == "acquire" and r.sentence <= LEAD_SENTENCES and not (r.dated or r.background)
            for r in live
        )
        and any(_team_spoken_of(s, a, t, framed) for s in framed.sentences)
        and not _price_told(framed, a, t)
    )


def _team_spoken_of(s: Sentence, a: str, t: str, framed: _Framing) -> bool:
    """The sentence speaks of a team naming both companies, or counts a small team naming the
    startup ("les 12 personnes que compte l'équipe de Friendfeed"): the startup's people, whom a
    purchase at no large price may be for."""
    if not framed.cues_of[s.index].present("team_plural"):
        return False
    named = {o.name for o in framed.names.orgs[s.index]}
    if {a, t} <= named:
        return True
    if t not in named:
        return False
    counts = count_figures(s.text, framed.language)
    return bool(counts) and all(f.high is not None and f.high <= COUNTED_SMALL_TEAM for f in counts)


def _bought_earlier_its_founder_stayed(
    a: str, t: str, live: list[Relation], framed: _Framing
) -> bool:
    """A purchase told only as the past or background ("When Harbor bought Quillbyte in 2017, its
    founder joined Harbor"), a person of the startup joining the buyer, at no price above a small
    team's: an acqui-hire recalled in a story about something else (a founder leaving years later),
    not a company bought whole in the news, where its people moving is part of any acquisition.
    (On the real sets' development parts: one such mention right, none wrong.)"""
    return (
        all(r.background or r.dated for r in live if r.kind == "acquire")
        and any(r.kind == "hire" and r.strength >= STRENGTH_PERSON for r in live)
        and not _price_told(framed, a, t)
    )


def _moving_said_beside_names(s: Sentence, names: Names, cues: SentenceCues) -> bool:
    """The sentence's words of hiring or joining, read without its companies' names: what a name
    says ("Skild AI Incorporated") is not what the sentence says."""
    unnamed = without_names(s.folded, names.orgs[s.index])
    return any(cues.lex.cues[c].search(unnamed) for c in ("hire", "join"))


def _spoken_of(
    s: Sentence, named: set[str], names: Names, sentences: Sequence[Sentence]
) -> set[str]:
    """The companies a sentence speaks of: those it names, or, naming none, those of the sentence
    before, both of them prose ("… the acquisition of Plataformatec by Nubank has two advantages.
    The first is obvious: the acquisition of talent."; not a heading, "Talent acquisition", below
    a line of its own). Only when the sentence before names one pair: after a line naming three or
    more ("엔비디아 AI21랩스 추진·메타 마누스 인수 …", two deals side by side), it cannot be told
    which the words speak of."""
    if (
        named
        or s.index == 0
        or not (ends_as_prose(s.raw) and ends_as_prose(sentences[s.index - 1].raw))
    ):
        return named
    before = {o.name for o in names.orgs[s.index - 1]}
    return before if len(before) <= 2 else set()


def _the_purchase_before(
    s: Sentence, cues: SentenceCues, relations: Sequence[Relation]
) -> set[str]:
    """The two companies of the purchase told last before a sentence that names none and speaks
    of "the deal" ("OpenAI ha anunciado la compra de Statsig … la operación se interpreta como un
    acqui-hire"): the deal it speaks of."""
    if not cues.present("deal"):
        return set()
    told = [
        r
        for r in relations
        if r.sentence < s.index
        and r.kind == "acquire"
        and r.strength >= STRENGTH_FRAME
        and not (r.background or r.failed)
    ]
    last = max(told, key=lambda r: r.sentence, default=None)
    return {last.acquirer, last.target} if last is not None else set()


def _framing(
    sentences: Sequence[Sentence],
    names: Names,
    cues_of: Sequence[SentenceCues],
    relations: Sequence[Relation] = (),
) -> _Framing:
    acquihire: set[str] = set()
    not_acquisition: set[str] = set()
    paid: dict[str, set[int]] = defaultdict(set)
    hiring: set[str] = set()
    hiring_sentences: dict[str, set[int]] = defaultdict(set)
    headline_acquihire = lead_acquihire = False
    acquihire_sentences: set[int] = set()
    talent_context: set[int] = set()
    undisclosed: set[str] = set()
    going_back: set[int] = set()
    context_until = -1  # the last sentence of the talent passage read so far
    paragraphs = [s.paragraph for s in sentences]
    for s in sentences:
        named = {o.name for o in names.orgs[s.index]}
        cues = cues_of[s.index]
        if cues.present("acquihire"):
            acquihire |= _spoken_of(s, named, names, sentences) or _the_purchase_before(
                s, cues, relations
            )
            acquihire_sentences.add(s.index)
            headline_acquihire = headline_acquihire or s.index == 0
            # a line of the lead that names no company ("- 2 박사급 인재 200명 확보 전략", a
            # summary's bullet) speaks of the whole story too: of its purchase
            lead_acquihire = lead_acquihire or (not named and s.index <= SUMMARY_LINES)
        if cues.present("not_acquisition"):
            not_acquisition |= named
        if cues.present("undisclosed"):
            undisclosed |= named
        if cues.present("going_back"):
            going_back.add(s.index)
        if cues.present("winds_down"):
            # the product closes once the company is bought: the buyer wanted its people
            for earlier in sentences[max(0, s.index - 2) : s.index + 1]:
                acquihire |= {o.name for o in names.orgs[earlier.index]}
        if (
            named
            and cues.present("pay")
            and any(map(str.isdigit, s.folded))
            and not cues.present("funding")
            and not cues.present("pay_package")  # one person's pay is no deal's money
        ):
            for n in named:
                paid[n].add(s.index)
        if (
            named
            and (cues.present("hire") or cues.present("join"))
            and (cues.present("team") or names.people[s.index])
            and _moving_said_beside_names(s, names, cues)
        ):
            hiring |= named
            for n in named:
                hiring_sentences[n].add(s.index)
        if (
            cues.present("acquihire")
            or cues.present("not_acquisition")
            or cues.present("similar_deal")
        ):
            # the rest of its paragraph, the next paragraph, or the next two sentences
            context_until = max(context_until, _passage_end(paragraphs, s))
        if s.index <= context_until:
            talent_context.add(s.index)
    if headline_acquihire:
        acquihire |= {o.name for found in names.orgs for o in found}
    return _Framing(
        acquihire,
        not_acquisition,
        dict(paid),
        hiring,
        dict(hiring_sentences),
        talent_context,
        acquihire_sentences,
        sentences,
        names,
        cues_of,
        headline_acquihire or lead_acquihire,
        cues_of[0].lex.language if cues_of else "en",
        frozenset(undisclosed),
        frozenset(going_back),
        hired_from=_hired_from(relations),
    )


def _hired_from(relations: Sequence[Relation]) -> dict[tuple[str, int], set[str]]:
    """(payer, sentence) -> the companies whose people the payer's hires there take on."""
    out: dict[tuple[str, int], set[str]] = {}
    for r in relations:
        if r.kind in {"hire", "acquihire"} and not r.failed:
            out.setdefault((r.acquirer, r.sentence), set()).add(r.target)
    return out


def _passage_end(paragraphs: Sequence[int], s: Sentence) -> int:
    """The last sentence of the passage a talent-deal sentence opens: the rest of its paragraph
    and the next one, or the next two sentences, whichever reaches further. ``paragraphs`` holds
    each sentence's paragraph, in text order (never decreasing)."""
    return min(
        len(paragraphs) - 1,
        max(bisect_right(paragraphs, s.paragraph + 1) - 1, s.index + TALENT_PASSAGE),
    )


def _pays_nearby(a: str, rels: list[Relation], framed: _Framing) -> bool:
    """The payer pays a sum in the sentence of a hire of the pair, or right next to it."""
    where = framed.paid.get(a, set())
    return any(abs(i - r.sentence) <= 1 for i in where for r in rels if r.kind == "hire")


def _startup_like(org: str, names: Names) -> bool:
    """Listed as a startup, or treated as a company of its own by the text (not a listed acquirer)."""
    kind = names.kinds.get(org)
    return kind == "startup" or (kind != "acquirer" and bool(names.evidence.get(org)))


def _near(sentences: set[int], rels: list[Relation], distance: int) -> bool:
    return any(abs(i - r.sentence) <= distance for i in sentences for r in rels)


def _judge(
    a: str, t: str, rels: list[Relation], names: Names, framed: _Framing, lex: Lexicon
) -> Deal | None:
    """The deal between payer ``a`` and startup ``t``, when the text says both that people move
    and that money changes hands (or the rest of the text supplies the missing half)."""
    live = [r for r in rels if not r.failed]
    if not live:
        framed.why_not[(a, t)] = "every relation between them fell through"
        return None
    if not _is_company_of_its_own(t, live, names):
        # a party the text never treats as a company of its own
        framed.why_not[(a, t)] = f"nothing treats {t} as a company of its own"
        return None
    if any(
        names.evidence.get(party, set()) & {"venture_firm", "adviser"}
        and names.kinds.get(party) == "unknown"
        for party in (a, t)
    ) and not any(
        r.kind == "acquihire" and r.strength >= STRENGTH_FRAME for r in live
    ):  # "backed by Paradigm, a VC firm", "the law firm Orrick": an investor or an adviser, no
        # party to a talent deal (a watchlisted one, "NFDG, the venture firm run by …", is a party
        # of its known deal)
        framed.why_not[(a, t)] = "one of the two is an investor or an adviser"
        return None
    weighed = _weigh(a, t, rels, live, framed)
    if weighed is None:
        return None
    hire, money, team_only, reasons, ceiling = weighed
    kind = "talent_deal" if team_only else _deal_kind(t, live, framed, lex)
    sentences = {r.sentence for r in live}
    confidence = 0.3 + 0.3 * hire + 0.3 * money + 0.05 * min(2, len(sentences) - 1)
    if names.is_confirmed(t):
        confidence += 0.05
    else:
        reasons.append(f"{t}: nothing else in the text says it is a company")
    confidence = round(min(ceiling, confidence), 3)
    people = _deal_people(t, live, names, framed)
    evidence = next((r.clause for r in sorted(live, key=lambda r: (-r.strength, r.sentence))), "")
    reasons.insert(0, f"hire {hire:.2f}, money {money:.2f} in {len(sentences)} sentence(s)")
    return Deal(a, t, kind, confidence, live, people, evidence=evidence, reasons=reasons)


def _is_company_of_its_own(t: str, live: list[Relation], names: Names) -> bool:
    """A startup, or a company the pair's relations bind to people or a written sum:
    "the founders of X" (X has people of its own), "Nvidia → Groq ~$20B" (a row of a table of deals)."""
    bound = (
        any(r.kind == "hire" and r.strength >= 0.9 for r in live)
        or any(
            r.kind in MONEY_KINDS and r.strength >= 0.6 and _MONEY_WRITTEN.search(r.clause)
            for r in live
        )
        # bought outright, its team moving ("Yahoo purchases … app Blink", "The seven-person
        # team … will go on to work on Yahoo's … products") or bought with it, as the headline or
        # the lead tells it ("Google acquista Meebo e il suo team"): a company with people of its
        # own
        or any(r.kind == "acquire" and r.strength >= STRENGTH_FRAME for r in live)
        and (
            _team_moves(live, at_least=STRENGTH_CLAUSE)
            or any(r.kind == "acquire" and r.plural and r.sentence <= 2 for r in live)
        )
    )
    return _startup_like(t, names) or bound and names.kinds.get(t) != "acquirer"


def _weigh(
    a: str, t: str, rels: list[Relation], live: list[Relation], framed: _Framing
) -> tuple[float, float, bool, list[str], float] | None:
    """(hire, money, team only, reasons, the most its confidence may be): how strongly the pair's
    relations say that people move and that money is paid, each missing half filled from what the
    rest of the text says. None when a half stays missing, or when the pair is a purchase told as a
    purchase."""
    hire = max((r.strength for r in live if r.kind == "hire"), default=0.0)
    money = max((r.strength for r in live if r.kind in MONEY_KINDS), default=0.0)
    acquire = any(r.kind == "acquire" for r in live)
    # framed as a purchase of people by the words around it; "not an acquisition" frames the deal
    # as a talent deal too, but frames no payment ("hasn't acquired the startup": a team hired)
    framed_as_paid_for = (
        t in framed.acquihire
        or a in framed.acquihire
        or (acquire and _headline_hires(live))
        or (
            acquire
            and _bought_for_its_people(
                live,
                framed.language,
                undisclosed=a in framed.undisclosed,
                sums_told=lambda: _price_told(framed, a, t),
            )
        )
    )
    talent_framed = framed_as_paid_for or t in framed.not_acquisition
    reasons: list[str] = []
    ceiling = 1.0
    if (
        acquire
        and hire == 0.0
        and money < STRENGTH_CLAUSE
        and (
            _called_acquihire(live, framed)
            or (
                (framed.story_acquihire or t in framed.acquihire)
                and any(
                    r.kind == "acquire"
                    and not (r.dated or r.background)
                    # (not "Meta acquired Manus for $2.5B" in a story of talent deals: a
                    # purchase at a company's price, nobody said to move)
                    and not (
                        _MONEY_WRITTEN.search(r.clause) and not _small_price(r, framed.language)
                    )
                    for r in live
                )
            )
        )
    ):
        hire = money = STRENGTH_CLAUSE  # "… calls an acqui-hire, as when Cursor bought Koala"
        reasons.append(
            "a purchase the sentence calls an acqui-hire"
            if _called_acquihire(live, framed)
            else "a purchase the headline or the lead says is for its people"
        )
    elif acquire and not talent_framed and not _has_talent_terms(live):
        perhaps = _why_perhaps_for_its_people(a, t, live, framed)
        if perhaps is None:
            # a purchase told as a purchase: its people moving is part of any acquisition
            framed.ruled_out.add((a, t))
            framed.why_not[(a, t)] = (
                "a purchase told as a purchase: nothing says it was for its people"
            )
            return None
        hire = money = STRENGTH_IMPLIED
        ceiling = UNPRICED_PURCHASE_CEILING
        reasons.append(perhaps)
    if money == 0.0 and hire > 0.0:
        implied = _payment_implied(
            a, t, rels, framed, hire, acquire=acquire, talent=framed_as_paid_for
        )
        if implied is not None:
            money = implied[0]
            reasons.append(implied[1])
    if hire == 0.0 and money > 0.0:
        why = _hire_implied(a, t, rels, live, framed, money, talent=talent_framed)
        if why is not None:
            hire = STRENGTH_CLAUSE
            reasons.append(why)
    team_only = money == 0.0 and hire >= 0.9 and not acquire and _team_moves(live)
    listed = framed.names.kinds.get(t) == "startup"  # a startup the watchlist knows a deal of
    if (team_only or (money <= STRENGTH_IMPLIED and not listed)) and _only_going_back(live, framed):
        # "OpenAI rehires co-founders of Thinking Machines Lab": people going back, no payment
        # stated (at most a "deal" the text implies: "The hire comes as Meta reorganizes …"; a
        # listed startup has its known deal, whose founders may well go back)
        framed.why_not[(a, t)] = "people going back to a former employer, no payment stated"
        return None
    if team_only and all(_FORMER_STAFF.search(r.clause) for r in live if r.kind == "hire"):
        # "several former Scale employees have joined Mercor": people who left
        framed.why_not[(a, t)] = f"former staff of {t} moving, not its team"
        return None
    if team_only and {a, t} & framed.not_acquisition and not listed:
        # "five engineers will join Google … there was no acquisition or sale": hires (a listed
        # startup has its known deal, told in just those words)
        framed.why_not[(a, t)] = "hires the text says were no acquisition, no payment stated"
        framed.ruled_out.add((a, t))
        return None
    if team_only:
        money = 0.3
        reasons.append("its founders or team move, no payment stated")
    if hire == 0.0 or money == 0.0:
        framed.why_not[(a, t)] = (
            "nothing says people move" if hire == 0.0 else "nothing says money is paid"
        ) + " (a talent deal needs both halves)"
        return None
    return hire, money, team_only, reasons, ceiling


# People who have left a company, named as its former staff ("several former Scale employees")
# (the names module's word for "former", in the languages read)
_FORMER_STAFF = re.compile(
    rf"{FORMER_WORD}\s*(?:[\w.-]+\s+){{0,2}}?(?:employees|staff(?:ers)?|engineers|researchers|workers)\b",
    re.IGNORECASE,
)


def _headline_hires(live: list[Relation]) -> bool:
    """The headline tells the hire with the purchase ("Twitter acquires VR startup IXOMOXI, hires
    its founder as head of …"): the people taken on are the news, not a part of any purchase."""
    return any(
        r.kind == "hire" and r.sentence == 0 and r.strength >= STRENGTH_OBJECT and not r.background
        for r in live
    )


def _only_going_back(live: list[Relation], framed: _Framing) -> bool:
    """Every strong hire tells people going back to a former employer ("rehires", "heading back
    to OpenAI"): with no payment, people leaving their startup, not a deal with it."""
    moves = [r for r in live if r.kind == "hire" and r.strength >= 0.9]
    return bool(moves) and all(r.sentence in framed.going_back for r in moves)


def _bought_for_its_people(
    live: list[Relation], language: str, *, undisclosed: bool, sums_told: Callable[[], bool]
) -> bool:
    """Bought at no stated price, and its founders or team move with no more than a handful of
    people counted (not "the 140 employees of the startup will join Databricks": the staff of a
    company bought whole). Where the text says the price is not told, a sum beside the purchase
    is something else ("Post-grant of $600,000, Google acquires DNNresearch").

    The team's move may be told in a clause that names only the buyer ("Ils seront rejoints par
    … employés de Union Bay Networks", "feeding into an internal research group"), where no
    sentence naming either company states a sum paid: with a price told elsewhere ("Apple spent
    close to $2 billion on this deal"), the purchase is of the company, whose people come along."""
    news = [r for r in live if not r.background]
    weakly = _team_moves(news, at_least=STRENGTH_IMPLIED) and not sums_told()
    if not (_team_moves(live) or weakly) or (
        not undisclosed
        and any(
            r.kind == "acquire"
            and _MONEY_WRITTEN.search(r.clause)
            and not _small_price(r, language)
            for r in live
        )
    ):
        return False
    return not any(
        f.high is None or f.high > SMALL_TEAM
        for r in live
        if r.kind == "hire"
        for f in count_figures(r.clause, language)
    )


def _small_price(purchase: Relation, language: str) -> bool:
    """The purchase's clause states a price, and no more than a small one."""
    sums = money_figures(purchase.clause, language)
    return bool(sums) and all((f.high or f.low or 0.0) <= SMALL_PRICE for f in sums)


def _called_acquihire(live: list[Relation], framed: _Framing) -> bool:
    """A purchase told in a sentence that calls it an acqui-hire (not one it sets against them:
    "… compared to the $16 billion buyout of Flipkart by Walmart")."""
    contrasted = lexicon_for(framed.language).cues["contrasted"]
    return any(
        r.kind == "acquire"
        and r.sentence in framed.acquihire_sentences
        and not _set_against(r, contrasted)
        for r in live
    )


def _set_against(r: Relation, contrasted: re.Pattern[str]) -> bool:
    """The purchase's startup is named after a word of contrast in its clause."""
    said = contrasted.search(fold(r.clause))
    return said is not None and r.clause.find(r.target, said.end()) != -1


def _has_talent_terms(live: list[Relation]) -> bool:
    """A licence, a stake or an acqui-hire: terms a plain purchase does not have, said between the
    two companies (not guessed from a clause that names one: "a retention plan … in Nvidia shares")."""
    return any(
        r.kind in {"licence", "stake", "acquihire"} and r.strength > STRENGTH_CLAUSE for r in live
    )


def _team_moves(live: list[Relation], *, at_least: float = 0.9) -> bool:
    """Founders or a team (more than one person) move, in a hire this strong."""
    return any(r.plural for r in live if r.kind == "hire" and r.strength >= at_least)


def _payment_implied(
    a: str,
    t: str,
    rels: list[Relation],
    framed: _Framing,
    hire: float,
    *,
    acquire: bool,
    talent: bool,
) -> tuple[float, str] | None:
    """A hire with no payment stated: the payment the rest of the text implies, and why. One
    person who "joined Meta from another startup" is a job move, whatever the framing around it,
    unless the payment names that startup too."""
    if acquire and talent:
        return hire, "bought, and told as a purchase of its people"
    team = any(r.plural for r in rels if r.kind == "hire")
    paid_for_it = bool(framed.paid.get(a, set()) & framed.paid.get(t, set()))
    if _pays_nearby(a, rels, framed) and (team or paid_for_it):
        return STRENGTH_CLAUSE, f"{a} pays a sum next to the hire"
    if talent and team:
        return STRENGTH_CLAUSE, "framed as an acqui-hire"
    return None


def _hire_implied(
    a: str,
    t: str,
    rels: list[Relation],
    live: list[Relation],
    framed: _Framing,
    money: float,
    *,
    talent: bool,
) -> str | None:
    """A payment with no hire stated: why the rest of the text says people move, if it does."""
    if framed.hiring_sentences.get(a, set()) & framed.hiring_sentences.get(t, set()):
        return "both named where people move"
    # where the payer takes people on, not the people of another company it is read hiring
    # ("Harbor … hires Quillbyte's co-founders. In 2021, Harbor paid $90 million for Halcyon":
    # Quillbyte's people, not Halcyon's)
    hiring = {
        i
        for i in framed.hiring_sentences.get(a, set())
        if not framed.hired_from.get((a, i), set()) - {t}
    }
    if (
        money >= 1.0
        and hiring
        and any(not r.background for r in live)  # "… follows its $4.9 billion ZT Systems deal"
        and (_near(hiring, rels, 2) or min(hiring) <= 2)
    ):
        return f"people join {a} next to the deal"
    if talent and money >= 1.0 or any(r.sentence in framed.acquihire_sentences for r in live):
        return "framed as an acqui-hire"
    if money >= 0.6 and any(r.sentence in framed.talent_context for r in live):
        return "told among talent deals"
    return None


def _deal_kind(t: str, live: list[Relation], framed: _Framing, lex: Lexicon) -> str:
    """What kind of talent deal the relations tell: an acqui-hire, a licence, an investment, or
    a hire paid for some other way."""
    kinds = {r.kind for r in live}
    if (
        "acquihire" in kinds
        or ("acquire" in kinds and "licence" not in kinds and "stake" not in kinds)
        or t in framed.acquihire
        and "licence" not in kinds
    ):
        return "acquihire"
    if "licence" in kinds:
        return "licence_and_hire"
    if "stake" in kinds or any(
        r.kind in MONEY_KINDS and lex.cues["invest"].search(fold(r.clause)) for r in live
    ):
        return "investment_and_hire"
    return "talent_deal"


def _deal_people(t: str, live: list[Relation], names: Names, framed: _Framing) -> list[str]:
    """The people who move with startup ``t``: named in its hires and not of another company,
    then the people of ``t`` named where a hire is told."""
    people: list[str] = []
    for r in live:
        for p in r.people if r.kind in {"hire", "acquihire"} else ():
            home = names.known_homes.get((p, r.acquirer)) or names.affiliation.get(p, t)
            if home == t and p not in people:
                people.append(p)
    for p, home in names.affiliation.items():
        if (
            home == t
            and p not in people
            and any(p in r.people or p in _named_in(r, names) for r in live if r.kind == "hire")
        ):
            people.append(p)
    # (people the text ties to no company, who join or are hired in a sentence that tells the
    # startup's people moving: "Both Stone and cofounder Ben Finkel are joining Pinterest")
    known_people = {n for n, _ in names.known_homes}  # (the watchlist says which deal moved them)
    for r in live:
        if r.kind not in {"hire", "acquihire"} or r.background:
            continue
        s = framed.sentences[r.sentence]
        cues = framed.cues_of[r.sentence]
        for run in _runs_of_people(s.folded, names.people[r.sentence]):
            if not _moves_in(s.folded, run[0].start, run[-1].end, cues, names.orgs[r.sentence]):
                continue
            for m in run:
                p = m.name
                if not (
                    p in people
                    or p in names.affiliation
                    or p in names.leaders  # (a listed company's leader, "Mark Zuckerberg")
                    or p in known_people
                ):
                    people.append(p)
    return people


# Between two people of one list: a comma or "and" ("along with"), and at most two words saying
# what the next one is ("designer Daniel Burka", "his cofounder Scott Ostler", "employees Akiva
# Leffert")
_LISTED_BESIDE = re.compile(
    r"\s*(?:,\s*(?:and\s+|along\s+with\s+)?|\s+and\s+|\s+along\s+with\s+)"
    r"(?:(?:his|her|their)\s+)?(?:[\w-]+\s+){0,2}"
)


def _runs_of_people(folded: str, people: Sequence[PersonMention]) -> list[list[PersonMention]]:
    """A sentence's people in runs the text lists together."""
    runs: list[list[PersonMention]] = []
    for p in sorted(people, key=lambda p: p.start):
        if runs and _LISTED_BESIDE.fullmatch(folded, runs[-1][-1].end, p.start):
            runs[-1].append(p)
        else:
            runs.append([p])
    return runs


# How far from a person's name the verb that moves them may stand
_MOVER_REACH = 60


def _moves_in(
    folded: str, start: int, end: int, cues: SentenceCues, orgs: Sequence[OrgMention]
) -> bool:
    """The person named at ``start:end`` is the one a joining verb after them or a hiring verb
    before them moves, no company named between."""
    joins = cues.lex.cues["join"].search(folded, end, end + _MOVER_REACH)
    if joins is not None and not any(end <= o.start < joins.start() for o in orgs):
        return True
    hired = list(cues.lex.cues["hire"].finditer(folded, max(0, start - _MOVER_REACH), start))
    return bool(hired) and not any(hired[-1].end() <= o.start < start for o in orgs)


def _named_in(r: Relation, names: Names) -> set[str]:
    """The people named in a relation's sentence."""
    return {p.name for p in names.people[r.sentence]}


def _one_per_target(deals: list[Deal], watchlist: Watchlist) -> list[Deal]:
    """A startup is one deal's target: the talent deal the watchlist knows for it, when the text
    tells it, else the payer with the strongest evidence (a later buyer of what was left, told
    beside it, is not that deal)."""
    known = {(k.acquirer, k.target) for k in watchlist.deals}
    best: dict[str, Deal] = {}
    for d in deals:
        kept = best.get(d.target)
        if kept is None or ((d.acquirer, d.target) in known, d.confidence) > (
            (kept.acquirer, kept.target) in known,
            kept.confidence,
        ):
            best[d.target] = d
    return [d for d in deals if best[d.target] is d]


# A word of small letters and a full stop: the end of a sentence (not "A.I.", not "Inc.").
_ENDS_A_SENTENCE = re.compile(r"[a-z]{2}\.$")


def _headline_tells_a_payment(headline: Sentence, cues: SentenceCues) -> bool:
    """ "… por el que Google desembolsó 2700 millones de dólares": the payer pays a written sum
    (not one person's pay, not a figure of something else)."""
    return (
        cues.present("pay")
        and any(ch.isdigit() for ch in headline.raw)
        and not cues.present("pay_package")
        and not cues.present("other_money")
        and not cues.present("funding")
    )


def _headline_tells_a_deal(headline: Sentence, cues: SentenceCues) -> bool:
    """People moving, money paid, or a deal in so many words."""
    return (
        _headline_tells_hiring(cues)
        or _headline_tells_a_payment(headline, cues)
        or cues.present("deal")
    )


def _headline_tells_hiring(cues: SentenceCues) -> bool:
    """A headline that says people are hired, move or are dealt for ("Meta hires ...", "... joins
    Google", "Deal für Windsurf-Talente"), not one that only names people ("AI talent costs heat up")
    nor one that says hiring stopped ("Meta congela contratações")."""
    if cues.present("hiring_halt"):
        return False
    return (
        cues.present("hire")
        or cues.present("acquihire")
        or cues.present("team")
        and (cues.present("join") or cues.present("deal") or cues.present("licence"))
    )


def _told_before_the_news(
    deals: list[Deal],
    headline: Sentence | None,
    headline_orgs: set[str],
    cues_of: Sequence[SentenceCues],
) -> set[int]:
    """The deals (by ``id``) of an article whose headline says hiring stopped ("Meta congela
    contratações") and does not name their startup, or tells what came after a deal and no
    purchase or hire ("Google, Character.AI agree to settle suits", "… cut ties with Scale AI"):
    what came before the headline's news, no subject."""
    if headline is None:
        return set()
    cues = cues_of[headline.index]
    if cues.present("hiring_halt"):
        return {id(d) for d in deals if d.target not in headline_orgs}
    if cues.present("aftermath") and not any(
        cues.present(c) for c in ("hire", "join", "acquire", "acquihire")
    ):
        return {id(d) for d in deals}
    return set()


def _series_headline(
    deals: list[Deal],
    names: Names,
    cues: SentenceCues,
    headline_orgs: set[str],
    headline_index: int,
) -> bool:
    """ "Nvidia's AI21 talks, Meta's Manus purchase: a string of cases": a headline about a series
    of deals, naming two payers, heads a round-up; so does one about the practice ("Why
    acqui-hires are reshaping AI investments"), told through deals of several buyers none of
    whose startups it names ("Google acqui-hires two teams" is one buyer's news)."""
    if not cues.present("series"):
        return False
    payers = {o.name for o in names.orgs[headline_index] if names.kinds.get(o.name) == "acquirer"}
    return len(payers) >= 2 or (
        len({d.acquirer for d in deals}) >= 2 and not any(d.target in headline_orgs for d in deals)
    )


def _assign_roles(
    deals: list[Deal],
    sentences: Sequence[Sentence],
    names: Names,
    cues_of: Sequence[SentenceCues],
    relations: Sequence[Relation] = (),
) -> list[Deal]:
    """The article's subject is the deal it leads with or keeps coming back to; the rest are mentioned.

    A deal is the subject when its headline names it with a deal word, when the first
    sentence of the body tells it (not as background), when the next two sentences tell
    it (neither as background nor dated), or when the article keeps coming back to it.
    An article that tells three or more deals and headlines none is a round-up: all mentioned.
    """
    if not deals:
        return deals
    headline = sentences[0] if sentences and sentences[0].is_headline else None
    body = [s.index for s in sentences if not s.is_headline]
    first = set(body[:1]) | ({headline.index} if headline else set())
    next_two = set(body[1 : 1 + LEAD_SENTENCES - 1])
    mentions = {d.target: len(names.sentences_naming(d.target)) for d in deals}
    first_named = {d.target: min(names.sentences_naming(d.target), default=0) for d in deals}
    total = sum(mentions.values()) or 1
    headline_orgs = {o.name for o in names.orgs[headline.index]} if headline else set()
    headline_people = {p.name for p in names.people[headline.index]} if headline else set()
    headline_cue = headline is not None and _headline_cue(cues_of[headline.index])
    deals_by_acquirer: dict[str, int] = defaultdict(int)
    for d in deals:
        deals_by_acquirer[d.acquirer] += 1

    # "Cognition will acquire Windsurf, the startup that lost its team to Google": the lead tells
    # another company's purchase of the startup, the talent deal is what came before it.
    lead_purchases = [
        r
        for r in relations
        if r.sentence in first | next_two
        and r.kind == "acquire"
        and r.strength >= STRENGTH_FRAME
        and not (r.background or r.failed)
    ]

    def bought_by_another(d: Deal) -> bool:
        return any(
            r.target == d.target and r.acquirer not in (d.acquirer, d.target)
            for r in lead_purchases
        )

    def headlined(d: Deal) -> bool:
        if (
            headline is None
            or not headline_cue
            or _headline_background(headline, names, d, cues_of[headline.index].lex)
        ):
            return False
        others = headline_orgs - {d.acquirer, d.target}
        named = d.target in headline_orgs or bool(headline_people & set(d.people))
        if named:
            # ("Cognition übernimmt Windsurf", the lead telling Cognition's purchase: not Google's deal)
            # the startup alone: a headline that tells people moving or money paid ("The new CEO of
            # Character.AI says it gave up on AGI" is about the startup, not the deal)
            return d.acquirer in headline_orgs or (
                not (others or bought_by_another(d))
                and _headline_tells_a_deal(headline, cues_of[headline.index])
            )
        return (
            d.acquirer in headline_orgs
            and not others
            and deals_by_acquirer[d.acquirer] == 1
            # a headline, not a lead sentence standing first ("After spending months hiring …, Meta
            # has put a freeze on hiring."): a headline does not end on a full stop
            and not _ENDS_A_SENTENCE.search(headline.raw.rstrip())
            and (
                _headline_tells_hiring(cues_of[headline.index])
                or _headline_tells_a_payment(headline, cues_of[headline.index])
            )
        )

    def told_there(d: Deal, r: Relation) -> bool:
        """A relation the reader can follow where it stands: not one whose startup the text
        only names later ("Meta cuts 600 jobs", Scale AI first named three sentences on)."""
        return r.strength > STRENGTH_IMPLIED or first_named.get(d.target, r.sentence) <= r.sentence

    def leads(d: Deal) -> bool:
        return not bought_by_another(d) and (
            any(r.sentence in first and not r.background and told_there(d, r) for r in d.relations)
            or any(
                r.sentence in next_two and not r.background and not r.dated and told_there(d, r)
                for r in d.relations
            )
        )

    # "Cognition buys what is left of Windsurf": the headline tells another company's deal for the
    # startup, so the article is about that one even when it keeps naming the startup.
    headline_events = [
        r for r in relations if headline is not None and r.sentence == headline.index
    ]

    def upstaged(d: Deal) -> bool:
        return any(
            r.target == d.target and r.acquirer not in (d.acquirer, d.target)
            for r in headline_events
        )

    startups_named = Counter(
        o.name
        for found in names.orgs
        for o in {m.name: m for m in found}.values()
        if names.kinds.get(o.name) != "acquirer"
    )

    def dominates(d: Deal) -> bool:
        # told in two sentences at least, by more than what the rest of the text implies, and its
        # startup named more than any other ("Meta eyed Perplexity before its Scale AI deal": the
        # article is about Perplexity, which is in no deal)
        told = {r.sentence for r in d.relations if r.strength > STRENGTH_IMPLIED}
        return (
            len(told) >= 2
            # ("Weeks after Meta poured $14.3 billion into Scale AI, the startup is cutting 200
            # jobs": a text about the startup that tells the deal only as background)
            and any(not r.background for r in d.relations if r.strength > STRENGTH_IMPLIED)
            and mentions[d.target] >= DOMINANT_MENTIONS + 1
            and mentions[d.target] / total >= DOMINANT_SHARE
            and all(n <= mentions[d.target] for o, n in startups_named.items() if o != d.target)
            and not upstaged(d)
            and not bought_by_another(d)
        )

    in_front = [d for d in deals if d.told_in_front or any(not r.background for r in d.relations)]

    def stands_out(d: Deal) -> bool:
        """Told in more sentences, and named twice as often, as any other deal of the article (whose
        sentences of background, "a similar agreement with Adept", do not count)."""
        told = len({r.sentence for r in d.relations})
        rivals = [x for x in deals if x is not d]
        return leads(d) and all(
            told > len({r.sentence for r in x.relations if not r.background})
            and mentions[d.target] >= 2 * mentions[x.target]
            for x in rivals
        )

    series_headline = headline is not None and _series_headline(
        deals, names, cues_of[headline.index], headline_orgs, headline.index
    )
    roundup = series_headline or (
        not any(headlined(d) for d in deals)
        and len(in_front) >= ROUNDUP_DEALS
        and not any(stands_out(d) for d in deals)
    )
    before_news = _told_before_the_news(deals, headline, headline_orgs, cues_of)
    candidates = [
        d for d in deals if (headlined(d) or leads(d) or dominates(d)) and id(d) not in before_news
    ]
    subject = None
    if candidates and not roundup:
        subject = max(
            candidates,
            key=lambda d: (headlined(d), leads(d), dominates(d), mentions[d.target], d.confidence),
        )
    subjects = {id(subject)} if subject is not None else set()
    subjects |= _headlined_together(
        deals, headline, headline_orgs, told=headline_cue and not roundup
    )
    subjects -= before_news
    for d in deals:
        d.upstaged = bought_by_another(d) or upstaged(d)
        d.in_series = series_headline
        d.before_the_news = id(d) in before_news
        d.role = "subject" if id(d) in subjects else "mentioned"
        if d.role != "subject":
            d.confidence = round(min(d.confidence, MENTIONED_CEILING), 3)
    return deals


# A headline that counts the startups or teams one buyer takes ("Spotify acquires two
# start-ups", "DeepMind Acqui-Hires Two AI Teams"): as many of its deals are the subjects. (In
# English or in digits: the other languages' headlines in the real sets count none.)
_COUNTED_IN_HEADLINE = re.compile(
    r"\b(two|three|four|2|3|4)\s+(?:[\w-]+\s+){0,2}?(?:start-?ups|companies|teams|firms)\b",
    re.IGNORECASE,
)
_COUNTS = {"two": 2, "three": 3, "four": 4}


def _headlined_together(
    deals: list[Deal], headline: Sentence | None, headline_orgs: set[str], *, told: bool
) -> set[int]:
    """The deals (by ``id``) a headline tells together: one buyer's, when the headline names it
    and the startups of two or more of its deals ("Pinterest Acquires The Hunt and Pext"), or
    counts them ("Spotify acquires two start-ups") and the body tells each as news. ``told``:
    the headline tells a deal at all, and the article is no round-up."""
    if headline is None or not told:
        return set()
    counted = _COUNTED_IN_HEADLINE.search(headline.raw)
    count = 0
    if counted is not None:
        word = counted.group(1).lower()
        count = int(word) if word.isdigit() else _COUNTS[word]
    out: set[int] = set()
    for buyer in headline_orgs:
        own = [d for d in deals if d.acquirer == buyer]
        named = [d for d in own if d.target in headline_orgs]
        as_news = [d for d in own if any(not r.background for r in d.relations)]
        if len(named) >= 2:
            out |= {id(d) for d in named}
        elif count >= 2 and 2 <= len(as_news) <= count:
            out |= {id(d) for d in as_news}
    return out
