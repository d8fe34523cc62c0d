"""Where a device-code sign-in is remembered between runs: msal's token cache, encrypted at rest.

The cache (about 10 KB: refresh and access tokens, account data) lives in one file per endpoint in
the user's data folder, written through msal-extensions, in the first of these that works here:

1. the operating system's protection: DPAPI on Windows, the Keychain on macOS, libsecret on Linux;
2. a file encrypted with a key kept in the system keyring (Linux without libsecret, as on servers);
3. a plain file only the user can read, said once (an event and a log warning), when neither exists.

Never in the state store, a log, a report or Windows Credential Manager (whose 2,560-byte limit is far
below one cache). A process that crashed while holding the cache's lock does not block the next one
(portalocker's locks end with their process).
"""

from __future__ import annotations

import logging
import os
import stat
import threading
from dataclasses import dataclass
from pathlib import Path

import msal
import msal_extensions
from cryptography.fernet import Fernet, InvalidToken
from msal_extensions.persistence import BasePersistence, FilePersistence

from engine.errors import MailstageError
from engine.keystore import SecretStore
from engine.m365.events import CacheNotice, EventSink, ignore
from engine.paths import state_home

log = logging.getLogger(__name__)

_told: set[str] = set()
_told_lock = threading.Lock()


@dataclass(frozen=True)
class CacheProtection:
    """How the sign-in cache of one endpoint is protected on this computer."""

    path: Path
    encrypted: bool
    method: str  # in words, for the endpoint test and the log


def cache_path(endpoint_name: str, folder: Path | None = None) -> Path:
    """The sign-in cache file of ENDPOINT_NAME."""
    return (folder or state_home() / "signin") / f"{endpoint_name}.msalcache"


def cache_key_name(endpoint_name: str) -> str:
    """The keyring entry holding the key of an endpoint's encrypted cache file (route 2)."""
    return f"m365-cache-key:{endpoint_name}"


class KeyringKeyedPersistence(FilePersistence):  # type: ignore[misc]
    """A cache file encrypted (Fernet: AES-128-CBC + HMAC-SHA256) with a key held in the keyring.

    A file that no longer decrypts (the key was removed) reads as an empty cache: the endpoint is
    then simply signed out, and the next sign-in overwrites it.
    """

    is_encrypted = True

    def __init__(self, location: str, key: bytes) -> None:
        super().__init__(location)
        self._fernet = Fernet(key)

    def save(self, content: str) -> None:
        super().save(self._fernet.encrypt(content.encode("utf-8")).decode("ascii"))

    def load(self) -> str:
        data = super().load()
        try:
            return self._fernet.decrypt(data.encode("ascii")).decode("utf-8")
        except (InvalidToken, ValueError):
            log.warning(
                "the sign-in cache %s does not decrypt with its key; treating it as empty",
                self.get_location(),
            )
            return "{}"


class PrivateFilePersistence(FilePersistence):  # type: ignore[misc]
    """The last resort: a plain file that only the user may read (0600 on POSIX)."""

    def save(self, content: str) -> None:
        super().save(content)
        _owner_only(Path(self.get_location()))


def _owner_only(path: Path) -> None:
    if os.name == "posix" and path.exists():
        path.chmod(stat.S_IRUSR | stat.S_IWUSR)


def _os_persistence(path: Path) -> tuple[BasePersistence, str] | None:
    """The operating system's own protection, or None where it is not available."""
    try:
        persistence = msal_extensions.build_encrypted_persistence(str(path))
    except Exception as exc:  # ImportError (no gi/libsecret), RuntimeError, PersistenceError...
        log.info("no OS protection for the sign-in cache here: %s", type(exc).__name__)
        return None
    name = type(persistence).__name__
    method = {
        "FilePersistenceWithDataProtection": "Windows DPAPI",
        "KeychainPersistence": "macOS Keychain",
        "LibsecretPersistence": "libsecret",
    }.get(name, name)
    return persistence, method


def _keyring_persistence(path: Path, endpoint_name: str, secrets: SecretStore) -> BasePersistence | None:
    if not SecretStore.backend_usable():
        return None
    try:
        key = secrets.get(cache_key_name(endpoint_name))
        if not key:
            key = Fernet.generate_key().decode("ascii")
            secrets.put(cache_key_name(endpoint_name), key)
    except MailstageError:
        return None
    return KeyringKeyedPersistence(str(path), key.encode("ascii"))


def open_token_cache(
    endpoint_name: str,
    *,
    secrets: SecretStore | None = None,
    folder: Path | None = None,
    on_event: EventSink = ignore,
    allow_os_protection: bool = True,
) -> tuple[msal_extensions.PersistedTokenCache, CacheProtection]:
    """The persisted msal token cache of ENDPOINT_NAME and how it is protected.

    `allow_os_protection=False` skips route 1 (tests use it to reach route 2 on a machine that has
    libsecret; the product never passes it).
    """
    path = cache_path(endpoint_name, folder)
    path.parent.mkdir(parents=True, exist_ok=True)
    found = _os_persistence(path) if allow_os_protection else None
    if found is not None:
        persistence, method = found
        protection = CacheProtection(path, True, method)
    else:
        keyed = _keyring_persistence(path, endpoint_name, secrets or SecretStore())
        if keyed is not None:
            persistence = keyed
            protection = CacheProtection(path, True, "encrypted with a key in the system keyring")
        else:
            persistence = PrivateFilePersistence(str(path))
            protection = CacheProtection(path, False, "a file only your account can read (not encrypted)")
            _say_once(endpoint_name, path, on_event)
    return msal_extensions.PersistedTokenCache(persistence), protection


def _say_once(endpoint_name: str, path: Path, on_event: EventSink) -> None:
    with _told_lock:
        if str(path) in _told:
            return
        _told.add(str(path))
    text = (
        f"This computer offers no way to encrypt the Microsoft 365 sign-in of endpoint {endpoint_name}: it is "
        f"kept in {path}, readable only by your account. Install a keyring service (GNOME Keyring, KWallet) to "
        "have it encrypted."
    )
    log.warning("%s", text)
    on_event(CacheNotice(endpoint_name, str(path), text))


def signed_in_accounts(
    endpoint_name: str, *, secrets: SecretStore | None = None, folder: Path | None = None
) -> list[str]:
    """The accounts (lower-case user names) whose sign-in the cache of ENDPOINT_NAME holds.

    Read offline from the cache itself: building msal's application would contact the identity
    service first, and an unreachable service must not look like a lost sign-in. No cache file, no
    account (and no key is made for one)."""
    if not cache_path(endpoint_name, folder).exists():
        return []
    cache, _ = open_token_cache(endpoint_name, secrets=secrets, folder=folder)
    accounts = cache.search(msal.TokenCache.CredentialType.ACCOUNT)
    return [str(account.get("username", "")).lower() for account in accounts]


def remove_token_cache(
    endpoint_name: str, *, secrets: SecretStore | None = None, folder: Path | None = None
) -> None:
    """Forget the sign-in of ENDPOINT_NAME on this computer (file, lock file and key)."""
    path = cache_path(endpoint_name, folder)
    for candidate in (path, Path(str(path) + ".lockfile")):
        candidate.unlink(missing_ok=True)
    try:
        (secrets or SecretStore()).delete(cache_key_name(endpoint_name))
    except MailstageError:
        pass
