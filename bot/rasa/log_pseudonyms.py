"""Log lines name WhatsApp and Telegram conversations by pseudonym, never by number.

Rasa's own log lines name a conversation by its id ("Circuit breaker tripped ... for
sender 'whatsapp:31612345678'", SQL errors quoting their parameters), and on WhatsApp
that id is the member's phone number. ``install`` wraps the log record factory of the
process: a record whose text (or traceback) holds a platform conversation id gets
``<channel>:~<pseudonym>`` instead, the first 16 characters of the conversation's
lock key (``bot.rasa.stores.UrlLockStore.lock_key``), so a log line can still be
matched to its lock without showing whose it is.

Ids chosen by REST and widget clients are not platform identities and stay as they
are. Records are only created for levels that are switched on, so the cost is one
regular-expression search per emitted line.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from bot.privacy.sender_key import keyed_digest

# A conversation id of a platform channel: the channel's name, then the numeric id
# the platform gave (WhatsApp's wa_id, Telegram's chat id, negative for groups).
PLATFORM_CONVERSATION = re.compile(r"\b(whatsapp|telegram):(-?\d{3,20})\b")
PSEUDONYM_LENGTH = 16


def pseudonymise(text: str, secret: bytes) -> str:
    """``text`` with every platform conversation id replaced by its pseudonym."""
    def replace(match: re.Match[str]) -> str:
        conversation = match.group(0)
        return f"{match.group(1)}:~{keyed_digest(conversation, secret)[:PSEUDONYM_LENGTH]}"

    return PLATFORM_CONVERSATION.sub(replace, text)


def _pseudonymise_record(record: logging.LogRecord, secret: bytes) -> None:
    try:
        message = record.getMessage()
    except Exception:  # noqa: BLE001 - a bad format string is logging's own error to show
        return
    if PLATFORM_CONVERSATION.search(message):
        record.msg, record.args = pseudonymise(message, secret), ()
    if record.exc_info and record.exc_info[1] is not None:
        # The handler would format the traceback later; do it now, without the ids.
        trace = logging.Formatter().formatException(record.exc_info)
        if PLATFORM_CONVERSATION.search(trace):
            record.exc_text = pseudonymise(trace, secret)


def install(secret: str | bytes) -> None:
    """From now on every log record of this process is pseudonymised (idempotent)."""
    key = secret.encode() if isinstance(secret, str) else secret
    current = logging.getLogRecordFactory()
    if getattr(current, "pseudonymises", False):
        return

    def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = current(*args, **kwargs)
        _pseudonymise_record(record, key)
        return record

    factory.pseudonymises = True  # type: ignore[attr-defined]
    logging.setLogRecordFactory(factory)
