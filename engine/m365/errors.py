"""Microsoft's answers in an administrator's words: what happened, the likely cause, what to do.

Entra ID (the sign-in service) answers with an `error` and an `error_description` that starts with an
AADSTS code; Exchange Online answers IMAP commands with short texts. Both are turned here into
`MailstageError`s with stable codes (`m365.*`), never containing a secret or a token: callers pass
addresses, tenant names and application IDs only.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from engine.errors import MailstageError, Severity
from engine.text import T

_AADSTS = re.compile(r"AADSTS(\d+)")
THROTTLED_TEXT = re.compile(
    r"Request is throttled\.?\s*Suggested Backoff Time:\s*(\d+)\s*milli", re.IGNORECASE
)
NOT_CONNECTED_TEXT = "authenticated but not connected"
OVERSIZE_TEXTS = ("maximum size of appendable message has been exceeded", "command argument error 11")
RESERVED_FOLDER_TEXT = "folder name is reserved"


@dataclass(frozen=True)
class Tenant:
    """What the fixes need to name: the endpoint, the tenant and the app. No secret."""

    endpoint: str
    tenant: str
    client_id: str
    auth_mode: str = "app"  # "app" or "device"
    account: str = ""  # the signed-in admin (device mode), when known


def aadsts_code(text: str) -> int | None:
    """The first AADSTS number in TEXT (Entra's error descriptions start with it)."""
    match = _AADSTS.search(text or "")
    return int(match.group(1)) if match else None


def _codes(answer: Mapping[str, Any]) -> list[int]:
    codes = [int(c) for c in answer.get("error_codes") or [] if str(c).isdigit()]
    found = aadsts_code(str(answer.get("error_description", "")))
    if found is not None and found not in codes:
        codes.append(found)
    return codes


def _evidence(answer: Mapping[str, Any]) -> str:
    """Entra's own words, first line only (the trace and correlation IDs help Microsoft support)."""
    description = str(answer.get("error_description") or answer.get("error") or "").strip()
    return description.splitlines()[0] if description else ""


def _device_signin_fix(t: Tenant) -> str:
    return T(
        "Sign in again: mailstage-cli endpoint add {endpoint} --url m365://{tenant} --client-id {client_id} "
        "--auth device (or Target > Sign in in the wizard).",
        endpoint=t.endpoint,
        tenant=t.tenant,
        client_id=t.client_id,
    )


def explain_token_answer(answer: Mapping[str, Any], t: Tenant) -> MailstageError:
    """An error from Entra's token or device-code answer (a dict with `error`, `error_description`)."""
    codes = _codes(answer)
    error = str(answer.get("error", ""))
    said = _evidence(answer)
    first = f"AADSTS{codes[0]}" if codes else ""

    def make(code: str, what: str, cause: str, fix: str, **kw: Any) -> MailstageError:
        return MailstageError(
            code,
            what,
            T("{cause} Microsoft said: {said}", cause=cause, said=said) if said else cause,
            fix,
            severity=kw.pop("severity", Severity.BATCH),
            endpoint=t.endpoint,
            aadsts=codes[0] if codes else None,
            **kw,
        )

    if 7000215 in codes:
        return make(
            "m365.wrong_secret",
            T("Microsoft 365 refused the client secret of the app {client_id}.", client_id=t.client_id),
            T(
                "The secret given is not the secret's Value: most often the Secret ID was copied instead "
                "(AADSTS7000215), or the secret was replaced or has expired."
            ),
            T(
                "In the Entra admin center open App registrations > the app > Certificates & secrets, create a "
                "new client secret and copy its Value (shown only once, not the Secret ID). Then give it again: "
                "mailstage-cli endpoint add {endpoint} --url m365://{tenant} --client-id {client_id} "
                "--secret-stdin.",
                endpoint=t.endpoint,
                tenant=t.tenant,
                client_id=t.client_id,
            ),
        )
    if 7000218 in codes:
        return make(
            "m365.public_client_off",
            T("Microsoft 365 refused the device-code sign-in for this app."),
            T(
                "The app registration does not allow public client flows, so Entra asks for a client secret "
                "(AADSTS7000218)."
            ),
            T(
                "In the Entra admin center open App registrations > the app > Authentication and set "
                "'Allow public client flows' to Yes, then sign in again. Or use app-only access with a client "
                "secret (--auth app)."
            ),
        )
    if 700016 in codes:
        return make(
            "m365.unknown_app",
            T(
                "Microsoft 365 does not know the application {client_id} in the tenant {tenant}.",
                client_id=t.client_id,
                tenant=t.tenant,
            ),
            T(
                "The Application (client) ID is mistyped, belongs to another tenant, or the app registration "
                "was deleted (AADSTS700016)."
            ),
            T(
                "Copy the Application (client) ID from App registrations > the app > Overview, and check that "
                "the tenant is the one where the app is registered (the Directory (tenant) ID on the same page)."
            ),
        )
    if 90002 in codes or 900023 in codes or 90013 in codes:
        return make(
            "m365.unknown_tenant",
            T("Microsoft 365 does not know the tenant {tenant}.", tenant=t.tenant),
            T(
                "The tenant name or ID is mistyped, or it belongs to another Microsoft cloud ({aadsts}).",
                aadsts=first,
            ),
            T(
                "Use the tenant's domain (for example contoso.onmicrosoft.com) or its Directory (tenant) ID "
                "from the Entra admin center > Overview. For US Government or China, give --authority and --imap."
            ),
        )
    if 65001 in codes or error == "consent_required":
        return make(
            "m365.consent_missing",
            T("The app may not open mailboxes yet: the permission was not granted."),
            T("Nobody has given admin consent for the app's IMAP permission (AADSTS65001)."),
            T(
                "In the Entra admin center open App registrations > the app > API permissions and click "
                "'Grant admin consent for <your organisation>'. For sign-in with a device code the delegated "
                "permission IMAP.AccessAsUser.All (under Microsoft Graph or Office 365 Exchange Online) is needed."
            ),
        )
    if 500011 in codes:
        return make(
            "m365.no_exchange",
            T("The tenant has no Exchange Online to sign in to."),
            T(
                "Entra does not know the resource https://outlook.office365.com in this tenant "
                "(AADSTS500011): Exchange Online is not licensed or not set up there, or the tenant is in "
                "another Microsoft cloud."
            ),
            T(
                "Check the tenant has Exchange Online licences; for US Government or China give --authority "
                "and --imap for that cloud."
            ),
        )
    if error == "authorization_declined" or 70000 in codes:
        return make(
            "m365.signin_declined",
            T("The sign-in was refused at Microsoft's sign-in page."),
            T("The person signing in chose not to allow Mailstage access, or Microsoft blocked the sign-in."),
            T(
                "Sign in again and accept the request, with an account that may open the mailboxes "
                "(an Exchange administrator with FullAccess on them)."
            ),
            severity=Severity.BATCH,
        )
    if error == "expired_token" or 70020 in codes:
        return make(
            "m365.signin_expired",
            T("The sign-in code expired before anybody signed in."),
            T("A device code is valid for about 15 minutes (AADSTS70020)."),
            T("Start the sign-in again and enter the new code at the sign-in page within those minutes."),
        )
    if error == "bad_verification_code" or 70019 in codes:
        return make(
            "m365.signin_expired",
            T("The sign-in code is no longer valid."),
            T("The code was already used or is unknown (AADSTS70019)."),
            T("Start the sign-in again."),
        )
    if error == "invalid_grant" and any(c in codes for c in (50173, 70008, 700082, 50078, 50076, 50133)):
        return make(
            "m365.signin_expired",
            T("Mailstage's sign-in to Microsoft 365 has expired or was revoked."),
            T(
                "The saved sign-in is no longer accepted: it was unused for too long, the password changed, "
                "or an administrator revoked it ({aadsts}).",
                aadsts=first,
            ),
            _device_signin_fix(t),
        )
    if 53003 in codes or 530032 in codes:
        return make(
            "m365.blocked_by_policy",
            T("A Conditional Access policy blocked the sign-in."),
            T(
                "Your organisation's Conditional Access rules do not allow this sign-in ({aadsts}).",
                aadsts=first,
            ),
            T(
                "Ask the Entra administrator to allow Mailstage's app (or this computer's location) in "
                "Conditional Access, or use app-only access with a client secret."
            ),
        )
    if 50105 in codes:
        return make(
            "m365.user_not_assigned",
            T("The account that signed in is not allowed to use this app."),
            T(
                "The Enterprise application requires user assignment and this account is not assigned "
                "(AADSTS50105)."
            ),
            T(
                "In Enterprise applications > the app > Users and groups, add the admin account, or sign in "
                "with an account that is assigned."
            ),
        )
    if 50034 in codes or 50126 in codes or 50020 in codes:
        return make(
            "m365.signin_account",
            T("Microsoft 365 did not accept the account that signed in."),
            T(
                "The account does not exist in tenant {tenant} or its password was wrong ({aadsts}).",
                tenant=t.tenant,
                aadsts=first,
            ),
            T("Sign in again with an account of this tenant (an Exchange administrator)."),
        )
    if 1002012 in codes or 70011 in codes:
        return make(
            "m365.bad_scope",
            T("Microsoft 365 did not accept the permission Mailstage asked for."),
            T(
                "The scope was refused ({aadsts}); this happens when --authority and --imap point "
                "to different Microsoft clouds.",
                aadsts=first,
            ),
            T("Give --authority and --imap of the same cloud (or leave both out for the worldwide cloud)."),
        )
    if error == "temporarily_unavailable" or 50196 in codes:
        return throttled_token_service(t, said)
    if error == "invalid_client":
        return make(
            "m365.wrong_secret",
            T("Microsoft 365 refused the credentials of the app {client_id}.", client_id=t.client_id),
            T("The client secret is wrong or expired."),
            T(
                "Create a new client secret in App registrations > the app > Certificates & secrets and give "
                "its Value again (--secret-stdin)."
            ),
        )
    return make(
        "m365.signin_failed",
        T("Microsoft 365 refused the sign-in."),
        T("Entra answered {error}.", error=error) if error else T("Entra answered an error."),
        T(
            "Check the tenant, the Application (client) ID and the app's permissions; the AADSTS code in "
            "Microsoft's answer can be looked up at https://login.microsoftonline.com/error."
        ),
    )


def throttled_token_service(t: Tenant, said: str = "") -> MailstageError:
    cause = T("Too many sign-in requests from this app or network in a short time (HTTP 429).")
    return MailstageError(
        "m365.token_throttled",
        T("Microsoft's sign-in service is asking Mailstage to slow down, and kept doing so."),
        T("{cause} Microsoft said: {said}", cause=cause, said=said) if said else cause,
        T("Wait a few minutes and start again; Mailstage resumes where it stopped."),
        severity=Severity.MAILBOX,
        transient=True,
        endpoint=t.endpoint,
    )


def token_service_unavailable(t: Tenant, detail: str) -> MailstageError:
    return MailstageError(
        "m365.token_service_unavailable",
        T("Microsoft's sign-in service did not answer properly."),
        T("It answered with a server error ({detail}) for longer than Mailstage waits.", detail=detail),
        T(
            "Try again later; the Microsoft 365 service health page (admin.microsoft.com) says whether "
            "sign-in has trouble."
        ),
        severity=Severity.MAILBOX,
        transient=True,
        endpoint=t.endpoint,
    )


def token_service_unreachable(t: Tenant, host: str, detail: str) -> MailstageError:
    return MailstageError(
        "m365.token_service_unreachable",
        T("Mailstage cannot reach Microsoft's sign-in service at {host}.", host=host),
        T(
            "The connection failed ({detail}). A proxy or firewall may block it, or the --authority is wrong.",
            detail=detail,
        ),
        T(
            "Check this computer can open https://login.microsoftonline.com in a browser; if a proxy is "
            "needed, set HTTPS_PROXY. If the certificate is not trusted, install your company's CA in "
            "Windows' certificate store."
        ),
        severity=Severity.BATCH,
        transient=True,
        endpoint=t.endpoint,
    )


def consent_missing_in_token(t: Tenant, wanted: str) -> MailstageError:
    """The token came back without the IMAP permission in it: admin consent was never given."""
    return MailstageError(
        "m365.consent_missing",
        T("The app may not open mailboxes yet: the permission was not granted."),
        T(
            "Microsoft issued a token without {permission} in it, which happens when the permission is added "
            "but admin consent was not given.",
            permission=wanted,
        ),
        T(
            "In the Entra admin center open App registrations > the app > API permissions: add Office 365 "
            "Exchange Online > Application permissions > {permission} (under 'APIs my organization uses') and "
            "click 'Grant admin consent for <your organisation>'.",
            permission=wanted,
        ),
        severity=Severity.BATCH,
        endpoint=t.endpoint,
    )


def sign_in_needed(t: Tenant) -> MailstageError:
    return MailstageError(
        "m365.signin_needed",
        T(
            "Nobody has signed in to Microsoft 365 for the endpoint {endpoint} on this computer.",
            endpoint=t.endpoint,
        ),
        T("Device-code access uses a sign-in saved on this computer; there is none (or it was removed)."),
        _device_signin_fix(t),
        severity=Severity.BATCH,
        endpoint=t.endpoint,
    )


def missing_secret(t: Tenant) -> MailstageError:
    return MailstageError(
        "m365.no_secret",
        T(
            "The client secret of the endpoint {endpoint} is not in this computer's password store.",
            endpoint=t.endpoint,
        ),
        T("App-only access needs the app's client secret; it was never given on this computer, or removed."),
        T(
            "Give it again: mailstage-cli endpoint add {endpoint} --url m365://{tenant} --client-id {client_id} "
            "--secret-stdin (or enter it on the wizard's Target page).",
            endpoint=t.endpoint,
            tenant=t.tenant,
            client_id=t.client_id,
        ),
        severity=Severity.BATCH,
        endpoint=t.endpoint,
    )


def full_access_line(address: str, t: Tenant) -> str:
    """The exact PowerShell that grants the migration identity FullAccess on ADDRESS."""
    user = f'"{t.account}"' if t.auth_mode == "device" and t.account else "<OBJECT_ID>"
    return (
        f'Add-MailboxPermission -Identity "{address}" -User {user} -AccessRights FullAccess '
        "-InheritanceType All -AutoMapping $false"
    )


def _with_object_id_note(fix: str, t: Tenant) -> str:
    """FIX, followed (for app-only access) by where the <OBJECT_ID> in its command comes from."""
    if t.auth_mode == "device" and t.account:
        return fix
    note = T(
        "<OBJECT_ID> is the Object ID on the overview of the app under Enterprise applications (not the "
        "one under App registrations), after the app's service principal was registered in Exchange "
        "(New-ServicePrincipal); mailstage-cli endpoint script {endpoint} --list LIST writes it all.",
        endpoint=t.endpoint,
    )
    return T("{fix} {note}", fix=fix, note=note)


def not_connected(address: str, t: Tenant) -> MailstageError:
    """Exchange Online said OK to AUTHENTICATE, then 'User is authenticated but not connected.'"""
    if t.auth_mode == "device" and t.account:
        cause = T(
            "Exchange Online answered 'User is authenticated but not connected': the account {account} has no "
            "FullAccess on this mailbox, the service principal was registered with the wrong Object ID, or IMAP "
            "is disabled on the mailbox.",
            account=t.account,
        )
    else:
        cause = T(
            "Exchange Online answered 'User is authenticated but not connected': the app {client_id} has no "
            "FullAccess on this mailbox, the service principal was registered with the wrong Object ID, or IMAP "
            "is disabled on the mailbox.",
            client_id=t.client_id,
        )
    return MailstageError(
        "m365.no_full_access",
        T("Mailstage signed in but may not open the mailbox {address}.", address=address),
        cause,
        _with_object_id_note(
            T(
                'In Exchange Online PowerShell run: {command}; and Set-CASMailbox -Identity "{address}" '
                "-ImapEnabled $true.",
                command=full_access_line(address, t),
                address=address,
            ),
            t,
        ),
        severity=Severity.MAILBOX,
        address=address,
    )


def mailbox_refused(address: str, t: Tenant, server_text: str) -> MailstageError:
    """AUTHENTICATE refused with a token that was fresh and valid: the mailbox cannot be opened as ADDRESS."""
    return MailstageError(
        "m365.mailbox_refused",
        T("Microsoft 365 refused to open the mailbox {address}.", address=address),
        T(
            "The token was valid, so either the mailbox does not exist in Microsoft 365 yet (directory "
            "synchronisation not done, seed step 1, or a mistyped address), or Mailstage's app may not open "
            "it (no FullAccess, or IMAP disabled). The server said: {text}",
            text=server_text.strip()[:200],
        ),
        _with_object_id_note(
            T(
                'Check in Exchange Online PowerShell: Get-Mailbox -Identity "{address}". If it is not found, '
                "finish directory synchronisation (step 1) and wait for the mailbox to appear. If it is found, "
                'run: {command}; and Set-CASMailbox -Identity "{address}" -ImapEnabled $true.',
                address=address,
                command=full_access_line(address, t),
            ),
            t,
        ),
        severity=Severity.MAILBOX,
        address=address,
    )


def mailbox_missing(address: str) -> MailstageError:
    """The server told us plainly that no such mailbox exists."""
    return MailstageError(
        "m365.mailbox_missing",
        T("The mailbox {address} does not exist in Microsoft 365.", address=address),
        T("Directory synchronisation has not created it yet (seed step 1), or the address is mistyped."),
        T(
            'Finish directory synchronisation and check with: Get-Mailbox -Identity "{address}"; then run '
            "the checks again.",
            address=address,
        ),
        severity=Severity.MAILBOX,
        address=address,
    )


def throttled_imap(address: str, backoff_ms: int, waited_s: float) -> MailstageError:
    """Exchange Online kept throttling past what Mailstage waits; the mailbox resumes on a later run."""
    return MailstageError(
        "m365.imap_throttled",
        T("Exchange Online is throttling the copy into {address}.", address=address),
        T(
            "It asked Mailstage to wait {seconds} seconds, after {waited:.0f} seconds of waiting "
            "already; Exchange Online limits how much one app copies per mailbox and hour.",
            seconds=backoff_ms // 1000,
            waited=waited_s,
        ),
        T(
            "Start the batch again later: it resumes where it stopped and copies nothing twice. Fewer "
            "mailboxes at a time (--concurrency) throttles less; Microsoft support can lift the limit for a "
            "migration on request."
        ),
        severity=Severity.MAILBOX,
        transient=True,
        address=address,
    )


def oversize(address: str, folder: str, size: int, limit: int) -> MailstageError:
    """One message is larger than the target mailbox accepts: skipped and reported, the copy goes on."""
    return MailstageError(
        "m365.message_too_large",
        T(
            "A message of {megabytes:.1f} MB in {folder} was skipped: it is larger than {address} accepts.",
            megabytes=size / 1_000_000,
            folder=folder,
            address=address,
        ),
        T(
            "Exchange Online limits the size of a message it receives (about {limit:.0f} MB for "
            "this mailbox; 35 MB by default, 150 MB at most).",
            limit=limit / 1_000_000,
        ),
        T(
            'To copy it, raise the limit: Set-Mailbox -Identity "{address}" -MaxReceiveSize 150MB '
            "-MaxSendSize 150MB; then run the batch again (only what is missing is copied).",
            address=address,
        ),
        severity=Severity.ITEM,
        address=address,
        folder=folder,
        size=size,
    )


def throttle_backoff_ms(text: str) -> int | None:
    """The suggested back-off from Exchange Online's 'Request is throttled' answer, in milliseconds."""
    match = THROTTLED_TEXT.search(text or "")
    return int(match.group(1)) if match else None


def is_not_connected(text: str) -> bool:
    return NOT_CONNECTED_TEXT in (text or "").lower()


def is_oversize(text: str) -> bool:
    lowered = (text or "").lower()
    return any(marker in lowered for marker in OVERSIZE_TEXTS)


def is_reserved_folder(text: str) -> bool:
    return RESERVED_FOLDER_TEXT in (text or "").lower()
