"""What the production profile needs from the environment, checked before anything starts.

Several Rasa processes are only correct on shared stores: conversations in
PostgreSQL (``TRACKER_STORE_URL``), the per-conversation lock in Redis
(``LOCK_STORE_URL``), tickets in PostgreSQL (``TICKETS_DB_URL``). A missing or
embedded (SQLite, in-memory) store is an error here, not a silent fallback. The
channels' shared state (bot/channels/state_store.py) goes to the lock store's
Redis unless ``CHANNEL_STATE_URL`` names another Redis.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from bot.settings import DEFAULT_PORTS, VAR_DIR

DEFAULT_INTERNAL_RASA_PORT = 5010
DEFAULT_BIND_ADDRESS = "0.0.0.0"  # noqa: S104 (the public entry point of the service)
MAX_WORKERS = 16


class ConfigError(ValueError):
    """The environment cannot run the production profile; the message says why."""


def _get(env: Mapping[str, str], name: str) -> str:
    return env.get(name, "").strip()


def _port(env: Mapping[str, str], name: str, default: int) -> int:
    raw = _get(env, name)
    try:
        port = int(raw) if raw else default
    except ValueError:
        raise ConfigError(f"{name} must be a port number") from None
    if not 0 < port < 65536:
        raise ConfigError(f"{name} must be a port number")
    return port


def store_problems(env: Mapping[str, str]) -> list[str]:
    """One line per store variable that is missing or not a shared store."""
    problems = []
    for name in ("TRACKER_STORE_URL", "TICKETS_DB_URL"):
        scheme = urlsplit(_get(env, name)).scheme
        if not _get(env, name):
            problems.append(f"{name} is not set (postgresql://user:password@host:5432/db)")
        elif not scheme.startswith("postgresql"):
            problems.append(f"{name} must be a postgresql:// URL, not {scheme or 'empty'}://")
    lock = _get(env, "LOCK_STORE_URL")
    if not lock:
        problems.append("LOCK_STORE_URL is not set (redis://host:6379/0)")
    elif urlsplit(lock).scheme not in ("redis", "rediss"):
        problems.append("LOCK_STORE_URL must be a redis:// or rediss:// URL")
    state = _get(env, "CHANNEL_STATE_URL")
    if state and urlsplit(state).scheme not in ("redis", "rediss"):
        problems.append("CHANNEL_STATE_URL must be a redis:// or rediss:// URL (or unset)")
    return problems


SENDER_KEY_SECRET_ENV = "TICKETS_SENDER_KEY_SECRET"  # noqa: S105 (a variable name)


def require_sender_key_secret(env: Mapping[str, str]) -> None:
    """ConfigError without TICKETS_SENDER_KEY_SECRET: in production it is not optional.

    Without it each machine would make its own random var/sender_key.secret, and an
    erasure on one machine would not find the tickets keyed on another.
    """
    if not _get(env, SENDER_KEY_SECRET_ENV):
        raise ConfigError(
            f"{SENDER_KEY_SECRET_ENV} is not set. Set it from your secret store, the same "
            "value on every machine and never changed (it keys the tickets' sender keys, "
            "so erasure can find them; see docs/deploy.md, Secrets). "
            "Make one with: python -c 'import secrets; print(secrets.token_hex(32))'")


@dataclass(frozen=True)
class ProdConfig:
    workers: int
    public_port: int
    internal_ports: tuple[int, ...]
    actions_port: int
    console_port: int
    bind_address: str
    run_dir: Path
    ip_rate_limit_per_10s: int = 0
    server_maxconn: int = 10

    @classmethod
    def from_env(cls, env: Mapping[str, str], workers: int,
                 run_dir: Path = VAR_DIR / "prod") -> ProdConfig:
        problems = store_problems(env)
        if problems:
            raise ConfigError("; ".join(problems))
        if not 1 <= workers <= MAX_WORKERS:
            raise ConfigError(f"--workers must be between 1 and {MAX_WORKERS}")
        public = _port(env, "RASA_PORT", DEFAULT_PORTS["RASA_PORT"])
        first = _port(env, "RASA_INTERNAL_PORT", DEFAULT_INTERNAL_RASA_PORT)
        internal = tuple(range(first, first + workers))
        if internal[-1] > 65535:
            raise ConfigError("RASA_INTERNAL_PORT leaves no room for that many workers")
        actions = _port(env, "ACTIONS_PORT", DEFAULT_PORTS["ACTIONS_PORT"])
        console = _port(env, "CONSOLE_PORT", DEFAULT_PORTS["CONSOLE_PORT"])
        clash = {public, actions, console} & set(internal)
        if clash or len({public, actions, console}) < 3:
            raise ConfigError("RASA_PORT, ACTIONS_PORT, CONSOLE_PORT and the internal Rasa "
                              "ports (RASA_INTERNAL_PORT + 0..workers-1) must all differ")
        rate = _get(env, "LB_IP_RATE_LIMIT_PER_10S") or "0"
        if not rate.isdigit():
            raise ConfigError("LB_IP_RATE_LIMIT_PER_10S must be a whole number (0 = off)")
        maxconn = _get(env, "LB_SERVER_MAXCONN") or "10"
        if not maxconn.isdigit() or int(maxconn) < 1:
            raise ConfigError("LB_SERVER_MAXCONN must be a whole number of at least 1")
        return cls(
            workers=workers,
            public_port=public,
            internal_ports=internal,
            actions_port=actions,
            console_port=console,
            bind_address=_get(env, "LB_BIND_ADDRESS") or DEFAULT_BIND_ADDRESS,
            run_dir=run_dir,
            ip_rate_limit_per_10s=int(rate),
            server_maxconn=int(maxconn),
        )
