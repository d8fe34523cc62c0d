"""A real DNS server (Debian's dnsmasq) on a loopback port, answering from records the test gives.

dnsmasq's traps (shared/reference/test-servers.md): records carry TTL 0 unless `--local-ttl` is set; a
`--cname` target must be a name dnsmasq knows itself (hence `host-record`); names outside its records
are REFUSED. Here every zone is declared `--local`, so an unknown name in a zone is NXDOMAIN as on a real
authoritative server, and `--no-resolv` keeps every question on this machine.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import dns.exception
import dns.resolver

DNSMASQ = shutil.which("dnsmasq") or "/usr/sbin/dnsmasq"


def free_udp_tcp_port() -> int:
    """A loopback port free for both UDP and TCP (dnsmasq binds both)."""
    while True:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp:
            udp.bind(("127.0.0.1", 0))
            port = int(udp.getsockname()[1])
            with socket.socket() as tcp:
                try:
                    tcp.bind(("127.0.0.1", port))
                except OSError:
                    continue
            return port


@dataclass
class Zone:
    """Records of one domain, in dnsmasq's own option syntax (without the leading dashes)."""

    domain: str
    records: list[str] = field(default_factory=list)

    def host(self, name: str, address: str) -> Zone:
        self.records.append(f"host-record={name},{address}")
        return self

    def mx(self, host: str, preference: int = 10) -> Zone:
        self.records.append(f"mx-host={self.domain},{host},{preference}")
        return self

    def txt(self, value: str, name: str | None = None) -> Zone:
        self.records.append(f'txt-record={name or self.domain},"{value}"')
        return self

    def cname(self, name: str, target: str) -> Zone:
        self.records.append(f"cname={name},{target}")
        return self

    def srv(self, name: str, target: str, port: int, priority: int = 0, weight: int = 0) -> Zone:
        self.records.append(f"srv-host={name},{target},{port},{priority},{weight}")
        return self


class DnsServer:
    """One dnsmasq serving ZONES with TTL; stopped by its PID."""

    def __init__(self, zones: Sequence[Zone], ttl: int = 300, extra: Sequence[str] = ()) -> None:
        self.zones = list(zones)
        self.ttl = ttl
        self.extra = list(extra)
        self.port = free_udp_tcp_port()
        self.host = "127.0.0.1"
        self.root = Path(tempfile.mkdtemp(prefix="mailstage-dns-"))
        self.config = self.root / "dnsmasq.conf"
        self._proc: subprocess.Popen[bytes] | None = None

    @property
    def nameserver(self) -> str:
        """As the CLI's --nameserver takes it."""
        return f"{self.host}:{self.port}"

    def _lines(self) -> list[str]:
        lines = [
            f"port={self.port}",
            f"listen-address={self.host}",
            "bind-interfaces",
            "no-resolv",
            "no-hosts",
            "no-poll",
            f"local-ttl={self.ttl}",
            # A probe name so start() can wait until dnsmasq answers.
            "local=/ready.rig/",
            "host-record=ready.rig,127.0.0.1",
        ]
        for zone in self.zones:
            lines.append(f"local=/{zone.domain}/")
            lines.extend(zone.records)
        lines.extend(self.extra)
        return lines

    def start(self) -> DnsServer:
        self.config.write_text("".join(line + "\n" for line in self._lines()))
        self._proc = subprocess.Popen(
            [DNSMASQ, "--keep-in-foreground", f"--conf-file={self.config}", "--pid-file=", "--user=root"]
            if _is_root()
            else [DNSMASQ, "--keep-in-foreground", f"--conf-file={self.config}", "--pid-file="],
            stdout=subprocess.DEVNULL,
            stderr=open(self.root / "stderr.log", "wb"),  # noqa: SIM115 - closed with the process
        )
        resolver = dns.resolver.Resolver(configure=False)
        resolver.nameservers = [self.host]
        resolver.port = self.port
        resolver.lifetime = 0.5
        deadline = time.monotonic() + 15
        while True:
            if self._proc.poll() is not None:
                raise RuntimeError(f"dnsmasq exited: {(self.root / 'stderr.log').read_text()}")
            try:
                resolver.resolve("ready.rig", "A")
                return self
            except dns.exception.DNSException:
                if time.monotonic() > deadline:
                    self.stop()
                    raise RuntimeError("dnsmasq did not answer within 15 s") from None

    def stop(self) -> None:
        if self._proc is None:
            return
        if self._proc.poll() is None:
            self._proc.terminate()
            try:
                self._proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait(timeout=5)
        self._proc = None
        shutil.rmtree(self.root, ignore_errors=True)

    def __enter__(self) -> DnsServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _is_root() -> bool:
    import os

    return os.geteuid() == 0


def standard_zones() -> list[Zone]:
    """A correct setup and the broken ones the checks must recognise.

    good.test      MX, Autodiscover (CNAME to the old server and SRV), the verification TXT
    m365.test      Autodiscover already pointing to Microsoft 365
    nomx.test      no MX record (the name exists)
    nodisc.test    MX but no Autodiscover at all
    wrongtxt.test  a verification TXT value that differs from the expected one
    Server names: mail.good.test and mail.nomx.test point to 127.0.0.1; nothing.good.test does not exist.
    """
    good = (
        Zone("good.test")
        .host("mail.good.test", "127.0.0.1")
        .mx("mail.good.test")
        .txt("MS=ms12345678")
        .txt("v=spf1 mx -all")
        .cname("autodiscover.good.test", "mail.good.test")
        .srv("_autodiscover._tcp.good.test", "mail.good.test", 443)
    )
    m365 = (
        Zone("m365.test")
        .host("autodiscover.outlook.com", "127.0.0.9")
        .host("m365-test.mail.protection.outlook.com", "127.0.0.10")
        .mx("m365-test.mail.protection.outlook.com")
        .cname("autodiscover.m365.test", "autodiscover.outlook.com")
    )
    nomx = (
        Zone("nomx.test")
        .host("nomx.test", "127.0.0.2")
        .host("mail.nomx.test", "127.0.0.1")
        .txt("MS=ms12345678")
    )
    nodisc = Zone("nodisc.test").host("mail.nodisc.test", "127.0.0.1").mx("mail.nodisc.test")
    wrongtxt = (
        Zone("wrongtxt.test")
        .host("mail.wrongtxt.test", "127.0.0.1")
        .mx("mail.wrongtxt.test")
        .txt("MS=ms12345679")
    )
    # outlook.com is declared local in the m365 zone file so its names answer here, not upstream.
    zones = [good, m365, nomx, nodisc, wrongtxt, Zone("outlook.com")]
    return zones
