"""Metadata read from plain text: the seeds' odd layouts, Markdown files, file URLs."""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime

import pytest

from extractors.documents import (
    DocumentError,
    articles_from_path,
    load_seed_manifest,
    markdown_to_text,
)
from extractors.textmeta import person_name, text_metadata
from tests.support.paths import REPO

SEEDS = REPO / "seeds"
FETCHED = datetime(2025, 6, 14, tzinfo=UTC)


def _meta(prefix: str):
    [path] = SEEDS.glob(f"{prefix}_*.txt")
    return text_metadata(path.read_text(encoding="utf-8"))


def test_seed_000_bracketed_date_and_byline():
    meta = _meta("000")
    assert (
        meta.title
        == "Meta invests $14.3B in AI firm Scale and recruits its CEO for 'superintelligence' team"
    )
    assert meta.author == "Matt O'Brien"
    assert meta.published == date(2025, 6, 13)
    assert meta.outlet == "Associated Press"


def test_seed_001_has_no_metadata():
    meta = _meta("001")
    assert (meta.title, meta.author, meta.published, meta.outlet) == (None, None, None, None)


def test_seed_003_caption_date_is_not_the_article_date():
    meta = _meta("003")
    assert meta.published is None
    assert meta.outlet == "VCPOST"
    assert meta.author is None


def test_seed_004_timestamp_at_the_end():
    meta = _meta("004")
    assert meta.published == date(2025, 6, 13)
    assert meta.title == "Meta invests $14 billion in Scale to catch up in the AI race"


@pytest.mark.parametrize(
    ("raw", "name"),
    [
        ("MATT O'BRIEN", "Matt O'Brien"),
        ("Jane Doe", "Jane Doe"),
        ("MARY MCDONALD", "Mary McDonald"),
    ],
)
def test_person_name(raw, name):
    assert person_name(raw) == name


def test_manifest_wins_over_text():
    manifest = load_seed_manifest(SEEDS / "manifest.toml")
    articles = {a.url: a for a in articles_from_path(SEEDS, fetched_at=FETCHED, manifest=manifest)}
    a003 = articles["seed:003_0d9514028022957a.txt"]
    assert a003.origin == "seed" and a003.published is None and a003.source == "VCPOST"
    a001 = articles["seed:001_31df6f45ae07cd99.txt"]
    assert a001.source == "001_31df6f45ae07cd99.txt" and a001.title is None


def test_markdown_file(tmp_path):
    body = "# Google hires *Windsurf* CEO\n\nGoogle will pay [$2.4 billion](https://x.example) to license **Windsurf** tech.\n\n- one\n- two\n"
    path = tmp_path / "story.md"
    path.write_text(body, encoding="utf-8")
    [article] = articles_from_path(path, fetched_at=FETCHED)
    assert article.title == "Google hires Windsurf CEO"
    assert "[" not in article.text and "**" not in article.text
    assert "Google will pay $2.4 billion to license Windsurf tech." in article.text
    digest = hashlib.sha256(body.encode()).hexdigest()[:12]
    assert article.url == f"file:story.md#{digest}"
    assert article.origin == "file"
    assert "/" not in article.url.split("#")[0].removeprefix("file:")


def test_markdown_to_text_title():
    text, title = markdown_to_text("Intro\n\n## Sub\n\n# Real title\n")
    assert title == "Real title"
    assert "Sub" in text


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("empty.txt", b"   \n"),
        ("binary.txt", b"\x00\x01\x02abc"),
        ("bin2.md", bytes(range(1, 32)) * 10),
    ],
)
def test_bad_files_raise_naming_the_file(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(DocumentError, match=name):
        articles_from_path(path, fetched_at=FETCHED)


def test_folder_without_manifest_gives_file_urls(tmp_path):
    (tmp_path / "a.txt").write_text("Headline\n\nBody text here.", encoding="utf-8")
    (tmp_path / "ignored.csv").write_text("x,y", encoding="utf-8")
    [article] = articles_from_path(tmp_path, fetched_at=FETCHED)
    assert article.url.startswith("file:a.txt#")
    assert article.source == "a.txt"
    assert article.title == "Headline"
