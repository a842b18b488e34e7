"""The trained model loaded once per test run, for the tests that only read it (parse a
message, predict the next action): each load costs a TensorFlow/spaCy start and the graph,
about half a minute on a quiet 2-core machine, and three test modules used to load their own.

Tests that change an agent, or need one loaded another way (Rasa's dask runner, the stores
of endpoints.yml), keep loading their own.

Importable by bare name for the reason given in pg_support.py.
"""

from __future__ import annotations

from functools import cache
from typing import Any


@cache
def trained_agent() -> Any:
    """The latest model as `bot.nlu.parse.load_agent` loads it, with bot.rasa.speedups
    applied (as for every served model, and as in a whole test run, where collecting
    tests/rasa imports them before any test runs)."""
    import bot.rasa.speedups  # noqa: F401  (importing applies them)
    from bot.nlu.parse import load_agent
    from bot.nlu.train import latest_model

    model = latest_model()
    assert model is not None, "run `make train` first (make test does)"
    return load_agent(model)
