"""Process set-up that must happen before Prefect is imported.

Prefect reads its settings at import time, so the CLI calls ``prepare_prefect``
first: ``PREFECT_HOME`` inside the project's data folder (a one-off run leaves
nothing in the user's home), analytics off, and an ephemeral API start-up
timeout that tolerates a slow first start (the ephemeral server migrates its
SQLite database on first use: ~13 s measured here).
"""

from __future__ import annotations

import contextlib
import contextvars
import logging
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

CORE_LOGGERS = "extractors,warehouse,alerts,flows"
STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)


def prepare_prefect(data_dir: Path) -> None:
    os.environ.setdefault("PREFECT_HOME", str((data_dir / "prefect").resolve()))
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
    os.environ.setdefault("PREFECT_LOGGING_EXTRA_LOGGERS", CORE_LOGGERS)
    os.environ.setdefault("PREFECT_UI_ENABLED", "false")
    # The API a run starts for itself keeps its flow runs, not a record of every task run: its
    # task-run recorder turns each task's events into rows, about 15 ms of the server's CPU a
    # task (240 tasks: 4.7 s against 1.2 s without it), on a cold run bound by two busy cores.
    # The scheduler's server (``dealwatch serve``) records them, for its UI.
    os.environ.setdefault("PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_ENABLED", "false")
    Path(os.environ["PREFECT_HOME"]).mkdir(parents=True, exist_ok=True)


@contextmanager
def api_for_workers(task_runner: str) -> Iterator[None]:
    """One Prefect API that Dask worker processes can reach, for a run without a server.

    Prefect's ephemeral API lives inside the process that starts it: each Dask
    worker process would start its own (seconds each, and task runs recorded
    in as many databases). A run on Dask with no ``PREFECT_API_URL`` starts one
    local server first and hands its address to the flow and the workers.
    """
    if task_runner != "dask" or os.environ.get("PREFECT_API_URL"):
        yield
        return
    with local_api():
        yield


@contextmanager
def local_api() -> Iterator[None]:
    """A local Prefect server for the block, its address in ``PREFECT_API_URL`` for every
    process started meanwhile."""
    from prefect.server.api.server import SubprocessASGIServer
    from prefect.settings import PREFECT_API_URL, temporary_settings

    server = SubprocessASGIServer()
    server.start(timeout=int(os.environ["PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS"]))
    os.environ["PREFECT_API_URL"] = server.api_url
    try:
        with temporary_settings(updates={PREFECT_API_URL: server.api_url}):
            yield
    finally:
        from prefect.logging.handlers import APILogWorker

        APILogWorker.drain_all(timeout=5)
        os.environ.pop("PREFECT_API_URL", None)
        server.stop()


# --- how a run ends: exit statuses ------------------------------------------------
#
# 0 stored; 1 an unexpected error (a traceback); 2 a user's mistake (one line);
# 3 the warehouse could not be written (busy past write_timeout_s, or unwritable): what was
#   analysed is in the spool and the next run stores it;
# 4 another run holds this warehouse's lock: nothing was done;
# 128 + the signal's number (130 SIGINT, 143 SIGTERM): stopped, what was analysed spooled.
EXIT_OK = 0
EXIT_USAGE = 2
EXIT_NOT_STORED = 3
EXIT_LOCKED = 4
EXIT_SIGNALLED = 128


def exit_status(summary: dict[str, Any]) -> int:
    """The exit status of ``dealwatch run`` or ``backfill`` for the flow's summary."""
    if "stopped" in summary:
        return EXIT_SIGNALLED + int(summary["stopped"]["signal"])
    if "skipped" in summary:
        return EXIT_LOCKED
    # The run's store step stores whatever is pending, the seeds' batch included: its answer
    # is the one that counts.
    if "not_stored" in summary.get("store", {}):
        return EXIT_NOT_STORED
    if summary.get("nothing_read"):
        return EXIT_USAGE
    return EXIT_OK


# --- stopping on SIGTERM and SIGINT -----------------------------------------------

# From the signal to the end of the process, at most (the promise is 10 s).
STOP_DEADLINE_S = 8.0
# Once what was analysed is spooled, how long the run may take to end in order (Prefect
# records its state, worker threads finish) before the process ends regardless.
STOP_AFTER_SAFE_S = 1.0
# How often a waiting run looks whether it was asked to stop.
STOP_POLL_S = 0.2

log = logging.getLogger(__name__)


class StopRequest:
    """Whether this process was asked to stop, by which signal, and whether stopping is safe now.

    A run checks ``requested`` where it can stop cleanly: between feeds, batches and
    chunks of analysis, and before it stores or sends; there it spools what it
    analysed and calls ``mark_safe``. Everything after that is safe to cut
    short: the spool is written before every store (flows.spool), a DuckDB
    commit is atomic, and the outbox is at-least-once, as
    tests/flows/test_crash_safety.py shows with SIGKILL. So the process ends at most
    ``STOP_DEADLINE_S`` after the signal, even while a worker thread still
    waits on a slow server (Python cannot interrupt it, and would wait for it at
    exit), but never in the middle of writing the spool.
    """

    def __init__(self) -> None:
        self._event = threading.Event()
        self._safe = threading.Event()
        self._hurry = threading.Event()
        self._critical = threading.Lock()
        self.signum: int | None = None
        self.received_at = 0.0

    @property
    def requested(self) -> bool:
        return self._event.is_set()

    @property
    def signal_name(self) -> str:
        return signal.Signals(self.signum).name if self.signum else "a stop request"

    def request(self, signum: int) -> None:
        if self.signum is None:
            self.signum = signum
            self.received_at = time.monotonic()
        self._event.set()

    def wait(self, timeout_s: float) -> bool:
        """Sleep up to ``timeout_s``, waking at once if a stop is requested; True if it was."""
        return self._event.wait(timeout_s)

    def mark_safe(self) -> None:
        """What the run analysed is spooled: nothing is lost if the process ends now."""
        self._safe.set()

    def hurry(self) -> None:
        """End the process now (a second signal)."""
        self._hurry.set()

    @contextmanager
    def critical(self) -> Iterator[None]:
        """A step the process must not be ended in the middle of (writing the spool)."""
        with self._critical:
            yield

    def reset(self) -> None:
        for event in (self._event, self._safe, self._hurry):
            event.clear()
        self.signum = None

    def _end_process(self) -> None:
        """At the deadline, or soon after the run is safe, end the process, children first.

        Runs in a thread of its own, started by the signal handler: logging from the handler
        itself could interleave with a line the main thread was writing.
        """
        log.warning(
            "%s received: stopping; what was analysed is kept in the spool for the next run",
            self.signal_name,
        )
        deadline = self.received_at + STOP_DEADLINE_S
        while not self._hurry.is_set():
            now = time.monotonic()
            if self._safe.is_set():
                deadline = min(deadline, now + STOP_AFTER_SAFE_S)
                self._safe.clear()
            if now >= deadline:
                break
            self._hurry.wait(min(STOP_POLL_S, deadline - now))
        # Never in the middle of a spool write: one under way gets up to a second more.
        self._critical.acquire(timeout=1.0)
        last_word(f"{self.signal_name}: ending the process now")
        _end_children()
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(Exception):  # a closed or broken stream: nothing to flush
                stream.flush()
        os._exit(EXIT_SIGNALLED + (self.signum or signal.SIGTERM))


STOP = StopRequest()


def last_word(message: str) -> None:
    """A stop's last line, a moment before ``os._exit``. Once the main thread has ended, the
    interpreter is shutting down and Prefect's API log handler can no longer start its sender
    (its error went through logging's error handler as a traceback): the line then goes to
    stderr as it is; and a handler that fails on it prints nothing, the process ending anyway."""
    logging.raiseExceptions = False
    if threading.main_thread().is_alive():
        log.warning(message)
    else:
        print(message, file=sys.stderr, flush=True)


def _end_children() -> None:
    """Worker processes and a temporary Prefect server would outlive ``os._exit``: end them."""
    for child in multiprocessing.active_children():
        child.terminate()
    try:
        from prefect.server.api.server import SubprocessASGIServer
    except ImportError:  # no Prefect in this process: no server of ours to stop
        return
    # Prefect stops its temporary server at exit (atexit); os._exit skips that, so do it here.
    for server in list(SubprocessASGIServer._instances.values()):
        process = server.server_process
        if process is not None and process.poll() is None:
            process.terminate()


@contextmanager
def stop_on_signals(stop: StopRequest = STOP) -> Iterator[StopRequest]:
    """SIGTERM and SIGINT ask the run to stop (see :class:`StopRequest`); a second one ends it now.

    Signals reach only the main thread: elsewhere (a flow run in a worker thread) this does
    nothing, and the signals keep their handlers.
    """
    if threading.current_thread() is not threading.main_thread():
        yield stop
        return
    stop.reset()

    def on_signal(signum: int, _frame: Any) -> None:  # a signal handler's fixed signature
        if stop.requested:
            stop.hurry()
            return
        stop.request(signum)
        # The run's context goes with the thread, so its lines are the flow run's lines.
        context = contextvars.copy_context()
        threading.Thread(
            target=context.run, args=(stop._end_process,), name="dealwatch-stop", daemon=True
        ).start()

    previous = {signum: signal.signal(signum, on_signal) for signum in STOP_SIGNALS}
    try:
        yield stop
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
