"""The tenant preparation script: its structure, idempotence guards, every address exactly once, no secret.

PowerShell is not available here, so the script is read with a small tokenizer that knows PowerShell's
comments and quoting, enough to check that brackets balance and to find commands and strings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from engine.endpoints import Endpoint, EndpointKind
from engine.errors import BadInput
from engine.m365.script import ps_quote, tenant_script, tenant_script_for, write_tenant_script

ADDRESSES = [
    "anna@contoso.nl",
    "joanna@contoso.nl",  # contains another address: counted as whole strings
    "o'brien@contoso.nl",  # a quote inside an address
    "Zoë.de.Vries@contoso.nl",
    "bob@contoso.nl",
]
CLIENT_ID = "3f2b9c1e-8d4a-4b7e-9f10-2a6c5d8e7b01"
SECRET = "Xq8~never-in-a-script-0123456789abcdef"


@dataclass
class Parsed:
    code: str  # the script with comments removed and every string replaced by a placeholder
    strings: list[str]  # the values of the string literals, in order
    comments: list[str]


def parse_powershell(text: str) -> Parsed:
    """Split a script into code, string literal values and comments; fail on anything unterminated."""
    code: list[str] = []
    strings: list[str] = []
    comments: list[str] = []
    i = 0
    quotes = "'\u2018\u2019"
    while i < len(text):
        ch = text[i]
        if text.startswith("<#", i):
            end = text.index("#>", i + 2)  # ValueError: unterminated block comment
            comments.append(text[i + 2 : end])
            i = end + 2
        elif ch == "#":
            end = text.find("\n", i)
            end = len(text) if end < 0 else end
            comments.append(text[i + 1 : end])
            i = end
        elif ch in quotes:
            value: list[str] = []
            i += 1
            while True:
                if i >= len(text):
                    raise ValueError("unterminated single-quoted string")
                if text[i] in quotes:
                    if i + 1 < len(text) and text[i + 1] in quotes:
                        value.append(text[i])
                        i += 2
                        continue
                    i += 1
                    break
                value.append(text[i])
                i += 1
            strings.append("".join(value))
            code.append("'S'")
        elif ch == '"':
            value = []
            i += 1
            while True:
                if i >= len(text):
                    raise ValueError("unterminated double-quoted string")
                if text[i] == "`":
                    value.append(text[i + 1])
                    i += 2
                    continue
                if text[i] == '"':
                    if text[i + 1 : i + 2] == '"':
                        value.append('"')
                        i += 2
                        continue
                    i += 1
                    break
                value.append(text[i])
                i += 1
            strings.append("".join(value))
            code.append('"S"')
        else:
            code.append(ch)
            i += 1
    return Parsed("".join(code), strings, comments)


def balanced(code: str) -> bool:
    pairs = {")": "(", "]": "[", "}": "{"}
    stack: list[str] = []
    for ch in code:
        if ch in "([{":
            stack.append(ch)
        elif ch in pairs and (not stack or stack.pop() != pairs[ch]):
            return False
    return not stack


@pytest.fixture(params=["app", "device"])
def script(request: pytest.FixtureRequest) -> tuple[str, str]:
    return request.param, tenant_script(
        "contoso.onmicrosoft.com",
        ADDRESSES,
        client_id=CLIENT_ID,
        auth_mode=request.param,
        endpoint_name="o365",
    )


def test_script_parses_with_balanced_brackets_and_terminated_strings(script: tuple[str, str]) -> None:
    _, text = script
    parsed = parse_powershell(text)
    assert balanced(parsed.code)
    assert parsed.code.count("param(") == 1


def test_every_listed_address_appears_exactly_once(script: tuple[str, str]) -> None:
    _, text = script
    parsed = parse_powershell(text)
    for address in ADDRESSES:
        assert parsed.strings.count(address) == 1, address
        assert sum(address in comment for comment in parsed.comments) == 0
    assert ps_quote("o'brien@contoso.nl") in text  # the quote doubled, so PowerShell reads it back


def test_an_address_listed_twice_is_granted_once() -> None:
    text = tenant_script(
        "contoso.onmicrosoft.com", ["anna@contoso.nl", "ANNA@contoso.nl"], client_id=CLIENT_ID
    )
    assert parse_powershell(text).strings.count("anna@contoso.nl") == 1
    assert "ANNA@contoso.nl" not in text


def test_app_only_script_registers_the_service_principal_with_both_spellings_explained() -> None:
    text = tenant_script("contoso.onmicrosoft.com", ADDRESSES, client_id=CLIENT_ID)
    code = parse_powershell(text).code
    assert "New-ServicePrincipal -AppId $AppId -ObjectId $ObjectId" in code
    assert "New-ServicePrincipal -AppId $AppId -ServiceId $ObjectId" in code
    assert "-ServiceId" in text.split("#>")[0] and "Enterprise applications" in text.split("#>")[0]
    assert "New-MgServicePrincipalAppRoleAssignment" in code  # admin consent for IMAP.AccessAsApp
    assert "IMAP.AccessAsApp" in parse_powershell(text).strings
    assert "Add-MailboxPermission -Identity $Mailbox -User $Grantee -AccessRights FullAccess" in code
    assert "Set-CASMailbox -Identity $Mailbox -ImapEnabled $true" in code
    assert parse_powershell(text).strings.count(CLIENT_ID) == 1


def test_device_script_allows_public_client_flows_and_grants_the_signed_in_account() -> None:
    text = tenant_script("contoso.onmicrosoft.com", ADDRESSES, client_id=CLIENT_ID, auth_mode="device")
    parsed = parse_powershell(text)
    assert "Update-MgApplication -ApplicationId $App.Id -IsFallbackPublicClient" in parsed.code
    assert "New-MgOauth2PermissionGrant" in parsed.code
    assert "IMAP.AccessAsUser.All" in parsed.strings
    assert "$Grantee = $SignInAccount" in parsed.code
    assert "New-ServicePrincipal" not in parsed.code  # delegated access needs no Exchange service principal
    assert "Mandatory = $true" in parsed.code  # asks for the admin account when not known


MUTATIONS = re.compile(
    r"\b(New-MgApplication|Update-MgApplication|New-MgServicePrincipal|New-MgServicePrincipalAppRoleAssignment|"
    r"New-MgOauth2PermissionGrant|Update-MgOauth2PermissionGrant|New-ServicePrincipal|Add-MailboxPermission|"
    r"Set-CASMailbox|Install-Module)\b"
)


def test_every_change_is_guarded_by_a_check_so_running_twice_is_safe(script: tuple[str, str]) -> None:
    _, text = script
    code = parse_powershell(text).code
    lines = code.splitlines()
    for number, line in enumerate(lines):
        if not MUTATIONS.search(line):
            continue
        # Walk outwards through the enclosing blocks: one of them must open with an if/elseif test.
        depth = 0
        guarded = False
        for previous in reversed(lines[:number]):
            depth += previous.count("}") - previous.count("{")
            if depth < 0:
                if re.search(r"\b(if|elseif)\b|} else {", previous):
                    guarded = True
                    break
                depth = 0
        assert guarded, f"unguarded change: {line.strip()}"


def test_script_never_contains_a_secret_and_says_so() -> None:
    endpoint = Endpoint(
        "o365",
        EndpointKind.M365,
        host="outlook.office365.com",
        port=993,
        tenant="contoso.onmicrosoft.com",
        client_id=CLIENT_ID,
        auth_mode="app",
    )
    text = tenant_script_for(endpoint, ADDRESSES)
    assert SECRET not in text
    assert "never creates, shows or stores a client secret" in text
    assert not re.search(r"client_?secret\s*=", text, re.IGNORECASE)
    assert "New-MgApplicationPassword" not in text and "Add-MgApplicationPassword" not in text


def test_portal_steps_are_given_as_the_alternative(script: tuple[str, str]) -> None:
    mode, text = script
    header = text.split("#>")[0]
    assert "THE SAME IN THE PORTAL" in header
    assert "Grant admin consent" in header
    if mode == "device":
        assert "Allow public client flows" in header
    else:
        assert "VALUE" in header and "Secret ID" in header


def test_without_an_application_id_the_script_creates_the_app_and_prints_its_id() -> None:
    text = tenant_script("contoso.onmicrosoft.com", ADDRESSES)
    code = parse_powershell(text).code
    assert "New-MgApplication -DisplayName $AppName" in code
    assert "$AppId = $App.AppId" in code


def test_bad_addresses_and_tenants_are_refused_with_the_reason() -> None:
    with pytest.raises(BadInput) as caught:
        tenant_script("contoso.onmicrosoft.com", ["anna@contoso.nl", "not an address"])
    assert "not an address" in caught.value.what
    with pytest.raises(BadInput):
        tenant_script("contoso.com #> Remove-Item", ["anna@contoso.nl"])


def test_saved_script_has_a_byte_order_mark_and_windows_line_ends(tmp_path: Path) -> None:
    text = tenant_script("contoso.onmicrosoft.com", ADDRESSES, client_id=CLIENT_ID)
    path = write_tenant_script(text, tmp_path / "prepare.ps1")
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b"")
    assert "Zoë.de.Vries@contoso.nl".encode() in data
