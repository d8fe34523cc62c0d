"""Fixtures shared by all tests: real servers on loopback, an isolated state folder and keyring."""

from __future__ import annotations

import os
import shutil
import ssl
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest

from tests.rig.certs import CertFiles, TestCA
from tests.rig.dovecot import DovecotOptions, DovecotServer
from tests.rig.keyring_backend import FileKeyring

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(scope="session")
def session_dir() -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix="mailstage-tests-"))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def session_ca(session_dir: Path) -> TestCA:
    """A certificate authority made for this test session; servers' certificates come from it."""
    return TestCA(session_dir / "ca")


@pytest.fixture(scope="session")
def ca_context(session_ca: TestCA) -> ssl.SSLContext:
    """A client TLS context that trusts the session CA (and only it)."""
    return ssl.create_default_context(cafile=str(session_ca.cert_path))


@pytest.fixture(scope="session")
def dovecot_factory(session_ca: TestCA, session_dir: Path) -> Iterator[object]:
    """Start extra Dovecot instances with given options; all are stopped at the end of the session."""
    started: list[DovecotServer] = []
    default_cert = session_ca.issue("imap")

    def start(options: DovecotOptions | None = None, cert: CertFiles = default_cert) -> DovecotServer:
        server = DovecotServer(cert, options, root=Path(tempfile.mkdtemp(prefix="dovecot-", dir=session_dir)))
        server.start()
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()


@pytest.fixture(scope="session")
def dovecot(dovecot_factory) -> DovecotServer:  # type: ignore[no-untyped-def]
    """A modern IMAP server: '/' separator, SPECIAL-USE folders declared."""
    return dovecot_factory()


_user_counter = 0


@pytest.fixture
def new_user(dovecot: DovecotServer):  # type: ignore[no-untyped-def]
    """Make a fresh user on the session's Dovecot: returns (name, password)."""

    def make(prefix: str = "user", server: DovecotServer | None = None, **kwargs: object) -> tuple[str, str]:
        global _user_counter
        _user_counter += 1
        # A random part too: other helpers number their users with counters of their own.
        name = f"{prefix}{_user_counter}-{uuid.uuid4().hex[:6]}@example.nl"
        password = f"pw-{prefix}-{_user_counter}-Secret!"
        (server or dovecot).add_user(name, password, **kwargs)  # type: ignore[arg-type]
        return name, password

    return make


def system_trust_only() -> ssl.SSLContext:
    """A client context trusting only the system's CA bundle (ignores SSL_CERT_FILE)."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.load_verify_locations(cafile=ssl.get_default_verify_paths().openssl_cafile)
    return context


@pytest.fixture(autouse=True)
def trust_session_ca(session_ca: TestCA, monkeypatch: pytest.MonkeyPatch) -> None:
    """The product verifies TLS against the system trust store, which SSL_CERT_FILE extends (as on an
    admin's machine where the company CA is deployed): point it at the session CA."""
    monkeypatch.setenv("SSL_CERT_FILE", str(session_ca.cert_path))


@pytest.fixture(autouse=True)
def isolated_state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test gets its own state folder and its own keyring (shared with its CLI subprocesses)."""
    home = tmp_path / "mailstage-home"
    home.mkdir()
    monkeypatch.setenv("MAILSTAGE_HOME", str(home))
    monkeypatch.setenv("MAILSTAGE_TEST_KEYRING", str(tmp_path / "test-keyring.json"))
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "tests.rig.keyring_backend.FileKeyring")
    previous = keyring.get_keyring()
    keyring.set_keyring(FileKeyring())
    yield home
    keyring.set_keyring(previous)
