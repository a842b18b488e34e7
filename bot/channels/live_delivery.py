"""Consultant messages of a live chat (issue 12) to the person on their own channel.

The console sends right after a consultant writes and retries every few seconds
(`run_delivery_loop`); rows are leased, so two console processes never send one twice.

- Telegram: ``sendMessage`` through python-telegram-bot (``TELEGRAM_API_BASE_URL``).
- WhatsApp: a text inside the 24-hour window. Outside it, the approved template named by
  ``WHATSAPP_LIVE_TEMPLATE`` ("Je loopbaanconsulent heeft je een bericht gestuurd"), once;
  the text then waits and goes out with the answer to the person's next message.
- REST and the widget: nothing to push from here; their messages wait for the person's next
  message (actions/live_chat.py).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
from collections.abc import Mapping
from datetime import timedelta
from typing import Any

from telegram import Bot

from bot.channels import whatsapp_messages as wa
from bot.channels.telegram import DEFAULT_API_BASE_URL as TELEGRAM_BASE
from bot.channels.whatsapp_api import DEFAULT_API_BASE_URL as GRAPH_BASE
from bot.channels.whatsapp_api import GraphClient
from bot.privacy.sender_ids import platform_id
from bot.tickets.live import Delivery, LiveChats, NotReachable, unseal

logger = logging.getLogger(__name__)

TEMPLATE_ENV = "WHATSAPP_LIVE_TEMPLATE"
DEFAULT_TEMPLATE = "loopbaanconsulent_bericht"
TEMPLATE_LANGUAGE = "nl"
RETRY_SECONDS = (5, 30, 120, 600)


class LiveSender:
    def __init__(self, key: bytes, env: Mapping[str, str] | None = None) -> None:
        env = os.environ if env is None else env
        self.key = key
        token = env.get("TELEGRAM_BOT_TOKEN", "")
        self.telegram = Bot(token, base_url=env.get("TELEGRAM_API_BASE_URL") or TELEGRAM_BASE) \
            if token else None
        access, number = env.get("WHATSAPP_ACCESS_TOKEN", ""), env.get(
            "WHATSAPP_PHONE_NUMBER_ID", "")
        self.whatsapp = GraphClient(access, number, env.get("WHATSAPP_API_BASE_URL")
                                    or GRAPH_BASE) if access and number else None
        self.template = env.get(TEMPLATE_ENV) or DEFAULT_TEMPLATE

    async def send(self, chats: LiveChats, item: Delivery,
                   templated: set[str] | None = None) -> None:
        """Send one; raises when it should be tried again later. `templated`: tickets that
        got the WhatsApp template in this run already."""
        templated = set() if templated is None else templated
        channel, conversation = unseal(item.way_back, self.key)
        recipient = platform_id(channel, conversation)
        if channel == "telegram":
            if self.telegram is None:
                raise RuntimeError("Telegram is off")
            await self.telegram.send_message(chat_id=recipient, text=item.text)
        elif channel == "whatsapp":
            if self.whatsapp is None:
                raise RuntimeError("WhatsApp is off")
            if not item.window_open:
                already = item.template_sent or item.ticket_id in templated
                if not already and not await self.whatsapp.send(
                        _template(recipient, self.template)):
                    raise RuntimeError("WhatsApp template not accepted")
                templated.add(item.ticket_id)
                await asyncio.to_thread(chats.mark_template, item.id, item.ticket_id,
                                        not already)
                return
            if not await self.whatsapp.send(wa.text_message(recipient, item.text)):
                raise RuntimeError("WhatsApp message not accepted")
        else:
            raise NotReachable(channel)  # never queued for the worker
        await asyncio.to_thread(chats.mark_delivered, item.id)

    async def deliver_due(self, chats: LiveChats) -> int:
        items = await asyncio.to_thread(chats.due_deliveries)
        sent = 0
        templated: set[str] = set()
        for item in items:
            try:
                await self.send(chats, item, templated)
                sent += 1
                logger.info("Live chat message for %s delivered (%s)", item.reference,
                            item.channel)
            except Exception as error:  # noqa: BLE001 - retried later
                delay = RETRY_SECONDS[min(item.attempts, len(RETRY_SECONDS) - 1)]
                await asyncio.to_thread(
                    chats.mark_delivery_failed, item.id, error.__class__.__name__,
                    chats.now() + timedelta(seconds=delay))
                logger.warning("Live chat message for %s not delivered: %s", item.reference,
                               error.__class__.__name__)
        return sent

    async def aclose(self) -> None:
        if self.whatsapp is not None:
            await self.whatsapp.close()
        if self.telegram is not None:
            with contextlib.suppress(Exception):
                await self.telegram.shutdown()


def _template(recipient: str, name: str) -> dict[str, Any]:
    return {"to": recipient, "type": "template",
            "template": {"name": name, "language": {"code": TEMPLATE_LANGUAGE}}}


async def run_delivery_loop(chats: LiveChats, sender: LiveSender, stop: asyncio.Event,
                            every_seconds: float = 3.0) -> None:
    """Retries, the idle time-out and the follow-up questions (issue 15: sent when due,
    expired when unanswered for FOLLOW_UP_ANSWER_DAYS), until `stop` is set."""
    from bot.channels.follow_up_delivery import send_due_questions  # it imports this module
    from bot.tickets.follow_up import FollowUps, answer_days

    follow_ups = FollowUps(chats.store, clock=chats._clock,  # noqa: SLF001 (the same clock)
                           answer_days=answer_days())
    while not stop.is_set():
        try:
            ended = await asyncio.to_thread(chats.expire_idle)
            if ended:
                logger.info("Live chat: %d ended after the idle time-out", len(ended))
            await sender.deliver_due(chats)
            await send_due_questions(follow_ups, sender)
            expired = await asyncio.to_thread(follow_ups.expire_unanswered)
            if expired:
                logger.info("Follow-up: %d question(s) expired unanswered", expired)
        except Exception:  # noqa: BLE001 - e.g. the database briefly unreachable
            logger.exception("live chat delivery run failed; retrying")
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), every_seconds)
