"""Outbox worker against a fake Telegram Bot API and a fake SMTP server on loopback."""

from __future__ import annotations

import asyncio
import logging
import random
import socket
from datetime import timedelta
from email import message_from_bytes
from email.policy import default as default_policy

from notify_fakes import CHAT_ID, TOKEN
from notify_support import PERSONAL, T0, draft

from bot.notify import Backoff, EmailNotifier, OutboxWorker, TelegramNotifier

CONSOLE = "http://localhost:8080"


def assert_no_contact_details(text: str) -> None:
    for key, value in PERSONAL.items():
        assert value not in text, f"{key} leaked into a notification"
    assert "612345678" not in text and "@" not in text


def telegram(base_url: str) -> TelegramNotifier:
    return TelegramNotifier(token=TOKEN, chat_id=CHAT_ID, base_url=base_url)


def worker(store, notifiers, clock, seed: int = 7) -> OutboxWorker:
    return OutboxWorker(store, notifiers, console_url=CONSOLE, clock=clock,
                        backoff=Backoff(rng=random.Random(seed)))


async def test_telegram_notification_is_delivered_once_and_holds_no_contact_details(
    make_store, fake_telegram, clock, caplog
):
    caplog.set_level(logging.DEBUG, logger="bot")
    caplog.set_level(logging.INFO)
    fake, base_url = fake_telegram
    store = make_store(notifiers=("telegram",))
    ticket = store.create_ticket(draft())
    run = worker(store, [telegram(base_url)], clock)

    result = await run.run_once()
    await run.aclose()

    assert (result.sent, result.failed) == (1, 0)
    assert len(fake.delivered) == 1
    message = fake.delivered[0]
    assert message["chat_id"] == CHAT_ID
    text = message["text"]
    assert ticket.reference in text
    assert "Onderwerp: baan onzeker" in text and "job_insecurity" not in text
    assert "Urgent: graag vandaag contact opnemen" in text
    assert "ontslag per 1 april" not in text  # the urgency reason stays in the console
    assert "Utrecht" in text and "Midden-Utrecht" in text
    assert CONSOLE in text
    assert_no_contact_details(text)
    assert store.outbox_backlog() == 0
    assert (await run.run_once()).sent == 0  # nothing is sent twice
    # Our side's logs (the fake server's aiohttp access log is Telegram's side, left out).
    ours = "\n".join(r.getMessage() for r in caplog.records
                     if not r.name.startswith("aiohttp"))
    assert ticket.reference in ours  # the worker logs what it did...
    assert TOKEN not in ours  # ...but not the bot token (httpx logs request URLs)
    for value in PERSONAL.values():
        assert value not in ours


async def test_email_notification_is_delivered_with_subject_and_no_contact_details(
    make_store, fake_smtp, clock
):
    handler, port = fake_smtp
    store = make_store(notifiers=("email",))
    ticket = store.create_ticket(draft())
    mailer = EmailNotifier("127.0.0.1", port, "bot@koffiepraat.test", "team@koffiepraat.test")
    run = worker(store, [mailer], clock)

    result = await run.run_once()

    assert (result.sent, result.failed) == (1, 0)
    assert len(handler.messages) == 1
    envelope = handler.messages[0]
    assert envelope.rcpt_tos == ["team@koffiepraat.test"]
    mail = message_from_bytes(envelope.content, policy=default_policy)
    assert mail["Subject"] == (f"Koffiepraat: nieuwe aanvraag {ticket.reference} "
                               "(urgent: graag vandaag contact opnemen)")
    body = mail.get_content()
    assert ticket.reference in body
    for value in PERSONAL.values():
        assert value not in body and value not in str(mail)
    assert store.outbox_backlog() == 0


async def test_a_crisis_ticket_reaches_telegram_and_email_without_sensitive_wording(
    make_store, fake_telegram, fake_smtp, clock
):
    fake, base_url = fake_telegram
    handler, port = fake_smtp
    store = make_store(notifiers=("telegram", "email"))
    ticket = store.create_ticket(draft(
        primary_topic="workload_health", topics=["workload_health", "crisis"], urgency="low",
        safety_flag=True,
        urgency_reason="Signalen van zware nood; crisisinformatie (113/1813) gegeven."))
    mailer = EmailNotifier("127.0.0.1", port, "bot@koffiepraat.test", "team@koffiepraat.test")
    run = worker(store, [telegram(base_url), mailer], clock)

    assert (await run.run_once()).sent == 2
    await run.aclose()

    mail = message_from_bytes(handler.messages[0].content, policy=default_policy)
    for text in (fake.delivered[0]["text"], str(mail)):
        assert ticket.reference in text and "Urgent: graag vandaag contact opnemen" in text
        assert "werk en welzijn" in text
        for word in ("crisis", "113", "burn-out", "gezondheid", "zware nood", "health"):
            assert word not in text.lower(), word


async def test_the_assignee_hears_neutrally_that_the_person_changed_then_withdrew(
    make_store, fake_telegram, clock
):
    fake, base_url = fake_telegram
    store = make_store(notifiers=("telegram",))
    key = "p" * 64
    ticket = store.create_ticket(draft(sender_key=key))
    run = worker(store, [telegram(base_url)], clock)
    assert (await run.run_once()).sent == 1  # the new ticket
    store.update_ticket(ticket.id, status="claimed", actor="anna")

    store.update_contact_by_member(ticket.id, key, phone="06-87654321", preferred_time="avond")
    assert (await run.run_once()).sent == 1
    changed = fake.delivered[-1]["text"]
    assert changed.startswith(f"Aanvraag {ticket.reference} gewijzigd door de persoon\n")
    assert "Behandelaar: anna" in changed and "Midden-Utrecht" in changed
    assert CONSOLE in changed

    assert store.withdraw_by_member(ticket.id, key)
    assert (await run.run_once()).sent == 1
    await run.aclose()
    withdrawn = fake.delivered[-1]["text"]
    assert withdrawn.startswith(f"Aanvraag {ticket.reference} ingetrokken door de persoon\n")
    assert "Behandelaar: anna" in withdrawn and "geen contact meer" in withdrawn

    for text in (changed, withdrawn):
        assert_no_contact_details(text)
        for value in ("87654321", "avond", "job_insecurity", "baan onzeker", "Regio:"):
            assert value not in text
    assert store.outbox_backlog() == 0


async def test_a_notifier_failing_twice_then_succeeding_delivers_exactly_once(
    make_store, fake_telegram, clock
):
    fake, base_url = fake_telegram
    fake.fail_next = 2
    store = make_store(notifiers=("telegram",))
    ticket = store.create_ticket(draft())
    run = worker(store, [telegram(base_url)], clock)

    assert (await run.run_once()).failed == 1
    [row] = store.outbox_for_ticket(ticket.id)
    assert row.attempts == 1 and row.sent_at is None
    assert row.last_error.startswith("NetworkError")
    first_delay = row.next_attempt_at - clock.now
    assert timedelta(seconds=15) <= first_delay <= timedelta(seconds=30)

    assert (await run.run_once()).failed == 0  # not due yet: nothing happens
    assert fake.send_attempts == 1

    clock.advance(seconds=30)
    assert (await run.run_once()).failed == 1
    [row] = store.outbox_for_ticket(ticket.id)
    second_delay = row.next_attempt_at - clock.now
    assert timedelta(seconds=30) <= second_delay <= timedelta(seconds=60)

    clock.advance(seconds=60)
    result = await run.run_once()
    await run.aclose()

    assert (result.sent, result.failed) == (1, 0)
    assert fake.send_attempts == 3
    assert len(fake.delivered) == 1
    [row] = store.outbox_for_ticket(ticket.id)
    assert row.attempts == 3 and row.sent_at is not None and row.last_error is None
    assert store.outbox_backlog() == 0


async def test_smtp_refusing_twice_then_accepting_delivers_once(make_store, fake_smtp, clock):
    handler, port = fake_smtp
    handler.fail_next = 2
    store = make_store(notifiers=("email",))
    store.create_ticket(draft())
    run = worker(store, [EmailNotifier("127.0.0.1", port, "bot@kp.test", "team@kp.test")],
                 clock)

    for _ in range(3):
        await run.run_once()
        clock.advance(hours=1)

    assert handler.attempts == 3
    assert len(handler.messages) == 1
    assert store.outbox_backlog() == 0


async def test_while_telegram_is_down_tickets_are_created_and_the_backlog_drains_later(
    make_store, fake_telegram, clock
):
    fake, base_url = fake_telegram
    fake.down = True
    store = make_store(notifiers=("telegram",))
    run = worker(store, [telegram(base_url)], clock)

    first = store.create_ticket(draft("a"))
    await run.run_once()
    second = store.create_ticket(draft("b"))
    await run.run_once()

    assert store.get_ticket(first.id) is not None and store.get_ticket(second.id) is not None
    assert store.outbox_backlog() == 2
    assert fake.delivered == []

    fake.down = False
    clock.advance(hours=2)
    result = await run.run_once()
    await run.aclose()

    assert result.sent == 2
    assert store.outbox_backlog() == 0
    assert sorted(m["text"].splitlines()[0] for m in fake.delivered) == sorted(
        f"Nieuwe aanvraag {t.reference}" for t in (first, second))


async def test_unreachable_telegram_never_raises_and_keeps_the_token_out_of_errors(
    make_store, clock
):
    with socket.socket() as probe:  # a port on loopback where nothing listens
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    store = make_store(notifiers=("telegram",))
    ticket = store.create_ticket(draft())
    run = worker(store, [telegram(f"http://127.0.0.1:{port}/bot")], clock)

    result = await run.run_once()
    await run.aclose()

    assert (result.sent, result.failed) == (0, 1)
    [row] = store.outbox_for_ticket(ticket.id)
    assert row.last_error and TOKEN not in row.last_error
    assert store.outbox_backlog() == 1


async def test_telegram_rate_limit_is_respected(make_store, fake_telegram, clock):
    fake, base_url = fake_telegram
    fake.retry_after = 600
    store = make_store(notifiers=("telegram",))
    ticket = store.create_ticket(draft())
    run = worker(store, [telegram(base_url)], clock)

    await run.run_once()
    await run.aclose()

    [row] = store.outbox_for_ticket(ticket.id)
    assert row.next_attempt_at - clock.now >= timedelta(seconds=600)


async def test_rows_for_a_notifier_that_is_not_on_stay_in_the_backlog(
    make_store, fake_telegram, clock
):
    fake, base_url = fake_telegram
    store = make_store(notifiers=("telegram", "email"))
    ticket = store.create_ticket(draft())
    run = worker(store, [telegram(base_url)], clock)

    result = await run.run_once()
    await run.aclose()

    assert (result.sent, result.failed) == (1, 1)
    email_row = next(r for r in store.outbox_for_ticket(ticket.id) if r.notifier == "email")
    assert email_row.sent_at is None and "not on" in email_row.last_error
    assert store.outbox_backlog() == 1


async def test_run_forever_delivers_and_stops_when_asked(make_store, fake_telegram, clock):
    fake, base_url = fake_telegram
    store = make_store(notifiers=("telegram",))
    store.create_ticket(draft())
    run = OutboxWorker(store, [telegram(base_url)], console_url=CONSOLE, clock=clock,
                       poll_seconds=0.05)
    stop = asyncio.Event()
    task = asyncio.create_task(run.run_forever(stop))

    await asyncio.wait_for(fake.message_arrived.wait(), timeout=20)
    stop.set()
    await asyncio.wait_for(task, timeout=20)

    assert len(fake.delivered) == 1
    assert store.outbox_backlog() == 0
    assert clock.now == T0  # the worker used the injected clock, not the wall clock
