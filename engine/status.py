"""Statuses as Microsoft names them, so an admin who knows the Exchange admin center recognises them."""

from __future__ import annotations

from enum import StrEnum


class BatchStatus(StrEnum):
    CREATED = "Created"
    SYNCING = "Syncing"
    INCREMENTAL_SYNCING = "IncrementalSyncing"
    STOPPING = "Stopping"
    STOPPED = "Stopped"
    SYNCED = "Synced"
    SYNCED_WITH_ERRORS = "SyncedWithErrors"
    COMPLETED = "Completed"
    FAILED = "Failed"


class MailboxStatus(StrEnum):
    QUEUED = "Queued"  # waiting for a free connection
    SYNCING = "Syncing"
    INCREMENTAL_SYNCING = "IncrementalSyncing"
    SYNCED = "Synced"
    FAILED = "Failed"
    STOPPED = "Stopped"


class Grade(StrEnum):
    """Microsoft's data consistency score, proven here by comparing both sides."""

    PERFECT = "Perfect"  # nothing missing
    GOOD = "Good"  # only items the batch skipped and reported
    INVESTIGATE = "Investigate"  # messages missing that no report explains
    POOR = "Poor"  # a folder missing, or more than 1% of the messages
