"""The follow-up with the member (issue 15, item 4), end to end on a clock the test moves:
the ticket store, the console's delivery loop (run_delivery_loop) sending through
python-telegram-bot to the fake Telegram Bot API, the member's answer through the action
server's ActionRespond and the conversation engine, and the coordinator's notice through the
outbox worker. Retention and erasure take the follow-up with the ticket."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest
from cryptography.fernet import Fernet
from notify_fakes import CHAT_ID, TOKEN
from notify_support import draft
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import func, select
from test_service_reminders import CONSOLE, FORBIDDEN, wait_until

from actions import ticket_store as ticket_store_module
from actions.respond import ActionRespond
from bot.channels.live_delivery import LiveSender, run_delivery_loop
from bot.notify import OutboxWorker, TelegramNotifier
from bot.privacy.sender_key import sender_key
from bot.tickets.follow_up import CONTACT_QUESTION, SIX_WEEKS_QUESTION, FollowUps, week_of
from bot.tickets.live import LiveChats, seal
from bot.tickets.schema import follow_ups, satisfaction_weeks

KEY = Fernet.generate_key()
MEMBER = "telegram:777"


@pytest.fixture
def store(make_store, tmp_path, monkeypatch):
    monkeypatch.setenv("TICKETS_DB_URL", f"sqlite:///{tmp_path / 'tickets.db'}")
    monkeypatch.setenv("TICKETS_SENDER_KEY_SECRET", "unit-test-secret")
    monkeypatch.setenv("LIVE_CHAT_KEY", KEY.decode())
    # The question goes out on the test clock (March 2026), the action server reads the
    # answer on the wall clock: the answer window (FOLLOW_UP_ANSWER_DAYS) must span the gap.
    monkeypatch.setenv("FOLLOW_UP_ANSWER_DAYS", "3650")
    # The action server's store queues outbox rows for the configured notifiers.
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", TOKEN)
    monkeypatch.setenv("CONSULTANT_TELEGRAM_CHAT_ID", CHAT_ID)
    ticket_store_module.reset_ticket_store()
    yield make_store(notifiers=("telegram",))
    ticket_store_module.reset_ticket_store()


def follow_up_draft(key: str, **overrides):
    values = dict(channel="telegram", urgency="normal",
                  sender_key=sender_key("telegram", MEMBER), follow_up=True,
                  follow_up_route=seal("telegram", MEMBER, KEY))
    values.update(overrides)
    return draft(key, **values)


async def member_says(text: str, intent: str) -> list[str]:
    """One message of the member through the action server (no Rasa: the NLU's reading
    is given), on Telegram."""
    tracker = Tracker(MEMBER, {"disclosed": True}, {"text": text, "intent": {
        "name": intent, "confidence": 0.99}}, [{"event": "user", "text": text,
                                                 "input_channel": "telegram"}],
        False, None, None, "action_listen")
    dispatcher = CollectingDispatcher()
    await ActionRespond().run(dispatcher, tracker, {})
    return [m.get("response") or m.get("text") for m in dispatcher.messages]


def questions(fake) -> list[str]:
    return [m["text"] for m in fake.delivered if m["chat_id"] in ("777", 777)]


async def test_the_contact_check_reaches_a_telegram_member_and_a_no_escalates(
        store, fake_telegram, clock):
    fake, base_url = fake_telegram
    # Monday 2 March 2026, 10:30 in Amsterdam; normal: due Wednesday 4 March 17:00, so the
    # check goes out a working day later, Thursday 5 March 17:00 (16:00 UTC).
    ticket = store.create_ticket(follow_up_draft("asked"))
    silent = store.create_ticket(follow_up_draft("no-yes", follow_up=False,
                                                 sender_key="x" * 64))
    sender = LiveSender(KEY, env={"TELEGRAM_BOT_TOKEN": TOKEN,
                                  "TELEGRAM_API_BASE_URL": base_url})
    chats = LiveChats(store, clock=clock)
    stop = asyncio.Event()
    loop = asyncio.create_task(run_delivery_loop(chats, sender, stop, every_seconds=0.01))
    try:
        clock.now = datetime(2026, 3, 5, 15, 59, tzinfo=UTC)
        await asyncio.sleep(0.1)
        assert questions(fake) == []
        clock.now = datetime(2026, 3, 5, 16, 0, tzinfo=UTC)
        await wait_until(lambda: len(questions(fake)) == 1, "the contact check")
        assert questions(fake) == [CONTACT_QUESTION]

        assert await member_says("nee, nog niet", "deny") == ["utter_follow_up_not_reached"]
        escalated = store.get_ticket(ticket.id)
        assert escalated.urgency == "high"
        assert [i.kind for i in store.outbox_for_ticket(ticket.id)][-1] == "follow_up_no"
        clock.now = datetime.now(UTC) + timedelta(minutes=1)  # the action server's clock
        worker = OutboxWorker(store, [TelegramNotifier(TOKEN, CHAT_ID, base_url=base_url)],
                              console_url=CONSOLE, clock=clock)
        await worker.run_once()
        await worker.aclose()
        [notice] = [m["text"] for m in fake.delivered if ticket.reference in m["text"]
                    and "nog geen contact gehad" in m["text"]]
        assert notice.startswith(f"Voor de coördinator: aanvraag {ticket.reference} heeft "
                                 "nog geen contact gehad")
        for word in FORBIDDEN:
            assert word not in notice.lower()
        # Answered: a later "nee" is an ordinary message, nothing escalates twice.
        assert "utter_follow_up_not_reached" not in await member_says("nee", "deny")
        assert [i.kind for i in store.outbox_for_ticket(ticket.id)].count("follow_up_no") == 1

        # Closed; six weeks later "Hoe gaat het nu?", and the answer is only counted.
        store.update_ticket(ticket.id, status="claimed", actor="anna")
        store.update_ticket(ticket.id, status="contacted", actor="anna")
        store.update_ticket(ticket.id, status="closed", actor="anna", outcome="new_job")
        clock.now += timedelta(weeks=6) - timedelta(minutes=1)
        await asyncio.sleep(0.1)
        assert len(questions(fake)) == 1
        clock.now += timedelta(minutes=1)
        await wait_until(lambda: len(questions(fake)) == 2, "the six-week question")
        assert questions(fake)[-1] == SIX_WEEKS_QUESTION
    finally:
        stop.set()
        await asyncio.wait_for(loop, 30)
        await sender.aclose()
    assert await member_says("4 ja", "inform") == ["utter_follow_up_thanks"]
    week = week_of(datetime.now(UTC))
    assert FollowUps(store).satisfaction(week, week) == {
        (week, ticket.team): {"responses": 1, "average": 4.0, "recommend_share": 1.0}}
    assert store.get_ticket(silent.id).urgency == "normal"  # never asked: no yes to it
    with store.engine.connect() as conn:
        assert conn.execute(select(follow_ups.c.ticket_id)).scalars().all() == [ticket.id]


def count(store, table) -> int:
    with store.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(table)).scalar_one()


def test_retention_and_erasure_take_the_follow_up_with_the_ticket(store, clock):
    erased = store.create_ticket(follow_up_draft("erased"))
    purged = store.create_ticket(follow_up_draft("purged", sender_key="p" * 64))
    assert count(store, follow_ups) == 2
    FollowUps(store, clock).answer_contact(purged.id, reached=True)
    store.delete_for_sender(sender_key("telegram", MEMBER))  # "verwijder mijn gegevens"
    assert store.get_ticket(erased.id) is None and count(store, follow_ups) == 1
    store.update_ticket(purged.id, status="closed", actor="anna")
    clock.now += timedelta(weeks=7)
    FollowUps(store, clock).due()  # the six-week question is asked (pending)...
    FollowUps(store, clock).answer_six_weeks(purged.id, 5, True)
    clock.now += timedelta(days=200)
    assert store.purge(90) == 1
    assert count(store, follow_ups) == 0
    # What stays is a count per week and team, with no ticket and no person in it.
    assert count(store, satisfaction_weeks) == 1
    assert {c.name for c in satisfaction_weeks.columns} == {
        "week", "team", "responses", "score_total", "recommend_yes", "recommend_answers"}
