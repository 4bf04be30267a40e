"""The fast matching helpers (folded text, names patterns, capitalised-only patterns) match as the plain regexes do."""

from __future__ import annotations

import re
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from extractors import deals, sentences
from extractors.deals import (
    HIRE_SIGNAL,
    MONEY_SIGNAL,
    NAME_RX,
    RELATIONS,
    TEAM_PLURAL,
    _bare_surname,
    _continues_name,
    capitalised_only,
    names_pattern,
)
from extractors.documents import articles_from_path
from extractors.folding import any_of, fold, folded
from extractors.sentences import split_sentences

EVERY_CHARACTER = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)
LETTERS = "abcdefghijklmnopqrstuvwxyzäöüßéèêàâçñóáíúô"


@pytest.mark.parametrize("letter", LETTERS)
def test_a_letter_matches_the_same_characters_folded_as_ignoring_case(letter):
    ignoring_case = {m.group() for m in re.finditer(re.escape(letter), EVERY_CHARACTER, re.I)}
    folded_text = fold(EVERY_CHARACTER)
    by_folding = {EVERY_CHARACTER[m.start()] for m in re.finditer(re.escape(letter), folded_text)}
    assert by_folding == ignoring_case


def test_folding_keeps_every_character_at_its_offset_and_word_class():
    folded_text = fold(EVERY_CHARACTER)
    assert len(folded_text) == len(EVERY_CHARACTER)
    words = [m.start() for m in re.finditer(r"\w", EVERY_CHARACTER)]
    assert [m.start() for m in re.finditer(r"\w", folded_text)] == words


@pytest.mark.parametrize(
    "text",
    [
        "Microsoft HIRED Inflection's Co-Founders",
        "Die Gründer WECHSELN zu Google, Google ZAHLT 2,7 Milliarden Dollar",
        "İnvestors backed the ſtaff; the TEAM joined",
        "no cue here at all",
    ],
)
def test_folded_patterns_agree_with_ignorecase(text):
    for pattern in (HIRE_SIGNAL, MONEY_SIGNAL, TEAM_PLURAL):
        original = re.compile(pattern.pattern, re.IGNORECASE)
        ours = pattern.search(fold(text))
        theirs = original.search(text)
        assert (ours and ours.span()) == (theirs and theirs.span())


def test_escapes_keep_their_case():
    assert folded(r"\S+\W").pattern == r"\S+\W"
    assert folded(r"[A-Z]\s+Gründer").pattern == r"[a-z]\s+gründer"
    with pytest.raises(ValueError):
        folded(r"(?-i:[A-Z])")


def test_named_groups_survive_folding():
    m = folded(r"(?P<day>Monday|Friday) (?P=day)").search(fold("on FRIDAY friday"))
    assert m is not None and m.group("day") == "friday"


def test_a_name_continues_after_exactly_the_characters_of_the_lookbehind():
    continues = {c for c in EVERY_CHARACTER if _continues_name(c)}
    assert continues == {m.group() for m in re.finditer(r"[\w.]", EVERY_CHARACTER)}


@pytest.mark.parametrize(
    "text",
    [
        "Google hired Character.AI's founders; Character.AI and Google.",
        "xGoogle Google.com .Google Google_x Google's GoogleX Googles Google",
        "Scale AI, Scale and ScaleAI: Meta paid Scale AI. Meta-Scale",
        "Inflection AI joined Microsoft\u00a0AI; Inflection",
        "",
    ],
)
def test_names_pattern_matches_as_the_plain_lookbehind_regex(text):
    names = ("Google", "Character.AI", "Scale AI", "Scale", "Meta", "Inflection", "Microsoft")
    ours = names_pattern(names)
    plain = re.compile(ours.pattern)
    assert [m.span() for m in ours.finditer(text)] == [m.span() for m in plain.finditer(text)]
    for pos in range(len(text) + 1):
        a, b = ours.search(text, pos), plain.search(text, pos)
        assert (a and a.span()) == (b and b.span())


def _labelled_sentences() -> list[str]:
    folder = Path(__file__).parent / "data" / "labelled"
    fetched = datetime(2025, 1, 1, tzinfo=UTC)
    texts = [
        a.text
        for p in sorted(folder.glob("*.txt"))
        for a in articles_from_path(p, fetched_at=fetched)
    ]
    return [s.text for t in texts for s in split_sentences(t)] + [
        "Google-Character.AI deal: Microsoft's $650 million Inflection licence; O'Neil/Meta tie-up",
        "xAI hired staff from Acme Labs; the team from Adept joined Amazon",
    ]


def _all_matches(pattern: re.Pattern[str], text: str) -> list[tuple]:
    out, pos = [], 0
    while (m := pattern.search(text, pos)) is not None:
        out.append((m.span(), m.groupdict()))
        pos = m.start() + 1
    return out


def test_capitalised_only_patterns_match_as_the_originals_on_text_without_dot_ai():
    sentences = [s for s in _labelled_sentences() if ".ai" not in s]
    assert len(sentences) > 500
    purchases = [deals.ACQUISITION, deals.ACQUISITION_NOUN, deals.ACQUISITION_LOOSE]
    for original in [NAME_RX, *(p for _, p in RELATIONS), *purchases]:
        fast = capitalised_only(original.pattern)
        for s in sentences:
            assert _all_matches(fast, s) == _all_matches(original, s), (original.pattern[:40], s)


@pytest.mark.parametrize(
    ("first", "last"),
    [("Mustafa", "Suleyman"), ("Noam", "Shazeer"), ("Mary", "O'Brien"), ("Jean", "Dupont-Aignan")],
)
def test_bare_surname_opens_with_the_surname_and_matches_as_the_lookbehind_regex(first, last):
    plain = re.compile(rf"(?<!{re.escape(first)} )\b{re.escape(last)}\b(?!\s+[A-Z])")
    texts = [
        f"{first} {last} joined. {last} said",
        f"{first} {last} joined; x{last} and {last}s and {last} Labs",
        f"{last} Ventures backed {first} {last}",
        f"{last}",
        f"Dr {last}, who left",
    ]
    for text in texts:
        for pos in range(len(text) + 1):
            a, b = _bare_surname(first, last).search(text, pos), plain.search(text, pos)
            assert (a and a.span()) == (b and b.span()), (text, pos)


@pytest.mark.parametrize(
    "alternation", [deals._HIRE_VERB, deals._JOIN, deals._TEAM, deals._INVEST_VERB, deals._W6]
)
def test_any_of_finds_a_match_exactly_where_the_alternation_does(alternation):
    texts = [fold(s) for s in _labelled_sentences()] + [
        "they hired and rehired; the staffers joined",
        "ceo chief executive officer",
        "a-b |(x)",
    ]
    plain = folded(rf"\b{alternation}\b")
    grouped = folded(rf"\b{any_of(alternation)}\b")
    for text in texts:
        for pos in range(0, len(text) + 1, 20):
            assert (plain.search(text, pos) is None) == (grouped.search(text, pos) is None), text


def test_any_of_groups_branches_by_first_letter():
    grouped = any_of(r"hired|hires|(?:poach\w*|pulled\s+in)|joins?|s?x|\bbar|[ab]c|CEO|chief")
    assert (
        grouped
        == r"(?:h(?:ired|ires)|p(?:oach\w*|ulled\s+in)|j(?:oins?)|c(?:EO|hief)|s?x|\bbar|[ab]c)"
    )


def test_person_pattern_matches_as_with_its_lookbehind_first():
    pw = deals._PW
    plain = re.compile(
        rf"(?<![\w.])({pw}(?:[ \xa0]+(?:de|De|van|von|da|La)[ \xa0]+|[ \xa0]+){pw}(?:[ \xa0]+{pw})?)"
    )
    texts = _labelled_sentences() + [
        "x.Mark Zuckerberg met Jean de La Fontaine and O'Neil Smith-Jones"
    ]
    for text in texts:
        assert [m.span(1) for m in deals.PERSON.finditer(text)] == [
            m.span(1) for m in plain.finditer(text)
        ]


def test_after_amount_is_the_amount_pattern_before_a_name():
    plain = re.compile(r"[\d$€£]\s*$")
    texts = [
        "$2 Billion",
        "12 Million",
        "US$ Tech",
        "€\u00a0X",
        "٣ Foo",
        "a 2\nB",
        "x\u2003 Y",
        "abc Def",
        "",
        "Co",
    ]
    for text in texts:
        for start in range(len(text) + 1):
            expected = plain.search(text, max(0, start - 3), start) is not None
            assert deals._after_amount(text, start) == expected, (text, start)


def test_sentence_end_finds_the_breaks_the_lookbehind_pattern_found():
    plain = re.compile(r"(?<=[.!?])[\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9$€£])")
    folder = Path(__file__).parent / "data" / "labelled"
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    texts += ['He left. "Then?" she asked!) Next. U.S. $5 bn. Really?! Yes...  No']
    for text in texts:
        ours = [m.span(1) for m in sentences._SENTENCE_END.finditer(text)]
        assert ours == [m.span() for m in plain.finditer(text)]


def test_clause_end_matches_as_the_plain_alternation():
    plain = re.compile(r",\s+(?:while|whereas|and\s+(?=[A-Z]))|;|\.\s|\s[-–—]\s")
    texts = _labelled_sentences() + ["A, while B; C. D - E, and Fgh, and x.  y — z,whereas"]
    for text in texts:
        assert [m.span() for m in deals._CLAUSE_END.finditer(text)] == [
            m.span() for m in plain.finditer(text)
        ]
        for pos in range(0, len(text), 11):
            a, b = deals._CLAUSE_END.search(text, pos), plain.search(text, pos)
            assert (a and a.span()) == (b and b.span())
