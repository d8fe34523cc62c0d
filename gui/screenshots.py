"""Save a picture of every page of the wizard, in English and Dutch, with realistic content.

    python -m gui.screenshots OUTDIR [--lang en nl] [--scale 1.5] [--dark]

Runs offscreen unless a screen is asked for (QT_QPA_PLATFORM). It works in a temporary state folder
with an in-memory keyring, so nothing reaches the real keyring or the admin's saved migrations. The
mailbox list is a real file read by the engine; server answers (test results, checks, a batch's
progress and its outcome) are sample data shaped like what a Contoso migration from Exchange 2007 to
Microsoft 365 produces, since no server is running here.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

from gui.flow import BatchPhase, MigrationProject, PageId

PAGE_FILES = {
    PageId.BEFORE_YOU_BEGIN: "1-before-you-begin",
    PageId.MAILBOX_LIST: "2-mailbox-list",
    PageId.SOURCE: "3-source",
    PageId.TARGET: "4-target",
    PageId.CHECKS: "5-checks",
    PageId.BATCH: "6-batch",
    PageId.PROGRESS: "7-progress",
    PageId.REPORT: "8-report",
    PageId.CUTOVER: "9-cutover",
}

SAMPLE_LIST = """EmailAddress;Password;ForceChangePassword
anne.dejong@contoso.nl;Welkom2026!a;True
bram.visser@contoso.nl;Welkom2026!b;True
carla.smit@contoso.nl;kort;True
daan.bakker@contoso.nl;Welkom2026!d;Waar
eva.janssen@contoso.nl;Welkom2026!e;True
femke.devries@contoso,nl;Welkom2026!f;True
gijs.vandenberg@contoso.nl;Welkom2026!g;True
hanna.mulder@contoso.nl;Welkom2026!h;Misschien
ivo.peters@contoso.nl;Welkom2026!i;True
bram.visser@contoso.nl;Welkom2026!j;True
jan.hendriks@contoso.nl;Welkom2026!k;False
karin.dekker@contoso.nl;Welkom2026!l;True
lars.vos@contoso.nl;Welkom2026!m;True
"""

ADDRESSES = [
    "anne.dejong@contoso.nl",
    "bram.visser@contoso.nl",
    "daan.bakker@contoso.nl",
    "eva.janssen@contoso.nl",
    "gijs.vandenberg@contoso.nl",
    "ivo.peters@contoso.nl",
    "jan.hendriks@contoso.nl",
    "karin.dekker@contoso.nl",
    "lars.vos@contoso.nl",
]


def _install_memory_keyring() -> None:
    import keyring
    from keyring.backend import KeyringBackend

    class _Memory(KeyringBackend):
        priority = 1  # type: ignore[assignment]

        def __init__(self) -> None:
            super().__init__()
            self.store: dict[tuple[str, str], str] = {}

        def get_password(self, service: str, username: str) -> str | None:
            return self.store.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            self.store[(service, username)] = password

        def delete_password(self, service: str, username: str) -> None:
            self.store.pop((service, username), None)

    keyring.set_keyring(_Memory())


def sample_project(folder: Path) -> MigrationProject:
    now = dt.datetime(2026, 5, 11, 13, 48)
    project = MigrationProject.new("Contoso: Exchange 2007 to Microsoft 365", now=now)
    project.id = "migration-20260511-134800"
    list_path = folder / "contoso-batch1.csv"
    list_path.write_text(SAMPLE_LIST, encoding="cp1252")
    project.mailbox_list.path = str(list_path)
    project.mailbox_list.batch_size = 2000
    source = project.source
    source.host, source.port, source.security = "mail.contoso.local", 993, "tls"
    source.admin_user, source.admin_style = "CONTOSO\\migratie", "exchange"
    source.password_stored = True
    source.pinned_fingerprint = "3f" * 32
    target = project.target
    target.kind, target.tenant = "m365", "contoso.onmicrosoft.com"
    target.client_id, target.auth_mode, target.password_stored = (
        "6731de76-14a6-49ae-97bc-6eba6914391e",
        "app",
        True,
    )
    project.mailbox_list.set_addresses(ADDRESSES)
    source.tested, target.tested = source.signature(), target.signature()
    project.checks.domain = "contoso.nl"
    return project


def sample_check_results() -> list[dict[str, str]]:
    """The engine's own sentences (engine.text.T with its real templates), so the Dutch pictures show
    them as the Dutch wizard does."""
    from engine.text import T

    source, target = "imaps://mail.contoso.local:993", "m365://contoso.onmicrosoft.com"
    host = "mail.contoso.local"
    results = [
        (
            "source.dns",
            source,
            "pass",
            T(
                "{host} resolves to {addresses} (TTL {ttl} s; asked {asked}).",
                host=host,
                addresses="10.0.0.12",
                ttl=3600,
                asked=T("this computer's DNS servers"),
            ),
            "",
        ),
        (
            "source.tcp",
            source,
            "pass",
            T(
                "{host} accepts connections on port {port} ({address}, {ms:.0f} ms).",
                host=host,
                port=993,
                address="10.0.0.12",
                ms=3,
            ),
            "",
        ),
        (
            "source.tls",
            source,
            "pass",
            T(
                "{protocol} ({how}); certificate for {names} issued by {issuer}, {validity}; chain and host name "
                "verified.",
                protocol="TLSv1.2",
                how=T("implicit TLS"),
                names=host,
                issuer="CN=Contoso Root CA",
                validity=T("valid until {date} ({days} days from now)", date="2027-03-31", days=490),
            ),
            "",
        ),
        (
            "source.login",
            source,
            "pass",
            T(
                "The admin account {admin} opened {address} ({style}) in {ms:.0f} ms.",
                admin="CONTOSO/migratie",
                address="anne.dejong@contoso.nl",
                style="DOMAIN/admin/mailbox",
                ms=41,
            ),
            "",
        ),
        (
            "source.connections",
            source,
            "warn",
            T(
                "Only {alive} of {planned} sessions could be open at once: {reason}.",
                alive=10,
                planned=20,
                reason=T(
                    "session {number} was refused: {reason}", number=11, reason="Connection limit reached"
                ),
            ),
            T(
                "Raise the server's connection limit to at least {planned} ({where}) or lower Maximum concurrent "
                "migrations to {alive}.",
                planned=20,
                where="Exchange: Set-ImapSettings -MaxConnectionsPerUser and -MaxConnectionFromSingleIP",
                alive=10,
            ),
        ),
        ("target.dns", target, "pass", "outlook.office365.com resolves.", ""),
        ("target.tls", target, "pass", "outlook.office365.com presents a trusted certificate.", ""),
        ("target.login", target, "pass", "The app signed in with IMAP.AccessAsApp.", ""),
        (
            "mailbox.target_exists",
            "lars.vos@contoso.nl",
            "fail",
            "lars.vos@contoso.nl has no mailbox in Microsoft 365.",
            "Run directory synchronisation, or create the user and give them an Exchange Online licence.",
        ),
        (
            "mailbox.size",
            "anne.dejong@contoso.nl",
            "pass",
            T(
                "{folders} folders, {messages} messages, {size} on the source; largest message {largest}.",
                folders=14,
                messages=8214,
                size="1.9 GB",
                largest="24.6 MB",
            ),
            "",
        ),
        (
            "domain.mx",
            "contoso.nl",
            "warn",
            T(
                "MX of {domain} points to {pointing}; TTL {ttl}. {after}",
                domain="contoso.nl",
                pointing=T("{host} (preference {preference})", host="mail.contoso.nl", preference=10),
                ttl=T("{seconds} s ({hours} hours)", seconds=86400, hours=24),
                after=T(
                    "After cut-over it must point to {host} (Microsoft 365).",
                    host="contoso-nl.mail.protection.outlook.com",
                ),
            ),
            T(
                "Lower the MX record's TTL from {seconds} s to {advice} s (1 hour) or less at least {ttl} before "
                "cut-over, so the change to the new system spreads quickly.",
                seconds=86400,
                advice=3600,
                ttl=T("{seconds} s ({hours} hours)", seconds=86400, hours=24),
            ),
        ),
        (
            "domain.autodiscover",
            "contoso.nl",
            "pass",
            T(
                "{name} is a CNAME to {destination} (TTL {ttl})",
                name="autodiscover.contoso.nl",
                destination="mail.contoso.nl",
                ttl=T("{seconds} s (1 hour)", seconds=3600),
            ),
            "",
        ),
    ]
    return [{"id": i, "subject": s, "status": st, "evidence": e, "fix": f} for i, s, st, e, f in results]


def sample_summary() -> object:
    from engine.reports import BatchSummary, MailboxOutcome
    from engine.status import BatchStatus, Grade, MailboxStatus

    started = dt.datetime(2026, 5, 11, 14, 2)
    outcomes = []
    for number, address in enumerate(ADDRESSES):
        if address.startswith("lars"):
            outcomes.append(
                MailboxOutcome(
                    address,
                    MailboxStatus.FAILED,
                    error_what="The mailbox lars.vos@contoso.nl does not exist in Microsoft 365.",
                    error_cause="Directory synchronisation has not created this user yet.",
                    error_fix="Run directory synchronisation, then Retry failed on the progress page.",
                )
            )
            continue
        skipped = 2 if address.startswith("eva") else 0
        outcomes.append(
            MailboxOutcome(
                address,
                MailboxStatus.SYNCED,
                items_migrated=3000 + number * 911,
                items_skipped=skipped,
                bytes_migrated=(700 + number * 230) * 1024 * 1024,
                seconds=600 + number * 95,
                grade=Grade.GOOD if skipped else Grade.PERFECT,
            )
        )
    return BatchSummary(
        "batch1-20260511",
        BatchStatus.SYNCED_WITH_ERRORS,
        "imaps://mail.contoso.local:993",
        "m365://contoso.onmicrosoft.com",
        started,
        started + dt.timedelta(hours=1, minutes=37),
        tuple(outcomes),
    )


def _fill_source_test(page: object) -> None:
    from engine.checks import CheckResult, Status

    source = "imaps://mail.contoso.local:993"
    for check_id, status, evidence in (
        ("source.dns", Status.PASS, "mail.contoso.local resolves to 10.0.0.12."),
        ("source.tcp", Status.PASS, "10.0.0.12 port 993 accepted the connection in 3 ms."),
        ("source.tls", Status.PASS, "mail.contoso.local presents the certificate you trusted (TLSv1.2)."),
        ("source.login", Status.PASS, "CONTOSO\\migratie logged in and may open other users' mailboxes."),
        (
            "source.capabilities",
            Status.PASS,
            "IMAP4rev1, UIDPLUS, IDLE, NAMESPACE: nothing missing for the copy.",
        ),
    ):
        page._add_result(CheckResult(check_id, source, status, evidence))  # type: ignore[attr-defined]
    page.results_tree.setVisible(True)  # type: ignore[attr-defined]


def _fill_cutover(page: object) -> None:
    from engine.checks import CheckReport, CheckResult, Status

    # The same domain results as the Checks page's sample: the engine's own sentences.
    report = CheckReport(
        tuple(
            CheckResult(r["id"], r["subject"], Status(r["status"]), r["evidence"], r["fix"])
            for r in sample_check_results()
            if r["id"] in ("domain.mx", "domain.autodiscover")
        )
    )
    page._on_dns_checked(report)  # type: ignore[attr-defined]
    page.select_step("mx")  # type: ignore[attr-defined]


def _fill_progress(page: object) -> None:
    from engine.status import MailboxStatus

    now = dt.datetime(2026, 5, 11, 14, 31, 12)
    changes: dict[str, dict[str, object]] = {}
    for number, address in enumerate(ADDRESSES):
        if number < 3:
            changes[address] = {
                "status": MailboxStatus.SYNCED,
                "items_done": 3000 + number * 911,
                "items_total": 3000 + number * 911,
                "bytes_done": (700 + number * 230) * 1024 * 1024,
                "last_activity": now - dt.timedelta(minutes=9 - number),
            }
        elif number < 6:
            changes[address] = {
                "status": MailboxStatus.SYNCING,
                "folder": ["Postvak IN", "Verzonden items", "Projecten/2025"][number - 3],
                "items_done": 1200 + number * 310,
                "items_total": 4100 + number * 200,
                "bytes_done": (300 + number * 40) * 1024 * 1024,
                "rate": (1.1 + number * 0.3) * 1024 * 1024,
                "last_activity": now,
                "waiting_since": now - dt.timedelta(minutes=29) if number == 5 else None,
            }
        else:
            changes[address] = {"status": MailboxStatus.QUEUED}
    page.model.update(changes)  # type: ignore[attr-defined]
    for value in (2.1, 2.6, 3.0, 3.4, 3.1, 2.2, 1.4, 1.5, 2.8, 3.6, 3.9, 3.7, 3.8, 4.1, 3.9, 4.2):
        page.chart.add_sample(value * 1024 * 1024)  # type: ignore[attr-defined]

    class _Snapshot:
        fraction = 0.41
        bytes_done = 5_300 * 1024 * 1024
        bytes_total = 12_900 * 1024 * 1024
        bytes_per_second = 4.2 * 1024 * 1024
        eta_seconds = 3100.0

    page._on_progressed(_Snapshot())  # type: ignore[attr-defined]
    page.activity_label.setText(page.tr("Migrating mailboxes..."))  # type: ignore[attr-defined]
    page.stop_button.setEnabled(True)  # type: ignore[attr-defined]
    page.resume_button.setEnabled(False)  # type: ignore[attr-defined]


def capture(out_dir: Path, languages: list[str], *, dark: bool = False) -> list[Path]:
    """Draw every page in each language into OUT_DIR; returns the files written."""
    from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QApplication, QStyleFactory

    from gui.app import make_application
    from gui.context import WizardContext
    from gui.i18n import install_translators
    from gui.wizard import MigrationWizard

    app = make_application(sys.argv[:1])
    if dark:
        app.setStyle(QStyleFactory.create("Fusion"))
        app.setPalette(_dark_palette(QPalette))
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    work = Path(tempfile.mkdtemp(prefix="mailstage-shots-"))
    os.environ["MAILSTAGE_HOME"] = str(work / "home")
    _install_memory_keyring()
    for language in languages:
        translators = install_translators(app, language)
        projects = work / f"projects-{language}"
        earlier = MigrationProject.new("Contoso: pilot batch", now=dt.datetime(2026, 5, 4, 9, 30))
        earlier.batch.phase = BatchPhase.FINISHED
        earlier.save(projects)
        project = sample_project(work)
        project.checks.results = sample_check_results()
        project.checks.passed, project.checks.warned, project.checks.failed = 9, 2, 1
        project.checks.ran_for = project.setup_signature()
        project.batch.mailboxes = list(ADDRESSES)
        project.batch.exclude_folders = ["Junk E-mail"]
        project.batch.first_day = "2025-05-11"  # the last year first; the rest in a later run
        project.batch.report_folder = str(work / "reports")
        project.cutover_done = ["verify", "forwarding"]
        context = WizardContext(project=project, projects_folder=projects)
        wizard = MigrationWizard(context=context)
        wizard.resize(940, 680)  # the size on a common desktop (the offscreen screen is smaller)
        wizard.show()
        list_page = wizard.mailbox_list_page
        _wait_until(lambda page=list_page: page.mailbox_list is not None or page.error_view.isVisible())
        # The checks ran for exactly this list (the ready rows of the sample file).
        project.checks.ran_for = project.setup_signature()
        project.batch.mailboxes = list(project.mailbox_list.addresses)
        wizard.checks_page.show_project(project)
        for page_id in PageId:
            if page_id is PageId.PROGRESS:
                # Shown as it looks mid-batch; the start on entering the page is not wanted here.
                project.batch.phase = BatchPhase.STOPPED
            if page_id is PageId.REPORT:
                project.batch.phase = BatchPhase.FINISHED
                context.summary = sample_summary()  # type: ignore[assignment]
            while wizard.currentId() != int(page_id):
                wizard.next()
            page = wizard.page_for(page_id)
            if page_id is PageId.PROGRESS:
                _fill_progress(page)
            if page_id is PageId.SOURCE:
                _fill_source_test(page)
            if page_id is PageId.CUTOVER:
                _fill_cutover(page)
            if page_id is PageId.REPORT:
                page.show_summary(context.summary)  # type: ignore[attr-defined]
            page.refresh()
            loop = QEventLoop()
            QTimer.singleShot(50, loop.quit)
            loop.exec()
            path = out_dir / f"{PAGE_FILES[page_id]}-{language}{'-dark' if dark else ''}.png"
            wizard.grab().save(str(path))
            written.append(path)
        wizard.context.batch_running = False
        wizard.close()
        wizard.deleteLater()
        for translator in translators:
            QCoreApplication.removeTranslator(translator)
    QApplication.processEvents()
    return written


def _wait_until(condition: object, timeout_ms: int = 10_000) -> None:
    from PySide6.QtCore import QDeadlineTimer, QEventLoop
    from PySide6.QtWidgets import QApplication

    deadline = QDeadlineTimer(timeout_ms)
    while not condition() and not deadline.hasExpired():  # type: ignore[operator]
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)


def _dark_palette(QPalette: type) -> object:
    from PySide6.QtGui import QColor

    palette = QPalette()
    roles = QPalette.ColorRole
    for role, colour in (
        (roles.Window, "#202020"),
        (roles.WindowText, "#f0f0f0"),
        (roles.Base, "#2b2b2b"),
        (roles.AlternateBase, "#333333"),
        (roles.Text, "#f0f0f0"),
        (roles.Button, "#2d2d2d"),
        (roles.ButtonText, "#f0f0f0"),
        (roles.Highlight, "#4c8bf5"),
        (roles.HighlightedText, "#ffffff"),
        (roles.ToolTipBase, "#2b2b2b"),
        (roles.ToolTipText, "#f0f0f0"),
        (roles.PlaceholderText, "#a0a0a0"),
        (roles.Mid, "#555555"),
    ):
        palette.setColor(role, QColor(colour))
    palette.setColor(QPalette.ColorGroup.Disabled, roles.ButtonText, QColor("#7a7a7a"))
    palette.setColor(QPalette.ColorGroup.Disabled, roles.WindowText, QColor("#7a7a7a"))
    palette.setColor(QPalette.ColorGroup.Disabled, roles.Text, QColor("#7a7a7a"))
    return palette


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m gui.screenshots", description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--lang", nargs="+", default=["en", "nl"], choices=["en", "nl"])
    parser.add_argument("--scale", type=float, default=1.0, help="screen scaling, e.g. 1.5 for 150%%")
    parser.add_argument("--dark", action="store_true", help="a dark palette, as in Windows' dark mode")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if args.scale != 1.0:
        os.environ["QT_SCALE_FACTOR"] = str(args.scale)
    for path in capture(args.out_dir, args.lang, dark=args.dark):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
