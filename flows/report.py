"""What a person sees at the end of a run: the run's counts, then the warehouse's answer."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from alerts.render import interval_words
from extractors.metrics import METRICS
from flows.settings import Settings
from flows.terminal import inert, inert_line, inert_text
from warehouse import db, queries

#: Rows printed per table before "... N more" (the warehouse holds them all).
MAX_ROWS = 40
# Above this a float is no longer an exact integer: print it as Python writes it (1e+16).
_EXACT_INTEGER = 2.0**53


def cell_text(value: Any) -> str:
    """A value as the warehouse holds it: ``2016`` (not ``2,016``), ``0.123456`` in full.

    A float that is a whole number prints without ``.0``; any other float prints
    its shortest exact form; a DECIMAL keeps its scale (``1.500``).
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < _EXACT_INTEGER:
            return str(int(value))
        return repr(value)
    if isinstance(value, Decimal | int):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat(sep=" ") if isinstance(value, datetime) else value.isoformat()
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{k}: {cell_text(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list | tuple):
        return ", ".join(cell_text(v) for v in value)
    return str(value)


def line(*parts: str | tuple[str, str]) -> Text:
    """One line of output from plain strings and ``(text, style)`` pairs, every part inert."""
    return Text.assemble(
        *((inert(p[0]), p[1]) if isinstance(p, tuple) else inert(p) for p in parts)
    )


def print_rows(
    console: Console,
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
    *,
    title: str | None = None,
) -> None:
    """A table of rows; each cell is inert text, never markup."""
    table = Table(title=title, title_justify="left", show_lines=False)
    for column in columns:
        table.add_column(inert_text(column), overflow="fold")
    for row in rows[:MAX_ROWS]:
        table.add_row(*(inert_text(cell_text(v)) for v in row))
    console.print(table)
    if len(rows) > MAX_ROWS:
        console.print(line(f"... {len(rows) - MAX_ROWS} more rows"))


def _cells(rows: Sequence[Mapping[str, Any]], columns: str) -> list[tuple[Any, ...]]:
    """Each row's values of ``columns`` (keys apart by spaces), in that order: a table's cells."""
    keys = columns.split()
    return [tuple(row[key] for key in keys) for row in rows]


def _when(value: datetime | None) -> str:
    return f"{value:%m-%d %H:%M}" if value else ""


_FEED_HEADERS = ("feed", "status", "last ok (UTC)", "items", "last error")
# A feed's name is cut beyond this; its error takes whatever width the terminal has left.
_FEED_NAME_MAX = 20
_ERROR_MIN = 12


def _feed_cells(feed: Mapping[str, Any]) -> list[str]:
    failures = feed.get("consecutive_failures") or 0
    status = (
        f"failing ×{failures}"
        if failures
        else (feed.get("last_status") or "not polled").replace("_", " ")
    )
    return [
        inert_line(feed.get("name")),
        status,
        _when(feed.get("last_success")),
        cell_text(feed.get("items_seen")),
        inert_line(feed.get("last_error") or ""),
    ]


def print_feed_health(
    console: Console, columns: Sequence[str], rows: Sequence[Sequence[Any]]
) -> None:
    """``dealwatch feeds``: one line per feed, as wide as the terminal and no wider.

    A long name or error is cut with an ellipsis rather than wrapped; the URL,
    latency and next poll are left out (``dealwatch sql "SELECT * FROM feed_health"``
    has every column).
    """
    table_rows = [_feed_cells(dict(zip(columns, row, strict=True))) for row in rows]
    styles = [
        ["", "red" if cells[1].startswith("failing") else "", "", "", ""] for cells in table_rows
    ]
    console.print(_fitted_table(console, _FEED_HEADERS, table_rows, styles, _FEED_NAME_MAX))


def _fitted_table(
    console: Console,
    headers: Sequence[str],
    table_rows: Sequence[Sequence[str]],
    styles: Sequence[Sequence[str]],
    first_max: int,
) -> Table:
    """One line per row, as wide as the terminal: the first column cut at ``first_max``, the
    last (an error) given what is left, long cells cut with an ellipsis rather than wrapped."""
    widths = [
        max([len(header), *(len(cells[i]) for cells in table_rows)])
        for i, header in enumerate(headers)
    ]
    widths[0] = min(widths[0], first_max)
    # Columns are parted by a space and one of padding each side, and the edges have none.
    separators = 3 * (len(headers) - 1)
    widths[-1] = max(_ERROR_MIN, console.width - sum(widths[:-1]) - separators)
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    for header, width in zip(headers, widths, strict=True):
        table.add_column(header, no_wrap=True, overflow="ellipsis", max_width=width)
    for cells, row_styles in zip(table_rows, styles, strict=True):
        table.add_row(*(inert_text(c, st) for c, st in zip(cells, row_styles, strict=True)))
    return table


_HOST_HEADERS = ("host", "status", "since (UTC)", "waiting", "last error")
# A host's name is cut beyond this; its error takes whatever width the terminal has left.
_HOST_NAME_MAX = 40


def _host_cells(host: Mapping[str, Any]) -> list[str]:
    error = inert_line(host.get("last_error") or "")
    status = host.get("status") or ""
    if error and status != "unreachable":
        error = f"was: {error}"  # the last trip's reason, not what the host does now
    return [
        inert_line(host.get("host")),
        status,
        _when(host.get("since")),
        cell_text(host.get("pages_waiting")),
        error,
    ]


def print_host_health(
    console: Console, columns: Sequence[str], rows: Sequence[Sequence[Any]]
) -> None:
    """Below the feeds: each host a run stopped asking, since when, and the pages waiting for it.

    Nothing when no host was ever left; as wide as the terminal, like the feeds
    (``dealwatch sql "SELECT * FROM host_health"`` has every column).
    """
    if not rows:
        return
    table_rows = [_host_cells(dict(zip(columns, row, strict=True))) for row in rows]
    colour = {"unreachable": "red", "reachable again": "green"}
    styles = [["", colour.get(cells[1], ""), "", "", ""] for cells in table_rows]
    table = _fitted_table(console, _HOST_HEADERS, table_rows, styles, _HOST_NAME_MAX)
    console.print(
        line("hosts a run stopped asking (their pages wait, stored from their summaries):")
    )
    console.print(table)


def _interval(metric: str, low: float | None, high: float | None) -> str:
    """An accepted value in words, in the metric's unit: ``$14.25 billion – $14.35 billion``."""
    known = METRICS.get(metric)
    return interval_words(low, high, known.unit if known else "")


def print_run_report(console: Console, settings: Settings, summary: dict[str, Any]) -> None:
    if "skipped" in summary:
        console.print(line(("run skipped:", "yellow"), f" {summary['skipped']}"))
        return
    if "stopped" in summary:
        stopped = summary["stopped"]
        console.print(
            line(
                (f"stopped by {stopped['name']}:", "yellow"),
                f" {stopped['spooled']} analysed articles kept in the spool; the next run stores them",
            )
        )
        return
    store = summary.get("store", {})
    if "not_stored" in store:
        console.print(
            line(
                ("not stored:", "yellow"),
                f" {store['not_stored']}; {store.get('spooled', 0)} analysed articles kept in "
                f"{store.get('spool')} for the next run",
            ),
            soft_wrap=True,
        )
    if summary.get("files_skipped"):
        console.print(
            line(
                f"skipped {len(summary['files_skipped'])} files that are not articles "
                "(empty, binary or unreadable; each named in the log)"
            )
        )
    if summary.get("nothing_read"):
        console.print(line(("nothing to backfill:", "red"), " no file given holds an article"))
        return
    seeds = summary.get("seeds")
    if seeds is not None:
        console.print(line(f"seeds: {seeds.get('articles_new', 0)} new articles"))
    feeds = summary.get("feeds")
    if feeds:
        console.print(
            line(
                f"feeds: {feeds['polled']} of {feeds['configured']} polled, {feeds['ok']} ok, "
                f"{feeds['not_modified']} not modified, {len(feeds['failed'])} failed"
            )
        )
        for failed in feeds["failed"]:
            console.print(
                line("  ", ("✗", "red"), f" {failed['name']} ({failed['url']}): {failed['error']}"),
                soft_wrap=True,
            )
    if "entries" in summary:
        console.print(
            line(
                f"entries: {summary['entries']['seen']} seen, {summary['entries']['new']} new; "
                f"{summary.get('fallbacks', 0)} from the feed summary"
            )
        )
    if store and "not_stored" not in store:
        console.print(
            line(
                f"stored: {store.get('articles_new', 0)} articles, {store.get('deals_new', 0)} deals, "
                f"{store.get('claims_new', 0)} figures; alerts: {store.get('alerts_new', 0)} new, "
                f"{store.get('alerts_suppressed', 0)} recorded without sending"
            )
        )
        again = summary.get("entries", {}).get("fetched_again", 0)
        if again or store.get("pages_waiting") or store.get("articles_upgraded"):
            console.print(
                line(
                    f"pages fetched again: {again}, {store.get('articles_upgraded', 0)} now full "
                    f"text; {store.get('pages_waiting', 0)} newly stored from their summaries "
                    "for now, to fetch again (the view waiting_pages lists them)"
                    + (
                        f"; {store['pages_given_up']} given up"
                        if store.get("pages_given_up")
                        else ""
                    )
                )
            )
    delivery = summary.get("delivery")
    if delivery:
        console.print(
            line(
                f"delivery: {delivery.get('sent', 0)} sent, {delivery.get('failed', 0)} still pending"
                + (
                    f" (failing: {', '.join(delivery['failed_channels'])})"
                    if delivery.get("failed_channels")
                    else ""
                )
            )
        )
    if not db.exists(settings.db_path) or ("not_stored" in store and "busy" not in store):
        return  # no warehouse, or one that cannot be used: the line above says why
    try:
        with db.read_connection(
            settings.db_path, timeout_s=settings.warehouse.write_timeout_s
        ) as con:
            result = queries.run_summary(con)
    except db.WarehouseError as exc:
        console.print(line(("cannot read the warehouse for the summary:", "yellow"), f" {exc}"))
        return
    print_rows(
        console,
        ["deal", "acquirer", "target", "kind", "people", "articles", "sources"],
        _cells(result.deals, "deal_id acquirer target kind people articles sources"),
        title="Deals",
    )
    figures = [
        {**f, "accepted": _interval(f["metric"], f["low"], f["high"])} for f in result.figures
    ]
    print_rows(
        console,
        ["deal", "subject", "metric", "accepted", "sources", "independent", "dissenting"],
        _cells(
            figures,
            "deal_id subject metric accepted sources independent_sources dissenting_sources",
        ),
        title="Figures (accepted values)",
    )
    print_rows(
        console,
        ["deal", "subject", "metric", "one side", "its sources", "other side", "its sources"],
        _cells(
            result.contradictions, "deal_id subject metric a_stated a_sources b_stated b_sources"
        ),
        title="Contradictions",
    )
    print_rows(
        console,
        ["kind", "status", "alerts"],
        _cells(result.alerts, "kind status n"),
        title="Alerts",
    )
    console.print(
        line(
            f"warehouse: {settings.db_path} — query it with `dealwatch sql` "
            "(see README: Querying the warehouse)"
        )
    )
