"""A megabyte of hostile text is read within the analysis budget, and says it was cut.

The time it takes is the benchmark's business (``benchmarks/bench_adversarial.py``: the
cost per character stays flat as the text grows, and 1 MB costs what the cap costs); here
the tests check what bounds that cost: the cap on what is read, recorded in the article's
note, and no sentence read as one longer than ``MAX_SENTENCE_CHARS``.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from benchmarks.bench_adversarial import KINDS, build
from extractors.analysis import MAX_ANALYSED_CHARS, analyse
from extractors.analysis.text import MAX_SENTENCE_CHARS, split_sentences
from extractors.documents import article_from_text
from extractors.watchlist import load_watchlist
from tests.support.paths import REPO

WATCHLIST = load_watchlist(REPO / "config" / "watchlist.toml")
MEGABYTE = 1_000_000


def _article(text: str):
    return article_from_text(
        text,
        url="https://live.example/blog",
        origin="feed",
        fetched_at=datetime(2025, 6, 14, tzinfo=UTC),
    )


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_a_megabyte_is_cut_to_the_cap_and_the_note_says_so(kind):
    text = build(KINDS[kind], MEGABYTE)
    result = analyse(_article(text), WATCHLIST)
    assert f"analysed the first {MAX_ANALYSED_CHARS:,} of {MEGABYTE:,} characters" in result.notes
    assert all(c.end <= MAX_ANALYSED_CHARS for c in result.claims)
    assert all(x.end <= MAX_ANALYSED_CHARS for x in result.left_out)


def test_what_is_read_before_the_cap_is_still_read():
    result = analyse(_article(build(KINDS["deal cues"], MEGABYTE)), WATCHLIST)
    assert {d.deal_id for d in result.deals} >= {"meta--scale-ai"}
    assert any(c.metric == "stake_pct" and c.stated == "49%" for c in result.claims)


@pytest.mark.parametrize("kind", ["endless sentence", "figures", "capitalised names"])
def test_a_text_without_full_stops_is_read_in_bounded_pieces_that_cover_it(kind):
    text = build(KINDS[kind], 20_000)
    sentences = split_sentences(text)
    assert max(s.end - s.start for s in sentences) <= MAX_SENTENCE_CHARS
    # the pieces follow each other: nothing but white space is left between two of them
    for before, after in zip(sentences, sentences[1:], strict=False):
        assert text[before.end : after.start].strip() == ""
    assert sentences[-1].end == len(text.rstrip())


def test_a_piece_ends_at_a_clause_mark_when_one_fits():
    clause = "Halcyon hired engineers from Lumeo, "
    text = "Headline\n\n" + clause * 100
    pieces = split_sentences(text)[1:]
    assert len(pieces) > 1
    assert all(p.raw.endswith(",") for p in pieces[:-1])


def test_real_sentences_are_never_cut():
    long_but_real = (
        "Meta said on Thursday that it would pay about $14.3 billion for a 49% stake in Scale AI, "
        "the data-labelling startup founded in 2016 by Alexandr Wang and Lucy Guo, and that Wang, "
        "who is 28, would join the company to lead a new group working on superintelligence, "
        "while Jason Droege, Scale's chief strategy officer, would become its interim chief "
        "executive and the startup would remain independent, with Meta taking no seat on its board."
    )
    assert len(long_but_real) < MAX_SENTENCE_CHARS
    [headline, sentence] = split_sentences("Meta invests in Scale AI\n\n" + long_but_real)
    assert sentence.raw == long_but_real
