"""Loading translations: Mailstage's own (the wizard's and the engine's) and Qt's (so QWizard's buttons speak
the same language)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from engine.resources import resource_path

SUPPORTED = ("en", "nl")
LOCALES = {"en": "en_US", "nl": "nl_NL"}


def choose_language(explicit: str | None = None) -> str:
    """The language to show: an explicit choice, then the saved setting, then the system's."""
    if explicit in SUPPORTED:
        return explicit
    saved = QSettings().value("language", "", str)
    if saved in SUPPORTED:
        return str(saved)
    system = QLocale.system().name().split("_")[0]
    return system if system in SUPPORTED else "en"


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install the translators for LANGUAGE on APP and return them (the caller keeps them alive).

    Returns an empty list for English, the language of the source strings. Raises FileNotFoundError
    naming the missing file when a translation cannot be loaded, so a broken bundle is noticed.
    """
    # Numbers, sizes and dates follow the language shown (1,234.5 in English, 1.234,5 in Dutch).
    QLocale.setDefault(QLocale(LOCALES.get(language, "en_US")))
    if language == "en":
        return []
    translators: list[QTranslator] = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_translator = QTranslator(app)
    if not qt_translator.load(f"qtbase_{language}", qt_dir):
        raise FileNotFoundError(f"qtbase_{language}.qm in {qt_dir}")
    own_dir = resource_path("translations")
    own = QTranslator(app)
    if not own.load(f"mailstage_{language}", str(own_dir)):
        raise FileNotFoundError(f"mailstage_{language}.qm in {own_dir}")
    # The engine's sentences (gui/engine_text.py) have a catalogue of their own (decision 008).
    engine = QTranslator(app)
    if not engine.load(f"mailstage_engine_{language}", str(own_dir)):
        raise FileNotFoundError(f"mailstage_engine_{language}.qm in {own_dir}")
    for translator in (qt_translator, own, engine):
        app.installTranslator(translator)
        translators.append(translator)
    return translators
