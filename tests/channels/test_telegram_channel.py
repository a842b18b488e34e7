"""Telegram channel through a real Rasa Sanic app against a fake Bot API on loopback."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest
from channel_fakes import TELEGRAM_SECRET, TELEGRAM_TOKEN, TelegramStack
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rasa.core.run import create_http_input_channels
from rasa.shared.exceptions import RasaException

from bot.channels import telegram as telegram_module
from bot.channels.reply_text import ONLY_TEXT_REPLY
from bot.channels.telegram import CALLBACK_DATA_MAX_BYTES, TelegramInput

CHAT_ID = 5550001
USER = {"id": CHAT_ID, "is_bot": False, "first_name": "Test"}
CHAT = {"id": CHAT_ID, "type": "private", "first_name": "Test"}


def message(**content: Any) -> dict[str, Any]:
    return {"message_id": 7, "date": 1_700_000_000, "chat": CHAT, "from": USER, **content}


def update(stack: TelegramStack, **fields: Any) -> dict[str, Any]:
    return {"update_id": stack.next_update_id(), **fields}


def tap(stack: TelegramStack, data: str, keyboard: list | None = None) -> dict[str, Any]:
    tapped = message(text="Kies maar")
    if keyboard is not None:
        tapped["reply_markup"] = {"inline_keyboard": keyboard}
    query = {"id": "cbq-1", "from": USER, "chat_instance": "ci", "data": data, "message": tapped}
    return update(stack, callback_query=query)


# --------------------------------------------------------------------------- authentication


@pytest.mark.parametrize("secret", [None, "", "wrong-secret", TELEGRAM_SECRET + "x"])
async def test_wrong_or_missing_secret_is_refused_before_parsing(telegram, secret):
    status, _ = await telegram.post(update(telegram, message=message(text="hoi")), secret=secret)
    assert status == 403
    assert telegram.agent.messages == []
    assert telegram.api.calls == []


async def test_malformed_json_with_right_secret_is_a_bad_request(telegram):
    assert (await telegram.post(b"{not json"))[0] == 400
    assert (await telegram.post(b"[1, 2]"))[0] == 400
    assert (await telegram.post({"no_update_id": True}))[0] == 400
    assert telegram.agent.messages == []


# --------------------------------------------------------------------------- text and buttons


async def test_text_goes_to_rasa_and_reply_comes_back_with_inline_buttons(telegram):
    status, _ = await telegram.post(update(telegram, message=message(text="Ik zit vast")))

    assert status == 200
    [received] = telegram.agent.messages
    assert received.text == "Ik zit vast"
    assert received.sender_id == f"telegram:{CHAT_ID}"
    assert received.input_channel == "telegram"
    [sent] = telegram.api.of("sendMessage")
    assert sent.path == f"/bot{TELEGRAM_TOKEN}/sendMessage"
    assert sent.params["chat_id"] == CHAT_ID
    assert sent.params["text"] == "Je zei: Ik zit vast"
    keyboard = sent.params["reply_markup"]["inline_keyboard"]
    assert [[b["text"], b["callback_data"]] for [b] in keyboard] == [
        ["Ja, graag", "/affirm"],
        ["Nee, dank je", "/deny"],
    ]


async def test_start_command_becomes_greet(telegram):
    await telegram.post(update(telegram, message=message(text="/start")))
    await telegram.post(update(telegram, message=message(text="/start@kp_bot campagne")))
    assert telegram.agent.texts == ["/greet", "/greet"]


async def test_button_tap_answers_the_callback_and_sends_the_payload(telegram):
    status, _ = await telegram.post(tap(telegram, "/affirm"))

    assert status == 200
    [answered] = telegram.api.of("answerCallbackQuery")
    assert answered.params["callback_query_id"] == "cbq-1"
    assert telegram.agent.texts == ["/affirm"]
    assert telegram.agent.messages[0].sender_id == f"telegram:{CHAT_ID}"


async def test_long_payload_gets_a_short_key_that_maps_back(telegram):
    payload = '/inform{"sector": "financiele_dienstverlening", "contract_type": "nulurencontract"}'
    assert len(payload.encode()) > CALLBACK_DATA_MAX_BYTES
    telegram.agent.reply = lambda m: [
        {"text": "In welke sector werk je?", "buttons": [{"title": "Bank", "payload": payload}]}
    ]
    await telegram.post(update(telegram, message=message(text="sector")))
    [sent] = telegram.api.of("sendMessage")
    [[button]] = sent.params["reply_markup"]["inline_keyboard"]
    key = button["callback_data"]
    assert 1 <= len(key.encode()) <= CALLBACK_DATA_MAX_BYTES
    assert key != payload

    telegram.agent.reply = lambda m: []
    await telegram.post(tap(telegram, key))
    assert telegram.agent.texts[-1] == payload


async def test_forgotten_key_falls_back_to_the_button_title(telegram):
    keyboard = [[{"text": "Financiële dienstverlening", "callback_data": "k:0123456789abcdef"}]]
    telegram.agent.reply = lambda m: []
    await telegram.post(tap(telegram, "k:0123456789abcdef", keyboard))
    assert telegram.agent.texts == ["Financiële dienstverlening"]


async def test_forgotten_key_without_keyboard_asks_to_type(telegram):
    await telegram.post(tap(telegram, "k:unknown"))
    assert telegram.agent.messages == []
    [sent] = telegram.api.of("sendMessage")
    assert sent.params["text"] == telegram_module.EXPIRED_BUTTON_REPLY


# --------------------------------------------------------------------------- odd updates


async def test_edited_message_is_ignored_without_error(telegram):
    edited = message(text="eigenlijk bedoelde ik iets anders", edit_date=1_700_000_100)
    status, _ = await telegram.post(update(telegram, edited_message=edited))
    assert status == 200
    assert telegram.agent.messages == []
    assert telegram.api.calls == []


@pytest.mark.parametrize(
    "content",
    [
        {
            "sticker": {
                "file_id": "s1",
                "file_unique_id": "u1",
                "type": "regular",
                "width": 512,
                "height": 512,
                "is_animated": False,
                "is_video": False,
            }
        },
        {"photo": [{"file_id": "p1", "file_unique_id": "u2", "width": 90, "height": 90}]},
        {"voice": {"file_id": "v1", "file_unique_id": "u3", "duration": 3}},
        {"document": {"file_id": "d1", "file_unique_id": "u4"}},
        {"location": {"latitude": 52.09, "longitude": 5.12}},
        {"contact": {"phone_number": "+31600000000", "first_name": "Test"}},
        {"dice": {"emoji": "🎲", "value": 3}},
    ],
    ids=["sticker", "photo", "voice", "document", "location", "contact", "dice"],
)
async def test_non_text_messages_get_one_friendly_line_and_no_rasa_call(telegram, content):
    status, _ = await telegram.post(update(telegram, message=message(**content)))
    assert status == 200
    assert telegram.agent.messages == []
    [sent] = telegram.api.of("sendMessage")
    assert sent.params == {"chat_id": CHAT_ID, "text": ONLY_TEXT_REPLY}


async def test_unknown_update_type_is_answered_200_and_ignored(telegram):
    status, _ = await telegram.post(update(telegram, brand_new_thing={"anything": [1, 2]}))
    assert status == 200
    assert telegram.agent.messages == []
    assert telegram.api.calls == []


async def test_blocked_bot_membership_update_is_ignored(telegram):
    member = {
        "chat": CHAT,
        "from": USER,
        "date": 1_700_000_000,
        "old_chat_member": {"status": "member", "user": USER},
        "new_chat_member": {"status": "kicked", "user": USER, "until_date": 0},
    }
    status, _ = await telegram.post(update(telegram, my_chat_member=member))
    assert status == 200
    assert telegram.api.calls == []


async def test_reaction_is_ignored_quietly(telegram):
    reaction = {
        "chat": CHAT,
        "message_id": 7,
        "user": USER,
        "date": 1_700_000_000,
        "old_reaction": [],
        "new_reaction": [{"type": "emoji", "emoji": "👍"}],
    }
    status, _ = await telegram.post(update(telegram, message_reaction=reaction))
    assert status == 200
    assert telegram.agent.messages == []
    assert telegram.api.calls == []


async def test_group_messages_never_reach_rasa(telegram):
    # the same bot posts consultant notifications in a group
    group = {"id": -100123, "type": "supergroup", "title": "Consulenten"}
    status, _ = await telegram.post(
        update(telegram, message={**message(text="/start"), "chat": group})
    )
    assert status == 200
    sticker = {
        "file_id": "s",
        "file_unique_id": "u",
        "type": "regular",
        "width": 1,
        "height": 1,
        "is_animated": False,
        "is_video": False,
    }
    await telegram.post(update(telegram, message={**message(sticker=sticker), "chat": group}))
    assert telegram.agent.messages == []
    assert telegram.api.calls == []


async def test_button_tap_in_a_group_is_answered_but_not_forwarded(telegram):
    body = tap(telegram, "/affirm")
    body["callback_query"]["message"]["chat"] = {"id": -100123, "type": "supergroup"}
    assert (await telegram.post(body))[0] == 200
    assert len(telegram.api.of("answerCallbackQuery")) == 1
    assert telegram.agent.messages == []


async def test_rasa_failure_still_answers_200_and_logs_no_personal_data(telegram, caplog):
    telegram.agent.fail = True
    with caplog.at_level("DEBUG", logger="bot.channels"):
        status, _ = await telegram.post(update(telegram, message=message(text="mijn geheim")))
    assert status == 200
    assert telegram.agent.texts == ["mijn geheim"]
    assert "RuntimeError" in caplog.text
    assert "geheim" not in caplog.text
    assert str(CHAT_ID) not in caplog.text


async def test_same_update_delivered_twice_is_handled_once(telegram):
    body = update(telegram, message=message(text="twee keer"))
    assert (await telegram.post(body))[0] == 200
    assert (await telegram.post(body))[0] == 200
    assert telegram.agent.texts == ["twee keer"]


# --------------------------------------------------------------------------- sending


async def test_long_reply_is_split_on_sentence_boundaries(telegram):
    sentence = "Dit is een rustige zin over je loopbaan en wat je wilt. "
    long_text = sentence * 150  # about 8,500 characters
    telegram.agent.reply = lambda m: [{"text": long_text}]
    await telegram.post(update(telegram, message=message(text="vertel")))

    parts = [c.params["text"] for c in telegram.api.of("sendMessage")]
    assert len(parts) == 3
    assert all(len(p) <= 4096 for p in parts)
    assert all(p.endswith(".") for p in parts)
    assert " ".join(parts) == long_text.strip()


async def test_api_failing_twice_then_succeeding_is_retried_with_backoff(telegram):
    telegram.api.failures["sendMessage"] = [500, 502]
    telegram.agent.reply = lambda m: [{"text": "Daar ben ik weer."}]
    status, _ = await telegram.post(update(telegram, message=message(text="hoi")))

    assert status == 200
    attempts = telegram.api.of("sendMessage")
    assert len(attempts) == 3
    assert all(a.params["text"] == "Daar ben ik weer." for a in attempts)
    assert telegram.sleep.delays == [0.5, 1.0]


async def test_bad_request_is_not_retried(telegram):
    telegram.api.failures["sendMessage"] = [400]
    telegram.agent.reply = lambda m: [{"text": "Een"}, {"text": "Twee"}]
    status, _ = await telegram.post(update(telegram, message=message(text="hoi")))
    assert status == 200
    # the failed first message is not repeated; the second still goes out
    assert [c.params["text"] for c in telegram.api.of("sendMessage")] == ["Een", "Twee"]
    assert telegram.sleep.delays == []


async def test_api_that_keeps_failing_never_breaks_the_webhook(telegram):
    telegram.api.failures["sendMessage"] = [503] * 10
    status, _ = await telegram.post(update(telegram, message=message(text="hoi")))
    assert status == 200
    assert len(telegram.api.of("sendMessage")) == 3


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    body=st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
        lambda inner: (
            st.lists(inner, max_size=4)
            | st.dictionaries(
                st.sampled_from(
                    [
                        "update_id",
                        "message",
                        "edited_message",
                        "callback_query",
                        "chat",
                        "text",
                        "id",
                        "data",
                        "from",
                        "date",
                        "sticker",
                        "photo",
                        "x",
                    ]
                )
                | st.text(max_size=8),
                inner,
                max_size=5,
            )
        ),
        max_leaves=20,
    )
)
async def test_random_json_never_causes_a_server_error(telegram, body):
    status, _ = await telegram.post(json.dumps(body).encode())
    assert status < 500


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    update_id=st.integers(min_value=1, max_value=2**31),
    text=st.one_of(st.none(), st.integers(), st.text(max_size=50)),
    chat=st.one_of(st.none(), st.integers(), st.fixed_dictionaries({"id": st.integers()})),
)
async def test_random_message_shapes_never_cause_a_server_error(telegram, update_id, text, chat):
    body = {"update_id": update_id, "message": {"message_id": 1, "date": 0, "chat": chat}}
    if text is not None:
        body["message"]["text"] = text
    status, _ = await telegram.post(body)
    assert status < 500


# --------------------------------------------------------------------------- configuration


def test_credentials_file_with_empty_section_reads_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "999:abc")
    monkeypatch.setenv("TELEGRAM_WEBHOOK_SECRET", "geheim")
    monkeypatch.setenv("TELEGRAM_API_BASE_URL", "http://127.0.0.1:9/bot")
    credentials = tmp_path / "credentials.yml"
    credentials.write_text("bot.channels.telegram.TelegramInput:\n")

    [channel] = create_http_input_channels(None, str(credentials))

    assert isinstance(channel, TelegramInput)
    assert channel.name() == "telegram"
    assert channel.bot.base_url == "http://127.0.0.1:9/bot999:abc"
    assert channel.secret_matches("geheim")
    assert telegram_module.REQUIRED_ENV == ("TELEGRAM_BOT_TOKEN", "TELEGRAM_WEBHOOK_SECRET")


def test_missing_secret_refuses_to_start(monkeypatch):
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "999:abc")
    monkeypatch.delenv("TELEGRAM_WEBHOOK_SECRET", raising=False)
    with pytest.raises(RasaException, match="TELEGRAM_WEBHOOK_SECRET"):
        TelegramInput.from_credentials(None)


def test_default_base_url_is_telegrams(monkeypatch):
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "999:abc")
    monkeypatch.setenv("TELEGRAM_WEBHOOK_SECRET", "geheim")
    monkeypatch.delenv("TELEGRAM_API_BASE_URL", raising=False)
    channel = TelegramInput.from_credentials({})
    assert channel.bot.base_url == "https://api.telegram.org/bot999:abc"


async def test_set_webhook_cli_registers_url_with_secret(telegram_api, monkeypatch, capsys):
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", TELEGRAM_TOKEN)
    monkeypatch.setenv("TELEGRAM_WEBHOOK_SECRET", TELEGRAM_SECRET)
    monkeypatch.setenv("TELEGRAM_API_BASE_URL", telegram_api.base_url)
    url = "https://koffiepraat.example/webhooks/telegram/webhook"

    # main() runs its own event loop, so it goes to a worker thread
    exit_code = await asyncio.to_thread(telegram_module.main, ["set-webhook", url])

    assert exit_code == 0
    [call] = telegram_api.of("setWebhook")
    assert call.params["url"] == url
    assert call.params["secret_token"] == TELEGRAM_SECRET
    assert "Webhook set." in capsys.readouterr().out


async def test_set_webhook_cli_reports_failure(telegram_api, monkeypatch, capsys):
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", TELEGRAM_TOKEN)
    monkeypatch.setenv("TELEGRAM_WEBHOOK_SECRET", TELEGRAM_SECRET)
    monkeypatch.setenv("TELEGRAM_API_BASE_URL", telegram_api.base_url)
    telegram_api.failures["setWebhook"] = [400]
    exit_code = await asyncio.to_thread(telegram_module.main, ["set-webhook", "http://x"])
    assert exit_code == 1
    assert TELEGRAM_SECRET not in capsys.readouterr().err
