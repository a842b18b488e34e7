from __future__ import annotations

from collections.abc import Iterator

import pytest
from e2e_env import platform_env
from platform_fake import PlatformFake
from stack import Stack, load_responses

from bot.train import latest_model


@pytest.fixture(scope="session")
def responses() -> dict[str, list[str]]:
    return load_responses()


@pytest.fixture(scope="session")
def platform() -> Iterator[PlatformFake]:
    fake = PlatformFake().start()
    yield fake
    fake.stop()


@pytest.fixture(scope="session")
def stack(tmp_path_factory, platform: PlatformFake) -> Iterator[Stack]:
    model = latest_model()
    assert model is not None, "run `make train` first (make test does)"
    running = Stack(tmp_path_factory.mktemp("stack"), model, extra_env=platform_env(platform.url))
    try:
        running.start_actions()
        running.start_rasa()
        yield running
    finally:
        running.stop_all()
