"""Issue 13 (low): log lines carry no WhatsApp number or Telegram chat id.

Rasa names conversations in its own log lines (the circuit breaker's warning, SQL
errors that quote their parameters). Both entry points install
``bot.rasa.log_pseudonyms``, which replaces platform conversation ids by a keyed
pseudonym in every record, its traceback included.
"""

from __future__ import annotations

import logging

import pytest

from bot.rasa import log_pseudonyms
from bot.rasa.stores import UrlLockStore

NUMBER = "31612345678"


@pytest.fixture
def pseudonymised():
    before = logging.getLogRecordFactory()
    log_pseudonyms.install("log-test-secret")
    yield
    logging.setLogRecordFactory(before)


def test_rasa_log_lines_and_tracebacks_hold_no_platform_ids(pseudonymised, caplog):
    log = logging.getLogger("rasa.core.processor")
    # Earlier tests in the same run load Rasa, which sets the "rasa" loggers' levels and
    # propagation: the capture is attached to this logger and its level set here, so the
    # test sees every record whatever ran before (the full suite once showed only ERROR).
    log.addHandler(caplog.handler)
    try:
        with caplog.at_level(logging.DEBUG, logger="rasa.core.processor"):
            log.warning("Circuit breaker tripped. Stopped predicting more actions for sender "
                        "'%s'.", f"whatsapp:{NUMBER}")
            log.info("telegram:-1001234567 and telegram:5550001 wrote")
            try:
                raise RuntimeError(f"[parameters: ('whatsapp:{NUMBER}', 'action_listen')]")
            except RuntimeError:
                log.exception("Error happened when trying to save conversation tracker")
    finally:
        log.removeHandler(caplog.handler)
    text = caplog.text
    assert NUMBER not in text and "5550001" not in text and "1001234567" not in text
    assert "whatsapp:~" in text and "telegram:~" in text
    assert "Circuit breaker tripped" in text  # the line itself is kept


def test_the_pseudonym_matches_the_lock_key_and_leaves_client_ids(monkeypatch):
    monkeypatch.setenv("TICKETS_SENDER_KEY_SECRET", "log-test-secret")
    monkeypatch.delenv("LOCK_STORE_URL", raising=False)
    lock_key = UrlLockStore(None).lock_key(f"whatsapp:{NUMBER}")
    line = log_pseudonyms.pseudonymise(f"for 'whatsapp:{NUMBER}' and 'rest:{NUMBER}'",
                                       b"log-test-secret")
    assert line == f"for 'whatsapp:~{lock_key[:16]}' and 'rest:{NUMBER}'"


def test_both_entry_points_install_it(monkeypatch):
    import bot.rasa.action_server as action_server
    import bot.rasa.server as server

    installed = []
    monkeypatch.setattr(log_pseudonyms, "install", lambda secret: installed.append(secret))
    monkeypatch.setenv("TICKETS_SENDER_KEY_SECRET", "s")
    monkeypatch.setattr("sys.argv", ["bot.rasa.server", "--version"])
    monkeypatch.setattr("rasa.__main__.main", lambda: None)
    server.main()
    monkeypatch.delenv("ACTION_SERVER_TOKEN", raising=False)
    action_server.main([])  # refuses to start without its token, after installing
    assert installed == ["s", "s"]
