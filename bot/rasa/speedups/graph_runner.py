"""Run the model's prediction graph in plain topological order instead of through dask.

Rasa runs its model graph (NLU pipeline, policies) with dask's synchronous
scheduler on every message and every prediction: 3 to 4 runs per message. For
graphs of 5 to 10 nodes that are run one node after the other anyway, dask's
per-run work (building the dask graph, ordering it, its task state machine)
cost about 10 % of a turn's CPU (cProfile of ``tools.profile_turns``,
2026-11-23). We compute the order once per set of targets and call the same
``GraphNode`` objects with the same inputs: what dask does for this graph
shape, minus the scheduler.

Scope: only the runner Rasa's ``MessageProcessor`` loads for prediction (its
module-level ``DaskGraphRunner`` name is swapped for the subclass below).
Training keeps dask. Exactly as in Rasa's runner: inputs become ``(name,
value)`` tuples, an input named like a node replaces that node, a string input
equal to a node or earlier input name is refused, a need that is neither a node
nor an input is passed on as its name (``GraphNode`` then reports it), and a
``RuntimeError`` becomes ``GraphRunError``.
"""

from __future__ import annotations

import logging
from typing import Any

import rasa.core.processor
from rasa.engine.exceptions import GraphRunError
from rasa.engine.graph import GraphNode
from rasa.engine.runner.dask import DaskGraphRunner

logger = logging.getLogger(__name__)

Plan = tuple[tuple[str, GraphNode, tuple[str, ...]], ...]


class SequentialGraphRunner(DaskGraphRunner):
    """``DaskGraphRunner`` with the same results, nodes called in topological order."""

    def _plan(self, targets: tuple[str, ...]) -> Plan:
        plans: dict[tuple[str, ...], Plan] = self.__dict__.setdefault("_plans", {})
        if targets not in plans:
            schema = self._graph_schema.minimal_graph_schema(list(targets))
            ordered: list[str] = []
            visiting: set[str] = set()

            def visit(name: str) -> None:
                if name in ordered or name not in schema.nodes:
                    return
                if name in visiting:
                    raise GraphRunError(f"The graph has a cycle through '{name}'.")
                visiting.add(name)
                for need in schema.nodes[name].needs.values():
                    visit(need)
                visiting.discard(name)
                ordered.append(name)

            for name in schema.nodes:
                visit(name)
            plans[targets] = tuple(
                (name, self._instantiated_nodes[name],
                 tuple(schema.nodes[name].needs.values()))
                for name in ordered)
        return plans[targets]

    def run(self, inputs: dict[str, Any] | None = None,
            targets: list[str] | None = None) -> dict[str, Any]:
        run_targets = targets if targets else self._graph_schema.target_names
        plan = self._plan(tuple(run_targets))
        known = {name for name, _, _ in plan}
        results: dict[str, Any] = {}
        for input_name, input_value in (inputs or {}).items():
            if isinstance(input_value, str) and input_value in known:
                raise GraphRunError(
                    f"Input value '{input_value}' clashes with a node name. Make sure "
                    f"that none of the input names passed to the `run` method are the "
                    f"same as node names in the graph schema.")
            known.add(input_name)
            results[input_name] = (input_name, input_value)
        try:
            for name, node, needs in plan:
                if name not in results:  # an input of the same name replaces the node
                    results[name] = node(*(results.get(need, need) for need in needs))
        except RuntimeError as error:
            raise GraphRunError("Error running runner.") from error
        return dict(results[target] for target in run_targets)  # KeyError as in dask


def apply() -> None:
    rasa.core.processor.DaskGraphRunner = SequentialGraphRunner  # type: ignore[misc]


def unapply() -> None:
    rasa.core.processor.DaskGraphRunner = DaskGraphRunner  # type: ignore[misc]
