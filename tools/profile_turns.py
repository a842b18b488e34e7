"""Deterministic per-message profile of one Rasa process (docs/benchmarks.md).

Loads the trained model in this process with ``rasa.core.agent`` (the stores
from ``endpoints.yml``), starts an action server on a free loopback port and
plays ``tools.bench``'s conversations ("hoi", a career topic, "wat kost dat
eigenlijk", "doei, bedankt") one message at a time. It reports measures that do
not depend on how busy the machine is:

- counts per message: action-server round trips, bytes sent to the action
  server (and how much of that is the domain), SQL statements, lock-store calls;
- the CPU time of this thread per message, and split over the stages of a turn
  by timers around Rasa's methods (``time.thread_time``: waiting for other
  processes is not counted, and other processes' work does not inflate it);
- the action server's CPU time per message (from /proc);
- with ``--pstats FILE`` a cProfile of one more round, for call counts.

``--no-speedups`` measures with Rasa's originals for the speedups Rasa looks up on
each call (schema check, event lookup, shared history replay); the two it takes
when the model is loaded (logistic regression, graph runner) stay: compare those
with ``tools.ab_turns``.

    .venv/bin/python -m tools.profile_turns --conversations 20
    TRACKER_STORE_URL=postgresql://... LOCK_STORE_URL=redis://.../15 \\
        .venv/bin/python -m tools.profile_turns --pstats /tmp/turns.pstats

Without ``TRACKER_STORE_URL`` the trackers go to a throwaway SQLite file.
Five warm-up conversations (every topic once) run before measuring.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import functools
import importlib
import inspect
import json
import os
import pstats
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from collections import Counter
from collections.abc import Awaitable, Callable
from contextlib import suppress
from pathlib import Path
from typing import Any

from bot.nlu.train import latest_model
from bot.rasa.action_auth import ensure_token
from bot.rasa.quiet_env import quiet_env
from bot.settings import ROOT
from tools.bench import STEPS, script
from tools.cpu_usage import cpu_seconds

# (label, module, class, method): thread-CPU of each call is added to its label.
STAGES = [
    ("whole turn (Agent.handle_message)", "rasa.core.agent", "Agent", "handle_message"),
    ("tracker retrieve", "rasa.core.processor", "MessageProcessor",
     "fetch_tracker_and_update_session"),
    ("NLU (parse_message)", "rasa.core.processor", "MessageProcessor", "parse_message"),
    ("policy prediction", "rasa.core.processor", "MessageProcessor",
     "_predict_next_with_tracker"),
    ("custom actions (RemoteAction.run)", "rasa.core.actions.action", "RemoteAction", "run"),
    ("  payload (tracker + domain as dict)", "rasa.core.actions.action", "RemoteAction",
     "_action_call_format"),
    ("  HTTP request incl. JSON", "rasa.utils.endpoints", "EndpointConfig", "request"),
    ("  response validation (jsonschema)", "rasa.core.actions.action", "RemoteAction",
     "_validate_action_result"),
    ("tracker save", "rasa.core.processor", "MessageProcessor", "save_tracker"),
    ("events from JSON (Event.from_parameters, in retrieve and actions)",
     "rasa.shared.core.events", "Event", "from_parameters"),
]


class StageTimer:
    """Adds the thread-CPU time of each call of the STAGES methods to its label.

    ``time.thread_time`` counts only this thread's CPU: waiting for the action
    server, PostgreSQL or Redis costs nothing, and a busy machine does not
    inflate it. Turns are played one after another, so while a stage awaits,
    nothing else of ours runs. Nested stages are included in their parents.
    """

    def __init__(self) -> None:
        self.seconds: Counter[str] = Counter()
        self.nodes: Counter[str] = Counter()

    def install(self) -> None:
        for label, module, owner_name, method in STAGES:
            owner = getattr(importlib.import_module(module), owner_name)
            original = inspect.getattr_static(owner, method)
            is_static = isinstance(original, staticmethod)
            function = original.__func__ if is_static else original
            wrapped = self._timed(label, function)
            setattr(owner, method, staticmethod(wrapped) if is_static else wrapped)

        # Each component of the model graph (spaCy, featurizers, classifiers, policies).
        from rasa.engine.graph import GraphNode

        original_call = GraphNode.__call__
        nodes = self.nodes

        def timed_node(node: GraphNode, *args: Any, **kwargs: Any) -> Any:
            started = time.thread_time()
            try:
                return original_call(node, *args, **kwargs)
            finally:
                nodes[node._node_name] += time.thread_time() - started

        GraphNode.__call__ = timed_node  # type: ignore[method-assign]

    def _timed(self, label: str, function: Any) -> Any:
        seconds = self.seconds
        if inspect.iscoroutinefunction(function):
            @functools.wraps(function)
            async def timed_coroutine(*args: Any, **kwargs: Any) -> Any:
                started = time.thread_time()
                try:
                    return await function(*args, **kwargs)
                finally:
                    seconds[label] += time.thread_time() - started
            return timed_coroutine

        @functools.wraps(function)
        def timed(*args: Any, **kwargs: Any) -> Any:
            started = time.thread_time()
            try:
                return function(*args, **kwargs)
            finally:
                seconds[label] += time.thread_time() - started
        return timed


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_action_server(port: int) -> subprocess.Popen[bytes]:
    process = subprocess.Popen(
        [sys.executable, "-m", "bot.rasa.action_server", "--actions", "actions",
         "--port", str(port)],
        cwd=ROOT, env=quiet_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        with suppress(OSError):
            urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=1).close()
            return process
        time.sleep(0.3)
    process.kill()
    raise RuntimeError("action server did not start")


class Counts:
    """Action-server calls, their payload and SQL statements, by instrumentation."""

    def __init__(self) -> None:
        self.counter: Counter[str] = Counter()

    def instrument(self, agent: Any) -> None:
        from rasa.utils.endpoints import EndpointConfig
        from sqlalchemy import event

        original = EndpointConfig.request
        counter = self.counter

        async def counted_request(endpoint: Any, *args: Any, **kwargs: Any) -> Any:
            body = kwargs.get("json") or {}
            counter["action calls"] += 1
            counter["action bytes"] += len(json.dumps(body))
            counter["action domain bytes"] += len(json.dumps(body.get("domain", {})))
            counter["action tracker events"] += len(body.get("tracker", {}).get("events", []))
            return await original(endpoint, *args, **kwargs)

        EndpointConfig.request = counted_request  # type: ignore[method-assign]
        store = getattr(agent.tracker_store, "_tracker_store", agent.tracker_store)  # FailSafe
        engine = getattr(store, "engine", None)
        if engine is not None:
            event.listen(engine, "before_cursor_execute",
                         lambda *a, **k: counter.update({"SQL statements": 1}))
        lock_store = agent.lock_store
        for name in ("issue_ticket", "finish_serving", "update_lock", "cleanup", "get_lock",
                     "save_lock", "delete_lock"):
            if hasattr(lock_store, name):
                setattr(lock_store, name, self._counting(getattr(lock_store, name)))

    def _counting(self, method: Any) -> Any:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            self.counter["lock-store calls"] += 1
            return method(*args, **kwargs)
        return wrapper


async def play(agent: Any, conversations: int, tag: str, repeat: int = 1,
               round_cpu: list[float] | None = None) -> int:
    """Play the conversations (each script ``repeat`` times by one sender); count messages.

    ``round_cpu[k]`` gets this thread's CPU seconds of the k-th repetition (all senders).
    """
    from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

    messages = 0
    for number in range(conversations):
        sender = f"profile-{tag}-{number}"
        for round_number in range(repeat):
            started = time.thread_time()
            for _, text in script(number):
                output = CollectingOutputChannel()
                await agent.handle_message(UserMessage(text, output, sender))
                if not output.messages:
                    raise RuntimeError(f"no reply in conversation {number}")
                messages += 1
            if round_cpu is not None:
                round_cpu[round_number] += time.thread_time() - started
    return messages


async def load_measured_agent() -> tuple[Any, Path]:
    """The latest model with the stores of endpoints.yml, logging as `rasa run` sets it."""
    from rasa.core.agent import load_agent
    from rasa.core.utils import AvailableEndpoints
    from rasa.utils.common import configure_logging_and_warnings
    from rasa.utils.log_utils import configure_structlog

    # Log levels as `rasa run` sets them (INFO unless LOG_LEVEL says otherwise).
    configure_logging_and_warnings(None, warn_only_once=True, filter_repeated_logs=True)
    configure_structlog(None)
    model = latest_model()
    if model is None:
        raise SystemExit("no trained model in models/ (make train)")
    endpoints = AvailableEndpoints.read_endpoints(str(ROOT / "endpoints.yml"))
    return await load_agent(model_path=str(model), endpoints=endpoints), model


def run_with_action_server(job: Callable[[int], Awaitable[str]], db_name: str) -> str:
    """Run ``job(action_server_pid)`` with an action server on a free loopback port and,
    unless TRACKER_STORE_URL says otherwise, a throwaway SQLite tracker store."""
    port = free_port()
    ensure_token(os.environ)  # for the action server and the agent's endpoints.yml alike
    server = start_action_server(port)
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["ACTIONS_PORT"] = str(port)
        os.environ.setdefault("TRACKER_STORE_URL", f"sqlite:///{tmp}/{db_name}")
        try:
            return asyncio.run(job(server.pid))
        finally:
            server.terminate()
            server.wait(timeout=30)


async def profile(conversations: int, repeat: int, server_pid: int,
                  pstats_path: Path | None, speedups: bool) -> str:
    agent, model = await load_measured_agent()
    if not speedups:  # loading the stores applied them (bot.rasa.stores imports the module)
        import bot.rasa.speedups

        bot.rasa.speedups.unapply()
    tag = uuid.uuid4().hex[:8]
    await play(agent, 5, "warmup-" + tag)  # every topic once
    round_cpu = [0.0] * repeat
    plain_messages = await play(agent, conversations, "plain-" + tag, repeat, round_cpu)
    plain_cpu = sum(round_cpu) / plain_messages
    timer = StageTimer()
    timer.install()
    counts = Counts()  # outside the timers; its json.dumps costs ~0.1 ms a message
    counts.instrument(agent)
    server_before = cpu_seconds(server_pid) or 0.0
    messages = await play(agent, conversations, "timed-" + tag, repeat)
    server_cpu = (cpu_seconds(server_pid) or server_before) - server_before
    total = timer.seconds[STAGES[0][0]] or 1e-9
    lines = [f"model {model.name}; {conversations} conversations, {messages} messages; "
             f"tracker store {_store_name(agent)}; bot.rasa.speedups "
             + ("on" if speedups else "off"),
             f"Rasa thread CPU per message, no instrumentation: {plain_cpu * 1000:.1f} ms",
             ]
    if repeat > 1:  # does a turn cost more as the conversation's history grows?
        per_round = len(STEPS) * conversations
        lines.append("  by repetition of the script in the same conversation: " + ", ".join(
            f"{cpu / per_round * 1000:.1f}" for cpu in round_cpu) + " ms")
    lines.append("per message:")
    for key in ("action calls", "action bytes", "action domain bytes", "action tracker events",
                "SQL statements", "lock-store calls"):
        lines.append(f"  {key:<24} {counts.counter[key] / messages:10.1f}")
    lines.append(f"  {'action server CPU ms':<24} {server_cpu / messages * 1000:10.1f}"
                 " (from /proc, 10 ms ticks)")
    lines.append("Rasa thread CPU per message by stage (share of the whole turn):")
    for label, *_ in STAGES:
        seconds = timer.seconds[label]
        lines.append(f"  {label:<66} {seconds / messages * 1000:6.2f} ms {seconds / total:6.1%}")
    lines.append("Rasa thread CPU per message by model graph node (over 0.1 ms):")
    for node, seconds in timer.nodes.most_common():
        if seconds / messages >= 1e-4:
            lines.append(f"  {node:<66} {seconds / messages * 1000:6.2f} ms")
    if pstats_path:  # after the report: a third round under cProfile, for call counts and callers
        profiler = cProfile.Profile(time.thread_time)
        profiler.enable()
        await play(agent, conversations, "profiled-" + tag, repeat)
        profiler.disable()
        pstats.Stats(profiler).dump_stats(str(pstats_path))
    return "\n".join(lines)


def _store_name(agent: Any) -> str:
    store = getattr(agent.tracker_store, "_tracker_store", agent.tracker_store)
    engine = getattr(store, "engine", None)
    return f"{type(store).__name__} ({engine.dialect.name})" if engine else type(store).__name__


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.profile_turns", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--conversations", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=1,
                        help="play each conversation's script this many times (history growth)")
    parser.add_argument("--pstats", type=Path, default=None, help="also write the raw profile")
    parser.add_argument("--no-speedups", action="store_true",
                        help="measure with Rasa's originals instead of bot.rasa.speedups")
    args = parser.parse_args(argv)
    print(run_with_action_server(
        lambda pid: profile(args.conversations, args.repeat, pid, args.pstats,
                            not args.no_speedups), "profile.db"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
