"""What a dollar sum is: a deal's price, its licence fee, the startup's valuation or funding, or
something else (another deal's price, a bid, a part of the price, a holding's worth, revenue),
each with the words that say so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractors.analysis.attribution.reading import (
    CJK_PHRASE_BREAK,
    CUE_DEAL,
    CUE_EXPLICIT,
    Reading,
    Verdict,
)
from extractors.analysis.deals import Deal
from extractors.analysis.figures import Figure
from extractors.analysis.lexicon import ends_on, offer_of_a_purchase
from extractors.analysis.names import without_names
from extractors.analysis.relations import (
    STRENGTH_JOINED,
)
from extractors.analysis.text import CLAUSE_JOIN, Sentence, fold

CUE_HEADLINE = 0.65  # a sum in a headline that names the deal
HEADLINE_GUESS = "a sum in the headline of the deal"  # the reason given for that guess
# The reasons that say a sum is what a company or someone's holding is worth, never a price: a
# headline's sum the body reads so is read so too (``analyse._headline_guesses_told_otherwise``).
HOLDING_WORTH = "what someone's holding is worth, not the deal"
OWN_VALUATION = "'s own valuation"
WORTH = " is worth"


def tells_a_worth(reason: str) -> bool:
    """Whether an attribution's reason says its sum is what a company or a holding is worth."""
    return reason == HOLDING_WORTH or reason.endswith((OWN_VALUATION, WORTH))


_DEAL_VALUED = re.compile(
    r"\b(?:deal|agreement|arrangement|transaction|pact|licen[cs]\w*|acuerdo|accord|vereinbarung|transaktion|acordo|accordo|operación|opération)\b[^.;]{0,40}?"
    r"\b(?:valued|worth|valorad\w*|valorisé\w*|bewertet|avaliad\w*|valutat\w*)\s+(?:at\s+[^.;]{0,20}|(?:(?!\b(?:at|mit)\s)[^.;]){0,20})$"
    # a move valued so, right after it ("en un movimiento valorado en 2.400 millones de dólares";
    # not "a move that positions Scale's market worth at": what the company is worth)
    r"|\b(?:move|movimiento|movimento|mouvement|maniobra|jugada|mossa)\s+"
    r"(?:valued|valorad[ao]|valorisé|avaliad[ao]|valutat[ao])\s+(?:at|en|à|em|in)\s+(?:\S+\s+){0,2}$",
    re.IGNORECASE,
)  # (not "the deal valued Facebook at an estimated $6.5 billion": what the deal says another is worth)
# "Today Facebook is worth $94 billion": what the company named before is worth
_IS_WORTH_BEFORE = re.compile(
    r"\b(?:is|was|are|were|now)\s+(?:now\s+|already\s+)?worth\s+(?:(?:about|around|roughly|some|nearly|almost|over|more\s+than|an\s+estimated)\s+)?$"
)
# "a licensing fee worth $2 billion": the fee, though "licensing" also names deals that are valued
_LICENCE_FEE_WORTH = re.compile(
    r"\blicen[cs]\w*\s+fees?\s+(?:worth|valued\s+at|of)\s+(?:about\s+|roughly\s+|around\s+)?$"
)
# "could not confirm the value of the deal, but TechCrunch reported that it was in the region of
# $23m-$30m": "it", the value the sentence named, is the sum
_IT_THE_DEALS_VALUE = re.compile(
    r"\b(?:value|price|size)\s+of\s+the\s+(?:deal|acquisition|purchase|transaction)\b[^.;]{0,100}?"
    r"\b(?:that\s+)?it\s+(?:was|is|would\s+be|stood)\s+(?:in\s+the\s+region\s+of|around|about|roughly|some)?\s*$",
    re.IGNORECASE,
)
_VALUES_TARGET = re.compile(
    r"\b(?:valu(?:ing|es|ed))\s+(?:the\s+)?(?:\S+\s+){0,4}?at\s+[^.;]{0,20}$", re.IGNORECASE
)
_LICENCE_FOR = re.compile(
    r"licen[cs]\w*\b(?:(?!\b(?:deal|agreement|arrangement|pact)\b)[^.;]){0,70}?\bfor\s+(?:a\s+)?(?:reported\s+|about\s+|roughly\s+|around\s+|some\s+|an\s+estimated\s+)?$",
    re.IGNORECASE,
)
_COVERS_LICENCE = re.compile(
    r"^\s*(?:covers|buys|pays\s+for|is\s+for|goes\s+to(?:wards?)?)\s+(?:a|the|its)\s+(?:[\w-]+\s+)?licen[cs]e",
    re.IGNORECASE,
)
_FEES_AND_AFTER = re.compile(
    r"^,?\s*(?:in\s+the\s+form\s+of\s+|in\s+|as\s+)?licen[cs]\w*\s+fees?\b[^.;]{0,60}?\band\s+(?:[\w-]+\s+)?(?:compensation|payments?|pay|retention|bonuses)"
    # "2,4 Milliarden Dollar an Lizenzgebühren und Vergütungen", "en licences et en rémunérations"
    r"|^\s*(?:an|en|em|in)\s+(?:\w+\s+)?(?:lizenz\w*|licen\w*)\s+(?:und|et|y|e)\s+(?:en\s+|em\s+)?"
    r"(?:vergütung\w*|gehält\w*|rémunération\w*|salaires?|compensaci\w+|remunera\w+|pagamentos?|pagos?)",
    re.IGNORECASE,
)
# "$400 million to license its technology and hire its founders": one sum for both (the infinitive
# governs both verbs). "…for $2.4 billion and hired its CEO" is a second act, the sum the licence's.
_AND_HIRE_AFTER = re.compile(
    r"^[^.;]{0,80}?\band\s+(?:to\s+)?(?:hire|bring|rehire|poach|recruit|take\s+on)\b"
    # "for a non-exclusive license to Windsurf technology and key personnel": a second object
    r"|^[^.;,]{0,80}?\band\s+(?:(?:key|top|senior|some|its|their)\s+)?(?:personnel|talent|staff|employees|researchers|engineers)\b",
    re.IGNORECASE,
)
# The words between a deal and its valuation word ("the deal is valued", "la operación tiene un
# valor"), and between that word and the sum ("valued at about", "un valor de").
# (one describing word may follow the deal's noun where the language puts it after: "accordo
# strategico dal valore di", "acordo bilionário com valor de")
_DEAL_VALUE_VERB = re.compile(
    r"\w*\s+(?:[\w-]+\s+(?=(?:dal|del|da|do|com|con|di)\s))?"
    r"(?:(?:is|was|are|were|has|had|been|being|reportedly|tiene|tenía|con|un|una|hat|hatte|einen|a|une|avec|ha|"
    r"worth|with|of|de|d['’]une?|im|mit|einem|dal|del|da|do|com|di)\s+|(?:extraordinaire|historique|record|reported|massive|huge|enorme|énorme)\s+)*"
)
_DEAL_VALUE_TAIL = re.compile(
    r"\w*\s+(?:(?:at|of|de|von|à|di|em)\s+)?(?:(?:about|around|roughly|some|approximately|nearly|almost|unos|"
    r"alrededor\s+de|cerca\s+de|rund|etwa|environ|circa)\s+)?$"
)

# A value that changed: "rising from $14 billion to" (the sum after is what it came to), "from"
# (the sum after is what it was).
_VALUE_CHANGE_BEFORE = re.compile(
    r"\b(?:from\s+[$€£]?[\d.,]+\s*(?:billion|million|bn|[bm])?\s+(?P<to>to)|from)\s+$",
    re.IGNORECASE,
)
_TOTAL_BEFORE = re.compile(r"\b(?:in\s+total|in\s+all|altogether),?\s+(?:the\s+)?$", re.IGNORECASE)
# "$65 billion in enlarging …", "$10 billion on data centres": where money goes, right after it
_SPENT_IN_AFTER = re.compile(r"^\s*(?:in|into|on|towards?)\s+", re.IGNORECASE)
# what it goes to: the words up to the next comma, "and", or clause's end
_SPENT_ON_WHAT = re.compile(r"(?:(?!\band\b)[^,;.()])+")
# A sum that is an offer or a bid: "$3 billion acquisition offer", "$2bn takeover bid"
_OFFER_AFTER = re.compile(r"^\s*(?:[\w-]+\s+){0,2}?(?:offer|bid)\b", re.IGNORECASE)
# "a startup that raised": what a startup the clause goes on to describe raised
_A_STARTUP_THAT_BEFORE = re.compile(
    r"\b(?:startup|start-up|company|firm)\s+(?:that|which|who)\s+(?:has\s+|had\s+)?(?:[\w-]+\s+){0,2}$"
)

# "$14.3 billion investment in Scale AI": a sum invested in the company named next
_INVESTMENT_IN_AFTER = re.compile(r"^\s+(?:[\w-]+\s+)?investment\s+in(?:to)?\s+", re.IGNORECASE)
# A round under way or named as one: "is raising $650 million", "the $650M raise"
_RAISING_NOW_BEFORE = re.compile(r"\b(?:is|are|was|were)\s+(?:now\s+)?raising\s+(?:\w+\s+)?$")
_A_RAISE_AFTER = re.compile(r"^\s+(?:funding\s+)?raise\b")

# "FriendFeed's acquisition amount was ~", "the purchase price of about": the price, named
_PRICE_NAMED_BEFORE = re.compile(
    r"\b(?:acquisition|purchase|deal|sale|buyout)\s+(?:amount|price|price\s+tag|value|cost)\s+"
    r"(?:(?:was|is|of|stood\s+at|came\s+to|totall?ed|amounted\s+to)\s+)?"
    r"(?:(?:about|roughly|around|some|nearly|almost|just\s+over|over|more\s+than|an\s+estimated|reportedly)\s+|~\s*)?$",
    re.IGNORECASE,
)
_LICENCE_FEE_BEFORE = re.compile(
    # ("the licensing fees agreed are $3 billion": a participle may stand before the verb)
    r"licen[cs]\w*\s+fees?\s+(?:(?:agreed|paid|reported|involved)\s+)?"
    r"(?:(?:of|was|is|are|were|totall?ed|came\s+to|amounted\s+to)\s+)?"
    r"(?:about\s+|roughly\s+|around\s+|~\s*)?$"
    # "The licence costs Harbor $30 million", "the licences will cost it about $30 million"
    r"|\blicen[cs]es?\s+(?:costs?|cost\s+(?:it|them)|will\s+cost|would\s+cost)\s+"
    r"(?:[\w.&-]+\s+)?(?:about\s+|roughly\s+|around\s+|~\s*)?$",
    re.IGNORECASE,
)
# Money paid for the licence itself: "$620 million in licence fees", "$X to license", "$X for a licence".
# "$20bn licence" names the value of the arrangement, a deal amount (tests/data/labelled/README.md).
_LICENCE_AFTER = re.compile(
    r"^[”\"’']?\s*(?:in\s+)?(?:(?:(?:non-?)?exclusive\s+)?licen[cs]\w*\s+fees?|to\s+licen[cs]e|for\s+(?:(?:non-?)?exclusive\s+)?licen[cs]\w*\s+fees?|for\s+(?:(?:a|the)\s+)?(?:non-?exclusive\s+)?licen[cs]e|for\s+licen[cs]es\b"
    # "$620 million for the nonexclusive right to sell access to the model", "$2.4 billion rights
    # to Windsurf's tech": a licence's price
    r"|for\s+(?:a|the)\s+(?:non-?exclusive\s+)?rights?\s+to\b|\s*(?:non-?exclusive\s+)?rights\s+to\b"
    r"|in\s+licen[cs]ing\b(?!\s+(?:deal|agreement|arrangement|pact))"
    # "a $620 million payment for licensing its models", "$20 billion to AI chip startup Groq to license"
    r"|(?:payment|fee|sum)\s+for\s+licen[cs]ing\b|to\s+(?:[\w.-]+\s+){1,5}?to\s+licen[cs]e\b"
    # "$1 billion went to the licence", "$1 billion is a licence fee", "… was for the licence"
    r"|\s*(?:of\s+(?:it|that|this)\s+)?(?:is|was|were|are|went|goes|will\s+go)\s+(?:to(?:wards)?\s+|for\s+)?"
    r"(?:a|the|its)?\s*(?:(?:non-?)?exclusive\s+)?licen[cs]\w*\b(?!\s+(?:deal|agreement|arrangement|pact)))",
    re.IGNORECASE,
)
_DEAL_AFTER = re.compile(
    # (a prefix may join the noun: "a $2.4B reverse-acqui-hire", "a $1 billion mega-deal")
    r"^[”\"’']?\s*(?:[\w-]+\s+){0,3}?(?:[a-z]+-)?(?:deal|agreement|investment|acqui-?hire|arrangement|pact|transaction|bet|stake|licen[cs]ing\s+(?:deal|agreement))",
    re.IGNORECASE,
)
# "the $4 billion startup", "a $1bn AI start-up": a sum that says what a startup is worth.
# "$4 billion artificial intelligence company Cognition": a company's worth before its name
_COMPANY_PRICED_AFTER = re.compile(
    r"^\s+(?!(?:for|to|in|into|on|of)\s)(?:[\w-]+\s+){0,3}?(?:company|startup|start-up|firm|unicorn)\s+(?=[A-Z])"
)
_STARTUP_PRICED_AFTER = re.compile(
    # "the $4 billion AI startup" (not "$400 million for AI startup Lumeo", a price paid for it:
    # the language's ``tied_to`` word right after the sum, read in _money_startup_worth)
    r"^[”\"’']?\s+(?:[\w-]+\s+){0,2}?(?:startup|start-up|unicorn|upstart)\b",
    re.IGNORECASE,
)
# "at" right before a sum ("is said to be at $18 million"; a qualifier, "at about", is the figure's
# own stated words, "near" is not one)
_AT_A_SUM = re.compile(r"\bat\s+(?:near\s+)?$")
# The word right after a sum
_FIRST_WORD_AFTER = re.compile(r"^[”\"’']?\s+([\w-]+)")
_OTHER_TRANSACTION_AFTER = re.compile(
    r"^[”\"’']?\s*(?:[\w-]+\s+){0,2}?(?:acquisition|purchase|takeover|buyout|bid|offer|merger"
    r"|übernahme|kauf|zukauf|akquisition|rachat|adquisición|acquisizione|aquisição|overname)\b",
    re.IGNORECASE,
)  # ("seit dem 6,9 Mrd. Dollar schweren Kauf von Mellanox": the words after a sum are German's)
# The words before an investor's name ("raised $5 million from Sequoia", "a round led by …")
_INVESTOR_BEFORE = re.compile(
    r"\b(?:from|by|led\s+by|including|investors?|backers?|with)\s+(?:[\w'’-]+\s+){0,3}$",
    re.IGNORECASE,
)
# A sentence whose subject is a pronoun or "the company": the company told of before
_OPENS_ON_A_REFERENCE = re.compile(
    r"\s*(?:it|its|they|their|the\s+(?:[\w-]+\s+)?(?:company|startup|start-up|firm))\b",
    re.IGNORECASE,
)
# "investors were paid back double the $10 million they invested": what the investors put in
_THEY_INVESTED_AFTER = re.compile(
    r"\s*(?:that\s+|which\s+)?(?:they|its\s+investors|investors|backers)\s+(?:had\s+)?"
    r"(?:invested|put\s+in)\b",
    re.IGNORECASE,
)
# A round's valuation named as such ("at $160 million pre-money", "a post-money valuation of")
_ROUND_VALUATION = re.compile(r"\b(?:pre|post)[- ]money\b")
# "a $16 billion investment by Walmart": money the company "by" names puts in (whose name follows)
_MONEY_BY_AFTER = re.compile(
    r"^\s*(?:[\w-]+\s+){0,2}?(?:investment|payment|injection|infusion)\s+by\s+"
    r"(?:the\s+)?",
    re.IGNORECASE,
)
# "Nvidia closed a $20 billion asset purchase from Groq": the payer's own purchase, its price.
_PURCHASE_AFTER = re.compile(
    r"^[”\"’']?\s*(?:[\w-]+\s+){0,2}?(?:acquisition|purchase|takeover|buyout)\b", re.IGNORECASE
)
# "investors like Greylock and General Catalyst, who put $414 million into the company": the
# payer is one of the startup's investors, the sum what they invested.
_INVESTORS_LISTED = re.compile(
    r"\b(?:investors|backers)\s*,?\s+(?:like|such\s+as|including|among\s+them)\s+", re.IGNORECASE
)

# "paying investors, who put a reported $17 million into the company": what they invested
_INVESTORS_WHO_PUT = re.compile(
    r"\b(?:investors|backers|venture\s+capitalists|vcs)\s*,?\s+(?:who|which|that)\s+(?:had\s+|have\s+)?"
    r"(?:put|poured|invested|sank|pumped)\s+(?:(?:a\s+)?(?:reported|total\s+of|about|some|roughly|nearly)\s+)*$",
    re.IGNORECASE,
)

# "raised money from other investors including SV Angel, Lerer Ventures and Betaworks for a total
# of about $2 million": the money the investors listed put in
_RAISED_FROM_INVESTORS_LISTED = re.compile(
    r"\braised\s+(?:\w+\s+){0,2}?from\s+(?:\w+\s+){0,2}?(?:investors|backers)\s+"
    r"(?:including|such\s+as|like)\s+[^.;]{0,100}?\bfor\s+(?:a\s+total\s+of\s+)?$",
    re.IGNORECASE,
)

# "$2.4 billion payout from the search giant in licensing fees": a payout the deal's payer makes.
_PAYOUT_FROM = re.compile(r"\s+payouts?\s+from\s+", re.IGNORECASE)

# "$1.3 billion in investment that Inflection received last year": money a startup took in, dated.
_RECEIVED_DATED_AFTER = re.compile(
    r"\s+in\s+(?:funding|investments?)\s+(?:that|which)\s+[\w.' -]{0,30}?\b(?:received|raised|got|took)\s+"
    r"(?:in\s+\w+|last\s+\w+|earlier|\w+\s+(?:months?|years?)\s+ago)",
    re.IGNORECASE,
)
# "raised $1.3 billion at a $4 billion valuation": a round is priced; what a startup raised in all is not.
_AT_VALUATION_AFTER = re.compile(
    r"^\s*(?:at|on)\s+an?\s+(?:[\w$€£.,~-]+\s+){0,3}?(?:valuation|post-money|pre-money)",
    re.IGNORECASE,
)
# "Ross owns about 10% of Groq, a stake now worth $2 billion": what someone's holding is worth.
_HOLDING_WORTH = re.compile(
    r"\b(?:owns|owned|holds|held)\b[^.;]{0,80}?\b(?:stake|holding|shares?)\b[^.;]{0,30}?\b(?:worth|valued\s+at)\s+(?:\w+\s+){0,2}$"
    # "those stock options FriendFeed was given are now worth about": what shares came to be worth
    r"|\b(?:stock\s+options|options|shares|stock|stakes?|holdings?)\b[^.;]{0,60}?\b(?:are|is|were|was)\s+now\s+worth\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)

# One short word before a name ("to", "a", "à", "an"): whom a sum is paid to.
_SHORT_WORD = re.compile(r"\s*\w{1,3}\s+")
# "para licenciar su tecnología y conseguir que Shazeer …": a verb of licensing, whose purpose may
# hold the hiring too (unlike "für eine Lizenz und holte …", a fee and then a second verb)
_LICENSING_VERB = re.compile(r"licenci(?:ar|er)|lizenzieren|licenziare", re.IGNORECASE)
# "for $N", "for reportedly $N", "for about $N": the price of what the verb before it does.
_FOR_A_SUM = re.compile(
    r"(?<!return\s)\bfor\s+(?:a\s+)?(?:reportedly\s+|a\s+reported\s+|about\s+|roughly\s+|around\s+|some\s+|an\s+estimated\s+|"
    r"(?:whopping|hefty|cool|massive|staggering|mere)\s+)?$"
)

# A sum that ends right where the next word starts ("$29 billion valuation": the word is its)
_SUM_ENDS = re.compile(r"\d(?:[\d.,]*)\s*(?:billion|million|bn|mn|[bm])?\s*$")
# "paying out $380 million", "to pay out": money a company pays out, not money it is paid
_PAYS_OUT_BEFORE = re.compile(r"\bpa(?:y|ys|ying|id)\s+out\s+(?:\w+\s+){0,2}$")
# "Shazeer, with a stake of 30 to 40 per cent, stands to gain $750 million": what one holder makes
_STANDS_TO_GAIN_BEFORE = re.compile(
    r"\bstands?\s+to\s+(?:gain|make|pocket|earn|collect|receive|net)\s+"
    r"(?:about\s+|around\s+|roughly\s+|some\s+|up\s+to\s+|as\s+much\s+as\s+)?$"
)

# "assets for a whopping $650 million": what the assets were bought for
_ASSETS_FOR = re.compile(r"\bassets\s+for\s+(?:[\w-]+\s+){0,2}$")
# A clause that opens on the month or year it tells of ("In September 2025, …", "In 2023, …")
_OPENS_ON_A_DATE = re.compile(
    r"\W*(?:in|during)\s+(?:(?:early|late|mid-?)\s*)?(?:[A-Z][a-z]+\s+)?(?:19|20)\d\d\s*,",
    re.IGNORECASE,
)

# A price for one person: "$500,000 to $1,000,000 to ‘buy’ an engineer", "$1 million per engineer"
_PER_PERSON_AFTER = re.compile(
    r"^\s*(?:per|a|each|for\s+(?:each|every|an?)|to\s+['‘’\"]?(?:buy|hire|acquire)['‘’\"]?\s+(?:an?|each|one))\s+"
    r"(?:engineer|employee|person|head|hire|developer|researcher|worker)\b",
    re.IGNORECASE,
)

# "$36 million on acquisitions": a total over several purchases.
_SEVERAL_PURCHASES_AFTER = re.compile(
    r"^\s+(?:on|in|for)\s+(?:\w+\s+)?(?:acquisitions|purchases|deals|takeovers)\b"
    # ("$41.6 million combined on PredictionIO and a German consulting company")
    r"|^\s+(?:combined|together|in\s+all)\s+(?:on|for)\b",
    re.IGNORECASE,
)

# A sum no deal and no startup's worth has reached ("the $5,000-billion tech giant"): the buyer's
# market value, or a market's size.
LARGER_THAN_ANY_DEAL = 1e12

# Where the sentence's last clause joined to it starts: after ", and", ", but", ";".
_NEW_CLAUSE_SPLIT = re.compile(rf"{CLAUSE_JOIN}|;\s*")
# The word right after a sum, past a hyphen that joins them ("3-Milliarden-Dollar-Deal"), or after
# a verb (its object)
_WORD_RIGHT_AFTER = re.compile(r"[\s-]*(\w+)")
# A comma and the word after it, which may open a relative clause ("investors, who gave …")
_RELATIVE_OPENS = re.compile(r",\s+(\w+(?:\s+(?:cuales|quais|quali))?)\s")


@dataclass(frozen=True, slots=True)
class _MoneyWindow:
    """A dollar sum and the words read around it, for the questions of what it is."""

    s: Sentence
    fig: Figure
    deal: Deal
    before: str
    after: str
    clause: str
    near_before: str = field(init=False)
    near: str = field(init=False)
    local: str = field(init=False)

    def __post_init__(self) -> None:
        near_before = fold(self.before[-45:])
        object.__setattr__(self, "near_before", near_before)
        object.__setattr__(self, "near", f"{near_before} {fold(self.after[:40])}")
        object.__setattr__(self, "local", fold(self.before[-50:] + " " + self.after[:40]))


# Below this, a dollar sum is no talent deal's price, fee or valuation: a price per share, or a
# figure whose scale word was not read ("$2.4 Bil" before "Bil" was known).
SMALLEST_DEAL_SUM = 100_000

# How far before a figure a phrase naming it may end: a short word and spaces ("fee of ").
NAMED_JUST_BEFORE_REACH = 12


def _named_just_before(cue: re.Pattern[str], folded_before: str) -> re.Match[str] | None:
    """The cue's last match in the words right before a figure, with no more than a short word
    ("of", "sebesar") and no comma between."""
    found = list(cue.finditer(folded_before))
    if not found:
        return None
    last = found[-1]
    between = folded_before[last.end() :]
    return last if len(between) <= NAMED_JUST_BEFORE_REACH and "," not in between else None


def _unspaced_phrase_around(before: str, after: str) -> str:
    """The phrase a sum stands in, where words are not spaced: from the last break before it to
    the first after it, at most 30 characters on either side."""
    return _PHRASE_BREAK.split(before)[-1][-30:] + " " + _PHRASE_BREAK.split(after)[0][:30]


# (a full stop, a colon, an Arabic comma too: "… 650 مليون دولار: 620 مليون دولار لرسوم التراخيص"
# lists the licence's part of the sum after the colon)
_PHRASE_BREAK = re.compile(r"[，、；：。,;:.،!?！？]\s|[，、；：。،！？]")

# How far before a sum the words telling of another company's failed talks are read
_FAILED_TALKS_REACH = 160


class MoneyReading(Reading):
    """Reads what a dollar sum is."""

    def _money_metric(
        self, s: Sentence, fig: Figure, deal: Deal, before: str, after: str, clause: str
    ) -> Verdict:
        """What a dollar sum is of the deal, read from the words around it, each question in turn:
        whether it is this deal's money at all, then a valuation, a startup's worth, funding, a
        licence fee, and last what the deal pays."""
        if fig.currency != "USD":
            return (
                None,
                0.0,
                f"in {fig.currency or 'an unknown currency'}, not US dollars (not converted)",
            )
        if (fig.low or fig.high or 0.0) >= LARGER_THAN_ANY_DEAL:
            return None, 0.0, "larger than any deal: a company's worth or a market's size"
        w = _MoneyWindow(s, fig, deal, before, after, clause)
        for question in (
            self._money_of_another,
            self._money_not_of_deal,
            self._money_valuation,
            self._money_startup_worth,
            self._money_funding,
            self._money_licence,
            self._money_paid,
        ):
            verdict = question(w)
            if verdict is not None:
                return verdict
        return None, 0.0, "no word says what the sum is"

    def _money_of_another(self, w: _MoneyWindow) -> Verdict | None:
        """Money of something else than the deal: a part of the price, another transaction's
        price, a sum another company pays, a bid that failed."""
        if (
            _INVESTORS_WHO_PUT.search(w.near_before)
            or _THEY_INVESTED_AFTER.match(w.after)
            or _RAISED_FROM_INVESTORS_LISTED.search(w.s.raw, max(0, w.fig.start - 200), w.fig.start)
        ):
            return "target_funding_raised_usd", CUE_EXPLICIT, "what its investors put in"
        component = self._says("component", fold(w.after[:30]))
        if component:
            return None, 0.0, f"part of the price ({component.group(0).strip()})"
        if self._sum_told_before and self._says("remaining", fold(w.before[-16:])):
            # "about $2.4 billion: $1 billion for the licence, the remaining $1.4 billion …"
            return None, 0.0, "the rest of a sum told before it"
        if _PER_PERSON_AFTER.match(w.after):  # "will pay $500,000 to 'buy' an engineer"
            return None, 0.0, "a price per person"
        if _SEVERAL_PURCHASES_AFTER.match(w.after):  # "spent $36 million on acquisitions"
            return None, 0.0, "what several purchases cost together"
        other_sum = _OTHER_TRANSACTION_AFTER.match(w.after)
        if other_sum and not self._names_party(w.after[: other_sum.end() + 40], w.deal):
            return None, 0.0, "another transaction's price"
        if self._buys_another(w):
            return None, 0.0, "the price of another purchase"
        if _STANDS_TO_GAIN_BEFORE.search(w.near_before):
            return None, 0.0, "what one holder stands to gain"
        if ends_on(self.lex, "investor_own", fold(w.before[-80:])):
            # "Davis, whose company has invested $N in Groq": one investor's money
            return None, 0.0, "what one investor put in"
        holding = _HOLDING_WORTH.search(w.before)
        if holding and not any(
            n in w.before[: holding.start()] for n in self._aliases(w.deal.acquirer)
        ):
            return None, 0.0, HOLDING_WORTH
        put_in_by = self._put_in_by(w)
        if put_in_by is not None:
            return None, 0.0, f"put in by {put_in_by}, not by {w.deal.acquirer}"
        payer = self._payer_before(w.s, w.fig)
        if payer == w.deal.target and _PAYS_OUT_BEFORE.search(w.near_before):
            # "Inflection anticipates paying out $380 million": the startup's own payment
            return None, 0.0, f"paid out by {payer}, the startup, not to it"
        if (
            payer is not None
            and payer not in (w.deal.acquirer, w.deal.target)
            and not self._paired_in_order
        ):
            listed = _INVESTORS_LISTED.search(w.before)
            if listed and any(n in w.before[listed.end() :] for n in self._aliases(payer)):
                return "target_funding_raised_usd", CUE_EXPLICIT, "what its investors put in"
            return None, 0.0, f"paid by {payer}, not by {w.deal.acquirer}"
        return self._a_bid(w)

    def _buys_another(self, w: _MoneyWindow) -> bool:
        """The sum's clause tells a purchase of "another" one of a kind, the deal's startup unnamed
        in it ("Facebook za astronomiczną sumę 1 miliarda dolarów kupił inną usługę foto -
        Instagram", "bought another photo service"): that purchase's price."""
        c_lo, c_hi = self._clause_of(w.s, w.fig.start)
        if any(
            o.name == w.deal.target and c_lo <= o.start < c_hi for o in self.names.orgs[w.s.index]
        ):
            return False
        clause = fold(w.s.raw[c_lo:c_hi])
        for verb in self.lex.cues["acquire"].finditer(clause):
            bought = _WORD_RIGHT_AFTER.match(clause, verb.end())  # the verb's object
            if bought is not None and self.lex.cues["another"].match(clause, bought.start(1)):
                return True
        return False

    def _a_bid(self, w: _MoneyWindow) -> Verdict | None:
        """A bid or an offer: one that failed is no figure of the deal, one that won its price."""
        if self._says("failed", fold(w.before[-50:])) and not self._says(
            "deal", fold(w.before[-30:])
        ):
            if self._an_offer_taken(w):
                return "deal_amount_usd", CUE_DEAL, "the offer that won"
            return None, 0.0, "a bid or offer that did not become the deal"
        offer = _OFFER_AFTER.match(w.after) or self._deal_of_another_right_after(w)
        if offer and self._says("failed", fold(self._clause_after(w.s, w.fig)[offer.end() :])):
            # "OpenAI's reported $3 billion acquisition offer for Windsurf collapsed", "der
            # geplante 3-Milliarden-Dollar-Deal mit OpenAI ist geplatzt"
            return None, 0.0, "a bid or offer that did not become the deal"
        if self._failed_talks_of_another(w):
            return None, 0.0, "a bid or offer that did not become the deal"
        return None

    def _deal_of_another_right_after(self, w: _MoneyWindow) -> re.Match[str] | None:
        """A word for a deal right after a sum, a hyphen aside, and "with" another company
        ("3-Milliarden-Dollar-Deal mit OpenAI"), whose clause names no party of the deal (not
        "2,4-Milliarden-Dollar-Deal von Alphabet", the deal's own, nor "Google hires Windsurf CEO
        in $2.4 billion deal after OpenAI talks collapse")."""
        word = _WORD_RIGHT_AFTER.match(w.after)
        if word is None or not self.lex.cues["deal"].fullmatch(fold(word.group(1))):
            return None
        with_word = _WORD_RIGHT_AFTER.match(w.after, word.end())
        if with_word is None or not self.lex.cues["paired_with"].fullmatch(
            fold(with_word.group(1))
        ):
            return None
        rest = self._clause_after(w.s, w.fig)
        return None if any(n in rest for n in self._party_names(w.deal)) else word

    def _failed_talks_of_another(self, w: _MoneyWindow) -> bool:
        """A sum in a sentence that tells of failed talks of another company with the startup and
        does not name the deal's payer ("dopo mesi di trattative fallite tra OpenAI e Windsurf,
        durante le quali si era ipotizzato l'acquisto della startup per … 3 miliardi"): the
        failed purchase's sum."""
        wide = w.s.raw[max(0, w.fig.start - _FAILED_TALKS_REACH) : w.fig.start]
        failed = self._says("failed", fold(wide))
        if failed is None or any(o.name == w.deal.acquirer for o in self.names.orgs[w.s.index]):
            return False
        at = w.fig.start - len(wide) + failed.start()
        return any(
            o.name != w.deal.target and o.start >= at and self.names.is_confirmed(o.name)
            for o in self.names.orgs[w.s.index]
            if o.start < w.fig.start
        )

    def _an_offer_taken(self, w: _MoneyWindow) -> bool:
        """An offer the words around it say won or was accepted ("Google
        won over Windsurf's top talent with an offer of $2.4 billion", "… mit einem Angebot über
        2,4 Milliarden Dollar gewonnen hat"): the deal's price, no bid that failed."""
        before = w.s.raw[max(0, w.fig.start - 90) : w.fig.start]
        clause_after = fold(self._clause_after(w.s, w.fig))
        around = fold(before) + " " + clause_after[:40]
        return (
            self._says("offer_taken", around) is not None or self._bought_for_the_offer(w)
        ) and not self._says("failed", clause_after)

    def _bought_for_the_offer(self, w: _MoneyWindow) -> bool:
        """The figure's clause tells a purchase, then the offer it was made for, and nothing else
        that failed ("anunció la adquisición de esta plataforma … por una oferta cercana a los 25
        millones"; not "its offer to acquire Windsurf", whose purchase comes after the offer)."""
        c_lo, _ = self._clause_of(w.s, w.fig.start)
        return offer_of_a_purchase(self.lex, fold(w.s.raw[c_lo : w.fig.start]))

    def _put_in_by(self, w: _MoneyWindow) -> str | None:
        """The company named right after "investment by" the sum, when it is no party to the deal
        ("after receiving a $16 billion investment by Walmart": Walmart's money, not the deal's)."""
        by = _MONEY_BY_AFTER.match(w.after)
        if by is None:
            return None
        at = w.fig.end + by.end()
        return next(
            (
                o.name
                for o in self.names.orgs[w.s.index]
                if o.start == at and o.name not in (w.deal.acquirer, w.deal.target)
            ),
            None,
        )

    def _money_not_of_deal(self, w: _MoneyWindow) -> Verdict | None:
        """The deal's value said outright ("a deal valued at"), else a sum no deal has: a figure of
        something else, one too small, the value before the deal."""
        if _LICENCE_FEE_WORTH.search(w.near_before):
            return "licence_fee_usd", CUE_EXPLICIT, "the licence fee's worth"
        if _DEAL_VALUED.search(w.before) or _IT_THE_DEALS_VALUE.search(
            w.s.raw, max(0, w.fig.start - 160), w.fig.start
        ):
            return "deal_amount_usd", CUE_DEAL, "the value of the deal"
        drop = self._says("other_money", f"{w.near_before} {fold(w.after[:22])}")
        if (
            drop
            and _PAYOUT_FROM.match(w.after)
            and self._acquirer_named_after(w)
            and self._says("licence", fold(self._clause_after(w.s, w.fig)))
        ):  # "a $2.4 billion payout from the search giant in licensing fees": what the deal pays
            drop = None
        if (
            drop
            and drop.group(0).strip() == "assets"
            and (self._says("acquire", w.near_before) or _ASSETS_FOR.search(w.near_before))
        ):  # "would acquire assets from Groq for approximately $20 billion", "… personnel and
            drop = None  # intellectual assets for a whopping $650 million": a price
        if drop and not (drop.group(0).startswith("offer") and self._an_offer_taken(w)):
            return None, 0.0, f"not a deal figure ({drop.group(0).strip()})"
        if w.fig.high is not None and w.fig.high < SMALLEST_DEAL_SUM:
            return (
                None,
                0.0,
                "too small to be a sum of the deal (a price per share, a scale word lost)",
            )
        spent_on = _SPENT_IN_AFTER.match(w.after)
        if spent_on:
            # "pledged to invest $65 billion in enlarging its AI infrastructure": spent on a thing
            # the clause names, and no party to the deal
            what = _SPENT_ON_WHAT.match(w.after, spent_on.end())
            other = what and self._says("other_money", fold(what.group(0)))
            if other and not self._names_party(self._clause_after(w.s, w.fig), w.deal):
                return None, 0.0, f"spent on something else ({other.group(0).strip()})"
        if re.search(r"\bfrom\s+$", w.near_before):
            return None, 0.0, "the value before the deal"
        return None

    def _acquirer_named_after(self, w: _MoneyWindow) -> bool:
        """The deal's payer named (or called "the search giant") within the clause after the sum."""
        _, c_hi = self._clause_of(w.s, w.fig.start)
        return any(
            o.name == w.deal.acquirer and w.fig.end <= o.start < min(c_hi, w.fig.end + 50)
            for o in self.names.orgs[w.s.index]
        )

    def _money_valuation(self, w: _MoneyWindow) -> Verdict | None:
        """A valuation: the one the deal sets, or one of a round, of the past, of the payer."""
        if _IS_WORTH_BEFORE.search(w.near_before) and self._subject_before(w.s, w.fig) == (
            w.deal.acquirer
        ):
            return None, 0.0, f"what {w.deal.acquirer}{WORTH}"
        changed = _VALUE_CHANGE_BEFORE.search(w.near_before)
        c_lo, _ = self._clause_of(w.s, w.fig.start)
        if changed and self._says("valuation", fold(w.s.raw[c_lo : w.fig.start])):
            # "Scale AI's valuation more than doubled after the investment, rising from $14
            # billion to $29 billion": the value before and the value it came to
            if changed.group("to") is None:
                return None, 0.0, "a past valuation"
            if self._says("past", w.local) or self._says("dated", w.local):
                return None, 0.0, "a past valuation"
            return "target_valuation_usd", CUE_EXPLICIT, "the valuation it rose to"
        if not (
            self._valuation_word_before(w.near_before)
            or self._says("valuation", fold(w.after[:20]))
        ):
            return None
        if self._buys_holders_shares(w):
            # "以25亿美元的估值收购Character.AI投资者手中的股份", "will buy out its investors' shares at
            # a $2.5 billion valuation": the valuation the deal's purchase of shares sets
            return "target_valuation_usd", CUE_EXPLICIT, "the valuation its shares are bought at"
        if (
            self._says("round", w.local)
            or self._says("funding", w.local)
            # "valuing the company at $160 million pre-money": a round's valuation, by its own name
            or _ROUND_VALUATION.search(w.local)
            # "기업 가치 40억달러를 인정받고, MS로부터 … 투자를 유치하기도 했다": the verb of raising
            # money closes the sentence (not "今回の取引で…評価額は": what this deal sets)
            or self.lex.verb_final
            and self._says("funding", self._clause_after(w.s, w.fig))
            and not self._says("deal", w.s.raw[c_lo : w.fig.start])
        ):
            return None, 0.0, "the valuation of a funding round"
        if self._says("past", w.local) or self._says("dated", w.local):
            return None, 0.0, "a past valuation"
        if self._deal_is_valued(w.near_before):
            # "the deal is valued at $N", "la operación tiene un valor de": what the deal is worth
            return "deal_amount_usd", CUE_DEAL, "the value of the deal"
        subject = self._subject_before(w.s, w.fig)
        if subject is not None and subject == w.deal.acquirer:
            return None, 0.0, f"{subject}{OWN_VALUATION}"
        if self._set_by_deal(fold(w.clause), w.before):
            return "target_valuation_usd", CUE_EXPLICIT, "the valuation the deal sets"
        return None, 0.0, "a valuation the deal is not said to set"

    def _buys_holders_shares(self, w: _MoneyWindow) -> bool:
        """The deal's payer buys shares from their holders at the valuation: a word of buying and
        one of shares around it, none of a round, and the payer the clause's subject."""
        return bool(
            self._says("acquire", w.local)
            and self._says("stake", w.local)
            and not self._says("round", w.local)
            and self._subject_before(w.s, w.fig) == w.deal.acquirer
        )

    def _valuation_word_before(self, near_before: str) -> bool:
        """A word of valuation before the sum that is not another sum's ("a $29 billion valuation
        following Meta's $14–15 billion investment": the word is the first sum's)."""
        words = list(self.lex.cues["valuation"].finditer(near_before))
        return bool(words) and not _SUM_ENDS.search(near_before, 0, words[-1].start())

    def _deal_is_valued(self, near_before: str) -> bool:
        """The deal itself is what the valuation word values, right before the sum: "the deal is
        valued at about", "la operación tiene un valor de" (not "the deal values the company at")."""
        valued = self._says("valuation", near_before)
        if valued is None or not self.lex.spaced:
            return False
        lead_start = max(0, valued.start() - 40)
        owner = self._says("deal", near_before[lead_start : valued.start()])
        return (
            owner is not None
            and _DEAL_VALUE_VERB.fullmatch(near_before[lead_start + owner.end() : valued.start()])
            is not None
            and _DEAL_VALUE_TAIL.match(near_before[valued.end() :]) is not None
        )

    def _money_startup_worth(self, w: _MoneyWindow) -> Verdict | None:
        """ "the $4 billion startup": what the startup was worth when the deal was told; "the $4
        billion artificial intelligence company Cognition": what another company is worth."""
        worth_of = _COMPANY_PRICED_AFTER.match(w.after)
        if worth_of and not self._names_party(w.after[: worth_of.end() + 40], w.deal):
            return None, 0.0, "what another company is worth"
        if not _STARTUP_PRICED_AFTER.match(w.after):
            return None
        first = _FIRST_WORD_AFTER.match(w.after)
        if first and self.lex.cues["tied_to"].fullmatch(fold(first.group(1))):
            return None  # "30 millions de dollars pour la start-up": a sum paid for it, no worth
        if self._says("price_for", w.near_before) and self._says("acquire", w.near_before):
            # "ha acquisito per 10 milioni di dollari la startup": the price paid for it
            return None
        if self._says("past", w.local) or self._says("dated", w.local):
            return None, 0.0, "a past valuation"
        return "target_valuation_usd", CUE_DEAL, "the startup's worth, as the story gives it"

    def _money_funding(self, w: _MoneyWindow) -> Verdict | None:
        """Money raised from investors: the startup's funding, unless it is the payer's own, a
        dated round, or the clause says the sum is paid."""
        # (the words of this clause only: "raised $80 million in a 2024 Series A, and the deal
        # follows Google's $2.4 billion Windsurf licensing arrangement")
        near_before = _NEW_CLAUSE_SPLIT.split(w.near_before)[-1]
        given_by_funders = self._given_by_funders(w.s.raw[: w.fig.start])
        if not (
            self._says("funding", near_before)
            or self._says("funding", fold(w.after[:30]))
            or given_by_funders
        ):
            return None
        subject = self._subject_before(w.s, w.fig)
        if _A_STARTUP_THAT_BEFORE.search(near_before):
            subject = None  # "shuts down a startup that raised $14 million": the startup's money
        invested_in = _INVESTMENT_IN_AFTER.match(w.after)
        if invested_in and self._names_party(
            w.after[invested_in.end() : invested_in.end() + 40], w.deal
        ):
            return None  # "backed by Meta's $14.3 billion investment in Scale AI": the deal's sum
        if subject is not None and subject == w.deal.acquirer and not self._described_only(w):
            return None, 0.0, f"{subject}'s own funding"
        if subject is None and self._told_of_another(w.s, w.deal):
            return None, 0.0, "raised by a company the sentence does not name"
        raiser = self._only_another_raiser(w.s, w.deal) if subject is None else None
        if raiser is not None:
            return None, 0.0, f"raised by {raiser}, which the sentence names, not the startup"
        if self._is_funding_round(w):
            return None, 0.0, "a funding round"
        if (
            given_by_funders
            or not self._says("pay", fold(w.before[-30:]))
            or self._says("funding", fold(w.before[-30:]))
        ):
            return "target_funding_raised_usd", CUE_EXPLICIT, "money raised from investors"
        return None

    def _described_only(self, w: _MoneyWindow) -> bool:
        """The payer said to raise a first round's money is named only by words that describe a
        company ("The company has reportedly raised about $700,000 in seed funding", read as the
        buyer the text named most): a buyer raises no seed money, the startup it buys does."""
        c_lo, c_hi = self._clause_of(w.s, w.fig.start)
        named = self._named_before(w.s, w.fig)
        return (
            bool(named)
            and named[-1].generic
            and len({o.name for o in named}) == 1
            and self._says("first_round", fold(w.s.raw[c_lo:c_hi])) is not None
        )

    def _given_by_funders(self, before: str) -> bool:
        """The sum's clause is a relative one about investors, right after them: "the backing of
        institutional investors, who gave Lumeo more than $1 million", "inwestorów, którzy
        zasilili Lumeo kwotą …": money raised, whatever verb of giving the clause uses."""
        folded = fold(before[-120:])
        opened = max(_RELATIVE_OPENS.finditer(folded), key=lambda m: m.start(), default=None)
        if (
            opened is None
            or "," in folded[opened.end() :]
            or not self.lex.cues["relative"].fullmatch(opened.group(1))
            # (not "pagare gli investitori, che hanno fissato il prezzo di vendita a …": the
            # price the investors set for the deal)
            or any(self._says(c, folded[opened.end() :]) for c in ("sale_price", "acquire", "deal"))
        ):
            return False
        antecedent = folded[max(0, opened.start() - 40) : opened.start()]
        return bool(self._says("funding", antecedent) or self._says("investors", antecedent))

    def _only_another_raiser(self, s: Sentence, deal: Deal) -> str | None:
        """The one company a sentence names, where it names no party to the deal and that company
        is not named as an investor ("Flush with $1.9 billion it raised in 2014, Flipkart has
        plenty of cash": Flipkart's money, in a story of CommonFloor buying Bakfy)."""
        named = self.names.orgs[s.index]
        if _OPENS_ON_A_REFERENCE.match(s.raw):
            return None  # "It raised under $2 million from …": the company the story is about
        if len({o.name for o in named}) != 1 or any(
            o.name in (deal.acquirer, deal.target) for o in named
        ):
            return None
        company = named[0]
        if "venture_firm" in self.names.evidence.get(
            company.name, set()
        ) or _INVESTOR_BEFORE.search(s.raw, max(0, company.start - 40), company.start):
            return None
        return company.name

    def _told_of_another(self, s: Sentence, deal: Deal) -> bool:
        """A sentence that names no company, between sentences that name another company and not
        the deal's startup ("The Big Raise: $500 Million in Fresh Funding", under a story about
        Cognition): its sum is that company's."""
        if self.names.orgs[s.index]:
            return False
        around = [i for i in (s.index - 1, s.index + 1) if 0 <= i < len(self.sentences)]
        others = {
            o.name
            for i in around
            for o in self.names.orgs[i]
            if o.name not in (deal.acquirer, deal.target)
        }
        return bool(others) and not any(
            o.name == deal.target for i in around for o in self.names.orgs[i]
        )

    def _is_funding_round(self, w: _MoneyWindow) -> bool:
        """A round told as one, or dated ("in its Series B", "last year", "when it raised"); not a
        seed round (all a young startup has raised), nor money told as raised in all ("to date",
        "had raised") in no round named."""
        if (
            # "raised another $115M", "sammelte zudem 115 Millionen": one more round, not the total
            self._says("one_more", w.near_before[-30:])
            # "raised money at $6.9 billion", "bei 6,9 Milliarden Dollar Kapital aufgenommen": the
            # round's valuation
            or re.search(r"\b(?:at|bei)\s+$", w.near_before)
            or _AT_VALUATION_AFTER.match(w.after)
            # "is raising $650 million", "the $650M raise": a round under way, or named as one
            or _RAISING_NOW_BEFORE.search(w.near_before)
            or _A_RAISE_AFTER.match(w.after)
        ):
            return True
        if self._says("first_round", w.near):
            # (all a young startup has raised, unless the sentence tells one more after it: "his
            # first seed funding of $300,000 …, then a second $1.23 million a year later")
            return self._one_more_after(w)
        if self._says("round", without_names(w.near, self.names.orgs[w.s.index])):
            return True  # (not an investor's name: "from First Round, Y Combinator, …")
        if self._says("funding_total", w.near):
            return False  # "avait levé plus de 15 millions de dollars en 2022": all it had raised
        return bool(
            self._says("dated", fold(w.after[:25]))
            or _RECEIVED_DATED_AFTER.match(self._clause_after(w.s, w.fig))
            or (  # "今年9月籌得": in Chinese and Japanese the date comes first
                not self.lex.spaced
                and self._says("dated", fold(CJK_PHRASE_BREAK.split(w.before)[-1]))
            )
            or (  # "지난해 말 스파크캐피털, ARM … 등으로부터 1억 1500만 달러 규모의 투자금을 유치했다":
                # where the verb closes the clause, its date opens it, lists of backers between
                self.lex.verb_final
                and self._says(
                    "dated", fold(w.s.raw[self._clause_of(w.s, w.fig.start)[0] : w.fig.start])
                )
            )
            or re.search(r"\bwhen\s+(?:it|they)\s+\w+\s*$", w.near_before)
            # "In September 2025, Groq raised $750 million": a clause that opens on its date
            or _OPENS_ON_A_DATE.match(w.s.raw, self._clause_of(w.s, w.fig.start)[0]) is not None
        )

    def _one_more_after(self, w: _MoneyWindow) -> bool:
        """A later sum of the sentence is told as one more ("then a second $1.23 million")."""
        return any(
            self._says("one_more", fold(w.s.raw[max(0, at - 30) : at]))
            for at in self._sum_starts
            if at > w.fig.start
        )

    def _money_licence(self, w: _MoneyWindow) -> Verdict | None:
        """A sum paid for a licence: the licence's fee, or the deal's amount when the same sum also
        pays for the people."""
        s, fig, before, after = w.s, w.fig, w.before, w.after
        c_lo, _ = self._clause_of(s, fig.start)
        long_before = s.raw[
            max(c_lo, fig.start - 120) : fig.start
        ]  # "licensed X's ... technology for $N"
        # the words after how the sum is paid and to whom ("$650 million in cash to Inflection AI
        # to license its models", "650 milioni di dollari cash a Inflection AI per ottenere la
        # licenza"): what it was paid for
        paid_for = (
            self._past_form_and_payee(s.raw[fig.end :], w.deal.target) if self.lex.spaced else None
        )
        if paid_for is not None:
            after = paid_for[: len(after)]
        fee = (
            None
            if self.english
            else self._says("licence_fee", fold(after[: 24 if self.lex.spaced else 12]))
        )
        if fee is None and not self.english and self.lex.spaced:
            # "biaya lisensi sebesar 650 juta dolar": the fee named right before the sum
            fee = _named_just_before(self.lex.cues["licence_fee"], fold(before[-40:]))
        if fee is None and not self.lex.spaced:
            # where words are not spaced, anywhere in the sum's phrase: "ライセンス料の一部として約6億
            # 5000万ドル", "花24亿美元买下…Windsurf的技术授权"; with the people in it too ("라이선스
            # 비용 및 인재 영입에 관한 보증금으로 … 24억 달러"), what the deal pays
            phrase = fold(_unspaced_phrase_around(before, after))
            fee = self._says("licence_fee", phrase)
            if fee is not None and (self._says("hire", phrase) or self._says("acquihire", phrase)):
                return "deal_amount_usd", CUE_DEAL, "paid for the licence and the people"
        if fee is not None:
            # "27億ドルのライセンス料", "24 亿美元的许可费", "3 mil millones de dólares para licenciar":
            # the fee named right after the sum
            rest = fold(self._clause_after(s, fig))
            if _FEES_AND_AFTER.match(after) or (
                _LICENSING_VERB.search(fee.group(0))
                and (self._says("hire", rest) or self._says("join", rest))
            ):
                # "... para licenciar su tecnología y conseguir que Shazeer ... aceptaran trabajar para"
                return "deal_amount_usd", CUE_DEAL, "paid for the licence and the people"
            return "licence_fee_usd", CUE_EXPLICIT, "the licence fee"
        if not (
            _LICENCE_FOR.search(long_before)
            or _LICENCE_FEE_BEFORE.search(before)
            or _LICENCE_AFTER.match(after)
            or _COVERS_LICENCE.match(after)
        ):
            return None
        rest = self._clause_after(s, fig)
        if _AND_HIRE_AFTER.match(rest) or _FEES_AND_AFTER.match(rest):
            return "deal_amount_usd", CUE_DEAL, "paid for the licence and the people"
        if _COVERS_LICENCE.match(after):
            return "licence_fee_usd", CUE_EXPLICIT, "what the licence costs"
        if not _DEAL_AFTER.match(after) or _LICENCE_AFTER.match(after):
            return "licence_fee_usd", CUE_EXPLICIT, "paid for the licence"
        return None

    def _past_form_and_payee(self, after: str, target: str) -> str | None:
        """The words after a sum past how it is paid ("in cash") and the startup it is paid to,
        named after one short word ("to", "a", "à"), in a language that spaces its words (not "9
        億美元授權 Lumeo 技術", a verb of licensing before the name); None when they do not name it so."""
        rest = after
        form = self.lex.cues["paid_in"].match(fold(rest).lstrip())
        if form is not None:
            rest = rest.lstrip()[form.end() :]
        payee = _SHORT_WORD.match(rest)
        return None if payee is None else self._after_the_name_of(target, rest[payee.end() :])

    def _opens_on_the_price(self, w: _MoneyWindow) -> bool:
        """ "For $330 million (plus …), Amazon took …"; "At $15 million, Summize might be a cheaper
        solution than …" (the startup named right after): a sentence that opens on the price."""
        opening = fold(w.s.raw[: w.fig.start])
        if len(opening) < 25 and _FOR_A_SUM.fullmatch(opening.lstrip(' "“(')):
            return True
        return bool(re.fullmatch(r"\s*at\s+", opening)) and any(
            re.match(rf",\s+{re.escape(n)}\b", w.after) for n in self._aliases(w.deal.target)
        )

    def _earlier_than_the_deal(self, w: _MoneyWindow) -> bool:
        """Every relation of the deal the sum's sentence tells is background ("had already",
        "bereits"), and another sentence tells the deal itself (not "just hours after Meta
        announced a $14.3 billion investment", the deal the story follows)."""
        here = [r for r in w.deal.relations if r.sentence == w.s.index]
        return (
            bool(here)
            and all(r.background for r in here)
            and any(r.sentence != w.s.index and not r.background for r in w.deal.relations)
        )

    def _money_paid(self, w: _MoneyWindow) -> Verdict | None:
        """What the deal pays: said near the sum, a purchase's price, a row of a table of deals, a
        sum in the headline, or a clause that speaks of paying; not a sum told as the past."""
        near, near_before = w.near, w.near_before
        earlier = self._money_from_before(w)
        if earlier is not None:
            return earlier
        if (
            self._says("pay", near)
            or self._says("deal", near)
            or self._says("stake", near)
            or _DEAL_AFTER.match(w.after)
        ):
            return "deal_amount_usd", CUE_DEAL, "what the deal pays"
        if self._buys_the_startup_named_next(w):
            return "deal_amount_usd", CUE_DEAL, "the price of the purchase of the startup"
        if (
            _FOR_A_SUM.search(near_before)
            and self._says("hire", fold(w.before[-90:]))
            and not self._says("pay_package", near)
        ):
            # "hired Inflection AI's co-founders and staff for reportedly $650 million"
            return "deal_amount_usd", CUE_DEAL, "the price of the people hired"
        wide_before = w.s.raw[max(0, w.fig.start - 100) : w.fig.start]
        if (
            _FOR_A_SUM.search(near_before)
            and self._says("acquire", fold(wide_before))
            and any(n in wide_before for n in self._aliases(w.deal.target))
        ):
            # "the acquisition of most of Inflection's personnel and assets for $650 million"
            return "deal_amount_usd", CUE_DEAL, "the price of what was bought from the startup"
        if self._opens_on_the_price(w):
            return "deal_amount_usd", CUE_DEAL, "the price the sentence opens on"
        if self._says("acquire", near) and self._says("price_for", near_before):
            if not any(o.name == w.deal.target for o in self.names.orgs[w.s.index]):
                # "Statsig, which OpenAI bought for $1.1 billion": a purchase of something else
                return None, 0.0, "the price of a purchase that does not name the target"
            return "deal_amount_usd", CUE_DEAL, "the price paid"
        if _PURCHASE_AFTER.match(w.after) and self._subject_before(w.s, w.fig) == w.deal.acquirer:
            return "deal_amount_usd", CUE_DEAL, "the price of the payer's purchase"
        if any(r.sentence == w.s.index and r.strength == STRENGTH_JOINED for r in w.deal.relations):
            return "deal_amount_usd", CUE_DEAL, "the value in a table of deals"
        price_said = self._price_said_before(w)
        if price_said is not None:
            return "deal_amount_usd", CUE_DEAL, price_said
        if (w.s.is_headline or w.s.index <= 1) and w.deal.acquirer not in self.price_untold:
            return "deal_amount_usd", CUE_HEADLINE, HEADLINE_GUESS
        if (
            (self._says("pay", fold(w.clause)) or self._says("deal", fold(w.clause)))
            and not self._says("undisclosed", w.s.folded)
            # (not "oferecido bónus de 100 milhões de dólares a trabalhadores": people's pay)
            and not self._says("pay_package", fold(w.clause))
        ):
            # (not in a sentence that says the terms were not disclosed: "Although the terms of
            # the deal were not disclosed, … the company has generated a capital of $ 750,000")
            return "deal_amount_usd", CUE_DEAL * 0.9, "what the deal pays (the clause says so)"
        return None

    def _money_from_before(self, w: _MoneyWindow) -> Verdict | None:
        """A sum told as the past, or an investment made before the deal."""
        near = w.near
        if self._says("past", fold(w.before[-30:])) and not self._says("pay", near):
            return None, 0.0, "told as the past"
        if (
            self._says("past", fold(w.before[-30:]))
            and self._says("invest", near)
            and w.deal.kind != "investment_and_hire"
        ):
            # "Harbor had invested $125 million in Quillbyte in 2023": money from before a deal
            # that is no investment
            return None, 0.0, "an earlier investment"
        if (
            self._says("invest", near)
            and self._says("past", fold(w.clause))
            and self._earlier_than_the_deal(w)
        ):
            # "Nvidia investierte bereits im Jahr 2023 125 Millionen US-Dollar in Enfabrica", in a
            # story of Nvidia hiring its people: the pair's earlier investment, not this deal
            return None, 0.0, "an earlier investment"
        return None

    def _buys_the_startup_named_next(self, w: _MoneyWindow) -> bool:
        """Right after the sum, what it buys and the startup ("14,8 milliards de dollars pour le
        rachat de Scale AI", "$40 million for the purchase of Lumeo"): the deal's price."""
        after = w.after[:60]
        bought = self.lex.cues["purchase_of"].search(fold(after))
        return bought is not None and (
            self._after_the_name_of(w.deal.target, after[bought.end() :].lstrip(" '’")) is not None
        )

    def _price_said_before(self, w: _MoneyWindow) -> str | None:
        """The words right before a sum that make it the price: "the price of", "In total, the",
        a purchase "at" it ("The acquisition is said to be at $18 million", "came in at")."""
        if _PRICE_NAMED_BEFORE.search(w.near_before):
            return "the price, named so"
        if (
            _AT_A_SUM.search(w.near_before)
            and self._says("acquire", fold(w.near_before))
            and not self._says("valuation", fold(w.after[:25]))
        ):
            return "what the purchase came to"
        if _TOTAL_BEFORE.search(w.near_before):
            return "the total paid"  # "In total, the $650 million ..."
        return None

    def _set_by_deal(self, folded_clause: str, before: str) -> bool:
        """A valuation the deal sets: "the deal values Groq at", "valuing the firm at", "the $20 billion valuation"."""
        return bool(
            self._says("deal", folded_clause)
            or self._says("invest", folded_clause)
            or self._says("pay", folded_clause)
            or _VALUES_TARGET.search(before)
            or re.search(r"\bthe\s+$", fold(before[-6:]))
        )

    def _payer_before(self, s: Sentence, fig: Figure) -> str | None:
        """The company that pays the sum, when the clause says "X agreed to pay $N" or "X was in
        talks to acquire Y for $N": the last company named before the paying or buying verb."""
        c_lo, _ = self._clause_of(s, fig.start)
        # (within the sentence's last clause joined by ", and": "Google hired the founders of
        # Character.AI in a multibillion-dollar deal, and Microsoft hired … in a $650 million deal")
        breaks = [m.end() for m in _NEW_CLAUSE_SPLIT.finditer(s.raw, c_lo, fig.start)]
        if breaks:
            c_lo = breaks[-1]
        owner = next(
            (
                o
                for o in self.names.orgs[s.index]
                if c_lo <= o.start
                and o.end <= fig.start
                and re.fullmatch(r"(?:['’]s)?\s*", s.raw[o.end : fig.start])
                and (o.generic or s.raw[o.end : o.end + 2] in {"'s", "’s"})
            ),
            None,
        )
        if owner is not None:  # "Meta's $14 billion investment", "its $2.4 billion deal"
            return owner.name
        told_after = next(  # "Google paid $2.4B for Windsurf, Nvidia $20B for Groq": the verb left out
            (o.name for o in self.names.orgs[s.index]
             if c_lo <= o.start and o.name in self.payers and s.raw[o.end : fig.start].isspace()),
            None,
        )  # fmt: skip
        if told_after is not None:
            return told_after
        window = fold(s.raw[c_lo : fig.start])
        verbs = [m for m in (*self.lex.cues["pay"].finditer(window), *self.lex.cues["acquire"].finditer(window))
                 if fig.start - (c_lo + m.end()) <= 90]  # fmt: skip
        if not verbs:
            return None
        verb_at = c_lo + max(verbs, key=lambda m: m.start()).start()
        subjects = [
            o
            for o in self.names.orgs[s.index]
            if c_lo <= o.end <= verb_at and s.raw[o.end : o.end + 2] not in {"'s", "’s"}
        ]
        if not subjects or self._says("deal", fold(s.raw[subjects[-1].end : verb_at])):
            return None
        return subjects[-1].name
