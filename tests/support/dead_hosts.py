"""Hosts that are down, on 127.0.0.1: a port that refuses connections, and a server that
accepts each connection and resets it at once, counting them.

    port = closed_port()                  # nothing listens: connect() is refused
    with ResettingServer() as reset:      # accepts, then RST: the request gets no answer
        reset.base, reset.connections     # its address; how many connections it received
    with ResettingServer(says=b"HTTP/1.0 400 Bad Request\r\n\r\n") as plain:
        plain.tls_base                    # https:// to a server that answers in clear: TLS fails
"""

from __future__ import annotations

import socket
import struct
import threading
from socketserver import BaseRequestHandler

from tests.support.local_server import LocalServer


def closed_port() -> int:
    """A port on 127.0.0.1 nothing listens on (bound once to find a free one, then closed)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class ResettingServer(LocalServer):
    """Accepts every connection and resets it; with ``says``, first writes those bytes (whatever
    the client sent) and closes it politely instead."""

    def __init__(self, says: bytes | None = None) -> None:
        self.says = says
        self.connections = 0
        self._lock = threading.Lock()
        server = self

        class Reset(BaseRequestHandler):
            def handle(self) -> None:
                server._answer(self.request)

        super().__init__(Reset)

    def _answer(self, connection: socket.socket) -> None:
        with self._lock:
            self.connections += 1
        if self.says is not None:
            try:
                connection.settimeout(1.0)
                connection.recv(4096)  # the client's first words (a TLS hello)
                connection.sendall(self.says)
            except OSError:
                pass  # the client gave up first: the connection is counted all the same
            connection.close()
            return
        # Linger 0: close() sends a reset, not a goodbye.
        connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        connection.close()

    @property
    def tls_base(self) -> str:
        return "https" + self.base.removeprefix("http")
