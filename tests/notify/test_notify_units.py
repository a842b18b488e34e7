"""Configuration, message text, error scrubbing and back-off of the notifiers."""

from __future__ import annotations

import random
from datetime import timedelta

import pytest
from notify_support import PERSONAL, T0, draft

from bot.handover.urgency import assess
from bot.notify import (
    Backoff,
    EmailNotifier,
    Notification,
    TelegramNotifier,
    configured_notifier_names,
    configured_notifiers,
    console_url,
    redact,
)
from bot.notify.outbox_worker import describe_error

TELEGRAM_ENV = {"TELEGRAM_BOT_TOKEN": "1:abc", "CONSULTANT_TELEGRAM_CHAT_ID": "-42"}
EMAIL_ENV = {"SMTP_HOST": "127.0.0.1", "SMTP_PORT": "2525", "SMTP_FROM": "bot@kp.test",
             "CONSULTANT_EMAIL": "team@kp.test"}


@pytest.mark.parametrize(
    ("env", "names"),
    [
        ({}, []),
        (TELEGRAM_ENV, ["telegram"]),
        (EMAIL_ENV, ["email"]),
        ({**TELEGRAM_ENV, **EMAIL_ENV}, ["telegram", "email"]),
        ({"TELEGRAM_BOT_TOKEN": "1:abc"}, []),  # no chat to send to
        ({**EMAIL_ENV, "CONSULTANT_EMAIL": " "}, []),
    ],
)
def test_a_notifier_is_on_only_when_its_variables_are_set(env, names):
    assert configured_notifier_names(env) == names
    assert [n.name for n in configured_notifiers(env)] == names


def test_configured_notifiers_use_the_environment_values():
    telegram, email = configured_notifiers(
        {**TELEGRAM_ENV, **EMAIL_ENV, "TELEGRAM_API_BASE_URL": "http://127.0.0.1:9/bot"})
    assert isinstance(telegram, TelegramNotifier) and isinstance(email, EmailNotifier)
    assert telegram.secrets == ("1:abc",)
    message = email.build_message(Notification.from_ticket(_ticket(), "http://c"))
    assert (message["From"], message["To"]) == ("bot@kp.test", "team@kp.test")


def test_console_url_defaults_to_the_console_port():
    assert console_url({}) == "http://localhost:8080"
    assert console_url({"CONSOLE_PORT": "9090"}) == "http://localhost:9090"
    assert console_url({"CONSOLE_PUBLIC_URL": "https://console.kp.nl"}) == "https://console.kp.nl"


def _ticket(**overrides):
    from bot.tickets.models import Ticket  # built directly: no database needed here

    d = draft(**overrides)
    return Ticket(
        id="t-1", reference="KP-ABC234", created_at=d.consent_given_at,
        updated_at=d.consent_given_at, channel=d.channel, primary_topic=d.primary_topic,
        topics=d.topics, urgency=d.urgency, urgency_reason=d.urgency_reason,
        deadline=d.deadline, summary=d.summary, contact=d.contact, region=d.region,
        sector=d.sector, contract_type=d.contract_type, consent_given_at=d.consent_given_at,
        consent_text_version=d.consent_text_version, status="new", assignee=None,
        team="midden-utrecht", closed_at=None, safety_flag=d.safety_flag,
    )


def test_free_text_typed_by_the_person_is_scrubbed_in_notifications():
    ticket = _ticket(urgency_reason="bel 06-12345678 of mail fatima@example.org vóór 2026-04-01",
                     region="Utrecht, bel +32 470 12 34 56")
    text = Notification.from_ticket(ticket, "http://localhost:8080/").text()
    assert "12345678" not in text and "@" not in text and "470 12 34 56" not in text
    assert "Utrecht, bel" in text
    assert "2026-04-01" not in text  # the urgency reason stays in the console
    for value in PERSONAL.values():
        assert value not in text
    assert "http://localhost:8080/)" in text


def test_unknown_region_and_topic_still_read_well():
    ticket = _ticket(region=None, primary_topic="out_of_scope", urgency="low",
                     urgency_reason=None)
    text = Notification.from_ticket(ticket, "http://c", "Landelijk team").text()
    assert "Regio: onbekend" in text
    assert "Onderwerp: overige vraag\n" in text  # never the raw intent name
    assert "out_of_scope" not in text
    assert "Urgentie: laag\n" in text
    assert "Team: Landelijk team" in text


FORBIDDEN = ("crisis", "113", "1813", "burn-out", "burnout", "gezondheid", "health",
             "zware nood", "zelfdoding", "zelfmoord", "suïcid", "nood")


def _all_text_of(notification: Notification) -> str:
    email = EmailNotifier("127.0.0.1", 25, "bot@kp.test", "team@kp.test")
    mail = email.build_message(notification)
    return "\n".join((notification.subject(), notification.text(), str(mail))).lower()


def test_notifications_never_carry_crisis_or_health_wording():
    today = T0.date()
    flagged = _ticket(primary_topic="crisis", topics=["crisis", "workload_health"],
                      urgency="high", safety_flag=True,
                      urgency_reason=assess(["workload_health"], None, today, crisis=True).reason)
    health = _ticket(primary_topic="workload_health", topics=["workload_health"],
                     urgency="normal",
                     urgency_reason=assess(["workload_health"], None, today).reason)
    assert "113" in flagged.urgency_reason and "nood" in flagged.urgency_reason  # the input

    for ticket in (flagged, health):
        notification = Notification.from_ticket(ticket, "http://localhost:8080")
        text = _all_text_of(notification)
        for word in FORBIDDEN:
            assert word not in text, (ticket.primary_topic, word)
        assert ticket.reference.lower() in text and "regio: utrecht" in text
    assert "Urgent: graag vandaag contact opnemen" in Notification.from_ticket(
        flagged, "http://c").text()
    assert "Onderwerp: werk en welzijn" in Notification.from_ticket(health, "http://c").text()


def test_a_flagged_notification_looks_like_any_other_urgent_one():
    flagged = _ticket(primary_topic="stuck", urgency="high", safety_flag=True,
                      urgency_reason=assess([], None, T0.date(), crisis=True).reason)
    urgent = _ticket(primary_topic="stuck", urgency="high", urgency_reason="Baan al kwijt.")
    assert Notification.from_ticket(flagged, "http://c") == Notification.from_ticket(
        urgent, "http://c")


@pytest.mark.parametrize("region", ["Utrecht, ik heb een burn-out", "bel 113 a.u.b.",
                                    "crisis in Gent"])
def test_a_region_with_sensitive_words_is_left_out(region):
    text = Notification.from_ticket(_ticket(region=region), "http://c").text()
    assert "Regio: [verwijderd]" in text
    assert region not in text


def test_notices_name_reference_assignee_and_team_only():
    changed = Notification.notice("changed", "KP-ABC234", "midden-utrecht", "anna",
                                  "http://c/", "Midden-Utrecht")
    assert changed.subject() == "Koffiepraat: aanvraag KP-ABC234 gewijzigd door de persoon"
    assert changed.text().splitlines()[0] == "Aanvraag KP-ABC234 gewijzigd door de persoon"
    assert "Behandelaar: anna" in changed.text() and "Team: Midden-Utrecht" in changed.text()
    withdrawn = Notification.notice("withdrawn", "KP-ABC234", "midden-utrecht", "anna",
                                    "http://c")
    assert withdrawn.subject() == "Koffiepraat: aanvraag KP-ABC234 ingetrokken door de persoon"
    assert "http://c" not in withdrawn.text()  # nothing left to open
    for notice in (changed, withdrawn):
        for word in FORBIDDEN:
            assert word not in _all_text_of(notice)
    with pytest.raises(ValueError):
        Notification.notice("deleted", "KP-ABC234", None, None, "http://c")


def test_a_postcode_is_not_mistaken_for_a_helpline():
    text = Notification.from_ticket(_ticket(region="1131 AB Volendam"), "http://c").text()
    assert "Regio: 1131 AB Volendam" in text


def test_redact_keeps_ordinary_text():
    assert redact("deadline over 3 weken") == "deadline over 3 weken"
    assert redact(None) is None


def test_describe_error_removes_secrets_and_contact_details():
    exc = RuntimeError("token 1:abc rejected for fatima@example.org\nline two")
    text = describe_error(exc, secrets=("1:abc",))
    assert text.startswith("RuntimeError: token [geheim] rejected for [verwijderd]")
    assert "\n" not in text


def test_backoff_doubles_with_jitter_and_is_capped():
    backoff = Backoff(base_seconds=30, cap_seconds=3600, rng=random.Random(3))
    for attempt, upper in [(1, 30), (2, 60), (3, 120), (4, 240), (8, 3600), (30, 3600)]:
        for _ in range(20):
            delay = backoff.delay(attempt)
            assert timedelta(seconds=upper / 2) <= delay <= timedelta(seconds=upper)
    delays = {Backoff(rng=random.Random(seed)).delay(3) for seed in range(5)}
    assert len(delays) > 1  # jitter: retries of many rows do not line up
