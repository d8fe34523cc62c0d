"""Access tokens for Exchange Online through msal: app-only (client secret) or device-code sign-in.

`TokenProvider` is what the copy calls before each IMAP (re)connect: `provider(address)` returns an
access token valid at that moment (msal serves its cached one while it has more than five minutes
left, and fetches a new one otherwise), so a batch that outlives a token (60-90 minutes at
Microsoft) goes on without a failed mailbox. `provider.for_mailbox(address)` is the zero-argument form
the connectors' `Account.token` takes. The address does not change the token: with app-only access
each mailbox is opened as itself with the app's token, with a device-code sign-in with the admin's.

App-only is the default: the client secret comes from the keyring, scope `<resource>/.default`, the
token is kept in memory only (the secret is the lasting credential). Device code: delegated
`IMAP.AccessAsUser.All` (msal adds offline_access for the refresh token), the sign-in kept in the
encrypted cache of `engine.m365.cache` so later runs and other processes use it without asking again.
"""

from __future__ import annotations

import base64
import json
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import msal
import requests
from msal.exceptions import MsalServiceError

from engine.endpoints import Endpoint, EndpointKind, secret_key
from engine.errors import BadInput, MailstageError
from engine.keystore import REDACTOR, SecretStore
from engine.m365 import errors as m365_errors
from engine.m365.cache import CacheProtection, open_token_cache
from engine.m365.events import DeviceCodePrompt, EventSink, ignore
from engine.m365.http import Cancelled, TokenServiceHttp
from engine.text import T

log = logging.getLogger(__name__)

WORLDWIDE_AUTHORITY_HOST = "https://login.microsoftonline.com"
WORLDWIDE_RESOURCE = "https://outlook.office365.com"
APP_ROLE = "IMAP.AccessAsApp"
DELEGATED_PERMISSION = "IMAP.AccessAsUser.All"
# Exchange Online's resource in the other Microsoft clouds, keyed by the IMAP host of that cloud.
SOVEREIGN_RESOURCES = {
    "outlook.office365.us": "https://outlook.office365.us",
    "outlook.office365.us:993": "https://outlook.office365.us",
    "partner.outlook.cn": "https://partner.outlook.cn",
    "partner.outlook.cn:993": "https://partner.outlook.cn",
}


@dataclass(frozen=True)
class M365Settings:
    """An m365 endpoint's sign-in settings (never a secret)."""

    endpoint: str
    tenant: str
    client_id: str
    auth_mode: str = "app"  # "app" or "device"
    authority: str = ""  # the whole authority URL; empty: the worldwide cloud's for TENANT
    imap_host: str = "outlook.office365.com"

    @classmethod
    def from_endpoint(cls, endpoint: Endpoint) -> M365Settings:
        if endpoint.kind is not EndpointKind.M365:
            raise BadInput(
                "m365.not_m365",
                T("The endpoint {name} is not a Microsoft 365 endpoint.", name=endpoint.name),
                "",
                T("Use an endpoint added with --url m365://TENANT."),
            )
        if not endpoint.client_id:
            raise BadInput(
                "m365.no_client_id",
                T("The Microsoft 365 endpoint {name} has no Application (client) ID.", name=endpoint.name),
                T("Mailstage signs in as an app registration in your tenant."),
                T(
                    "Give it with --client-id (App registrations > your app > Overview > Application (client) ID)."
                ),
            )
        mode = endpoint.auth_mode or "app"
        if mode not in ("app", "device"):
            raise BadInput(
                "m365.bad_auth_mode",
                T("The sign-in mode {mode!r} is not known.", mode=mode),
                "",
                T("Use --auth app or --auth device."),
            )
        return cls(
            endpoint=endpoint.name,
            tenant=endpoint.tenant,
            client_id=endpoint.client_id,
            auth_mode=mode,
            authority=endpoint.authority,
            imap_host=endpoint.host or "outlook.office365.com",
        )

    @property
    def authority_url(self) -> str:
        return (self.authority or f"{WORLDWIDE_AUTHORITY_HOST}/{self.tenant}").rstrip("/")

    @property
    def resource(self) -> str:
        """Exchange Online's resource URI in this endpoint's cloud (the audience of its tokens)."""
        return SOVEREIGN_RESOURCES.get(self.imap_host.lower(), WORLDWIDE_RESOURCE)

    @property
    def app_scopes(self) -> list[str]:
        return [f"{self.resource}/.default"]

    @property
    def delegated_scopes(self) -> list[str]:
        # offline_access (for a refresh token), openid and profile are added by msal itself; it
        # refuses them in this list.
        return [f"{self.resource}/{DELEGATED_PERMISSION}"]

    def tenant_words(self, account: str = "") -> m365_errors.Tenant:
        return m365_errors.Tenant(self.endpoint, self.tenant, self.client_id, self.auth_mode, account)


def validate_authority(url: str) -> str:
    """An --authority as typed, checked: https, a host and the tenant in the path."""
    parts = urlsplit(url.strip())
    if parts.scheme != "https" or not parts.hostname or not parts.path.strip("/"):
        raise BadInput(
            "m365.bad_authority",
            T("The authority {url!r} cannot be used.", url=url),
            T("An authority is the https address of the sign-in service with the tenant after it."),
            T(
                "Write it as https://login.microsoftonline.com/TENANT (US Government: "
                "https://login.microsoftonline.us/TENANT, China: https://login.partner.microsoftonline.cn/TENANT)."
            ),
        )
    return url.strip().rstrip("/")


def token_claims(token: str) -> dict[str, Any]:
    """The claims in a JWT access token, read without checking its signature (Exchange checks it;
    we only look at what permission it carries, to explain a refusal before it happens)."""
    try:
        payload = token.split(".")[1]
        payload += "=" * (-len(payload) % 4)
        claims = json.loads(base64.urlsafe_b64decode(payload))
    except (IndexError, ValueError):
        return {}
    return claims if isinstance(claims, dict) else {}


@dataclass(frozen=True)
class AccessToken:
    """A token and when it stops working (time.time() value)."""

    value: str
    expires_at: float
    source: str  # "cache" or "identity_provider"

    def __repr__(self) -> str:  # never print the token itself
        return f"AccessToken(expires_at={self.expires_at:.0f}, source={self.source!r})"


class MailboxToken:
    """`Account.token` for one mailbox: calling it asks the provider for a token valid now. It keeps
    its provider, so the Exchange Online connector can report waiting through the provider's sink."""

    def __init__(self, provider: TokenProvider, address: str) -> None:
        self.provider = provider
        self.address = address

    def __call__(self) -> str:
        return self.provider(self.address)

    def __repr__(self) -> str:
        return f"MailboxToken({self.provider.settings.endpoint!r}, {self.address!r})"


class TokenProvider:
    """Gives each IMAP (re)connect of an m365 endpoint a token valid at that moment.

    Thread-safe: the copy's threads share one provider, and a lock makes them share one token
    request instead of each asking Microsoft at the same moment.
    """

    def __init__(
        self,
        settings: M365Settings,
        *,
        secret: Callable[[], str | None] | None = None,
        secrets: SecretStore | None = None,
        on_event: EventSink = ignore,
        cancel: threading.Event | None = None,
        http: TokenServiceHttp | None = None,
        cache: msal.TokenCache | None = None,
        cache_protection: CacheProtection | None = None,
    ) -> None:
        self.settings = settings
        self.secrets = secrets or SecretStore()
        self._secret = secret or (lambda: self.secrets.get(secret_key(settings.endpoint)))
        self.on_event = on_event
        self.cancel = cancel or threading.Event()
        self.http = http or TokenServiceHttp(settings.endpoint, on_event=on_event, cancel=self.cancel)
        self._cache = cache
        self.cache_protection = cache_protection
        self._app: msal.ClientApplication | None = None
        self._lock = threading.RLock()
        self.requests_made = 0  # tokens fetched from the service (not from the cache), for tests and logs

    # -- the face the copy sees ------------------------------------------------------------------

    def __call__(self, address: str) -> str:
        """An access token to open ADDRESS with, valid now."""
        return self.token().value

    def for_mailbox(self, address: str) -> MailboxToken:
        """The zero-argument callable a connector's Account.token takes."""
        return MailboxToken(self, address)

    # -- tokens ----------------------------------------------------------------------------------

    def token(self) -> AccessToken:
        """A token valid now (from msal's cache while it has minutes left, else a new one)."""
        with self._lock:
            if self.settings.auth_mode == "device":
                result = self._silent()
            else:
                result = self._guarded(
                    lambda app: app.acquire_token_for_client(scopes=self.settings.app_scopes)
                )
            return self._accept(result)

    def _accept(self, result: dict[str, Any] | None) -> AccessToken:
        words = self.settings.tenant_words(self.account() or "")
        if result is None:
            raise m365_errors.sign_in_needed(words)
        if "access_token" not in result:
            if result.get("error") == "temporarily_unavailable" or "429" in str(
                result.get("error_codes", "")
            ):
                raise m365_errors.throttled_token_service(
                    words, str(result.get("error_description", ""))[:200]
                )
            raise m365_errors.explain_token_answer(result, words)
        value = str(result["access_token"])
        REDACTOR.register(value)
        source = str(result.get("token_source", "identity_provider"))
        if source != "cache":
            self.requests_made += 1
        claims = token_claims(value)
        if self.settings.auth_mode == "app":
            if claims and APP_ROLE not in (claims.get("roles") or []):
                raise m365_errors.consent_missing_in_token(words, APP_ROLE)
        elif claims and DELEGATED_PERMISSION not in str(claims.get("scp", "")).split():
            raise m365_errors.consent_missing_in_token(words, DELEGATED_PERMISSION)
        expires_at = float(claims.get("exp") or (time.time() + float(result.get("expires_in", 0))))
        return AccessToken(value, expires_at, source)

    # -- device-code sign-in ---------------------------------------------------------------------

    def account(self) -> str | None:
        """The signed-in account's user name (device mode), from the cache; None when nobody is."""
        if self.settings.auth_mode != "device":
            return None
        try:
            accounts = self._application().get_accounts()
        except MailstageError:
            return None
        return str(accounts[0].get("username", "")) if accounts else None

    def _silent(self) -> dict[str, Any] | None:
        app = self._application()
        accounts = app.get_accounts()
        if not accounts:
            return None
        result: dict[str, Any] | None = self._guarded(
            lambda a: a.acquire_token_silent_with_error(self.settings.delegated_scopes, account=accounts[0])
        )
        return result

    def sign_in(
        self,
        show: Callable[[DeviceCodePrompt], None],
        *,
        cancel: threading.Event | None = None,
    ) -> str:
        """Sign in with a device code: SHOW gets the page and the code, then we wait until the person
        signed in (returns the account's user name), refused, or the code expired (MailstageError).

        Setting CANCEL ends the wait at once (raises `Cancelled`, which is not an error to show).
        """
        if self.settings.auth_mode != "device":
            raise BadInput(
                "m365.not_device",
                T(
                    "The endpoint {name} signs in as an app (with a client secret).",
                    name=self.settings.endpoint,
                ),
                T("Only device-code endpoints sign in interactively."),
                T("Add the endpoint with --auth device to sign in with a code."),
            )
        stop = cancel or threading.Event()
        app = self._application()
        flow = self._guarded(lambda a: a.initiate_device_flow(scopes=self.settings.delegated_scopes))
        if "user_code" not in flow:
            raise m365_errors.explain_token_answer(flow, self.settings.tenant_words())
        show(
            DeviceCodePrompt(
                self.settings.endpoint,
                str(flow.get("verification_uri", "")),
                str(flow["user_code"]),
                float(flow.get("expires_at", time.time() + 900)),
                str(flow.get("message", "")),
            )
        )
        outcome: dict[str, Any] = {}
        done = threading.Event()

        def poll() -> None:
            try:
                outcome["result"] = app.acquire_token_by_device_flow(flow)
            except BaseException as exc:  # handed to the waiting thread
                outcome["error"] = exc
            finally:
                done.set()

        threading.Thread(target=poll, name="m365-device-code", daemon=True).start()
        # msal polls at the service's interval; we only watch for a stop request meanwhile.
        while not done.wait(0.1):
            if stop.is_set() or self.cancel.is_set():
                flow["expires_at"] = 0  # msal's documented way to end its polling loop
                raise Cancelled()
        if "error" in outcome:
            raise self._explain_exception(outcome["error"])
        result = outcome["result"]
        if "access_token" not in result:
            raise m365_errors.explain_token_answer(result, self.settings.tenant_words())
        username = str((result.get("id_token_claims") or {}).get("preferred_username", ""))
        self._accept(result)
        log.info("signed in to Microsoft 365 for endpoint %s as %s", self.settings.endpoint, username)
        return username

    def sign_out(self) -> None:
        """Forget the device-code sign-in (the cache entries of this endpoint's app)."""
        with self._lock:
            app = self._application()
            for account in app.get_accounts():
                app.remove_account(account)

    # -- msal ------------------------------------------------------------------------------------

    def _application(self) -> msal.ClientApplication:
        with self._lock:
            if self._app is None:
                self._app = self._build_application()
            return self._app

    def _build_application(self) -> msal.ClientApplication:
        s = self.settings
        common: dict[str, Any] = {
            "authority": s.authority_url,
            "http_client": self.http,
            # Microsoft's own hosts are known to msal; any other (a sovereign cloud's alias, a local
            # stand-in) would send msal to login.microsoftonline.com for "instance discovery".
            "instance_discovery": False,
        }
        try:
            if s.auth_mode == "device":
                if self._cache is None:
                    self._cache, self.cache_protection = open_token_cache(
                        s.endpoint, secrets=self.secrets, on_event=self.on_event
                    )
                return msal.PublicClientApplication(s.client_id, token_cache=self._cache, **common)
            secret = self._secret()
            if not secret:
                raise m365_errors.missing_secret(s.tenant_words())
            REDACTOR.register(secret)
            return msal.ConfidentialClientApplication(
                s.client_id, client_credential=secret, token_cache=self._cache or msal.TokenCache(), **common
            )
        except MailstageError:
            raise
        except ValueError as exc:
            raise self._explain_authority_failure(exc) from None
        except Exception as exc:
            raise self._explain_exception(exc) from None

    def _guarded(self, call: Callable[[msal.ClientApplication], Any]) -> Any:
        """Run an msal call; what it raises comes back as a MailstageError in the admin's words."""
        app = self._application()
        try:
            return call(app)
        except MailstageError:
            raise
        except Exception as exc:
            raise self._explain_exception(exc) from None

    def _explain_exception(self, exc: BaseException) -> MailstageError:
        words = self.settings.tenant_words()
        host = urlsplit(self.settings.authority_url).netloc
        if isinstance(exc, MailstageError):
            return exc
        if isinstance(exc, requests.exceptions.SSLError):
            return m365_errors.token_service_unreachable(
                words, host, T("its certificate is not trusted by this computer")
            )
        if isinstance(exc, requests.exceptions.RequestException):
            return m365_errors.token_service_unreachable(words, host, type(exc).__name__)
        if isinstance(exc, MsalServiceError) or "HTTP Error" in str(exc):
            return m365_errors.token_service_unavailable(words, str(exc)[:80])
        log.error("unexpected failure from msal: %s", type(exc).__name__, exc_info=exc)
        return MailstageError(
            "m365.signin_failed",
            T("Signing in to Microsoft 365 failed unexpectedly."),
            T("msal reported {name}.", name=type(exc).__name__),
            T("The details are in Mailstage's log; try again, and send the log to support if it persists."),
        )

    def _explain_authority_failure(self, exc: ValueError) -> MailstageError:
        """msal could not read the authority's configuration: ask the service ourselves what it says."""
        words = self.settings.tenant_words()
        url = f"{self.settings.authority_url}/v2.0/.well-known/openid-configuration"
        try:
            response = self.http.get(url)
            answer = response.json() if response.status_code < 500 else {}
        except requests.exceptions.RequestException as error:
            return self._explain_exception(error)
        except ValueError:
            answer = {}
        if isinstance(answer, dict) and answer.get("error"):
            return m365_errors.explain_token_answer(answer, words)
        return BadInput(
            "m365.bad_authority",
            T(
                "The sign-in service at {url} did not answer as Microsoft's does.",
                url=self.settings.authority_url,
            ),
            T("The authority URL is wrong, or the tenant is not found there."),
            T(
                "Leave --authority out for the worldwide cloud, or give the whole URL with the tenant, for example "
                "https://login.microsoftonline.us/contoso.onmicrosoft.com."
            ),
        )


def token_provider_for(
    endpoint: Endpoint,
    *,
    secrets: SecretStore | None = None,
    on_event: EventSink = ignore,
    cancel: threading.Event | None = None,
) -> TokenProvider:
    """The token provider of an m365 endpoint, reading its client secret from the keyring."""
    settings = M365Settings.from_endpoint(endpoint)
    store = secrets or SecretStore()
    return TokenProvider(
        settings,
        secret=lambda: store.get(endpoint.secret_key()),
        secrets=store,
        on_event=on_event,
        cancel=cancel,
    )
