"""bot.launch.supervisor, the one supervisor of `make run` and `make run-prod`: it restarts a
service that dies (also when the dead process left a child holding its port), gives up
on one that keeps dying, rolls restarts one at a time and stops every process group."""

from __future__ import annotations

import os
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from backend_support import FAKE_BACKEND, backend, free_port

from bot.launch.supervisor import MAX_RESTARTS, Service, Supervisor, healthy
from bot.rasa.quiet_env import quiet_env


def get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode()


def test_supervisor_restarts_a_dead_service_and_gives_up_on_one_that_keeps_dying(tmp_path):
    port = free_port()
    supervisor = Supervisor([backend("web", port)], quiet_env(), log_dir=tmp_path)
    try:
        supervisor.start_all()
        assert supervisor.wait_ready(30) == []
        for _ in range(MAX_RESTARTS):
            supervisor.procs["web"].kill()
            supervisor.procs["web"].wait()
            assert supervisor.restart_exited() == ["web"]
        assert supervisor.wait_ready(30) == []
        supervisor.procs["web"].kill()
        supervisor.procs["web"].wait()
        with pytest.raises(RuntimeError, match="keeps stopping"):
            supervisor.restart_exited()
    finally:
        supervisor.stop_all()


def test_roll_restarts_one_at_a_time_with_the_refreshed_command(tmp_path):
    ports = (free_port(), free_port())
    generation = {"n": 1}

    def refresh(service: Service) -> Service:
        cmd = [*service.cmd[:-2], f"{service.name}-v{generation['n']}", service.cmd[-1]]
        return Service(service.name, cmd, service.health_url, service.describe)

    supervisor = Supervisor([backend("a", ports[0]), backend("b", ports[1])], quiet_env(),
                            log_dir=tmp_path, refresh=refresh)
    try:
        supervisor.start_all()
        assert supervisor.wait_ready(30) == []
        generation["n"] = 2
        old_pids = {name: proc.pid for name, proc in supervisor.procs.items()}
        supervisor.roll(["a", "b"], timeout=30)
        assert get(f"http://127.0.0.1:{ports[0]}/") == "backend a-v2"
        assert get(f"http://127.0.0.1:{ports[1]}/") == "backend b-v2"
        assert all(supervisor.procs[n].pid != pid for n, pid in old_pids.items())
    finally:
        supervisor.stop_all()
    for pid in old_pids.values():
        assert not Path(f"/proc/{pid}").exists() or _is_zombie(pid)


def _is_zombie(pid: int) -> bool:
    try:
        return " Z " in Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return True


def test_stop_all_ends_every_process_group(tmp_path):
    supervisor = Supervisor([backend("x", free_port())], quiet_env(), log_dir=tmp_path)
    supervisor.start_all()
    assert supervisor.wait_ready(30) == []
    pid = supervisor.procs["x"].pid
    supervisor.stop_all()
    with pytest.raises(ProcessLookupError):
        os.killpg(pid, 0)


# The service's process starts the server as its child and waits: killing only the
# parent (kill -9 of the process the supervisor started) leaves the child on the port.
PARENT_OF_BACKEND = (
    "import subprocess, sys\n"
    "subprocess.run([sys.executable, '-c', sys.argv[1], sys.argv[2], sys.argv[3]])\n"
)


def test_a_restart_first_ends_what_the_dead_service_left_on_its_port(tmp_path):
    port = free_port()
    service = Service("web", [sys.executable, "-c", PARENT_OF_BACKEND, FAKE_BACKEND, "web",
                              str(port)], f"http://127.0.0.1:{port}/", "web")
    supervisor = Supervisor([service], quiet_env(), log_dir=tmp_path)
    try:
        supervisor.start_all()
        assert supervisor.wait_ready(30) == []
        old = supervisor.procs["web"]
        old.kill()
        old.wait()
        assert healthy(service.health_url), "the orphaned child still answers"
        assert supervisor.restart_exited() == ["web"]
        time.sleep(3)  # long enough for a new server that finds the port taken to give up
        assert supervisor.exited() == [], "the new server could not get the port"
        assert supervisor.wait_ready(30) == []
    finally:
        supervisor.stop_all()
