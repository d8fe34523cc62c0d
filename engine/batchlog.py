"""One log file per batch, next to its reports, with secrets redacted before anything is written."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from engine.keystore import REDACTOR

FORMAT = "%(asctime)s %(levelname)-7s %(threadName)s %(name)s: %(message)s"


@contextmanager
def batch_log(folder: Path, name: str = "batch.log") -> Iterator[Path]:
    """Write every engine log record to FOLDER/NAME while the block runs (appending across runs)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setLevel(logging.DEBUG)
    handler.addFilter(REDACTOR)
    handler.setFormatter(logging.Formatter(FORMAT))
    engine_logger = logging.getLogger("engine")
    previous_level = engine_logger.level
    if engine_logger.getEffectiveLevel() > logging.INFO:
        engine_logger.setLevel(logging.INFO)
    engine_logger.addHandler(handler)
    try:
        yield path
    finally:
        engine_logger.removeHandler(handler)
        engine_logger.setLevel(previous_level)
        handler.close()
