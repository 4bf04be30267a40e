"""The spool: analysed batches written down before the warehouse is asked to take them.

A run's analysed articles are work that cannot always be done again: pages fall
off a busy feed, and a backfill's files may be gone. So every batch is written
to the spool *before* the store step (write-ahead), and its file is deleted only
after the store transaction that holds it committed. Whatever stops the store in
between (a reader holding the file past ``write_timeout_s``, a file that is not
a DuckDB database, a read-only folder, a full disk, a signal, a crash) leaves
the batch in the spool, and the next run, or backfill, of the same warehouse
stores it first. Storing is idempotent, so a crash between commit and delete is
harmless.

Each warehouse has its own folder, ``<data_dir>/spool/<name>-<hash of its path>/``:
two warehouses sharing a data folder never store each other's batches. A file is
``<run_id>.jsonl.gz``: a header line (the run that analysed it, its kind, and
whether its alerts are a baseline to record without sending), then one line per
article with its analysis. It is written under a temporary name and renamed, so
it is whole or absent. Files of the first format (no header, directly under
``spool/``) are read as monitor batches of whichever warehouse runs next, as
before.
"""

from __future__ import annotations

import dataclasses
import functools
import gzip
import hashlib
import json
import os
import types
import typing
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from extractors.records import Analysis, Article
from warehouse.db import Target
from warehouse.lake import Lake

SPOOL_SUFFIX = ".jsonl.gz"
FORMAT = 2
# Spooling is on every run's path: at the fastest level 2,000 analysed articles are written in
# ~0.4 s (measured here; level 9, gzip's default, adds ~0.4 s) to a file a third larger, which
# lives only until the store commits.
COMPRESS_LEVEL = 1

Item = tuple[Article, Analysis]


@dataclass(frozen=True, slots=True)
class BatchHeader:
    """Who analysed a spooled batch, and how its alerts are to be stored."""

    run_id: str
    kind: str  # "monitor" or "backfill"
    baseline: bool  # record its alerts without sending them (a backfill without --notify)


def _to_json(value: Any) -> Any:
    """A record as JSON: every field of every dataclass, dates tagged, tuples as lists."""
    if isinstance(value, str | int | float | bool):
        return value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {name: _to_json(getattr(value, name)) for name in _field_types(type(value))}
    if isinstance(value, datetime):
        return {"__dt": value.isoformat()}
    if isinstance(value, date):
        return {"__d": value.isoformat()}
    if isinstance(value, tuple | list):
        return [_to_json(v) for v in value]
    return value


PLAIN = frozenset({str, int, float, bool})


def _from_json(value: Any, hint: Any) -> Any:
    """``value`` read back as the type ``hint`` names: the record's own field types guide it,
    so a field added to a record is spooled and read back with no change here. A field a
    file does not have (written before the field existed) takes the record's default."""
    if value is None or hint in PLAIN:
        return value
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        present = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        return _from_json(value, present[0]) if len(present) == 1 else value
    if origin is tuple:
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_from_json(v, args[0]) for v in value)
        return tuple(_from_json(v, arg) for v, arg in zip(value, args, strict=True))
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        hints = _field_types(hint)
        return hint(**{name: _from_json(v, hints[name]) for name, v in value.items()})
    if hint is datetime:
        return datetime.fromisoformat(value["__dt"])
    if hint is date:
        return date.fromisoformat(value["__d"])
    return value


@functools.cache
def _field_types(record: type) -> dict[str, Any]:
    return typing.get_type_hints(record)


def encode_item(article: Article, analysis: Analysis) -> str:
    return json.dumps(
        {"article": _to_json(article), "analysis": _to_json(analysis)}, ensure_ascii=False
    )


def decode_item(line: str) -> Item:
    payload = json.loads(line)
    return _from_json(payload["article"], Article), _from_json(payload["analysis"], Analysis)


def encode_header(header: BatchHeader) -> str:
    return json.dumps({"spool": FORMAT, **dataclasses.asdict(header)})


def decode_header(line: str) -> BatchHeader | None:
    """The header of a spool file, or None for a file of the first format (items only)."""
    payload = json.loads(line)
    if "spool" not in payload:
        return None
    return BatchHeader(
        run_id=str(payload["run_id"]), kind=str(payload["kind"]), baseline=bool(payload["baseline"])
    )


def warehouse_key(warehouse: Target) -> str:
    """A file name that stands for one warehouse: a file's name and a hash of its full path, or
    a DuckLake's and a hash of its catalogue."""
    if isinstance(warehouse, Lake):
        return "ducklake-" + hashlib.sha256(warehouse.catalog.encode()).hexdigest()[:12]
    resolved = Path(warehouse).expanduser().resolve()
    digest = hashlib.sha256(str(resolved).encode()).hexdigest()[:12]
    return f"{resolved.name}-{digest}"


def spool_dir(data_dir: Path, warehouse: Target) -> Path:
    """The spool folder of one warehouse file, under the data folder."""
    return Path(data_dir) / "spool" / warehouse_key(warehouse)


def write_spool(spool: Path, header: BatchHeader, items: Sequence[Item]) -> Path | None:
    """Write a batch whole (temporary name, fsync, rename); None when there is nothing to keep."""
    if not items:
        return None
    spool.mkdir(parents=True, exist_ok=True)
    final = spool / f"{header.run_id}{SPOOL_SUFFIX}"
    partial = final.with_name(final.name + ".partial")
    try:
        with gzip.open(partial, "wt", encoding="utf-8", compresslevel=COMPRESS_LEVEL) as fh:
            fh.write(encode_header(header))
            fh.write("\n")
            for article, analysis in items:
                fh.write(encode_item(article, analysis))
                fh.write("\n")
        with partial.open("rb") as raw:
            os.fsync(raw.fileno())
        os.replace(partial, final)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return final


def spooled_files(spool: Path) -> list[Path]:
    """This warehouse's spooled batches, oldest first, then any of the first format beside them."""
    files: list[Path] = []
    for folder in (spool, spool.parent):
        if not folder.is_dir():
            continue
        for leftover in folder.glob("*.partial"):
            leftover.unlink(missing_ok=True)
        files.extend(sorted(folder.glob(f"*{SPOOL_SUFFIX}"), key=lambda p: p.stat().st_mtime))
    return files


def other_spools(spool: Path) -> list[Path]:
    """Spool folders beside this warehouse's that hold batches of other warehouses."""
    parent = spool.parent
    if not parent.is_dir():
        return []
    return sorted(
        folder
        for folder in parent.iterdir()
        if folder.is_dir() and folder != spool and any(folder.glob(f"*{SPOOL_SUFFIX}"))
    )


@dataclass(frozen=True, slots=True)
class SpooledBatch:
    path: Path
    header: BatchHeader
    items: tuple[Item, ...]


def read_batch(path: Path) -> SpooledBatch:
    """A spooled batch; a file without a header is a monitor batch named after the file."""
    header: BatchHeader | None = None
    items: list[Item] = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for number, line in enumerate(fh):
            if not line.strip():
                continue
            if number == 0:
                header = decode_header(line)
                if header is not None:
                    continue
            items.append(decode_item(line))
    if header is None:
        header = BatchHeader(
            run_id=path.name.removesuffix(SPOOL_SUFFIX), kind="monitor", baseline=False
        )
    return SpooledBatch(path=path, header=header, items=tuple(items))


# --- run ends that could not be recorded ---------------------------------------------

RUN_END_SUFFIX = ".end.json"


@dataclass(frozen=True, slots=True)
class RunEnd:
    """A run's end (status, summary, when) kept for the next run to record."""

    run_id: str
    status: str
    finished_at: datetime
    summary: dict[str, Any]
    path: Path | None = None


def write_run_end(spool: Path, end: RunEnd) -> Path:
    """Keep a run's end whole (temporary name, then rename) for the next run to record."""
    spool.mkdir(parents=True, exist_ok=True)
    final = spool / f"{end.run_id}{RUN_END_SUFFIX}"
    partial = final.with_name(final.name + ".partial")
    payload = {
        "run_id": end.run_id,
        "status": end.status,
        "finished_at": end.finished_at.isoformat(),
        "summary": end.summary,
    }
    partial.write_text(json.dumps(payload, default=str), encoding="utf-8")
    os.replace(partial, final)
    return final


def pending_run_ends(spool: Path) -> list[RunEnd]:
    """Run ends kept for later, oldest first; one that cannot be read is left where it is."""
    if not spool.is_dir():
        return []
    ends = []
    for path in sorted(spool.glob(f"*{RUN_END_SUFFIX}")):
        try:
            payload = json.loads(path.read_text(encoding="utf-8"))
            ends.append(
                RunEnd(
                    run_id=str(payload["run_id"]),
                    status=str(payload["status"]),
                    finished_at=datetime.fromisoformat(payload["finished_at"]),
                    summary=dict(payload["summary"]),
                    path=path,
                )
            )
        except (OSError, ValueError, KeyError, TypeError):  # a note about a run, not its data:
            continue  # an unreadable one stays on disk for a person to look at
    return sorted(ends, key=lambda end: end.finished_at)
