"""Conversation ids carry their channel: ``<channel>:<id on that channel>``.

Rasa keys everything about a person by the conversation (sender) id: the tracker,
the lock, the erasure request, the tickets' sender key. A REST or widget client
chooses its own id, so with bare ids it could choose a WhatsApp member's number
("31612345678") and continue, read back or erase that member's conversation.
Prefixing every id with the name of the channel it came in on (the same name as
the input channel and the tickets' ``channel`` field: rest, socketio, telegram,
whatsapp) gives each channel its own namespace: ``rest:31612345678`` and
``whatsapp:31612345678`` are two conversations.

Channels build the id with ``conversation_id`` when they hand a message to Rasa
and talk to their platform with the bare id. Rasa addresses every reply to the
conversation id through ``OutputChannel.send_response``: ``PlatformRecipient``
takes the prefix off there. The REST channel answers the client with the sender
the client sent.
"""

from __future__ import annotations

from typing import Any, ClassVar


def conversation_id(channel: str, platform_id: str) -> str:
    """The conversation id of ``platform_id`` (the sender as its channel knows it)."""
    return f"{channel}:{platform_id}"


def platform_id(channel: str, conversation: str) -> str:
    """The id on ``channel`` behind a conversation id of that channel.

    Ids without this channel's prefix (conversations stored before the namespaces,
    see docs/deploy.md) are returned unchanged. Only the own prefix comes off, once:
    a REST client's "whatsapp:316..." stays a REST id.
    """
    prefix = f"{channel}:"
    return conversation[len(prefix):] if conversation.startswith(prefix) else conversation


class PlatformRecipient:
    """Mixin for an output channel: Rasa's replies go to the platform's own id.

    Put it before the ``OutputChannel`` base and set ``namespace`` to the input
    channel's name. Calls of the send methods themselves (our channel code, the
    flood guard) already use platform ids and pass unchanged.
    """

    namespace: ClassVar[str]

    async def send_response(self, recipient_id: str, message: dict[str, Any]) -> None:
        await super().send_response(  # type: ignore[misc]
            platform_id(self.namespace, recipient_id), message)
