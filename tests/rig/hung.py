"""Servers that misbehave on purpose: one that accepts connections and never says a word, and a port
where nothing listens."""

from __future__ import annotations

import socket
import threading

from tests.rig.dovecot import free_port


class HungServer:
    """Accepts TCP connections on a loopback port and keeps them open without ever answering.

    This is what a hanging IMAP service (or a proxy that swallows the traffic) looks like to a client:
    the TCP handshake succeeds, then silence.
    """

    def __init__(self) -> None:
        self._listener = socket.socket()
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(64)
        self.host = "127.0.0.1"
        self.port = int(self._listener.getsockname()[1])
        self._held: list[socket.socket] = []
        self._stopped = threading.Event()
        self.accepted = 0
        self._thread = threading.Thread(target=self._accept, name="hung-server", daemon=True)

    def start(self) -> HungServer:
        self._thread.start()
        return self

    def _accept(self) -> None:
        while not self._stopped.is_set():
            try:
                connection, _ = self._listener.accept()
            except OSError:
                return  # the listener was closed by stop()
            self._held.append(connection)
            self.accepted += 1

    def stop(self) -> None:
        self._stopped.set()
        try:
            # shutdown wakes the thread blocked in accept(); close alone may not.
            self._listener.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self._listener.close()
        self._thread.join(timeout=5)
        for connection in self._held:
            connection.close()

    def __enter__(self) -> HungServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def closed_port() -> int:
    """A loopback port nothing listens on: connections are refused."""
    return free_port()
