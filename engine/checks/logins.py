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

from engine.checks.framework import CheckContext, Verdict, failed, not_applicable, passed, skipped
from engine.checks.sessions import capabilities_of, open_session, probe_address
from engine.connectors import Connector
from engine.endpoints import AdminLoginStyle, Endpoint, EndpointKind
from engine.errors import MailstageError


def _login_how(endpoint: Endpoint, address: str) -> str:
    if endpoint.kind is EndpointKind.M365:
        return f"{address} signed in with OAuth2"
    if endpoint.admin_user and address != endpoint.admin_user:
        style = {
            AdminLoginStyle.SASL: "SASL PLAIN on behalf of the mailbox",
            AdminLoginStyle.DOVECOT: "user*admin",
            AdminLoginStyle.EXCHANGE: "DOMAIN/admin/mailbox",
        }[endpoint.admin_style]
        return f"the admin account {endpoint.admin_user} opened {address} ({style})"
    if endpoint.admin_user:
        return f"the admin account {endpoint.admin_user} logged in"
    return f"{address} logged in with its own password"


def describe_size(size: int) -> str:
    """Bytes the way people read them: 850 bytes, 12.3 KB, 35.2 MB, 1.4 GB (powers of 1024)."""
    value = float(size)
    for unit in ("bytes", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{size} bytes" if unit == "bytes" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} TB"  # pragma: no cover - the loop returns at GB


def _login_fix(endpoint: Endpoint, error: MailstageError) -> str:
    if error.code == "imap.login_failed" and endpoint.admin_user:
        return (
            f"Check the admin password of endpoint {endpoint.name} (enter it again with mailstage-cli endpoint add "
            f"{endpoint.name} ... --password-stdin) and that {endpoint.admin_user} may open other users' mailboxes "
            "(Exchange: FullAccess or the admin role; Dovecot: a master user)."
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
                f"Nothing to log in with: endpoint {endpoint.name} has no admin account, and no mailbox list was "
                "given (each mailbox logs in with its own password from the list)."
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
            return failed(f"{error.what} {error.cause}".strip(), _login_fix(endpoint, error))
        how = _login_how(endpoint, address)
        return passed(
            f"{how[:1].upper()}{how[1:]} in {milliseconds:.0f} ms.",
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
            return passed(
                f"The folder {folder} exists and can be {'read' if role == 'source' else 'written'}."
            )
        return failed(
            f"The folder {folder} exists but this account may not {'read' if role == 'source' else 'write'} it.",
            f"Give your Windows account {'read' if role == 'source' else 'write'} permission on {folder}.",
        )
    if role == "target":
        parent = next((p for p in folder.parents if p.is_dir()), None)
        if parent is not None and os.access(parent, os.W_OK):
            return passed(f"The folder {folder} does not exist yet; it will be created in {parent}.")
    return failed(
        f"The folder {folder} does not exist.",
        f"Correct the endpoint's URL (maildir:///{folder.as_posix().lstrip('/')}) or create the folder.",
    )


# What each capability means for this migration, per role.
_TARGET_MEANINGS: list[tuple[str, str, str]] = [
    (
        "UIDPLUS",
        "UIDPLUS: the target names each copied message at once, so an interrupted copy resumes exactly",
        "no UIDPLUS: resuming after an interruption is slower (copied messages are found again by Message-ID)",
    ),
    (
        "MULTIAPPEND",
        "MULTIAPPEND: several messages go in one command",
        "no MULTIAPPEND: one command per message, slower over a long distance",
    ),
    (
        "LITERAL+",
        "LITERAL+: messages are sent without waiting for the server's go-ahead",
        "no LITERAL+: one extra round trip per message",
    ),
    (
        "SPECIAL-USE",
        "SPECIAL-USE: Sent, Trash, Drafts and Junk are recognised by their role",
        "no SPECIAL-USE: folders are matched by name (Sent Items, Verzonden items...)",
    ),
]
_SOURCE_MEANINGS: list[tuple[str, str, str]] = [
    (
        "SPECIAL-USE",
        "SPECIAL-USE: Sent, Trash, Drafts and Junk are recognised by their role",
        "no SPECIAL-USE: folders are mapped by name (Verzonden items, Sent Items...)",
    ),
    (
        "CONDSTORE",
        "CONDSTORE: an incremental sync sees at once which folders changed",
        "no CONDSTORE: each incremental sync lists every folder again (slower for large mailboxes)",
    ),
]


def check_capabilities(role: str, login_key: tuple[str, str]) -> Callable[[CheckContext], Verdict]:
    """`<role>.capabilities`: what the server offers and what each means for this migration."""

    def run(ctx: CheckContext) -> Verdict:
        login = ctx.dependency(login_key)
        if "capabilities" not in login.data:
            return not_applicable("Not applicable: a folder on this computer has no capabilities to check.")
        capabilities = {str(cap).upper() for cap in login.data.get("capabilities", [])}
        if "QRESYNC" in capabilities:
            capabilities.add("CONDSTORE")
        meanings = _TARGET_MEANINGS if role == "target" else _SOURCE_MEANINGS
        parts = [have if name in capabilities else missing for name, have, missing in meanings]
        if role == "target":
            limit = int(login.data.get("append_limit", 0))
            parts.append(
                f"APPENDLIMIT={limit}: the largest message the target takes is {describe_size(limit)}"
                if limit
                else "no APPENDLIMIT: the target does not say how large a message may be (a refusal is reported "
                "per message)"
            )
        listed = " ".join(sorted(capabilities))
        return passed("; ".join(parts) + f". Offered: {listed}.", capabilities=sorted(capabilities))

    return run


def check_connections(
    role: str, endpoint: Endpoint, mailboxes: list[str], planned: int, login_key: tuple[str, str]
) -> Callable[[CheckContext], Verdict]:
    """`<role>.connections`: PLANNED sessions open at once, then closed; fewer -> say how many worked."""

    def run(ctx: CheckContext) -> Verdict:
        if endpoint.kind is EndpointKind.MAILDIR:
            return not_applicable("Not applicable: a folder on this computer has no connection limit.")
        address = str(ctx.dependency(login_key).data.get("address") or probe_address(endpoint, mailboxes))
        stopped_by = ""
        alive = 0
        dropped = 0
        with contextlib.ExitStack() as held:
            sessions: list[Connector] = []
            for number in range(1, planned + 1):
                if ctx.cancelled:
                    return skipped("Cancelled before it finished.")
                try:
                    sessions.append(
                        held.enter_context(
                            open_session(
                                endpoint, address, role, timeout=ctx.io_timeout(10.0), cancel=ctx.cancel
                            )
                        )
                    )
                except MailstageError as error:
                    stopped_by = f"session {number} was refused: {(error.cause or error.what).rstrip('.')}"
                    break
                ctx.progress(f"{number} of {planned} sessions open", number / planned)
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
                f"{dropped} session{'s were' if dropped != 1 else ' was'} dropped by the server after login"
            )
        elif dropped:
            stopped_by += f"; {dropped} more dropped after login"
        if alive >= planned:
            return passed(
                f"{planned} sessions were open at once (the planned concurrency) and closed again.",
                worked=alive,
            )
        if alive == 0:
            return failed(
                f"Not one extra session could be opened: {stopped_by}.",
                f"Check the server's connection limits for {address} and that no other program holds its sessions.",
                worked=0,
            )
        where = (
            "Dovecot: mail_max_userip_connections; Exchange: Set-ImapSettings -MaxConnectionsPerUser and "
            "-MaxConnectionFromSingleIP"
        )
        return failed(
            f"Only {alive} of {planned} sessions could be open at once: {stopped_by}.",
            f"Raise the server's connection limit to at least {planned} ({where}) or lower Maximum concurrent "
            f"migrations to {alive}.",
            worked=alive,
        )

    return run
