"""Which deal a figure is about, and the metric it states: the figures of one article, sentence by
sentence, in text order, each read by what it is (money, a share, a count, an age).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from extractors.analysis.attribution.ages import AgeReading
from extractors.analysis.attribution.counts import CountReading
from extractors.analysis.attribution.money import MoneyReading
from extractors.analysis.attribution.reading import CUE_EXPLICIT, PEOPLE_AFTER, Attribution
from extractors.analysis.attribution.shares import ShareReading
from extractors.analysis.deals import Deal
from extractors.analysis.figures import Figure
from extractors.analysis.names import OrgMention, past_employer_before
from extractors.analysis.relations import SOURCE_BEFORE, respective_pairs
from extractors.analysis.text import Sentence, fold

# How many sentences back a figure without a named party may still belong to the deal last named.
CARRY_SENTENCES = 2

# How directly the clause names the deal.
NAMED_IN_CLAUSE = 1.0
NAMED_IN_SENTENCE = 0.93
# How far apart the sums of one list may stand ("6.5亿美元、27亿美元", "$650 million, $2.7 billion and").
LISTED_SUMS_GAP = 8
CARRIED = 0.8
OTHER_LANGUAGE = 0.95
AMBIGUOUS = 0.85
STRANGER = 0.85

_PAREN_BEFORE = re.compile(
    r"[(（]\s*(?:about|approximately|around|roughly|some|약|約|约|c\.|ca\.|environ|circa|rund|etwa|unos|cerca\s+de|~)?\s*$",
    re.IGNORECASE,
)


# Names after a figure that list investors or rivals: "$415 million from investors including Microsoft".
# A sum tied to the company right after it: "$20 billion licence of Groq's", "$14.3 billion in Scale AI".
@cache
def _tied_after_rx(tied_to: str) -> re.Pattern[str]:
    """Up to three words after a sum, a word of the language's ``tied_to`` class and up to two
    more, then a capital: where the company the sum is tied to starts."""
    return re.compile(
        r"\s*(?:(?!investors|including|backers)[\w-]+\s+){0,3}?"
        rf"(?:{tied_to})\s+(?:the\s+)?(?:(?!investors|including|backers)[\w-]+\s+){{0,2}}?(?=[A-Z])"
    )


# "a $16 billion stake in Nimbus …": the sum bought a stake in the company named after it
_STAKE_IN_AFTER = re.compile(r"\s+(?:[\w-]+\s+){0,2}?stakes?\s+in\s+(?P<name>[A-Z][\w.&’'-]*)")
# In a script without spaces the verb stands between the sum (and its conversion) and the company:
# "斥資50億美元(約合人民幣355億元)入股英特爾" (spends $5 billion to buy into Intel)
_CONVERSION_AFTER = re.compile(r"\s*(?:[(（][^)）]{0,30}[)）])?\s*")
_TYING_VERBS = ("invest", "acquire")
# A deal's noun right after a sum, and the payer it is "of": "2,4-Milliarden-Dollar-Deal von Alphabet".
_DEAL_BY_AFTER = re.compile(
    r"-?\s*(?:deal|investment|investition|abkommen|vereinbarung|acuerdo|accord|accordo|acordo)\s+"
    r"(?:von|by|from|de|del|di|of|par|da|do)\s+(?:der\s+|dem\s+|the\s+)?",
    re.IGNORECASE,
)
# A deal's own noun right after the company a sum stands before: "$14B Scale AI deal".
_DEAL_NOUN_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:[\w-]+\s+)?(?:deal|investment|acquisition|acqui-?hire|licen[cs]e|licensing|stake|bet|agreement|arrangement|pact)\b",
    re.IGNORECASE,
)
_LISTED_AFTER = re.compile(
    r"\b(?:according\s+to|per|citing|from|including|includ\w+|led\s+by|by|with|such\s+as|like|as\s+well\s+as|investors|backers|rivals|"
    r"lideradas?\s+pela?|liderad[ao]s?\s+por|menées?\s+par|angeführt\s+von|từ|như|bao\s+gồm)\b"
)

# Where a figure was read, after the company: "its LinkedIn page", "Crunchbase data", "the
# AllThingsD blog, however, reported" (before it,
# ``SOURCE_BEFORE``: "according to LinkedIn").
_SOURCE_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:account|page|profile|data|database|filings?|estimates?|blog|reports?)\b",
    re.IGNORECASE,
)
# Investors listed after "investors including" ("raised money from investors including SV Angel,
# Lerer Ventures and Betaworks for a total of $2 million"): they paid in, the figure is not theirs
_INVESTORS_LISTED_BEFORE = re.compile(
    r"\b(?:investors?|backers?|funds?)\s+(?:including|such\s+as|like)\s+"
    r"(?:[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3}\s*(?:,\s*(?:and\s+)?|\s+and\s+))*$"
)


def _a_source(raw: str, org: OrgMention) -> bool:
    """The company is named as where a figure was read, not as what it is about."""
    return bool(
        SOURCE_BEFORE.search(fold(raw[max(0, org.start - 30) : org.start]))
        or _SOURCE_AFTER.match(raw, org.end)
    )


# A bracket right after a figure
_ASIDE_OPENS = re.compile(r"\s*\(")


def _past_an_aside(raw: str, at: int) -> int:
    """Where the sentence goes on after a bracket that opens right after a figure ending at
    ``at``: an aside there ("the deal is a little over $8m (… the paidContent deal, which was
    rumoured to be worth $30m.)") speaks of something else, and names nothing the figure is of."""
    opens = _ASIDE_OPENS.match(raw, at)
    if opens is None:
        return at
    close = raw.find(")", opens.end())
    return len(raw) if close < 0 else close + 1


class Attributor(MoneyReading, ShareReading, CountReading, AgeReading):
    """Attributes the figures of one article, sentence by sentence, in text order."""

    def _deal_near(
        self, s: Sentence, position: int, lo: int, hi: int, *, after: bool
    ) -> tuple[Deal | None, int, str | None]:
        """The deal whose party is named nearest the figure in [lo, hi), its distance, and any other
        company named nearer. Names after the figure that follow "from", "including", "led by" are
        a list of investors or rivals, not what the figure is about."""
        best: tuple[int, Deal] | None = None
        other: tuple[int, str] | None = None
        acquirers = {d.acquirer for d in self.deals}
        targets = {d.target for d in self.deals}
        for o in self.names.orgs[s.index]:
            if not lo <= o.start < hi:
                continue
            if after and _LISTED_AFTER.search(fold(s.raw[position : o.start])):
                continue
            if o.name not in self.parties and (
                _a_source(s.raw, o)
                or _INVESTORS_LISTED_BEFORE.search(s.raw, max(0, o.start - 120), o.start)
            ):
                # "according to LinkedIn, about 25 people worked there": who tells it; "from
                # investors including SV Angel": who paid in
                continue
            distance = abs(o.start - position)
            candidates = self.parties.get(o.name, [])
            if o.name in acquirers and o.name not in targets:
                candidates = [
                    d for d in candidates if sum(1 for x in self.deals if x.acquirer == o.name) == 1
                ]
            if candidates:
                pick = next((d for d in candidates if d.target == o.name), candidates[0])
                if best is None or distance < best[0]:
                    best = (distance, pick)
            elif (
                not o.generic
                and o.name not in acquirers
                and self.names.is_confirmed(o.name)
                and not (  # "three former Google engineers": where people once worked
                    past_employer_before(s, o.start) and PEOPLE_AFTER.match(s.raw, o.end)
                )
                and (other is None or distance < other[0])
            ):
                other = (
                    distance,
                    o.name,
                )  # only a name the text treats as a company can own a figure
        for p in self.names.people[s.index]:
            if lo <= p.start < hi and p.name in self.person_deal:
                distance = (
                    abs(p.start - position) + 20
                )  # a person ties a figure less than a company
                if best is None or distance < best[0]:
                    best = (distance, self.person_deal[p.name])
        if best is None:
            return None, 0, other[1] if other else None
        nearer_other = other[1] if other and other[0] < best[0] else None
        return best[1], best[0], nearer_other

    def deal_for(self, s: Sentence, fig: Figure) -> tuple[Deal | None, float, str]:
        """The deal a figure is about: named before it in its clause (the clause's subject), else
        after it, else in its sentence, else the deal the text was just talking about."""
        c_lo, c_hi = self._clause_of(s, fig.start)
        tied = self._deal_tied_after(s, fig, c_hi)
        if tied is not None:
            return tied
        in_clause = [o for o in self.names.orgs[s.index] if c_lo <= o.start < c_hi]
        inside = next(
            (
                o.name
                for o in in_clause
                if fig.start <= o.start < fig.end and o.name in self.parties
            ),
            None,
        )
        if (
            fig.kind == "count"
            and inside is not None
            and all(o.name in self.parties for o in in_clause)
        ):
            # "said five out of the seven Cord staffers will be joining Spotify": the people of
            # the company the count names, where the clause names no company outside the deals
            deals = self.parties[inside]
            return next((d for d in deals if d.target == inside), deals[0]), NAMED_IN_CLAUSE, ""
        named = self._deal_named_right_after(s, fig)
        if named is not None:
            return named
        past = _past_an_aside(s.raw, fig.end)
        for lo, hi, after, directness in (
            (c_lo, fig.start, False, NAMED_IN_CLAUSE),
            (past, c_hi, True, NAMED_IN_CLAUSE),
            (0, c_lo, False, NAMED_IN_SENTENCE),
            (max(c_hi, past), len(s.raw), True, NAMED_IN_SENTENCE),
        ):
            deal, _, stranger = self._deal_near(
                s, fig.start if not after else fig.end, lo, hi, after=after
            )
            if stranger is not None:
                return None, 0.0, stranger
            if deal is not None:
                other = self._other_buyers_price(
                    s, fig, deal, c_lo, c_hi
                ) or self._payers_other_purchase(s, fig, deal)
                if other is not None:
                    return None, 0.0, other
                return deal, directness, ""
        if self.last_deal and s.index - self.last_deal[0] <= CARRY_SENTENCES:
            return self.last_deal[1], CARRIED, ""
        if self.subject is not None:
            return self.subject, CARRIED, ""
        if len(self.deals) == 1:
            return self.deals[0], CARRIED * 0.9, ""
        return None, 0.0, ""

    def _other_buyers_price(
        self, s: Sentence, fig: Figure, deal: Deal, c_lo: int, c_hi: int
    ) -> str | None:
        """Another company that the sentence says buys or pays for the deal's startup, named in the
        figure's clause where the deal's payer is not: the sum is that company's offer ("In May,
        OpenAI struck a deal to buy Windsurf for a reported $3 billion", in a story of Google's
        deal with Windsurf), not what the deal pays."""
        if fig.kind != "money":
            return None
        others = self.other_buyers.get((s.index, deal.target))
        if not others:
            return None
        in_clause = {o.name for o in self.names.orgs[s.index] if c_lo <= o.start < c_hi}
        if deal.acquirer in in_clause or not others & in_clause:
            return None
        return min(others & in_clause)

    def _deal_named_right_after(
        self, s: Sentence, fig: Figure
    ) -> tuple[Deal | None, float, str] | None:
        """The deal a sum's next words name ("$14B Scale AI deal", "einen 2,4-Milliarden-Dollar-Deal
        von Alphabet"), or the other purchase it is the price of: another company's deal named
        there, or the purchase of a deal's payer told just before (None: neither)."""
        named_after = next(
            (o for o in self.names.orgs[s.index]
             if o.start > fig.end and s.raw[fig.end : o.start].isspace()),
            None,
        )  # fmt: skip
        if named_after is not None and _DEAL_NOUN_AFTER.match(s.raw, named_after.end):
            # "$14B Scale AI deal"; "its $4.9 billion ZT Systems deal" is another company's
            if named_after.name in self.parties:
                return self.parties[named_after.name][0], NAMED_IN_CLAUSE, ""
            if fig.kind == "money":
                return None, 0.0, named_after.name
        deal_by = _DEAL_BY_AFTER.match(s.raw, fig.end)
        if (
            deal_by
        ):  # "einen 2,4-Milliarden-Dollar-Deal von Alphabet": the deal of the payer named after it
            payer = next(
                (
                    o.name
                    for o in self.names.orgs[s.index]
                    if o.start == deal_by.end() and o.name in self.parties
                ),
                None,
            )
            if payer is not None:
                return self.parties[payer][0], NAMED_IN_CLAUSE, ""
        buyer = self._payers_buyer_before(s, fig)
        if buyer is not None:
            return None, 0.0, buyer
        return None

    def _payers_buyer_before(self, s: Sentence, fig: Figure) -> str | None:
        """The company the sentence before says buys a deal's payer, where this sentence names no
        company before the sum and tells it of a deal ("Verizon completed its purchase of Yahoo.
        The app seems to be the first victim of the $4.5 billion deal", in a story of Yahoo's
        Summly): the sum is that purchase's price."""
        named = self.names.orgs[s.index]
        if (
            fig.kind != "money"
            or any(o.start < fig.start for o in named)
            or any(o.name == d.target for o in named for d in self.deals)
        ):
            return None
        buyers = self.payer_bought_by.get(s.index - 1)
        if not buyers or not self._says("deal", s.raw[fig.end : fig.end + 25]):
            return None
        return min(buyers)

    def _payers_other_purchase(self, s: Sentence, fig: Figure, deal: Deal) -> str | None:
        """The company the sentence says the deal's payer buys or pays, where the sentence names
        neither the deal's startup nor another sum: the sum is that purchase's price ("the $500
        million Facebook was ready to put on the table a year ago to take Twitter", in a story of
        Facebook buying FriendFeed)."""
        if fig.kind != "money":
            return None
        others = self.other_purchases.get((s.index, deal.acquirer))
        if not others:
            return None
        named = self.names.orgs[s.index]
        if any(o.name == deal.target for o in named):
            return None
        if len(self._sum_starts) > 1:
            return None
        return next((o.name for o in named if o.name in others), None)

    def _deal_tied_after(
        self, s: Sentence, fig: Figure, c_hi: int
    ) -> tuple[Deal | None, float, str] | None:
        """The deal of the company a sum is tied to by the words after it ("$14.3 billion in
        Scale AI"), or another company's when it is none of the deals' (None: no such words, or
        no company they tie it to)."""
        tied_end = self._tied_after(s, fig)
        if tied_end is None:
            return None
        # "$20 billion licence of Groq's", "$14.3 billion in Scale AI", "$2.7 billion to
        # Character.AI", "斥資50億美元…入股英特爾"
        deal, _, _ = self._deal_near(s, fig.end, fig.end, min(c_hi, tied_end + 2), after=False)
        if deal is not None:
            return deal, NAMED_IN_CLAUSE, ""
        other = next(
            (
                o
                for o in self.names.orgs[s.index]
                if o.start == tied_end and o.name not in self.parties
            ),
            None,
        )
        if other is not None and fig.kind == "money":
            return None, 0.0, other.name  # "as much as $4 billion in Anthropic": another's money
        stake_in = _STAKE_IN_AFTER.match(s.raw, fig.end)
        if (
            stake_in is not None
            and fig.kind == "money"
            and not any(
                n.startswith(stake_in.group("name")) or stake_in.group("name").startswith(n)
                for n in self._party_names_all()
            )
        ):  # "a $16 billion stake in Nimbus Services Pvt.": a stake in a company of no deal
            return None, 0.0, stake_in.group("name")
        return None

    def _tied_after(self, s: Sentence, fig: Figure) -> int | None:
        """Where the company a sum is tied to starts: after "of", "in", "to" ("$14.3 billion in
        Scale AI"), or, in a script without spaces, after the language's verb of investing or
        buying that follows the sum and its conversion ("50億美元(…)入股英特爾"); None when no
        such words follow it."""
        tied = _tied_after_rx(self.lex.cues["tied_to"].pattern).match(s.raw, fig.end)
        if tied is not None:
            return tied.end()
        if self.lex.spaced:
            return None
        at = _CONVERSION_AFTER.match(s.raw, fig.end)
        pos = at.end() if at else fig.end
        for cue in _TYING_VERBS:
            verb = self.lex.cues[cue].match(s.folded, pos)
            if verb is not None:
                return verb.end()
        return None

    def note_sentence(self, s: Sentence) -> None:
        """Remember the deal a sentence names, for the figures of the next ones."""
        named = [o for o in self.names.orgs[s.index] if o.name in self.parties]
        if named:
            deals = self.parties[named[-1].name]
            if len(deals) == 1 or any(d.target == named[-1].name for d in deals):
                self.last_deal = (s.index, deals[0])
                return
            # a buyer of several startups tells which of its deals only beside the startup
            # ("Adept AI & Amazon (Jun 2024)"); named alone, no one
            buyer = named[-1].name
            beside = (
                d
                for o in reversed(named[:-1])
                for d in self.parties[o.name]
                if d.target == o.name and d.acquirer == buyer
            )
            found = next(beside, None)
            self.last_deal = (s.index, found) if found is not None else None

    def _respective_deals(self, s: Sentence, figures: Sequence[Figure]) -> dict[int, Deal]:
        """The deal of each sum a sentence lists after two lists of as many companies paired by
        "respectively" ("Microsoft, Google and Amazon … from Inflection AI, Character.AI and Adept
        …, the amounts respectively $650 million, $2.7 billion and undisclosed"): the k-th sum is
        the k-th pair's, by where it starts."""
        if not self.cues_of[s.index].present("respectively"):
            return {}
        paired = respective_pairs(s, self.names)
        if not paired:
            return {}
        pairs = [
            next((d for d in self.deals if (d.acquirer, d.target) == (x.name, y.name)), None)
            for x, y in paired
        ]
        lists_end = max(o.end for pair in paired for o in pair)
        after = [f for f in figures if f.kind == "money" and f.start >= lists_end]
        sums = after[:1]  # the first sum after the lists, and those listed right after it
        for later in after[1:]:
            if later.start - sums[-1].end > LISTED_SUMS_GAP:
                break
            sums.append(later)
        if not sums or len(sums) > len(pairs):
            return {}
        return {f.start: d for f, d in zip(sums, pairs, strict=False) if d is not None}

    def attribute(self, s: Sentence, figures: Sequence[Figure]) -> list[Attribution]:
        self._current = s
        self._sum_starts = [f.start for f in figures if f.kind == "money"]
        out: list[Attribution] = []
        previous_money_start, previous_money_end, previous_currency = -10, -10, None
        respective = self._respective_deals(s, figures)
        for fig in figures:
            deal, directness, other = (
                (respective[fig.start], NAMED_IN_SENTENCE, "")
                if fig.start in respective
                else self.deal_for(s, fig)
            )
            converted = (
                fig.kind == "money"
                and (fig.start - previous_money_end) <= 3
                and _PAREN_BEFORE.search(s.raw[: fig.start]) is not None
            )
            judged = fig  # where the words that say what it is are read from
            if converted and (previous_currency == "USD" or fig.currency != "USD"):
                # "$400 million (£300 million)": the dollar sum before it is the claim
                out.append(self._left(s, fig, "a currency conversion of the sum before it"))
                previous_money_end = fig.end
                continue
            if converted:
                # "£300 million ($400 million)": the bracketed dollars stand for the sum before them
                judged = replace(fig, start=previous_money_start)
            self._sum_told_before = previous_money_end >= 0  # a sum before it in the sentence
            if fig.kind == "money":
                previous_money_start, previous_money_end = fig.start, fig.end
                previous_currency = fig.currency
            if deal is None:
                reason = (
                    f"about {other}, which is in no deal here"
                    if other
                    else "no deal is named near it"
                )
                out.append(self._left(s, fig, reason))
                continue
            self._current_deal = deal
            self._paired_in_order = fig.start in respective
            metric, cue, reason = self._metric(s, judged, deal)
            if metric is None:
                out.append(Attribution(fig, s.index, deal, None, None, 0.0, reason))
                continue
            person = None
            if metric == "person_age":
                person = self._person_for(s, fig, deal)
                if person is None:
                    out.append(
                        Attribution(
                            fig,
                            s.index,
                            deal,
                            None,
                            None,
                            0.0,
                            "an age, but of no person of the deal",
                        )
                    )
                    continue
                deal = self.person_deal.get(person, deal)
            if metric == "staff_hired":
                fig = self._with_the_people_named(s, fig, deal)
            confidence = cue * directness * (0.5 + 0.5 * deal.confidence)
            if not self.english:
                confidence *= OTHER_LANGUAGE
            if len(self.deals) > 1 and not self._names_party(s.raw, deal):
                confidence *= (
                    AMBIGUOUS  # several deals, and this sentence names none of this one's parties
                )
            if self._stranger_in_clause(s, fig, deal):
                confidence *= (
                    STRANGER  # another company stands in the clause: the figure may be its
                )
            for one in metric.split(
                "+"
            ):  # "the ten employees of Hiro joined": staff hired and headcount
                out.append(
                    Attribution(
                        fig, s.index, deal, one, person, round(min(confidence, 0.99), 3), reason
                    )
                )
        return out

    def _metric(self, s: Sentence, fig: Figure, deal: Deal) -> tuple[str | None, float, str]:
        before, after, clause = self._window(s, fig)
        if fig.kind == "money":
            return self._money_metric(s, fig, deal, before, after, clause)
        if fig.kind == "pct":
            return self._pct_metric(fig, before, after)
        if fig.kind == "count":
            return self._count_metric(s, fig, deal, before, after, clause)
        if fig.kind == "age":
            near = fold(s.raw[max(0, fig.start - 40) : fig.start])
            if re.search(rf"(?:{self.lex.cues['age_then'].pattern})\s*$", near) or re.match(
                rf"\s?(?:{self.lex.cues['age_then_after'].pattern})", fold(after[:12])
            ):
                return None, 0.0, "an age at another moment"
            if (
                self._says("founding", clause)
                and re.search(r"\b(?:was|were|when|at)\b", fold(clause))
                and not re.search(r"\b(?:now|today)\b", fold(before[-10:] + fig.stated))
            ):
                return None, 0.0, "an age when founding"
            return "person_age", CUE_EXPLICIT, "an age"
        return None, 0.0, "not a figure of a deal"

    def _stranger_in_clause(self, s: Sentence, fig: Figure, deal: Deal) -> bool:
        c_lo, c_hi = self._clause_of(s, fig.start)
        return any(
            c_lo <= o.start < c_hi
            and o.name not in (deal.acquirer, deal.target)
            and self.names.is_confirmed(o.name)
            for o in self.names.orgs[s.index]
            if not o.generic
        )
