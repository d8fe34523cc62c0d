"""Before you begin: what a staged migration is, when to choose it, and what to have ready."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget, QWizardPage


class BeforeYouBeginPage(QWizardPage):
    """The first page. Microsoft's guidelines forbid a do-nothing welcome page, so this one tells the
    admin whether a staged migration is the right choice and what must be ready before starting."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("beforeYouBeginPage")
        self.setTitle(self.tr("Before you begin"))
        self.setSubTitle(
            self.tr(
                "Move your users' mailboxes from the old mail server to the new system in batches, without losing a message."
            )
        )
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        sections = [
            (
                "whatSection",
                self.tr("What is a staged migration?"),
                self.tr(
                    "A staged migration moves mailboxes in batches over days or weeks. Mailstage copies each "
                    "user's mail, folders, flags and dates to the new system, and copies again what arrived "
                    "since, until you switch that batch over. Users keep working in their old mailbox until then."
                ),
            ),
            (
                "whenSection",
                self.tr("When to choose it"),
                self.tr(
                    "Your old server is Microsoft Exchange Server 2003 or 2007, or another server that offers "
                    "IMAP, and you cannot move everyone at once, for example because you have more than "
                    "2,000 mailboxes."
                ),
            ),
            (
                "whenNotSection",
                self.tr("When to choose something else"),
                self.tr(
                    "From Exchange 2010 or newer, use a cutover migration (everyone at once) or a hybrid "
                    "deployment (both systems side by side for a long time) instead."
                ),
            ),
            (
                "readySection",
                self.tr("Have this ready"),
                self.tr(
                    "• The list of mailboxes to move, as an Excel or CSV file.\n"
                    "• The old server's name and an administrator account that can open every mailbox.\n"
                    "• The new system's details; for Microsoft 365, your tenant and an app registration.\n"
                    "• The users already created on the new system (directory synchronisation) and your "
                    "domain verified there."
                ),
            ),
            (
                "noteSection",
                self.tr("Good to know"),
                self.tr(
                    "Out-of-office messages are not carried over: users set them again after their move. "
                    "After the switch, users create a new Outlook profile."
                ),
            ),
        ]
        for name, heading, text in sections:
            title = QLabel(f"<b>{heading}</b>")
            title.setObjectName(f"{name}Title")
            title.setTextFormat(Qt.TextFormat.RichText)
            body = QLabel(text)
            body.setObjectName(f"{name}Text")
            body.setWordWrap(True)
            body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            body.setAccessibleName(heading)
            layout.addWidget(title)
            layout.addWidget(body)
        layout.addStretch(1)
