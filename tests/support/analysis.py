"""The analysis's steps, run on a test's own text: what the unit tests of names, relations,
deals and attribution read."""

from __future__ import annotations

from typing import NamedTuple

from extractors.analysis.lexicon import Lexicon, SentenceCues, lexicon_for
from extractors.analysis.mentions import read_mentions
from extractors.analysis.names import Names, find_names
from extractors.analysis.relations import Relation, relations_in
from extractors.analysis.text import Sentence, split_sentences
from extractors.records import Analysis
from extractors.watchlist import EMPTY_WATCHLIST, Watchlist


class Steps(NamedTuple):
    sentences: list[Sentence]
    lex: Lexicon
    names: Names
    cues: list[SentenceCues]
    relations: list[Relation]


def read_steps(text: str, language: str = "en", watchlist: Watchlist = EMPTY_WATCHLIST) -> Steps:
    """The sentences, names (with what generic words stand for), cues and relations of a text."""
    sentences = split_sentences(text)
    lex = lexicon_for(language)
    names = find_names(sentences, watchlist, lex)
    read_mentions(sentences, names, lex)
    cues = [SentenceCues(lex, s.folded) for s in sentences]
    return Steps(sentences, lex, names, cues, relations_in(sentences, names, lex, cues))


def stated_claims(result: Analysis) -> set[tuple[str, str]]:
    """(metric, stated) of every claim an analysis makes."""
    return {(c.metric, c.stated) for c in result.claims}


def company_names(names: Names) -> set[str]:
    """Every company a text's names name, in any sentence."""
    return {o.name for found in names.orgs for o in found}
