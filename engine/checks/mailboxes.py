"""Per-mailbox checks: `mailbox.source_access`, `mailbox.target_exists` (directory sync), `mailbox.size`.

Each opens its own session (read-only on the source; only a login on the target), within the
server's `SessionSlots`, so a long list is checked a few mailboxes at a time without tripping the
server's connection limit.
"""

from __future__ import annotations

import email.parser
import email.policy
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from engine.checks.framework import CheckContext, CheckKey, Verdict, failed, passed, warned, what_and_cause
from engine.checks.logins import describe_size
from engine.checks.sessions import SessionSlots, open_session
from engine.connectors.base import Connector, ListingRequest
from engine.connectors.dates import internaldate_day
from engine.endpoints import Endpoint, EndpointKind
from engine.errors import MailstageError
from engine.text import T, Text, join

LISTED_TOO_LARGE = 10  # messages named in the evidence; the rest are counted


@dataclass(frozen=True)
class MessageSummary:
    """What identifies a message to a person: folder, subject, date, size."""

    folder: str
    subject: str
    date: str
    size: int

    def describe(self) -> Text:
        return T(
            "{folder}: '{subject}' ({date}, {size})",
            folder=self.folder,
            subject=self.subject,
            date=self.date,
            size=describe_size(self.size),
        )


def header_summary(header: bytes) -> tuple[str, str]:
    """Subject and Date of a message header (RFC 2047 decoded), '(no subject)' when empty."""
    parsed = email.parser.BytesParser(policy=email.policy.default).parsebytes(header, headersonly=True)
    try:
        subject = str(parsed.get("Subject", "") or "")
    except Exception:  # a broken encoded word must not hide the message
        subject = header.split(b"Subject:", 1)[-1].split(b"\r\n", 1)[0].decode("utf-8", "replace").strip()
    try:
        date = str(parsed.get("Date", "") or "")
    except Exception:
        date = ""
    return " ".join(subject.split()) or T("(no subject)"), date


def summarise(connector: Connector, folder: str, uids: Sequence[int]) -> list[MessageSummary]:
    """Subject, date and size of UIDS in FOLDER (one header fetch)."""
    out: list[MessageSummary] = []
    for info in connector.fetch_headers(folder, list(uids)):
        subject, date = header_summary(info.header)
        out.append(MessageSummary(folder, subject, date or info.internaldate, info.size))
    return out


def _server_said(error: MailstageError) -> str:
    """The server's own words from a refused login ("The server said: ..."), or the whole cause."""
    cause = error.cause
    said = cause.params.get("said") if isinstance(cause, Text) else None
    if isinstance(said, Text) and said.startswith("The server said:"):
        return said  # the connector's own piece: still translatable
    at = cause.find("The server said:")
    return cause[at:] if at > 0 else cause


def _with_server_said(sentence: Text, error: MailstageError) -> str:
    """SENTENCE followed by what the server said (when it said anything)."""
    said = _server_said(error)
    if not isinstance(said, Text):  # .strip() would make a Text plain English
        said = said.strip()
    return T("{sentence} {server_said}", sentence=sentence, server_said=said) if said else sentence


def _session_slot(ctx: CheckContext, slots: SessionSlots, connections_key: CheckKey | None) -> None:
    """Narrow the slots to what the connection check found the server allows."""
    if connections_key is not None:
        worked = ctx.dependency(connections_key).data.get("worked")
        if isinstance(worked, int) and worked > 0:
            slots.narrow(worked)


def check_source_access(
    endpoint: Endpoint, address: str, slots: SessionSlots, connections_key: CheckKey | None, login: str = ""
) -> Callable[[CheckContext], Verdict]:
    """`mailbox.source_access`: the mailbox opens on the source (admin access) and lists its folders."""

    def run(ctx: CheckContext) -> Verdict:
        _session_slot(ctx, slots, connections_key)
        with slots.slot(ctx.remaining(), ctx.cancel):
            try:
                with open_session(
                    endpoint, address, "source", timeout=ctx.io_timeout(10.0), cancel=ctx.cancel, login=login
                ) as session:
                    folders = [folder for folder in session.list_folders() if folder.selectable]
            except MailstageError as error:
                if error.code != "imap.login_failed":
                    return failed(what_and_cause(error), error.fix)
                if endpoint.admin_user:
                    return failed(
                        _with_server_said(
                            T(
                                "{address} cannot be opened on the source, although the admin account itself works.",
                                address=address,
                            ),
                            error,
                        ),
                        T(
                            "Give {admin} full access to {address} on the source (Exchange: Add-MailboxPermission "
                            "{address} -User {admin} -AccessRights FullAccess) and check that {address} is spelled "
                            "as the source knows it; or remove it from the list.",
                            admin=endpoint.admin_user,
                            address=address,
                        ),
                    )
                return failed(
                    _with_server_said(
                        T(
                            "{address} cannot be opened on the source, although the server itself works.",
                            address=address,
                        ),
                        error,
                    ),
                    T(
                        "Correct the password of {address} in the mailbox list, or remove it from the list.",
                        address=address,
                    ),
                )
        if endpoint.admin_user:
            evidence = T(
                "{address} opens on the source with the admin account {admin}: {count} folders.",
                address=address,
                admin=endpoint.admin_user,
                count=len(folders),
            )
        else:
            evidence = T(
                "{address} opens on the source with its own password: {count} folders.",
                address=address,
                count=len(folders),
            )
        return passed(evidence, folders=len(folders))

    return run


def check_target_exists(
    endpoint: Endpoint, address: str, slots: SessionSlots, connections_key: CheckKey | None, login: str = ""
) -> Callable[[CheckContext], Verdict]:
    """`mailbox.target_exists`: a mailbox for the address exists on the target (directory sync done)."""

    def run(ctx: CheckContext) -> Verdict:
        _session_slot(ctx, slots, connections_key)
        with slots.slot(ctx.remaining(), ctx.cancel):
            try:
                with open_session(
                    endpoint, address, "target", timeout=ctx.io_timeout(10.0), cancel=ctx.cancel, login=login
                ):
                    pass
            except MailstageError as error:
                if error.code != "imap.login_failed":
                    return failed(what_and_cause(error), error.fix)
                if endpoint.kind is EndpointKind.M365:
                    fix = T(
                        "Create {address} in Microsoft 365 (directory synchronisation with Microsoft Entra Connect, "
                        "or the admin center) and give it a licence with Exchange Online, then run the checks again.",
                        address=address,
                    )
                else:
                    fix = T(
                        "Create the mailbox {address} on the target (directory synchronisation must create every "
                        "listed user before its mail can be copied), then run the checks again.",
                        address=address,
                    )
                return failed(
                    _with_server_said(
                        T(
                            "There is no mailbox {address} on the target that Mailstage can open (the target refused "
                            "it while the account that checks it works).",
                            address=address,
                        ),
                        error,
                    ),
                    fix,
                )
        return passed(T("{address} exists on the target and opens.", address=address))

    return run


def check_size(
    source: Endpoint,
    address: str,
    slots: SessionSlots,
    target_limit: Callable[[CheckContext], int],
    login: str = "",
) -> Callable[[CheckContext], Verdict]:
    """`mailbox.size`: folders, messages and bytes on the source; messages too large for the target."""

    def run(ctx: CheckContext) -> Verdict:
        limit = target_limit(ctx)
        with (
            slots.slot(ctx.remaining(), ctx.cancel),
            open_session(
                source, address, "source", timeout=ctx.io_timeout(30.0), cancel=ctx.cancel, login=login
            ) as session,
        ):
            folders = [folder.name for folder in session.list_folders() if folder.selectable]
            listings = (
                session.list_messages([ListingRequest(folder) for folder in folders]) if folders else {}
            )
            messages = 0
            total = 0
            largest = 0
            too_large: dict[str, list[int]] = {}
            by_month: dict[str, list[int]] = {}  # "2024-03" -> [messages, bytes], for a date range
            for folder, listing in listings.items():
                for message in listing.new:
                    messages += 1
                    total += message.size
                    day = internaldate_day(message.internaldate)
                    month = by_month.setdefault(f"{day:%Y-%m}" if day else "", [0, 0])
                    month[0] += 1
                    month[1] += message.size
                    largest = max(largest, message.size)
                    if limit and message.size > limit:
                        too_large.setdefault(folder, []).append(message.uid)
            named: list[MessageSummary] = []
            for folder, uids in too_large.items():
                if len(named) < LISTED_TOO_LARGE:
                    named += summarise(session, folder, uids[: LISTED_TOO_LARGE - len(named)])
        count_large = sum(len(uids) for uids in too_large.values())
        evidence = T(
            "{folders} folders, {messages} messages, {size} on the source; largest message {largest}.",
            folders=len(folders),
            messages=messages,
            size=describe_size(total),
            largest=describe_size(largest),
        )
        data = {
            "folders": len(folders),
            "messages": messages,
            "bytes": total,
            "too_large": count_large,
            "by_month": by_month,
        }
        if count_large:
            listed: str = join("; ", (summary.describe() for summary in named))
            if count_large > len(named):
                listed = T("{listed} and {count} more", listed=listed, count=count_large - len(named))
            if count_large == 1:
                too_large_text = T(
                    "1 message is larger than the target accepts ({limit}) and will be skipped and reported: "
                    "{listed}.",
                    limit=describe_size(limit),
                    listed=listed,
                )
            else:
                too_large_text = T(
                    "{count} messages are larger than the target accepts ({limit}) and will be skipped and "
                    "reported: {listed}.",
                    count=count_large,
                    limit=describe_size(limit),
                    listed=listed,
                )
            return warned(
                T("{evidence} {too_large}", evidence=evidence, too_large=too_large_text),
                T(
                    "Ask the user of {address} to save these attachments elsewhere and delete the messages before "
                    "the copy, or raise the target's message size limit; otherwise they stay on the old server only.",
                    address=address,
                ),
                **data,
            )
        return passed(evidence, **data)

    return run
