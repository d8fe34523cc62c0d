"""GUI tests run offscreen; a language fixture installs the translators for one test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFontDatabase

from gui.i18n import install_translators


@pytest.fixture
def language(request: pytest.FixtureRequest, qapp) -> Iterator[str]:  # type: ignore[no-untyped-def]
    lang = getattr(request, "param", "en")
    translators = install_translators(qapp, lang)
    yield lang
    for translator in translators:
        QCoreApplication.removeTranslator(translator)


@pytest.fixture(scope="session", autouse=True)
def fonts_present(qapp) -> None:  # type: ignore[no-untyped-def]
    # Without fonts Qt draws boxes and a screenshot still looks "not blank": fail loudly instead.
    assert QFontDatabase.families(), "no fonts installed: install fonts-dejavu-core"
