"""engine.text: a Text is the English str everywhere, and keeps what the GUI needs to translate it."""

from __future__ import annotations

import json
import pickle

from engine.text import T, Text, clause, from_data, join, to_data


def test_text_is_a_str_with_the_english_value() -> None:
    text = T("{host} refused connections on port {port}.", host="mail.contoso.nl", port=993)
    assert isinstance(text, str)
    assert text == "mail.contoso.nl refused connections on port 993."
    assert f"Evidence: {text}" == "Evidence: mail.contoso.nl refused connections on port 993."
    assert (
        json.dumps({"evidence": text}) == '{"evidence": "mail.contoso.nl refused connections on port 993."}'
    )
    assert type(text.english()) is str


def test_text_keeps_its_template_and_params() -> None:
    text = T("{count} sessions in {ms:.0f} ms", count=3, ms=12.4)
    assert text == "3 sessions in 12 ms"
    assert text.template == "{count} sessions in {ms:.0f} ms"
    assert text.params == {"count": 3, "ms": 12.4}


def test_nested_texts_keep_their_structure() -> None:
    inner = T("the admin account {user}", user="migadmin")
    outer = T("{who} logged in.", who=inner)
    assert outer == "the admin account migadmin logged in."
    assert isinstance(outer.params["who"], Text)
    assert outer.params["who"].template == "the admin account {user}"


def test_a_template_without_params_unescapes_braces() -> None:
    assert T("Use {{braces}} literally.") == "Use {braces} literally."


def test_join_keeps_each_part_translatable() -> None:
    parts = [T("{a} was refused", a="10.0.0.1"), "plain"]
    joined = join("; ", parts)
    assert joined == "10.0.0.1 was refused; plain"
    assert joined.params["p0"].template == "{a} was refused"


def test_a_pickled_text_comes_back_as_a_text() -> None:
    text = T("{who} logged in.", who=T("the admin account {user}", user="migadmin"))
    back = pickle.loads(pickle.dumps(text))
    assert isinstance(back, Text) and back == text
    assert back.template == text.template
    assert back.params["who"].template == "the admin account {user}"


def test_with_params_changes_only_the_parameters() -> None:
    text = T("The server said: {answer}", answer="secret123 rejected")
    masked = text.with_params(lambda value: value.replace("secret123", "********"))
    assert masked == "The server said: ******** rejected"
    assert masked.template == text.template


def test_a_text_saved_as_data_comes_back_with_its_template() -> None:
    text = T("{who} logged in in {ms:.0f} ms.", who=T("the admin account {user}", user="migadmin"), ms=12.5)
    data = json.loads(json.dumps(to_data(text)))
    back = from_data(data)
    assert isinstance(back, Text) and back == text
    assert back.params["who"].template == "the admin account {user}"
    assert to_data("plain") == "plain" and from_data("plain") == "plain"
    assert from_data({"template": "{missing}", "params": {}}) == ""  # unreadable: nothing, not a crash


def test_a_clause_drops_its_full_stop_and_stays_translatable() -> None:
    reason = T("The server allows {n} connections.", n=5)
    inner = clause(reason)
    outer = T("Only {alive} sessions could be open: {reason}.", alive=5, reason=inner)
    assert outer == "Only 5 sessions could be open: The server allows 5 connections."
    assert isinstance(inner, Text) and inner.clause and inner.template == reason.template
    assert pickle.loads(pickle.dumps(inner)) == inner and pickle.loads(pickle.dumps(inner)).clause
    restored = from_data(json.loads(json.dumps(to_data(outer))))
    assert restored == outer and restored.params["reason"].clause  # type: ignore[union-attr]
    assert clause("plain text.") == "plain text"
