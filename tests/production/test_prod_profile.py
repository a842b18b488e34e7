"""The production profile's pieces without a model: configuration checks, the
generated HAProxy configuration (validated by HAProxy itself, and routing real
requests to small fake backends) and the supervisor (restart, roll, stop)."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
import urllib.request

import pytest
import yaml
from backend_support import backend
from prod_http import free_port, wait_http

from bot.launch.supervisor import Service, Supervisor
from bot.prod import haproxy
from bot.prod.prod_settings import ConfigError, ProdConfig, store_problems
from bot.prod.services import HARDENED_REST_KEY, all_services, child_env, credentials
from bot.rasa.action_auth import TOKEN_ENV
from bot.rasa.quiet_env import quiet_env
from bot.settings import ROOT

STORES = {
    "TRACKER_STORE_URL": "postgresql://koffie:geheim@db:5432/rasa",
    "TICKETS_DB_URL": "postgresql://koffie:geheim@db:5432/tickets",
    "LOCK_STORE_URL": "redis://cache:6379/0",
}

def get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode()


def test_missing_or_embedded_stores_are_refused():
    assert len(store_problems({})) == 3
    embedded = {**STORES, "TRACKER_STORE_URL": "sqlite:///var/rasa.db"}
    with pytest.raises(ConfigError, match="TRACKER_STORE_URL must be a postgresql"):
        ProdConfig.from_env(embedded, 2)
    with pytest.raises(ConfigError, match="LOCK_STORE_URL"):
        ProdConfig.from_env({**STORES, "LOCK_STORE_URL": "memory://"}, 2)
    with pytest.raises(ConfigError, match="workers"):
        ProdConfig.from_env(STORES, 0)
    with pytest.raises(ConfigError, match="must all differ"):
        ProdConfig.from_env({**STORES, "RASA_INTERNAL_PORT": "5055"}, 2)


def test_channel_state_url_is_optional_but_must_be_redis():
    assert store_problems({**STORES, "CHANNEL_STATE_URL": "rediss://state:6380/1"}) == []
    with pytest.raises(ConfigError, match="CHANNEL_STATE_URL must be a redis"):
        ProdConfig.from_env({**STORES, "CHANNEL_STATE_URL": "memory://"}, 2)


def test_internal_ports_are_consecutive_behind_the_public_port():
    config = ProdConfig.from_env({**STORES, "RASA_PORT": "6000", "RASA_INTERNAL_PORT": "6100"}, 3)
    assert config.public_port == 6000
    assert config.internal_ports == (6100, 6101, 6102)


def test_serve_refuses_to_start_without_shared_stores():
    env = quiet_env()
    for name in STORES:
        env.pop(name, None)
    done = subprocess.run([sys.executable, "-m", "bot.prod", "serve", "--workers", "2"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert "TRACKER_STORE_URL is not set" in done.stderr
    assert "LOCK_STORE_URL is not set" in done.stderr


def test_credentials_use_the_hardened_rest_channel_and_hold_no_secret(tmp_path):
    env = {**STORES, "TELEGRAM_BOT_TOKEN": "123:tok-9f8e", "TELEGRAM_WEBHOOK_SECRET": "whs-7d6c"}
    found = credentials(env)
    assert HARDENED_REST_KEY in found and "rest" not in found
    assert any("socketio" in key for key in found)  # the widget channel stays on
    config = ProdConfig.from_env(STORES, 2, run_dir=tmp_path)
    all_services(config, tmp_path / "model.tar.gz", env)
    endpoints = yaml.safe_load((tmp_path / "endpoints.yml").read_text())
    # Written out: Rasa does not expand ${ACTIONS_PORT} inside a quoted YAML value.
    assert endpoints["action_endpoint"]["url"] == f"http://127.0.0.1:{config.actions_port}/webhook"
    assert endpoints["tracker_store"]["type"] == "bot.rasa.stores.UrlSQLTrackerStore"
    written = (tmp_path / "credentials.yml").read_text()
    assert "tok-9f8e" not in written and "whs-7d6c" not in written
    assert HARDENED_REST_KEY in yaml.safe_load(written)


def test_the_action_server_gets_a_shared_secret_through_the_environment_only(tmp_path):
    # Unset: the profile makes one for its children; set: that one is used.
    made = child_env(STORES)[TOKEN_ENV]
    assert len(made) >= 40 and made != child_env(STORES)[TOKEN_ENV]
    secret = "operator-chosen-secret-0123456789"
    env = child_env({**STORES, TOKEN_ENV: secret})
    assert env[TOKEN_ENV] == secret
    config = ProdConfig.from_env(env, 2, run_dir=tmp_path)
    services = all_services(config, tmp_path / "model.tar.gz", env)
    [actions] = [s for s in services if s.name == "actions"]
    assert actions.cmd[1:3] == ["-m", "bot.rasa.action_server"]
    assert "listens on 127.0.0.1" in actions.describe
    for service in services:
        assert secret not in " ".join([*service.cmd, service.describe, service.health_url])
    for written in tmp_path.iterdir():
        if written.is_file():
            assert secret not in written.read_text()
    # Each Rasa process expands the reference from its own environment.
    endpoints = yaml.safe_load((tmp_path / "endpoints.yml").read_text())
    headers = endpoints["action_endpoint"]["headers"]
    assert headers == {"Authorization": "Bearer ${ACTION_SERVER_TOKEN}"}


def test_generated_haproxy_config_is_valid_and_sticky_for_socketio(tmp_path):
    config = ProdConfig.from_env({**STORES, "LB_IP_RATE_LIMIT_PER_10S": "50"}, 2,
                                 run_dir=tmp_path)
    path = haproxy.write_config(config)
    haproxy.check_config(path)  # raises when HAProxy refuses the file
    text = path.read_text()
    socketio = text.split("backend rasa_socketio", 1)[1]
    assert "balance source" in socketio
    assert "option httpchk GET /" in text
    assert "sc_http_req_rate(0) gt 50" in text


def test_haproxy_spreads_rest_checks_health_and_keeps_socketio_on_one_backend(tmp_path):
    ports = (free_port(), free_port())
    config = ProdConfig(workers=2, public_port=free_port(), internal_ports=ports,
                        actions_port=free_port(), console_port=free_port(),
                        bind_address="127.0.0.1", run_dir=tmp_path)
    path = haproxy.write_config(config)
    lb = Service("lb", haproxy.command(path),
                 f"http://127.0.0.1:{config.public_port}{haproxy.HEALTH_PATH}", "lb")
    services = [backend("one", ports[0]), backend("two", ports[1]), lb]
    supervisor = Supervisor(services, quiet_env(), log_dir=tmp_path / "logs")
    base = f"http://127.0.0.1:{config.public_port}"
    try:
        supervisor.start_all()
        assert supervisor.wait_ready(60) == []
        wait_http(f"{base}/webhooks/rest/webhook", 30)  # "/" is Rasa's API: refused
        # Both backends take turns once HAProxy's health checks have seen them up.
        deadline = time.monotonic() + 30
        seen: set[str] = set()
        while seen != {"backend one", "backend two"} and time.monotonic() < deadline:
            seen = {get(f"{base}/webhooks/rest/webhook") for _ in range(10)}
            time.sleep(0.5)
        assert seen == {"backend one", "backend two"}
        assert len({get(f"{base}/socket.io/?EIO=4&transport=polling") for _ in range(10)}) == 1

        supervisor.stop("one", signal.SIGKILL)
        # Until the health check notices, HAProxy retries on the other backend.
        assert {get(f"{base}/webhooks/rest/webhook") for _ in range(10)} == {"backend two"}
        assert get(f"{base}/socket.io/?EIO=4") == "backend two"
        supervisor.stop("two", signal.SIGKILL)
        deadline = time.monotonic() + 20
        while supervisor.pending(["lb"]) == [] and time.monotonic() < deadline:
            time.sleep(0.5)
        assert supervisor.pending(["lb"]) == ["lb"], "/lb-health says 503 with no Rasa left"
    finally:
        supervisor.stop_all()


