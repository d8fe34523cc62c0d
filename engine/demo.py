"""The built-in demo: a small company's old mail server as local Maildirs, migrated to a local target.

Five users with the folders of a Dutch Exchange 2007 mailbox and a few hundred messages (some with
attachments, some flagged, answered or unread) are written under the demo folder as the "old server";
a staged migration batch copies them to the "new server" folder with the same engine, reports and
verification as a real migration. Nothing leaves the computer and no password is needed.
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path

from engine.batches import BatchEvent, BatchRunner, create_batch
from engine.connectors.base import Account, OutgoingMessage
from engine.connectors.body import MemoryBody
from engine.connectors.dates import format_internaldate
from engine.connectors.maildir import MaildirConnector
from engine.endpoints import Endpoint, EndpointKind
from engine.paths import state_home
from engine.reports import BatchSummary
from engine.store import NewBatchMailbox, StateStore

DEMO_DOMAIN = "voorbeeld-bv.nl"
DEMO_BATCH = "Demo"
DEMO_USERS = (
    ("jan.devries", "Jan de Vries"),
    ("els.bakker", "Els Bakker"),
    ("piet.jansen", "Piet Jansen"),
    ("anouk.visser", "Anouk Visser"),
    ("sanne.smit", "Sanne Smit"),
)
# Folder path, share of the messages. Agenda is an Exchange calendar seen over IMAP: left out of the copy.
DEMO_FOLDERS: tuple[tuple[tuple[str, ...], int], ...] = (
    ((), 30),  # INBOX
    (("Postvak IN", "Klanten"), 10),
    (("Verzonden items",), 20),
    (("Verwijderde items",), 8),
    (("Concepten",), 2),
    (("Ongewenste e-mail",), 4),
    (("Projecten",), 6),
    (("Projecten", "Offerte 2026"), 6),
    (("Archief 2024",), 12),
    (("Agenda",), 2),
)
SUBJECTS = (
    "Offerte kantoorinrichting",
    "Factuur {n} van november",
    "Agenda overleg dinsdag",
    "Notulen teamoverleg",
    "Planning migratie nieuwe mailserver",
    "Re: levering bureaustoelen",
    "Herinnering: jaarrapport inleveren",
    "Welkom bij het project",
    "Vraag over contract {n}",
    "Bestelling {n} verzonden",
)
SENTENCES = (
    "Hierbij stuur ik u de gevraagde gegevens.",
    "Kunt u laten weten of dit zo akkoord is?",
    "Zoals besproken in het overleg van vorige week.",
    "De bijlage bevat het overzicht van dit kwartaal.",
    "Met vriendelijke groet, en tot volgende week.",
    "Wij verwachten de levering eind van de maand.",
    "Graag ontvang ik uw reactie voor vrijdag.",
)


@dataclass(frozen=True)
class DemoResult:
    """Where the demo put things, and what the batch did."""

    folder: Path
    summary: BatchSummary
    reports: Path

    @property
    def exit_code(self) -> int:
        return 0 if self.summary.failed == 0 else 1


def demo_addresses() -> list[str]:
    return [f"{user}@{DEMO_DOMAIN}" for user, _ in DEMO_USERS]


def _message(rng: random.Random, n: int, user: str, name: str, sent: bool, when: dt.datetime) -> bytes:
    other_user, other_name = rng.choice(DEMO_USERS)
    message = EmailMessage()
    me, them = f"{name} <{user}@{DEMO_DOMAIN}>", f"{other_name} <{other_user}@{DEMO_DOMAIN}>"
    message["From"], message["To"] = (me, them) if sent else (them, me)
    message["Subject"] = rng.choice(SUBJECTS).format(n=1000 + n)
    message["Date"] = format_datetime(when)
    message["Message-ID"] = make_msgid(idstring=f"demo{n}", domain=DEMO_DOMAIN)
    body = " ".join(rng.choice(SENTENCES) for _ in range(rng.randint(2, 6)))
    message.set_content(
        f"Beste {other_name.split()[0] if sent else name.split()[0]},\n\n{body}\n\n{name if sent else other_name}\n"
    )
    if rng.random() < 0.15:
        attachment = rng.randbytes(rng.randint(2_000, 40_000))
        message.add_attachment(
            attachment, maintype="application", subtype="pdf", filename=f"overzicht-{n}.pdf"
        )
    return message.as_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")


def build_demo_source(root: Path, *, messages_per_user: int = 80, seed: int = 2026) -> list[str]:
    """Write the demo's old mail server under ROOT (one Maildir per user); returns the addresses."""
    rng = random.Random(seed)
    endpoint = Endpoint("demo-old", EndpointKind.MAILDIR, path=str(root))
    weight = sum(share for _, share in DEMO_FOLDERS)
    start = dt.datetime(2024, 1, 8, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    n = 0
    for user, name in DEMO_USERS:
        address = f"{user}@{DEMO_DOMAIN}"
        connector = MaildirConnector(Account(endpoint, address), role="target").open()
        try:
            for path, share in DEMO_FOLDERS:
                folder = connector.open_folder(connector.ensure_folder(path) if path else "INBOX")
                outgoing = []
                for _ in range(max(1, messages_per_user * share // weight)):
                    n += 1
                    when = start + dt.timedelta(minutes=rng.randrange(60 * 24 * 600))
                    raw = _message(rng, n, user, name, path == ("Verzonden items",), when)
                    flags = rng.choice(
                        ((), ("\\Seen",), ("\\Seen",), ("\\Seen", "\\Answered"), ("\\Seen", "\\Flagged"))
                    )
                    outgoing.append(
                        OutgoingMessage(MemoryBody(raw), flags, format_internaldate(when.timestamp()))
                    )
                connector.append(folder, outgoing)
        finally:
            connector.close()
    return [f"{user}@{DEMO_DOMAIN}" for user, _ in DEMO_USERS]


def run_demo(
    folder: Path | None = None,
    *,
    events: Callable[[BatchEvent], None] | None = None,
    concurrency: int = 3,
) -> DemoResult:
    """Build the demo's old server in FOLDER (default: the state folder's "demo"), start afresh, and run
    a complete staged migration batch to a local new server; returns where everything is."""
    folder = Path(folder) if folder else state_home() / "demo"
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    old, new = folder / "old-server", folder / "new-server"
    addresses = build_demo_source(old)
    new.mkdir()
    store = StateStore(folder / "demo-state.sqlite3")
    try:
        source = Endpoint("demo-old-server", EndpointKind.MAILDIR, path=str(old), max_concurrent=concurrency)
        target = Endpoint("demo-new-server", EndpointKind.MAILDIR, path=str(new), max_concurrent=concurrency)
        store.save_endpoint(source)
        store.save_endpoint(target)
        create_batch(store, DEMO_BATCH, source, target, [NewBatchMailbox(a) for a in addresses])
        runner = BatchRunner(
            store, DEMO_BATCH, events=events, concurrency=concurrency, reports=folder / "reports"
        )
        summary = runner.run()
    finally:
        store.close()
    return DemoResult(folder, summary, folder / "reports")
