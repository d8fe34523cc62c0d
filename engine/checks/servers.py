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
from engine.text import T, Text, join
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
    return not_applicable(
        T("Not applicable: {path} is a folder on this computer, not a server.", path=endpoint.path)
    )


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
            return passed(
                T("{host} is an IP address: there is no name to resolve.", host=host), addresses=[host]
            )
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
                T(
                    "{host} resolves to {addresses} (TTL {ttl} s; asked {asked}).",
                    host=host,
                    addresses=", ".join(addresses),
                    ttl=min(ttls),
                    asked=lookup.describe(),
                ),
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
            where = T(
                "{host} is not in DNS ({asked}), but this computer finds it at {addresses} (hosts file or its "
                "own resolver).",
                host=host,
                asked=lookup.describe(),
                addresses=", ".join(local),
            )
            if lookup.nameserver is not None:
                return warned(
                    where,
                    T(
                        "Other computers asking {nameserver} will not find {host}: add an A record for {host} "
                        "there if the migration may also run elsewhere.",
                        nameserver=str(lookup.nameserver),
                        host=host,
                    ),
                    addresses=local,
                )
            return passed(where, addresses=local)
        if problems and not no_name:
            return failed(
                T("{host} could not be looked up: {problem}.", host=host, problem=problems[0]),
                T(
                    "Check this computer's network and DNS settings (or the --nameserver given), then run the "
                    "checks again."
                ),
            )
        return failed(
            T(
                "The name {host} does not exist in DNS (asked {asked}) and this computer does not know it.",
                host=host,
                asked=lookup.describe(),
            ),
            T(
                "Check the spelling of {host} in the endpoint's URL, or add an A record for {host} to your DNS "
                "(for a server inside your network: to the internal DNS this computer uses).",
                host=host,
            ),
        )

    return run


# -- tcp ------------------------------------------------------------------------------------------


def _connect_fix(endpoint: Endpoint) -> Text:
    return T(
        "Check the port in the endpoint's URL (993 for IMAP over TLS, 143 for IMAP with STARTTLS), that the "
        "IMAP service runs on {host}, and that its firewall lets this computer connect to port {port}.",
        host=endpoint.host,
        port=endpoint.port,
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
                    T(
                        "{address} refused connections on port {port}: nothing listens there",
                        address=address,
                        port=endpoint.port,
                    )
                )
                continue
            except TimeoutError:
                problems.append(
                    T(
                        "{address} did not answer on port {port} within {seconds:.0f} s (a firewall may drop "
                        "the connection)",
                        address=address,
                        port=endpoint.port,
                        seconds=ctx.timeout * 0.5,
                    )
                )
                continue
            except OSError as error:
                problems.append(
                    T(
                        "{address} port {port} cannot be reached ({reason})",
                        address=address,
                        port=endpoint.port,
                        reason=error.strerror or str(error),
                    )
                )
                continue
            milliseconds = (time.monotonic() - started) * 1000
            return passed(
                T(
                    "{host} accepts connections on port {port} ({address}, {ms:.0f} ms).",
                    host=endpoint.host,
                    port=endpoint.port,
                    address=address,
                    ms=milliseconds,
                ),
                address=address,
            )
        return failed(T("{problems}.", problems=join("; ", problems)), _connect_fix(endpoint))

    return run


# -- tls ------------------------------------------------------------------------------------------


class _NoStartTLS(Exception):
    """The server does not offer STARTTLS (or refused it)."""


class _NotImap(Exception):
    """The server does not speak IMAP before TLS."""


def _reason(error: Exception) -> str:
    """The text an exception was raised with, kept translatable (str() would make it plain English)."""
    first = error.args[0] if error.args else ""
    return first if isinstance(first, str) else str(error)


def _starttls(sock: socket.socket) -> list[str]:
    """Read the greeting, list the capabilities, ask for STARTTLS; return the capabilities seen."""
    reader = sock.makefile("rb")
    greeting = reader.readline(8192)
    if not greeting:
        raise _NotImap(T("the server closed the connection without a greeting"))
    if not greeting.startswith(b"* OK") and not greeting.startswith(b"* PREAUTH"):
        raise _NotImap(
            T(
                "it answered {answer} instead of an IMAP greeting",
                answer=repr(greeting[:60].decode("ascii", "replace").strip()),
            )
        )
    sock.sendall(b"c1 CAPABILITY\r\n")
    capabilities: list[str] = []
    while True:
        line = reader.readline(65536)
        if not line:
            raise _NotImap(T("the server closed the connection while listing its capabilities"))
        if line.upper().startswith(b"* CAPABILITY "):
            capabilities = line.decode("ascii", "replace").split()[2:]
        if line.startswith(b"c1 "):
            break
    if "STARTTLS" not in (cap.upper() for cap in capabilities):
        raise _NoStartTLS(T("the server does not offer STARTTLS"))
    sock.sendall(b"c2 STARTTLS\r\n")
    while True:
        line = reader.readline(8192)
        if not line:
            raise _NoStartTLS(T("the server closed the connection after STARTTLS"))
        if line.startswith(b"c2 "):
            if not line[3:].upper().startswith(b"OK"):
                raise _NoStartTLS(T("the server refused STARTTLS"))
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


def _validity(info: CertificateInfo, now: dt.datetime) -> tuple[int, Text]:
    days = (info.not_after - now).days
    return days, T("valid until {date} ({days} days from now)", date=f"{info.not_after:%Y-%m-%d}", days=days)


def check_tls(endpoint: Endpoint, tcp_key: tuple[str, str]) -> Callable[[CheckContext], Verdict]:
    """`<role>.tls`: handshake (after STARTTLS when asked), chain, host name, expiry, or the pin."""

    def run(ctx: CheckContext) -> Verdict:
        if not network_endpoint(endpoint):
            return _not_networked(endpoint)
        if endpoint.security is Security.NONE:
            return warned(
                T(
                    "{url} is set to plain text (?tls=none): the admin password and every message cross the "
                    "network unencrypted.",
                    url=endpoint.url,
                ),
                T(
                    "Use imaps://{host}:993 or imap://{host}:143 with STARTTLS if the server offers either; keep "
                    "?tls=none only on a network you trust.",
                    host=endpoint.host,
                ),
            )
        address = str(ctx.dependency(tcp_key).data.get("address", endpoint.host))
        starttls = endpoint.security is Security.STARTTLS
        how = T("after STARTTLS") if starttls else T("implicit TLS")
        host, port = endpoint.host, endpoint.port
        # First a handshake that accepts any certificate, to see (and show) it.
        try:
            seen = _handshake(endpoint, address, pinned_context(), ctx.io_timeout(8.0))
        except _NoStartTLS as error:
            return failed(
                T(
                    "{host} port {port}: {reason}, which the URL imap:// requires.",
                    host=host,
                    port=port,
                    reason=_reason(error),
                ),
                T(
                    "Enable STARTTLS on the server, or use imaps://{host}:993 if it offers IMAP over TLS (only on "
                    "a network you trust: add ?tls=none to the URL for plain text).",
                    host=host,
                ),
            )
        except _NotImap as error:
            return failed(
                T(
                    "{host} port {port} is not an IMAP server: {reason}.",
                    host=host,
                    port=port,
                    reason=_reason(error),
                ),
                T(
                    "Check the port in the URL: IMAP with STARTTLS is usually 143, IMAP over TLS 993 (imaps://)."
                ),
            )
        except TimeoutError:
            waited = ctx.io_timeout(8.0)
            if starttls:
                return failed(
                    T(
                        "{host} port {port} accepted the connection but did not answer the IMAP greeting within "
                        "{seconds:.0f} s.",
                        host=host,
                        port=port,
                        seconds=waited,
                    ),
                    T(
                        "Make sure port {port} is the IMAP port of the mail server (143 with STARTTLS) and that the "
                        "service is not hanging (restart it); a proxy or firewall may also swallow the traffic.",
                        port=port,
                    ),
                )
            return failed(
                T(
                    "{host} port {port} accepted the connection but did not answer the TLS handshake within "
                    "{seconds:.0f} s.",
                    host=host,
                    port=port,
                    seconds=waited,
                ),
                T(
                    "Make sure port {port} is the IMAP port of the mail server (993 with TLS) and that the "
                    "service is not hanging (restart it); a proxy or firewall may also swallow the traffic.",
                    port=port,
                ),
            )
        except ssl.SSLError as error:
            return failed(
                T(
                    "The TLS handshake with {host} port {port} ({how}) failed: {reason}.",
                    host=host,
                    port=port,
                    how=how,
                    reason=error.reason or str(error),
                ),
                T(
                    "Check that the port speaks TLS (993 for imaps://, 143 with STARTTLS for imap://) and that the "
                    "server offers TLS 1.2 or newer."
                ),
            )
        except OSError as error:
            return failed(
                T(
                    "The connection to {host} port {port} broke during the TLS handshake ({reason}).",
                    host=host,
                    port=port,
                    reason=error.strerror or type(error).__name__,
                ),
                T("Run the checks again; if it stays, look at the mail server's log for TLS errors."),
            )
        info = certificate_info(seen.der)
        now = dt.datetime.now(dt.UTC)
        days, validity = _validity(info, now)
        names = ", ".join(info.names) or info.subject
        expires = f"{info.not_after:%Y-%m-%d}"
        described = T(
            "subject {subject}; issuer {issuer}; valid {start} to {end}; SHA-256 {fingerprint}",
            subject=info.subject,
            issuer=info.issuer,
            start=f"{info.not_before:%Y-%m-%d}",
            end=expires,
            fingerprint=info.fingerprint_colons,
        )
        data = {
            "fingerprint": info.fingerprint,
            "not_after": info.not_after.isoformat(),
            "protocol": seen.protocol,
        }

        if endpoint.pinned_fingerprint:
            if info.fingerprint != normalise_fingerprint(endpoint.pinned_fingerprint):
                return failed(
                    T(
                        "{host} presented a different certificate than the one trusted for '{name}' "
                        "({certificate}).",
                        host=host,
                        name=endpoint.name,
                        certificate=described,
                    ),
                    T(
                        "If the server's certificate was replaced, confirm the new fingerprint with whoever manages "
                        "the server and trust it: {command}. Otherwise do not continue: something may be "
                        "intercepting the connection.",
                        command=_trust_command(endpoint, info),
                    ),
                    **data,
                )
            if info.expired(now):
                return warned(
                    T(
                        "The pinned certificate of {host} is presented, but it expired on {date} ({certificate}).",
                        host=host,
                        date=expires,
                        certificate=described,
                    ),
                    T(
                        "Renew the certificate on {host}, then trust the new one with mailstage-cli endpoint "
                        "trust {name}.",
                        host=host,
                        name=endpoint.name,
                    ),
                    **data,
                )
            return passed(
                T(
                    "{host} presents the certificate trusted for '{name}' ({protocol}, {how}; SHA-256 "
                    "{fingerprint}; {validity}).",
                    host=host,
                    name=endpoint.name,
                    protocol=seen.protocol,
                    how=how,
                    fingerprint=info.fingerprint_colons,
                    validity=validity,
                ),
                **data,
            )

        # Then the handshake that counts: chain and host name against the trust store.
        try:
            _handshake(endpoint, address, verified_context(), ctx.io_timeout(8.0))
        except ssl.SSLCertVerificationError as error:
            reason = explain_verification_error(error)
            evidence = T(
                "{reason}. Certificate: {certificate}; issued for {names}.",
                reason=reason,
                certificate=described,
                names=names,
            )
            trust = _trust_command(endpoint, info)
            if "expired" in reason:
                fix = T(
                    "Renew the certificate on {host} (it expired on {date}); until then, if you recognise it, "
                    "trust exactly this certificate: {command}",
                    host=host,
                    date=expires,
                    command=trust,
                )
            elif "different server name" in reason:
                fix = T(
                    "Use a name the certificate was issued for ({names}) in the endpoint's URL, or install a "
                    "certificate for {host} on the server; or trust exactly this certificate: {command}",
                    names=names,
                    host=host,
                    command=trust,
                )
            else:
                fix = T(
                    "Install a certificate from a trusted authority on {host} (or your company's CA on this "
                    "computer); or, if you recognise this one, trust exactly this certificate: {command}",
                    host=host,
                    command=trust,
                )
            return failed(evidence, fix, **data)
        except (OSError, ssl.SSLError, _NoStartTLS, _NotImap) as error:
            # It worked a moment ago with any certificate: the strict settings (TLS 1.2+) failed.
            return failed(
                T(
                    "{host} completes a TLS handshake only with old settings ({protocol}; {kind}). Certificate: "
                    "{certificate}.",
                    host=host,
                    protocol=seen.protocol,
                    kind=type(error).__name__,
                    certificate=described,
                ),
                T(
                    "Enable TLS 1.2 or newer on {host}; or, for an old server you recognise, trust exactly this "
                    "certificate (a trusted endpoint accepts older TLS): {command}",
                    host=host,
                    command=_trust_command(endpoint, info),
                ),
                **data,
            )
        if days < EXPIRY_WARNING_DAYS:
            return warned(
                T(
                    "The certificate of {host} verifies but expires soon: {validity} ({certificate}).",
                    host=host,
                    validity=validity,
                    certificate=described,
                ),
                T(
                    "Renew the certificate on {host} before {date}: a migration running then would stop.",
                    host=host,
                    date=expires,
                ),
                **data,
            )
        return passed(
            T(
                "{protocol} ({how}); certificate for {names} issued by {issuer}, {validity}; chain and host name "
                "verified.",
                protocol=seen.protocol,
                how=how,
                names=names,
                issuer=info.issuer,
                validity=validity,
            ),
            **data,
        )

    return run
