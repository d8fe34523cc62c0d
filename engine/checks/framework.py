"""The prerequisite-check framework: results, events, and a runner that never waits on a hung check.

A check is a small function that looks at one thing (a server, a mailbox, a domain) and returns a
`Verdict`: pass / warn / fail / skip, the evidence it saw and the fix in plain words. `run_checks`
runs many of them concurrently, each with its own time-out, reports progress as frozen dataclasses
through a callback, stops when a `threading.Event` is set, and turns a check whose prerequisite failed
into `skip` saying which. The wizard runs it from a background thread and may re-run one check (with
the earlier results for its prerequisites) or all of them.

Every check runs on a daemon thread of its own: Python cannot interrupt a thread blocked in a socket
call, so a check past its deadline is reported as failed and abandoned (its socket time-outs end it
later); its late result is dropped and never reaches the caller.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from engine.errors import MailstageError
from engine.keystore import REDACTOR
from engine.text import T, Text

log = logging.getLogger(__name__)

CheckKey = tuple[str, str]  # (id, subject): ids repeat per mailbox, the pair is unique in a run
DEFAULT_TIMEOUT = 10.0
DEFAULT_WORKERS = 8
# How often the runner looks at the cancel flag while it waits for results.
_CANCEL_POLL = 0.05


class Status(StrEnum):
    """A check's outcome, as the JSON contract spells it."""

    PASS = "pass"
    WARN = "warn"
    FAIL = "fail"
    SKIP = "skip"


@dataclass(frozen=True)
class Verdict:
    """What a check function returns; the runner adds the check's id and subject."""

    status: Status
    evidence: str
    fix: str = ""
    data: Mapping[str, Any] = field(default_factory=dict)


def passed(evidence: str, **data: Any) -> Verdict:
    """A pass with what was seen (and optional data for checks that depend on this one)."""
    return Verdict(Status.PASS, evidence, "", data)


def warned(evidence: str, fix: str, **data: Any) -> Verdict:
    """Works, but the admin should change something: FIX names it."""
    return Verdict(Status.WARN, evidence, fix, data)


def failed(evidence: str, fix: str, **data: Any) -> Verdict:
    """Blocks the migration: FIX names the concrete thing to change."""
    return Verdict(Status.FAIL, evidence, fix, data)


def skipped(evidence: str, **data: Any) -> Verdict:
    """Could not run; EVIDENCE says why. Checks that require this one are skipped too."""
    return Verdict(Status.SKIP, evidence, "", data)


NOT_APPLICABLE = "not_applicable"
CANCELLED = T("Cancelled before it finished.")


def not_applicable(evidence: str) -> Verdict:
    """Does not apply here (e.g. TLS for a local folder): a skip that does not hold up the checks that
    require this one."""
    return Verdict(Status.SKIP, evidence, "", {NOT_APPLICABLE: True})


@dataclass(frozen=True)
class CheckResult:
    """One check's outcome: stable id, subject (server, mailbox or domain), status, evidence, fix.

    `data` carries structured findings for the wizard (addresses, a recommended concurrency, an
    estimate); it is not part of the JSON contract. `seconds` is how long the check ran.
    """

    id: str
    subject: str
    status: Status
    evidence: str
    fix: str = ""
    data: Mapping[str, Any] = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def key(self) -> CheckKey:
        return (self.id, self.subject)

    def as_dict(self) -> dict[str, str]:
        """The contract's JSON object for one check."""
        return {
            "id": self.id,
            "subject": self.subject,
            "status": str(self.status),
            "evidence": self.evidence,
            "fix": self.fix,
        }


class CheckContext:
    """What a running check may use: its time budget, the cancel flag, progress, its prerequisites."""

    def __init__(
        self,
        key: CheckKey,
        timeout: float,
        cancel: threading.Event,
        dependencies: Mapping[CheckKey, CheckResult],
        report_progress: Callable[[str, float | None], None],
    ) -> None:
        self.key = key
        self.timeout = timeout
        self.cancel = cancel
        self._deadline = time.monotonic() + timeout
        self._dependencies = dependencies
        self._report_progress = report_progress

    def remaining(self) -> float:
        """Seconds left before the runner gives up on this check (never below a small floor)."""
        return max(0.1, self._deadline - time.monotonic())

    def io_timeout(self, cap: float | None = None) -> float:
        """A time-out for one network step: what is left, a little less so the check can still say
        what it was waiting for before the runner's deadline, and at most CAP."""
        left = max(0.1, (self._deadline - time.monotonic()) * 0.9)
        return min(left, cap) if cap is not None else left

    @property
    def cancelled(self) -> bool:
        return self.cancel.is_set()

    def progress(self, message: str, fraction: float | None = None) -> None:
        """Tell the caller how far a long check is (e.g. sessions opened, sample copied)."""
        self._report_progress(message, fraction)

    def dependency(self, key: CheckKey) -> CheckResult:
        """The result of a prerequisite named in the check's `requires` or `after`."""
        return self._dependencies[key]


CheckFunction = Callable[[CheckContext], Verdict]


@dataclass(frozen=True)
class Check:
    """A check to run: its stable id and subject, the function, its time-out and prerequisites.

    `requires`: checks that must pass (or warn) first; when one failed or was skipped this check is
    skipped, saying which. `after`: checks that must merely have finished first (ordering only), e.g.
    per-mailbox checks wait for the connection-limit check so they do not eat its sessions.
    `timeout_fix`: what to tell the admin when the check does not finish in time.
    """

    id: str
    subject: str
    run: CheckFunction
    title: str = ""
    timeout: float = DEFAULT_TIMEOUT
    requires: tuple[CheckKey, ...] = ()
    after: tuple[CheckKey, ...] = ()
    timeout_fix: str = ""

    @property
    def key(self) -> CheckKey:
        return (self.id, self.subject)


# -- events ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CheckStarted:
    """A check began running."""

    id: str
    subject: str
    title: str
    total: int


@dataclass(frozen=True)
class CheckProgress:
    """A long check reports how far it is."""

    id: str
    subject: str
    message: str
    fraction: float | None


@dataclass(frozen=True)
class CheckFinished:
    """A check has its result; `done` of `total` are finished."""

    result: CheckResult
    done: int
    total: int


@dataclass(frozen=True)
class CheckReport:
    """All results of a run, in the order the checks were given."""

    results: tuple[CheckResult, ...]
    cancelled: bool = False

    def summary(self) -> dict[str, int]:
        counts = {status.value: 0 for status in Status}
        for result in self.results:
            counts[result.status.value] += 1
        return counts

    @property
    def failed(self) -> bool:
        return any(result.status is Status.FAIL for result in self.results)

    def exit_code(self) -> int:
        """The `check` command's exit code: 0 none failed (warnings allowed), 1 any failed."""
        return 1 if self.failed else 0

    def as_dict(self) -> dict[str, Any]:
        """The contract's JSON: {"checks": [...], "summary": {"pass", "warn", "fail", "skip"}}."""
        return {"checks": [result.as_dict() for result in self.results], "summary": self.summary()}

    def by_key(self) -> dict[CheckKey, CheckResult]:
        return {result.key: result for result in self.results}

    def find(self, check_id: str, subject: str | None = None) -> CheckResult:
        """The first result with CHECK_ID (and SUBJECT when given); KeyError when there is none."""
        for result in self.results:
            if result.id == check_id and (subject is None or result.subject == subject):
                return result
        raise KeyError((check_id, subject))

    def merged(self, newer: CheckReport) -> CheckReport:
        """This report with the results of a re-run replacing the ones they re-checked."""
        replacements = newer.by_key()
        known = {result.key for result in self.results}
        results = [replacements.get(result.key, result) for result in self.results]
        results += [result for result in newer.results if result.key not in known]
        return CheckReport(tuple(results), newer.cancelled)


@dataclass(frozen=True)
class ChecksDone:
    """The run is over (all finished, or cancelled): the last event of every run."""

    report: CheckReport


CheckEvent = CheckStarted | CheckProgress | CheckFinished | ChecksDone
EventCallback = Callable[[CheckEvent], None]


def with_dependents(checks: Sequence[Check], keys: Iterable[CheckKey]) -> list[Check]:
    """The checks named by KEYS plus every check that (transitively) requires or follows them, in
    the given order: what to re-run after the admin fixed something."""
    wanted = set(keys)
    changed = True
    while changed:
        changed = False
        for check in checks:
            if check.key not in wanted and any(dep in wanted for dep in (*check.requires, *check.after)):
                wanted.add(check.key)
                changed = True
    return [check for check in checks if check.key in wanted]


def _clean(text: str) -> str:
    # Defence in depth: a server's error text could echo something secret back.
    cleaned = REDACTOR.redact(text)
    if cleaned is text or not isinstance(text, Text):
        return cleaned
    # Mask inside the parameters, so the text stays translatable; if the secret straddled a
    # parameter and the template, only the masked English text is safe.
    masked = text.with_params(lambda value: _clean(value) if isinstance(value, str) else value)
    return masked if masked == cleaned else cleaned


def _result(check: Check, verdict: Verdict, seconds: float) -> CheckResult:
    return CheckResult(
        check.id,
        check.subject,
        verdict.status,
        _clean(verdict.evidence),
        _clean(verdict.fix),
        dict(verdict.data),
        round(seconds, 3),
    )


def what_and_cause(error: MailstageError) -> str:
    """An engine error's first two parts as one piece of evidence, each still translatable."""
    if error.what and error.cause:
        return T("{what} {cause}", what=error.what, cause=error.cause)
    return error.what or error.cause


def _run_one(check: Check, context: CheckContext) -> Verdict:
    """Run a check function, turning its exceptions into a failed verdict."""
    try:
        verdict = check.run(context)
    except MailstageError as error:
        return failed(what_and_cause(error), error.fix)
    except Exception as error:  # a bug or an unforeseen server answer must not stop the other checks
        log.exception("check %s for %s crashed", check.id, check.subject)
        return failed(
            T("The check stopped on an unexpected error ({kind}).", kind=type(error).__name__),
            T("Run the checks again; if this stays, send the Mailstage log file to support."),
        )
    if not isinstance(verdict, Verdict):
        raise TypeError(f"check {check.id} returned {type(verdict).__name__}, not a Verdict")
    return verdict


def _skip_reason(check: Check, results: Mapping[CheckKey, CheckResult]) -> str | None:
    for dep in check.requires:
        result = results.get(dep)
        if result is None:
            return T("Not run: {check} did not run.", check=dep[0])
        if result.status is Status.FAIL:
            return T("Not run: {check} failed.", check=dep[0])
        if result.status is Status.SKIP and not result.data.get(NOT_APPLICABLE):
            return T("Not run: {check} was skipped.", check=dep[0])
    return None


def run_checks(
    checks: Sequence[Check],
    *,
    on_event: EventCallback | None = None,
    cancel: threading.Event | None = None,
    max_workers: int = DEFAULT_WORKERS,
    previous: Mapping[CheckKey, CheckResult] | None = None,
) -> CheckReport:
    """Run CHECKS concurrently and return their results in the given order.

    Each check gets its own time-out; a check not finished by then fails with its `timeout_fix` and
    the others go on. A check whose `requires` failed or was skipped is skipped, saying which.
    PREVIOUS supplies earlier results for prerequisites that are not re-run here. Events reach
    ON_EVENT on the calling thread. When CANCEL is set, checks not finished are reported as skipped
    ("Cancelled") and the run returns at once.
    """
    cancel = cancel or threading.Event()
    emit: EventCallback = on_event or (lambda event: None)
    total = len(checks)
    by_key = {check.key: check for check in checks}
    if len(by_key) != total:
        raise ValueError("two checks share an id and subject")
    for check in checks:
        for dep in (*check.requires, *check.after):
            if dep not in by_key and (previous is None or dep not in previous):
                raise ValueError(f"check {check.key} waits for {dep}, which is neither run nor given")

    # Earlier results stand in for prerequisites that are not re-run; the re-run ones start afresh.
    results: dict[CheckKey, CheckResult] = {
        key: result for key, result in (previous or {}).items() if key not in by_key
    }
    finished: dict[CheckKey, CheckResult] = {}
    pending = list(checks)
    running: dict[CheckKey, tuple[Check, float, float]] = {}  # key -> (check, started, deadline)
    inbox: queue.Queue[tuple[str, CheckKey, Any]] = queue.Queue()

    def finish(check: Check, verdict: Verdict, seconds: float) -> None:
        result = _result(check, verdict, seconds)
        results[check.key] = result
        finished[check.key] = result
        emit(CheckFinished(result, len(finished), total))

    def start(check: Check) -> None:
        deps = {dep: results[dep] for dep in (*check.requires, *check.after)}

        def progress(message: str, fraction: float | None, key: CheckKey = check.key) -> None:
            inbox.put(("progress", key, (message, fraction)))

        context = CheckContext(check.key, check.timeout, cancel, deps, progress)

        def work() -> None:
            inbox.put(("done", check.key, _run_one(check, context)))

        now = time.monotonic()
        # A little grace beyond the check's own time-out: its I/O time-outs are derived from the same
        # budget, so a check normally reports its own, more precise, time-out first.
        running[check.key] = (check, now, now + check.timeout + 1.0)
        emit(CheckStarted(check.id, check.subject, check.title, total))
        threading.Thread(target=work, name=f"check {check.id} {check.subject}", daemon=True).start()

    while pending or running:
        if cancel.is_set():
            break
        # Start whatever is ready, skipping what lost a prerequisite.
        for check in list(pending):
            waits = [dep for dep in (*check.requires, *check.after) if dep not in results]
            if waits:
                continue
            reason = _skip_reason(check, results)
            if reason is not None:
                pending.remove(check)
                finish(check, skipped(reason), 0.0)
            elif len(running) < max_workers:
                pending.remove(check)
                start(check)
        if not running:
            if pending and all(
                any(dep not in results for dep in (*c.requires, *c.after)) for c in pending
            ):  # pragma: no cover - prevented by the validation above unless checks wait on each other
                raise ValueError("checks wait on each other in a circle")
            continue
        next_deadline = min(deadline for _, _, deadline in running.values())
        wait = max(0.0, min(_CANCEL_POLL, next_deadline - time.monotonic()))
        try:
            kind, key, payload = inbox.get(timeout=wait)
        except queue.Empty:
            now = time.monotonic()
            for key, (check, started, deadline) in list(running.items()):
                if now >= deadline:
                    del running[key]
                    log.warning(
                        "check %s for %s timed out after %.1fs", check.id, check.subject, now - started
                    )
                    finish(
                        check,
                        failed(
                            T(
                                "No result within {seconds:g} seconds: something stopped answering.",
                                seconds=check.timeout,
                            ),
                            check.timeout_fix
                            or T("Make sure the server answers, then run the checks again."),
                        ),
                        now - started,
                    )
            continue
        if key not in running:
            continue  # a late answer from an abandoned check
        check, started, _ = running[key]
        if kind == "progress":
            message, fraction = payload
            emit(CheckProgress(check.id, check.subject, message, fraction))
        else:
            del running[key]
            finish(check, payload, time.monotonic() - started)

    cancelled = cancel.is_set() and len(finished) < total
    if cancelled:
        for check in checks:
            if check.key not in finished:
                finish(check, skipped(CANCELLED), 0.0)
    report = CheckReport(tuple(finished[check.key] for check in checks), cancelled)
    emit(ChecksDone(report))
    return report
