"""A private Dovecot instance on loopback for tests and benchmarks.

Each instance has its own folder (config, Maildirs, logs, sockets), listens on free loopback ports
(plain with STARTTLS, and implicit TLS) with a certificate from the session's CA, reads its users from
a passwd-file that tests may add to while it runs, has a master user for admin access, and is torn
down by its PID. Works as root (mail owned by a system user) and as an ordinary user.
"""

from __future__ import annotations

import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from tests.rig.certs import CertFiles

MASTER_USER = "admin"
MASTER_PASSWORD = "Adm1n-Secret-pw"  # a test secret; the redaction tests look for it too
ROOT_MAIL_USER = "vmail"
DOVECOT = shutil.which("dovecot") or "/usr/sbin/dovecot"


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for_port(port: int, host: str = "127.0.0.1", timeout: float = 15.0) -> None:
    """Block until HOST:PORT accepts a TCP connection (bounded by TIMEOUT)."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            with socket.create_connection((host, port), timeout=1):
                return
        except OSError:
            if time.monotonic() > deadline:
                raise TimeoutError(f"nothing listens on {host}:{port} after {timeout}s") from None
            time.sleep(0.02)


def ensure_mail_user() -> tuple[int, int]:
    """The uid/gid Dovecot stores mail as: a system user when we are root, else ourselves."""
    if os.geteuid() != 0:
        return os.getuid(), os.getgid()
    try:
        entry = pwd.getpwnam(ROOT_MAIL_USER)
    except KeyError:
        subprocess.run(
            ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", ROOT_MAIL_USER],
            check=True,
        )
        entry = pwd.getpwnam(ROOT_MAIL_USER)
    return entry.pw_uid, entry.pw_gid


@dataclass(frozen=True)
class DovecotOptions:
    """How an instance looks to clients."""

    separator: str = "/"
    special_use: bool = True
    # mail_max_userip_connections: a test lowers it by starting an instance with its own value
    # (Dovecot checks it at login, from the config, not per user).
    user_connection_limit: int = 1000
    process_limit: int = 1000


class DovecotServer:
    """One running Dovecot. Use `start()` / `stop()`, or as a context manager."""

    def __init__(
        self, cert: CertFiles, options: DovecotOptions | None = None, root: Path | None = None
    ) -> None:
        self.options = options or DovecotOptions()
        self.cert = cert
        self.root = Path(root or tempfile.mkdtemp(prefix="mailstage-dovecot-"))
        self.imap_port = free_port()
        self.imaps_port = free_port()
        self.host = "127.0.0.1"
        self._proc: subprocess.Popen[bytes] | None = None
        self._uid, self._gid = ensure_mail_user()
        self._users = self.root / "users"
        self._masters = self.root / "masters"
        self.config = self.root / "dovecot.conf"
        self.log = self.root / "dovecot.log"

    # -- life cycle -------------------------------------------------------------------------

    def start(self) -> DovecotServer:
        self._prepare_tree()
        self._write_config()
        self._proc = subprocess.Popen(
            [DOVECOT, "-F", "-c", str(self.config)],
            stdout=subprocess.DEVNULL,
            stderr=open(self.root / "stderr.log", "wb"),  # noqa: SIM115 - closed with the process
        )
        try:
            wait_for_port(self.imap_port)
            wait_for_port(self.imaps_port)
        except TimeoutError:
            self.stop()
            raise RuntimeError(
                f"Dovecot did not start; see {self.log} and {self.root / 'stderr.log'}"
            ) from None
        return self

    def stop(self) -> None:
        """Stop the master by its PID and wait until it (and so its children) has exited."""
        if self._proc is None:
            return
        if self._proc.poll() is None:
            self._proc.send_signal(signal.SIGTERM)
            try:
                self._proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait(timeout=5)
        self._proc = None

    def __enter__(self) -> DovecotServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc else None

    # -- users ------------------------------------------------------------------------------

    def add_user(self, name: str, password: str, *, quota: str | None = None) -> None:
        """Add (or replace) a user; works while the server runs.

        Each user has a passwd-file of its own (Dovecot expands %u in the path), because Dovecot
        re-reads a changed file at most once a second and a shared file would hide a user just added.
        QUOTA is a Dovecot storage limit such as "1M".
        """
        extras = []
        if quota:
            extras.append(f"userdb_quota_rule=*:storage={quota}")
        extra = " ".join(extras)
        self._write_lines(self._users / name, [f"{name}:{{PLAIN}}{password}::::::{extra}"])

    def remove_user(self, name: str) -> None:
        (self._users / name).unlink(missing_ok=True)

    def maildir(self, user: str) -> Path:
        """Where USER's mail lives on disk."""
        return self.root / "mail" / user / "Maildir"

    # -- internals --------------------------------------------------------------------------

    def _prepare_tree(self) -> None:
        for sub in ("run", "state", "mail"):
            (self.root / sub).mkdir(parents=True, exist_ok=True)
        # Dovecot's auth process (user dovecot) must be able to walk into our folders.
        path = self.root
        while path != path.parent:
            if path.exists() and os.geteuid() == 0:
                os.chmod(path, os.stat(path).st_mode | 0o011)
            path = path.parent
        os.chown(self.root / "mail", self._uid, self._gid)
        self._users.mkdir(exist_ok=True)
        self._users.chmod(0o755)
        self._write_lines(self._masters, [f"{MASTER_USER}:{{PLAIN}}{MASTER_PASSWORD}::::::"])

    def _write_config(self) -> None:
        o = self.options
        special = ""
        if o.special_use:
            special = """
  mailbox Sent {
    special_use = \\Sent
    auto = subscribe
  }
  mailbox Drafts {
    special_use = \\Drafts
    auto = subscribe
  }
  mailbox Trash {
    special_use = \\Trash
    auto = subscribe
  }
  mailbox Junk {
    special_use = \\Junk
    auto = subscribe
  }
  mailbox Archive {
    special_use = \\Archive
    auto = subscribe
  }"""
        layout = ":LAYOUT=fs" if o.separator == "/" else ""
        if os.geteuid() == 0:
            identity = f"""
mail_uid = {self._uid}
mail_gid = {self._gid}
first_valid_uid = {self._uid}
last_valid_uid = {self._uid}
"""
        else:
            user = pwd.getpwuid(os.getuid()).pw_name
            import grp

            group = grp.getgrgid(os.getgid()).gr_name
            identity = f"""
default_login_user = {user}
default_internal_user = {user}
default_internal_group = {group}
service anvil {{
  chroot =
}}
service imap-login {{
  chroot =
}}
"""
        config = f"""
instance_name = mailstage-{self.imap_port}
base_dir = {self.root}/run
state_dir = {self.root}/state
log_path = {self.log}
info_log_path = {self.log}
listen = 127.0.0.1
protocols = imap
ssl = yes
ssl_cert = <{self.cert.cert}
ssl_key = <{self.cert.key}
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_verbose = yes
auth_master_user_separator = *
mail_location = maildir:{self.root}/mail/%u/Maildir{layout}
mail_fsync = never
mail_plugins = quota
imap_capability = +APPENDLIMIT=104857600
{identity}
passdb {{
  driver = passwd-file
  args = scheme=PLAIN {self._masters}
  master = yes
  result_success = continue
}}
passdb {{
  driver = passwd-file
  args = scheme=PLAIN {self._users}/%u
}}
userdb {{
  driver = passwd-file
  args = {self._users}/%u
  default_fields = uid={self._uid} gid={self._gid} home={self.root}/mail/%u
}}
namespace inbox {{
  inbox = yes
  separator = {o.separator}
  prefix ={special}
}}
plugin {{
  quota = maildir:User quota
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {self.imap_port}
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {self.imaps_port}
    ssl = yes
  }}
}}
service imap {{
  process_limit = {o.process_limit}
}}
protocol imap {{
  mail_max_userip_connections = {o.user_connection_limit}
}}
"""
        self.config.write_text(config)

    @staticmethod
    def _read_lines(path: Path) -> list[str]:
        return path.read_text().splitlines() if path.exists() else []

    @staticmethod
    def _write_lines(path: Path, lines: list[str]) -> None:
        tmp = path.with_suffix(".tmp")
        tmp.write_text("".join(line + "\n" for line in lines))
        tmp.chmod(0o644)
        os.replace(tmp, path)
