"""A deterministic (seeded) generator of realistic mailboxes, and a helper that seeds them into IMAP.

The same seed always gives the same bytes. The tree imitates an old Exchange mailbox seen over IMAP:
the Dutch default folders, nested folders, non-ASCII names (modified UTF-7 on the wire), a name that
contains another server's hierarchy separator, and the non-mail folders Agenda and Contactpersonen.
The messages cover what breaks naive copiers: HTML with attachments, RFC 2047 and raw 8-bit UTF-8
headers, very long lines, no Message-ID, a shared Message-ID, bare LF line ends and a large message.
"""

from __future__ import annotations

import base64
import datetime as dt
import random
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

FolderPath = tuple[str, ...]

# The tree of an old Dutch Exchange mailbox, with the share of messages each folder receives.
DUTCH_TREE: list[tuple[FolderPath, int]] = [
    (("INBOX",), 30),  # Exchange's IMAP shows Postvak IN as INBOX; some exports keep the Dutch name
    (("Postvak IN",), 6),
    (("Postvak IN", "Klanten"), 8),
    (("Postvak IN", "Klanten", "Noord"), 4),
    (("Verzonden items",), 14),
    (("Verwijderde items",), 6),
    (("Concepten",), 2),
    (("Ongewenste e-mail",), 3),
    (("Postvak UIT",), 1),
    (("Projecten",), 5),
    (("Projecten", "Offerte v1.2"), 4),  # '.' is the separator of many targets
    (("Privé",), 5),
    (("Privé", "Reçus & Überweisungen"), 3),
    (("Archief 2019",), 6),
    (("Agenda",), 1),  # not mail: must stay out of the mail copy
    (("Contactpersonen",), 1),  # not mail
]

WORDS = [
    "offerte",
    "factuur",
    "planning",
    "overleg",
    "project",
    "klant",
    "levering",
    "contract",
    "afspraak",
    "budget",
    "rapport",
    "migratie",
    "server",
    "postvak",
    "agenda",
    "vergadering",
    "notulen",
    "bestelling",
    "voorstel",
    "herinnering",
    "status",
    "quarterly",
    "review",
    "meeting",
    "invoice",
    "proposal",
    "schedule",
    "delivery",
    "report",
    "update",
    "Müller",
    "café",
    "één",
]
FLAG_CHOICES = (
    (),
    ("\\Seen",),
    ("\\Seen",),
    ("\\Seen", "\\Answered"),
    ("\\Seen", "\\Flagged"),
    ("\\Flagged",),
    ("\\Seen", "$Forwarded"),
    ("\\Seen", "$Label1"),
)
KINDS = ("plain", "html_attachment", "rfc2047", "utf8_raw", "long_lines", "plain", "bare_lf", "plain")


@dataclass(frozen=True)
class CorpusMessage:
    """One message as it is appended, with its flags and INTERNALDATE."""

    raw: bytes
    flags: tuple[str, ...]
    internaldate: dt.datetime
    kind: str
    message_id: str | None

    @property
    def wire(self) -> bytes:
        """The bytes an IMAP server gives back: every line ending CRLF."""
        return crlf(self.raw)


@dataclass
class CorpusFolder:
    path: FolderPath
    messages: list[CorpusMessage] = field(default_factory=list)


def crlf(data: bytes) -> bytes:
    """DATA with bare LF line ends turned into CRLF (CRLF left as it is)."""
    return data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")


class CorpusGenerator:
    """Generates messages and folder trees; everything follows from the seed."""

    def __init__(self, seed: int = 1, domain: str = "example.nl") -> None:
        self.seed = seed
        self.domain = domain
        self._rng = random.Random(seed)
        self._counter = 0

    # -- messages ---------------------------------------------------------------------------

    def message(
        self, kind: str | None = None, *, message_id: str | bool | None = True, size: int = 0
    ) -> CorpusMessage:
        """One message of KIND (cycled when None). MESSAGE_ID: True = a fresh one, a string = that one,
        None/False = no Message-ID header. SIZE > 0 makes a message of about that many bytes."""
        rng = self._rng
        self._counter += 1
        n = self._counter
        kind = kind or KINDS[n % len(KINDS)]
        if size:
            kind = "large"
        if message_id is True:
            mid: str | None = f"<{self.seed}.{n}.{rng.randrange(10**9)}@{self.domain}>"
        elif isinstance(message_id, str):
            mid = message_id
        else:
            mid = None
        date = dt.datetime(2019, 1, 1, tzinfo=dt.UTC) + dt.timedelta(seconds=rng.randrange(7 * 365 * 86400))
        date = date.astimezone(dt.timezone(dt.timedelta(hours=rng.choice((1, 2)))))
        sender = f"{rng.choice(('jan', 'els', 'piet', 'anouk', 'sanne'))}.{n}@{self.domain}"
        subject = " ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 6)))
        headers = [
            f"From: {sender}",
            f"To: postvak@{self.domain}",
            f"Date: {date.strftime('%a, %d %b %Y %H:%M:%S %z')}",
            "MIME-Version: 1.0",
        ]
        if mid:
            headers.append(f"Message-ID: {mid}")
        body = self._body(rng)
        if kind == "html_attachment":
            raw = self._html_with_attachment(headers, subject, body, n)
        elif kind == "rfc2047":
            encoded = base64.b64encode(f"Überweisung für café – {subject}".encode()).decode()
            raw = self._simple(headers + [f"Subject: =?UTF-8?B?{encoded}?="], body)
        elif kind == "utf8_raw":
            raw = self._simple(
                headers + [f"Subject: Ré: één {subject} — ß"], "Grüße en één café.\r\n" + body, "8bit"
            )
        elif kind == "long_lines":
            line = " ".join(rng.choice(WORDS) for _ in range(400))
            raw = self._simple(headers + [f"Subject: long {subject}"], line + "\r\n" + body)
        elif kind == "bare_lf":
            raw = self._simple(headers + [f"Subject: unix {subject}"], body).replace(b"\r\n", b"\n")
        elif kind == "large":
            raw = self._large(headers + [f"Subject: large {subject}"], size, n)
        else:
            raw = self._simple(headers + [f"Subject: {subject}"], body)
        flags = rng.choice(FLAG_CHOICES)
        internaldate = date + dt.timedelta(seconds=rng.randrange(3600))
        return CorpusMessage(raw, tuple(flags), internaldate, kind, mid)

    def _body(self, rng: random.Random) -> str:
        lines = []
        for _ in range(rng.randint(3, 30)):
            lines.append(" ".join(rng.choice(WORDS) for _ in range(rng.randint(4, 14))))
        return "\r\n".join(lines) + "\r\n"

    @staticmethod
    def _simple(headers: list[str], body: str, cte: str = "7bit") -> bytes:
        charset = "utf-8"
        head = headers + [f"Content-Type: text/plain; charset={charset}", f"Content-Transfer-Encoding: {cte}"]
        return ("\r\n".join(head) + "\r\n\r\n" + body).encode("utf-8")

    def _html_with_attachment(self, headers: list[str], subject: str, body: str, n: int) -> bytes:
        boundary = f"=_mailstage_{self.seed}_{n}"
        payload = bytes(self._rng.randrange(256) for _ in range(self._rng.randint(2000, 30000)))
        encoded = base64.encodebytes(payload).decode().replace("\n", "\r\n")
        html = "<html><body><p>" + body.replace("\r\n", "</p><p>") + "</p></body></html>"
        parts = [
            *headers,
            f"Subject: {subject} (bijlage)",
            f'Content-Type: multipart/mixed; boundary="{boundary}"',
            "",
            f"--{boundary}",
            "Content-Type: text/html; charset=utf-8",
            "",
            html,
            f"--{boundary}",
            f'Content-Type: application/pdf; name="document-{n}.pdf"',
            "Content-Transfer-Encoding: base64",
            f'Content-Disposition: attachment; filename="document-{n}.pdf"',
            "",
            encoded.rstrip("\r\n"),
            f"--{boundary}--",
            "",
        ]
        return "\r\n".join(parts).encode("utf-8")

    def _large(self, headers: list[str], size: int, n: int) -> bytes:
        boundary = f"=_mailstage_large_{self.seed}_{n}"
        head = "\r\n".join(
            [
                *headers,
                f'Content-Type: multipart/mixed; boundary="{boundary}"',
                "",
                f"--{boundary}",
                "Content-Type: text/plain; charset=utf-8",
                "",
                "Zie bijlage.",
                f"--{boundary}",
                'Content-Type: application/octet-stream; name="groot.bin"',
                "Content-Transfer-Encoding: base64",
                "",
                "",
            ]
        ).encode()
        tail = f"\r\n--{boundary}--\r\n".encode()
        # Base64 lines of 76 characters from a seeded stream: cheap, deterministic, incompressible.
        line_count = max(1, (size - len(head) - len(tail)) // 78)
        rng = random.Random(self.seed * 1_000_003 + n)
        chunk = base64.b64encode(rng.randbytes(57 * 1024))  # 1024 lines' worth
        lines = [chunk[i : i + 76] for i in range(0, len(chunk), 76)]
        body = bytearray()
        for i in range(line_count):
            body += lines[i % len(lines)] + b"\r\n"
        return head + bytes(body) + tail

    # -- trees ------------------------------------------------------------------------------

    def tree(
        self,
        total: int = 200,
        *,
        large_sizes: Iterable[int] = (),
        folders: list[tuple[FolderPath, int]] | None = None,
    ) -> list[CorpusFolder]:
        """A folder tree holding about TOTAL messages, shared out by weight.

        Always contains a message without Message-ID and two messages sharing one Message-ID (in the
        first folder), and one large message per entry in LARGE_SIZES (in the last mail folder).
        """
        spec = folders or DUTCH_TREE
        weight = sum(w for _, w in spec)
        result = [CorpusFolder(path) for path, _ in spec]
        counts = [max(1, total * w // weight) for _, w in spec]
        for folder, count in zip(result, counts, strict=True):
            folder.messages.extend(self.message() for _ in range(count))
        first = result[0].messages
        first.append(self.message("plain", message_id=None))
        shared = f"<shared.{self.seed}@{self.domain}>"
        first.append(self.message("plain", message_id=shared))
        first.append(self.message("html_attachment", message_id=shared))
        mail_folders = [f for f in result if f.path not in NON_MAIL_PATHS]
        for size in large_sizes:
            mail_folders[-1].messages.append(self.message(size=size))
        return result


NON_MAIL_PATHS = {("Agenda",), ("Contactpersonen",)}


def iter_messages(tree: list[CorpusFolder]) -> Iterator[tuple[FolderPath, CorpusMessage]]:
    for folder in tree:
        for message in folder.messages:
            yield folder.path, message


def seed_imap(
    host: str,
    port: int,
    login: str,
    password: str,
    tree: list[CorpusFolder],
    *,
    ssl_context: object | None = None,
    use_ssl: bool = True,
) -> None:
    """Create TREE's folders in a user's mailbox and append its messages with flags and dates."""
    from imapclient import IMAPClient

    client = IMAPClient(host, port=port, ssl=use_ssl, ssl_context=ssl_context, timeout=60)
    try:
        client.login(login, password)
        separator = client.namespace().personal[0][1]
        if isinstance(separator, bytes):
            separator = separator.decode()
        existing = {name for _, _, name in client.list_folders()}
        for folder in tree:
            name = separator.join(folder.path)
            for depth in range(1, len(folder.path) + 1):
                parent = separator.join(folder.path[:depth])
                if parent not in existing and parent.upper() != "INBOX":
                    client.create_folder(parent)
                    existing.add(parent)
            batch: list[dict[str, object]] = []
            pending = 0
            for message in folder.messages:
                batch.append({"msg": message.raw, "flags": message.flags, "date": message.internaldate})
                pending += len(message.raw)
                if len(batch) >= 50 or pending > 8_000_000:
                    client.multiappend(name, batch)
                    batch, pending = [], 0
            if batch:
                client.multiappend(name, batch)
    finally:
        try:
            client.logout()
        except Exception:
            pass
