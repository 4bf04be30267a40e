"""Which deal and metric a figure states, or why it states none.

A figure belongs to what its clause says it is about. Figures about something else are
left out, each with its reason: another deal's price ("buying WhatsApp for $19
billion"), a currency conversion in brackets, revenue, a contract, a past valuation, a
funding round, a part of the price ("$1.2 billion to investors"), an age at another
moment ("at 19"). Every attribution carries a confidence from how explicit its cue is
and how directly the clause names the deal.

The package reads each kind of figure in a module of its own: ``money``, ``shares``, ``counts``,
``ages`` and ``years``, on what ``reading`` gives them all; ``attributor`` decides which deal a
figure is about and asks the module of its kind what it states.
"""

from extractors.analysis.attribution.attributor import Attributor
from extractors.analysis.attribution.money import HEADLINE_GUESS, tells_a_worth
from extractors.analysis.attribution.reading import Attribution
from extractors.analysis.attribution.years import founded_years

__all__ = ["HEADLINE_GUESS", "Attribution", "Attributor", "founded_years", "tells_a_worth"]
