"""WhatsApp Cloud API input channel for Koffiepraat.

Routes: ``GET`` (verification handshake) and ``POST /webhooks/whatsapp/webhook``.
Enable in credentials.yml with ``bot.channels.whatsapp.WhatsAppInput:``; with empty
credentials the channel reads ``WHATSAPP_VERIFY_TOKEN``, ``WHATSAPP_APP_SECRET``,
``WHATSAPP_ACCESS_TOKEN``, ``WHATSAPP_PHONE_NUMBER_ID`` and ``WHATSAPP_API_BASE_URL``.

Every POST must carry ``X-Hub-Signature-256`` (HMAC-SHA256 of the raw body with the
app secret); it is checked in constant time before the body is parsed. Every
authenticated request is answered with 200, also when handling fails, so Meta
does not keep redelivering it; only a repeat of a message that is being handled
right now gets 503, so that Meta comes back when it is done (or its process died).

Meta may deliver the same message more than once. A message id is marked done for
a day in the channel state store (state_store.py) once its turn is handled, so a
repeat is handled once, also when it reaches another Rasa process: with several
processes that store is Redis. While a message is being handled a repeat gets 503
(Meta retries later), and a message whose turn failed or whose process died is
handled when Meta delivers it again (deliveries.py). The service window, numbered
lists and button keys live in the state store too.

Each sender is rate limited (``bot.channels.rate_limit``, per process): a flood
gets one polite reply and is then dropped.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import time
from collections.abc import Awaitable, Callable, Iterator
from typing import Any

from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels.channel_settings import require, setting
from bot.channels.deliveries import Claim, Deliveries
from bot.channels.payload_keys import PayloadKeys
from bot.channels.rate_limit import FloodGuard, flood_guard_from
from bot.channels.reply_text import ONLY_TEXT_REPLY
from bot.channels.retry import RetryPolicy
from bot.channels.state_store import StateStore, state_store_from_env
from bot.channels.ttl_cache import Clock
from bot.channels.whatsapp_api import DEFAULT_API_BASE_URL, GraphClient
from bot.channels.whatsapp_output import WhatsAppOutput
from bot.channels.whatsapp_state import NumberedChoices, ServiceWindow
from bot.nlu.input_guard import text_or_bad_input
from bot.privacy.sender_ids import conversation_id
from bot.safe_text import is_plain_line

logger = logging.getLogger(__name__)

REQUIRED_ENV = (
    "WHATSAPP_VERIFY_TOKEN",
    "WHATSAPP_APP_SECRET",
    "WHATSAPP_ACCESS_TOKEN",
    "WHATSAPP_PHONE_NUMBER_ID",
)
SIGNATURE_HEADER = "X-Hub-Signature-256"
DUPLICATE_WINDOW_SECONDS = 24 * 3600
# Reactions (an emoji on an earlier message) are not a turn in the conversation:
# answering them with "I can only read text" would be odd, so they are ignored.
IGNORED_MESSAGE_TYPES = frozenset({"reaction"})
MAX_SENDER_CHARS = 64

OnNewMessage = Callable[[UserMessage], Awaitable[Any]]


def _dicts(value: Any) -> Iterator[dict[str, Any]]:
    """The dict items of a list; anything else in an untrusted payload is skipped."""
    if isinstance(value, list):
        yield from (item for item in value if isinstance(item, dict))


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _change_values(data: Any) -> Iterator[dict[str, Any]]:
    if not isinstance(data, dict):
        return
    for entry in _dicts(data.get("entry")):
        for change in _dicts(entry.get("changes")):
            value = change.get("value")
            if isinstance(value, dict):
                yield value


def _valid_sender(value: Any) -> bool:
    # Also the conversation's key in the tracker store: PostgreSQL refuses NUL.
    return isinstance(value, str) and 0 < len(value) <= MAX_SENDER_CHARS and is_plain_line(value)


def _timestamp(message: dict[str, Any]) -> float | None:
    try:
        return float(message["timestamp"])
    except (KeyError, TypeError, ValueError):
        return None


class WhatsAppInput(InputChannel):
    """Receives WhatsApp Cloud API webhooks and hands text and taps to Rasa."""

    @classmethod
    def name(cls) -> str:
        return "whatsapp"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> WhatsAppInput:
        values = {
            "WHATSAPP_VERIFY_TOKEN": setting(credentials, "verify_token", "WHATSAPP_VERIFY_TOKEN"),
            "WHATSAPP_APP_SECRET": setting(credentials, "app_secret", "WHATSAPP_APP_SECRET"),
            "WHATSAPP_ACCESS_TOKEN": setting(credentials, "access_token", "WHATSAPP_ACCESS_TOKEN"),
            "WHATSAPP_PHONE_NUMBER_ID": setting(
                credentials, "phone_number_id", "WHATSAPP_PHONE_NUMBER_ID"
            ),
        }
        require("WhatsApp", values)
        base_url = setting(
            credentials, "api_base_url", "WHATSAPP_API_BASE_URL", DEFAULT_API_BASE_URL
        )
        return cls(
            verify_token=values["WHATSAPP_VERIFY_TOKEN"],  # type: ignore[arg-type]
            app_secret=values["WHATSAPP_APP_SECRET"],  # type: ignore[arg-type]
            access_token=values["WHATSAPP_ACCESS_TOKEN"],  # type: ignore[arg-type]
            phone_number_id=values["WHATSAPP_PHONE_NUMBER_ID"],  # type: ignore[arg-type]
            api_base_url=base_url,  # type: ignore[arg-type]
            flood_guard=flood_guard_from(credentials),
        )

    def __init__(
        self,
        verify_token: str,
        app_secret: str,
        access_token: str,
        phone_number_id: str,
        api_base_url: str = DEFAULT_API_BASE_URL,
        retry: RetryPolicy | None = None,
        clock: Clock = time.time,
        state: StateStore | None = None,
        flood_guard: FloodGuard | None = None,
    ) -> None:
        if not (verify_token and app_secret and access_token and phone_number_id):
            raise ValueError(
                "WhatsApp needs a verify token, app secret, access token and number id"
            )
        self.verify_token = verify_token
        self.phone_number_id = phone_number_id
        self._app_secret = app_secret.encode("utf-8")
        self.clock = clock
        self.client = GraphClient(access_token, phone_number_id, api_base_url, retry)
        # Shared by all Rasa processes when Redis is configured (state_store.py).
        self.state = state or state_store_from_env(clock=clock)
        self.window = ServiceWindow(clock, self.state)
        self.choices = NumberedChoices(clock, self.state)
        self.payload_keys = PayloadKeys(self.state, "whatsapp:payload")
        self.output = WhatsAppOutput(self.client, self.window, self.choices, self.payload_keys)
        # Marked done only after the turn (deliveries.py): a crash mid-turn loses nothing.
        self.deliveries = Deliveries(self.state, "whatsapp", 20_000, DUPLICATE_WINDOW_SECONDS)
        # Per sender, per process (bot/channels/rate_limit.py).
        self.flood_guard = flood_guard or flood_guard_from(None)

    def get_output_channel(self) -> WhatsAppOutput:
        return self.output

    def signature_matches(self, raw_body: bytes, header_value: str | None) -> bool:
        if not header_value:
            return False
        expected = "sha256=" + hmac.new(self._app_secret, raw_body, hashlib.sha256).hexdigest()
        return hmac.compare_digest(expected.encode(), header_value.strip().encode("utf-8"))

    def verification_challenge(self, args: Any) -> str | None:
        """The challenge to echo when Meta's subscribe handshake carries our verify token."""
        mode = args.get("hub.mode")
        token = args.get("hub.verify_token") or ""
        if mode != "subscribe" or not hmac.compare_digest(
            token.encode("utf-8"), self.verify_token.encode("utf-8")
        ):
            return None
        return args.get("hub.challenge") or ""

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        webhook = Blueprint("koffiepraat_whatsapp", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["GET"])
        async def verify(request: Request) -> HTTPResponse:
            challenge = self.verification_challenge(request.args)
            if challenge is None:
                return response.text("forbidden", status=403)
            return response.text(challenge)

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            raw_body = request.body or b""
            if not self.signature_matches(raw_body, request.headers.get(SIGNATURE_HEADER)):
                return response.text("unauthorized", status=401)
            try:
                data = json.loads(raw_body)
            except (ValueError, RecursionError):  # RecursionError: nesting too deep
                return response.text("bad request", status=400)
            if not await self.handle_payload(data, on_new_message):
                # A message of this payload is being handled elsewhere right now: Meta
                # retries, and then it is done (dropped) or its process died (handled).
                return response.text("busy", status=503, headers={"Retry-After": "30"})
            return response.text("ok")

        @webhook.listener("after_server_stop")
        async def close_clients(*_: Any) -> None:
            await self.client.close()
            await self.state.close()

        return webhook

    async def handle_payload(self, data: Any, on_new_message: OnNewMessage) -> bool:
        """Handle every message in a webhook payload; statuses and other fields are ignored.

        False when a message was left because another request is handling it right now.
        """
        settled = True
        for value in _change_values(data):
            number_id = _dict(value.get("metadata")).get("phone_number_id")
            if number_id is not None and str(number_id) != self.phone_number_id:
                # Another number of the same Meta app: we could only answer from ours.
                logger.info("WhatsApp payload for another phone number id ignored")
                continue
            for message in _dicts(value.get("messages")):
                try:
                    claim = await self._handle_message(message, number_id, on_new_message)
                except Exception as exc:  # noqa: BLE001 - Meta would redeliver on an error
                    logger.error("WhatsApp message not handled: %s", type(exc).__name__)
                    continue
                settled = settled and claim is not Claim.BUSY
        return settled

    async def _text_of(self, message: dict[str, Any]) -> str | None:
        """What the person said or chose, or None for media and other non-text messages."""
        kind = message.get("type")
        if kind == "text":  # blank text goes on: text_or_bad_input makes it /bad_input
            body = _dict(message.get("text")).get("body")
            return body if isinstance(body, str) else None
        if kind == "interactive":
            interactive = _dict(message.get("interactive"))
            reply = _dict(interactive.get("button_reply") or interactive.get("list_reply"))
            return await self._payload_for(reply.get("id"), reply.get("title"))
        if kind == "button":  # quick-reply button of an approved template
            button = _dict(message.get("button"))
            return await self._payload_for(button.get("payload"), button.get("text"))
        return None

    async def _payload_for(self, reply_id: Any, title: Any) -> str | None:
        if isinstance(reply_id, str) and reply_id:
            if not PayloadKeys.is_key(reply_id):
                return reply_id
            payload = await self.payload_keys.payload_for(reply_id)
            if payload is not None:
                return payload
        # Unknown key (expired, or a restart with the memory store): the visible
        # title still says what was chosen.
        return title if isinstance(title, str) and title.strip() else None

    async def _within_limit(self, sender: str) -> bool:
        return await self.flood_guard.within_limit("WhatsApp", sender, self.output)

    async def _handle_message(
        self, message: dict[str, Any], number_id: Any, on_new_message: OnNewMessage
    ) -> Claim:
        sender = message.get("from")
        if not _valid_sender(sender):
            return Claim.DONE  # nothing to handle, now or on a retry
        message_id = message.get("id")
        if not isinstance(message_id, str):
            await self._handle_turn(message, sender, number_id, on_new_message)
            return Claim.NEW
        claim = await self.deliveries.handle_once(
            message_id, lambda: self._handle_turn(message, sender, number_id, on_new_message))
        if claim is not Claim.NEW:
            logger.debug("WhatsApp repeat delivery: %s", claim.value)
        return claim

    async def _handle_turn(
        self, message: dict[str, Any], sender: str, number_id: Any, on_new_message: OnNewMessage
    ) -> None:
        kind = message.get("type")
        if kind in IGNORED_MESSAGE_TYPES:
            return
        await self.window.record_inbound(sender, _timestamp(message))
        if not await self._within_limit(sender):
            return
        text = await self._text_of(message)
        if text is None:
            await self.choices.forget(sender)
            await self.output.send_text_message(sender, ONLY_TEXT_REPLY)
            return
        if kind == "text":
            text = await self.choices.resolve(sender, text) or text
        else:
            await self.choices.forget(sender)
        await on_new_message(
            UserMessage(
                text_or_bad_input(text),
                self.output,
                # The member's own namespace: a REST client sending this number as its
                # sender reaches "rest:<number>", never this conversation.
                conversation_id(self.name(), sender),
                input_channel=self.name(),
                metadata={"whatsapp_phone_number_id": number_id} if number_id else None,
            )
        )
