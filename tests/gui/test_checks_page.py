"""The checks page: failures block with the fix shown, warnings need the admin's acknowledgement, and a
single check can be run again."""

from __future__ import annotations

import mailbox
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from engine.checks import parse_nameserver
from gui.flow import MigrationProject, PageId
from tests.gui.conftest import go_to


def folder_project(tmp_path: Path, domain: str) -> MigrationProject:
    """Source and target as local folders (no server needed), one mailbox, the given mail domain."""
    project = MigrationProject.new("Checks")
    address = f"anne@{domain}"
    source, target = tmp_path / "old", tmp_path / "new"
    source.mkdir()
    target.mkdir()
    mailbox.Maildir(source / address, create=True)
    list_file = tmp_path / "list.csv"
    list_file.write_text(f"EmailAddress\n{address}\n", encoding="utf-8")
    project.mailbox_list.path = str(list_file)
    project.mailbox_list.set_addresses([address])
    for side, folder in ((project.source, source), (project.target, target)):
        side.kind, side.path = "maildir", str(folder)
        side.tested = side.signature()
    project.checks.domain = domain
    return project


def run_checks_page(qtbot, make_wizard, project, dns):  # type: ignore[no-untyped-def]
    wizard = make_wizard(project)
    wizard.checks_page.nameserver = parse_nameserver(dns.nameserver)
    qtbot.waitUntil(lambda: wizard.mailbox_list_page.mailbox_list is not None)
    go_to(wizard, PageId.CHECKS)
    page = wizard.checks_page
    qtbot.waitUntil(lambda: page.task is None and bool(project.checks.results), timeout=60_000)
    return wizard, page


def items(page) -> dict[str, object]:  # type: ignore[no-untyped-def]
    tree = page.tree
    return {
        tree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole)[0]: tree.topLevelItem(i)
        for i in range(tree.topLevelItemCount())
    }


def test_a_failed_check_blocks_next_and_shows_the_fix(qtbot, make_wizard, tmp_path, dns_server) -> None:
    project = folder_project(tmp_path, "nomx.test")
    wizard, page = run_checks_page(qtbot, make_wizard, project, dns_server)
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert "Fix what the red checks name" in page.missing_label.text()
    mx = items(page)["domain.mx"]
    assert mx.text(0) == "Failed" and mx.isExpanded()
    assert any(mx.child(i).text(0).startswith("What to do:") for i in range(mx.childCount()))


def test_warnings_need_an_acknowledgement_before_next(qtbot, make_wizard, tmp_path, slow_ttl_dns) -> None:
    project = folder_project(tmp_path, "good.test")
    wizard, page = run_checks_page(qtbot, make_wizard, project, slow_ttl_dns)
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    assert project.checks.failed == 0 and project.checks.warned >= 1
    assert items(page)["domain.mx"].text(0) == "Warning"
    assert page.ack_check.isVisible() and not next_button.isEnabled()
    page.ack_check.setChecked(True)
    assert next_button.isEnabled()


def test_one_check_runs_again_with_the_ones_that_depend_on_it(
    qtbot, make_wizard, tmp_path, dns_server
) -> None:
    project = folder_project(tmp_path, "good.test")
    wizard, page = run_checks_page(qtbot, make_wizard, project, dns_server)
    before = len(project.checks.results)
    page.tree.setCurrentItem(items(page)["domain.mx"])
    assert page.rerun_button.isEnabled()
    page.rerun_selected()
    qtbot.waitUntil(lambda: page.task is None and page.run_button.isEnabled(), timeout=60_000)
    assert len(project.checks.results) == before
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
