"""The rooms of DESIGN.md: what each package may import, checked on the source."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.support.paths import REPO

FORBIDDEN = {
    "extractors": {"prefect", "prefect_dask", "duckdb", "apprise", "warehouse", "alerts", "flows"},
    "warehouse": {"prefect", "prefect_dask", "apprise", "alerts", "flows"},
    "alerts": {"prefect", "prefect_dask", "duckdb", "flows", "report"},
    "report": {"prefect", "prefect_dask", "apprise", "flows"},
}


def imported_roots(path: Path) -> set[str]:
    roots = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


@pytest.mark.parametrize("room", sorted(FORBIDDEN))
def test_room_imports_only_what_it_may(room):
    offenders = {
        str(path.relative_to(REPO)): sorted(imported_roots(path) & FORBIDDEN[room])
        for path in sorted((REPO / room).rglob("*.py"))
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_sql_lives_in_numbered_files():
    migrations = sorted((REPO / "warehouse" / "sql").glob("*.sql"))
    assert migrations, "the schema is kept in .sql files under warehouse/sql/"
    assert all(p.name[:3].isdigit() for p in migrations)
