"""TLS verification, certificate details and pinning against a real Dovecot."""

from __future__ import annotations

import socket

import pytest

from engine.errors import MailstageError
from engine.tls import UntrustedCertificate, check_pin, context_for, normalise_fingerprint, probe_certificate
from tests.rig.certs import TestCA, self_signed
from tests.rig.dovecot import DovecotServer


def test_probe_verifies_a_certificate_from_a_trusted_ca(dovecot: DovecotServer) -> None:
    result = probe_certificate(dovecot.host, dovecot.imaps_port)
    assert result.verified
    assert result.info.issuer == "Mailstage Test CA"
    assert result.info.fingerprint == dovecot.cert.fingerprint


def test_probe_over_starttls_sees_the_same_certificate(dovecot: DovecotServer) -> None:
    result = probe_certificate(dovecot.host, dovecot.imap_port, starttls=True)
    assert result.verified
    assert result.info.fingerprint == dovecot.cert.fingerprint


def test_self_signed_certificate_does_not_verify_and_is_described(dovecot_factory, session_dir) -> None:
    cert = self_signed(session_dir / "selfsigned", "exchange2007")
    server: DovecotServer = dovecot_factory(cert=cert)
    result = probe_certificate(server.host, server.imaps_port)
    assert not result.verified
    assert "self-signed" in result.problem
    assert result.info.fingerprint == cert.fingerprint
    assert cert.fingerprint[:2].upper() in result.info.describe()


def test_expired_certificate_is_reported_as_expired(dovecot_factory, session_ca: TestCA) -> None:
    server: DovecotServer = dovecot_factory(cert=session_ca.issue("expired", expired=True))
    result = probe_certificate(server.host, server.imaps_port)
    assert not result.verified
    assert "expired" in result.problem


def _pinned_socket(server: DovecotServer, fingerprint: str) -> None:
    raw = socket.create_connection((server.host, server.imaps_port), timeout=5)
    with context_for(fingerprint).wrap_socket(raw, server_hostname=server.host) as tls:
        check_pin(tls, server.host, fingerprint)


def test_pinned_endpoint_accepts_exactly_its_certificate(dovecot_factory, session_dir) -> None:
    cert = self_signed(session_dir / "pinned", "pinned")
    server: DovecotServer = dovecot_factory(cert=cert)
    _pinned_socket(server, cert.fingerprint)  # no error
    other = self_signed(session_dir / "other", "other")
    with pytest.raises(UntrustedCertificate, match="different certificate"):
        _pinned_socket(server, other.fingerprint)


def test_fingerprint_is_accepted_with_colons_and_rejected_when_short() -> None:
    hexdigits = "ab" * 32
    colons = ":".join(["AB"] * 32)
    assert normalise_fingerprint(colons) == hexdigits
    with pytest.raises(MailstageError, match="64 hex digits"):
        normalise_fingerprint("AB:CD")
