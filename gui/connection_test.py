""" "Test connection" for the source or target page, as one call for a background thread (no Qt).

It stores a newly typed password in the keyring first (so the test uses exactly what the batch will
use), runs the engine's server checks for that endpoint, and, when the certificate did not verify,
fetches it so the page can ask whether to trust exactly this certificate.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from engine.checks import CheckEvent, CheckReport, CheckResult, CheckSetup, Status, run_checks
from engine.checks.lookup import DnsLookup, Nameserver
from engine.checks.suite import MailboxRef, login_checks, server_checks
from engine.endpoints import Endpoint, EndpointKind, Security
from engine.errors import BadInput
from engine.keystore import SecretStore
from engine.tls import CertificateInfo, probe_certificate


@dataclass(frozen=True)
class ConnectionTestOutcome:
    """What "Test connection" found for the settings whose signature it carries."""

    signature: str
    report: CheckReport
    certificate: CertificateInfo | None = None  # the certificate when it did not verify
    problem: str = ""  # why it did not verify

    @property
    def ok(self) -> bool:
        return not self.report.failed and self.certificate is None

    def failures(self) -> list[CheckResult]:
        return [r for r in self.report.results if r.status is Status.FAIL]


def run_connection_test(
    role: str,
    endpoint: Endpoint,
    signature: str,
    *,
    password: str = "",
    secrets: SecretStore | None = None,
    on_event: Callable[[CheckEvent], None] | None = None,
    cancel: threading.Event | None = None,
    nameserver: Nameserver | None = None,
    mailbox: MailboxRef | None = None,
) -> ConnectionTestOutcome:
    """Test ENDPOINT as the ROLE ("source" or "target") of a migration: the server checks (name,
    connection, certificate, login, capabilities, connection limit). The login opens MAILBOX (the
    first of the list, as Microsoft's endpoint test does) through the admin account when given."""
    if password:
        (secrets or SecretStore()).put(endpoint.secret_key(), password)
    if endpoint.kind is EndpointKind.MAILDIR:
        _check_folder(role, Path(endpoint.path))
        return ConnectionTestOutcome(signature, CheckReport(()))
    setup = CheckSetup(nameserver=nameserver, mailboxes=(mailbox,) if mailbox else (), **{role: endpoint})  # type: ignore[arg-type]
    checks = server_checks(role, endpoint, DnsLookup(nameserver)) + login_checks(role, endpoint, setup)
    report = run_checks(checks, on_event=on_event, cancel=cancel)
    certificate: CertificateInfo | None = None
    problem = ""
    tls_failed = any(r.id == f"{role}.tls" and r.status is Status.FAIL for r in report.results)
    if tls_failed and endpoint.security is not Security.NONE and not endpoint.pinned_fingerprint:
        try:
            probe = probe_certificate(
                endpoint.host, endpoint.port, starttls=endpoint.security is Security.STARTTLS, timeout=10.0
            )
        except OSError:
            probe = None  # the check's own evidence already says why the handshake failed
        if probe is not None and not probe.verified:
            certificate, problem = probe.info, probe.problem
    return ConnectionTestOutcome(signature, report, certificate, problem)


def _check_folder(role: str, path: Path) -> None:
    if role == "source":
        if not path.is_dir():
            raise BadInput(
                "endpoint.folder_missing",
                f"The folder {path} does not exist.",
                "The source folder must hold one mail folder (Maildir) per mailbox.",
                "Choose the folder that holds the mailboxes.",
            )
        return
    existing = path if path.exists() else next((p for p in path.parents if p.exists()), None)
    if existing is None or not existing.is_dir():
        raise BadInput(
            "endpoint.folder_unusable",
            f"Mailstage cannot write to {path}.",
            f"{existing} is not a folder." if existing else "None of its parent folders exists.",
            "Choose a folder on a local or network drive you can write to.",
        )
