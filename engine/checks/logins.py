"""Server checks that log in: `<role>.login`, `<role>.capabilities`, `<role>.connections`.

The login check opens one session (the first listed mailbox through the admin account, or the admin's
own mailbox), the capabilities check explains what the server offers for this migration, and the
connection check opens as many sessions at once as the migration will, then closes them, and says how
many worked.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable
from pathlib import Path

from engine.checks.framework import (
    CANCELLED,
    CheckContext,
    Verdict,
    failed,
    not_applicable,
    passed,
    skipped,
    what_and_cause,
)
from engine.checks.sessions import capabilities_of, open_session, probe_address
from engine.connectors import Connector
from engine.endpoints import AdminLoginStyle, Endpoint, EndpointKind
from engine.errors import MailstageError
from engine.text import T, Text, clause, join


def _logged_in(endpoint: Endpoint, address: str, milliseconds: float) -> Text:
    """How the login check got in, and how long it took."""
    if endpoint.kind is EndpointKind.M365:
        return T("{address} signed in with OAuth2 in {ms:.0f} ms.", address=address, ms=milliseconds)
    if endpoint.admin_user and address != endpoint.admin_user:
        style: str = {
            AdminLoginStyle.SASL: T("SASL PLAIN on behalf of the mailbox"),
            AdminLoginStyle.DOVECOT: "user*admin",
            AdminLoginStyle.EXCHANGE: "DOMAIN/admin/mailbox",
        }[endpoint.admin_style]
        return T(
            "The admin account {admin} opened {address} ({style}) in {ms:.0f} ms.",
            admin=endpoint.admin_user,
            address=address,
            style=style,
            ms=milliseconds,
        )
    if endpoint.admin_user:
        return T(
            "The admin account {admin} logged in in {ms:.0f} ms.", admin=endpoint.admin_user, ms=milliseconds
        )
    return T("{address} logged in with its own password in {ms:.0f} ms.", address=address, ms=milliseconds)


def describe_size(size: int) -> str:
    """Bytes the way people read them: 850 bytes, 12.3 KB, 35.2 MB, 1.4 GB (powers of 1024)."""
    value = float(size)
    for unit in ("bytes", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return T("{size} bytes", size=size) if unit == "bytes" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} TB"  # pragma: no cover - the loop returns at GB


def _login_fix(endpoint: Endpoint, error: MailstageError) -> str:
    if error.code == "imap.login_failed" and endpoint.admin_user:
        return T(
            "Check the admin password of endpoint {name} (enter it again with mailstage-cli endpoint add {name} ... "
            "--password-stdin) and that {admin} may open other users' mailboxes (Exchange: FullAccess or the admin "
            "role; Dovecot: a master user).",
            name=endpoint.name,
            admin=endpoint.admin_user,
        )
    return error.fix


def check_login(
    role: str, endpoint: Endpoint, mailboxes: list[str], timeout_hint: float = 10.0
) -> Callable[[CheckContext], Verdict]:
    """`<role>.login`: the admin (or the first listed mailbox) logs in; capabilities go out as data."""

    def run(ctx: CheckContext) -> Verdict:
        address = probe_address(endpoint, mailboxes)
        if endpoint.kind is EndpointKind.MAILDIR:
            return _check_folder(role, endpoint)
        if address is None:
            return skipped(
                T(
                    "Nothing to log in with: endpoint {name} has no admin account, and no mailbox list was given "
                    "(each mailbox logs in with its own password from the list).",
                    name=endpoint.name,
                )
            )
        started = time.monotonic()
        try:
            with open_session(
                endpoint, address, role, timeout=ctx.io_timeout(timeout_hint), cancel=ctx.cancel
            ) as session:
                milliseconds = (time.monotonic() - started) * 1000
                capabilities = sorted(capabilities_of(session))
                append_limit = session.features.append_limit
        except MailstageError as error:
            return failed(what_and_cause(error), _login_fix(endpoint, error))
        return passed(
            _logged_in(endpoint, address, milliseconds),
            capabilities=capabilities,
            append_limit=append_limit,
            address=address,
        )

    return run


def _check_folder(role: str, endpoint: Endpoint) -> Verdict:
    """A Maildir endpoint has no login: its folder must exist (source) or be creatable (target)."""
    folder = Path(endpoint.path)
    if folder.is_dir():
        if os.access(folder, os.R_OK | os.X_OK) and (role == "source" or os.access(folder, os.W_OK)):
            if role == "source":
                return passed(T("The folder {folder} exists and can be read.", folder=str(folder)))
            return passed(T("The folder {folder} exists and can be written.", folder=str(folder)))
        if role == "source":
            return failed(
                T("The folder {folder} exists but this account may not read it.", folder=str(folder)),
                T("Give your Windows account read permission on {folder}.", folder=str(folder)),
            )
        return failed(
            T("The folder {folder} exists but this account may not write it.", folder=str(folder)),
            T("Give your Windows account write permission on {folder}.", folder=str(folder)),
        )
    if role == "target":
        parent = next((p for p in folder.parents if p.is_dir()), None)
        if parent is not None and os.access(parent, os.W_OK):
            return passed(
                T(
                    "The folder {folder} does not exist yet; it will be created in {parent}.",
                    folder=str(folder),
                    parent=str(parent),
                )
            )
    return failed(
        T("The folder {folder} does not exist.", folder=str(folder)),
        T(
            "Correct the endpoint's URL ({url}) or create the folder.",
            url=f"maildir:///{folder.as_posix().lstrip('/')}",
        ),
    )


# What each capability means for this migration, per role.
_TARGET_MEANINGS: list[tuple[str, Text, Text]] = [
    (
        "UIDPLUS",
        T("UIDPLUS: the target names each copied message at once, so an interrupted copy resumes exactly"),
        T(
            "no UIDPLUS: resuming after an interruption is slower (copied messages are found again by Message-ID)"
        ),
    ),
    (
        "MULTIAPPEND",
        T("MULTIAPPEND: several messages go in one command"),
        T("no MULTIAPPEND: one command per message, slower over a long distance"),
    ),
    (
        "LITERAL+",
        T("LITERAL+: messages are sent without waiting for the server's go-ahead"),
        T("no LITERAL+: one extra round trip per message"),
    ),
    (
        "SPECIAL-USE",
        T("SPECIAL-USE: Sent, Trash, Drafts and Junk are recognised by their role"),
        T("no SPECIAL-USE: folders are matched by name (Sent Items, Verzonden items...)"),
    ),
]
_SOURCE_MEANINGS: list[tuple[str, Text, Text]] = [
    (
        "SPECIAL-USE",
        T("SPECIAL-USE: Sent, Trash, Drafts and Junk are recognised by their role"),
        T("no SPECIAL-USE: folders are mapped by name (Verzonden items, Sent Items...)"),
    ),
    (
        "CONDSTORE",
        T("CONDSTORE: an incremental sync sees at once which folders changed"),
        T("no CONDSTORE: each incremental sync lists every folder again (slower for large mailboxes)"),
    ),
]


def check_capabilities(role: str, login_key: tuple[str, str]) -> Callable[[CheckContext], Verdict]:
    """`<role>.capabilities`: what the server offers and what each means for this migration."""

    def run(ctx: CheckContext) -> Verdict:
        login = ctx.dependency(login_key)
        if "capabilities" not in login.data:
            return not_applicable(
                T("Not applicable: a folder on this computer has no capabilities to check.")
            )
        capabilities = {str(cap).upper() for cap in login.data.get("capabilities", [])}
        if "QRESYNC" in capabilities:
            capabilities.add("CONDSTORE")
        meanings = _TARGET_MEANINGS if role == "target" else _SOURCE_MEANINGS
        parts = [have if name in capabilities else missing for name, have, missing in meanings]
        if role == "target":
            limit = int(login.data.get("append_limit", 0))
            parts.append(
                T(
                    "APPENDLIMIT={limit}: the largest message the target takes is {size}",
                    limit=limit,
                    size=describe_size(limit),
                )
                if limit
                else T(
                    "no APPENDLIMIT: the target does not say how large a message may be (a refusal is reported per "
                    "message)"
                )
            )
        listed = " ".join(sorted(capabilities))
        return passed(
            T("{meanings}. Offered: {listed}.", meanings=join("; ", parts), listed=listed),
            capabilities=sorted(capabilities),
        )

    return run


def check_connections(
    role: str, endpoint: Endpoint, mailboxes: list[str], planned: int, login_key: tuple[str, str]
) -> Callable[[CheckContext], Verdict]:
    """`<role>.connections`: PLANNED sessions open at once, then closed; fewer -> say how many worked."""

    def run(ctx: CheckContext) -> Verdict:
        if endpoint.kind is EndpointKind.MAILDIR:
            return not_applicable(T("Not applicable: a folder on this computer has no connection limit."))
        address = str(ctx.dependency(login_key).data.get("address") or probe_address(endpoint, mailboxes))
        stopped_by: str = ""
        alive = 0
        dropped = 0
        with contextlib.ExitStack() as held:
            sessions: list[Connector] = []
            for number in range(1, planned + 1):
                if ctx.cancelled:
                    return skipped(CANCELLED)
                try:
                    sessions.append(
                        held.enter_context(
                            open_session(
                                endpoint, address, role, timeout=ctx.io_timeout(10.0), cancel=ctx.cancel
                            )
                        )
                    )
                except MailstageError as error:
                    stopped_by = T(
                        "session {number} was refused: {reason}",
                        number=number,
                        reason=clause(error.cause or error.what),
                    )
                    break
                ctx.progress(
                    T("{number} of {planned} sessions open", number=number, planned=planned), number / planned
                )
            # A server may accept a login and drop the connection right after (a process limit):
            # only sessions that still answer count.
            for session in sessions:
                try:
                    session.status(["INBOX"])
                    alive += 1
                except MailstageError:
                    dropped += 1
        if dropped and not stopped_by:
            stopped_by = (
                T("{count} sessions were dropped by the server after login", count=dropped)
                if dropped != 1
                else T("1 session was dropped by the server after login")
            )
        elif dropped:
            stopped_by = T("{reason}; {count} more dropped after login", reason=stopped_by, count=dropped)
        if alive >= planned:
            return passed(
                T(
                    "{planned} sessions were open at once (the planned concurrency) and closed again.",
                    planned=planned,
                ),
                worked=alive,
            )
        if alive == 0:
            return failed(
                T("Not one extra session could be opened: {reason}.", reason=stopped_by),
                T(
                    "Check the server's connection limits for {address} and that no other program holds its sessions.",
                    address=address,
                ),
                worked=0,
            )
        where = (
            "Dovecot: mail_max_userip_connections; Exchange: Set-ImapSettings -MaxConnectionsPerUser and "
            "-MaxConnectionFromSingleIP"
        )
        return failed(
            T(
                "Only {alive} of {planned} sessions could be open at once: {reason}.",
                alive=alive,
                planned=planned,
                reason=stopped_by,
            ),
            T(
                "Raise the server's connection limit to at least {planned} ({where}) or lower Maximum concurrent "
                "migrations to {alive}.",
                planned=planned,
                where=where,
                alive=alive,
            ),
            worked=alive,
        )

    return run
