"""Interleaved A/B of one speed change: Rasa CPU per message with it and without it.

On shared virtual cores the same benchmark repeated drifts by ±30 %, far more
than most single changes are worth. This loads the model once, then alternates
rounds with the change on and off (A B, B A, A B, ...) in the same process and
reports the median CPU time of this thread per message for each (the same
measure as ``tools.profile_turns``): drift hits both alike.

Changes that can be switched on a loaded agent:

- ``graph_runner``: bot.rasa.speedups.graph_runner vs Rasa's dask runner;
- ``tracker_sql``: bot.rasa.tracker_sql's statements vs Rasa's ORM code (use a
  PostgreSQL ``TRACKER_STORE_URL`` to measure what production sees);
- ``policy_states``: one shared replay of the history per prediction vs one per
  policy call (``--repeat 8``: long conversations, where it matters most).

    .venv/bin/python -m tools.ab_turns graph_runner --rounds 20
    .venv/bin/python -m tools.ab_turns policy_states --rounds 6 --repeat 8
    .venv/bin/python -m tools.ab_turns graph_runner --model-only --rounds 30
    TRACKER_STORE_URL=postgresql://.../db .venv/bin/python -m tools.ab_turns tracker_sql

Whole turns include the tracker store, the action server and Rasa's bookkeeping;
on this machine their rounds spread over several ms, so ``--model-only`` (NLU
and predictions on fixed inputs) resolves changes to the model graph better.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import uuid
from collections.abc import Callable
from typing import Any

from tools.bench import script
from tools.profile_turns import load_measured_agent, play, run_with_action_server


def _switch_graph_runner(agent: Any) -> Callable[[bool], None]:
    from rasa.engine.runner.dask import DaskGraphRunner

    from bot.rasa.speedups.graph_runner import SequentialGraphRunner

    runner = agent.processor.graph_runner

    def switch(on: bool) -> None:
        runner.__class__ = SequentialGraphRunner if on else DaskGraphRunner
    return switch


def _switch_tracker_sql(agent: Any) -> Callable[[bool], None]:
    from rasa.core.tracker_store import SQLTrackerStore

    from bot.rasa.stores import UrlSQLTrackerStore

    class RasaOrm(UrlSQLTrackerStore):
        _retrieve = SQLTrackerStore._retrieve
        save = SQLTrackerStore.save

    store = getattr(agent.tracker_store, "_tracker_store", agent.tracker_store)  # FailSafe
    if not isinstance(store, UrlSQLTrackerStore):
        raise SystemExit(f"tracker_sql needs bot.rasa.stores.UrlSQLTrackerStore, not {type(store)}")

    def switch(on: bool) -> None:
        store.__class__ = UrlSQLTrackerStore if on else RasaOrm
    return switch


def _switch_policy_states(agent: Any) -> Callable[[bool], None]:
    from bot.rasa.speedups import policy_states

    def switch(on: bool) -> None:
        policy_states.apply() if on else policy_states.unapply()
    return switch


SWITCHES = {"graph_runner": _switch_graph_runner, "tracker_sql": _switch_tracker_sql,
            "policy_states": _switch_policy_states}


async def _model_only_round(agent: Any) -> int:
    """NLU and policies only (no store, no action server, no HTTP): each script's four
    messages parsed, and two predictions on a fixed tracker per message, as in a turn."""
    from rasa.shared.core.events import ActionExecuted, UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    parsed = await agent.parse_message("ik zit vast in mijn werk")
    tracker = DialogueStateTracker.from_events("ab", [
        ActionExecuted("action_listen"),
        UserUttered(parsed["text"], parsed["intent"], parsed["entities"], parsed)],
        agent.domain.slots)
    messages = 0
    for number in range(5):
        for _, text in script(number):
            await agent.parse_message(text)
            agent.processor._predict_next_with_tracker(tracker)
            agent.processor._predict_next_with_tracker(tracker)
            messages += 1
    return messages


async def compare(change: str, rounds: int, conversations: int, repeat: int = 1,
                  model_only: bool = False) -> str:
    agent, model = await load_measured_agent()
    switch = SWITCHES[change](agent)
    tag = uuid.uuid4().hex[:8]
    await play(agent, 5, "warmup-" + tag)
    per_message: dict[bool, list[float]] = {True: [], False: []}
    for number in range(rounds):
        for on in ((True, False) if number % 2 == 0 else (False, True)):
            switch(on)
            started = time.thread_time()
            messages = (await _model_only_round(agent) if model_only else
                        await play(agent, conversations, f"ab-{tag}-{number}-{on}", repeat))
            per_message[on].append((time.thread_time() - started) / messages * 1000)
    switch(True)
    with_change, without = (statistics.median(per_message[on]) for on in (True, False))
    what = ("20 messages parsed and 40 predictions (model only)" if model_only else
            f"{conversations} conversations ({repeat * 4} messages each)")
    return (f"{change}: {rounds} interleaved rounds of {what} each way; model {model.name}\n"
            f"Rasa thread CPU per message, median: {without:.2f} ms without, "
            f"{with_change:.2f} ms with ({with_change - without:+.2f} ms, "
            f"{(with_change - without) / without:+.1%}); spread of the rounds: "
            f"{_spread(per_message[False])} without, {_spread(per_message[True])} with")


def _spread(values: list[float]) -> str:
    """Lowest and highest round: a difference smaller than this is noise."""
    return f"{min(values):.1f}-{max(values):.1f} ms"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.ab_turns", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("change", choices=sorted(SWITCHES))
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--conversations", type=int, default=5, help="per round and side")
    parser.add_argument("--repeat", type=int, default=1,
                        help="play each conversation's script this many times (long histories)")
    parser.add_argument("--model-only", action="store_true",
                        help="time only NLU and policies (less noise than whole turns)")
    args = parser.parse_args(argv)
    print(run_with_action_server(
        lambda _pid: compare(args.change, args.rounds, args.conversations, args.repeat,
                             args.model_only), "ab.db"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
