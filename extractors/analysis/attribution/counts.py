"""What a count of people is: the people hired, the startup's whole staff, or people of another
company or moment (those who stay, leave or were laid off).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from extractors.analysis.attribution.reading import (
    CUE_DEAL,
    CUE_EXPLICIT,
    REMAINING_REACH,
    STAFF_MOVE,
    Reading,
)
from extractors.analysis.deals import Deal
from extractors.analysis.figures import Figure
from extractors.analysis.relations import (
    BY_WORDS,
)
from extractors.analysis.text import Sentence, fold

# A definite article right before a count of people: the whole of them ("notified the 11
# employees", "avvisato gli 11 dipendenti")
_THE_WHOLE_BEFORE = re.compile(
    r"\b(?:the|all|gli|i|les|los|las|die|os|as|tutti\s+gli|todos\s+los|tous\s+les)\s+$"
)

# What says a count is the size of a company: "has grown to", "employs", "a workforce of".
_SIZE_BEFORE = re.compile(
    r"\b(?:grown\s+to|grew\s+to|employs|employed|employing|headcount\s+of|workforce\s+of|staff\s+of|team\s+of|has|had|have|with)\s+(?:\w+\s+){0,2}$"
)

# "Meta shares were up over 12%", "the stock jumped 8%": a share price moving, not a stake.
# The word for "by" ending the words before a figure ("founded by two …", "fondée par trois …")
_BY_AT_END = re.compile(rf"\b(?:{BY_WORDS}|von)\s+$")

# "X, a startup of five people", "X, uma startup de cinco pessoas", "X, ein Start-up mit zehn
# Mitarbeitern": the company noun of an apposition, right before a count, sizes the company named.
_COMPANY_OF = re.compile(
    r"\b(?:startup|start-up|company|firm|empresa|companhia|entreprise|société|firma|unternehmen|"
    r"azienda|società)\s+"
    # (where it is based may stand between: "une start-up basée à New York de huit personnes")
    r"(?:(?:based|basée?|basad[ao]|sediada|situé|située|con\s+sede)\s+(?:in|à|en|em|a)\s+(?:[\w'’-]+\s+){1,3}?)?"
    r"(?:of|de|di|da|con|com|avec|mit|with)\s+$"
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

# "Prompt AI, with only 11 employees, …": the size of the company the comma follows
_WITH_STAFF_BEFORE = re.compile(
    r",\s+(?:with|avec|con|com|mit)\s+(?:only\s+|just\s+|about\s+|around\s+|roughly\s+|some\s+|nearly\s+|"
    r"fewer\s+than\s+|more\s+than\s+|over\s+|seulement\s+|solo\s+|apenas\s+|nur\s+)?[~≈]?$"
)

_REMAINING_WITH_BEFORE = re.compile(
    r"\b(?:operat\w+|continu\w+|remain\w*|left|stay\w*|carry\s+on)\s+with\s+(?:about\s+|around\s+|some\s+|roughly\s+)?[~≈]?$"
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

# "the rest of the 250-person team is staying put": the company's staff, all but those who left
_REST_OF_BEFORE = re.compile(r"\b(?:rest|remainder)\s+of\s+(?:the|its|their)\s+$")
_STAYS_AFTER = re.compile(
    r"^\s*(?:[\w-]+\s+){0,2}?(?:is|are|will|would)\s+(?:\w+\s+)?(?:stay\w*|remain\w*|continu\w*)\b"
)

# "The company, a 7-person team, was founded by …": a sized team or company set beside the startup
_APPOSITIVE_BEFORE = re.compile(r",\s+(?:a|an|un|une|uma|um|una|ein|eine)\s+$", re.IGNORECASE)
_THE_COMPANY_END = re.compile(r"\b(?:the|this)\s+(?:company|startup|start-up|firm)$", re.IGNORECASE)
_SIZED_COMPANY_NOUN = re.compile(
    r"(?:team|startup|start-up|company|firm|outfit|shop|operation)$", re.IGNORECASE
)

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

# "about 25 people worked there", "40 people work at the startup": the company's size.
_WORKED_THERE_AFTER = re.compile(
    r"^\s+(?:work|worked|works|were\s+working|are\s+working)\s+(?:there|at\s+(?:the\s+)?(?:startup|company|firm))\b"
)

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

# Where the clause a count stands in ends, after it: a stop, a colon, a semicolon, a comma or "and"
# (narrower than ``text.clause_bounds``, which does not end a clause at every comma)
_COUNT_CLAUSE_END = re.compile(r"[.;:,(]|\s(?:and|but|while)\s")


def _staff_staying(before: str, after: str) -> str | None:
    """Why a count is of the staff a company keeps, if it is."""
    if _REST_OF_BEFORE.search(fold(before[-25:])) and _STAYS_AFTER.match(fold(after[:40])):
        # "the rest of the 250-person team is staying put": the whole staff, part of which stays
        return "the staff, the rest of which stays"
    if _REMAINING_WITH_BEFORE.search(fold(before[-40:])):
        # "allowing Windsurf to continue operating with ~250 employees": who stays
        return "the staff the company keeps"
    return None


# A dash a few words after a figure, opening an aside before the clause's verb
_DASH_SOON_AFTER = re.compile(r"(?:\s+[\w-]+){0,4}\s*[—–]\s+")


# A bracket opening right before a count, and the words before it back to any other bracket
_BRACKET_OPEN_BEFORE = re.compile(r"(?P<said>[^()]{0,45})\(\s*$")


# A count of a team as a whole ("the 7-person team", "a team of five"), not of people one by one
_A_TEAM_COUNTED = re.compile(
    r"\b(?:team|staff|crew|équipe|equipo|equipe|squadra)$|^(?:a\s+)?team\b"
)


# How far after a person's name the others counted with them may start (" and about ").
OTHERS_AFTER_PERSON = 20


# A count written as a team by its size ("nine-person team", "two-man operation"), not as the
# company's staff
_A_TEAM_BY_ITS_SIZE = re.compile(
    r"-(?:person|man|member|strong)\s+(?:team|operation|outfit|crew|shop)\b", re.IGNORECASE
)


def _the_staff_moving(stated: str) -> tuple[str, float, str]:
    """What a count of a startup's people who all move is: written as a team ("its nine-person
    team will transition", "the two-man operation at Pie will join"), the people hired, one
    metric for the figure; written as its staff ("the approximately ten employees of Hiro will
    join"), the people hired and the startup's size."""
    if _A_TEAM_BY_ITS_SIZE.search(stated):
        return "staff_hired", CUE_EXPLICIT, "the team moves"
    return "staff_hired+target_headcount", CUE_EXPLICIT, "the whole staff moves"


class CountReading(Reading):
    """Reads what a count of people is."""

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

    def _target_named_near(self, s: Sentence, deal: Deal) -> bool:
        """The deal's startup named in the sentence or one of the three before it (by name, or as
        "the startup")."""
        return any(
            o.name == deal.target
            for i in range(max(0, s.index - 3), s.index + 1)
            for o in self.names.orgs[i]
        )

    def _names_the_startup_it_sizes(self, fig: Figure, deal: Deal, before: str, after: str) -> bool:
        """A count that is a company's size, of the startup named beside it: "a 10-person computer
        vision startup called X", "Chainspace is an 11-person company", "the five-person company"
        (the one the story is about), "Ascenta is a five-person team"."""
        names = self._aliases(deal.target)
        # the startup named as the sentence's subject
        its_subject = any(
            re.search(rf"{re.escape(n)}\s+(?:is|was)\s+an?\s+$", before[-40:]) for n in names
        )
        if re.search(r"(?:startup|company|firm|employee\s+base)$", fig.stated):
            return (
                any(n in after[:30] for n in names)
                or its_subject
                or re.search(r"\bthe\s+$", fold(before[-5:])) is not None
                and self.subject is not None
                and deal.target == self.subject.target
            )
        return its_subject and re.search(r"(?:team|outfit|operation|crew)$", fig.stated) is not None

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
        if self._names_the_startup_it_sizes(fig, deal, before, after):
            return "target_headcount", CUE_EXPLICIT, "the size of the startup it names"

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
            or bool(STAFF_MOVE.search(clause))
            or self._moves_past_a_dash(s, fig)
            or self._team_bought_before(before)
            or self._team_moves_next(s, fig, deal)
            or self._others_beside_a_mover(s, fig, deal)
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
            return _the_staff_moving(s.raw[fig.start : fig.end])
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
            and (
                any(n in before for n in target_names)
                # ("이 스타트업은 250명의 직원을 보유하고": the word that stands for it)
                or any(o.name == deal.target and o.generic for o in self.names.orgs[s.index])
            )
        ):  # "AI21 랩스에는 약 200명의 직원이 있는데": the company has them
            return "target_headcount", CUE_DEAL, "the company's size"
        return self._count_left(s, deal, before, after, moving=bool(moving))

    def _others_beside_a_mover(self, s: Sentence, fig: Figure, deal: Deal) -> bool:
        """ "CEO Alan Cowen and about seven other engineers will work with DeepMind": the others
        counted right after one of the deal's people are the people who move with them, whatever
        the verb."""
        said = f"{s.raw[max(0, fig.start - 8) : fig.start]}{fig.stated}"
        if not self._says("others", said):
            return False
        return any(
            0 <= fig.start - p.end <= OTHERS_AFTER_PERSON
            and (
                p.name in deal.people
                or self.person_deal.get(p.name) == deal
                # (a person of no company the text names, in the story of this deal: "CEO Alan
                # Cowen", the startup's CEO the lead said is brought on)
                or p.name not in self.names.affiliation
                and self.subject == deal
            )
            for p in self.names.people[s.index]
        )

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

    def _team_moves_next(self, s: Sentence, fig: Figure, deal: Deal) -> bool:
        """A team counted, and the next sentence, naming the buyer and no other company, says the
        team joins it ("… announced by the 7-person team that built the app. … said the team will
        now join Yahoo"): the team counted is the one that moves."""
        if s.index + 1 >= len(self.sentences) or not _A_TEAM_COUNTED.search(fold(fig.stated)):
            return False
        after = self.sentences[s.index + 1]
        named = {o.name for o in self.names.orgs[after.index]}
        return (
            deal.acquirer in named
            and named <= {deal.acquirer, deal.target}
            and self._says("team", after.raw) is not None
            and self._says("join", after.raw) is not None
        )

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
        if self._its_team_counted_unspaced(s, deal, before):
            return "target_headcount", CUE_DEAL, "the company's size"
        return None, 0.0, "a count of people not tied to the deal"

    def _its_team_counted_unspaced(self, s: Sentence, deal: Deal, before: str) -> bool:
        """In a language written without spaces, a word for the staff right before the count
        (a qualifier between) in a sentence that names the startup before it: "Lepton AI 由…创立于
        2023 年,团队约 20 人", its team about 20 people."""
        if self.lex.spaced:
            return False
        near = fold(before[-8:])
        told = list(self.lex.cues["staff"].finditer(near))
        return (
            bool(told)
            and len(near[told[-1].end() :].strip()) <= 2
            and any(o.name == deal.target for o in self.names.orgs[s.index])
            and any(alias in before for alias in self._aliases(deal.target))
        )

    def _sizes_the_company(self, before: str, after: str, deal: Deal) -> bool:
        """ "a startup of 12 people, Lumeo", "Prompt AI, with only 11 employees": a count that says
        how big the startup named just before it is; "約250名員工中的大部分": the whole staff, a part of
        which the sentence goes on to tell."""
        if (
            _PART_OF_IT_AFTER.match(after)
            or self._counted_part_before(before)
            or _SMALL_COMPANY_BEFORE.search(fold(before[-60:]))
            or _WORKED_THERE_AFTER.match(fold(after[:30]))  # "about 25 people worked there"
            or self._whole_in_brackets(before)
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

    def _whole_in_brackets(self, before: str) -> bool:
        """A count in brackets after the staff most of whom the sentence says move ("most of the
        employees (about 70 people)", "la maggior parte dei dipendenti (circa 70 persone)"): the
        whole staff, of which most move (the language's ``most_of`` words)."""
        bracket = _BRACKET_OPEN_BEFORE.search(fold(before[-70:]))
        return bracket is not None and self._says("most_of", bracket.group("said")) is not None

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
