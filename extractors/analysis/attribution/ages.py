"""Whose age a figure is: the person of the deal it stands beside, or the one a title after it
points back to.
"""

from __future__ import annotations

import re

from extractors.analysis.attribution.reading import Reading
from extractors.analysis.deals import Deal
from extractors.analysis.figures import Figure
from extractors.analysis.text import Sentence

# The words between a name and the age of the phrase set beside it: ", a software engineer of", ", un
# ingeniero de software de", ", um jovem bilionário de apenas", ", hoy de".
_APPOSITION_TO_AGE = re.compile(
    r",\s+(?:(?:hoy|ahora|actualmente|hoje|oggi|heute|now|today)\s+)?"
    r"(?:(?:a|an|the|un|una|um|uma|el|la|le|il|lo|o|der|die|ein|eine)\s+[^,;()\d]*|de\s+|aged\s+)",
    re.IGNORECASE,
)


class AgeReading(Reading):
    """Reads whose age a figure is."""

    def _person_for(self, s: Sentence, fig: Figure, deal: Deal) -> str | None:
        people = self.names.people[s.index]
        known = set(deal.people) | {
            p for p, home in self.names.affiliation.items() if home == deal.target
        }
        known |= set(self.person_deal)
        if not people:
            return self._titled_person_before(s, fig, known)
        after = [p for p in people if 0 <= p.start - fig.end <= 40]
        before = [p for p in people if 0 <= fig.start - p.end <= 6]
        beside = [p for p in after if re.fullmatch(r",\s*", s.raw[fig.end : p.start])]
        if beside and self._names_party(s.raw, deal):
            # "its 28-year-old chief executive, Alexandr Wang": the name beside the age
            return beside[0].name
        apposed = [
            p for p in people
            if 0 <= fig.start - p.end <= 60 and _APPOSITION_TO_AGE.fullmatch(s.raw[p.end : fig.start])
        ]  # fmt: skip
        if apposed and self._names_party(s.raw, deal):
            # "Noam Shazeer, un ingeniero de software de 48 años": the age of the name it describes
            return apposed[-1].name
        for group in (before, after):
            for p in group:
                if p.name in known or not known:
                    return p.name
        nearest = sorted(people, key=lambda p: min(abs(p.start - fig.end), abs(fig.start - p.end)))
        for p in nearest:
            if p.name in known and min(abs(p.start - fig.end), abs(fig.start - p.end)) <= 60:
                return p.name
        return None

    def _titled_person_before(self, s: Sentence, fig: Figure, known: set[str]) -> str | None:
        """ "Harbor hopes to hire Tom Berg. It is in talks with the 28-year-old founder": an age
        right before a title, in a sentence that names no one, is the age of the one person of
        the deal the sentence before names, the only person it names."""
        if s.index == 0:
            return None
        title = self._says("title", s.raw[fig.end : fig.end + 30])
        if title is None or s.raw[fig.end : fig.end + title.start()].strip():
            return None  # (the title is the word right after the age)
        named = {p.name for p in self.names.people[s.index - 1]}
        if len(named) != 1 or not (named <= known or not known):
            return None
        return next(iter(named))
