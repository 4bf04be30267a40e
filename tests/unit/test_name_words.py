"""The words of lexicon/names.toml that the name patterns are built from: each one listed there is
read as the file says (written for these tests)."""

from __future__ import annotations

import pytest

from extractors.analysis.mentions import _GENERIC_BIG, _PRONOUN_OPENS
from extractors.analysis.names import _BOUGHT_ALONE, LIST_SEPARATOR, name_words

WORDS = name_words()


@pytest.mark.parametrize("word", WORDS["list_words"])
def test_every_list_word_joins_two_names(word):
    assert LIST_SEPARATOR.fullmatch(f" {word} ")
    assert LIST_SEPARATOR.fullmatch(f", {word} ")


@pytest.mark.parametrize("opener", WORDS["list_item_openers"])
def test_the_word_before_the_first_item_may_come_again(opener):
    assert LIST_SEPARATOR.fullmatch(f" and {opener} ")


@pytest.mark.parametrize("noun", WORDS["big_company"]["nouns"])
def test_every_noun_for_a_big_company_names_one(noun):
    found = _GENERIC_BIG.search(f"Later the ageing {noun} said it would keep the app.")
    assert found is not None and found.group("noun") == noun


def test_a_trade_and_a_word_for_a_firm_name_a_big_company():
    assert _GENERIC_BIG.search("the e-commerce titan declined to comment")
    assert _GENERIC_BIG.search("the software maker said")
    assert _GENERIC_BIG.search("the startup said") is None


@pytest.mark.parametrize("pronoun", WORDS["pronouns_opening"])
def test_a_pronoun_opening_a_sentence_is_read(pronoun):
    assert _PRONOUN_OPENS.match(f"“{pronoun} joined the company in 2019.")


def test_a_word_a_purchase_takes_is_a_company():
    assert [m.group(1) for m in _BOUGHT_ALONE.finditer("Square acquires Evenly, a startup.")] == [
        "Evenly"
    ]
    assert [m.group(1) for m in _BOUGHT_ALONE.finditer("after the buyout of Pelta, it grew")] == [
        "Pelta"
    ]
    # (not an owner's given name: "bought Tom Vale’s startup")
    assert not list(_BOUGHT_ALONE.finditer("it bought Tom Vale’s startup Lumeo"))
