"""Rasa's REST channel, hardened for the open internet.

Same name ("rest") and path (``POST /webhooks/rest/webhook``) as Rasa's
``RestInput``, with the same request and reply shape, but:

- malformed requests get a 4xx JSON error ``{"error": code, "message": ...}``,
  never a 5xx: body over ``max_body_bytes`` (413), not UTF-8 JSON, not an
  object, missing or non-string ``sender``/``message``, non-object ``metadata``
  (400);
- a message longer than ``max_text_chars`` gets a polite Dutch reply without
  running the model (the NLU input guard uses the same limit), unless it states a
  crisis: then it goes to Rasa as ``/crisis``;
- control characters and lone surrogates are removed from the text before it
  reaches Rasa (PostgreSQL and spaCy both choke on some of them);
- a message with nothing but whitespace goes to Rasa as the ``bad_input``
  intent (``/bad_input``), skipping NLU: there is nothing to classify, and
  featurizers/classifiers may fail on an empty feature vector (seen with the
  logistic-regression pipeline). The rule for ``bad_input`` answers politely;
- the input channel is always "rest": a client cannot claim to be Telegram;
- the conversation is "rest:<sender>" (bot/privacy/sender_ids.py): a client choosing a
  WhatsApp member's number as its sender reaches a conversation of its own. The
  reply names the sender as the client sent it;
- a turn that produced no reply at all (the action server is down: Rasa drops
  the action and goes on silently) gets a short Dutch apology instead of ``[]``;
- a per-client-address token bucket (``bot/channels/client_address.py``: default 60
  a minute, loopback exempt, the address behind a trusted proxy from
  ``X-Forwarded-For``) answers 429 like the per-sender one, so new sender ids do
  not dodge the limit;
- a per-sender token bucket (default 20 messages a minute) answers 429 with a
  Dutch message and a ``Retry-After`` header. The buckets live in this process:
  with several Rasa processes each keeps its own, so the effective limit is at
  most ``workers x limit`` when a load balancer spreads one sender over them.

Configuration: ``REST_RATE_LIMIT_PER_MINUTE`` (0 switches the limit off) and
``REST_RATE_LIMIT_BURST`` in the environment, or the same keys in lower case
under ``bot.channels.rest.HardenedRestInput:`` in the credentials file.
Nothing personal is logged: no sender ids, no message text.
"""

from __future__ import annotations

import json
import logging
import math
import os
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels.client_address import ClientAddressLimit
from bot.channels.rate_limit import (
    DEFAULT_RATE_PER_MINUTE,
    RATE_LIMITED_REPLY,
    TokenBucketLimiter,
)
from bot.nlu.input_guard import CRISIS_PAYLOAD, states_crisis
from bot.nlu.input_guard import MAX_CHARS as GUARD_MAX_CHARS
from bot.privacy.sender_ids import conversation_id
from bot.safe_text import clean_text, is_plain_line

logger = logging.getLogger("koffiepraat.channels.rest")

MAX_BODY_BYTES = 64 * 1024
MAX_TEXT_CHARS = GUARD_MAX_CHARS
MAX_SENDER_CHARS = 128

TOO_LONG_REPLY = (
    "Dat is een heel lang bericht, zo veel tekst kan ik niet lezen. "
    "Wil je in een paar korte zinnen vertellen waar je mee zit?"
)
UNAVAILABLE_REPLY = (
    "Sorry, er ging bij mij iets mis. Probeer het over een paar minuten nog eens."
)
# Every Koffiepraat turn answers; a turn without any reply means a part of the
# assistant failed (typically the action server is down: Rasa then drops the
# action's events and goes on silently). The person should not be left waiting.
NO_REPLY = (
    "Sorry, ik kan je nu even niet goed antwoorden. "
    "Probeer het over een paar minuten nog eens, dan ben ik er weer."
)

EMPTY_INPUT_INTENT = "/bad_input"


@dataclass(frozen=True)
class RestRequest:
    sender: str
    text: str
    metadata: dict[str, Any] | None


class BadRequest(Exception):
    """A malformed request: answered with ``status`` and a JSON error."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(code)
        self.status = status
        self.code = code
        self.message = message


def parse_body(body: bytes, max_body_bytes: int = MAX_BODY_BYTES) -> RestRequest:
    """Validate a webhook body; raises ``BadRequest`` for anything malformed."""
    if len(body) > max_body_bytes:
        raise BadRequest(413, "body_too_large",
                         f"The request body may be at most {max_body_bytes} bytes.")
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise BadRequest(400, "invalid_json", "The body must be JSON encoded as UTF-8.") from None
    if not isinstance(data, dict):
        raise BadRequest(400, "wrong_shape",
                         'The body must be an object: {"sender": "...", "message": "..."}.')
    sender, text, metadata = data.get("sender"), data.get("message"), data.get("metadata")
    if not isinstance(sender, str):
        raise BadRequest(400, "invalid_sender", '"sender" must be a string.')
    sender = sender.strip()
    if not sender or len(sender) > MAX_SENDER_CHARS or not is_plain_line(sender):
        raise BadRequest(400, "invalid_sender",
                         f'"sender" must be 1 to {MAX_SENDER_CHARS} printable characters.')
    if not isinstance(text, str):
        raise BadRequest(400, "invalid_message", '"message" must be a string.')
    if metadata is not None and not isinstance(metadata, dict):
        raise BadRequest(400, "invalid_metadata", '"metadata" must be an object when given.')
    return RestRequest(sender=sender, text=clean_text(text), metadata=metadata)


def _error(status: int, code: str, message: str, headers: Mapping[str, str] | None = None
           ) -> HTTPResponse:
    return response.json({"error": code, "message": message}, status=status,
                         headers=dict(headers or {}))


def _float_setting(credentials: Mapping[str, Any], key: str, default: float | None
                   ) -> float | None:
    value = credentials.get(key)
    if value is None:
        value = os.environ.get(key.upper(), "").strip() or None
    return default if value is None else float(value)


class HardenedRestInput(RestInput):
    """``RestInput`` with input validation, size limits and a per-sender rate limit."""

    def __init__(
        self,
        rate_per_minute: float = DEFAULT_RATE_PER_MINUTE,
        burst: float | None = None,
        max_body_bytes: int = MAX_BODY_BYTES,
        max_text_chars: int = MAX_TEXT_CHARS,
        clock: Callable[[], float] = time.monotonic,
        client_limit: ClientAddressLimit | None = None,
    ) -> None:
        self.limiter = TokenBucketLimiter(rate_per_minute, burst, clock=clock)
        # Per client address (CLIENT_RATE_LIMIT_* and TRUSTED_PROXIES from the environment).
        self.client_limit = client_limit or ClientAddressLimit.from_env(clock=clock)
        self.max_body_bytes = max_body_bytes
        self.max_text_chars = max_text_chars

    @classmethod
    def name(cls) -> str:
        return "rest"

    @classmethod
    def from_credentials(cls, credentials: Mapping[str, Any] | None) -> HardenedRestInput:
        credentials = credentials or {}
        rate = _float_setting(credentials, "rest_rate_limit_per_minute", DEFAULT_RATE_PER_MINUTE)
        burst = _float_setting(credentials, "rest_rate_limit_burst", None)
        return cls(rate_per_minute=rate or 0.0, burst=burst)

    async def handle(
        self, request: Request, on_new_message: Callable[[UserMessage], Awaitable[Any]]
    ) -> HTTPResponse:
        declared = request.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_body_bytes:
            return _error(413, "body_too_large",
                          f"The request body may be at most {self.max_body_bytes} bytes.")
        try:
            parsed = parse_body(request.body or b"", self.max_body_bytes)
        except BadRequest as bad:
            return _error(bad.status, bad.code, bad.message)

        address = self.client_limit.address(request.ip, request.headers.get("x-forwarded-for"))
        wait = self.client_limit.acquire(address) or self.limiter.acquire(parsed.sender)
        if wait > 0:
            logger.info("rest: rate limit hit")
            return _error(429, "rate_limited", RATE_LIMITED_REPLY,
                          headers={"Retry-After": str(max(1, math.ceil(wait)))})
        text = parsed.text if parsed.text.strip() else EMPTY_INPUT_INTENT
        if len(parsed.text) > self.max_text_chars:
            if not states_crisis(parsed.text):
                return response.json([{"recipient_id": parsed.sender, "text": TOO_LONG_REPLY}])
            # Too long to keep, but a person in danger gets the crisis answer, not "too long".
            text = CRISIS_PAYLOAD
        collector = CollectingOutputChannel()
        message = UserMessage(text, collector, conversation_id(self.name(), parsed.sender),
                              input_channel=self.name(), metadata=parsed.metadata)
        try:
            await on_new_message(message)
        except Exception as error:  # noqa: BLE001 (answer the person, log no content)
            logger.error("rest: message handling failed: %s", error.__class__.__name__)
            if not collector.messages:
                return _error(503, "unavailable", UNAVAILABLE_REPLY)
        if not collector.messages:
            logger.warning("rest: a turn produced no reply")
            return response.json([{"recipient_id": parsed.sender, "text": NO_REPLY}])
        # Rasa addressed them to the conversation id; the client knows its own sender.
        return response.json([{**m, "recipient_id": parsed.sender} for m in collector.messages])

    def blueprint(
        self, on_new_message: Callable[[UserMessage], Awaitable[Any]]
    ) -> Blueprint:
        webhook = Blueprint("koffiepraat_hardened_rest", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            return await self.handle(request, on_new_message)

        return webhook
