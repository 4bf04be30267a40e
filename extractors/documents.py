"""Articles from text and files: seeds, local folders, anything not from a feed.

A file's URL must be the same on every machine (ids derive from it), so it
never holds a path: ``seed:<name>`` inside a folder with a ``manifest.toml``,
else ``file:<name>#<sha256 prefix of the bytes>``.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

from extractors.records import Article, Origin
from extractors.signals import with_text_signals
from extractors.textmeta import text_metadata
from extractors.urls import article_id_for, canonical_url, domain_of

MANIFEST_NAME = "manifest.toml"
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
# Share of control characters above which a "text" file is really binary.
BINARY_CONTROL_SHARE = 0.05

_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")
_MD_LIST = re.compile(r"^(\s*)(?:[-*+]|\d+[.)])\s+")
_MD_QUOTE = re.compile(r"^\s*>\s?")
_MD_RULE = re.compile(r"^\s*(?:[-*_]\s*){3,}$")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


@dataclass(frozen=True, slots=True)
class SeedInfo:
    """What ``seeds/manifest.toml`` states about one seed file."""

    file: str
    outlet: str | None = None
    title: str | None = None
    author: str | None = None
    published: date | None = None
    url: str | None = None
    note: str | None = None


class DocumentError(ValueError):
    """A file that cannot become an article (unreadable, binary, empty)."""


def _opt_str(entry: dict[str, object], key: str, where: str) -> str | None:
    value = entry.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f"{where}: {key} must be a string")
    return value.strip() or None


def load_seed_manifest(path: Path) -> dict[str, SeedInfo]:
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise ValueError(f"cannot read seed manifest {path}: {exc}") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ValueError(f"seed manifest {path} is not valid TOML: {exc}") from exc
    seeds = data.get("seed", [])
    if not isinstance(seeds, list):
        raise ValueError(f"{path}: [[seed]] must be an array of tables")
    out: dict[str, SeedInfo] = {}
    for i, entry in enumerate(seeds):
        where = f"{path} seed #{i + 1}"
        if not isinstance(entry, dict) or not isinstance(entry.get("file"), str):
            raise ValueError(f"{where}: needs a file name")
        published = entry.get("published")
        if isinstance(published, datetime):
            published = published.date()
        elif isinstance(published, str):
            try:
                published = date.fromisoformat(published)
            except ValueError as exc:
                raise ValueError(f"{where}: published {published!r} is not a date") from exc
        elif published is not None and not isinstance(published, date):
            raise ValueError(f"{where}: published must be a date")
        name = entry["file"]
        out[name] = SeedInfo(
            file=name,
            outlet=_opt_str(entry, "outlet", where),
            title=_opt_str(entry, "title", where),
            author=_opt_str(entry, "author", where),
            published=published,
            url=_opt_str(entry, "url", where),
            note=_opt_str(entry, "note", where),
        )
    return out


def _canonical_for(url: str) -> str:
    return url if url.startswith(("seed:", "file:")) else canonical_url(url)


def origin_of(url: str) -> str:
    """Where an article without an outlet came from: the site's domain, or the file's name.

    Never one word for every unknown outlet: two such sources listed as one
    ("unknown" against "unknown") read as a source contradicting itself.
    """
    if url.startswith(("seed:", "file:")):
        return url.split(":", 1)[1].split("#", 1)[0] or url
    return domain_of(url) or url


def article_from_text(
    text: str,
    *,
    url: str,
    origin: Origin,
    fetched_at: datetime,
    title: str | None = None,
    author: str | None = None,
    published: date | None = None,
    outlet: str | None = None,
    text_signals: bool = True,
) -> Article:
    """An Article from plain text; explicit metadata wins over what the text shows."""
    found = text_metadata(text)
    canonical = _canonical_for(url)
    outlet = outlet or found.outlet
    article = Article(
        article_id=article_id_for(canonical),
        url=url,
        canonical_url=canonical,
        source=outlet or origin_of(url),
        title=title or found.title,
        author=author or found.author,
        published=published or found.published,
        fetched_at=fetched_at,
        text=text,
        language=None,
        fingerprint=(),
        origin=origin,
        extraction="file",
    )
    return with_text_signals(article) if text_signals else article


def markdown_to_text(markdown: str) -> tuple[str, str | None]:
    """Plain text of a Markdown document and its first ``#`` heading (the title)."""
    title = None
    lines = []
    in_fence = False
    for line in markdown.splitlines():
        if line.strip().startswith("```"):
            in_fence = not in_fence
            continue
        if in_fence or _MD_RULE.match(line):
            if not in_fence:
                lines.append("")
            continue
        heading = _MD_HEADING.match(line)
        if heading:
            text = heading.group(2)
            if title is None and len(heading.group(1)) == 1:
                title = _MD_EMPHASIS.sub(r"\2", _MD_LINK.sub(r"\1", text))
            line = text
        line = _MD_QUOTE.sub("", line)
        line = _MD_LIST.sub(r"\1", line)
        line = _MD_IMAGE.sub(r"\1", line)
        line = _MD_LINK.sub(r"\1", line)
        line = _MD_EMPHASIS.sub(r"\2", line)
        lines.append(line.rstrip())
    return "\n".join(lines).strip() + "\n", title


def _decode(path: Path, raw: bytes) -> str:
    if not raw.strip():
        raise DocumentError(f"{path.name}: the file is empty")
    if b"\x00" in raw:
        raise DocumentError(f"{path.name}: looks like a binary file, not text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = raw.decode("cp1252")
        except UnicodeDecodeError as exc:
            raise DocumentError(f"{path.name}: not UTF-8 or Windows-1252 text") from exc
    if len(_CONTROL.findall(text)) > BINARY_CONTROL_SHARE * len(text):
        raise DocumentError(f"{path.name}: looks like a binary file, not text")
    return text


def _file_url(path: Path, raw: bytes, seeded: bool) -> str:
    if seeded:
        return f"seed:{path.name}"
    return f"file:{path.name}#{hashlib.sha256(raw).hexdigest()[:12]}"


def _article_from_file(
    path: Path,
    *,
    fetched_at: datetime,
    manifest: dict[str, SeedInfo] | None,
    seeded: bool,
    text_signals: bool,
) -> Article:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DocumentError(f"{path.name}: cannot read the file: {exc}") from exc
    info = (manifest or {}).get(path.name)
    origin: Origin = "seed" if seeded else "file"
    url = info.url if info and info.url else _file_url(path, raw, seeded)
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        from extractors.fetch.pages import (
            article_from_html,
        )  # another room's module, loaded only for HTML

        if not raw.strip():
            raise DocumentError(f"{path.name}: the file is empty")
        article = article_from_html(
            raw, url=url, fetched_at=fetched_at, origin=origin, text_signals=text_signals
        )
        if article is None:
            raise DocumentError(f"{path.name}: no article text could be extracted from the page")
        source = (info.outlet if info else None) or article.source or origin_of(url)
        if info is None:
            return replace(article, source=source)
        return replace(
            article,
            title=info.title or article.title,
            author=info.author or article.author,
            published=info.published or article.published,
            source=source,
        )
    text = _decode(path, raw)
    md_title = None
    if suffix == ".md":
        text, md_title = markdown_to_text(text)
    if not text.strip():
        raise DocumentError(f"{path.name}: no text in the file")
    return article_from_text(
        text,
        url=url,
        origin=origin,
        fetched_at=fetched_at,
        title=(info.title if info else None) or md_title,
        author=info.author if info else None,
        published=info.published if info else None,
        outlet=info.outlet if info else None,
        text_signals=text_signals,
    )


def article_files(folder: Path) -> list[Path]:
    """The files of a folder that can hold an article (text, HTML, Markdown), sorted by name."""
    return sorted(
        p
        for p in Path(folder).iterdir()
        if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES
    )


def articles_from_path(
    path: Path,
    *,
    fetched_at: datetime,
    manifest: dict[str, SeedInfo] | None = None,
    text_signals: bool = True,
) -> list[Article]:
    """Articles from one file or every article file in a folder (sorted by name).

    A folder holding ``manifest.toml`` is a seed folder: its files become
    ``seed:`` articles and the manifest's metadata is used unless one is passed.
    Without ``text_signals``, language and fingerprint are left for ``with_text_signals``.
    """
    path = Path(path)
    if path.is_dir():
        manifest_path = path / MANIFEST_NAME
        seeded = manifest_path.exists()
        if manifest is None and seeded:
            manifest = load_seed_manifest(manifest_path)
        files = article_files(path)
        return [
            _article_from_file(
                p,
                fetched_at=fetched_at,
                manifest=manifest,
                seeded=seeded,
                text_signals=text_signals,
            )
            for p in files
        ]
    if not path.exists():
        raise DocumentError(f"{path.name}: no such file")
    seeded = (path.parent / MANIFEST_NAME).exists()
    if manifest is None and seeded:
        manifest = load_seed_manifest(path.parent / MANIFEST_NAME)
    return [
        _article_from_file(
            path, fetched_at=fetched_at, manifest=manifest, seeded=seeded, text_signals=text_signals
        )
    ]
