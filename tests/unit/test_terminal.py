"""Text from outside is inert on a terminal: shown as written, never read as markup or control codes."""

from __future__ import annotations

import io
import logging
import re
import unicodedata

from hypothesis import given
from hypothesis import strategies as st
from rich.table import Table
from rich.text import Text

from flows.terminal import InertConsole, inert, inert_line, inert_log_records

HOSTILE = [
    "[/bold]",
    "[red]red[/red] [link=http://evil]click[/link] :skull:",
    "clear\x1b[2J\x1b[Hscreen",
    "title \x1b]0;pwned\x07 set",
    "link \x1b]8;;http://evil.example\x1b\\click\x1b]8;;\x1b\\ here",
    "eight-bit \x9b2J CSI and \x9d0;t\x9c OSC",
    "carriage\roverwrite",
    "bidi \u202eevil\u202c and zero\u200bwidth",
]
# What a terminal acts on instead of showing: ESC, BEL, CR, the 8-bit CSI and OSC, bidi overrides.
ACTIONABLE = ("\x1b", "\x07", "\r", "\x9b", "\x9d", "\u202e", "\u200b")


def _printed(*renderables: object, width: int = 100) -> str:
    out = io.StringIO()
    console = InertConsole(file=out, width=width, force_terminal=True, color_system="truecolor")
    for renderable in renderables:
        console.print(renderable)
    return out.getvalue()


def _without_own_styles(output: str) -> str:
    """The output less the colour codes dealwatch itself asked for (SGR: ESC [ ... m)."""
    return re.sub(r"\x1b\[[0-9;]*m", "", output)


def test_escape_sequences_and_controls_are_removed_and_the_words_kept():
    assert inert("clear\x1b[2J\x1b[Hscreen") == "clearscreen"
    assert inert("title \x1b]0;pwned\x07 set") == "title  set"
    assert (
        inert("link \x1b]8;;http://evil.example\x1b\\click\x1b]8;;\x1b\\ here") == "link click here"
    )
    assert inert("eight-bit \x9b2J CSI") == "eight-bit  CSI"
    assert inert("carriage\roverwrite") == "carriageoverwrite"
    assert inert("bidi \u202eevil\u202c") == "bidi evil"
    assert inert("tab\tand\nnewline stay") == "tab\tand\nnewline stay"
    assert inert("[/bold] Zürich — “quoted” 2016") == "[/bold] Zürich — “quoted” 2016"
    assert inert_line("two\nlines\r\n and  more") == "two lines and more"


@given(st.text())
def test_nothing_a_terminal_acts_on_survives(text):
    cleaned = inert(text)
    assert not any(ch in cleaned for ch in ACTIONABLE)
    assert all(ch in "\t\n" or unicodedata.category(ch) != "Cc" for ch in cleaned)


@given(st.text(alphabet=st.characters(categories=["L", "N", "P", "S", "Zs"])))
def test_printable_text_is_left_as_written(text):
    assert inert(text) == text


def test_markup_in_a_cell_or_a_message_prints_as_written():
    table = Table("title")
    for value in HOSTILE:
        table.add_row(value)
    output = _printed(table, "[/bold] a message", Text("[red]a text[/red]"))
    plain = _without_own_styles(output)
    assert "[/bold]" in plain
    assert "[red]red[/red] [link=http://evil]click[/link] :skull:" in plain
    assert "[/bold] a message" in plain and "[red]a text[/red]" in plain


def test_no_control_sequence_from_outside_reaches_the_terminal():
    table = Table("title")
    for value in HOSTILE:
        table.add_row(value)
    # A Text built straight from outside text, bypassing the string path, is cleaned too.
    output = _printed(table, *HOSTILE, Text("raw \x1b[2J text \x1b]0;t\x07"))
    remainder = _without_own_styles(output)
    assert not any(ch in remainder for ch in ACTIONABLE), repr(remainder)
    assert "clearscreen" in remainder and "raw  text" in remainder


def test_log_lines_carry_no_control_sequence(caplog):
    inert_log_records()
    with caplog.at_level(logging.WARNING, logger="dealwatch-test"):
        logging.getLogger("dealwatch-test").warning(
            "feed failed: %s", "bad\x1b[2J\x1b]0;t\x07 feed"
        )
    (record,) = caplog.records
    assert record.getMessage() == "feed failed: bad feed"
