"""A run killed (SIGKILL) after its claims are stored but before delivery loses nothing.

The first run is a subprocess whose only channel is a black hole: a TCP server
that accepts the connection and never answers. The moment the run connects to
it, the claims and alerts are committed and delivery is under way; the test
kills the process there. The next run, in this process, delivers every pending
alert exactly once to a working webhook, and a third run sends nothing.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller

from tests.conftest import REPO, write_config
from tests.receivers import Mail, SmtpReceiver, WebhookReceiver
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


ALERT_ID_IN_MAIL = re.compile(r"<code>([0-9a-f]{16})</code>")


def mailed_alert_ids(mails: list[Mail]) -> list[str]:
    """The alert ids each mail carries (one for an alert, several for a digest), in order."""
    return [alert_id for mail in mails for alert_id in ALERT_ID_IN_MAIL.findall(mail.html)]


class _StallingHandler:
    """Accepts ``accept`` mails, then keeps every later one waiting until released."""

    def __init__(self, accept: int) -> None:
        self.accept = accept
        self.messages: list[Mail] = []
        self.stalled = threading.Event()
        self.released = threading.Event()

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802 - aiosmtpd's hook name
        if len(self.messages) >= self.accept:
            self.stalled.set()
            while not self.released.is_set():
                await asyncio.sleep(0.05)
            return "451 try later"
        self.messages.append(
            Mail.parse(envelope.content, envelope.mail_from, list(envelope.rcpt_tos))
        )
        return "250 Message accepted for delivery"


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


def test_killed_between_two_mails_then_the_first_is_not_sent_again(tmp_path, monkeypatch):
    """Each alert's delivery is committed as soon as its channel accepted it.

    The first run's SMTP server accepts one mail and keeps the second waiting;
    the run is killed there. The next run sends only what the first did not.
    """
    from flows.pipeline import monitor

    handler = _StallingHandler(accept=1)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    stalling = Controller(handler, hostname="127.0.0.1", port=port)
    stalling.start()
    try:
        with NewsSite() as site, SmtpReceiver() as smtp:
            config = write_config(tmp_path / "config", feeds=[("The Ledger", build_site(site))])
            warehouse = config / "data" / "dealwatch.duckdb"
            stalling_url = smtp.apprise_url().replace(f":{smtp.port}?", f":{port}?")
            run = subprocess.Popen(
                [sys.executable, "-c", RUN_MONITOR, str(config)],
                env=subprocess_env(tmp_path, stalling_url),
                cwd=tmp_path,
            )
            try:
                assert handler.stalled.wait(timeout=120), "the run never sent a second mail"
                run.send_signal(signal.SIGKILL)
                run.wait(timeout=30)
            finally:
                if run.poll() is None:
                    run.kill()
                handler.released.set()

            first = mailed_alert_ids(handler.messages)
            assert len(first) == 1
            sent = query(warehouse, "SELECT alert_id FROM alert_log WHERE status = 'sent'")
            assert sent == [(first[0],)], "the accepted mail was recorded before the next one"

            monkeypatch.setenv("DEALWATCH_NOTIFY", smtp.apprise_url())
            monitor(config_dir=str(config), backfill_seeds=False)
            alerts = {row[0] for row in query(warehouse, "SELECT alert_id FROM alert_log")}
            second = mailed_alert_ids(smtp.wait_for(len(alerts) - 1))
            assert sorted(first + second) == sorted(alerts), "every alert mailed once in all"
    finally:
        stalling.stop()
