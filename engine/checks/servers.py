"""Server checks that need no login: the name resolves, the port accepts TCP, TLS is trustworthy.

`<role>.dns` finds the addresses (dnspython; the computer's own resolver, e.g. its hosts file, as a
fallback), `<role>.tcp` connects to them, `<role>.tls` does the handshake there (after STARTTLS when the
URL asks for it) and judges chain, host name and expiry, or the pinned fingerprint. Each returns the
evidence it saw and a fix that names the thing to change.
"""

from __future__ import annotations

import datetime as dt
import socket
import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass

from engine.checks.framework import CheckContext, Verdict, failed, not_applicable, passed, warned
from engine.checks.lookup import DnsLookup, Outcome, is_ip_address
from engine.endpoints import Endpoint, EndpointKind, Security
from engine.tls import (
    CertificateInfo,
    certificate_info,
    explain_verification_error,
    normalise_fingerprint,
    pinned_context,
    verified_context,
)

EXPIRY_WARNING_DAYS = 30


def network_endpoint(endpoint: Endpoint) -> bool:
    """True when the endpoint is reached over the network (IMAP, Microsoft 365), not a local folder."""
    return endpoint.kind is not EndpointKind.MAILDIR


def _not_networked(endpoint: Endpoint) -> Verdict:
    return not_applicable(f"Not applicable: {endpoint.path} is a folder on this computer, not a server.")


def _trust_command(endpoint: Endpoint, info: CertificateInfo) -> str:
    return f"mailstage-cli endpoint trust {endpoint.name} --fingerprint {info.fingerprint_colons}"


# -- dns ------------------------------------------------------------------------------------------


def check_dns(endpoint: Endpoint, lookup: DnsLookup) -> Callable[[CheckContext], Verdict]:
    """`<role>.dns`: the server's name resolves; the addresses go to the TCP check as data."""

    def run(ctx: CheckContext) -> Verdict:
        if not network_endpoint(endpoint):
            return _not_networked(endpoint)
        host = endpoint.host
        if is_ip_address(host):
            return passed(f"{host} is an IP address: there is no name to resolve.", addresses=[host])
        timeout = ctx.io_timeout(5.0)
        addresses: list[str] = []
        ttls: list[int] = []
        problems: list[str] = []
        no_name = False
        for rdtype in ("A", "AAAA"):
            answer = lookup.query(host, rdtype, timeout)
            if answer.found:
                addresses += answer.records
                ttls.append(answer.ttl)
            elif answer.outcome is Outcome.FAILED:
                problems.append(answer.problem)
            elif answer.outcome is Outcome.NO_NAME:
                no_name = True
        if addresses:
            return passed(
                f"{host} resolves to {', '.join(addresses)} (TTL {min(ttls)} s; asked {lookup.describe()}).",
                addresses=addresses,
            )
        # Not in DNS: the computer may still find it (hosts file, a VPN's resolver), as the mail
        # connection itself will.
        try:
            infos = socket.getaddrinfo(host, endpoint.port, type=socket.SOCK_STREAM)
        except OSError:
            infos = []
        local = sorted({str(info[4][0]) for info in infos})
        if local:
            where = f"{host} is not in DNS ({lookup.describe()}), but this computer finds it at {', '.join(local)} (hosts file or its own resolver)."
            if lookup.nameserver is not None:
                return warned(
                    where,
                    f"Other computers asking {lookup.nameserver} will not find {host}: add an A record for "
                    f"{host} there if the migration may also run elsewhere.",
                    addresses=local,
                )
            return passed(where, addresses=local)
        if problems and not no_name:
            return failed(
                f"{host} could not be looked up: {problems[0]}.",
                "Check this computer's network and DNS settings (or the --nameserver given), then run the "
                "checks again.",
            )
        return failed(
            f"The name {host} does not exist in DNS (asked {lookup.describe()}) and this computer does not know it.",
            f"Check the spelling of {host} in the endpoint's URL, or add an A record for {host} to your DNS "
            "(for a server inside your network: to the internal DNS this computer uses).",
        )

    return run


# -- tcp ------------------------------------------------------------------------------------------


def _connect_fix(endpoint: Endpoint) -> str:
    usual = "993 for IMAP over TLS, 143 for IMAP with STARTTLS"
    return (
        f"Check the port in the endpoint's URL ({usual}), that the IMAP service runs on {endpoint.host}, "
        f"and that its firewall lets this computer connect to port {endpoint.port}."
    )


def check_tcp(endpoint: Endpoint, dns_key: tuple[str, str]) -> Callable[[CheckContext], Verdict]:
    """`<role>.tcp`: a TCP connection to the server's port succeeds (to each address in turn)."""

    def run(ctx: CheckContext) -> Verdict:
        if not network_endpoint(endpoint):
            return _not_networked(endpoint)
        addresses: list[str] = list(ctx.dependency(dns_key).data.get("addresses", [endpoint.host]))
        problems: list[str] = []
        for address in addresses:
            started = time.monotonic()
            try:
                with socket.create_connection((address, endpoint.port), timeout=ctx.io_timeout(5.0)):
                    pass
            except ConnectionRefusedError:
                problems.append(
                    f"{address} refused connections on port {endpoint.port}: nothing listens there"
                )
                continue
            except TimeoutError:
                problems.append(
                    f"{address} did not answer on port {endpoint.port} within {ctx.timeout * 0.5:.0f} s "
                    "(a firewall may drop the connection)"
                )
                continue
            except OSError as error:
                problems.append(
                    f"{address} port {endpoint.port} cannot be reached ({error.strerror or error})"
                )
                continue
            milliseconds = (time.monotonic() - started) * 1000
            return passed(
                f"{endpoint.host} accepts connections on port {endpoint.port} ({address}, {milliseconds:.0f} ms).",
                address=address,
            )
        return failed("; ".join(problems) + ".", _connect_fix(endpoint))

    return run


# -- tls ------------------------------------------------------------------------------------------


class _NoStartTLS(Exception):
    """The server does not offer STARTTLS (or refused it)."""


class _NotImap(Exception):
    """The server does not speak IMAP before TLS."""


def _starttls(sock: socket.socket) -> list[str]:
    """Read the greeting, list the capabilities, ask for STARTTLS; return the capabilities seen."""
    reader = sock.makefile("rb")
    greeting = reader.readline(8192)
    if not greeting:
        raise _NotImap("the server closed the connection without a greeting")
    if not greeting.startswith(b"* OK") and not greeting.startswith(b"* PREAUTH"):
        raise _NotImap(
            f"it answered {greeting[:60].decode('ascii', 'replace').strip()!r} instead of an IMAP greeting"
        )
    sock.sendall(b"c1 CAPABILITY\r\n")
    capabilities: list[str] = []
    while True:
        line = reader.readline(65536)
        if not line:
            raise _NotImap("the server closed the connection while listing its capabilities")
        if line.upper().startswith(b"* CAPABILITY "):
            capabilities = line.decode("ascii", "replace").split()[2:]
        if line.startswith(b"c1 "):
            break
    if "STARTTLS" not in (cap.upper() for cap in capabilities):
        raise _NoStartTLS("the server does not offer STARTTLS")
    sock.sendall(b"c2 STARTTLS\r\n")
    while True:
        line = reader.readline(8192)
        if not line:
            raise _NoStartTLS("the server closed the connection after STARTTLS")
        if line.startswith(b"c2 "):
            if not line[3:].upper().startswith(b"OK"):
                raise _NoStartTLS("the server refused STARTTLS")
            return capabilities


@dataclass
class _Handshake:
    der: bytes
    protocol: str


def _handshake(endpoint: Endpoint, address: str, context: ssl.SSLContext, timeout: float) -> _Handshake:
    raw = socket.create_connection((address, endpoint.port), timeout=timeout)
    try:
        raw.settimeout(timeout)
        if endpoint.security is Security.STARTTLS:
            _starttls(raw)
        with context.wrap_socket(raw, server_hostname=endpoint.host) as tls:
            der = tls.getpeercert(binary_form=True)
            if der is None:
                raise ssl.SSLError("the server presented no certificate")
            return _Handshake(der, tls.version() or "")
    finally:
        raw.close()


def _validity(info: CertificateInfo, now: dt.datetime) -> tuple[int, str]:
    days = (info.not_after - now).days
    return days, f"valid until {info.not_after:%Y-%m-%d} ({days} days from now)"


def check_tls(endpoint: Endpoint, tcp_key: tuple[str, str]) -> Callable[[CheckContext], Verdict]:
    """`<role>.tls`: handshake (after STARTTLS when asked), chain, host name, expiry, or the pin."""

    def run(ctx: CheckContext) -> Verdict:
        if not network_endpoint(endpoint):
            return _not_networked(endpoint)
        if endpoint.security is Security.NONE:
            return warned(
                f"{endpoint.url} is set to plain text (?tls=none): the admin password and every message "
                "cross the network unencrypted.",
                f"Use imaps://{endpoint.host}:993 or imap://{endpoint.host}:143 with STARTTLS if the server "
                "offers either; keep ?tls=none only on a network you trust.",
            )
        address = str(ctx.dependency(tcp_key).data.get("address", endpoint.host))
        how = "after STARTTLS" if endpoint.security is Security.STARTTLS else "implicit TLS"
        # First a handshake that accepts any certificate, to see (and show) it.
        try:
            seen = _handshake(endpoint, address, pinned_context(), ctx.io_timeout(8.0))
        except _NoStartTLS as error:
            return failed(
                f"{endpoint.host} port {endpoint.port}: {error}, which the URL imap:// requires.",
                f"Enable STARTTLS on the server, or use imaps://{endpoint.host}:993 if it offers IMAP over TLS "
                "(only on a network you trust: add ?tls=none to the URL for plain text).",
            )
        except _NotImap as error:
            return failed(
                f"{endpoint.host} port {endpoint.port} is not an IMAP server: {error}.",
                "Check the port in the URL: IMAP with STARTTLS is usually 143, IMAP over TLS 993 (imaps://).",
            )
        except TimeoutError:
            return failed(
                f"{endpoint.host} port {endpoint.port} accepted the connection but did not answer the "
                f"{'IMAP greeting' if endpoint.security is Security.STARTTLS else 'TLS handshake'} "
                f"within {ctx.io_timeout(8.0):.0f} s.",
                f"Make sure port {endpoint.port} is the IMAP port of the mail server ("
                f"{'143 with STARTTLS' if endpoint.security is Security.STARTTLS else '993 with TLS'}) and that "
                "the service is not hanging (restart it); a proxy or firewall may also swallow the traffic.",
            )
        except ssl.SSLError as error:
            return failed(
                f"The TLS handshake with {endpoint.host} port {endpoint.port} ({how}) failed: "
                f"{error.reason or error}.",
                "Check that the port speaks TLS (993 for imaps://, 143 with STARTTLS for imap://) and that the "
                "server offers TLS 1.2 or newer.",
            )
        except OSError as error:
            return failed(
                f"The connection to {endpoint.host} port {endpoint.port} broke during the TLS handshake "
                f"({error.strerror or type(error).__name__}).",
                "Run the checks again; if it stays, look at the mail server's log for TLS errors.",
            )
        info = certificate_info(seen.der)
        now = dt.datetime.now(dt.UTC)
        days, validity = _validity(info, now)
        names = ", ".join(info.names) or info.subject
        described = (
            f"subject {info.subject}; issuer {info.issuer}; valid {info.not_before:%Y-%m-%d} to "
            f"{info.not_after:%Y-%m-%d}; SHA-256 {info.fingerprint_colons}"
        )
        data = {
            "fingerprint": info.fingerprint,
            "not_after": info.not_after.isoformat(),
            "protocol": seen.protocol,
        }

        if endpoint.pinned_fingerprint:
            if info.fingerprint != normalise_fingerprint(endpoint.pinned_fingerprint):
                return failed(
                    f"{endpoint.host} presented a different certificate than the one trusted for "
                    f"'{endpoint.name}' ({described}).",
                    "If the server's certificate was replaced, confirm the new fingerprint with whoever manages "
                    f"the server and trust it: {_trust_command(endpoint, info)}. Otherwise do not continue: "
                    "something may be intercepting the connection.",
                    **data,
                )
            if info.expired(now):
                return warned(
                    f"The pinned certificate of {endpoint.host} is presented, but it expired on "
                    f"{info.not_after:%Y-%m-%d} ({described}).",
                    f"Renew the certificate on {endpoint.host}, then trust the new one with "
                    f"mailstage-cli endpoint trust {endpoint.name}.",
                    **data,
                )
            return passed(
                f"{endpoint.host} presents the certificate trusted for '{endpoint.name}' ({seen.protocol}, "
                f"{how}; SHA-256 {info.fingerprint_colons}; {validity}).",
                **data,
            )

        # Then the handshake that counts: chain and host name against the trust store.
        try:
            _handshake(endpoint, address, verified_context(), ctx.io_timeout(8.0))
        except ssl.SSLCertVerificationError as error:
            reason = explain_verification_error(error)
            evidence = f"{reason}. Certificate: {described}; issued for {names}."
            trust = _trust_command(endpoint, info)
            if "expired" in reason:
                fix = (
                    f"Renew the certificate on {endpoint.host} (it expired on {info.not_after:%Y-%m-%d}); until "
                    f"then, if you recognise it, trust exactly this certificate: {trust}"
                )
            elif "different server name" in reason:
                fix = (
                    f"Use a name the certificate was issued for ({names}) in the endpoint's URL, or install a "
                    f"certificate for {endpoint.host} on the server; or trust exactly this certificate: {trust}"
                )
            else:
                fix = (
                    f"Install a certificate from a trusted authority on {endpoint.host} (or your company's CA "
                    f"on this computer); or, if you recognise this one, trust exactly this certificate: {trust}"
                )
            return failed(evidence, fix, **data)
        except (OSError, ssl.SSLError, _NoStartTLS, _NotImap) as error:
            # It worked a moment ago with any certificate: the strict settings (TLS 1.2+) failed.
            return failed(
                f"{endpoint.host} completes a TLS handshake only with old settings ({seen.protocol}; "
                f"{type(error).__name__}). Certificate: {described}.",
                f"Enable TLS 1.2 or newer on {endpoint.host}; or, for an old server you recognise, trust exactly "
                f"this certificate (a trusted endpoint accepts older TLS): {_trust_command(endpoint, info)}",
                **data,
            )
        if days < EXPIRY_WARNING_DAYS:
            return warned(
                f"The certificate of {endpoint.host} verifies but expires soon: {validity} ({described}).",
                f"Renew the certificate on {endpoint.host} before {info.not_after:%Y-%m-%d}: a migration "
                "running then would stop.",
                **data,
            )
        return passed(
            f"{seen.protocol} ({how}); certificate for {names} issued by {info.issuer}, {validity}; chain "
            "and host name verified.",
            **data,
        )

    return run
