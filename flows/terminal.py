"""Text from outside made inert before it reaches a terminal, a table or a log line.

Titles, quotes, outlet names, feed names and servers' error messages are
written by strangers. On a terminal they must not style the output (rich
markup such as ``[/bold]``, which also raises ``MarkupError``), move the cursor,
clear the screen (``ESC [2J``), set the window title or plant a link (OSC
sequences), nor reorder what is shown (bidirectional overrides).

Three pieces, one rule:

- ``inert(text)``: escape sequences and control characters removed.
- ``InertConsole``: a rich ``Console`` that never reads markup or emoji codes
  in a string, and passes every string it renders, and every segment it writes,
  through ``inert``. Styling is done with rich's ``Style`` and ``Text`` objects,
  never with markup, so no outside string can be taken for it.
- ``inert_log_records()``: every log record's message made inert when created,
  whatever handler (Prefect's console, its API, a file) writes it.

rich's own ``Text.from_ansi`` is not enough here: it keeps the payload of an OSC
sequence ended by BEL (``0;title`` stays visible), turns an OSC 8 sequence into a
live link, and leaves the 8-bit CSI (``0x9b``) in place; ``rich.control.
strip_control_codes`` keeps ESC itself.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from typing import Any

from rich.console import Console, ConsoleOptions, RenderableType
from rich.segment import Segment
from rich.text import Text

# ECMA-48 escape sequences, in 7-bit and 8-bit forms:
# string commands (OSC, DCS, SOS, PM, APC) run to BEL or ST, or to the next control;
# CSI runs to its final byte; any other escape is ESC, intermediates, a final byte.
_ESCAPE_SEQUENCE = re.compile(
    r"(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"
    r"|\x1b[ -/]*[0-~]?"
)
# What is left to remove: C0 controls but tab and newline, DEL, C1 controls, and the
# invisible characters that reorder or hide text (zero-width, bidirectional overrides).
_CONTROL = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)
_WHITESPACE_RUN = re.compile(r"\s+")


def inert(value: object) -> str:
    """``value`` as text that does nothing on a terminal: no escape sequence, no control character.

    Tabs and newlines stay (a quote may span lines); everything else that a
    terminal would act on rather than show is removed.
    """
    text = "" if value is None else str(value)
    if not _CONTROL.search(text):
        return text
    return _CONTROL.sub("", _ESCAPE_SEQUENCE.sub("", text))


def inert_line(value: object) -> str:
    """``inert`` on one line: every run of whitespace, newlines included, becomes one space."""
    return _WHITESPACE_RUN.sub(" ", inert(value)).strip()


def inert_text(value: object, style: str = "") -> Text:
    """A rich ``Text`` of ``value`` made inert: shown as written, never read as markup."""
    return Text(inert(value), style=style)


class InertConsole(Console):
    """A rich console on which no string can style, move, clear or retitle the terminal.

    Markup and emoji codes are never read (``[red]`` and ``:smile:`` print as
    written); highlighting is off unless asked for. Every string rendered (a
    printed message, a table cell) and every segment written is passed through
    ``inert``; rich's own control segments (a progress bar's cursor moves) are
    left alone, because they carry no outside text.
    """

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("markup", False)
        kwargs.setdefault("emoji", False)
        kwargs.setdefault("highlight", False)
        super().__init__(**kwargs)

    def render_str(self, text: str, **kwargs: Any) -> Text:
        kwargs["markup"] = False
        kwargs["emoji"] = False
        return super().render_str(inert(text), **kwargs)

    def render(
        self, renderable: RenderableType, options: ConsoleOptions | None = None
    ) -> Iterable[Segment]:
        for segment in super().render(renderable, options):
            if segment.control or not _CONTROL.search(segment.text):
                yield segment
            else:
                yield Segment(inert(segment.text), segment.style)


def inert_log_records() -> None:
    """Every log record's message made inert as it is created, once per process.

    A record factory rather than a handler filter: Prefect sets up its own
    handlers (console, API) and may add more; the factory sees every record
    before any of them.
    """
    make_record = logging.getLogRecordFactory()
    if getattr(make_record, "makes_inert_records", False):
        return

    def make_inert_record(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = make_record(*args, **kwargs)
        try:
            message = record.getMessage()
        except (TypeError, ValueError):  # a malformed call: logging reports it when it emits
            return record
        if _CONTROL.search(message):
            record.msg, record.args = inert(message), None
        return record

    make_inert_record.makes_inert_records = True  # type: ignore[attr-defined]
    logging.setLogRecordFactory(make_inert_record)
