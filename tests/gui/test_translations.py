"""Every visible string ships in Dutch: the .ts file is current and has no unfinished entry."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from tools.translations import ROOT, TS_DIR, unfinished


def test_every_gui_string_has_a_dutch_translation(tmp_path: Path) -> None:
    # Extract from today's code into a copy, so a string added without translating it is caught
    # even when nobody ran "update".
    copy = tmp_path / "mailstage_nl.ts"
    shutil.copy(TS_DIR / "mailstage_nl.ts", copy)
    sources = sorted(str(p) for p in (ROOT / "gui").rglob("*.py"))
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    subprocess.run(
        [str(lupdate), *sources, "-no-obsolete", "-ts", str(copy)], check=True, capture_output=True
    )
    missing = unfinished(copy)
    assert missing == [], (
        f"untranslated strings (run tools/translations.py update, then translate): {missing}"
    )


def test_the_check_notices_an_untranslated_string(tmp_path: Path) -> None:
    ts = tmp_path / "x.ts"
    ts.write_text(
        '<?xml version="1.0"?><TS version="2.1" language="nl"><context><name>P</name>'
        '<message><source>Hello</source><translation type="unfinished"></translation></message>'
        "</context></TS>"
    )
    assert unfinished(ts) == [("P", "Hello")]
