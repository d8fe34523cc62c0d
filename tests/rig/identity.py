"""A local stand-in for Microsoft's identity platform (Entra ID), over HTTPS on loopback.

No machine here reaches Microsoft, so tests get a token service that answers the way Entra does
(exchange-online.md, sections 1, 2, 7 and 9):

- `/{tenant}/v2.0/.well-known/openid-configuration` (what msal reads), `/{tenant}/discovery/v2.0/keys`
- `/{tenant}/oauth2/v2.0/token` for client_credentials, device_code and refresh_token
- `/{tenant}/oauth2/v2.0/devicecode`
- `/introspect` for Dovecot's passdb oauth2 (not an Entra endpoint: Exchange Online checks its tokens
  itself; Dovecot asks us)

Access tokens are RS256 JWTs shaped like Exchange Online's (aud https://outlook.office365.com, iss
https://sts.windows.net/{tid}/, `roles` for app-only, `scp` + `upn` for delegated) with a lifetime a
test can shorten, so a token expires in the middle of a copy. Errors carry Entra's AADSTS codes and
texts; a test can make the service throttle (429 with Retry-After) or fail (5xx), and can approve,
decline or let expire a pending device code.
"""

from __future__ import annotations

import base64
import json
import secrets
import ssl
import threading
import time
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa

from tests.rig.certs import CertFiles

EXCHANGE_RESOURCE = "https://outlook.office365.com"
APP_SCOPE = f"{EXCHANGE_RESOURCE}/.default"
DELEGATED_SCOPE = "IMAP.AccessAsUser.All"
APP_ROLE = "IMAP.AccessAsApp"
# The attribute the introspection answer carries for identities that may open other people's
# mailboxes once Exchange grants it (the app's service principal, an admin who signed in); Dovecot's
# second oauth2 passdb keys on it (see dovecot_oauth.py).
GRANTEE_ATTRIBUTE = "mailstage_grantee"
GRANTEE_VALUE = "migration"


@dataclass
class App:
    """An app registration in the stand-in tenant."""

    client_id: str
    secret: str | None = None
    secret_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    public_client_flows: bool = False
    admin_consent: bool = True  # IMAP.AccessAsApp granted (app-only) / delegated consent given
    name: str = "Mailstage migration"


@dataclass
class User:
    """A person who can sign in with a device code."""

    upn: str
    may_open_others: bool = False  # holds FullAccess grants (an Exchange admin doing the migration)
    oid: str = field(default_factory=lambda: str(uuid.uuid4()))


@dataclass
class DeviceCode:
    """A pending device-code sign-in."""

    client_id: str
    device_code: str
    user_code: str
    expires_at: float
    scope: str
    state: str = "pending"  # pending, approved, declined, redeemed
    upn: str = ""


@dataclass
class _Injected:
    status: int
    retry_after: int | None
    count: int


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


class IdentityServer:
    """One running token service for one tenant. Use `start()` / `stop()`, or as a context manager."""

    def __init__(
        self,
        cert: CertFiles,
        *,
        tenant: str = "contoso.onmicrosoft.com",
        access_token_lifetime: float = 3600,
        device_code_lifetime: int = 900,
        device_poll_interval: int = 1,
    ) -> None:
        self.cert = cert
        self.tenant = tenant
        self.tenant_id = str(uuid.uuid4())
        self.access_token_lifetime = access_token_lifetime
        self.device_code_lifetime = device_code_lifetime
        self.device_poll_interval = device_poll_interval
        self.apps: dict[str, App] = {}
        self.users: dict[str, User] = {}
        self.device_codes: list[DeviceCode] = []
        self.refresh_tokens: dict[str, tuple[str, str, str]] = {}  # token -> (client_id, upn, scope)
        self.requests: list[tuple[str, str]] = []  # (path, grant_type or "") in arrival order
        self.issued: list[tuple[float, float]] = []  # (issued at, expires at) of every access token
        self.tokens_issued: list[str] = []  # every access token, for tests that look for leaks
        self._injected: list[_Injected] = []
        self._refuse_next = 0  # access tokens still to issue that introspection will call expired
        self._refused: set[str] = set()
        self._lock = threading.Condition()
        self._key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self._kid = secrets.token_hex(8)
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self.port = 0

    # -- life cycle -------------------------------------------------------------------------

    def start(self) -> IdentityServer:
        handler = _handler_for(self)
        server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        server.daemon_threads = True
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(str(self.cert.cert), str(self.cert.key))
        server.socket = context.wrap_socket(server.socket, server_side=True)
        self._server = server
        self.port = int(server.server_address[1])
        self._thread = threading.Thread(target=server.serve_forever, name="identity-server", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> IdentityServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- addresses --------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        return f"https://127.0.0.1:{self.port}"

    @property
    def authority(self) -> str:
        """What an endpoint's --authority is set to (the whole authority URL, tenant included)."""
        return f"{self.base_url}/{self.tenant}"

    @property
    def introspection_url(self) -> str:
        return f"{self.base_url}/introspect"

    @property
    def issuer(self) -> str:
        return f"{self.base_url}/{self.tenant_id}/v2.0"

    # -- what tests set up ------------------------------------------------------------------

    def register_app(
        self,
        client_id: str | None = None,
        *,
        secret: str | None = None,
        public_client_flows: bool = False,
        admin_consent: bool = True,
    ) -> App:
        app = App(
            client_id or str(uuid.uuid4()),
            secret=secret,
            public_client_flows=public_client_flows,
            admin_consent=admin_consent,
        )
        with self._lock:
            self.apps[app.client_id] = app
        return app

    def add_user(self, upn: str, *, may_open_others: bool = False) -> User:
        user = User(upn.lower(), may_open_others=may_open_others)
        with self._lock:
            self.users[user.upn] = user
        return user

    def throttle_next(self, count: int = 1, *, retry_after: int = 1) -> None:
        """The next COUNT token requests get 429 Too Many Requests with Retry-After."""
        with self._lock:
            self._injected.append(_Injected(429, retry_after, count))

    def fail_next(self, count: int = 1, *, status: int = 503) -> None:
        """The next COUNT token requests get a server error (no Retry-After)."""
        with self._lock:
            self._injected.append(_Injected(status, None, count))

    def refuse_next_tokens(self, count: int = 1) -> None:
        """The next COUNT access tokens are issued as usual, but the mail server finds them expired
        (a token that ran out on its way, or a server whose clock runs ahead)."""
        with self._lock:
            self._refuse_next += count

    def revoke_refresh_tokens(self) -> None:
        """Every refresh token issued so far stops working (as when a sign-in is revoked)."""
        with self._lock:
            self.refresh_tokens.clear()

    def wait_for_device_code(self, timeout: float = 30.0) -> DeviceCode:
        """The newest pending device code, waiting until a client asked for one."""
        with self._lock:
            ok = self._lock.wait_for(
                lambda: any(code.state == "pending" for code in self.device_codes), timeout=timeout
            )
            if not ok:
                raise TimeoutError("no client asked for a device code")
            return [code for code in self.device_codes if code.state == "pending"][-1]

    def approve_device(self, user_code: str, upn: str) -> None:
        """The person at the sign-in page entered USER_CODE and signed in as UPN."""
        with self._lock:
            code = self._code_by_user_code(user_code)
            code.state, code.upn = "approved", upn.lower()
            self._lock.notify_all()

    def decline_device(self, user_code: str) -> None:
        """The person at the sign-in page refused the request."""
        with self._lock:
            self._code_by_user_code(user_code).state = "declined"
            self._lock.notify_all()

    def expire_device(self, user_code: str) -> None:
        """The code runs out before anyone signs in."""
        with self._lock:
            self._code_by_user_code(user_code).expires_at = 0
            self._lock.notify_all()

    def token_requests(self, grant_type: str | None = None) -> list[tuple[str, str]]:
        with self._lock:
            return [r for r in self.requests if r[0].endswith("/token") and grant_type in (None, r[1])]

    def _code_by_user_code(self, user_code: str) -> DeviceCode:
        for code in self.device_codes:
            if code.user_code == user_code:
                return code
        raise KeyError(user_code)

    # -- tokens -----------------------------------------------------------------------------

    def access_token(
        self,
        client_id: str,
        *,
        upn: str | None = None,
        roles: list[str] | None = None,
        lifetime: float | None = None,
    ) -> tuple[str, int]:
        """An Exchange-shaped access token and its lifetime in seconds."""
        now = time.time()
        life = self.access_token_lifetime if lifetime is None else lifetime
        claims: dict[str, Any] = {
            "aud": EXCHANGE_RESOURCE,
            "iss": f"https://sts.windows.net/{self.tenant_id}/",
            "iat": int(now),
            "nbf": int(now),
            # A fraction of a second counts: a test may give tokens a life of one second.
            "exp": round(now + life, 3),
            "appid": client_id,
            "tid": self.tenant_id,
            "ver": "1.0",
            "jti": secrets.token_hex(8),
        }
        if upn is None:
            claims["oid"] = str(uuid.uuid5(uuid.NAMESPACE_URL, client_id))
            if roles:
                claims["roles"] = roles
        else:
            user = self.users[upn]
            claims.update(oid=user.oid, upn=upn, unique_name=upn, scp=DELEGATED_SCOPE)
        token = jwt.encode(claims, self._key, algorithm="RS256", headers={"kid": self._kid})
        with self._lock:
            self.issued.append((now, claims["exp"]))
            self.tokens_issued.append(token)
            if self._refuse_next:
                self._refuse_next -= 1
                self._refused.add(token)
        return token, max(1, round(life))

    def introspect(self, token: str) -> dict[str, Any]:
        """What Dovecot's passdb oauth2 gets back: flat JSON, `active` false for anything not valid."""
        try:
            claims = jwt.decode(
                token,
                self._key.public_key(),
                algorithms=["RS256"],
                audience=EXCHANGE_RESOURCE,
                issuer=f"https://sts.windows.net/{self.tenant_id}/",
            )
        except jwt.PyJWTError:
            return {"active": False, GRANTEE_ATTRIBUTE: "none"}
        with self._lock:
            if token in self._refused:
                return {"active": False, GRANTEE_ATTRIBUTE: "none"}
        # Both attributes are always present: Dovecot treats a missing one as an internal failure
        # ("No username returned", a temporary failure for the client) instead of a refusal.
        answer: dict[str, Any] = {"active": True, GRANTEE_ATTRIBUTE: "none"}
        if "upn" in claims:
            answer["upn"] = claims["upn"]
            answer["scope"] = claims.get("scp", "")
            user = self.users.get(claims["upn"])
            if user is not None and user.may_open_others:
                answer[GRANTEE_ATTRIBUTE] = GRANTEE_VALUE
        else:
            roles = claims.get("roles", [])
            answer["upn"] = f"app:{claims.get('appid', '')}"  # never a mailbox address
            answer["scope"] = " ".join(roles)
            if APP_ROLE in roles:
                answer[GRANTEE_ATTRIBUTE] = GRANTEE_VALUE
        return answer

    def jwks(self) -> dict[str, Any]:
        numbers = self._key.public_key().public_numbers()
        return {
            "keys": [
                {
                    "kty": "RSA",
                    "use": "sig",
                    "kid": self._kid,
                    "n": _b64url(numbers.n.to_bytes((numbers.n.bit_length() + 7) // 8, "big")),
                    "e": _b64url(numbers.e.to_bytes(3, "big")),
                }
            ]
        }

    def openid_configuration(self, tenant: str) -> dict[str, Any]:
        root = f"{self.base_url}/{tenant}"
        return {
            "issuer": self.issuer,
            "token_endpoint": f"{root}/oauth2/v2.0/token",
            "device_authorization_endpoint": f"{root}/oauth2/v2.0/devicecode",
            "authorization_endpoint": f"{root}/oauth2/v2.0/authorize",
            "jwks_uri": f"{root}/discovery/v2.0/keys",
            "token_endpoint_auth_methods_supported": ["client_secret_post", "client_secret_basic"],
            "response_types_supported": ["code", "id_token", "code id_token", "id_token token"],
            "tenant_region_scope": "EU",
        }

    def _id_token(self, client_id: str, user: User) -> str:
        now = int(time.time())
        claims = {
            "aud": client_id,
            "iss": self.issuer,
            "iat": now,
            "nbf": now,
            "exp": now + 3600,
            "oid": user.oid,
            "tid": self.tenant_id,
            "sub": user.oid,
            "preferred_username": user.upn,
            "name": user.upn.split("@")[0],
            "ver": "2.0",
        }
        return jwt.encode(claims, self._key, algorithm="RS256", headers={"kid": self._kid})

    def _delegated_answer(self, client_id: str, upn: str, scope: str) -> dict[str, Any]:
        user = self.users[upn]
        access, life = self.access_token(client_id, upn=upn)
        refresh = secrets.token_urlsafe(48)
        self.refresh_tokens[refresh] = (client_id, upn, scope)
        info = {"uid": user.oid, "utid": self.tenant_id}
        return {
            "token_type": "Bearer",
            "scope": f"{EXCHANGE_RESOURCE}/{DELEGATED_SCOPE}",
            "expires_in": life,
            "ext_expires_in": life,
            "access_token": access,
            "refresh_token": refresh,
            "id_token": self._id_token(client_id, user),
            "client_info": _b64url(json.dumps(info).encode()),
        }

    # -- the endpoints' logic (called by the handler, under the lock) -----------------------

    def _take_injected(self) -> _Injected | None:
        for injected in self._injected:
            if injected.count > 0:
                injected.count -= 1
                return injected
        return None

    def _token(self, tenant: str, form: dict[str, str]) -> tuple[int, dict[str, Any]]:
        grant = form.get("grant_type", "")
        client_id = form.get("client_id", "")
        app = self.apps.get(client_id)
        if app is None:
            return _entra_error(
                400,
                "unauthorized_client",
                700016,
                f"Application with identifier '{client_id}' was not found in the directory '{tenant}'. "
                "This can happen if the application has not been installed by the administrator of the "
                "tenant or consented to by any user in the tenant. You may have sent your authentication "
                "request to the wrong tenant.",
            )
        secret = form.get("client_secret")
        if grant == "client_credentials":
            if secret is None:
                return _missing_secret()
            if secret != app.secret:
                return _wrong_secret(app)
            if form.get("scope") != APP_SCOPE:
                return _entra_error(
                    400,
                    "invalid_scope",
                    1002012,
                    f"The provided value for scope {form.get('scope')} is not valid. Client credential flows "
                    "must have a scope value with /.default suffixed to the resource identifier "
                    "(application ID URI).",
                )
            # Without admin consent Entra still issues a token, only without the role in it.
            access, life = self.access_token(client_id, roles=[APP_ROLE] if app.admin_consent else [])
            return 200, {
                "token_type": "Bearer",
                "expires_in": life,
                "ext_expires_in": life,
                "access_token": access,
            }
        if secret is not None and secret != app.secret:
            return _wrong_secret(app)
        if secret is None and not app.public_client_flows:
            return _missing_secret()
        if grant == "urn:ietf:params:oauth:grant-type:device_code":
            code = next((c for c in self.device_codes if c.device_code == form.get("device_code")), None)
            if code is None:
                return _entra_error(
                    400,
                    "bad_verification_code",
                    70019,
                    "Verification code has been consumed or is not valid.",
                )
            if code.state == "declined":
                return _entra_error(
                    400, "authorization_declined", 70000, "The user denied the authorization request."
                )
            if code.state == "pending" and time.time() >= code.expires_at:
                code.state = "expired"
            if code.state == "expired":
                return _entra_error(
                    400,
                    "expired_token",
                    70020,
                    "The provided value for the input parameter 'device_code' is not valid. "
                    "This device code has expired.",
                )
            if code.state == "pending":
                return _entra_error(
                    400,
                    "authorization_pending",
                    70016,
                    "OAuth 2.0 device flow error. Authorization is pending. Continue polling.",
                )
            if code.state == "redeemed":
                return _entra_error(
                    400,
                    "bad_verification_code",
                    70019,
                    "Verification code has been consumed or is not valid.",
                )
            code.state = "redeemed"
            if not app.admin_consent:
                return _entra_error(
                    400,
                    "invalid_grant",
                    65001,
                    f"The user or administrator has not consented to use the application with ID "
                    f"'{client_id}' named '{app.name}'. Send an interactive authorization request for this "
                    "user and resource.",
                )
            return 200, self._delegated_answer(client_id, code.upn, code.scope)
        if grant == "refresh_token":
            held = self.refresh_tokens.pop(form.get("refresh_token", ""), None)
            if held is None or held[0] != client_id:
                return _entra_error(
                    400,
                    "invalid_grant",
                    50173,
                    "The provided grant has expired due to it being revoked, a fresh auth token is needed. "
                    "The user might have changed or reset their password.",
                )
            return 200, self._delegated_answer(client_id, held[1], held[2])
        return _entra_error(
            400, "unsupported_grant_type", 70003, f"The app requested an unsupported grant type '{grant}'."
        )

    def _devicecode(self, tenant: str, form: dict[str, str]) -> tuple[int, dict[str, Any]]:
        client_id = form.get("client_id", "")
        if client_id not in self.apps:
            return _entra_error(
                400,
                "unauthorized_client",
                700016,
                f"Application with identifier '{client_id}' was not found in the directory '{tenant}'.",
            )
        user_code = "".join(secrets.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(9))
        code = DeviceCode(
            client_id=client_id,
            device_code=secrets.token_urlsafe(32),
            user_code=user_code,
            expires_at=time.time() + self.device_code_lifetime,
            scope=form.get("scope", ""),
        )
        self.device_codes.append(code)
        self._lock.notify_all()
        uri = f"{self.base_url}/devicelogin"
        return 200, {
            "user_code": user_code,
            "device_code": code.device_code,
            "verification_uri": uri,
            "expires_in": self.device_code_lifetime,
            "interval": self.device_poll_interval,
            "message": f"To sign in, use a web browser to open the page {uri} and enter the code "
            f"{user_code} to authenticate.",
        }


def _entra_error(status: int, error: str, code: int, text: str) -> tuple[int, dict[str, Any]]:
    """An error answer shaped as Entra's: the AADSTS code first in the description."""
    stamp = time.strftime("%Y-%m-%d %H:%M:%SZ", time.gmtime())
    trace = str(uuid.uuid4())
    return status, {
        "error": error,
        "error_description": f"AADSTS{code}: {text} Trace ID: {trace} Correlation ID: {uuid.uuid4()} "
        f"Timestamp: {stamp}",
        "error_codes": [code],
        "timestamp": stamp,
        "trace_id": trace,
        "correlation_id": str(uuid.uuid4()),
    }


def _wrong_secret(app: App) -> tuple[int, dict[str, Any]]:
    return _entra_error(
        401,
        "invalid_client",
        7000215,
        "Invalid client secret provided. Ensure the secret being sent in the request is the client secret "
        f"value, not the client secret ID, for a secret added to app '{app.client_id}'.",
    )


def _missing_secret() -> tuple[int, dict[str, Any]]:
    return _entra_error(
        401,
        "invalid_client",
        7000218,
        "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
    )


def _handler_for(service: IdentityServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:  # quiet: tests read service.requests
            pass

        def _send(self, status: int, body: dict[str, Any], headers: dict[str, str] | None = None) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)

        def _form(self) -> dict[str, str]:
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length).decode() if length else ""
            if self.headers.get("Content-Type", "").startswith("application/json"):
                return {k: str(v) for k, v in json.loads(raw or "{}").items()}
            return {k: v[-1] for k, v in parse_qs(raw).items()}

        def _segments(self) -> list[str]:
            return [s for s in urlsplit(self.path).path.split("/") if s]

        def _known_tenant(self, tenant: str) -> bool:
            return tenant.lower() in (service.tenant.lower(), service.tenant_id, "organizations", "common")

        def _unknown_tenant(self, tenant: str) -> None:
            status, body = _entra_error(
                400,
                "invalid_tenant",
                90002,
                f"Tenant '{tenant}' not found. Check to make sure you have the correct tenant ID and are "
                "signing into the correct cloud. Check with your subscription administrator, this may happen "
                "if there are no active subscriptions for the tenant.",
            )
            self._send(status, body)

        def do_GET(self) -> None:
            parts = self._segments()
            with service._lock:
                service.requests.append((urlsplit(self.path).path, ""))
            if len(parts) == 4 and parts[1:] == ["v2.0", ".well-known", "openid-configuration"]:
                if not self._known_tenant(parts[0]):
                    self._unknown_tenant(parts[0])
                    return
                self._send(200, service.openid_configuration(parts[0]))
            elif parts[1:] == ["discovery", "v2.0", "keys"]:
                self._send(200, service.jwks())
            else:
                self._send(404, {"error": "not_found"})

        def do_POST(self) -> None:
            parts = self._segments()
            form = self._form()
            path = urlsplit(self.path).path
            with service._lock:
                service.requests.append((path, form.get("grant_type", "")))
                if parts == ["introspect"]:
                    token = form.get("token", "")
                    auth = self.headers.get("Authorization", "")
                    if not token and auth.lower().startswith("bearer "):
                        token = auth[7:]
                    answer: tuple[int, dict[str, Any], dict[str, str]] = (200, service.introspect(token), {})
                elif (
                    len(parts) == 4
                    and parts[1:3] == ["oauth2", "v2.0"]
                    and parts[3] in ("token", "devicecode")
                ):
                    if not self._known_tenant(parts[0]):
                        status, body = _entra_error(
                            400,
                            "invalid_request",
                            90002,
                            f"Tenant '{parts[0]}' not found. Check to make sure you have the correct tenant ID "
                            "and are signing into the correct cloud.",
                        )
                        answer = (status, body, {})
                    else:
                        injected = service._take_injected() if parts[3] == "token" else None
                        if injected is not None and injected.status == 429:
                            status, body = _entra_error(
                                429,
                                "temporarily_unavailable",
                                50196,
                                "The server terminated an operation because it encountered a client request "
                                "loop. Please contact your app vendor.",
                            )
                            answer = (status, body, {"Retry-After": str(injected.retry_after)})
                        elif injected is not None:
                            answer = (injected.status, {"error": "server_error"}, {})
                        elif parts[3] == "token":
                            answer = (*service._token(parts[0], form), {})
                        else:
                            answer = (*service._devicecode(parts[0], form), {})
                else:
                    answer = (404, {"error": "not_found"}, {})
            self._send(*answer)

    return Handler
