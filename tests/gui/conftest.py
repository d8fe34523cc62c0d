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
        qtbot.addWidget(wizard)
        wizard.show()
        made.append(wizard)
        return wizard

    yield make
    for wizard in made:
        wizard.context.batch_running = False
        wizard.context.shutdown()


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
