"""Server checks without login (dns, tcp, tls) against real Dovecot, dnsmasq and a hung listener."""

from __future__ import annotations

import time
from pathlib import Path

from engine.checks import (
    CheckReport,
    CheckSetup,
    DnsLookup,
    Status,
    build_checks,
    parse_nameserver,
    run_checks,
)
from engine.checks.framework import Check
from engine.checks.servers import check_tls
from engine.checks.suite import server_checks
from engine.endpoints import Endpoint, EndpointKind, Security
from tests.checks.conftest import imaps, starttls
from tests.rig.certs import CertFiles
from tests.rig.dns import DnsServer
from tests.rig.dovecot import DovecotServer
from tests.rig.hung import HungServer, closed_port


def run_server(endpoint: Endpoint, dns: DnsServer | None = None, scale: float = 1.0) -> CheckReport:
    lookup = DnsLookup(parse_nameserver(dns.nameserver) if dns else None)
    return run_checks(server_checks("source", endpoint, lookup, scale))


def test_a_server_with_a_trusted_certificate_passes_dns_tcp_and_tls(tls_server: DovecotServer) -> None:
    report = run_server(imaps(tls_server))
    assert [r.status for r in report.results] == [Status.PASS] * 3, report
    tls = report.find("source.tls")
    assert "chain and host name verified" in tls.evidence
    assert "Mailstage Test CA" in tls.evidence
    assert tls.data["fingerprint"] == tls_server.cert.fingerprint


def test_starttls_is_checked_when_the_url_asks_for_it(tls_server: DovecotServer) -> None:
    tls = run_server(starttls(tls_server)).find("source.tls")
    assert tls.status is Status.PASS
    assert "after STARTTLS" in tls.evidence


def test_a_server_without_starttls_fails_when_the_url_requires_it(plain_server: DovecotServer) -> None:
    tls = run_server(starttls(plain_server)).find("source.tls")
    assert tls.status is Status.FAIL
    assert "does not offer STARTTLS" in tls.evidence
    assert "Enable STARTTLS on the server" in tls.fix


def test_a_self_signed_certificate_fails_with_its_details_and_the_trust_command(
    self_signed_server: DovecotServer, self_signed_cert: CertFiles
) -> None:
    tls = run_server(imaps(self_signed_server, name="exchange2007")).find("source.tls")
    assert tls.status is Status.FAIL
    colons = ":".join(self_signed_cert.fingerprint[i : i + 2] for i in range(0, 64, 2)).upper()
    assert "self-signed" in tls.evidence
    assert "subject 127.0.0.1" in tls.evidence and "issuer 127.0.0.1" in tls.evidence
    assert "valid " in tls.evidence and f"SHA-256 {colons}" in tls.evidence
    assert f"mailstage-cli endpoint trust exchange2007 --fingerprint {colons}" in tls.fix


def test_an_expired_certificate_fails_and_the_fix_says_renew(expired_server: DovecotServer) -> None:
    tls = run_server(imaps(expired_server)).find("source.tls")
    assert tls.status is Status.FAIL
    assert "expired" in tls.evidence
    assert tls.fix.startswith("Renew the certificate on 127.0.0.1")


def test_a_certificate_expiring_within_30_days_is_a_warning(expiring_server: DovecotServer) -> None:
    tls = run_server(imaps(expiring_server)).find("source.tls")
    assert tls.status is Status.WARN
    assert "expires soon" in tls.evidence
    assert "Renew the certificate on 127.0.0.1 before" in tls.fix


def test_a_certificate_for_another_name_fails_the_host_name_check(
    tls_server: DovecotServer, dns_server: DnsServer
) -> None:
    # mail.good.test resolves (through the test DNS) to the server, whose certificate names only
    # 127.0.0.1 and localhost.
    endpoint = imaps(tls_server, host="mail.good.test")
    report = run_server(endpoint, dns_server)
    assert report.find("source.dns").status is Status.PASS
    assert "mail.good.test resolves to 127.0.0.1" in report.find("source.dns").evidence
    tls = report.find("source.tls")
    assert tls.status is Status.FAIL
    assert "different server name" in tls.evidence
    assert "issued for (localhost, 127.0.0.1)" in tls.fix


def test_a_pinned_certificate_passes_and_any_other_fails(
    self_signed_server: DovecotServer, self_signed_cert: CertFiles, tls_server: DovecotServer
) -> None:
    pinned = imaps(self_signed_server, pinned_fingerprint=self_signed_cert.fingerprint)
    tls = run_server(pinned).find("source.tls")
    assert tls.status is Status.PASS
    assert "presents the certificate trusted for 'source'" in tls.evidence
    other = imaps(tls_server, pinned_fingerprint=self_signed_cert.fingerprint)
    tls = run_server(other).find("source.tls")
    assert tls.status is Status.FAIL
    assert "different certificate than the one trusted" in tls.evidence


def test_a_closed_port_fails_tcp_and_skips_tls() -> None:
    endpoint = Endpoint(
        "source", EndpointKind.IMAP, host="127.0.0.1", port=closed_port(), security=Security.TLS
    )
    report = run_server(endpoint)
    tcp = report.find("source.tcp")
    assert tcp.status is Status.FAIL
    assert "refused connections" in tcp.evidence
    assert f"port {endpoint.port}" in tcp.fix and "firewall" in tcp.fix
    assert report.find("source.tls").status is Status.SKIP
    assert report.find("source.tls").evidence == "Not run: source.tcp failed."


def test_a_name_missing_from_dns_fails_and_skips_the_rest(dns_server: DnsServer) -> None:
    endpoint = Endpoint(
        "source", EndpointKind.IMAP, host="nothing.good.test", port=993, security=Security.TLS
    )
    report = run_server(endpoint, dns_server)
    dns = report.find("source.dns")
    assert dns.status is Status.FAIL
    assert "does not exist in DNS" in dns.evidence and dns_server.nameserver in dns.evidence
    assert "Check the spelling of nothing.good.test" in dns.fix
    assert report.find("source.tcp").evidence == "Not run: source.dns failed."


def test_a_hung_server_fails_within_its_time_out_while_the_other_server_completes(
    hung_server: HungServer, tls_server: DovecotServer
) -> None:
    setup = CheckSetup(
        source=imaps(hung_server, "oldserver"), target=imaps(tls_server, "newserver"), timeout_scale=0.5
    )
    started = time.monotonic()
    report = run_checks(build_checks(setup))
    elapsed = time.monotonic() - started
    assert report.find("source.tcp").status is Status.PASS  # it does accept connections
    tls = report.find("source.tls")
    assert tls.status is Status.FAIL
    assert "did not answer the TLS handshake" in tls.evidence
    assert "not hanging" in tls.fix
    assert tls.seconds <= 6 * 1.0 + 1.5  # its own time-out (12 s x 0.5) plus the runner's grace
    assert [report.find(f"target.{name}").status for name in ("dns", "tcp", "tls")] == [Status.PASS] * 3
    assert report.find("source.login").evidence == "Not run: source.tls failed."
    assert report.find("target.tls").seconds < 5  # did not wait for the hung server (6 s)
    assert elapsed < 10
    assert hung_server.accepted >= 1


def test_plain_text_endpoints_are_a_warning_and_maildir_endpoints_are_skipped(tmp_path: Path) -> None:
    plain = Endpoint("source", EndpointKind.IMAP, host="127.0.0.1", port=143, security=Security.NONE)
    report = run_checks([Check("source.tls", plain.url, check_tls(plain, ("source.tcp", plain.url)))])
    assert report.find("source.tls").status is Status.WARN
    assert "unencrypted" in report.find("source.tls").evidence
    assert "imaps://127.0.0.1:993" in report.find("source.tls").fix
    maildir = Endpoint("target", EndpointKind.MAILDIR, path=str(tmp_path))
    report = run_checks(server_checks("target", maildir, DnsLookup()))
    assert report.find("target.dns").status is Status.SKIP
    assert "folder on this computer" in report.find("target.dns").evidence


def test_a_dns_server_that_does_not_answer_fails_the_lookup_in_time(silent_udp_port: int) -> None:
    endpoint = Endpoint("source", EndpointKind.IMAP, host="mail.good.test", port=993, security=Security.TLS)
    lookup = DnsLookup(parse_nameserver(f"127.0.0.1:{silent_udp_port}"))
    started = time.monotonic()
    report = run_checks(server_checks("source", endpoint, lookup, scale=0.3))
    dns = report.find("source.dns")
    assert dns.status is Status.FAIL
    assert "did not answer" in dns.evidence or "No result within" in dns.evidence
    assert time.monotonic() - started < 5
