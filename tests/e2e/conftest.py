from __future__ import annotations

from collections.abc import Iterator

import pytest
from e2e_env import platform_env
from platform_fake import PlatformFake
from stack import Stack, running_stack

from bot.nlu.train import latest_model
from bot.tickets.store import TicketStore

# `responses` (every response text of the domain) comes from tests/conftest.py.


@pytest.fixture(scope="session")
def platform() -> Iterator[PlatformFake]:
    fake = PlatformFake().start()
    yield fake
    fake.stop()


@pytest.fixture(scope="session")
def stack(tmp_path_factory, platform: PlatformFake) -> Iterator[Stack]:
    model = latest_model()
    assert model is not None, "run `make train` first (make test does)"
    with running_stack(tmp_path_factory.mktemp("stack"), model,
                       platform_env(platform.url)) as running:
        yield running


@pytest.fixture
def store(stack: Stack) -> Iterator[TicketStore]:
    """The running stack's ticket store, to look at the tickets a conversation made."""
    store = TicketStore.from_url(stack.env["TICKETS_DB_URL"])
    store.migrate()
    yield store
    store.close()
