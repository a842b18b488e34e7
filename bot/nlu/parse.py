"""Parse texts with a trained model in this process (evaluation and timing)."""

from __future__ import annotations

import asyncio
import logging
import os
from pathlib import Path
from typing import Any

from bot.rasa.quiet_env import quiet_env


def load_agent(model: Path) -> Any:
    os.environ.update({k: v for k, v in quiet_env().items() if k not in os.environ})
    from rasa.core.agent import Agent

    logging.getLogger().setLevel(logging.WARNING)
    for name in ("rasa", "tensorflow", "absl"):
        logging.getLogger(name).setLevel(logging.ERROR)
    return Agent.load(str(model))


def parse_all(agent: Any, texts: list[str]) -> list[dict[str, Any]]:
    """Rasa's parse data (intent, ranking, entities, output properties) per text."""
    from rasa.core.channels.channel import UserMessage

    async def run() -> list[dict[str, Any]]:
        return [await agent.processor.parse_message(UserMessage(text)) for text in texts]

    return asyncio.run(run())
