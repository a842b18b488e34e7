"""`python -m bot.console` starts from the environment alone (as `make run` does)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str, headers: dict[str, str] | None = None) -> tuple[int, str]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310 (loopback)
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def test_module_entry_point_serves_health_login_and_api(tmp_path):
    port = free_port()
    env = {
        **os.environ,
        "TICKETS_DB_URL": f"sqlite:///{tmp_path / 'run.db'}",
        "CONSOLE_PORT": str(port),
        "CONSOLE_API_TOKEN": "run-token",
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "bot.console"], cwd=REPO, env=env,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60  # start-up allowance, not a speed check
        while True:
            try:
                status, body = fetch(f"{base}/healthz")
                break
            except OSError:
                assert process.poll() is None, process.stdout.read()
                assert time.monotonic() < deadline, "console did not start"
                time.sleep(0.2)
        assert (status, body) == (200, '{"status": "ok"}')
        assert fetch(f"{base}/login")[0] == 200
        assert fetch(f"{base}/api/tickets")[0] == 401
        status, body = fetch(f"{base}/api/tickets", {"Authorization": "Bearer run-token"})
        assert (status, body) == (200, '{"tickets": [], "next": null}')
    finally:
        process.terminate()
        output, _ = process.communicate(timeout=30)
    assert f"console: http://127.0.0.1:{port}/" in output
    assert "no consultant accounts yet" in output
