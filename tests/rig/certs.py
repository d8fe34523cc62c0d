"""Certificates for the test servers: a CA made for the session and leaf certificates it signs.

Also the certificates that must *not* verify (self-signed, expired) for the checks' tests.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID


@dataclass(frozen=True)
class CertFiles:
    """Paths of a PEM certificate and its key, and the certificate's SHA-256 fingerprint (hex)."""

    cert: Path
    key: Path
    fingerprint: str


def _name(common_name: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Mailstage test rig"),
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
        ]
    )


def _write(folder: Path, stem: str, cert: x509.Certificate, key: ec.EllipticCurvePrivateKey) -> CertFiles:
    folder.mkdir(parents=True, exist_ok=True)
    cert_path = folder / f"{stem}.crt"
    key_path = folder / f"{stem}.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    key_path.chmod(0o644)  # Dovecot reads it as root before dropping privileges; a test key.
    return CertFiles(cert_path, key_path, cert.fingerprint(hashes.SHA256()).hex())


class TestCA:
    """A certificate authority generated for one test session."""

    __test__ = False  # not a pytest test class

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._key = ec.generate_private_key(ec.SECP256R1())
        now = dt.datetime.now(dt.UTC)
        self._cert = (
            x509.CertificateBuilder()
            .subject_name(_name("Mailstage Test CA"))
            .issuer_name(_name("Mailstage Test CA"))
            .public_key(self._key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=400))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .add_extension(
                x509.KeyUsage(
                    digital_signature=True,
                    content_commitment=False,
                    key_encipherment=False,
                    data_encipherment=False,
                    key_agreement=False,
                    key_cert_sign=True,
                    crl_sign=True,
                    encipher_only=False,
                    decipher_only=False,
                ),
                critical=True,
            )
            .sign(self._key, hashes.SHA256())
        )
        self.files = _write(folder, "ca", self._cert, self._key)

    @property
    def cert_path(self) -> Path:
        """The CA certificate (PEM) to trust in clients."""
        return self.files.cert

    def issue(
        self,
        stem: str,
        hosts: tuple[str, ...] = ("127.0.0.1", "localhost"),
        *,
        days_valid: int = 365,
        expired: bool = False,
    ) -> CertFiles:
        """A server certificate for HOSTS signed by this CA (optionally already expired)."""
        key = ec.generate_private_key(ec.SECP256R1())
        now = dt.datetime.now(dt.UTC)
        if expired:
            not_before, not_after = now - dt.timedelta(days=60), now - dt.timedelta(days=1)
        else:
            not_before, not_after = now - dt.timedelta(hours=1), now + dt.timedelta(days=days_valid)
        cert = (
            x509.CertificateBuilder()
            .subject_name(_name(hosts[0]))
            .issuer_name(self._cert.subject)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(not_before)
            .not_valid_after(not_after)
            .add_extension(_san(hosts), critical=False)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .sign(self._key, hashes.SHA256())
        )
        return _write(self.folder, stem, cert, key)


def self_signed(folder: Path, stem: str, hosts: tuple[str, ...] = ("127.0.0.1", "localhost")) -> CertFiles:
    """A certificate that signs itself, as old Exchange servers ship: it must not verify."""
    key = ec.generate_private_key(ec.SECP256R1())
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name(hosts[0]))
        .issuer_name(_name(hosts[0]))
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(hours=1))
        .not_valid_after(now + dt.timedelta(days=365))
        .add_extension(_san(hosts), critical=False)
        .sign(key, hashes.SHA256())
    )
    return _write(folder, stem, cert, key)


def _san(hosts: tuple[str, ...]) -> x509.SubjectAlternativeName:
    names: list[x509.GeneralName] = []
    for host in hosts:
        try:
            names.append(x509.IPAddress(ipaddress.ip_address(host)))
        except ValueError:
            names.append(x509.DNSName(host))
    return x509.SubjectAlternativeName(names)
