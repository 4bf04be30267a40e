"""Articles and stories: the batch's new articles, and which wire story each one copies.

Syndication matching: an article's MinHash fingerprint is cut into LSH bands
(``store.article_lsh``); the stored articles sharing a band with a new one, and the
batch's earlier articles, are its candidates, compared at once (numpy); the oldest
match names its story. Copies of one story count as one source everywhere else.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import duckdb
import numpy as np

from extractors.fingerprint import NUM_PERM, lsh_keys, same_story_mask
from extractors.records import Analysis, Article
from warehouse.rows import LITERAL_LOOKUPS, Table, one_of, present, quoted, utc


@dataclass(frozen=True, slots=True)
class _StoryCandidate:
    stored_at: datetime
    article_id: str
    story_id: str
    fingerprint: tuple[int, ...]


def _stored_candidates(
    con: duckdb.DuckDBPyConnection, band_keys: set[int]
) -> tuple[dict[int, set[str]], dict[str, _StoryCandidate]]:
    """Stored articles sharing an LSH band with the batch: who is in each band, and their prints."""
    if not band_keys:
        return {}, {}
    if len(band_keys) <= _BAND_LOOKUPS:
        # Integer literals rather than a parameter list: DuckDB looks a constant IN list up in the
        # band index, and scans the whole table for a list parameter.
        literals = ", ".join(str(int(key)) for key in sorted(band_keys))
        rows = con.execute(
            f"SELECT band_key, article_id FROM store.article_lsh WHERE band_key IN ({literals})"  # noqa: S608 - integers
        ).fetchall()
    else:
        with one_of(con, sorted(band_keys), "UBIGINT") as (among, params):
            rows = con.execute(
                f"SELECT band_key, article_id FROM store.article_lsh WHERE band_key {among}",  # noqa: S608 - our column name
                params,
            ).fetchall()
    members: dict[int, set[str]] = {}
    for band_key, article_id in rows:
        members.setdefault(band_key, set()).add(article_id)
    ids = sorted({article_id for _, article_id in rows})
    if not ids:
        return members, {}
    with one_of(con, ids) as (among, params):
        candidates = {
            r[0]: _StoryCandidate(
                stored_at=r[3],
                article_id=r[0],
                story_id=r[1] or r[0],
                fingerprint=tuple(r[2] or ()),
            )
            for r in con.execute(
                f"SELECT article_id, story_id, fingerprint, stored_at FROM store.articles WHERE article_id {among}",  # noqa: S608 - placeholders
                params,
            ).fetchall()
        }
    return members, candidates


def band_keys(article: Article) -> list[int]:
    return lsh_keys(article.fingerprint) if article.fingerprint else []


def stories_of(
    con: duckdb.DuckDBPyConnection,
    articles: Sequence[Article],
    keys_of: Sequence[Sequence[int]],
    now: datetime,
) -> dict[str, str | None]:
    """For each new article in order, the story it copies (its syndication group's first), if any.

    Candidates are the stored articles sharing an LSH band, and the batch's earlier
    articles, tried oldest first (stored time, then id) as if each article had been
    stored before the next was looked up; two queries for the whole batch.

    Stored candidates and the batch form one pool ranked once by (stored time, id); an
    article's candidates are the pool entries of its bands that come before it (every
    stored one, the batch's earlier ones), compared at once, and the lowest-ranked
    match wins: the first match of the candidates tried in order.
    """
    members, stored = _stored_candidates(con, {k for keys in keys_of for k in keys})
    pool = [*stored.values()]
    position = {c.article_id: p for p, c in enumerate(pool)}
    first_new = len(pool)
    pool.extend(
        _StoryCandidate(now, a.article_id, a.article_id, tuple(a.fingerprint or ()))
        for a in articles
    )
    in_band: dict[int, list[int]] = {
        key: [position[i] for i in ids if i in position] for key, ids in members.items()
    }
    for offset, keys in enumerate(keys_of):
        for key in keys:
            in_band.setdefault(key, []).append(first_new + offset)
    bands = {key: np.asarray(found, dtype=np.int64) for key, found in in_band.items()}
    ranked = sorted(range(len(pool)), key=lambda p: (pool[p].stored_at, pool[p].article_id))
    rank = np.empty(len(pool), dtype=np.int64)
    rank[ranked] = np.arange(len(pool))
    comparable = np.array([len(c.fingerprint) == NUM_PERM + 1 for c in pool], dtype=bool)
    prints = np.zeros((len(pool), NUM_PERM + 1), dtype=np.uint64)
    for p, candidate in enumerate(pool):
        if comparable[p]:
            prints[p] = candidate.fingerprint
    story = [c.story_id for c in pool]
    seen = np.zeros(len(pool), dtype=bool)
    copies: dict[str, str | None] = {}
    for offset, article in enumerate(articles):
        me = first_new + offset
        found: str | None = None
        if keys_of[offset]:
            hits = np.concatenate([bands[key] for key in keys_of[offset]])
            seen[hits] = True
            before = np.flatnonzero(seen[:me])
            seen[hits] = False
            tried = before[comparable[before]]
            matches = tried[same_story_mask(prints[tried], article.fingerprint)]
            if len(matches):
                found = story[int(matches[np.argmin(rank[matches])])]
        copies[article.article_id] = found
        story[me] = found or article.article_id
    return copies


# Band keys looked up one literal each up to this many; beyond, one scan of the band table.
_BAND_LOOKUPS = 512


LSH_BANDS = Table(
    "store.article_lsh",
    ("band_key", "article_id"),
    {"band_key": "UBIGINT", "article_id": "VARCHAR"},
)

ARTICLES = Table(
    "store.articles",
    ("article_id", "url", "canonical_url", "source", "title", "author", "published", "fetched_at",
     "text", "language", "fingerprint", "origin", "extraction", "extraction_note", "feed_url",
     "relevance", "score", "evidence", "notes", "duplicate_of", "story_id", "run_id", "stored_at"),
    {"article_id": "VARCHAR", "url": "VARCHAR", "canonical_url": "VARCHAR", "source": "VARCHAR",
     "title": "VARCHAR", "author": "VARCHAR", "published": "DATE", "fetched_at": "TIMESTAMPTZ",
     "text": "VARCHAR", "language": "VARCHAR", "fingerprint": "UBIGINT[]", "origin": "VARCHAR",
     "extraction": "VARCHAR", "extraction_note": "VARCHAR", "feed_url": "VARCHAR",
     "relevance": "VARCHAR", "score": "DOUBLE", "evidence": "VARCHAR", "notes": "VARCHAR[]",
     "duplicate_of": "VARCHAR", "story_id": "VARCHAR", "run_id": "VARCHAR", "stored_at": "TIMESTAMPTZ"},
)  # fmt: skip


# A statement's rows are converted at once: 2,000 articles in one took 90 MB more than in ten, at
# the same speed (measured on the benchmark's corpus).
ARTICLES_A_STATEMENT = 200


def article_row(
    article: Article, analysis: Analysis, duplicate_of: str | None, *, run_id: str, now: datetime
) -> dict[str, Any]:
    return {
        "article_id": article.article_id,
        "url": article.url,
        "canonical_url": article.canonical_url,
        "source": article.source,
        "title": article.title,
        "author": article.author,
        "published": article.published,
        "fetched_at": utc(article.fetched_at),
        "text": article.text,
        "language": article.language,
        "fingerprint": list(article.fingerprint),
        "origin": article.origin,
        "extraction": article.extraction,
        "extraction_note": article.extraction_note,
        "feed_url": article.feed_url,
        "relevance": analysis.relevance,
        "score": analysis.score,
        "evidence": analysis.evidence,
        "notes": list(analysis.notes),
        "duplicate_of": duplicate_of,
        "story_id": duplicate_of or article.article_id,
        "run_id": run_id,
        "stored_at": now,
    }


def insert_articles(
    con: duckdb.DuckDBPyConnection,
    items: Sequence[tuple[Article, Analysis]],
    *,
    run_id: str,
    now: datetime,
) -> dict[str, tuple[str, str]]:
    """The batch's new articles and their LSH bands; returns each article's story and outlet."""
    if not items:
        return {}
    articles = [article for article, _ in items]
    keys_of = [band_keys(article) for article in articles]
    copies = stories_of(con, articles, keys_of, now)
    for start in range(0, len(items), ARTICLES_A_STATEMENT):
        ARTICLES.insert(
            con,
            [
                article_row(article, analysis, copies[article.article_id], run_id=run_id, now=now)
                for article, analysis in items[start : start + ARTICLES_A_STATEMENT]
            ],
        )
    insert_bands(con, articles, keys_of)
    return {a.article_id: (copies[a.article_id] or a.article_id, a.source) for a in articles}


def insert_bands(
    con: duckdb.DuckDBPyConnection, articles: Sequence[Article], keys_of: Sequence[Sequence[int]]
) -> None:
    """The articles' LSH bands (``keys_of``, in the articles' order), each band once an article."""
    bands = [
        (key, article.article_id)
        for article, keys in zip(articles, keys_of, strict=True)
        for key in sorted(set(keys))
    ]
    if bands:
        LSH_BANDS.insert(con, [{"band_key": k, "article_id": a} for k, a in bands])


def stored_article_ids(con: duckdb.DuckDBPyConnection, article_ids: Sequence[str]) -> set[str]:
    return present(con, "store.articles", "article_id", article_ids)


def stories_and_sources(
    con: duckdb.DuckDBPyConnection, article_ids: Sequence[str]
) -> dict[str, tuple[str, str]]:
    """Story and outlet of each article. Up to a few hundred ids, as string literals: DuckDB looks a
    constant IN list up in the primary key, where placeholders beyond 64 become a scan of articles."""
    ids = sorted(set(article_ids))
    if not ids:
        return {}
    if len(ids) <= LITERAL_LOOKUPS:
        return _stories_among(con, f"IN ({', '.join(quoted(i) for i in ids)})", [])
    with one_of(con, ids) as (among, params):
        return _stories_among(con, among, params)


def _stories_among(
    con: duckdb.DuckDBPyConnection, among: str, params: list[Any]
) -> dict[str, tuple[str, str]]:
    return {
        r[0]: (r[1], r[2])
        for r in con.execute(
            f"SELECT article_id, story_id, source FROM store.articles WHERE article_id {among}",  # noqa: S608 - quoted literals or placeholders
            params,
        ).fetchall()
    }
