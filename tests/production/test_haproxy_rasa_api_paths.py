"""Issue 13 (low): HAProxy lets only the channels' webhooks and the widget's socket.io
through to Rasa; Rasa's HTTP API (/model, /conversations, /status, ...) is refused at
the public port even when RASA_API_TOKEN is set (operators use the internal ports on
loopback). Neither launcher passes ``--cors "*"``."""

from __future__ import annotations

import urllib.error
import urllib.request

import pytest
from backend_support import backend
from prod_http import free_port

from bot.launch import run
from bot.launch.supervisor import Service, Supervisor
from bot.prod import haproxy
from bot.prod.prod_settings import ProdConfig
from bot.prod.services import all_services
from bot.rasa.quiet_env import quiet_env
from bot.settings import Settings

STORES = {
    "TRACKER_STORE_URL": "postgresql://koffie:geheim@db:5432/rasa",
    "TICKETS_DB_URL": "postgresql://koffie:geheim@db:5432/tickets",
    "LOCK_STORE_URL": "redis://cache:6379/0",
}
API_PATHS = [
    ("GET", "/"), ("GET", "/version"), ("GET", "/status"), ("GET", "/domain"),
    ("PUT", "/model"), ("POST", "/model/parse"), ("DELETE", "/model"),
    ("GET", "/conversations/someone/tracker"), ("POST", "/conversations/someone/messages"),
    ("POST", "/conversations/someone/tracker/events"), ("POST", "/webhook"),
    ("GET", "/webhooksx/rest/webhook"), ("GET", "/WEBHOOKS/../status"),
]
PUBLIC_PATHS = [
    ("POST", "/webhooks/rest/webhook"), ("POST", "/webhooks/telegram/webhook"),
    ("GET", "/webhooks/whatsapp/webhook?hub.mode=subscribe"),
    ("GET", "/socket.io/?EIO=4&transport=polling"),
]


def status(method: str, url: str) -> tuple[int, str]:
    request = urllib.request.Request(url, data=b"{}" if method != "GET" else None,
                                     method=method)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def test_generated_config_lets_only_webhooks_and_socketio_reach_rasa(tmp_path):
    config = ProdConfig.from_env({**STORES, "RASA_API_TOKEN": "t0ken"}, 2, run_dir=tmp_path)
    path = haproxy.write_config(config)
    haproxy.check_config(path)
    frontend = path.read_text().split("frontend koffiepraat", 1)[1].split("\nbackend", 1)[0]
    assert "path_beg /webhooks/ /socket.io/" in frontend
    assert "http-request deny deny_status 404 unless" in frontend


def test_haproxy_refuses_rasas_api_paths_with_and_without_a_token(tmp_path):
    ports = (free_port(),)
    config = ProdConfig(workers=1, public_port=free_port(), internal_ports=ports,
                        actions_port=free_port(), console_port=free_port(),
                        bind_address="127.0.0.1", run_dir=tmp_path)
    path = haproxy.write_config(config)
    lb = haproxy.command(path)
    services = [backend("rasa", ports[0]),
                Service("lb", lb, f"http://127.0.0.1:{config.public_port}{haproxy.HEALTH_PATH}",
                        "lb")]
    supervisor = Supervisor(services, quiet_env(), log_dir=tmp_path / "logs")
    base = f"http://127.0.0.1:{config.public_port}"
    try:
        supervisor.start_all()
        assert supervisor.wait_ready(60) == []
        for method, api_path in API_PATHS:
            for query in ("", "?token=t0ken"):
                code, body = status(method, base + api_path + query)
                assert code == 404, (method, api_path, query, code)
                assert "backend rasa" not in body
        for method, public in PUBLIC_PATHS:
            assert status(method, base + public) == (200, "backend rasa"), public
    finally:
        supervisor.stop_all()


def test_no_launcher_passes_cors_star(tmp_path):
    env = {**STORES, "CONSOLE_PORT": "8080"}
    config = ProdConfig.from_env(env, 2, run_dir=tmp_path)
    commands = [s.cmd for s in all_services(config, tmp_path / "m.tar.gz", env)]
    commands += [s.cmd for s in run.services(Settings.from_env({}), tmp_path / "m.tar.gz",
                                             tmp_path / "credentials.yml")]
    for cmd in commands:
        assert "*" not in cmd, cmd
        if "--cors" in cmd:
            assert cmd[cmd.index("--cors") + 1].startswith("http"), cmd


def test_cors_origins_come_from_the_environment_and_never_a_star():
    from bot.settings import rasa_cors_origins

    assert rasa_cors_origins({}) == []
    assert rasa_cors_origins({"WIDGET_ALLOWED_ORIGINS": "https://www.bond.nl, http://localhost:8080"}
                             ) == ["https://www.bond.nl", "http://localhost:8080"]
    for bad in ("*", "https://www.bond.nl *", "www.bond.nl", "https://a.nl/path"):
        with pytest.raises(ValueError, match="WIDGET_ALLOWED_ORIGINS"):
            rasa_cors_origins({"WIDGET_ALLOWED_ORIGINS": bad})
