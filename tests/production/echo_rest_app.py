"""Rasa's real Sanic app (``configure_app``) with only the hardened REST channel and an
echo agent instead of a model.

Started as a subprocess by the REST input tests, so Hypothesis can fuzz the HTTP
handling from plain synchronous tests. Usage: ``python echo_rest_app.py PORT``.
The agent replies ``echo:<input channel>:<text>`` (``/whoami``: the conversation
id it was given) and raises for the sender FAILING_SENDER and stays silent for
SILENT_SENDER (what a failing assistant looks like from outside).
"""

from __future__ import annotations

import sys

from rasa.core.channels.channel import UserMessage
from rasa.core.run import configure_app

from bot.channels.rest import HardenedRestInput

FAILING_SENDER = "failing-assistant-7f3a9c"
SILENT_SENDER = "silent-assistant-2b8d1e"


class EchoAgent:
    async def handle_message(self, message: UserMessage) -> None:
        # Conversation ids of client-chosen senders carry the channel (bot/privacy/sender_ids.py).
        if message.sender_id == f"rest:{FAILING_SENDER}":
            raise RuntimeError("the assistant failed")
        if message.sender_id == f"rest:{SILENT_SENDER}":
            return  # like Rasa when the action server is down
        text = f"echo:{message.input_channel}:{message.text}"
        if message.text == "/whoami":
            text = f"you are {message.sender_id}"
        await message.output_channel.send_response(message.sender_id, {"text": text})


def main() -> None:
    port = int(sys.argv[1])
    app = configure_app([HardenedRestInput(rate_per_minute=20)], enable_api=False,
                        route="/webhooks/")
    app.ctx.agent = EchoAgent()
    app.run(host="127.0.0.1", port=port, access_log=False, workers=1)


if __name__ == "__main__":
    main()
