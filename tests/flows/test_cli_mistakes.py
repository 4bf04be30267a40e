"""A user's mistake is one line on stderr that says what and where, and exit status 2.

Each case runs the real command line (typer's runner) on real files. Before,
most of these printed a rich traceback with status 1 (an empty query, an
``--out`` that is a file, an unknown alert kind in DEALWATCH_NOTIFY, a bad feeds
file once Prefect had started), named the settings file for an environment
variable's mistake, wrapped the message over two lines, or said nothing at all
(a ``--config`` folder that does not exist, a misspelt DEALWATCH_* name); and
``alerts resend`` on a missing warehouse created an empty one.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from flows.cli import app
from tests.support.config import write_config
from tests.support.records import NOW
from warehouse import db, store


def dealwatch(*args: str, env: dict[str, str] | None = None) -> object:
    return CliRunner().invoke(app, list(args), env=env, prog_name="dealwatch")


def one_line_error(result: object, status: int = 2) -> str:
    """The single line the command printed on stderr, having exited with ``status``."""
    assert result.exit_code == status, result.output
    assert "Traceback" not in result.output
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ")
    return lines[0].removeprefix("error: ")


@pytest.fixture
def config(tmp_path: Path) -> Path:
    return write_config(tmp_path / "config", feeds=[("news", "http://127.0.0.1:9/feed.xml")])


@pytest.fixture
def warehouse(config: Path) -> Path:
    path = config / "data" / "dealwatch.duckdb"
    with db.write_connection(path) as con:
        store.start_run(con, "test", NOW)
    return path


def test_a_settings_file_that_does_not_parse(config):
    (config / "dealwatch.toml").write_text("[feeds\n", encoding="utf-8")
    line = one_line_error(dealwatch("feeds", "--config", str(config)))
    assert line.startswith(f"{config / 'dealwatch.toml'}: not valid TOML")
    assert "line 1" in line


def test_an_unknown_setting_names_the_file_the_section_and_the_closest_key(config):
    with (config / "dealwatch.toml").open("a", encoding="utf-8") as fh:
        fh.write("\n[alerts]\nmin_confidnce = 0.5\n")
    line = one_line_error(dealwatch("feeds", "--config", str(config)))
    assert line == (
        f"{config / 'dealwatch.toml'}: [alerts] min_confidnce: unknown setting "
        "(did you mean min_confidence?)"
    )


def test_an_unknown_section(config):
    with (config / "dealwatch.toml").open("a", encoding="utf-8") as fh:
        fh.write("\n[alert]\nmin_confidence = 0.5\n")
    line = one_line_error(dealwatch("feeds", "--config", str(config)))
    assert line.startswith(
        f"{config / 'dealwatch.toml'}: unknown section [alert] (did you mean alerts?)"
    )


@pytest.mark.parametrize(
    ("feeds_text", "expected"),
    [
        (
            "[[feed]]\nname = 'a'\nurl = 'http://x'\ncolour = 'red'\n",
            "[[feed]] #1: colour: unknown key",
        ),
        ("[[feed]\nname = 'a'\n", "not valid TOML"),
        ("[[feed]]\nname = 'a'\n", "[[feed]] #1: url: Field required"),
    ],
)
def test_a_feeds_file_with_a_mistake_stops_run_before_prefect_starts(config, feeds_text, expected):
    (config / "feeds.toml").write_text(feeds_text, encoding="utf-8")
    line = one_line_error(dealwatch("run", "--no-seeds", "--config", str(config)))
    assert line.startswith(f"{config / 'feeds.toml'}: ") and expected in line
    # Prefect never started: its home in the data folder was not even created.
    assert not (config / "data" / "prefect").exists()


def test_a_config_folder_that_does_not_exist(tmp_path):
    missing = tmp_path / "no-such-config"
    line = one_line_error(dealwatch("sql", "SELECT 1", "--config", str(missing)))
    assert line == f"config folder {missing}: no such folder"
    line = one_line_error(dealwatch("sql", "SELECT 1", env={"DEALWATCH_CONFIG": str(missing)}))
    assert line == f"DEALWATCH_CONFIG={missing}: no such folder"


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("DEALWATCH_TIMEOUT_S", "fast", "DEALWATCH_TIMEOUT_S: Input should be a valid number"),
        (
            "DEALWATCH_RESPECT_ROBOTS",
            "perhaps",
            "DEALWATCH_RESPECT_ROBOTS: Input should be a valid boolean",
        ),
        (
            "DEALWATCH_ALLOWED_PRIVATE_NETWORKS",
            "[1,",
            "DEALWATCH_ALLOWED_PRIVATE_NETWORKS: not a JSON list",
        ),
        (
            "DEALWATCH_TASK_RUNNER",
            "ray",
            "DEALWATCH_TASK_RUNNER: Input should be 'threads' or 'dask'",
        ),
    ],
)
def test_an_environment_value_of_the_wrong_type_names_the_variable(config, name, value, expected):
    line = one_line_error(dealwatch("feeds", "--config", str(config), env={name: value}))
    assert line.startswith(expected)
    assert "dealwatch.toml" not in line and value not in line.removeprefix(expected)


def test_an_unknown_alert_kind_in_dealwatch_notify(config):
    secret = "json://user:s3cret@127.0.0.1:9/hook"
    line = one_line_error(
        dealwatch(
            "alerts",
            "test",
            "--config",
            str(config),
            env={"DEALWATCH_NOTIFY": f"new_dael={secret}"},
        )
    )
    assert line.startswith("DEALWATCH_NOTIFY: ") and "unknown alert kinds ['new_dael']" in line
    assert "s3cret" not in line


def test_an_unknown_dealwatch_variable_is_a_warning_naming_the_closest_setting(config, warehouse):
    result = dealwatch(
        "sql", "SELECT 2016 AS year", "--config", str(config), env={"DEALWATCH_TIMEOUT": "5"}
    )
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        "warning: DEALWATCH_TIMEOUT is not a dealwatch setting and is ignored "
        "(did you mean DEALWATCH_TIMEOUT_S?)"
    ]
    assert "2016" in result.stdout


def test_a_channels_own_variable_draws_no_warning(config, warehouse):
    with (config / "dealwatch.toml").open("a", encoding="utf-8") as fh:
        fh.write("\n[[alerts.channel]]\nname = 'ops'\nurl_env = 'DEALWATCH_OPS_MAILTO'\n")
    result = dealwatch(
        "sql", "SELECT 1", "--config", str(config), env={"DEALWATCH_OPS_MAILTO": "mailto://x"}
    )
    assert result.exit_code == 0, result.output
    assert result.stderr == ""


@pytest.mark.parametrize("query", ["", "   "])
def test_an_empty_query(config, warehouse, query):
    line = one_line_error(dealwatch("sql", query, "--config", str(config)))
    assert line.startswith("the query is empty")


def test_a_query_that_does_not_parse(config, warehouse):
    line = one_line_error(dealwatch("sql", "SELEC * FROM deals", "--config", str(config)))
    assert line.startswith("query failed: Parser Error: syntax error")


def test_export_out_pointing_at_a_file(config, warehouse, tmp_path):
    target = tmp_path / "export.parquet"
    target.write_bytes(b"")
    line = one_line_error(dealwatch("export", "--out", str(target), "--config", str(config)))
    assert line == f"--out {target}: is a file; give a folder for the Parquet files"


@pytest.mark.parametrize(
    "command",
    [
        ["sql", "SELECT 1"],
        ["feeds"],
        ["export"],
        ["alerts", "list"],
        ["alerts", "why", "0123456789abcdef"],
        ["alerts", "resend", "0123456789abcdef"],
    ],
)
def test_a_read_command_before_there_is_a_warehouse(config, command):
    path = config / "data" / "dealwatch.duckdb"
    line = one_line_error(dealwatch(*command, "--config", str(config)))
    assert line.startswith(f"no warehouse at {path} ")
    assert "dealwatch run" in line
    assert not path.exists()  # and none was created by asking


def test_a_missing_argument_is_one_line(config):
    line = one_line_error(dealwatch("sql", "--config", str(config)))
    assert line == "Missing argument 'query'. (see dealwatch sql --help)"


def test_an_unknown_alert_id(config, warehouse):
    line = one_line_error(
        dealwatch("alerts", "resend", "feedfacefeedface", "--config", str(config))
    )
    assert line == "no alert feedfacefeedface (dealwatch alerts list shows their ids)"


def test_an_unexpected_failure_is_one_line_and_its_traceback_comes_with_debug(config):
    """A warehouse file that is some other DuckDB database: not a mistake dealwatch can name."""
    path = config / "data" / "dealwatch.duckdb"
    path.parent.mkdir(parents=True, exist_ok=True)
    with duckdb.connect(str(path)) as con:
        con.execute("CREATE TABLE unrelated (x INTEGER)")
    line = one_line_error(dealwatch("alerts", "list", "--config", str(config)), status=1)
    assert line.startswith("CatalogException: ") and "--debug" in line
    debug = dealwatch("--debug", "alerts", "list", "--config", str(config))
    assert debug.exit_code == 1
    assert type(debug.exception).__name__ == "CatalogException"
