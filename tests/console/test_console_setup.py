"""Settings from the environment, the accounts CLI, the widget route and the entry point."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest

from bot.console import app as console_app
from bot.console import users
from bot.console.accounts import AccountError, AccountStore
from bot.console.console_settings import ConsoleSettings
from bot.tickets.store import DEFAULT_DB_URL, create_engine_for


def test_settings_defaults_are_safe():
    settings = ConsoleSettings.from_env({})
    assert settings.port == 8080
    assert settings.host == "127.0.0.1"
    assert settings.db_url == DEFAULT_DB_URL
    assert settings.api_token is None and not settings.api_enabled
    assert settings.secure_cookies is True
    assert settings.lockout_attempts == 5
    assert settings.lockout_duration == timedelta(minutes=15)
    assert "ws://localhost:5005" in settings.widget_connect_src


def test_settings_from_env():
    settings = ConsoleSettings.from_env(
        {
            "CONSOLE_PORT": "9090",
            "CONSOLE_API_TOKEN": "  geheim  ",
            "TICKETS_DB_URL": "sqlite:////tmp/x.db",
            "CONSOLE_INSECURE_DEV": "1",
            "CONSOLE_SESSION_IDLE_MINUTES": "10",
            "RASA_PORT": "6000",
        }
    )
    assert settings.port == 9090
    assert settings.api_token == "geheim"
    assert settings.db_url == "sqlite:////tmp/x.db"
    assert settings.secure_cookies is False
    assert settings.session_idle == timedelta(minutes=10)
    assert "http://localhost:6000" in settings.widget_connect_src


@pytest.mark.parametrize("value", ["0", "-1", "acht"])
def test_settings_reject_bad_numbers(value):
    with pytest.raises(ValueError):
        ConsoleSettings.from_env({"CONSOLE_PORT": value})


def test_blank_api_token_keeps_api_off():
    assert not ConsoleSettings.from_env({"CONSOLE_API_TOKEN": "   "}).api_enabled


def run_cli(db_url: str, *args: str, stdin: str = "") -> tuple[int, str]:
    out = io.StringIO()
    code = users.main(["--db-url", db_url, *args], stdin=io.StringIO(stdin), stdout=out)
    return code, out.getvalue()


def test_users_cli_add_list_disable(tmp_path):
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    code, out = run_cli(url, "add", "Bert", "--team", "midden-utrecht", "--password-stdin",
                        stdin="een-lang-wachtwoord\n")
    assert code == 0 and "bert" in out
    code, out = run_cli(url, "list")
    assert code == 0
    assert out.strip() == "bert\tmidden-utrecht\tconsultant\tactief"

    store = AccountStore(create_engine_for(url))
    assert store.authenticate("bert", "een-lang-wachtwoord").ok
    with store.engine.connect() as conn:
        stored_hash = conn.exec_driver_sql("SELECT password_hash FROM console_consultants").scalar()
    assert stored_hash.startswith("$argon2id$")

    assert run_cli(url, "disable", "bert")[0] == 0
    assert run_cli(url, "list")[1].strip() == "bert\tmidden-utrecht\tconsultant\tuitgeschakeld"
    assert not store.authenticate("bert", "een-lang-wachtwoord").ok
    assert run_cli(url, "enable", "bert")[0] == 0
    assert store.authenticate("bert", "een-lang-wachtwoord").ok


def test_users_cli_refuses_bad_input(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    team = ("--team", "landelijk")
    assert run_cli(url, "add", "kim", *team, "--password-stdin", stdin="kort\n")[0] == 1
    assert run_cli(url, "add", "kim", "--team", "mars", "--password-stdin",
                   stdin="een-lang-wachtwoord\n")[0] == 1
    assert run_cli(url, "add", "<b>", *team, "--password-stdin",
                   stdin="een-lang-wachtwoord\n")[0] == 1
    # A consultant without a team would see nothing: refused (a coordinator needs none).
    assert run_cli(url, "add", "kim", "--password-stdin", stdin="een-lang-wachtwoord\n")[0] == 1
    assert run_cli(url, "add", "kim", *team, "--password-stdin",
                   stdin="een-lang-wachtwoord\n")[0] == 0
    assert run_cli(url, "add", "KIM", *team, "--password-stdin",
                   stdin="een-lang-wachtwoord\n")[0] == 1
    assert run_cli(url, "disable", "niemand")[0] == 1
    assert "Fout:" in capsys.readouterr().err


def test_users_cli_asks_password_twice(tmp_path, monkeypatch):
    answers = iter(["een-lang-wachtwoord", "een-ander-wachtwoord"])
    monkeypatch.setattr(users.getpass, "getpass", lambda prompt: next(answers))
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    assert run_cli(url, "add", "kim", "--team", "landelijk")[0] == 1  # the answers differ
    answers = iter(["een-lang-wachtwoord", "een-lang-wachtwoord"])
    assert run_cli(url, "add", "kim", "--team", "landelijk")[0] == 0


def test_migrate_is_idempotent(accounts):
    assert accounts.migrate() == 2
    assert accounts.migrate() == 2
    with pytest.raises(AccountError):
        accounts.add_consultant("anna", "nog-een-wachtwoord")


async def test_widget_directory_index(client, tmp_path, monkeypatch, make_client):
    widget = tmp_path / "widget"
    widget.mkdir()
    (widget / "index.html").write_text("<!doctype html><title>demo</title>", encoding="utf-8")
    (widget / "chat.js").write_text("console.log('hoi')", encoding="utf-8")
    monkeypatch.setattr(console_app, "WIDGET_DIR", widget)
    client = await make_client()
    index = await client.get("/widget/")
    assert index.status == 200
    assert "<title>demo</title>" in await index.text()
    script = await client.get("/widget/chat.js")
    assert script.status == 200
    redirect = await client.get("/widget", allow_redirects=False)
    assert redirect.status == 301 and redirect.headers["Location"] == "/widget/"
    csp = index.headers["Content-Security-Policy"]
    assert "connect-src 'self' http://localhost:5005" in csp
    assert "script-src 'self'" in csp
    assert (await client.get("/widget/../app.py")).status == 404


async def test_widget_demo_page_uses_the_configured_rasa_port(make_client):
    # The real demo page: demo.js connects to the port in this tag (default 5005).
    for port in (5005, 6123):
        client = await make_client(rasa_port=port)
        page = await (await client.get("/widget/")).text()
        assert f'<meta name="koffiepraat-rasa-port" content="{port}">' in page
        assert page.count("koffiepraat-rasa-port") == 1
    assert ConsoleSettings.from_env({"RASA_PORT": "6123"}).rasa_port == 6123
    demo = (console_app.WIDGET_DIR / "demo.js").read_text(encoding="utf-8")
    assert 'meta[name="koffiepraat-rasa-port"]' in demo


async def test_favicon(client):
    response = await client.get("/favicon.ico")
    assert response.status == 200
    assert response.headers["Content-Type"] == "image/svg+xml"
