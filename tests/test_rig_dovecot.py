"""The test rig's Dovecot behaves like the servers Mailstage meets: logins, admin access, TLS, limits."""

from __future__ import annotations

import imaplib
import ssl

import pytest
from imapclient import IMAPClient
from imapclient.exceptions import LoginError

from tests.conftest import system_trust_only
from tests.rig.corpus import CorpusGenerator, iter_messages, seed_imap
from tests.rig.dovecot import MASTER_PASSWORD, MASTER_USER, DovecotOptions, DovecotServer


def test_user_logs_in_with_own_password(dovecot: DovecotServer, new_user, ca_context) -> None:
    name, password = new_user()
    with IMAPClient(dovecot.host, port=dovecot.imaps_port, ssl_context=ca_context) as client:
        assert b"Logged in" in client.login(name, password)


def test_wrong_password_is_refused(dovecot: DovecotServer, new_user, ca_context) -> None:
    name, _ = new_user()
    with (
        IMAPClient(dovecot.host, port=dovecot.imaps_port, ssl_context=ca_context) as client,
        pytest.raises(LoginError),
    ):
        client.login(name, "not-the-password")


def test_admin_opens_user_mailbox_with_star_login(dovecot: DovecotServer, new_user, ca_context) -> None:
    name, password = new_user()
    seed_imap(
        dovecot.host,
        dovecot.imaps_port,
        name,
        password,
        [CorpusGenerator(3).tree(5)[0]],
        ssl_context=ca_context,
    )
    with IMAPClient(dovecot.host, port=dovecot.imaps_port, ssl_context=ca_context) as client:
        client.login(f"{name}*{MASTER_USER}", MASTER_PASSWORD)
        assert client.select_folder("INBOX", readonly=True)[b"EXISTS"] > 0


def test_admin_opens_user_mailbox_with_sasl_plain_authzid(
    dovecot: DovecotServer, new_user, ca_context
) -> None:
    name, _ = new_user()
    with IMAPClient(dovecot.host, port=dovecot.imaps_port, ssl_context=ca_context) as client:
        client.plain_login(MASTER_USER, MASTER_PASSWORD, authorization_identity=name)
        # Logged in as the user, not as the admin: the user's own INBOX is selected.
        client.select_folder("INBOX")
        assert client.namespace().personal


def test_starttls_verifies_against_session_ca(dovecot: DovecotServer, new_user, ca_context) -> None:
    name, password = new_user()
    client = IMAPClient(dovecot.host, port=dovecot.imap_port, ssl=False)
    client.starttls(ca_context)
    client.login(name, password)
    client.logout()


def test_implicit_tls_verification_fails_without_session_ca(dovecot: DovecotServer) -> None:
    system_only = system_trust_only()
    with pytest.raises(ssl.SSLCertVerificationError):
        IMAPClient(dovecot.host, port=dovecot.imaps_port, ssl_context=system_only)


def test_starttls_verification_fails_without_session_ca(dovecot: DovecotServer) -> None:
    client = IMAPClient(dovecot.host, port=dovecot.imap_port, ssl=False)
    with pytest.raises(ssl.SSLCertVerificationError):
        client.starttls(system_trust_only())


def test_connection_limit_refuses_the_connection_past_it(dovecot_factory, ca_context) -> None:
    server: DovecotServer = dovecot_factory(DovecotOptions(user_connection_limit=2))
    server.add_user("limited@example.nl", "limited-password")
    open_clients = []
    try:
        for _ in range(2):
            client = IMAPClient(server.host, port=server.imaps_port, ssl_context=ca_context)
            client.login("limited@example.nl", "limited-password")
            open_clients.append(client)
        extra = IMAPClient(server.host, port=server.imaps_port, ssl_context=ca_context)
        with pytest.raises(LoginError, match=r"LIMIT|Maximum number of connections"):
            extra.login("limited@example.nl", "limited-password")
        extra.shutdown()
    finally:
        for client in open_clients:
            client.logout()


def test_corpus_seeds_a_tree_that_reads_back_with_same_bytes_flags_and_dates(
    dovecot: DovecotServer, new_user, ca_context
) -> None:
    name, password = new_user()
    tree = CorpusGenerator(seed=7).tree(120, large_sizes=[2_000_000])
    seed_imap(dovecot.host, dovecot.imaps_port, name, password, tree, ssl_context=ca_context)
    kinds = {message.kind for _, message in iter_messages(tree)}
    assert {"plain", "html_attachment", "rfc2047", "utf8_raw", "long_lines", "bare_lf", "large"} <= kinds

    with IMAPClient(dovecot.host, port=dovecot.imaps_port, ssl_context=ca_context) as client:
        client.normalise_times = False
        client.login(name, password)
        folders = {folder for _, _, folder in client.list_folders()}
        assert "Privé/Reçus & Überweisungen" in folders  # modified UTF-7 on the wire, decoded here
        assert "Projecten/Offerte v1.2" in folders
        for folder in tree:
            client.select_folder("/".join(folder.path), readonly=True)
            fetched = (
                client.fetch(client.search("ALL"), ["BODY.PEEK[]", "FLAGS", "INTERNALDATE"])
                if folder.messages
                else {}
            )
            got = sorted(
                (
                    data[b"BODY[]"],
                    tuple(sorted(f.decode() for f in data[b"FLAGS"] if f != b"\\Recent")),
                    data[b"INTERNALDATE"],
                )
                for data in fetched.values()
            )
            want = sorted((m.wire, tuple(sorted(m.flags)), m.internaldate) for m in folder.messages)
            assert got == want, folder.path


def test_corpus_is_deterministic_for_a_seed() -> None:
    first = [m.raw for _, m in iter_messages(CorpusGenerator(11).tree(60))]
    second = [m.raw for _, m in iter_messages(CorpusGenerator(11).tree(60))]
    other = [m.raw for _, m in iter_messages(CorpusGenerator(12).tree(60))]
    assert first == second
    assert first != other


def test_imaplib_sees_special_use_on_modern_rig(dovecot: DovecotServer, new_user, ca_context) -> None:
    name, password = new_user()
    client = imaplib.IMAP4_SSL(dovecot.host, dovecot.imaps_port, ssl_context=ca_context)
    client.login(name, password)
    _, lines = client.list()
    client.logout()
    assert any(b"\\Sent" in line for line in lines)
