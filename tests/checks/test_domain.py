"""Domain checks (MX, Autodiscover, verification TXT) against a real DNS server (dnsmasq)."""

from __future__ import annotations

import pytest

from engine.checks import CheckReport, CheckSetup, Status, build_checks, parse_nameserver, run_checks
from engine.endpoints import Endpoint, EndpointKind, parse_endpoint_url
from engine.errors import BadInput
from tests.rig.dns import DnsServer

M365_TARGET = parse_endpoint_url("target", "m365://contoso.onmicrosoft.com")
IMAP_TARGET = Endpoint("target", EndpointKind.IMAP, host="imap.new.example", port=993)


def domain_report(dns: DnsServer, domain: str, txt: str = "", target: Endpoint | None = None) -> CheckReport:
    setup = CheckSetup(
        domain=domain, expected_txt=txt, nameserver=parse_nameserver(dns.nameserver), target=target
    )
    # Only the domain checks: build_checks adds server checks only for the endpoints' own ids.
    checks = [check for check in build_checks(setup) if check.id.startswith("domain.")]
    return run_checks(checks)


def test_a_correct_domain_passes_mx_autodiscover_and_txt(dns_server: DnsServer) -> None:
    report = domain_report(dns_server, "good.test", txt="MS=ms12345678", target=IMAP_TARGET)
    assert [r.id for r in report.results] == ["domain.mx", "domain.autodiscover", "domain.txt"]
    assert all(r.subject == "good.test" for r in report.results)
    mx = report.find("domain.mx")
    assert mx.status is Status.PASS
    assert "points to mail.good.test (preference 10)" in mx.evidence
    assert "TTL 300 s (5 minutes)" in mx.evidence
    disc = report.find("domain.autodiscover")
    assert disc.status is Status.PASS
    assert "autodiscover.good.test is a CNAME to mail.good.test" in disc.evidence
    assert "_autodiscover._tcp.good.test SRV points to mail.good.test port 443" in disc.evidence
    assert "After cut-over" in disc.evidence
    txt = report.find("domain.txt")
    assert txt.status is Status.PASS and "MS=ms12345678" in txt.evidence


def test_for_a_microsoft_365_target_the_evidence_names_where_records_must_point(
    dns_server: DnsServer,
) -> None:
    report = domain_report(dns_server, "good.test", target=M365_TARGET)
    assert "good-test.mail.protection.outlook.com" in report.find("domain.mx").evidence
    assert "must be a CNAME to autodiscover.outlook.com" in report.find("domain.autodiscover").evidence


def test_autodiscover_already_pointing_to_microsoft_365_is_a_warning(dns_server: DnsServer) -> None:
    disc = domain_report(dns_server, "m365.test", target=M365_TARGET).find("domain.autodiscover")
    assert disc.status is Status.WARN
    assert "CNAME to autodiscover.outlook.com" in disc.evidence
    assert "point autodiscover.m365.test back to the old server" in disc.fix


def test_a_long_mx_ttl_is_a_warning_with_the_advice_to_lower_it(slow_ttl_dns: DnsServer) -> None:
    mx = domain_report(slow_ttl_dns, "good.test").find("domain.mx")
    assert mx.status is Status.WARN
    assert "TTL 86400 s (24 hours)" in mx.evidence
    assert mx.fix.startswith("Lower the MX record's TTL from 86400 s to 3600 s (1 hour) or less")
    assert "before cut-over" in mx.fix


def test_a_domain_without_mx_fails(dns_server: DnsServer) -> None:
    mx = domain_report(dns_server, "nomx.test").find("domain.mx")
    assert mx.status is Status.FAIL
    assert "nomx.test has no MX record" in mx.evidence
    assert "Add an MX record for nomx.test" in mx.fix


def test_a_domain_without_autodiscover_is_a_warning_with_the_record_to_add(dns_server: DnsServer) -> None:
    disc = domain_report(dns_server, "nodisc.test", target=M365_TARGET).find("domain.autodiscover")
    assert disc.status is Status.WARN
    assert "no Autodiscover record" in disc.evidence
    assert (
        "Add a CNAME record autodiscover.nodisc.test at cut-over pointing to autodiscover.outlook.com"
        in disc.fix
    )


def test_a_wrong_verification_value_fails_and_shows_what_is_there(dns_server: DnsServer) -> None:
    txt = domain_report(dns_server, "wrongtxt.test", txt="MS=ms12345678").find("domain.txt")
    assert txt.status is Status.FAIL
    assert "has a TXT record MS=ms12345679, not the expected MS=ms12345678" in txt.evidence
    assert txt.fix.startswith("Replace the TXT record MS=ms12345679 with MS=ms12345678")


def test_a_missing_verification_record_fails_with_the_record_to_add(dns_server: DnsServer) -> None:
    txt = domain_report(dns_server, "nodisc.test", txt="MS=ms12345678").find("domain.txt")
    assert txt.status is Status.FAIL
    assert "nodisc.test has no TXT record" in txt.evidence
    assert "Add a TXT record for nodisc.test (host name @) with exactly the value MS=ms12345678" in txt.fix


def test_a_domain_that_does_not_exist_fails_every_domain_check(dns_server: DnsServer) -> None:
    report = domain_report(dns_server, "missing.test", txt="MS=ms1")
    for result in report.results:
        if result.id == "domain.autodiscover":
            assert result.status is Status.WARN  # its names do not exist either
        else:
            assert result.status is Status.FAIL
            assert "does not exist in DNS" in result.evidence
            assert "Check the spelling of missing.test" in result.fix


def test_without_txt_there_is_no_txt_check(dns_server: DnsServer) -> None:
    assert [r.id for r in domain_report(dns_server, "good.test").results] == [
        "domain.mx",
        "domain.autodiscover",
    ]


@pytest.mark.parametrize(
    ("text", "host", "port"),
    [
        ("127.0.0.1", "127.0.0.1", 53),
        ("127.0.0.1:5353", "127.0.0.1", 5353),
        ("[::1]:54", "::1", 54),
        ("::1", "::1", 53),
    ],
)
def test_nameserver_option_accepts_host_and_port(text: str, host: str, port: int) -> None:
    server = parse_nameserver(text)
    assert (server.host, server.port) == (host, port)


@pytest.mark.parametrize("text", ["", "127.0.0.1:99999", "127.0.0.1:dns", "[::1"])
def test_a_bad_nameserver_option_says_what_is_expected(text: str) -> None:
    with pytest.raises(BadInput, match=r"DNS server|port|No DNS") as caught:
        parse_nameserver(text)
    assert "HOST:PORT" in caught.value.fix
