"""tools.cpu_usage: which process is what, and CPU seconds per kind between readings."""

from __future__ import annotations

import os
import subprocess
import sys

from tools.cpu_usage import Reading, describe, kind_of, per_kind, snapshot

PY = "/srv/.venv/bin/python"


def test_the_stack_s_processes_are_told_apart():
    own = os.getpid()
    assert kind_of([PY, "-m", "bot.rasa.server", "run", "--port", "5105"], 1, own) == "rasa"
    assert kind_of(["/usr/bin/rasa", "run", "--port", "5006"], 1, own) == "rasa"
    assert kind_of([PY, "-m", "rasa_sdk", "--actions", "actions"], 1, own) == "action server"
    action_server = [PY, "-m", "bot.rasa.action_server", "--port", "5055"]
    assert kind_of(action_server, 1, own) == "action server"
    assert kind_of(["postgres: 15/main: postgres kp 127.0.0.1(5) idle"], 1, own) == "postgresql"
    assert kind_of(["/usr/sbin/haproxy", "-f", "x.cfg"], 1, own) == "haproxy"
    assert kind_of(["redis-server 127.0.0.1:6379"], 1, own) == "redis"
    assert kind_of([PY, "-m", "bot.console"], 1, own) == "console"
    assert kind_of([PY, "-m", "tools.bench"], own, own) == "load generator"
    assert kind_of([], 1, own) == "other"
    assert kind_of([PY, "-m", "pytest", "tests"], 1, own) == "other"


def test_a_busy_process_shows_up_with_its_cpu_time():
    before = snapshot()
    with subprocess.Popen([sys.executable, "-c", "import sys, time\n"
                           "end = time.process_time() + 0.3\n"
                           "while time.process_time() < end: pass\n"
                           "print('done', flush=True); sys.stdin.read()"],
                          stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True) as busy:
        assert busy.stdout.readline().strip() == "done"
        after = snapshot()
        busy.stdin.close()
    assert busy.pid not in before and busy.pid in after
    assert after[busy.pid].kind == "other"
    assert 0.25 <= after[busy.pid].cpu_s < 5
    assert per_kind(before, after)["other"] >= after[busy.pid].cpu_s


def test_only_time_spent_between_the_readings_counts():
    before = {1: Reading("rasa", 10.0), 2: Reading("rasa", 5.0), 3: Reading("redis", 1.0),
              4: Reading("haproxy", 7.0)}
    after = {1: Reading("rasa", 10.5), 2: Reading("rasa", 5.25), 3: Reading("redis", 1.0),
             4: Reading("postgresql", 0.5),  # a new process got pid 4: all its time counts
             5: Reading("action server", 0.125)}  # started during the run
    spent = per_kind(before, after)
    assert spent == {"rasa": 0.75, "postgresql": 0.5, "action server": 0.125}
    assert list(spent) == ["rasa", "postgresql", "action server"]  # largest first
    text = describe(spent, 100)
    assert "13.8 ms in all processes" in text
    assert "rasa" in text and "7.5 ms" in text
    assert describe({}, 100) == "CPU per message: nothing measured"
