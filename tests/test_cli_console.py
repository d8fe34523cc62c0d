"""What the admin sees on the console: one line per problem, never a traceback, and no secret."""

from __future__ import annotations

import logging

from engine.cli import _ConsoleFormatter
from engine.keystore import REDACTOR, SecretRedactor


def test_console_shows_one_line_without_the_traceback() -> None:
    try:
        raise ValueError("deep inside")
    except ValueError:
        record = logging.getLogger("engine.x").makeRecord(
            "engine.x",
            logging.ERROR,
            __file__,
            1,
            "copy failed for %s",
            ("anna@example.nl",),
            __import__("sys").exc_info(),
        )
    REDACTOR.filter(record)  # as the handlers do: the traceback is folded into the message for the log file
    assert "Traceback" in record.getMessage()
    shown = _ConsoleFormatter().format(record)
    assert shown == "ERROR: copy failed for anna@example.nl"


def test_redaction_masks_every_known_secret_and_the_longest_match() -> None:
    redactor = SecretRedactor()
    for secret in ("Geheim-123", "Geheim-123-langer", "tok_ABCDEFG"):
        redactor.register(secret)
    for i in range(20_000):  # a big list's passwords must not slow every log line down
        redactor.register(f"pw-{i:05d}-Lijst!")
    text = "a Geheim-123-langer b Geheim-123 c tok_ABCDEFG d pw-01234-Lijst! e Geheim"
    assert redactor.redact(text) == "a ******** b ******** c ******** d ******** e Geheim"
