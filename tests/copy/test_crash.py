"""Crash safety: a copy killed with SIGKILL at random moments, then restarted, ends exact and without
a single duplicate (destination first, then state; copies the state missed are recognised)."""

from __future__ import annotations

import json
import os
import random
import signal
import ssl
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.copy.helpers import (
    expected_target,
    imap_endpoint,
    read_mailbox,
    unique_user,
    user_account,
    without_empty,
)
from tests.copy.test_copy_exact import DUTCH_TO_MODERN
from tests.rig.corpus import CorpusGenerator, seed_imap
from tests.rig.dovecot import DovecotServer

ROOT = Path(__file__).resolve().parents[2]


def _start_probe(spec: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.copy.copy_probe", str(spec)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.slow
def test_copy_killed_at_random_moments_ends_exact_with_no_duplicates(
    dovecot: DovecotServer, ca_context: ssl.SSLContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed = int(os.environ.get("MAILSTAGE_CRASH_SEED", "20261125"))
    rng = random.Random(seed)
    source_user, source_password = unique_user(dovecot, "crashbron")
    tree = CorpusGenerator(seed=77).tree(220, large_sizes=[3 * 1024 * 1024])
    seed_imap(dovecot.host, dovecot.imaps_port, source_user, source_password, tree, ssl_context=ca_context)
    expected = without_empty(
        expected_target(read_mailbox(dovecot, source_user, source_password, ca_context), DUTCH_TO_MODERN)
    )

    kills = 0
    for trial in range(10):
        target_user, target_password = unique_user(dovecot, "crashdoel")
        monkeypatch.setenv("MAILSTAGE_HOME", str(tmp_path / f"home-{trial}"))
        user_account(imap_endpoint(dovecot, "source"), source_user, source_password)
        user_account(imap_endpoint(dovecot, "target"), target_user, target_password)
        spec = tmp_path / f"spec-{trial}.json"
        side = {"host": dovecot.host, "port": dovecot.imaps_port}
        spec.write_text(
            json.dumps(
                {
                    "source": {**side, "address": source_user},
                    "target": {**side, "address": target_user},
                    "batch_messages": rng.choice([10, 25, 60]),
                }
            )
        )
        for _ in range(rng.choice([1, 1, 1, 2])):
            kill_after = rng.randint(0, 24)  # events seen before the kill (0: during login or listing)
            probe = _start_probe(spec)
            assert probe.stdout is not None
            seen = 0
            finished = False
            while seen < kill_after:
                line = probe.stdout.readline()
                if not line or line.startswith("done"):
                    finished = True
                    break
                seen += 1
            if not finished:
                # A random moment inside whatever comes next (a fetch, an append, a state write).
                time.sleep(rng.random() * 0.04)
                probe.send_signal(signal.SIGKILL)
                kills += 1
            probe.communicate(timeout=120)
        final = _start_probe(spec)
        out, err = final.communicate(timeout=300)
        assert final.returncode == 0, (trial, seed, out[-2000:], err[-2000:])
        got = without_empty(read_mailbox(dovecot, target_user, target_password, ca_context))
        assert got == expected, (
            f"trial {trial} (MAILSTAGE_CRASH_SEED={seed}) differs: {sorted(set(got) ^ set(expected))}"
        )
    assert kills >= 10


def test_copies_the_state_never_recorded_are_recognised_not_copied_again(
    dovecot: DovecotServer, ca_context: ssl.SSLContext, tmp_path: Path
) -> None:
    """The crash window exactly: the target accepted messages, the state never heard of it (here: the
    state file of an earlier moment put back). The next run finds them and copies nothing twice."""
    import shutil

    from engine.events import MailboxStatus, MessagesCopied
    from engine.paths import state_home
    from engine.store import STATE_FILE, StateStore
    from engine.sync import MailboxJob, SyncOptions, sync_mailbox

    source_user, source_password = unique_user(dovecot, "bron")
    target_user, target_password = unique_user(dovecot, "doel")
    tree = CorpusGenerator(seed=78).tree(120)
    seed_imap(dovecot.host, dovecot.imaps_port, source_user, source_password, tree, ssl_context=ca_context)
    job = MailboxJob(
        user_account(imap_endpoint(dovecot, "source"), source_user, source_password),
        user_account(imap_endpoint(dovecot, "target"), target_user, target_password),
        options=SyncOptions(batch_messages=10),
    )
    import threading

    cancel = threading.Event()
    copied_events = []

    def stop_after_three_batches(event: object) -> None:
        if isinstance(event, MessagesCopied):
            copied_events.append(event)
            if len(copied_events) == 3:
                cancel.set()

    store = StateStore()
    first = sync_mailbox(job, store=store, events=stop_after_three_batches, cancel=cancel)
    assert first.status is MailboxStatus.STOPPED and first.copied == 30
    store.close()
    state_file = state_home() / STATE_FILE
    earlier = tmp_path / "earlier-state"
    earlier.mkdir()
    for name in (STATE_FILE, STATE_FILE + "-wal", STATE_FILE + "-shm"):
        if (state_home() / name).exists():
            shutil.copy2(state_home() / name, earlier / name)

    store = StateStore()
    second = sync_mailbox(job, store=store)
    assert second.status is MailboxStatus.SYNCED
    store.close()
    for name in (STATE_FILE, STATE_FILE + "-wal", STATE_FILE + "-shm"):
        (state_home() / name).unlink(missing_ok=True)
        if (earlier / name).exists():
            shutil.copy2(earlier / name, state_file.parent / name)

    third = sync_mailbox(job, store=StateStore())
    assert third.status is MailboxStatus.SYNCED
    assert (third.copied, third.recognised) == (0, second.copied)
    expected = expected_target(
        read_mailbox(dovecot, source_user, source_password, ca_context), DUTCH_TO_MODERN
    )
    assert without_empty(read_mailbox(dovecot, target_user, target_password, ca_context)) == without_empty(
        expected
    )


def test_lost_state_is_rebuilt_by_matching_the_target_and_nothing_is_copied_twice(
    dovecot: DovecotServer, ca_context: ssl.SSLContext
) -> None:
    from engine.events import MailboxStatus
    from engine.store import StateStore
    from engine.sync import MailboxJob, sync_mailbox

    source_user, source_password = unique_user(dovecot, "bron")
    target_user, target_password = unique_user(dovecot, "doel")
    seed_imap(
        dovecot.host,
        dovecot.imaps_port,
        source_user,
        source_password,
        CorpusGenerator(79).tree(90),
        ssl_context=ca_context,
    )
    job = MailboxJob(
        user_account(imap_endpoint(dovecot, "source"), source_user, source_password),
        user_account(imap_endpoint(dovecot, "target"), target_user, target_password),
    )
    store = StateStore()
    first = sync_mailbox(job, store=store)
    store.forget_mailbox(store.mailbox_id(job.key))
    again = sync_mailbox(job, store=store)
    assert again.status is MailboxStatus.SYNCED
    assert (again.copied, again.recognised) == (0, first.copied)
    expected = expected_target(
        read_mailbox(dovecot, source_user, source_password, ca_context), DUTCH_TO_MODERN
    )
    assert without_empty(read_mailbox(dovecot, target_user, target_password, ca_context)) == without_empty(
        expected
    )
