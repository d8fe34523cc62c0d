"""GUI tests run offscreen; a language fixture installs the translators for one test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtGui import QFontDatabase

from gui.i18n import install_translators


@pytest.fixture
def language(request: pytest.FixtureRequest, qapp) -> Iterator[str]:  # type: ignore[no-untyped-def]
    lang = getattr(request, "param", "en")
    translators = install_translators(qapp, lang)
    yield lang
    for translator in translators:
        QCoreApplication.removeTranslator(translator)
    QLocale.setDefault(QLocale("en_US"))


PATIENT_MS = 20_000


@pytest.fixture(autouse=True)
def patient_waits(monkeypatch: pytest.MonkeyPatch) -> None:
    """Waits without a time-out of their own get 20 s instead of pytest-qt's 5 s. A wait ends as soon
    as its condition holds, so only a wait that would otherwise fail on a loaded CI machine (a list
    read or a report written in the background) takes longer; a test that names a time-out keeps it."""
    from pytestqt.qtbot import QtBot

    wait_until, wait_signal = QtBot.waitUntil, QtBot.waitSignal

    def patient_wait_until(self, callback, *, timeout=PATIENT_MS):  # type: ignore[no-untyped-def]
        return wait_until(self, callback, timeout=timeout)

    def patient_wait_signal(self, signal, *, timeout=PATIENT_MS, **options):  # type: ignore[no-untyped-def]
        return wait_signal(self, signal, timeout=timeout, **options)

    monkeypatch.setattr(QtBot, "waitUntil", patient_wait_until)
    monkeypatch.setattr(QtBot, "waitSignal", patient_wait_signal)


@pytest.fixture(scope="session", autouse=True)
def refcount_guard(qapp) -> bool:  # type: ignore[no-untyped-def]
    """The guard the application itself installs (gui/qtcompat.py): PySide6 6.12.0 on Python 3.11
    loses references to None and True, which aborts a long session."""
    from gui.qtcompat import guard_refcount_bug

    return guard_refcount_bug()


@pytest.fixture(scope="session", autouse=True)
def fonts_present(qapp) -> None:  # type: ignore[no-untyped-def]
    # Without fonts Qt draws boxes and a screenshot still looks "not blank": fail loudly instead.
    assert QFontDatabase.families(), "no fonts installed: install fonts-dejavu-core"


@pytest.fixture
def make_wizard(qtbot, tmp_path):  # type: ignore[no-untyped-def]
    """Build a wizard on a fresh project whose saved migrations live in the test's folder."""
    from gui.context import WizardContext
    from gui.flow import MigrationProject
    from gui.wizard import MigrationWizard

    made: list[MigrationWizard] = []

    def make(project: MigrationProject | None = None) -> MigrationWizard:
        context = WizardContext(project=project, projects_folder=tmp_path / "projects")
        wizard = MigrationWizard(context=context)
        # Not qtbot.addWidget: pytest-qt would close the window before this fixture's teardown, and a
        # test that failed while a batch ran would leave it waiting for ever on "Stop the migration?".
        wizard.show()
        made.append(wizard)
        return wizard

    yield make
    for wizard in made:
        wizard.context.batch_running = False  # nothing left to ask about: close without the question
        wizard.context.shutdown()
        wizard.close()
        wizard.deleteLater()


@pytest.fixture(scope="session")
def target_dovecot(dovecot_factory):  # type: ignore[no-untyped-def]
    """The new system: a second Dovecot beside the rig's `dovecot` (the old one); tests add their users
    to both."""
    return dovecot_factory()


@pytest.fixture(scope="session")
def dns_server():  # type: ignore[no-untyped-def]
    """dnsmasq with a correct zone (good.test) and broken ones (see tests/rig/dns.py)."""
    from tests.rig.dns import DnsServer, Zone, standard_zones

    with DnsServer([*standard_zones(), Zone("test")], ttl=300) as server:
        yield server


@pytest.fixture(scope="session")
def slow_ttl_dns():  # type: ignore[no-untyped-def]
    """The same zones with a day-long TTL: the MX TTL must be lowered before cut-over."""
    from tests.rig.dns import DnsServer, Zone, standard_zones

    with DnsServer([*standard_zones(), Zone("test")], ttl=86400) as server:
        yield server


def go_to(wizard, page_id) -> None:  # type: ignore[no-untyped-def]
    """Press Next until PAGE_ID is shown. A started batch would run on entering the progress page, so
    the project's batch is marked stopped just before (the page then shows it without starting)."""
    from gui.flow import BatchPhase, PageId

    for _ in range(len(PageId)):
        if wizard.currentId() == int(page_id):
            return
        if wizard.currentPage().nextId() == int(PageId.PROGRESS):
            wizard.context.project.batch.phase = BatchPhase.STOPPED
        assert wizard.currentPage().nextId() != -1, f"{page_id!r} is not ahead"
        wizard.next()
    assert wizard.currentId() == int(page_id)


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path):  # type: ignore[no-untyped-def]
    """QSettings (language, status mail settings) in the test's own folder, never the user's."""
    from PySide6.QtCore import QSettings

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    yield tmp_path / "settings"
