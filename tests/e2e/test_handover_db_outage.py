"""PostgreSQL restarts during ticket creation (issue 6): the person is told their request
is saved, and the ticket is stored exactly once when the database is back.

The real action server and Rasa run against a private PostgreSQL server that this test
stops and starts (the conversation itself stays in SQLite: this is about the tickets).
"""

from __future__ import annotations

import re
import time
import uuid
from collections.abc import Iterator

import pytest
from handover_flow import tickets_of, walk_to_summary
from pg_cluster import PrivateCluster, usable
from stack import Stack, running_stack, said_one_of, texts

from bot.nlu.train import latest_model
from bot.tickets.spool import HandoverSpool
from bot.tickets.store import TicketStore

# xdist: this and the other PostgreSQL stack (its own Rasa each) run on one worker, one
# after the other, early (tests/conftest.py).
pytestmark = [pytest.mark.slow, pytest.mark.postgres, pytest.mark.xdist_group("pg_stacks")]
POLL_TIMEOUT_S = 300.0  # generous: a busy 2-core machine; nothing is asserted about speed


@pytest.fixture(scope="module")
def cluster() -> Iterator[PrivateCluster]:
    reason = usable()
    if reason:
        # Like every postgres-marked test: fail, never skip silently (deselect with
        # `-m "not postgres"` on a machine without a PostgreSQL server).
        pytest.fail(reason)
    server = PrivateCluster()
    try:
        server.start()
        store = TicketStore.from_url(server.url)
        store.migrate()  # as in production: the schema exists before the outage
        store.close()
        yield server
    finally:
        server.destroy()


@pytest.fixture(scope="module")
def outage_stack(tmp_path_factory, cluster) -> Iterator[Stack]:
    workdir = tmp_path_factory.mktemp("outage")
    env = {
        "TICKETS_DB_URL": cluster.url,
        "HANDOVER_SPOOL_PATH": str(workdir / "handover_spool.db"),
        "HANDOVER_SPOOL_RETRY_SECONDS": "0.5",
        "HANDOVER_SPOOL_RETRY_MAX_SECONDS": "2",
    }
    with running_stack(workdir, latest_model(), env) as running:
        yield running


def poll(condition, what: str) -> None:
    deadline = time.monotonic() + POLL_TIMEOUT_S
    while not condition():
        assert time.monotonic() < deadline, f"gave up waiting: {what}"
        time.sleep(0.5)


def test_a_handover_during_a_database_restart_is_stored_once_afterwards(
    outage_stack, cluster, responses
):
    sender = f"e2e-outage-{uuid.uuid4().hex[:8]}"
    spool = HandoverSpool(outage_stack.workdir / "handover_spool.db")
    walk_to_summary(outage_stack, sender, responses)

    cluster.stop()
    reply = texts(outage_stack.say(sender, "/affirm"))
    assert said_one_of(reply, responses["utter_handover_queued"]), reply
    assert not said_one_of(reply, responses["utter_handover_failed"]), reply
    told = re.search(r"KP-[0-9A-Z]{6}", reply)
    assert told, reply
    assert spool.pending_count() == 1  # waiting here, as no database could take it

    cluster.start()
    store = TicketStore.from_url(cluster.url)
    try:
        poll(lambda: len(tickets_of(store, sender)) == 1 and spool.pending_count() == 0,
             "the spooled request stored as a ticket")
        [ticket] = tickets_of(store, sender)
        assert ticket.reference == told.group(0)
        assert ticket.contact.phone == "+31612345678"
        assert ticket.primary_topic == "flex_contract"

        # Confirming once more is no second request: the contact details left the
        # conversation with the spooled one.
        reply = texts(outage_stack.say(sender, "/affirm"))
        assert not re.search(r"KP-[0-9A-Z]{6}", reply), reply
        assert len(tickets_of(store, sender)) == 1
        assert spool.pending_count() == 0
    finally:
        store.close()

    actions_log = outage_stack.log_path("actions").read_text(encoding="utf-8", errors="replace")
    for personal in ("12345678", "fatima", "Fatima", "Tilburg"):
        assert personal not in actions_log
