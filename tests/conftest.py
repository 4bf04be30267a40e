"""Fixtures for every folder of tests: the Prefect harness and a PostgreSQL server.

Builders and servers are not here: they live in tests/support/ (see tests/README.md)."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest


@pytest.fixture(scope="session")
def prefect_harness() -> Iterator[None]:
    """Prefect's test harness: a temporary local API and database for the whole session."""
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture(scope="session")
def postgres():
    """A PostgreSQL server of the session's own (tests/support/postgres.py), stopped at the end."""
    from tests.support.postgres import start_postgres

    server = start_postgres()
    try:
        yield server
    finally:
        server.stop()
