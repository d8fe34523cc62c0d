"""DNS look-ups for the checks (dnspython): the system's resolver, or one DNS server the admin names.

Answers are sorted into what a person can act on: records found (with their TTL), the name does not
exist, the name exists without that record type, or the DNS server did not answer.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from enum import StrEnum

import dns.exception
import dns.resolver

from engine.errors import BadInput
from engine.text import T


@dataclass(frozen=True)
class Nameserver:
    """A DNS server to ask instead of the system's (`--nameserver HOST[:PORT]`)."""

    host: str
    port: int = 53

    def __str__(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{host}:{self.port}" if self.port != 53 else host


def parse_nameserver(text: str) -> Nameserver:
    """HOST, HOST:PORT, an IPv6 address, or [IPv6]:PORT; BadInput says what is expected."""
    raw = text.strip()
    expected = T("Give the DNS server as HOST or HOST:PORT, e.g. 192.0.2.53 or 127.0.0.1:5353.")
    host, port_text = raw, ""
    if raw.startswith("["):
        end = raw.find("]")
        if end < 0:
            raise BadInput(
                "check.bad_nameserver",
                T("The DNS server {text} has no closing ']'.", text=repr(text)),
                "",
                expected,
            )
        host, rest = raw[1:end], raw[end + 1 :]
        if rest:
            if not rest.startswith(":"):
                raise BadInput(
                    "check.bad_nameserver",
                    T("{text} is not a DNS server address.", text=repr(text)),
                    "",
                    expected,
                )
            port_text = rest[1:]
    elif raw.count(":") == 1:
        host, port_text = raw.split(":")
    if not host:
        raise BadInput("check.bad_nameserver", T("No DNS server was given."), "", expected)
    port = 53
    if port_text:
        if not port_text.isdigit() or not 1 <= int(port_text) <= 65535:
            raise BadInput(
                "check.bad_nameserver",
                T("The port in {text} is not a number from 1 to 65535.", text=repr(text)),
                "",
                expected,
            )
        port = int(port_text)
    return Nameserver(host, port)


def is_ip_address(text: str) -> bool:
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True


class Outcome(StrEnum):
    FOUND = "found"
    NO_NAME = "no_name"  # NXDOMAIN: the name does not exist
    NO_DATA = "no_data"  # the name exists, without records of this type
    FAILED = "failed"  # refused, server failure, time-out


@dataclass(frozen=True)
class Answer:
    """The outcome of one look-up: records as text (dnspython's presentation form) and their TTL."""

    name: str
    rdtype: str
    outcome: Outcome
    records: tuple[str, ...] = ()  # TXT: the joined text; others: presentation form
    ttl: int = 0
    problem: str = ""  # for FAILED: what went wrong, in words

    @property
    def found(self) -> bool:
        return self.outcome is Outcome.FOUND


class DnsLookup:
    """Asks one DNS server (or the system's) with a time-out per question."""

    def __init__(self, nameserver: Nameserver | None = None) -> None:
        self.nameserver = nameserver

    def describe(self) -> str:
        """Who is asked, for evidence texts."""
        if self.nameserver:
            return T("DNS server {nameserver}", nameserver=str(self.nameserver))
        return T("this computer's DNS servers")

    def _resolver(self, timeout: float) -> dns.resolver.Resolver:
        if self.nameserver is None:
            resolver = dns.resolver.Resolver()
        else:
            resolver = dns.resolver.Resolver(configure=False)
            host = self.nameserver.host
            if not is_ip_address(host):
                host = str(socket.getaddrinfo(host, None, type=socket.SOCK_DGRAM)[0][4][0])
            resolver.nameservers = [host]
            resolver.port = self.nameserver.port
        resolver.lifetime = timeout
        resolver.timeout = timeout
        return resolver

    def query(self, name: str, rdtype: str, timeout: float) -> Answer:
        """Look NAME up for RDTYPE; never raises for DNS outcomes, only sorts them."""
        try:
            resolver = self._resolver(timeout)
        except OSError as error:
            return Answer(
                name,
                rdtype,
                Outcome.FAILED,
                problem=T("the DNS server's name does not resolve ({error})", error=str(error)),
            )
        try:
            answer = resolver.resolve(name, rdtype, search=False)
        except dns.resolver.NXDOMAIN:
            return Answer(name, rdtype, Outcome.NO_NAME)
        except dns.resolver.NoAnswer:
            return Answer(name, rdtype, Outcome.NO_DATA)
        except dns.resolver.NoNameservers:
            return Answer(
                name,
                rdtype,
                Outcome.FAILED,
                problem=T("{asked} refused or failed to answer", asked=self.describe()),
            )
        except dns.exception.Timeout:
            return Answer(
                name,
                rdtype,
                Outcome.FAILED,
                problem=T(
                    "{asked} did not answer within {seconds:.0f} s", asked=self.describe(), seconds=timeout
                ),
            )
        except dns.exception.DNSException as error:
            return Answer(
                name,
                rdtype,
                Outcome.FAILED,
                problem=T("the look-up failed ({kind})", kind=type(error).__name__),
            )
        rrset = answer.rrset
        if rrset is None:  # pragma: no cover - dnspython raises NoAnswer instead
            return Answer(name, rdtype, Outcome.NO_DATA)
        if rdtype == "TXT":
            # A TXT record may be split into several strings; DNS clients read them joined.
            records = tuple(sorted(b"".join(rdata.strings).decode("utf-8", "replace") for rdata in rrset))
        else:
            records = tuple(sorted(rdata.to_text() for rdata in rrset))
        return Answer(name, rdtype, Outcome.FOUND, records, int(rrset.ttl))


def describe_ttl(seconds: int) -> str:
    """A TTL the way an admin thinks of it: '300 s (5 minutes)', '86400 s (24 hours)'."""
    if seconds >= 3600 and seconds % 3600 == 0:
        hours = seconds // 3600
        if hours == 1:
            return T("{seconds} s (1 hour)", seconds=seconds)
        return T("{seconds} s ({hours} hours)", seconds=seconds, hours=hours)
    if seconds >= 60 and seconds % 60 == 0:
        minutes = seconds // 60
        if minutes == 1:
            return T("{seconds} s (1 minute)", seconds=seconds)
        return T("{seconds} s ({minutes} minutes)", seconds=seconds, minutes=minutes)
    return f"{seconds} s"


def strip_dot(name: str) -> str:
    return name[:-1] if name.endswith(".") else name
