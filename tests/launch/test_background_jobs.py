"""bot.launch.background_jobs's privacy pass: erasure requests every time; ticket, conversation and
erasure-marker retention when it is the daily run."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from bot.launch.background_jobs import run_privacy_jobs
from bot.settings import Settings
from bot.tickets.schema import erased_senders


def test_the_daily_pass_also_forgets_old_erasure_markers(tmp_path, open_store):
    tickets_url = f"sqlite:///{tmp_path / 'tickets.db'}"
    env = {"TICKETS_DB_URL": tickets_url,
           "TRACKER_STORE_URL": f"sqlite:///{tmp_path / 'rasa.db'}",
           "ERASURE_MARKER_DAYS": "30"}
    settings = Settings.from_env(env)
    now = datetime.now(UTC)
    old = open_store(tickets_url, clock=lambda: now - timedelta(days=31))
    old.delete_for_sender("d" * 64)
    store = open_store(tickets_url, clock=lambda: now)
    store.delete_for_sender("e" * 64)

    quick = run_privacy_jobs(settings, env, store, retention=False)
    assert "erasure_markers_purged" not in quick  # only in the daily run
    daily = run_privacy_jobs(settings, env, store, retention=True)
    assert daily["erasure_markers_purged"] == 1
    with store.engine.connect() as conn:
        assert list(conn.execute(select(erased_senders.c.sender_key)).scalars()) == ["e" * 64]
