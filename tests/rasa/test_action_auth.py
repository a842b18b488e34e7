"""The action server's shared secret, bind address and body limits (bot.rasa.action_auth,
bot.rasa.action_server); the server itself is tested in tests/e2e/test_action_server_security.py."""

from __future__ import annotations

import zlib

import pytest

from bot.rasa.action_auth import (
    DEFAULT_HOST,
    TOKEN_ENV,
    TokenError,
    authorized,
    bind_host,
    configured_token,
    ensure_token,
)
from bot.rasa.action_server import inflate, main

TOKEN = "t" * 40


def test_loopback_unless_actions_host_says_otherwise():
    assert DEFAULT_HOST == "127.0.0.1"
    assert bind_host({}) == "127.0.0.1"
    assert bind_host({"ACTIONS_HOST": " "}) == "127.0.0.1"
    assert bind_host({"ACTIONS_HOST": "0.0.0.0"}) == "0.0.0.0"  # noqa: S104


def test_ensure_token_keeps_a_set_token_and_makes_a_random_one_otherwise():
    env = {TOKEN_ENV: TOKEN}
    assert ensure_token(env) is False and env[TOKEN_ENV] == TOKEN
    first, second = {}, {TOKEN_ENV: " "}
    assert ensure_token(first) is True and ensure_token(second) is True
    assert first[TOKEN_ENV] != second[TOKEN_ENV]
    assert len(first[TOKEN_ENV]) >= 40
    assert configured_token(first) == first[TOKEN_ENV]


@pytest.mark.parametrize("env", [{}, {TOKEN_ENV: ""}, {TOKEN_ENV: "short"}])
def test_no_or_a_short_token_is_refused(env):
    with pytest.raises(TokenError) as raised:
        configured_token(env)
    assert TOKEN_ENV in str(raised.value)


def test_the_server_does_not_start_without_a_token(monkeypatch, capsys):
    monkeypatch.delenv(TOKEN_ENV, raising=False)
    assert main(["--port", "1"]) == 2
    assert TOKEN_ENV in capsys.readouterr().err


def test_authorized_needs_the_exact_bearer_token():
    assert authorized(f"Bearer {TOKEN}", TOKEN)
    for header in (None, "", TOKEN, f"Bearer {TOKEN}x", f"Bearer {TOKEN[:-1]}",
                   f"Basic {TOKEN}", "Bearer \udcff"):
        assert not authorized(header, TOKEN), header


def test_inflate_stops_at_the_limit():
    assert inflate(zlib.compress(b"x" * 100), 100) == b"x" * 100
    assert inflate(zlib.compress(b"x" * 101), 100) is None
    assert inflate(zlib.compress(b"\0" * (64 << 20), 9), 1 << 20) is None  # a bomb
    with pytest.raises(zlib.error):
        inflate(b"not deflate", 100)
    with pytest.raises(zlib.error):
        inflate(zlib.compress(b"x" * 1000)[:-6], 10_000)  # cut short


def test_rasa_sends_the_token_from_the_environment_and_needs_one(monkeypatch):
    from rasa.core.utils import read_endpoints_from_path
    from rasa.shared.exceptions import RasaException

    from bot.settings import ROOT

    monkeypatch.setenv("ACTIONS_PORT", "5999")
    monkeypatch.setenv(TOKEN_ENV, TOKEN)
    endpoints = read_endpoints_from_path(str(ROOT / "endpoints.yml"))
    assert endpoints.action.headers == {"Authorization": f"Bearer {TOKEN}"}
    assert authorized(endpoints.action.headers["Authorization"], TOKEN)
    # Without the token Rasa refuses to start instead of calling the server openly.
    monkeypatch.delenv(TOKEN_ENV)
    with pytest.raises(RasaException, match=TOKEN_ENV):
        read_endpoints_from_path(str(ROOT / "endpoints.yml"))
