"""`mailstage-cli endpoint add|list|remove|test|trust|script`: the servers a migration connects to.

Settings go to the state store; a password or client secret goes to the keyring and nowhere else. It
is read from standard input (--password-stdin / --secret-stdin) or asked for at a prompt, never from
the command line, so it cannot end up in the shell history or the process list.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import Any

from engine.endpoints import AdminLoginStyle, Endpoint, EndpointKind, parse_endpoint_url
from engine.errors import BadInput
from engine.keystore import SecretStore
from engine.m365.clouds import CLOUDS, WORLDWIDE, cloud_named
from engine.store import StateStore


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("endpoint", help="add, test and trust the servers to migrate from and to")
    commands = parser.add_subparsers(dest="endpoint_command", metavar="ACTION", required=True)

    add = commands.add_parser(
        "add",
        help="add (or change) an endpoint",
        description="URL: imaps://HOST[:993], imap://HOST[:143] (STARTTLS; ?tls=none for plain text), "
        "maildir:///PATH, or m365://TENANT for Microsoft 365.",
    )
    add.add_argument("name", help="a short name, e.g. 'source' or 'exchange2007'")
    add.add_argument("--url", required=True)
    add.add_argument(
        "--admin", metavar="USER", help="log in as USER on behalf of each mailbox (admin access)"
    )
    add.add_argument(
        "--admin-style",
        choices=[s.value for s in AdminLoginStyle],
        default=AdminLoginStyle.SASL.value,
        help="how the admin opens a mailbox: sasl (SASL PLAIN, most servers), dovecot (user*admin), "
        "exchange (DOMAIN/admin/user; give --admin-domain)",
    )
    add.add_argument("--admin-domain", default="", help="the Windows domain for --admin-style exchange")
    add.add_argument(
        "--max-concurrent", type=int, metavar="N", help="maximum concurrent migrations (default 20)"
    )
    add.add_argument("--size-limit", type=int, metavar="MB", help="largest message the target takes, in MB")
    add.add_argument(
        "--password-stdin", action="store_true", help="read the admin password from standard input"
    )
    add.add_argument("--client-id", help="m365: the app registration's Application (client) ID")
    add.add_argument(
        "--auth", choices=("app", "device"), default="app", help="m365: app secret or device sign-in"
    )
    add.add_argument(
        "--secret-stdin", action="store_true", help="m365: read the client secret from standard input"
    )
    add.add_argument(
        "--cloud",
        choices=[cloud.key for cloud in CLOUDS],
        help="m365: the Microsoft cloud (default worldwide; sets --authority and --imap for the others)",
    )
    add.add_argument("--authority", help="m365: the whole sign-in authority URL (other clouds)")
    add.add_argument("--imap", metavar="HOST[:PORT]", help="m365: the IMAP server (other clouds)")
    add.set_defaults(func=run_add)

    listing = commands.add_parser("list", help="list the endpoints")
    listing.set_defaults(func=run_list)

    remove = commands.add_parser("remove", help="forget an endpoint and its stored password")
    remove.add_argument("name")
    remove.set_defaults(func=run_remove)

    test = commands.add_parser("test", help="connect, check TLS and log in (optionally to one mailbox)")
    test.add_argument("name")
    test.add_argument("--mailbox", metavar="ADDRESS", help="also open this mailbox")
    test.set_defaults(func=run_test)

    trust = commands.add_parser(
        "trust",
        help="trust exactly the certificate a server presents (self-signed, private CA, old Exchange)",
    )
    trust.add_argument("name")
    trust.add_argument(
        "--fingerprint", metavar="SHA256", help="pin only if the server presents this certificate"
    )
    trust.set_defaults(func=run_trust)

    script = commands.add_parser("script", help="m365: write the PowerShell that prepares the tenant")
    script.add_argument("name")
    script.add_argument(
        "--list", metavar="LIST", help="the mailbox list: grant access to each of its mailboxes"
    )
    script.add_argument("--out", required=True, metavar="FILE.ps1")
    script.set_defaults(func=run_script)


def _read_secret(from_stdin: bool, prompt: str, option: str) -> str:
    if from_stdin:
        secret = sys.stdin.readline().rstrip("\r\n")
    elif sys.stdin.isatty():
        secret = getpass.getpass(prompt)
    else:
        raise BadInput(
            "endpoint.no_secret",
            "No password was given.",
            "Standard input is not a terminal, so Mailstage cannot ask for it.",
            f"Pipe it in with {option} (never put a password on the command line).",
        )
    if not secret:
        raise BadInput("endpoint.empty_secret", "The password is empty.", "", "Give the password again.")
    return secret


def _with_store(fn: Any) -> Any:
    store = StateStore()
    try:
        return fn(store)
    finally:
        store.close()


def get_endpoint(store: StateStore, name: str) -> Endpoint:
    """The stored endpoint NAME, or BadInput listing the known ones."""
    endpoint = store.get_endpoint(name)
    if endpoint is None:
        known = ", ".join(e.name for e in store.list_endpoints()) or "none yet"
        raise BadInput(
            "endpoint.unknown",
            f"There is no endpoint named {name}.",
            f"Known endpoints: {known}.",
            f"Add it first: mailstage-cli endpoint add {name} --url ...",
        )
    return endpoint


def run_add(args: argparse.Namespace) -> int:
    endpoint = parse_endpoint_url(args.name, args.url)
    changes: dict[str, object] = {}
    if args.max_concurrent is not None:
        if not 1 <= args.max_concurrent <= 100:
            raise BadInput(
                "endpoint.bad_concurrency",
                f"--max-concurrent {args.max_concurrent} is out of range.",
                "",
                "Give a number from 1 to 100 (Microsoft's default is 20).",
            )
        changes["max_concurrent"] = args.max_concurrent
    if args.size_limit:
        changes["size_limit"] = args.size_limit * 1024 * 1024
    secrets = SecretStore()
    if endpoint.kind is EndpointKind.M365:
        if not args.client_id:
            raise BadInput(
                "endpoint.no_client_id",
                "A Microsoft 365 endpoint needs the app registration's Application (client) ID.",
                "",
                "Give it with --client-id (Entra admin center > App registrations > your app > Overview).",
            )
        changes.update(client_id=args.client_id, auth_mode=args.auth, authority=args.authority or "")
        cloud = cloud_named(args.cloud) if args.cloud else WORLDWIDE
        if cloud is not WORLDWIDE:
            # --authority and --imap, when given too, say more exactly where to go.
            changes.update(host=cloud.imap_host, port=993)
            if not args.authority:
                changes["authority"] = cloud.authority(endpoint.tenant)
        if args.imap:
            host, _, port = args.imap.partition(":")
            changes.update(host=host, port=int(port) if port.isdigit() else 993)
        if "max_concurrent" not in changes:
            changes["max_concurrent"] = 4  # Exchange Online's connections per mailbox are few
    elif args.admin:
        changes.update(
            admin_user=args.admin,
            admin_style=AdminLoginStyle(args.admin_style),
            admin_domain=args.admin_domain,
        )
    endpoint = endpoint.with_changes(**changes)
    if endpoint.kind is EndpointKind.M365 and endpoint.auth_mode == "app":
        secrets.put(
            endpoint.secret_key(),
            _read_secret(args.secret_stdin, "Client secret (its Value): ", "--secret-stdin"),
        )
    elif endpoint.admin_user:
        secrets.put(
            endpoint.secret_key(),
            _read_secret(args.password_stdin, f"Password of {endpoint.admin_user}: ", "--password-stdin"),
        )
    _with_store(lambda store: store.save_endpoint(endpoint))
    print(
        f"Endpoint {endpoint.name} saved: {endpoint.url}"
        + (f", admin {endpoint.admin_user}" if endpoint.admin_user else "")
    )
    if endpoint.kind is EndpointKind.M365 and endpoint.auth_mode == "device":
        _device_sign_in(endpoint)
    return 0


def _device_sign_in(endpoint: Endpoint) -> None:
    from engine.m365.events import DeviceCodePrompt
    from engine.m365.tokens import token_provider_for

    def show(prompt: DeviceCodePrompt) -> None:
        print(f"To sign in, open {prompt.verification_uri} and enter the code {prompt.user_code}", flush=True)
        print("Waiting until the sign-in is done (Ctrl+C stops waiting)...", flush=True)

    account = token_provider_for(endpoint).sign_in(show)
    print(f"Signed in as {account}.")


def run_list(args: argparse.Namespace) -> int:
    endpoints = _with_store(lambda store: store.list_endpoints())
    if not endpoints:
        print("No endpoints yet. Add one: mailstage-cli endpoint add NAME --url URL")
        return 0
    for e in endpoints:
        extra = f" admin={e.admin_user}" if e.admin_user else ""
        pinned = " pinned" if e.pinned_fingerprint else ""
        print(f"{e.name:20} {e.url}{extra} max-concurrent={e.max_concurrent}{pinned}")
    return 0


def run_remove(args: argparse.Namespace) -> int:
    def remove(store: StateStore) -> bool:
        endpoint = get_endpoint(store, args.name)
        SecretStore().delete(endpoint.secret_key())
        return store.delete_endpoint(args.name)

    _with_store(remove)
    print(f"Endpoint {args.name} removed (its password was removed from the keyring).")
    return 0


def run_test(args: argparse.Namespace) -> int:
    from engine.checks import CheckSetup, MailboxRef, build_checks, run_checks
    from engine.commands.check import format_table

    endpoint = _with_store(lambda store: get_endpoint(store, args.name))
    if endpoint.kind is EndpointKind.M365:
        from engine.m365.checks import endpoint_test

        report = endpoint_test(endpoint, args.mailbox)
    else:
        mailboxes = [MailboxRef(args.mailbox)] if args.mailbox else []
        setup = CheckSetup(source=endpoint, mailboxes=mailboxes, concurrency=1)
        report = run_checks(build_checks(setup))
    print(format_table(report, colour=sys.stdout.isatty()))
    return 1 if any(r.status == "fail" for r in report.results) else 0


def run_trust(args: argparse.Namespace) -> int:
    from engine.trust import show_certificate, trust_certificate

    endpoint = _with_store(lambda store: get_endpoint(store, args.name))
    fingerprint = args.fingerprint
    if not fingerprint:
        probe = show_certificate(endpoint)
        info = probe.info
        print(f"Certificate of {endpoint.host}:{endpoint.port}")
        print(f"  Subject:     {info.subject}")
        print(f"  Issued by:   {info.issuer}")
        print(f"  Valid:       {info.not_before:%Y-%m-%d} to {info.not_after:%Y-%m-%d}")
        print(f"  SHA-256:     {info.fingerprint_colons}")
        print(f"  Verifies:    {'yes' if probe.verified else 'no: ' + probe.problem}")
        if not sys.stdin.isatty():
            print(
                "Compare the fingerprint with your server's, then run again with --fingerprint to trust it."
            )
            return 1
        answer = input("Trust exactly this certificate for this endpoint? [y/N] ").strip().lower()
        if answer not in ("y", "yes", "j", "ja"):
            print("Not trusted.")
            return 1
        fingerprint = info.fingerprint
    outcome = trust_certificate(endpoint, fingerprint)
    _with_store(lambda store: store.save_endpoint(outcome.endpoint))
    print(
        f"Endpoint {endpoint.name} now accepts exactly the certificate {outcome.endpoint.pinned_fingerprint}."
    )
    return 0


def run_script(args: argparse.Namespace) -> int:
    from engine.m365.script import tenant_script_for, write_tenant_script

    endpoint = _with_store(lambda store: get_endpoint(store, args.name))
    if endpoint.kind is not EndpointKind.M365:
        raise BadInput(
            "endpoint.not_m365",
            f"The endpoint {endpoint.name} is not a Microsoft 365 endpoint.",
            "The preparation script is for Microsoft 365 targets only.",
            "Add the target with --url m365://TENANT first.",
        )
    addresses: list[str] = []
    if args.list:
        from engine.lists import load_mailbox_list

        mailbox_list = load_mailbox_list(Path(args.list))
        addresses = [entry.address for entry in mailbox_list.ready_entries()]
    path = write_tenant_script(tenant_script_for(endpoint, addresses), Path(args.out))
    print(f"Wrote {path} ({len(addresses)} mailboxes). Read it, then run it in PowerShell as a tenant admin.")
    return 0
