"""Console settings, read from the environment in one place.

See the module docstring of ``bot.console.app`` for the full list of variables.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import timedelta

from bot.channels.client_address import Network, parse_networks
from bot.tickets.store import DEFAULT_DB_URL

DEFAULT_PORT = 8080
DEFAULT_RASA_PORT = 5005


def _flag(value: str | None) -> bool:
    return (value or "").strip().lower() in {"1", "true", "yes", "on"}


def _non_negative_int(env: Mapping[str, str], name: str, default: int) -> int:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    value = int(raw)
    if value < 0:
        raise ValueError(f"{name} must be 0 or a positive whole number")
    return value


def _positive_int(env: Mapping[str, str], name: str, default: int) -> int:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    value = int(raw)
    if value <= 0:
        raise ValueError(f"{name} must be a positive whole number")
    return value


@dataclass(frozen=True)
class ConsoleSettings:
    """Everything the console needs to know that is not code."""

    host: str = "127.0.0.1"
    port: int = DEFAULT_PORT
    db_url: str = DEFAULT_DB_URL
    # None or empty: the JSON ticket API is off (it is never open).
    api_token: str | None = None
    # Secure cookies are the default; only an explicit dev switch turns them off.
    secure_cookies: bool = True
    session_idle: timedelta = timedelta(minutes=30)
    session_max_age: timedelta = timedelta(hours=12)
    lockout_attempts: int = 5
    lockout_duration: timedelta = timedelta(minutes=15)
    # Login attempts a minute per client address and in all (bot/console/login_throttle.py).
    login_per_address_per_minute: int = 10
    login_global_per_minute: int = 100
    # Proxies whose X-Forwarded-For names the client (TRUSTED_PROXIES, as for the chat
    # channels, bot/channels/client_address.py): the login throttle counts that address.
    trusted_proxies: tuple[Network, ...] = ()
    # The Rasa server's port: the widget demo page connects to it by default.
    rasa_port: int = DEFAULT_RASA_PORT
    # Extra CSP sources the website widget may connect to (the Rasa socket.io server).
    widget_connect_src: tuple[str, ...] = field(
        default_factory=lambda: _rasa_sources(DEFAULT_RASA_PORT)
    )

    @property
    def api_enabled(self) -> bool:
        return bool(self.api_token)

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> ConsoleSettings:
        env = os.environ if env is None else env
        rasa_port = _positive_int(env, "RASA_PORT", DEFAULT_RASA_PORT)
        connect_src = env.get("CONSOLE_WIDGET_CONNECT_SRC", "").split()
        return cls(
            host=env.get("CONSOLE_HOST", "").strip() or "127.0.0.1",
            port=_positive_int(env, "CONSOLE_PORT", DEFAULT_PORT),
            db_url=env.get("TICKETS_DB_URL", "").strip() or DEFAULT_DB_URL,
            api_token=env.get("CONSOLE_API_TOKEN", "").strip() or None,
            secure_cookies=not _flag(env.get("CONSOLE_INSECURE_DEV")),
            session_idle=timedelta(
                minutes=_positive_int(env, "CONSOLE_SESSION_IDLE_MINUTES", 30)
            ),
            session_max_age=timedelta(hours=_positive_int(env, "CONSOLE_SESSION_MAX_HOURS", 12)),
            lockout_attempts=_positive_int(env, "CONSOLE_LOCKOUT_ATTEMPTS", 5),
            lockout_duration=timedelta(
                minutes=_positive_int(env, "CONSOLE_LOCKOUT_MINUTES", 15)
            ),
            login_per_address_per_minute=_non_negative_int(
                env, "CONSOLE_LOGIN_PER_ADDRESS_PER_MINUTE", 10),
            login_global_per_minute=_non_negative_int(env, "CONSOLE_LOGIN_GLOBAL_PER_MINUTE", 100),
            trusted_proxies=parse_networks(env.get("TRUSTED_PROXIES", "")),
            rasa_port=rasa_port,
            widget_connect_src=tuple(connect_src) or _rasa_sources(rasa_port),
        )


def _rasa_sources(port: int) -> tuple[str, ...]:
    return tuple(
        f"{scheme}://{host}:{port}"
        for host in ("localhost", "127.0.0.1")
        for scheme in ("http", "ws")
    )
