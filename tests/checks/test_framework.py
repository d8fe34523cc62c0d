"""The check runner: concurrency, time-outs, dependency skips, cancel, events, re-runs, redaction."""

from __future__ import annotations

import dataclasses
import json
import threading
import time

import pytest

from engine.checks import (
    Check,
    CheckContext,
    CheckEvent,
    CheckFinished,
    CheckProgress,
    ChecksDone,
    CheckStarted,
    Status,
    failed,
    passed,
    run_checks,
    skipped,
    warned,
    with_dependents,
)
from engine.errors import MailstageError
from engine.keystore import REDACTOR


def always(verdict_status: str, evidence: str = "seen", fix: str = "do this"):  # type: ignore[no-untyped-def]
    def run(ctx: CheckContext):  # type: ignore[no-untyped-def]
        return {"pass": passed, "warn": lambda e: warned(e, fix), "fail": lambda e: failed(e, fix)}[
            verdict_status
        ](evidence)

    return run


def test_checks_run_concurrently() -> None:
    barrier = threading.Barrier(3, timeout=5)

    def meet(ctx: CheckContext):  # type: ignore[no-untyped-def]
        barrier.wait()  # only returns when all three run at the same time
        return passed("met")

    checks = [Check(f"c{i}", "s", meet, timeout=5) for i in range(3)]
    report = run_checks(checks)
    assert [r.status for r in report.results] == [Status.PASS] * 3


def test_a_hung_check_fails_at_its_time_out_while_the_others_complete() -> None:
    release = threading.Event()
    try:

        def hang(ctx: CheckContext):  # type: ignore[no-untyped-def]
            release.wait()
            return passed("too late")

        slow_done = threading.Event()

        def slower(ctx: CheckContext):  # type: ignore[no-untyped-def]
            slow_done.wait(0.2)  # ordinary work that takes a while but ends
            return passed("finished")

        checks = [
            Check("hung.tls", "hung", hang, timeout=0.3, timeout_fix="Restart the hung service."),
            Check("ok.tls", "ok", slower, timeout=5),
            Check("ok.dns", "ok", always("pass"), timeout=5),
        ]
        started = time.monotonic()
        report = run_checks(checks)
        elapsed = time.monotonic() - started
        hung = report.find("hung.tls")
        assert hung.status is Status.FAIL
        assert "within 0.3 seconds" in hung.evidence
        assert hung.fix == "Restart the hung service."
        assert report.find("ok.tls").evidence == "finished"
        assert report.find("ok.dns").status is Status.PASS
        assert elapsed < 2.5  # time-out 0.3 s + 1 s grace, not "until the hung one returns"
    finally:
        release.set()


def test_a_check_whose_prerequisite_failed_is_skipped_naming_it() -> None:
    checks = [
        Check("source.tcp", "srv", always("fail")),
        Check("source.tls", "srv", always("pass"), requires=(("source.tcp", "srv"),)),
        Check("source.login", "srv", always("pass"), requires=(("source.tls", "srv"),)),
    ]
    report = run_checks(checks)
    assert report.find("source.tls").status is Status.SKIP
    assert report.find("source.tls").evidence == "Not run: source.tcp failed."
    assert report.find("source.login").evidence == "Not run: source.tls was skipped."


def test_a_warning_prerequisite_lets_the_dependent_run() -> None:
    checks = [
        Check("a", "s", always("warn")),
        Check("b", "s", always("pass"), requires=(("a", "s"),)),
    ]
    assert run_checks(checks).find("b").status is Status.PASS


def test_after_orders_without_skipping_and_passes_the_earlier_result() -> None:
    def reads_first(ctx: CheckContext):  # type: ignore[no-untyped-def]
        return passed(f"first said {ctx.dependency(('first', 's')).status}")

    checks = [
        Check("second", "s", reads_first, after=(("first", "s"),)),
        Check("first", "s", always("fail")),
    ]
    report = run_checks(checks)
    assert report.find("second").evidence == "first said fail"
    assert [r.id for r in report.results] == ["second", "first"]  # given order, not finishing order


def test_exceptions_become_failed_results_with_their_fix() -> None:
    def raises_known(ctx: CheckContext):  # type: ignore[no-untyped-def]
        raise MailstageError("x.y", "The thing broke.", "Because.", "Replace the thing.")

    def raises_bug(ctx: CheckContext):  # type: ignore[no-untyped-def]
        raise ZeroDivisionError

    report = run_checks([Check("known", "s", raises_known), Check("bug", "s", raises_bug)])
    assert report.find("known").evidence == "The thing broke. Because."
    assert report.find("known").fix == "Replace the thing."
    assert report.find("bug").status is Status.FAIL
    assert "ZeroDivisionError" in report.find("bug").evidence


def test_events_are_frozen_arrive_on_the_calling_thread_and_end_with_done() -> None:
    events: list[CheckEvent] = []
    threads: set[int] = set()

    def chatty(ctx: CheckContext):  # type: ignore[no-untyped-def]
        ctx.progress("half way", 0.5)
        return passed("done")

    def record(event: CheckEvent) -> None:
        events.append(event)
        threads.add(threading.get_ident())

    report = run_checks([Check("a", "s", chatty), Check("b", "s", always("pass"))], on_event=record)
    assert threads == {threading.get_ident()}
    assert isinstance(events[-1], ChecksDone) and events[-1].report == report
    assert sum(isinstance(e, CheckStarted) for e in events) == 2
    assert CheckProgress("a", "s", "half way", 0.5) in events
    finished = [e for e in events if isinstance(e, CheckFinished)]
    assert sorted(e.done for e in finished) == [1, 2] and {e.total for e in finished} == {2}
    with pytest.raises(dataclasses.FrozenInstanceError):
        events[0].total = 5  # type: ignore[misc, union-attr]


def test_cancel_stops_the_run_and_marks_unfinished_checks_skipped() -> None:
    cancel = threading.Event()
    release = threading.Event()
    try:

        def waits(ctx: CheckContext):  # type: ignore[no-untyped-def]
            release.wait()
            return passed("late")

        def cancel_when_first_finishes(event: CheckEvent) -> None:
            if isinstance(event, CheckFinished) and event.result.id == "quick":
                cancel.set()

        checks = [
            Check("quick", "s", always("pass")),
            Check("slow", "s", waits, timeout=60),
            Check("after_slow", "s", always("pass"), requires=(("slow", "s"),)),
        ]
        started = time.monotonic()
        report = run_checks(checks, on_event=cancel_when_first_finishes, cancel=cancel, max_workers=2)
        assert time.monotonic() - started < 5
        assert report.cancelled
        assert report.find("quick").status is Status.PASS
        assert report.find("slow").status is Status.SKIP
        assert report.find("slow").evidence == "Cancelled before it finished."
        assert report.find("after_slow").status is Status.SKIP
    finally:
        release.set()


def test_rerunning_one_check_uses_earlier_results_and_merges() -> None:
    state = {"tcp": "fail"}

    def tcp(ctx: CheckContext):  # type: ignore[no-untyped-def]
        return passed("open") if state["tcp"] == "pass" else failed("refused", "Open the port.")

    checks = [
        Check("dns", "s", always("pass")),
        Check("tcp", "s", tcp, requires=(("dns", "s"),)),
        Check("tls", "s", always("pass"), requires=(("tcp", "s"),)),
        Check("mx", "d", always("pass")),
    ]
    first = run_checks(checks)
    assert first.find("tls").status is Status.SKIP
    state["tcp"] = "pass"
    again = with_dependents(checks, [("tcp", "s")])
    assert [c.id for c in again] == ["tcp", "tls"]
    second = run_checks(again, previous=first.by_key())
    merged = first.merged(second)
    assert [r.id for r in merged.results] == ["dns", "tcp", "tls", "mx"]
    assert merged.find("tls").status is Status.PASS
    assert merged.summary() == {"pass": 4, "warn": 0, "fail": 0, "skip": 0}


def test_json_shape_and_exit_code_follow_the_contract() -> None:
    report = run_checks(
        [Check("a", "s", always("pass")), Check("b", "s", always("warn")), Check("c", "s", always("fail"))]
    )
    data = json.loads(json.dumps(report.as_dict()))
    assert set(data) == {"checks", "summary"}
    assert data["summary"] == {"pass": 1, "warn": 1, "fail": 1, "skip": 0}
    assert all(set(c) == {"id", "subject", "status", "evidence", "fix"} for c in data["checks"])
    assert report.exit_code() == 1
    assert run_checks([Check("b", "s", always("warn"))]).exit_code() == 0


def test_a_secret_in_evidence_or_fix_never_reaches_the_result() -> None:
    secret = "Very-Secret-Passw0rd"
    REDACTOR.register(secret)
    report = run_checks([Check("a", "s", always("fail", f"server said {secret}", f"retype {secret}"))])
    text = json.dumps(report.as_dict())
    assert secret not in text
    assert "server said ********" in text


def test_checks_that_wait_for_an_unknown_check_are_refused() -> None:
    with pytest.raises(ValueError, match="neither run nor given"):
        run_checks([Check("b", "s", always("pass"), requires=(("a", "s"),))])


def test_skip_results_keep_their_own_evidence() -> None:
    report = run_checks([Check("a", "s", lambda ctx: skipped("Not applicable: a local folder."))])
    assert report.find("a").status is Status.SKIP
    assert report.find("a").evidence == "Not applicable: a local folder."
