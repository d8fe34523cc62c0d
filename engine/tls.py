"""TLS for every connection Mailstage makes: verified against the system's trust store, or pinned.

Verification uses `truststore` (on Windows the certificates Group Policy deployed are trusted as they are
in Outlook; elsewhere the OpenSSL default paths, which SSL_CERT_FILE extends). An endpoint that pins a
certificate accepts exactly that certificate (by SHA-256 fingerprint) and no other; the pin is checked
right after the handshake, before any credential is sent.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import socket
import ssl
import warnings
from dataclasses import dataclass
from typing import TYPE_CHECKING

import truststore

from engine.errors import MailstageError, Severity
from engine.text import T

if TYPE_CHECKING:
    from cryptography import x509


@dataclass(frozen=True)
class CertificateInfo:
    """What an administrator needs to decide whether to trust a certificate."""

    subject: str
    issuer: str
    not_before: dt.datetime
    not_after: dt.datetime
    fingerprint: str  # SHA-256, lower-case hex without colons
    names: tuple[str, ...]  # subject alternative names

    @property
    def fingerprint_colons(self) -> str:
        """The fingerprint as AA:BB:..., the way browsers and Windows show it."""
        return ":".join(self.fingerprint[i : i + 2] for i in range(0, len(self.fingerprint), 2)).upper()

    def expired(self, now: dt.datetime | None = None) -> bool:
        return (now or dt.datetime.now(dt.UTC)) > self.not_after

    def describe(self) -> str:
        """One paragraph for evidence texts and prompts."""
        return T(
            "subject {subject}; issued by {issuer}; valid {start} to {end}; SHA-256 {fingerprint}",
            subject=self.subject,
            issuer=self.issuer,
            start=f"{self.not_before:%Y-%m-%d}",
            end=f"{self.not_after:%Y-%m-%d}",
            fingerprint=self.fingerprint_colons,
        )


def normalise_fingerprint(text: str) -> str:
    """A fingerprint as typed (hex, colons or spaces optional, any case) in canonical form.

    Raises MailstageError when it is not 64 hex digits.
    """
    cleaned = "".join(ch for ch in text if ch not in ": ").lower()
    if len(cleaned) != 64 or any(ch not in "0123456789abcdef" for ch in cleaned):
        raise MailstageError(
            "tls.bad_fingerprint",
            T("The fingerprint is not a SHA-256 fingerprint."),
            T(
                "It has {count} characters after removing colons; a SHA-256 fingerprint has 64 hex digits.",
                count=len(cleaned),
            ),
            T("Copy the SHA-256 fingerprint exactly as Mailstage or your browser shows it."),
            severity=Severity.BATCH,
        )
    return cleaned


def _name_text(name: x509.Name) -> str:
    from cryptography.x509.oid import NameOID

    common = name.get_attributes_for_oid(NameOID.COMMON_NAME)
    if common:
        value = common[0].value
        return value if isinstance(value, str) else value.decode(errors="replace")
    return name.rfc4514_string()


def certificate_info(der: bytes) -> CertificateInfo:
    """Parse a DER certificate into what a person needs to see."""
    # Imported here: cryptography costs ~60 ms at start-up and only certificate problems need it.
    from cryptography import x509

    cert = x509.load_der_x509_certificate(der)
    try:
        san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
        names = tuple(str(v) for v in san.get_values_for_type(x509.DNSName)) + tuple(
            str(v) for v in san.get_values_for_type(x509.IPAddress)
        )
    except x509.ExtensionNotFound:
        names = ()
    return CertificateInfo(
        subject=_name_text(cert.subject),
        issuer=_name_text(cert.issuer),
        not_before=cert.not_valid_before_utc,
        not_after=cert.not_valid_after_utc,
        fingerprint=hashlib.sha256(der).hexdigest(),
        names=names,
    )


class UntrustedCertificate(MailstageError):
    """The server's certificate does not verify (or does not match the pinned one)."""

    def __init__(
        self, host: str, info: CertificateInfo | None, reason: str, *, pinned: str | None = None
    ) -> None:
        if pinned:
            what = T(
                "The server {host} presented a different certificate than the one you trusted.", host=host
            )
            cause = T(
                "The certificate was replaced (renewed, or a new server), or something is intercepting the "
                "connection."
            )
            fix = T(
                "If your mail administrator replaced the certificate, check its fingerprint with them and trust "
                "the new one (mailstage-cli endpoint trust). Otherwise do not continue."
            )
        else:
            what = T("The certificate of {host} is not trusted.", host=host)
            cause = T("{reason}. Old Exchange servers often use a self-signed certificate.", reason=reason)
            fix = T(
                "Install a certificate from a trusted authority on the server, or, if you recognise this one, "
                "trust exactly this certificate: mailstage-cli endpoint trust NAME --fingerprint {fingerprint}",
                fingerprint=info.fingerprint_colons if info else "<SHA-256>",
            )
        if info:
            cause = T("{cause} Certificate: {certificate}.", cause=cause, certificate=info.describe())
        super().__init__("tls.untrusted", what, cause, fix, severity=Severity.BATCH, host=host)
        self.info = info
        self.reason = reason


def verified_context() -> ssl.SSLContext:
    """A client context that verifies chain and host name against the system's trust store."""
    context = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    return context


def pinned_context() -> ssl.SSLContext:
    """A client context for a pinned endpoint: the chain is not checked here, the fingerprint is,
    by `check_pin` right after the handshake."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    # Old Exchange servers offer old protocols and ciphers; a pinned certificate is the admin's
    # explicit choice for exactly such a server, so allow what OpenSSL still can.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        context.minimum_version = ssl.TLSVersion.TLSv1
    context.set_ciphers("DEFAULT:@SECLEVEL=0")
    return context


def context_for(pinned_fingerprint: str | None) -> ssl.SSLContext:
    """The context an endpoint connects with."""
    return pinned_context() if pinned_fingerprint else verified_context()


def check_pin(tls_socket: ssl.SSLSocket, host: str, pinned_fingerprint: str | None) -> None:
    """Raise UntrustedCertificate unless the peer's certificate is the pinned one (no-op when not pinned)."""
    if not pinned_fingerprint:
        return
    der = tls_socket.getpeercert(binary_form=True)
    if der is None or hashlib.sha256(der).hexdigest() != normalise_fingerprint(pinned_fingerprint):
        info = certificate_info(der) if der else None
        raise UntrustedCertificate(host, info, T("fingerprint mismatch"), pinned=pinned_fingerprint)


def explain_verification_error(error: ssl.SSLCertVerificationError) -> str:
    """OpenSSL's verification failure in words."""
    message = (error.verify_message or str(error)).lower()
    # The English words stay as they are: the TLS check looks for "expired" and "different server name".
    if "expired" in message:
        return T("The certificate has expired")
    if "self-signed" in message or "self signed" in message:
        return T("The certificate is self-signed: no trusted authority vouches for it")
    if "unable to get local issuer" in message or "unknown ca" in message:
        return T("The certificate was issued by an authority this computer does not trust")
    if "hostname" in message or "ip address mismatch" in message:
        return T("The certificate was issued for a different server name")
    return T("The certificate did not verify ({detail})", detail=error.verify_message or str(error))


def _imap_starttls_preamble(sock: socket.socket, timeout: float) -> None:
    """Read the IMAP greeting and ask for STARTTLS on a plain socket; raises OSError when refused."""
    sock.settimeout(timeout)
    reader = sock.makefile("rb")
    greeting = reader.readline(4096)
    if not greeting.startswith(b"* "):
        raise OSError(T("the server did not greet like an IMAP server"))
    sock.sendall(b"m1 STARTTLS\r\n")
    while True:
        line = reader.readline(4096)
        if not line:
            raise OSError(T("the server closed the connection after STARTTLS"))
        if line.startswith(b"m1 "):
            if not line.startswith(b"m1 OK"):
                raise OSError(T("the server refused STARTTLS"))
            return


@dataclass(frozen=True)
class ProbeResult:
    """The outcome of a TLS handshake probe: the certificate, and whether it verified."""

    info: CertificateInfo
    verified: bool
    problem: str  # empty when verified
    protocol: str


def probe_certificate(host: str, port: int, *, starttls: bool = False, timeout: float = 10.0) -> ProbeResult:
    """Connect, fetch the server's certificate and tell whether it verifies against the trust store.

    Does two handshakes: one that accepts anything (to show the certificate) and one verified.
    Raises OSError (including TimeoutError) when the server cannot be reached at all.
    """

    def handshake(context: ssl.SSLContext) -> ssl.SSLSocket:
        raw = socket.create_connection((host, port), timeout=timeout)
        try:
            if starttls:
                _imap_starttls_preamble(raw, timeout)
            tls = context.wrap_socket(raw, server_hostname=host)
            tls.settimeout(timeout)
            return tls
        except BaseException:
            raw.close()
            raise

    with handshake(pinned_context()) as tls:
        der = tls.getpeercert(binary_form=True)
        protocol = tls.version() or ""
    if der is None:
        raise OSError(T("the server presented no certificate"))
    info = certificate_info(der)
    try:
        with handshake(verified_context()):
            pass
    except ssl.SSLCertVerificationError as error:
        return ProbeResult(info, False, explain_verification_error(error), protocol)
    return ProbeResult(info, True, "", protocol)
