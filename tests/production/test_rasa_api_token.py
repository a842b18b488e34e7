"""Rasa's HTTP API (trackers, events, model swaps) is never open without a token.

``make run`` (bot.launch.run) and the production profile (bot.prod) start Rasa through
``bot.rasa.server``, which adds ``--enable-api --auth-token`` only when
RASA_API_TOKEN is set, inside the process: the token is in no command line and
no output. The last test starts one real Rasa with a token (about a CPU-minute)
and checks 401 without the token and 200 with it; test_prod_stack.py checks
that the API is absent (404) on a stack without a token.
"""

from __future__ import annotations

import json
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from prod_http import free_port, wait_http

from bot.channels.registry import write_credentials
from bot.launch import run
from bot.launch.process_groups import stop_groups
from bot.nlu.train import latest_model
from bot.prod.prod_settings import ProdConfig
from bot.prod.services import all_services, rasa_service
from bot.rasa.action_auth import ensure_token
from bot.rasa.quiet_env import quiet_env
from bot.rasa.server import UnsafeArguments, rasa_arguments
from bot.settings import ROOT, Settings

TOKEN = "rasa-api-token-7c1f9e2b"  # noqa: S105 - a test value
STORES = {
    "TRACKER_STORE_URL": "postgresql://koffie:geheim@db:5432/rasa",
    "TICKETS_DB_URL": "postgresql://koffie:geheim@db:5432/tickets",
    "LOCK_STORE_URL": "redis://cache:6379/0",
}


def test_the_launcher_adds_the_api_flags_only_with_a_token():
    argv = ["run", "--model", "m.tar.gz", "--port", "5005"]
    assert rasa_arguments(argv, {}) == argv
    assert rasa_arguments(argv, {"RASA_API_TOKEN": "  "}) == argv
    assert rasa_arguments(argv, {"RASA_API_TOKEN": f" {TOKEN} "}) == [
        *argv, "--enable-api", "--auth-token", TOKEN]


@pytest.mark.parametrize("extra", [["--enable-api"], ["--auth-token", TOKEN],
                                   [f"--auth-token={TOKEN}"]])
def test_the_launcher_refuses_api_flags_on_its_command_line(extra):
    with pytest.raises(UnsafeArguments):
        rasa_arguments(["run", *extra], {"RASA_API_TOKEN": TOKEN})
    with pytest.raises(UnsafeArguments):
        rasa_arguments(["run", *extra], {})


def test_an_open_api_without_a_token_is_refused_before_rasa_starts():
    env = quiet_env()
    env.pop("RASA_API_TOKEN", None)
    done = subprocess.run([sys.executable, "-m", "bot.rasa.server", "run", "--enable-api"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert "RASA_API_TOKEN" in done.stderr


@pytest.mark.parametrize("token", [None, TOKEN])
def test_make_run_starts_rasa_through_the_launcher_without_the_token(monkeypatch, tmp_path,
                                                                     token):
    if token:
        monkeypatch.setenv("RASA_API_TOKEN", token)
    else:
        monkeypatch.delenv("RASA_API_TOKEN", raising=False)
    services = run.services(Settings.from_env({}), tmp_path / "model.tar.gz",
                            tmp_path / "credentials.yml")
    [rasa] = [s for s in services if s.name == "rasa"]
    assert rasa.cmd[1:4] == ["-m", "bot.rasa.server", "run"]
    assert "--enable-api" not in rasa.cmd and "--auth-token" not in rasa.cmd
    for service in services:  # what bot.launch.run prints and starts
        assert TOKEN not in " ".join([*service.cmd, service.describe, service.health_url])


@pytest.mark.parametrize("token", [None, TOKEN])
def test_the_production_profile_starts_rasa_through_the_launcher_without_the_token(
        tmp_path, token):
    env = {**STORES, **({"RASA_API_TOKEN": token} if token else {})}
    config = ProdConfig.from_env(env, 2, run_dir=tmp_path)
    services = all_services(config, tmp_path / "model.tar.gz", env)
    rasa = [s for s in services if s.name.startswith("rasa-")]
    assert len(rasa) == 2
    for service in rasa:
        assert service.cmd[1:4] == ["-m", "bot.rasa.server", "run"]
        assert "--enable-api" not in service.cmd and "--auth-token" not in service.cmd
    for service in services:  # the command lines and the lines bot.prod prints
        assert TOKEN not in " ".join([*service.cmd, service.describe, service.health_url])
    for written in tmp_path.iterdir():
        if written.is_file():
            assert TOKEN not in written.read_text()
    single = rasa_service(1, 5010, tmp_path / "m.tar.gz", (tmp_path / "e", tmp_path / "c"))
    assert "--enable-api" not in single.cmd


# --------------------------------------------------------------------------- real Rasa


def call(method: str, url: str, body: bytes | None = None) -> int:
    request = urllib.request.Request(url, data=body, method=method,
                                     headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


@pytest.mark.slow
def test_with_a_token_the_api_answers_only_with_that_token(tmp_path):
    model = latest_model()
    assert model is not None, "run `make train` first (make test does)"
    port = free_port()
    env = quiet_env()
    env.update({"RASA_API_TOKEN": TOKEN, "RASA_PORT": str(port),
                "ACTIONS_PORT": str(free_port()),
                "TRACKER_STORE_URL": f"sqlite:///{tmp_path / 'rasa.db'}",
                "PYTHONUNBUFFERED": "1"})
    for name in ("LOCK_STORE_URL", "TELEGRAM_BOT_TOKEN", "WHATSAPP_VERIFY_TOKEN"):
        env.pop(name, None)
    ensure_token(env)  # endpoints.yml sends the action server's secret
    credentials = write_credentials(env, tmp_path / "credentials.yml")
    log_path = tmp_path / "rasa.log"
    cmd = [sys.executable, "-m", "bot.rasa.server", "run", "--model", str(model),
           "--endpoints", str(ROOT / "endpoints.yml"), "--credentials", str(credentials),
           "--port", str(port), "--interface", "127.0.0.1"]
    with log_path.open("wb") as log:
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
                                start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_http(f"{base}/", 300, proc)
        # The running process's command line, as `ps` shows it to every local user.
        assert TOKEN not in Path(f"/proc/{proc.pid}/cmdline").read_bytes().decode()

        tracker = f"{base}/conversations/api-token-test/tracker"
        wrong_same_length = TOKEN[:-1] + ("x" if TOKEN[-1] != "x" else "y")
        for token in (None, "", "wrong", wrong_same_length, TOKEN + "x"):
            query = "" if token is None else f"?token={token}"
            assert call("GET", tracker + query) == 401, token
        message = json.dumps({"text": "hoi", "sender": "user"}).encode()
        assert call("POST", f"{base}/conversations/api-token-test/messages", message) == 401
        assert call("PUT", f"{base}/model", b'{"model_file": "/nonexistent"}') == 401
        assert call("GET", f"{base}/status") == 401

        assert call("GET", f"{tracker}?token={TOKEN}") == 200
        assert call("GET", f"{base}/status?token={TOKEN}") == 200
    finally:
        stop_groups([proc], grace_s=30)
    assert TOKEN not in log_path.read_text(errors="replace")
