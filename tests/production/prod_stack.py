"""The production profile (bot.prod) started for tests: fresh PostgreSQL databases,
a Redis database of its own (tests/redis_support.py), free ports, logs in a temporary folder.

The processes are exactly those of ``python -m bot.prod serve``; only the ports,
the databases and the log destination differ.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import redis
import sqlalchemy as sa
from pg_support import create_database, drop_database
from prod_http import Reply, free_port, say
from redis_support import redis_url

from bot.launch.supervisor import Supervisor
from bot.privacy.sender_ids import conversation_id
from bot.prod.prod_settings import ProdConfig
from bot.prod.services import all_services, child_env
from bot.rasa.quiet_env import quiet_env

REDIS_URL = redis_url("prod_stack")
READY_TIMEOUT_S = 300.0


@dataclass
class ProdTestStack:
    workdir: Path
    model: Path
    workers: int = 2
    run_id: str = field(default_factory=lambda: uuid.uuid4().hex[:8])
    supervisor: Supervisor | None = None
    config: ProdConfig | None = None
    env: dict[str, str] = field(default_factory=dict)
    databases: list[str] = field(default_factory=list)

    # -- life cycle -----------------------------------------------------------
    def start(self) -> None:
        tracker_db, tickets_db = (f"kp_prod_{self.run_id}_{what}" for what in ("rasa", "tickets"))
        self.databases = [tracker_db, tickets_db]
        env = quiet_env()
        env.update({
            "TRACKER_STORE_URL": create_database(tracker_db),
            "TICKETS_DB_URL": create_database(tickets_db),
            "LOCK_STORE_URL": REDIS_URL,
            "TICKETS_SENDER_KEY_SECRET": "prod-test-secret",
            # Its own handover spool: never drain a developer's var/handover_spool.db.
            "HANDOVER_SPOOL_PATH": str(self.workdir / "handover_spool.db"),
            "RASA_PORT": str(free_port()),
            "ACTIONS_PORT": str(free_port()),
            "CONSOLE_PORT": str(free_port()),
            "LB_BIND_ADDRESS": "127.0.0.1",
        })
        for name in ("RASA_API_TOKEN", "TELEGRAM_BOT_TOKEN", "WHATSAPP_VERIFY_TOKEN"):
            env.pop(name, None)
        self.env = child_env(env)
        config = ProdConfig.from_env(self.env, self.workers, run_dir=self.workdir / "run")
        # Free ports need not be consecutive; the profile itself uses consecutive ones.
        self.config = ProdConfig(**{**config.__dict__,
                                    "internal_ports": tuple(free_port()
                                                            for _ in range(self.workers))})
        services = all_services(self.config, self.model, self.env)
        self.supervisor = Supervisor(services, self.env, log_dir=self.workdir / "logs")
        self.supervisor.start_all()
        pending = self.supervisor.wait_ready(READY_TIMEOUT_S)
        if pending:
            raise TimeoutError(f"not ready: {pending}")

    def close(self) -> None:
        if self.supervisor is not None:
            self.supervisor.stop_all()
        for name in self.databases:
            drop_database(name)
        client = redis.Redis.from_url(REDIS_URL)
        for key in client.scan_iter(match=f"*{self.sender_prefix}*"):
            client.delete(key)
        client.close()

    # -- talking --------------------------------------------------------------
    @property
    def sender_prefix(self) -> str:
        return f"prod-{self.run_id}-"

    def new_sender(self) -> str:
        return f"{self.sender_prefix}{uuid.uuid4().hex[:10]}"

    @property
    def lb_url(self) -> str:
        return f"http://127.0.0.1:{self.config.public_port}"

    def rasa_url(self, number: int) -> str:
        return f"http://127.0.0.1:{self.config.internal_ports[number - 1]}"

    def say_to(self, url: str, sender: str, message: str) -> Reply:
        return say(url, sender, message, timeout=120)

    # -- the stored conversation ----------------------------------------------
    def events(self, sender: str) -> list[dict[str, Any]]:
        """The REST sender's tracker events from PostgreSQL, in stored order."""
        engine = sa.create_engine(self.env["TRACKER_STORE_URL"], future=True)
        try:
            with engine.connect() as conn:
                rows = conn.execute(sa.text(
                    "SELECT data FROM events WHERE sender_id = :s ORDER BY id"),
                    {"s": conversation_id("rest", sender)})
                return [json.loads(row.data) for row in rows]
        finally:
            engine.dispose()

    def logs(self) -> str:
        return "\n".join(p.read_text(errors="replace")
                         for p in sorted((self.workdir / "logs").glob("*.log")))


def turns(events: list[dict[str, Any]]) -> list[tuple[str, list[str]]]:
    """(user text, bot texts) per user turn; raises when turns overlap.

    A turn is complete when the bot goes back to listening (``action_listen``);
    a user message stored before the previous turn completed means two turns
    were processed at the same time.
    """
    found: list[tuple[str, list[str]]] = []
    open_turn = False
    for event in events:
        kind = event.get("event")
        if kind == "user":
            if open_turn:
                trace = [e.get("event") + (":" + e["name"] if e.get("name") else "")
                         for e in events]
                raise AssertionError(f"user message stored inside turn {len(found)}: {trace}")
            found.append((event.get("text") or "", []))
            open_turn = True
        elif kind == "bot" and found:
            found[-1][1].append(event.get("text") or "")
        elif kind == "action" and event.get("name") == "action_listen":
            open_turn = False
    return found
