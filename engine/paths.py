"""Where Mailstage keeps its state: the user's data folder, or MAILSTAGE_HOME when set."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "Mailstage"


def state_home() -> Path:
    """The folder for the state store, batch logs and reports (created on first use).

    MAILSTAGE_HOME overrides the platform's user data folder, for tests and for keeping several
    projects apart. The folder lives outside the install folder, so upgrades keep it.
    """
    override = os.environ.get("MAILSTAGE_HOME")
    home = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    home.mkdir(parents=True, exist_ok=True)
    return home


def log_dir() -> Path:
    """The folder of the application log (one click away from every error the GUI shows)."""
    folder = state_home() / "logs"
    folder.mkdir(parents=True, exist_ok=True)
    return folder
