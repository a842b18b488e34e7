"""Handover idempotency keys, keyed with the sender-key secret (issue 13, finding 6).

The handover's key says "same conversation + same consent = same ticket". It used to be the
unkeyed SHA-256 of channel, conversation id and consent time, stored next to that consent
time: trying every Dutch mobile number recovered the phone number in minutes. Now it is
``h1:`` + HMAC-SHA256(sender-key secret, "idempotency" NUL that digest), so a copy of the
database alone reveals nothing (``bot.privacy.sender_key.keyed_digest``, the sender-key secret).

Old keys keep working: `keyed()` turns a bare 64-hex key (the old form, from a spooled draft
or an action server of the previous release) into the stored form, `TicketStore.create_ticket`
applies it to every draft, and ticket migration 8 rewrites the keys already stored. A retried
handover across the upgrade therefore still finds its ticket. Keys of any other shape (API
integrations choose their own) are stored as given.
"""

from __future__ import annotations

import hashlib
import re

from bot.privacy.sender_key import keyed_digest

PREFIX = "h1:"
_UNKEYED = re.compile(r"[0-9a-f]{64}")


def is_unkeyed(key: str) -> bool:
    """True for the old, unkeyed form: exactly 64 lowercase hex characters."""
    return _UNKEYED.fullmatch(key) is not None


def keyed(key: str, secret: str | bytes | None = None) -> str:
    """The stored form of an idempotency key; keys other than bare 64-hex are returned as is."""
    if not is_unkeyed(key):
        return key
    return PREFIX + keyed_digest("idempotency\x00" + key, secret)


def handover_key(channel: str, conversation_id: str, consent_at: str,
                 secret: str | bytes | None = None) -> str:
    """Same conversation + same consent = same key, however often the handover runs.

    The SHA-256 here never leaves memory: only its keyed form is returned.
    """
    digest = hashlib.sha256(f"{channel}|{conversation_id}|{consent_at}".encode()).hexdigest()
    return keyed(digest, secret)
