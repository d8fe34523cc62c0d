"""The wizard's flow in plain Python: page order, what each page needs, and the saved project."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from engine.endpoints import EndpointKind, Security
from engine.errors import BadInput
from gui.flow import (
    PAGE_ORDER,
    BatchPhase,
    MigrationProject,
    PageId,
    can_copy_every_date,
    can_leave,
    can_sync_again,
    load_project,
    missing,
    next_page,
    recent_projects,
    resume_page,
    step_number,
)

NOW = dt.datetime(2026, 5, 11, 14, 2, 0)


def codes(page: PageId, project: MigrationProject) -> list[str]:
    return [m.code for m in missing(page, project)]


def ready_project() -> MigrationProject:
    """A project with every page filled in up to the batch."""
    project = MigrationProject.new("Contoso", now=NOW)
    project.mailbox_list.path = "/lists/batch1.csv"
    project.mailbox_list.set_addresses(["a@contoso.nl", "b@contoso.nl"])
    for side in (project.source, project.target):
        side.host = "mail.contoso.nl"
        side.admin_user = "admin"
        side.password_stored = True
        side.tested = side.signature()
    project.checks.ran_for = project.setup_signature()
    project.checks.passed = 12
    return project


def test_flow_module_runs_without_qt() -> None:
    code = "import sys, gui.flow; print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_pages_follow_the_design_table_in_order() -> None:
    assert PAGE_ORDER == (
        PageId.BEFORE_YOU_BEGIN,
        PageId.MAILBOX_LIST,
        PageId.SOURCE,
        PageId.TARGET,
        PageId.CHECKS,
        PageId.BATCH,
        PageId.PROGRESS,
        PageId.REPORT,
        PageId.CUTOVER,
    )
    project = MigrationProject.new(now=NOW)
    walked = [PageId.BEFORE_YOU_BEGIN]
    while (following := next_page(walked[-1], project)) is not None:
        walked.append(following)
    assert tuple(walked) == PAGE_ORDER
    assert step_number(PageId.SOURCE) == (2, 8)
    assert step_number(PageId.CUTOVER) == (8, 8)


def test_mailbox_list_page_needs_a_file_without_error_rows_and_with_a_mailbox() -> None:
    project = MigrationProject.new(now=NOW)
    assert codes(PageId.MAILBOX_LIST, project) == ["list.none"]
    project.mailbox_list.path = "/lists/batch1.csv"
    project.mailbox_list.error_rows = 2
    assert codes(PageId.MAILBOX_LIST, project) == ["list.errors", "list.empty"]
    project.mailbox_list.error_rows = 0
    project.mailbox_list.set_addresses(["a@contoso.nl"])
    assert codes(PageId.MAILBOX_LIST, project) == []


def test_an_endpoint_needs_host_password_and_a_passing_test_of_exactly_these_settings() -> None:
    project = MigrationProject.new(now=NOW)
    project.source.admin_user = "administrator"
    missing_now = missing(PageId.SOURCE, project)
    assert [m.code for m in missing_now] == ["source.host", "source.password"]
    assert [m.control for m in missing_now] == ["sourceHostEdit", "sourcePasswordEdit"]
    project.source.host = "exchange.contoso.local"
    project.source.password_stored = True
    assert codes(PageId.SOURCE, project) == ["source.untested"]
    project.source.tested = project.source.signature()
    assert can_leave(PageId.SOURCE, project)
    # Changing the port, or storing a new password, makes the earlier test stale.
    project.source.port = 143
    assert codes(PageId.SOURCE, project) == ["source.untested"]
    project.source.tested = project.source.signature()
    project.source.password_version += 1
    assert codes(PageId.SOURCE, project) == ["source.untested"]


def test_without_an_admin_account_the_endpoint_needs_no_password_of_its_own() -> None:
    project = MigrationProject.new(now=NOW)
    project.target.host = "imap.example.nl"
    assert codes(PageId.TARGET, project) == ["target.untested"]


def test_a_local_folder_needs_a_path_and_microsoft_365_a_tenant_and_client_id() -> None:
    project = MigrationProject.new(now=NOW)
    project.target.kind = EndpointKind.MAILDIR.value
    assert codes(PageId.TARGET, project) == ["target.path"]
    project.target.kind = EndpointKind.M365.value
    assert codes(PageId.TARGET, project) == ["target.tenant", "target.client_id", "target.password"]
    project.target.auth_mode = "device"
    project.target.tenant = "contoso.onmicrosoft.com"
    project.target.client_id = "0000-1111"
    assert codes(PageId.TARGET, project) == ["target.untested"]


def test_endpoint_settings_become_the_engines_endpoint() -> None:
    project = ready_project()
    project.source.security = Security.STARTTLS.value
    project.source.port = 143
    endpoint = project.source.to_endpoint(project.source_name)
    assert endpoint.url == "imap://mail.contoso.nl:143"
    assert endpoint.admin_user == "admin"
    assert endpoint.name == f"{project.id}-source"
    project.target.kind = EndpointKind.MAILDIR.value
    project.target.path = "/srv/archive"
    assert project.target.to_endpoint("t").url == "maildir:///srv/archive"


def test_checks_must_have_run_on_the_current_setup_and_warnings_need_acknowledging() -> None:
    project = ready_project()
    assert codes(PageId.CHECKS, project) == []
    project.checks.warned = 1
    assert codes(PageId.CHECKS, project) == ["checks.warnings"]
    project.checks.warnings_acknowledged = True
    assert codes(PageId.CHECKS, project) == []
    project.checks.failed = 1
    assert codes(PageId.CHECKS, project) == ["checks.failed"]
    project.checks.failed = 0
    # A changed list makes the checks stale.
    project.mailbox_list.set_addresses(["a@contoso.nl", "b@contoso.nl", "c@contoso.nl"])
    assert codes(PageId.CHECKS, project) == ["checks.not_run"]


def test_batch_name_must_be_present_short_and_new() -> None:
    project = ready_project()
    assert project.batch.name == "batch1-20260511"
    assert codes(PageId.BATCH, project) == []
    project.batch.name = "  "
    assert codes(PageId.BATCH, project) == ["batch.name_empty"]
    project.batch.name = "x" * 65
    assert codes(PageId.BATCH, project) == ["batch.name_too_long"]
    project.batch.name = "pilot"
    project.earlier_batches.append("pilot")
    assert codes(PageId.BATCH, project) == ["batch.name_used"]


def test_progress_page_lets_the_admin_on_only_when_the_batch_finished() -> None:
    project = ready_project()
    project.batch.phase = BatchPhase.RUNNING
    assert codes(PageId.PROGRESS, project) == ["progress.not_finished"]
    project.batch.phase = BatchPhase.FINISHED
    assert codes(PageId.PROGRESS, project) == []


def test_a_reopened_project_continues_where_its_batch_stands() -> None:
    project = ready_project()
    assert resume_page(project) is PageId.MAILBOX_LIST
    project.batch.phase = BatchPhase.STOPPED
    assert next_page(PageId.BEFORE_YOU_BEGIN, project) is PageId.PROGRESS
    project.batch.phase = BatchPhase.FINISHED
    assert resume_page(project) is PageId.REPORT


def test_sync_again_queues_a_finished_batch_and_a_project_saved_meanwhile_reopens_on_its_progress(
    tmp_path: Path,
) -> None:
    project = ready_project()
    for phase in (BatchPhase.NOT_STARTED, BatchPhase.RUNNING, BatchPhase.STOPPED):
        project.batch.phase = phase
        assert not can_sync_again(project)  # a stopped batch resumes; only a finished one runs again
        with pytest.raises(ValueError):
            project.sync_again()
    project.batch.phase = BatchPhase.FINISHED
    project.batch.synced = 2
    assert can_sync_again(project) and not can_copy_every_date(project)
    project.sync_again()
    assert project.batch.phase == BatchPhase.RUNNING
    assert codes(PageId.PROGRESS, project) == ["progress.not_finished"]  # the report waits for the run
    assert next_page(PageId.BEFORE_YOU_BEGIN, project) is PageId.PROGRESS
    # Closed in the middle and opened again: the run goes on, the old report does not come back.
    reopened = load_project(project.save(tmp_path))
    assert reopened.batch.phase == BatchPhase.RUNNING
    assert resume_page(reopened) is PageId.PROGRESS
    assert reopened.batch.name == project.batch.name and reopened.batch.synced == 2


def test_copying_every_date_is_offered_only_for_a_range_and_clears_it() -> None:
    project = ready_project()
    project.batch.phase = BatchPhase.FINISHED
    project.batch.first_day = "2025-05-11"
    assert can_copy_every_date(project)
    project.batch.first_day, project.batch.last_day = "", "2026-01-31"
    assert can_copy_every_date(project)
    project.batch.first_day = "2025-05-11"
    project.batch.exclude_folders = ["Junk E-mail"]
    project.sync_again(every_date=True)
    assert project.batch.days == (None, None) and not project.batch.has_date_range
    assert (project.batch.first_day, project.batch.last_day) == ("", "")
    assert project.batch.exclude_folders == ["Junk E-mail"]  # only the dates change
    assert project.batch.phase == BatchPhase.RUNNING
    project.batch.phase = BatchPhase.FINISHED
    assert can_sync_again(project) and not can_copy_every_date(project)
    # A plain Sync again keeps the range.
    project.batch.first_day = "2025-05-11"
    project.sync_again()
    assert project.batch.days == (dt.date(2025, 5, 11), None)


def test_project_saves_and_reopens_with_everything_the_admin_entered(tmp_path: Path) -> None:
    project = ready_project()
    project.batch.exclude_folders = ["Agenda", "Notities"]
    project.cutover_done = ["forwarding"]
    path = project.save(tmp_path)
    reopened = load_project(path)
    assert reopened == project
    assert reopened.source.is_tested
    assert reopened.checks_current


def test_the_batch_date_range_survives_saving_and_reopening(tmp_path: Path) -> None:
    project = ready_project()
    project.batch.first_day = "2025-05-11"
    project.batch.last_day = "2026-05-10"
    reopened = load_project(project.save(tmp_path))
    assert reopened == project
    assert reopened.batch.days == (dt.date(2025, 5, 11), dt.date(2026, 5, 10))
    # Each end may be left open on its own.
    project.batch.last_day = ""
    assert load_project(project.save(tmp_path)).batch.days == (dt.date(2025, 5, 11), None)


def test_a_project_saved_before_date_ranges_existed_opens_with_all_dates(tmp_path: Path) -> None:
    project = ready_project()
    project.batch.exclude_folders = ["Agenda"]
    data = project.to_json()
    for key in ("first_day", "last_day"):
        del data["batch"][key]
    path = tmp_path / f"{data['id']}.mailstage.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    reopened = load_project(path)
    assert reopened.batch.days == (None, None)
    assert reopened.batch.exclude_folders == ["Agenda"]
    assert codes(PageId.BATCH, reopened) == []


def test_a_day_the_file_holds_in_another_form_counts_as_open_not_as_an_error(tmp_path: Path) -> None:
    data = ready_project().to_json()
    data["batch"]["first_day"] = "11-5-2025"
    data["batch"]["last_day"] = 20260510
    path = tmp_path / f"{data['id']}.mailstage.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert load_project(path).batch.days == (None, None)


def test_a_date_range_that_ends_before_it_begins_blocks_the_batch_page() -> None:
    project = ready_project()
    project.batch.first_day = "2026-05-01"
    project.batch.last_day = "2026-04-30"
    problems = missing(PageId.BATCH, project)
    assert [(m.code, m.control) for m in problems] == [("batch.dates_reversed", "lastDayEdit")]
    project.batch.last_day = "2026-05-01"  # one day: both ends are included
    assert can_leave(PageId.BATCH, project)
    project.batch.last_day = ""
    assert can_leave(PageId.BATCH, project)


def test_the_saved_project_holds_no_password(tmp_path: Path) -> None:
    project = ready_project()
    text = project.save(tmp_path).read_text(encoding="utf-8")
    assert "password_stored" in text
    assert not any(key in json.loads(text)["source"] for key in ("password", "secret"))


def test_a_second_batch_keeps_the_endpoints_and_starts_a_fresh_list() -> None:
    project = ready_project()
    project.batch.phase = BatchPhase.FINISHED
    project.start_next_batch(now=NOW)
    assert project.earlier_batches == ["batch1-20260511"]
    assert project.batch.name == "batch2-20260511"
    assert project.source.is_tested and project.target.is_tested
    assert codes(PageId.MAILBOX_LIST, project) == ["list.none"]
    assert resume_page(project) is PageId.MAILBOX_LIST


def test_a_damaged_project_file_is_explained_not_crashed_on(tmp_path: Path) -> None:
    broken = tmp_path / "x.mailstage.json"
    broken.write_text("{not json", encoding="utf-8")
    with pytest.raises(BadInput) as caught:
        load_project(broken)
    assert caught.value.code == "project.unreadable"
    assert "x.mailstage.json" in caught.value.what
    broken.write_text('["a list"]', encoding="utf-8")
    with pytest.raises(BadInput):
        load_project(broken)
    with pytest.raises(BadInput) as gone:
        load_project(tmp_path / "gone.mailstage.json")
    assert gone.value.code == "project.not_found"


def test_recent_projects_lists_newest_first_and_skips_damaged_files(tmp_path: Path) -> None:
    import os

    first = MigrationProject.new("First", now=NOW)
    second = MigrationProject.new("Second", now=NOW + dt.timedelta(minutes=1))
    first_path = first.save(tmp_path)
    second_path = second.save(tmp_path)
    os.utime(first_path, (1_000_000, 1_000_000))
    os.utime(second_path, (2_000_000, 2_000_000))
    (tmp_path / "junk.mailstage.json").write_text("garbage", encoding="utf-8")
    recent = recent_projects(folder=tmp_path)
    assert [r.title for r in recent] == ["Second", "First"]


def test_an_untouched_new_project_has_nothing_to_save_and_a_started_one_has() -> None:
    project = MigrationProject.new(now=NOW)
    assert not project.has_content
    project.source.host = "mail.contoso.local"
    assert project.has_content
