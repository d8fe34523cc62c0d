"""Endpoint URLs as the admin types them: what they mean, and clear refusals."""

from __future__ import annotations

import pytest

from engine.endpoints import EndpointKind, Security, parse_endpoint_url
from engine.errors import BadInput


@pytest.mark.parametrize(
    ("url", "kind", "host", "port", "security"),
    [
        ("imaps://mail.example.nl", EndpointKind.IMAP, "mail.example.nl", 993, Security.TLS),
        ("imaps://mail.example.nl:1993", EndpointKind.IMAP, "mail.example.nl", 1993, Security.TLS),
        ("imap://mail.example.nl", EndpointKind.IMAP, "mail.example.nl", 143, Security.STARTTLS),
        ("imap://127.0.0.1:1143?tls=none", EndpointKind.IMAP, "127.0.0.1", 1143, Security.NONE),
        ("m365://contoso.onmicrosoft.com", EndpointKind.M365, "outlook.office365.com", 993, Security.TLS),
    ],
)
def test_url_gives_kind_host_port_and_security(url, kind, host, port, security) -> None:
    endpoint = parse_endpoint_url("source", url)
    assert (endpoint.kind, endpoint.host, endpoint.port, endpoint.security) == (kind, host, port, security)


def test_maildir_url_gives_the_folder() -> None:
    endpoint = parse_endpoint_url("archive", "maildir:///srv/mail/archive")
    assert endpoint.kind is EndpointKind.MAILDIR
    assert endpoint.path == "/srv/mail/archive"


@pytest.mark.parametrize(
    ("url", "code"),
    [
        ("imaps://admin:secret@mail.example.nl", "endpoint.credentials_in_url"),
        ("pop3://mail.example.nl", "endpoint.bad_scheme"),
        ("imap://mail.example.nl:99999", "endpoint.bad_port"),
        ("maildir://relative/path", "endpoint.bad_maildir"),
        ("imaps://", "endpoint.no_host"),
    ],
)
def test_bad_url_is_refused_with_a_reason(url, code) -> None:
    with pytest.raises(BadInput) as caught:
        parse_endpoint_url("source", url)
    assert caught.value.code == code
    assert caught.value.fix or caught.value.cause
    assert "secret" not in str(caught.value)


def test_bad_endpoint_name_is_refused() -> None:
    with pytest.raises(BadInput, match="cannot be used"):
        parse_endpoint_url("my source!", "imaps://x")
