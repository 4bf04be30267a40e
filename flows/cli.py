"""The ``dealwatch`` command line.

Every command takes ``--config DIR`` (default ``config/``, or ``DEALWATCH_CONFIG``).
Prefect is imported only by the commands that run flows, after ``PREFECT_HOME``
has been pointed at the project's data folder.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from flows.runtime import api_for_workers, exit_status, prepare_prefect
from flows.settings import ConfigError, Settings, load_settings

app = typer.Typer(
    no_args_is_help=True, add_completion=False, help="Watch the news for AI talent deals."
)
alerts_app = typer.Typer(no_args_is_help=True, help="Inspect, test and resend alerts.")
app.add_typer(alerts_app, name="alerts")
# Piped or logged output gets room for the tables instead of rich's 80-column default.
console = Console() if sys.stdout.isatty() else Console(width=160)
err_console = Console(stderr=True)

ConfigOption = Annotated[
    Path | None,
    typer.Option(
        "--config",
        "-c",
        help="Config folder holding dealwatch.toml (default: config/ or $DEALWATCH_CONFIG).",
    ),
]
_global_config: dict[str, Path | None] = {"dir": None}


def _settings(config: Path | None) -> Settings:
    try:
        return load_settings(config or _global_config["dir"])
    except ConfigError as exc:
        err_console.print(f"[red]configuration error:[/red] {exc}")
        raise typer.Exit(2) from None


def _config_arg(settings: Settings) -> str:
    return str(settings.config_dir)


@app.callback()
def _main(config: ConfigOption = None) -> None:
    _global_config["dir"] = config


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
    prepare_prefect(settings.run.data_dir)
    from flows.pipeline import monitor, with_task_runner
    from flows.report import print_run_report

    with api_for_workers(settings.run.task_runner):
        summary = with_task_runner(monitor, settings)(
            config_dir=_config_arg(settings), backfill_seeds=seeds, force_poll=force
        )
    if as_json:
        console.print_json(json.dumps(summary, default=str))
    else:
        print_run_report(console, settings, summary)
    raise typer.Exit(exit_status(summary))


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
            err_console.print(f"[red]no such file or folder:[/red] {path}")
            raise typer.Exit(2)
    prepare_prefect(settings.run.data_dir)
    from flows.pipeline import backfill as backfill_flow
    from flows.report import print_run_report

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
    if not settings.db_path.exists():
        err_console.print(
            f"[red]no warehouse at {settings.db_path}[/red]: run `dealwatch run` first"
        )
        raise typer.Exit(2)
    try:
        with db.read_connection(settings.db_path) as con:
            columns, rows = queries.sql_query(con, query)
    except db.WarehouseBusy as exc:
        err_console.print(f"[red]{exc}[/red]")
        raise typer.Exit(3) from None
    except (
        Exception
    ) as exc:  # duckdb raises many classes for a bad query; all are the user's to fix
        err_console.print(f"[red]query failed:[/red] {exc}")
        raise typer.Exit(1) from None
    if as_json:
        for row in rows:
            sys.stdout.write(json.dumps(dict(zip(columns, row, strict=True)), default=str) + "\n")
        return
    print_rows(console, columns, rows)


@app.command()
def feeds(config: ConfigOption = None) -> None:
    """Feed health: last success, last error, consecutive failures, items seen, latency."""
    from flows.report import print_rows
    from warehouse import db, queries

    settings = _settings(config)
    if not settings.db_path.exists():
        err_console.print(f"no warehouse at {settings.db_path} yet: run `dealwatch run` first")
        raise typer.Exit(2)
    with db.read_connection(settings.db_path) as con:
        columns, rows = queries.feed_health(con)
    print_rows(console, columns, rows)


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
    with db.read_connection(settings.db_path, timeout_s=settings.warehouse.write_timeout_s) as con:
        written = export_parquet(con, out or settings.warehouse.export_dir)
    for path in written:
        console.print(str(path))


@app.command()
def score(
    folder: Annotated[Path, typer.Argument(help="A folder laid out like tests/data/labelled/")],
    config: ConfigOption = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Score the analysis against a labelled folder: precision, recall, F1."""
    from extractors.scoring import format_scores, score_folder
    from extractors.watchlist import load_watchlist

    settings = _settings(config)
    watchlist = (
        load_watchlist(settings.watchlist_path) if settings.watchlist_path.exists() else None
    )
    scores = score_folder(folder, watchlist)
    if as_json:
        console.print_json(json.dumps(scores.as_dict(), default=str))
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
    confidence, and every figure it left out, with the reason."""
    from datetime import UTC, datetime

    from extractors.analysis import analyse
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
            err_console.print(f"cannot read {target}: {exc}", markup=False, highlight=False)
            raise typer.Exit(2) from None
    else:
        articles = _stored_article(settings, target)
    for article in articles:
        for line in explain_lines(article, analyse(article, watchlist)):
            console.print(line, markup=False, highlight=False, soft_wrap=True)


def _stored_article(settings: Settings, article_id: str) -> list[Any]:
    """The stored article ``article_id``, re-analysed as the current code reads it."""
    from warehouse import db, queries

    if not settings.db_path.exists():
        err_console.print(
            f"{article_id}: not a file, and there is no warehouse at {settings.db_path}",
            markup=False,
        )
        raise typer.Exit(2)
    with db.read_connection(settings.db_path) as con:
        article = queries.stored_article(con, article_id)
    if article is None:
        err_console.print(
            f"{article_id}: neither a file nor a stored article id", markup=False, highlight=False
        )
        raise typer.Exit(2)
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
    with db.read_connection(settings.db_path) as con:
        _print_alert_rows(outbox.list_alerts(con, pending_only=pending, limit=limit))


@alerts_app.command("why")
def alerts_why(alert_id: str, config: ConfigOption = None) -> None:
    """Why an alert fired, or why it stayed quiet: its decisions, in order."""
    from alerts.render import render_text
    from flows.report import print_rows
    from warehouse import db, outbox

    settings = _settings(config)
    with db.read_connection(settings.db_path) as con:
        alert = outbox.get_alert(con, alert_id)
        decisions = outbox.alert_decisions(con, alert_id)
    if alert is None and not decisions:
        err_console.print(f"[red]no alert {alert_id}[/red]")
        raise typer.Exit(1)
    if alert is not None:
        console.print(render_text(alert), markup=False, highlight=False)
        console.print(
            f"status: {alert.status}  reason: {alert.reason}  attempts: {alert.attempts}  last error: {alert.last_error}"
        )
    if decisions:
        columns = list(decisions[0])
        print_rows(console, columns, [tuple(d[c] for c in columns) for d in decisions])


@alerts_app.command("resend")
def alerts_resend(alert_id: str, config: ConfigOption = None) -> None:
    """Put an alert back in the outbox and deliver it now."""
    from warehouse import db, outbox

    settings = _settings(config)
    with db.write_connection(settings.db_path, timeout_s=settings.warehouse.write_timeout_s) as con:
        if outbox.get_alert(con, alert_id) is None:
            err_console.print(f"[red]no alert {alert_id}[/red]")
            raise typer.Exit(1)
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
    )
    console.print(result)


@alerts_app.command("test")
def alerts_test(config: ConfigOption = None) -> None:
    """Send a test message to every configured channel and report each one."""
    from alerts.channels import validate_channel
    from alerts.deliver import send_test
    from flows.wiring import alert_channels

    settings = _settings(config)
    channels = alert_channels(settings)
    if not channels:
        err_console.print(
            "no channel configured: set DEALWATCH_NOTIFY or [[alerts.channel]] with url_env"
        )
        raise typer.Exit(1)
    failures = 0
    for channel in channels:
        problem = validate_channel(channel)
        if problem:
            console.print(f"[red]✗[/red] {channel.name}: {problem}")
            failures += 1
    for name, ok, error in send_test([c for c in channels if validate_channel(c) is None]):
        console.print(f"[green]✓[/green] {name}" if ok else f"[red]✗[/red] {name}: {error}")
        failures += 0 if ok else 1
    raise typer.Exit(1 if failures else 0)


def main() -> None:
    app()
