"""``dealwatch serve``: the monitor deployment with the config's cron, served until SIGINT/SIGTERM.

``serve`` runs as a user starts it, a subprocess with a config folder, against
the test session's Prefect API (PREFECT_API_URL). The deployment and its
schedule are read back through the Prefect API; a run of the deployment is
created through the API and must be executed by the served process. Without
PREFECT_API_URL, serve starts a local Prefect server, says where its UI is, and
that server's scheduler starts the cron's runs, which the served process runs.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

from tests.support.config import write_config
from tests.support.paths import REPO
from tests.support.reads import query
from tests.support.site import NewsSite
from tests.support.stories import deal_pages, publish_pages

pytestmark = [pytest.mark.usefixtures("prefect_harness"), pytest.mark.slow]

DEALWATCH = "import sys; from flows.cli import main; sys.argv[0] = 'dealwatch'; main()"
CRON = "*/5 * * * *"
STOPPED = "dealwatch serve stopped"


def _as_background_job() -> None:
    """What a shell without job control gives a command run with ``&`` (or nohup): SIGINT ignored."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


class Serve:
    """``dealwatch serve --config DIR`` in a subprocess; its output is collected line by line.

    It starts with SIGINT ignored, as when a script starts it in the background:
    SIGTERM and SIGINT must stop it all the same.
    """

    def __init__(self, config: Path, env: dict[str, str], cwd: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", DEALWATCH, "serve", "--config", str(config)],
            env=env,
            cwd=cwd,
            preexec_fn=_as_background_job,  # noqa: PLW1509 - no threads to race in the child yet
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.lines: list[str] = []
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.append(line.rstrip())

    @property
    def output(self) -> str:
        return "\n".join(self.lines)

    def wait_for(self, pattern: str, timeout_s: float = 120) -> re.Match[str]:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            match = re.search(pattern, self.output)
            if match:
                return match
            assert self.process.poll() is None, f"serve exited early:\n{self.output}"
            time.sleep(0.1)
        raise AssertionError(f"no {pattern!r} within {timeout_s:g} s:\n{self.output}")

    def stop(self, signum: int, timeout_s: float = 30) -> int:
        self.process.send_signal(signum)
        try:
            code = self.process.wait(timeout=timeout_s)
        finally:
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait()
        self.reader.join(timeout=10)
        return code


def serve_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {
        **os.environ,
        "PREFECT_HOME": str(tmp_path / "prefect-home"),
        "PYTHONPATH": str(REPO),
        "PYTHONUNBUFFERED": "1",
        # The served runner looks for runs to start every second instead of every ten.
        "PREFECT_RUNNER_POLL_FREQUENCY": "1",
        **extra,
    }
    env.pop("DEALWATCH_NOTIFY", None)
    return env


def serve_config(tmp_path: Path, site: NewsSite, name: str, cron: str = CRON) -> Path:
    return write_config(
        tmp_path / "config",
        feeds=[("The Ledger", publish_pages(site, deal_pages(0)))],
        extra=f'\n[schedule]\ncron = "{cron}"\ntimezone = "Europe/Paris"\ndeployment_name = "{name}"\n',
    )


def read_deployment(name: str, timeout_s: float = 60):
    from prefect.client.orchestration import get_client
    from prefect.exceptions import ObjectNotFound

    deadline = time.monotonic() + timeout_s
    with get_client(sync_client=True) as client:
        while True:
            try:
                return client.read_deployment_by_name(f"monitor/{name}")
            except ObjectNotFound:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.5)


def run_deployment_now(deployment_id, timeout_s: float = 120):
    """A run created through the API; the served process must pick it up and finish it."""
    from prefect.client.orchestration import get_client

    with get_client(sync_client=True) as client:
        run = client.create_flow_run_from_deployment(deployment_id)
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            run = client.read_flow_run(run.id)
            if run.state is not None and run.state.is_final():
                return run
            time.sleep(0.5)
    raise AssertionError(f"flow run {run.id} still {run.state} after {timeout_s:g} s")


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_serve_registers_the_deployment_with_the_config_cron_runs_it_and_stops_cleanly(
    tmp_path, signum
):
    from prefect.settings import PREFECT_API_URL

    name = f"monitor-{signal.Signals(signum).name.lower()}"
    with NewsSite() as site:
        config = serve_config(tmp_path, site, name)
        api = str(PREFECT_API_URL.value())
        serve = Serve(config, serve_env(tmp_path, PREFECT_API_URL=api), tmp_path)
        try:
            serve.wait_for(re.escape(f"Using the Prefect API at {api}"))
            serve.wait_for(re.escape(f"Serving deployment monitor/{name} on cron '{CRON}'"))
            deployment = read_deployment(name)
            assert [s.schedule.cron for s in deployment.schedules] == [CRON]
            assert [s.schedule.timezone for s in deployment.schedules] == ["Europe/Paris"]
            assert all(s.active for s in deployment.schedules)
            assert deployment.parameters == {"config_dir": str(config.resolve())}

            if signum == signal.SIGTERM:
                run = run_deployment_now(deployment.id)
                assert run.state is not None and run.state.is_completed(), serve.output
                stored = query(
                    config / "data" / "dealwatch.duckdb", "SELECT count(*) FROM articles"
                )
                assert stored == [(2,)], "the served run stored the feed's articles"
        finally:
            code = serve.stop(signum)
        assert code == 0, serve.output
        assert STOPPED in serve.output, serve.output
        assert "Traceback" not in serve.output, serve.output


def read_deployment_from(api: str, name: str, timeout_s: float = 60) -> dict:
    deadline = time.monotonic() + timeout_s
    while True:
        answer = httpx.get(f"{api}/deployments/name/monitor/{name}", timeout=10)
        if answer.status_code != 404 or time.monotonic() > deadline:
            answer.raise_for_status()
            return answer.json()
        time.sleep(0.5)


def completed_runs(api: str, deployment_id: str) -> list[dict]:
    answer = httpx.post(
        f"{api}/flow_runs/filter",
        json={
            "deployments": {"id": {"any_": [deployment_id]}},
            "flow_runs": {"state": {"type": {"any_": ["COMPLETED"]}}},
        },
        timeout=10,
    )
    answer.raise_for_status()
    return answer.json()


def test_serve_without_an_api_starts_a_local_server_whose_scheduler_runs_the_deployment(
    tmp_path,
):
    """The local server's scheduler creates the cron's runs and the served process runs them.

    Cron is every minute and the scheduler looks every 5 s instead of 60, so a
    scheduled run starts at the next minute boundary.
    """
    with NewsSite() as site:
        config = serve_config(tmp_path, site, "monitor-local", cron="* * * * *")
        env = serve_env(tmp_path, PREFECT_SERVER_SERVICES_SCHEDULER_LOOP_SECONDS="5")
        env.pop("PREFECT_API_URL", None)
        serve = Serve(config, env, tmp_path)
        try:
            ui = serve.wait_for(r"Prefect server started: UI at (http://127\.0\.0\.1:\d+)").group(1)
            api = f"{ui}/api"
            assert httpx.get(f"{api}/health", timeout=10).status_code == 200
            serve.wait_for(
                re.escape("Serving deployment monitor/monitor-local on cron '* * * * *'")
            )
            deployment = read_deployment_from(api, "monitor-local")
            assert [s["schedule"]["cron"] for s in deployment["schedules"]] == ["* * * * *"]

            deadline = time.monotonic() + 150
            while not completed_runs(api, deployment["id"]) and time.monotonic() < deadline:
                time.sleep(1)
            runs = completed_runs(api, deployment["id"])
            assert runs and runs[0]["auto_scheduled"], serve.output
            stored = query(config / "data" / "dealwatch.duckdb", "SELECT count(*) FROM articles")
            assert stored == [(2,)], "the scheduled run stored the feed's articles"
        finally:
            code = serve.stop(signal.SIGTERM)
        assert code == 0, serve.output
        assert STOPPED in serve.output, serve.output
        with pytest.raises(httpx.ConnectError):
            httpx.get(f"{api}/health", timeout=5)
