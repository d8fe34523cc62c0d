"""Device-code sign-in on the Microsoft 365 target page, against the local identity stand-in: the dialog
shows the code the service issued, approving completes the page, declining shows the error in three
parts, Cancel ends the wait without an error."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QWizard

from tests.rig.certs import TestCA
from tests.rig.identity import App, IdentityServer


@pytest.fixture
def identity(session_ca: TestCA) -> Iterator[IdentityServer]:
    server = IdentityServer(session_ca.issue("identity-gui")).start()
    yield server
    server.stop()


@pytest.fixture
def device_app(identity: IdentityServer) -> App:
    identity.add_user("admin@contoso.nl", may_open_others=True)
    return identity.register_app(public_client_flows=True)


def on_device_target(make_wizard, identity: IdentityServer, app: App):  # type: ignore[no-untyped-def]
    wizard = make_wizard()
    project = wizard.context.project
    project.mailbox_list.path = "/lists/x.csv"
    project.mailbox_list.set_addresses(["anne@contoso.nl"])
    wizard.next()
    wizard.next()
    wizard.next()
    page = wizard.target_page
    assert wizard.currentPage() is page
    page.authority = identity.authority
    page.kind_combo.setCurrentIndex(page.kind_combo.findData("m365"))
    page.auth_combo.setCurrentIndex(page.auth_combo.findData("device"))
    for edit, text in ((page.tenant_edit, identity.tenant), (page.client_id_edit, app.client_id)):
        edit.setText(text)
        edit.textEdited.emit(text)
    return wizard, page


def start_and_wait_for_code(qtbot, page, identity: IdentityServer):  # type: ignore[no-untyped-def]
    assert page.sign_in_button.isVisible()
    page.sign_in_button.click()
    issued = identity.wait_for_device_code()
    dialog = page.sign_in.dialog
    qtbot.waitUntil(lambda: dialog.code_label.text() == issued.user_code, timeout=20_000)
    return dialog, issued


def test_the_sign_in_button_is_there_only_for_device_code_sign_in(
    qtbot, make_wizard, identity, device_app
) -> None:
    _wizard, page = on_device_target(make_wizard, identity, device_app)
    assert page.sign_in_button.isVisible()
    page.auth_combo.setCurrentIndex(page.auth_combo.findData("app"))
    assert not page.sign_in_button.isVisible()


def test_approving_the_code_the_service_issued_signs_in_and_completes_the_page(
    qtbot, make_wizard, identity, device_app
) -> None:
    wizard, page = on_device_target(make_wizard, identity, device_app)
    assert not page.isComplete()
    dialog, issued = start_and_wait_for_code(qtbot, page, identity)
    assert dialog.isVisible()
    assert issued.user_code in dialog.code_label.text()
    assert "devicelogin" in dialog.link_label.text()
    assert "Time left to sign in:" in dialog.time_label.text()
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == issued.user_code
    with qtbot.waitSignal(page.sign_in.signedIn, timeout=30_000) as signed:
        identity.approve_device(issued.user_code, "admin@contoso.nl")
    assert signed.args == ["admin@contoso.nl"]
    assert not dialog.isVisible()
    assert page.sign_in_label.text() == "Signed in as admin@contoso.nl."
    assert page.isComplete()
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert not page.error_view.isVisible()


def test_a_declined_sign_in_shows_the_error_and_the_page_stays_incomplete(
    qtbot, make_wizard, identity, device_app
) -> None:
    _wizard, page = on_device_target(make_wizard, identity, device_app)
    dialog, issued = start_and_wait_for_code(qtbot, page, identity)
    with qtbot.waitSignal(page.sign_in.failed, timeout=30_000) as failed:
        identity.decline_device(issued.user_code)
    assert failed.args[0].code == "m365.signin_declined"
    assert not dialog.isVisible()
    assert page.error_view.isVisible()
    assert page.error_view.parts is not None
    assert page.error_view.parts.what == failed.args[0].what
    assert page.error_view.parts.fix and page.error_view.parts.cause
    assert page.sign_in_label.text() == "Not signed in."
    assert not page.isComplete()


def test_cancel_ends_the_wait_without_an_error(qtbot, make_wizard, identity, device_app) -> None:
    _wizard, page = on_device_target(make_wizard, identity, device_app)
    dialog, _issued = start_and_wait_for_code(qtbot, page, identity)
    sign_in = page.sign_in
    task = sign_in.task
    with qtbot.waitSignal(sign_in.cancelled, timeout=5_000):
        dialog.cancel_button.click()
    assert task.state.stop_event.is_set()
    qtbot.waitUntil(lambda: task.future.done(), timeout=10_000)  # the engine stopped waiting
    # The worker posted its Cancelled before its future finished: deliver it now (it must be dropped).
    QCoreApplication.processEvents()
    assert not dialog.isVisible()
    assert not page.error_view.isVisible()
    assert page.sign_in_label.text() == "Sign-in cancelled."
    assert page.sign_in_button.isEnabled()
    assert not page.isComplete()


def test_an_expired_code_shows_the_error_and_the_page_stays_incomplete(
    qtbot, make_wizard, identity, device_app
) -> None:
    _wizard, page = on_device_target(make_wizard, identity, device_app)
    _dialog, issued = start_and_wait_for_code(qtbot, page, identity)
    with qtbot.waitSignal(page.sign_in.failed, timeout=30_000) as failed:
        identity.expire_device(issued.user_code)
    assert failed.args[0].code == "m365.signin_expired"
    assert page.error_view.isVisible()
    assert not page.isComplete()


class _Opened(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url.toString())


def test_clicking_the_link_opens_the_page_the_service_named_in_the_browser(
    qtbot, make_wizard, identity, device_app
) -> None:
    _wizard, page = on_device_target(make_wizard, identity, device_app)
    dialog, _issued = start_and_wait_for_code(qtbot, page, identity)
    opened = _Opened()
    QDesktopServices.setUrlHandler("https", opened, "open")
    try:
        dialog.link_label.linkActivated.emit(dialog.prompt.verification_uri)
    finally:
        QDesktopServices.unsetUrlHandler("https")
    assert opened.urls == [dialog.prompt.verification_uri]
    assert opened.urls[0].startswith(identity.base_url) and opened.urls[0].endswith("/devicelogin")
    dialog.cancel_button.click()


def test_a_reopened_migration_shows_who_signed_in_and_notices_a_sign_in_that_is_gone(
    qtbot, make_wizard, identity, device_app, tmp_path
) -> None:
    from engine.m365.cache import cache_path
    from gui.flow import PageId, load_project
    from tests.gui.conftest import go_to

    wizard, page = on_device_target(make_wizard, identity, device_app)
    _dialog, issued = start_and_wait_for_code(qtbot, page, identity)
    with qtbot.waitSignal(page.sign_in.signedIn, timeout=30_000):
        identity.approve_device(issued.user_code, "admin@contoso.nl")
    saved = wizard.context.project.save(tmp_path)

    # Reopened on this computer: the page says who is signed in, and the test still counts.
    reopened = make_wizard(load_project(saved))
    go_to(reopened, PageId.TARGET)
    target = reopened.target_page
    assert target.sign_in_label.text() == "Signed in as admin@contoso.nl."
    qtbot.waitUntil(lambda: not reopened.context.runner.busy, timeout=10_000)  # the look into the cache
    assert target.sign_in_label.text() == "Signed in as admin@contoso.nl."
    assert target.isComplete()

    # The token cache was removed (another computer, a cleaned profile): sign in again.
    cache_path(reopened.context.project.target_name).unlink()
    again = make_wizard(load_project(saved))
    go_to(again, PageId.TARGET)
    target = again.target_page
    qtbot.waitUntil(lambda: "no longer on this computer" in target.sign_in_label.text(), timeout=10_000)
    assert not target.isComplete()
    assert not again.context.project.target.signed_in_as
