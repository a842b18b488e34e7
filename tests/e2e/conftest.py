from __future__ import annotations

import pytest
import yaml
from e2e_env import NOTIFIER_ENV
from stack import Stack

from bot.settings import ROOT
from bot.train import latest_model


@pytest.fixture(scope="session")
def responses() -> dict[str, list[str]]:
    """Every response text of the domain, by name (all variations)."""
    found: dict[str, list[str]] = {}
    for path in sorted((ROOT / "domain").glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for name, variations in (data.get("responses") or {}).items():
            found[name] = [v.get("text", "") for v in variations]
    return found


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
