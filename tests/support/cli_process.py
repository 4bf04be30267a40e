"""``dealwatch`` in a child process, as a user runs it: with pipes, or on a pseudo-terminal.

The child uses the Prefect API of the test session's harness (no second
server to start) and this checkout's code.
"""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from tests.support.paths import REPO

DEALWATCH = "import sys; from flows.cli import main; sys.argv[0] = 'dealwatch'; main()"


@dataclass(frozen=True)
class Finished:
    status: int
    stdout: str
    stderr: str


def _environment(extra: dict[str, str] | None) -> dict[str, str]:
    from prefect.settings import PREFECT_API_URL

    env = {k: v for k, v in os.environ.items() if not k.startswith("DEALWATCH_")}
    env["PYTHONPATH"] = str(REPO)
    env["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
    api_url = PREFECT_API_URL.value()
    if api_url:
        env["PREFECT_API_URL"] = api_url
    env.update(extra or {})
    return env


def run_piped(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> Finished:
    """The command with stdout and stderr as pipes (not a terminal), each kept apart."""
    done = subprocess.run(
        [sys.executable, "-c", DEALWATCH, *args],
        cwd=cwd,
        env=_environment(env),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    return Finished(done.returncode, done.stdout, done.stderr)


def run_on_terminal(
    args: list[str],
    cwd: Path,
    *,
    columns: int = 80,
    env: dict[str, str] | None = None,
    stdout_to_terminal: bool = True,
) -> Finished:
    """The command with stderr, and stdout unless told otherwise, on a pseudo-terminal ``columns`` wide.

    What the child wrote to each is returned as written, control codes included.
    """
    streams = {
        "stdout": pty.openpty() if stdout_to_terminal else os.pipe(),
        "stderr": pty.openpty(),
    }
    environment = _environment({"COLUMNS": str(columns), "LINES": "40", **(env or {})})
    process = subprocess.Popen(
        [sys.executable, "-c", DEALWATCH, *args],
        cwd=cwd,
        env=environment,
        stdin=subprocess.DEVNULL,
        stdout=streams["stdout"][1],
        stderr=streams["stderr"][1],
    )
    for _, child_end in streams.values():
        os.close(child_end)
    readers = {parent_end: name for name, (parent_end, _) in streams.items()}
    received: dict[str, bytearray] = {"stdout": bytearray(), "stderr": bytearray()}
    deadline = time.monotonic() + 300
    while readers and time.monotonic() < deadline:
        ready, _, _ = select.select(list(readers), [], [], 1.0)
        for fd in ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:  # the child closed its end: Linux reports EIO on a pty
                chunk = b""
            if chunk:
                received[readers[fd]].extend(chunk)
            else:
                os.close(fd)
                del readers[fd]
    status = process.wait(timeout=max(1.0, deadline - time.monotonic()))
    for fd in readers:
        os.close(fd)
    return Finished(
        status,
        received["stdout"].decode("utf-8", "replace"),
        received["stderr"].decode("utf-8", "replace"),
    )
