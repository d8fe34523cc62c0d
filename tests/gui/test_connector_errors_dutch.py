"""The copy engine's own errors in the Dutch wizard: a wrong admin password on the rig's Dovecot and a
closed port show what happened, why and what to do in Dutch, while the log and the CLI keep English."""

from __future__ import annotations

import socket
import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget, QWizard

from engine.connectors import open_connector
from engine.connectors.base import Account
from engine.endpoints import Endpoint, EndpointKind, Security
from engine.errors import MailstageError
from gui.errors import ErrorView
from tests.gui.test_endpoint_page import fill_imap, on_source_page, wait_for_test
from tests.rig.dovecot import MASTER_USER


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.mark.parametrize("language", ["nl"], indirect=True)
def test_a_wrong_admin_password_on_the_source_page_is_explained_in_dutch(
    qtbot, make_wizard, dovecot, new_user, language
) -> None:
    address, _ = new_user("wrongnl")
    wizard, page = on_source_page(make_wizard, address)
    fill_imap(page, dovecot.host, dovecot.imaps_port, MASTER_USER, "not-the-password")
    qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    wait_for_test(qtbot, page)
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    items = [page.results_tree.topLevelItem(i) for i in range(page.results_tree.topLevelItemCount())]
    login = next(item for item in items if item.data(0, Qt.ItemDataRole.UserRole)[0] == "source.login")
    evidence, fix = (login.child(i).text(0) for i in range(2))
    where = f"{dovecot.host}:{dovecot.imaps_port}"
    # What and cause come from the IMAP connector, the server's own words stay as it said them.
    assert evidence.startswith(f"Mailstage kon zich niet aanmelden bij het postvak {address} op {where}. "), (
        evidence
    )
    assert (
        f"Het beheerdersaccount {MASTER_USER} werd geweigerd: het wachtwoord is misschien onjuist" in evidence
    )
    assert "Antwoord van de server: " in evidence and "AUTHENTICATIONFAILED" in evidence, evidence
    assert "could not log in" not in evidence and "The server said" not in evidence
    assert fix.startswith("Wat te doen: Controleer het beheerderswachtwoord van eindpunt"), fix
    assert "not-the-password" not in evidence + fix


@pytest.mark.parametrize("language", ["nl"], indirect=True)
def test_a_closed_port_shows_the_connectors_error_in_dutch(qtbot, language) -> None:
    port = _closed_port()
    endpoint = Endpoint("source", EndpointKind.IMAP, host="127.0.0.1", port=port, security=Security.TLS)
    with (
        pytest.raises(MailstageError) as raised,
        open_connector(
            Account(endpoint, "anne@example.nl"), role="source", cancel=threading.Event(), timeout=5.0
        ),
    ):
        pass
    host = QWidget()
    qtbot.addWidget(host)
    view = ErrorView(host, name="connectorError")
    view.show_error(raised.value)
    assert f"De verbinding met 127.0.0.1:{port} voor postvak anne@example.nl is onderbroken." in (
        view.what_label.text()
    )
    assert (
        f"Kan geen verbinding maken met 127.0.0.1:{port}: de verbinding werd geweigerd: er luistert niets op "
        "die poort, of een firewall weigert haar." in view.cause_label.text()
    )
    assert "Mailstage probeert het zelf opnieuw" in view.fix_label.text()
    # The log, the CLI and the reports keep the English.
    assert str(raised.value).startswith(f"The connection to 127.0.0.1:{port} for mailbox anne@example.nl")
    assert f"Cannot connect to 127.0.0.1:{port}: the connection was refused" in raised.value.cause
