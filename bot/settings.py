"""Every environment variable Koffiepraat reads, with its default, in one place.

Operators configure the assistant only through the environment (see
../shared/docs/contract.md); nothing in the repository needs editing to deploy.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VAR_DIR = ROOT / "var"

DEFAULT_TRACKER_STORE_URL = f"sqlite:///{VAR_DIR / 'rasa.db'}"
DEFAULT_TICKETS_DB_URL = f"sqlite:///{VAR_DIR / 'tickets.db'}"

DEFAULT_PORTS = {"RASA_PORT": 5005, "ACTIONS_PORT": 5055, "CONSOLE_PORT": 8080}


def _env(env: Mapping[str, str], name: str) -> str | None:
    """A variable that is unset or blank counts as unset."""
    value = env.get(name, "").strip()
    return value or None


@dataclass(frozen=True)
class Settings:
    rasa_port: int
    actions_port: int
    console_port: int
    tracker_store_url: str
    lock_store_url: str | None
    tickets_db_url: str

    @property
    def production_stores(self) -> bool:
        return not self.tracker_store_url.startswith("sqlite")

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if env is None else env
        ports = {name: int(_env(env, name) or default) for name, default in DEFAULT_PORTS.items()}
        return cls(
            rasa_port=ports["RASA_PORT"],
            actions_port=ports["ACTIONS_PORT"],
            console_port=ports["CONSOLE_PORT"],
            tracker_store_url=_env(env, "TRACKER_STORE_URL") or DEFAULT_TRACKER_STORE_URL,
            lock_store_url=_env(env, "LOCK_STORE_URL"),
            tickets_db_url=_env(env, "TICKETS_DB_URL") or DEFAULT_TICKETS_DB_URL,
        )


CORS_ORIGINS_ENV = "WIDGET_ALLOWED_ORIGINS"
_ORIGIN = re.compile(r"https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?")


def rasa_cors_origins(env: Mapping[str, str]) -> list[str]:
    """The sites whose widget may use socket.io's long-polling fallback (Rasa's ``--cors``).

    ``WIDGET_ALLOWED_ORIGINS``: origins (``https://host[:port]``), separated by commas or
    spaces; unset: none (the widget's WebSocket transport needs no CORS). Never ``*``:
    any site could then drive a visitor's conversation from its own pages.
    """
    origins = [o for o in re.split(r"[,\s]+", env.get(CORS_ORIGINS_ENV, "")) if o]
    for origin in origins:
        if not _ORIGIN.fullmatch(origin):
            raise ValueError(f"{CORS_ORIGINS_ENV}: {origin!r} is not an origin like "
                             "https://www.example.nl (no '*', no path)")
    return origins


def apply_port_defaults(env: dict[str, str]) -> dict[str, str]:
    """Fill unset ports so `${ACTIONS_PORT}` in endpoints.yml always expands."""
    for name, default in DEFAULT_PORTS.items():
        if not _env(env, name):
            env[name] = str(default)
    return env


# Every PostgreSQL engine (tickets, tracker store, worker, actions, console; issue 13, low
# item): a connection attempt gives up after DB_CONNECT_TIMEOUT_S (libpq waits forever by
# default) and a statement after DB_STATEMENT_TIMEOUT_MS, so a hung server or a lock held
# too long shows as an error instead of a stuck process. A value in the URL wins.
DEFAULT_DB_CONNECT_TIMEOUT_S = 5
DEFAULT_DB_STATEMENT_TIMEOUT_MS = 30_000


def postgres_parameters(env: Mapping[str, str] | None = None) -> dict[str, str]:
    """libpq parameters for every PostgreSQL connection: connect_timeout and options."""
    env = os.environ if env is None else env
    connect = int(_env(env, "DB_CONNECT_TIMEOUT_S") or DEFAULT_DB_CONNECT_TIMEOUT_S)
    statement = int(_env(env, "DB_STATEMENT_TIMEOUT_MS") or DEFAULT_DB_STATEMENT_TIMEOUT_MS)
    return {"connect_timeout": str(connect), "options": f"-c statement_timeout={statement}"}


def with_postgres_timeouts(url: str, env: Mapping[str, str] | None = None) -> str:
    """``url`` with the timeouts added to its query when it is a PostgreSQL URL and does not
    set them itself; any other URL unchanged."""
    from sqlalchemy.engine import make_url  # here: bot.settings is imported everywhere

    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://"):]
    parsed = make_url(url)
    if parsed.get_backend_name() != "postgresql":
        return url
    wanted = postgres_parameters(env)
    query = dict(parsed.query)
    query.setdefault("connect_timeout", wanted["connect_timeout"])
    options = query.get("options", "")
    if "statement_timeout" not in str(options):  # other options (search_path) stay
        query["options"] = f"{options} {wanted['options']}".strip()
    return parsed.update_query_dict(query).render_as_string(hide_password=False)

