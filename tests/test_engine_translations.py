"""The engine's sentences reach the translators: every T() template is extracted into
mailstage_engine_nl.ts and translated there, and redaction keeps a check's text translatable."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from engine.checks.framework import Check, CheckContext, Verdict, passed, run_checks
from engine.keystore import MASK, REDACTOR
from engine.text import T, Text
from tools.translations import ROOT, TS_DIR, engine_problems, engine_templates, unfinished


def test_extraction_finds_the_checks_templates() -> None:
    templates, errors = engine_templates()
    assert errors == []
    sources = {template.source for template in templates}
    assert "{host} could not be looked up: {problem}." in sources
    assert "{address} refused connections on port {port}: nothing listens there" in sources
    assert "The target server allows {planned} sessions at once" in sources
    # Placeholders and punctuation only: nothing for a translator.
    assert "{what} {cause}" not in sources and "{problems}." not in sources
    files = {template.path.relative_to(ROOT).as_posix() for template in templates}
    assert {"engine/checks/servers.py", "engine/checks/domain.py", "engine/checks/logins.py"} <= files


def test_extraction_refuses_a_template_that_is_not_a_literal(tmp_path: Path) -> None:
    (tmp_path / "module.py").write_text(
        'from engine.text import T\nGOOD = T("Fine {x}", x=1)\nBAD = T(GOOD + " more")\nBROKEN = T("a {b")\n',
        encoding="utf-8",
    )
    templates, errors = engine_templates(tmp_path)
    assert [template.source for template in templates] == ["Fine {x}"]
    assert len(errors) == 2
    assert "module.py:3: T() needs a string literal" in errors[0]
    assert "module.py:4" in errors[1] and "not a valid format string" in errors[1]


def test_the_engine_catalogue_is_current_and_fully_translated() -> None:
    assert engine_problems() == []
    assert unfinished(TS_DIR / "mailstage_engine_nl.ts") == []


def test_translations_missing_passes_for_the_engine_catalogue() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "translations.py"), "missing"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    engine_lines = [line for line in result.stdout.splitlines() if "mailstage_engine_" in line]
    assert engine_lines == []


def test_a_redacted_check_text_stays_translatable() -> None:
    secret = "Zq8-engine-text-secret"
    REDACTOR.register(secret)

    def run(ctx: CheckContext) -> Verdict:
        return passed(T("The server said: {answer}", answer=f"login {secret} refused"))

    report = run_checks([Check("probe", "here", run)])
    evidence = report.results[0].evidence
    assert secret not in evidence and MASK in evidence
    assert isinstance(evidence, Text)
    assert evidence.template == "The server said: {answer}"
