"""The per-batch log holds what happened and never a secret."""

from __future__ import annotations

import logging
from pathlib import Path

from engine.batchlog import batch_log
from engine.keystore import SecretStore


def test_batch_log_records_engine_messages_with_secrets_masked(tmp_path: Path) -> None:
    SecretStore().put("endpoint:source", "Sup3r-Secret-pw")
    log = logging.getLogger("engine.sync")
    with batch_log(tmp_path) as path:
        log.warning("login as bob failed with password %s", "Sup3r-Secret-pw")
        try:
            raise RuntimeError("server said: Sup3r-Secret-pw rejected")
        except RuntimeError:
            log.exception("connection trouble")
    text = path.read_text()
    assert "login as bob failed" in text and "connection trouble" in text
    assert "Sup3r-Secret-pw" not in text
    assert "********" in text


def test_batch_log_stops_writing_after_the_block(tmp_path: Path) -> None:
    with batch_log(tmp_path) as path:
        logging.getLogger("engine.runner").info("inside")
    logging.getLogger("engine.runner").warning("outside")
    assert "inside" in path.read_text() and "outside" not in path.read_text()
