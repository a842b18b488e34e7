"""What the website widget's live-chat polling costs, per open widget (issue 12).

The widget (bot/console/static/widget/) does not poll: it keeps one socket.io connection
(WebSocket first), and the only traffic while nothing happens is socket.io's own heartbeat.
The polling is on the server: each Rasa process runs ``WidgetLivePush``
(bot/channels/widget_live.py), which every ``LIVE_CHAT_WIDGET_POLL_SECONDS`` (default 1)
asks the tickets database for live-chat messages waiting on the widget channel, as long as
at least one widget is connected to that process, and pushes those of its own sessions.

This tool measures one round of that loop (``WidgetLivePush.deliver_once``) in-process,
against a seeded tickets database, with N widget sessions connected (a stand-in for the
socket.io server's rooms; nothing goes over a network): CPU time per round (all threads of
the process), wall time per round and SQL statements per round. The cost of one more open
widget is the slope of the cost over N (least squares over the runs with N >= 1). Waiting
messages belong to sessions that are not connected here (another process, or a closed
browser tab), so they stay waiting and every round sees them, as in production.

    .venv/bin/python -m tools.widget_poll_cost                       # SQLite in a temp dir
    .venv/bin/python -m tools.widget_poll_cost --db-url postgresql://.../scratch_db

Seeds into an EMPTY database of its own (refuses one that holds tickets).
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from cryptography.fernet import Fernet
from sqlalchemy import event, func, select

from bot.channels.widget_live import WidgetLivePush
from bot.tickets import Contact, TicketDraft, TicketStore
from bot.tickets.live import LiveChats, seal
from bot.tickets.schema import tickets
from tools.cpu_usage import cpu_seconds

NAMESPACE = "/"


class FakeSocketServer:
    """The parts of python-socketio's AsyncServer that WidgetLivePush reads: the rooms of
    the namespace (room = session id -> {sid: eio sid}) and emit()."""

    def __init__(self, sessions: int) -> None:
        rooms: dict[Any, dict[str, str]] = {None: {}}
        for n in range(sessions):
            rooms[f"connected-{n}"] = {f"sid-{n}": f"eio-{n}"}
            rooms[None][f"sid-{n}"] = f"eio-{n}"
        self.manager = SimpleNamespace(rooms={NAMESPACE: rooms})
        self.emitted = 0

    async def emit(self, *_args: Any, **_kwargs: Any) -> None:
        self.emitted += 1


@dataclass(frozen=True)
class RoundCost:
    sessions: int
    cpu_ms: float
    wall_ms: float
    statements: float
    server_cpu_ms: float | None = None  # PostgreSQL: the backends serving this process


def seed(store: TicketStore, key: bytes, tickets_total: int, routes: int,
         waiting: int) -> None:
    """`tickets_total` tickets; `routes` of them chose the widget chat (a way back); on
    `waiting` of those a consultant took over and wrote, so a message waits for a widget
    session that is not connected to this process."""
    with store.engine.connect() as conn:
        if conn.execute(select(func.count()).select_from(tickets)).scalar():
            raise SystemExit("the database holds tickets: give an empty scratch database")
    live = LiveChats(store)
    now = datetime.now(UTC)
    for n in range(tickets_total):
        chat = n < routes
        ticket = store.create_ticket(TicketDraft(
            idempotency_key=f"bench-{n}", channel="socketio", primary_topic="job_search",
            consent_given_at=now, consent_text_version="bench", summary="bench",
            contact=Contact(name=None, preferred_channel="chat" if chat else "phone",
                            phone=None if chat else "+31612345678"),
            region="Utrecht", sender_key=f"{n:064x}",
            way_back=seal("socketio", f"socketio:elsewhere-{n}", key) if chat else None))
        if chat and n < waiting:
            live.takeover(ticket.id, "bench", "bench")
            live.send_consultant(ticket.id, "bench", "Hallo, ik ben er.")


def count_statements(store: TicketStore) -> list[int]:
    counter = [0]

    @event.listens_for(store.engine, "before_cursor_execute")
    def _count(*_args: Any) -> None:
        counter[0] += 1

    return counter


def backend_pids(store: TicketStore) -> set[int]:
    """PostgreSQL: the server processes of the pool's connections (their CPU is read from
    /proc, so only for a server on this machine); empty for SQLite."""
    if store.engine.dialect.name != "postgresql":
        return set()
    store.engine.dispose()  # new connections from here on report their backend
    pids: set[int] = set()

    @event.listens_for(store.engine, "connect")
    def _backend(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("SELECT pg_backend_pid()")
        pids.add(int(cursor.fetchone()[0]))
        cursor.close()

    return pids


def server_cpu(pids: set[int]) -> float:
    return sum(cpu_seconds(pid) or 0.0 for pid in pids)


async def measure(store: TicketStore, key: bytes, sessions: int, rounds: int,
                  counter: list[int], backends: set[int]) -> RoundCost:
    sio = FakeSocketServer(sessions)
    push = WidgetLivePush(sio, NAMESPACE, "bot_uttered", lambda: LiveChats(store), key)
    for _ in range(5):  # warm-up: the way-back cache, the connection pool
        await push.deliver_once()
    before, server = counter[0], server_cpu(backends)
    cpu, wall = time.process_time(), time.perf_counter()
    for _ in range(rounds):
        await push.deliver_once()
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    server = server_cpu(backends) - server
    if sio.emitted:
        raise RuntimeError("a waiting message was pushed: the seed is wrong")
    return RoundCost(sessions, cpu * 1000 / rounds, wall * 1000 / rounds,
                     (counter[0] - before) / rounds,
                     server * 1000 / rounds if backends else None)


def per_widget(costs: list[RoundCost]) -> tuple[float, float] | None:
    """CPU and wall ms per round added by one more open widget: the least-squares slope over
    the runs with at least one widget (the run with none makes no query at all)."""
    points = [c for c in costs if c.sessions >= 1]
    if len({c.sessions for c in points}) < 2:
        return None
    mean_n = sum(c.sessions for c in points) / len(points)
    spread = sum((c.sessions - mean_n) ** 2 for c in points)

    def slope(values: list[float]) -> float:
        mean_v = sum(values) / len(values)
        return sum((c.sessions - mean_n) * (v - mean_v)
                   for c, v in zip(points, values, strict=True)) / spread

    return slope([c.cpu_ms for c in points]), slope([c.wall_ms for c in points])


def table(costs: list[RoundCost]) -> str:
    """One row per N; a round is one second at the default LIVE_CHAT_WIDGET_POLL_SECONDS."""
    lines = ["| widgets connected to the process | Rasa process CPU per round (ms) "
             "| PostgreSQL backend CPU per round (ms) | wall per round (ms) "
             "| SQL statements per round |", "|---|---|---|---|---|"]
    for c in costs:
        server = "—" if c.server_cpu_ms is None else f"{c.server_cpu_ms:.3f}"
        lines.append(f"| {c.sessions} | {c.cpu_ms:.3f} | {server} | {c.wall_ms:.3f} | "
                     f"{c.statements:g} |")
    return "\n".join(lines)


async def run(args: argparse.Namespace) -> str:
    key = Fernet.generate_key()
    with tempfile.TemporaryDirectory() as scratch:
        url = args.db_url or f"sqlite:///{Path(scratch) / 'tickets.db'}"
        store = TicketStore.from_url(url)
        store.migrate()
        try:
            seed(store, key, args.tickets, args.routes, args.waiting)
            counter = count_statements(store)
            backends = backend_pids(store)
            costs = [await measure(store, key, n, args.rounds, counter, backends)
                     for n in args.sessions]
        finally:
            store.close()
    out = [f"database: {url.split('@')[-1] if args.db_url else 'SQLite (temp file)'}; "
           f"{args.tickets} tickets, {args.routes} with a widget way back, {args.waiting} "
           f"live chats with messages waiting for sessions elsewhere; {args.rounds} rounds "
           "each",
           "", table(costs)]
    extra = per_widget(costs)
    if extra:
        out.append(f"\none more open widget (slope over the runs with widgets): "
                   f"{extra[0] * 1000:.2f} µs CPU and {extra[1] * 1000:.2f} µs wall per round")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db-url", help="an EMPTY scratch database (default: temp SQLite)")
    parser.add_argument("--tickets", type=int, default=2000)
    parser.add_argument("--routes", type=int, default=500)
    parser.add_argument("--waiting", type=int, default=20,
                        help="live chats (of the routes) with messages waiting")
    parser.add_argument("--rounds", type=int, default=300)
    parser.add_argument("--sessions", type=int, nargs="+", default=[0, 1, 10, 100, 1000])
    print(asyncio.run(run(parser.parse_args(argv))))


if __name__ == "__main__":
    main()
