"""Sends Rasa's responses to WhatsApp through the Cloud API."""

from __future__ import annotations

import logging
from typing import Any

from rasa.core.channels.channel import OutputChannel

from bot.channels import whatsapp_messages as wa
from bot.channels.payload_keys import PayloadKeys
from bot.channels.reply_text import CHOOSE_PROMPT, split_tail, split_text
from bot.channels.whatsapp_api import GraphClient
from bot.channels.whatsapp_state import NumberedChoices, ServiceWindow
from bot.privacy.sender_ids import PlatformRecipient

logger = logging.getLogger(__name__)


class WhatsAppOutput(PlatformRecipient, OutputChannel):
    """Text, reply buttons (1-3), list messages (4-10) or a numbered list (more).

    Rasa's replies are addressed to "whatsapp:<wa_id>"; PlatformRecipient sends them
    to the wa_id (bot/privacy/sender_ids.py).
    """

    namespace = "whatsapp"

    def __init__(
        self,
        client: GraphClient,
        window: ServiceWindow,
        choices: NumberedChoices,
        payload_keys: PayloadKeys,
    ) -> None:
        self.client = client
        self.window = window
        self.choices = choices
        self.payload_keys = payload_keys

    @classmethod
    def name(cls) -> str:
        return "whatsapp"

    async def _may_send(self, recipient_id: str) -> bool:
        if await self.window.is_open(recipient_id):
            return True
        # Outside the 24-hour window Meta only accepts approved templates.
        logger.info("WhatsApp message skipped: the 24-hour service window is closed")
        return False

    async def option_id(self, payload: str, limit: int) -> str:
        """The payload itself when it fits as a button/row id, else a short remembered key."""
        if 1 <= len(payload) <= limit and not PayloadKeys.is_key(payload):
            return payload
        return await self.payload_keys.key_for(payload)

    async def _send_texts(self, recipient_id: str, text: str) -> None:
        for part in split_text(text, wa.TEXT_LIMIT):
            await self.client.send(wa.text_message(recipient_id, part))

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        if await self._may_send(recipient_id):
            await self._send_texts(recipient_id, text or "")

    async def send_text_with_buttons(
        self, recipient_id: str, text: str, buttons: list[dict[str, Any]], **kwargs: Any
    ) -> None:
        if not await self._may_send(recipient_id):
            return
        titles = [str(b.get("title") or b.get("payload") or "").strip() for b in buttons]
        payloads = [
            str(b.get("payload") or title) for b, title in zip(buttons, titles, strict=True)
        ]
        await self.choices.forget(recipient_id)  # a new question replaces an old numbered list
        if not buttons:
            await self._send_texts(recipient_id, text or "")
            return
        if len(buttons) > wa.MAX_LIST_ROWS:
            await self.choices.offer(recipient_id, payloads)
            await self._send_texts(recipient_id, wa.numbered_text(text or "", titles))
            return
        head, body = split_tail(text or CHOOSE_PROMPT, wa.INTERACTIVE_BODY_LIMIT)
        if head:
            await self._send_texts(recipient_id, head)
        body = body or CHOOSE_PROMPT
        if len(buttons) <= wa.MAX_REPLY_BUTTONS:
            ids = [await self.option_id(p, wa.BUTTON_ID_LIMIT) for p in payloads]
            message = wa.reply_buttons_message(recipient_id, body, titles, ids)
        else:
            ids = [await self.option_id(p, wa.ROW_ID_LIMIT) for p in payloads]
            message = wa.list_message(recipient_id, body, titles, ids)
        await self.client.send(message)

    async def send_quick_replies(
        self,
        recipient_id: str,
        text: str,
        quick_replies: list[dict[str, Any]],
        **kwargs: Any,
    ) -> None:
        await self.send_text_with_buttons(recipient_id, text, quick_replies)

    async def send_image_url(self, recipient_id: str, image: str, **kwargs: Any) -> None:
        if await self._may_send(recipient_id):
            await self.client.send({"to": recipient_id, "type": "image", "image": {"link": image}})

    async def send_custom_json(
        self, recipient_id: str, json_message: dict[str, Any], **kwargs: Any
    ) -> None:
        """A custom response is a Cloud API message object (with ``type``); sent as is.

        Approved templates are the one kind Meta accepts outside the 24-hour window.
        """
        if not isinstance(json_message, dict) or "type" not in json_message:
            logger.warning("WhatsApp custom response without 'type' ignored")
            return
        if json_message["type"] == "template" or await self._may_send(recipient_id):
            await self.client.send({**json_message, "to": recipient_id})
