"""The cut-over scripts written for a batch of a real state store: the CSV the scripts read, the shape
of the PowerShell (PowerShell itself does not run here), and the input Mailstage refuses."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from engine.batches import create_batch
from engine.cutover import (
    CSV_HEADER,
    CutoverFiles,
    cutover_pairs,
    write_batch_cutover_scripts,
    write_cutover_scripts,
)
from engine.endpoints import Endpoint, EndpointKind, secret_key
from engine.errors import BadInput
from engine.keystore import SecretStore
from engine.store import NewBatchMailbox, StateStore
from tests.cutover.psparse import ScriptShapeError, find_calls, param_block, strip_script

CLOUD = "contoso.mail.onmicrosoft.com"
ADMIN_SECRET = "Adm1n-Geheim!-cutover"

# Calls that change Exchange or Active Directory (or write the backup): only allowed under `if ($Apply`.
CHANGING = (
    "Put(",
    "PutEx(",
    "SetInfo(",
    "Set-MailUser",
    "Set-Mailbox",
    "Disable-Mailbox",
    "Enable-MailUser",
    "Disable-MailUser",
    "Connect-Mailbox",
    "Export-Clixml",
    "New-Item",
    "Remove-",
)


def make_batch(store: StateStore, name: str, mailboxes: list[NewBatchMailbox]) -> None:
    source = Endpoint("old-exchange", EndpointKind.MAILDIR, path="/srv/old")
    target = Endpoint("new-system", EndpointKind.MAILDIR, path="/srv/new")
    store.save_endpoint(source)
    store.save_endpoint(target)
    SecretStore().put(secret_key(source.name), ADMIN_SECRET)
    create_batch(store, name, source, target, mailboxes)


def read_rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


@pytest.fixture
def store() -> Iterator[StateStore]:
    opened = StateStore()
    yield opened
    opened.close()


@pytest.fixture
def pilot(store: StateStore, tmp_path: Path) -> CutoverFiles:
    mailboxes = [
        NewBatchMailbox("jan.de.vries@contoso.nl", "jan.de.vries@contoso.nl"),
        NewBatchMailbox("Anne.Bakker@contoso.nl", "anne@contoso.onmicrosoft.com"),
        NewBatchMailbox("=HYPERLINK(1)@contoso.nl", "=HYPERLINK(1)@contoso.nl"),
        NewBatchMailbox("+31@contoso.nl", "+31@contoso.nl"),
    ]
    make_batch(store, "Pilot 'week' 12", mailboxes)
    return write_batch_cutover_scripts(store, "Pilot 'week' 12", tmp_path / "out", cloud_domain=CLOUD)


def test_each_batch_mailbox_is_in_the_csv_once_with_its_cloud_address(pilot: CutoverFiles) -> None:
    rows = read_rows(pilot.mailboxes_csv)
    assert rows[0] == list(CSV_HEADER)
    assert rows[1:] == [
        ["jan.de.vries@contoso.nl", f"jan.de.vries@{CLOUD}"],
        ["Anne.Bakker@contoso.nl", f"anne@{CLOUD}"],
        ["'=HYPERLINK(1)@contoso.nl", f"'=HYPERLINK(1)@{CLOUD}"],
        ["'+31@contoso.nl", f"'+31@{CLOUD}"],
    ]
    assert pilot.mailboxes == 4


def test_formula_looking_addresses_are_neutralised_and_the_scripts_take_the_apostrophe_off(
    pilot: CutoverFiles,
) -> None:
    cells = [cell for row in read_rows(pilot.mailboxes_csv)[1:] for cell in row]
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells)
    for script in (pilot.forwarding_script, pilot.convert_script):
        text = script.read_text(encoding="utf-8-sig")
        # The scripts undo exactly what csvsafe adds: an apostrophe before a formula trigger.
        match = re.search(r"-match \"\^'\[([^\]]+)\]\"", text)
        assert match is not None
        assert set(match.group(1).replace("\\-", "-")) == {"=", "+", "-", "@"}
        assert "Get-CellText $row.EmailAddress" in text and "Get-CellText $row.CloudEmailAddress" in text


def test_an_address_listed_twice_is_written_once(tmp_path: Path) -> None:
    files = write_cutover_scripts(
        "Dup",
        [
            ("a@contoso.nl", "a@x.onmicrosoft.com"),
            ("A@Contoso.nl", "a@x.onmicrosoft.com"),
            ("b@contoso.nl", "b@x.onmicrosoft.com"),
        ],
        tmp_path,
    )
    addresses = [row[0].lower() for row in read_rows(files.mailboxes_csv)[1:]]
    assert addresses == ["a@contoso.nl", "b@contoso.nl"]
    assert files.mailboxes == 2


def test_without_a_cloud_domain_the_batch_target_address_is_the_cloud_address(
    store: StateStore, tmp_path: Path
) -> None:
    make_batch(store, "Targets", [NewBatchMailbox("piet@contoso.nl", "piet@contoso.mail.onmicrosoft.com")])
    assert cutover_pairs(store, "Targets") == [("piet@contoso.nl", "piet@contoso.mail.onmicrosoft.com")]
    files = write_batch_cutover_scripts(store, "Targets", tmp_path)
    assert read_rows(files.mailboxes_csv)[1:] == [["piet@contoso.nl", "piet@contoso.mail.onmicrosoft.com"]]


def test_a_mailbox_that_would_forward_to_itself_is_refused(store: StateStore, tmp_path: Path) -> None:
    make_batch(store, "Loop", [NewBatchMailbox("kees@contoso.nl")])
    with pytest.raises(BadInput) as caught:
        write_batch_cutover_scripts(store, "Loop", tmp_path / "out")
    assert caught.value.code == "cutover.same_address"
    assert "kees@contoso.nl" in caught.value.what and "--cloud-domain" in caught.value.fix
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    "domain", ["contoso mail", "@contoso.onmicrosoft.com", "contoso", "-bad.example.com"]
)
def test_a_cloud_domain_that_is_no_domain_is_refused(domain: str, tmp_path: Path) -> None:
    with pytest.raises(BadInput) as caught:
        write_cutover_scripts("B", [("a@contoso.nl", "a@contoso.nl")], tmp_path, cloud_domain=domain)
    assert caught.value.code == "cutover.bad_domain" and repr(domain) in caught.value.what


def test_an_unusable_address_is_named_with_its_position(tmp_path: Path) -> None:
    with pytest.raises(BadInput) as caught:
        write_cutover_scripts("B", [("a@contoso.nl", "a@x.nl"), ("no address", "b@x.nl")], tmp_path)
    assert caught.value.code == "cutover.bad_address"
    assert "Mailbox 2" in caught.value.what and "'no address'" in caught.value.what


def test_an_unknown_batch_is_bad_input(store: StateStore, tmp_path: Path) -> None:
    with pytest.raises(BadInput) as caught:
        write_batch_cutover_scripts(store, "Nope", tmp_path)
    assert caught.value.code == "batch.unknown"


def test_a_folder_that_cannot_be_written_is_bad_input(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(BadInput) as caught:
        write_cutover_scripts("B", [("a@contoso.nl", "a@x.nl")], blocker / "out")
    assert caught.value.code == "cutover.cannot_write"


def test_the_scripts_are_well_formed_powershell_with_an_apply_switch(pilot: CutoverFiles) -> None:
    for script in (pilot.forwarding_script, pilot.convert_script):
        raw = script.read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")
        text = raw.decode("utf-8-sig")
        find_calls(text, ())  # raises when a bracket, string or comment is not closed
        params = param_block(text)
        assert re.search(r"\[switch\]\s*\$Apply\b", params), params
        assert "$CsvPath" in params


def test_every_change_is_made_only_under_the_apply_switch(pilot: CutoverFiles) -> None:
    seen: set[str] = set()
    for script in (pilot.forwarding_script, pilot.convert_script):
        for call in find_calls(script.read_text(encoding="utf-8-sig"), CHANGING):
            seen.add(call.name)
            guarded = [b for b in call.blocks if re.match(r"(if|elseif)\s*\(\s*\$Apply\b", b, re.IGNORECASE)]
            assert guarded, f"{script.name} line {call.line}: {call.name} runs without -Apply ({call.blocks})"
    # The guard check looked at the calls that matter (it would pass vacuously on a script without them).
    assert {"Put(", "SetInfo(", "Disable-Mailbox", "Enable-MailUser", "Set-MailUser", "Export-Clixml"} <= seen


def test_each_change_is_checked_before_it_is_made(pilot: CutoverFiles) -> None:
    forwarding = strip_script(pilot.forwarding_script.read_text(encoding="utf-8-sig"))
    # targetAddress is compared with the wanted value before it is written.
    assert forwarding.index("$current -eq $wanted") < forwarding.index(".Put(")
    convert = strip_script(pilot.convert_script.read_text(encoding="utf-8-sig"))
    # A recipient already converted is recognised before anything is disabled, and the backup comes first.
    assert convert.index("RecipientType -eq") < convert.index("Disable-Mailbox")
    assert (
        convert.index("Export-Clixml") < convert.index("Disable-Mailbox") < convert.index("Enable-MailUser")
    )
    assert "X500:" in pilot.convert_script.read_text(encoding="utf-8-sig")


def test_the_steps_and_the_undo_are_described_at_the_top(pilot: CutoverFiles) -> None:
    for script in (pilot.forwarding_script, pilot.convert_script):
        text = script.read_text(encoding="utf-8-sig")
        header = text[: text.index("#>")]
        assert text.startswith("<#")
        for words in ("WHEN:", "WHAT IT CHANGES", "HOW TO RUN", "HOW TO UNDO", "-Apply", "Pilot 'week' 12"):
            assert words in header, (script.name, words)
        assert "Add-Content -Path $LogPath" in text


def test_a_batch_name_cannot_break_out_of_the_comment(tmp_path: Path) -> None:
    files = write_cutover_scripts("x #> Remove-Item C:\\ <# y", [("a@contoso.nl", "a@x.nl")], tmp_path)
    text = files.forwarding_script.read_text(encoding="utf-8-sig")
    assert not find_calls(text, ("Remove-Item",))
    assert param_block(text).startswith("param(")


def test_a_batch_name_with_quotes_stays_inside_its_string(pilot: CutoverFiles, tmp_path: Path) -> None:
    # The pilot batch is called "Pilot 'week' 12": its words must never become code.
    for script in (pilot.forwarding_script, pilot.convert_script):
        text = script.read_text(encoding="utf-8-sig")
        assert "'Pilot ''week'' 12'" in text
        assert find_calls(text, ("week",)) == []
    files = write_cutover_scripts("It\u2019s; Remove-Item x", [("a@contoso.nl", "a@x.nl")], tmp_path)
    assert find_calls(files.convert_script.read_text(encoding="utf-8-sig"), ("Remove-Item",)) == []


def test_no_secret_is_in_any_written_file(pilot: CutoverFiles) -> None:
    assert SecretStore().get(secret_key("old-exchange")) == ADMIN_SECRET  # the secret exists...
    for path in pilot.folder.iterdir():
        text = path.read_text(encoding="utf-8-sig")
        assert ADMIN_SECRET not in text  # ...and is written nowhere
        for pattern in (r"ConvertTo-SecureString", r"Get-Credential", r"-Password\b", r"PSCredential"):
            assert not re.search(pattern, text, re.IGNORECASE), (path.name, pattern)


def test_the_shape_checker_finds_broken_scripts() -> None:
    with pytest.raises(ScriptShapeError):
        find_calls("if ($a) { Write-Host 'x' ", ())
    with pytest.raises(ScriptShapeError):
        find_calls("Write-Host 'unclosed", ())
    with pytest.raises(ScriptShapeError):
        param_block("Write-Host 1\nparam([switch]$Apply)")
    # Brackets inside strings and comments do not count.
    assert find_calls("Write-Host '{('  # )}\n", ()) == []
    calls = find_calls("if ($Apply) {\n  Disable-Mailbox x\n}\nDisable-Mailbox y", ("Disable-Mailbox",))
    assert [c.blocks for c in calls] == [("if ($Apply)",), ()]
