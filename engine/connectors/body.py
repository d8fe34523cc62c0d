"""Message bytes that may be large: kept in memory when small, spooled to a temporary file when not.

A 50 MB message must never sit in memory twice, and twenty mailboxes copying at once must not each
hold one: whatever reads a message from a server reads it into a `MessageBody`, and whatever writes
one sends it in chunks.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from typing import IO

CHUNK = 256 * 1024
# Messages above this many bytes go to a temporary file instead of memory.
DEFAULT_SPOOL_THRESHOLD = 1024 * 1024


class MessageBody:
    """The bytes of one message, readable as chunks as often as needed."""

    size: int

    def chunks(self, chunk_size: int = CHUNK) -> Iterator[bytes]:
        raise NotImplementedError

    def head(self, limit: int = 64 * 1024) -> bytes:
        """The first LIMIT bytes (enough for the header of any sane message)."""
        out = bytearray()
        for chunk in self.chunks(min(limit, CHUNK)):
            out += chunk
            if len(out) >= limit:
                break
        return bytes(out[:limit])

    def read_all(self) -> bytes:
        """All bytes at once; for callers that know the message is small (tests, Maildir writes)."""
        return b"".join(self.chunks())

    def sha256(self) -> str:
        digest = hashlib.sha256()
        for chunk in self.chunks():
            digest.update(chunk)
        return digest.hexdigest()

    def close(self) -> None:
        """Release the temporary file, if any."""


class MemoryBody(MessageBody):
    """A message held in memory."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.size = len(data)

    def chunks(self, chunk_size: int = CHUNK) -> Iterator[bytes]:
        if self.size <= chunk_size:
            yield self.data  # the common case: no copy
            return
        view = memoryview(self.data)
        for start in range(0, self.size, chunk_size):
            yield bytes(view[start : start + chunk_size])

    def read_all(self) -> bytes:
        return self.data


class SpooledBody(MessageBody):
    """A message in an anonymous temporary file (deleted by the system when closed)."""

    def __init__(self, file: IO[bytes], size: int) -> None:
        self.file = file
        self.size = size

    def chunks(self, chunk_size: int = CHUNK) -> Iterator[bytes]:
        self.file.seek(0)
        remaining = self.size
        while remaining > 0:
            chunk = self.file.read(min(chunk_size, remaining))
            if not chunk:
                raise OSError("the spooled message is shorter than recorded")
            remaining -= len(chunk)
            yield chunk

    def close(self) -> None:
        self.file.close()


def _temporary_file() -> IO[bytes]:
    import tempfile  # only when a message is large: keeps start-up short

    return tempfile.TemporaryFile()


class BodyWriter:
    """Collects bytes into a MemoryBody, switching to a temporary file once past the threshold."""

    def __init__(self, threshold: int = DEFAULT_SPOOL_THRESHOLD, expected: int = 0) -> None:
        self.threshold = threshold
        self._buffer = bytearray()
        self._file: IO[bytes] | None = None
        self._size = 0
        if expected > threshold:
            self._file = _temporary_file()

    def write(self, data: bytes) -> None:
        self._size += len(data)
        if self._file is not None:
            self._file.write(data)
            return
        self._buffer += data
        if len(self._buffer) > self.threshold:
            self._file = _temporary_file()
            self._file.write(self._buffer)
            self._buffer = bytearray()

    def finish(self) -> MessageBody:
        if self._file is not None:
            self._file.flush()
            return SpooledBody(self._file, self._size)
        return MemoryBody(bytes(self._buffer))

    def abort(self) -> None:
        if self._file is not None:
            self._file.close()


def has_bare_lf(body: MessageBody) -> bool:
    """True when some line ends in LF without CR before it."""
    previous = b""
    for chunk in body.chunks():
        bare = chunk.count(b"\n") - chunk.count(b"\r\n")
        if chunk.startswith(b"\n") and previous == b"\r":
            bare -= 1  # a CRLF split over the chunk boundary
        if bare > 0:
            return True
        previous = chunk[-1:]
    return False


def to_crlf(body: MessageBody, threshold: int = DEFAULT_SPOOL_THRESHOLD) -> MessageBody:
    """A new body with every bare LF turned into CRLF (CRLF left alone); streams large bodies."""
    writer = BodyWriter(threshold, expected=body.size)
    previous = b""
    for chunk in body.chunks():
        # Normalise within the chunk; a chunk starting with LF after a chunk ending in CR is a CRLF.
        if chunk.startswith(b"\n") and previous == b"\r":
            writer.write(b"\n")
            chunk = chunk[1:]
        writer.write(chunk.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"))
        previous = chunk[-1:] if chunk else previous
    return writer.finish()
