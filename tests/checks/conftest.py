"""Servers for the check tests: Dovecot with good, self-signed, expired, soon-expiring and wrongly named
certificates, one without STARTTLS, a DNS server with correct and broken zones, a hung listener."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from engine.endpoints import Endpoint, EndpointKind, Security
from tests.rig.certs import CertFiles, TestCA, self_signed
from tests.rig.dns import DnsServer, Zone, standard_zones
from tests.rig.dovecot import DovecotServer
from tests.rig.hung import HungServer


def imaps(server: DovecotServer | HungServer, name: str = "source", **changes: object) -> Endpoint:
    """An implicit-TLS endpoint for SERVER."""
    port = server.imaps_port if isinstance(server, DovecotServer) else server.port
    endpoint = Endpoint(name, EndpointKind.IMAP, host=server.host, port=port, security=Security.TLS)
    return endpoint.with_changes(**changes) if changes else endpoint


def starttls(server: DovecotServer, name: str = "source", **changes: object) -> Endpoint:
    endpoint = Endpoint(
        name, EndpointKind.IMAP, host=server.host, port=server.imap_port, security=Security.STARTTLS
    )
    return endpoint.with_changes(**changes) if changes else endpoint


@pytest.fixture(scope="session")
def long_cert(session_ca: TestCA) -> CertFiles:
    """A certificate from the session CA valid for a year: no expiry warning."""
    return session_ca.issue("checks-long", days_valid=365)


@pytest.fixture(scope="session")
def tls_server(dovecot_factory, long_cert: CertFiles) -> DovecotServer:  # type: ignore[no-untyped-def]
    return dovecot_factory(cert=long_cert)


@pytest.fixture(scope="session")
def self_signed_cert(session_dir: Path) -> CertFiles:
    return self_signed(session_dir / "checks-selfsigned", "exchange2007")


@pytest.fixture(scope="session")
def self_signed_server(dovecot_factory, self_signed_cert: CertFiles) -> DovecotServer:  # type: ignore[no-untyped-def]
    return dovecot_factory(cert=self_signed_cert)


@pytest.fixture(scope="session")
def expired_server(dovecot_factory, session_ca: TestCA) -> DovecotServer:  # type: ignore[no-untyped-def]
    return dovecot_factory(cert=session_ca.issue("checks-expired", expired=True))


@pytest.fixture(scope="session")
def expiring_server(dovecot_factory, session_ca: TestCA) -> DovecotServer:  # type: ignore[no-untyped-def]
    return dovecot_factory(cert=session_ca.issue("checks-expiring", days_valid=10))


class PlainDovecot(DovecotServer):
    """A Dovecot with TLS switched off: it does not offer STARTTLS (an old, badly kept server)."""

    def _write_config(self) -> None:
        super()._write_config()
        text = self.config.read_text()
        text = text.replace("\nssl = yes\n", "\nssl = no\n").replace("    ssl = yes\n", "")
        # Dovecot opens no listener named imaps without TLS; as a plain one it still holds the port.
        text = text.replace("inet_listener imaps {", "inet_listener imap_second {")
        self.config.write_text(text)


@pytest.fixture(scope="session")
def plain_server(session_dir: Path, long_cert: CertFiles) -> Iterator[DovecotServer]:
    server = PlainDovecot(long_cert, root=session_dir / "checks-plain")
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def dns_server() -> Iterator[DnsServer]:
    """Correct and broken zones with a short TTL (300 s)."""
    with DnsServer(standard_zones() + [Zone("test")], ttl=300) as server:
        yield server


@pytest.fixture(scope="session")
def slow_ttl_dns() -> Iterator[DnsServer]:
    """The same zones with a day-long TTL: the MX TTL must be lowered before cut-over."""
    with DnsServer(standard_zones() + [Zone("test")], ttl=86400) as server:
        yield server


@pytest.fixture
def hung_server() -> Iterator[HungServer]:
    with HungServer() as server:
        yield server


@pytest.fixture
def silent_udp_port() -> Iterator[int]:
    """A UDP port where a socket is bound but never answers: a DNS server that is down."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.bind(("127.0.0.1", 0))
        yield int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def target_server(dovecot_factory, long_cert: CertFiles) -> DovecotServer:  # type: ignore[no-untyped-def]
    """A second IMAP server as the migration's target."""
    return dovecot_factory(cert=long_cert)


@pytest.fixture(scope="session")
def limited_target(dovecot_factory, long_cert: CertFiles) -> DovecotServer:  # type: ignore[no-untyped-def]
    """A target that allows only 3 sessions per user and address (mail_max_userip_connections = 3)."""
    from tests.rig.dovecot import DovecotOptions

    return dovecot_factory(DovecotOptions(user_connection_limit=3), cert=long_cert)
