"""Mailbox lists: read the CSV or Excel list an admin made, explain every problem, split it into
batches, write rows back, and move its passwords into the keyring.

The GUI calls `load_mailbox_list` from a worker thread and gets a `MailboxList`; the CLI's
`validate` command prints the same list. Neither imports anything from the modules below this one.
"""

from engine.endpoints import mailbox_secret_key
from engine.lists.addresses import normalise_address
from engine.lists.checks import BATCH_LIMIT, parse_bool
from engine.lists.mailbox_list import (
    MailboxBatch,
    MailboxList,
    build_list,
    load_mailbox_list,
)
from engine.lists.model import (
    Column,
    Entry,
    Field,
    ListFormat,
    ListKind,
    ListSource,
    Problem,
    ProblemSeverity,
    Secret,
    SecretForgotten,
    SheetInfo,
)
from engine.lists.reading import MAX_FILE_BYTES, ListUnreadable
from engine.lists.writing import neutralise, write_template

__all__ = [
    "BATCH_LIMIT",
    "MAX_FILE_BYTES",
    "Column",
    "Entry",
    "Field",
    "ListFormat",
    "ListKind",
    "ListSource",
    "ListUnreadable",
    "MailboxBatch",
    "MailboxList",
    "Problem",
    "ProblemSeverity",
    "Secret",
    "SecretForgotten",
    "SheetInfo",
    "build_list",
    "load_mailbox_list",
    "mailbox_secret_key",
    "neutralise",
    "normalise_address",
    "parse_bool",
    "write_template",
]
