"""Founding years stated of a deal's startup: the founding word and its year, and which company
was founded then.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from extractors.analysis.deals import Deal
from extractors.analysis.figures import Figure
from extractors.analysis.lexicon import Lexicon, lexicon_for
from extractors.analysis.names import Names, OrgMention
from extractors.analysis.relations import (
    BY_WORDS,
)
from extractors.analysis.text import Sentence, clause_bounds, fold


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
    founding = _founding_not_founders(lex.language)
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


@cache
def _founding_not_founders(language: str) -> re.Pattern[str]:
    """The language's founding words, save where they open a founder's noun ("共同設立者が2011年
    12月5日に", a co-founder posting on a day: no founding in 2011). The founding class keeps the
    noun's first word: the article model counts it as it was fitted."""
    lex = lexicon_for(language)
    founding = lex.cues["founding"]
    nouns = lex.raw.get("founder_noun", ())
    if not nouns:
        return founding
    return re.compile(rf"(?!{'|'.join(nouns)})(?:{founding.pattern})", founding.flags)


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
                r"\b(?:startup|start-up|company|firm|it|which|que|qui|cui|die|der|welche[rs]?|azienda|empresa|entreprise|soci[eé]t[eéà]|unternehmen|firma|elle|ella|ela|essa|sie|es)\b",
                folded[max(c_lo, verb_at - 30) : verb_at],
            )
            or re.search(r"\b(?:startup|start-up|company|firm)\b", folded[verb_at : fig.start])
            # "Founded in 2023 by a team of researchers, the San Francisco-based company …",
            # "Fundada em 2023 por Ari Novack e Matthew Streshinsky, …, a empresa oferece"
            or opens
            and _THE_COMPANY_AFTER.search(folded, fig.end, fig.end + _THE_COMPANY_REACH)
            # a profile's field, "Founded: 2023": of the company the article is about
            or opens
            and cues
            and re.fullmatch(r"\s*[:：]\s*", folded[cues[-1].end() : fig.start])
        )
    ):
        candidates.append(subject.target)
    return candidates


# A determiner and a word for a company, a few words between, in the languages read
_THE_COMPANY_AFTER = re.compile(
    r"\b(?:the|la|le|el|o|a|l['’]|die|das|der|de|het)\s+(?:[\w–-]+\s+){0,3}"
    r"(?:startup|start-up|company|firm|empresa|companhia|compañía|entreprise|société|azienda|"
    r"società|unternehmen|firma|bedrijf)\b"
)
# How far after a participle's year that company may be named (its founders between)
_THE_COMPANY_REACH = 150


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
