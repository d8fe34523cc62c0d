"""The Cut-over page saves the batch's forwarding and convert-to-mail-user scripts, or says why not."""

from __future__ import annotations

import csv
from pathlib import Path

from engine.batches import create_batch
from engine.endpoints import Endpoint, EndpointKind
from engine.store import NewBatchMailbox, StateStore
from gui.flow import BatchPhase, MigrationProject, PageId
from tests.gui.conftest import go_to


def cutover_page(make_wizard, batch: str):  # type: ignore[no-untyped-def]
    project = MigrationProject.new("Cut-over scripts")
    project.mailbox_list.path = "/lists/week1.csv"
    project.mailbox_list.set_addresses(["anne@contoso.nl", "bram@contoso.nl"])
    wizard = make_wizard(project)
    go_to(wizard, PageId.REPORT)
    project.batch.phase = BatchPhase.FINISHED
    project.batch.name = batch
    wizard.next()
    return wizard.cutover_page


def test_cutover_page_saves_the_scripts_for_the_batch(qtbot, make_wizard, tmp_path: Path) -> None:
    store = StateStore()
    old = Endpoint("old", EndpointKind.MAILDIR, path=str(tmp_path / "old"))
    new = Endpoint("new", EndpointKind.MAILDIR, path=str(tmp_path / "new"))
    create_batch(
        store, "Week 1", old, new, [NewBatchMailbox("anne@contoso.nl"), NewBatchMailbox("bram@contoso.nl")]
    )
    store.close()
    page = cutover_page(make_wizard, "Week 1")
    page.routing_edit.setText("contoso.mail.onmicrosoft.com")
    page.save_scripts(tmp_path / "scripts")
    qtbot.waitUntil(lambda: page.scripts_label.isVisible() or page.error_view.isVisible(), timeout=10_000)
    assert page.scripts_label.isVisible(), page.error_view.what_label.text()
    assert "1-Set-Forwarding.ps1" in page.scripts_label.text()
    with (tmp_path / "scripts" / "mailboxes.csv").open(encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))
    assert [row[1] for row in rows[1:]] == [
        "anne@contoso.mail.onmicrosoft.com",
        "bram@contoso.mail.onmicrosoft.com",
    ]
    assert (tmp_path / "scripts" / "2-Convert-ToMailUser.ps1").is_file()


def test_cutover_page_explains_why_scripts_cannot_be_made(qtbot, make_wizard, tmp_path: Path) -> None:
    page = cutover_page(make_wizard, "No such batch")
    page.save_scripts(tmp_path / "scripts")
    qtbot.waitUntil(lambda: page.error_view.isVisible(), timeout=10_000)
    assert "No such batch" in page.error_view.what_label.text()
    assert not (tmp_path / "scripts" / "mailboxes.csv").exists()
    assert page.scripts_button.isEnabled()
