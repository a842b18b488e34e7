"""Untrusted text made safe to store and to process.

Anything a person or a client types can hold characters that break the layers
behind it: PostgreSQL refuses NUL in text, UTF-8 encoders refuse lone
surrogates (JSON's ``"\\ud800"`` decodes to one), spaCy and log files choke on
other control characters. Every entry point runs text through ``clean_text``
before it is stored or handed to Rasa. No dependencies, so the console can
use it without importing Rasa.
"""

from __future__ import annotations

import re

# C0 controls except tab, line feed and carriage return, plus DEL.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Every C0 control and DEL: not even a line break belongs in a one-line field.
_ANY_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_text(text: str) -> str:
    """Drop control characters (tab and line breaks stay) and replace lone surrogates
    with U+FFFD, the replacement character the NLU input guard answers as bad input."""
    return _CONTROL.sub("", _SURROGATE.sub("\ufffd", text))


def is_plain_line(text: str) -> bool:
    """True when ``text`` has no control character and no lone surrogate at all."""
    return not (_ANY_CONTROL.search(text) or _SURROGATE.search(text))
