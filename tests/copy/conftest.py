"""Dovecot instances the copy tests share (starting is quick, stopping one takes seconds)."""

from __future__ import annotations

import pytest

from tests.rig.dovecot import DovecotOptions, DovecotServer


@pytest.fixture(scope="session")
def old_dovecot(dovecot_factory) -> DovecotServer:  # type: ignore[no-untyped-def]
    """An old-style server: '.' as separator and no SPECIAL-USE, like many pre-2010 servers."""
    return dovecot_factory(DovecotOptions(separator=".", special_use=False))  # type: ignore[no-any-return]


@pytest.fixture(scope="session")
def one_connection_dovecot(dovecot_factory) -> DovecotServer:  # type: ignore[no-untyped-def]
    """A server that lets each user (per IP) have one connection at a time."""
    return dovecot_factory(DovecotOptions(user_connection_limit=1))  # type: ignore[no-any-return]
