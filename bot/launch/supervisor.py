"""Start, watch, restart and stop the services of both profiles: ``make run``
(``bot.launch.run``: one Rasa process) and ``make run-prod`` (``bot.prod``: several
behind HAProxy).

Every service runs in its own process group so a stop reaches its children.
A service that dies is started again (Rasa reloads its model and picks up the
conversations from its tracker store); one that keeps dying stops the whole profile.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from bot.launch.process_groups import stop_groups
from bot.settings import ROOT

STOP_GRACE_S = 15.0
MAX_RESTARTS = 5
RESTART_WINDOW_S = 600.0


@dataclass(frozen=True)
class Service:
    """One process of a profile: its command line, health URL and the line printed for it."""

    name: str
    cmd: list[str]
    health_url: str  # empty: no HTTP endpoint (the worker); its process must stay up
    describe: str


def healthy(url: str) -> bool:
    """The one health check of both profiles: the service's health URL answers 200."""
    try:
        with urllib.request.urlopen(url, timeout=2) as response:  # loopback health URL
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


@dataclass
class Supervisor:
    services: list[Service]
    env: Mapping[str, str]
    log_dir: Path | None = None  # None: the services write to our stdout/stderr
    procs: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)
    restarts: dict[str, list[float]] = field(default_factory=dict)
    # Rebuilds a service before each (re)start, e.g. to pick up the newest model.
    refresh: Callable[[Service], Service] | None = None

    def service(self, name: str) -> Service:
        return next(s for s in self.services if s.name == name)

    def start(self, name: str) -> None:
        service = self.service(name)
        if self.refresh is not None:
            service = self.refresh(service)
            self.services = [service if s.name == name else s for s in self.services]
        output = None
        if self.log_dir is not None:
            self.log_dir.mkdir(parents=True, exist_ok=True)
            output = (self.log_dir / f"{name}.log").open("ab")
        try:
            self.procs[name] = subprocess.Popen(
                service.cmd, cwd=ROOT, env=dict(self.env), stdout=output,
                stderr=subprocess.STDOUT if output else None, start_new_session=True)
        finally:
            if output is not None:
                output.close()  # the child holds its own descriptor

    def start_all(self) -> None:
        for service in self.services:
            self.start(service.name)

    def stop(self, name: str, sig: signal.Signals = signal.SIGTERM) -> None:
        self._stop([name], sig)

    def stop_all(self) -> None:
        # The entry point first, so no request reaches a process that is going away.
        order = [s.name for s in self.services]
        if "lb" in order:
            order.remove("lb")
            order.insert(0, "lb")
        self._stop(order, signal.SIGTERM)

    def _stop(self, names: Iterable[str], sig: signal.Signals) -> None:
        stop_groups([self.procs.pop(n) for n in names if n in self.procs], STOP_GRACE_S, sig)

    def pending(self, names: Iterable[str] | None = None) -> list[str]:
        """Services (of ``names``, default all) that are not healthy yet."""
        wanted = [self.service(n) for n in names] if names else self.services
        return [s.name for s in wanted if s.health_url and not healthy(s.health_url)]

    def wait_ready(self, timeout: float, names: Iterable[str] | None = None) -> list[str]:
        """Wait until healthy; the names still pending at the timeout ([] when all are up).

        Raises RuntimeError when a service exits while we wait.
        """
        names = list(names or [s.name for s in self.services])
        deadline = time.monotonic() + timeout
        pending = self.pending(names)
        while pending and time.monotonic() < deadline:
            dead = self.exited(names)
            if dead:
                raise RuntimeError(f"{', '.join(dead)} stopped during start-up")
            time.sleep(1)
            pending = self.pending(names)
        return pending

    def exited(self, names: Iterable[str] | None = None) -> list[str]:
        names = list(names or self.procs)
        return [n for n in names if n in self.procs and self.procs[n].poll() is not None]

    def restart_exited(self) -> list[str]:
        """Start services that died again; raises RuntimeError when one keeps dying."""
        now = time.monotonic()
        restarted = []
        for name in self.exited():
            recent = [t for t in self.restarts.get(name, []) if now - t < RESTART_WINDOW_S]
            if len(recent) >= MAX_RESTARTS:
                raise RuntimeError(f"{name} keeps stopping ({MAX_RESTARTS} restarts)")
            self.restarts[name] = [*recent, now]
            _kill_leftovers(self.procs.pop(name))
            self.start(name)
            restarted.append(name)
        return restarted

    def roll(self, names: Iterable[str], timeout: float) -> None:
        """Restart ``names`` one at a time, each healthy before the next goes down.

        With two or more Rasa processes behind HAProxy no conversation notices:
        the load balancer sends new requests to the others meanwhile.
        """
        for name in names:
            self.stop(name)
            self.start(name)
            pending = self.wait_ready(timeout, [name])
            if pending:
                raise RuntimeError(f"{name} did not come back within {timeout:.0f} s")


def _kill_leftovers(dead: subprocess.Popen[bytes]) -> None:
    """Kill what a dead service left in its process group (a child could hold its port)."""
    with contextlib.suppress(ProcessLookupError, PermissionError):  # empty: nothing left
        os.killpg(dead.pid, signal.SIGKILL)
