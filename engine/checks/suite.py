"""Which checks a run contains and how they depend on each other.

`build_checks(setup)` turns what the admin gave (endpoints, list, planned concurrency, domain) into
`Check` objects for `run_checks`. Per server the chain is dns -> tcp -> tls -> login, and login ->
capabilities and connections; per mailbox the checks need their server's login; the domain checks
stand alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from engine.checks.domain import check_autodiscover, check_mx, check_txt
from engine.checks.estimate import check_estimate
from engine.checks.framework import Check, CheckContext, CheckKey
from engine.checks.logins import check_capabilities, check_connections, check_login
from engine.checks.lookup import DnsLookup, Nameserver
from engine.checks.mailboxes import check_size, check_source_access, check_target_exists
from engine.checks.servers import check_dns, check_tcp, check_tls
from engine.checks.sessions import SessionSlots
from engine.endpoints import Endpoint, EndpointKind
from engine.text import T, Text

# Time-outs per kind of check, in seconds: DNS and TCP answer fast or not at all; TLS does two
# handshakes; logging in may be slow on an old, busy server.
DNS_TIMEOUT = 6.0
TCP_TIMEOUT = 6.0
TLS_TIMEOUT = 12.0
LOGIN_TIMEOUT = 15.0
CONNECTIONS_TIMEOUT = 40.0
MAILBOX_TIMEOUT = 30.0
SIZE_TIMEOUT = 90.0
ESTIMATE_TIMEOUT = 30.0


@dataclass(frozen=True)
class MailboxRef:
    """A listed mailbox: its address and, when the list gives them, its login names on each side."""

    address: str
    source_login: str = ""
    target_login: str = ""


@dataclass(frozen=True)
class CheckSetup:
    """Everything a check run looks at; what is missing is simply not checked."""

    source: Endpoint | None = None
    target: Endpoint | None = None
    domain: str = ""
    expected_txt: str = ""
    nameserver: Nameserver | None = None
    mailboxes: Sequence[MailboxRef | str] = field(default_factory=tuple)
    concurrency: int | None = None  # planned parallel mailboxes; None: the endpoints' maximum
    timeout_scale: float = 1.0  # tests and slow links stretch or shrink every time-out

    def refs(self) -> list[MailboxRef]:
        """The listed mailboxes, each once, in list order."""
        seen: dict[str, MailboxRef] = {}
        for item in self.mailboxes:
            ref = item if isinstance(item, MailboxRef) else MailboxRef(item.strip())
            if ref.address and ref.address.lower() not in seen:
                seen[ref.address.lower()] = ref
        return list(seen.values())

    def addresses(self) -> list[str]:
        return [ref.address for ref in self.refs()]


def server_subject(endpoint: Endpoint) -> str:
    """How a server check names its subject: the endpoint's URL."""
    return endpoint.url


def _title(role: str, kind: str, planned: int = 0) -> Text:
    """A server check's title, a whole sentence per role (translators cannot put "source" into place)."""
    source = role == "source"
    if kind == "dns":
        return T("The source server's name resolves") if source else T("The target server's name resolves")
    if kind == "tcp":
        return (
            T("The source server accepts connections")
            if source
            else T("The target server accepts connections")
        )
    if kind == "tls":
        if source:
            return T("The source server's TLS certificate is trusted")
        return T("The target server's TLS certificate is trusted")
    if kind == "login":
        return T("The source admin account logs in") if source else T("The target admin account logs in")
    if kind == "capabilities":
        return T("What the source server offers") if source else T("What the target server offers")
    if source:
        return T("The source server allows {planned} sessions at once", planned=planned)
    return T("The target server allows {planned} sessions at once", planned=planned)


def server_keys(role: str, endpoint: Endpoint) -> dict[str, CheckKey]:
    subject = server_subject(endpoint)
    return {
        name: (f"{role}.{name}", subject)
        for name in ("dns", "tcp", "tls", "login", "capabilities", "connections")
    }


def server_checks(role: str, endpoint: Endpoint, lookup: DnsLookup, scale: float = 1.0) -> list[Check]:
    """The checks of one server that need no login: dns, tcp, tls."""
    keys = server_keys(role, endpoint)
    subject = server_subject(endpoint)
    return [
        Check(
            keys["dns"][0],
            subject,
            check_dns(endpoint, lookup),
            title=_title(role, "dns"),
            timeout=DNS_TIMEOUT * scale,
            timeout_fix=T(
                "Check this computer's DNS settings (or the --nameserver given): the DNS server does not answer."
            ),
        ),
        Check(
            keys["tcp"][0],
            subject,
            check_tcp(endpoint, keys["dns"]),
            title=_title(role, "tcp"),
            timeout=TCP_TIMEOUT * scale,
            requires=(keys["dns"],),
            timeout_fix=T(
                "Let this computer through the firewall to {host} port {port}.",
                host=endpoint.host,
                port=endpoint.port,
            ),
        ),
        Check(
            keys["tls"][0],
            subject,
            check_tls(endpoint, keys["tcp"]),
            title=_title(role, "tls"),
            timeout=TLS_TIMEOUT * scale,
            requires=(keys["tcp"],),
            timeout_fix=T(
                "Make sure {host} port {port} is the IMAP port of the mail server and that the service is not hanging.",
                host=endpoint.host,
                port=endpoint.port,
            ),
        ),
    ]


def domain_checks(setup: CheckSetup, lookup: DnsLookup) -> list[Check]:
    """domain.mx, domain.autodiscover, and domain.txt when an expected value is given."""
    if not setup.domain:
        return []
    domain = setup.domain.strip().rstrip(".").lower()
    scale = setup.timeout_scale
    checks = [
        Check(
            "domain.mx",
            domain,
            check_mx(domain, lookup, setup.target),
            T("Mail for the domain (MX)"),
            DNS_TIMEOUT * scale,
        ),
        Check(
            "domain.autodiscover",
            domain,
            check_autodiscover(domain, lookup, setup.target),
            T("Autodiscover for Outlook"),
            DNS_TIMEOUT * 2 * scale,
        ),
    ]
    if setup.expected_txt:
        checks.append(
            Check(
                "domain.txt",
                domain,
                check_txt(domain, setup.expected_txt, lookup),
                T("Domain verification (TXT)"),
                DNS_TIMEOUT * scale,
            )
        )
    return checks


def login_checks(role: str, endpoint: Endpoint, setup: CheckSetup) -> list[Check]:
    """login, capabilities and connections of one server."""
    keys = server_keys(role, endpoint)
    subject = server_subject(endpoint)
    scale = setup.timeout_scale
    mailboxes = setup.addresses()
    planned = setup.concurrency or endpoint.max_concurrent
    return [
        Check(
            keys["login"][0],
            subject,
            check_login(role, endpoint, mailboxes),
            title=_title(role, "login"),
            timeout=LOGIN_TIMEOUT * scale,
            requires=(keys["tls"],),
            timeout_fix=T(
                "The source server accepts the connection but does not complete the login: look at its log."
            )
            if role == "source"
            else T(
                "The target server accepts the connection but does not complete the login: look at its log."
            ),
        ),
        Check(
            keys["capabilities"][0],
            subject,
            check_capabilities(role, keys["login"]),
            title=_title(role, "capabilities"),
            timeout=DNS_TIMEOUT * scale,
            requires=(keys["login"],),
        ),
        Check(
            keys["connections"][0],
            subject,
            check_connections(role, endpoint, mailboxes, planned, keys["login"]),
            title=_title(role, "connections", planned),
            timeout=CONNECTIONS_TIMEOUT * scale,
            requires=(keys["login"],),
            timeout_fix=T(
                "Opening {planned} sessions took too long: lower Maximum concurrent migrations, or check the "
                "server's load.",
                planned=planned,
            ),
        ),
    ]


def mailbox_checks(setup: CheckSetup) -> list[Check]:
    """Per listed mailbox: source access, exists on the target, size; then the time estimate."""
    if not setup.refs():
        return []
    scale = setup.timeout_scale
    source, target = setup.source, setup.target
    source_keys = server_keys("source", source) if source else None
    target_keys = server_keys("target", target) if target else None
    # Per-mailbox sessions wait until both connection-limit checks are done, so they never eat the
    # sessions those checks count.
    settle = tuple(keys["connections"] for keys in (source_keys, target_keys) if keys)
    source_slots, target_slots = SessionSlots(), SessionSlots()
    checks: list[Check] = []
    size_keys: list[CheckKey] = []

    def target_limit(ctx: CheckContext) -> int:
        if target is None or target_keys is None:
            return 0
        if target.size_limit:
            return target.size_limit
        if target.kind is EndpointKind.M365:
            from engine.m365.connect import size_limit_of

            return size_limit_of(target)
        return int(ctx.dependency(target_keys["login"]).data.get("append_limit", 0) or 0)

    for ref in setup.refs():
        address = ref.address
        if source is not None and source_keys is not None:
            access_key = ("mailbox.source_access", address)
            checks.append(
                Check(
                    "mailbox.source_access",
                    address,
                    check_source_access(
                        source, address, source_slots, source_keys["connections"], ref.source_login
                    ),
                    title=T("Admin access on the source"),
                    timeout=MAILBOX_TIMEOUT * scale,
                    requires=(source_keys["login"],),
                    after=settle,
                )
            )
            size_after = (target_keys["login"],) if target_keys else ()
            checks.append(
                Check(
                    "mailbox.size",
                    address,
                    check_size(source, address, source_slots, target_limit, ref.source_login),
                    title=T("Size on the source"),
                    timeout=SIZE_TIMEOUT * scale,
                    requires=(access_key,),
                    after=size_after,
                )
            )
            size_keys.append(("mailbox.size", address))
        if target is not None and target_keys is not None:
            checks.append(
                Check(
                    "mailbox.target_exists",
                    address,
                    check_target_exists(
                        target, address, target_slots, target_keys["connections"], ref.target_login
                    ),
                    title=T("Exists on the target (directory synchronisation)"),
                    timeout=MAILBOX_TIMEOUT * scale,
                    requires=(target_keys["login"],),
                    after=settle,
                )
            )
    if source is not None and source_keys is not None and size_keys:
        parallel = setup.concurrency or min(source.max_concurrent, target.max_concurrent if target else 10**6)
        checks.append(
            Check(
                "estimate.duration",
                T("{count} listed mailboxes", count=len(size_keys)),
                check_estimate(source, setup.refs(), size_keys, parallel, source_slots),
                title=T("Estimated duration"),
                timeout=ESTIMATE_TIMEOUT * scale,
                requires=(source_keys["login"],),
                after=tuple(size_keys),
            )
        )
    return checks


def build_checks(setup: CheckSetup) -> list[Check]:
    """All checks for SETUP: per server (source, then target) dns, tcp, tls, login, capabilities,
    connections; then per listed mailbox; then the estimate; then the domain.

    A Microsoft 365 target gets the m365 engineer's own login, capabilities, connections and
    target_exists checks (engine/m365/checks.py: an OAuth2 token instead of a password, one token for
    the whole run) under the same ids.
    """
    lookup = DnsLookup(setup.nameserver)
    checks: list[Check] = []
    m365 = None
    if setup.target is not None and setup.target.kind is EndpointKind.M365:
        from engine.m365.checks import M365Checks  # only when needed: it brings msal

        m365 = M365Checks(setup.target)
    for role, endpoint in (("source", setup.source), ("target", setup.target)):
        if endpoint is None:
            continue
        checks += server_checks(role, endpoint, lookup, setup.timeout_scale)
        if role == "target" and m365 is not None:
            checks += m365.server_checks(
                role, mailboxes=setup.addresses(), planned=setup.concurrency, scale=setup.timeout_scale
            )
        else:
            checks += login_checks(role, endpoint, setup)
    mailbox = mailbox_checks(setup)
    if m365 is not None:
        replaced = {check.key: check for check in mailbox if check.id == "mailbox.target_exists"}
        mailbox = [
            m365.target_exists(check.subject, scale=setup.timeout_scale, after=check.after)
            if check.key in replaced
            else check
            for check in mailbox
        ]
    checks += mailbox
    checks += domain_checks(setup, lookup)
    return checks
