"""The full handover with PostgreSQL as ticket store and tracker store (the
local server), as in the production profile."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import psycopg2
import pytest
from e2e_env import platform_env
from handover_flow import complete_handover, tickets_of
from stack import Stack

from bot.tickets.store import TicketStore
from bot.train import latest_model

pytestmark = [pytest.mark.slow, pytest.mark.postgres]
ADMIN_DSN = "postgresql://postgres@127.0.0.1:5432/postgres"


@pytest.fixture(scope="module")
def database() -> Iterator[str]:
    name = f"kp_e2e_{uuid.uuid4().hex[:8]}"
    admin = psycopg2.connect(ADMIN_DSN)
    admin.autocommit = True
    admin.cursor().execute(f'CREATE DATABASE "{name}"')
    yield f"postgresql://postgres@127.0.0.1:5432/{name}"
    admin.cursor().execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.close()


@pytest.fixture(scope="module")
def pg_stack(tmp_path_factory, platform, database) -> Iterator[Stack]:
    env = platform_env(platform.url)
    env.update({"TICKETS_DB_URL": database, "TRACKER_STORE_URL": database})
    running = Stack(tmp_path_factory.mktemp("pgstack"), latest_model(), extra_env=env)
    try:
        running.start_actions()
        running.start_rasa()
        yield running
    finally:
        running.stop_all()


def test_handover_with_postgresql(pg_stack, database, responses):
    sender = f"e2e-pg-{uuid.uuid4().hex[:8]}"
    reference = complete_handover(pg_stack, sender, responses)
    store = TicketStore.from_url(database)
    try:
        [ticket] = tickets_of(store, sender)
        data = ticket.to_api()
        assert data["reference"] == reference
        assert data["primary_topic"] == "flex_contract"
        assert data["contact"]["phone"] == "+31612345678"
        assert data["consent"]["given_at"]
    finally:
        store.close()
    # The conversation itself is in PostgreSQL too.
    import sqlalchemy as sa

    engine = sa.create_engine(database)
    with engine.connect() as conn:
        count = conn.execute(sa.text("SELECT count(*) FROM events WHERE sender_id = :s"),
                             {"s": sender}).scalar()
    engine.dispose()
    assert count > 10
