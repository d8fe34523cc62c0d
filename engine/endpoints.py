"""Endpoints: where mail is read from (source) and written to (target), without their secrets.

An endpoint is described by a URL (the design's command line):
    imaps://HOST[:993]          IMAP over implicit TLS
    imap://HOST[:143]           IMAP with STARTTLS (required); `?tls=none` for plain text, explicitly
    maildir:///PATH             a local folder, one Maildir per mailbox under PATH
    m365://TENANT               Exchange Online over IMAP with OAuth2 (settings beside the URL)
Its password, client secret or token lives in the keyring under `secret_key(name)`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from engine.errors import BadInput
from engine.text import T

DEFAULT_MAX_CONCURRENT = 20  # Microsoft's default for concurrent migrations
DEFAULT_MAX_CONCURRENT_INCREMENTAL = 10
NAME_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")


class EndpointKind(StrEnum):
    IMAP = "imap"
    MAILDIR = "maildir"
    M365 = "m365"


class Security(StrEnum):
    TLS = "tls"  # implicit TLS (imaps)
    STARTTLS = "starttls"
    NONE = "none"  # only when the admin asked for it explicitly


class AdminLoginStyle(StrEnum):
    """How an admin account opens another user's mailbox."""

    SASL = "sasl"  # SASL PLAIN with authorization identity = user, authentication identity = admin
    DOVECOT = "dovecot"  # LOGIN "user*admin"
    EXCHANGE = "exchange"  # LOGIN "DOMAIN/admin/user"


@dataclass(frozen=True)
class Endpoint:
    """Connection settings of one endpoint. Never holds a secret."""

    name: str
    kind: EndpointKind
    host: str = ""
    port: int = 0
    security: Security = Security.TLS
    path: str = ""  # maildir root
    admin_user: str = ""  # empty: each mailbox logs in with its own credentials
    admin_style: AdminLoginStyle = AdminLoginStyle.SASL
    admin_domain: str = ""  # for AdminLoginStyle.EXCHANGE
    pinned_fingerprint: str = ""  # SHA-256 hex of the one certificate to accept
    max_concurrent: int = DEFAULT_MAX_CONCURRENT
    max_concurrent_incremental: int = DEFAULT_MAX_CONCURRENT_INCREMENTAL
    size_limit: int = 0  # bytes; 0 = what the server announces (APPENDLIMIT) or no limit
    # Microsoft 365 only
    tenant: str = ""
    client_id: str = ""
    auth_mode: str = ""  # "app" or "device"
    authority: str = ""
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def url(self) -> str:
        if self.kind is EndpointKind.MAILDIR:
            return f"maildir://{Path(self.path).as_posix() if self.path.startswith('/') else '/' + self.path}"
        if self.kind is EndpointKind.M365:
            return f"m365://{self.tenant}"
        scheme = "imaps" if self.security is Security.TLS else "imap"
        suffix = "?tls=none" if self.security is Security.NONE else ""
        return f"{scheme}://{self.host}:{self.port}{suffix}"

    def secret_key(self) -> str:
        """The keyring key of this endpoint's password (admin or service account) or client secret."""
        return secret_key(self.name)

    def with_changes(self, **changes: object) -> Endpoint:
        return replace(self, **changes)  # type: ignore[arg-type]


def secret_key(endpoint_name: str) -> str:
    return f"endpoint:{endpoint_name}"


def mailbox_secret_key(endpoint_name: str, address: str) -> str:
    """The keyring key of one mailbox's own password on an endpoint (lists without admin access)."""
    return f"mailbox:{endpoint_name}:{address.lower()}"


def validate_name(name: str) -> str:
    if not NAME_PATTERN.match(name):
        raise BadInput(
            "endpoint.bad_name",
            T("The endpoint name {name!r} cannot be used.", name=name),
            T(
                "A name is 1 to 64 letters, digits, dots, dashes or underscores, starting with a letter or digit."
            ),
            T("Choose a short name such as 'source' or 'exchange2007'."),
        )
    return name


def parse_endpoint_url(name: str, url: str) -> Endpoint:
    """An Endpoint from a URL as the admin typed it; BadInput says what is wrong and what is expected."""
    validate_name(name)
    expected = T("Use imaps://HOST[:993], imap://HOST[:143], maildir:///PATH or m365://TENANT.")
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    if scheme in ("imap", "imaps"):
        if not parts.hostname:
            raise BadInput("endpoint.no_host", T("The URL {url!r} names no server.", url=url), "", expected)
        if parts.username or parts.password:
            raise BadInput(
                "endpoint.credentials_in_url",
                T("The URL contains a user name or password."),
                T("Passwords must never be typed on a command line or stored in settings."),
                T(
                    "Remove them from the URL; give the account with --admin and the password when asked "
                    "(or with --password-stdin)."
                ),
            )
        try:
            port = parts.port
        except ValueError:
            raise BadInput(
                "endpoint.bad_port",
                T("The port in {url!r} is not a number from 1 to 65535.", url=url),
                "",
                expected,
            ) from None
        query = parse_qs(parts.query)
        tls_option = (query.get("tls") or [""])[0].lower()
        if scheme == "imaps":
            security = Security.TLS
        elif tls_option == "none":
            security = Security.NONE
        elif tls_option in ("", "starttls"):
            security = Security.STARTTLS
        else:
            raise BadInput(
                "endpoint.bad_tls",
                T("tls={option!r} is not understood.", option=tls_option),
                "",
                T("Use ?tls=none or leave it out."),
            )
        default_port = 993 if scheme == "imaps" else 143
        return Endpoint(
            name, EndpointKind.IMAP, host=parts.hostname, port=port or default_port, security=security
        )
    if scheme == "maildir":
        path = unquote(parts.path)
        if parts.netloc or not path:
            raise BadInput(
                "endpoint.bad_maildir",
                T("The URL {url!r} is not a local folder.", url=url),
                T("A maildir URL has three slashes before an absolute path."),
                T("Write it as maildir:///full/path/to/folder."),
            )
        return Endpoint(name, EndpointKind.MAILDIR, path=path)
    if scheme == "m365":
        tenant = parts.netloc or parts.path.strip("/")
        if not tenant:
            raise BadInput(
                "endpoint.no_tenant",
                T("The m365:// URL names no tenant."),
                "",
                T("Write m365://contoso.onmicrosoft.com (your tenant's domain or ID)."),
            )
        return Endpoint(
            name,
            EndpointKind.M365,
            tenant=tenant,
            host="outlook.office365.com",
            port=993,
            security=Security.TLS,
        )
    raise BadInput(
        "endpoint.bad_scheme", T("{url!r} is not an endpoint URL Mailstage knows.", url=url), "", expected
    )
