"""Who may call the action server: only our Rasa, with a shared secret.

The action server runs any action for any tracker it is sent, including
``action_delete_my_data`` and ``action_submit_handover``; the tracker (and so the
sender id) is whatever the caller says. So it listens on loopback unless
``ACTIONS_HOST`` says otherwise, and every call except ``GET /health`` must carry
``Authorization: Bearer $ACTION_SERVER_TOKEN``. Rasa sends that header from
endpoints.yml (``headers:``, expanded from the environment when Rasa reads it).

The token travels only through the environment, never on a command line (which
every local user can read). ``make run`` and the production profile create a
random one per run when none is set (``ensure_token``) and hand it to their
children; an action server started without one refuses to start.

This module stays free of Rasa and Sanic imports: the launchers use it too.
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Mapping, MutableMapping

TOKEN_ENV = "ACTION_SERVER_TOKEN"  # noqa: S105 (the variable's name, not a token)
HOST_ENV = "ACTIONS_HOST"
DEFAULT_HOST = "127.0.0.1"
MIN_TOKEN_CHARS = 24
SCHEME = "Bearer"


class TokenError(ValueError):
    """No usable token: the message says what to set (never the value)."""


def new_token() -> str:
    return secrets.token_urlsafe(32)


def ensure_token(env: MutableMapping[str, str]) -> bool:
    """Put a fresh random token into ``env`` unless it holds one; True when one was made."""
    if env.get(TOKEN_ENV, "").strip():
        return False
    env[TOKEN_ENV] = new_token()
    return True


def configured_token(env: Mapping[str, str]) -> str:
    token = env.get(TOKEN_ENV, "").strip()
    if not token:
        raise TokenError(f"{TOKEN_ENV} is not set: the action server only answers calls "
                         "that carry it (make run and make run-prod create one)")
    if len(token) < MIN_TOKEN_CHARS:
        raise TokenError(f"{TOKEN_ENV} must be at least {MIN_TOKEN_CHARS} characters "
                         "(e.g. python -c 'import secrets; print(secrets.token_urlsafe(32))')")
    return token


def authorized(header: str | None, token: str) -> bool:
    """Whether an Authorization header carries ``token``, compared in constant time."""
    expected = f"{SCHEME} {token}".encode()
    return hmac.compare_digest(expected, (header or "").strip().encode("utf-8", "replace"))


def bind_host(env: Mapping[str, str]) -> str:
    """Where the action server listens: loopback unless ACTIONS_HOST names another address."""
    return env.get(HOST_ENV, "").strip() or DEFAULT_HOST
