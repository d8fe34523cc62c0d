"""The prerequisite checks of an m365 endpoint, for the checks framework (engine/checks/framework.py).

Same ids and subjects as every server and mailbox check (the design's contract); what they do differs
for Microsoft 365:

- `<role>.login`: getting an access token from Microsoft's sign-in service (app-only with the client
  secret, or the saved device-code sign-in); a refusal shows Entra's AADSTS code decoded;
- `<role>.capabilities`: the IMAP server offers AUTH=XOAUTH2 (asked before login, which needs no mailbox);
- `<role>.connections`: the sessions per mailbox Mailstage opens (at most 4) open at once, on the first
  listed mailbox;
- `mailbox.target_exists` (per listed mailbox): logs in as the mailbox and SELECTs INBOX - a mailbox the
  app may not open fails with the FullAccess fix, one that does not exist with "directory
  synchronisation not done".

`M365Checks(endpoint)` holds one token provider for the whole run (so 500 mailbox checks make one
token request, not 500). `endpoint_test(...)` runs them for `mailstage-cli endpoint test NAME
[--mailbox ADDRESS]`.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor

from engine.checks.framework import (
    Check,
    CheckContext,
    CheckKey,
    CheckReport,
    EventCallback,
    Verdict,
    failed,
    passed,
    run_checks,
    skipped,
    warned,
    what_and_cause,
)
from engine.connectors.imap_wire import ConnectionLost, ImapWire, ProtocolError
from engine.endpoints import Endpoint, EndpointKind, Security
from engine.errors import MailstageError
from engine.keystore import SecretStore
from engine.m365.connect import MAX_CONNECTIONS_PER_MAILBOX, m365_account, open_exchange_online
from engine.m365.events import EventSink, ignore
from engine.m365.http import Cancelled
from engine.m365.tokens import TokenProvider, token_provider_for
from engine.text import T, join
from engine.tls import context_for

LOGIN_TIMEOUT = 60.0  # a token request may wait out throttling for a while
CAPABILITIES_TIMEOUT = 20.0
CONNECTIONS_TIMEOUT = 60.0
MAILBOX_TIMEOUT = 60.0
TLS_TIMEOUT = 12.0


def _evidence(error: MailstageError) -> str:
    return what_and_cause(error)


def _reason(exc: Exception) -> str:
    """Why the connection failed, as a sentence (translatable when the wire gave one)."""
    if isinstance(exc, ConnectionLost | ProtocolError):
        return exc.sentence
    said = str(exc)
    return f"{said[:1].upper()}{said[1:]}."


class M365Checks:
    """The checks of one m365 endpoint in one run, sharing one token provider."""

    def __init__(
        self,
        endpoint: Endpoint,
        *,
        secrets: SecretStore | None = None,
        on_event: EventSink = ignore,
        cancel: threading.Event | None = None,
    ) -> None:
        if endpoint.kind is not EndpointKind.M365:
            raise ValueError("M365Checks is for m365 endpoints")
        self.endpoint = endpoint
        self.secrets = secrets
        self.on_event = on_event
        self.cancel = cancel or threading.Event()
        self._provider: TokenProvider | None = None
        self._lock = threading.Lock()
        # The per-mailbox checks open at most this many sessions at once.
        self._sessions = threading.BoundedSemaphore(MAX_CONNECTIONS_PER_MAILBOX)

    @property
    def provider(self) -> TokenProvider:
        with self._lock:
            if self._provider is None:
                self._provider = token_provider_for(
                    self.endpoint, secrets=self.secrets, on_event=self.on_event, cancel=self.cancel
                )
            return self._provider

    def keys(self, role: str) -> dict[str, CheckKey]:
        subject = self.endpoint.url
        return {
            name: (f"{role}.{name}", subject)
            for name in ("dns", "tcp", "tls", "login", "capabilities", "connections")
        }

    # -- the checks ------------------------------------------------------------------------------

    def server_checks(
        self,
        role: str = "target",
        *,
        mailboxes: Sequence[str] = (),
        planned: int | None = None,
        scale: float = 1.0,
        after_tls: bool = True,
    ) -> list[Check]:
        """login, capabilities and connections (dns, tcp and tls are the framework's own server checks).

        AFTER_TLS: the capabilities check requires `<role>.tls` (False when that check is not in the run).
        """
        keys = self.keys(role)
        subject = self.endpoint.url
        sessions = min(planned or MAX_CONNECTIONS_PER_MAILBOX, MAX_CONNECTIONS_PER_MAILBOX)
        return [
            Check(
                keys["login"][0],
                subject,
                self._check_login,
                title=T("Mailstage signs in to Microsoft 365"),
                timeout=LOGIN_TIMEOUT * scale,
                timeout_fix=T(
                    "Microsoft's sign-in service did not answer in time: check this computer reaches "
                    "https://login.microsoftonline.com (proxy, firewall)."
                ),
            ),
            Check(
                keys["capabilities"][0],
                subject,
                self._check_capabilities,
                title=T("The Microsoft 365 IMAP server takes OAuth2 sign-in"),
                timeout=CAPABILITIES_TIMEOUT * scale,
                requires=(keys["tls"],) if after_tls else (),
            ),
            Check(
                keys["connections"][0],
                subject,
                self._connections(list(mailboxes), sessions),
                title=T("Exchange Online allows {sessions} sessions per mailbox at once", sessions=sessions),
                timeout=CONNECTIONS_TIMEOUT * scale,
                requires=(keys["login"], keys["capabilities"]),
            ),
        ]

    def target_exists(self, address: str, *, scale: float = 1.0, after: tuple[CheckKey, ...] = ()) -> Check:
        """`mailbox.target_exists` for ADDRESS: requires target.login."""
        return Check(
            "mailbox.target_exists",
            address,
            self._mailbox(address),
            title=T("Exists in Microsoft 365 and opens (directory synchronisation, FullAccess)"),
            timeout=MAILBOX_TIMEOUT * scale,
            requires=(self.keys("target")["login"],),
            after=after,
        )

    def _check_login(self, ctx: CheckContext) -> Verdict:
        provider = self.provider
        settings = provider.settings
        try:
            token = provider.token()
        except Cancelled:
            return skipped(T("Cancelled."))
        except MailstageError as error:
            return failed(_evidence(error), error.fix, code=error.code)
        valid = time.strftime("%H:%M", time.localtime(token.expires_at))
        if settings.auth_mode == "device":
            account = provider.account()
            evidence = (
                T(
                    "Microsoft's sign-in service ({authority}) gave the saved sign-in of {account} a token for "
                    "{resource} with {permission}, valid until {valid}.",
                    authority=settings.authority_url,
                    account=account,
                    resource=settings.resource,
                    permission="IMAP.AccessAsUser.All",
                    valid=valid,
                )
                if account
                else T(
                    "Microsoft's sign-in service ({authority}) gave the saved sign-in of the admin a token for "
                    "{resource} with {permission}, valid until {valid}.",
                    authority=settings.authority_url,
                    resource=settings.resource,
                    permission="IMAP.AccessAsUser.All",
                    valid=valid,
                )
            )
        else:
            evidence = T(
                "Microsoft's sign-in service ({authority}) gave the app {client_id} with its client secret a token "
                "for {resource} with {permission}, valid until {valid}.",
                authority=settings.authority_url,
                client_id=settings.client_id,
                resource=settings.resource,
                permission="IMAP.AccessAsApp",
                valid=valid,
            )
        protection = provider.cache_protection
        if protection is not None and not protection.encrypted:
            return warned(
                T(
                    "{evidence} The sign-in is kept in {path}, readable only by your account, not encrypted.",
                    evidence=evidence,
                    path=str(protection.path),
                ),
                T(
                    "Install a keyring service (GNOME Keyring or KWallet) so Mailstage can encrypt the saved sign-in."
                ),
            )
        return passed(evidence, account=provider.account() or "")

    def _check_capabilities(self, ctx: CheckContext) -> Verdict:
        endpoint = self.endpoint
        where = f"{endpoint.host}:{endpoint.port}"
        try:
            wire, _greeting = ImapWire.open(
                endpoint.host,
                endpoint.port,
                implicit_tls=endpoint.security is Security.TLS,
                starttls=endpoint.security is Security.STARTTLS,
                context=context_for(endpoint.pinned_fingerprint or None),
                timeout=ctx.io_timeout(15.0),
            )
        except (ConnectionLost, ProtocolError, OSError) as exc:
            return failed(
                T("Could not read what {where} offers. {reason}", where=where, reason=_reason(exc)),
                T(
                    "Check that the IMAP server of the endpoint (--imap) is outlook.office365.com:993 for the "
                    "worldwide cloud, and that this computer may reach it."
                ),
            )
        try:
            completion = wire.run([b"CAPABILITY"])
            words = {
                w.decode("ascii", "replace").upper()
                for r in completion.responses(b"CAPABILITY")
                for w in r.data
                if isinstance(w, bytes)
            }
        except (ConnectionLost, ProtocolError) as exc:
            return failed(
                T(
                    "{where} ended the connection while asked what it offers. {reason}",
                    where=where,
                    reason=_reason(exc),
                ),
                T("Try again later."),
            )
        finally:
            wire.close()
        listed = " ".join(sorted(words))
        if "AUTH=XOAUTH2" not in words:
            return failed(
                T(
                    "{where} does not offer OAuth2 sign-in (AUTH=XOAUTH2). Offered: {listed}.",
                    where=where,
                    listed=listed,
                ),
                T(
                    "The --imap server is not Exchange Online's: use outlook.office365.com:993 (US Government: "
                    "outlook.office365.us, China: partner.outlook.cn)."
                ),
                capabilities=sorted(words),
            )
        notes = [T("AUTH=XOAUTH2: mailboxes are opened with Microsoft 365 tokens")]
        notes.append(
            T("UIDPLUS: an interrupted copy resumes exactly")
            if "UIDPLUS" in words
            else T("no UIDPLUS: resuming is slower")
        )
        notes.append(
            T("LITERAL+: messages are sent without waiting for the server's go-ahead")
            if "LITERAL+" in words
            else T("no LITERAL+: one extra round trip per message")
        )
        return passed(
            T("{meanings}. Offered: {listed}.", meanings=join("; ", notes), listed=listed),
            capabilities=sorted(words),
        )

    def _connections(self, mailboxes: list[str], sessions: int) -> Callable[[CheckContext], Verdict]:
        def run(ctx: CheckContext) -> Verdict:
            if not mailboxes:
                return skipped(
                    T(
                        "No mailbox to open: with Microsoft 365 each session belongs to one mailbox; give the list."
                    )
                )
            address = mailboxes[0]
            provider = self.provider

            def one(_: int) -> MailstageError | None:
                # A transient refusal (the token service or the server busy for a moment) gets one more
                # try before it counts against the connection limit; a real limit refuses again.
                error: MailstageError | None = None
                for _attempt in range(2):
                    try:
                        with open_exchange_online(
                            m365_account(self.endpoint, address, provider),
                            role="target",
                            cancel=ctx.cancel,
                            timeout=ctx.io_timeout(30.0),
                        ):
                            return None
                    except MailstageError as caught:
                        error = caught
                        if not caught.transient or ctx.cancel.is_set():
                            break
                return error

            with ThreadPoolExecutor(max_workers=sessions) as pool:
                outcomes = list(pool.map(one, range(sessions)))
            errors = [e for e in outcomes if e is not None]
            if not errors:
                return passed(
                    T(
                        "{sessions} sessions to {address} opened at once (Mailstage opens at most that many).",
                        sessions=sessions,
                        address=address,
                    )
                )
            if len(errors) == sessions:
                first = errors[0]
                return failed(
                    T("No session to {address} opened: {error}", address=address, error=_evidence(first)),
                    first.fix,
                )
            return warned(
                T(
                    "Only {opened} of {sessions} sessions to {address} opened at once: {error}",
                    opened=sessions - len(errors),
                    sessions=sessions,
                    address=address,
                    error=_evidence(errors[0]),
                ),
                T("Lower the number of mailboxes copied at once (--concurrency) or try again later."),
            )

        return run

    def _mailbox(self, address: str) -> Callable[[CheckContext], Verdict]:
        def run(ctx: CheckContext) -> Verdict:
            provider = self.provider
            if not self._sessions.acquire(timeout=ctx.remaining()):
                return failed(
                    T("Waited too long for a free session to Microsoft 365."),
                    T("Run the checks again with fewer mailboxes at once."),
                )
            try:
                with open_exchange_online(
                    m365_account(self.endpoint, address, provider),
                    role="target",
                    cancel=ctx.cancel,
                    timeout=ctx.io_timeout(30.0),
                ) as session:
                    inbox = session.open_folder("INBOX")
            except Cancelled:
                return skipped(T("Cancelled."))
            except MailstageError as error:
                return failed(_evidence(error), error.fix, code=error.code)
            finally:
                self._sessions.release()
            return passed(
                T(
                    "{address} exists in Microsoft 365 and Mailstage may open it (INBOX selected: {count} messages).",
                    address=address,
                    count=inbox.exists,
                )
            )

        return run


def endpoint_test(
    endpoint: Endpoint,
    mailbox: str | None = None,
    *,
    on_event: EventCallback | None = None,
    on_signin_event: EventSink = ignore,
    cancel: threading.Event | None = None,
    scale: float = 1.0,
) -> CheckReport:
    """What `mailstage-cli endpoint test NAME [--mailbox ADDRESS]` runs for an m365 endpoint: the token,
    the IMAP server's capabilities, and (with MAILBOX) logging in as that mailbox and selecting INBOX."""
    stop = cancel or threading.Event()
    checks = M365Checks(endpoint, on_event=on_signin_event, cancel=stop)
    planned: list[Check] = checks.server_checks(
        "target", mailboxes=[mailbox] if mailbox else [], planned=1, scale=scale, after_tls=False
    )
    planned = [c for c in planned if c.id != "target.connections"]
    if mailbox:
        planned.append(checks.target_exists(mailbox, scale=scale))
    return run_checks(planned, on_event=on_event, cancel=stop)
