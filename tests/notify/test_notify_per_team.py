"""Notifications per team (issue 15, item 1): routing.yml gives a team its own Telegram group
and/or mailbox and the coordinator theirs, literally or by environment variable; anything
not set goes to the default (CONSULTANT_TELEGRAM_CHAT_ID / CONSULTANT_EMAIL). End to end
through the fake Telegram Bot API and the fake SMTP server, on a clock the test moves."""

from __future__ import annotations

from datetime import UTC, datetime
from email import message_from_bytes
from email.policy import default as default_policy

import pytest
from notify_fakes import CHAT_ID, TOKEN
from notify_support import draft

from bot.notify import OutboxWorker
from bot.notify.notify_settings import configured_notifiers
from bot.tickets.routing import load_routing

ROUTING = """\
default: landelijk
coordinator:
  telegram_chat_id_env: TEST_COORDINATOR_CHAT
  email: coordinator@kp.test
teams:
  landelijk:
    label: Landelijk
  utrecht:
    label: Team Utrecht
    places: [Utrecht]
    notify:
      telegram_chat_id_env: TEST_UTRECHT_CHAT
      email_env: TEST_UTRECHT_EMAIL
  gent:
    label: Team Gent
    places: [Gent]
    notify:
      telegram_chat_id: "-777"
  zwolle:
    label: Team Zwolle
    places: [Zwolle]
    notify:
      telegram_chat_id_env: TEST_ZWOLLE_CHAT_UNSET
"""
UTRECHT_CHAT, COORDINATOR_CHAT = "-1001", "-999"


@pytest.fixture
def routing(tmp_path):
    path = tmp_path / "routing.yml"
    path.write_text(ROUTING, encoding="utf-8")
    return load_routing(path)


def env_for(base_url: str, smtp_port: int) -> dict[str, str]:
    return {
        "TELEGRAM_BOT_TOKEN": TOKEN, "CONSULTANT_TELEGRAM_CHAT_ID": CHAT_ID,
        "TELEGRAM_API_BASE_URL": base_url,
        "SMTP_HOST": "127.0.0.1", "SMTP_PORT": str(smtp_port),
        "SMTP_FROM": "bot@kp.test", "CONSULTANT_EMAIL": "team@kp.test",
        "TEST_UTRECHT_CHAT": UTRECHT_CHAT, "TEST_UTRECHT_EMAIL": "utrecht@kp.test",
        "TEST_COORDINATOR_CHAT": COORDINATOR_CHAT,
    }


def chats_for(fake, reference: str) -> list[str]:
    return [str(m["chat_id"]) for m in fake.delivered if reference in m["text"]]


def mailboxes_for(handler, reference: str) -> list[str]:
    found = []
    for envelope in handler.messages:
        mail = message_from_bytes(envelope.content, policy=default_policy)
        if reference in mail["Subject"]:
            assert envelope.rcpt_tos == [mail["To"]]
            found.append(mail["To"])
    return found


async def test_each_team_hears_in_its_own_group_and_the_coordinator_in_theirs(
    open_store, tmp_path, routing, fake_telegram, fake_smtp, clock
):
    fake, base_url = fake_telegram
    handler, port = fake_smtp
    env = env_for(base_url, port)
    store = open_store(f"sqlite:///{tmp_path / 't.db'}", notifiers=("telegram", "email"),
                       routing=routing, clock=clock)
    worker = OutboxWorker(store, configured_notifiers(env, routing), clock=clock)
    utrecht = store.create_ticket(draft("u", region="Utrecht", urgency="normal"))
    gent = store.create_ticket(draft("g", region="Gent", urgency="normal"))
    zwolle = store.create_ticket(draft("z", region="Zwolle", urgency="normal"))
    elsewhere = store.create_ticket(draft("x", region="Texel", urgency="normal"))
    crisis = store.create_ticket(draft("c", region="Utrecht", urgency="high",
                                       safety_flag=True))
    assert [t.team for t in (utrecht, gent, zwolle, elsewhere)] == [
        "utrecht", "gent", "zwolle", "landelijk"]

    await worker.run_once()
    assert chats_for(fake, utrecht.reference) == [UTRECHT_CHAT]
    assert mailboxes_for(handler, utrecht.reference) == ["utrecht@kp.test"]
    assert chats_for(fake, gent.reference) == ["-777"]  # literal chat id
    assert mailboxes_for(handler, gent.reference) == ["team@kp.test"]  # no mailbox: default
    assert chats_for(fake, zwolle.reference) == [CHAT_ID]  # its variable is unset: default
    assert chats_for(fake, elsewhere.reference) == [CHAT_ID]
    # The crisis ticket: its team as urgent, and the coordinator at once.
    assert sorted(chats_for(fake, crisis.reference)) == sorted([UTRECHT_CHAT, COORDINATOR_CHAT])
    assert sorted(mailboxes_for(handler, crisis.reference)) == [
        "coordinator@kp.test", "utrecht@kp.test"]
    coordinator_text = next(m["text"] for m in fake.delivered
                            if str(m["chat_id"]) == COORDINATOR_CHAT)
    assert coordinator_text.startswith(f"Voor de coördinator: urgente aanvraag {crisis.reference}")

    clock.now = datetime(2026, 3, 3, 12, 45, tzinfo=UTC)  # half time: the team
    await worker.run_once()
    assert chats_for(fake, utrecht.reference) == [UTRECHT_CHAT, UTRECHT_CHAT]
    assert chats_for(fake, gent.reference) == ["-777", "-777"]

    clock.now = datetime(2026, 3, 4, 16, 0, tzinfo=UTC)  # the deadline: the coordinator
    await worker.run_once()
    await worker.aclose()
    assert chats_for(fake, utrecht.reference)[-1] == COORDINATOR_CHAT
    assert chats_for(fake, gent.reference)[-1] == COORDINATOR_CHAT
    assert mailboxes_for(handler, gent.reference)[-1] == "coordinator@kp.test"
    assert store.outbox_backlog() == 0


def test_without_routing_destinations_everything_goes_to_the_default(routing):
    env = {"TELEGRAM_BOT_TOKEN": TOKEN, "CONSULTANT_TELEGRAM_CHAT_ID": CHAT_ID}
    (telegram,) = configured_notifiers(env, routing)
    from bot.notify import Notification

    for kind in ("new", "reminder_half", "reminder_due", "coordinator"):
        note = Notification(reference="KP-ABC234", topic_label="", urgency="normal",
                            region=None, team="utrecht", team_label="Team Utrecht",
                            console_url="http://c", kind=kind)
        assert telegram.destination(note) == CHAT_ID


@pytest.mark.parametrize("spec, problem", [
    ("notify: {telegram: '-1'}", "unknown key"),
    ("notify: {email_env: 'lower-case'}", "environment variable"),
    ("notify: [a]", "mapping"),
])
def test_a_wrong_destination_in_routing_yml_is_refused(tmp_path, spec, problem):
    path = tmp_path / "routing.yml"
    path.write_text(f"default: a\nteams:\n  a:\n    {spec}\n", encoding="utf-8")
    with pytest.raises(ValueError, match=problem):
        load_routing(path)


def test_the_shipped_routing_names_the_coordinator_and_flemish_variables():
    routing = load_routing()
    env = {"COORDINATOR_EMAIL": "c@kp.test", "VLAANDEREN_TELEGRAM_CHAT_ID": "-42"}
    assert routing.coordinator_destination("email", env) == "c@kp.test"
    assert routing.coordinator_destination("telegram", env) is None
    assert routing.destination("telegram", "vlaanderen", env) == "-42"
    assert routing.destination("telegram", "midden-utrecht", env) is None
