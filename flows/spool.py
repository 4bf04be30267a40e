"""A spool of analysed articles waiting for their write window.

A run that fetched and analysed articles but could not open the warehouse
(a reader held it past ``write_timeout_s``) must not lose that work: pages can
fall off a busy feed before the next run. The batch is written to
``<data_dir>/spool/<run_id>.jsonl.gz`` (written to a temporary name, then
renamed, so a file is whole or absent) before the store step, and deleted only
after the store transaction committed. The next run stores every spooled batch
first. Storing is idempotent, so a crash between commit and delete is harmless.
"""

from __future__ import annotations

import dataclasses
import gzip
import json
import os
from collections.abc import Iterator, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from extractors.records import Analysis, Article, Claim, DealMention

SPOOL_SUFFIX = ".jsonl.gz"


def _encode(value: Any) -> Any:
    if isinstance(value, datetime):
        return {"__dt": value.isoformat()}
    if isinstance(value, date):
        return {"__d": value.isoformat()}
    if isinstance(value, tuple | list):
        return [_encode(v) for v in value]
    return value


def _decode(value: Any) -> Any:
    if isinstance(value, dict):
        if "__dt" in value:
            return datetime.fromisoformat(value["__dt"])
        if "__d" in value:
            return date.fromisoformat(value["__d"])
    if isinstance(value, list):
        return tuple(_decode(v) for v in value)
    return value


def _record_to_dict(record: Any) -> dict[str, Any]:
    return {f.name: _encode(getattr(record, f.name)) for f in dataclasses.fields(record)}


def encode_item(article: Article, analysis: Analysis) -> str:
    payload = {
        "article": _record_to_dict(article),
        "analysis": {
            **{
                k: _encode(getattr(analysis, k))
                for k in ("article_id", "relevance", "score", "evidence", "notes")
            },
            "deals": [_record_to_dict(d) for d in analysis.deals],
            "claims": [_record_to_dict(c) for c in analysis.claims],
        },
    }
    return json.dumps(payload, ensure_ascii=False)


def decode_item(line: str) -> tuple[Article, Analysis]:
    payload = json.loads(line)
    article = Article(**{k: _decode(v) for k, v in payload["article"].items()})
    raw = payload["analysis"]
    analysis = Analysis(
        article_id=raw["article_id"],
        relevance=raw["relevance"],
        score=raw["score"],
        evidence=raw["evidence"],
        notes=_decode(raw["notes"]),
        deals=tuple(DealMention(**{k: _decode(v) for k, v in d.items()}) for d in raw["deals"]),
        claims=tuple(Claim(**{k: _decode(v) for k, v in c.items()}) for c in raw["claims"]),
    )
    return article, analysis


def write_spool(
    spool_dir: Path, run_id: str, items: Sequence[tuple[Article, Analysis]]
) -> Path | None:
    if not items:
        return None
    spool_dir.mkdir(parents=True, exist_ok=True)
    final = spool_dir / f"{run_id}{SPOOL_SUFFIX}"
    partial = final.with_name(final.name + ".partial")
    with gzip.open(partial, "wt", encoding="utf-8") as fh:
        for article, analysis in items:
            fh.write(encode_item(article, analysis))
            fh.write("\n")
        fh.flush()
    with partial.open("rb") as raw:
        os.fsync(raw.fileno())
    os.replace(partial, final)
    return final


def spooled_files(spool_dir: Path) -> list[Path]:
    if not spool_dir.exists():
        return []
    for leftover in spool_dir.glob(f"*{SPOOL_SUFFIX}.partial"):
        leftover.unlink(missing_ok=True)
    return sorted(spool_dir.glob(f"*{SPOOL_SUFFIX}"), key=lambda p: p.stat().st_mtime)


def read_spool(path: Path) -> Iterator[tuple[Article, Analysis]]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield decode_item(line)
