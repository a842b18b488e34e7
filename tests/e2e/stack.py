"""Run the real Koffiepraat processes (action server, Rasa) for end-to-end tests.

Each stack gets free ports and its own throwaway databases, and records the
processes' output so tests can check that no personal data reaches the logs.
"""

from __future__ import annotations

import json
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.channels.registry import write_credentials
from bot.launch.process_groups import stop_groups
from bot.rasa.quiet_env import quiet_env
from bot.settings import ROOT

START_TIMEOUT_S = 300.0  # model load; slow on a busy 2-core machine


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_http(url: str, timeout: float, procs: list[subprocess.Popen[bytes]]) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for proc in procs:
            if proc.poll() is not None:
                raise RuntimeError(f"process exited early with {proc.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except (urllib.error.URLError, OSError):
            time.sleep(0.5)
    raise TimeoutError(url)


@dataclass
class Stack:
    workdir: Path
    model: Path
    extra_env: dict[str, str] = field(default_factory=dict)
    rasa_port: int = 0
    actions_port: int = 0
    # Shared by Rasa (endpoints.yml sends it) and the action server (checks it).
    action_token: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    procs: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)

    @property
    def env(self) -> dict[str, str]:
        env = quiet_env()
        env.update({
            "ACTIONS_PORT": str(self.actions_port),
            "ACTION_SERVER_TOKEN": self.action_token,
            "RASA_PORT": str(self.rasa_port),
            "TRACKER_STORE_URL": f"sqlite:///{self.workdir / 'rasa.db'}",
            "TICKETS_DB_URL": f"sqlite:///{self.workdir / 'tickets.db'}",
            "TICKETS_SENDER_KEY_SECRET": "e2e-test-secret",
            # Its own handover spool: never drain a developer's var/handover_spool.db.
            "HANDOVER_SPOOL_PATH": str(self.workdir / "handover_spool.db"),
            "PYTHONUNBUFFERED": "1",
        })
        env.update(self.extra_env)
        return env

    def log_path(self, name: str) -> Path:
        return self.workdir / f"{name}.log"

    def start_actions(self) -> None:
        self.actions_port = self.actions_port or free_port()
        self._spawn("actions", [sys.executable, "-m", "bot.rasa.action_server",
                                "--actions", "actions", "--port", str(self.actions_port)])
        wait_http(f"http://127.0.0.1:{self.actions_port}/health", START_TIMEOUT_S,
                  list(self.procs.values()))

    def start_rasa(self) -> None:
        self.rasa_port = self.rasa_port or free_port()
        credentials = write_credentials(self.env, self.workdir / "credentials.yml")
        self._spawn("rasa", [
            sys.executable, "-m", "rasa", "run", "--model", str(self.model),
            "--endpoints", str(ROOT / "endpoints.yml"), "--credentials", str(credentials),
            "--port", str(self.rasa_port), "--interface", "127.0.0.1",
        ])
        wait_http(f"http://127.0.0.1:{self.rasa_port}/", START_TIMEOUT_S,
                  list(self.procs.values()))

    def _spawn(self, name: str, cmd: list[str]) -> None:
        log = self.log_path(name).open("ab")
        self.procs[name] = subprocess.Popen(
            cmd, cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True)

    def stop(self, name: str) -> None:
        proc = self.procs.pop(name, None)
        if proc:
            stop_groups([proc], grace_s=20)

    def stop_all(self) -> None:
        for name in list(self.procs):
            self.stop(name)

    def say(self, sender: str, message: str) -> list[dict[str, Any]]:
        """One message through the REST channel; the bot's replies."""
        body = json.dumps({"sender": sender, "message": message}).encode()
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.rasa_port}/webhooks/rest/webhook", data=body,
            headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=60) as response:
            return json.loads(response.read())


@contextmanager
def running_stack(workdir: Path, model: Path, extra_env: dict[str, str]) -> Iterator[Stack]:
    """Action server and Rasa started; both stopped afterwards, also when a start fails."""
    running = Stack(workdir, model, extra_env=extra_env)
    try:
        running.start_actions()
        running.start_rasa()
        yield running
    finally:
        running.stop_all()


def said_one_of(reply: str, options: list[str]) -> bool:
    """Whether a reply contains one variation of a response (the text before any
    {placeholder}, at most 40 characters, is enough to recognise it)."""
    return any(option.split("{")[0].strip()[:40] in reply for option in options)


def texts(replies: list[dict[str, Any]]) -> str:
    return "\n".join(r.get("text", "") for r in replies)


def buttons(replies: list[dict[str, Any]]) -> list[dict[str, str]]:
    return [b for r in replies for b in r.get("buttons", [])]
