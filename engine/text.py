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
    """An English text (the `str` value) that remembers its template and parameters."""

    template: str
    params: Mapping[str, Any]

    def __new__(cls, template: str, params: Mapping[str, Any] | None = None) -> Text:
        params = dict(params or {})
        value = template.format(**params) if params else template.format()
        text = super().__new__(cls, value)
        text.template = template
        text.params = params
        return text

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickled (to a batch's child process, say) as template and parameters, not as the English value.
        return (Text, (self.template, dict(self.params)))

    def english(self) -> str:
        """The English value as a plain `str`."""
        return str.__str__(self)

    def with_params(self, change: Callable[[Any], Any]) -> Text:
        """The same template with CHANGE applied to every parameter (e.g. to mask a secret)."""
        return Text(self.template, {key: change(value) for key, value in self.params.items()})


def T(template: str, /, **params: Any) -> Text:  # short on purpose: it wraps every sentence
    """TEMPLATE (English, `str.format` placeholders) filled with PARAMS, translatable by the GUI."""
    return Text(template, params)


def join(separator: str, parts: Iterable[str]) -> Text:
    """PARTS joined by SEPARATOR ("; ", ", "), each part still translatable.

    The template is built here ("{p0}; {p1}"), so it is not in the catalogue: the GUI keeps it as it
    is and translates the parts. Use it only with separators that read the same in every language.
    """
    items = list(parts)
    template = separator.replace("{", "{{").replace("}", "}}").join(f"{{p{i}}}" for i in range(len(items)))
    return Text(template, {f"p{i}": part for i, part in enumerate(items)})
