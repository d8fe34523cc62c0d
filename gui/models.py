"""Qt table models over engine data. They hold plain engine objects and format them for display."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from engine.lists import Entry, Field, MailboxList, Problem
from engine.reports import MailboxOutcome
from engine.status import Grade, MailboxStatus
from gui.engine_text import translated
from gui.labels import (
    data_size,
    grade_advice,
    grade_explanation,
    grade_text,
    mailbox_status_text,
    number,
    rate,
)
from gui.problem_text import problem_text

Index = QModelIndex | QPersistentModelIndex

# Status colours that stay readable on light and dark backgrounds (used as text colour).
GOOD_COLOUR = QColor("#2e8b57")
WARN_COLOUR = QColor("#c77c02")
BAD_COLOUR = QColor("#d13438")


_OUTCOME_ROLES = frozenset(
    int(role.value)
    for role in (
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.TextAlignmentRole,
    )
)


class OutcomeModel(QAbstractTableModel):
    """One row per mailbox of a finished batch: the report page's table."""

    COLUMNS = ("mailbox", "status", "items", "skipped", "data", "grade", "todo")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[MailboxOutcome] = []

    def set_outcomes(self, outcomes: Sequence[MailboxOutcome]) -> None:
        self.beginResetModel()
        self._rows = list(outcomes)
        self.endResetModel()

    def outcome(self, row: int) -> MailboxOutcome:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = {
            "mailbox": QCoreApplication.translate("OutcomeModel", "Mailbox"),
            "status": QCoreApplication.translate("OutcomeModel", "Status"),
            "items": QCoreApplication.translate("OutcomeModel", "Items migrated"),
            "skipped": QCoreApplication.translate("OutcomeModel", "Items skipped"),
            "data": QCoreApplication.translate("OutcomeModel", "Data"),
            "grade": QCoreApplication.translate("OutcomeModel", "Verification"),
            "todo": QCoreApplication.translate("OutcomeModel", "What to do"),
        }
        return titles[self.COLUMNS[section]]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Qt asks for a dozen roles per cell when it sizes and paints the table; most are not ours.
        if role not in _OUTCOME_ROLES or not index.isValid():
            return None
        outcome = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "mailbox":
                return outcome.address
            if column == "status":
                return mailbox_status_text(outcome.status)
            if column == "items":
                return number(outcome.items_migrated)
            if column == "skipped":
                return number(outcome.items_skipped)
            if column == "data":
                return data_size(outcome.bytes_migrated) if outcome.bytes_migrated else ""
            if column == "grade":
                return grade_text(outcome.grade)
            if column == "todo":
                if outcome.error_fix:
                    return translated(outcome.error_fix)
                # Nothing to do for a perfect mailbox; the grade's tooltip says what it means.
                return grade_advice(outcome.grade)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == "todo" and outcome.error_what:
                parts = (outcome.error_what, outcome.error_cause, outcome.error_fix)
                return "\n".join(translated(p) for p in parts if p)
            if column == "grade":
                return grade_explanation(outcome.grade)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == "status":
                if outcome.status is MailboxStatus.FAILED:
                    return QBrush(BAD_COLOUR)
                if outcome.status is MailboxStatus.SYNCED:
                    return QBrush(GOOD_COLOUR)
            if column == "grade" and outcome.grade is not None:
                colour = {
                    Grade.PERFECT: GOOD_COLOUR,
                    Grade.GOOD: GOOD_COLOUR,
                    Grade.INVESTIGATE: WARN_COLOUR,
                    Grade.POOR: BAD_COLOUR,
                }[Grade(outcome.grade)]
                return QBrush(colour)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("items", "skipped", "data"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


# Row tints for problems: translucent, so they read on light and dark palettes alike.
ERROR_TINT = QColor(209, 52, 56, 70)
WARNING_TINT = QColor(199, 124, 2, 60)


class MailboxListModel(QAbstractTableModel):
    """The imported list: the row number as Excel shows it, the list's own columns, and the problems.

    Passwords are never shown; a row that has one shows a mask.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.mailbox_list: MailboxList | None = None
        self._entries: tuple[Entry, ...] = ()
        self._password_columns: set[int] = set()

    def set_list(self, mailbox_list: MailboxList | None) -> None:
        self.beginResetModel()
        self.mailbox_list = mailbox_list
        self._entries = mailbox_list.entries if mailbox_list is not None else ()
        self._password_columns = (
            {c.index for c in mailbox_list.columns if c.field is Field.PASSWORD} if mailbox_list else set()
        )
        self.endResetModel()

    def entry(self, row: int) -> Entry:
        return self._entries[row]

    def problems(self, row: int) -> tuple[Problem, ...]:
        if self.mailbox_list is None:
            return ()
        return self.mailbox_list.problems_for_row(self._entries[row].row)

    def has_problem(self, row: int) -> bool:
        return bool(self.problems(row))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self.mailbox_list is None:
            return 0
        return len(self.mailbox_list.columns) + 2

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        assert self.mailbox_list is not None
        if section == 0:
            return QCoreApplication.translate("MailboxListModel", "Row")
        if section == len(self.mailbox_list.columns) + 1:
            return QCoreApplication.translate("MailboxListModel", "Problem")
        return self.mailbox_list.columns[section - 1].header

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.mailbox_list is None:
            return None
        entry = self._entries[index.row()]
        column = index.column()
        last = len(self.mailbox_list.columns) + 1
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == 0:
                return str(entry.row)
            if column == last:
                separator = "\n" if role == Qt.ItemDataRole.ToolTipRole else "; "
                return separator.join(problem_text(p) for p in self.problems(index.row()))
            cell = column - 1
            if cell in self._password_columns:
                return "••••••••" if entry.has_password else ""
            return entry.cells[cell] if cell < len(entry.cells) else ""
        if role == Qt.ItemDataRole.BackgroundRole:
            problems = self.problems(index.row())
            if any(p.is_error for p in problems):
                return QBrush(ERROR_TINT)
            if problems:
                return QBrush(WARNING_TINT)
        if role == Qt.ItemDataRole.AccessibleDescriptionRole and column == last:
            return "; ".join(problem_text(p) for p in self.problems(index.row()))
        return None


class ProblemFilter(QSortFilterProxyModel):
    """Shows every row, or only the rows with a problem."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.problems_only = False

    def set_problems_only(self, on: bool) -> None:
        self.beginFilterChange()
        self.problems_only = on
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self.problems_only:
            return True
        model = self.sourceModel()
        return isinstance(model, MailboxListModel) and model.has_problem(source_row)


@dataclass
class MailboxRow:
    """What the progress table shows for one mailbox (updated from the runner's events)."""

    address: str
    status: MailboxStatus = MailboxStatus.QUEUED
    folder: str = ""
    items_done: int = 0
    items_total: int = 0
    bytes_done: int = 0
    bytes_total: int = 0
    rate: float = 0.0  # bytes per second
    last_activity: dt.datetime | None = None
    waiting_since: dt.datetime | None = None  # the server asked to slow down (throttling)
    error_what: str = ""
    error_fix: str = ""
    cells: tuple[str, ...] | None = None  # the texts shown, worked out once per change


_DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole.value)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole.value)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
_RIGHT = int((Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value)
_GOOD_BRUSH, _WARN_BRUSH, _BAD_BRUSH = QBrush(GOOD_COLOUR), QBrush(WARN_COLOUR), QBrush(BAD_COLOUR)


class MailboxProgressModel(QAbstractTableModel):
    """One row per mailbox of the running batch.

    Updates arrive in batches (the bridge delivers a few times a second); each batch ends in one
    `dataChanged` over the rows it touched, so thousands of rows stay fluid.
    """

    COLUMNS = ("mailbox", "status", "folder", "items", "data", "rate", "activity", "todo")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[MailboxRow] = []
        self._index: dict[str, int] = {}

    def set_addresses(self, addresses: Sequence[str]) -> None:
        self.beginResetModel()
        self._rows = [MailboxRow(address) for address in addresses]
        self._index = {row.address: number for number, row in enumerate(self._rows)}
        self.endResetModel()

    def row(self, address: str) -> MailboxRow | None:
        number = self._index.get(address)
        return self._rows[number] if number is not None else None

    def rows(self) -> list[MailboxRow]:
        return self._rows

    def update(self, changes: dict[str, dict[str, Any]]) -> None:
        """Apply {address: {field: value}} and tell the view once."""
        touched: list[int] = []
        for address, fields_ in changes.items():
            number = self._index.get(address)
            if number is None:
                self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows))
                self._rows.append(MailboxRow(address))
                number = self._index[address] = len(self._rows) - 1
                self.endInsertRows()
            row = self._rows[number]
            for name, value in fields_.items():
                setattr(row, name, value)
            row.cells = None
            touched.append(number)
        if touched:
            self.dataChanged.emit(
                self.index(min(touched), 0), self.index(max(touched), len(self.COLUMNS) - 1)
            )

    def counts(self) -> dict[MailboxStatus, int]:
        result = dict.fromkeys(MailboxStatus, 0)
        for row in self._rows:
            result[row.status] += 1
        return result

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = {
            "mailbox": QCoreApplication.translate("MailboxProgressModel", "Mailbox"),
            "status": QCoreApplication.translate("MailboxProgressModel", "Status"),
            "folder": QCoreApplication.translate("MailboxProgressModel", "Folder"),
            "items": QCoreApplication.translate("MailboxProgressModel", "Items (estimate)"),
            "data": QCoreApplication.translate("MailboxProgressModel", "Data"),
            "rate": QCoreApplication.translate("MailboxProgressModel", "Speed"),
            "activity": QCoreApplication.translate("MailboxProgressModel", "Last activity"),
            "todo": QCoreApplication.translate("MailboxProgressModel", "What to do"),
        }
        return titles[self.COLUMNS[section]]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # The view asks every cell for a dozen roles on every repaint: answer from the texts worked
        # out once per update, comparing plain ints (bench/bench_gui_stall.py).
        if role == _DISPLAY:
            row = self._rows[index.row()]
            cells = row.cells
            if cells is None:
                cells = row.cells = tuple(self._text(row, column) for column in self.COLUMNS)
            return cells[index.column()]
        if role == _FOREGROUND:
            if index.column() != 1:
                return None
            row = self._rows[index.row()]
            if row.status is MailboxStatus.FAILED:
                return _BAD_BRUSH
            if row.status is MailboxStatus.SYNCED:
                return _GOOD_BRUSH
            return _WARN_BRUSH if row.waiting_since is not None else None
        if role == _ALIGNMENT:
            return _RIGHT if index.column() in (3, 4, 5) else None
        if role == _TOOLTIP:
            row = self._rows[index.row()]
            column = self.COLUMNS[index.column()]
            if column == "todo" and row.error_what:
                return "\n".join(translated(p) for p in (row.error_what, row.error_fix) if p)
            if column == "status" and row.waiting_since is not None:
                return QCoreApplication.translate(
                    "MailboxProgressModel",
                    "The server asked Mailstage to slow down; the copy goes on by itself.",
                )
        return None

    def _text(self, row: MailboxRow, column: str) -> str:
        if column == "mailbox":
            return row.address
        if column == "status":
            if row.waiting_since is not None and row.status in (
                MailboxStatus.SYNCING,
                MailboxStatus.INCREMENTAL_SYNCING,
            ):
                return QCoreApplication.translate("MailboxProgressModel", "Waiting since {time}").format(
                    time=f"{row.waiting_since:%H:%M}"
                )
            return mailbox_status_text(row.status)
        if column == "folder":
            return row.folder
        if column == "items":
            if row.items_total:
                return QCoreApplication.translate("MailboxProgressModel", "{done} of {total}").format(
                    done=number(row.items_done), total=number(row.items_total)
                )
            return number(row.items_done) if row.items_done else ""
        if column == "data":
            return data_size(row.bytes_done) if row.bytes_done else ""
        if column == "rate":
            active = row.status in (MailboxStatus.SYNCING, MailboxStatus.INCREMENTAL_SYNCING)
            return rate(row.rate) if active and row.rate > 0 else ""
        if column == "activity":
            return f"{row.last_activity:%H:%M:%S}" if row.last_activity else ""
        if column == "todo":
            return translated(row.error_fix or row.error_what)
        return ""
