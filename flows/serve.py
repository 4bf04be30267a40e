"""``dealwatch serve``: the monitor deployment on its cron schedule, until stopped.

Scheduled runs need a Prefect server (the ephemeral API registers a deployment
but never schedules it). ``serve`` uses the server named by ``PREFECT_API_URL``
or starts ``prefect server start`` on 127.0.0.1 itself, waits for its health
check, prints where its UI is, and stops it again on SIGINT/SIGTERM.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType

import httpx
from rich.console import Console

from flows.settings import Settings

DEFAULT_PORT = 4200
SERVER_START_TIMEOUT_S = 120.0


def _free_port(preferred: int) -> int:
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", preferred))
            return preferred
        except OSError:
            probe.bind(("127.0.0.1", 0))
            return int(probe.getsockname()[1])


def wait_until_healthy(
    api_url: str, timeout_s: float, process: subprocess.Popen[bytes] | None = None
) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(
                f"prefect server exited with code {process.returncode} before it was ready"
            )
        try:
            if httpx.get(f"{api_url}/health", timeout=2.0).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise RuntimeError(
        f"prefect server at {api_url} did not become healthy within {timeout_s:.0f} s"
    )


@contextmanager
def local_prefect_server(console: Console) -> Iterator[str]:
    """Start a Prefect server for the scheduler, logging to data/prefect/server.log."""
    port = _free_port(DEFAULT_PORT)
    api_url = f"http://127.0.0.1:{port}/api"
    log_path = Path(os.environ["PREFECT_HOME"]) / "server.log"
    env = {
        **os.environ,
        "PREFECT_UI_ENABLED": "true",
        "PREFECT_SERVER_API_HOST": "127.0.0.1",
        # (its UI shows each flow run's task runs: the ephemeral API's default is off, runtime.py)
        "PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_ENABLED": "true",
    }
    with log_path.open("ab") as log:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "prefect",
                "server",
                "start",
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
            env=env,
            start_new_session=True,
        )
    try:
        wait_until_healthy(api_url, SERVER_START_TIMEOUT_S, process)
        console.print(f"Prefect server started: UI at http://127.0.0.1:{port}  (log: {log_path})")
        yield api_url
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


def _sigterm_as_sigint(_signum: int, _frame: FrameType | None) -> None:
    """A signal handler (Python passes the signal and the frame): SIGTERM takes SIGINT's path."""
    signal.raise_signal(signal.SIGINT)


def serve_monitor(settings: Settings, console: Console) -> None:
    # A process started in the background by a script inherits SIGINT ignored; SIGTERM
    # is turned into SIGINT, so SIGINT must be live or SIGTERM would do nothing.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, _sigterm_as_sigint)
    api_url = os.environ.get("PREFECT_API_URL")
    try:
        if api_url:
            console.print(f"Using the Prefect API at {api_url}")
            _serve(settings, console)
        else:
            with local_prefect_server(console) as local_url:
                os.environ["PREFECT_API_URL"] = local_url
                _serve(settings, console)
    except KeyboardInterrupt:
        pass
    console.print("dealwatch serve stopped")


def _serve(settings: Settings, console: Console) -> None:
    """Prefect's ``Flow.serve``, with SIGTERM taking SIGINT's path.

    Prefect's runner replaces the SIGTERM handler with one that stops it from
    the wrong thread (an asyncio traceback, then ``sys.exit``); SIGINT cancels
    the runner's loop and shuts it down cleanly, so SIGTERM is turned into it.
    """
    import asyncio

    from prefect.client.schemas.schedules import CronSchedule
    from prefect.runner import Runner

    # flows.deployment reads its settings at import: the task runner must be this config's.
    os.environ["DEALWATCH_CONFIG"] = str(settings.config_dir.resolve())
    from flows.deployment import scheduled_monitor

    class MonitorRunner(Runner):
        def handle_sigterm(self, *_args: object, **_kwargs: object) -> None:  # Runner's signature
            signal.raise_signal(signal.SIGINT)

    schedule = settings.schedule
    console.print(
        f"Serving deployment monitor/{schedule.deployment_name} on cron "
        f"'{schedule.cron}' ({schedule.timezone}); Ctrl-C or SIGTERM stops it."
    )
    runner = MonitorRunner(name=schedule.deployment_name, pause_on_shutdown=False, limit=1)
    runner.add_flow(
        scheduled_monitor,
        name=schedule.deployment_name,
        schedule=CronSchedule(cron=schedule.cron, timezone=schedule.timezone),
        parameters={"config_dir": str(settings.config_dir.resolve())},
        concurrency_limit=1,
    )
    asyncio.run(runner.start())
