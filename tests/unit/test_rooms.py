"""The rooms of DESIGN.md and of tests/: what each package and each test folder may import,
checked on the source."""

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


# The rooms of tests/ (tests/README.md): a unit test needs no database, no flow engine and no
# HTTP client, directly or through the support module it takes a builder from.
UNIT_FORBIDDEN = {"duckdb", "prefect", "prefect_dask", "httpx"}


def support_module(node: ast.ImportFrom) -> list[Path]:
    """The tests/support/ files an ``from tests.support... import ...`` line reads."""
    assert node.module is not None
    parts = node.module.split(".")
    if parts[:2] != ["tests", "support"]:
        return []
    if len(parts) > 2:
        return [REPO.joinpath(*parts).with_suffix(".py")]
    return [REPO / "tests" / "support" / f"{alias.name}.py" for alias in node.names]


def imported_roots_with_support(path: Path, seen: set[Path] | None = None) -> set[str]:
    seen = seen if seen is not None else set()
    seen.add(path)
    roots = imported_roots(path)
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for module in support_module(node):
                if module.exists() and module not in seen:
                    roots |= imported_roots_with_support(module, seen)
    return roots


def test_unit_tests_import_no_database_flow_engine_or_http_client():
    unit = REPO / "tests" / "unit"
    offenders = {
        str(path.relative_to(REPO)): sorted(imported_roots_with_support(path) & UNIT_FORBIDDEN)
        for path in sorted(unit.rglob("*.py"))
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_tests_take_builders_from_support_only():
    """A test module imports no other test module and no conftest: what two tests share
    lives in tests/support/."""
    offenders = {}
    for path in sorted((REPO / "tests").rglob("*.py")):
        if "data" in path.relative_to(REPO / "tests").parts:
            continue
        modules = {
            node.module
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0
        } | {
            alias.name
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(node, ast.Import)
            for alias in node.names
        }
        wrong = sorted(
            m for m in modules if m.startswith("tests") and not m.startswith("tests.support")
        )
        if wrong:
            offenders[str(path.relative_to(REPO))] = wrong
    assert offenders == {}


TEST_FOLDERS = ("unit", "warehouse", "flows", "system")


def test_every_test_module_lives_in_a_folder_of_its_kind():
    """tests/README.md says which folder a test belongs in; none is left at tests/ itself."""
    tests = REPO / "tests"
    homeless = sorted(
        str(path.relative_to(REPO))
        for path in tests.rglob("test_*.py")
        if path.relative_to(tests).parts[0] not in (*TEST_FOLDERS, "data")
    )
    assert homeless == []


# Inside extractors/ (issue 16): reading an article's meaning needs no network and no feed
# format, and fetching needs no reading of meaning; either can change without the other.
ANALYSIS_FORBIDDEN = {"httpx", "requests", "feedparser", "trafilatura", "lxml", "courlan"}


def extractors_imports(path: Path) -> set[str]:
    """The modules of ``extractors`` that a file imports, as dotted names."""
    modules = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            modules.add(node.module)
        elif isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
    return {m for m in modules if m.startswith("extractors")}


def test_analysis_imports_no_http_or_feed_library():
    analysis = REPO / "extractors" / "analysis"
    offenders = {
        str(path.relative_to(REPO)): sorted(
            (imported_roots(path) & ANALYSIS_FORBIDDEN)
            | {m for m in extractors_imports(path) if m.startswith("extractors.fetch")}
        )
        for path in sorted(analysis.rglob("*.py"))
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_fetch_imports_no_analysis():
    fetch = REPO / "extractors" / "fetch"
    offenders = {
        str(path.relative_to(REPO)): sorted(
            m for m in extractors_imports(path) if m.startswith("extractors.analysis")
        )
        for path in sorted(fetch.rglob("*.py"))
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_the_command_s_entry_module_is_light_for_the_workers_it_spawns():
    """The console script's module is what every spawned worker imports again (flows.launch)."""
    import subprocess
    import sys
    import tomllib

    scripts = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert scripts["scripts"]["dealwatch"] == "flows.launch:main"
    heavy = ("duckdb", "typer", "rich", "prefect", "pydantic", "trafilatura", "pyarrow")
    loaded = subprocess.run(
        [
            sys.executable,
            "-c",
            f"import sys, flows.launch; print([m for m in {heavy!r} if m in sys.modules])",
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert loaded == "[]"
    usage = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; sys.argv = ['dealwatch', '--help']; from flows.launch import main; main()",
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert usage.returncode == 0 and "Usage" in usage.stdout, usage.stderr


def _top_level_names_bound_twice(path: Path) -> list[str]:
    """The names a module binds more than once at its top level (a pattern, a constant, a function
    or a class): the later binding silently replaces the earlier one for every reader."""
    seen: dict[str, int] = {}
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign):
            names = [t.id for t in node.targets if isinstance(t, ast.Name)]
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value:
            names = [node.target.id]
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names = [node.name]
        else:
            names = []
        for name in names:
            seen[name] = seen.get(name, 0) + 1
    return sorted(name for name, count in seen.items() if count > 1)


def test_no_module_binds_a_top_level_name_twice():
    """Ruff's F811 sees a function or an import defined again, not a module-level pattern assigned
    again: a second ``_COORDINATED = re.compile(...)`` in relations.py once replaced the first
    for every reading of it. Each top-level name is bound once."""
    offenders = {
        str(path.relative_to(REPO)): twice
        for room in ("extractors", "warehouse", "alerts", "flows", "report", "benchmarks")
        for path in sorted((REPO / room).rglob("*.py"))
        if (twice := _top_level_names_bound_twice(path))
    }
    assert offenders == {}
