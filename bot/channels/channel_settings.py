"""Reading channel settings: credentials.yml first, then the environment."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from typing import Any

from rasa.shared.exceptions import RasaException


def setting(
    credentials: Mapping[str, Any] | None, key: str, env: str, default: str | None = None
) -> str | None:
    """Value of ``key`` in credentials.yml, else of environment variable ``env``, else default.

    Empty strings count as unset so that ``KEY=`` in an env file switches nothing on.
    """
    value = (credentials or {}).get(key)
    if value is None or str(value).strip() == "":
        value = os.environ.get(env, "")
    value = str(value).strip()
    return value or default


def missing_env(required: Iterable[str]) -> list[str]:
    """Names of the required environment variables that are unset or empty."""
    return [name for name in required if not os.environ.get(name, "").strip()]


def require(channel: str, values: Mapping[str, str | None]) -> None:
    """Refuse to build a half-configured channel, naming what is missing (never the values)."""
    absent = [name for name, value in values.items() if not value]
    if absent:
        raise RasaException(
            f"The {channel} channel is listed in credentials.yml but these settings are "
            f"missing: {', '.join(absent)}. Set them in the environment or remove the channel."
        )
