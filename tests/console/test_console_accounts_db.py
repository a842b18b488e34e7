"""The account store on both databases: SQLite (default) and PostgreSQL (production).

Also checks that the console's tables live next to the ticket store's in one database."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from argon2 import PasswordHasher
from console_support import FakeClock

from bot.console.accounts import SCHEMA_VERSION_TABLE, AccountStore, LoginOutcome
from bot.tickets import TicketStore


# `db_url` (SQLite, then a throwaway PostgreSQL schema) comes from tests/conftest.py.
@pytest.fixture
def both(db_url: str, open_store) -> tuple[TicketStore, AccountStore, FakeClock]:
    clock = FakeClock()
    tickets = open_store(db_url, clock=clock)
    accounts = AccountStore(
        tickets.engine, clock=clock, hasher=PasswordHasher(time_cost=1, memory_cost=8,
                                                           parallelism=1)
    )
    accounts.migrate()
    return tickets, accounts, clock


def test_tables_sit_beside_the_ticket_store(both):
    tickets, accounts, _ = both
    names = set(sa.inspect(tickets.engine).get_table_names())
    assert {SCHEMA_VERSION_TABLE, "console_consultants", "console_sessions"} <= names
    assert "tickets" in names
    assert accounts.migrate() == 2  # a second start changes nothing
    assert tickets.migrate() == []


def test_login_lockout_and_sessions(both):
    _, accounts, clock = both
    person = accounts.add_consultant("Bert", "een-lang-wachtwoord", team="landelijk")
    assert person.name == "bert"
    for _ in range(4):
        assert accounts.authenticate("bert", "fout").outcome is LoginOutcome.BAD_CREDENTIALS
    assert accounts.authenticate("bert", "fout").outcome is LoginOutcome.LOCKED
    assert accounts.authenticate("bert", "een-lang-wachtwoord").outcome is LoginOutcome.LOCKED
    clock.advance(minutes=15, seconds=1)
    result = accounts.authenticate("BERT", "een-lang-wachtwoord")
    assert result.ok and result.consultant.team == "landelijk"

    session = accounts.start_session(result.consultant.id)
    assert session.token and accounts.load_session(session.token).consultant.name == "bert"
    with accounts.engine.connect() as conn:
        stored = conn.execute(sa.text("SELECT token_hash FROM console_sessions")).scalar()
    assert stored != session.token  # only a hash of the cookie value is stored
    clock.advance(minutes=31)
    assert accounts.load_session(session.token) is None
    assert accounts.purge_expired_sessions() == 0  # already removed on the expired load


def test_purge_removes_stale_sessions(both):
    _, accounts, clock = both
    person = accounts.add_consultant("kim", "een-lang-wachtwoord")
    accounts.start_session(person.id)
    clock.advance(hours=1)
    fresh = accounts.start_session(person.id)
    assert accounts.purge_expired_sessions() == 1
    assert accounts.load_session(fresh.token) is not None
