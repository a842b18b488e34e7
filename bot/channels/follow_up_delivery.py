"""The follow-up questions (issue 15, item 4) to the member on their own channel, with the
live-chat delivery code (bot/channels/live_delivery.py, the same clients and settings).

- Telegram: ``sendMessage`` with the question.
- WhatsApp: the question is asked a day or weeks after the person last wrote, so always
  outside the 24-hour window: the approved template named by ``WHATSAPP_FOLLOW_UP_TEMPLATE``
  (default ``koffiepraat_navraag``, language ``nl``), whose approved text is the question.
- Website widget and REST: nothing can be pushed; the question is asked when the person
  comes back (actions/follow_up.py).

Runs in the console's delivery loop next to the live-chat messages. A send that fails is due
again on the next run (the question is never marked asked without going out).
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Mapping

from bot.channels.live_delivery import TEMPLATE_LANGUAGE, LiveSender
from bot.privacy.sender_ids import platform_id
from bot.tickets.follow_up import DueQuestion, FollowUps
from bot.tickets.live import unseal

logger = logging.getLogger(__name__)

TEMPLATE_ENV = "WHATSAPP_FOLLOW_UP_TEMPLATE"
DEFAULT_TEMPLATE = "koffiepraat_navraag"
PUSH_CHANNELS = ("telegram", "whatsapp")


async def send_question(sender: LiveSender, item: DueQuestion,
                        env: Mapping[str, str] | None = None) -> None:
    env = os.environ if env is None else env
    channel, conversation = unseal(item.way_back, sender.key)
    recipient = platform_id(channel, conversation)
    if channel == "telegram":
        if sender.telegram is None:
            raise RuntimeError("Telegram is off")
        await sender.telegram.send_message(chat_id=recipient, text=item.text)
    elif channel == "whatsapp":
        if sender.whatsapp is None:
            raise RuntimeError("WhatsApp is off")
        template = {"to": recipient, "type": "template", "template": {
            "name": env.get(TEMPLATE_ENV) or DEFAULT_TEMPLATE,
            "language": {"code": TEMPLATE_LANGUAGE}}}
        if not await sender.whatsapp.send(template):
            raise RuntimeError("WhatsApp template not accepted")
    else:
        raise RuntimeError(f"{channel} cannot be pushed to")


async def send_due_questions(follow_ups: FollowUps, sender: LiveSender) -> int:
    """Send every follow-up question that came due; returns how many went out."""
    items = await asyncio.to_thread(follow_ups.due, None, PUSH_CHANNELS)
    sent = 0
    for item in items:
        try:
            await send_question(sender, item)
            sent += 1
            logger.info("Follow-up question (%s) sent (%s)", item.kind, item.channel)
        except Exception as error:  # noqa: BLE001 - due again on the next run
            await asyncio.to_thread(follow_ups.unclaim, item.ticket_id, item.kind)
            logger.warning("Follow-up question (%s) not sent: %s", item.kind,
                           error.__class__.__name__)
    return sent
