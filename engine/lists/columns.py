"""Column names as admins write them: Microsoft's, Mailstage's, their aliases and Dutch headers."""

from __future__ import annotations

import re
from collections.abc import Sequence

from engine.lists.model import MAILSTAGE_FIELDS, Field, ListFormat, ListKind

# Aliases are compared after `normalise_header`: case folded, without spaces, hyphens, dots and
# underscores, so "E-mail adres", "e_mailadres" and "EMAILADRES" are the same. Words that are often
# something else in an HR export ("Adres" is a street address, "Naam" may be a first name) only
# count where nothing better fits, and none of them is ambiguous between two fields.
ALIASES: dict[Field, tuple[str, ...]] = {
    Field.EMAIL: (
        "emailaddress",
        "email",
        "mail",
        "mailaddress",
        "emailadres",
        "mailadres",
        "primarysmtpaddress",
        "smtpaddress",
        "windowsemailaddress",
        "emailaddressprimary",
    ),
    Field.PASSWORD: ("password", "wachtwoord", "pwd", "passwd", "pass", "pw", "passwort", "kennwort"),
    Field.FORCE_CHANGE: (
        "forcechangepassword",
        "forcepasswordchange",
        "changepasswordatlogon",
        "changepasswordatnextlogon",
        "mustchangepassword",
        "wachtwoordwijzigen",
        "wijzigwachtwoord",
        "wachtwoordwijzigenverplicht",
        "wachtwoordwijzigenbijaanmelding",
        "wachtwoordwijzigingafdwingen",
        "forceerwachtwoordwijziging",
    ),
    Field.USER_NAME: (
        "username",
        "user",
        "login",
        "loginname",
        "logon",
        "logonname",
        "gebruikersnaam",
        "gebruiker",
        "aanmeldnaam",
        "aanmeldingsnaam",
        "inlognaam",
        "sourcelogin",
        "sourceusername",
        "bronlogin",
        "brongebruikersnaam",
        "samaccountname",
    ),
    Field.USER_ROOT: ("userroot", "mailboxroot", "gebruikersroot", "root"),
    Field.TARGET_LOGIN: (
        "targetlogin",
        "targetusername",
        "targetuser",
        "targetaccount",
        "doellogin",
        "doelgebruikersnaam",
        "doelaccount",
    ),
    Field.BATCH: ("batch", "batchname", "migrationbatch", "migratiebatch", "batchnaam"),
    Field.DISPLAY_NAME: ("displayname", "name", "naam", "weergavenaam", "fullname", "volledigenaam"),
    Field.PROBLEMS: ("mailstageproblems", "mailstageproblemen"),
}

_ALIAS_TO_FIELD: dict[str, Field] = {alias: f for f, names in ALIASES.items() for alias in names}
_IGNORED_IN_HEADER = re.compile(r"[\s\-_.:\u00a0\u200b]+")

#: How many rows at the top of a sheet are searched for the header (title rows sit above it).
HEADER_SEARCH_ROWS = 30


def normalise_header(text: str) -> str:
    return _IGNORED_IN_HEADER.sub("", text).casefold()


def field_for_header(text: str) -> Field | None:
    """The field a header names, or None when it is not a column Mailstage knows."""
    return _ALIAS_TO_FIELD.get(normalise_header(text)) if text else None


def known_aliases(f: Field) -> str:
    """A few accepted spellings of a field's header, for messages."""
    examples = {
        Field.EMAIL: "EmailAddress, E-mailadres, Email",
        Field.PASSWORD: "Password, Wachtwoord",
        Field.FORCE_CHANGE: "ForceChangePassword, WachtwoordWijzigen",
        Field.USER_NAME: "UserName, Gebruikersnaam, Login",
        Field.USER_ROOT: "UserRoot",
        Field.TARGET_LOGIN: "TargetLogin, DoelLogin",
        Field.BATCH: "Batch, Migratiebatch",
        Field.DISPLAY_NAME: "DisplayName, Naam, Weergavenaam",
        Field.PROBLEMS: "MailstageProblems",
    }
    return examples[f]


def header_score(cells: Sequence[str]) -> tuple[bool, int]:
    """How much a row looks like the header: (names EmailAddress, how many known columns)."""
    fields = [field_for_header(c) for c in cells if c]
    return (Field.EMAIL in fields, sum(1 for f in fields if f is not None))


def find_header(rows: Sequence[tuple[int, Sequence[str]]]) -> int | None:
    """The index in ROWS of the header row, searched among the first rows; None when none names a
    column Mailstage knows. A row naming EmailAddress wins; among those, the one naming most known
    columns; on a tie, the first (a title row above the header rarely names more columns)."""
    best: tuple[bool, int] | None = None
    best_index: int | None = None
    for index, (_row, cells) in enumerate(rows[:HEADER_SEARCH_ROWS]):
        score = header_score(cells)
        if score[1] == 0:
            continue
        if best is None or score > best:
            best, best_index = score, index
    return best_index


def recognise_format(fields: Sequence[Field]) -> ListFormat:
    """The list format the columns present make: IMAP when the header has UserName or UserRoot,
    staged otherwise; Mailstage's own columns are named on top."""
    present = set(fields)
    kind = ListKind.IMAP if present & {Field.USER_NAME, Field.USER_ROOT} else ListKind.STAGED
    return ListFormat(kind, tuple(f for f in MAILSTAGE_FIELDS if f in present))


def required_fields(kind: ListKind) -> tuple[Field, ...]:
    """The columns Microsoft requires in each format."""
    if kind is ListKind.IMAP:
        return (Field.EMAIL, Field.USER_NAME, Field.PASSWORD)
    return (Field.EMAIL,)
