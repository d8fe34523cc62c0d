"""HTTPS to Microsoft's sign-in service, for msal: verified, patient, cancellable.

- Verified against the operating system's trust store (truststore: on Windows the company CA that
  Group Policy deployed is trusted, as in Outlook), extended by the CA files named in SSL_CERT_FILE
  and REQUESTS_CA_BUNDLE. There is no way to turn verification off.
- 429 (with Retry-After) and 5xx answers are waited out here, before msal sees them, with back-off
  and a cap, and each wait is reported as a `TokenServiceWaiting` event; a stop request ends the wait.
  msal would otherwise replay a 429 from memory or raise on a 5xx at once.

msal only calls `get` and `post` on its http_client and reads `status_code`, `text` and `headers`.
"""

from __future__ import annotations

import email.utils
import logging
import os
import ssl
import threading
import time
from typing import Any

import requests
import truststore
from requests.adapters import HTTPAdapter

from engine.errors import MailstageError, Severity
from engine.m365.events import EventSink, TokenServiceWaiting, ignore

log = logging.getLogger(__name__)

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
MAX_SINGLE_WAIT = 120.0  # seconds: a Retry-After above this is capped
DEFAULT_PATIENCE = 300.0  # seconds of waiting in total for one request before giving up
FIRST_BACKOFF = 1.0


class Cancelled(MailstageError):
    """The admin stopped while Mailstage waited for Microsoft: not an error to show."""

    def __init__(self) -> None:
        super().__init__("m365.cancelled", "Stopped.", severity=Severity.BATCH)


def trust_context() -> ssl.SSLContext:
    """The system trust store plus the CA files the environment names (never verification off)."""
    context = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    for variable in ("SSL_CERT_FILE", "REQUESTS_CA_BUNDLE"):
        path = os.environ.get(variable)
        if path and os.path.isfile(path):
            try:
                context.load_verify_locations(cafile=path)
            except (ssl.SSLError, OSError) as exc:
                log.warning("could not read the CA file in %s (%s): %s", variable, path, exc)
    return context


class _TrustStoreAdapter(HTTPAdapter):
    """requests' adapter with our context; requests' own CA-bundle handling (certifi, or the
    environment replacing `verify`) is bypassed so the system store always counts."""

    def __init__(self, context: ssl.SSLContext) -> None:
        self._context = context
        super().__init__(max_retries=0)

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        kwargs["ssl_context"] = self._context
        super().init_poolmanager(*args, **kwargs)

    def build_connection_pool_key_attributes(
        self, request: requests.PreparedRequest, verify: bool | str, cert: Any = None
    ) -> tuple[dict[str, Any], dict[str, Any]]:
        host_params, pool_kwargs = super().build_connection_pool_key_attributes(request, True, cert)
        pool_kwargs.pop("ca_certs", None)
        pool_kwargs.pop("ca_cert_dir", None)
        pool_kwargs["cert_reqs"] = "CERT_REQUIRED"
        return host_params, pool_kwargs

    def cert_verify(self, conn: Any, url: str, verify: bool | str, cert: Any) -> None:
        conn.cert_reqs = "CERT_REQUIRED"
        conn.ca_certs = None
        conn.ca_cert_dir = None
        if cert:
            super().cert_verify(conn, url, True, cert)


def _retry_after(response: requests.Response) -> float | None:
    value = response.headers.get("Retry-After")
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


class TokenServiceHttp:
    """msal's http_client: HTTPS with the system trust store, 429/5xx waited out and reported."""

    def __init__(
        self,
        endpoint: str = "",
        *,
        on_event: EventSink = ignore,
        cancel: threading.Event | None = None,
        patience: float = DEFAULT_PATIENCE,
        timeout: float = 30.0,
    ) -> None:
        self.endpoint = endpoint
        self.on_event = on_event
        self.cancel = cancel or threading.Event()
        self.patience = patience
        self.timeout = timeout
        self._session = requests.Session()
        self._session.trust_env = True  # proxies from the environment (HTTPS_PROXY) still apply
        adapter = _TrustStoreAdapter(trust_context())
        self._session.mount("https://", adapter)
        self._session.mount("http://", adapter)

    def get(self, url: str, params: Any = None, headers: Any = None, **kwargs: Any) -> requests.Response:
        return self._send("GET", url, params=params, headers=headers, **kwargs)

    def post(
        self, url: str, params: Any = None, data: Any = None, headers: Any = None, **kwargs: Any
    ) -> requests.Response:
        return self._send("POST", url, params=params, data=data, headers=headers, **kwargs)

    def close(self) -> None:
        self._session.close()

    def _send(self, method: str, url: str, **kwargs: Any) -> requests.Response:
        if not url.lower().startswith("https://"):
            # msal refuses plain http itself; this keeps the rule true whoever calls us.
            raise ValueError("the sign-in service must be reached over https")
        kwargs.pop("verify", None)  # verification is not negotiable
        kwargs.setdefault("timeout", self.timeout)
        waited = 0.0
        backoff = FIRST_BACKOFF
        attempt = 0
        while True:
            if self.cancel.is_set():
                raise Cancelled()
            response = self._session.request(method, url, **kwargs)
            if response.status_code not in RETRY_STATUSES:
                return response
            suggested = _retry_after(response)
            wait = min(MAX_SINGLE_WAIT, suggested if suggested is not None else backoff)
            if waited + wait > self.patience:
                log.warning(
                    "the sign-in service kept answering %s; giving up after %.0f s",
                    response.status_code,
                    waited,
                )
                return response
            attempt += 1
            log.info(
                "sign-in service answered %s; waiting %.1f s (attempt %d)",
                response.status_code,
                wait,
                attempt,
            )
            self.on_event(TokenServiceWaiting(self.endpoint, wait, response.status_code, attempt))
            response.close()
            if self.cancel.wait(wait):
                raise Cancelled()
            waited += wait
            backoff = min(backoff * 2, 30.0)
