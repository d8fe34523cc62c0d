"""The status mail Microsoft sends after the first pass and at completion, sent by Mailstage over SMTP.

The SMTP password lives in the keyring (key `smtp:<settings name>`); the mail carries the counts and the
two CSV reports as attachments, never a secret.
"""

from __future__ import annotations

import smtplib
import socket
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

from engine.errors import MailstageError, Severity
from engine.keystore import SecretStore
from engine.reports import BatchSummary, ReportFiles, human_duration
from engine.text import T
from engine.tls import verified_context


@dataclass(frozen=True)
class SmtpSettings:
    """Where and how to send status mail. No password here: it is in the keyring."""

    host: str
    port: int = 587
    security: str = "starttls"  # "starttls", "tls" (implicit) or "none"
    username: str = ""
    sender: str = ""
    recipients: tuple[str, ...] = ()
    name: str = "default"

    @property
    def secret_key(self) -> str:
        return f"smtp:{self.name}"


def compose_status_mail(
    summary: BatchSummary, files: ReportFiles, settings: SmtpSettings, *, final: bool
) -> EmailMessage:
    """The status mail for SUMMARY, with MigrationStatistics.csv and MigrationErrors.csv attached."""
    stage = "completed" if final else "first pass finished"
    message = EmailMessage()
    message["Subject"] = (
        f"Mailstage: batch {summary.name} {stage}: {summary.synced} of {summary.total} mailboxes migrated, "
        f"{summary.failed} failed"
    )
    message["From"] = settings.sender or settings.username
    message["To"] = ", ".join(settings.recipients)
    message["Date"] = formatdate(localtime=True)
    message["Message-ID"] = make_msgid(domain="mailstage.invalid")
    lines = [
        f"Migration batch: {summary.name} ({summary.status})",
        f"From {summary.source} to {summary.target}; copied: {summary.copied}",
        "",
        f"Mailboxes in the batch: {summary.total}",
        f"Migrated: {summary.synced}",
        f"Failed: {summary.failed}",
        f"Items migrated: {summary.items_migrated}",
        f"Items skipped: {summary.items_skipped}",
        f"Duration: {human_duration(summary.duration.total_seconds())}",
        "",
        "MigrationStatistics.csv lists every mailbox; MigrationErrors.csv says why a mailbox failed.",
        f"All reports, with the skipped items and a printable summary: {files.folder}",
    ]
    message.set_content("\n".join(lines))
    for path in (files.statistics, files.errors):
        message.add_attachment(path.read_bytes(), maintype="text", subtype="csv", filename=path.name)
    return message


def send_status_mail(
    summary: BatchSummary,
    files: ReportFiles,
    settings: SmtpSettings,
    *,
    final: bool,
    secrets: SecretStore | None = None,
    timeout: float = 30.0,
) -> None:
    """Send the status mail; raises MailstageError (what, cause, fix) when it cannot be sent."""
    if not settings.recipients:
        raise MailstageError(
            "mail.no_recipient",
            T("The status mail has no recipient."),
            "",
            T("Give at least one address to send the status mail to."),
            severity=Severity.BATCH,
        )
    message = compose_status_mail(summary, files, settings, final=final)
    password = (secrets or SecretStore()).get(settings.secret_key) if settings.username else None
    context: ssl.SSLContext = verified_context()
    try:
        if settings.security == "tls":
            client: smtplib.SMTP = smtplib.SMTP_SSL(
                settings.host, settings.port, timeout=timeout, context=context
            )
        else:
            client = smtplib.SMTP(settings.host, settings.port, timeout=timeout)
        with client:
            client.ehlo()
            if settings.security == "starttls":
                client.starttls(context=context)
                client.ehlo()
            if settings.username:
                client.login(settings.username, password or "")
            client.send_message(message)
    except smtplib.SMTPAuthenticationError:
        raise MailstageError(
            "mail.login_failed",
            T(
                "The mail server {host} refused the login of {user}.",
                host=settings.host,
                user=settings.username,
            ),
            T("The password stored for status mail is wrong or has changed."),
            T("Enter the SMTP password again in the report settings."),
            severity=Severity.BATCH,
        ) from None
    except ssl.SSLError as error:
        raise MailstageError(
            "mail.tls_failed",
            T("A secure connection to the mail server {host} could not be made.", host=settings.host),
            T("{name}: the certificate or TLS settings do not match.", name=type(error).__name__),
            T("Check the server name and port (587 with STARTTLS, 465 with TLS)."),
            severity=Severity.BATCH,
        ) from None
    except (OSError, smtplib.SMTPException) as error:
        raise MailstageError(
            "mail.send_failed",
            T(
                "The status mail could not be sent through {host}:{port}.",
                host=settings.host,
                port=settings.port,
            ),
            f"{type(error).__name__}: {error}"
            if not isinstance(error, socket.timeout)
            else T("The server did not answer."),
            T(
                "Check the server name, port and security setting, and that this computer may send mail there."
            ),
            severity=Severity.BATCH,
        ) from None
