"""The ``dealwatch`` command's entry point, light on purpose.

A run's worker processes are spawned (``flows.workers``), and a spawned process imports the
program's main module again before it takes any work: for the console script, the module it
imports its ``main`` from. Were that ``flows.cli`` (typer, rich, DuckDB, pydantic), every
worker would carry about 50 MB it never uses (an idle worker measured 87 MB against 38 MB);
this module imports the command line only when ``main`` is called.
"""

from __future__ import annotations


def main() -> None:
    from flows.cli import main as run_command_line

    run_command_line()
