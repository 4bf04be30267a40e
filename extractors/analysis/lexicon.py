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
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

LEXICON_DIR = Path(__file__).resolve().parent / "lexicon"
BASE_LANGUAGE = "en"

# Every cue class a lexicon may define; a class a language leaves out is empty there.
CUE_CLASSES: tuple[str, ...] = (
    "hire", "join", "team", "pay", "licence", "deal", "acquire", "acquihire", "not_acquisition",
    "funding", "round", "valuation", "other_money", "component", "past", "past_before", "founding",
    "stake", "staff", "startup", "giant", "background", "failed", "rivals", "title", "age_then",
    "age_then_after",
    "headline", "licence_fee", "of", "dated", "team_plural", "invest", "destination",
)  # fmt: skip
NUMBER_KEYS = frozenset(
    {
        "scales", "currencies_before", "currencies_after", "percent", "qualifiers_before",
        "qualifiers_after", "number_words", "fractions", "majority", "minority", "people", "ages",
        "counters", "weekdays",
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
    cues: dict[str, tuple[str, ...]]
    numbers: dict[str, object]


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
    weekdays: tuple[tuple[str, ...], ...] = ()  # per layer, Monday first
    spaced: bool = True  # the language separates words with spaces
    verb_final: bool = False  # the verb closes the clause (Japanese, Korean, Hindi)
    raw: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def says(self, cue: str, folded_text: str) -> bool:
        """Whether ``folded_text`` holds a word of the cue class."""
        return self.cues[cue].search(folded_text) is not None

    def find(self, cue: str, folded_text: str) -> list[re.Match[str]]:
        return list(self.cues[cue].finditer(folded_text))


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
        "cues",
        "numbers",
    }
    cues = data.get("cues", {})
    numbers = data.get("numbers", {})
    unknown |= {f"cues.{k}" for k in cues if k not in CUE_CLASSES}
    unknown |= {f"numbers.{k}" for k in numbers if k not in NUMBER_KEYS}
    if unknown:
        raise LexiconError(f"lexicon {path.name}: unknown keys {sorted(unknown)}")
    return LanguageData(
        language=data.get("language", language),
        word_boundaries=bool(data.get("word_boundaries", True)),
        decimal_mark=str(data.get("decimal_mark", ".")),
        verb_final=bool(data.get("verb_final", False)),
        cues={k: tuple(v) for k, v in cues.items()},
        numbers=numbers,
    )


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
    layers = [base] if own is None else [own, base]
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
        ages=tuple(re.compile(p, re.IGNORECASE) for p in listed("ages")),
        counters=listed("counters"),
        weekdays=tuple(w for layer in layers if len(w := _weekdays(layer.numbers)) == 7),
        spaced=first.word_boundaries,
        verb_final=first.verb_final,
        raw={c: tuple(f for layer in layers for f in layer.cues.get(c, ())) for c in CUE_CLASSES},
    )


class SentenceCues:
    """The cue classes of one sentence, each looked for once: a class the sentence lacks is never
    searched for again in any part of it (relations ask about many parts of one sentence)."""

    __slots__ = ("lex", "folded", "_present")

    def __init__(self, lex: Lexicon, folded_sentence: str) -> None:
        self.lex = lex
        self.folded = folded_sentence
        self._present: dict[str, bool] = {}

    def present(self, cue: str) -> bool:
        found = self._present.get(cue)
        if found is None:
            found = self._present[cue] = self.lex.cues[cue].search(self.folded) is not None
        return found

    def said(self, cue: str, folded_part: str) -> bool:
        """Whether ``folded_part`` (a part of the sentence) holds a word of the class."""
        return self.present(cue) and self.lex.cues[cue].search(folded_part) is not None
