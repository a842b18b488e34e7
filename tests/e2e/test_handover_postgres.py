"""The full handover with PostgreSQL as ticket store and tracker store (the
local server), as in the production profile."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from e2e_env import platform_env
from handover_flow import complete_handover, tickets_of
from pg_support import throwaway_database
from stack import Stack, running_stack

from bot.nlu.train import latest_model
from bot.tickets.store import TicketStore

# xdist: this and the other PostgreSQL stack (its own Rasa each) run on one worker, one
# after the other, early (tests/conftest.py).
pytestmark = [pytest.mark.slow, pytest.mark.postgres, pytest.mark.xdist_group("pg_stacks")]


@pytest.fixture(scope="module")
def database() -> Iterator[str]:
    with throwaway_database("kp_e2e") as url:
        yield url


@pytest.fixture(scope="module")
def pg_stack(tmp_path_factory, platform, database) -> Iterator[Stack]:
    env = platform_env(platform.url)
    env.update({"TICKETS_DB_URL": database, "TRACKER_STORE_URL": database})
    with running_stack(tmp_path_factory.mktemp("pgstack"), latest_model(), env) as running:
        yield running


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
                             {"s": f"rest:{sender}"}).scalar()
    engine.dispose()
    assert count > 10
