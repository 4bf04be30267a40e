"""Syndication groups found for a whole batch at once give the answer of trying each candidate in turn."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import numpy as np

from extractors.fingerprint import NUM_PERM, is_same_story, lsh_keys, same_story_mask
from extractors.records import Analysis, Article
from tests.support import records
from tests.support.records import NOW
from warehouse import db, store, write_articles


def _signatures(rng: np.random.Generator, n: int) -> list[tuple[int, ...]]:
    """Prints from a tiny alphabet so that most pairs share an LSH band: copies of a few stories
    (some edited close to the same-story threshold), unrelated prints, and token counts on both
    sides of the minimum."""
    stories = rng.integers(0, 3, (6, NUM_PERM))
    prints = []
    for _ in range(n):
        if rng.random() < 0.7:
            base = stories[rng.integers(len(stories))].copy()
            edited = rng.random(NUM_PERM) < rng.choice([0.1, 0.6, 0.75, 0.85])
            base[edited] = rng.integers(0, 3, int(edited.sum()))
        else:
            base = rng.integers(0, 3, NUM_PERM)
        size = int(rng.choice([8, 36, 40, 44]))
        prints.append(tuple(int(v) * 1_000_003 for v in base) + (size,))
    return prints


def _article(n: int, signature: tuple[int, ...]) -> Article:
    return records.article(
        f"a{(n * 7919) % 1000:04d}",  # ids out of storage order, so the tie-break counts
        "text",
        "news.example",
        published=None,
        fingerprint=signature,
        url=f"https://news.example/{n}",
    )


def _store(con, articles: list[Article], now: datetime) -> None:
    items = [(a, Analysis(a.article_id, "unrelated", 0.0, "")) for a in articles]
    store.store_analyses(con, items, run_id="r", policy=store.ReconcilePolicy(), now=now)


def _reference(
    stored: list[tuple[datetime, str, str, tuple[int, ...]]],
    batch: list[Article],
    now: datetime,
    *,
    newest_first: bool = False,
) -> dict[str, str | None]:
    """Each article in turn: every earlier print sharing a band, oldest first, the first copy wins."""
    known = list(stored)
    copies: dict[str, str | None] = {}
    for article in batch:
        keys = set(lsh_keys(article.fingerprint))
        found = None
        for _, _, story_id, signature in sorted(
            known, key=lambda c: (c[0], c[1]), reverse=newest_first
        ):
            if keys & set(lsh_keys(signature)) and is_same_story(signature, article.fingerprint):
                found = story_id
                break
        copies[article.article_id] = found
        known.append((now, article.article_id, found or article.article_id, article.fingerprint))
    return copies


def test_vectorised_same_story_agrees_with_the_pairwise_test():
    rng = np.random.default_rng(7)
    prints = _signatures(rng, 300)
    matrix = np.array(prints, dtype=np.uint64)
    for signature in prints[:60]:
        expected = [is_same_story(other, signature) for other in prints]
        assert same_story_mask(matrix, signature).tolist() == expected
    assert 0 < sum(is_same_story(a, b) for a in prints[:60] for b in prints) < 60 * 300


def test_a_short_print_is_never_the_same_story():
    matrix = np.array(_signatures(np.random.default_rng(1), 5), dtype=np.uint64)
    assert not same_story_mask(matrix, (1, 2, 3)).any()


def test_batch_stories_match_the_one_by_one_reference(tmp_path: Path):
    rng = np.random.default_rng(3)
    prints = _signatures(rng, 400)
    articles = [_article(n, p) for n, p in enumerate(prints)]
    # Earlier runs, one stored after the batch's own time (clocks disagree), one batch of equal times.
    earlier = [
        (articles[:120], NOW - timedelta(days=2)),
        (articles[120:200], NOW + timedelta(hours=1)),
    ]
    batch = articles[200:]
    with db.write_connection(tmp_path / "w.duckdb") as con:
        for chunk, when in earlier:
            _store(con, chunk, when)
        stored = [
            (at, aid, story, tuple(int(v) for v in signature))
            for aid, story, signature, at in con.execute(
                "SELECT article_id, story_id, fingerprint, stored_at FROM store.articles"
            ).fetchall()
        ]
        expected = _reference(stored, batch, NOW)
        found = write_articles.stories_of(
            con, batch, [write_articles.band_keys(a) for a in batch], NOW
        )
        assert found == expected
        assert sum(v is not None for v in expected.values()) > 50
        assert _reference(stored, batch, NOW, newest_first=True) != expected  # the order matters

        _store(con, batch, NOW)
        written = dict(
            con.execute(
                "SELECT article_id, duplicate_of FROM store.articles WHERE stored_at = ?", [NOW]
            ).fetchall()
        )
    assert written == expected
