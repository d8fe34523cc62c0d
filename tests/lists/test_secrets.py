"""Passwords from a list: held only until they are in the keyring, and never shown anywhere."""

from __future__ import annotations

import copy
import json
import logging
import pickle
import shutil
from pathlib import Path

import keyring
import pytest

from engine.keystore import REDACTOR, SecretStore
from engine.lists import Secret, SecretForgotten, load_mailbox_list, mailbox_secret_key
from tests.lists.corpus import DATA, write_text

PASSWORDS = [
    "Welkom-2024!",
    "Zomer#2024ab",
    "Herfst-2024!",
    "kort",
    "Winter-2024!",
    "Lente-2024!!",
    "Sneeuw-2024!",
]


def test_a_secret_shows_a_mask_in_repr_str_and_format_and_refuses_to_be_pickled() -> None:
    secret = Secret("Geheim-123")
    assert "Geheim-123" not in repr(secret)
    assert str(secret) == "********"
    assert f"{secret}" == "********" and f"{secret:>20}" == "********"
    with pytest.raises(TypeError):
        pickle.dumps(secret)
    with pytest.raises(TypeError):
        copy.deepcopy(secret)
    assert secret.reveal() == "Geheim-123"
    secret.forget()
    with pytest.raises(SecretForgotten):
        secret.reveal()


def test_a_loaded_list_never_shows_a_password_in_repr_json_problems_or_logs(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    mailbox_list = load_mailbox_list(DATA / "nl-excel-puntkomma-cp1252.csv")
    logging.getLogger("test").info("loaded %r with entries %r", mailbox_list, mailbox_list.entries)
    shown = [
        repr(mailbox_list),
        str(mailbox_list.entries),
        json.dumps(mailbox_list.as_dict(with_entries=True)),
        "\n".join(str(p) for p in mailbox_list.problems),
        caplog.text,
    ]
    assert (
        mailbox_list.entries[0].password is not None
        and mailbox_list.entries[0].password.reveal() == "Welkom-2024!"
    )
    for password in PASSWORDS:
        for text in shown:
            assert password not in text
    # The cells the GUI shows have the password cell blank.
    password_column = next(i for i, c in enumerate(mailbox_list.columns) if c.header == "Wachtwoord")
    assert {e.cells[password_column] for e in mailbox_list.entries} == {""}


def test_store_secrets_puts_each_ready_password_in_the_keyring_and_forgets_it(tmp_path: Path) -> None:
    path = write_text(
        tmp_path,
        "imap.csv",
        [
            "EmailAddress,UserName,Password",
            "Jan.DeVries@Café.nl,jan,Geheim-123",
            "piet@voorbeeld.nl,piet,Geheim-456",
            "kapot-adres,kees,Geheim-789",
            "els@voorbeeld.nl,els,",
        ],
    )
    mailbox_list = load_mailbox_list(path)
    assert mailbox_list.format is not None and mailbox_list.format.password_role == "source"
    stored = mailbox_list.store_secrets(SecretStore(), "oude-server")
    assert stored == 2
    # Stored through keyring's own API, under service "Mailstage", key mailbox:<endpoint>:<address>.
    assert keyring.get_password("Mailstage", "mailbox:oude-server:jan.devries@café.nl") == "Geheim-123"
    assert (
        keyring.get_password("Mailstage", mailbox_secret_key("oude-server", "PIET@voorbeeld.nl"))
        == "Geheim-456"
    )
    # The row with an error is not stored; the stored ones are no longer held.
    assert keyring.get_password("Mailstage", "mailbox:oude-server:kapot-adres") is None
    first, second, broken, _ = mailbox_list.entries
    assert first.password is not None and not first.password.is_held
    assert second.password is not None and not second.password.is_held
    assert broken.password is not None and broken.password.is_held
    # What keystore stores is redacted from every log from now on.
    assert REDACTOR.redact("login with Geheim-123") == "login with ********"


def test_rows_written_back_for_fixing_never_contain_a_password(tmp_path: Path) -> None:
    mailbox_list = load_mailbox_list(DATA / "nl-excel-puntkomma-cp1252.csv")
    csv_out = mailbox_list.write_rows(tmp_path / "fout.csv", mailbox_list.error_rows, with_problems=True)
    xlsx_out = mailbox_list.write_rows(tmp_path / "fout.xlsx", with_problems=True)
    import zipfile

    with zipfile.ZipFile(xlsx_out) as book:
        xlsx_text = b"".join(book.read(name) for name in book.namelist()).decode("utf-8", "replace")
    csv_text = csv_out.read_text(encoding="utf-8-sig")
    for password in PASSWORDS:
        assert password not in csv_text
        assert password not in xlsx_text


def test_loading_a_list_writes_nothing_to_disk(tmp_path: Path) -> None:
    # Nothing of the list (passwords included) lands in the state folder or next to the file.
    listed = tmp_path / "lijst.csv"
    shutil.copy(DATA / "nl-excel-puntkomma-cp1252.csv", listed)
    before = {p for p in tmp_path.rglob("*") if p.is_file()}
    load_mailbox_list(listed)
    after = {p for p in tmp_path.rglob("*") if p.is_file()}
    assert after == before
