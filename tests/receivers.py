"""Local receivers for delivery tests: an SMTP server and an HTTP webhook, both on 127.0.0.1.

Nothing leaves the machine. Both bind port 0 (the OS picks a free port), record
what they receive, and can be told to fail, and to go down and come back on the
same port.

SMTP (aiosmtpd)::

    with SmtpReceiver() as smtp:
        url = smtp.apprise_url(to="team@example.org")   # mailto://127.0.0.1:PORT?...
        ...deliver...
        smtp.wait_for(1)                  # block (bounded) until one message arrived
        msg = smtp.messages[0]            # email.message.EmailMessage
        smtp.subjects()                   # ["[dealwatch] ...", ...]
        smtp.parts(msg)                   # {"text/plain": "...", "text/html": "..."}
        smtp.fail_with = "451 try later"  # every DATA refused with that reply (None: accept)
        smtp.stop(); smtp.start()         # down, then up again on the same port

Webhook (http.server, threaded)::

    with WebhookReceiver() as hook:
        hook.url("/alerts")               # "http://127.0.0.1:PORT/alerts"
        hook.json_url("/alerts")          # apprise "json://127.0.0.1:PORT/alerts"
        hook.respond(429, headers={"Retry-After": "1"}, times=1)   # next answers, in order
        hook.respond(500, times=2)
        ...deliver...
        hook.wait_for(1)
        hook.requests[0].json()           # the decoded JSON body; also .path .headers .body .status
        hook.stop(); hook.start()         # connection refused while down; same port after

Unscripted requests answer 200 with ``ok`` (what Slack's webhook answers).
Each ``Received.status`` is the status the receiver answered with.
"""

from __future__ import annotations

import email
import email.policy
import json
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


def _wait(predicate: Any, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out after {timeout}s waiting for {what}")
        time.sleep(0.01)


# --- SMTP ------------------------------------------------------------------


class _SmtpHandler:
    def __init__(self, receiver: SmtpReceiver) -> None:
        self.receiver = receiver

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802 - aiosmtpd's hook name
        if self.receiver.fail_with:
            self.receiver.refused += 1
            return self.receiver.fail_with
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        assert isinstance(message, EmailMessage)
        with self.receiver._lock:
            self.receiver.messages.append(message)
            self.receiver.envelopes.append((envelope.mail_from, list(envelope.rcpt_tos)))
        return "250 Message accepted for delivery"


class SmtpReceiver:
    def __init__(self) -> None:
        self.port = _free_port()
        self.messages: list[EmailMessage] = []
        self.envelopes: list[tuple[str, list[str]]] = []
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

    def wait_for(self, count: int, timeout: float = WAIT_S) -> list[EmailMessage]:
        _wait(lambda: len(self.messages) >= count, timeout, f"{count} e-mail(s)")
        return list(self.messages)

    def subjects(self) -> list[str]:
        return [str(m["Subject"]) for m in self.messages]

    @staticmethod
    def parts(message: EmailMessage) -> dict[str, str]:
        found: dict[str, str] = {}
        for part in message.walk():
            if part.get_content_maintype() == "text":
                found.setdefault(part.get_content_type(), str(part.get_content()))  # type: ignore[attr-defined]
        return found


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
            self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
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

    def wait_for(self, count: int, timeout: float = WAIT_S) -> list[Received]:
        _wait(lambda: len(self.requests) >= count, timeout, f"{count} request(s)")
        return list(self.requests)

    def accepted(self) -> list[Received]:
        return [r for r in self.requests if r.status < 400]

    def __iter__(self) -> Iterator[Received]:
        return iter(list(self.requests))
