"""Short keys for Rasa button payloads that are too long for a platform."""

from __future__ import annotations

import hashlib

from bot.channels.state_store import MemoryStateStore, StateStore

# A button older than a conversation is kept (CONVERSATION_RETENTION_DAYS) makes no sense.
PAYLOAD_KEY_TTL_SECONDS = 30 * 24 * 3600


class PayloadKeys:
    """Maps Rasa button payloads that are too long for a platform to short keys.

    Telegram allows 1-64 bytes of callback data and WhatsApp 200-256 characters
    for button and row ids, while Rasa payloads such as
    ``/inform{"sector": "financiele_dienstverlening", ...}`` can be longer. Such a
    payload is sent as ``k:<hash>`` and the key is remembered in the channel
    state store, so the process that gets the tap need not be the one that sent
    the buttons. The key is a hash of the payload, so the same payload always
    gets the same key. When a key has been forgotten (expired, evicted, memory
    store after a restart) the channel falls back to the button's title, which is
    still a meaningful message for the assistant.
    """

    PREFIX = "k:"

    def __init__(
        self, state: StateStore | None = None, namespace: str = "payload", max_items: int = 2048
    ) -> None:
        store = state or MemoryStateStore()
        self._map = store.map(namespace, max_items, PAYLOAD_KEY_TTL_SECONDS)

    @classmethod
    def is_key(cls, value: str) -> bool:
        return value.startswith(cls.PREFIX)

    async def key_for(self, payload: str) -> str:
        digest = hashlib.sha256(payload.encode("utf-8")).hexdigest()[:24]
        key = f"{self.PREFIX}{digest}"
        await self._map.set(key, payload)
        return key

    async def payload_for(self, key: str) -> str | None:
        return await self._map.get(key)
