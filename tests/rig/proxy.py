"""A TCP proxy on loopback that adds delay and cuts connections: a WAN and a bad network, on demand.

`TcpProxy(upstream_host, upstream_port, delay=0.010)` holds every chunk 10 ms in each direction
(a 20 ms round trip) without limiting throughput. `cut_after=[200_000, 50_000]` cuts the first
connection after 200,000 bytes have passed (both directions counted), the second after 50,000, and
leaves later connections alone; the cut lands in the middle of a chunk, like a real drop. `cut_all()`
cuts whatever is open now. TLS passes through untouched. It runs its own event loop on a thread;
tests and the benchmarks (bench/) both use it.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import threading
from collections.abc import Callable, Sequence


class TcpProxy:
    """Forward 127.0.0.1:`port` to UPSTREAM, with optional delay and cuts (see the module docstring)."""

    def __init__(
        self,
        upstream_host: str,
        upstream_port: int,
        *,
        delay: float = 0.0,
        delay_up: float | None = None,
        delay_down: float | None = None,
        cut_after: Sequence[int] = (),
    ) -> None:
        self.upstream = (upstream_host, upstream_port)
        self.delay_up = delay if delay_up is None else delay_up  # client -> server
        self.delay_down = delay if delay_down is None else delay_down  # server -> client
        self.cut_after = list(cut_after)
        self.host = "127.0.0.1"
        self.port = 0
        self.accepted = 0
        self.cuts = 0
        self.bytes_forwarded = 0
        self.open_now = 0  # connections open through the proxy right now (until both sides closed)
        self.peak_open = 0  # the most that were ever open at once
        # Connections the client still holds (it has not closed its side yet): what a client-side cap
        # controls. A connection the client closed can linger a moment while the server says goodbye.
        self.client_open_now = 0
        self.peak_client_open = 0
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="tcp-proxy", daemon=True)
        self._server: asyncio.base_events.Server | None = None
        self._open: set[asyncio.Task[None]] = set()
        self._transports: set[asyncio.BaseTransport] = set()

    # -- life cycle ----------------------------------------------------------------------------

    def start(self) -> TcpProxy:
        self._thread.start()
        future = asyncio.run_coroutine_threadsafe(self._listen(), self._loop)
        future.result(timeout=10)
        return self

    async def _listen(self) -> None:
        sock = socket.socket()
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((self.host, 0))
        self.port = sock.getsockname()[1]
        self._server = await asyncio.start_server(self._handle, sock=sock)

    def stop(self) -> None:
        async def shutdown() -> None:
            if self._server is not None:
                self._server.close()
            for transport in list(self._transports):
                transport.abort()
            # Aborted connections end their handlers; cancelling them instead would make asyncio
            # report each cancelled handler as an error.
            if self._open:
                await asyncio.wait(list(self._open), timeout=5)
            for task in list(self._open):
                task.cancel()

        if self._thread.is_alive():
            asyncio.run_coroutine_threadsafe(shutdown(), self._loop).result(timeout=10)
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(timeout=10)
        self._loop.close()

    def __enter__(self) -> TcpProxy:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def cut_all(self) -> None:
        """Cut every connection open right now (a reset, as when a router drops)."""

        def cut() -> None:
            for transport in list(self._transports):
                transport.abort()
                self.cuts += 1

        self._loop.call_soon_threadsafe(cut)

    # -- forwarding ----------------------------------------------------------------------------

    async def _handle(self, client_reader: asyncio.StreamReader, client_writer: asyncio.StreamWriter) -> None:
        index = self.accepted
        self.accepted += 1
        budget = self.cut_after[index] if index < len(self.cut_after) else None
        try:
            server_reader, server_writer = await asyncio.open_connection(*self.upstream)
        except OSError:
            client_writer.transport.abort()
            return
        self.open_now += 1
        self.peak_open = max(self.peak_open, self.open_now)
        self.client_open_now += 1
        self.peak_client_open = max(self.peak_client_open, self.client_open_now)
        client_state = {"open": True}

        def client_closed() -> None:
            if client_state["open"]:
                client_state["open"] = False
                self.client_open_now -= 1

        for writer in (client_writer, server_writer):
            sock = writer.get_extra_info("socket")
            if sock is not None:
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            self._transports.add(writer.transport)
        state = {"left": budget}

        def cut() -> None:
            self.cuts += 1
            client_writer.transport.abort()
            server_writer.transport.abort()

        task = asyncio.current_task()
        assert task is not None
        self._open.add(task)
        try:
            await asyncio.gather(
                self._pump(client_reader, server_writer, self.delay_up, state, cut, on_eof=client_closed),
                self._pump(server_reader, client_writer, self.delay_down, state, cut),
                return_exceptions=True,
            )
        except asyncio.CancelledError:
            pass  # stopping: asyncio's server callback would report a cancelled handler as an error
        finally:
            client_closed()
            self.open_now -= 1
            self._open.discard(task)
            for writer in (client_writer, server_writer):
                self._transports.discard(writer.transport)
                writer.transport.abort()

    async def _pump(
        self,
        reader: asyncio.StreamReader,
        writer: asyncio.StreamWriter,
        delay: float,
        state: dict[str, int | None],
        cut: object,
        on_eof: Callable[[], None] | None = None,
    ) -> None:
        loop = asyncio.get_running_loop()
        queue: asyncio.Queue[tuple[float, bytes]] = asyncio.Queue()

        async def read() -> None:
            while True:
                try:
                    data = await reader.read(256 * 1024)
                except (ConnectionError, OSError):
                    data = b""
                if not data and on_eof is not None:
                    on_eof()
                queue.put_nowait((loop.time() + delay, data))
                if not data:
                    return

        reading = asyncio.ensure_future(read())
        try:
            while True:
                due, data = await queue.get()
                wait = due - loop.time()
                if wait > 0:
                    await asyncio.sleep(wait)
                if not data:
                    with contextlib.suppress(OSError, RuntimeError):
                        if writer.can_write_eof():
                            writer.write_eof()
                    return
                left = state["left"]
                if left is not None and len(data) >= left:
                    # Pass part of this chunk, then drop the connection: a cut in mid-transfer.
                    writer.write(data[: max(0, left - 1)])
                    state["left"] = 0
                    assert callable(cut)
                    cut()
                    return
                if left is not None:
                    state["left"] = left - len(data)
                self.bytes_forwarded += len(data)
                writer.write(data)
                try:
                    await writer.drain()
                except (ConnectionError, OSError):
                    return
        finally:
            reading.cancel()
