"""Retention keeps the consent text's promise (issue 13, finding 5).

"We bewaren dit hoogstens N dagen na afloop van het contact": open tickets that nobody
closes expire too (the team is warned first, in neutral words, through the outbox); the
contact details typed into the form leave the conversation once the ticket holds them;
the audit trail and spooled handovers that keep failing have limits; every limit is in
docs/deploy.md. No wall clock: every time is given.
"""

from __future__ import annotations

import json
import re
import sqlite3
import time
from datetime import timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from ticket_data import PERSONAL, T0, ManualClock, make_draft

from bot.launch.background_jobs import run_privacy_jobs
from bot.notify.message import Notification, is_sensitive
from bot.privacy.conversations import REDACTED, scrub_contact_details
from bot.settings import Settings
from bot.tickets import TicketStore
from bot.tickets.retention import (
    audit_days,
    retention_days,
    spool_failed_days,
    warning_days,
)
from bot.tickets.schema import outbox, ticket_audit
from bot.tickets.spool import HandoverSpool

REPO = Path(__file__).resolve().parents[2]
NOTIFIERS = ("telegram", "email")


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(T0, tick=timedelta(seconds=1))


@pytest.fixture
def store(db_url, clock, open_store) -> TicketStore:
    return open_store(db_url, notifiers=NOTIFIERS, clock=clock)


def _warnings(store: TicketStore, ticket_id: str) -> list:
    with store.engine.connect() as conn:
        return conn.execute(sa.select(outbox).where(sa.and_(
            outbox.c.ticket_id == ticket_id, outbox.c.kind == "expiry_warning"))).all()


# -- the promise ---------------------------------------------------------------------------

def test_the_consent_text_promises_the_days_the_worker_keeps_tickets(monkeypatch):
    from actions.handover import retention_days as promised

    text = (REPO / "domain" / "responses_handover.yml").read_text(encoding="utf-8")
    assert "hoogstens {retention_days} dagen" in text
    for setting in (None, "45"):
        if setting is None:
            monkeypatch.delenv("TICKETS_RETENTION_DAYS", raising=False)
        else:
            monkeypatch.setenv("TICKETS_RETENTION_DAYS", setting)
        import os
        assert promised() == retention_days(os.environ)


# -- open tickets --------------------------------------------------------------------------

def test_an_open_ticket_nobody_closes_is_warned_about_then_purged(store, clock):
    forgotten = store.create_ticket(make_draft("forgotten"))
    worked_on = store.create_ticket(make_draft("worked-on"))
    store.update_ticket(worked_on.id, status="claimed", actor="anna")

    clock.advance(days=75)
    assert store.expire_open_tickets(90, 14) == (0, 0)  # nothing yet
    store.add_note(worked_on.id, "anna", "gebeld, terugbellen volgende maand")

    clock.advance(days=2)  # day 77: 13 days before the purge
    warned, purged = store.expire_open_tickets(90, 14)
    assert (warned, purged) == (1, 0)
    assert {w.notifier for w in _warnings(store, forgotten.id)} == set(NOTIFIERS)
    assert store.expire_open_tickets(90, 14) == (0, 0)  # once per period without change
    assert _warnings(store, worked_on.id) == []

    clock.advance(days=14)  # day 91
    assert store.expire_open_tickets(90, 14)[1] == 1
    assert store.get_ticket(forgotten.id) is None
    assert store.get_ticket(worked_on.id) is not None  # its note restarted the period
    trail = store.audit_trail(forgotten.id)
    assert trail[-1].action == "purged"

    clock.advance(days=80)  # the worked-on ticket: 90 days after its last change
    assert store.expire_open_tickets(90, 14) == (0, 1)
    assert store.get_ticket(worked_on.id) is None


def test_a_change_after_the_warning_earns_a_new_warning_later(store, clock):
    ticket = store.create_ticket(make_draft("revived"))
    clock.advance(days=80)
    assert store.expire_open_tickets(90, 14)[0] == 1
    store.update_ticket(ticket.id, status="claimed", actor="anna")
    clock.advance(days=80)
    assert store.expire_open_tickets(90, 14) == (1, 0)
    assert len(_warnings(store, ticket.id)) == 2 * len(NOTIFIERS)


def test_the_warning_is_neutral(store):
    ticket = store.create_ticket(make_draft("neutral", safety_flag=True))
    note = Notification.service("expiry_warning", ticket, "https://console.example")
    text = note.subject() + "\n" + note.text()
    assert ticket.reference in text and "verwijderd" in text
    assert note.audience == "team"
    assert not is_sensitive(text)
    for value in (*PERSONAL.values(), "zorg", "deadline", "ontslagen"):
        assert value.lower() not in text.lower()


# -- audit trail ---------------------------------------------------------------------------

def test_the_audit_trail_of_a_ticket_that_is_gone_is_kept_a_limited_time(store, clock):
    gone = store.create_ticket(make_draft("gone"))
    kept = store.create_ticket(make_draft("kept"))
    store.delete_ticket(gone.id, actor="anna")
    clock.advance(days=366)
    assert store.purge_audit(365) == 2  # "created" and "deleted" of the deleted ticket
    with store.engine.connect() as conn:
        left = set(conn.execute(sa.select(ticket_audit.c.ticket_id)).scalars())
    assert left == {kept.id}  # a ticket that exists keeps its whole trail


# -- handover spool ------------------------------------------------------------------------

class _BrokenStore:
    def create_ticket(self, draft):
        raise RuntimeError("bug")


def _age(path: Path, key: str, days: float) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE spooled_drafts SET spooled_at = ? WHERE idempotency_key = ?",
                     ((T0 - timedelta(days=days)).isoformat(), key))


def test_spooled_handovers_that_keep_failing_or_wait_too_long_are_dropped(tmp_path):
    path = tmp_path / "spool.db"
    spool = HandoverSpool(path, max_days=90, failed_days=7)
    for key in ("failing-old", "failing-new", "waiting", "waiting-too-long"):
        spool.put(make_draft(key))
    spool.drain(_BrokenStore(), now=T0)  # every draft failed once
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE spooled_drafts SET attempts = 0 WHERE idempotency_key LIKE 'wait%'")
    _age(path, "failing-old", 8)
    _age(path, "failing-new", 6)
    _age(path, "waiting", 60)  # an outage, not a failure: waits
    _age(path, "waiting-too-long", 91)

    assert spool.expire(now=T0) == 2
    with sqlite3.connect(path) as conn:
        left = {row[0] for row in conn.execute("SELECT idempotency_key FROM spooled_drafts")}
    assert left == {"failing-new", "waiting"}


def test_the_spool_limits_come_from_the_environment(tmp_path):
    spool = HandoverSpool.from_env({"HANDOVER_SPOOL_PATH": str(tmp_path / "s.db"),
                                    "TICKETS_RETENTION_DAYS": "60",
                                    "HANDOVER_SPOOL_FAILED_DAYS": "3"})
    assert (spool.max_days, spool.failed_days) == (60, 3)
    assert HandoverSpool.from_env({}).failed_days == spool_failed_days({}) == 7


# -- contact details in the conversation ---------------------------------------------------

@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(str(REPO / "domain.yml"))


async def _conversation(store: SQLTrackerStore, sender: str, reference: str) -> None:
    now = time.time()
    tracker = DialogueStateTracker(sender, slots=store.domain.slots)
    for event in (
        UserUttered("ik wil een consulent spreken", timestamp=now),
        ActionExecuted("action_respond", timestamp=now),
        BotUttered("Hoe heet je?", timestamp=now),
        UserUttered("ik heet Fatima de Vries", timestamp=now),
        ActionExecuted("action_respond", timestamp=now),
        SlotSet("contact_name", PERSONAL["name"], timestamp=now),
        UserUttered("bel me op 06-12345678", timestamp=now),
        ActionExecuted("action_respond", timestamp=now),
        SlotSet("contact_phone", PERSONAL["phone"], timestamp=now),
        UserUttered("fatima@example.org", timestamp=now),
        ActionExecuted("action_respond", timestamp=now),
        SlotSet("contact_email", PERSONAL["email"], timestamp=now),
        UserUttered("ja, verstuur maar", timestamp=now),
        ActionExecuted("action_respond", timestamp=now),
        BotUttered("Dank je, Fatima de Vries. Je aanvraag is verstuurd.", timestamp=now),
        SlotSet("contact_name", None, timestamp=now),
        SlotSet("contact_phone", None, timestamp=now),
        SlotSet("contact_email", None, timestamp=now),
        SlotSet("ticket_reference", reference, timestamp=now),
    ):
        tracker.update(event)
    await store.save(tracker)


def _event_data(engine: sa.engine.Engine, sender: str) -> list[str]:
    with engine.connect() as conn:
        return list(conn.execute(sa.text(
            "SELECT data FROM events WHERE sender_id = :s ORDER BY id"), {"s": sender}).scalars())


def _mentions_contact(data: list[str]) -> bool:
    text = "\n".join(data)
    return any(v in text for v in (PERSONAL["name"], PERSONAL["email"], "12345678"))


async def test_contact_details_leave_the_conversation_once_the_ticket_holds_them(tmp_path,
                                                                                  domain):
    tracker_url = f"sqlite:///{tmp_path / 'rasa.db'}"
    tickets_url = f"sqlite:///{tmp_path / 'tickets.db'}"
    env = {"TICKETS_DB_URL": tickets_url, "TRACKER_STORE_URL": tracker_url}
    tickets = TicketStore.from_url(tickets_url)
    tickets.migrate()
    ticket = tickets.create_ticket(make_draft("in-the-database"))
    rasa_store = SQLTrackerStore(domain, dialect="sqlite", db=str(tmp_path / "rasa.db"))
    await _conversation(rasa_store, "telegram:1", ticket.reference)
    await _conversation(rasa_store, "telegram:2", "KP-SPOOL9")  # still in a spool
    engine = sa.create_engine(tracker_url)
    before = len(_event_data(engine, "telegram:1"))
    try:
        done = run_privacy_jobs(Settings.from_env(env), env, tickets, retention=False)
        assert done["contact_details_scrubbed"] == 1
        data = _event_data(engine, "telegram:1")
        assert not _mentions_contact(data)
        assert len(data) == before  # rewritten in place: Rasa appends by count
        texts = [json.loads(d).get("text") for d in data if json.loads(d)["event"] == "user"]
        assert texts == ["ik wil een consulent spreken", REDACTED, REDACTED, REDACTED,
                         "ja, verstuur maar"]
        assert _mentions_contact(_event_data(engine, "telegram:2"))  # not yet: no ticket

        # The conversation goes on as before, from the scrubbed tracker.
        tracker = await rasa_store.retrieve("telegram:1")
        assert tracker.get_slot("ticket_reference") == ticket.reference
        tracker.update(UserUttered("nog een vraag", timestamp=time.time()))
        await rasa_store.save(tracker)
        assert len(_event_data(engine, "telegram:1")) == before + 1
        assert scrub_contact_details(engine, lambda refs: refs) == 1  # the spooled one, now
        assert scrub_contact_details(engine, lambda refs: refs) == 0
    finally:
        engine.dispose()
        tickets.close()


def test_the_daily_pass_expires_open_tickets_and_old_audit_rows(tmp_path):
    tickets_url = f"sqlite:///{tmp_path / 'tickets.db'}"
    env = {"TICKETS_DB_URL": tickets_url, "TRACKER_STORE_URL": f"sqlite:///{tmp_path / 'r.db'}"}
    clock = ManualClock(T0)
    store = TicketStore.from_url(tickets_url, notifiers=NOTIFIERS, clock=clock)
    store.migrate()
    try:
        store.create_ticket(make_draft("old-open"))
        clock.advance(days=400)
        done = run_privacy_jobs(Settings.from_env(env), env, store, retention=True)
        assert done["open_tickets_purged"] == 1
        assert done["audit_rows_purged"] == 1  # "created", 400 days ago; "purged" is new
        clock.advance(days=366)
        assert run_privacy_jobs(Settings.from_env(env), env, store,
                                retention=True)["audit_rows_purged"] == 1
    finally:
        store.close()


# -- every limit documented ----------------------------------------------------------------

def test_every_limit_has_a_default_and_is_in_the_deploy_guide():
    assert (retention_days({}), warning_days({}), audit_days({}), spool_failed_days({})) == (
        90, 14, 365, 7)
    guide = (REPO / "docs" / "deploy.md").read_text(encoding="utf-8")
    for name in ("TICKETS_RETENTION_DAYS", "OPEN_TICKET_WARNING_DAYS", "AUDIT_RETENTION_DAYS",
                 "HANDOVER_SPOOL_FAILED_DAYS", "CONVERSATION_RETENTION_DAYS",
                 "ERASURE_MARKER_DAYS"):
        assert re.search(rf"`{name}`", guide), name
    section = guide.split("## Retention job", 1)[1].split("\n## ", 1)[0]
    for words in ("open tickets", "contact details", "audit", "spool"):
        assert words in section.lower(), words
