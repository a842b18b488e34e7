"""bot.rasa.speedups.graph_runner: the same results as Rasa's dask runner, without dask.

First on small graphs built here (every rule of Rasa's runner: inputs, a node
replaced by an input, name clashes, unresolved needs, errors), then on the
trained model: the same parses and the same predictions, turn by turn.
"""

from __future__ import annotations

from typing import Any

import pytest
import rasa.core.processor
from rasa.engine.graph import ExecutionContext, GraphComponent, GraphSchema, SchemaNode
from rasa.engine.runner.dask import DaskGraphRunner
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.shared.core.events import ActionExecuted, SessionStarted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from trained_agent import trained_agent

from bot.rasa.speedups import graph_runner
from bot.rasa.speedups.graph_runner import SequentialGraphRunner

CALLS: list[str] = []


class Add(GraphComponent):
    """Adds its inputs; records each call, so tests can count node runs."""

    @classmethod
    def create(cls, config: dict[str, Any], model_storage: Any, resource: Any,
               execution_context: ExecutionContext, **kwargs: Any) -> Add:
        component = cls()
        component.name = execution_context.node_name
        return component

    def add(self, **numbers: int) -> int:
        CALLS.append(self.name)
        return sum(numbers.values()) + 1


class Fail(Add):
    def add(self, **numbers: int) -> int:
        raise RuntimeError("kapot")


def _node(needs: dict[str, str], uses: type = Add, is_target: bool = False) -> SchemaNode:
    return SchemaNode(needs=needs, uses=uses, constructor_name="create", fn="add", config={},
                      is_target=is_target)


def _schema(fail: bool = False) -> GraphSchema:
    # Diamond plus a side branch: a, b <- a, c <- a, d <- (b, c, input x), e <- b (unused by d).
    return GraphSchema({
        "a": _node({}),
        "b": _node({"n": "a"}),
        "c": _node({"n": "a"}, Fail if fail else Add),
        "d": _node({"p": "b", "q": "c", "r": "__x__"}, is_target=True),
        "e": _node({"n": "b"}, is_target=True),
    })


def _runners(tmp_path: Any, schema: GraphSchema) -> tuple[DaskGraphRunner, SequentialGraphRunner]:
    storage = LocalModelStorage(tmp_path)
    context = ExecutionContext(schema, "test")
    return (DaskGraphRunner(schema, storage, context),
            SequentialGraphRunner(schema, storage, context))


def _outcome(runner: DaskGraphRunner, **kwargs: Any) -> tuple[str, Any, list[str]]:
    CALLS.clear()
    try:
        result = ("ok", runner.run(**kwargs))
    except Exception as error:  # compare the kind and the message of any failure
        cause = error.__cause__
        result = (type(error).__name__, f"{error} / {type(cause).__name__}: {cause}")
    return (*result, sorted(CALLS))


@pytest.mark.parametrize("kwargs", [
    {"inputs": {"__x__": 10}},                          # all targets
    {"inputs": {"__x__": 10}, "targets": ["d"]},
    {"inputs": {"__x__": 10}, "targets": ["e", "b"]},
    {"inputs": {"__x__": 10, "b": 100}, "targets": ["d"]},  # an input replaces node b
    {"inputs": {"__x__": "a"}, "targets": ["d"]},       # a string input naming a node: refused
    {"inputs": {"y": 1, "__x__": "y"}, "targets": ["d"]},  # ... or naming an earlier input
    {"targets": ["d"]},                                 # the input is missing
    {"inputs": {"__x__": [1, 2]}, "targets": ["__x__"]},  # an input as the target
    {"inputs": {"__x__": 10}, "targets": ["nope"]},     # no such node
])
def test_small_graphs_give_what_dask_gives(tmp_path, kwargs):
    dask_runner, sequential = _runners(tmp_path, _schema())
    expected = _outcome(dask_runner, **kwargs)
    assert _outcome(sequential, **kwargs) == expected
    assert _outcome(sequential, **kwargs) == expected  # again, from the cached plan


def test_results_are_right_not_only_equal(tmp_path):
    _, sequential = _runners(tmp_path, _schema())
    result = sequential.run(inputs={"__x__": 10}, targets=["d", "e"])
    # a=1, b=2, c=2, d=2+2+10+1=15, e=3; each node ran once although b feeds d and e.
    assert result == {"d": 15, "e": 3}
    assert sorted(CALLS) == ["a", "b", "c", "d", "e"]


def test_a_failing_node_fails_the_run_as_with_dask(tmp_path):
    dask_runner, sequential = _runners(tmp_path, _schema(fail=True))
    expected = _outcome(dask_runner, inputs={"__x__": 1}, targets=["d"])
    assert expected[0] != "ok"
    assert _outcome(sequential, inputs={"__x__": 1}, targets=["d"])[:2] == expected[:2]


def test_only_the_prediction_runner_is_replaced():
    assert rasa.core.processor.DaskGraphRunner is SequentialGraphRunner
    graph_runner.unapply()
    try:
        assert rasa.core.processor.DaskGraphRunner is DaskGraphRunner
    finally:
        graph_runner.apply()
    from rasa import model_training

    assert model_training.DaskGraphRunner is DaskGraphRunner  # training keeps dask


TEXTS = ["hoi", "mijn contract wordt niet verlengd", "ik ga over 3 jaar met pensioen",
         "wat kost dat eigenlijk", "ja graag", "nee dank je", "ik zit vast in mijn werk",
         "er komt een reorganisatie", "🙂", "wat is het weer morgen", "doei, bedankt"]


async def test_the_trained_model_parses_and_predicts_as_with_dask():
    from rasa.core.agent import Agent

    from bot.nlu.train import latest_model

    fast = trained_agent()  # loaded with the runner applied, as served; only read here
    graph_runner.unapply()
    try:
        original = Agent.load(str(latest_model()))
    finally:
        graph_runner.apply()
    assert type(fast.processor.graph_runner) is SequentialGraphRunner
    assert type(original.processor.graph_runner) is DaskGraphRunner

    slots = fast.domain.slots
    events: list[Any] = [ActionExecuted("action_session_start"), SessionStarted(),
                         ActionExecuted("action_listen")]
    predictions = 0
    for text in TEXTS:
        parsed = await fast.parse_message(text)
        assert parsed == await original.parse_message(text)
        events.append(UserUttered(text, parsed["intent"], parsed["entities"], parsed))
        for _ in range(10):  # follow the predicted actions until the bot listens
            got = [agent.processor._predict_next_with_tracker(
                DialogueStateTracker.from_events("kp", list(events), slots))
                for agent in (fast, original)]
            assert got[0] == got[1]
            predictions += 1
            action = fast.domain.action_names_or_texts[got[0].max_confidence_index]
            events.append(ActionExecuted(action, policy=got[0].policy_name,
                                         confidence=got[0].max_confidence))
            if action == "action_listen":
                break
    assert predictions > len(TEXTS)  # not only action_listen: real turns were compared
