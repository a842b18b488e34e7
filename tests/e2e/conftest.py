from __future__ import annotations

import pytest
from e2e_env import NOTIFIER_ENV
from stack import Stack, load_responses

from bot.train import latest_model


@pytest.fixture(scope="session")
def responses() -> dict[str, list[str]]:
    return load_responses()


@pytest.fixture(scope="session")
def stack(tmp_path_factory) -> Stack:
    model = latest_model()
    assert model is not None, "run `make train` first (make test does)"
    running = Stack(tmp_path_factory.mktemp("stack"), model, extra_env=dict(NOTIFIER_ENV))
    try:
        running.start_actions()
        running.start_rasa()
        yield running
    finally:
        running.stop_all()
