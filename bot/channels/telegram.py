"""Telegram input channel for Koffiepraat (python-telegram-bot 22, webhook mode).

Route: ``POST /webhooks/telegram/webhook``. Enable in credentials.yml with
``bot.channels.telegram.TelegramInput:``; with empty credentials the channel reads
``TELEGRAM_BOT_TOKEN``, ``TELEGRAM_WEBHOOK_SECRET`` and ``TELEGRAM_API_BASE_URL``.

Why not Rasa's built-in Telegram channel: it ignores the webhook secret, crashes
on edited messages and answers errors in a way that makes Telegram resend the
same update. Here every authenticated update is answered with 200 and handled
(or deliberately ignored) without raising. Each chat is rate limited
(``bot.channels.rate_limit``): a flood gets one polite reply and is then dropped.

An update is marked done only after its turn is handled (``deliveries.py``): a
repeat that arrives while it is being handled gets 503 (Telegram retries), and an
update whose turn failed or whose process died is handled when it comes again.

Register the webhook once with::

    python -m bot.channels.telegram set-webhook https://example.org/webhooks/telegram/webhook
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dtm
import hmac
import json
import logging
import os
import sys
import warnings
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import BadRequest, NetworkError, RetryAfter, TelegramError
from telegram.request import HTTPXRequest

from bot.channels.channel_settings import require, setting
from bot.channels.deliveries import Claim, Deliveries
from bot.channels.payload_keys import PayloadKeys
from bot.channels.rate_limit import FloodGuard, flood_guard_from
from bot.channels.reply_text import CHOOSE_PROMPT, ONLY_TEXT_REPLY, split_text
from bot.channels.retry import RetryPolicy, call_with_retries
from bot.channels.state_store import StateStore, state_store_from_env
from bot.nlu.input_guard import text_or_bad_input
from bot.privacy.sender_ids import PlatformRecipient, conversation_id

logger = logging.getLogger(__name__)

REQUIRED_ENV = ("TELEGRAM_BOT_TOKEN", "TELEGRAM_WEBHOOK_SECRET")
DEFAULT_API_BASE_URL = "https://api.telegram.org/bot"
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"  # noqa: S105 - a header name
MESSAGE_LIMIT = 4096
CALLBACK_DATA_MAX_BYTES = 64
GREET_PAYLOAD = "/greet"
UPDATE_REPEAT_WINDOW_SECONDS = 3600
EXPIRED_BUTTON_REPLY = "Die knop werkt niet meer. Wil je je keuze even typen?"
# The update types Koffiepraat asks Telegram for (see set-webhook below).
ALLOWED_UPDATES = ("message", "edited_message", "callback_query")

OnNewMessage = Callable[[UserMessage], Awaitable[Any]]


def _retry_hint(exc: BaseException) -> float | None:
    """Which Bot API failures are worth another attempt (None: give up at once)."""
    if isinstance(exc, RetryAfter):
        with warnings.catch_warnings():  # PTB 22 deprecates the int form; accept both
            warnings.simplefilter("ignore")
            wait = exc.retry_after
        return wait.total_seconds() if isinstance(wait, dtm.timedelta) else float(wait)
    if isinstance(exc, BadRequest):  # our request is wrong: repeating it will not help
        return None
    if isinstance(exc, NetworkError):  # connection errors, time-outs, 5xx answers
        return 0.0
    return None


class TelegramOutput(PlatformRecipient, OutputChannel):
    """Sends Rasa's responses to a Telegram chat through the Bot API.

    Rasa's replies are addressed to "telegram:<chat id>"; PlatformRecipient sends them
    to the chat id (bot/privacy/sender_ids.py).
    """

    namespace = "telegram"

    def __init__(self, bot: Bot, payload_keys: PayloadKeys, retry: RetryPolicy) -> None:
        self.bot = bot
        self.payload_keys = payload_keys
        self.retry = retry

    @classmethod
    def name(cls) -> str:
        return "telegram"

    async def call_api(self, operation: Callable[[], Awaitable[Any]]) -> bool:
        """One Bot API call with retries; failures are logged (never the content), not raised."""
        try:
            await call_with_retries(operation, _retry_hint, self.retry)
            return True
        except TelegramError as exc:
            logger.warning("Telegram API call failed: %s", type(exc).__name__)
            return False

    async def callback_data(self, payload: str) -> str:
        """Payload itself when Telegram accepts it (1-64 bytes), else a short remembered key."""
        size = len(payload.encode("utf-8"))
        if 1 <= size <= CALLBACK_DATA_MAX_BYTES and not PayloadKeys.is_key(payload):
            return payload
        return await self.payload_keys.key_for(payload)

    async def _keyboard(self, buttons: list[dict[str, Any]]) -> InlineKeyboardMarkup:
        rows = []
        for button in buttons:
            title = str(button.get("title") or button.get("payload") or "").strip() or "Kies"
            if button.get("url"):
                rows.append([InlineKeyboardButton(title, url=str(button["url"]))])
                continue
            payload = str(button.get("payload") or title)
            data = await self.callback_data(payload)
            rows.append([InlineKeyboardButton(title, callback_data=data)])
        return InlineKeyboardMarkup(rows)

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        for part in split_text(text or "", MESSAGE_LIMIT):
            await self.call_api(lambda part=part: self.bot.send_message(recipient_id, part))

    async def send_text_with_buttons(
        self, recipient_id: str, text: str, buttons: list[dict[str, Any]], **kwargs: Any
    ) -> None:
        parts = split_text(text or "", MESSAGE_LIMIT) or [CHOOSE_PROMPT]
        for part in parts[:-1]:
            await self.call_api(lambda part=part: self.bot.send_message(recipient_id, part))
        markup = await self._keyboard(buttons) if buttons else None
        await self.call_api(
            lambda: self.bot.send_message(recipient_id, parts[-1], reply_markup=markup)
        )

    async def send_quick_replies(
        self,
        recipient_id: str,
        text: str,
        quick_replies: list[dict[str, Any]],
        **kwargs: Any,
    ) -> None:
        await self.send_text_with_buttons(recipient_id, text, quick_replies)

    async def send_image_url(self, recipient_id: str, image: str, **kwargs: Any) -> None:
        await self.call_api(lambda: self.bot.send_photo(recipient_id, photo=image))

    async def send_custom_json(
        self, recipient_id: str, json_message: dict[str, Any], **kwargs: Any
    ) -> None:
        """Custom payload: Bot API parameters plus an optional ``method`` (default sendMessage)."""
        params = dict(json_message)
        method = str(params.pop("method", "sendMessage"))
        params.setdefault("chat_id", recipient_id)
        await self.call_api(lambda: self.bot.do_api_request(method, api_kwargs=params))


class TelegramInput(InputChannel):
    """Receives Telegram webhook updates and hands text and button taps to Rasa."""

    @classmethod
    def name(cls) -> str:
        return "telegram"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> TelegramInput:
        token = setting(credentials, "token", "TELEGRAM_BOT_TOKEN")
        secret = setting(credentials, "webhook_secret", "TELEGRAM_WEBHOOK_SECRET")
        require("Telegram", {"TELEGRAM_BOT_TOKEN": token, "TELEGRAM_WEBHOOK_SECRET": secret})
        base_url = setting(
            credentials, "api_base_url", "TELEGRAM_API_BASE_URL", DEFAULT_API_BASE_URL
        )
        return cls(token, secret, base_url,  # type: ignore[arg-type]
                   flood_guard=flood_guard_from(credentials))

    def __init__(
        self,
        token: str,
        webhook_secret: str,
        api_base_url: str = DEFAULT_API_BASE_URL,
        retry: RetryPolicy | None = None,
        state: StateStore | None = None,
        flood_guard: FloodGuard | None = None,
    ) -> None:
        if not token or not webhook_secret:
            raise ValueError("Telegram needs a bot token and a webhook secret")
        self.webhook_secret = webhook_secret
        # Several webhook requests may send at the same time: PTB's default pool of 1
        # connection would make them queue and time out.
        self._request = HTTPXRequest(connection_pool_size=16)
        self.bot = Bot(token, base_url=api_base_url, request=self._request)
        # Shared by all Rasa processes when Redis is configured (state_store.py): a
        # keyboard sent by one process may be tapped through another.
        self.state = state or state_store_from_env()
        self.payload_keys = PayloadKeys(self.state, "telegram:payload")
        self.output = TelegramOutput(self.bot, self.payload_keys, retry or RetryPolicy())
        # Telegram resends an update when our answer is slow or lost; handle it once,
        # marked done only after its turn (a crash mid-turn loses nothing).
        self.deliveries = Deliveries(self.state, "telegram", 4096, UPDATE_REPEAT_WINDOW_SECONDS)
        # Per chat, per process (bot/channels/rate_limit.py).
        self.flood_guard = flood_guard or flood_guard_from(None)

    def get_output_channel(self) -> TelegramOutput:
        return self.output

    def secret_matches(self, header_value: str | None) -> bool:
        if not header_value:
            return False
        return hmac.compare_digest(header_value.encode("utf-8"), self.webhook_secret.encode())

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        webhook = Blueprint("koffiepraat_telegram", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            if not self.secret_matches(request.headers.get(SECRET_HEADER)):
                return response.text("forbidden", status=403)
            update = self._parse(request.body)
            if update is None:
                return response.text("bad request", status=400)
            try:
                claim = await self.deliveries.handle_once(
                    str(update.update_id), lambda: self.handle_update(update, on_new_message))
            except Exception as exc:  # noqa: BLE001 - Telegram would resend forever
                logger.error(
                    "Telegram update %s not handled: %s", update.update_id, type(exc).__name__
                )
                return response.text("ok")
            if claim is Claim.BUSY:
                # Being handled right now: Telegram retries, and then it is done (dropped)
                # or its process died (handled).
                return response.text("busy", status=503, headers={"Retry-After": "30"})
            return response.text("ok")

        @webhook.listener("after_server_stop")
        async def close_clients(*_: Any) -> None:
            await self._request.shutdown()
            await self.state.close()

        return webhook

    def _parse(self, body: bytes) -> Update | None:
        try:
            data = json.loads(body)
            if not isinstance(data, dict):
                return None
            update = Update.de_json(data, self.bot)
            return update if isinstance(update.update_id, int) else None
        except Exception:  # noqa: BLE001 - any malformed update is a client error
            return None

    async def handle_update(self, update: Update, on_new_message: OnNewMessage) -> None:
        if update.callback_query is not None:
            await self._handle_button_tap(update, on_new_message)
        elif update.edited_message is not None or update.edited_channel_post is not None:
            # Deliberately ignored: Rasa cannot revise an earlier turn, and answering the
            # edit as a new message would make the assistant reply twice and out of order.
            logger.debug("Telegram update %s: edit ignored", update.update_id)
        elif update.effective_chat is not None and update.effective_chat.type != "private":
            # Koffiepraat talks one-to-one. The same bot also posts consultant
            # notifications in a group, and group chatter must never reach Rasa.
            logger.debug("Telegram update %s: non-private chat ignored", update.update_id)
        elif update.message is not None:
            message = update.message
            chat_id = str(message.chat.id)
            if not await self._within_limit(chat_id):
                return
            if message.text is not None:
                await self._forward(update, chat_id, message.text, on_new_message)
            else:  # sticker, photo, voice, document, location, contact, ...
                await self.output.send_text_message(chat_id, ONLY_TEXT_REPLY)
        elif (
            update.my_chat_member is not None
            or update.chat_member is not None
            or update.chat_join_request is not None
            or update.message_reaction is not None
            or update.message_reaction_count is not None
        ):
            # Membership changes (e.g. someone blocked the bot) and emoji reactions are
            # not a turn in the conversation: nothing to say.
            logger.debug("Telegram update %s: membership/reaction ignored", update.update_id)
        elif update.effective_chat is not None:
            if await self._within_limit(str(update.effective_chat.id)):
                await self.output.send_text_message(str(update.effective_chat.id), ONLY_TEXT_REPLY)
        else:
            logger.debug("Telegram update %s: unsupported type ignored", update.update_id)

    async def _within_limit(self, chat_id: str) -> bool:
        return await self.flood_guard.within_limit("Telegram", chat_id, self.output)

    async def _forward(
        self, update: Update, chat_id: str, text: str, on_new_message: OnNewMessage
    ) -> None:
        command = text.strip().split(maxsplit=1)[0].split("@", 1)[0] if text.strip() else ""
        if command == "/start":  # Telegram's "Start" button and deep links open the chat
            text = GREET_PAYLOAD
        await on_new_message(
            UserMessage(
                text_or_bad_input(text),
                self.output,
                conversation_id(self.name(), chat_id),
                input_channel=self.name(),
                metadata={"telegram_update_id": update.update_id},
            )
        )

    async def _handle_button_tap(self, update: Update, on_new_message: OnNewMessage) -> None:
        query = update.callback_query
        assert query is not None
        # Answer first: it stops the spinner on the button even if Rasa is slow.
        await self.output.call_api(lambda: self.bot.answer_callback_query(query.id))
        chat = query.message.chat if query.message is not None else None
        if chat is not None and chat.type != "private":
            return  # a button in a group: Koffiepraat only sends buttons one-to-one
        chat_id = str(chat.id if chat is not None else query.from_user.id)
        if not await self._within_limit(chat_id):
            return
        payload = await self._payload_from_tap(query)
        if payload is None:
            await self.output.send_text_message(chat_id, EXPIRED_BUTTON_REPLY)
            return
        await on_new_message(
            UserMessage(
                payload,
                self.output,
                conversation_id(self.name(), chat_id),
                input_channel=self.name(),
                metadata={"telegram_update_id": update.update_id},
            )
        )

    async def _payload_from_tap(self, query: Any) -> str | None:
        data = query.data
        if not data:
            return None
        if not PayloadKeys.is_key(data):
            return data
        payload = await self.payload_keys.payload_for(data)
        if payload is not None:
            return payload
        # Key forgotten (expired, or a restart with the memory store): the tapped
        # button's title still says what the person chose.
        markup = getattr(query.message, "reply_markup", None)
        for row in getattr(markup, "inline_keyboard", ()):
            for button in row:
                if button.callback_data == data:
                    return button.text
        return None


async def set_webhook(url: str) -> bool:
    """Tell Telegram where to deliver updates, with the shared secret header."""
    token = setting(None, "token", "TELEGRAM_BOT_TOKEN")
    secret = setting(None, "webhook_secret", "TELEGRAM_WEBHOOK_SECRET")
    require("Telegram", {"TELEGRAM_BOT_TOKEN": token, "TELEGRAM_WEBHOOK_SECRET": secret})
    base_url = setting(None, "api_base_url", "TELEGRAM_API_BASE_URL", DEFAULT_API_BASE_URL)
    async with Bot(token, base_url=base_url) as bot:  # type: ignore[arg-type]
        return await bot.set_webhook(
            url, secret_token=secret, allowed_updates=list(ALLOWED_UPDATES)
        )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.channels.telegram")
    commands = parser.add_subparsers(dest="command", required=True)
    hook = commands.add_parser("set-webhook", help="register the webhook URL with Telegram")
    hook.add_argument("url", help="public HTTPS URL of /webhooks/telegram/webhook")
    args = parser.parse_args(argv)
    try:
        ok = asyncio.run(set_webhook(args.url))
    except Exception as exc:  # noqa: BLE001 - report briefly, no stack trace with secrets
        message = str(exc)
        for secret in (os.environ.get(name, "") for name in REQUIRED_ENV):
            if secret:
                message = message.replace(secret, "***")
        print(f"set-webhook failed: {type(exc).__name__}: {message}", file=sys.stderr)
        return 1
    print("Webhook set." if ok else "Telegram did not accept the webhook.")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
