"""Live chat (issue 12) on the website widget: consultant messages pushed over socket.io.

The console and Rasa are separate processes, and in production there are several Rasa
processes, each with its own socket.io server: only the process the widget is connected to
can push to it. So each Rasa process polls the tickets database (`live_messages`, the same
queue the other channels use) for messages waiting for a widget session, and delivers those
of the sessions connected to it. A session that is not connected anywhere keeps its
messages waiting: they go out on the next (re)connect, or with the answer to the person's
next message (actions/live_chat.py). `claim_waiting` marks a row delivered only once, so a
message is never shown twice, whichever process or path takes it.

Every pushed message carries `live_chat: {"live": bool, "name": first name}`: the widget
shows that a person is talking (and who) until a message says `live: false`.

Cost: one query per interval per Rasa process while at least one widget is connected
(nothing otherwise), one more per PAGE_ROWS waiting rows; Fernet decryption only for rows
that wait on the widget channel (once per way back). Measured: docs/benchmarks.md.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
from collections.abc import Mapping
from typing import Any

from bot.privacy.sender_ids import platform_id
from bot.tickets.live import LiveChats, NotReachable, WaitingMessage, first_name, live_key, unseal

logger = logging.getLogger(__name__)

CHANNEL = "socketio"
POLL_ENV = "LIVE_CHAT_WIDGET_POLL_SECONDS"
DEFAULT_POLL_SECONDS = 1.0
# Waiting rows looked at per round, newest first: messages for people who never came back
# pile up (until erasure or retention) and must not hide a new one for someone connected.
# Beyond PAGE_ROWS * MAX_PAGES the oldest wait for the person's next message.
PAGE_ROWS = 100
MAX_PAGES = 10
MAX_CACHED_ROUTES = 10_000


def live_marker(live: bool, assignee: str | None) -> dict[str, Any]:
    """What the widget reads to show (or hide) "you are talking with <name>"."""
    return {"live": live, "name": first_name(assignee) if live else None}


def widget_payload(item: WaitingMessage) -> dict[str, Any]:
    return {"text": item.message.for_member(),
            "live_chat": live_marker(item.live, item.assignee)}


class WidgetLivePush:
    """Delivers waiting live-chat messages to the widget sessions connected here."""

    def __init__(self, sio: Any, namespace: str | None, event: str, chats_factory: Any,
                 key: bytes, interval: float = DEFAULT_POLL_SECONDS) -> None:
        self.sio = sio
        self.namespace = namespace or "/"
        self.event = event
        self._chats_factory = chats_factory
        self._chats: LiveChats | None = None
        self.key = key
        self.interval = interval
        self._sessions: dict[str, str | None] = {}  # sealed way back -> session id
        self._task: asyncio.Task[None] | None = None
        self._failing = False

    def connected(self, session_id: str) -> bool:
        rooms = getattr(self.sio.manager, "rooms", {}).get(self.namespace, {})
        return bool(rooms.get(session_id))

    def _session(self, way_back: str) -> str | None:
        if way_back not in self._sessions:
            if len(self._sessions) >= MAX_CACHED_ROUTES:
                self._sessions.clear()
            try:
                channel, conversation = unseal(way_back, self.key)
            except NotReachable:
                self._sessions[way_back] = None
            else:
                self._sessions[way_back] = platform_id(channel, conversation) \
                    if channel == CHANNEL else None
        return self._sessions[way_back]

    def chats(self) -> LiveChats:
        if self._chats is None:
            self._chats = self._chats_factory()
        return self._chats

    async def deliver_once(self) -> int:
        """One round: push what waits for the sessions connected to this process."""
        rooms = getattr(self.sio.manager, "rooms", {}).get(self.namespace, {})
        if not any(room for room in rooms if room is not None):
            return 0  # nobody connected here: no query at all
        chats = self.chats()
        due: list[tuple[WaitingMessage, str]] = []
        before: int | None = None
        for _ in range(MAX_PAGES):  # newest first, pages of PAGE_ROWS
            page = await asyncio.to_thread(chats.waiting_on_channel, CHANNEL, PAGE_ROWS,
                                           before)
            for item in page:
                session = self._session(item.way_back)
                if session is not None and self.connected(session):
                    due.append((item, session))
            if len(page) < PAGE_ROWS:
                break
            before = page[-1].message.id
        sent = 0
        for item, session in sorted(due, key=lambda found: found[0].message.id):
            if not await asyncio.to_thread(chats.claim_waiting, item.message.id):
                continue
            await self.sio.emit(self.event, widget_payload(item), room=session,
                                namespace=self.namespace)
            sent += 1
        return sent

    async def run(self) -> None:
        while True:
            try:
                await self.deliver_once()
                self._failing = False
            except asyncio.CancelledError:
                raise
            except Exception as error:  # noqa: BLE001 (keep polling; the reply path remains)
                if not self._failing:
                    logger.warning("Widget live push failed: %s", error.__class__.__name__)
                self._failing = True
            await asyncio.sleep(self.interval)

    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.get_running_loop().create_task(self.run())

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None


def widget_push_from_env(sio: Any, namespace: str | None, event: str,
                         env: Mapping[str, str] | None = None) -> WidgetLivePush | None:
    """The push loop when live chat is configured (LIVE_CHAT_KEY), else None."""
    env = os.environ if env is None else env
    key = live_key(env)
    if key is None:
        return None
    try:
        interval = float(env.get(POLL_ENV) or DEFAULT_POLL_SECONDS)
    except ValueError:
        interval = DEFAULT_POLL_SECONDS

    def open_chats() -> LiveChats:
        from bot.tickets.live import idle_minutes
        from bot.tickets.store import TicketStore

        return LiveChats(TicketStore.from_env(env), idle_minutes(env))

    return WidgetLivePush(sio, namespace, event, open_chats, key, max(0.2, interval))
