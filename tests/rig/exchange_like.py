"""An IMAP proxy in front of the rig's Dovecot that answers the way Exchange Online does.

Exchange Online cannot be reached from here, and Dovecot does not behave like it in a few ways that
matter to a migration (exchange-online.md sections 3 and 5). This proxy passes everything through to
Dovecot except:

- capabilities are what Exchange Online announces, before and after login, and LIST answers carry
  the special-use attributes (\\Sent...) as Exchange's do, though SPECIAL-USE is not announced (no MULTIAPPEND, MOVE, CONDSTORE,
  SPECIAL-USE capability, APPENDLIMIT; AUTH=XOAUTH2 and SASL-IR kept);
- AUTHENTICATE for a mailbox that exists but was not granted to the token's identity is answered OK,
  and every command after it `BAD User is authenticated but not connected.`; a refused AUTHENTICATE
  reads `NO AUTHENTICATE failed.`;
- an APPEND larger than the size limit gets `NO Maximum size of appendable message has been exceeded`;
- the APPENDs a test picks get `BAD Request is throttled. Suggested Backoff Time: N milliseconds` and
  the connection is closed;
- CREATE of the reserved top-level folder `Files` gets `NO Folder name is reserved`;
- after 10 failed commands in one session the server says BYE and closes.

It listens with implicit TLS (certificate from the session CA) and talks plain IMAP to Dovecot.
"""

from __future__ import annotations

import base64
import re
import socket
import ssl
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from tests.rig.certs import CertFiles

EXCHANGE_CAPABILITIES = (
    "IMAP4",
    "IMAP4REV1",
    "AUTH=PLAIN",
    "AUTH=XOAUTH2",
    "SASL-IR",
    "UIDPLUS",
    "ID",
    "UNSELECT",
    "CHILDREN",
    "IDLE",
    "NAMESPACE",
    "LITERAL+",
)
NOT_CONNECTED = b"User is authenticated but not connected."
TOO_LARGE = b"Maximum size of appendable message has been exceeded"
RESERVED = b"Folder name is reserved"
AUTH_FAILED = b"AUTHENTICATE failed."
DEFAULT_SIZE_LIMIT = 35 * 1024 * 1024  # 35 MB: Exchange Online's default for a mailbox
_LITERAL = re.compile(rb"\{(\d+)(\+?)\}\r\n$")
_CAPS_CODE = re.compile(rb"\[CAPABILITY ([^\]]*)\]", re.IGNORECASE)


@dataclass
class ExchangeRules:
    """What the proxy does differently from Dovecot; tests change it while it runs."""

    size_limit: int = DEFAULT_SIZE_LIMIT
    reserved_folders: frozenset[str] = frozenset({"files"})
    errors_before_bye: int = 10
    # Which mailboxes answer "authenticated but not connected" (exists, not granted); None: nobody.
    not_connected: Callable[[str], bool] | None = None
    throttle_backoff_ms: int = 1500
    _throttle_at: set[int] = field(default_factory=set)
    appends_seen: int = 0
    throttled: int = 0
    sessions: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def throttle_appends(self, *ordinals: int, backoff_ms: int | None = None) -> None:
        """Throttle the APPENDs with these numbers, counted over all sessions from now (1 = the next)."""
        with self.lock:
            self._throttle_at.update(self.appends_seen + n for n in ordinals)
            if backoff_ms is not None:
                self.throttle_backoff_ms = backoff_ms

    def _next_append_throttled(self) -> bool:
        with self.lock:
            self.appends_seen += 1
            if self.appends_seen in self._throttle_at:
                self.throttled += 1
                return True
            return False


class _Closed(Exception):
    pass


class _Session:
    """One client connection and its upstream connection."""

    def __init__(self, client: ssl.SSLSocket, upstream: socket.socket, rules: ExchangeRules) -> None:
        self.client = client
        self.upstream = upstream
        self.rules = rules
        self.client_in = client.makefile("rb")
        self.upstream_in = upstream.makefile("rb")
        self.write_lock = threading.Lock()
        self.auth_tags: set[bytes] = set()
        self.not_connected = False
        self.errors = 0
        self.closed = threading.Event()

    # -- plumbing --------------------------------------------------------------------------

    def to_client(self, data: bytes) -> None:
        with self.write_lock:
            self.client.sendall(data)

    def answer(self, tag: bytes, status: bytes, text: bytes) -> None:
        self.to_client(tag + b" " + status + b" " + text + b"\r\n")
        if status in (b"NO", b"BAD"):
            self._count_error()

    def _count_error(self) -> None:
        self.errors += 1
        if self.rules.errors_before_bye and self.errors >= self.rules.errors_before_bye:
            self.to_client(b"* BYE Connection closed. 14\r\n")
            self.close()
            raise _Closed()

    def close(self) -> None:
        if self.closed.is_set():
            return
        self.closed.set()
        for sock in (self.client, self.upstream):
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            sock.close()

    @staticmethod
    def _readline(stream: object) -> bytes:
        line = stream.readline(65536)  # type: ignore[attr-defined]
        if not line:
            raise _Closed()
        return bytes(line)

    def _read_client_command(self, first: bytes) -> list[bytes]:
        """The rest of a command whose first line is FIRST, forwarding nothing (non-sync literals only)."""
        parts = [first]
        line = first
        while match := _LITERAL.search(line):
            size, plus = int(match.group(1)), match.group(2)
            if not plus:
                break  # a synchronizing literal: the client waits for our "+"
            parts.append(self.client_in.read(size))
            line = self._readline(self.client_in)
            parts.append(line)
        return parts

    # -- client to server --------------------------------------------------------------------

    def run_client_side(self) -> None:
        try:
            while True:
                line = self._readline(self.client_in)
                words = line.split(b" ", 3)
                tag = words[0]
                command = words[1].strip().upper() if len(words) > 1 else b""
                if self.not_connected:
                    self._not_connected_answer(tag, command, line)
                    continue
                if command == b"AUTHENTICATE":
                    self._authenticate(tag, line, words)
                    continue
                if command == b"APPEND":
                    self._append(tag, line)
                    continue
                if command == b"LIST" and b"RETURN" not in line.upper() and not _LITERAL.search(line):
                    # Exchange Online puts \Sent, \Trash... in every LIST answer without announcing
                    # SPECIAL-USE; Dovecot does so when asked.
                    line = line.rstrip(b"\r\n") + b" RETURN (SPECIAL-USE)\r\n"
                if command == b"CREATE" and self._reserved(line):
                    self._read_client_command(line)
                    self.answer(tag, b"NO", RESERVED)
                    continue
                self._forward_command(line)
        except (_Closed, OSError, ValueError):
            pass
        finally:
            self.close()

    def _forward_command(self, line: bytes) -> None:
        self.upstream.sendall(line)
        while match := _LITERAL.search(line):
            # The server's "+" reaches the client through the other thread; the client then sends
            # the literal, which we pass on as it comes.
            remaining = int(match.group(1))
            while remaining:
                chunk = self.client_in.read(min(remaining, 65536))
                if not chunk:
                    raise _Closed()
                self.upstream.sendall(chunk)
                remaining -= len(chunk)
            line = self._readline(self.client_in)
            self.upstream.sendall(line)

    def _not_connected_answer(self, tag: bytes, command: bytes, line: bytes) -> None:
        self._read_client_command(line)
        if command == b"LOGOUT":
            self.to_client(b"* BYE Microsoft Exchange Server IMAP4 server signing off.\r\n")
            self.answer(tag, b"OK", b"LOGOUT completed.")
            raise _Closed()
        self.answer(tag, b"BAD", NOT_CONNECTED)

    def _authenticate(self, tag: bytes, line: bytes, words: list[bytes]) -> None:
        initial = words[3].strip() if len(words) > 3 else b""
        mechanism = words[2].strip().upper() if len(words) > 2 else b""
        rule = self.rules.not_connected
        if mechanism == b"XOAUTH2" and rule is not None:
            if not initial:
                self.to_client(b"+ \r\n")
                initial = self._readline(self.client_in).strip()
                user = _xoauth2_user(initial)
                if user and rule(user):
                    self.not_connected = True
                    self.answer(tag, b"OK", b"AUTHENTICATE completed.")
                    return
                # Not ours to fake: replay the exchange to Dovecot with the response inline.
                self.auth_tags.add(tag)
                self.upstream.sendall(tag + b" AUTHENTICATE XOAUTH2 " + initial + b"\r\n")
                return
            user = _xoauth2_user(initial)
            if user and rule(user):
                self.not_connected = True
                self.answer(tag, b"OK", b"AUTHENTICATE completed.")
                return
        self.auth_tags.add(tag)
        self.upstream.sendall(line)

    def _append(self, tag: bytes, line: bytes) -> None:
        match = _LITERAL.search(line)
        size = int(match.group(1)) if match else 0
        plus = bool(match and match.group(2))
        throttled = self.rules._next_append_throttled()
        if throttled or size > self.rules.size_limit:
            if plus:
                self._read_client_command(line)  # the client sent the message already: drop it
            if throttled:
                text = (
                    b"Request is throttled. Suggested Backoff Time: %d milliseconds"
                    % self.rules.throttle_backoff_ms
                )
                self.to_client(tag + b" BAD " + text + b"\r\n")
                raise _Closed()  # Exchange Online disconnects a throttled session
            self.answer(tag, b"NO", TOO_LARGE)
            return
        self._forward_command(line)

    def _reserved(self, line: bytes) -> bool:
        try:
            name = line.split(b" ", 2)[2].strip().strip(b'"').decode("utf-8", "replace")
        except IndexError:
            return False
        return name.lower() in self.rules.reserved_folders

    # -- server to client --------------------------------------------------------------------

    def run_server_side(self) -> None:
        try:
            while True:
                line = self._readline(self.upstream_in)
                out = [self._rewrite(line)]
                while match := _LITERAL.search(line):
                    out.append(self.upstream_in.read(int(match.group(1))))
                    line = self._readline(self.upstream_in)
                    out.append(line)
                data = b"".join(out)
                tag = data.split(b" ", 1)[0]
                if tag in self.auth_tags and not data.startswith(b"+"):
                    self.auth_tags.discard(tag)
                    status = data.split(b" ", 2)[1] if data.count(b" ") >= 2 else b""
                    if status == b"NO":
                        data = tag + b" NO " + AUTH_FAILED + b"\r\n"
                self.to_client(data)
                status_word = data.split(b" ", 2)[1] if data.count(b" ") >= 2 else b""
                if tag not in (b"*", b"+") and status_word in (b"NO", b"BAD"):
                    self._count_error()
        except (_Closed, OSError, ValueError):
            pass
        finally:
            self.close()

    @staticmethod
    def _rewrite(line: bytes) -> bytes:
        def keep(words: bytes) -> bytes:
            # Exchange Online announces the same list before and after login; Dovecot supports all of it.
            return " ".join(EXCHANGE_CAPABILITIES).encode()

        if line.upper().startswith(b"* CAPABILITY "):
            return b"* CAPABILITY " + keep(line[13:].strip()) + b"\r\n"
        return _CAPS_CODE.sub(lambda m: b"[CAPABILITY " + keep(m.group(1)) + b"]", line)


def _xoauth2_user(initial: bytes) -> str:
    try:
        decoded = base64.b64decode(initial).decode("utf-8", "replace")
    except (ValueError, TypeError):
        return ""
    for part in decoded.split("\x01"):
        if part.startswith("user="):
            return part[5:].lower()
    return ""


class ExchangeLikeProxy:
    """Listens on a free loopback port with TLS; each connection is proxied to UPSTREAM_PORT."""

    def __init__(self, cert: CertFiles, upstream_port: int, rules: ExchangeRules | None = None) -> None:
        self.rules = rules or ExchangeRules()
        self.upstream_port = upstream_port
        self._context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self._context.load_cert_chain(str(cert.cert), str(cert.key))
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = int(self._listener.getsockname()[1])
        self.host = "127.0.0.1"
        self._sessions: list[_Session] = []
        self._thread = threading.Thread(target=self._accept, name="exchange-like", daemon=True)
        self._stopped = threading.Event()

    def start(self) -> ExchangeLikeProxy:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopped.set()
        self._listener.close()
        for session in list(self._sessions):
            session.close()

    def __enter__(self) -> ExchangeLikeProxy:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _accept(self) -> None:
        while not self._stopped.is_set():
            try:
                raw, _ = self._listener.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(raw,), daemon=True).start()

    def _serve(self, raw: socket.socket) -> None:
        try:
            client = self._context.wrap_socket(raw, server_side=True)
            upstream = socket.create_connection(("127.0.0.1", self.upstream_port), timeout=30)
            upstream.settimeout(None)
        except OSError:
            raw.close()
            return
        session = _Session(client, upstream, self.rules)
        with self.rules.lock:
            self.rules.sessions += 1
        self._sessions.append(session)
        server_side = threading.Thread(target=session.run_server_side, daemon=True)
        server_side.start()
        session.run_client_side()
        server_side.join(timeout=5)
        self._sessions.remove(session)
