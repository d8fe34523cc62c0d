"""Try the demo: the engine's sample company (engine/demo.py) as a migration project the admin walks
through page by page, without any server: the old server and the new one are folders on this
computer. No Qt here; `prepare_demo` runs on the bridge's pool.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from engine.demo import build_demo_source
from engine.paths import state_home
from gui.flow import MigrationProject


def prepare_demo(folder: Path | None = None, *, now: dt.datetime | None = None) -> MigrationProject:
    """Write the demo's old server, its mailbox list and an empty new server under FOLDER, and return a
    project that points at them. Every run starts afresh."""
    moment = now or dt.datetime.now()
    base = folder or state_home() / "demo-wizard"
    if base.exists():
        shutil.rmtree(base)
    old, new = base / "old-server", base / "new-server"
    base.mkdir(parents=True)
    new.mkdir()
    addresses = build_demo_source(old)
    list_file = base / "demo-mailboxes.csv"
    list_file.write_text("EmailAddress\r\n" + "".join(f"{a}\r\n" for a in addresses), encoding="utf-8")
    project = MigrationProject.new("Demo", now=moment, demo=True)
    project.mailbox_list.path = str(list_file)
    for side, path in ((project.source, old), (project.target, new)):
        side.kind = "maildir"
        side.path = str(path)
        side.max_concurrent = 3
    # The demo company's domain is made up: there is no DNS to check for it.
    project.checks.domain = ""
    project.batch.name = f"Demo {moment:%Y-%m-%d %H.%M.%S}"
    return project
