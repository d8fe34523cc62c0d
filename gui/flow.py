"""The wizard's flow in plain Python (no Qt): the pages in order, what each needs before Next, and the
migration project they fill in, which survives Back and Next and is saved and reopened.

The pages only show this state and write into it; the decisions (may the admin go on? which page
comes next?) are made here, so they are tested without a screen. A page turns a `Missing` code into
words on the page, next to the control it names.

A project never holds a secret: passwords go to the keyring as soon as the admin tests or leaves a
page, and the project only records that one is stored.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
from dataclasses import asdict, dataclass, field, fields
from enum import IntEnum
from pathlib import Path
from typing import Any

from engine.endpoints import (
    DEFAULT_MAX_CONCURRENT,
    AdminLoginStyle,
    Endpoint,
    EndpointKind,
    Security,
)
from engine.errors import BadInput
from engine.m365.clouds import WORLDWIDE, cloud_named
from engine.paths import state_home

SCHEMA_VERSION = 1
BATCH_NAME_MAX = 64  # Microsoft's limit for a migration batch name
PROJECT_SUFFIX = ".mailstage.json"


class PageId(IntEnum):
    """The wizard's pages, in the order of the staged migration (design table, seed steps)."""

    BEFORE_YOU_BEGIN = 0
    MAILBOX_LIST = 1
    SOURCE = 2
    TARGET = 3
    CHECKS = 4
    BATCH = 5
    PROGRESS = 6
    REPORT = 7
    CUTOVER = 8


PAGE_ORDER: tuple[PageId, ...] = tuple(PageId)


class BatchPhase(IntEnum):
    """Where the current batch stands, as far as the wizard's flow is concerned."""

    NOT_STARTED = 0
    RUNNING = 1  # queued, syncing or stopping
    STOPPED = 2  # stopped by the admin or by closing the window; resumable
    FINISHED = 3  # synced, synced with errors, completed or failed


@dataclass(frozen=True)
class Missing:
    """One thing a page still needs before Next. `code` is stable (the page words it);
    `control` is the objectName of the control to mark."""

    code: str
    control: str


@dataclass
class EndpointSettings:
    """The source or target as the admin fills it in. Never holds a secret."""

    kind: str = EndpointKind.IMAP.value
    host: str = ""
    port: int = 993
    security: str = Security.TLS.value
    path: str = ""  # maildir root
    admin_user: str = ""
    admin_style: str = AdminLoginStyle.SASL.value
    max_concurrent: int = DEFAULT_MAX_CONCURRENT
    pinned_fingerprint: str = ""
    tenant: str = ""
    client_id: str = ""
    auth_mode: str = "app"
    cloud: str = "worldwide"  # Microsoft's cloud of the tenant (engine.m365.clouds)
    password_stored: bool = False  # a password (or client secret) is in the keyring
    password_version: int = 0  # bumped whenever a new password is stored, so a test goes stale
    tested: str = ""  # signature of the settings that last passed "Test connection"
    test_summary: str = ""  # what that test found, for the page and the summary
    signed_in_as: str = ""  # Microsoft 365 device sign-in: the administrator's account (no secret)

    def signature(self) -> str:
        """A fingerprint of everything that decides whether a connection works."""
        parts = [
            self.kind,
            self.host.strip().lower(),
            str(self.port),
            self.security,
            self.path,
            self.admin_user.strip(),
            self.admin_style,
            self.pinned_fingerprint,
            self.tenant.strip().lower(),
            self.client_id.strip(),
            self.auth_mode,
            self.cloud,
            str(self.password_version),
        ]
        return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:16]

    @property
    def is_tested(self) -> bool:
        return bool(self.tested) and self.tested == self.signature()

    @property
    def needs_password(self) -> bool:
        """Whether this endpoint logs in with a password of its own (an admin account or an app secret).

        Without an admin account each mailbox logs in with the password from the list, so the
        endpoint itself needs none. A local folder needs none either.
        """
        if self.kind == EndpointKind.MAILDIR.value:
            return False
        if self.kind == EndpointKind.M365.value:
            return self.auth_mode == "app"
        return bool(self.admin_user.strip())

    def describe(self) -> str:
        """Where it points, as the summary shows it (not translated: host names and URLs)."""
        if self.kind == EndpointKind.MAILDIR.value:
            return self.path
        if self.kind == EndpointKind.M365.value:
            return f"Microsoft 365 ({self.tenant})"
        return f"{self.host}:{self.port}"

    def to_endpoint(self, name: str) -> Endpoint:
        """The engine's Endpoint for these settings."""
        kind = EndpointKind(self.kind)
        if kind is EndpointKind.MAILDIR:
            return Endpoint(name, kind, path=self.path, max_concurrent=self.max_concurrent)
        if kind is EndpointKind.M365:
            try:
                cloud = cloud_named(self.cloud)
            except BadInput:
                cloud = WORLDWIDE  # a project saved by a newer Mailstage: the page shows what is used
            return Endpoint(
                name,
                kind,
                host=cloud.imap_host,
                port=993,
                security=Security.TLS,
                tenant=self.tenant.strip(),
                client_id=self.client_id.strip(),
                auth_mode=self.auth_mode,
                authority="" if cloud is WORLDWIDE else cloud.authority(self.tenant),
                max_concurrent=self.max_concurrent,
            )
        return Endpoint(
            name,
            kind,
            host=self.host.strip(),
            port=self.port,
            security=Security(self.security),
            admin_user=self.admin_user.strip(),
            admin_style=AdminLoginStyle(self.admin_style),
            pinned_fingerprint=self.pinned_fingerprint,
            max_concurrent=self.max_concurrent,
        )

    def missing(self, prefix: str) -> list[Missing]:
        """What is still needed, PREFIX being "source" or "target" (it names the controls too)."""
        result: list[Missing] = []
        if self.kind == EndpointKind.MAILDIR.value:
            if not self.path.strip():
                result.append(Missing(f"{prefix}.path", f"{prefix}PathEdit"))
        elif self.kind == EndpointKind.M365.value:
            if not self.tenant.strip():
                result.append(Missing(f"{prefix}.tenant", f"{prefix}TenantEdit"))
            if not self.client_id.strip():
                result.append(Missing(f"{prefix}.client_id", f"{prefix}ClientIdEdit"))
        else:
            if not self.host.strip():
                result.append(Missing(f"{prefix}.host", f"{prefix}HostEdit"))
            if not 1 <= self.port <= 65535:
                result.append(Missing(f"{prefix}.port", f"{prefix}PortSpin"))
        if self.needs_password and not self.password_stored:
            result.append(Missing(f"{prefix}.password", f"{prefix}PasswordEdit"))
        if not result and not self.is_tested:
            result.append(Missing(f"{prefix}.untested", f"{prefix}TestButton"))
        return result


@dataclass
class MailboxListState:
    """The imported list, as far as the flow needs it (the rows themselves stay with the page)."""

    path: str = ""
    format: str = ""  # the format the engine recognised (staged, imap, mailstage)
    rows: int = 0  # data rows read
    usable: int = 0  # rows without an error that are kept
    error_rows: int = 0  # rows with an error that are still in the list
    warning_rows: int = 0
    dropped_rows: list[int] = field(default_factory=list)  # rows the admin removed (Excel row numbers)
    addresses: list[str] = field(default_factory=list)  # the kept mailboxes, in list order
    batch_size: int = 2000  # Microsoft's limit per batch
    batch_index: int = 0  # which part of a split list this batch takes
    batch_count: int = 1
    signature: str = ""  # changes whenever the kept mailboxes change (checks go stale)

    def set_addresses(self, addresses: list[str]) -> None:
        self.addresses = list(addresses)
        self.usable = len(addresses)
        self.signature = hashlib.sha256("\n".join(addresses).encode()).hexdigest()[:16]


@dataclass
class ChecksState:
    """The result of the last prerequisite run, and what it was run against."""

    ran_for: str = ""  # signature of source + target + list when the checks ran
    passed: int = 0
    warned: int = 0
    failed: int = 0
    skipped: int = 0
    warnings_acknowledged: bool = False
    # The mail domain checked for MX and Autodiscover: None until the admin (or the list) sets one,
    # "" when the admin cleared it on purpose.
    domain: str | None = None
    # The last results as the contract's JSON objects (id, subject, status, evidence, fix), so a
    # reopened project shows them again. Evidence never holds a secret (the engine redacts it).
    results: list[dict[str, str]] = field(default_factory=list)


@dataclass
class BatchState:
    """The batch being prepared or run."""

    name: str = ""
    exclude_folders: list[str] = field(default_factory=list)
    # Copy only messages received from first_day through last_day (ISO dates, both days included);
    # "" leaves that end open, so two empty days (and older project files) mean every message.
    first_day: str = ""
    last_day: str = ""
    start_at: str = ""  # ISO date-time to start at; empty = start now
    phase: int = BatchPhase.NOT_STARTED
    status: str = ""  # the engine's batch status (Microsoft's names)
    report_folder: str = ""
    mailboxes: list[str] = field(default_factory=list)  # the addresses this batch copies
    synced: int = 0
    failed: int = 0
    resume_on_open: bool = False  # stopped because the window closed: go on when reopened

    @property
    def days(self) -> tuple[dt.date | None, dt.date | None]:
        """The first and last day to copy (None: that end is open). A day the file holds in some
        other form counts as open: copying more is safer than silently copying less, and the Batch
        page shows the range as it will run."""
        return _day(self.first_day), _day(self.last_day)

    @property
    def dates_reversed(self) -> bool:
        """Whether the range ends before it begins (it would copy nothing)."""
        first, last = self.days
        return first is not None and last is not None and first > last

    @property
    def has_date_range(self) -> bool:
        """Whether the batch copies only part of the mail (either end of the range is set)."""
        return self.days != (None, None)


def _day(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if text else None
    except (TypeError, ValueError):
        return None


@dataclass
class MigrationProject:
    """Everything the admin decided, saved as they go and reopened later."""

    id: str
    title: str
    created: str
    demo: bool = False
    mailbox_list: MailboxListState = field(default_factory=MailboxListState)
    source: EndpointSettings = field(default_factory=EndpointSettings)
    target: EndpointSettings = field(default_factory=EndpointSettings)
    checks: ChecksState = field(default_factory=ChecksState)
    batch: BatchState = field(default_factory=BatchState)
    earlier_batches: list[str] = field(default_factory=list)
    cutover_done: list[str] = field(default_factory=list)  # ids of ticked cut-over steps
    language: str = ""

    @classmethod
    def new(cls, title: str = "", *, now: dt.datetime | None = None, demo: bool = False) -> MigrationProject:
        moment = now or dt.datetime.now()
        project_id = f"{'demo' if demo else 'migration'}-{moment:%Y%m%d-%H%M%S}"
        project = cls(
            id=project_id,
            title=title or f"{moment:%Y-%m-%d %H:%M}",
            created=moment.isoformat(timespec="seconds"),
            demo=demo,
        )
        project.batch.name = default_batch_name(project, moment)
        return project

    # Endpoint names in the engine (and keyring keys) are per project, so two projects never share
    # a password by accident.
    @property
    def source_name(self) -> str:
        return f"{self.id}-source"

    @property
    def target_name(self) -> str:
        return f"{self.id}-target"

    @property
    def has_content(self) -> bool:
        """Whether the admin entered anything worth keeping (an untouched new project is not saved)."""
        return bool(
            self.mailbox_list.path
            or self.source.host
            or self.source.path
            or self.source.tenant
            or self.target.host
            or self.target.path
            or self.target.tenant
            or self.earlier_batches
        )

    def setup_signature(self) -> str:
        """Changes whenever something the checks depend on changes."""
        return "/".join((self.source.signature(), self.target.signature(), self.mailbox_list.signature))

    @property
    def checks_current(self) -> bool:
        return bool(self.checks.ran_for) and self.checks.ran_for == self.setup_signature()

    def sync_again(self, *, every_date: bool = False) -> None:
        """The report's "Sync again": run the finished batch once more. The engine makes that an
        incremental sync, copying only what arrived or changed since the last run (seed: the batch keeps
        syncing until the cut-over). EVERY_DATE also clears the date range first, so the run brings the
        messages the range left out; the batch process widens the batch's range to match, and nothing
        already there is copied twice.

        The phase is RUNNING (queued) at once: a project saved from here on and reopened goes on to the
        progress page and runs the batch, never back to the old report."""
        if not can_sync_again(self):
            raise ValueError("only a finished batch can be synced again")
        if every_date:
            self.batch.first_day = self.batch.last_day = ""
        self.batch.phase = BatchPhase.RUNNING
        self.batch.resume_on_open = False

    def start_next_batch(self, now: dt.datetime | None = None) -> None:
        """After a finished batch: keep the endpoints, clear the list, checks and batch (seed step 8)."""
        if self.batch.name:
            self.earlier_batches.append(self.batch.name)
        self.mailbox_list = MailboxListState()
        self.checks = ChecksState(domain=self.checks.domain)
        self.batch = BatchState()
        self.batch.name = default_batch_name(self, now or dt.datetime.now())
        self.cutover_done = []

    # -- saving -------------------------------------------------------------------------------

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["schema"] = SCHEMA_VERSION
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> MigrationProject:
        def build(kind: type[Any], values: object) -> Any:
            if not isinstance(values, dict):
                return kind()
            known = {f.name for f in fields(kind)}
            return kind(**{k: v for k, v in values.items() if k in known})

        if not isinstance(data.get("id"), str) or not PROJECT_ID.match(data["id"]):
            raise ValueError("no valid project id")
        return cls(
            id=data["id"],
            title=str(data.get("title", data["id"])),
            created=str(data.get("created", "")),
            demo=bool(data.get("demo", False)),
            mailbox_list=build(MailboxListState, data.get("mailbox_list")),
            source=build(EndpointSettings, data.get("source")),
            target=build(EndpointSettings, data.get("target")),
            checks=build(ChecksState, data.get("checks")),
            batch=build(BatchState, data.get("batch")),
            earlier_batches=[str(x) for x in data.get("earlier_batches", [])],
            cutover_done=[str(x) for x in data.get("cutover_done", [])],
            language=str(data.get("language", "")),
        )

    def save(self, folder: Path | None = None) -> Path:
        """Write the project atomically (temporary file, then rename) and return its path."""
        target_dir = folder or projects_dir()
        target_dir.mkdir(parents=True, exist_ok=True)
        path = target_dir / f"{self.id}{PROJECT_SUFFIX}"
        tmp = path.with_name(path.name + ".tmp")
        with tmp.open("w", encoding="utf-8") as handle:
            json.dump(self.to_json(), handle, indent=2, ensure_ascii=False)
            handle.flush()
            os.fsync(handle.fileno())
        tmp.replace(path)
        return path


PROJECT_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,50}$")


def default_batch_name(project: MigrationProject, now: dt.datetime) -> str:
    number = len(project.earlier_batches) + 1
    return f"batch{number}-{now:%Y%m%d}"


def projects_dir() -> Path:
    return state_home() / "projects"


def load_project(path: Path) -> MigrationProject:
    """Read a saved project; BadInput says what is wrong with the file and what to do."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BadInput(
            "project.not_found",
            f"The saved migration {path.name} is not there any more.",
            "It was moved or deleted.",
            "Choose another saved migration or start a new one.",
        ) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise BadInput(
            "project.unreadable",
            f"The saved migration {path.name} cannot be read.",
            f"The file is damaged or is not a Mailstage migration ({type(error).__name__}).",
            "Start a new migration; your mailboxes on the servers are not affected.",
        ) from None
    try:
        if not isinstance(data, dict):
            raise ValueError("not an object")
        return MigrationProject.from_json(data)
    except (TypeError, ValueError):
        raise BadInput(
            "project.unreadable",
            f"The saved migration {path.name} cannot be read.",
            "The file is not a Mailstage migration, or was written by a newer version.",
            "Start a new migration; your mailboxes on the servers are not affected.",
        ) from None


@dataclass(frozen=True)
class RecentProject:
    path: Path
    title: str
    modified: dt.datetime
    batch: str
    phase: BatchPhase


def recent_projects(limit: int = 8, folder: Path | None = None) -> list[RecentProject]:
    """Saved projects, newest first. Files that cannot be read are left out."""
    base = folder or projects_dir()
    if not base.is_dir():
        return []
    found: list[RecentProject] = []
    for path in base.glob(f"*{PROJECT_SUFFIX}"):
        try:
            project = load_project(path)
            modified = dt.datetime.fromtimestamp(path.stat().st_mtime)
        except (BadInput, OSError):
            continue
        found.append(RecentProject(path, project.title, modified, project.batch.name, batch_phase(project)))
    found.sort(key=lambda r: r.modified, reverse=True)
    return found[:limit]


# -- what each page needs -----------------------------------------------------------------------


def batch_name_problem(project: MigrationProject) -> str:
    """A Missing code for the batch name, or "" when it is fine."""
    name = project.batch.name.strip()
    if not name:
        return "batch.name_empty"
    if len(name) > BATCH_NAME_MAX:
        return "batch.name_too_long"
    if name in project.earlier_batches:
        return "batch.name_used"
    return ""


def missing(page: PageId, project: MigrationProject) -> list[Missing]:
    """What PAGE still needs before the admin may go on; empty when Next (or the commit) may be used."""
    if page is PageId.MAILBOX_LIST:
        lst = project.mailbox_list
        if not lst.path:
            return [Missing("list.none", "openListButton")]
        result = []
        if lst.error_rows:
            result.append(Missing("list.errors", "mailboxTable"))
        if lst.usable == 0:
            result.append(Missing("list.empty", "mailboxTable"))
        return result
    if page is PageId.SOURCE:
        return project.source.missing("source")
    if page is PageId.TARGET:
        return project.target.missing("target")
    if page is PageId.CHECKS:
        if not project.checks_current:
            return [Missing("checks.not_run", "runChecksButton")]
        if project.checks.failed:
            return [Missing("checks.failed", "checksTable")]
        if project.checks.warned and not project.checks.warnings_acknowledged:
            return [Missing("checks.warnings", "acknowledgeWarningsCheck")]
        return []
    if page is PageId.BATCH:
        result = []
        problem = batch_name_problem(project)
        if problem:
            result.append(Missing(problem, "batchNameEdit"))
        if project.batch.dates_reversed:
            result.append(Missing("batch.dates_reversed", "lastDayEdit"))
        return result
    if page is PageId.PROGRESS:
        if project.batch.phase != BatchPhase.FINISHED:
            return [Missing("progress.not_finished", "overallProgress")]
        return []
    return []


def can_leave(page: PageId, project: MigrationProject) -> bool:
    return not missing(page, project)


def next_page(page: PageId, project: MigrationProject) -> PageId | None:
    """The page after PAGE, or None on the last page. Pure and cheap: QWizard calls it often."""
    if page is PageId.BEFORE_YOU_BEGIN:
        return resume_page(project)
    if page is PageId.CUTOVER:
        return None
    return PAGE_ORDER[PAGE_ORDER.index(page) + 1]


def batch_phase(project: MigrationProject) -> BatchPhase:
    try:
        return BatchPhase(project.batch.phase)
    except ValueError:
        return BatchPhase.NOT_STARTED


def can_sync_again(project: MigrationProject) -> bool:
    """Whether the batch may run again from the report: it ran to its end (a stopped one resumes instead)."""
    return batch_phase(project) is BatchPhase.FINISHED and bool(project.batch.name.strip())


def can_copy_every_date(project: MigrationProject) -> bool:
    """Whether the report offers to copy the mail the batch's date range left out."""
    return can_sync_again(project) and project.batch.has_date_range


def resume_page(project: MigrationProject) -> PageId:
    """Where a reopened project continues: a started batch goes straight to its progress or report.
    The wizard goes this way too when the report runs the batch again (`MigrationProject.sync_again`)."""
    phase = batch_phase(project)
    if phase in (BatchPhase.RUNNING, BatchPhase.STOPPED):
        return PageId.PROGRESS
    if phase == BatchPhase.FINISHED:
        return PageId.REPORT
    return PageId.MAILBOX_LIST


def step_number(page: PageId) -> tuple[int, int]:
    """ "Step X of Y" with Y stable (Microsoft's rule); the first page is not a step."""
    return (PAGE_ORDER.index(page), len(PAGE_ORDER) - 1)
