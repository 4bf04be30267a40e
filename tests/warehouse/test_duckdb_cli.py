"""The warehouse in the tool a team already has: the DuckDB CLI from the registry (``duckdb-cli``).

The warehouse is built the way ``make run`` builds it (``dealwatch run``: the seeds backfilled,
one pass over the feeds; here a feed on 127.0.0.1 instead of the internet), then opened read-only
by the CLI, which runs the README's queries. Before issue 20 the CLI refused the file ("a
database file with version number 69 … created with a newer version of DuckDB").
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.cli_process import run_piped
from tests.support.config import write_config
from tests.support.paths import REPO
from tests.support.site import NewsSite
from tests.support.stories import build_site

pytestmark = [pytest.mark.usefixtures("prefect_harness"), pytest.mark.slow]

README_QUERY = re.compile(r'^dealwatch sql "(SELECT [^"]+)"$', re.MULTILINE)
README_CLI_LINE = re.compile(r'`duckdb -readonly data/dealwatch\.duckdb "([^"]+)"`')


def duckdb_cli(warehouse: Path, sql: str) -> list[dict]:
    """The registry's DuckDB CLI (what its ``duckdb`` command runs), read-only, JSON out."""
    done = subprocess.run(
        [sys.executable, "-m", "duckdb_cli", "-json", "-readonly", str(warehouse), sql],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout) if done.stdout.strip() else []


def test_the_duckdb_cli_opens_the_warehouse_make_run_builds_and_runs_the_readme_queries(tmp_path):
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    queries = README_QUERY.findall(readme)
    assert len(queries) == 5, "the README's five useful queries"
    queries += README_CLI_LINE.findall(readme)
    assert len(queries) == 6, "and the line that opens the file with the duckdb CLI"

    with NewsSite() as site:
        config = write_config(
            tmp_path / "config", feeds=[("The Ledger", build_site(site))], seeds_dir=REPO / "seeds"
        )
        made = run_piped(["--config", str(config), "run"], cwd=tmp_path)
    assert made.status == 0, made.stderr
    warehouse = config / "data" / "dealwatch.duckdb"

    version = subprocess.run(
        [sys.executable, "-m", "duckdb_cli", "-version"], capture_output=True, text=True, check=True
    )
    assert version.stdout.startswith("v1.5.6"), "the registry's CLI, not the Python package"

    answers = {sql: duckdb_cli(warehouse, sql) for sql in queries}
    deals, figures, contradictions, accepted, _alerts, every_deal = answers.values()
    assert deals[0]["deal_id"] == "meta--scale-ai" and deals[0]["sources"] >= 2
    assert any("14.3" in row["stated"] and row["quote"] for row in figures)
    ages = [row for row in contradictions if row["metric"] == "person_age"]
    assert ages and {ages[0]["a_stated"], ages[0]["b_stated"]} == {"Now 28", "21 years old"}
    assert any(row["deal_id"] == "meta--scale-ai" for row in accepted)
    assert {row["deal_id"] for row in every_deal} == {row["deal_id"] for row in deals}

    # The CLI and `dealwatch sql` give the same rows.
    ours = run_piped(["--config", str(config), "sql", "--json", queries[0]], cwd=tmp_path)
    assert ours.status == 0, ours.stderr
    assert [json.loads(line) for line in ours.stdout.splitlines()] == deals
