"""Titles, outlets, quotes and servers' errors reach the terminal as written, and do nothing there.

Before: a title ``[/bold]`` made ``dealwatch sql`` and the run's summary fail with
rich's MarkupError, a server's ``Content-Encoding: [/red]`` made the summary and
``dealwatch feeds`` fail, and a title carrying ``ESC [2J`` cleared the screen.
Each case goes through the real command line on a real warehouse.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractors.analysis import analyse
from extractors.documents import article_from_text
from extractors.records import FeedPollResult, FetchStatus
from flows.cli import app
from tests.support.batches import store_batch
from tests.support.cli_process import run_piped
from tests.support.config import write_config
from tests.support.records import NOW
from tests.support.site import NewsSite, Story, publish

DEAL = (
    "Meta pays $14.3 billion for 49% of Scale AI and hires its CEO Alexandr Wang\n\n"
    "Meta will pay $14.3 billion for a 49% stake in Scale AI, and Scale AI's chief executive "
    "Alexandr Wang, 28, will join Meta, the companies said. Scale AI was founded in 2016."
)
TITLES = [
    "[/bold]",
    "clear\x1b[2J\x1b[Hscreen",
    "osc \x1b]8;;http://evil\x07link\x1b]8;;\x07 [red]x",
]
OUTLET = "[/red]Outlet\x1b[31m"
FEED_ERROR = "unsupported content-encoding '[/red]' \x1b]0;pwned\x07"
# A terminal acts on these instead of showing them: ESC, BEL, CR, 8-bit CSI.
ACTIONABLE = re.compile("[\x1b\x07\r\x9b]")


@pytest.fixture
def hostile_config(tmp_path: Path) -> Path:
    """A warehouse holding three articles with hostile titles and outlets, and a failing feed."""
    config = write_config(tmp_path / "config", feeds=[])
    articles = [
        dataclasses.replace(
            article_from_text(
                DEAL, url=f"https://news{i}.example/a", origin="feed", fetched_at=NOW
            ),
            title=title,
            source=OUTLET,
        )
        for i, title in enumerate(TITLES)
    ]
    failing = FeedPollResult(
        feed_url="https://feeds.example/rss",
        feed_name="[bold]feed\x1b[2J",
        status=FetchStatus.HARD_ERROR,
        fetched_at=NOW,
        error=FEED_ERROR,
    )
    store_batch(
        config / "data" / "dealwatch.duckdb",
        [(a, analyse(a)) for a in articles],
        feeds=[failing],
    )
    return config


def dealwatch(*args: str) -> object:
    return CliRunner().invoke(app, list(args))


def assert_inert(result: object) -> None:
    for stream in (result.stdout, result.stderr):
        assert not ACTIONABLE.search(stream), repr(stream)
    assert "Traceback" not in result.output and "MarkupError" not in result.output


def test_sql_shows_hostile_titles_and_outlets_as_written(hostile_config):
    result = dealwatch(
        "sql", "SELECT title, source FROM articles ORDER BY title", "--config", str(hostile_config)
    )
    assert result.exit_code == 0, result.output
    assert_inert(result)
    assert "[/bold]" in result.stdout
    assert "clearscreen" in result.stdout
    assert "osc link [red]x" in result.stdout
    assert result.stdout.count("[/red]Outlet") == 3


def test_feeds_shows_a_servers_error_as_written(hostile_config):
    result = dealwatch("feeds", "--config", str(hostile_config))
    assert result.exit_code == 0, result.output
    assert_inert(result)
    assert "[bold]feed" in result.stdout
    assert "unsupported content-encoding '[/red]'" in result.stdout


def test_alerts_list_and_why_show_hostile_text_as_written(hostile_config):
    listed = dealwatch("sql", "SELECT alert_id FROM alert_log", "--config", str(hostile_config))
    alert_ids = re.findall(r"\b[0-9a-f]{16}\b", listed.stdout)
    assert alert_ids, listed.output
    result = dealwatch("alerts", "list", "--config", str(hostile_config))
    assert result.exit_code == 0, result.output
    assert_inert(result)
    for alert_id in alert_ids:
        why = dealwatch("alerts", "why", alert_id, "--config", str(hostile_config))
        assert why.exit_code == 0, why.output
        assert_inert(why)
    figure = dealwatch(
        "sql",
        "SELECT alert_id FROM alert_log WHERE kind = 'new_figure' LIMIT 1",
        "--config",
        str(hostile_config),
    )
    (figure_id,) = re.findall(r"\b[0-9a-f]{16}\b", figure.stdout)
    why = dealwatch("alerts", "why", figure_id, "--config", str(hostile_config))
    assert "[/red]Outlet" in why.stdout


def test_explain_shows_a_stored_hostile_article_as_written(hostile_config):
    ids = dealwatch(
        "sql", "SELECT article_id FROM articles", "--config", str(hostile_config), "--json"
    )
    for article_id in re.findall(r'"article_id": "([0-9a-f]+)"', ids.stdout):
        result = dealwatch("explain", article_id, "--config", str(hostile_config))
        assert result.exit_code == 0, result.output
        assert_inert(result)
        assert "[/red]Outlet" in result.stdout


def test_a_command_line_argument_is_shown_as_written(hostile_config):
    result = dealwatch("alerts", "why", "[/red]\x1b[2J", "--config", str(hostile_config))
    assert result.exit_code == 2
    assert_inert(result)
    assert result.stderr.strip() == "error: no alert [/red] (dealwatch alerts list shows their ids)"


@pytest.mark.slow
@pytest.mark.usefixtures("prefect_harness")
def test_the_run_summary_shows_a_hostile_server_and_page_as_written(tmp_path):
    """A feed answering ``Content-Encoding: [/red]``, a page titled ``[/bold]`` from ``[/bold]Evil``."""
    with NewsSite() as site:
        site.route(
            "/red.xml",
            b"<rss></rss>",
            content_type="application/rss+xml",
            headers={"Content-Encoding": "[/red]"},
        )
        paragraph = (
            "Meta will pay $14.3 billion for a 49% stake in Scale AI, and Scale AI chief executive "
            "Alexandr Wang will join Meta, the companies said."
        )
        story = Story(
            "/news/a", "[/bold]Evil", "[/bold] Meta and \x1b[2JScale AI", (paragraph,) * 3
        )
        feeds = [("red", site.url("/red.xml")), ("news", publish(site, [story]))]
        config = write_config(tmp_path / "config", feeds=feeds)
        result = run_piped(["run", "--no-seeds", "--config", str(config)], cwd=tmp_path)
    assert result.status == 0, result.stderr
    for stream in (result.stdout, result.stderr):
        assert not ACTIONABLE.search(stream), stream
        assert "MarkupError" not in stream and "Traceback" not in stream
    assert "red (" in result.stdout and "unsupported content-encoding '[/red]'" in result.stdout
    # the outlet (trafilatura writes it "[/Bold]Evil") in the summary's tables and the alerts
    assert "│ [/Bold]Evil │" in result.stdout
    assert "source: [/Bold]Evil — [/bold] Meta and [2JScale AI" in result.stdout
