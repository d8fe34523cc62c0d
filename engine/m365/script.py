"""`endpoint script`: the PowerShell an administrator reviews and runs to prepare Microsoft 365.

The script does, for one m365 endpoint and the mailboxes of a list, what exchange-online.md sections
1 and 2 describe, each step checking first so that running it twice changes nothing the second time:

1. Microsoft Graph PowerShell: the app registration (found by its Application ID, or created), its
   permission (application IMAP.AccessAsApp, or delegated IMAP.AccessAsUser.All with public client
   flows on for a device-code sign-in), admin consent, and its Enterprise application (service
   principal), whose object ID Exchange needs.
2. Exchange Online PowerShell: the app's service principal registered in Exchange (New-ServicePrincipal
   with -ObjectId, or -ServiceId in older module versions), FullAccess on every listed mailbox for the
   identity that copies, and IMAP turned on for each mailbox.

The portal steps are written in the header as the alternative. The script never contains a secret: the
client secret is created in the portal and given to Mailstage directly. Every listed address appears
exactly once, in the `$Mailboxes` list at the top.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from engine.endpoints import Endpoint
from engine.errors import BadInput
from engine.m365.clouds import WORLDWIDE, MicrosoftCloud, cloud_of
from engine.m365.tokens import M365Settings
from engine.text import T

EXCHANGE_ONLINE_APP_ID = "00000002-0000-0ff1-ce00-000000000000"  # "Office 365 Exchange Online"
MICROSOFT_GRAPH_APP_ID = "00000003-0000-0000-c000-000000000000"
DEFAULT_APP_NAME = "Mailstage migration"


def ps_quote(text: str) -> str:
    """TEXT as a PowerShell single-quoted string (a quote inside is doubled; nothing expands)."""
    return "'" + text.replace("'", "''").replace("\u2019", "\u2019\u2019") + "'"


def _unique_addresses(addresses: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    result: list[str] = []
    for address in addresses:
        cleaned = address.strip()
        if not cleaned or "@" not in cleaned:
            raise BadInput(
                "m365.script_bad_address",
                T("{address!r} is not a mailbox address.", address=address),
                T("The script grants access per mailbox, by its e-mail address."),
                T("Check the list: every row needs an EmailAddress such as anna@contoso.nl."),
            )
        if "\n" in cleaned or "\r" in cleaned:
            raise BadInput(
                "m365.script_bad_address",
                T("{address!r} contains a line break.", address=address),
                "",
                T("Fix the list."),
            )
        key = cleaned.lower()  # Exchange addresses are case-insensitive: grant once
        if key not in seen:
            seen.add(key)
            result.append(cleaned)
    return result


def tenant_script(
    tenant: str,
    addresses: Sequence[str],
    *,
    client_id: str = "",
    auth_mode: str = "app",
    endpoint_name: str = "m365",
    sign_in_account: str = "",
    app_name: str = DEFAULT_APP_NAME,
    generated: dt.datetime | None = None,
    cloud: MicrosoftCloud = WORLDWIDE,
) -> str:
    """The PowerShell that prepares TENANT for copying into ADDRESSES (see the module docstring).

    CLIENT_ID empty: the script creates the app registration and prints its Application ID.
    AUTH_MODE "device": delegated permission and FullAccess for SIGN_IN_ACCOUNT (asked for when the
    script runs if not given) instead of the app's service principal.
    """
    if auth_mode not in ("app", "device"):
        raise BadInput(
            "m365.bad_auth_mode",
            T("The sign-in mode {mode!r} is not known.", mode=auth_mode),
            "",
            T("Use app or device."),
        )
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9.-]{0,252}", tenant):
        raise BadInput(
            "m365.script_bad_tenant",
            T("The tenant {tenant!r} cannot be written into a script.", tenant=tenant),
            T("A tenant is a domain such as contoso.onmicrosoft.com or a Directory (tenant) ID."),
            T("Correct the endpoint's m365:// URL."),
        )
    mailboxes = _unique_addresses(addresses)
    when = (generated or dt.datetime.now()).strftime("%Y-%m-%d %H:%M")
    other_cloud = cloud is not WORLDWIDE
    graph_environment = f" -Environment {cloud.graph_environment}" if other_cloud else ""
    exchange_environment = f" -ExchangeEnvironmentName {cloud.exchange_environment}" if other_cloud else ""
    device = auth_mode == "device"
    mailbox_lines = "\n".join(f"    {ps_quote(a)}" for a in mailboxes)
    if device:
        account_param = (
            f"    [string]$SignInAccount = {ps_quote(sign_in_account)}"
            if sign_in_account
            else "    [Parameter(Mandatory = $true, HelpMessage = 'The admin account that signs in to Mailstage')]\n"
            "    [string]$SignInAccount"
        )
    else:
        account_param = ""
    params = [f"    [string]$TenantId = {ps_quote(tenant)}", f"    [string]$AppId = {ps_quote(client_id)}"]
    params.append(f"    [string]$AppName = {ps_quote(app_name)}")
    if account_param:
        params.append(account_param)
    param_block = ",\n".join(params)

    permission_words = (
        "the delegated permission IMAP.AccessAsUser.All (sign-in with a device code)"
        if device
        else "the application permission IMAP.AccessAsApp (app-only access with a client secret)"
    )
    portal_permission = (
        "   3. API permissions > Add a permission > APIs my organization uses > 'Office 365 Exchange Online'\n"
        "      > Delegated permissions > IMAP.AccessAsUser.All > Add permissions; then\n"
        "      'Grant admin consent for <your organisation>'.\n"
        "   4. Authentication > Advanced settings > 'Allow public client flows' = Yes > Save.\n"
        "   5. No client secret is needed: you sign in with a code when Mailstage asks.\n"
        if device
        else "   3. API permissions > Add a permission > APIs my organization uses > 'Office 365 Exchange Online'\n"
        "      > Application permissions > IMAP.AccessAsApp > Add permissions; then\n"
        "      'Grant admin consent for <your organisation>'. Remove Microsoft Graph User.Read (not needed).\n"
        "   4. Certificates & secrets > New client secret: copy its VALUE (shown once), not the Secret ID.\n"
        "   5. Enterprise applications > the app > Overview: note its Object ID (NOT the Object ID shown\n"
        "      under App registrations). Exchange needs this one.\n"
    )
    portal_exchange = (
        "   6. In Exchange Online PowerShell, for each mailbox:\n"
        "        Add-MailboxPermission -Identity <mailbox> -User <your admin account> -AccessRights FullAccess\n"
        "          -InheritanceType All -AutoMapping $false\n"
        "        Set-CASMailbox -Identity <mailbox> -ImapEnabled $true\n"
        if device
        else "   6. In Exchange Online PowerShell:\n"
        "        New-ServicePrincipal -AppId <Application ID> -ObjectId <Object ID from step 5>\n"
        "          (older ExchangeOnlineManagement versions call it -ServiceId instead of -ObjectId)\n"
        "      and for each mailbox:\n"
        "        Add-MailboxPermission -Identity <mailbox> -User <Object ID> -AccessRights FullAccess\n"
        "          -InheritanceType All -AutoMapping $false\n"
        "        Set-CASMailbox -Identity <mailbox> -ImapEnabled $true\n"
    )
    then_words = (
        f"mailstage-cli endpoint add {endpoint_name} --url m365://{tenant} --client-id <Application ID> --auth device"
        if device
        else f"mailstage-cli endpoint add {endpoint_name} --url m365://{tenant} --client-id <Application ID> "
        "--secret-stdin"
    )

    header = f"""<#
    Mailstage: prepare Microsoft 365 ({tenant}) for the migration endpoint '{endpoint_name}'.
    Written by Mailstage on {when} for {len(mailboxes)} mailbox(es).

    WHAT IT DOES (each step looks first and only changes what is missing, so running it twice is safe):
      1. Microsoft Graph PowerShell: finds (or creates) the app registration '{app_name}', gives it
         {permission_words}, grants admin consent, and makes sure its Enterprise application
         (service principal) exists.
      2. Exchange Online PowerShell: {"gives the account that signs in" if device else "registers the app in Exchange and gives it"}
         FullAccess on each mailbox in $Mailboxes below, and turns IMAP on for each mailbox.
    It never creates, shows or stores a client secret.

    HOW TO RUN IT: review it, then in PowerShell 7 (or Windows PowerShell 5.1) as a Global
    Administrator (or Application Administrator + Exchange Administrator):
        Set-ExecutionPolicy -Scope Process RemoteSigned
        .\\<this file>.ps1
    The modules Microsoft.Graph.Applications and ExchangeOnlineManagement are installed for your user
    when missing (from the PowerShell Gallery). You sign in twice: once for Graph, once for Exchange.

    THEN, in Mailstage:
        {then_words}
        mailstage-cli endpoint test {endpoint_name}

    THE SAME IN THE PORTAL (instead of step 1; https://entra.microsoft.com):
       1. App registrations > New registration: name '{app_name}', 'Accounts in this organizational
          directory only', no redirect URI > Register.
       2. Note the Application (client) ID and the Directory (tenant) ID on its Overview page.
{portal_permission}{portal_exchange}#>
"""

    body = f"""
[CmdletBinding()]
param(
{param_block}
)

$ErrorActionPreference = 'Stop'

# The mailboxes of the list (each exactly once).
$Mailboxes = @(
{mailbox_lines}
)

# Well-known application IDs of Microsoft's own services (the same in every tenant).
$ExchangeOnlineAppId = '{EXCHANGE_ONLINE_APP_ID}'
$MicrosoftGraphAppId = '{MICROSOFT_GRAPH_APP_ID}'

function Use-Module([string]$Name) {{
    if (-not (Get-Module -ListAvailable -Name $Name)) {{
        Write-Host "Installing the PowerShell module $Name for your account..."
        Install-Module -Name $Name -Scope CurrentUser -Force
    }}
    Import-Module $Name
}}

# ---------------------------------------------------------------------------------------------
# Step 1: the app registration, its permission and admin consent (Microsoft Graph PowerShell)
# ---------------------------------------------------------------------------------------------
Use-Module 'Microsoft.Graph.Applications'
Connect-MgGraph -TenantId $TenantId{graph_environment} -NoWelcome -Scopes @(
    'Application.ReadWrite.All',
    'AppRoleAssignment.ReadWrite.All',
    'DelegatedPermissionGrant.ReadWrite.All'
)

# Exchange Online's own service principal: it defines the IMAP permissions.
$Exchange = Get-MgServicePrincipal -Filter "appId eq '$ExchangeOnlineAppId'"
if (-not $Exchange) {{
    throw 'This tenant has no Office 365 Exchange Online service: check its licences before continuing.'
}}
{_step1_permission(device)}
# The app registration: found by its Application ID, or by its name, or created.
if ($AppId) {{
    $App = Get-MgApplication -Filter "appId eq '$AppId'"
    if (-not $App) {{
        throw "No app registration has the Application ID $AppId in this tenant. Check the ID given to Mailstage (--client-id), or run this script with -AppId '' to create a new app."
    }}
}} else {{
    $App = Get-MgApplication -Filter "displayName eq '$AppName'" | Select-Object -First 1
    if (-not $App) {{
        Write-Host "Creating the app registration '$AppName'..."
        $App = New-MgApplication -DisplayName $AppName -SignInAudience 'AzureADMyOrg'
    }}
    $AppId = $App.AppId
    Write-Host "Application (client) ID of '$AppName': $AppId  <- give this to Mailstage (--client-id)"
}}

# The permission on the app registration (what it asks for).
$Wanted = @{{ ResourceAppId = $PermissionOwner.AppId; ResourceAccess = @(@{{ Id = $Permission.Id; Type = $PermissionType }}) }}
$Present = $App.RequiredResourceAccess | Where-Object {{ $_.ResourceAppId -eq $PermissionOwner.AppId }} |
    ForEach-Object {{ $_.ResourceAccess }} | Where-Object {{ $_.Id -eq $Permission.Id }}
if (-not $Present) {{
    Write-Host "Adding the permission $PermissionName to the app..."
    $Others = @($App.RequiredResourceAccess | Where-Object {{ $_.ResourceAppId -ne $PermissionOwner.AppId }})
    $Mine = @($App.RequiredResourceAccess | Where-Object {{ $_.ResourceAppId -eq $PermissionOwner.AppId }} |
        ForEach-Object {{ $_.ResourceAccess }} | ForEach-Object {{ @{{ Id = $_.Id; Type = $_.Type }} }})
    $Wanted.ResourceAccess = @($Mine) + $Wanted.ResourceAccess
    Update-MgApplication -ApplicationId $App.Id -RequiredResourceAccess (@($Others) + $Wanted)
}} else {{
    Write-Host "The app already has the permission $PermissionName."
}}
{_step1_public_client(device)}
# The Enterprise application (service principal) of the app. Its object ID is the "Object ID" on
# the Enterprise applications overview - not the one under App registrations.
$Principal = Get-MgServicePrincipal -Filter "appId eq '$AppId'"
if (-not $Principal) {{
    Write-Host 'Creating the Enterprise application (service principal) of the app...'
    $Principal = New-MgServicePrincipal -AppId $AppId
}}
$ObjectId = $Principal.Id
Write-Host "Enterprise application object ID: $ObjectId"

# Admin consent: what 'Grant admin consent' in the portal records.
{_step1_consent(device)}
# ---------------------------------------------------------------------------------------------
# Step 2: Exchange Online: {"FullAccess for the account that signs in" if device else "the service principal"}, FullAccess and IMAP per mailbox
# ---------------------------------------------------------------------------------------------
Use-Module 'ExchangeOnlineManagement'
Connect-ExchangeOnline -Organization $TenantId{exchange_environment} -ShowBanner:$false
{_step2_identity(device)}
foreach ($Mailbox in $Mailboxes) {{
    $Found = Get-Mailbox -Identity $Mailbox -ErrorAction SilentlyContinue
    if (-not $Found) {{
        Write-Warning "$Mailbox does not exist in Microsoft 365 yet: directory synchronisation is not done (step 1 of the migration), or the address is mistyped. Skipped."
        continue
    }}
    $Granted = Get-MailboxPermission -Identity $Mailbox -User $Grantee -ErrorAction SilentlyContinue |
        Where-Object {{ $_.AccessRights -contains 'FullAccess' -and -not $_.Deny }}
    if (-not $Granted) {{
        Add-MailboxPermission -Identity $Mailbox -User $Grantee -AccessRights FullAccess -InheritanceType All -AutoMapping $false | Out-Null
        Write-Host "$Mailbox : FullAccess granted."
    }} else {{
        Write-Host "$Mailbox : FullAccess already granted."
    }}
    if (-not (Get-CASMailbox -Identity $Mailbox).ImapEnabled) {{
        Set-CASMailbox -Identity $Mailbox -ImapEnabled $true
        Write-Host "$Mailbox : IMAP turned on."
    }}
}}

Write-Host ''
Write-Host 'Done. Next, in Mailstage:'
Write-Host "    {then_words.replace("<Application ID>", "$AppId")}"
Write-Host "    mailstage-cli endpoint test {endpoint_name}"
"""
    return header + body


def _step1_permission(device: bool) -> str:
    if device:
        return """
# The delegated permission IMAP.AccessAsUser.All (Exchange Online's; older tenants list it under
# Microsoft Graph instead).
$PermissionName = 'IMAP.AccessAsUser.All'
$PermissionType = 'Scope'
$PermissionOwner = $Exchange
$Permission = $Exchange.Oauth2PermissionScopes | Where-Object { $_.Value -eq $PermissionName }
if (-not $Permission) {
    $PermissionOwner = Get-MgServicePrincipal -Filter "appId eq '$MicrosoftGraphAppId'"
    $Permission = $PermissionOwner.Oauth2PermissionScopes | Where-Object { $_.Value -eq $PermissionName }
}
"""
    return """
# The application permission IMAP.AccessAsApp ("Office 365 Exchange Online" > Application permissions).
$PermissionName = 'IMAP.AccessAsApp'
$PermissionType = 'Role'
$PermissionOwner = $Exchange
$Permission = $Exchange.AppRoles | Where-Object { $_.Value -eq $PermissionName }
if (-not $Permission) {
    throw 'Exchange Online offers no IMAP.AccessAsApp permission in this tenant.'
}
"""


def _step1_public_client(device: bool) -> str:
    if not device:
        return ""
    return """
# "Allow public client flows" = Yes: needed to sign in with a device code without a client secret.
if (-not $App.IsFallbackPublicClient) {
    Write-Host "Allowing public client flows (device-code sign-in) for the app..."
    Update-MgApplication -ApplicationId $App.Id -IsFallbackPublicClient
} else {
    Write-Host 'Public client flows are already allowed.'
}
"""


def _step1_consent(device: bool) -> str:
    if device:
        return """$Grant = Get-MgOauth2PermissionGrant -Filter "clientId eq '$ObjectId' and resourceId eq '$($PermissionOwner.Id)' and consentType eq 'AllPrincipals'" |
    Select-Object -First 1
if (-not $Grant) {
    Write-Host "Granting admin consent for $PermissionName..."
    New-MgOauth2PermissionGrant -ClientId $ObjectId -ConsentType 'AllPrincipals' -ResourceId $PermissionOwner.Id -Scope $PermissionName | Out-Null
} elseif (($Grant.Scope -split ' ') -notcontains $PermissionName) {
    Write-Host "Adding $PermissionName to the existing admin consent..."
    Update-MgOauth2PermissionGrant -OAuth2PermissionGrantId $Grant.Id -Scope ("$($Grant.Scope) $PermissionName".Trim())
} else {
    Write-Host "Admin consent for $PermissionName is already granted."
}
"""
    return """$Assigned = Get-MgServicePrincipalAppRoleAssignment -ServicePrincipalId $ObjectId -All |
    Where-Object { $_.AppRoleId -eq $Permission.Id -and $_.ResourceId -eq $Exchange.Id }
if (-not $Assigned) {
    Write-Host "Granting admin consent for $PermissionName..."
    New-MgServicePrincipalAppRoleAssignment -ServicePrincipalId $ObjectId -PrincipalId $ObjectId -ResourceId $Exchange.Id -AppRoleId $Permission.Id | Out-Null
} else {
    Write-Host "Admin consent for $PermissionName is already granted."
}
"""


def _step2_identity(device: bool) -> str:
    if device:
        return """
# With a device-code sign-in Mailstage opens each mailbox as the account that signed in.
$Grantee = $SignInAccount
"""
    return """
# The app's service principal in Exchange. Microsoft's current documentation writes
# New-ServicePrincipal -AppId <id> -ObjectId <Enterprise application object ID>; older versions of
# the ExchangeOnlineManagement module (and most guides) call the same parameter -ServiceId.
$ExchangePrincipal = Get-ServicePrincipal -ErrorAction SilentlyContinue | Where-Object { $_.AppId -eq $AppId }
if (-not $ExchangePrincipal) {
    Write-Host 'Registering the app in Exchange Online (New-ServicePrincipal)...'
    if ((Get-Command New-ServicePrincipal).Parameters.ContainsKey('ObjectId')) {
        $ExchangePrincipal = New-ServicePrincipal -AppId $AppId -ObjectId $ObjectId -DisplayName $AppName
    } else {
        $ExchangePrincipal = New-ServicePrincipal -AppId $AppId -ServiceId $ObjectId -DisplayName $AppName
    }
} else {
    Write-Host 'The app is already registered in Exchange Online.'
}
# Add-MailboxPermission -User takes the Enterprise application's object ID.
$Grantee = $ObjectId
"""


def tenant_script_for(endpoint: Endpoint, addresses: Sequence[str], *, sign_in_account: str = "") -> str:
    """The script for an m365 ENDPOINT (its tenant, Application ID and sign-in mode) and ADDRESSES."""
    settings = M365Settings.from_endpoint(endpoint)
    return tenant_script(
        settings.tenant,
        addresses,
        client_id=settings.client_id,
        auth_mode=settings.auth_mode,
        endpoint_name=settings.endpoint,
        sign_in_account=sign_in_account,
        cloud=cloud_of(settings.imap_host) or WORLDWIDE,
    )


def write_tenant_script(text: str, path: Path) -> Path:
    """Save the script for Windows: UTF-8 with a byte-order mark (Windows PowerShell 5.1 reads a file
    without one as the ANSI code page, which garbles non-ASCII addresses) and CRLF line ends."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = "\ufeff" + text.replace("\r\n", "\n").replace("\n", "\r\n")
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data.encode("utf-8"))
    tmp.replace(path)
    return path
