"""Pseudonymous key of a chat sender: HMAC-SHA256 over channel + sender id (``keyed_digest``).

Tickets store this key instead of the raw sender id (on WhatsApp that id IS the phone
number), so `delete_my_data` can find a person's tickets while a copy of the database alone
does not reveal who chatted. The HMAC secret makes guessing phone numbers useless.

Secret: `TICKETS_SENDER_KEY_SECRET` (set it in production, the same value for every process).
Without it a random secret is created once in var/sender_key.secret (mode 0600), which is
enough for a single machine; losing that file only means old tickets can no longer be found
by sender.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from collections.abc import Mapping
from pathlib import Path

from bot.privacy.sender_ids import platform_id

SECRET_ENV = "TICKETS_SENDER_KEY_SECRET"  # noqa: S105 (a variable name, not a secret)
DEFAULT_SECRET_FILE = Path(__file__).resolve().parents[2] / "var" / "sender_key.secret"


def sender_key(channel: str, sender_id: str, secret: str | bytes | None = None) -> str:
    """64 hex characters identifying (channel, sender id); secret defaults to load_secret().

    ``sender_id`` may be a conversation id ("whatsapp:316...", bot/privacy/sender_ids.py): the key
    is over the channel and the id on that channel, as it was before conversation ids
    carried their channel, so a person's erasure still finds their older tickets.
    """
    # The NUL separator keeps ("ab", "c") and ("a", "bc") apart.
    return keyed_digest(f"{channel}\x00{platform_id(channel, sender_id)}", secret)


def keyed_digest(value: str, secret: str | bytes | None = None) -> str:
    """HMAC-SHA256 of ``value`` with the sender-key secret, 64 hex characters.

    The one keyed hash for anything that names a person: ticket sender keys (above),
    Rasa's conversation locks (``bot.rasa.stores``) and the channels' Redis state keys
    (``bot.channels.state_store``). A plain hash of a phone number is reversed by
    trying every number; without the secret this one is not. Pass the secret when
    hashing often (``load_secret`` reads a file when the variable is unset).
    """
    key = secret if secret is not None else load_secret()
    key_bytes = key.encode() if isinstance(key, str) else key
    return hmac.new(key_bytes, value.encode("utf-8"), hashlib.sha256).hexdigest()


def load_secret(
    env: Mapping[str, str] | None = None, secret_file: Path = DEFAULT_SECRET_FILE
) -> str:
    env = os.environ if env is None else env
    configured = env.get(SECRET_ENV, "").strip()
    if configured:
        return configured
    if secret_file.exists():
        return secret_file.read_text(encoding="utf-8").strip()
    secret_file.parent.mkdir(parents=True, exist_ok=True)
    value = secrets.token_hex(32)
    # Write a private temp file, then link it into place: link() fails when another process
    # won the race, and then its (complete) secret is the one to use.
    tmp = secret_file.with_name(f".{secret_file.name}.{os.getpid()}.{secrets.token_hex(4)}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(value)
    try:
        os.link(tmp, secret_file)
    except FileExistsError:
        value = secret_file.read_text(encoding="utf-8").strip()
    finally:
        tmp.unlink()
    return value
