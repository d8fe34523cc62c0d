"""Texts for people that the GUI can translate, although the engine knows nothing of Qt.

`T("{host} refused the connection.", host=host)` is a `Text`: a `str` whose value is the English
sentence, so the CLI, reports, logs and JSON use it as they always did, and which also keeps its
template and parameters. The wizard looks the template up in the engine's translation catalogue
(context "engine", `resources/translations/mailstage_engine_*.ts`, extracted from the `T("...")`
calls by `tools/translations.py`) and fills in the parameters again, translating those that are
`Text` too. Decision 008 explains the choice.

Rules for templates: a whole sentence (translators cannot reorder pieces), names and numbers as
parameters, a string literal as the first argument of `T` (the extractor reads the source, not the
running program). Anything that turns a `Text` into another string (`+`, `.strip()`, an f-string)
gives a plain, English-only `str`: build a new `T` around it instead.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any


class Text(str):
    """An English text (the `str` value) that remembers its template and parameters.

    `clause` marks a sentence that stands inside another one without its closing full stop (see
    `clause()`); the GUI drops the full stop from the translation too.
    """

    template: str
    params: Mapping[str, Any]
    clause: bool

    def __new__(cls, template: str, params: Mapping[str, Any] | None = None, clause: bool = False) -> Text:
        params = dict(params or {})
        value = template.format(**params) if params else template.format()
        text = super().__new__(cls, value.rstrip(".") if clause else value)
        text.template = template
        text.params = params
        text.clause = clause
        return text

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickled (to a batch's child process, say) as template and parameters, not as the English value.
        return (Text, (self.template, dict(self.params), self.clause))

    def english(self) -> str:
        """The English value as a plain `str`."""
        return str.__str__(self)

    def with_params(self, change: Callable[[Any], Any]) -> Text:
        """The same template with CHANGE applied to every parameter (e.g. to mask a secret)."""
        return Text(self.template, {key: change(value) for key, value in self.params.items()}, self.clause)


def T(template: str, /, **params: Any) -> Text:  # short on purpose: it wraps every sentence
    """TEMPLATE (English, `str.format` placeholders) filled with PARAMS, translatable by the GUI."""
    return Text(template, params)


def clause(value: str) -> str:
    """VALUE without its closing full stop, to stand inside another sentence ("...: {reason}.").
    A `Text` stays translatable: same template, and the GUI drops the translation's full stop."""
    if isinstance(value, Text):
        return Text(value.template, value.params, clause=True)
    return value.rstrip(".")


def join(separator: str, parts: Iterable[str]) -> Text:
    """PARTS joined by SEPARATOR ("; ", ", "), each part still translatable.

    The template is built here ("{p0}; {p1}"), so it is not in the catalogue: the GUI keeps it as it
    is and translates the parts. Use it only with separators that read the same in every language.
    """
    items = list(parts)
    template = separator.replace("{", "{{").replace("}", "}}").join(f"{{p{i}}}" for i in range(len(items)))
    return Text(template, {f"p{i}": part for i, part in enumerate(items)})


def to_data(value: str) -> Any:
    """VALUE in a JSON-friendly form that `from_data` turns back into the same `Text` (a plain `str`
    stays itself), so a saved text can be shown translated again after a restart."""
    if not isinstance(value, Text):
        return value
    params = {
        key: to_data(param)
        if isinstance(param, Text)
        else param
        if isinstance(param, int | float)
        else str(param)
        for key, param in value.params.items()
    }
    data: dict[str, Any] = {"template": value.template, "params": params}
    if value.clause:
        data["clause"] = True
    return data


def from_data(data: Any) -> str:
    """The `Text` (or `str`) that `to_data` saved; anything unreadable gives an empty string."""
    if isinstance(data, str):
        return data
    if not isinstance(data, dict) or not isinstance(data.get("template"), str):
        return ""
    params = data.get("params")
    params = params if isinstance(params, dict) else {}
    try:
        return Text(
            data["template"],
            {key: from_data(p) if isinstance(p, dict) else p for key, p in params.items()},
            clause=data.get("clause") is True,
        )
    except (KeyError, IndexError, ValueError):
        return ""
