"""Local receivers for delivery tests: an SMTP server and an HTTP webhook, both on 127.0.0.1.

Nothing leaves the machine. Both bind port 0 (the OS picks a free port), record
what they receive, and can be told to fail, and to go down and come back on the
same port.

SMTP (aiosmtpd)::

    with SmtpReceiver() as smtp:
        url = smtp.apprise_url(to="team@example.org")   # mailto://127.0.0.1:PORT?...
        ...deliver...
        mails = smtp.wait_for(1)          # waits (bounded) for 1 mail; returns what arrived, never raises
        mail = smtp.messages[0]           # Mail: .subject .text .html .sender .recipients .message
        smtp.subjects()                   # ["[dealwatch] ...", ...]
        smtp.fail_with = "451 try later"  # every DATA refused with that reply (None: accept)
        smtp.stop(); smtp.start()         # down, then up again on the same port

Webhook (http.server, threaded)::

    with WebhookReceiver() as hook:
        hook.url("/alerts")               # "http://127.0.0.1:PORT/alerts"
        hook.json_url("/alerts")          # apprise "json://127.0.0.1:PORT/alerts"
        hook.respond(429, headers={"Retry-After": "1"}, times=1)   # next answers, in order
        hook.respond(500, times=2)
        ...deliver...
        hook.wait_for(1)                  # like SmtpReceiver.wait_for: bounded, never raises
        hook.requests[0].json()           # the decoded JSON body; also .path .headers .body .status
        hook.stop(); hook.start()         # connection refused while down; same port after

Unscripted requests answer 200 with ``ok`` (what Slack's webhook answers).
Each ``Received.status`` is the status the receiver answered with.
"""

from __future__ import annotations

import email
import email.policy
import json
import re
import socket
import threading
import time
from collections import deque
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass, field
from email.message import EmailMessage
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from aiosmtpd.controller import Controller

HOST = "127.0.0.1"
# Waiting for something that should arrive in milliseconds; generous for slow CI machines.
WAIT_S = 10.0


def _free_port() -> int:
    with closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def _wait(predicate: Any, timeout_s: float) -> None:
    deadline = time.monotonic() + timeout_s
    while not predicate() and time.monotonic() < deadline:
        time.sleep(0.01)


@dataclass(frozen=True)
class Mail:
    """One e-mail as received: its subject and its plain-text and HTML parts."""

    subject: str
    text: str
    html: str
    sender: str
    recipients: tuple[str, ...]
    message: EmailMessage = field(repr=False, compare=False)

    @classmethod
    def parse(cls, raw: bytes, sender: str, recipients: list[str]) -> Mail:
        message = email.message_from_bytes(raw, policy=email.policy.default)
        assert isinstance(message, EmailMessage)
        parts: dict[str, str] = {}
        for part in message.walk():
            if part.get_content_maintype() == "text":
                parts.setdefault(part.get_content_type(), str(part.get_content()))  # type: ignore[attr-defined]
        return cls(
            subject=str(message["Subject"] or ""),
            text=parts.get("text/plain", ""),
            html=parts.get("text/html", ""),
            sender=sender,
            recipients=tuple(recipients),
            message=message,
        )


# --- SMTP ------------------------------------------------------------------


class _SmtpHandler:
    def __init__(self, receiver: SmtpReceiver) -> None:
        self.receiver = receiver

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802 - aiosmtpd's hook name
        if self.receiver.fail_with:
            self.receiver.refused += 1
            return self.receiver.fail_with
        mail = Mail.parse(envelope.content, envelope.mail_from, list(envelope.rcpt_tos))
        with self.receiver._lock:
            self.receiver.messages.append(mail)
        return "250 Message accepted for delivery"


class SmtpReceiver:
    def __init__(self) -> None:
        self.port = _free_port()
        self.messages: list[Mail] = []
        self.fail_with: str | None = None
        self.refused = 0
        self._lock = threading.Lock()
        self._controller: Controller | None = None

    def start(self) -> SmtpReceiver:
        if self._controller is None:
            self._controller = Controller(_SmtpHandler(self), hostname=HOST, port=self.port)
            self._controller.start()
        return self

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def __enter__(self) -> SmtpReceiver:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def apprise_url(
        self, *, to: str = "team@example.org", sender: str = "dealwatch@example.org"
    ) -> str:
        return (
            f"mailto://{HOST}:{self.port}?from={sender}&to={to}&smtp={HOST}&secure=no&mode=insecure"
        )

    def wait_for(self, count: int, timeout_s: float = WAIT_S) -> list[Mail]:
        _wait(lambda: len(self.messages) >= count, timeout_s)
        return list(self.messages)

    def subjects(self) -> list[str]:
        return [m.subject for m in self.messages]


# --- HTTP webhook ----------------------------------------------------------


@dataclass(frozen=True)
class Received:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes
    status: int

    def json(self) -> Any:
        return json.loads(self.body.decode("utf-8"))

    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")


@dataclass
class _Scripted:
    status: int
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""


class WebhookReceiver:
    def __init__(self) -> None:
        self.port = 0
        self.requests: list[Received] = []
        self._script: deque[_Scripted] = deque()
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                with receiver._lock:
                    scripted = (
                        receiver._script.popleft()
                        if receiver._script
                        else _Scripted(200, body=b"ok")
                    )
                    receiver.requests.append(
                        Received(
                            self.command,
                            self.path,
                            dict(self.headers.items()),
                            body,
                            scripted.status,
                        )
                    )
                payload = scripted.body or (b"ok" if scripted.status < 400 else b"error")
                self.send_response(scripted.status)
                for name, value in scripted.headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            do_POST = _answer  # noqa: N815 - http.server's method names
            do_PUT = _answer  # noqa: N815
            do_GET = _answer  # noqa: N815

            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - signature of the base class
                return

        return Handler

    def start(self) -> WebhookReceiver:
        if self._server is None:
            ThreadingHTTPServer.allow_reuse_address = True
            self._server = ThreadingHTTPServer((HOST, self.port), self._handler())
            self.port = int(self._server.server_address[1])
            self._thread = threading.Thread(
                target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
            )
            self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
        if self._thread is not None:
            self._thread.join(timeout=WAIT_S)
            self._thread = None

    def __enter__(self) -> WebhookReceiver:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def url(self, path: str = "/") -> str:
        return f"http://{HOST}:{self.port}{path}"

    def json_url(self, path: str = "/") -> str:
        return f"json://{HOST}:{self.port}{path}"

    def respond(
        self,
        status: int,
        *,
        headers: dict[str, str] | None = None,
        body: bytes = b"",
        times: int = 1,
    ) -> None:
        with self._lock:
            self._script.extend(_Scripted(status, dict(headers or {}), body) for _ in range(times))

    def wait_for(self, count: int, timeout_s: float = WAIT_S) -> list[Received]:
        _wait(lambda: len(self.requests) >= count, timeout_s)
        return list(self.requests)

    def accepted(self) -> list[Received]:
        return [r for r in self.requests if r.status < 400]

    def __iter__(self) -> Iterator[Received]:
        return iter(list(self.requests))


ALERT_ID_IN_MAIL = re.compile(r"<code>([0-9a-f]{16})</code>")


def mailed_alert_ids(mails: list[Mail]) -> list[str]:
    """The alert ids each mail carries (one for an alert, several for a digest), in order."""
    return [alert_id for mail in mails for alert_id in ALERT_ID_IN_MAIL.findall(mail.html)]
