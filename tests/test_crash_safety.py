"""A run killed (SIGKILL) after its claims are stored but before delivery loses nothing.

The first run is a subprocess whose only channel is a black hole: a TCP server
that accepts the connection and never answers. The moment the run connects to
it, the claims and alerts are committed and delivery is under way; the test
kills the process there. The next run, in this process, delivers every pending
alert exactly once to a working webhook, and a third run sends nothing.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading

import pytest

from tests.conftest import REPO, write_config
from tests.receivers import WebhookReceiver
from tests.site import NewsSite
from tests.test_end_to_end import build_site, query

pytestmark = pytest.mark.usefixtures("prefect_harness")

RUN_MONITOR = "import sys; from flows.pipeline import monitor; monitor(config_dir=sys.argv[1], backfill_seeds=False)"


class BlackHole:
    """Accepts TCP connections and never answers; ``connected`` is set at the first one."""

    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.connected = threading.Event()
        self.held: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def port(self) -> int:
        return int(self.sock.getsockname()[1])

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.held.append(conn)
            self.connected.set()

    def close(self) -> None:
        for conn in self.held:
            conn.close()
        self.sock.close()


def test_killed_between_store_and_delivery_then_every_alert_is_delivered_once(
    tmp_path, monkeypatch
):
    from prefect.settings import PREFECT_API_URL

    from flows.pipeline import monitor

    hole = BlackHole()
    with NewsSite() as site, WebhookReceiver() as hook:
        config = write_config(
            tmp_path / "config",
            feeds=[("The Ledger", build_site(site))],
            extra="\n[alerts]\ndigest_threshold = 1000\nsend_timeout_s = 60\n",
        )
        warehouse = config / "data" / "dealwatch.duckdb"
        env = {
            **os.environ,
            "PREFECT_API_URL": str(PREFECT_API_URL.value()),
            "PREFECT_HOME": str(tmp_path / "prefect-home"),
            "DEALWATCH_NOTIFY": f"json://127.0.0.1:{hole.port}/hook?rto=60",
            "PYTHONPATH": str(REPO),
        }
        run = subprocess.Popen(
            [sys.executable, "-c", RUN_MONITOR, str(config)], env=env, cwd=tmp_path
        )
        try:
            assert hole.connected.wait(timeout=120), "the run never reached delivery"
            run.send_signal(signal.SIGKILL)
            run.wait(timeout=30)
        finally:
            if run.poll() is None:
                run.kill()
            hole.close()

        pending = {
            row[0]
            for row in query(warehouse, "SELECT alert_id FROM alert_log WHERE status = 'pending'")
        }
        assert pending, "the killed run committed its alerts before delivering them"
        assert query(warehouse, "SELECT count(*) FROM articles") == [(4,)]

        monkeypatch.setenv("DEALWATCH_NOTIFY", hook.json_url("/hook"))
        summary = monitor(config_dir=str(config), backfill_seeds=False)
        assert summary["store"]["articles_new"] == 0
        delivered = [
            json.loads(r.json()["message"])["alert_id"] for r in hook.wait_for(len(pending))
        ]
        assert sorted(delivered) == sorted(pending), "every pending alert once, nothing else"
        assert query(warehouse, "SELECT count(*) FROM alert_log WHERE status = 'pending'") == [(0,)]

        monitor(config_dir=str(config), backfill_seeds=False, force_poll=True)
        assert len(hook.requests) == len(pending), "a third run sends nothing"
