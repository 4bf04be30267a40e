"""A progress bar for long runs: the pipeline reports how far it is, the CLI decides whether to show it.

The pipeline calls ``report_progress(stage, done, total)`` as batches finish; it
costs nothing when no bar is shown (a scheduled run, ``--json``, output that is
not a terminal). The CLI wraps a run in ``progress_bar(console, enabled=...)``,
which shows rich's bar on that console (stderr) only when it is a terminal.
The flow runs in the CLI's process (its tasks in threads, or on Dask workers
whose results come back to the flow), so a module-level bar is reachable from
every place that reports.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, TextIO

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)


@dataclass
class _ShownBar:
    progress: Progress
    tasks: dict[str, TaskID] = field(default_factory=dict)


_lock = threading.Lock()
_shown: list[_ShownBar] = []  # the bar on screen, if any (at most one)


def report_progress(stage: str, done: int, total: int) -> None:
    """``done`` of ``total`` units of ``stage`` are finished; shown if a bar is up, else nothing."""
    if total <= 0:
        return
    with _lock:
        if not _shown:
            return
        shown = _shown[0]
        task = shown.tasks.get(stage)
        if task is None:
            task = shown.tasks[stage] = shown.progress.add_task(stage, total=total)
    shown.progress.update(task, completed=min(done, total), total=total)


@contextmanager
def progress_bar(console: Console, *, enabled: bool = True) -> Iterator[None]:
    """A bar on ``console`` for whatever the pipeline reports inside the block.

    Nothing is shown unless ``enabled`` and ``console`` is a terminal; the bar is
    removed when the block ends, so the run's summary follows a clean screen.
    """
    if not enabled or not console.is_terminal:
        yield
        return
    progress = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
        # What the run prints on stdout shows above the bar when both are on the terminal; when
        # stdout goes to a file or a pipe it must stay there.
        redirect_stdout=sys.stdout.isatty(),
    )
    terminal = sys.stderr
    with progress, _log_lines_above_the_bar(console, terminal):
        with _lock:
            _shown[:] = [_ShownBar(progress)]
        try:
            yield
        finally:
            with _lock:
                _shown.clear()


def _stream_handlers() -> set[logging.StreamHandler[Any]]:
    loggers = [logging.getLogger(), *logging.Logger.manager.loggerDict.values()]
    return {
        handler
        for logger in loggers
        if isinstance(logger, logging.Logger)
        for handler in logger.handlers
        if isinstance(handler, logging.StreamHandler)
    }


@contextmanager
def _log_lines_above_the_bar(bar_console: Console, terminal: TextIO) -> Iterator[None]:
    """Log handlers writing to the terminal print through the bar's console meanwhile.

    rich prints above a live bar what goes through the bar's console (and what
    is written to ``sys.stderr``, which it proxies), but Prefect's console handler
    holds the stream it was given at start, and a rich console of its own that
    sees through the proxy: its lines would land on the bar's line. Its console
    is swapped for the bar's, a plain handler's stream for the proxy, and both
    are given back after.
    """
    proxy = sys.stderr
    moved: list[tuple[logging.StreamHandler[Any], Any]] = []
    for handler in _stream_handlers():
        console = getattr(handler, "console", None)
        if isinstance(console, Console) and console.file is terminal:
            handler.console = bar_console  # type: ignore[attr-defined]
            moved.append((handler, console))
        elif handler.stream is terminal and proxy is not terminal:
            handler.setStream(proxy)
            moved.append((handler, None))
    try:
        yield
    finally:
        for handler, console in moved:
            if console is not None:
                handler.console = console  # type: ignore[attr-defined]
            else:
                handler.setStream(terminal)
