"""What a percentage is: the stake a deal buys, the share of the startup's staff who move, or a
share of something else (a price move, a survey, another company's stake).
"""

from __future__ import annotations

import re

from extractors.analysis.attribution.reading import (
    CUE_DEAL,
    CUE_EXPLICIT,
    REMAINING_REACH,
    STAFF_MOVE,
    Reading,
)
from extractors.analysis.figures import Figure
from extractors.analysis.text import Sentence, fold

# A share "of" something, in the languages' words and contractions ("49% da startup", "49% del capital").
_SHARE_OF = re.compile(
    r"^\s*(?:of|in|de|da|do|das|dos|del|della|dello|des|du|an|von|der|di|에|の)\s+", re.IGNORECASE
)
# The startup a share is of, named by what it is ("49% of the startup", "49% da startup"), then no
# more than a full stop or a comma
_STARTUP_NAMED_AFTER = re.compile(r"(?:the\s+|a\s+)?([\w-]+)(?=\s*(?:[.,;)]|$))")
# A plural noun right after a company's name: "90 percent of Lyft rides" (or "of Lyft's rides") is a
# share of its rides, not of the company (its shares, stock or equity are the company's)
_THINGS_OF_NAME_AFTER = re.compile(
    r"(?:['’]s?)?\s+(?!(?:shares|stocks|was|has|is|does|says|its|as|plus|thus)\b)[a-z]+s\b"
)

# A percentage right before a worded share ("a 49% minority nonvoting stake")
_PERCENT_JUST_BEFORE = re.compile(r"\d\s*(?:%|per\s*cent|percent|por\s+ciento|pour\s+cent)\s+$")

# "half of that", "a third of the money": a share of a sum the sentence named
_OF_THE_SUM_AFTER = re.compile(
    r"^\s*of\s+(?:that|this|it|which|the\s+(?:money|sum|total|amount|payout|price|proceeds))\b"
)

_PRICE_MOVE_BEFORE = re.compile(
    r"\b(?:shares?|stocks?)\s+(?:(?:were|was|are|is|have|has|had)\s+)?(?:\w+\s+)?"
    r"(?:up|down|rose|rises?|rising|fell|falls?|falling|gained|gains?|jumped|jumps?|surged|surges?|climbed|"
    r"climbs?|dropped|drops?|dropping|slid|slides?|sank|sinks?|soared|soars?|tumbled|tumbles?|plunged|"
    r"plunges?|slumped|slumps?|declined|declines?)"
    # ("shares have surged a paltry 46%": a word or two may describe the move)
    r"(?:\s+(?:by|over|more\s+than|about|nearly|almost|as\s+much\s+as|a|an|just|only|some|[a-z]+ly|paltry|"
    r"whopping|modest|mere|staggering|impressive))*\s*$"
)
# "Halcyon's shares closed on Monday at $3.08, down 3.1 percent for the day and off almost 70
# percent from its IPO price": the moves of a closing price
_SHARES_CLOSED_MOVE_BEFORE = re.compile(
    r"\b(?:shares?|stocks?)\s+(?:\w+\s+){0,2}(?:closed|ended|finished|traded)\b(?:[^.;]|\.(?=\d)){0,80}?"
    r"\b(?:up|down|off)\s+(?:(?:by|almost|nearly|about|some|more\s+than|just)\s+)*$"
)
# "The stake that Walmart holds in Dada is about 10.7%": a stake in the company named after "in"
_STAKE_IN_BEFORE = re.compile(
    r"\bstakes?\s+(?:(?:that|which)\s+\w+\s+(?:\w+\s+)?(?:holds?|held|has|had|owns?|owned)\s+)?in\s+"
    r"(?P<name>[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*){0,3})\s+(?:is|was|stands\s+at|amounts\s+to)\s+"
    r"(?:about\s+|around\s+|roughly\s+|nearly\s+|some\s+)?$"
)

# "which Pebble owns 30% of", "holds 20%": a holding
_OWNS_BEFORE = re.compile(r"\b(?:owns|owned|holds|held|controls)\s+(?:\w+\s+){0,2}$")
# No full stop, semicolon or colon between a relative "in which" and the figure after it
_SAME_CLAUSE_AFTER = re.compile(r"[^.;:]{0,60}")
# "80 percent of Adept's technical staff": a share of one group, not of the whole staff
_PART_OF_STAFF_AFTER = re.compile(
    r"^\s*of\s+(?:the\s+|its\s+|their\s+)?(?:[\w.-]+(?:'s|’s)\s+)?(?:technical|engineering|research|"
    r"sales|product|design|r&d|ai|core|senior|top|leadership|management|executive)\s+(?:staff|team|employees|workforce|personnel)\b"
)

# Staff cut or leaving around a share of staff: people the deal did not hire.
_STAFF_LEAVE = re.compile(
    r"\b(?:cut|cuts|cutting|laid\s+off|lay\s+off|lays\s+off|layoffs?|fired|departing|departed|"
    r"leaving|quit|quitting|remaining|redundan\w+|despid\w+|licenci\w+|entlass\w+)\b"
)


class ShareReading(Reading):
    """Reads what a percentage is."""

    def _share_of_staff(self, near: str, before: str, after: str) -> tuple[str | None, float, str]:
        """A share of a company's staff: hired when the sentence says people move, not when they
        leave, stay behind or are laid off, and not a share of one group of them."""
        sentence = fold(self._sentence_now())
        if self._says("remaining", fold(before[-REMAINING_REACH:])):
            # "仅留下10%的员工维持空壳运营", "leaving behind 10% of its staff"
            return None, 0.0, "a share of the staff who stay behind, not hired"
        if _OF_THE_SUM_AFTER.match(fold(after[:40])):
            # "half of that going to employees as retention payouts": a share of the money
            return None, 0.0, "a share of the payment, paid to staff"
        if _STAFF_LEAVE.search(near):
            # "later cut 200 employees (14% of staff)", "about 10% of remaining staff departing"
            return None, 0.0, "a share of the staff leaving or laid off, not hired"
        if _PART_OF_STAFF_AFTER.match(fold(after[:50])):
            return None, 0.0, "a share of one part of the staff, not of the whole company"
        if (
            STAFF_MOVE.search(self._sentence_now())
            or self._says("join", sentence)
            or self._says("hire", sentence)
            # "acquired the intellectual property and most of the employees": people bought
            or self._says("acquire", fold(before[-60:]))
        ):
            return "staff_hired_pct", CUE_EXPLICIT, "a share of the staff moving"
        return None, 0.0, "a share of the staff, not said to move"

    def _pct_metric(self, fig: Figure, before: str, after: str) -> tuple[str | None, float, str]:
        near = fold(before[-40:] + " " + after[:40])
        if fig.of_staff:
            return self._share_of_staff(near, before, after)
        if re.match(
            r"^\s*(?:in|of)\s+(?:the\s+|its\s+)?(?:[\w-]+\s+)?(?:startups|companies|firms|portfolio|businesses)\b",
            fold(after),
        ):
            return None, 0.0, "stakes in other companies"
        if self._says("surveyed", after[:60]):  # "59% of US adults trust Amazon"
            return None, 0.0, "a share of people counted or asked"
        if fig.qualifier in {"majority", "minority"}:
            if re.search(
                r"stakes\b", fig.stated, re.IGNORECASE
            ):  # "companies keep minority stakes"
                return None, 0.0, "stakes in general, not one deal's"
            if _PERCENT_JUST_BEFORE.search(before[-16:]):
                return None, 0.0, "the share the figure before it states"  # "a 49% minority stake"
            return "stake_pct", CUE_EXPLICIT, "a majority or minority stake"
        if _PRICE_MOVE_BEFORE.search(fold(before[-45:])) or _SHARES_CLOSED_MOVE_BEFORE.search(
            fold(before[-150:])
        ):
            return None, 0.0, "a move of a share price"
        held_otherwise = self._held_otherwise(fig, before)
        if held_otherwise is not None:
            return None, 0.0, held_otherwise
        of_money = self._share_of_money(near, after)
        if of_money is not None:
            return None, 0.0, of_money
        stake_in = _STAKE_IN_BEFORE.search(before[-80:])
        if stake_in and not any(
            stake_in.group("name").startswith(n) for n in self._party_names_all()
        ):
            return None, 0.0, "a stake in a company of no deal here"
        if re.match(r"^\s*(?:of\s+the\s+(?:total|amount|payout|price))", fold(after)) or self._says(
            "component", near
        ):
            return None, 0.0, "a share of the payment"
        if (
            re.match(r"^\s*\)", after)
            and re.search(r"\(\s*$", before)
            and any(
                n in before[-40:] for n in self._aliases(getattr(self._current_deal, "target", ""))
            )
        ):
            return "stake_pct", CUE_DEAL, "the share in brackets after the company"
        if (
            self._says("stake", near)
            or _SHARE_OF.match(fold(after))
            and self._says("acquire", fold(before[-40:]) + " " + fold(before[-40:]))
            or fig.worded
            and re.match(r"^\s*of\s+(?:the\s+)?[A-Z]", after)
        ):
            return "stake_pct", CUE_EXPLICIT, "a stake"
        return self._share_of_a_party(after)

    def _held_otherwise(self, fig: Figure, before: str) -> str | None:
        """Why a stake is not this deal's: one another company holds ("which Pebble owns 30%
        of"), or one in the company named right before "in which" where that is not the deal's
        startup ("Haptik, in which Reliance Jio acquired an 87% stake", Haptik a buyer here)."""
        s, deal = self._current, self._current_deal
        if s is None:
            return None
        if _OWNS_BEFORE.search(fold(before[-40:])):
            holder = self._subject_before(s, fig)
            if holder is None or holder not in {d.acquirer for d in self.deals}:
                return "a holding of someone else, not the deal's stake"
        in_which = self._in_which_before(s, fig)
        if in_which is not None and deal is not None:
            # (the name right before it, a comma between at most: not "a deal in which it takes")
            named = [
                o.name
                for o in self.names.orgs[s.index]
                if o.end <= in_which.start() and not s.raw[o.end : in_which.start()].strip(" ,")
            ]
            if named and named[-1] not in self._aliases(deal.target):
                return f"a stake in {named[-1]}, not in the deal's startup"
        return None

    def _in_which_before(self, s: Sentence, fig: Figure) -> re.Match[str] | None:
        """The language's relative "in which" ("Haptik, in which Reliance Jio acquired an 87%
        stake", "dans laquelle", "en la que") in the figure's clause before it, the last one."""
        lo = max(0, fig.start - 80)
        found = [
            m
            for m in self.lex.cues["in_which"].finditer(s.folded, lo, fig.start)
            if _SAME_CLAUSE_AFTER.fullmatch(s.folded, m.end(), fig.start)
        ]
        return found[-1] if found else None

    def _share_of_money(self, near: str, after: str) -> str | None:
        """Why a percentage is a share of money rather than a stake: a part of the price paid in
        stock or in cash ("10% in stock, 90% in cash"), or a share of revenue or another sum."""
        if self.lex.cues["paid_in"].match(fold(after[:30]).lstrip()):
            return "the share of the price paid so, no stake"
        if self._says("other_money", near) and not self._says("stake", fold(after[:25])):
            return "a share of something else"
        return None

    def _share_of_a_party(self, after: str) -> tuple[str | None, float, str]:
        """A percentage "of" a party named right after it ("49% of Scale AI", not "90 percent of
        Lyft rides"), or of the startup named by what it is ("por 49% da startup")."""
        share = _SHARE_OF.match(after)
        if share is None:
            return None, 0.0, "a percentage of something else"
        if any(
            n in after[:40] and not _THINGS_OF_NAME_AFTER.match(after[after.find(n) + len(n) :])
            for n in self._party_names_all()
        ):
            return "stake_pct", CUE_DEAL, "a share of the company"
        startup = _STARTUP_NAMED_AFTER.match(after, share.end())
        if startup and self.lex.cues["startup"].fullmatch(fold(startup.group(1))):
            return "stake_pct", CUE_DEAL, "a share of the startup"
        return None, 0.0, "a percentage of something else"
