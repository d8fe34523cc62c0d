"""IMAP as source and as target: TLS as the endpoint says, every login style, pipelined commands.

What the server offers is used and nothing is required: UIDPLUS (target UIDs without asking),
MULTIAPPEND and LITERAL+ (appends without a round trip each), SPECIAL-USE (folder roles), CONDSTORE
(a one-number "nothing changed"), ID, APPENDLIMIT. A connector opened as a source never sends a command
that could change the mailbox: folders are opened with EXAMINE and messages read with BODY.PEEK.
"""

from __future__ import annotations

import base64
import logging
import re
import ssl
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from engine import __version__
from engine.connectors import utf7
from engine.connectors.base import (
    Account,
    AppendOutcome,
    ConnectionGate,
    Features,
    FetchedMessage,
    FlagChange,
    FolderInfo,
    FolderListing,
    FolderStatus,
    HeaderInfo,
    ListingRequest,
    MessageInfo,
    Namespace,
    OutgoingMessage,
    TargetFolder,
)
from engine.connectors.body import DEFAULT_SPOOL_THRESHOLD, MemoryBody, MessageBody
from engine.connectors.imap_wire import (
    CommandPart,
    Completion,
    ConnectionLost,
    ImapWire,
    Literal,
    ProtocolError,
    Response,
    Token,
    fetch_items,
    parse_uid_set,
    quote,
    uid_set,
)
from engine.endpoints import AdminLoginStyle, EndpointKind, Security
from engine.errors import MailstageError, Severity
from engine.text import T
from engine.tls import (
    UntrustedCertificate,
    check_pin,
    context_for,
    explain_verification_error,
    probe_certificate,
)

log = logging.getLogger(__name__)

SPECIAL_USE_ATTRIBUTES = frozenset(
    {"\\sent", "\\trash", "\\drafts", "\\junk", "\\archive", "\\all", "\\flagged"}
)
HEADER_FIELDS = b"BODY.PEEK[HEADER.FIELDS (MESSAGE-ID DATE FROM TO SUBJECT)]"
# What an atom (a keyword) may hold: printable ASCII except IMAP's specials.
_ATOM_CHARS = frozenset(chr(c) for c in range(0x21, 0x7F)) - set('(){%*"\\]')
_LIMIT_TEXT = re.compile(r"too many|maximum number of connections|connection limit|limit exceeded", re.I)
_THROTTLE_TEXT = re.compile(r"throttl|try again later|server unavailable|temporar", re.I)


def _text(token: Token) -> str:
    if isinstance(token, bytes):
        return token.decode("utf-8", "replace")
    if isinstance(token, MessageBody):
        return token.read_all().decode("utf-8", "replace")
    return ""


def _int(token: Token, default: int = 0) -> int:
    try:
        return int(token) if isinstance(token, bytes) else default
    except ValueError:
        return default


def _flags(token: Token) -> tuple[str, ...]:
    if not isinstance(token, list):
        return ()
    names = {_text(t) for t in token if isinstance(t, bytes)}
    return tuple(sorted(n for n in names if n.lower() != "\\recent"))


def _flag_list(flags: Sequence[str]) -> bytes:
    # A keyword IMAP cannot carry (a space, non-ASCII: from a Maildir or an odd server) is left out
    # rather than making the whole command invalid.
    return b"(" + " ".join(f for f in flags if valid_flag(f)).encode("ascii") + b")"


@dataclass
class PendingFetch:
    """A FETCH on its way (see ImapConnector.request_messages)."""

    folder: str
    uids: tuple[int, ...]
    examine_tag: bytes = b""
    fetch_tag: bytes = b""


def valid_flag(flag: str) -> bool:
    """Whether FLAG can be written in an IMAP command (a system flag or an atom keyword)."""
    if flag.startswith("\\"):
        return flag[1:].isalpha()
    return bool(flag) and all(ch in _ATOM_CHARS for ch in flag)


class ImapConnector:
    """One IMAP session with one mailbox (see the module docstring). Open with `open()`, end with `close()`."""

    def __init__(
        self,
        account: Account,
        *,
        gate: ConnectionGate,
        cancel: threading.Event,
        role: str,
        timeout: float = 120.0,
        spool_threshold: int = DEFAULT_SPOOL_THRESHOLD,
        ignore_capabilities: frozenset[str] = frozenset(),
    ) -> None:
        self.account = account
        # Behave as if the server lacked these (tests and benchmarks imitate other servers with it).
        self.ignore_capabilities = frozenset(c.upper() for c in ignore_capabilities)
        self.endpoint = account.endpoint
        self.gate = gate
        self.cancel = cancel
        self.role = role  # "source" or "target"
        self.timeout = timeout
        self.spool_threshold = spool_threshold
        self.features = Features()
        self.separator = "/"
        self.capabilities: set[str] = set()
        self.personal_prefix = ""
        self._other_prefixes: list[tuple[str, Namespace]] = []
        self._wire: ImapWire | None = None
        self._setup_tags: list[bytes] = []  # ID and NAMESPACE sent after login, answers not read yet
        self._holds_gate = False
        self._selected: tuple[str, bool] | None = None  # (folder, read-only)
        self._known_folders: set[str] = set()
        self._wire_names: dict[str, bytes] = {}

    # -- errors in admin words ------------------------------------------------------------------

    @property
    def _where(self) -> str:
        return f"{self.endpoint.host}:{self.endpoint.port}"

    def _lost(self, exc: ConnectionLost | ProtocolError | OSError) -> MailstageError:
        if isinstance(exc, ConnectionLost | ProtocolError):
            cause = exc.sentence
        else:
            reason = str(exc)
            cause = f"{reason[:1].upper()}{reason[1:]}."
        code = "imap.connection_lost"
        if isinstance(exc, ConnectionLost) and exc.bye_code == b"UNAVAILABLE":
            code = "imap.unavailable"
        return MailstageError(
            code,
            T(
                "The connection to {where} for mailbox {address} was interrupted.",
                where=self._where,
                address=self.account.address,
            ),
            cause,
            T(
                "Mailstage retries on its own; if this keeps happening, check the network and the server's load."
            ),
            severity=Severity.MAILBOX,
            transient=True,
            mailbox=self.account.address,
        )

    def _refused(
        self, completion: Completion, doing: str, *, severity: Severity = Severity.FOLDER
    ) -> MailstageError:
        """An error for a command the server answered with NO or BAD."""
        code = completion.code.decode("ascii", "replace").upper()
        text = completion.text
        if (
            code in ("UNAVAILABLE", "INUSE", "LIMIT")
            or _THROTTLE_TEXT.search(text)
            or _LIMIT_TEXT.search(text)
        ):
            return MailstageError(
                "imap.busy",
                T(
                    "The server {where} is busy and refused to {doing} for mailbox {address}.",
                    where=self._where,
                    doing=doing,
                    address=self.account.address,
                ),
                T("It said: {text} ({code}).", text=text, code=code or completion.status.decode()),
                T("Mailstage waits and retries; fewer mailboxes at once helps if this persists."),
                severity=Severity.MAILBOX,
                transient=True,
                mailbox=self.account.address,
            )
        if code == "OVERQUOTA":
            return MailstageError(
                "target.over_quota",
                T(
                    "The mailbox {address} on {where} is full.",
                    address=self.account.address,
                    where=self._where,
                ),
                T("The server refused to {doing}: {text} (OVERQUOTA).", doing=doing, text=text),
                T(
                    "Raise the mailbox's quota (or its licence's) on the target and run the batch again; "
                    "what was copied stays copied."
                ),
                severity=Severity.MAILBOX,
                mailbox=self.account.address,
            )
        return MailstageError(
            "imap.refused",
            T(
                "The server {where} refused to {doing} for mailbox {address}.",
                where=self._where,
                doing=doing,
                address=self.account.address,
            ),
            T("It said: {text} ({code}).", text=text, code=code or completion.status.decode()),
            T("Check that the account may do this on the server; the server's log has the details."),
            severity=severity,
            mailbox=self.account.address,
        )

    def _wire_or_fail(self) -> ImapWire:
        if self._wire is None or self._wire.closed:
            raise self._lost(ConnectionLost(T("The connection is closed.")))
        if self._setup_tags:
            self._finish_setup(self._wire)
        return self._wire

    # -- opening ---------------------------------------------------------------------------------

    def open(self) -> ImapConnector:
        """Connect, secure, check the pin, log in and learn what the server offers."""
        if not self.gate.acquire(self.endpoint, self.cancel):
            raise MailstageError(
                "copy.cancelled",
                T("The copy was stopped."),
                severity=Severity.MAILBOX,
                mailbox=self.account.address,
            )
        self._holds_gate = True
        try:
            self._connect()
            self._login()
            self._after_login()
        except BaseException:
            self.close()
            raise
        return self

    def _connect(self) -> None:
        endpoint = self.endpoint
        security = endpoint.security
        context: ssl.SSLContext | None = None
        if security is not Security.NONE:
            context = context_for(endpoint.pinned_fingerprint or None)
        try:
            wire, greeting = ImapWire.open(
                endpoint.host,
                endpoint.port,
                implicit_tls=security is Security.TLS,
                starttls=security is Security.STARTTLS,
                context=context,
                timeout=self.timeout,
                spool_threshold=self.spool_threshold,
            )
        except ssl.SSLCertVerificationError as error:
            info = None
            try:
                info = probe_certificate(
                    endpoint.host, endpoint.port, starttls=security is Security.STARTTLS, timeout=self.timeout
                ).info
            except OSError:
                pass
            raise UntrustedCertificate(endpoint.host, info, explain_verification_error(error)) from None
        except ssl.SSLError as error:
            raise MailstageError(
                "imap.tls_failed",
                T("A secure connection to {where} could not be made.", where=self._where),
                T("The TLS handshake failed: {reason}.", reason=error.reason or str(error)),
                T(
                    "Check the port and security setting of the endpoint (993 with SSL/TLS, 143 with STARTTLS)."
                ),
                severity=Severity.BATCH,
                transient=False,
            ) from None
        except (ConnectionLost, ProtocolError) as exc:
            raise self._lost(exc) from None
        self._wire = wire
        if isinstance(wire.sock, ssl.SSLSocket):
            check_pin(wire.sock, endpoint.host, endpoint.pinned_fingerprint or None)
        if greeting.code == b"CAPABILITY" and security is not Security.STARTTLS:
            self._set_capabilities(greeting.code_args)
        else:
            self._refresh_capabilities()

    def _set_capabilities(self, words: Sequence[Token]) -> None:
        self.capabilities = {
            _text(w).upper() for w in words if isinstance(w, bytes)
        } - self.ignore_capabilities
        caps = self.capabilities
        limit = 0
        for cap in caps:
            if cap.startswith("APPENDLIMIT="):
                limit = _int(cap.split("=", 1)[1].encode())
        self.features = Features(
            uidplus="UIDPLUS" in caps,
            multiappend="MULTIAPPEND" in caps,
            literal_plus="LITERAL+" in caps,
            condstore="CONDSTORE" in caps or "QRESYNC" in caps,
            special_use="SPECIAL-USE" in caps,
            append_limit=limit,
            keeps_bytes=self.endpoint.kind is not EndpointKind.M365,
        )
        if self._wire is not None:
            self._wire.literal_plus = "LITERAL+" in caps
            self._wire.literal_minus = "LITERAL-" in caps

    def _refresh_capabilities(self) -> None:
        wire = self._wire_or_fail()
        try:
            completion = wire.run([b"CAPABILITY"])
        except (ConnectionLost, ProtocolError) as exc:
            raise self._lost(exc) from None
        words: list[Token] = []
        for response in completion.responses(b"CAPABILITY"):
            words.extend(response.data)
        self._set_capabilities(words)

    def _login(self) -> None:
        wire = self._wire_or_fail()
        account = self.account
        endpoint = self.endpoint
        try:
            if account.token is not None or endpoint.kind is EndpointKind.M365:
                completion = self._xoauth2(wire)
            elif endpoint.admin_user:
                secret = account.secret()
                style = endpoint.admin_style
                if style is AdminLoginStyle.SASL:
                    completion = self._sasl_plain(wire, account.login_name, endpoint.admin_user, secret)
                elif style is AdminLoginStyle.DOVECOT:
                    completion = self._plain_login(
                        wire, f"{account.login_name}*{endpoint.admin_user}", secret
                    )
                else:
                    name = "/".join(
                        p for p in (endpoint.admin_domain, endpoint.admin_user, account.login_name) if p
                    )
                    completion = self._plain_login(wire, name, secret)
            else:
                completion = self._plain_login(wire, account.login_name, account.secret())
        except (ConnectionLost, ProtocolError) as exc:
            raise self._lost(exc) from None
        if not completion.ok:
            raise self._login_failed(completion)
        if completion.code == b"CAPABILITY":
            self._set_capabilities(completion.code_args)
        else:
            self._refresh_capabilities()

    def _plain_login(self, wire: ImapWire, user: str, secret: str) -> Completion:
        """AUTHENTICATE PLAIN when offered (one round trip with SASL-IR), else LOGIN."""
        if "AUTH=PLAIN" in self.capabilities:
            return self._sasl_plain(wire, user, "", secret)
        if "LOGINDISABLED" in self.capabilities:
            raise MailstageError(
                "imap.login_disabled",
                T("The server {where} does not accept a password login here.", where=self._where),
                T("It announces LOGINDISABLED: logins are only allowed over a secure connection."),
                T("Use SSL/TLS (port 993) or STARTTLS for this endpoint."),
                severity=Severity.BATCH,
            )
        return wire.run([b"LOGIN", quote(user), quote(secret)])

    def _sasl(self, wire: ImapWire, mechanism: bytes, payload: bytes) -> Completion:
        return wire.authenticate(
            mechanism, base64.b64encode(payload), initial_inline="SASL-IR" in self.capabilities
        )

    def _sasl_plain(self, wire: ImapWire, authzid: str, authcid: str, secret: str) -> Completion:
        if authcid:
            payload = f"{authzid}\0{authcid}\0{secret}".encode()
        else:
            payload = f"\0{authzid}\0{secret}".encode()
        return self._sasl(wire, b"PLAIN", payload)

    def _xoauth2(self, wire: ImapWire) -> Completion:
        if self.account.token is None:
            raise MailstageError(
                "auth.no_token",
                T("No way to sign in to {address} with OAuth2 was set up.", address=self.account.address),
                T("The endpoint needs an access token (Microsoft 365 signs in with OAuth2 only)."),
                T("Set up the endpoint's app registration or sign-in first."),
                severity=Severity.BATCH,
            )
        token = self.account.token()
        payload = f"user={self.account.login_name}\x01auth=Bearer {token}\x01\x01".encode()
        return self._sasl(wire, b"XOAUTH2", payload)

    def _login_failed(self, completion: Completion) -> MailstageError:
        code = completion.code.decode("ascii", "replace").upper()
        # "The server said:" stays a piece of its own: checks and the M365 connector find it in the cause.
        said = (
            T("The server said: {text} ({code}).", text=completion.text, code=code)
            if code
            else T("The server said: {text}.", text=completion.text)
        )
        if code in ("LIMIT", "UNAVAILABLE", "INUSE") or _LIMIT_TEXT.search(completion.text):
            return MailstageError(
                "imap.connection_limit" if code != "UNAVAILABLE" else "imap.unavailable",
                T(
                    "The server {where} has no room for another connection to {address} now.",
                    where=self._where,
                    address=self.account.address,
                ),
                said,
                T(
                    "Mailstage waits and retries; lower the number of mailboxes copied at once if this persists."
                ),
                severity=Severity.MAILBOX,
                transient=True,
                mailbox=self.account.address,
            )
        endpoint = self.endpoint
        if self.account.token is not None or endpoint.kind is EndpointKind.M365:
            cause = T(
                "The access token was refused: the app may lack permission for this mailbox, or the token expired."
            )
            fix = T("Check the app registration's IMAP permission and that the mailbox exists; then retry.")
        elif endpoint.admin_user:
            cause = T(
                "The admin account {admin} was refused: its password may be wrong or changed, "
                "or it may not open other users' mailboxes (here: {login}).",
                admin=endpoint.admin_user,
                login=self.account.login_name,
            )
            fix = T(
                "Check the admin password of endpoint {name} and that the account has admin or Full Access rights "
                "to this mailbox.",
                name=endpoint.name,
            )
        else:
            cause = T(
                "The user name {login} or its password was refused: the password is probably "
                "wrong, or was changed after the list was made, or the account is disabled.",
                login=self.account.login_name,
            )
            fix = T(
                "Correct the password in the mailbox list (or ask the user for the new one) and retry this mailbox."
            )
        return MailstageError(
            "imap.login_failed",
            T(
                "Mailstage could not log in to the mailbox {address} on {where}.",
                address=self.account.address,
                where=self._where,
            ),
            T("{cause} {said}", cause=cause, said=said),
            fix,
            severity=Severity.MAILBOX,
            mailbox=self.account.address,
        )

    def _after_login(self) -> None:
        """Send ID and NAMESPACE without waiting: their answers are read together with the first
        real command's (list_folders sends LIST behind them), a round trip saved on every login."""
        wire = self._wire_or_fail()
        try:
            if "ID" in self.capabilities:
                self._setup_tags.append(
                    wire.submit([b"ID", b'("name" "Mailstage" "version" "' + __version__.encode() + b'")'])
                )
            if "NAMESPACE" in self.capabilities:
                self._setup_tags.append(wire.submit([b"NAMESPACE"]))
            wire.flush()
        except (ConnectionLost, ProtocolError) as exc:
            raise self._lost(exc) from None

    def _finish_setup(self, wire: ImapWire) -> None:
        tags, self._setup_tags = self._setup_tags, []
        try:
            for tag in tags:
                for response in wire.wait(tag).responses(b"NAMESPACE"):
                    self._read_namespace(response)
        except (ConnectionLost, ProtocolError) as exc:
            raise self._lost(exc) from None

    def _read_namespace(self, response: Response) -> None:
        kinds = (Namespace.PERSONAL, Namespace.OTHER_USERS, Namespace.SHARED)
        for kind, group in zip(kinds, response.data, strict=False):
            if not isinstance(group, list):
                continue
            for entry in group:
                if not isinstance(entry, list) or not entry:
                    continue
                prefix = self._decode_name(entry[0])
                separator = _text(entry[1]) if len(entry) > 1 and entry[1] is not None else ""
                if kind is Namespace.PERSONAL:
                    if not self.personal_prefix:
                        self.personal_prefix = prefix
                    if separator:
                        self.separator = separator
                elif prefix:
                    self._other_prefixes.append((prefix, kind))

    # -- names -----------------------------------------------------------------------------------

    def _decode_name(self, token: Token) -> str:
        raw = token.read_all() if isinstance(token, MessageBody) else token or b""
        assert isinstance(raw, bytes)
        try:
            name = utf7.decode(raw)
        except Exception:
            name = raw.decode("utf-8", "replace")
        return str(name)

    def _wire_name(self, name: str) -> CommandPart:
        raw = self._wire_names.get(name)
        if raw is None:
            raw = utf7.encode(name)
        return quote(raw)

    @property
    def _root(self) -> str:
        """The mailbox's root folder in a shared tree (the list's UserRoot), in this server's terms."""
        parts = [p for p in self.account.root.replace("\\", "/").split("/") if p]
        return self.separator.join(parts)

    def _path_of(self, name: str, separator: str) -> tuple[str, ...]:
        root = self._root
        if root:
            # Under a UserRoot the root folder is the mailbox's INBOX and its subfolders its folders.
            if name == root:
                return ("INBOX",)
            parts = tuple(name[len(root) + len(separator) :].split(separator))
            return ("INBOX", *parts[1:]) if parts[0].upper() == "INBOX" else parts
        if name.upper() == "INBOX":
            return ("INBOX",)
        rest = name
        if self.personal_prefix and name.startswith(self.personal_prefix):
            rest = name[len(self.personal_prefix) :]
        parts = tuple(rest.split(separator)) if separator else (rest,)
        if parts and parts[0].upper() == "INBOX":
            parts = ("INBOX", *parts[1:])
        return parts

    def _name_of(self, path: tuple[str, ...]) -> str:
        root = self._root
        if root:
            rest = path[1:] if path[0].upper() == "INBOX" else path
            return root + "".join(self.separator + p for p in rest)
        if path[0].upper() == "INBOX":
            return "INBOX" + "".join(self.separator + p for p in path[1:])
        prefix = self.personal_prefix
        if prefix.upper().rstrip(self.separator) == "INBOX":
            prefix = "INBOX" + self.separator
        return prefix + self.separator.join(path)

    # -- folders ---------------------------------------------------------------------------------

    def list_folders(self) -> list[FolderInfo]:
        if self._wire is None or self._wire.closed:
            raise self._lost(ConnectionLost(T("The connection is closed.")))
        wire = self._wire
        returns: list[CommandPart] = []
        if self.features.special_use and "LIST-EXTENDED" in self.capabilities:
            returns.append(b"RETURN (SPECIAL-USE)")
        try:
            if self.account.root:
                # The root and what is under it, not every mailbox of the shared tree.
                self._finish_setup(wire)
                root = self._root
                tags = [
                    wire.submit([b"LIST", b'""', quote(utf7.encode(pattern)), *returns])
                    for pattern in (root, root + self.separator + "*")
                ]
            else:
                tags = [wire.submit([b"LIST", b'""', b'"*"', *returns])]  # behind ID and NAMESPACE
                self._finish_setup(wire)
            completions = [wire.wait(tag) for tag in tags]
        except (ConnectionLost, ProtocolError) as exc:
            raise self._lost(exc) from None
        completion = next((c for c in completions if not c.ok), completions[-1])
        if not completion.ok:
            raise self._refused(completion, T("list the folders"), severity=Severity.MAILBOX)
        folders: list[FolderInfo] = []
        root = self._root
        for response in [r for c in completions for r in c.responses(b"LIST")]:
            if len(response.data) < 3:
                continue
            attributes_token, separator_token, name_token = response.data[:3]
            attributes = frozenset(
                _text(a).lower() for a in (attributes_token if isinstance(attributes_token, list) else [])
            )
            if not self.features.special_use:
                attributes = attributes - SPECIAL_USE_ATTRIBUTES
            separator = _text(separator_token) if separator_token is not None else ""
            if separator and self.separator != separator and not self.personal_prefix:
                self.separator = separator
            name = self._decode_name(name_token)
            if isinstance(name_token, bytes):
                self._wire_names[name] = name_token
            namespace = Namespace.PERSONAL
            if root:
                if name != root and not name.startswith(root + separator):
                    continue  # not this mailbox's (a server may list more than the pattern asked)
            else:
                for prefix, kind in sorted(self._other_prefixes, key=lambda p: -len(p[0])):
                    if name.startswith(prefix) or name + separator == prefix:
                        namespace = kind
                        break
            self._known_folders.add(name)
            folders.append(FolderInfo(name, self._path_of(name, separator), attributes, namespace))
        return folders

    def status(self, folders: Sequence[str]) -> dict[str, FolderStatus | None]:
        wire = self._wire_or_fail()
        items = b"(UIDVALIDITY UIDNEXT MESSAGES" + (b" HIGHESTMODSEQ)" if self.features.condstore else b")")
        try:
            completions = wire.run_pipelined([[b"STATUS", self._wire_name(f), items] for f in folders])
        except (ConnectionLost, ProtocolError) as exc:
            raise self._lost(exc) from None
        # STATUS answers name their folder; match them by name, not by order.
        values_of: dict[str, dict[str, int]] = {}
        for completion in completions:
            for response in completion.responses(b"STATUS"):
                if len(response.data) < 2 or not isinstance(response.data[1], list):
                    continue
                pairs = response.data[1]
                values = values_of.setdefault(self._decode_name(response.data[0]), {})
                for i in range(0, len(pairs) - 1, 2):
                    values[_text(pairs[i]).upper()] = _int(pairs[i + 1])
        result: dict[str, FolderStatus | None] = {}
        for folder, completion in zip(folders, completions, strict=True):
            if not completion.ok:
                if completion.code in (b"UNAVAILABLE", b"LIMIT"):
                    raise self._refused(completion, T("report folder counters"))
                result[folder] = None
                continue
            found = values_of.get(folder, {})
            result[folder] = FolderStatus(
                found.get("UIDVALIDITY", 0),
                found.get("UIDNEXT", 0),
                found.get("MESSAGES", 0),
                found.get("HIGHESTMODSEQ") if self.features.condstore else None,
            )
        return result

    def _examine_parts(self, folder: str) -> list[CommandPart]:
        parts: list[CommandPart] = [b"EXAMINE", self._wire_name(folder)]
        if self.features.condstore:
            parts.append(b"(CONDSTORE)")
        return parts

    def list_messages(self, requests: Sequence[ListingRequest]) -> dict[str, FolderListing]:
        """All requests pipelined: one round trip for any number of folders."""
        wire = self._wire_or_fail()
        plan: list[tuple[ListingRequest, int, int]] = []  # request, index of EXAMINE, index of flags fetch
        commands: list[list[CommandPart]] = []
        for request in requests:
            examine = len(commands)
            commands.append(self._examine_parts(request.folder))
            commands.append(
                [b"UID", b"FETCH", b"%d:*" % (request.since_uid + 1), b"(UID FLAGS RFC822.SIZE INTERNALDATE)"]
            )
            flags_index = -1
            if request.flags_of_known and request.since_uid > 0:
                flags_index = len(commands)
                fetch: list[CommandPart] = [b"UID", b"FETCH", b"1:%d" % request.since_uid, b"(UID FLAGS)"]
                if request.changed_since is not None and self.features.condstore:
                    fetch.append(b"(CHANGEDSINCE %d)" % request.changed_since)
                commands.append(fetch)
            plan.append((request, examine, flags_index))
        try:
            completions = wire.run_pipelined(commands)
        except (ConnectionLost, ProtocolError) as exc:
            raise self._lost(exc) from None
        if requests:
            self._selected = (requests[-1].folder, True)
        result: dict[str, FolderListing] = {}
        for position, (request, examine_index, flags_index) in enumerate(plan):
            examined = completions[examine_index]
            if not examined.ok:
                raise self._refused(examined, T("open the folder {folder}", folder=request.folder))
            last = plan[position + 1][1] if position + 1 < len(plan) else len(completions)
            group = completions[examine_index:last]
            # A server may run pipelined FETCHes at once, so their untagged answers can come before
            # the previous command's completion: take the folder's answers together, by UID.
            untagged = [r for c in group for r in c.untagged]
            codes: dict[bytes, list[Token]] = {}
            for response in untagged:
                if response.code:
                    codes[response.code] = response.code_args
            exists = max((r.number or 0 for r in untagged if r.kind == b"EXISTS"), default=0)
            for completion in group[1:]:
                if not completion.ok and exists:
                    raise self._refused(completion, T("list the messages of {folder}", folder=request.folder))
            new: list[MessageInfo] = []
            known: dict[int, tuple[str, ...]] = {}
            for response in untagged:
                if response.kind != b"FETCH":
                    continue
                items = fetch_items(response)
                uid = _int(items.get(b"UID"))
                if uid <= 0:
                    continue
                flags = _flags(items.get(b"FLAGS"))
                if uid > request.since_uid:
                    if b"RFC822.SIZE" in items:
                        new.append(
                            MessageInfo(
                                uid, flags, _int(items.get(b"RFC822.SIZE")), _text(items.get(b"INTERNALDATE"))
                            )
                        )
                elif flags_index >= 0 and b"FLAGS" in items:
                    # Includes the last message that "N:*" returns when N is past it: its flags are current.
                    known[uid] = flags
            modseq = codes.get(b"HIGHESTMODSEQ")
            unique = {m.uid: m for m in new}
            result[request.folder] = FolderListing(
                request.folder,
                _int(codes.get(b"UIDVALIDITY", [None])[0]),
                _int(codes.get(b"UIDNEXT", [None])[0]),
                exists,
                _int(modseq[0]) if modseq else None,
                tuple(unique[uid] for uid in sorted(unique)),
                known,
            )
        return result

    def _ensure_selected(self, folder: str, *, readonly: bool) -> None:
        """Open FOLDER unless it is open already (read-write also serves reads)."""
        if self._selected is not None and self._selected[0] == folder and (readonly or not self._selected[1]):
            return
        if not readonly and self.role != "target":
            raise AssertionError("a source is never opened read-write")
        wire = self._wire_or_fail()
        parts = self._examine_parts(folder) if readonly else [b"SELECT", self._wire_name(folder)]
        try:
            completion = wire.run(parts)
        except (ConnectionLost, ProtocolError) as exc:
            raise self._lost(exc) from None
        if not completion.ok:
            self._selected = None
            raise self._refused(completion, T("open the folder {folder}", folder=folder))
        self._selected = (folder, readonly)

    def fetch_headers(self, folder: str, uids: Sequence[int] | None, since_uid: int = 0) -> list[HeaderInfo]:
        if uids is not None and not uids:
            return []
        self._ensure_selected(folder, readonly=True)
        wire = self._wire_or_fail()
        which = uid_set(uids) if uids is not None else b"%d:*" % (since_uid + 1)
        try:
            completion = wire.run(
                [b"UID", b"FETCH", which, b"(UID FLAGS RFC822.SIZE INTERNALDATE " + HEADER_FIELDS + b")"]
            )
        except (ConnectionLost, ProtocolError) as exc:
            raise self._lost(exc) from None
        if not completion.ok:
            raise self._refused(completion, T("read message headers in {folder}", folder=folder))
        wanted = set(uids) if uids is not None else None
        out: list[HeaderInfo] = []
        for response in completion.responses(b"FETCH"):
            items = fetch_items(response)
            uid = _int(items.get(b"UID"))
            if (
                uid == 0
                or (wanted is not None and uid not in wanted)
                or (wanted is None and uid <= since_uid)
            ):
                continue
            header: bytes | None = None
            for key, value in items.items():
                if key.startswith(b"BODY[HEADER"):
                    if isinstance(value, MessageBody):
                        header = value.read_all()
                    else:
                        header = value if isinstance(value, bytes) else b""
            if header is None:
                continue  # an unsolicited FETCH (a flag change by another session), not our answer
            out.append(
                HeaderInfo(
                    uid,
                    header,
                    _int(items.get(b"RFC822.SIZE")),
                    _text(items.get(b"INTERNALDATE")),
                    _flags(items.get(b"FLAGS")),
                )
            )
        return sorted(out, key=lambda h: h.uid)

    def fetch_messages(self, folder: str, uids: Sequence[int]) -> Iterator[FetchedMessage]:
        """The messages UIDS (those still there), whole; large ones spooled to temporary files."""
        return iter(self.collect_messages(self.request_messages(folder, uids)))

    def request_messages(self, folder: str, uids: Sequence[int]) -> PendingFetch:
        """Send the FETCH for UIDS (after an EXAMINE, pipelined, when FOLDER is not open) and return
        at once, so the caller can work on the target while the source sends; see collect_messages."""
        pending = PendingFetch(folder, tuple(uids))
        if not uids:
            return pending
        wire = self._wire_or_fail()
        try:
            if self._selected is None or self._selected[0] != folder:
                # A failed EXAMINE leaves no folder open, so the FETCH behind it cannot read another one.
                pending.examine_tag = wire.submit(self._examine_parts(folder))
                self._selected = (folder, True)
            pending.fetch_tag = wire.submit(
                [b"UID", b"FETCH", uid_set(uids), b"(UID FLAGS INTERNALDATE BODY.PEEK[])"]
            )
            wire.flush()
        except (ConnectionLost, ProtocolError) as exc:
            raise self._lost(exc) from None
        return pending

    def collect_messages(self, pending: PendingFetch) -> list[FetchedMessage]:
        """The answer to request_messages, in UID order."""
        if not pending.fetch_tag:
            return []
        wire = self._wire_or_fail()
        try:
            examined = wire.wait(pending.examine_tag) if pending.examine_tag else None
            completion = wire.wait(pending.fetch_tag)
        except (ConnectionLost, ProtocolError) as exc:
            raise self._lost(exc) from None
        fetched: dict[int, FetchedMessage] = {}
        for response in [*(examined.untagged if examined else []), *completion.untagged]:
            if response.kind != b"FETCH":
                continue
            items = fetch_items(response)
            uid = _int(items.get(b"UID"))
            body = items.get(b"BODY[]")
            if isinstance(body, bytes):
                body = MemoryBody(body)
            if uid and isinstance(body, MessageBody):
                fetched[uid] = FetchedMessage(
                    uid, _flags(items.get(b"FLAGS")), _text(items.get(b"INTERNALDATE")), body
                )
        if examined is not None and not examined.ok:
            self._selected = None
            for message in fetched.values():
                message.body.close()
            raise self._refused(examined, T("open the folder {folder}", folder=pending.folder))
        if not completion.ok:
            for message in fetched.values():
                message.body.close()
            raise self._refused(completion, T("read messages in {folder}", folder=pending.folder))
        return [fetched[uid] for uid in sorted(fetched)]

    # -- writing (target only) ---------------------------------------------------------------------

    def _require_target(self) -> None:
        if self.role != "target":
            raise AssertionError("the source is read-only: no command that changes it may be sent")

    def ensure_folder(self, path: tuple[str, ...]) -> str:
        return self.ensure_folders([path])[0]

    def ensure_folders(self, paths: Sequence[tuple[str, ...]]) -> list[str]:
        """The full names of the folders at PATHS, creating (and subscribing) the missing ones and
        their parents, all in one round trip."""
        self._require_target()
        commands: list[list[CommandPart]] = []
        created: list[str] = []
        for path in paths:
            start = 1 if path[0].upper() == "INBOX" else 0
            for depth in range(start + 1, len(path) + 1):
                partial = self._name_of(path[:depth])
                if partial in self._known_folders or partial in created:
                    continue
                commands.append([b"CREATE", self._wire_name(partial)])
                commands.append([b"SUBSCRIBE", self._wire_name(partial)])
                created.append(partial)
        if commands:
            wire = self._wire_or_fail()
            try:
                completions = wire.run_pipelined(commands)
            except (ConnectionLost, ProtocolError) as exc:
                raise self._lost(exc) from None
            for partial, completion in zip(created, completions[::2], strict=True):
                if not completion.ok and completion.code != b"ALREADYEXISTS":
                    # Some servers answer a plain NO for an existing folder: believe it only if listed.
                    try:
                        listed = wire.run([b"LIST", b'""', self._wire_name(partial)])
                    except (ConnectionLost, ProtocolError) as exc:
                        raise self._lost(exc) from None
                    if not listed.responses(b"LIST"):
                        raise self._refused(completion, T("create the folder {folder}", folder=partial))
                self._known_folders.add(partial)
        return [self._name_of(path) for path in paths]

    def open_folder(self, name: str) -> TargetFolder:
        self._require_target()
        wire = self._wire_or_fail()
        try:
            completion = wire.run([b"SELECT", self._wire_name(name)])
        except (ConnectionLost, ProtocolError) as exc:
            raise self._lost(exc) from None
        if not completion.ok:
            self._selected = None
            raise self._refused(completion, T("open the folder {folder}", folder=name))
        self._selected = (name, False)
        codes = completion.codes()
        permanent = codes.get(b"PERMANENTFLAGS", [[]])
        flags = permanent[0] if permanent and isinstance(permanent[0], list) else []
        names = frozenset(_text(f) for f in flags if isinstance(f, bytes))
        exists = max((r.number or 0 for r in completion.responses(b"EXISTS")), default=0)
        return TargetFolder(
            name,
            _int(codes.get(b"UIDVALIDITY", [None])[0]),
            _int(codes.get(b"UIDNEXT", [None])[0]),
            exists,
            accepts_any_keyword="\\*" in names or not names,
            permanent_flags=names - {"\\*"},
        )

    def _append_parts(self, message: OutgoingMessage) -> list[CommandPart]:
        date: list[CommandPart] = [quote(message.internaldate)] if message.internaldate else []
        return [_flag_list(message.flags), *date, Literal(message.body)]

    def append(self, folder: TargetFolder, messages: Sequence[OutgoingMessage]) -> list[AppendOutcome]:
        """Append MESSAGES in order: one MULTIAPPEND, or pipelined APPENDs, falling back one by one
        when a batch is refused so that one bad message never sinks its neighbours."""
        self._require_target()
        if not messages:
            return []
        wire = self._wire_or_fail()
        name = self._wire_name(folder.name)
        try:
            if len(messages) > 1 and self.features.multiappend:
                parts: list[CommandPart] = [b"APPEND", name]
                for message in messages:
                    parts.extend(self._append_parts(message))
                completion = wire.run(parts)
                if completion.ok:
                    uids = self._appended_uids(completion, len(messages))
                    return [AppendOutcome(True, uid) for uid in uids]
                self._raise_if_mailbox_level(completion)
                # The whole batch was refused: find the culprit(s) one message at a time.
            if self.features.literal_plus or len(messages) == 1:
                completions = wire.run_pipelined(
                    [[b"APPEND", name, *self._append_parts(m)] for m in messages]
                )
            else:
                completions = [wire.run([b"APPEND", name, *self._append_parts(m)]) for m in messages]
        except (ConnectionLost, ProtocolError) as exc:
            raise self._lost(exc) from None
        outcomes: list[AppendOutcome] = []
        for completion in completions:
            if completion.ok:
                outcomes.append(AppendOutcome(True, self._appended_uids(completion, 1)[0]))
            else:
                self._raise_if_mailbox_level(completion)
                outcomes.append(
                    AppendOutcome(False, None, completion.code.decode("ascii", "replace"), completion.text)
                )
        return outcomes

    def _raise_if_mailbox_level(self, completion: Completion) -> None:
        code = completion.code.upper()
        if code in (b"OVERQUOTA", b"UNAVAILABLE", b"LIMIT", b"INUSE", b"TRYCREATE") or _THROTTLE_TEXT.search(
            completion.text
        ):
            error = self._refused(completion, T("store messages"))
            if code == b"TRYCREATE":
                error.transient = True  # the folder vanished under us: reconnecting re-creates it
            raise error

    @staticmethod
    def _appended_uids(completion: Completion, count: int) -> list[int | None]:
        if completion.code == b"APPENDUID" and len(completion.code_args) >= 2:
            raw = completion.code_args[1]
            if isinstance(raw, bytes):
                uids = parse_uid_set(raw)
                if len(uids) == count:
                    return list(uids)
        return [None] * count

    def store_flags(self, folder: TargetFolder, changes: Sequence[FlagChange]) -> None:
        self._require_target()
        if not changes:
            return
        self._ensure_selected(folder.name, readonly=False)
        commands: list[list[CommandPart]] = []
        for change in changes:
            if change.add:
                commands.append(
                    [b"UID", b"STORE", uid_set(change.uids), b"+FLAGS.SILENT", _flag_list(change.add)]
                )
            if change.remove:
                commands.append(
                    [b"UID", b"STORE", uid_set(change.uids), b"-FLAGS.SILENT", _flag_list(change.remove)]
                )
        wire = self._wire_or_fail()
        try:
            completions = wire.run_pipelined(commands)
        except (ConnectionLost, ProtocolError) as exc:
            raise self._lost(exc) from None
        for completion in completions:
            if not completion.ok:
                raise self._refused(completion, T("change flags in {folder}", folder=folder.name))

    # -- closing ---------------------------------------------------------------------------------

    def close(self) -> None:
        """Say goodbye without waiting for the answer (a round trip saved) and free the gate's slot."""
        wire, self._wire = self._wire, None
        if wire is not None:
            if not wire.closed:
                try:
                    wire.submit([b"LOGOUT"])
                    wire.flush()
                except (ConnectionLost, OSError):
                    pass
            wire.close()
        if self._holds_gate:
            self._holds_gate = False
            self.gate.release(self.endpoint)
