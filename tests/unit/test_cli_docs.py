"""Every command and option of ``dealwatch`` is in README.md's Commands section (as sqlite-utils
checks its own documentation): a command added without a word there fails here.

Before: ``dealwatch score`` and ``alerts list --limit`` existed and the README did
not mention them.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import typer

from flows.cli import app
from tests.support.paths import REPO

README = REPO / "README.md"
# Options every command takes: the section must mention them, once, anywhere.
EVERYWHERE = {"--config", "--help", "-c"}


def commands_section() -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index("\n## Commands\n")
    end = text.index("\n## ", start + 1)
    return text[start:end]


def _commands(command: object, path: tuple[str, ...]) -> Iterator[tuple[str, object]]:
    yield " ".join(path), command
    context = typer.Context(command)  # type: ignore[arg-type]
    for name in getattr(command, "list_commands", lambda _ctx: [])(context):
        yield from _commands(command.get_command(context, name), (*path, name))  # type: ignore[attr-defined]


COMMANDS = dict(_commands(typer.main.get_command(app), ("dealwatch",)))


def _options(command: object) -> list[list[str]]:
    """Each option's spellings (``--seeds/--no-seeds`` is one option, either name will do)."""
    return [
        [name for name in (*param.opts, *param.secondary_opts) if name.startswith("--")]
        for param in command.params  # type: ignore[attr-defined]
        if param.param_type_name == "option"
    ]


def _lines_of(path: str) -> list[str]:
    """The README lines that show ``path`` being run (``dealwatch alerts list ...``)."""
    return [
        line.strip()
        for line in commands_section().splitlines()
        if line.strip() == path or line.strip().startswith(path + " ")
    ]


@pytest.mark.parametrize("path", [p for p in COMMANDS if p != "dealwatch"])
def test_every_command_has_a_line_in_the_readme(path):
    assert _lines_of(path), f"README.md's Commands section does not show `{path}`"


@pytest.mark.parametrize("path", list(COMMANDS))
def test_every_option_is_in_the_readme(path):
    section = commands_section()
    lines = " ".join(_lines_of(path))
    for spellings in _options(COMMANDS[path]):
        if EVERYWHERE & set(spellings):
            assert any(s in section for s in spellings), f"{spellings[0]} is not in the README"
        elif path == "dealwatch":  # the top level's own options: anywhere in the section
            assert any(s in section for s in spellings), f"dealwatch {spellings[0]} is undocumented"
        else:
            assert any(s in lines for s in spellings), (
                f"`{path} {spellings[0]}` is not on the README's line for {path}"
            )


def test_the_check_sees_every_command():
    """The walk reaches the nested commands, or the tests above would pass on nothing."""
    assert {"dealwatch run", "dealwatch score", "dealwatch alerts resend"} <= set(COMMANDS)
    assert ["--limit"] in _options(COMMANDS["dealwatch alerts list"])
