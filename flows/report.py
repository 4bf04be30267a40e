"""What a person sees at the end of a run: the run's counts, then the warehouse's answer."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.console import Console
from rich.table import Table

from flows.settings import Settings
from warehouse import db, queries

#: Rows printed per table before "... N more" (the warehouse holds them all).
MAX_ROWS = 40


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:,.4g}" if abs(value) < 1e4 else f"{value:,.0f}"
    if isinstance(value, list | tuple):
        return ", ".join(_cell(v) for v in value)
    return str(value)


def print_rows(
    console: Console,
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
    *,
    title: str | None = None,
) -> None:
    table = Table(title=title, title_justify="left", show_lines=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows[:MAX_ROWS]:
        table.add_row(*(_cell(v) for v in row))
    console.print(table)
    if len(rows) > MAX_ROWS:
        console.print(f"... {len(rows) - MAX_ROWS} more rows")


def _interval(low: float | None, high: float | None) -> str:
    if low is not None and high is not None and low == high:
        return _cell(low)
    return f"[{_cell(low) or '-∞'}, {_cell(high) or '∞'}]"


def print_run_report(console: Console, settings: Settings, summary: dict[str, Any]) -> None:
    if "skipped" in summary:
        console.print(f"[yellow]run skipped:[/yellow] {summary['skipped']}")
        return
    if "stopped" in summary:
        stopped = summary["stopped"]
        console.print(
            f"[yellow]stopped by {stopped['name']}:[/yellow] {stopped['spooled']} "
            "analysed articles kept in the spool; the next run stores them"
        )
        return
    store = summary.get("store", {})
    if "not_stored" in store:
        console.print(
            f"[yellow]not stored:[/yellow] {store['not_stored']}; {store.get('spooled', 0)} "
            f"analysed articles kept in {store.get('spool')} for the next run",
            highlight=False,
            soft_wrap=True,
        )
    if summary.get("files_skipped"):
        console.print(
            f"skipped {len(summary['files_skipped'])} files that are not articles "
            "(empty, binary or unreadable; each named in the log)"
        )
    if summary.get("nothing_read"):
        console.print("[red]nothing to backfill:[/red] no file given holds an article")
        return
    seeds = summary.get("seeds")
    if seeds is not None:
        console.print(f"seeds: {seeds.get('articles_new', 0)} new articles")
    feeds = summary.get("feeds")
    if feeds:
        console.print(
            f"feeds: {feeds['polled']} of {feeds['configured']} polled, {feeds['ok']} ok, "
            f"{feeds['not_modified']} not modified, {len(feeds['failed'])} failed"
        )
        for failed in feeds["failed"]:
            console.print(
                f"  [red]✗[/red] {failed['name']} ({failed['url']}): {failed['error']}",
                highlight=False,
            )
    if "entries" in summary:
        console.print(
            f"entries: {summary['entries']['seen']} seen, {summary['entries']['new']} new; "
            f"{summary.get('fallbacks', 0)} from the feed summary"
        )
    if store and "not_stored" not in store:
        console.print(
            f"stored: {store.get('articles_new', 0)} articles, {store.get('deals_new', 0)} deals, "
            f"{store.get('claims_new', 0)} figures; alerts: {store.get('alerts_new', 0)} new, "
            f"{store.get('alerts_suppressed', 0)} recorded without sending"
        )
    delivery = summary.get("delivery")
    if delivery:
        console.print(
            f"delivery: {delivery.get('sent', 0)} sent, {delivery.get('failed', 0)} still pending"
            + (
                f" (failing: {', '.join(delivery['failed_channels'])})"
                if delivery.get("failed_channels")
                else ""
            )
        )
    if not settings.db_path.exists() or ("not_stored" in store and "busy" not in store):
        return  # no warehouse, or one that cannot be used: the line above says why
    try:
        with db.read_connection(
            settings.db_path, timeout_s=settings.warehouse.write_timeout_s
        ) as con:
            result = queries.run_summary(con)
    except db.WarehouseError as exc:
        console.print(f"[yellow]cannot read the warehouse for the summary:[/yellow] {exc}")
        return
    print_rows(
        console,
        ["deal", "acquirer", "target", "kind", "people", "articles", "sources"],
        [
            (
                d["deal_id"],
                d["acquirer"],
                d["target"],
                d["kind"],
                d["people"],
                d["articles"],
                d["sources"],
            )
            for d in result.deals
        ],
        title="Deals",
    )
    print_rows(
        console,
        ["deal", "subject", "metric", "accepted", "sources", "independent", "dissenting"],
        [
            (
                f["deal_id"],
                f["subject"],
                f["metric"],
                _interval(f["low"], f["high"]),
                f["sources"],
                f["independent_sources"],
                f["dissenting_sources"],
            )
            for f in result.figures
        ],
        title="Figures (accepted values)",
    )
    print_rows(
        console,
        ["deal", "subject", "metric", "one side", "its sources", "other side", "its sources"],
        [
            (
                c["deal_id"],
                c["subject"],
                c["metric"],
                c["a_stated"],
                c["a_sources"],
                c["b_stated"],
                c["b_sources"],
            )
            for c in result.contradictions
        ],
        title="Contradictions",
    )
    print_rows(
        console,
        ["kind", "status", "alerts"],
        [(a["kind"], a["status"], a["n"]) for a in result.alerts],
        title="Alerts",
    )
    console.print(
        f"warehouse: {settings.db_path} — query it with `dealwatch sql` (see README: Querying the warehouse)"
    )
