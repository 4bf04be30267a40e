"""Folded text with lower-case patterns matches exactly what re.IGNORECASE matches."""

from __future__ import annotations

import re
import sys

import pytest

from extractors.deals import HIRE_SIGNAL, MONEY_SIGNAL, TEAM_PLURAL
from extractors.folding import fold, folded

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
