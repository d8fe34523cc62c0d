"""Source and target pages against a real Dovecot: the test runs in the background, its result gates
Next, a typed password goes to the keyring, an untrusted certificate is shown and pinned exactly."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QWizard

from engine.endpoints import secret_key
from engine.keystore import SecretStore
from gui.certificate_dialog import CertificateDialog
from gui.flow import PageId
from tests.gui.conftest import go_to
from tests.rig.certs import CertFiles, self_signed
from tests.rig.dovecot import MASTER_PASSWORD, MASTER_USER, DovecotServer


@pytest.fixture(scope="session")
def self_signed_cert(session_dir: Path) -> CertFiles:
    return self_signed(session_dir / "gui-selfsigned", "exchange2007")


@pytest.fixture(scope="session")
def self_signed_server(dovecot_factory, self_signed_cert: CertFiles) -> DovecotServer:  # type: ignore[no-untyped-def]
    return dovecot_factory(cert=self_signed_cert)


def on_source_page(make_wizard, address: str = "anne@example.nl"):  # type: ignore[no-untyped-def]
    wizard = make_wizard()
    project = wizard.context.project
    project.mailbox_list.path = "/lists/x.csv"
    project.mailbox_list.set_addresses([address])
    wizard.next()
    wizard.next()
    assert wizard.currentId() == PageId.SOURCE
    return wizard, wizard.source_page


def fill_imap(page, host: str, port: int, admin: str = "", password: str = "") -> None:  # type: ignore[no-untyped-def]
    page.host_edit.setText(host)
    page.host_edit.textEdited.emit(host)
    page.security_combo.setCurrentIndex(page.security_combo.findData("tls"))
    page.port_spin.setValue(port)
    page.admin_edit.setText(admin)
    page.admin_edit.textEdited.emit(admin)
    if password:
        page.password_edit.setText(password)
        page.password_edit.textEdited.emit(password)


def wait_for_test(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: page.test_task is None and page.test_button.isEnabled(), timeout=30_000)


def test_a_working_server_enables_next_and_the_password_goes_to_the_keyring(
    qtbot, make_wizard, dovecot, new_user
) -> None:
    # The test opens the first listed mailbox through the admin account, as Microsoft's endpoint test.
    address, _ = new_user("gui")
    wizard, page = on_source_page(make_wizard, address)
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    fill_imap(page, dovecot.host, dovecot.imaps_port, MASTER_USER, MASTER_PASSWORD)
    assert not next_button.isEnabled()
    qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    wait_for_test(qtbot, page)
    assert page.outcome is not None and page.outcome.ok, [
        (r.id, r.evidence, r.fix) for r in page.outcome.failures()
    ]
    assert next_button.isEnabled()
    project = wizard.context.project
    assert project.source.password_stored
    assert SecretStore().get(secret_key(project.source_name)) == MASTER_PASSWORD
    # The field is emptied and the saved project knows only that a password is stored.
    assert page.password_edit.text() == ""
    assert MASTER_PASSWORD not in (wizard.context.save() or Path()).read_text(encoding="utf-8")
    # Changing the port makes the earlier test count no more.
    page.port_spin.setValue(dovecot.imap_port)
    assert not next_button.isEnabled()
    assert "Test connection" in page.missing_label.text()


def test_a_closed_port_is_explained_and_next_stays_off(qtbot, make_wizard) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    wizard, page = on_source_page(make_wizard)
    fill_imap(page, "127.0.0.1", closed_port)
    qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    wait_for_test(qtbot, page)
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    failed = [page.results_tree.topLevelItem(i) for i in range(page.results_tree.topLevelItemCount())]
    texts = [(item.text(0), item.text(1)) for item in failed]
    assert ("Failed", "The server accepts connections") in texts
    tcp = next(item for item in failed if item.text(1) == "The server accepts connections")
    details = " ".join(tcp.child(i).text(0) for i in range(tcp.childCount()))
    assert str(closed_port) in details and "What to do:" in details
    assert "does not work yet" in page.test_status.text()


def test_an_untrusted_certificate_is_shown_and_trusting_it_pins_exactly_that_one(
    qtbot, make_wizard, self_signed_server, new_user, monkeypatch
) -> None:
    shown: list[CertificateDialog] = []

    def answer(dialog: CertificateDialog) -> int:
        shown.append(dialog)
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(CertificateDialog, "exec", answer)
    address, _ = new_user("pinned", server=self_signed_server)
    wizard, page = on_source_page(make_wizard, address)
    fill_imap(page, self_signed_server.host, self_signed_server.imaps_port, MASTER_USER, MASTER_PASSWORD)
    qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(shown) == 1, timeout=30_000)
    dialog = shown[0]
    fingerprint = dialog.info.fingerprint
    labels = {label.objectName(): label.text() for label in dialog.findChildren(QLabel) if label.objectName()}
    assert labels["certificateSubject"] == "127.0.0.1"
    assert labels["certificateIssuer"] == "127.0.0.1"  # self-signed: issued by itself
    assert "localhost" in labels["certificateNames"]
    assert dialog.info.not_after.strftime("%Y-%m-%d") in labels["certificateValidity"]
    assert labels["certificateFingerprint"].replace("\n", "").replace(":", "").lower() == fingerprint
    assert "self-signed" in labels["certificateProblem"]
    # The safe answer is the default button.
    assert dialog.reject_button.isDefault()
    # Trusted: pinned, tested again, and now it passes.
    wait_for_test(qtbot, page)
    project = wizard.context.project
    assert project.source.pinned_fingerprint == fingerprint
    assert page.outcome is not None and page.outcome.ok
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert page.pin_widget.isVisible()


def test_refusing_an_untrusted_certificate_leaves_the_endpoint_unusable(
    qtbot, make_wizard, self_signed_server, monkeypatch
) -> None:
    monkeypatch.setattr(CertificateDialog, "exec", lambda dialog: int(QDialog.DialogCode.Rejected))
    wizard, page = on_source_page(make_wizard)
    fill_imap(page, self_signed_server.host, self_signed_server.imaps_port)
    qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "not trusted" in page.test_status.text(), timeout=30_000)
    assert wizard.context.project.source.pinned_fingerprint == ""
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def test_a_wrong_password_names_the_account_and_what_to_do(qtbot, make_wizard, dovecot, new_user) -> None:
    address, _ = new_user("wrongpw")
    wizard, page = on_source_page(make_wizard, address)
    fill_imap(page, dovecot.host, dovecot.imaps_port, MASTER_USER, "not-the-password")
    qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    wait_for_test(qtbot, page)
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    items = [page.results_tree.topLevelItem(i) for i in range(page.results_tree.topLevelItemCount())]
    login = next(item for item in items if item.text(1) == "The administrator can log in")
    assert login.text(0) == "Failed"
    assert login.isExpanded()
    details = " ".join(login.child(i).text(0) for i in range(login.childCount()))
    assert MASTER_USER in details and "What to do:" in details
    assert "not-the-password" not in details


def test_the_microsoft_365_target_saves_the_preparation_script_without_a_secret(
    qtbot, make_wizard, tmp_path
) -> None:
    wizard = make_wizard()
    project = wizard.context.project
    project.mailbox_list.path = "/lists/x.csv"
    project.mailbox_list.set_addresses(["anne@contoso.nl", "bram@contoso.nl"])
    wizard.next()
    wizard.next()
    wizard.next()
    page = wizard.target_page
    assert wizard.currentPage() is page
    page.kind_combo.setCurrentIndex(page.kind_combo.findData("m365"))
    for edit, text in (
        (page.tenant_edit, "contoso.onmicrosoft.com"),
        (page.client_id_edit, "6731de76-14a6-49ae-97bc-6eba6914391e"),
    ):
        edit.setText(text)
        edit.textEdited.emit(text)
    page.password_edit.setText("client-secret-value")
    assert page.script_button.isVisible()
    target = tmp_path / "prepare.ps1"
    page.save_script(target)
    qtbot.waitUntil(lambda: target.exists() and "Saved as" in page.script_label.text(), timeout=20_000)
    text = target.read_text(encoding="utf-8-sig")
    assert "anne@contoso.nl" in text and "bram@contoso.nl" in text
    assert "6731de76-14a6-49ae-97bc-6eba6914391e" in text
    assert "client-secret-value" not in text


def test_a_tenant_in_another_microsoft_cloud_signs_in_and_connects_there(
    qtbot, make_wizard, tmp_path
) -> None:
    from gui.flow import load_project

    wizard = make_wizard()
    project = wizard.context.project
    project.mailbox_list.path = "/lists/x.csv"
    project.mailbox_list.set_addresses(["anne@contoso.us"])
    for _ in range(3):
        wizard.next()
    page = wizard.target_page
    page.kind_combo.setCurrentIndex(page.kind_combo.findData("m365"))
    assert page.cloud_combo.isVisible() and page.cloud_combo.currentData() == "worldwide"
    page.tenant_edit.setText("contoso.onmicrosoft.us")
    page.tenant_edit.textEdited.emit("contoso.onmicrosoft.us")
    worldwide = project.target.to_endpoint("new")
    assert (worldwide.host, worldwide.authority) == ("outlook.office365.com", "")
    tested_before = project.target.signature()
    page.cloud_combo.setCurrentIndex(page.cloud_combo.findData("usgov"))
    endpoint = project.target.to_endpoint("new")
    assert endpoint.host == "outlook.office365.us"
    assert endpoint.authority == "https://login.microsoftonline.us/contoso.onmicrosoft.us"
    assert project.target.signature() != tested_before  # another cloud needs a new test
    # The choice is saved with the migration and shown again when it is reopened.
    reopened = make_wizard(load_project(project.save(tmp_path)))
    go_to(reopened, PageId.TARGET)
    assert reopened.target_page.cloud_combo.currentData() == "usgov"
    page.kind_combo.setCurrentIndex(page.kind_combo.findData("imap"))
    assert not page.cloud_combo.isVisible()
