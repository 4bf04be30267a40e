"""The ``monitor`` flow in a child process, imported and waiting for ``go()``; its output
lines timed, so a test can kill it at a chosen stage (crash safety) or hold it (readers)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

from tests.support.paths import REPO


def subprocess_env(tmp_path: Path, notify: str) -> dict[str, str]:
    from prefect.settings import PREFECT_API_URL

    return {
        **os.environ,
        "PREFECT_API_URL": str(PREFECT_API_URL.value()),
        "PREFECT_HOME": str(tmp_path / "prefect-home"),
        "DEALWATCH_NOTIFY": notify,
        "PYTHONPATH": str(REPO),
        "PYTHONUNBUFFERED": "1",
    }


GO_MONITOR = """
import json, sys
from flows.pipeline import monitor
print("ready", flush=True)
sys.stdin.readline()
summary = monitor(config_dir=sys.argv[1], backfill_seeds=False, force_poll=True)
print("summary", json.dumps(summary, default=str), flush=True)
print("done", flush=True)
"""


# What a run's output shows it has finished, in order, and the stage that comes next.
MILESTONES = (
    ("Beginning flow run", "poll"),
    ("Task run 'poll-feeds-", "fetch and analyse"),
    ("Task run 'fetch-extract-analyse-", "store"),
    ("Task run 'store-", "delivery"),
    ("Task run 'deliver-alerts-", "finish"),
    ("done", "after the run"),
)


STAGES = ("start", *(stage for _, stage in MILESTONES[:-1]))


class MonitorProcess:
    """``monitor`` in a subprocess, imported and waiting for ``go()``; its output lines are timed."""

    def __init__(self, config: Path, env: dict[str, str], cwd: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", GO_MONITOR, str(config)],
            env=env,
            cwd=cwd,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.lines: list[tuple[float, str]] = []
        self.ready = threading.Event()
        self.started = 0.0
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.append((time.monotonic(), line.rstrip()))
            if line.strip() == "ready":
                self.ready.set()

    def go(self) -> None:
        assert self.ready.wait(timeout=120), "\n".join(text for _, text in self.lines)
        self.started = time.monotonic()
        assert self.process.stdin is not None
        self.process.stdin.write("go\n")
        self.process.stdin.flush()

    def kill_after(self, delay_s: float) -> None:
        try:
            self.process.wait(timeout=delay_s)
        except subprocess.TimeoutExpired:
            self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=30)
        self.reader.join(timeout=10)

    def wait_for(self, marker: str) -> None:
        """Until the run prints ``marker`` (or ends); the kill is timed from there."""
        self.wait_until(lambda: any(marker in text for _, text in self.lines))

    def wait_until(self, condition: Callable[[], bool], timeout_s: float = 60) -> None:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline and self.process.poll() is None and not condition():
            time.sleep(0.002)

    def finish(self) -> None:
        assert self.process.wait(timeout=120) == 0, "\n".join(text for _, text in self.lines)
        self.reader.join(timeout=10)

    def milestones(self) -> dict[str, float]:
        """Seconds after ``go()`` at which each milestone's line was printed."""
        seen: dict[str, float] = {}
        for at, text in self.lines:
            for marker, stage in MILESTONES:
                done = text.strip() == "done" if marker == "done" else marker in text
                if done and at >= self.started:
                    seen[stage] = at - self.started
        return seen

    def stage_killed(self) -> str:
        seen = self.milestones()
        return next((stage for _, stage in reversed(MILESTONES) if stage in seen), "start")
