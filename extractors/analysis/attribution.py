"""Which deal and metric a figure states, or why it states none.

A figure belongs to what its clause says it is about. Figures about something else are
left out, each with its reason: another deal's price ("buying WhatsApp for $19
billion"), a currency conversion in brackets, revenue, a contract, a past valuation, a
funding round, a part of the price ("$1.2 billion to investors"), an age at another
moment ("at 19"). Every attribution carries a confidence from how explicit its cue is
and how directly the clause names the deal.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cache

from extractors.analysis.deals import Deal
from extractors.analysis.figures import Figure
from extractors.analysis.lexicon import Lexicon, SentenceCues
from extractors.analysis.names import Names, OrgMention, past_employer_before, without_names
from extractors.analysis.relations import (
    BY_WORDS,
    MONEY_KINDS,
    SOURCE_BEFORE,
    STRENGTH_JOINED,
    Relation,
)
from extractors.analysis.text import CLAUSE_JOIN, Sentence, clause_bounds, fold

# How many sentences back a figure without a named party may still belong to the deal last named.
CARRY_SENTENCES = 2
# Characters around a figure read for its cue words.
CUE_BEFORE = 60
CUE_AFTER = 45
# Confidence of each way a metric is known, before the deal's own confidence weighs in.
CUE_EXPLICIT = 0.92  # "valued at", "raised", "licence fee", "stake", "founded in"
CUE_DEAL = 0.85  # "pays", "invests", "deal", "for a stake"
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


# How directly the clause names the deal.
NAMED_IN_CLAUSE = 1.0
NAMED_IN_SENTENCE = 0.93
CARRIED = 0.8
OTHER_LANGUAGE = 0.95
AMBIGUOUS = 0.85
STRANGER = 0.85

_PAREN_BEFORE = re.compile(
    r"[(（]\s*(?:about|approximately|around|roughly|some|약|約|约|c\.|ca\.|environ|circa|rund|etwa|unos|cerca\s+de|~)?\s*$",
    re.IGNORECASE,
)
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
# A person's firm that invested: "Davis, whose company has invested more than $500 million in Groq".
_INVESTOR_OWN = re.compile(
    r"\bwhose\s+(?:company|firm|fund|venture\s+firm)\s+(?:has\s+|had\s+)?(?:\w+\s+)?invested\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
# The words between a deal and its valuation word ("the deal is valued", "la operación tiene un
# valor"), and between that word and the sum ("valued at about", "un valor de").
_DEAL_VALUE_VERB = re.compile(
    r"\w*\s+(?:(?:is|was|are|were|has|had|been|being|reportedly|tiene|tenía|con|un|una|hat|hatte|einen|a|une|avec|ha|"
    r"worth|with|of|de|d['’]une?|im|mit|einem)\s+|(?:extraordinaire|historique|record|reported|massive|huge|enorme|énorme)\s+)*"
)
_DEAL_VALUE_TAIL = re.compile(
    r"\w*\s+(?:(?:at|of|de|von|à|di|em)\s+)?(?:(?:about|around|roughly|some|approximately|nearly|almost|unos|"
    r"alrededor\s+de|cerca\s+de|rund|etwa|environ|circa)\s+)?$"
)
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
# The words between a name and the age of the phrase set beside it: ", a software engineer of", ", un
# ingeniero de software de", ", um jovem bilionário de apenas", ", hoy de".
_APPOSITION_TO_AGE = re.compile(
    r",\s+(?:(?:hoy|ahora|actualmente|hoje|oggi|heute|now|today)\s+)?"
    r"(?:(?:a|an|the|un|una|um|uma|el|la|le|il|lo|o|der|die|ein|eine)\s+[^,;()\d]*|de\s+|aged\s+)",
    re.IGNORECASE,
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
# A definite article right before a count of people: the whole of them ("notified the 11
# employees", "avvisato gli 11 dipendenti")
_THE_WHOLE_BEFORE = re.compile(
    r"\b(?:the|all|gli|i|les|los|las|die|os|as|tutti\s+gli|todos\s+los|tous\s+les)\s+$"
)
# A percentage right before a worded share ("a 49% minority nonvoting stake")
_PERCENT_JUST_BEFORE = re.compile(r"\d\s*(?:%|per\s*cent|percent|por\s+ciento|pour\s+cent)\s+$")
# "$14.3 billion investment in Scale AI": a sum invested in the company named next
_INVESTMENT_IN_AFTER = re.compile(r"^\s+(?:[\w-]+\s+)?investment\s+in(?:to)?\s+", re.IGNORECASE)
# A round under way or named as one: "is raising $650 million", "the $650M raise"
_RAISING_NOW_BEFORE = re.compile(r"\b(?:is|are|was|were)\s+(?:now\s+)?raising\s+(?:\w+\s+)?$")
_A_RAISE_AFTER = re.compile(r"^\s+(?:funding\s+)?raise\b")
# "half of that", "a third of the money": a share of a sum the sentence named
_OF_THE_SUM_AFTER = re.compile(
    r"^\s*of\s+(?:that|this|it|which|the\s+(?:money|sum|total|amount|payout|price|proceeds))\b"
)
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
    # "the $4 billion AI startup", not "$400 million for AI startup Lumeo" (a price paid for it)
    r"^[”\"’']?\s+(?!(?:for|to|in|into|on|of)\s)(?:[\w-]+\s+){0,2}?(?:startup|start-up|unicorn|upstart)\b",
    re.IGNORECASE,
)
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
# People right after a company's name: "Google engineers"
_PEOPLE_AFTER = re.compile(
    r"(?:'s|’s)?\s+(?:engineers?|employees?|executives?|researchers?|staff(?:ers)?|veterans?|alumni)\b"
)
# "paying investors, who put a reported $17 million into the company": what they invested
_INVESTORS_WHO_PUT = re.compile(
    r"\b(?:investors|backers|venture\s+capitalists|vcs)\s*,?\s+(?:who|which|that)\s+(?:had\s+|have\s+)?"
    r"(?:put|poured|invested|sank|pumped)\s+(?:(?:a\s+)?(?:reported|total\s+of|about|some|roughly|nearly)\s+)*$",
    re.IGNORECASE,
)
_FOR_OTHER = re.compile(
    r"^\s*(?:for|to\s+buy|to\s+acquire)\s+(?P<name>[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)?)"
)
_STAFF_MOVE = re.compile(
    r"\b(?:mov\w*|join\w*|transition\w*|go(?:es|ing)?\b|follow\w*|leav\w*|hir\w*|depart\w*|embauch\w*|wechsel\w*|rejoin\w*)",
    re.IGNORECASE,
)
# What says a count is the size of a company: "has grown to", "employs", "a workforce of".
_SIZE_BEFORE = re.compile(
    r"\b(?:grown\s+to|grew\s+to|employs|employed|employing|headcount\s+of|workforce\s+of|staff\s+of|team\s+of|has|had|have|with)\s+(?:\w+\s+){0,2}$"
)
# "$2.4 billion payout from the search giant in licensing fees": a payout the deal's payer makes.
_PAYOUT_FROM = re.compile(r"\s+payouts?\s+from\s+", re.IGNORECASE)
# "Meta shares were up over 12%", "the stock jumped 8%": a share price moving, not a stake.
# The word for "by" ending the words before a figure ("founded by two …", "fondée par trois …")
_BY_AT_END = re.compile(rf"\b(?:{BY_WORDS}|von)\s+$")
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
# "X, a startup of five people", "X, uma startup de cinco pessoas", "X, ein Start-up mit zehn
# Mitarbeitern": the company noun of an apposition, right before a count, sizes the company named.
_COMPANY_OF = re.compile(
    r"\b(?:startup|start-up|company|firm|empresa|companhia|entreprise|société|firma|unternehmen|"
    r"azienda|società)\s+(?:of|de|di|da|con|com|avec|mit|with)\s+$"
)
# "para licenciar su tecnología y conseguir que Shazeer …": a verb of licensing, whose purpose may
# hold the hiring too (unlike "für eine Lizenz und holte …", a fee and then a second verb)
_LICENSING_VERB = re.compile(r"licenci(?:ar|er)|lizenzieren|licenziare", re.IGNORECASE)
# "for $N", "for reportedly $N", "for about $N": the price of what the verb before it does.
_FOR_A_SUM = re.compile(
    r"(?<!return\s)\bfor\s+(?:a\s+)?(?:reportedly\s+|a\s+reported\s+|about\s+|roughly\s+|around\s+|some\s+|an\s+estimated\s+|"
    r"(?:whopping|hefty|cool|massive|staggering|mere)\s+)?$"
)
# "to assemble a group of about 50 experts": the team being built, not the people a deal brings.
_TEAM_BUILT_BEFORE = re.compile(
    r"\b(?:assembl\w*|build\w*|form\w*|creat\w*|put\w*\s+together)\s+(?:a|an|its|the)\s+(?:[\w-]+\s+)?"
    r"(?:group|team|lab|unit|division)\s+of\s+(?:about\s+|around\s+|some\s+|roughly\s+)?$"
)
# "to continue operating with ~250 employees", "is left with 40 staff": the staff who stay.
# "約250名員工中的大部分" (most of the about 250 staff), "250명 중 대부분", "250人のうち": the count is
# the whole, a part of which the sentence goes on to tell
# ("約 250 名の従業員の大部分が残り", "120 employees, most of whom stay")
_PART_OF_IT_AFTER = re.compile(
    r"^\s*(?:中的|之中|當中|当中|중|가운데|のうち|の中で|の\s?(?:大部分|大半|多く|半数|ほとんど|一部))"
    # "45名员工中约30人" (about 30 of the 45 staff): "中" and the part's number
    r"|^\s*中(?=\s?(?:约|約|近|超过|超過|逾|有|大约|大約)?\s?[\d一二三四五六七八九十两兩百])"
    r"|^,?\s+(?:most|many|some|half|all|several)\s+of\s+(?:whom|them)\b"
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
# "Prompt AI, with only 11 employees, …": the size of the company the comma follows
_WITH_STAFF_BEFORE = re.compile(
    r",\s+(?:with|avec|con|com|mit)\s+(?:only\s+|just\s+|about\s+|around\s+|roughly\s+|some\s+|nearly\s+|"
    r"fewer\s+than\s+|more\s+than\s+|over\s+|seulement\s+|solo\s+|apenas\s+|nur\s+)?[~≈]?$"
)
# "80 percent of Adept's technical staff": a share of one group, not of the whole staff
_PART_OF_STAFF_AFTER = re.compile(
    r"^\s*of\s+(?:the\s+|its\s+|their\s+)?(?:[\w.-]+(?:'s|’s)\s+)?(?:technical|engineering|research|"
    r"sales|product|design|r&d|ai|core|senior|top|leadership|management|executive)\s+(?:staff|team|employees|workforce|personnel)\b"
)
_REMAINING_WITH_BEFORE = re.compile(
    r"\b(?:operat\w+|continu\w+|remain\w*|left|stay\w*|carry\s+on)\s+with\s+(?:about\s+|around\s+|some\s+|roughly\s+)?[~≈]?$"
)
# "assets for a whopping $650 million": what the assets were bought for
_ASSETS_FOR = re.compile(r"\bassets\s+for\s+(?:[\w-]+\s+){0,2}$")
# A clause that opens on the month or year it tells of ("In September 2025, …", "In 2023, …")
_OPENS_ON_A_DATE = re.compile(
    r"\W*(?:in|during)\s+(?:(?:early|late|mid-?)\s*)?(?:[A-Z][a-z]+\s+)?(?:19|20)\d\d\s*,",
    re.IGNORECASE,
)
# The words right after a count, up to its verb's object ("will transition to", "are joining")
_VERB_NEXT = re.compile(
    r"\s*(?:(?:will|would|are|were|have|has|had|now|all|also|be|been|set|to)\s+)*\w+(?:\s+\w+)?"
)
# "the acquisition of Quillbyte and its 40 employees", "le rachat de Quillbyte et ses 40
# salariés": the people bought with the company (a purchase word in the words before it)
_BOUGHT_WITH_ITS = re.compile(r"\b(?:and|et|y|e|und)\s+(?:its|ses|sus|seus|i\s+suoi|seine[n]?)\s+$")
# "the full team of roughly 12", right before a count: a team named whole (the purchase word
# before it, if any, makes it a team bought, which moves)
_TEAM_OF_BEFORE = re.compile(
    r"\b(?:its|the|their)\s+(?:full|whole|entire|core\s+)?\s*(?:team|staff|workforce)\s+of\s+(?:\w+\s+)?$"
)
# A price for one person: "$500,000 to $1,000,000 to ‘buy’ an engineer", "$1 million per engineer"
_PER_PERSON_AFTER = re.compile(
    r"^\s*(?:per|a|each|for\s+(?:each|every|an?)|to\s+['‘’\"]?(?:buy|hire|acquire)['‘’\"]?\s+(?:an?|each|one))\s+"
    r"(?:engineer|employee|person|head|hire|developer|researcher|worker)\b",
    re.IGNORECASE,
)
# "the rest of the 250-person team is staying put": the company's staff, all but those who left
_REST_OF_BEFORE = re.compile(r"\b(?:rest|remainder)\s+of\s+(?:the|its|their)\s+$")
_STAYS_AFTER = re.compile(
    r"^\s*(?:[\w-]+\s+){0,2}?(?:is|are|will|would)\s+(?:\w+\s+)?(?:stay\w*|remain\w*|continu\w*)\b"
)
# "$36 million on acquisitions": a total over several purchases.
_SEVERAL_PURCHASES_AFTER = re.compile(
    r"^\s+(?:on|in|for)\s+(?:\w+\s+)?(?:acquisitions|purchases|deals|takeovers)\b", re.IGNORECASE
)
# Staff cut or leaving around a share of staff: people the deal did not hire.
_STAFF_LEAVE = re.compile(
    r"\b(?:cut|cuts|cutting|laid\s+off|lay\s+off|lays\s+off|layoffs?|fired|departing|departed|"
    r"leaving|quit|quitting|remaining|redundan\w+|despid\w+|licenci\w+|entlass\w+)\b"
)
# "The company, a 7-person team, was founded by …": a sized team or company set beside the startup
_APPOSITIVE_BEFORE = re.compile(r",\s+(?:a|an|un|une|uma|um|una|ein|eine)\s+$", re.IGNORECASE)
_THE_COMPANY_END = re.compile(r"\b(?:the|this)\s+(?:company|startup|start-up|firm)$", re.IGNORECASE)
_SIZED_COMPANY_NOUN = re.compile(
    r"(?:team|startup|start-up|company|firm|outfit|shop|operation)$", re.IGNORECASE
)
# A sum no deal and no startup's worth has reached ("the $5,000-billion tech giant"): the buyer's
# market value, or a market's size.
LARGER_THAN_ANY_DEAL = 1e12
# "the startup was not very big -- just six people", "there were only six team members": how big
# the company is, said of the company itself.
_SMALL_COMPANY_BEFORE = re.compile(
    r"\b(?:startup|company|firm|team)\s+(?:was|is|had\s+been)\s+(?:not\s+)?(?:very\s+|so\s+|"
    r"particularly\s+)?(?:big|small|large|tiny)\b[\s,;:—–-]*(?:just|only)?\s*$"
    r"|\bthere\s+(?:were|are)\s+(?:just|only)\s+$"
)
_SIZE_AFTER = re.compile(r"^\s*(?:work\s+(?:there|at)|on\s+(?:its|the)\s+payroll)")
_POSSESSIVE_BEFORE = re.compile(
    r"(?:'s|’s|\bits|\btheir|\bour|\bhis|\bher|\bsus|\bses|\bseus|\bseine[rn]?|\bihre[rn]?)\s+(?:\w+\s+){0,2}$",
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
_YEAR_SUBJECT_AFTER = re.compile(
    r"^\s*,?\s*(?:by\s+[^,]{0,80},\s*)?(?:the\s+|a\s+|la\s+|el\s+|die\s+|o\s+|a\s+)?(?P<name>§)"
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


# Where the sentence's last clause joined to it starts: after ", and", ", but", ";".
_NEW_CLAUSE_SPLIT = re.compile(rf"{CLAUSE_JOIN}|;\s*")


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
_CJK_PHRASE_BREAK = re.compile(r"[，、；：。,;]")


# "about 25 people worked there", "40 people work at the startup": the company's size.
_WORKED_THERE_AFTER = re.compile(
    r"^\s+(?:work|worked|works|were\s+working|are\s+working)\s+(?:there|at\s+(?:the\s+)?(?:startup|company|firm))\b"
)
# Where a figure was read, after the company: "its LinkedIn page", "Crunchbase data" (before it,
# ``SOURCE_BEFORE``: "according to LinkedIn").
_SOURCE_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:account|page|profile|data|database|filings?|estimates?)\b", re.IGNORECASE
)


def _other_buyers(
    relations: Sequence[Relation], deals: Sequence[Deal]
) -> dict[tuple[int, str], set[str]]:
    """(sentence, startup) -> the companies a purchase or a payment of that sentence ties to a deal's
    startup that are not the payer of any of the article's deals for it."""
    payers_of: dict[str, set[str]] = {}
    for d in deals:
        payers_of.setdefault(d.target, set()).add(d.acquirer)
    out: dict[tuple[int, str], set[str]] = {}
    for r in relations:
        if (
            (r.kind == "acquire" or r.kind in MONEY_KINDS)
            and r.target in payers_of
            and r.acquirer not in payers_of[r.target] | {r.target}
        ):
            out.setdefault((r.sentence, r.target), set()).add(r.acquirer)
    return out


def _a_source(raw: str, org: OrgMention) -> bool:
    """The company is named as where a figure was read, not as what it is about."""
    return bool(
        SOURCE_BEFORE.search(fold(raw[max(0, org.start - 30) : org.start]))
        or _SOURCE_AFTER.match(raw, org.end)
    )


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


# A number, "of" and a company's possessive, right before a count ("30 of Quillbyte's 45 employees")
_PART_OF_OWNER_BEFORE = re.compile(
    r"(?<![\w.,])(\d[\d,.]*|[a-z]+)\s+of\s+(?:the\s+)?[\w.&-]+['’]s?\s+$"
)
# A number and the words of a part right before a count: "five out of (the seven staffers)",
# "siete de (los nueve empleados)", "sept des (neuf employés)"
_PART_OUT_OF_BEFORE = re.compile(
    r"(?<![\w.,])(\d[\d,.]*|[^\W\d_]+)\s+(?:out\s+of|of|de|des|dos|das|degli|dei|delle)\s+$"
)
# A sentence opening on "of" and a company's possessive ("Of Quillbyte's 45 employees, 30 …"): the
# count is the whole, a part of which the sentence goes on to tell
_OF_AN_OWNER_OPENS = re.compile(r"^\W*of\s+(?:the\s+)?[\w.&-]+['’]s\s+$")
# How far before a sum the words telling of another company's failed talks are read
_FAILED_TALKS_REACH = 160
# A bracket right after a figure
_ASIDE_OPENS = re.compile(r"\s*\(")
# Where the clause a count stands in ends, after it: a stop, a colon, a semicolon, a comma or "and"
# (narrower than ``text.clause_bounds``, which does not end a clause at every comma)
_COUNT_CLAUSE_END = re.compile(r"[.;:,(]|\s(?:and|but|while)\s")
# How far before a count a word saying who stays behind is read: "the remaining 250 employees",
# "leaving behind most of its team of 250 people", "dejando atrás a gran parte de su equipo de 250"
REMAINING_REACH = 45


def _staff_staying(before: str, after: str) -> str | None:
    """Why a count is of the staff a company keeps, if it is."""
    if _REST_OF_BEFORE.search(fold(before[-25:])) and _STAYS_AFTER.match(fold(after[:40])):
        # "the rest of the 250-person team is staying put": the whole staff, part of which stays
        return "the staff, the rest of which stays"
    if _REMAINING_WITH_BEFORE.search(fold(before[-40:])):
        # "allowing Windsurf to continue operating with ~250 employees": who stays
        return "the staff the company keeps"
    return None


def _past_an_aside(raw: str, at: int) -> int:
    """Where the sentence goes on after a bracket that opens right after a figure ending at
    ``at``: an aside there ("the deal is a little over $8m (… the paidContent deal, which was
    rumoured to be worth $30m.)") speaks of something else, and names nothing the figure is of."""
    opens = _ASIDE_OPENS.match(raw, at)
    if opens is None:
        return at
    close = raw.find(")", opens.end())
    return len(raw) if close < 0 else close + 1


class Attributor:
    """Attributes the figures of one article, sentence by sentence, in text order."""

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
        self.person_deal: dict[str, Deal] = {}
        self._clauses: dict[tuple[int, int], tuple[int, int]] = {}  # (sentence, place) -> clause
        for d in deals:
            for p in d.people:
                self.person_deal.setdefault(p, d)
        for p, home in names.affiliation.items():
            for d in deals:
                if d.target == home:
                    self.person_deal.setdefault(p, d)
        self.other_buyers = _other_buyers(relations, deals)
        # companies named where the text says a price is not told ("the amount … is not revealed")
        self.price_untold = {
            o.name
            for s in sentences
            if cues_of[s.index].present("undisclosed")
            for o in names.orgs[s.index]
        }

    # -- which deal ---------------------------------------------------------------------------

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
            if o.name not in self.parties and _a_source(s.raw, o):
                continue  # "according to LinkedIn, about 25 people worked there": who tells it
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
                    past_employer_before(s, o.start) and _PEOPLE_AFTER.match(s.raw, o.end)
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

    def _clause_of(self, s: Sentence, at: int) -> tuple[int, int]:
        """``clause_bounds(s.raw, at)``, found once per sentence and place."""
        key = (s.index, at)
        found = self._clauses.get(key)
        if found is None:
            found = self._clauses[key] = clause_bounds(s.raw, at)
        return found

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
                other_buyer = self._other_buyers_price(s, fig, deal, c_lo, c_hi)
                if other_buyer is not None:
                    return None, 0.0, other_buyer
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

    # -- which metric -------------------------------------------------------------------------

    def attribute(self, s: Sentence, figures: Sequence[Figure]) -> list[Attribution]:
        self._current = s
        out: list[Attribution] = []
        previous_money_start, previous_money_end, previous_currency = -10, -10, None
        for fig in figures:
            deal, directness, other = self.deal_for(s, fig)
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

    def _with_the_people_named(self, s: Sentence, fig: Figure, deal: Deal) -> Figure:
        """ "Kim Cooper, along with 10 other employees, join Harbor": the people who move are the
        ones named and the others counted (11). An exact count only ("about seven other
        engineers" stays as written); the people named before it in the sentence, else the
        deal's people named elsewhere ("Quillbyte's six other employees will also join")."""
        said = f"{s.raw[max(0, fig.start - 8) : fig.start]}{fig.stated}"  # ("the other three")
        if fig.qualifier is not None or fig.low != fig.high or not self._says("others", said):
            return fig
        named = {p.name for p in self.names.people[s.index] if p.end <= fig.start}
        moving = len(named) or len(deal.people)
        if not moving:
            return fig
        total = fig.value + moving
        return replace(fig, value=total, low=total, high=total)

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
            before = "，".join(
                _CJK_PHRASE_BREAK.split(before)[-2:]
            )  # its phrase and the one before
            after = _CJK_PHRASE_BREAK.split(after)[0]
        return before, after, s.raw[c_lo:c_hi]

    def _says(self, cue: str, text: str) -> re.Match[str] | None:
        return self.lex.cues[cue].search(fold(text))

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
        if _INVESTORS_WHO_PUT.search(w.near_before) or _THEY_INVESTED_AFTER.match(w.after):
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
        if _STANDS_TO_GAIN_BEFORE.search(w.near_before):
            return None, 0.0, "what one holder stands to gain"
        if _INVESTOR_OWN.search(w.before[-80:]):
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
        if payer is not None and payer not in (w.deal.acquirer, w.deal.target):
            listed = _INVESTORS_LISTED.search(w.before)
            if listed and any(n in w.before[listed.end() :] for n in self._aliases(payer)):
                return "target_funding_raised_usd", CUE_EXPLICIT, "what its investors put in"
            return None, 0.0, f"paid by {payer}, not by {w.deal.acquirer}"
        return self._a_bid(w)

    def _a_bid(self, w: _MoneyWindow) -> Verdict | None:
        """A bid or an offer: one that failed is no figure of the deal, one that won its price."""
        if self._says("failed", fold(w.before[-50:])) and not self._says(
            "deal", fold(w.before[-30:])
        ):
            if self._an_offer_taken(w):
                return "deal_amount_usd", CUE_DEAL, "the offer that won"
            return None, 0.0, "a bid or offer that did not become the deal"
        offer = _OFFER_AFTER.match(w.after)
        if offer and self._says("failed", fold(self._clause_after(w.s, w.fig)[offer.end() :])):
            # "OpenAI's reported $3 billion acquisition offer for Windsurf collapsed"
            return None, 0.0, "a bid or offer that did not become the deal"
        if self._failed_talks_of_another(w):
            return None, 0.0, "a bid or offer that did not become the deal"
        return None

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
        return self._says("offer_taken", around) is not None and not self._says(
            "failed", clause_after
        )

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
        if not (self._says("funding", near_before) or self._says("funding", fold(w.after[:30]))):
            return None
        subject = self._subject_before(w.s, w.fig)
        if _A_STARTUP_THAT_BEFORE.search(near_before):
            subject = None  # "shuts down a startup that raised $14 million": the startup's money
        invested_in = _INVESTMENT_IN_AFTER.match(w.after)
        if invested_in and self._names_party(
            w.after[invested_in.end() : invested_in.end() + 40], w.deal
        ):
            return None  # "backed by Meta's $14.3 billion investment in Scale AI": the deal's sum
        if subject is not None and subject == w.deal.acquirer:
            return None, 0.0, f"{subject}'s own funding"
        if subject is None and self._told_of_another(w.s, w.deal):
            return None, 0.0, "raised by a company the sentence does not name"
        raiser = self._only_another_raiser(w.s, w.deal) if subject is None else None
        if raiser is not None:
            return None, 0.0, f"raised by {raiser}, which the sentence names, not the startup"
        if self._is_funding_round(w):
            return None, 0.0, "a funding round"
        if not self._says("pay", fold(w.before[-30:])) or self._says(
            "funding", fold(w.before[-30:])
        ):
            return "target_funding_raised_usd", CUE_EXPLICIT, "money raised from investors"
        return None

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

    def _target_named_near(self, s: Sentence, deal: Deal) -> bool:
        """The deal's startup named in the sentence or one of the three before it (by name, or as
        "the startup")."""
        return any(
            o.name == deal.target
            for i in range(max(0, s.index - 3), s.index + 1)
            for o in self.names.orgs[i]
        )

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
            return False
        if self._says("round", without_names(w.near, self.names.orgs[w.s.index])):
            return True  # (not an investor's name: "from First Round, Y Combinator, …")
        if self._says("funding_total", w.near):
            return False  # "avait levé plus de 15 millions de dollars en 2022": all it had raised
        return bool(
            self._says("dated", fold(w.after[:25]))
            or _RECEIVED_DATED_AFTER.match(self._clause_after(w.s, w.fig))
            or (  # "今年9月籌得": in Chinese and Japanese the date comes first
                not self.lex.spaced
                and self._says("dated", fold(_CJK_PHRASE_BREAK.split(w.before)[-1]))
            )
            or re.search(r"\bwhen\s+(?:it|they)\s+\w+\s*$", w.near_before)
            # "In September 2025, Groq raised $750 million": a clause that opens on its date
            or _OPENS_ON_A_DATE.match(w.s.raw, self._clause_of(w.s, w.fig.start)[0]) is not None
        )

    def _money_licence(self, w: _MoneyWindow) -> Verdict | None:
        """A sum paid for a licence: the licence's fee, or the deal's amount when the same sum also
        pays for the people."""
        s, fig, before, after = w.s, w.fig, w.before, w.after
        c_lo, _ = self._clause_of(s, fig.start)
        long_before = s.raw[
            max(c_lo, fig.start - 120) : fig.start
        ]  # "licensed X's ... technology for $N"
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

    def _opens_on_the_price(self, w: _MoneyWindow) -> bool:
        """ "For $330 million (plus …), Amazon took …"; "At $15 million, Summize might be a cheaper
        solution than …" (the startup named right after): a sentence that opens on the price."""
        opening = fold(w.s.raw[: w.fig.start])
        if len(opening) < 25 and _FOR_A_SUM.fullmatch(opening.lstrip(' "“(')):
            return True
        return bool(re.fullmatch(r"\s*at\s+", opening)) and any(
            re.match(rf",\s+{re.escape(n)}\b", w.after) for n in self._aliases(w.deal.target)
        )

    def _money_paid(self, w: _MoneyWindow) -> Verdict | None:
        """What the deal pays: said near the sum, a purchase's price, a row of a table of deals, a
        sum in the headline, or a clause that speaks of paying; not a sum told as the past."""
        near, near_before = w.near, w.near_before
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
            self._says("pay", near)
            or self._says("deal", near)
            or self._says("stake", near)
            or _DEAL_AFTER.match(w.after)
        ):
            return "deal_amount_usd", CUE_DEAL, "what the deal pays"
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
        if _PRICE_NAMED_BEFORE.search(near_before):
            return "deal_amount_usd", CUE_DEAL, "the price, named so"
        if _TOTAL_BEFORE.search(near_before):
            return "deal_amount_usd", CUE_DEAL, "the total paid"  # "In total, the $650 million ..."
        if (w.s.is_headline or w.s.index <= 1) and w.deal.acquirer not in self.price_untold:
            return "deal_amount_usd", CUE_HEADLINE, HEADLINE_GUESS
        if (
            self._says("pay", fold(w.clause)) or self._says("deal", fold(w.clause))
        ) and not self._says("undisclosed", w.s.folded):
            # (not in a sentence that says the terms were not disclosed: "Although the terms of
            # the deal were not disclosed, … the company has generated a capital of $ 750,000")
            return "deal_amount_usd", CUE_DEAL * 0.9, "what the deal pays (the clause says so)"
        return None

    def _stranger_in_clause(self, s: Sentence, fig: Figure, deal: Deal) -> bool:
        c_lo, c_hi = self._clause_of(s, fig.start)
        return any(
            c_lo <= o.start < c_hi
            and o.name not in (deal.acquirer, deal.target)
            and self.names.is_confirmed(o.name)
            for o in self.names.orgs[s.index]
            if not o.generic
        )

    def _clause_after(self, s: Sentence, fig: Figure) -> str:
        _, c_hi = self._clause_of(s, fig.start)
        return s.raw[fig.end : min(c_hi, fig.end + 140)]

    def _set_by_deal(self, folded_clause: str, before: str) -> bool:
        """A valuation the deal sets: "the deal values Groq at", "valuing the firm at", "the $20 billion valuation"."""
        return bool(
            self._says("deal", folded_clause)
            or self._says("invest", folded_clause)
            or self._says("pay", folded_clause)
            or _VALUES_TARGET.search(before)
            or re.search(r"\bthe\s+$", fold(before[-6:]))
        )

    def _subject_before(self, s: Sentence, fig: Figure) -> str | None:
        """The company named last before the figure in its clause (who raised it, who is valued),
        not where people once worked ("founded by two former Harbor engineers and has raised")."""
        c_lo, _ = self._clause_of(s, fig.start)
        named = [o for o in self.names.orgs[s.index] if c_lo <= o.start < fig.start]
        if not named or (
            past_employer_before(s, named[-1].start) and _PEOPLE_AFTER.match(s.raw, named[-1].end)
        ):
            return None
        return named[-1].name

    def _sentence_now(self) -> str:
        """The sentence whose figures are being attributed."""
        return self._current.raw if self._current is not None else ""

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
            _STAFF_MOVE.search(self._sentence_now())
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
        owner = re.search(
            r"\b(?:owns|owned|holds|held|controls)\s+(?:\w+\s+){0,2}$", fold(before[-40:])
        )
        if owner and self._current is not None:
            holder = self._subject_before(self._current, fig)
            if holder is None or holder not in {d.acquirer for d in self.deals}:
                return None, 0.0, "a holding of someone else, not the deal's stake"
        if self._says("other_money", near) and not self._says("stake", fold(after[:25])):
            return None, 0.0, "a share of something else"
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

    def _count_metric(
        self, s: Sentence, fig: Figure, deal: Deal, before: str, after: str, clause: str
    ) -> tuple[str | None, float, str]:
        low_clause = fold(clause)
        not_staff = self._other_people(fig, deal, before, after)
        if not_staff is not None:
            return None, 0.0, not_staff
        if self._sizes_the_company(before, after, deal) or self._counts_its_own_staff(
            deal.target, before, after
        ):
            return "target_headcount", CUE_EXPLICIT, "the size of the company"
        if self._beside_the_startup(s, fig, deal):
            return "target_headcount", CUE_EXPLICIT, "the size of the startup it stands beside"
        size = _SIZE_BEFORE.search(fold(before[-30:])) or _SIZE_AFTER.match(fold(after[:20]))
        if (
            (fig.noun or "") in {"people", "persons", "individuals"}
            and not size
            and not (
                self._says("hire", fold(before[-30:] + after[:30]))
                or self._says("join", fold(after[:40]))
                or self._moves_past_a_dash(s, fig)
            )
        ):
            return None, 0.0, "people, not said to be hired"
        if fig.value >= 1e6:
            return None, 0.0, "too many to be staff"
        if (staying := _staff_staying(before, after)) is not None:
            return "target_headcount", CUE_DEAL, staying
        if _TEAM_BUILT_BEFORE.search(fold(before[-50:])):
            return None, 0.0, "the size of a team being put together, not of the startup's people"
        if (
            re.search(r"(?:startup|company|firm|employee\s+base)$", fig.stated)
            and (
                any(n in after[:30] for n in self._aliases(deal.target))
                # "Chainspace is an 11-person company": the startup named as the sentence's subject
                or any(
                    re.search(rf"{re.escape(n)}\s+(?:is|was)\s+an?\s+$", before[-40:])
                    for n in self._aliases(deal.target)
                )
                or re.search(r"\bthe\s+$", fold(before[-5:]))
                and self.subject is not None
                and deal.target == self.subject.target
            )
        ):  # "a 10-person computer vision startup called X"; "the five-person company": the one
            return "target_headcount", CUE_EXPLICIT, "the size of the startup it names"  # told of

        target_names = self._aliases(deal.target)
        compound = any(n.split()[0] + "-" in s.raw[fig.start : fig.end] for n in target_names)
        possessive = (
            bool(_POSSESSIVE_BEFORE.search(before[-30:]))
            or compound
            or re.match(
                # (the article of other languages too: "los 70 empleados de la startup")
                r"^\s*(?:of|at|de|bei|di|del|della|da|do|des|von)\s+"
                r"(?:(?:the|la|el|le|il|lo|der|die|das|a|o)\s+)?"
                r"(?:startup|start-up|company|firm|empresa|compañía|société|entreprise|azienda|unternehmen|"
                + "|".join(re.escape(n) for n in target_names)
                + r")\b",
                after,
                re.IGNORECASE,
            )
        )
        moving = (
            self._says("hire", low_clause)
            or self._says("join", low_clause)
            or self._says("acquihire", low_clause)  # "인재 200명 확보": people the deal secures
            or bool(_STAFF_MOVE.search(clause))
            or self._moves_past_a_dash(s, fig)
            or self._team_bought_before(before)
        )
        partitive = (
            re.search(
                r"\b(?:many|some|most|half|several|quarter|third|fifth|tenth|two-thirds|three-quarters|majority|bulk|"
                r"einige|viele|meisten|meiste|viertel|drittel|hälfte|plusieurs|muchos|alguns)\s+(?:of\s+)?(?:the\s+|its\s+|der\s+|des\s+)?\S*\s*$",
                fold(before[-40:]),
            )
            or re.search(  # "50 of the 70 employees", "dei quattro dipendenti": the whole, out of which
                r"\b(?:of\s+(?:the|its)|out\s+of|dei|degli|delle|de\s+(?:los|las|sus)|des|dos|das|von\s+den"
                r"|(?<=\d\s)der)\s+$",
                fold(before[-20:]),
            )
            or self._counted_part_before(before)
        )
        if partitive and any(f" {n} " in s.raw[fig.start : fig.end] for n in target_names):
            # "most of the 27-person Oyster team": the team the company's name qualifies, a part of
            # which the sentence tells
            return "target_headcount", CUE_EXPLICIT, "the company's staff"
        if (
            size
            and not possessive
            and _SIZE_BEFORE.search(fold(before[-30:]))
            and re.search(r"grow|grew|employ|headcount|workforce|staff\s+of", fold(before[-30:]))
        ):
            return "target_headcount", CUE_EXPLICIT, "the company's size"
        if (
            possessive
            and moving
            and not partitive
            and (
                re.match(
                    r"^\s*(?:the|los|las|les|die|os|as|gli|i)\s+(?:\w+\s+)?$", fold(before[-30:])
                )
                # "its nine-person team will move to Harbor": the staff, the verb of its move next
                or re.search(r"\bits\s+(?:\w+\s+)?$", fold(before[-25:]))
                and (verb := _VERB_NEXT.match(after)) is not None
                and self._says("join", fold(verb.group(0)))
            )
        ):
            return "staff_hired+target_headcount", CUE_EXPLICIT, "the whole staff moves"
        if (
            _BOUGHT_WITH_ITS.search(fold(before[-20:]))
            and self._says("acquire", fold(before[-80:]))
            and any(n in before[-80:] for n in target_names)
        ):
            return "staff_hired", CUE_EXPLICIT, "the people bought with the company"
        if possessive and (
            partitive
            or not moving
            or re.search(
                r"\b(?:its|the\s+company's|the\s+firm's)\s+(?:\w+\s+)?$", fold(before[-25:])
            )
        ):
            return "target_headcount", CUE_EXPLICIT, "the company's staff"
        if (
            not self.lex.spaced
            and not moving
            and self._says("size", after[:12])
            and any(n in before for n in target_names)
        ):  # "AI21 랩스에는 약 200명의 직원이 있는데": the company has them
            return "target_headcount", CUE_DEAL, "the company's size"
        return self._count_left(s, deal, before, after, moving=bool(moving))

    def _team_bought_before(self, before: str) -> bool:
        """ "is acquiring both the technology and the full team of roughly 12": a purchase word
        (the lexicon's) in the words of the same clause before a team named whole."""
        folded = fold(before[-120:])
        team = _TEAM_OF_BEFORE.search(folded)
        if team is None:
            return False
        lead = re.split(r"[.;:]", folded[max(0, team.start() - 60) : team.start()])[-1]
        return self._says("acquire", lead) is not None

    def _moves_past_a_dash(self, s: Sentence, fig: Figure) -> bool:
        """The people counted are the subject of a verb that moves them past a dash ("the
        seven-person team — including founders A and B will be joining the Movidius team")."""
        dash = _DASH_SOON_AFTER.match(s.raw, fig.end)
        if dash is None:
            return False
        rest = fold(s.raw[dash.end() : dash.end() + 160])
        return bool(self._says("join", rest) or self._says("hire", rest))

    def _other_people(self, fig: Figure, deal: Deal, before: str, after: str) -> str | None:
        """Why a count is of people who are not the deal's, if it is."""
        founded_by = _BY_AT_END.search(fold(before[-30:]))
        if founded_by and self._says("founding", fold(before[-30:])[: founded_by.start()]):
            # "Cove, which was founded by two former employees": who started it, not who moves
            return "the founders who started it"
        if re.search(
            # "is cutting 200 full-time employees": the figure follows the verb
            r"\b(?:lay(?:s|ing)?|laid)\s+off|layoffs?|fired|(?:cut(?:s|ting)?|shed(?:s|ding)?|eliminat\w+)\s+(?:\d|$)",
            fold(before[-30:]),
        ) or (fig.noun or "") in {"contractors", "users", "customers"}:
            return "not the deal's staff"
        if self._says("laid_off", fold(after[:40])):  # "200 staff were laid off", "işten çıkar"
            return "people laid off, not hired"
        if re.match(
            r"^\s*(?:familiar|close\s+to|with\s+knowledge|briefed|who\s+(?:spoke|asked|declined))",
            fold(after),
        ):
            return "sources, not staff"
        if self._owned_by(deal.acquirer, before):
            return "the buyer's own staff"  # "a small part of Halcyon's 900-person staff"
        if self._says("remaining", fold(before[-REMAINING_REACH:])) and not (
            self._says("hire", fold(after[:40])) or self._says("join", fold(after[:40]))
        ):
            return "the staff who stay behind"  # "剩下的250名员工", "the remaining 250 employees"
        return None

    def _owned_by(self, company: str, before: str) -> bool:
        """The figure is the named company's: "Halcyon's 700-person staff", "Halcyon's staff of
        3,000", "Halcyon had about 20 engineers at the time"."""
        return any(
            re.search(
                rf"{re.escape(n)}(?:(?:['’]s|['’])\s+(?:[\w-]+\s+)?(?:of\s+)?|\s+(?:now\s+)?(?:had|has|employs|employed)\s+)$",
                before[-40:],
            )
            for n in self._aliases(company)
        )

    def _counts_its_own_staff(self, company: str, before: str, after: str) -> bool:
        """ "Summize has six staff: five engineers will join Twitter": the company has the count
        (a verb of having right before it), and nothing in the count's own clause moves them."""
        if not self._owned_by(company, before) or _POSSESSIVE_BEFORE.search(before[-30:]):
            return False
        return not self._moved_in_own_clause(after)

    def _moved_in_own_clause(self, after: str) -> bool:
        """A word of joining or hiring in the words after a count, up to its clause's end."""
        own_clause = _COUNT_CLAUSE_END.split(after, maxsplit=1)[0]
        return bool(self._says("join", own_clause) or self._says("hire", own_clause))

    def _counted_part_before(self, before: str) -> bool:
        """A number, then "of" and a company's possessive, right before the count ("About 30 of
        Quillbyte's 45 employees"), or the sentence opening on them ("Of Quillbyte's 45 employees,
        30 will …"): the count is the whole staff, the number a part of it."""
        if _OF_AN_OWNER_OPENS.match(fold(before)):
            return True
        part = _PART_OF_OWNER_BEFORE.search(fold(before[-40:])) or _PART_OUT_OF_BEFORE.search(
            fold(before[-40:])
        )  # ("five out of the seven staffers": the seven, read as a count of its own)
        return part is not None and (
            part.group(1)[0].isdigit() or part.group(1) in self.lex.number_words
        )

    def _count_left(
        self, s: Sentence, deal: Deal, before: str, after: str, *, moving: bool
    ) -> tuple[str | None, float, str]:
        """A count no closer reading placed: people who move, else the company's size."""
        if not moving and self._says("whole_staff", fold(before[-3:])):
            return "target_headcount", CUE_DEAL, "the whole staff"  # "총직원은 20명 안팎"
        if moving or re.match(r"^\s*(?:from|of|at)\s", after):
            if not self._target_named_near(s, deal) and any(
                o.name not in (deal.acquirer, deal.target) for o in self.names.orgs[s.index]
            ):
                # "Of the 10 new hires, 7 are from OpenAI": a lab's hires, not the startup's people
                return None, 0.0, "people hired from another company, not the deal's startup"
            return "staff_hired", CUE_DEAL, "people who move"
        if _THE_WHOLE_BEFORE.search(fold(before[-8:])) and any(
            o.name == deal.target for o in self.names.orgs[s.index]
        ):
            # "i dirigenti di Prompt AI hanno avvisato gli 11 dipendenti": the staff, counted whole
            return "target_headcount", CUE_DEAL, "the company's staff, counted whole"
        if re.search(
            # (and "emploie 5 personnes", "emplea a", "impiega", "emprega", "beschäftigt")
            r"\b(?:employ\w*|emploi(?:e|ent|ait)|emple(?:a|an|aba)|impieg(?:a|ano|ava)|empreg(?:a|am|ava)|beschäftigt|"
            r"headcount|workforce|staff\s+of|team\s+of|grown\s+to|has|had|have|retains?|retained|keeps|kept|"
            # (its size in other languages: "tem 40 engenheiros", "compte 12 salariés", "son
            # effectif", "cuenta con", "hat 15 Mitarbeiter", "в команде 12 человек")
            r"tem|têm|tinha|tiene|tienen|tenía|cuenta\s+con|compte|comptait|effectif|conta|contava|aveva|hat|"
            r"hatte|zählt|команд\w*)\b",
            fold(before[-30:] + " " + after[:20]),
        ):
            return "target_headcount", CUE_DEAL, "the company's size"
        return None, 0.0, "a count of people not tied to the deal"

    def _sizes_the_company(self, before: str, after: str, deal: Deal) -> bool:
        """ "a startup of 12 people, Lumeo", "Prompt AI, with only 11 employees": a count that says
        how big the startup named just before it is; "約250名員工中的大部分": the whole staff, a part of
        which the sentence goes on to tell."""
        if (
            _PART_OF_IT_AFTER.match(after)
            or self._counted_part_before(before)
            or _SMALL_COMPANY_BEFORE.search(fold(before[-60:]))
            or _WORKED_THERE_AFTER.match(fold(after[:30]))  # "about 25 people worked there"
        ):
            return True
        names = self._aliases(deal.target)
        near = fold(before[-40:])
        if _COMPANY_OF.search(near) and any(n in before[-90:] for n in names):
            return True
        if self._made_of_them(before, after, names):
            return True
        with_staff = _WITH_STAFF_BEFORE.search(near)
        return with_staff is not None and any(
            near[: with_staff.start()].endswith(fold(n)) for n in names
        )

    def _made_of_them(self, before: str, after: str, names: Sequence[str]) -> bool:
        """ "La start-up, composée de 11 personnes, a attiré …": the startup (by name or by what it
        is) made up of the people counted, who do not move in the count's own clause ("a team made
        up of 40 engineers will join Harbor" are people hired)."""
        tail = before[-30:]
        made = self._says("made_of", tail)
        if made is None:
            return False
        lead = before[: len(before) - len(tail) + made.start()]  # the words before "made up of"
        if not (self._says("startup", lead[-40:]) or any(n in lead[-60:] for n in names)):
            return False
        return not self._moved_in_own_clause(after)

    def _beside_the_startup(self, s: Sentence, fig: Figure, deal: Deal) -> bool:
        """ "The company, a 7-person team, …", "Blink, an eight-person startup, …": a sized team or
        company set by a comma beside the deal's startup (named, or a word that stands for it)."""
        if not _SIZED_COMPANY_NOUN.search(fig.stated):
            return False
        comma = _APPOSITIVE_BEFORE.search(s.raw, 0, fig.start)
        if comma is None:
            return False
        if any(o.name == deal.target and o.end == comma.start() for o in self.names.orgs[s.index]):
            return True
        return (
            _THE_COMPANY_END.search(s.raw, 0, comma.start()) is not None
            and self.subject is not None
            and deal.target == self.subject.target
        )

    # -- helpers ------------------------------------------------------------------------------

    def _aliases(self, org: str) -> list[str]:
        return sorted(self.names.aliases.get(org, {org}) | {org}, key=len, reverse=True)

    def _party_names(self, deal: Deal) -> list[str]:
        return self._aliases(deal.target) + self._aliases(deal.acquirer)

    def _party_names_all(self) -> list[str]:
        return [n for d in self.deals for n in self._party_names(d)]

    def _names_party(self, text: str, deal: Deal) -> bool:
        return any(n in text for n in self._party_names(deal))

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


def founded_years(
    s: Sentence, names: Names, deals: Sequence[Deal], lex: Lexicon, subject: Deal | None
) -> list[tuple[Figure, Deal, str]]:
    """Founding years stated of a deal's target.

    The founding word stands just before the year ("founded in 2020", "Fundada em 2020") or
    just after it ("2021 gegründet", "2016년 설립"). What was founded is the company named
    between the word and the year ("founded Scale AI in 2016"), the clause's subject ("Covariant,
    based in Emeryville, was founded in 2017"; "Scale AI, which he founded in 2016"), the company
    a participle opens onto ("Founded in 2020, Enfabrica ..."), or the startup the article is about
    ("the startup, founded in 2022").
    """
    from extractors.analysis.figures import year_figures  # noqa: PLC0415  (kept next to its one use)

    out: list[tuple[Figure, Deal, str]] = []
    targets = {d.target: d for d in deals}
    folded = s.folded
    founding = lex.cues["founding"]
    years = year_figures(s.raw)
    for fig in years:
        c_lo, c_hi = clause_bounds(s.raw, fig.start)
        window_start = max(c_lo, fig.start - 50)
        cues = list(founding.finditer(folded, window_start, fig.start))
        if not cues:
            # "was founded by ex-Google employees Sophia Yang and William Li in 2016": the founders
            # named between the word and its year
            cues = [
                c
                for c in founding.finditer(folded, max(c_lo, fig.start - 110), window_start)
                if _FOUNDERS_THEN_YEAR.match(folded, c.end(), fig.start)
            ][-1:]
        after_founders = None  # read only where no founding word follows the year closely
        after_cue = (
            founding.match(folded, fig.end + 1)
            or founding.search(folded[fig.end : fig.end + 12])
            or (after_founders := _founded_after_its_founders(folded, fig, founding))
        )
        if cues and _A_PRODUCT_LAUNCHED.match(folded, cues[-1].end()):
            continue  # "launched its first product in 2009": a product's year, not the company's
        if cues:
            verb_at = cues[-1].start()
            start = verb_at
            end = fig.end
            if any(cues[-1].end() <= y.start < fig.start for y in years) or any(
                0 <= verb_at - y.end <= 3 for y in years
            ):
                # "started 2026 the way it ended 2025", "2017년 창업해 2023년": the word has its own year
                continue
        elif after_cue:
            verb_at = fig.start
            start, end = fig.start, min(len(s.raw), fig.end + 12)
            m = founding.search(folded, fig.end, fig.end + 12) or after_founders
            end = m.end() if m else fig.end
        else:
            if (
                lex.verb_final
                and (found := _founded_before_a_late_verb(s, names, fig, targets, founding, c_hi))
                or (found := _founded_after_a_year_opening(s, names, fig, targets, founding))
            ):
                out.append((*found, "the year it was founded"))
            continue
        if (left_to_found := _left_to_found(s, names, fig, targets)) is not None:
            out.append((*left_to_found, "the year it was founded"))
            continue
        if re.search(
            r"\b(?:left|joined|joining|quit|departed)\b", folded[max(c_lo, verb_at - 30) : verb_at]
        ):
            continue
        candidates = _founded_candidates(s, names, fig, (c_lo, c_hi), verb_at, cues, subject)
        if not cues:  # "2019 … gegründete Quillbyte": the name the participle stands before
            # (a word for what it is may stand between: "das 2016 gegründete Start-up Quillbyte")
            candidates = [
                o.name
                for o in names.orgs[s.index]
                if o.start >= end and _only_a_kind_word(s.raw[end : o.start], lex)
            ][:1] + candidates
        founded = next((c for c in candidates if c in targets), None)
        if founded is None:
            continue
        if any(d is targets[founded] for _, d, _ in out) and _in_brackets(s.raw, start, end):
            continue  # "founding Enfabrica in 2019 (officially incorporated in 2020)": an aside
        out.append((_year_stated(s, fig, start, end), targets[founded], "the year it was founded"))
    return out


def _only_a_kind_word(between: str, lex: Lexicon) -> bool:
    """Spaces alone, or one or two words of which the last says what a company is ("Start-up",
    "Unternehmen", "bedrijf")."""
    words = between.split()
    if not between[:1].isspace() or not between[-1:].isspace() or len(words) > 2:
        return False
    return not words or lex.cues["startup"].fullmatch(fold(words[-1])) is not None


# The year, then who founded it and the founding word: "das 2019 von zwei ehemaligen
# Google-Ingenieuren gegründete Quillbyte"
_FOUNDERS_AFTER_YEAR = re.compile(rf"\s+(?:{BY_WORDS}|von)\s+[^.,;:]{{1,60}}?\s")


def _founded_after_its_founders(
    folded: str, fig: Figure, founding: re.Pattern[str]
) -> re.Match[str] | None:
    """The founding word after the year and the founders named between them (German word order:
    "2019 von zwei ehemaligen Google-Ingenieuren gegründete")."""
    by = _FOUNDERS_AFTER_YEAR.match(folded, fig.end)
    if by is None:
        return None
    cue = founding.search(folded, by.end() - 1, min(len(folded), fig.end + 80))
    if cue is None or re.search(r"[.,;:]", folded[fig.end : cue.start()]):
        return None
    return cue


# The year, then "to found" and the company it names ("left in 2010 to found a new startup,
# Quillbyte"): the year a person left to start the company is the year it was founded
_TO_FOUND_AFTER = re.compile(
    r"\s+to\s+(?:co-?)?found\s+(?:(?:a|an|his|her|their)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:startup|start-up|company|firm)\s*,?\s*)?"
)


def _left_to_found(
    s: Sentence, names: Names, fig: Figure, targets: dict[str, Deal]
) -> tuple[Figure, Deal] | None:
    """ "left in 2010 to found a new startup, Quillbyte": the deal's startup founded that year."""
    opened = _TO_FOUND_AFTER.match(s.folded, fig.end)
    if opened is None:
        return None
    founded = next(
        (o for o in names.orgs[s.index] if o.start == opened.end() and o.name in targets), None
    )
    if founded is None:
        return None
    return _year_stated(s, fig, fig.start, founded.end), targets[founded.name]


# What a founding word launched, when it is a product ("launched its first product in 2009")
_A_PRODUCT_LAUNCHED = re.compile(
    r"\s+(?:its|their|the|a|an|his|her)\s+(?:first\s+|new\s+|latest\s+|own\s+)?"
    r"(?:products?|apps?|services?|platforms?|websites?|site|beta|versions?|features?)\b"
)
# A sentence opening on its year: "In 2016, Lubomir Bourdev and Oren Rippel started WaveOne", "En
# septiembre de 2022, junto a …, fundó …" (a month or "early" may come before the year)
_IN_THE_YEAR_OPENING = re.compile(
    r"\s*(?:in|back\s+in|en|em|nel|im)\s+(?:[^\W\d_]+\s+(?:(?:de|del)\s+)?)?$"
)
_YEAR_CLOSED = re.compile(r"\s*,\s+")
_FOUNDERS_BEFORE_VERB = 80


def _founded_after_a_year_opening(
    s: Sentence, names: Names, fig: Figure, targets: dict[str, Deal], founding: re.Pattern[str]
) -> tuple[Figure, Deal] | None:
    """The year a sentence opens on, then its founders and the founding word right before the
    company: "In 2016, Lubomir Bourdev and Oren Rippel started WaveOne"."""
    folded = s.folded
    if not (
        _IN_THE_YEAR_OPENING.fullmatch(folded, 0, fig.start)
        and (closed := _YEAR_CLOSED.match(folded, fig.end))
    ):
        return None
    verb = founding.search(folded, closed.end(), closed.end() + _FOUNDERS_BEFORE_VERB)
    if verb is None or not names.people[s.index]:
        return None
    founded = next(
        (
            o
            for o in names.orgs[s.index]
            if 0 < o.start - verb.end() <= 2 and o.name in targets and not o.generic
        ),
        None,
    )
    if founded is None:
        return None
    return _year_stated(s, fig, fig.start, founded.end), targets[founded.name]


# After a founding word: "by", the founders (no clause break), then "in" right before the year.
# (not through a relative clause: "co-founded by Kevin Jing who worked on … back in 2004" dates
# the founder's work)
_FOUNDERS_THEN_YEAR = re.compile(
    r"\s+by\s+(?:(?!\b(?:who|whom|which|that|where)\b)[^.;:()]){3,90}?\s+in\s+$"
)


def _founded_before_a_late_verb(
    s: Sentence,
    names: Names,
    fig: Figure,
    targets: dict[str, Deal],
    founding: re.Pattern[str],
    c_hi: int,
) -> tuple[Figure, Deal] | None:
    """Where the verb closes the clause: "2016年に Scale AI を共同設立" (the year, the company, then the
    verb), or "코배리언트는 2017년 UC 버클리 교수인 … 에 의해 설립되었습니다" (the company as the topic, the
    year, and the founding verb however far after)."""
    folded = s.folded
    # (the word may start up to 40 characters on; the search reads to the clause's end, so that a
    # lookahead of the word, "創業(?!メンバー)", sees the characters after it)
    late = founding.search(folded, fig.end, c_hi)
    if late is not None and late.start() > fig.end + 40:
        late = None
    if late:
        between = [o for o in names.orgs[s.index] if fig.end <= o.start and o.end <= late.start()]
        founded_between = next((o.name for o in between if o.name in targets), None)
        if founded_between is not None:
            return _year_stated(s, fig, fig.start, late.end()), targets[founded_between]
    topic = _topic_before(s, names, fig, targets)
    if topic is not None and (late or founding.search(folded, fig.end, c_hi)):
        return _year_stated(s, fig, topic.start, fig.end), targets[topic.name]
    return None


# What stands between a company and the founding word (or the year) said of it alone: a passive
# verb, or the opening of an apposition.
_NEAREST_FOUNDED = re.compile(
    r"\s+(?:was|were|had\s+been|has\s+been)\s+"
    # ("acquired the news app, Summly, founded in late 2011": the participle set beside the name)
    r"|\s*,\s*"
    r"|\s*,\s*(?:a|an|the|one|einem|einer|eines|ein|eine|un|une|una|uma|um|uno)\s+"
    # (a month or a part of the year before it: "WaveForms AI, a December 2024–launched start-up")
    r"(?:(?:early|mid|late)[\s-]+)?(?:(?:january|february|march|april|may|june|july|august|"
    r"september|october|november|december)\s+)?",
    re.IGNORECASE,
)


# A dash a few words after a figure, opening an aside before the clause's verb
_DASH_SOON_AFTER = re.compile(r"(?:\s+[\w-]+){0,4}\s*[—–]\s+")
_DASH_ONLY = re.compile(r"\s*[—–-]\s*")
# A company's product right before the founding word: what was launched is the product
_ITS_PRODUCT = re.compile(
    r"(?:'s|’s)\s+(?:[\w&-]+\s+){0,2}?(?:app|apps|product|service|platform|website|site|tool|chatbot|"
    r"model|device|game|feature)\s+(?:was\s+|were\s+|first\s+)?",
    re.IGNORECASE,
)
# An apposition whose relative clause has a person found it: ", the Q&A app Stone " (then "founded")
_PERSON_FOUNDED_IT = re.compile(r"\s*,\s+(?:the|a|an)\s+(?:[\w&'’.-]+\s+){1,6}")


def _founded_candidates(
    s: Sentence,
    names: Names,
    fig: Figure,
    clause: tuple[int, int],
    verb_at: int,
    cues: list[re.Match[str]],
    subject: Deal | None,
) -> list[str]:
    """The companies a founding word and its year may be said of, the likeliest first."""
    c_lo, c_hi = clause
    folded = s.folded
    orgs = [o for o in names.orgs[s.index] if c_lo <= o.start < c_hi]
    inside = [o for o in orgs if verb_at < o.start < fig.start]
    before_verb = [
        o
        for o in orgs
        if o.end <= verb_at
        and verb_at - o.end <= 100
        and not _ITS_PRODUCT.fullmatch(s.raw, o.end, verb_at)  # "Jelly’s Q&A app launched in"
    ]
    after_year = [o for o in orgs if o.start >= fig.end and o.start - fig.end <= 100]
    opens = not s.raw[c_lo:verb_at].strip(" \"“'‘(-–—•·*") or re.match(
        r"^\s*(?:first\s+|having\s+(?:been\s+)?)?$", s.raw[c_lo:verb_at], re.IGNORECASE
    )  # ("Having launched in 2009, Quillbyte …": the participle opens the clause)
    candidates: list[str] = [o.name for o in reversed(inside)]
    if opens:
        candidates += [o.name for o in after_year]  # "Founded in 2021 by ..., HumanLoop"
        # "URX—started in early 2013 by four former classmates": the name the dash opens onto
        candidates += [
            o.name
            for o in names.orgs[s.index]
            if o.end <= c_lo and _DASH_ONLY.fullmatch(s.raw, o.end, c_lo)
        ]
        if not names.orgs[s.index] and s.index > 0:
            # "Groq no es una startup cualquiera. Fundada en 2016, se especializa …": the
            # participle's company is the one the sentence before speaks of
            candidates += [o.name for o in reversed(names.orgs[s.index - 1])]
    if before_verb and _NEAREST_FOUNDED.fullmatch(s.raw, before_verb[-1].end, verb_at):
        # "reports that Lightbox was formed in 2010", "Inflection, einem 2022 gegründeten Start-up":
        # the company right before the verb, or the one an apposition opening on the year describes
        candidates.append(before_verb[-1].name)
    if before_verb and _PERSON_FOUNDED_IT.fullmatch(s.raw, before_verb[-1].end, verb_at):
        last = before_verb[-1]
        if any(last.end < p.start < verb_at for p in names.people[s.index]):
            candidates.append(last.name)  # "acquiring Jelly, the Q&A app Stone founded in 2013"
    if before_verb:
        passive = re.search(
            r"\b(?:was|were|is|wurde|fue|foi|è|a\s+été|est)\b|,",
            s.raw[before_verb[0].end : verb_at],
        )
        candidates += [before_verb[0].name] if passive else [o.name for o in reversed(before_verb)]
    if (
        subject is not None
        and (
            re.search(
                r"\b(?:startup|start-up|company|firm|it|which|que|qui|cui|die|der|welche[rs]?|azienda|empresa|entreprise|soci[eé]t[eéà]|unternehmen|firma)\b",
                folded[max(c_lo, verb_at - 30) : verb_at],
            )
            or re.search(r"\b(?:startup|start-up|company|firm)\b", folded[verb_at : fig.start])
            # "Founded in 2023 by a team of researchers, the San Francisco-based company …"
            or opens
            and re.search(
                r"\bthe\s+(?:[\w–-]+\s+){0,3}(?:startup|start-up|company|firm)\b",
                folded[fig.end : fig.end + 100],
            )
            # a profile's field, "Founded: 2023": of the company the article is about
            or opens
            and cues
            and re.fullmatch(r"\s*[:：]\s*", folded[cues[-1].end() : fig.start])
        )
    ):
        candidates.append(subject.target)
    return candidates


# A topic or subject particle: all that stands between a company and the year it was founded
_TOPIC_PARTICLE = re.compile(r"\s*(?:은|는|이|가|は|が)?\s*")


def _topic_before(
    s: Sentence, names: Names, fig: Figure, targets: dict[str, Deal]
) -> OrgMention | None:
    """The startup written right before the year, marked as the clause's topic ("코배리언트는 2017년")."""
    for o in names.orgs[s.index]:
        if o.name in targets and _TOPIC_PARTICLE.fullmatch(s.raw, o.end, fig.start):
            return o
    return None


def _year_stated(s: Sentence, fig: Figure, start: int, end: int) -> Figure:
    """The founding year ``fig``, stated by the words of ``s.raw[start:end]``."""
    return Figure("year", fig.value, fig.value, fig.value, s.raw[start:end], None, start, end)


def _in_brackets(raw: str, start: int, end: int) -> bool:
    """Whether raw[start:end] stands inside a pair of round brackets."""
    opened = raw.rfind("(", 0, start)
    return opened != -1 and raw.rfind(")", opened, start) == -1 and ")" in raw[end:]
