"""Writing the report: read the public views once, build the pages, write the files (the edge).

A page is written whole under a temporary name and renamed, so a reader (or a
web server publishing the folder) never sees half a page while it is rebuilt.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import duckdb

from alerts.links import INDEX_PAGE, deal_page_path
from report.model import deal_pages, index_page
from report.render import render_deal, render_index
from warehouse.queries import report_rows


class UnknownDeal(LookupError):
    """``--deal ID`` names no deal of the warehouse."""


@dataclass(frozen=True, slots=True)
class SiteResult:
    index: Path
    deal_pages: tuple[Path, ...]

    @property
    def files(self) -> tuple[Path, ...]:
        return (self.index, *self.deal_pages)

    @property
    def total_bytes(self) -> int:
        return sum(path.stat().st_size for path in self.files)


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.partial")
    partial.write_text(text, encoding="utf-8")
    os.replace(partial, path)
    return path


def build_site(
    con: duckdb.DuckDBPyConnection,
    out_dir: Path,
    *,
    built_at: datetime,
    deal_ids: Sequence[str] | None = None,
) -> SiteResult:
    """The index and the page of each deal in ``deal_ids`` (default: every deal) under ``out_dir``.

    ``con`` answers the public views: the warehouse opened read-only, or an export folder
    (``warehouse.export.export_connection``).
    """
    rows = report_rows(con, list(deal_ids) if deal_ids is not None else None)
    known = {d["deal_id"] for d in rows.deals}
    unknown = sorted(set(deal_ids or ()) - known)
    if unknown:
        raise UnknownDeal(f"no deal {', '.join(unknown)} in the warehouse")
    out_dir = Path(out_dir)
    pages = [
        _write(out_dir / deal_page_path(page.summary.deal_id), render_deal(page, built_at=built_at))
        for page in deal_pages(rows, deal_ids)
    ]
    index = _write(out_dir / INDEX_PAGE, render_index(index_page(rows), built_at=built_at))
    return SiteResult(index=index, deal_pages=tuple(pages))
