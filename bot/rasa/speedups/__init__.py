"""Measured fixes for Rasa hot spots, applied when this package is imported.

Each module fixes one hot spot found by profiling (docs/benchmarks.md) and
is tested against Rasa's own code (tests/rasa/test_speedups.py and
test_speedup_*.py): same results, less CPU.

- ``schema_check``: each action-response schema is checked once, not per call;
- ``event_lookup``: event names resolve from a table, not a class-tree walk;
- ``graph_runner``: the prediction graph runs in topological order, without dask;
- ``policy_states``: the policies share one replay of the history per prediction.

bot.rasa.stores imports this package, and Rasa creates the stores before it loads
the model, so the fixes that Rasa captures at load time are in place.
"""

from __future__ import annotations

from bot.rasa.speedups import (
    event_lookup,
    graph_runner,
    policy_states,
    schema_check,
)

# (The logistic-regression fast path went with Rasa's LogisticRegressionClassifier, which
# the pipeline no longer uses: bot.nlu.classifier, docs/decisions.md.)
_MODULES = (schema_check, event_lookup, graph_runner, policy_states)


def apply() -> None:
    for module in _MODULES:
        module.apply()


def unapply() -> None:
    """Rasa's originals again (for before/after measurements, tools.profile_turns)."""
    for module in _MODULES:
        module.unapply()


apply()
