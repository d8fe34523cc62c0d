"""IMAP's modified UTF-7 for folder names (RFC 3501 section 5.1.3): "Privé" is "Priv&AOk-" on the wire.

Printable ASCII stands for itself except "&", written "&-"; anything else is UTF-16 in base64 with
"," for "/" and no padding, between "&" and "-".
"""

from __future__ import annotations

import base64


def encode(name: str) -> bytes:
    """NAME in modified UTF-7."""
    out = bytearray()
    pending: list[str] = []

    def flush() -> None:
        if pending:
            data = "".join(pending).encode("utf-16-be")
            out.extend(b"&" + base64.b64encode(data).rstrip(b"=").replace(b"/", b",") + b"-")
            pending.clear()

    for ch in name:
        if 0x20 <= ord(ch) <= 0x7E:
            flush()
            out.extend(b"&-" if ch == "&" else ch.encode("ascii"))
        else:
            pending.append(ch)
    flush()
    return bytes(out)


def decode(raw: bytes) -> str:
    """Modified UTF-7 back to text; raises ValueError when RAW is not valid."""
    out: list[str] = []
    position = 0
    while position < len(raw):
        start = raw.find(b"&", position)
        if start < 0:
            out.append(raw[position:].decode("ascii"))
            break
        out.append(raw[position:start].decode("ascii"))
        end = raw.find(b"-", start)
        if end < 0:
            raise ValueError("unterminated shift in a modified UTF-7 name")
        chunk = raw[start + 1 : end]
        if not chunk:
            out.append("&")
        else:
            padded = chunk.replace(b",", b"/") + b"=" * (-len(chunk) % 4)
            out.append(base64.b64decode(padded, validate=True).decode("utf-16-be"))
        position = end + 1
    return "".join(out)
