"""The cut-over scripts: PowerShell the admin reviews and runs on the Exchange 2007 server after a batch
is synced (seed steps 6-7).

Per batch Mailstage writes a folder with three files:

- `mailboxes.csv` (EmailAddress, CloudEmailAddress): the batch's mailboxes, the data both scripts read;
- `1-Set-Forwarding.ps1`: sets each on-premises mailbox's targetAddress to the cloud address, so mail
  that still arrives on-premises is forwarded;
- `2-Convert-ToMailUser.ps1`: turns each on-premises mailbox into a mail user pointing at the cloud
  address, keeping its addresses and adding an X500 address for its old LegacyExchangeDN.

The scripts are data-driven (nothing about a mailbox is written into the code, only into the CSV), do a
dry run unless given -Apply, check before they change anything so a second run changes nothing, log to a
file beside themselves and hold no secret: they run as the admin in the Exchange Management Shell. They
are written for Windows PowerShell 1.0 (what Exchange 2007 ships with): no try/catch, no advanced
functions, no $PSScriptRoot.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from engine.batches import require_batch
from engine.csvsafe import write_csv
from engine.errors import BadInput
from engine.store import StateStore
from engine.text import T

CSV_NAME = "mailboxes.csv"
FORWARDING_NAME = "1-Set-Forwarding.ps1"
CONVERT_NAME = "2-Convert-ToMailUser.ps1"
CSV_HEADER = ("EmailAddress", "CloudEmailAddress")

# One @, something on both sides, no spaces or control characters: what Exchange can look up.
_ADDRESS = re.compile(r"^[^\s@\x00-\x1f\x7f]+@[^\s@\x00-\x1f\x7f]+$")
_DOMAIN = re.compile(r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$", re.IGNORECASE)


@dataclass(frozen=True)
class CutoverFiles:
    """What `write_cutover_scripts` wrote: the folder, its three files and how many mailboxes they cover."""

    folder: Path
    mailboxes_csv: Path
    forwarding_script: Path
    convert_script: Path
    mailboxes: int


def cutover_pairs(store: StateStore, batch_name: str, *, cloud_domain: str = "") -> list[tuple[str, str]]:
    """The batch's mailboxes as (on-premises address, cloud address), the cloud address being the target
    address the batch holds (or its local part at CLOUD_DOMAIN when given). BadInput for an unknown batch."""
    require_batch(store, batch_name)
    pairs = [(m.address, m.target_address or m.address) for m in store.batch_members(batch_name)]
    return _with_cloud_domain(pairs, cloud_domain)


def _with_cloud_domain(pairs: Iterable[tuple[str, str]], cloud_domain: str) -> list[tuple[str, str]]:
    domain = cloud_domain.strip().lower()
    if not domain:
        return list(pairs)
    if not _DOMAIN.match(domain):
        raise BadInput(
            "cutover.bad_domain",
            T("{domain!r} is not a domain name.", domain=cloud_domain),
            T(
                "The cloud domain is the routing domain of the new system, such as contoso.mail.onmicrosoft.com."
            ),
            T("Give the domain only, without an @ or spaces."),
        )
    return [(on_prem, f"{cloud.rpartition('@')[0] or cloud}@{domain}") for on_prem, cloud in pairs]


def _checked(batch_name: str, pairs: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """The pairs cleaned and each on-premises address once; BadInput naming the first unusable one."""
    seen: set[str] = set()
    rows: list[tuple[str, str]] = []
    for position, (raw_on_prem, raw_cloud) in enumerate(pairs, start=1):
        on_prem, cloud = raw_on_prem.strip(), raw_cloud.strip()
        for on_premises, address in ((True, on_prem), (False, cloud)):
            if not _ADDRESS.match(address):
                what = (
                    T(
                        "Mailbox {position} of batch {batch} has the on-premises address {address!r}, which is not "
                        "an email address.",
                        position=position,
                        batch=batch_name,
                        address=address,
                    )
                    if on_premises
                    else T(
                        "Mailbox {position} of batch {batch} has the cloud address {address!r}, which is not an "
                        "email address.",
                        position=position,
                        batch=batch_name,
                        address=address,
                    )
                )
                raise BadInput(
                    "cutover.bad_address",
                    what,
                    "",
                    T("Correct the address in the mailbox list and create the batch again."),
                )
        if on_prem.casefold() == cloud.casefold():
            # Forwarding a mailbox to its own address sends mail round in a loop between the systems.
            raise BadInput(
                "cutover.same_address",
                T("{address} in batch {batch} would forward to itself.", address=on_prem, batch=batch_name),
                T(
                    "The cloud address must be an address only the new system answers for, such as "
                    "user@contoso.mail.onmicrosoft.com."
                ),
                T(
                    "Give the routing domain: mailstage-cli cutover --cloud-domain contoso.mail.onmicrosoft.com"
                ),
            )
        if on_prem.casefold() in seen:
            continue
        seen.add(on_prem.casefold())
        rows.append((on_prem, cloud))
    if not rows:
        raise BadInput(
            "batch.empty",
            T("The batch {name} has no mailboxes.", name=batch_name),
            "",
            T("Pick a batch that holds mailboxes."),
        )
    return rows


def write_cutover_scripts(
    batch_name: str,
    mailboxes: Iterable[tuple[str, str]],
    folder: Path,
    *,
    cloud_domain: str = "",
) -> CutoverFiles:
    """Write the batch's cut-over CSV and PowerShell scripts into FOLDER (created; files replaced).

    MAILBOXES are (on-premises address, cloud address) pairs; with CLOUD_DOMAIN the cloud address becomes
    its local part at that domain. Each on-premises address is written once. BadInput for an address that
    is not one, a mailbox that would forward to itself, or a folder that cannot be written.
    """
    rows = _checked(batch_name, _with_cloud_domain(mailboxes, cloud_domain))
    try:
        folder.mkdir(parents=True, exist_ok=True)
        csv_path = folder / CSV_NAME
        write_csv(csv_path, CSV_HEADER, rows)
        label = _comment_safe(batch_name)
        count = "1 mailbox" if len(rows) == 1 else f"{len(rows)} mailboxes"
        forwarding = folder / FORWARDING_NAME
        _write_script(
            forwarding,
            FORWARDING_SCRIPT.replace("@@BATCH_LITERAL@@", _quoted_safe(label))
            .replace("@@BATCH@@", label)
            .replace("@@COUNT@@", count),
        )
        convert = folder / CONVERT_NAME
        _write_script(
            convert,
            CONVERT_SCRIPT.replace("@@BATCH_LITERAL@@", _quoted_safe(label))
            .replace("@@BATCH@@", label)
            .replace("@@COUNT@@", count),
        )
    except OSError as error:
        raise BadInput(
            "cutover.cannot_write",
            T("The cut-over scripts cannot be written to {folder}.", folder=str(folder)),
            error.strerror or str(error),
            T("Choose a folder you can write to."),
        ) from error
    return CutoverFiles(folder, csv_path, forwarding, convert, len(rows))


def write_batch_cutover_scripts(
    store: StateStore, batch_name: str, folder: Path, *, cloud_domain: str = ""
) -> CutoverFiles:
    """The cut-over scripts for the batch BATCH_NAME of STORE, written into FOLDER (what the CLI and the
    wizard's Cut-over page call)."""
    pairs = cutover_pairs(store, batch_name)
    return write_cutover_scripts(batch_name, pairs, folder, cloud_domain=cloud_domain)


def _comment_safe(text: str) -> str:
    """TEXT for a PowerShell comment line: no line breaks, and no '#>' that would end a block comment."""
    flat = "".join(ch if ch.isprintable() else " " for ch in text)
    return flat.replace("#>", "# >").replace("<#", "< #")


def _quoted_safe(text: str) -> str:
    """TEXT for inside a single-quoted PowerShell string: every quote doubled, including the typographic
    ones PowerShell also takes as single quotes."""
    for quote in "'\u2018\u2019\u201a\u201b":
        text = text.replace(quote, quote * 2)
    return text


def _write_script(path: Path, text: str) -> None:
    # A BOM so Windows PowerShell reads UTF-8 (an accented batch name) right; CRLF as Windows expects.
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    tmp.replace(path)


# Shared by both scripts: reading the CSV and logging. Kept as text so each script stands on its own
# (the admin copies the folder to the server; nothing else is needed there).
_COMMON = r"""
$ScriptFolder = Split-Path -Parent $MyInvocation.MyCommand.Path
if (-not $CsvPath) { $CsvPath = Join-Path $ScriptFolder 'mailboxes.csv' }
$Stamp = Get-Date -Format 'yyyyMMdd-HHmmss'
$LogPath = Join-Path $ScriptFolder ($LogName + '-' + $Stamp + '.log')

function Write-Log($Text) {
    # Everything shown is also kept in the log file beside the script.
    $line = (Get-Date -Format 'yyyy-MM-dd HH:mm:ss') + '  ' + $Text
    Write-Host $line
    Add-Content -Path $LogPath -Value $line
}

function Get-CellText($Value) {
    # Mailstage writes the CSV so that Excel never runs a cell as a formula: a cell starting with
    # = + - or @ got a leading apostrophe. Take it off again to get the address.
    $text = ([string]$Value).Trim()
    if ($text -match "^'[=+\-@]") { $text = $text.Substring(1) }
    return $text
}

if (-not (Test-Path $CsvPath)) {
    Write-Host ('The mailbox list ' + $CsvPath + ' was not found. Keep the CSV beside the script or give -CsvPath.')
    exit 2
}
$Rows = @(Import-Csv -Path $CsvPath)
if ($Apply) { $Mode = 'APPLY: changes are made' } else { $Mode = 'DRY RUN: nothing is changed (add -Apply to make the changes)' }
Write-Log ('Batch ' + '@@BATCH_LITERAL@@' + ', ' + $Rows.Count + ' mailboxes from ' + $CsvPath + '. ' + $Mode)
"""

FORWARDING_SCRIPT = (
    r"""<#
Mailstage cut-over, step 1 of 2: forward mail that still arrives on-premises to the new system.
Batch: @@BATCH@@ (@@COUNT@@, listed in mailboxes.csv beside this script).

WHEN: after the batch is synced in Mailstage, before step 2 (2-Convert-ToMailUser.ps1).
WHERE: in the Exchange Management Shell on the Exchange 2007 server, as an Exchange administrator who
       may write user objects in Active Directory. The script holds no password; it runs as you.

WHAT IT CHANGES: for each mailbox in mailboxes.csv (column EmailAddress) it sets the Active Directory
attribute targetAddress to SMTP:<CloudEmailAddress>. Exchange then forwards mail for that mailbox to
the cloud address. A mailbox whose targetAddress already holds that value is left alone, so running
the script twice changes nothing the second time.

HOW TO RUN:
  1. .\1-Set-Forwarding.ps1              a dry run: shows what would change, changes nothing
  2. read the output (and the .log file written beside this script)
  3. .\1-Set-Forwarding.ps1 -Apply       makes the changes

HOW TO UNDO: .\1-Set-Forwarding.ps1 -Undo -Apply clears targetAddress again on each mailbox where it
still holds the cloud address this script set (a value someone else set is left alone). The log of the
-Apply run lists the value each mailbox had before.
#>
param(
    [switch]$Apply,
    [switch]$Undo,
    [string]$CsvPath = ''
)

$LogName = 'Set-Forwarding'
"""
    + _COMMON
    + r"""
$Changed = 0
$Unchanged = 0
$Failed = 0
foreach ($row in $Rows) {
    $address = Get-CellText $row.EmailAddress
    $cloud = Get-CellText $row.CloudEmailAddress
    if (-not $address -or -not $cloud) {
        Write-Log ('SKIPPED a row without EmailAddress or CloudEmailAddress.')
        $Failed++
        continue
    }
    $recipient = Get-Recipient -Identity $address -ErrorAction SilentlyContinue
    if (-not $recipient) {
        Write-Log ('NOT FOUND ' + $address + ': no recipient with this address.')
        $Failed++
        continue
    }
    $wanted = 'SMTP:' + $cloud
    $user = [ADSI]('LDAP://' + $recipient.DistinguishedName)
    $current = [string]$user.targetAddress
    if ($Undo -and [string]$recipient.RecipientType -ne 'UserMailbox') {
        # A mail user (step 2 ran) needs its targetAddress: clearing it would stop its mail.
        Write-Log ('UNCHANGED ' + $address + ': is a ' + $recipient.RecipientType + ' now; undo step 2 first.')
        $Unchanged++
        continue
    }
    if ($Undo) {
        if ($current -ne $wanted) {
            Write-Log ('UNCHANGED ' + $address + ': targetAddress is "' + $current + '", not set by this script.')
            $Unchanged++
            continue
        }
        if ($Apply) {
            $user.PutEx(1, 'targetAddress', $null)
            $user.SetInfo()
            Write-Log ('CLEARED ' + $address + ': targetAddress was ' + $current)
        } else {
            Write-Log ('WOULD CLEAR ' + $address + ': targetAddress is ' + $current)
        }
        $Changed++
        continue
    }
    if ($current -eq $wanted) {
        Write-Log ('UNCHANGED ' + $address + ': already forwards to ' + $cloud)
        $Unchanged++
        continue
    }
    if ($Apply) {
        $user.Put('targetAddress', $wanted)
        $user.SetInfo()
        Write-Log ('SET ' + $address + ': targetAddress ' + $wanted + ' (was "' + $current + '")')
    } else {
        Write-Log ('WOULD SET ' + $address + ': targetAddress ' + $wanted + ' (now "' + $current + '")')
    }
    $Changed++
}

Write-Log ('Done. Changed: ' + $Changed + ', unchanged: ' + $Unchanged + ', problems: ' + $Failed + '. Log: ' + $LogPath)
if ($Failed -gt 0) { exit 1 }
exit 0
"""
)

CONVERT_SCRIPT = (
    r"""<#
Mailstage cut-over, step 2 of 2: turn the on-premises mailboxes into mail users.
Batch: @@BATCH@@ (@@COUNT@@, listed in mailboxes.csv beside this script).

WHEN: after step 1 (1-Set-Forwarding.ps1 -Apply), once the batch had its last sync in Mailstage and
      the users work in the new system. After this step the on-premises mailboxes are disconnected:
      their mail is no longer reachable in Outlook on-premises.
WHERE: in the Exchange Management Shell on the Exchange 2007 server, as an Exchange administrator.
       The script holds no password; it runs as you.

WHAT IT CHANGES, for each mailbox in mailboxes.csv (column EmailAddress):
  a. saves what the mailbox is (addresses, LegacyExchangeDN, database, mailbox GUID) to
     backup\<address>.xml beside this script, before anything changes;
  b. Disable-Mailbox: the user object stays, the mailbox is disconnected (Exchange keeps the
     disconnected mailbox for the database's retention period, 30 days by default);
  c. Enable-MailUser with ExternalEmailAddress SMTP:<CloudEmailAddress>, so mail is sent to the cloud;
  d. Set-MailUser: the mail user gets back every address the mailbox had, plus X500:<LegacyExchangeDN>
     so replies to old mails and cached Outlook addresses still reach the user.
A mail user that already points at the cloud address is only checked for its addresses and X500, so
running the script twice changes nothing the second time. A run that stopped between b and c is
finished from the backup file on the next run.

HOW TO RUN:
  1. .\2-Convert-ToMailUser.ps1            a dry run: shows what would change, changes nothing
  2. read the output (and the .log file written beside this script)
  3. .\2-Convert-ToMailUser.ps1 -Apply     makes the changes

HOW TO UNDO (within the retention period), per mailbox, with the values from backup\<address>.xml
($b = Import-Clixml 'backup\<address>.xml'):
  Disable-MailUser -Identity $b.DistinguishedName
  Clean-MailboxDatabase -Identity $b.Database
  Connect-Mailbox -Identity $b.ExchangeGuid -Database $b.Database -User $b.DistinguishedName
#>
param(
    [switch]$Apply,
    [string]$CsvPath = ''
)

$LogName = 'Convert-ToMailUser'
"""
    + _COMMON
    + r"""
$BackupFolder = Join-Path $ScriptFolder 'backup'
if ($Apply -and -not (Test-Path $BackupFolder)) { New-Item -ItemType Directory -Path $BackupFolder | Out-Null }

function Get-BackupPath($Address) {
    # One file per mailbox, named after its address (characters Windows refuses in a name become _).
    $name = $Address -replace '[\\/:*?"<>|]', '_'
    return (Join-Path $BackupFolder ($name + '.xml'))
}

function Get-WantedAddresses($Backup, $Current) {
    # Every address the mailbox had, plus the X500 of its old LegacyExchangeDN, plus whatever the mail
    # user has now; each once (Exchange compares addresses without regard to case).
    $list = @()
    $all = @($Backup.EmailAddresses) + @('X500:' + $Backup.LegacyExchangeDN) + @($Current)
    foreach ($entry in $all) {
        $text = [string]$entry
        if (-not $text) { continue }
        # Only one primary address (SMTP: in capitals): the mailbox's own, which comes first in the list.
        if ($list.Count -gt 0 -and $text -cmatch '^SMTP:') { $text = 'smtp:' + $text.Substring(5) }
        $known = $false
        foreach ($have in $list) { if ($have -eq $text) { $known = $true } }
        if (-not $known) { $list += $text }
    }
    return $list
}

function Set-KeptAddresses($Address, $Backup) {
    # Gives the mail user the old addresses and the X500 when it lacks any; reports what it did.
    $mailUser = Get-MailUser -Identity $Backup.DistinguishedName -ErrorAction SilentlyContinue
    if (-not $mailUser) {
        if ($Apply) { Write-Log ('PROBLEM ' + $Address + ': the mail user was not found to set its addresses.') }
        return $false
    }
    $current = @($mailUser.EmailAddresses | ForEach-Object { [string]$_ })
    $wanted = Get-WantedAddresses $Backup $current
    if ($wanted.Count -eq $current.Count) { return $false }
    if ($Apply) {
        # The address policy is switched off for this user, or it would rewrite the addresses kept here.
        Set-MailUser -Identity $Backup.DistinguishedName -EmailAddresses $wanted -EmailAddressPolicyEnabled $false -ErrorAction SilentlyContinue -ErrorVariable problem
        if ($problem) {
            Write-Log ('PROBLEM ' + $Address + ': setting the addresses failed: ' + $problem[0])
            return $false
        }
        Write-Log ('ADDRESSES ' + $Address + ': ' + ($wanted -join ', '))
    } else {
        Write-Log ('WOULD SET ADDRESSES ' + $Address + ': ' + ($wanted -join ', '))
    }
    return $true
}

$Changed = 0
$Unchanged = 0
$Failed = 0
foreach ($row in $Rows) {
    $address = Get-CellText $row.EmailAddress
    $cloud = Get-CellText $row.CloudEmailAddress
    if (-not $address -or -not $cloud) {
        Write-Log ('SKIPPED a row without EmailAddress or CloudEmailAddress.')
        $Failed++
        continue
    }
    $backupPath = Get-BackupPath $address
    $recipient = Get-Recipient -Identity $address -ErrorAction SilentlyContinue
    $backup = $null
    if (Test-Path $backupPath) { $backup = Import-Clixml $backupPath }

    if ($recipient -and [string]$recipient.RecipientType -eq 'MailUser') {
        # Converted before (by this script or by hand): only make sure the addresses are all there.
        if ([string]$recipient.ExternalEmailAddress -ne ('SMTP:' + $cloud)) {
            Write-Log ('PROBLEM ' + $address + ': already a mail user, but pointing at ' + $recipient.ExternalEmailAddress + ', not ' + $cloud + '. Left alone.')
            $Failed++
            continue
        }
        if ($backup -and (Set-KeptAddresses $address $backup)) { $Changed++ }
        else {
            Write-Log ('UNCHANGED ' + $address + ': already a mail user pointing at ' + $cloud)
            $Unchanged++
        }
        continue
    }

    if ($recipient -and [string]$recipient.RecipientType -eq 'UserMailbox') {
        $mailbox = Get-Mailbox -Identity $address
        if ($Apply) {
            # The backup is written before the mailbox changes, so an interrupted run can be finished.
            # Kept as plain text, so the values read back the same on any server (and for the undo).
            $mailbox | Select-Object DisplayName, Alias, DistinguishedName, LegacyExchangeDN,
                @{Name='PrimarySmtpAddress'; Expression={ [string]$_.PrimarySmtpAddress }},
                @{Name='ExchangeGuid'; Expression={ [string]$_.ExchangeGuid }},
                @{Name='Database'; Expression={ [string]$_.Database }},
                @{Name='EmailAddresses'; Expression={ @($_.EmailAddresses | ForEach-Object { [string]$_ }) }} |
                Export-Clixml -Path $backupPath
            $backup = Import-Clixml $backupPath
            Disable-Mailbox -Identity $mailbox.DistinguishedName -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable problem
            if ($problem) {
                Write-Log ('PROBLEM ' + $address + ': Disable-Mailbox failed: ' + $problem[0])
                $Failed++
                continue
            }
            Write-Log ('DISCONNECTED ' + $address + ' (backup: ' + $backupPath + ')')
        } else {
            Write-Log ('WOULD CONVERT ' + $address + ' to a mail user pointing at ' + $cloud + ', keeping ' + @($mailbox.EmailAddresses).Count + ' addresses and adding X500:' + $mailbox.LegacyExchangeDN)
            $Changed++
            continue
        }
    } elseif (-not $recipient -and $backup) {
        # A run that stopped after Disable-Mailbox: the user object is there, without mail attributes.
        Write-Log ('RESUMING ' + $address + ' from ' + $backupPath)
        if (-not $Apply) {
            Write-Log ('WOULD ENABLE ' + $address + ' as a mail user pointing at ' + $cloud)
            $Changed++
            continue
        }
    } elseif ($recipient) {
        Write-Log ('PROBLEM ' + $address + ': is a ' + $recipient.RecipientType + ', not a mailbox. Left alone.')
        $Failed++
        continue
    } else {
        Write-Log ('NOT FOUND ' + $address + ': no recipient with this address and no backup file.')
        $Failed++
        continue
    }

    if ($Apply) {
        Enable-MailUser -Identity $backup.DistinguishedName -ExternalEmailAddress ('SMTP:' + $cloud) -ErrorAction SilentlyContinue -ErrorVariable problem
        if ($problem) {
            Write-Log ('PROBLEM ' + $address + ': Enable-MailUser failed: ' + $problem[0] + ' Run the script again to retry.')
            $Failed++
            continue
        }
        Write-Log ('MAIL USER ' + $address + ' now points at ' + $cloud)
        Set-KeptAddresses $address $backup | Out-Null
        $Changed++
    }
}

Write-Log ('Done. Changed: ' + $Changed + ', unchanged: ' + $Unchanged + ', problems: ' + $Failed + '. Log: ' + $LogPath)
if ($Failed -gt 0) { exit 1 }
exit 0
"""
)
