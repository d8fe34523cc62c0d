"""The migration wizard's window: the pages of the staged migration in order."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget, QWizard

from gui.pages.welcome import BeforeYouBeginPage


class MigrationWizard(QWizard):
    """The main window. ModernStyle on every platform: Windows' AeroStyle breaks dark mode."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("migrationWizard")
        self.setWindowTitle(self.tr("Mailstage"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        # Back must keep what the admin typed (Microsoft's wizard rule); Qt wipes it by default.
        self.setOption(QWizard.WizardOption.IndependentPages, True)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setMinimumSize(760, 560)
        self.before_you_begin = BeforeYouBeginPage(self)
        self.addPage(self.before_you_begin)
