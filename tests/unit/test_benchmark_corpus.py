"""The benchmark corpus is the same on every run and looks like the news it stands for."""

from __future__ import annotations

from collections import Counter

import feedparser
import trafilatura

from benchmarks import realshaped
from benchmarks.corpus import corpus_specs, page_html, rss_feed
from extractors.language import detect_language


def _extracted_words(page: bytes) -> int:
    doc = trafilatura.bare_extraction(
        page, with_metadata=True, include_comments=False, include_tables=True
    )
    assert doc is not None
    return len(doc.as_dict()["text"].split())


def test_same_seed_same_corpus_other_seed_other_corpus() -> None:
    first = [page_html(s) for s in corpus_specs(2, 5, seed=7)]
    again = [page_html(s) for s in corpus_specs(2, 5, seed=7)]
    other = [page_html(s) for s in corpus_specs(2, 5, seed=8)]
    assert first == again
    assert all(a != b for a, b in zip(first, other, strict=True))


def test_pages_are_heavy_and_trafilatura_finds_600_to_1500_words() -> None:
    specs = list(corpus_specs(3, 10))
    pages = [page_html(s) for s in specs]
    assert all(len(page) > 40_000 for page in pages)  # navigation, ads, comments around the body
    words = [_extracted_words(page) for page in pages]
    assert all(600 <= w <= 1500 for w in words), words
    comment = "Not sure the market has priced this in yet."
    assert all(comment.encode() in page for page in pages)
    text = trafilatura.extract(pages[0], include_comments=False) or ""
    assert comment not in text


def test_some_pages_report_a_deal_with_figures_most_do_not() -> None:
    specs = list(corpus_specs(10, 40))
    deals = [s for s in specs if s.is_deal]
    assert 0.04 <= len(deals) / len(specs) <= 0.11
    assert all("$" in s.paragraphs[0] for s in deals)
    assert len({s.paragraphs[0].split(" ", 3)[2] for s in deals}) > 3  # phrasings vary


def test_feeds_parse_with_every_item_linking_to_its_page() -> None:
    specs = list(corpus_specs(1, 12))
    parsed = feedparser.parse(rss_feed(0, specs, "http://127.0.0.1:8000"))
    assert not parsed.bozo
    assert [e.link for e in parsed.entries] == [f"http://127.0.0.1:8000{s.path}" for s in specs]
    assert all(e.published_parsed for e in parsed.entries)


def test_real_shaped_corpus_is_the_same_on_every_run() -> None:
    first = [realshaped.page_html(s) for s in realshaped.corpus_specs(16, 2, seed=7)]
    again = [realshaped.page_html(s) for s in realshaped.corpus_specs(16, 2, seed=7)]
    other = [realshaped.page_html(s) for s in realshaped.corpus_specs(16, 2, seed=8)]
    assert first == again
    assert all(a != b for a, b in zip(first, other, strict=True))


def test_real_shaped_corpus_spreads_sizes_markup_and_languages() -> None:
    specs = list(realshaped.corpus_specs(16, 25))
    bodies = sorted(sum(len(p.encode()) for p in s.paragraphs) for s in specs)
    assert bodies[0] < 2_500 and bodies[len(bodies) // 2] < 20_000 and bodies[-1] > 100_000
    assert {s.form for s in specs} == {"brief", "story", "longread", "live"}
    assert {s.style for s in specs} == set(realshaped.STYLES)
    languages = Counter(s.language for s in specs)
    assert set(languages) == {"en", "de", "fr", "es", "pt", "ja", "ko", "zh"}
    assert 0.3 <= languages["en"] / len(specs) <= 0.7
    assert 0.04 <= sum(s.is_deal for s in specs) / len(specs) <= 0.13


def test_real_shaped_pages_give_trafilatura_their_body_in_their_language() -> None:
    """One page of each outlet: its markup does not hide the body, and it reads as its language."""
    for spec in realshaped.corpus_specs(len(realshaped.OUTLETS), 1):
        doc = trafilatura.bare_extraction(
            realshaped.page_html(spec), with_metadata=True, include_comments=False
        )
        assert doc is not None
        text = doc.as_dict()["text"]
        assert spec.paragraphs[0][:60] in text, (spec.style, spec.language)
        assert detect_language(text) == spec.language
