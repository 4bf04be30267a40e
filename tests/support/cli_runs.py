"""``dealwatch`` commands run as a user runs them: a subprocess, its output and exit status.

    run = Dealwatch(["run", "--no-seeds", "--config", str(config)], env).start()
    run.wait_for("Task run 'fetch-extract-analyse-")
    run.signal(signal.SIGTERM)
    assert run.finish() == 143

The command uses the test session's Prefect API (``PREFECT_API_URL``), so it
starts in seconds. ``unprivileged=True`` makes file permissions bind the command
when the tests run as root, who may otherwise read and write anything: the
command runs without the capabilities that override them (``setpriv``), so a
read-only folder or an unreadable file is what it is for it, as for any user.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from tests.support.paths import REPO

# The command line exactly as the `dealwatch` script starts it; `before` runs first (a
# resource limit, a failure injected into the warehouse).
CLI = "import sys\n{before}\nfrom flows.cli import main\nsys.argv[0] = 'dealwatch'\nmain()\n"


def cli_env(prefect_home: Path, **extra: str) -> dict[str, str]:
    """The environment of a command: this repository's code and the session's Prefect API."""
    from prefect.settings import PREFECT_API_URL

    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("DEALWATCH_")},
        "PREFECT_API_URL": str(PREFECT_API_URL.value()),
        "PREFECT_HOME": str(prefect_home),
        "PYTHONPATH": str(REPO),
        "PYTHONUNBUFFERED": "1",
        "PREFECT_LOGGING_TO_API_WHEN_MISSING_FLOW": "ignore",
    }
    env.update(extra)
    return env


def is_root() -> bool:
    return os.geteuid() == 0


# What lets root read and write past file permissions; a command run without them is bound by
# them like any user's.
PERMISSION_OVERRIDES = "-dac_override,-dac_read_search"


def bound_by_permissions() -> list[str]:
    """The prefix that runs a command bound by file permissions ([] when they bind it anyway)."""
    if not is_root():
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: file permissions cannot bind the command")
    return [setpriv, f"--bounding-set={PERMISSION_OVERRIDES}", "--"]


class Dealwatch:
    """``dealwatch ARGS`` in a subprocess; each output line kept with the moment it came."""

    def __init__(
        self,
        args: Sequence[str],
        env: dict[str, str],
        *,
        cwd: Path | None = None,
        before: str = "",
        unprivileged: bool = False,
    ) -> None:
        self.args = list(args)
        self.env = env
        self.cwd = cwd
        self.code = CLI.format(before=before)
        self.prefix = bound_by_permissions() if unprivileged else []
        self.lines: list[tuple[float, str]] = []
        self.process: subprocess.Popen[str] | None = None
        self.signalled_at: float | None = None
        self.ended_at: float | None = None
        self._threads: list[threading.Thread] = []

    def start(self) -> Dealwatch:
        self.process = subprocess.Popen(
            [*self.prefix, sys.executable, "-c", self.code, *self.args],
            env=self.env,
            cwd=self.cwd,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for target in (self._read, self._wait):
            thread = threading.Thread(target=target, daemon=True)
            thread.start()
            self._threads.append(thread)
        return self

    def _read(self) -> None:
        assert self.process is not None and self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.append((time.monotonic(), line.rstrip("\n")))

    def _wait(self) -> None:
        assert self.process is not None
        self.process.wait()
        self.ended_at = time.monotonic()

    @property
    def output(self) -> str:
        return "\n".join(text for _, text in list(self.lines))

    def wait_until(self, condition: Callable[[], bool], timeout_s: float = 120) -> None:
        assert self.process is not None
        deadline = time.monotonic() + timeout_s
        while not condition():
            assert self.process.poll() is None, f"the command ended first:\n{self.output}"
            assert time.monotonic() < deadline, f"not seen within {timeout_s} s:\n{self.output}"
            time.sleep(0.05)

    def wait_for(self, marker: str, count: int = 1, timeout_s: float = 120) -> None:
        """Until ``marker`` has appeared in ``count`` lines of the output."""
        self.wait_until(
            lambda: sum(marker in text for _, text in list(self.lines)) >= count, timeout_s
        )

    def signal(self, signum: int) -> None:
        assert self.process is not None
        self.signalled_at = time.monotonic()
        self.process.send_signal(signum)

    def finish(self, timeout_s: float = 180) -> int:
        """The exit status; past the timeout the command is killed and the test fails."""
        assert self.process is not None
        try:
            code = self.process.wait(timeout=timeout_s)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            raise AssertionError(f"still running after {timeout_s} s:\n{self.output}") from None
        for thread in self._threads:
            thread.join(timeout=10)
        return code

    def run(self, timeout_s: float = 180) -> int:
        return self.start().finish(timeout_s)

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def seconds_from_signal_to_end(self) -> float:
        assert self.signalled_at is not None and self.ended_at is not None
        return self.ended_at - self.signalled_at

    def lines_with(self, marker: str) -> list[str]:
        return [text for _, text in list(self.lines) if marker in text]
