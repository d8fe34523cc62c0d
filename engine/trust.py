"""`endpoint trust`: show a server's certificate, and pin exactly that certificate to an endpoint.

For servers whose certificate does not verify (self-signed, a private CA, an old Exchange). The pin is
the certificate's SHA-256 fingerprint, kept with the endpoint's settings (it is not a secret). A pinned
endpoint accepts that certificate and no other (engine.tls.check_pin). The `endpoint` command calls
`show_certificate` (no --fingerprint: show and ask) and `trust_certificate` (pin when the server
presents exactly the given fingerprint), then saves the returned endpoint.
"""

from __future__ import annotations

from dataclasses import dataclass

from engine.endpoints import Endpoint, EndpointKind, Security
from engine.errors import BadInput, MailstageError, Severity
from engine.text import T, Text
from engine.tls import CertificateInfo, ProbeResult, normalise_fingerprint, probe_certificate


@dataclass(frozen=True)
class TrustOutcome:
    """The endpoint with its pin, and what was pinned."""

    endpoint: Endpoint
    certificate: CertificateInfo
    verified_anyway: bool  # the certificate also verifies against the trust store (the pin is extra)


def _require_tls(endpoint: Endpoint) -> None:
    if endpoint.kind is EndpointKind.MAILDIR:
        raise BadInput(
            "trust.not_a_server",
            T(
                "The endpoint '{name}' is a folder on this computer; it has no certificate to trust.",
                name=endpoint.name,
            ),
        )
    if endpoint.security is Security.NONE:
        raise BadInput(
            "trust.no_tls",
            T(
                "The endpoint '{name}' is set to plain text (?tls=none): there is no certificate to trust.",
                name=endpoint.name,
            ),
            "",
            T(
                "Change its URL to imaps://{host}:993 or imap://{host}:143 (STARTTLS) first.",
                host=endpoint.host,
            ),
        )


def _problem(error: OSError) -> str:
    """Why the certificate could not be fetched; a `Text` the TLS probe raised stays translatable."""
    first = error.args[0] if len(error.args) == 1 else None
    if isinstance(first, Text):
        return first
    return error.strerror or str(error) or type(error).__name__


def show_certificate(endpoint: Endpoint, *, timeout: float = 10.0) -> ProbeResult:
    """Connect to ENDPOINT and return the certificate it presents, and whether it verifies.

    Raises MailstageError (code trust.unreachable) when the server cannot be reached.
    """
    _require_tls(endpoint)
    try:
        return probe_certificate(
            endpoint.host, endpoint.port, starttls=endpoint.security is Security.STARTTLS, timeout=timeout
        )
    except OSError as error:
        raise MailstageError(
            "trust.unreachable",
            T(
                "Mailstage could not fetch the certificate of {host} port {port}.",
                host=endpoint.host,
                port=endpoint.port,
            ),
            T("The connection failed: {problem}.", problem=_problem(error)),
            T(
                "Run mailstage-cli check to see whether the name resolves and the port is open, then try again."
            ),
            severity=Severity.BATCH,
        ) from None


def trust_certificate(endpoint: Endpoint, fingerprint: str, *, timeout: float = 10.0) -> TrustOutcome:
    """Pin FINGERPRINT to ENDPOINT, but only if the server presents exactly that certificate now.

    FINGERPRINT is SHA-256 hex, colons and spaces optional. Returns the endpoint with the pin (the
    caller saves it). Raises MailstageError (trust.mismatch) with both fingerprints when the server
    presents another certificate, BadInput when the fingerprint is malformed.
    """
    wanted = normalise_fingerprint(fingerprint)
    probe = show_certificate(endpoint, timeout=timeout)
    presented = probe.info
    if presented.fingerprint != wanted:
        given = CertificateInfo(
            "", "", presented.not_before, presented.not_after, wanted, ()
        ).fingerprint_colons
        raise MailstageError(
            "trust.mismatch",
            T(
                "The server {host} presents a different certificate than the fingerprint you gave; nothing "
                "was trusted.",
                host=endpoint.host,
            ),
            T(
                "You gave {given}. The server presents {presented} ({certificate}).",
                given=given,
                presented=presented.fingerprint_colons,
                certificate=presented.describe(),
            ),
            T(
                "Compare the fingerprints with whoever manages the server. If the server's certificate is the right "
                "one, trust it with: mailstage-cli endpoint trust {name} --fingerprint {fingerprint}",
                name=endpoint.name,
                fingerprint=presented.fingerprint_colons,
            ),
            severity=Severity.BATCH,
        )
    return TrustOutcome(endpoint.with_changes(pinned_fingerprint=wanted), presented, probe.verified)


def untrust(endpoint: Endpoint) -> Endpoint:
    """ENDPOINT without a pinned certificate (it must verify against the trust store again)."""
    return endpoint.with_changes(pinned_fingerprint="")
