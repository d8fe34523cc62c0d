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
from engine.checks.framework import Check, CheckKey
from engine.checks.lookup import DnsLookup, Nameserver
from engine.checks.servers import check_dns, check_tcp, check_tls
from engine.endpoints import Endpoint

# Time-outs per kind of check, in seconds: DNS and TCP answer fast or not at all; TLS does two
# handshakes; logging in may be slow on an old, busy server.
DNS_TIMEOUT = 6.0
TCP_TIMEOUT = 6.0
TLS_TIMEOUT = 12.0


@dataclass(frozen=True)
class CheckSetup:
    """Everything a check run looks at; what is missing is simply not checked."""

    source: Endpoint | None = None
    target: Endpoint | None = None
    domain: str = ""
    expected_txt: str = ""
    nameserver: Nameserver | None = None
    mailboxes: Sequence[str] = field(default_factory=tuple)
    concurrency: int | None = None  # planned parallel mailboxes; None: the endpoints' maximum
    timeout_scale: float = 1.0  # tests and slow links stretch or shrink every time-out


def server_subject(endpoint: Endpoint) -> str:
    """How a server check names its subject: the endpoint's URL."""
    return endpoint.url


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
    where = f"{endpoint.host} port {endpoint.port}"
    return [
        Check(
            keys["dns"][0],
            subject,
            check_dns(endpoint, lookup),
            title=f"The {role} server's name resolves",
            timeout=DNS_TIMEOUT * scale,
            timeout_fix="Check this computer's DNS settings (or the --nameserver given): the DNS server does not answer.",
        ),
        Check(
            keys["tcp"][0],
            subject,
            check_tcp(endpoint, keys["dns"]),
            title=f"The {role} server accepts connections",
            timeout=TCP_TIMEOUT * scale,
            requires=(keys["dns"],),
            timeout_fix=f"Let this computer through the firewall to {where}.",
        ),
        Check(
            keys["tls"][0],
            subject,
            check_tls(endpoint, keys["tcp"]),
            title=f"The {role} server's TLS certificate is trusted",
            timeout=TLS_TIMEOUT * scale,
            requires=(keys["tcp"],),
            timeout_fix=f"Make sure {where} is the IMAP port of the mail server and that the service is not hanging.",
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
            "Mail for the domain (MX)",
            DNS_TIMEOUT * scale,
        ),
        Check(
            "domain.autodiscover",
            domain,
            check_autodiscover(domain, lookup, setup.target),
            "Autodiscover for Outlook",
            DNS_TIMEOUT * 2 * scale,
        ),
    ]
    if setup.expected_txt:
        checks.append(
            Check(
                "domain.txt",
                domain,
                check_txt(domain, setup.expected_txt, lookup),
                "Domain verification (TXT)",
                DNS_TIMEOUT * scale,
            )
        )
    return checks


def build_checks(setup: CheckSetup) -> list[Check]:
    """All checks for SETUP, sources first, then target, mailboxes, domain."""
    lookup = DnsLookup(setup.nameserver)
    checks: list[Check] = []
    for role, endpoint in (("source", setup.source), ("target", setup.target)):
        if endpoint is not None:
            checks += server_checks(role, endpoint, lookup, setup.timeout_scale)
    checks += domain_checks(setup, lookup)
    return checks
