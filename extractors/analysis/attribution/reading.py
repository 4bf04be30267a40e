"""What every reading of a figure shares: the article's deals and names, the clause a figure stands
in, the words around it, and the record of what a figure was found to state (``Attribution``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from extractors.analysis.deals import Deal
from extractors.analysis.figures import Figure
from extractors.analysis.lexicon import Lexicon, SentenceCues
from extractors.analysis.names import Names, OrgMention, past_employer_before
from extractors.analysis.relations import (
    MONEY_KINDS,
    Relation,
)
from extractors.analysis.text import Sentence, clause_bounds, fold
from extractors.urls import slug

# Characters around a figure read for its cue words.
CUE_BEFORE = 60
CUE_AFTER = 45
# Confidence of each way a metric is known, before the deal's own confidence weighs in.
CUE_EXPLICIT = 0.92  # "valued at", "raised", "licence fee", "stake", "founded in"
CUE_DEAL = 0.85  # "pays", "invests", "deal", "for a stake"

# People right after a company's name: "Google engineers"
PEOPLE_AFTER = re.compile(
    r"(?:'s|’s)?\s+(?:engineers?|employees?|executives?|researchers?|staff(?:ers)?|veterans?|alumni)\b"
)

# A word of people moving or leaving, anywhere in the sentence ("will join", "are moving").
STAFF_MOVE = re.compile(
    r"\b(?:mov\w*|join\w*|transition\w*|go(?:es|ing)?\b|follow\w*|leav\w*|hir\w*|depart\w*|embauch\w*|wechsel\w*|rejoin\w*)",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Attribution:
    figure: Figure
    sentence: int
    deal: Deal | None
    metric: str | None
    person: str | None
    confidence: float
    reason: str  # why this metric, or why none


def _deal_parties(deals: Sequence[Deal]) -> dict[str, list[Deal]]:
    out: dict[str, list[Deal]] = {}
    for d in deals:
        out.setdefault(d.target, []).append(d)
        out.setdefault(d.acquirer, []).append(d)
    return out


# A metric, the confidence of its cue, and why (or no metric, and why none).
Verdict = tuple[str | None, float, str]

CJK_PHRASE_BREAK = re.compile(r"[，、；：。,;]")


class _OthersPaid(NamedTuple):
    """What else the sentences tell is bought or paid, by sentence (``_others_paid``)."""

    buyers: dict[tuple[int, str], set[str]]  # (sentence, startup) -> others buying it
    purchases: dict[tuple[int, str], set[str]]  # (sentence, payer) -> others it buys
    payer_bought_by: dict[int, set[str]]  # sentence -> companies buying a deal's payer


def _others_paid(relations: Sequence[Relation], deals: Sequence[Deal]) -> _OthersPaid:
    """From the purchases and payments each sentence tells, read once:
    (sentence, startup) -> the companies that buy or pay a deal's startup and are not the payer
    of any of the article's deals for it ("OpenAI struck a deal to buy Windsurf", in a story of
    Google's deal with Windsurf); (sentence, payer) -> the companies a deal's payer buys or
    pays that are party to none of the article's deals ("the $500 million Facebook was ready to
    put on the table to take Twitter", in a story of Facebook buying FriendFeed); and sentence ->
    the companies that buy a deal's payer ("Verizon completed its purchase of Yahoo", in a story
    of Yahoo's Summly)."""
    payers_of: dict[str, set[str]] = {}
    for d in deals:
        payers_of.setdefault(d.target, set()).add(d.acquirer)
    deal_payers = {d.acquirer for d in deals}
    parties = {slug(p) for d in deals for p in (d.acquirer, d.target)}  # ("Character.ai")
    found = _OthersPaid({}, {}, {})
    for r in relations:
        if not (r.kind == "acquire" or r.kind in MONEY_KINDS):
            continue
        if r.target in payers_of and r.acquirer not in payers_of[r.target] | {r.target}:
            found.buyers.setdefault((r.sentence, r.target), set()).add(r.acquirer)
        if r.acquirer in deal_payers and slug(r.target) not in parties:
            found.purchases.setdefault((r.sentence, r.acquirer), set()).add(r.target)
        if r.kind == "acquire" and r.target in deal_payers and slug(r.acquirer) not in parties:
            found.payer_bought_by.setdefault(r.sentence, set()).add(r.acquirer)
    return found


# How far before a count a word saying who stays behind is read: "the remaining 250 employees",
# "leaving behind most of its team of 250 people", "dejando atrás a gran parte de su equipo de 250"
REMAINING_REACH = 45


class Reading:
    """The article read so far, and the helpers every kind of figure is read with."""

    def __init__(
        self,
        sentences: Sequence[Sentence],
        names: Names,
        deals: Sequence[Deal],
        lex: Lexicon,
        english: bool,
        cues_of: Sequence[SentenceCues],
        relations: Sequence[Relation] = (),
    ) -> None:
        self.sentences = sentences
        self.names = names
        self.cues_of = cues_of
        self.deals = list(deals)
        self.lex = lex
        self.english = english
        self.parties = _deal_parties(deals)
        self.payers = {d.acquirer for d in deals}
        self.subject = next((d for d in deals if d.role == "subject"), None)
        self.last_deal: tuple[int, Deal] | None = None
        self._current: Sentence | None = None
        self._current_deal: Deal | None = None
        self._sum_told_before = False  # whether a sum comes before the figure in its sentence
        self._sum_starts: list[int] = []  # where each sum of the sentence being read starts
        # whether the figure is paired with its deal by "respectively" (the sentence's other
        # companies stand before it as the lists' items, not as its payers)
        self._paired_in_order = False
        self.person_deal: dict[str, Deal] = {}
        self._clauses: dict[tuple[int, int], tuple[int, int]] = {}  # (sentence, place) -> clause
        for d in deals:
            for p in d.people:
                self.person_deal.setdefault(p, d)
        for p, home in names.affiliation.items():
            for d in deals:
                if d.target == home:
                    self.person_deal.setdefault(p, d)
        self.other_buyers, self.other_purchases, self.payer_bought_by = _others_paid(
            relations, deals
        )
        # companies named where the text says a price is not told ("the amount … is not revealed")
        self.price_untold = {
            o.name
            for s in sentences
            if cues_of[s.index].present("undisclosed")
            for o in names.orgs[s.index]
        }

    def _clause_of(self, s: Sentence, at: int) -> tuple[int, int]:
        """``clause_bounds(s.raw, at)``, found once per sentence and place."""
        key = (s.index, at)
        found = self._clauses.get(key)
        if found is None:
            found = self._clauses[key] = clause_bounds(s.raw, at)
        return found

    def _left(self, s: Sentence, fig: Figure, reason: str) -> Attribution:
        return Attribution(fig, s.index, None, None, None, 0.0, reason)

    def _window(self, s: Sentence, fig: Figure) -> tuple[str, str, str]:
        c_lo, c_hi = self._clause_of(s, fig.start)
        lo = max(c_lo, fig.start - CUE_BEFORE)
        before = s.raw[lo : fig.start]
        after = s.raw[fig.end : min(c_hi, fig.end + CUE_AFTER)]
        if not self.lex.spaced:
            # a character of Chinese or Japanese says about what a word says elsewhere: the
            # window ends at the phrases' commas, not some forty words away
            before = "，".join(CJK_PHRASE_BREAK.split(before)[-2:])  # its phrase and the one before
            after = CJK_PHRASE_BREAK.split(after)[0]
        return before, after, s.raw[c_lo:c_hi]

    def _says(self, cue: str, text: str) -> re.Match[str] | None:
        return self.lex.cues[cue].search(fold(text))

    def _clause_after(self, s: Sentence, fig: Figure) -> str:
        _, c_hi = self._clause_of(s, fig.start)
        return s.raw[fig.end : min(c_hi, fig.end + 140)]

    def _named_before(self, s: Sentence, fig: Figure) -> list[OrgMention]:
        """The companies named in the figure's clause before it, in text order."""
        c_lo, _ = self._clause_of(s, fig.start)
        return [o for o in self.names.orgs[s.index] if c_lo <= o.start < fig.start]

    def _subject_before(self, s: Sentence, fig: Figure) -> str | None:
        """The company named last before the figure in its clause (who raised it, who is valued),
        not where people once worked ("founded by two former Harbor engineers and has raised")."""
        named = self._named_before(s, fig)
        if not named or (
            past_employer_before(s, named[-1].start) and PEOPLE_AFTER.match(s.raw, named[-1].end)
        ):
            return None
        return named[-1].name

    def _sentence_now(self) -> str:
        """The sentence whose figures are being attributed."""
        return self._current.raw if self._current is not None else ""

    def _aliases(self, org: str) -> list[str]:
        return sorted(self.names.aliases.get(org, {org}) | {org}, key=len, reverse=True)

    def _after_the_name_of(self, org: str, text: str) -> str | None:
        """The rest of ``text`` past the company's name it opens on (any of its spellings, in any
        case, a whole word), or None when it opens on no name of it."""
        folded = fold(text)
        for name in self._aliases(org):
            spelt = fold(name)
            if folded.startswith(spelt) and not folded[len(spelt) : len(spelt) + 1].isalnum():
                return text[len(spelt) :]
        return None

    def _party_names(self, deal: Deal) -> list[str]:
        return self._aliases(deal.target) + self._aliases(deal.acquirer)

    def _party_names_all(self) -> list[str]:
        return [n for d in self.deals for n in self._party_names(d)]

    def _names_party(self, text: str, deal: Deal) -> bool:
        return any(n in text for n in self._party_names(deal))
