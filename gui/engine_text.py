"""The engine's texts in the wizard's language.

The engine speaks English and never imports Qt; its sentences for people are `engine.text.Text`
values that remember their template and parameters. `translated` looks the template up in the
engine's catalogue (context "engine", mailstage_engine_<lang>.qm) and fills in the parameters again,
translated too where they are `Text`. A plain `str`, a template nobody translated, or a translation
that does not fit its parameters all give the English text: a missing translation never costs the
admin the message.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication

from engine.text import Text

log = logging.getLogger(__name__)

CONTEXT = "engine"


def translated(value: str) -> str:
    """VALUE in the current language when it is an engine `Text`; otherwise VALUE as it is."""
    if not isinstance(value, Text):
        return value
    params = {
        key: translated(param) if isinstance(param, Text) else param for key, param in value.params.items()
    }
    template = QCoreApplication.translate(CONTEXT, value.template)
    try:
        text = template.format(**params) if params else template.format()
        return text.rstrip(".") if value.clause else text
    except (KeyError, IndexError, ValueError, AttributeError, TypeError):
        # A translation that names a parameter the engine does not give (or breaks a brace):
        # the English text is better than no text.
        log.warning("the translation of %r does not fit its parameters; showing English", value.template)
        return value.english()
