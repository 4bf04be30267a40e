"""An HTTP server of a test's own on 127.0.0.1, run in a thread for a ``with`` block.

class Handler(QuietHandler):
    def do_GET(self) -> None:
        self.answer(200, b"hello", "text/plain")

with LocalServer(Handler) as server:
    requests.get(server.base + "/")
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from socketserver import BaseRequestHandler
from typing import Any, Self


class QuietHandler(BaseHTTPRequestHandler):
    """A request handler that logs nothing and answers in one call."""

    def answer(
        self,
        status: int,
        body: bytes,
        content_type: str,
        headers: Iterable[tuple[str, str]] = (),
    ) -> None:
        """Status, headers and body; a client that hung up first is not an error."""
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the http.server signature
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    # A fetcher's whole pool connecting at once waits in the queue rather than being refused.
    request_queue_size = 64


class LocalServer:
    """``handler`` served on 127.0.0.1 (``port`` 0: any free port) while the block runs, each
    connection in a thread of its own; the handler may speak HTTP or, below it, plain TCP."""

    def __init__(self, handler: type[BaseRequestHandler], port: int = 0) -> None:
        self.server = _Server(("127.0.0.1", port), handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> Self:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    @property
    def base(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"
