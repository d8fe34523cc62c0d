"""The engine's sentences in the Dutch wizard: real check results and engine errors show in Dutch;
a sentence nobody translated, or a translation that does not fit, shows in English."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QWidget

from engine.checks.sessions import SessionSlots
from engine.errors import MailstageError
from engine.text import T
from gui.engine_text import translated
from gui.errors import ErrorView
from gui.flow import MigrationProject
from tests.gui.test_checks_page import folder_project, items, run_checks_page


def _children(item) -> list[str]:  # type: ignore[no-untyped-def]
    return [item.child(i).text(0) for i in range(item.childCount())]


@pytest.mark.parametrize("language", ["nl"], indirect=True)
def test_the_checks_page_shows_real_check_results_in_dutch(
    qtbot, make_wizard, tmp_path, dns_server, language
) -> None:
    project = folder_project(tmp_path, "nomx.test")
    _wizard, page = run_checks_page(qtbot, make_wizard, project, dns_server)
    shown = items(page)
    mx = _children(shown["domain.mx"])
    assert mx[0].startswith("nomx.test heeft geen MX-record: andere mailservers weten niet waar"), mx
    # A parameter that is itself an engine sentence is translated too.
    assert mx[0].endswith(
        "Na de overstap moet het naar de mailserver van het nieuwe mailsysteem verwijzen."
    ), mx
    assert mx[1].startswith("Wat te doen: Voeg voor nomx.test een MX-record toe"), mx
    dns = _children(shown["source.dns"])
    assert dns[0] == f"Niet van toepassing: {tmp_path / 'old'} is een map op deze computer, geen server.", dns
    # The results kept for the project and the CLI stay English.
    saved = {result["id"]: result for result in project.checks.results}
    assert saved["domain.mx"]["evidence"].startswith("nomx.test has no MX record")
    # A project saved and opened again shows them in Dutch again.
    reopened = MigrationProject.from_json(json.loads(json.dumps(project.to_json())))
    page.show_project(reopened)
    again = _children(items(page)["domain.mx"])
    assert again[0].startswith("nomx.test heeft geen MX-record"), again
    assert again[1].startswith("Wat te doen: Voeg voor nomx.test een MX-record toe"), again


@pytest.mark.parametrize("language", ["nl"], indirect=True)
def test_an_engine_error_shows_in_dutch_in_the_error_view(qtbot, language) -> None:
    slots = SessionSlots(1)
    with slots.slot(1.0, threading.Event()), pytest.raises(MailstageError) as raised:  # noqa: SIM117
        with slots.slot(0.0, threading.Event()):
            pass
    host = QWidget()
    qtbot.addWidget(host)
    view = ErrorView(host, name="testError")
    view.show_error(raised.value)
    assert (
        "De controle heeft te lang gewacht op een vrije verbinding met de server." in view.what_label.text()
    )
    assert "Andere controles hielden alle verbindingen bezet" in view.cause_label.text()
    assert "Voer de controles opnieuw uit met minder postvakken" in view.fix_label.text()
    assert str(raised.value).startswith("The check waited too long")  # the log and the CLI: English


@pytest.mark.parametrize("language", ["nl"], indirect=True)
def test_an_untranslated_sentence_falls_back_to_english(language) -> None:
    assert translated(T("A sentence nobody translated, about {host}.", host="mail.contoso.nl")) == (
        "A sentence nobody translated, about mail.contoso.nl."
    )
    # Its translated parameters still show translated.
    nested = T("Untranslated frame: {inner}", inner=T("Cancelled before it finished."))
    assert translated(nested) == "Untranslated frame: Geannuleerd voordat de controle klaar was."
    assert translated("a plain str") == "a plain str"


@pytest.mark.parametrize("language", ["nl"], indirect=True)
def test_a_sentence_inside_another_loses_its_full_stop_in_dutch_too(language) -> None:
    from engine.text import clause

    reason = T(
        "The mailbox {address} on {where} is full.", address="anna@contoso.nl", where="mail.contoso.nl"
    )
    outer = T("Not one extra session could be opened: {reason}.", reason=clause(reason))
    assert (
        outer
        == "Not one extra session could be opened: The mailbox anna@contoso.nl on mail.contoso.nl is full."
    )
    assert translated(outer) == (
        "Er kon geen enkele extra sessie worden geopend: Het postvak anna@contoso.nl op mail.contoso.nl is vol."
    )


def test_a_translation_that_does_not_fit_its_parameters_falls_back_to_english(qapp, tmp_path: Path) -> None:
    ts = tmp_path / "broken_nl.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?><TS version="2.1" language="nl_NL"><context><name>engine</name>'
        "<message><source>Hello {name}.</source><translation>Hallo {naam}.</translation></message>"
        "<message><source>Bye {name}.</source><translation>Dag {name.</translation></message>"
        "<message><source>Good {name}.</source><translation>Goed {name}.</translation></message>"
        "</context></TS>",
        encoding="utf-8",
    )
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(tmp_path / "broken_nl.qm")], check=True)
    translator = QTranslator()
    assert translator.load(str(tmp_path / "broken_nl.qm"))
    QCoreApplication.installTranslator(translator)
    try:
        assert translated(T("Good {name}.", name="Anna")) == "Goed Anna."  # the catalogue is in effect
        assert translated(T("Hello {name}.", name="Anna")) == "Hello Anna."  # unknown placeholder
        assert translated(T("Bye {name}.", name="Anna")) == "Bye Anna."  # broken brace
    finally:
        QCoreApplication.removeTranslator(translator)
