"""The IMAP protocol on the wire: commands out, responses in, pipelined, with streamed literals.

Why our own and not imaplib/IMAPClient (docs/decisions/007-copy-engine.md): the copy's speed over a
WAN is its number of round trips, so commands must be pipelined (many APPENDs or STOREs sent before
the first answer is read) and literals sent without waiting where the server allows it (LITERAL+,
MULTIAPPEND). And a 50 MB message must flow from one socket to a temporary file and from there to the
other socket, never whole in memory; imaplib reads every literal into one bytes object and sends one
command at a time.

This module knows the grammar, not the meaning: `ImapConnector` (imap.py) decides what to send.
"""

from __future__ import annotations

import re
import socket
import ssl
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import IO, Union

from engine.connectors.body import DEFAULT_SPOOL_THRESHOLD, BodyWriter, MessageBody
from engine.text import T, Text

# A parsed token: an atom or string (bytes), NIL (None), a parenthesised list, or a literal.
Token = Union[bytes, None, "list[Token]", MessageBody]

_LITERAL_AT_END = re.compile(rb"\{(\d+)\+?\}\r\n\Z")
_QUOTED = re.compile(rb'"((?:[^"\\]|\\.)*)"', re.DOTALL)
_UNESCAPE = re.compile(rb"\\(.)", re.DOTALL)
_ATOM = re.compile(rb"[^ ()\[\]\"]+")
_NOT_QUOTABLE = re.compile(rb"[^\x20-\x7e]")
_MAX_LINE = 64 * 1024 * 1024  # a SEARCH or FETCH line of 100,000 messages fits many times over
_STATUS_WORDS = {b"OK", b"NO", b"BAD", b"BYE", b"PREAUTH"}
_WRITE_CHUNK = 256 * 1024


class WireError(Exception):
    """Base of the wire's failures.

    Raised with a reason: a `Text` sentence for people ("The server closed the connection."), kept
    as `sentence` so it can be shown translated, or a plain lower-case phrase. `reason` (and `str()`)
    is always the phrase: lower case first, no closing full stop, as the logs have it.
    """

    def __init__(self, reason: str) -> None:
        if isinstance(reason, Text):
            sentence: str = reason
            reason = reason.english().removesuffix(".")
            reason = reason[:1].lower() + reason[1:]
        else:
            sentence = f"{reason[:1].upper()}{reason[1:]}."
        super().__init__(reason)
        self.reason = reason
        self.sentence = sentence


class ConnectionLost(WireError):
    """The connection broke (reset, timeout, EOF, or the server said BYE)."""

    def __init__(self, reason: str, *, bye_code: bytes | None = None) -> None:
        super().__init__(reason)
        self.bye_code = bye_code


class ProtocolError(WireError):
    """The server said something that is not IMAP."""


def describe_os_error(exc: BaseException, timeout: float | None = None) -> str:
    """Why a socket operation failed, in words an admin acts on (a DNS miss, a closed port, silence)."""
    if isinstance(exc, socket.gaierror):
        return T("the name was not found in DNS ({detail})", detail=exc.strerror or str(exc))
    if isinstance(exc, ConnectionRefusedError):
        return T("the connection was refused: nothing listens on that port, or a firewall rejects it")
    if isinstance(exc, TimeoutError):
        if timeout:
            return T("no answer within {seconds:g} s (a firewall may drop the connection)", seconds=timeout)
        return T("no answer in time (a firewall may drop the connection)")
    if isinstance(exc, ConnectionResetError):
        return T("the connection was reset by the server or a firewall in between")
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    return str(exc)


@dataclass
class Response:
    """One server response: untagged (`*`), a continuation (`+`) or a command's completion."""

    tag: bytes
    kind: bytes  # OK/NO/BAD/BYE/PREAUTH, or FETCH/EXISTS/LIST/STATUS/CAPABILITY..., or b"+" for continuation
    number: int | None = None  # "* 12 FETCH": 12
    code: bytes = b""  # response code inside [...], upper-case: APPENDUID, PERMANENTFLAGS, ...
    code_args: list[Token] = field(default_factory=list)
    text: str = ""
    data: list[Token] = field(default_factory=list)

    @property
    def is_status(self) -> bool:
        return self.kind in _STATUS_WORDS


@dataclass
class Completion:
    """What a command came back with: its tagged status and the untagged responses it caused."""

    tag: bytes
    status: bytes  # OK, NO or BAD
    code: bytes
    code_args: list[Token]
    text: str
    untagged: list[Response]

    @property
    def ok(self) -> bool:
        return self.status == b"OK"

    def responses(self, kind: bytes) -> list[Response]:
        return [r for r in self.untagged if r.kind == kind]

    def codes(self) -> dict[bytes, list[Token]]:
        """Response codes from untagged OK responses and the completion itself (later wins)."""
        found: dict[bytes, list[Token]] = {}
        for r in self.untagged:
            if r.code:
                found[r.code] = r.code_args
        if self.code:
            found[self.code] = self.code_args
        return found


@dataclass(frozen=True)
class Literal:
    """A command argument sent as a literal (message bytes, or a string that cannot be quoted)."""

    body: MessageBody | bytes

    @property
    def size(self) -> int:
        return len(self.body) if isinstance(self.body, bytes) else self.body.size


CommandPart = bytes | Literal


# -- formatting arguments ---------------------------------------------------------------------------


def quote(value: str | bytes) -> CommandPart:
    """VALUE as an IMAP string: quoted when it can be, a literal otherwise (non-ASCII, CR/LF)."""
    raw = value.encode("utf-8") if isinstance(value, str) else value
    if _NOT_QUOTABLE.search(raw):
        return Literal(raw)
    return b'"' + raw.replace(b"\\", b"\\\\").replace(b'"', b'\\"') + b'"'


def uid_set(uids: Iterable[int]) -> bytes:
    """A compact UID set: 1:5,7,9:12."""
    ordered = sorted(set(uids))
    if not ordered:
        raise ValueError("empty UID set")
    parts: list[str] = []
    start = prev = ordered[0]
    for uid in ordered[1:]:
        if uid == prev + 1:
            prev = uid
            continue
        parts.append(f"{start}:{prev}" if prev != start else str(start))
        start = prev = uid
    parts.append(f"{start}:{prev}" if prev != start else str(start))
    return ",".join(parts).encode()


def parse_uid_set(text: bytes) -> list[int]:
    """The UIDs of a set such as 4:6,9 (as APPENDUID reports them), in the order given."""
    out: list[int] = []
    for part in text.split(b","):
        if b":" in part:
            low, high = (int(x) for x in part.split(b":"))
            step = 1 if high >= low else -1
            out.extend(range(low, high + step, step))
        elif part:
            out.append(int(part))
    return out


# -- parsing ----------------------------------------------------------------------------------------


class _Tokenizer:
    """Tokens of one response line in which each literal stands as `{}` (outside quotes)."""

    def __init__(self, text: bytes, literals: Sequence[MessageBody]) -> None:
        self.text = text
        self.pos = 0
        self.literals = list(literals)
        self.literal_index = 0

    def at_end(self) -> bool:
        self._skip_spaces()
        return self.pos >= len(self.text)

    def _skip_spaces(self) -> None:
        while self.pos < len(self.text) and self.text[self.pos] == 0x20:
            self.pos += 1

    def word(self) -> bytes:
        """The next space-delimited word (tags, status words, numbers)."""
        self._skip_spaces()
        end = self.text.find(b" ", self.pos)
        if end < 0:
            end = len(self.text)
        value = self.text[self.pos : end]
        self.pos = end
        return value

    def rest(self) -> bytes:
        self._skip_spaces()
        value = self.text[self.pos :]
        self.pos = len(self.text)
        return value

    def peek(self) -> int:
        self._skip_spaces()
        return self.text[self.pos] if self.pos < len(self.text) else -1

    def token(self) -> Token:
        text = self.text
        pos = self.pos
        end = len(text)
        while pos < end and text[pos] == 0x20:
            pos += 1
        self.pos = pos
        if pos >= end:
            raise ProtocolError("unexpected end of response")
        ch = text[self.pos]
        if ch == 0x28:  # (
            self.pos += 1
            items: list[Token] = []
            while True:
                pos = self.pos
                while pos < end and text[pos] == 0x20:
                    pos += 1
                self.pos = pos
                if pos >= end:
                    raise ProtocolError("unclosed parenthesis in response")
                if text[pos] == 0x29:  # )
                    self.pos = pos + 1
                    return items
                items.append(self.token())
        if ch == 0x22:  # "
            return self._quoted()
        if text.startswith(b"{}", self.pos):
            self.pos += 2
            if self.literal_index >= len(self.literals):
                raise ProtocolError("literal marker without literal")
            literal = self.literals[self.literal_index]
            self.literal_index += 1
            return literal
        return self._atom()

    def _quoted(self) -> bytes:
        match = _QUOTED.match(self.text, self.pos)
        if match is None:
            raise ProtocolError("unterminated quoted string")
        self.pos = match.end()
        value = match.group(1)
        return _UNESCAPE.sub(rb"\1", value) if b"\\" in value else value

    def _atom(self) -> Token:
        text = self.text
        start = self.pos
        while True:
            match = _ATOM.match(text, self.pos)
            self.pos = match.end() if match else self.pos
            if self.pos < len(text) and text[self.pos] == 0x5B:  # [ : BODY[HEADER.FIELDS (X Y)] is one atom
                close = text.find(b"]", self.pos)
                if close < 0:
                    raise ProtocolError("unclosed section in response")
                self.pos = close + 1
                continue
            break
        value = text[start : self.pos]
        if not value:
            raise ProtocolError(f"unexpected character in response at {start}")
        if len(value) == 3 and value.upper() == b"NIL":
            return None
        return value


def parse_response(text: bytes, literals: Sequence[MessageBody]) -> Response:
    """A Response from one response line (literals replaced by `{}`) and its literals."""
    tok = _Tokenizer(text, literals)
    tag = tok.word()
    if tag == b"+":
        return Response(tag, b"+", text=tok.rest().decode("utf-8", "replace"))
    first = tok.word()
    number: int | None = None
    if tag == b"*" and first.isdigit():
        number = int(first)
        first = tok.word()
    kind = first.upper()
    response = Response(tag, kind, number)
    if kind in _STATUS_WORDS:
        if tok.peek() == 0x5B:  # [code args]
            tok.pos += 1
            end = _find_code_end(text, tok.pos)
            inner = _Tokenizer(text[tok.pos : end], literals)
            response.code = inner.word().upper()
            while not inner.at_end():
                response.code_args.append(inner.token())
            tok.pos = end + 1
        response.text = tok.rest().decode("utf-8", "replace")
        return response
    if kind in (b"CAPABILITY", b"SEARCH", b"ENABLED"):
        response.data = [w for w in tok.rest().split(b" ") if w]
        return response
    while not tok.at_end():
        response.data.append(tok.token())
    return response


def _find_code_end(text: bytes, pos: int) -> int:
    depth = 0
    in_quote = False
    while pos < len(text):
        ch = text[pos]
        if in_quote:
            if ch == 0x5C:
                pos += 1
            elif ch == 0x22:
                in_quote = False
        elif ch == 0x22:
            in_quote = True
        elif ch == 0x5B:
            depth += 1
        elif ch == 0x5D:
            if depth == 0:
                return pos
            depth -= 1
        pos += 1
    raise ProtocolError("unterminated response code")


def fetch_items(response: Response) -> dict[bytes, Token]:
    """The data items of a FETCH response as a dict with upper-case keys (BODY[] section kept as sent)."""
    items: dict[bytes, Token] = {}
    data = response.data[0] if response.data and isinstance(response.data[0], list) else []
    for i in range(0, len(data) - 1, 2):
        key = data[i]
        if isinstance(key, bytes):
            items[key.upper()] = data[i + 1]
    return items


# -- the connection ---------------------------------------------------------------------------------


class ImapWire:
    """One IMAP connection at the protocol level: send commands (pipelined), read responses.

    Commands are submitted with `submit` (which returns the tag at once unless a synchronizing
    literal must wait for the server's go-ahead) and collected with `wait`. Untagged responses are
    attributed to the oldest command still running, which is right for the commands we pipeline
    (a server finishes them in order).
    """

    def __init__(
        self,
        sock: socket.socket,
        *,
        spool_threshold: int = DEFAULT_SPOOL_THRESHOLD,
        tag_prefix: str = "m",
    ) -> None:
        self.sock = sock
        self.reader: IO[bytes] = sock.makefile("rb", buffering=256 * 1024)  # type: ignore[assignment]
        self.spool_threshold = spool_threshold
        self.tag_prefix = tag_prefix.encode()
        self._counter = 0
        self._running: list[bytes] = []  # tags submitted and not completed, oldest first
        self._untagged: dict[bytes, list[Response]] = {}
        self._done: dict[bytes, Completion] = {}
        self._out = bytearray()
        self.unsolicited: list[Response] = []
        self.literal_plus = False  # LITERAL+ (any size)
        self.literal_minus = False  # LITERAL- (non-synchronizing up to 4096 bytes)
        self.closed = False

    # -- connecting -------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        host: str,
        port: int,
        *,
        implicit_tls: bool,
        starttls: bool,
        context: ssl.SSLContext | None,
        timeout: float,
        spool_threshold: int = DEFAULT_SPOOL_THRESHOLD,
    ) -> tuple[ImapWire, Response]:
        """Connect (implicit TLS, STARTTLS or plain) and read the greeting; returns (wire, greeting).

        ssl.SSLCertVerificationError is left for the caller to explain; other socket failures
        become ConnectionLost.
        """
        try:
            raw = socket.create_connection((host, port), timeout=timeout)
        except OSError as exc:
            raise ConnectionLost(
                T(
                    "Cannot connect to {where}: {problem}.",
                    where=f"{host}:{port}",
                    problem=describe_os_error(exc, timeout),
                )
            ) from exc
        raw.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        sock: socket.socket = raw
        try:
            if implicit_tls:
                assert context is not None
                sock = context.wrap_socket(raw, server_hostname=host)
            wire = cls(sock, spool_threshold=spool_threshold)
            greeting = wire.read_response()
            if greeting.kind == b"BYE":
                raise ConnectionLost(
                    T("The server refused the connection: {text}.", text=greeting.text),
                    bye_code=greeting.code,
                )
            if starttls:
                assert context is not None
                completion = wire.run([b"STARTTLS"])
                if not completion.ok:
                    raise ProtocolError(T("The server refused STARTTLS: {text}.", text=completion.text))
                wire.reader.close()
                sock = context.wrap_socket(raw, server_hostname=host)
                wire = cls(sock, spool_threshold=spool_threshold)
            return wire, greeting
        except BaseException:
            sock.close()
            raise

    # -- sending ----------------------------------------------------------------------------

    def next_tag(self) -> bytes:
        self._counter += 1
        return self.tag_prefix + str(self._counter).encode()

    def _queue(self, data: bytes) -> None:
        self._out += data
        if len(self._out) >= _WRITE_CHUNK:
            self.flush()

    def flush(self) -> None:
        if not self._out:
            return
        data, self._out = bytes(self._out), bytearray()
        try:
            self.sock.sendall(data)
        except OSError as exc:
            self.closed = True
            raise ConnectionLost(
                T(
                    "The connection broke while sending: {problem}.",
                    problem=describe_os_error(exc, self.sock.gettimeout()),
                )
            ) from exc

    def _queue_literal(self, literal: Literal) -> None:
        if isinstance(literal.body, bytes):
            self._queue(literal.body)
            return
        for chunk in literal.body.chunks():
            self._queue(chunk)

    def _non_synchronizing(self, size: int) -> bool:
        return self.literal_plus or (self.literal_minus and size <= 4096)

    def submit(self, parts: Sequence[CommandPart]) -> bytes:
        """Send one command (parts joined by spaces) and return its tag without waiting for the result.

        A synchronizing literal waits for the server's "+"; if the server refuses the command
        instead, the rest is not sent and the refusal is what `wait(tag)` returns.
        """
        tag = self.next_tag()
        self._running.append(tag)
        self._untagged[tag] = []
        line = bytearray(tag)
        for part in parts:
            if isinstance(part, Literal):
                sync = not self._non_synchronizing(part.size)
                line += b" {%d%s}\r\n" % (part.size, b"" if sync else b"+")
                self._queue(bytes(line))
                line = bytearray()
                if sync and not self._await_continuation(tag):
                    return tag
                self._queue_literal(part)
            else:
                line += b" " + part
        self._queue(bytes(line) + b"\r\n")
        return tag

    def _await_continuation(self, tag: bytes) -> bool:
        """Read until the server's "+" (True) or until TAG completes (False, refused)."""
        self.flush()
        while True:
            response = self.read_response()
            if response.kind == b"+":
                return True
            self._dispatch(response)
            if tag in self._done:
                return False

    def authenticate(self, mechanism: bytes, initial: bytes, *, initial_inline: bool) -> Completion:
        """A SASL exchange with one client message (PLAIN, XOAUTH2), base64 already applied.

        With INITIAL_INLINE (SASL-IR) the message goes on the command line; otherwise after the
        server's first "+". A later "+" is an error report (XOAUTH2 sends one): it is answered with an
        empty line, after which the server completes the command with NO.
        """
        tag = self.next_tag()
        self._running.append(tag)
        self._untagged[tag] = []
        line = tag + b" AUTHENTICATE " + mechanism + (b" " + initial if initial_inline else b"") + b"\r\n"
        self._queue(line)
        self.flush()
        sent = initial_inline
        while tag not in self._done:
            response = self.read_response()
            if response.kind == b"+":
                self._queue((b"" if sent else initial) + b"\r\n")
                self.flush()
                sent = True
                continue
            self._dispatch(response)
        return self._done.pop(tag)

    def send_raw(self, data: bytes) -> None:
        """Send bytes as they are (the client's answer in a SASL exchange)."""
        self._queue(data)
        self.flush()

    # -- receiving --------------------------------------------------------------------------

    def _readline(self) -> bytes:
        try:
            line = self.reader.readline(_MAX_LINE)
        except (OSError, ValueError) as exc:
            self.closed = True
            raise ConnectionLost(
                T(
                    "The connection broke while receiving: {problem}.",
                    problem=describe_os_error(exc, self.sock.gettimeout()),
                )
            ) from exc
        if not line:
            self.closed = True
            raise ConnectionLost(T("The server closed the connection."))
        if not line.endswith(b"\n"):
            raise ProtocolError("response line too long")
        return line

    def _read_literal(self, size: int) -> MessageBody:
        writer = BodyWriter(self.spool_threshold, expected=size)
        remaining = size
        try:
            while remaining > 0:
                chunk = self.reader.read(min(remaining, 1024 * 1024))
                if not chunk:
                    raise ConnectionLost(T("The server closed the connection in the middle of a message."))
                writer.write(chunk)
                remaining -= len(chunk)
        except OSError as exc:
            writer.abort()
            self.closed = True
            raise ConnectionLost(
                T(
                    "The connection broke while receiving a message: {problem}.",
                    problem=describe_os_error(exc, self.sock.gettimeout()),
                )
            ) from exc
        except BaseException:
            writer.abort()
            raise
        return writer.finish()

    def read_response(self) -> Response:
        """Read one whole response (with its literals) from the server."""
        literals: list[MessageBody] = []
        text = bytearray()
        while True:
            line = self._readline()
            match = _LITERAL_AT_END.search(line)
            if match is None:
                text += line.rstrip(b"\r\n")
                break
            text += line[: match.start()] + b"{}"
            literals.append(self._read_literal(int(match.group(1))))
        try:
            return parse_response(bytes(text), literals)
        except ProtocolError:
            raise
        except (ValueError, IndexError) as exc:
            raise ProtocolError(f"unreadable response: {exc}") from exc

    def _dispatch(self, response: Response) -> None:
        if response.tag == b"*":
            if response.kind == b"BYE":
                self.closed = True
                raise ConnectionLost(
                    T("The server ended the session: {text}.", text=response.text), bye_code=response.code
                )
            if self._running:
                self._untagged[self._running[0]].append(response)
            else:
                self.unsolicited.append(response)
            return
        if response.kind == b"+":
            raise ProtocolError("unexpected continuation request")
        tag = response.tag
        if tag not in self._untagged:
            raise ProtocolError(f"completion for an unknown command {tag!r}")
        self._done[tag] = Completion(
            tag, response.kind, response.code, response.code_args, response.text, self._untagged.pop(tag)
        )
        if tag in self._running:
            self._running.remove(tag)

    def wait(self, tag: bytes) -> Completion:
        """Read responses until TAG completes; returns its Completion."""
        self.flush()
        while tag not in self._done:
            self._dispatch(self.read_response())
        return self._done.pop(tag)

    def run(self, parts: Sequence[CommandPart]) -> Completion:
        """Send one command and wait for it."""
        return self.wait(self.submit(parts))

    def run_pipelined(self, commands: Sequence[Sequence[CommandPart]]) -> list[Completion]:
        """Send COMMANDS back to back, then collect their completions in order (one round trip)."""
        tags = [self.submit(parts) for parts in commands]
        return [self.wait(tag) for tag in tags]

    def close(self) -> None:
        self.closed = True
        try:
            self.reader.close()
        except OSError:
            pass
        try:
            self.sock.close()
        except OSError:
            pass
