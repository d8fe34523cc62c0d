"""Every list in the corpus gives exactly the problems expected of it, and nothing crashes or hangs."""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from engine.lists import ListUnreadable, load_mailbox_list
from tests.lists.corpus import CASES, Case

ROOT = Path(__file__).resolve().parents[2]


def test_the_corpus_holds_at_least_forty_lists_with_dutch_exports_and_hostile_files() -> None:
    assert len(CASES) >= 40
    assert len({c.name for c in CASES}) == len(CASES)
    assert sum("dutch" in c.tags for c in CASES) >= 2
    assert sum("hostile" in c.tags for c in CASES) >= 10


@pytest.mark.timeout(60)
@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_each_list_reports_exactly_its_expected_problems(case: Case, tmp_path: Path) -> None:
    path = case.make(tmp_path)
    if case.unreadable is not None:
        with pytest.raises(ListUnreadable) as caught:
            load_mailbox_list(path, sheet=case.sheet)
        error = caught.value
        assert error.code == case.unreadable, str(error)
        assert error.what and error.fix, "an unreadable file must say what is wrong and what to do"
        return
    result = load_mailbox_list(path, sheet=case.sheet)
    found = Counter((p.row, p.column, p.code) for p in result.problems)
    assert found == Counter(case.problems), "\n".join(str(p) for p in result.problems)
    for problem in result.problems:
        # A message is a sentence for a person: it ends with a full stop and never shows Python.
        assert problem.message.endswith("."), problem.message
        assert not re.search(r"Traceback|Error\(|\\x[0-9a-f]{2}", problem.message), problem.message
    if case.check is not None:
        case.check(result)


def _run_cli(path: Path, sheet: str | None) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "engine.cli", "validate", str(path)]
    if sheet:
        command += ["--sheet", sheet]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)


@pytest.mark.timeout(600)
def test_the_command_line_shows_no_traceback_for_any_list_in_the_corpus(tmp_path: Path) -> None:
    jobs = []
    for number, case in enumerate(CASES):
        folder = tmp_path / str(number)
        folder.mkdir()
        jobs.append((case, case.make(folder)))
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(lambda job: _run_cli(job[1], job[0].sheet), jobs))
    for (case, path), result in zip(jobs, results, strict=True):
        assert "Traceback" not in result.stderr + result.stdout, f"{case.name}:\n{result.stderr}"
        if case.unreadable:
            expected = 2
            assert "Error: " in result.stderr and "What to do: " in result.stderr, result.stderr
        else:
            expected = 1 if load_mailbox_list(path, sheet=case.sheet).has_errors else 0
        assert result.returncode == expected, (
            f"{case.name}: exit {result.returncode}\n{result.stdout}{result.stderr}"
        )
