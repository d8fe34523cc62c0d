"""`endpoint trust` as engine functions: show the certificate, pin exactly the presented one."""

from __future__ import annotations

import pytest

from engine.checks import CheckSetup, Status, build_checks, run_checks
from engine.endpoints import Endpoint, EndpointKind, Security
from engine.errors import BadInput, MailstageError
from engine.trust import show_certificate, trust_certificate, untrust
from tests.checks.conftest import imaps, starttls
from tests.rig.certs import CertFiles
from tests.rig.dovecot import DovecotServer
from tests.rig.hung import closed_port


def colons(hexdigits: str) -> str:
    return ":".join(hexdigits[i : i + 2] for i in range(0, len(hexdigits), 2)).upper()


def test_show_certificate_describes_an_untrusted_certificate(
    self_signed_server: DovecotServer, self_signed_cert: CertFiles
) -> None:
    probe = show_certificate(imaps(self_signed_server))
    assert not probe.verified
    assert probe.info.fingerprint == self_signed_cert.fingerprint
    assert probe.info.subject == "127.0.0.1" and probe.info.issuer == "127.0.0.1"


def test_trusting_the_presented_fingerprint_pins_it_and_the_tls_check_then_passes(
    self_signed_server: DovecotServer, self_signed_cert: CertFiles
) -> None:
    endpoint = starttls(self_signed_server, "old")
    before = run_checks(build_checks(CheckSetup(source=endpoint))).find("source.tls")
    assert before.status is Status.FAIL
    outcome = trust_certificate(endpoint, colons(self_signed_cert.fingerprint))  # as the check's fix shows it
    assert outcome.endpoint.pinned_fingerprint == self_signed_cert.fingerprint
    assert not outcome.verified_anyway
    after = run_checks(build_checks(CheckSetup(source=outcome.endpoint))).find("source.tls")
    assert after.status is Status.PASS
    assert untrust(outcome.endpoint).pinned_fingerprint == ""


def test_a_fingerprint_the_server_does_not_present_is_refused_with_both_shown(
    tls_server: DovecotServer, self_signed_cert: CertFiles
) -> None:
    with pytest.raises(MailstageError) as caught:
        trust_certificate(imaps(tls_server, "new"), self_signed_cert.fingerprint)
    error = caught.value
    assert error.code == "trust.mismatch"
    assert colons(self_signed_cert.fingerprint) in error.cause
    assert colons(tls_server.cert.fingerprint) in error.cause
    assert "nothing was trusted" in error.what


def test_a_malformed_fingerprint_and_endpoints_without_tls_are_refused(
    tls_server: DovecotServer, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(MailstageError, match="not a SHA-256 fingerprint"):
        trust_certificate(imaps(tls_server), "AB:CD")
    plain = Endpoint("p", EndpointKind.IMAP, host="127.0.0.1", port=143, security=Security.NONE)
    with pytest.raises(BadInput, match="plain text"):
        show_certificate(plain)
    with pytest.raises(BadInput, match="folder on this computer"):
        show_certificate(Endpoint("m", EndpointKind.MAILDIR, path=str(tmp_path)))


def test_an_unreachable_server_says_so_without_a_traceback() -> None:
    endpoint = Endpoint("x", EndpointKind.IMAP, host="127.0.0.1", port=closed_port(), security=Security.TLS)
    with pytest.raises(MailstageError) as caught:
        show_certificate(endpoint, timeout=2)
    assert caught.value.code == "trust.unreachable"
    assert "mailstage-cli check" in caught.value.fix
