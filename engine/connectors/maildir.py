"""A local Maildir as source or target: the demo's mail, and archives of migrated mailboxes.

`maildir:///PATH` holds one Maildir per mailbox under PATH, named by the mailbox's address. Inside,
the Maildir++ layout that Dovecot and Courier use: the mailbox's root is INBOX, a folder is a
subdirectory ".Name.Sub" (separator "."), each level of the name in modified UTF-7 as Dovecot writes
it; flags in the file name (":2,FRS"), keywords as letters listed in `dovecot-keywords`, and the
received date (INTERNALDATE) as the file's modification time. The folders are read and made with the
standard library's `mailbox.Maildir`; message files are written by us, byte for byte (its writer turns
line ends into the platform's own, which would change the bytes on Windows).

A Maildir has no UIDs, so each folder's UID list (file name -> UID, and a UIDVALIDITY) is kept in
Mailstage's state folder, not in the Maildir: a source is never written to.
"""

from __future__ import annotations

import hashlib
import json
import mailbox
import os
import socket
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from engine.connectors import utf7
from engine.connectors.base import (
    Account,
    AppendOutcome,
    Features,
    FetchedMessage,
    FlagChange,
    FolderInfo,
    FolderListing,
    FolderStatus,
    HeaderInfo,
    ListingRequest,
    MessageInfo,
    OutgoingMessage,
    TargetFolder,
)
from engine.connectors.body import DEFAULT_SPOOL_THRESHOLD, BodyWriter
from engine.connectors.dates import format_internaldate, internaldate_epoch
from engine.errors import MailstageError, Severity
from engine.paths import state_home
from engine.text import T

COLON = "!" if os.name == "nt" else ":"  # Windows file names cannot hold the usual ":"
FLAG_LETTERS = {"D": "\\Draft", "F": "\\Flagged", "R": "\\Answered", "S": "\\Seen", "T": "\\Deleted"}
LETTER_OF = {flag: letter for letter, flag in FLAG_LETTERS.items()}
WINDOWS_FORBIDDEN = '/\\:*?"<>|'
_counter = 0
_counter_lock = threading.Lock()


def mailbox_folder_name(address: str) -> str:
    """The directory name of a mailbox under the endpoint's root (its address, lower-case)."""
    cleaned = "".join(
        "_" if ch in WINDOWS_FORBIDDEN or ord(ch) < 32 else ch for ch in address.strip().lower()
    )
    return cleaned or "_"


def _unique_name() -> str:
    global _counter
    with _counter_lock:
        _counter += 1
        count = _counter
    now = time.time()
    host = socket.gethostname().replace("/", "_").replace(COLON, "_")
    return f"{int(now)}.M{int((now % 1) * 1e6)}P{os.getpid()}Q{count}.{host}"


@dataclass
class _Entry:
    key: str
    path: Path
    info: str
    size: int
    mtime: float


class _UidList:
    """One folder's file-name -> UID table, kept in the state folder."""

    def __init__(self, folder_dir: Path) -> None:
        digest = hashlib.sha256(str(folder_dir.resolve()).encode()).hexdigest()[:32]
        directory = state_home() / "maildir-uids"
        directory.mkdir(parents=True, exist_ok=True)
        self.path = directory / f"{digest}.json"
        try:
            data = json.loads(self.path.read_text())
            self.uidvalidity = int(data["uidvalidity"])
            self.next_uid = int(data["next"])
            self.uids: dict[str, int] = {str(k): int(v) for k, v in data["uids"].items()}
        except (FileNotFoundError, ValueError, KeyError):
            self.uidvalidity = int(time.time())
            self.next_uid = 1
            self.uids = {}
        self.dirty = not self.path.exists()

    def assign(self, key: str) -> int:
        uid = self.next_uid
        self.next_uid += 1
        self.uids[key] = uid
        self.dirty = True
        return uid

    def save(self) -> None:
        if not self.dirty:
            return
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(
            json.dumps({"uidvalidity": self.uidvalidity, "next": self.next_uid, "uids": self.uids})
        )
        os.replace(tmp, self.path)
        self.dirty = False


class MaildirConnector:
    """A mailbox in a Maildir (see the module docstring)."""

    def __init__(
        self,
        account: Account,
        *,
        role: str,
        spool_threshold: int = DEFAULT_SPOOL_THRESHOLD,
    ) -> None:
        self.account = account
        self.role = role
        self.spool_threshold = spool_threshold
        self.separator = "."
        self.features = Features(
            uidplus=True,
            multiappend=True,
            literal_plus=True,
            condstore=False,
            special_use=False,
            keeps_bytes=True,
            needs_crlf=False,
            forbidden_in_names=WINDOWS_FORBIDDEN,
        )
        self.root = Path(account.endpoint.path) / mailbox_folder_name(account.address)
        self._uidlists: dict[str, _UidList] = {}

    def open(self) -> MaildirConnector:
        if self.role == "source" and not (self.root / "cur").is_dir():
            raise MailstageError(
                "maildir.no_mailbox",
                T(
                    "There is no Maildir for {address} in {path}.",
                    address=self.account.address,
                    path=self.account.endpoint.path,
                ),
                T("Mailstage looked for {folder} (with cur, new and tmp inside).", folder=str(self.root)),
                T("Check the endpoint's folder and the address in the mailbox list."),
                severity=Severity.MAILBOX,
                mailbox=self.account.address,
            )
        if self.role == "target":
            try:
                self.root.parent.mkdir(parents=True, exist_ok=True)
                mailbox.Maildir(str(self.root), create=True)
            except OSError as exc:
                raise self._io_error(exc, T("create the mailbox folder")) from exc
        return self

    def _io_error(self, exc: OSError, doing: str) -> MailstageError:
        return MailstageError(
            "maildir.io",
            T(
                "Mailstage could not {doing} for {address} in {folder}.",
                doing=doing,
                address=self.account.address,
                folder=str(self.root),
            ),
            T("The system said: {problem}.", problem=exc.strerror or str(exc)),
            T("Check that the folder exists, is writable, and that the disk is not full."),
            severity=Severity.MAILBOX,
            mailbox=self.account.address,
        )

    # -- names -----------------------------------------------------------------------------------

    def _dir_of(self, name: str) -> Path:
        if name.upper() == "INBOX":
            return self.root
        encoded = ".".join(utf7.encode(p).decode("ascii") for p in name.split("."))
        return self.root / f".{encoded}"

    def list_folders(self) -> list[FolderInfo]:
        folders = [FolderInfo("INBOX", ("INBOX",))]
        try:
            entries = sorted(os.scandir(self.root), key=lambda e: e.name)
        except OSError as exc:
            raise self._io_error(exc, T("list the folders")) from exc
        for entry in entries:
            if not entry.name.startswith(".") or entry.name in (".", "..") or not entry.is_dir():
                continue
            if not (Path(entry.path) / "cur").is_dir():
                continue
            path = tuple(str(utf7.decode(p.encode("ascii", "replace"))) for p in entry.name[1:].split("."))
            folders.append(FolderInfo(".".join(path), path))
        return folders

    # -- reading -----------------------------------------------------------------------------------

    def _uidlist(self, name: str) -> _UidList:
        if name not in self._uidlists:
            self._uidlists[name] = _UidList(self._dir_of(name))
        return self._uidlists[name]

    def _scan(self, name: str) -> dict[int, _Entry]:
        """The folder's messages by UID; new files get the next UIDs in order of arrival."""
        folder_dir = self._dir_of(name)
        uidlist = self._uidlist(name)
        entries: list[_Entry] = []
        try:
            for sub in ("new", "cur"):
                for item in os.scandir(folder_dir / sub):
                    if item.name.startswith(".") or not item.is_file():
                        continue
                    key, _, info = item.name.partition(COLON)
                    stat = item.stat()
                    entries.append(_Entry(key, Path(item.path), info, stat.st_size, stat.st_mtime))
        except FileNotFoundError:
            return {}
        except OSError as exc:
            raise self._io_error(exc, T("read the folder {folder}", folder=name)) from exc
        by_uid: dict[int, _Entry] = {}
        for entry in sorted(entries, key=lambda e: (e.mtime, e.key)):
            uid = uidlist.uids.get(entry.key) or uidlist.assign(entry.key)
            by_uid[uid] = entry
        uidlist.save()
        return by_uid

    def _flags(self, folder_dir: Path, info: str) -> tuple[str, ...]:
        if not info.startswith("2,"):
            return ()
        keywords = self._keywords(folder_dir)
        flags: set[str] = set()
        for letter in info[2:]:
            if letter in FLAG_LETTERS:
                flags.add(FLAG_LETTERS[letter])
            elif letter == "P":
                flags.add("$Forwarded")  # "passed": forwarded or resent
            elif "a" <= letter <= "z" and (ord(letter) - ord("a")) < len(keywords):
                flags.add(keywords[ord(letter) - ord("a")])
        return tuple(sorted(flags))

    @staticmethod
    def _keywords(folder_dir: Path) -> list[str]:
        """The folder's keyword list (index = letter - 'a'), as Dovecot keeps it."""
        names: dict[int, str] = {}
        try:
            for line in (folder_dir / "dovecot-keywords").read_text(encoding="utf-8").splitlines():
                number, _, keyword = line.partition(" ")
                if number.isdigit() and keyword:
                    names[int(number)] = keyword
        except FileNotFoundError:
            return []
        return [names.get(i, "") for i in range(max(names, default=-1) + 1)]

    def status(self, folders: Sequence[str]) -> dict[str, FolderStatus | None]:
        out: dict[str, FolderStatus | None] = {}
        for name in folders:
            if not (self._dir_of(name) / "cur").is_dir():
                out[name] = None
                continue
            entries = self._scan(name)
            uidlist = self._uidlist(name)
            out[name] = FolderStatus(uidlist.uidvalidity, uidlist.next_uid, len(entries), None)
        return out

    def list_messages(self, requests: Sequence[ListingRequest]) -> dict[str, FolderListing]:
        out: dict[str, FolderListing] = {}
        for request in requests:
            entries = self._scan(request.folder)
            folder_dir = self._dir_of(request.folder)
            uidlist = self._uidlist(request.folder)
            new = tuple(
                MessageInfo(uid, self._flags(folder_dir, e.info), e.size, format_internaldate(e.mtime))
                for uid, e in sorted(entries.items())
                if uid > request.since_uid
            )
            known = (
                {
                    uid: self._flags(folder_dir, e.info)
                    for uid, e in entries.items()
                    if uid <= request.since_uid
                }
                if request.flags_of_known
                else {}
            )
            out[request.folder] = FolderListing(
                request.folder, uidlist.uidvalidity, uidlist.next_uid, len(entries), None, new, known
            )
        return out

    def fetch_headers(self, folder: str, uids: Sequence[int] | None, since_uid: int = 0) -> list[HeaderInfo]:
        entries = self._scan(folder)
        folder_dir = self._dir_of(folder)
        wanted = sorted(uids) if uids is not None else [u for u in sorted(entries) if u > since_uid]
        out: list[HeaderInfo] = []
        for uid in wanted:
            entry = entries.get(uid)
            if entry is None:
                continue
            try:
                with open(entry.path, "rb") as handle:
                    head = handle.read(64 * 1024)
            except FileNotFoundError:
                continue
            end = min((i for i in (head.find(b"\r\n\r\n"), head.find(b"\n\n")) if i >= 0), default=len(head))
            out.append(
                HeaderInfo(
                    uid,
                    head[:end] + b"\r\n",
                    entry.size,
                    format_internaldate(entry.mtime),
                    self._flags(folder_dir, entry.info),
                )
            )
        return out

    def request_messages(self, folder: str, uids: Sequence[int]) -> tuple[str, tuple[int, ...]]:
        """Nothing to send ahead for local files: remembers what to read."""
        return folder, tuple(uids)

    def collect_messages(self, pending: tuple[str, tuple[int, ...]]) -> list[FetchedMessage]:
        return list(self.fetch_messages(*pending))

    def ensure_folders(self, paths: Sequence[tuple[str, ...]]) -> list[str]:
        return [self.ensure_folder(path) for path in paths]

    def fetch_messages(self, folder: str, uids: Sequence[int]) -> Iterator[FetchedMessage]:
        entries = self._scan(folder)
        folder_dir = self._dir_of(folder)
        out: list[FetchedMessage] = []
        for uid in sorted(uids):
            entry = entries.get(uid)
            if entry is None:
                continue
            writer = BodyWriter(self.spool_threshold, expected=entry.size)
            try:
                with open(entry.path, "rb") as handle:
                    while chunk := handle.read(1024 * 1024):
                        writer.write(chunk)
            except FileNotFoundError:
                writer.abort()
                continue  # gone since the listing (deleted or moved): like an expunged message
            except OSError as exc:
                writer.abort()
                raise self._io_error(exc, T("read a message in {folder}", folder=folder)) from exc
            out.append(
                FetchedMessage(
                    uid,
                    self._flags(folder_dir, entry.info),
                    format_internaldate(entry.mtime),
                    writer.finish(),
                )
            )
        return iter(out)

    # -- writing (target only) ---------------------------------------------------------------------

    def _require_target(self) -> None:
        if self.role != "target":
            raise AssertionError("the source is read-only")

    def ensure_folder(self, path: tuple[str, ...]) -> str:
        self._require_target()
        if path[0].upper() == "INBOX" and len(path) == 1:
            return "INBOX"
        name = ".".join(path)
        folder_dir = self._dir_of(name)
        if not (folder_dir / "cur").is_dir():
            try:
                root = mailbox.Maildir(str(self.root), create=True)
                root.add_folder(folder_dir.name[1:])
            except OSError as exc:
                raise self._io_error(exc, T("create the folder {folder}", folder=name)) from exc
        return name

    def open_folder(self, name: str) -> TargetFolder:
        self._require_target()
        entries = self._scan(name)
        uidlist = self._uidlist(name)
        return TargetFolder(
            name,
            uidlist.uidvalidity,
            uidlist.next_uid,
            len(entries),
            accepts_any_keyword=True,
            permanent_flags=frozenset(FLAG_LETTERS.values()),
        )

    def _info(self, folder_dir: Path, flags: Sequence[str]) -> str:
        letters: set[str] = set()
        keywords: list[str] | None = None
        for flag in flags:
            if flag in LETTER_OF:
                letters.add(LETTER_OF[flag])
                continue
            if flag.startswith("\\"):
                continue
            if keywords is None:
                keywords = self._keywords(folder_dir)
            if flag not in keywords:
                if len(keywords) >= 26:
                    continue  # Dovecot's layout has room for 26 keywords per folder
                keywords.append(flag)
                self._write_keywords(folder_dir, keywords)
            letters.add(chr(ord("a") + keywords.index(flag)))
        return "2," + "".join(sorted(letters))

    @staticmethod
    def _write_keywords(folder_dir: Path, keywords: list[str]) -> None:
        tmp = folder_dir / "dovecot-keywords.tmp"
        tmp.write_text("".join(f"{i} {k}\n" for i, k in enumerate(keywords) if k), encoding="utf-8")
        os.replace(tmp, folder_dir / "dovecot-keywords")

    def append(self, folder: TargetFolder, messages: Sequence[OutgoingMessage]) -> list[AppendOutcome]:
        self._require_target()
        folder_dir = self._dir_of(folder.name)
        uidlist = self._uidlist(folder.name)
        outcomes: list[AppendOutcome] = []
        try:
            for message in messages:
                key = _unique_name()
                tmp = folder_dir / "tmp" / key
                with open(tmp, "wb") as handle:
                    for chunk in message.body.chunks():
                        handle.write(chunk)
                epoch = internaldate_epoch(message.internaldate)
                if epoch is not None:
                    os.utime(tmp, (epoch, epoch))
                os.replace(tmp, folder_dir / "cur" / f"{key}{COLON}{self._info(folder_dir, message.flags)}")
                outcomes.append(AppendOutcome(True, uidlist.assign(key)))
        except OSError as exc:
            raise self._io_error(exc, T("store a message in {folder}", folder=folder.name)) from exc
        finally:
            uidlist.save()
        return outcomes

    def store_flags(self, folder: TargetFolder, changes: Sequence[FlagChange]) -> None:
        self._require_target()
        entries = self._scan(folder.name)
        folder_dir = self._dir_of(folder.name)
        try:
            for change in changes:
                for uid in change.uids:
                    entry = entries.get(uid)
                    if entry is None:
                        continue
                    flags = (set(self._flags(folder_dir, entry.info)) | set(change.add)) - set(change.remove)
                    new_path = (
                        folder_dir / "cur" / f"{entry.key}{COLON}{self._info(folder_dir, sorted(flags))}"
                    )
                    os.replace(entry.path, new_path)
                    entry.path = new_path
                    entry.info = new_path.name.partition(COLON)[2]
        except OSError as exc:
            raise self._io_error(exc, T("change flags in {folder}", folder=folder.name)) from exc

    def close(self) -> None:
        for uidlist in self._uidlists.values():
            uidlist.save()
