"""Issue 13 (low): the production profile does not start without TICKETS_SENDER_KEY_SECRET.

Without it every machine would make its own random var/sender_key.secret, and a
person's erasure on one machine would not find the tickets keyed on another.
"""

from __future__ import annotations

import pytest

from bot.prod import __main__ as prod_main
from bot.prod import prod_settings
from bot.prod.prod_settings import ConfigError

STORES = {
    "TRACKER_STORE_URL": "postgresql://koffie:geheim@db:5432/rasa",
    "TICKETS_DB_URL": "postgresql://koffie:geheim@db:5432/tickets",
    "LOCK_STORE_URL": "redis://cache:6379/0",
}


@pytest.mark.parametrize("value", [None, "", "   "])
def test_serve_stops_with_an_operator_error_without_the_secret(monkeypatch, capsys, value):
    for name, url in STORES.items():
        monkeypatch.setenv(name, url)
    if value is None:
        monkeypatch.delenv("TICKETS_SENDER_KEY_SECRET", raising=False)
    else:
        monkeypatch.setenv("TICKETS_SENDER_KEY_SECRET", value)
    monkeypatch.setattr(prod_main, "latest_model", lambda: None)  # never starts anything
    assert prod_main.serve(2) == 2
    err = capsys.readouterr().err
    assert "Cannot start the production profile" in err
    assert "TICKETS_SENDER_KEY_SECRET is not set" in err
    assert "docs/deploy.md" in err


def test_serve_goes_past_the_check_with_the_secret(monkeypatch, capsys):
    for name, url in STORES.items():
        monkeypatch.setenv(name, url)
    monkeypatch.setenv("TICKETS_SENDER_KEY_SECRET", "prod-secret")
    monkeypatch.setattr(prod_main, "latest_model", lambda: None)
    assert prod_main.serve(2) == 1  # next stop: no trained model
    assert "TICKETS_SENDER_KEY_SECRET" not in capsys.readouterr().err


def test_require_sender_key_secret():
    with pytest.raises(ConfigError, match="TICKETS_SENDER_KEY_SECRET is not set"):
        prod_settings.require_sender_key_secret({})
    prod_settings.require_sender_key_secret({"TICKETS_SENDER_KEY_SECRET": "s"})
