"""The ``dealwatch`` command line.

Every command takes ``--config DIR`` (default ``config/``, or ``DEALWATCH_CONFIG``).
Prefect is imported only by the commands that run flows, after ``PREFECT_HOME``
has been pointed at the project's data folder, and after everything a user can
get wrong (settings, the feeds file, paths, the query) has been checked.

A user's mistake is one line on stderr and exit status 2 (``UserError``,
``ConfigError``, an unusable warehouse); a busy warehouse is status 3; anything
else is one line and status 1, with the traceback only under ``--debug``.
Everything printed goes through ``InertConsole``, so text from outside (titles,
outlets, servers' errors) can neither be read as markup nor drive the terminal.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from typer.core import TyperGroup

from flows.progress import progress_bar
from flows.report import line
from flows.runtime import api_for_workers, exit_status, prepare_prefect
from flows.settings import (
    ConfigError,
    Settings,
    load_feeds,
    load_settings,
    unknown_environment_names,
)
from flows.terminal import InertConsole, inert_line, inert_log_records
from warehouse import db


class UserError(Exception):
    """A mistake the user can fix; the message says what and where, on one line."""


class _Commands(TyperGroup):
    """Every command's failure becomes one line on stderr and an exit status."""

    def invoke(self, ctx: typer.Context) -> Any:
        try:
            return super().invoke(ctx)
        except typer.TyperException as exc:  # typer's usage errors: a missing argument, a bad value
            message = exc.format_message()
            if getattr(exc, "exit_code", 1) != 2 or "\n" in message:  # e.g. the help, no arguments
                raise
            usage_ctx = getattr(exc, "ctx", None)
            see = f" (see {usage_ctx.command_path} --help)" if usage_ctx is not None else ""
            _say_error(message + see)
            raise typer.Exit(2) from None
        except (typer.Exit, typer.Abort):
            raise
        except Exception as exc:  # every failure ends here, to be told in one line
            status, message = _failure(exc)
            if status == 1 and _options["debug"]:
                raise
            _say_error(message)
            raise typer.Exit(status) from None


app = typer.Typer(
    cls=_Commands,
    no_args_is_help=True,
    add_completion=False,
    help="Watch the news for AI talent deals.",
)
alerts_app = typer.Typer(no_args_is_help=True, help="Inspect, test and resend alerts.")
app.add_typer(alerts_app, name="alerts")
# Piped or logged output gets room for the tables instead of rich's 80-column default.
console = InertConsole() if sys.stdout.isatty() else InertConsole(width=160)
err_console = InertConsole(stderr=True)

ConfigOption = Annotated[
    Path | None,
    typer.Option(
        "--config",
        "-c",
        help="Config folder holding dealwatch.toml (default: config/ or $DEALWATCH_CONFIG).",
    ),
]
_options: dict[str, Any] = {"config": None, "debug": False}


def _failure(exc: Exception) -> tuple[int, str]:
    """The exit status and the one line that tell ``exc`` to the user."""
    from warehouse import db

    if isinstance(exc, UserError | ConfigError):
        return 2, str(exc)
    if isinstance(exc, db.WarehouseBusy):
        return 3, str(exc)
    if isinstance(exc, db.WarehouseError):
        return 2, str(exc)
    return 1, (
        f"{type(exc).__name__}: {exc} "
        "(this is a bug or a fault outside dealwatch; `dealwatch --debug ...` shows the traceback)"
    )


def _say_error(message: str) -> None:
    err_console.print(line(("error:", "red"), " ", inert_line(message)), soft_wrap=True)


def _say_warning(message: str) -> None:
    err_console.print(line(("warning:", "yellow"), " ", inert_line(message)), soft_wrap=True)


def fail(message: str) -> NoReturn:
    """Stop the command: a user's mistake, told in one line, exit status 2."""
    raise UserError(message)


def _settings(config: Path | None) -> Settings:
    """The settings (a ``ConfigError`` stops the command), with a warning for each unknown
    ``DEALWATCH_*`` variable."""
    settings = load_settings(config or _options["config"])
    for warning in unknown_environment_names(os.environ, settings):
        _say_warning(warning)
    return settings


def _config_arg(settings: Settings) -> str | None:
    """The config folder the flow is to read: the one the settings came from, or None where they
    came from the defaults alone (no folder given and no ``config/`` here), which the flow reads
    the same way (named to it, a missing folder would be an error)."""
    return str(settings.config_dir) if settings.config_dir.is_dir() else None


def _existing_warehouse(settings: Settings) -> db.Target:
    """The warehouse, which a read command needs to exist already (a DuckLake says so itself)."""
    if isinstance(settings.db_path, Path) and not settings.db_path.is_file():
        fail(
            f"no warehouse at {settings.db_path} (set by [warehouse] path or DEALWATCH_DB): "
            "run `dealwatch run` or `dealwatch backfill` first"
        )
    return settings.db_path


@app.callback()
def _main(
    config: ConfigOption = None,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show the traceback of an unexpected failure.")
    ] = False,
) -> None:
    _options["config"], _options["debug"] = config, debug
    inert_log_records()


@app.command()
def run(
    config: ConfigOption = None,
    seeds: Annotated[
        bool, typer.Option("--seeds/--no-seeds", help="Backfill seeds/ first if not yet stored.")
    ] = True,
    force: Annotated[
        bool, typer.Option("--force", help="Poll every feed now, whatever its adapted interval.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the run summary as JSON.")] = False,
) -> None:
    """One monitoring pass: backfill the seeds if needed, poll every feed, store, alert, summarise."""
    settings = _settings(config)
    load_feeds(settings.feeds_path)  # a feeds file with a mistake stops here, before Prefect
    prepare_prefect(settings.run.data_dir)
    from flows.pipeline import monitor, with_task_runner
    from flows.report import print_run_report

    with (
        api_for_workers(settings.run.task_runner),
        _stdout_for_json_only(as_json),
        progress_bar(err_console, enabled=not as_json),
    ):
        summary = with_task_runner(monitor, settings)(
            config_dir=_config_arg(settings), backfill_seeds=seeds, force_poll=force
        )
    if as_json:
        sys.stdout.write(json.dumps(summary, default=str, indent=2) + "\n")
    else:
        print_run_report(console, settings, summary)
        if (
            settings.report.build_after_run
            and db.exists(settings.db_path)
            and not exit_status(summary)
        ):
            _build_report(settings)
    raise typer.Exit(exit_status(summary))


def _stdout_for_json_only(as_json: bool) -> contextlib.AbstractContextManager[Any]:
    """Under ``--json`` stdout carries the JSON alone: what the run prints (the alerts printed
    when no channel is configured) goes to stderr meanwhile."""
    return contextlib.redirect_stdout(sys.stderr) if as_json else contextlib.nullcontext()


@app.command()
def backfill(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Files or folders (text, HTML, Markdown). Default: seeds/"),
    ] = None,
    notify: Annotated[
        bool,
        typer.Option("--notify", help="Send the alerts instead of recording them as the baseline."),
    ] = False,
    config: ConfigOption = None,
) -> None:
    """Load articles from files into the warehouse (idempotent: twice changes nothing)."""
    settings = _settings(config)
    for path in paths or []:
        if not path.exists():
            fail(f"{path}: no such file or folder")
    prepare_prefect(settings.run.data_dir)
    from flows.pipeline import backfill as backfill_flow
    from flows.report import print_run_report

    with progress_bar(err_console):
        summary = backfill_flow(
            paths=[str(p) for p in paths] if paths else None,
            notify=notify,
            config_dir=_config_arg(settings),
        )
    print_run_report(console, settings, summary)
    raise typer.Exit(exit_status(summary))


@app.command()
def sql(
    query: Annotated[str, typer.Argument(help='e.g. "SELECT * FROM figures"')],
    config: ConfigOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Rows as JSON lines.")] = False,
) -> None:
    """Run a query on the warehouse, opened read-only, and print the rows."""
    from flows.report import print_rows
    from warehouse import db, queries

    settings = _settings(config)
    if not query.strip():
        fail('the query is empty: give one, e.g. dealwatch sql "SELECT * FROM deals"')
    path = _existing_warehouse(settings)
    import duckdb

    try:
        with db.read_connection(path) as con:
            columns, rows = queries.sql_query(con, query)
    except duckdb.Error as exc:  # a query that does not parse, bind or run is the user's to fix
        fail(f"query failed: {exc}")
    if as_json:
        for row in rows:
            sys.stdout.write(json.dumps(dict(zip(columns, row, strict=True)), default=str) + "\n")
        return
    print_rows(console, columns, rows)


feeds_app = typer.Typer(
    help="Feed health (with no command), and adding a feed.", invoke_without_command=True
)
app.add_typer(feeds_app, name="feeds")


@feeds_app.callback(invoke_without_command=True)
def feeds(ctx: typer.Context, config: ConfigOption = None) -> None:
    """Feed health, one line a feed: status, last success, next poll, items seen, latency, error;
    then the hosts a run stopped asking, since when, and how many pages wait for them."""
    if ctx.invoked_subcommand is not None:
        if config is not None:
            _options["config"] = config
        return
    from flows.report import print_feed_health, print_host_health
    from warehouse import db, queries

    settings = _settings(config)
    with db.read_connection(_existing_warehouse(settings)) as con:
        columns, rows = queries.feed_health(con)
        host_columns, host_rows = queries.host_health(con)
    print_feed_health(console, columns, rows)
    print_host_health(console, host_columns, host_rows)


@feeds_app.command("add")
def feeds_add(
    url: Annotated[str, typer.Argument(help="A feed's URL, or a site's home page that links one.")],
    name: Annotated[
        str | None, typer.Option("--name", help="The feed's name (default: its own title).")
    ] = None,
    tag: Annotated[
        list[str] | None, typer.Option("--tag", help="A tag for the feed; may be repeated.")
    ] = None,
    config: ConfigOption = None,
) -> None:
    """Find the feed at URL (or the one its page declares), check it parses, add it to the feeds file."""
    from extractors.fetch.client import Fetcher
    from extractors.fetch.discovery import DiscoveryError, discover_feed
    from extractors.urls import domain_of, storable_text
    from flows.settings import append_feed, listed_feed_urls
    from flows.wiring import fetch_policy

    settings = _settings(config)
    path = settings.feeds_path
    if not url.startswith(("http://", "https://")):
        fail(f"{url}: not an http(s) URL; give a feed's or a site's address")
    if path.exists() and url in listed_feed_urls(path):
        fail(f"{url} is listed already in {path}")
    with Fetcher(fetch_policy(settings)) as fetcher:
        try:
            found = discover_feed(fetcher, url)
        except DiscoveryError as exc:
            fail(str(exc))
    if path.exists() and found.url in listed_feed_urls(path):
        fail(f"{url} leads to {found.url}, listed already in {path}")
    title = " ".join((name or found.title or domain_of(found.url)).split())[:120]
    added = append_feed(
        path,
        name=storable_text(title),
        url=found.url,
        tags=tuple(storable_text(t) for t in tag or ()),
    )
    console.print(
        line(
            ("added", "green"),
            f" {added.name} ({added.url}) to {path}: it holds {found.entries} "
            f"item{'' if found.entries == 1 else 's'} now; the next run polls it",
        ),
        soft_wrap=True,
    )


@app.command()
def export(
    out: Annotated[
        Path | None,
        typer.Option("--out", help="Folder for the Parquet files (default from config)."),
    ] = None,
    config: ConfigOption = None,
) -> None:
    """Write every public view to Parquet, for readers who want no lock at all."""
    from warehouse import db
    from warehouse.export import export_parquet

    settings = _settings(config)
    out_dir = out or settings.warehouse.export_dir
    if out_dir.exists() and not out_dir.is_dir():
        fail(f"--out {out_dir}: is a file; give a folder for the Parquet files")
    path = _existing_warehouse(settings)
    with db.read_connection(path, timeout_s=settings.warehouse.write_timeout_s) as con:
        written = export_parquet(con, out_dir)
    for parquet in written:
        console.print(str(parquet))


@app.command()
def report(
    deal: Annotated[
        list[str] | None,
        typer.Option("--deal", help="Only this deal's page (and the index); may be repeated."),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option("--out", help="Folder for the pages (default: [report] report_dir)."),
    ] = None,
    from_export: Annotated[
        Path | None,
        typer.Option("--export", help="Read a `dealwatch export` folder, not the warehouse."),
    ] = None,
    config: ConfigOption = None,
) -> None:
    """Write the report: an index and a page per deal, self-contained HTML to read offline."""
    settings = _settings(config)
    if not _build_report(settings, out_dir=out, deal_ids=deal, export_dir=from_export):
        raise typer.Exit(2)


def _build_report(settings: Settings, **options: Any) -> bool:
    """Build the report and say where it is; a problem is printed, and False returned."""
    from flows.report_site import build_report, describe
    from report.site import UnknownDeal
    from warehouse.db import WarehouseError

    try:
        result = build_report(settings, **options)
    except (WarehouseError, UnknownDeal) as exc:
        err_console.print(line(("report not built:", "red"), f" {exc}"))
        return False
    console.print(line(describe(result)))
    return True


@app.command()
def score(
    folder: Annotated[Path, typer.Argument(help="A folder laid out like tests/data/labelled/")],
    config: ConfigOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="The scores as JSON.")] = False,
) -> None:
    """Score the analysis against a labelled folder: precision, recall, F1."""
    from extractors.scoring import format_scores, score_folder
    from extractors.watchlist import load_watchlist

    settings = _settings(config)
    if not folder.is_dir():
        fail(f"{folder}: no such folder")
    watchlist = (
        load_watchlist(settings.watchlist_path) if settings.watchlist_path.exists() else None
    )
    scores = score_folder(folder, watchlist)
    if as_json:
        sys.stdout.write(json.dumps(scores.as_dict(), default=str, indent=2) + "\n")
    else:
        console.print(format_scores(scores))


@app.command()
def explain(
    target: Annotated[
        str,
        typer.Argument(
            help="A text, HTML or Markdown file, or the article_id of a stored article."
        ),
    ],
    config: ConfigOption = None,
) -> None:
    """Why the analysis reads an article as it does: deals and claims with their evidence and
    confidence, every figure it left out, with the reason, and what it read before weighing
    anything (companies, people, the relations between companies; why no deal, where none)."""
    from datetime import UTC, datetime

    from extractors.analysis.analyse import analysed_with_reading
    from extractors.analysis.explain import explain_lines
    from extractors.documents import DocumentError, articles_from_path
    from extractors.watchlist import load_watchlist

    settings = _settings(config)
    watchlist = (
        load_watchlist(settings.watchlist_path) if settings.watchlist_path.exists() else None
    )
    path = Path(target)
    if path.is_file():
        try:
            articles = articles_from_path(path, fetched_at=datetime.now(UTC))
        except (DocumentError, OSError, UnicodeDecodeError) as exc:
            fail(f"cannot read {target}: {exc}")
    else:
        articles = _stored_article(settings, target)
    # which list of known companies the reading used: run from another folder, the default one is
    # not found, and a listed buyer reads as an unknown name
    console.print(
        f"watchlist: {settings.watchlist_path}"
        if watchlist is not None
        else f"watchlist: none ({settings.watchlist_path} not found): companies are read from the "
        "text alone",
        soft_wrap=True,
        markup=False,
    )
    for article in articles:
        analysis, reading = analysed_with_reading(article, watchlist)
        for explained in explain_lines(article, analysis, reading):
            console.print(explained, soft_wrap=True)


def _stored_article(settings: Settings, article_id: str) -> list[Any]:
    """The stored article ``article_id``, re-analysed as the current code reads it."""
    from warehouse import db, queries

    if not db.exists(settings.db_path):
        fail(f"{article_id}: not a file, and there is no warehouse at {settings.db_path}")
    with db.read_connection(settings.db_path) as con:
        article = queries.stored_article(con, article_id)
    if article is None:
        fail(f"{article_id}: neither a file nor a stored article id")
    return [article]


@app.command()
def serve(config: ConfigOption = None) -> None:
    """Serve the monitor deployment on its cron schedule until stopped (Ctrl-C / SIGTERM)."""
    settings = _settings(config)
    prepare_prefect(settings.run.data_dir)
    from flows.serve import serve_monitor

    serve_monitor(settings, console)


def _print_alert_rows(alerts: list[Any]) -> None:
    from flows.report import print_rows

    columns = [
        "alert_id",
        "kind",
        "status",
        "deal_id",
        "subject",
        "metric",
        "created_at",
        "sent_at",
        "last_error",
    ]
    rows = [tuple(getattr(a, c) for c in columns) for a in alerts]
    print_rows(console, columns, rows)


@alerts_app.command("list")
def alerts_list(
    pending: Annotated[
        bool, typer.Option("--pending", help="Only alerts still waiting for delivery.")
    ] = False,
    limit: Annotated[int, typer.Option(help="How many, newest first.")] = 50,
    config: ConfigOption = None,
) -> None:
    """The outbox, newest first."""
    from warehouse import db, outbox

    settings = _settings(config)
    with db.read_connection(_existing_warehouse(settings)) as con:
        _print_alert_rows(outbox.list_alerts(con, pending_only=pending, limit=limit))


@alerts_app.command("why")
def alerts_why(alert_id: str, config: ConfigOption = None) -> None:
    """Why an alert fired, or why it stayed quiet: its decisions, in order."""
    from alerts.links import report_link
    from alerts.render import render_text
    from flows.report import print_rows
    from warehouse import db, outbox

    settings = _settings(config)
    with db.read_connection(_existing_warehouse(settings)) as con:
        alert = outbox.get_alert(con, alert_id)
        decisions = outbox.alert_decisions(con, alert_id)
    if alert is None and not decisions:
        fail(f"no alert {alert_id} (dealwatch alerts list shows their ids)")
    if alert is not None:
        link = report_link(settings.report.base_url, deal_id=alert.deal_id, alert_id=alert_id)
        console.print(render_text(alert, report_url=link))
        console.print(
            f"status: {alert.status}  reason: {alert.reason}  attempts: {alert.attempts}  "
            f"last error: {alert.last_error}"
        )
    if decisions:
        columns = list(decisions[0])
        print_rows(console, columns, [tuple(d[c] for c in columns) for d in decisions])


@alerts_app.command("resend")
def alerts_resend(alert_id: str, config: ConfigOption = None) -> None:
    """Put an alert back in the outbox and deliver it now."""
    from warehouse import db, outbox

    settings = _settings(config)
    path = _existing_warehouse(settings)
    with db.read_connection(path, timeout_s=settings.warehouse.write_timeout_s) as con:
        known = outbox.get_alert(con, alert_id) is not None
    if not known:
        fail(f"no alert {alert_id} (dealwatch alerts list shows their ids)")
    with db.write_connection(path, timeout_s=settings.warehouse.write_timeout_s) as con:
        outbox.requeue_alert(con, alert_id)
    prepare_prefect(settings.run.data_dir)
    from flows.tasks import deliver_alerts_task
    from flows.wiring import alert_channels

    result = deliver_alerts_task.fn(
        settings.db_path,
        alert_channels(settings),
        digest_threshold=settings.alerts.digest_threshold,
        send_timeout_s=settings.alerts.send_timeout_s,
        slack_min_interval_s=settings.alerts.slack_min_interval_s,
        timeout_s=settings.warehouse.write_timeout_s,
        report_base_url=settings.report.base_url,
    )
    console.print(resend_sentence(alert_id, result), soft_wrap=True)
    raise typer.Exit(1 if result.get("failed") else 0)


def resend_sentence(alert_id: str, result: dict[str, Any]) -> str:
    """What ``alerts resend`` did, as a sentence: ``deliver_alerts_task``'s counts told."""
    others = result.get("pending", 1) - 1
    also = f" (with {others} other pending alert{'s' if others != 1 else ''})" if others else ""
    if result.get("console"):
        return f"Alert {alert_id} was printed above{also}: no channel is configured."
    if not result.get("failed"):
        return f"Alert {alert_id} was sent again{also}."
    channels = ", ".join(result.get("failed_channels", [])) or "a channel"
    return (
        f"Alert {alert_id} is queued again{also}, but {channels} did not take it; "
        "the next run tries again."
    )


@alerts_app.command("test")
def alerts_test(config: ConfigOption = None) -> None:
    """Send a test message to every configured channel and report each one."""
    from alerts.channels import validate_channel
    from alerts.deliver import send_test
    from flows.wiring import alert_channels

    settings = _settings(config)
    channels = alert_channels(settings)
    if not channels:
        fail("no channel configured: set DEALWATCH_NOTIFY or [[alerts.channel]] with url_env")
    failures = 0
    for channel in channels:
        problem = validate_channel(channel)
        if problem:
            console.print(line(("✗", "red"), f" {channel.name}: {problem}"), soft_wrap=True)
            failures += 1
    for name, ok, error in send_test([c for c in channels if validate_channel(c) is None]):
        mark = ("✓", "green") if ok else ("✗", "red")
        console.print(line(mark, f" {name}" if ok else f" {name}: {error}"), soft_wrap=True)
        failures += 0 if ok else 1
    raise typer.Exit(1 if failures else 0)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
