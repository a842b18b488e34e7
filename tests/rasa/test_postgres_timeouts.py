"""Issue 13, low item: every PostgreSQL engine (tickets, tracker store, the worker's, the
actions', the console's) has connect_timeout and statement_timeout, so a hung server or a
lock held too long ends in an error instead of a stuck process."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import sqlalchemy as sa
from pg_support import throwaway_schema

from bot.settings import with_postgres_timeouts

REPO = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.postgres


@pytest.fixture
def pg_url():
    with throwaway_schema() as url:
        yield url


def _timeouts(engine: sa.engine.Engine) -> tuple[str, str]:
    with engine.connect() as conn:
        statement = conn.execute(sa.text("SHOW statement_timeout")).scalar_one()
        path = conn.execute(sa.text("SHOW search_path")).scalar_one()
    return statement, path


def test_the_url_gets_both_timeouts_and_keeps_its_own_options(monkeypatch):
    monkeypatch.delenv("DB_STATEMENT_TIMEOUT_MS", raising=False)
    url = sa.engine.make_url(with_postgres_timeouts(
        "postgres://u:p@db/x?options=-csearch_path%3Ds&connect_timeout=2"))
    assert url.query["connect_timeout"] == "2"  # the URL's own value wins
    assert url.query["options"] == "-csearch_path=s -c statement_timeout=30000"
    assert with_postgres_timeouts("sqlite:///var/x.db") == "sqlite:///var/x.db"


def test_the_ticket_store_engine_has_the_timeouts(pg_url):
    from bot.tickets.store import create_engine_for

    engine = create_engine_for(pg_url)
    try:
        assert engine.url.query["connect_timeout"] == "5"
        statement, path = _timeouts(engine)
        assert statement == "30s" and path.startswith("kp_test")
    finally:
        engine.dispose()


def test_the_tracker_store_engine_has_the_timeouts(pg_url, monkeypatch):
    from rasa.shared.core.domain import Domain

    from bot.rasa.stores import UrlSQLTrackerStore

    monkeypatch.setenv("TRACKER_STORE_URL", pg_url)
    monkeypatch.setenv("DB_STATEMENT_TIMEOUT_MS", "12000")
    store = UrlSQLTrackerStore(Domain.empty())
    try:
        assert store.engine.url.query["connect_timeout"] == "5"
        assert _timeouts(store.engine)[0] == "12s"
    finally:
        store.engine.dispose()


def test_the_worker_console_and_privacy_engines_have_the_timeouts(pg_url, monkeypatch):
    from bot.console.earlier_chat import EarlierChat
    from bot.launch.background_jobs import run_privacy_jobs
    from bot.privacy import conversations
    from bot.settings import Settings
    from bot.tickets.store import TicketStore

    made: list[sa.engine.Engine] = []
    real = sa.create_engine

    def recording(*args, **kwargs):
        made.append(real(*args, **kwargs))
        return made[-1]

    env = {"TICKETS_DB_URL": pg_url, "TRACKER_STORE_URL": pg_url}
    store = TicketStore.from_url(pg_url)
    store.migrate()
    monkeypatch.setattr(sa, "create_engine", recording)
    try:
        run_privacy_jobs(Settings.from_env(env), env, store, retention=True)
        made.append(conversations._engine(pg_url))
        EarlierChat(pg_url, None)._tracker()
        assert len(made) >= 4  # the worker's two, the privacy one, the console's
        for engine in made:
            assert engine.url.query["connect_timeout"] == "5"
            assert _timeouts(engine)[0] == "30s"
    finally:
        for engine in made:
            engine.dispose()
        store.close()


def test_a_statement_that_runs_too_long_is_stopped(pg_url, monkeypatch):
    monkeypatch.setenv("DB_STATEMENT_TIMEOUT_MS", "100")
    engine = sa.create_engine(with_postgres_timeouts(pg_url))
    try:
        with pytest.raises(sa.exc.OperationalError, match="statement timeout"), \
                engine.connect() as conn:
            conn.execute(sa.text("SELECT pg_sleep(30)"))
    finally:
        engine.dispose()


def test_no_engine_is_made_without_the_timeouts():
    """Every create_engine in bot/ and actions/ goes through with_postgres_timeouts (or
    bot.tickets.store.create_engine_for, which does)."""
    offenders = []
    for path in [*REPO.joinpath("bot").rglob("*.py"), *REPO.joinpath("actions").rglob("*.py")]:
        for line in path.read_text(encoding="utf-8").splitlines():
            if re.search(r"\bcreate_engine\(", line) and "with_postgres_timeouts(" not in line:
                offenders.append(f"{path.relative_to(REPO)}: {line.strip()}")
    allowed = {"bot/tickets/store.py"}  # create_engine_for: the URL is rewritten first
    assert [o for o in offenders if o.split(":")[0] not in allowed] == []
