"""Every public view, from the labelled set and the seeds, against a committed snapshot.

The guard for refactoring the warehouse (issue 16): the same inputs must give the same
public views, value for value, before and after. Two backfills through the real flow
into a fresh warehouse (the seeds, then the labelled set's articles), then each view
is read, normalised and compared with ``tests/data/view_snapshot/<view>.jsonl``.

To regenerate the snapshot after a change meant to alter what the views show::

    DEALWATCH_UPDATE_SNAPSHOT=1 python -m pytest -q tests/test_view_snapshot.py

and commit the changed files with a word on why they changed.

Normalised (only what a run cannot reproduce, see ``_normalise``):

- the timestamps of the run itself: any TIMESTAMP WITH TIME ZONE value that falls
  inside the test's own run becomes ``<run time>``: the store's clock
  (``articles.stored_at``, ``deals.first_seen``, ``contradictions.detected_at``,
  ``contradiction_claims.detected_at``, ``alert_log.created_at``,
  ``alert_decisions.decided_at``, ``runs.started_at``/``finished_at``) and the read
  time of a backfilled file (``articles.fetched_at``); a timestamp outside that
  window (one a text states) is compared as it is;
- run ids (``<timestamp>-backfill``, made from the clock) become ``<run 1>``,
  ``<run 2>`` in the order the runs started, wherever they appear as a whole value;
- in ``runs.summary`` (JSON), the run's wall-clock ``seconds`` and per-stage timings
  (keys ending in ``_s`` or ``seconds``) become ``<seconds>``.

Alert ids are a hash of the dedup key, so they are compared as they are. Row order of
a view is not part of its contract (no view has an ORDER BY), so rows are sorted by
their serialised form; the order of values inside a list column is compared.
"""

from __future__ import annotations

import json
import math
import os
import re
import shutil
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from tests.support.config import write_config
from tests.support.paths import REPO
from warehouse import db

pytestmark = pytest.mark.usefixtures("prefect_harness")

SNAPSHOT_DIR = REPO / "tests" / "data" / "view_snapshot"
LABELLED = REPO / "tests" / "data" / "labelled"
UPDATE = os.environ.get("DEALWATCH_UPDATE_SNAPSHOT") == "1"

_VIEW = re.compile(r"CREATE\s+(?:OR\s+REPLACE\s+)?VIEW\s+([\w.]+)", re.IGNORECASE)
RUN_TIME = "<run time>"
SECONDS = "<seconds>"


def public_views() -> list[str]:
    """Every view the migrations create outside the ``store`` schema, sorted."""
    names = {
        match.group(1)
        for sql in sorted((REPO / "warehouse" / "sql").glob("*.sql"))
        for match in _VIEW.finditer(sql.read_text(encoding="utf-8"))
    }
    return sorted(name for name in names if not name.startswith("store."))


def _labelled_articles(folder: Path) -> Path:
    """The labelled set's article files (not its labels or README), as a backfill reads a folder."""
    folder.mkdir()
    for path in sorted(LABELLED.iterdir()):
        if path.suffix in (".txt", ".html"):
            shutil.copyfile(path, folder / path.name)
    return folder


def _plain(value: Any, context: _Context) -> Any:
    """A view's value as JSON: floats by repr, dates ISO, run-made values normalised."""
    if value is None or isinstance(value, bool | int | str):
        return context.run_ids.get(value, value) if isinstance(value, str) else value
    if isinstance(value, float):
        return value if math.isfinite(value) else repr(value)
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime):
        moment = value if value.tzinfo else value.replace(tzinfo=UTC)
        if context.started <= moment <= context.finished:
            return RUN_TIME
        return moment.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_plain(v, context) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v, context) for k, v in value.items()}
    raise TypeError(f"no snapshot form for {type(value).__name__}: {value!r}")


def _timings(value: Any) -> Any:
    if isinstance(value, dict):
        return {
            k: SECONDS if (k == "seconds" or k.endswith("_s")) else _timings(v)
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [_timings(v) for v in value]
    return value


class _Context:
    def __init__(self, started: datetime, finished: datetime, run_ids: dict[str, str]):
        self.started, self.finished, self.run_ids = started, finished, run_ids


def _normalise(view: str, columns: list[str], row: tuple[Any, ...], context: _Context) -> list:
    values = [_plain(v, context) for v in row]
    if view == "runs":
        summary = columns.index("summary")
        if isinstance(values[summary], str):
            parsed = _timings(json.loads(values[summary]))
            values[summary] = _plain(parsed, context)
    return values


def _snapshot(con: Any, context: _Context) -> dict[str, list[str]]:
    """Each view as lines: its columns, then its normalised rows sorted."""
    out: dict[str, list[str]] = {}
    for view in public_views():
        cursor = con.execute(f"SELECT * FROM {view}")  # noqa: S608 - names from our own migrations
        columns = [d[0] for d in cursor.description]
        rows = sorted(
            json.dumps(_normalise(view, columns, row, context), ensure_ascii=False)
            for row in cursor.fetchall()
        )
        out[view] = [json.dumps(columns), *rows]
    return out


@pytest.fixture(scope="module")
def views(tmp_path_factory) -> dict[str, list[str]]:
    from flows.pipeline import backfill

    root = tmp_path_factory.mktemp("view_snapshot")
    config = write_config(root / "config", feeds=[], seeds_dir=REPO / "seeds")
    labelled = _labelled_articles(root / "labelled")
    started = datetime.now(UTC)
    backfill(config_dir=str(config))
    backfill(paths=[str(labelled)], config_dir=str(config))
    finished = datetime.now(UTC)
    with db.read_connection(config / "data" / "dealwatch.duckdb") as con:
        run_ids = [
            r[0] for r in con.execute("SELECT run_id FROM runs ORDER BY started_at").fetchall()
        ]
        context = _Context(
            started, finished, {rid: f"<run {n}>" for n, rid in enumerate(run_ids, 1)}
        )
        return _snapshot(con, context)


def test_the_views_snapshotted_are_every_public_view():
    assert "articles" in public_views() and "alert_decisions" in public_views()
    if UPDATE:
        return
    stored = sorted(p.stem for p in SNAPSHOT_DIR.glob("*.jsonl"))
    assert stored == public_views()


@pytest.mark.parametrize("view", public_views())
def test_view_matches_its_snapshot(views, view):
    path = SNAPSHOT_DIR / f"{view}.jsonl"
    if UPDATE:
        SNAPSHOT_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text("\n".join(views[view]) + "\n", encoding="utf-8")
        return
    assert path.exists(), f"no snapshot for {view}: run with DEALWATCH_UPDATE_SNAPSHOT=1"
    expected = path.read_text(encoding="utf-8").splitlines()
    assert views[view][0] == expected[0], f"{view}: columns changed"
    missing = sorted(set(expected[1:]) - set(views[view][1:]))
    extra = sorted(set(views[view][1:]) - set(expected[1:]))
    assert views[view] == expected, (
        f"{view}: {len(missing)} snapshot rows missing, {len(extra)} new rows\n"
        f"missing: {missing[:3]}\nnew: {extra[:3]}"
    )
