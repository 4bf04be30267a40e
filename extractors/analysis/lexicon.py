"""The vocabulary of the analysis, per language, read from ``lexicon/<language>.toml``.

Each language file holds cue classes (lists of regular-expression fragments: the words
that say "hire", "pay", "licence", "valuation"...) and the way it writes numbers
(scale words, currencies, qualifiers, number words, ages). The code that reads a
sentence asks "does this clause say *hire*?", never "does it say *hired*?": a new
phrasing or a new language is a change to these files.

A language's lexicon is merged with English, because articles in other languages
quote English words ("acqui-hire", "CEO") and name English figures ("$2.4 billion").
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]

from extractors.analysis.text import FOLDED_LETTERS

LEXICON_DIR = Path(__file__).resolve().parent / "lexicon"
BASE_LANGUAGE = "en"

# Every cue class a lexicon may define; a class a language leaves out is empty there.
CUE_CLASSES: tuple[str, ...] = (
    "hire", "join", "team", "pay", "licence", "deal", "acquire", "acquihire", "not_acquisition",
    "funding", "round", "valuation", "other_money", "component", "past", "past_before", "founding",
    "stake", "staff", "startup", "giant", "background", "failed", "rivals", "title", "age_then",
    "age_then_after",
    "headline", "licence_fee", "of", "dated", "team_plural", "invest", "destination", "winds_down",
    "size", "pay_package", "series", "undisclosed", "going_back", "price_for", "tied_to", "leads_team", "surveyed",
    "funding_total", "first_round", "one_more",
    "laid_off", "whole_staff", "remaining", "person_role", "adviser_firm", "hiring_halt",
    "aftermath", "verb_last", "auxiliary", "the_bought", "respectively", "bought_by", "others", "these_companies",
    "sold_to", "sold_before", "sold_between", "relative_object", "absorbed_into", "paired_with", "passive_auxiliary", "passive_before",
    "made_of", "launch", "offer_taken", "round_named", "product_kind", "team_then_name", "outlet", "paid_in",
    "contrasted", "similar_deal", "most_of", "in_which", "negation", "aside_opens", "appositive_opens",
    "kind_adjectives", "one_of", "calling", "agent_by", "welcome",
    "except", "subject_particle", "relative", "investors", "another", "sale_price", "examples", "appositive_noun", "investor_own",
    "founder_noun", "purchase_of", "led_by",
)  # fmt: skip
NUMBER_KEYS = frozenset(
    {
        "scales", "currencies_before", "currencies_after", "percent", "qualifiers_before",
        "qualifiers_after", "number_words", "fractions", "majority", "minority", "people", "ages",
        "counters", "weekdays", "durations",
    }
)  # fmt: skip


class LexiconError(ValueError):
    """A lexicon file that cannot be read or holds an unknown key."""


@dataclass(frozen=True, slots=True)
class LanguageData:
    """One language file as written."""

    language: str
    word_boundaries: bool
    decimal_mark: str
    verb_final: bool
    case_after_apostrophe: bool
    name_endings: tuple[str, ...]
    cues: dict[str, tuple[str, ...]]
    numbers: dict[str, object]
    # English cues left out when reading this language, by class: English words that are this
    # language's own common words (Portuguese "no" is "in the", no negation)
    english_left_out: dict[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The compiled vocabulary for reading one language (merged with English)."""

    language: str
    decimal_mark: str
    cues: dict[str, re.Pattern[str]]
    scales: dict[str, float]
    currencies_before: tuple[tuple[re.Pattern[str], str], ...]
    currencies_after: tuple[tuple[re.Pattern[str], str], ...]
    percent: tuple[str, ...]
    qualifiers_before: tuple[tuple[str, str], ...]
    qualifiers_after: tuple[tuple[str, str], ...]
    number_words: dict[str, float]
    fractions: dict[str, float]
    majority: tuple[str, ...]
    minority: tuple[str, ...]
    people: tuple[str, ...]
    ages: tuple[re.Pattern[str], ...]
    counters: tuple[str, ...] = ()
    # words before "N years" that make it a span of time, not an age
    durations: tuple[str, ...] = ()
    weekdays: tuple[tuple[str, ...], ...] = ()  # per layer, Monday first
    spaced: bool = True  # the language separates words with spaces
    verb_final: bool = False  # the verb closes the clause (Japanese, Korean, Hindi)
    case_after_apostrophe: bool = False  # a case ending follows a name: "Meta’nın" (Turkish)
    # case endings written right against a name ("Microsoftu", "Facebooka": Polish)
    name_endings: tuple[str, ...] = ()
    raw: dict[str, tuple[str, ...]] = field(default_factory=dict)
    gates: CueGates | None = None  # what a sentence must hold for each cue class to be in it
    people_nouns: re.Pattern[str] | None = (
        None  # ``people`` as one pattern (None: the list is empty)
    )

    def says(self, cue: str, folded_text: str) -> bool:
        """Whether ``folded_text`` holds a word of the cue class."""
        return self.cues[cue].search(folded_text) is not None

    def find(self, cue: str, folded_text: str) -> list[re.Match[str]]:
        return list(self.cues[cue].finditer(folded_text))


# ---------------------------------------------------------------------------------------------
# Cue gates: which cue classes a sentence may hold, read from its words in one pass.
#
# A bounded cue matches where a run of word characters and hyphens starts (``(?<![\w-])``). Each
# fragment is read (by the regex parser) into what such a match must begin with: a whole run
# ("hires": the class is there), the run a phrase opens ("brings" of "brings\s+in": the pattern
# decides), or the literal start of an open-ended word ("licen" of "licen[cs]\w*": the pattern
# decides when the sentence holds it). A sentence holding none of these lacks the class, and its
# pattern never runs there; the answer is always the pattern's own.

_CUE_RUN = re.compile(r"[\w-]+")
_WORDISH = re.compile(r"[\w-]")
_ACTIVE, _ENDED, _OPEN = 0, 1, 2  # a form still in its first run, ended by a space, or unknown
_MAX_FORMS = 512
_MAX_COUNT = 4  # the largest bounded repeat spelled out


def _chars_step(chars: set[str], spaces: bool, active: Iterable[str]) -> set[tuple[str, int]]:
    """Each active form continued by one of ``chars`` (or a space, when ``spaces``)."""
    out: set[tuple[str, int]] = set()
    for form in active:
        for ch in chars:
            if _WORDISH.fullmatch(ch):
                out.add((form + ch, _ACTIVE))
            else:
                out.add((form, _ENDED if form else _OPEN))
        if spaces:
            out.add((form, _ENDED if form else _OPEN))
    return out


def _in_step(items: list[tuple[object, object]], active: set[str]) -> set[tuple[str, int]]:
    chars: set[str] = set()
    spaces = False
    for op, av in items:
        if op is sre.LITERAL:
            chars.add(chr(av))  # type: ignore[arg-type]
        elif op is sre.RANGE and av[1] - av[0] < 64:  # type: ignore[index]
            chars |= {chr(c) for c in range(av[0], av[1] + 1)}  # type: ignore[index]
        elif op is sre.CATEGORY and av is sre.CATEGORY_SPACE:
            spaces = True
        else:
            return {(form, _OPEN) for form in active}
    return _chars_step(chars, spaces, active)


def _repeat_step(lo: int, hi: int, item: list, active: set[str]) -> set[tuple[str, int]]:
    states = {(form, _ACTIVE) for form in active}
    for _ in range(lo):
        states = _walk(item, states)
    if hi == lo:
        return states
    if hi <= _MAX_COUNT:
        out = set(states)
        for _ in range(hi - lo):
            states = _walk(item, states)
            out |= states
        return out
    more = _walk(item, states)
    if any(kind == _ACTIVE for _, kind in more):
        return {(form, _OPEN if kind == _ACTIVE else kind) for form, kind in states}
    return states | more


def _step(op: object, av: object, active: set[str]) -> set[tuple[str, int]]:
    """The forms after one parsed item of a fragment; what is not read here leaves them open."""
    if op is sre.LITERAL:
        return _chars_step({chr(av)}, False, active)  # type: ignore[arg-type]
    if op is sre.IN:
        return _in_step(av, active)  # type: ignore[arg-type]
    if op is sre.SUBPATTERN and not av[1] and not av[2]:  # type: ignore[index]
        return _walk(av[3], {(form, _ACTIVE) for form in active})  # type: ignore[index]
    if op is sre.BRANCH:
        out: set[tuple[str, int]] = set()
        for alternative in av[1]:  # type: ignore[index]
            out |= _walk(alternative, {(form, _ACTIVE) for form in active})
        return out
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and av[0] <= _MAX_COUNT:  # type: ignore[index]
        return _repeat_step(av[0], av[1], av[2], active)  # type: ignore[index]
    return {(form, _OPEN) for form in active}


def _walk(items: list, states: set[tuple[str, int]]) -> set[tuple[str, int]]:
    for op, av in items:
        active = {form for form, kind in states if kind == _ACTIVE}
        if not active:
            break
        states = {s for s in states if s[1] != _ACTIVE} | _step(op, av, active)
        if len(states) > _MAX_FORMS:
            return {(form[:0], _OPEN) for form, _ in states}
    return states


def fragment_gate(fragment: str) -> tuple[set[str], set[str], set[str]] | None:
    """What a match of a bounded cue fragment must begin with: (whole runs, runs that open a
    phrase, literal starts of open-ended words); None when nothing is known."""
    states = _walk(sre_parse.parse(fragment), {("", _ACTIVE)})
    words: set[str] = set()
    heads: set[str] = set()
    stems: set[str] = set()
    for form, kind in states:
        if not form:
            return None
        (words if kind == _ACTIVE else heads if kind == _ENDED else stems).add(form)
    return words, heads, stems


def _literal_runs(items: list) -> list[str]:
    """The runs of plain characters a sequence of parsed items always matches, in order."""
    runs, cur = [], ""
    for op, av in items:
        if op is sre.LITERAL:
            cur += chr(av)
            continue
        runs.append(cur)
        cur = ""
    return [r for r in [*runs, cur] if r]


def required_texts(items: list) -> set[str] | None:
    """Texts one of which every match of a parsed fragment holds; None when none is known."""
    best: set[str] | None = None
    for run in _literal_runs(items):
        best = {run} if best is None or len(run) > min(map(len, best)) else best
    for op, av in items:
        found: set[str] | None = None
        if op is sre.SUBPATTERN and not av[1] and not av[2]:
            found = required_texts(av[3])
        elif op is sre.ASSERT:  # what a lookahead or lookbehind requires is in the text too
            found = required_texts(av[1])
        elif op is sre.BRANCH:
            parts = [required_texts(alternative) for alternative in av[1]]
            found = None if any(p is None for p in parts) else set().union(*parts)  # type: ignore[arg-type]
        if found and (best is None or min(map(len, found)) > min(map(len, best))):
            best = found
    return best


@cache
def needed_texts(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Lower-case texts one of which a folded text holds wherever ``pattern`` matches the text
    (``re.IGNORECASE`` or not); None when none is known. Only characters that fold to
    themselves: folding turns every character ``re.IGNORECASE`` matches to one into it."""
    texts = required_texts(sre_parse.parse(pattern.pattern, pattern.flags))
    if not texts or not all(_folds_to_itself(ch) for t in texts for ch in t):
        return None
    return tuple(sorted({t.lower() for t in texts}))


def _leading_text(items: list) -> str | None:
    """The plain text an alternative starts with when all that follows it may match nothing
    ("dollars?", "rs\\.?"): the alternative is found wherever that text is."""
    text = ""
    for i, (op, av) in enumerate(items):
        if op is sre.LITERAL and i == len(text):
            text += chr(av)
        elif op not in (sre.MAX_REPEAT, sre.MIN_REPEAT) or av[0] != 0 or not text:
            return None
    return text or None


@cache
def gate_texts(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """For an unanchored case-insensitive alternation used as a gate: lower-case texts such that
    ``pattern`` finds a match exactly where the folded text holds one of them; None when the
    alternation is not of that shape. An alternative must start with plain text followed only by
    optional parts, or hold (in every match) a text that contains one of those."""
    if not pattern.flags & re.IGNORECASE:
        return None
    items = sre_parse.parse(pattern.pattern, pattern.flags)
    alternatives = items[0][1][1] if len(items) == 1 and items[0][0] is sre.BRANCH else [items]
    texts = {t for alt in alternatives if (t := _leading_text(list(alt))) is not None}
    for alt in alternatives:
        if _leading_text(list(alt)) is None and not any(
            t in run for run in _literal_runs(list(alt)) for t in texts
        ):
            required = required_texts(list(alt))
            if not required or not all(any(t in r for t in texts) for r in required):
                return None
    if not texts or not all(_folds_to_itself(ch) for t in texts for ch in t):
        return None
    return tuple(sorted({t.lower() for t in texts}))


# Characters without case (CJK, punctuation, signs, digits, spaces): each matches only itself.
_UNCASED = frozenset(
    {"Lo", "Po", "Ps", "Pe", "Pd", "Pc", "Pi", "Pf", "Sc", "Sm", "Sk", "So", "Nd", "Zs"}
)


# Latin letters whose every case-insensitive match lowers to them ("é" matches "é" and "É"): not
# the micro sign, the dotless i or the long s, which re.IGNORECASE pairs with other letters.
_LATIN_SAFE = range(0xC0, 0x250)
_IGNORECASE_PAIRED = frozenset({0xB5, 0x131, 0x17F})


def _folds_to_itself(ch: str) -> bool:
    """Every character ``re.IGNORECASE`` matches to ``ch`` folds to ``ch`` in lower case."""
    if ch.isascii():
        return True
    if ord(ch) in _LATIN_SAFE and ord(ch) not in _IGNORECASE_PAIRED:
        return ch.lower() == ch and len(ch.upper()) == 1 and ch.upper().lower() == ch
    return unicodedata.category(ch) in _UNCASED and ch.lower() == ch == ch.upper()


def ends_on(lex: Lexicon, cue: str, folded: str) -> bool:
    """A word of the class ends ``folded`` (a folded text), its spaces aside: "the sale of " ends
    on a word of selling, "in 2019" on a date."""
    end = len(folded.rstrip())
    return any(m.end() == end for m in lex.cues[cue].finditer(folded))


def offer_of_a_purchase(lex: Lexicon, folded: str) -> bool:
    """``folded`` (a clause, or its words before a sum) tells a purchase, then the offer it was
    made for, what was bought named between them, and nothing else of the class of what failed
    ("la adquisición de la startup Lumeo por una oferta cercana a los 25 millones"; not "an
    acquisition offer", "인수 제안", "its offer to acquire Lumeo" or "tried to buy Lumeo with an
    offer", bids that may have failed)."""
    failed = list(lex.cues["failed"].finditer(folded))
    if len(failed) != 1:
        return False
    return any(
        len(folded[m.end() : failed[0].start()].split()) >= 2
        for m in lex.cues["acquire"].finditer(folded)
        if m.end() <= failed[0].start()
    )


def holds_any(folded: str, texts: tuple[str, ...] | None) -> bool:
    """Whether a folded text holds one of ``texts`` (always, when nothing is known: None)."""
    return texts is None or any(map(folded.__contains__, texts))


@dataclass(frozen=True, slots=True)
class CueGates:
    """Per word, the classes it is a whole cue of and those whose phrases it opens (as bits);
    per class, the starts of its open-ended words, and the classes nothing gates."""

    bits: dict[str, tuple[int, int]]
    stems: dict[str, tuple[str, ...]]
    ungated: frozenset[str]
    index: dict[str, int]
    keys: frozenset[str] = frozenset()  # the words of ``bits``
    heads: dict[str, frozenset[str]] = field(default_factory=dict)  # class -> its phrases' runs

    def read(self, folded: str) -> tuple[set[str], int, int]:
        """A folded sentence's runs, the classes it holds whole (bits), and those its runs may
        open: a cue is a whole run, or the part of a run before one of its hyphens."""
        runs = set(_CUE_RUN.findall(folded))
        if "-" in folded:
            runs |= {run[:i] for run in runs if "-" in run for i, ch in enumerate(run) if ch == "-"}
        whole = opened = 0
        bits = self.bits
        for run in runs & self.keys:
            found = bits[run]
            whole |= found[0]
            opened |= found[1]
        return runs, whole, opened

    def head_starts(
        self, cue: str, folded: str, runs: set[str], found: dict[str, list[int]]
    ) -> list[int]:
        """Where a run that opens one of the class's phrases stands whole in the sentence
        (``found``: where each run was found before, kept by the caller for its sentence)."""
        starts = []
        for head in runs & self.heads[cue]:
            places = found.get(head)
            if places is None:
                places = found[head] = whole_run_places(folded, head)
            starts += places
        return starts


def whole_run_places(folded: str, run: str) -> list[int]:
    """Where ``run`` stands in ``folded`` as a whole run of ``[\\w-]`` (any text, folded or not)."""
    places = []
    size = len(folded)
    i = folded.find(run)
    while i != -1:
        end = i + len(run)
        # the characters around it are not of a run ([\w-]: alphanumeric, "_", "-")
        before = folded[i - 1] if i else " "
        after = folded[end] if end < size else " "
        if not (before.isalnum() or before in "_-" or after.isalnum() or after in "_-"):
            places.append(i)
        i = folded.find(run, i + 1)
    return places


def _cue_gates(layers: list[LanguageData]) -> CueGates:
    index = {c: 1 << i for i, c in enumerate(CUE_CLASSES)}
    bits: dict[str, tuple[int, int]] = {}
    stems: dict[str, set[str]] = {c: set() for c in CUE_CLASSES}
    heads_of: dict[str, set[str]] = {c: set() for c in CUE_CLASSES}
    ungated: set[str] = set()
    for layer in layers:
        for cue, fragments in layer.cues.items():
            for fragment in fragments:
                gate = fragment_gate(lowered(fragment)) if layer.word_boundaries else None
                if gate is None:  # any match holds one of these texts, or nothing is known
                    required = required_texts(sre_parse.parse(lowered(fragment)))
                    stems[cue] |= required or set()
                    if not required:
                        ungated.add(cue)
                    continue
                words, heads, starts = gate
                for w in words:
                    whole, opened = bits.get(w, (0, 0))
                    bits[w] = (whole | index[cue], opened)
                for h in heads:
                    whole, opened = bits.get(h, (0, 0))
                    bits[h] = (whole, opened | index[cue])
                heads_of[cue] |= heads
                stems[cue] |= starts
    return CueGates(
        bits,
        {c: tuple(sorted(v)) for c, v in stems.items()},
        frozenset(ungated),
        index,
        frozenset(bits),
        {c: frozenset(v) for c, v in heads_of.items()},
    )


def _read(language: str) -> LanguageData:
    path = LEXICON_DIR / f"{language}.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise LexiconError(f"lexicon {path.name}: {exc}") from exc
    unknown = set(data) - {
        "language",
        "word_boundaries",
        "decimal_mark",
        "verb_final",
        "case_after_apostrophe",
        "name_endings",
        "cues",
        "numbers",
        "english_left_out",
    }
    cues = data.get("cues", {})
    numbers = data.get("numbers", {})
    left_out = data.get("english_left_out", {})
    unknown |= {f"cues.{k}" for k in cues if k not in CUE_CLASSES}
    unknown |= {f"english_left_out.{k}" for k in left_out if k not in CUE_CLASSES}
    unknown |= {f"numbers.{k}" for k in numbers if k not in NUMBER_KEYS}
    if unknown:
        raise LexiconError(f"lexicon {path.name}: unknown keys {sorted(unknown)}")
    return LanguageData(
        language=data.get("language", language),
        word_boundaries=bool(data.get("word_boundaries", True)),
        decimal_mark=str(data.get("decimal_mark", ".")),
        verb_final=bool(data.get("verb_final", False)),
        case_after_apostrophe=bool(data.get("case_after_apostrophe", False)),
        name_endings=tuple(data.get("name_endings", ())),
        # a cue may be written as the language writes it ("yatırım"): it is folded as the text is
        cues={k: tuple(f.translate(FOLDED_LETTERS) for f in v) for k, v in cues.items()},
        numbers=numbers,
        english_left_out={
            k: tuple(f.translate(FOLDED_LETTERS) for f in v) for k, v in left_out.items()
        },
    )


def _without_false_friends(base: LanguageData, own: LanguageData) -> LanguageData:
    """The English layer without the cues ``own`` leaves out; each must be an English cue."""
    if not own.english_left_out:
        return base
    cues = dict(base.cues)
    for cue, fragments in own.english_left_out.items():
        missing = set(fragments) - set(cues.get(cue, ()))
        if missing:
            raise LexiconError(
                f"lexicon {own.language}.toml: english_left_out.{cue} names no English cue "
                f"{sorted(missing)}"
            )
        cues[cue] = tuple(f for f in cues[cue] if f not in fragments)
    return replace(base, cues=cues)


def available_languages() -> tuple[str, ...]:
    return tuple(sorted(p.stem for p in LEXICON_DIR.glob("*.toml") if p.stem != "names"))


def lowered(fragment: str) -> str:
    """A fragment in lower case, its escapes (``\\s``, ``\\W``...) left as written.

    Cue patterns run on folded (lower-cased) text, so their literals must be lower case.
    """
    out = []
    escaped = False
    for ch in fragment:
        out.append(ch if escaped else ch.lower())
        escaped = not escaped and ch == "\\"
    return "".join(out).replace("(?p<", "(?P<")


def literal_alternation(
    texts: Iterable[str], not_after: str = "", then: str = "", rest_any_case: bool = False
) -> str:
    """``(?<!not_after)(?:texts...)then``: an alternation of literal texts, in the order given,
    as one branch per first character: at any place only the texts that start with its
    character are tried (as the plain alternation would, in the same order), not every text.

    ``not_after`` (a character class) is tested once the first character is read, so the
    pattern starts with a character, which the search skips to instead of trying every place.
    With ``rest_any_case`` the first character is matched as written and the rest in any case:
    a name's capital stays a capital, while outlets write "WindSurf", "Character.ai", "GROQ".
    """
    texts = list(texts)
    if "" in texts:  # the empty text matches everywhere: its place among the others counts
        before = f"(?<!{not_after})" if not_after else ""
        return before + "(?:" + "|".join(re.escape(t) for t in texts) + ")" + then
    groups: dict[str, list[str]] = {}
    for text in texts:
        groups.setdefault(text[:1], []).append(text[1:])
    branches = []
    for first, rests in groups.items():
        char = re.escape(first)
        before = f"(?<!{not_after}{char})" if not_after else ""
        rest = "|".join(re.escape(r) for r in rests)
        rest = f"(?i:{rest})" if rest_any_case else f"(?:{rest})"
        branches.append(f"{char}{before}{rest}{then}")
    return "|".join(branches)


def _alternation(fragments: tuple[str, ...], bounded: bool) -> str:
    # Longest first, so that "chief executive officer" wins over "chief executive".
    body = "|".join(sorted({lowered(f) for f in fragments}, key=len, reverse=True))
    return rf"(?<![\w-])(?:{body})(?![\w])" if bounded else f"(?:{body})"


def _cue_pattern(parts: list[tuple[tuple[str, ...], bool]]) -> re.Pattern[str]:
    alternatives = [_alternation(f, b) for f, b in parts if f]
    return re.compile("|".join(alternatives) if alternatives else r"(?!x)x")


def _pairs(numbers: dict[str, object], key: str) -> list[tuple[str, str]]:
    value = numbers.get(key, {})
    return list(value.items()) if isinstance(value, dict) else []


def _weekdays(numbers: dict[str, object]) -> tuple[str, ...]:
    """A language's weekday names, Monday first (empty when it lists none)."""
    days = numbers.get("weekdays", ())
    return tuple(str(d) for d in days) if isinstance(days, list | tuple) else ()


@cache
def lexicon_for(language: str | None) -> Lexicon:
    """The vocabulary for ``language`` (ISO 639-1), English merged in; English when unknown."""
    code = (language or BASE_LANGUAGE).lower()
    base = _read(BASE_LANGUAGE)
    own = _read(code) if code != BASE_LANGUAGE and code in available_languages() else None
    layers = [base] if own is None else [own, _without_false_friends(base, own)]
    cues = {
        c: _cue_pattern([(layer.cues.get(c, ()), layer.word_boundaries) for layer in layers])
        for c in CUE_CLASSES
    }

    def merged(key: str) -> list[tuple[str, str]]:
        """The pairs of every layer, the language's own last so that they win in a dict."""
        out: list[tuple[str, str]] = []
        for layer in reversed(layers):
            out += _pairs(layer.numbers, key)
        return out

    def listed(key: str) -> tuple[str, ...]:
        out: list[str] = []
        for layer in layers:
            value = layer.numbers.get(key, [])
            out += list(value) if isinstance(value, list) else []
        return tuple(out)

    scales = {k.lower(): float(v) for k, v in merged("scales")}
    words = {k.lower(): float(v) for k, v in merged("number_words")}
    fractions = {k.lower(): float(v) for k, v in merged("fractions")}
    first = layers[0]
    return Lexicon(
        language=code if own is not None else BASE_LANGUAGE,
        decimal_mark=first.decimal_mark,
        cues=cues,
        scales=scales,
        currencies_before=tuple(
            (re.compile(k, re.IGNORECASE), str(v)) for k, v in merged("currencies_before")
        ),
        currencies_after=tuple(
            (re.compile(k, re.IGNORECASE), str(v)) for k, v in merged("currencies_after")
        ),
        percent=listed("percent"),
        qualifiers_before=tuple((k, str(v)) for k, v in merged("qualifiers_before")),
        qualifiers_after=tuple((k, str(v)) for k, v in merged("qualifiers_after")),
        number_words=words,
        fractions=fractions,
        majority=listed("majority"),
        minority=listed("minority"),
        people=listed("people"),
        people_nouns=(
            re.compile(rf"(?<!\w)(?:{'|'.join(listed('people'))})", re.IGNORECASE)
            if listed("people")
            else None
        ),
        ages=tuple(re.compile(p, re.IGNORECASE) for p in listed("ages")),
        counters=listed("counters"),
        durations=listed("durations"),
        weekdays=tuple(w for layer in layers if len(w := _weekdays(layer.numbers)) == 7),
        spaced=first.word_boundaries,
        verb_final=first.verb_final,
        case_after_apostrophe=first.case_after_apostrophe,
        name_endings=first.name_endings,
        raw={c: tuple(f for layer in layers for f in layer.cues.get(c, ())) for c in CUE_CLASSES},
        gates=_cue_gates(layers),
    )


class SentenceCues:
    """The cue classes of one sentence, each looked for once: a class the sentence lacks is never
    searched for again in any part of it (relations ask about many parts of one sentence)."""

    __slots__ = ("lex", "folded", "_present", "_read", "_places")

    def __init__(self, lex: Lexicon, folded_sentence: str) -> None:
        self.lex = lex
        self.folded = folded_sentence
        self._present: dict[str, bool] = {}
        self._read: tuple[set[str], int, int] | None = None
        self._places: dict[str, list[int]] = {}  # where each run looked for stands whole

    def present(self, cue: str) -> bool:
        found = self._present.get(cue)
        if found is None:
            found = self._present[cue] = self._look(cue)
        return found

    def _look(self, cue: str) -> bool:
        """A word of the class in the sentence; else its pattern, run only where it can match."""
        gates, folded, pattern = self.lex.gates, self.folded, self.lex.cues[cue]
        if gates is None:
            return pattern.search(folded) is not None
        if self._read is None:
            self._read = gates.read(folded)
        runs, whole, opened = self._read
        bit = gates.index[cue]
        if whole & bit:
            return True
        if cue in gates.ungated or any(map(folded.__contains__, gates.stems[cue])):
            return pattern.search(folded) is not None
        if not opened & bit:
            return False
        # only a phrase can match here, and only where its first run stands whole
        starts = gates.head_starts(cue, folded, runs, self._places)
        return any(pattern.match(folded, i) for i in starts)

    def said(self, cue: str, folded_part: str) -> bool:
        """Whether ``folded_part`` (a part of the sentence) holds a word of the class."""
        return self.present(cue) and self.lex.cues[cue].search(folded_part) is not None
