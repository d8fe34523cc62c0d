"""Every list in the corpus gives exactly the problems expected of it, and nothing crashes or hangs."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
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


# One fresh interpreter runs the command line's own entry point (argument parsing, error printing,
# exit codes) on every file in turn: the same path as `mailstage-cli validate FILE`, without paying
# an interpreter start per file. test_cli.py runs the real executable.
_DRIVER = """
import contextlib, io, json, logging, sys
from engine.cli import main
results = []
for path, sheet in json.loads(sys.stdin.read()):
    for handler in logging.getLogger().handlers[:]:
        handler.close()
        logging.getLogger().removeHandler(handler)
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(["validate", path] + (["--sheet", sheet] if sheet else []))
        except SystemExit as exit:
            code = exit.code
    results.append([code, out.getvalue(), err.getvalue()])
print(json.dumps(results))
"""


@pytest.mark.timeout(600)
def test_the_command_line_shows_no_traceback_for_any_list_in_the_corpus(tmp_path: Path) -> None:
    jobs = []
    for number, case in enumerate(CASES):
        folder = tmp_path / str(number)
        folder.mkdir()
        jobs.append((case, case.make(folder)))
    run = subprocess.run(
        [sys.executable, "-c", _DRIVER],
        input=json.dumps([[str(path), case.sheet] for case, path in jobs]),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=540,
        check=True,
    )
    results = json.loads(run.stdout)
    for (case, path), (code, out, err) in zip(jobs, results, strict=True):
        assert "Traceback" not in out + err, f"{case.name}:\n{err}"
        if case.unreadable:
            expected = 2
            assert "Error: " in err and "What to do: " in err, err
        else:
            expected = 1 if load_mailbox_list(path, sheet=case.sheet).has_errors else 0
        assert code == expected, f"{case.name}: exit {code}\n{out}{err}"
