"""Output that reads right: values as held, a feeds table that fits, JSON alone on stdout, sentences,
sources named by where they came from, and a progress bar only where a person watches.

Before: ``2,016`` for a year, ``0.1235`` for 0.123456789; ``feeds`` folded 14 columns
into an 80-column terminal; ``run --json`` printed the console alerts on stdout
ahead of the JSON; ``alerts resend`` printed a dict; two files without an outlet
were both "unknown" (a contradiction read "unknown" against "unknown"); no
progress was shown.
"""

from __future__ import annotations

import json
import re
import shutil
from datetime import timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractors.analysis import analyse
from extractors.documents import article_from_text
from extractors.records import FeedPollResult, FetchStatus
from flows.cli import app
from tests.support.batches import store_batch
from tests.support.cli_process import REPO, run_on_terminal, run_piped
from tests.support.config import write_config
from tests.support.receivers import WebhookReceiver
from tests.support.records import NOW
from tests.support.site import NewsSite, Story, publish, rss_feed

SGR = re.compile(r"\x1b\[[0-9;]*m")
DEAL = (
    "Meta will pay $14.3 billion for a 49% stake in Scale AI, and Scale AI chief executive "
    "Alexandr Wang will join Meta, the companies said."
)


def dealwatch(*args: str) -> object:
    return CliRunner().invoke(app, list(args), prog_name="dealwatch")


def _store(config: Path, *, feeds: list[FeedPollResult] = (), texts: list[str] = ()) -> None:
    articles = [
        article_from_text(text, url=f"https://news{i}.example/a", origin="feed", fetched_at=NOW)
        for i, text in enumerate(texts)
    ]
    store_batch(
        config / "data" / "dealwatch.duckdb", [(a, analyse(a)) for a in articles], feeds=feeds
    )


def test_years_counts_and_decimals_print_as_the_warehouse_holds_them(tmp_path):
    config = write_config(tmp_path / "config", feeds=[])
    _store(config)
    result = dealwatch(
        "sql",
        "SELECT 2016.0::DOUBLE AS founded, 1200 AS staff, 0.123456789::DOUBLE AS share, "
        "14250000000.0::DOUBLE AS usd, 12345.678::DOUBLE AS odd, 1.500::DECIMAL(10, 3) AS fee",
        "--config",
        str(config),
    )
    assert result.exit_code == 0, result.output
    row = next(line for line in result.stdout.splitlines() if "2016" in line)
    cells = [cell.strip() for cell in row.strip("│ ").split("│")]
    assert cells == ["2016", "1200", "0.123456789", "14250000000", "12345.678", "1.500"]


def test_feeds_fits_an_80_column_terminal_one_line_a_feed(tmp_path):
    config = write_config(tmp_path / "config", feeds=[])
    polls = [
        FeedPollResult(
            feed_url="https://feeds.example/technology",
            feed_name="Reuters technology news, the whole of it",
            status=FetchStatus.HARD_ERROR,
            fetched_at=NOW,
            error="HTTP 503 Service Unavailable: the upstream server said a great deal about it",
        ),
        FeedPollResult(
            feed_url="https://feeds.example/ai",
            feed_name="AI desk",
            status=FetchStatus.NOT_MODIFIED,
            fetched_at=NOW,
            next_poll_at=NOW + timedelta(minutes=15),
        ),
    ]
    _store(config, feeds=polls)
    shown = run_on_terminal(["feeds", "--config", str(config)], cwd=tmp_path, columns=80)
    assert shown.status == 0, shown.stderr
    lines = [SGR.sub("", line) for line in shown.stdout.replace("\r\n", "\n").splitlines()]
    assert lines and max(len(line) for line in lines) <= 80, lines
    reuters = [line for line in lines if line.startswith("Reuters")]
    assert len(reuters) == 1 and "failing ×1" in reuters[0] and "HTTP 503" in reuters[0]
    desk = [line for line in lines if line.startswith("AI desk")]
    assert len(desk) == 1 and "not modified" in desk[0]


@pytest.mark.slow
@pytest.mark.usefixtures("prefect_harness")
def test_alerts_resend_says_what_happened_in_a_sentence(tmp_path):
    config = write_config(tmp_path / "config", feeds=[])
    _store(config, texts=[f"Meta and Scale AI\n\n{DEAL}"])
    listed = dealwatch("sql", "SELECT alert_id FROM alert_log LIMIT 1", "--config", str(config))
    (alert_id,) = re.findall(r"\b[0-9a-f]{16}\b", listed.stdout)

    printed = run_piped(["alerts", "resend", alert_id, "--config", str(config)], cwd=tmp_path)
    assert printed.status == 0, printed.stderr
    assert f"alert: {alert_id}" in printed.stdout  # the alert itself, printed
    assert re.fullmatch(
        rf"Alert {alert_id} was printed above( \(with \d+ other pending alerts?\))?: "
        r"no channel is configured\.",
        printed.stdout.splitlines()[-1],
    ), printed.stdout

    with WebhookReceiver() as hook:
        sent = run_piped(
            ["alerts", "resend", alert_id, "--config", str(config)],
            cwd=tmp_path,
            env={"DEALWATCH_NOTIFY": hook.json_url("/alerts")},
        )
        assert len(hook.wait_for(1)) == 1
    assert sent.status == 0, sent.stderr
    assert sent.stdout.strip() == f"Alert {alert_id} was sent again."

    refused = run_piped(
        ["alerts", "resend", alert_id, "--config", str(config)],
        cwd=tmp_path,
        env={"DEALWATCH_NOTIFY": "json://127.0.0.1:9/alerts"},
    )
    assert refused.status == 1
    assert refused.stdout.strip() == (
        f"Alert {alert_id} is queued again, but json#1 did not take it; the next run tries again."
    )


@pytest.mark.slow
@pytest.mark.usefixtures("prefect_harness")
def test_two_files_without_an_outlet_are_named_by_their_files(tmp_path):
    config = write_config(tmp_path / "config", feeds=[])
    files = tmp_path / "files"
    files.mkdir()
    (files / "one.txt").write_text(f"Meta deal\n\n{DEAL}\n", encoding="utf-8")
    (files / "two.txt").write_text(
        "Meta deal, a filing\n\nMeta paid $10 billion for its 49% stake in Scale AI, and Scale AI "
        "chief executive Alexandr Wang joined Meta, a filing shows.\n",
        encoding="utf-8",
    )
    result = run_piped(["backfill", str(files), "--config", str(config)], cwd=tmp_path)
    assert result.status == 0, result.stderr
    assert "unknown" not in result.stdout
    contradiction = next(line for line in result.stdout.splitlines() if "$10 billion" in line)
    assert "one.txt" in contradiction and "two.txt" in contradiction
    sources = dealwatch(
        "sql", "SELECT source FROM articles ORDER BY source", "--json", "--config", str(config)
    )
    assert [json.loads(line)["source"] for line in sources.stdout.splitlines()] == [
        "one.txt",
        "two.txt",
    ]


def test_a_backfill_where_there_is_no_config_folder_runs_on_the_defaults(tmp_path):
    """Outside a project folder (no config/ there, none named) every setting has its default:
    the backfill runs, and the flow is not told to read a config folder that is not there (it
    was, and the command failed after Prefect's traceback)."""
    files = tmp_path / "files"
    files.mkdir()
    (files / "one.txt").write_text(f"Meta deal\n\n{DEAL}\n", encoding="utf-8")
    result = run_piped(["backfill", str(files)], cwd=tmp_path)
    assert result.status == 0, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert "Scale AI" in result.stdout  # the deal it stored, reported


@pytest.mark.slow
@pytest.mark.usefixtures("prefect_harness")
def test_a_backfill_on_a_terminal_shows_a_progress_bar_on_stderr_and_piped_none(tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(REPO / "seeds", seeds)
    on_terminal = run_on_terminal(
        ["backfill", "--config", str(write_config(tmp_path / "a", feeds=[], seeds_dir=seeds))],
        cwd=tmp_path,
    )
    assert on_terminal.status == 0, on_terminal.stderr
    assert "analysing articles" in on_terminal.stderr and "4/4" in on_terminal.stderr
    assert "analysing articles" not in on_terminal.stdout

    piped = run_piped(
        ["backfill", "--config", str(write_config(tmp_path / "b", feeds=[], seeds_dir=seeds))],
        cwd=tmp_path,
    )
    assert piped.status == 0, piped.stderr
    assert "analysing articles" not in piped.stderr + piped.stdout


@pytest.mark.slow
@pytest.mark.usefixtures("prefect_harness")
def test_run_json_prints_only_json_on_stdout_and_no_progress_bar(tmp_path):
    with NewsSite() as site:
        feed = publish(site, [Story("/news/a", "The Ledger", "Meta and Scale AI", (DEAL,) * 3)])
        plain = run_on_terminal(
            [
                "run",
                "--no-seeds",
                "--config",
                str(write_config(tmp_path / "a", feeds=[("n", feed)])),
            ],
            cwd=tmp_path,
            stdout_to_terminal=False,  # `dealwatch run > summary.txt`, the bar on the terminal
        )
        as_json = run_on_terminal(
            ["run", "--no-seeds", "--json"]
            + ["--config", str(write_config(tmp_path / "b", feeds=[("n", feed)]))],
            cwd=tmp_path,
        )
    assert plain.status == 0, plain.stderr
    assert "fetching and analysing pages" in plain.stderr and "1/1" in plain.stderr
    assert "New deal: Meta → Scale AI" in plain.stdout  # no channel: alerts printed, in the file
    assert "New deal" not in plain.stderr and "fetching and analysing" not in plain.stdout

    assert as_json.status == 0, as_json.stderr
    summary = json.loads(as_json.stdout)
    assert summary["store"]["articles_new"] == 1 and summary["delivery"]["console"] is True
    assert "New deal: Meta → Scale AI" in as_json.stderr  # the printed alerts went to stderr
    assert "fetching and analysing pages" not in as_json.stderr


@pytest.mark.slow
@pytest.mark.usefixtures("prefect_harness")
def test_a_dead_host_is_one_line_of_the_run_and_no_python_warning(tmp_path):
    """A host whose name does not resolve is said once, as a line of the run. The threads that
    fetch log as part of the run that asked them (before, Prefect's log handler met their lines
    with no run and printed a Python ``UserWarning``, with a line of our source, on the first
    `make run` of a machine without DNS)."""
    dead = "pages.dead-publisher.invalid"
    items = [
        {"title": f"Story {n}", "link": f"http://{dead}/news/{n}", "description": f"Story {n}."}
        for n in range(3)
    ]
    with NewsSite() as site:
        url = site.route(
            "/dead.xml",
            rss_feed("Dead", items, updated=NOW),
            content_type="application/rss+xml",
        )
        config = write_config(tmp_path / "config", feeds=[("Dead", url)])
        result = run_piped(["run", "--no-seeds", "--config", str(config)], cwd=tmp_path)
    assert result.status == 0, result.stderr
    said = [line for line in result.stderr.splitlines() if "unreachable for the rest" in line]
    assert len(said) == 1 and dead in said[0], result.stderr
    assert "Warning:" not in result.stderr and "flow run id" not in result.stderr, result.stderr
