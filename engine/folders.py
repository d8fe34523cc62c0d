"""Which source folder goes to which target folder, and which folders stay out of the mail copy.

In order of precedence (docs/decisions/007-copy-engine.md):
1. a special-use attribute on the folder (RFC 6154: \\Sent, \\Trash, \\Drafts, \\Junk, \\Archive);
2. the localized name of an Exchange/Outlook default folder (English, Dutch, German, French, compared
   case-insensitively), which also recognises the non-mail folders (Agenda, Contactpersonen, ...);
3. the administrator's own rules (exclude, rename, include), which have the last word.
A role folder lands in the target's folder of that role (found the same two ways on the target), and
its subfolders under it. Names are translated between the two servers' separators; a name holding
the target's separator (or a character the target cannot store) keeps a look-alike character, so the
folder is copied and still reads the same (Microsoft's own migration skips such folders).

Everything here is pure: FolderInfo lists in, a FolderMap out.
"""

from __future__ import annotations

import fnmatch
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from engine.connectors.base import FolderInfo, Namespace


class Role(StrEnum):
    """What a folder is for."""

    INBOX = "inbox"
    SENT = "sent"
    TRASH = "trash"
    DRAFTS = "drafts"
    JUNK = "junk"
    OUTBOX = "outbox"
    ARCHIVE = "archive"
    # Not mail: Exchange shows these over IMAP, but their items are not messages.
    CALENDAR = "calendar"
    CONTACTS = "contacts"
    TASKS = "tasks"
    NOTES = "notes"
    JOURNAL = "journal"


NON_MAIL_ROLES = frozenset({Role.CALENDAR, Role.CONTACTS, Role.TASKS, Role.NOTES, Role.JOURNAL})

SPECIAL_USE_ROLES: dict[str, Role] = {
    "\\sent": Role.SENT,
    "\\trash": Role.TRASH,
    "\\drafts": Role.DRAFTS,
    "\\junk": Role.JUNK,
    "\\archive": Role.ARCHIVE,
}
# Virtual folders show messages that live elsewhere too (Gmail's All Mail, Starred): copying them
# would copy those messages twice.
VIRTUAL_ATTRIBUTES = frozenset({"\\all", "\\flagged"})

# Exchange/Outlook default folder names (en, nl, de, fr), plus the common names other servers use.
LOCALIZED_NAMES: dict[Role, tuple[str, ...]] = {
    Role.INBOX: ("Inbox", "Postvak IN", "Posteingang", "Boîte de réception"),
    Role.SENT: (
        "Sent Items",
        "Verzonden items",
        "Gesendete Elemente",
        "Gesendete Objekte",
        "Éléments envoyés",
        "Sent",
        "Sent Messages",
        "Sent Mail",
    ),
    Role.TRASH: (
        "Deleted Items",
        "Verwijderde items",
        "Gelöschte Elemente",
        "Gelöschte Objekte",
        "Éléments supprimés",
        "Trash",
        "Deleted Messages",
    ),
    Role.DRAFTS: ("Drafts", "Concepten", "Entwürfe", "Brouillons"),
    Role.JUNK: ("Junk E-mail", "Ongewenste e-mail", "Junk-E-Mail", "Courrier indésirable", "Junk", "Spam"),
    Role.OUTBOX: ("Outbox", "Postvak UIT", "Postausgang", "Boîte d'envoi"),
    Role.ARCHIVE: ("Archive", "Archief", "Archiv", "Archives"),
    Role.CALENDAR: ("Calendar", "Agenda", "Kalender", "Calendrier"),
    Role.CONTACTS: ("Contacts", "Contactpersonen", "Kontakte"),
    Role.TASKS: ("Tasks", "Taken", "Aufgaben", "Tâches"),
    Role.NOTES: ("Notes", "Notities", "Notizen"),
    Role.JOURNAL: ("Journal", "Logboek"),
}
# Exchange 2003/2007 list the public folders inside the personal tree under this name.
PUBLIC_FOLDER_NAMES = ("Public Folders", "Openbare mappen", "Öffentliche Ordner", "Dossiers publics")

# Characters a target cannot have inside one level of a folder name, and the look-alike kept instead.
LOOK_ALIKES: dict[str, str] = {
    "/": "\u2215",  # DIVISION SLASH
    ".": "\u2024",  # ONE DOT LEADER
    "\\": "\u29f5",  # REVERSE SOLIDUS OPERATOR
    ":": "\u2236",  # RATIO
    "*": "\u2217",  # ASTERISK OPERATOR
    "?": "\uff1f",  # FULLWIDTH QUESTION MARK
    '"': "\u2033",  # DOUBLE PRIME
    "<": "\u2039",  # SINGLE LEFT-POINTING ANGLE QUOTATION MARK
    ">": "\u203a",  # SINGLE RIGHT-POINTING ANGLE QUOTATION MARK
    "|": "\u2223",  # DIVIDES
    "%": "\uff05",  # FULLWIDTH PERCENT SIGN
}


def fold(name: str) -> str:
    """A folder name in the form names are compared in: NFC, case-folded, typographic apostrophes plain."""
    return unicodedata.normalize("NFC", name).replace("\u2019", "'").casefold().strip()


_ROLE_BY_NAME: dict[str, Role] = {fold(n): role for role, names in LOCALIZED_NAMES.items() for n in names}
_PUBLIC = {fold(n) for n in PUBLIC_FOLDER_NAMES}


class RuleAction(StrEnum):
    EXCLUDE = "exclude"  # leave the folder (and its subfolders) out
    RENAME = "rename"  # put the folder (and its subfolders) under another name on the target
    INCLUDE = "include"  # copy a folder that would be left out as non-mail


@dataclass(frozen=True)
class FolderRule:
    """An administrator's rule. PATTERN is a source folder path with "/" between levels; * and ?
    match within and across levels; case does not matter. TARGET (for RENAME) is a path with "/"."""

    action: RuleAction
    pattern: str
    target: str = ""

    def matches(self, path: tuple[str, ...]) -> bool:
        return fnmatch.fnmatchcase(fold("/".join(path)), fold(self.pattern))


@dataclass(frozen=True)
class FolderMapping:
    """One source folder and where its messages go."""

    source: str  # source folder's full name
    source_path: tuple[str, ...]
    target_path: tuple[str, ...]
    role: Role | None
    why: str  # how the target was chosen, for reports and the log


class LeftOutReason(StrEnum):
    NON_MAIL = "non_mail"
    PUBLIC = "public"
    OTHER_USERS = "other_users"
    VIRTUAL = "virtual"
    EXCLUDED = "excluded"


@dataclass(frozen=True)
class LeftOutFolder:
    """A folder not copied, and why in an administrator's words."""

    source: str
    reason: LeftOutReason
    explanation: str


@dataclass(frozen=True)
class FolderMap:
    """The outcome of mapping: what is copied where, and what is left out."""

    mappings: tuple[FolderMapping, ...]
    left_out: tuple[LeftOutFolder, ...]

    def for_source(self, name: str) -> FolderMapping | None:
        for mapping in self.mappings:
            if mapping.source == name:
                return mapping
        return None


def role_of(folder: FolderInfo) -> tuple[Role | None, str]:
    """The role a folder has by its special-use attribute, else by its (top-level) name; and why."""
    for attribute in folder.attributes:
        if attribute in SPECIAL_USE_ROLES:
            return SPECIAL_USE_ROLES[attribute], f"special-use {attribute.title()}"
    if len(folder.path) == 1:
        if folder.path[0].upper() == "INBOX":
            return Role.INBOX, "INBOX"
        role = _ROLE_BY_NAME.get(fold(folder.path[0]))
        if role is not None:
            return role, f"default folder name {folder.path[0]!r}"
    return None, ""


def target_role_paths(target: Sequence[FolderInfo]) -> dict[Role, tuple[str, ...]]:
    """Where the target keeps each role: special-use attributes first, then default names."""
    found: dict[Role, tuple[str, ...]] = {Role.INBOX: ("INBOX",)}
    by_name: dict[Role, tuple[str, ...]] = {}
    for folder in target:
        if folder.namespace is not Namespace.PERSONAL or not folder.path:
            continue
        for attribute in folder.attributes:
            role = SPECIAL_USE_ROLES.get(attribute)
            if role is not None and role not in found:
                found[role] = folder.path
        if len(folder.path) == 1:
            role = _ROLE_BY_NAME.get(fold(folder.path[0]))
            if role is not None and role not in by_name:
                by_name[role] = folder.path
    for role, path in by_name.items():
        found.setdefault(role, path)
    return found


def readable_component(name: str, separator: str, forbidden: str = "") -> str:
    """NAME made storable as one level on a target whose separator is SEPARATOR: each character it
    cannot hold becomes a look-alike, so "Offerte v1.2" reads the same under a "." separator."""
    bad = set(separator) | set(forbidden)
    out = "".join(LOOK_ALIKES.get(ch, "_") if ch in bad else ch for ch in name)
    return out.strip() or "_"


def map_folders(
    source: Sequence[FolderInfo],
    target: Sequence[FolderInfo] | None,
    *,
    target_separator: str,
    target_forbidden: str = "",
    rules: Sequence[FolderRule] = (),
) -> FolderMap:
    """Map every source folder (see the module docstring). TARGET may be None before the target is
    known: roles then keep their source names, which is enough to know what is left out."""
    role_paths = target_role_paths(target or [])
    mappings: list[FolderMapping] = []
    left_out: list[LeftOutFolder] = []
    top_level: dict[tuple[str, ...], FolderInfo] = {f.path: f for f in source if len(f.path) == 1}

    def readable(parts: Sequence[str]) -> tuple[str, ...]:
        return tuple(readable_component(p, target_separator, target_forbidden) for p in parts)

    def leave_out(folder: FolderInfo, reason: LeftOutReason, words: str) -> None:
        left_out.append(LeftOutFolder(folder.name, reason, words))

    for folder in source:
        if not folder.selectable or not folder.path:
            continue  # a container without messages of its own: its subfolders are mapped one by one
        path = folder.path
        included = any(r.action is RuleAction.INCLUDE and r.matches(path) for r in rules)
        if folder.namespace is Namespace.OTHER_USERS:
            leave_out(
                folder,
                LeftOutReason.OTHER_USERS,
                "Not copied: another user's folder, shared with this mailbox.",
            )
            continue
        if folder.namespace is Namespace.SHARED or fold(path[0]) in _PUBLIC:
            leave_out(
                folder,
                LeftOutReason.PUBLIC,
                "Not copied: a public folder, shared by everyone; public folders are not part of a mailbox.",
            )
            continue
        exclude = next((r for r in rules if r.action is RuleAction.EXCLUDE and r.matches(path)), None)
        if exclude is not None and not included:
            leave_out(
                folder, LeftOutReason.EXCLUDED, f"Not copied: excluded by your rule {exclude.pattern!r}."
            )
            continue
        if VIRTUAL_ATTRIBUTES & folder.attributes and not included:
            leave_out(
                folder,
                LeftOutReason.VIRTUAL,
                "Not copied: a virtual folder that shows messages kept in other folders (they are copied there).",
            )
            continue
        own_role, why = role_of(folder)
        root_role, root_why = own_role, why
        if own_role is None and len(path) > 1:
            root = top_level.get(path[:1]) or FolderInfo(path[0], path[:1])
            root_role, root_why = role_of(root)
        if root_role in NON_MAIL_ROLES and not included:
            kind = {
                Role.CALENDAR: "calendar",
                Role.CONTACTS: "contact",
                Role.TASKS: "task",
                Role.NOTES: "note",
                Role.JOURNAL: "journal",
            }[root_role]
            leave_out(
                folder,
                LeftOutReason.NON_MAIL,
                f"Not copied with the mail: {path[0]!r} holds {kind} items, not messages.",
            )
            continue
        rename = _best_rename(rules, path)
        if rename is not None:
            rule, depth = rename
            base = readable([p for p in rule.target.split("/") if p])
            mappings.append(
                FolderMapping(
                    folder.name,
                    path,
                    base + readable(path[depth:]),
                    None,
                    f"your rule {rule.pattern!r} -> {rule.target!r}",
                )
            )
            continue
        if own_role is not None and own_role not in NON_MAIL_ROLES:
            target_path = role_paths.get(own_role) or readable(path)
            mappings.append(FolderMapping(folder.name, path, target_path, own_role, why))
            continue
        if root_role is not None and root_role not in NON_MAIL_ROLES:
            base = role_paths.get(root_role) or readable(path[:1])
            mappings.append(
                FolderMapping(folder.name, path, base + readable(path[1:]), None, f"under {root_why}")
            )
            continue
        mappings.append(FolderMapping(folder.name, path, readable(path), None, "same name"))
    return FolderMap(tuple(mappings), tuple(left_out))


def _best_rename(rules: Sequence[FolderRule], path: tuple[str, ...]) -> tuple[FolderRule, int] | None:
    """The rename rule for the deepest ancestor-or-self of PATH it matches, with that ancestor's depth."""
    for depth in range(len(path), 0, -1):
        for rule in rules:
            if rule.action is RuleAction.RENAME and rule.matches(path[:depth]):
                return rule, depth
    return None
