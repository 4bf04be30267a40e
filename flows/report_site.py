"""The static report from the settings: built on demand, after a run, and after each served run.

``dealwatch report`` calls ``build_report``; ``dealwatch run`` and the served
deployment (``flows.deployment``) rebuild it when ``[report] build_after_run``
is set. The warehouse is opened read-only, for as long as reading the views takes.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from flows.settings import Settings, load_settings
from report.site import SiteResult, build_site
from warehouse import db
from warehouse.export import export_connection


def build_report(
    settings: Settings,
    *,
    out_dir: Path | None = None,
    deal_ids: Sequence[str] | None = None,
    export_dir: Path | None = None,
) -> SiteResult:
    """Write the report from the warehouse, or from an export folder when ``export_dir`` is given."""
    out = out_dir or settings.report.report_dir
    built_at = datetime.now(UTC)
    if export_dir is not None:
        with export_connection(export_dir) as con:
            return build_site(con, out, built_at=built_at, deal_ids=deal_ids)
    with db.read_connection(settings.db_path, timeout_s=settings.warehouse.write_timeout_s) as con:
        behind = db.schema_version(con) < db.code_version()
        if behind:
            raise db.WarehouseError(
                f"the warehouse {settings.db_path} predates this version of dealwatch (schema "
                f"{db.schema_version(con)}, code {db.code_version()}): a `dealwatch run` or "
                "`dealwatch backfill` upgrades it"
            )
        return build_site(con, out, built_at=built_at, deal_ids=deal_ids)


def describe(result: SiteResult) -> str:
    """One line for the terminal: where the report is, and its size."""
    size = result.total_bytes
    pages = len(result.files)
    return (
        f"report: {result.index} ({pages} page{'s' if pages != 1 else ''}, {size / 1024:,.0f} KB)"
    )


def rebuild_after_run(flow: Any, flow_run: Any, _state: Any) -> None:
    """Prefect ``on_completion`` hook of the served monitor: rebuild the report when configured.

    A report that cannot be built is logged, never raised: the run itself succeeded.
    Prefect calls every hook with (flow, flow run, state); the state is not needed here.
    """
    from prefect.logging.loggers import flow_run_logger

    log = flow_run_logger(flow_run, flow)
    config_dir = (getattr(flow_run, "parameters", None) or {}).get("config_dir")
    settings = load_settings(config_dir)
    if not settings.report.build_after_run or not db.exists(settings.db_path):
        return
    try:
        log.info("%s", describe(build_report(settings)))
    except Exception as exc:  # noqa: BLE001 - a report is a by-product; the run stays completed
        log.warning("the report was not rebuilt: %s: %s", type(exc).__name__, exc)
