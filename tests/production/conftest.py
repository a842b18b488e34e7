"""The production profile started once for the test modules that talk to it
(test_prod_stack.py, test_live_chat_prod.py): a start is two Rasa model loads, the action
server, the console and HAProxy. Each test talks as its own fresh sender
(`prod.new_sender()`), and the tests that stop a service start it again and wait until it
is ready before they end, so the modules leave the stack as they found it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from prod_stack import ProdTestStack

from bot.nlu.train import latest_model


@pytest.fixture(scope="session")
def prod(tmp_path_factory) -> Iterator[ProdTestStack]:
    model = latest_model()
    assert model is not None, "run `make train` first (make test does)"
    stack = ProdTestStack(tmp_path_factory.mktemp("prod"), model, workers=2)
    try:
        stack.start()
        yield stack
    finally:
        stack.close()
