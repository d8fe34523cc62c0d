"""A mailbox list's problems in the admin's language.

The engine words each problem in English with the values in it; most problem codes carry no separate
values yet. In English the engine's own, more specific, message is shown; in another language the
code's wording from the catalog below is, so a Dutch admin reads Dutch (the row and the cell value
are on screen next to it). A code the catalog does not know falls back to the engine's message.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from engine.lists import ListFormat, ListKind, ListSource, Problem


def current_language() -> str:
    # Translated to its own language code by each translation ("nl" in mailstage_nl.ts).
    return QCoreApplication.translate("LanguageCode", "en")


def _catalog() -> dict[str, str]:

    return {
        "address.missing": QCoreApplication.translate("ProblemText", "The e-mail address is empty."),
        "address.no_at": QCoreApplication.translate("ProblemText", "The e-mail address has no @."),
        "address.several_at": QCoreApplication.translate(
            "ProblemText", "The e-mail address has more than one @."
        ),
        "address.space": QCoreApplication.translate("ProblemText", "The e-mail address contains a space."),
        "address.no_domain": QCoreApplication.translate(
            "ProblemText", "The e-mail address has no domain after the @."
        ),
        "address.no_local_part": QCoreApplication.translate(
            "ProblemText", "The e-mail address has nothing before the @."
        ),
        "address.bad_domain": QCoreApplication.translate(
            "ProblemText", "The domain of the e-mail address is not valid."
        ),
        "address.bad_local": QCoreApplication.translate("ProblemText", "The part before the @ is not valid."),
        "address.too_long": QCoreApplication.translate("ProblemText", "The e-mail address is too long."),
        "address.several_addresses": QCoreApplication.translate(
            "ProblemText", "The cell holds more than one address: one per row."
        ),
        "address.display_name": QCoreApplication.translate(
            "ProblemText", "The cell holds a name as well: keep only the address."
        ),
        "address.mailto": QCoreApplication.translate(
            "ProblemText", "Remove 'mailto:' in front of the address."
        ),
        "address.invisible_character": QCoreApplication.translate(
            "ProblemText", "The address contains an invisible character: type it again."
        ),
        "address.non_ascii_local": QCoreApplication.translate(
            "ProblemText", "The part before the @ has accented letters; not every server accepts them."
        ),
        "address.duplicate": QCoreApplication.translate(
            "ProblemText", "{address} is also on row {other_row}: a mailbox can be in a list only once."
        ),
        "password.too_short": QCoreApplication.translate(
            "ProblemText", "The password is shorter than 8 characters."
        ),
        "password.missing": QCoreApplication.translate("ProblemText", "The password is empty."),
        "password.stored_as_number": QCoreApplication.translate(
            "ProblemText",
            "Excel stored the password as a number: format the column as Text and type it again.",
        ),
        "force_change.not_boolean": QCoreApplication.translate(
            "ProblemText", "Not True or False. Use True or False (also accepted: Waar/Onwaar, Ja/Nee, 1/0)."
        ),
        "row.cell_count": QCoreApplication.translate(
            "ProblemText", "This row has more or fewer cells than the header."
        ),
        "row.extra_empty_cells": QCoreApplication.translate(
            "ProblemText", "This row has empty cells after the last column."
        ),
        "login.missing": QCoreApplication.translate("ProblemText", "The user name (UserName) is empty."),
        "cell.formula_error": QCoreApplication.translate("ProblemText", "The cell shows a formula error."),
        "cell.formula_not_calculated": QCoreApplication.translate(
            "ProblemText", "The formula in this cell was never calculated: open and save the file in Excel."
        ),
        "cell.merged": QCoreApplication.translate("ProblemText", "Merged cells: unmerge them in Excel."),
        "column.unknown": QCoreApplication.translate(
            "ProblemText", "Mailstage does not know the column {header} and ignores it."
        ),
        "list.over_batch_limit": QCoreApplication.translate(
            "ProblemText",
            "The list has {count} mailboxes; Microsoft allows 2,000 per batch, so Mailstage splits it.",
        ),
    }


def problem_text(problem: Problem) -> str:
    """PROBLEM in the language shown."""
    if current_language() == "en":
        return problem.message
    text = _catalog().get(problem.code)
    if text is None:
        return problem.message
    values = {"header": problem.header or problem.column or "", **dict(problem.params)}
    try:
        return text.format(**values)
    except (KeyError, IndexError):
        return problem.message


def describe_list(list_format: ListFormat | None, source: ListSource) -> str:
    """The recognised format and how the file was read, in the admin's language."""

    if list_format is None:
        kind = QCoreApplication.translate("ProblemText", "format not recognised")
    elif list_format.kind is ListKind.STAGED:
        kind = QCoreApplication.translate("ProblemText", "Microsoft's staged format")
    else:
        kind = QCoreApplication.translate("ProblemText", "Microsoft's IMAP format")
    if source.kind == "csv":
        separators = {
            ",": QCoreApplication.translate("ProblemText", "commas"),
            ";": QCoreApplication.translate("ProblemText", "semicolons"),
            "\t": QCoreApplication.translate("ProblemText", "tabs"),
            "|": QCoreApplication.translate("ProblemText", "vertical bars"),
        }
        how = QCoreApplication.translate("ProblemText", "CSV separated by {separator}, {encoding}").format(
            separator=separators.get(source.delimiter or ",", source.delimiter or ","),
            encoding=source.encoding or "",
        )
    else:
        how = QCoreApplication.translate("ProblemText", "Excel workbook, sheet {sheet}").format(
            sheet=source.sheet or ""
        )
    return f"{kind}; {how}"
