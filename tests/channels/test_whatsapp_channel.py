"""WhatsApp channel through a real Rasa Sanic app against a fake Graph API on loopback."""

from __future__ import annotations

import itertools
import json
import socket
from typing import Any

import aiohttp
import pytest
from channel_fakes import (
    WA_ACCESS_TOKEN,
    WA_APP_SECRET,
    WA_PHONE_NUMBER_ID,
    WA_VERIFY_TOKEN,
    WHATSAPP_PATH,
    FakeAgent,
    FakeClock,
    RasaApp,
    fast_retry,
    sign,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rasa.core.run import create_http_input_channels
from rasa.shared.exceptions import RasaException

from bot.channels import whatsapp as whatsapp_module
from bot.channels.reply_text import ONLY_TEXT_REPLY
from bot.channels.whatsapp import SIGNATURE_HEADER, WhatsAppInput

PERSON = "31612345678"
_message_ids = itertools.count(1)


def inbound(*messages: dict[str, Any], statuses: list | None = None) -> dict[str, Any]:
    value: dict[str, Any] = {
        "messaging_product": "whatsapp",
        "metadata": {"display_phone_number": "31850000000", "phone_number_id": WA_PHONE_NUMBER_ID},
    }
    if messages:
        value["contacts"] = [{"profile": {"name": "Test"}, "wa_id": PERSON}]
        value["messages"] = list(messages)
    if statuses is not None:
        value["statuses"] = statuses
    return {
        "object": "whatsapp_business_account",
        "entry": [{"id": "WABA", "changes": [{"field": "messages", "value": value}]}],
    }


def wa_message(kind: str, content: Any, message_id: str | None = None) -> dict[str, Any]:
    return {
        "from": PERSON,
        "id": message_id or f"wamid.in{next(_message_ids)}",
        "timestamp": "1700000000",
        "type": kind,
        kind: content,
    }


def text(body: str, message_id: str | None = None) -> dict[str, Any]:
    return wa_message("text", {"body": body}, message_id)


def button_reply(reply_id: str, title: str = "Ja") -> dict[str, Any]:
    return wa_message(
        "interactive", {"type": "button_reply", "button_reply": {"id": reply_id, "title": title}}
    )


def list_reply(reply_id: str, title: str = "Optie") -> dict[str, Any]:
    return wa_message(
        "interactive", {"type": "list_reply", "list_reply": {"id": reply_id, "title": title}}
    )


def options(count: int, title: str = "Optie") -> list[dict[str, str]]:
    return [
        {"title": f"{title} {n}", "payload": f'/choose{{"n": {n}}}'} for n in range(1, count + 1)
    ]


# --------------------------------------------------------------------------- verification


async def test_verification_handshake_echoes_the_challenge_as_plain_text(whatsapp):
    status, body, content_type = await whatsapp.verify(
        {
            "hub.mode": "subscribe",
            "hub.verify_token": WA_VERIFY_TOKEN,
            "hub.challenge": "1158201444",
        }
    )
    assert (status, body, content_type) == (200, "1158201444", "text/plain")


@pytest.mark.parametrize(
    "params",
    [
        {"hub.mode": "subscribe", "hub.verify_token": "wrong", "hub.challenge": "1"},
        {"hub.mode": "unsubscribe", "hub.verify_token": WA_VERIFY_TOKEN, "hub.challenge": "1"},
        {"hub.mode": "subscribe", "hub.challenge": "1"},
        {},
    ],
    ids=["wrong-token", "wrong-mode", "no-token", "nothing"],
)
async def test_verification_with_wrong_token_or_mode_is_forbidden(whatsapp, params):
    status, body, _ = await whatsapp.verify(params)
    assert status == 403
    assert "1" not in body


# --------------------------------------------------------------------------- signatures


async def test_missing_signature_is_unauthorized(whatsapp):
    status, _ = await whatsapp.post(inbound(text("hoi")), signed=False)
    assert status == 401
    assert whatsapp.agent.messages == []


@pytest.mark.parametrize(
    "signature",
    ["sha256=" + "0" * 64, "sha1=abc", "", "sha256=", sign(b"another body", WA_APP_SECRET)],
)
async def test_wrong_signature_is_unauthorized_before_parsing(whatsapp, signature):
    status, _ = await whatsapp.post(inbound(text("hoi")), signature=signature or " ")
    assert status == 401
    assert whatsapp.agent.messages == []
    assert whatsapp.api.calls == []


async def test_signature_with_another_secret_is_unauthorized(whatsapp):
    body = json.dumps(inbound(text("hoi"))).encode()
    status, _ = await whatsapp.post(body, signature=sign(body, "not-the-app-secret"))
    assert status == 401


async def test_signed_invalid_json_is_a_bad_request(whatsapp):
    assert (await whatsapp.post(b"{broken"))[0] == 400


# --------------------------------------------------------------------------- text and taps


async def test_text_goes_to_rasa_and_reply_buttons_come_back(whatsapp):
    status, _ = await whatsapp.post(inbound(text("Ik wil iets anders gaan doen")))

    assert status == 200
    [received] = whatsapp.agent.messages
    assert received.text == "Ik wil iets anders gaan doen"
    assert received.sender_id == f"whatsapp:{PERSON}"  # its own namespace
    assert received.input_channel == "whatsapp"
    assert received.metadata == {"whatsapp_phone_number_id": WA_PHONE_NUMBER_ID}
    [call] = whatsapp.api.calls
    assert call.path == f"/v21.0/{WA_PHONE_NUMBER_ID}/messages"
    assert call.headers["Authorization"] == f"Bearer {WA_ACCESS_TOKEN}"
    sent = call.params
    assert sent["messaging_product"] == "whatsapp"
    assert sent["to"] == PERSON
    assert sent["type"] == "interactive"
    assert sent["interactive"]["type"] == "button"
    assert sent["interactive"]["body"]["text"] == "Je zei: Ik wil iets anders gaan doen"
    assert sent["interactive"]["action"]["buttons"] == [
        {"type": "reply", "reply": {"id": "/affirm", "title": "Ja, graag"}},
        {"type": "reply", "reply": {"id": "/deny", "title": "Nee, dank je"}},
    ]


async def test_button_and_list_replies_use_the_id_as_payload(whatsapp):
    whatsapp.agent.reply = lambda m: []
    await whatsapp.post(inbound(button_reply("/affirm", "Ja, graag")))
    await whatsapp.post(inbound(list_reply('/inform{"sector": "zorg"}', "Zorg")))
    assert whatsapp.agent.texts == ["/affirm", '/inform{"sector": "zorg"}']


async def test_template_quick_reply_button_uses_its_payload(whatsapp):
    whatsapp.agent.reply = lambda m: []
    await whatsapp.post(inbound(wa_message("button", {"payload": "/affirm", "text": "Ja"})))
    assert whatsapp.agent.texts == ["/affirm"]


async def test_duplicate_message_id_is_handled_once(whatsapp):
    body = inbound(text("Hallo", message_id="wamid.same"))
    assert (await whatsapp.post(body))[0] == 200
    assert (await whatsapp.post(body))[0] == 200
    assert whatsapp.agent.texts == ["Hallo"]
    assert len(whatsapp.api.calls) == 1


async def test_statuses_are_acknowledged_and_ignored(whatsapp):
    receipt = {
        "id": "wamid.out1",
        "status": "delivered",
        "timestamp": "1700000001",
        "recipient_id": PERSON,
    }
    status, _ = await whatsapp.post(inbound(statuses=[receipt]))
    assert status == 200
    assert whatsapp.agent.messages == []
    assert whatsapp.api.calls == []


async def test_other_payload_fields_are_acknowledged(whatsapp):
    other = {
        "object": "whatsapp_business_account",
        "entry": [{"changes": [{"field": "account_update", "value": {"event": "X"}}]}],
    }
    assert (await whatsapp.post(other))[0] == 200
    assert whatsapp.agent.messages == []


@pytest.mark.parametrize(
    "kind, content",
    [
        ("image", {"id": "media1", "mime_type": "image/jpeg", "sha256": "x"}),
        ("audio", {"id": "media2", "mime_type": "audio/ogg", "voice": True}),
        ("sticker", {"id": "media3", "mime_type": "image/webp", "animated": False}),
        ("location", {"latitude": 52.09, "longitude": 5.12}),
        ("document", {"id": "media4", "filename": "cv.pdf"}),
        ("unsupported", {}),
    ],
)
async def test_non_text_messages_get_the_friendly_line_and_no_rasa_call(whatsapp, kind, content):
    status, _ = await whatsapp.post(inbound(wa_message(kind, content)))
    assert status == 200
    assert whatsapp.agent.messages == []
    [sent] = whatsapp.api.messages
    assert sent["type"] == "text"
    assert sent["text"]["body"] == ONLY_TEXT_REPLY


async def test_reaction_is_ignored_quietly(whatsapp):
    reaction = wa_message("reaction", {"message_id": "wamid.out1", "emoji": "👍"})
    assert (await whatsapp.post(inbound(reaction)))[0] == 200
    assert whatsapp.agent.messages == []
    assert whatsapp.api.calls == []


async def test_messages_for_another_phone_number_are_ignored(whatsapp):
    body = inbound(text("hoi"))
    body["entry"][0]["changes"][0]["value"]["metadata"]["phone_number_id"] = "other-number"
    assert (await whatsapp.post(body))[0] == 200
    assert whatsapp.agent.messages == []
    assert whatsapp.api.calls == []


async def test_rasa_failure_still_answers_200_and_logs_no_personal_data(whatsapp, caplog):
    whatsapp.agent.fail = True
    with caplog.at_level("DEBUG", logger="bot.channels"):
        status, _ = await whatsapp.post(inbound(text("mijn geheime zorg")))
    assert status == 200
    assert whatsapp.agent.texts == ["mijn geheime zorg"]
    assert "RuntimeError" in caplog.text
    assert "geheime" not in caplog.text
    assert PERSON not in caplog.text


async def test_both_channels_share_one_rasa_app(graph_api, telegram_api):
    from bot.channels.telegram import TelegramInput

    telegram_channel = TelegramInput("1:t", "s", telegram_api.base_url)
    whatsapp_channel = WhatsAppInput("v", "a", "t", WA_PHONE_NUMBER_ID, graph_api.base_url)
    rasa = RasaApp([telegram_channel, whatsapp_channel], FakeAgent())
    url = await rasa.start()
    try:
        params = {"hub.mode": "subscribe", "hub.verify_token": "v", "hub.challenge": "ok"}
        async with aiohttp.ClientSession() as http:
            async with http.get(url + WHATSAPP_PATH, params=params) as reply:
                assert (reply.status, await reply.text()) == (200, "ok")
            async with http.post(url + "/webhooks/telegram/webhook", data=b"{}") as reply:
                assert reply.status == 403
    finally:
        await rasa.stop()


# --------------------------------------------------------------------------- sending


async def test_long_text_is_split_on_sentence_boundaries(whatsapp):
    sentence = "Het is goed om stil te staan bij wat je echt belangrijk vindt. "
    long_text = sentence * 140  # about 8,800 characters
    whatsapp.agent.reply = lambda m: [{"text": long_text}]
    await whatsapp.post(inbound(text("vertel")))

    bodies = [m["text"]["body"] for m in whatsapp.api.messages]
    assert len(bodies) == 3
    assert all(len(b) <= 4096 for b in bodies)
    assert all(b.endswith("vindt.") for b in bodies)
    assert " ".join(bodies) == long_text.strip()


async def test_long_button_titles_are_cut_on_a_word_with_ellipsis_and_stay_unique(whatsapp):
    whatsapp.agent.reply = lambda m: [
        {
            "text": "Waar wil je over praten?",
            "buttons": [
                {"title": "Een gesprek met een loopbaanadviseur", "payload": "/request_human"},
                {"title": "Een gesprek met een loopbaancoach", "payload": "/career_test"},
                {"title": "Kort", "payload": "/deny"},
            ],
        }
    ]
    await whatsapp.post(inbound(text("hoi")))
    [sent] = whatsapp.api.messages
    titles = [b["reply"]["title"] for b in sent["interactive"]["action"]["buttons"]]
    assert all(len(t) <= 20 for t in titles)
    # both start the same, so each keeps the words that tell them apart
    assert titles[0] == "…loopbaanadviseur"
    assert titles[1] == "…een loopbaancoach"
    assert len(set(titles)) == 3
    assert titles[2] == "Kort"


async def test_four_to_ten_buttons_become_a_list_message(whatsapp):
    buttons = options(7, "Een heel lange optietitel nummer")
    whatsapp.agent.reply = lambda m: [{"text": "Kies een onderwerp.", "buttons": buttons}]
    await whatsapp.post(inbound(text("hoi")))

    [sent] = whatsapp.api.messages
    interactive = sent["interactive"]
    assert interactive["type"] == "list"
    assert len(interactive["action"]["button"]) <= 20
    [section] = interactive["action"]["sections"]
    rows = section["rows"]
    assert [r["id"] for r in rows] == [b["payload"] for b in buttons]
    assert all(len(r["title"]) <= 24 for r in rows)
    assert len({r["title"] for r in rows}) == 7
    assert all(len(r.get("description", "")) <= 72 for r in rows)


async def test_more_than_ten_buttons_become_numbered_text_and_a_number_picks_one(whatsapp):
    buttons = options(12)
    whatsapp.agent.reply = lambda m: [{"text": "Welke sector?", "buttons": buttons}]
    await whatsapp.post(inbound(text("sector")))

    [sent] = whatsapp.api.messages
    assert sent["type"] == "text"
    body = sent["text"]["body"]
    assert "1. Optie 1" in body and "12. Optie 12" in body

    whatsapp.agent.reply = lambda m: []
    await whatsapp.post(inbound(text("2")))
    assert whatsapp.agent.texts[-1] == buttons[1]["payload"]
    # the list is used once: a later "2" is just text
    await whatsapp.post(inbound(text("2")))
    assert whatsapp.agent.texts[-1] == "2"


async def test_long_payload_ids_get_a_key_that_maps_back(whatsapp):
    payload = "/inform" + json.dumps({"summary": "x" * 300})
    whatsapp.agent.reply = lambda m: [
        {"text": "Klopt dit?", "buttons": [{"title": "Ja", "payload": payload}]}
    ]
    await whatsapp.post(inbound(text("samenvatting")))
    [sent] = whatsapp.api.messages
    [button] = sent["interactive"]["action"]["buttons"]
    key = button["reply"]["id"]
    assert len(key) <= 256 and key != payload

    whatsapp.agent.reply = lambda m: []
    await whatsapp.post(inbound(button_reply(key, "Ja")))
    assert whatsapp.agent.texts[-1] == payload


async def test_long_body_before_buttons_goes_first_as_plain_text(whatsapp):
    intro = "Dit is wat meer uitleg over hoe het werkt. " * 40  # about 1,700 characters
    whatsapp.agent.reply = lambda m: [{"text": intro + "Wil je verder?", "buttons": options(2)}]
    await whatsapp.post(inbound(text("uitleg")))
    first, second = whatsapp.api.messages
    assert first["type"] == "text"
    assert second["type"] == "interactive"
    assert len(second["interactive"]["body"]["text"]) <= 1024
    assert second["interactive"]["body"]["text"].endswith("Wil je verder?")


async def test_nothing_free_form_is_sent_outside_the_24_hour_window(whatsapp, caplog):
    whatsapp.agent.reply = lambda m: []
    await whatsapp.post(inbound(text("hoi")))
    output = whatsapp.channel.get_output_channel()

    whatsapp.clock.advance(23 * 3600)
    await output.send_text_message(PERSON, "Nog binnen het venster.")
    assert len(whatsapp.api.messages) == 1

    whatsapp.clock.advance(2 * 3600)
    with caplog.at_level("INFO"):
        await output.send_text_message(PERSON, "Te laat.")
        await output.send_response(PERSON, {"text": "Ook te laat.", "buttons": options(2)})
    assert len(whatsapp.api.messages) == 1
    assert "24-hour" in caplog.text
    assert PERSON not in caplog.text

    # an approved template is the one thing Meta accepts outside the window
    template = {"type": "template", "template": {"name": "opvolging", "language": {"code": "nl"}}}
    await output.send_custom_json(PERSON, template)
    assert whatsapp.api.messages[-1]["type"] == "template"


async def test_someone_who_never_wrote_gets_nothing(whatsapp):
    await whatsapp.channel.get_output_channel().send_text_message("31600000000", "Hallo!")
    assert whatsapp.api.calls == []


async def test_api_failing_twice_then_succeeding_is_retried_with_backoff(whatsapp):
    whatsapp.api.failures = [503, 429]
    whatsapp.agent.reply = lambda m: [{"text": "Fijn dat je er bent."}]
    status, _ = await whatsapp.post(inbound(text("hoi")))

    assert status == 200
    assert len(whatsapp.api.calls) == 3
    assert all(m["text"]["body"] == "Fijn dat je er bent." for m in whatsapp.api.messages)
    assert whatsapp.sleep.delays == [0.5, 1.0]


async def test_client_error_is_not_retried(whatsapp):
    whatsapp.api.failures = [400]
    whatsapp.agent.reply = lambda m: [{"text": "Een"}, {"text": "Twee"}]
    assert (await whatsapp.post(inbound(text("hoi"))))[0] == 200
    assert [m["text"]["body"] for m in whatsapp.api.messages] == ["Een", "Twee"]
    assert whatsapp.sleep.delays == []


async def test_unreachable_api_is_retried_and_never_breaks_the_webhook():
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    port = closed.getsockname()[1]
    closed.close()  # nothing listens here any more: connection refused
    policy, sleep = fast_retry()
    channel = WhatsAppInput(
        WA_VERIFY_TOKEN,
        WA_APP_SECRET,
        WA_ACCESS_TOKEN,
        WA_PHONE_NUMBER_ID,
        f"http://127.0.0.1:{port}/v21.0",
        retry=policy,
        clock=FakeClock(),
    )
    agent = FakeAgent()
    rasa = RasaApp(channel, agent)
    url = await rasa.start()
    raw = json.dumps(inbound(text("hoi"))).encode()
    headers = {SIGNATURE_HEADER: sign(raw, WA_APP_SECRET)}
    try:
        async with (
            aiohttp.ClientSession() as http,
            http.post(url + WHATSAPP_PATH, data=raw, headers=headers) as reply,
        ):
            status = reply.status
        assert status == 200
        assert agent.texts == ["hoi"]
        assert sleep.delays == [0.5, 1.0]  # three attempts for the one reply
    finally:
        await rasa.stop()


# --------------------------------------------------------------------------- robustness

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "object",
                    "entry",
                    "changes",
                    "value",
                    "messages",
                    "statuses",
                    "metadata",
                    "from",
                    "id",
                    "type",
                    "text",
                    "body",
                    "interactive",
                    "button_reply",
                    "list_reply",
                    "timestamp",
                ]
            )
            | st.text(max_size=8),
            inner,
            max_size=5,
        )
    ),
    max_leaves=25,
)


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(body=json_values)
async def test_random_signed_json_never_causes_a_server_error(whatsapp, body):
    status, _ = await whatsapp.post(json.dumps(body).encode())
    assert status == 200


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    kind=st.sampled_from(["text", "interactive", "button", "image", "reaction", "x"]),
    content=json_values,
    sender=st.one_of(st.none(), st.integers(), st.text(max_size=15)),
    message_id=st.one_of(st.none(), st.integers(), st.text(max_size=10)),
)
async def test_random_message_shapes_never_cause_a_server_error(
    whatsapp, kind, content, sender, message_id
):
    message = {"from": sender, "id": message_id, "type": kind, kind: content, "timestamp": content}
    status, _ = await whatsapp.post(inbound(message))
    assert status == 200


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(body=st.binary(max_size=200))
async def test_random_unsigned_bytes_are_unauthorized(whatsapp, body):
    status, _ = await whatsapp.post(body, signed=False)
    assert status == 401


# --------------------------------------------------------------------------- configuration


def test_credentials_file_with_empty_section_reads_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("WHATSAPP_VERIFY_TOKEN", "v")
    monkeypatch.setenv("WHATSAPP_APP_SECRET", "s")
    monkeypatch.setenv("WHATSAPP_ACCESS_TOKEN", "a")
    monkeypatch.setenv("WHATSAPP_PHONE_NUMBER_ID", "123")
    monkeypatch.delenv("WHATSAPP_API_BASE_URL", raising=False)
    credentials = tmp_path / "credentials.yml"
    credentials.write_text("bot.channels.whatsapp.WhatsAppInput:\n")

    [channel] = create_http_input_channels(None, str(credentials))

    assert isinstance(channel, WhatsAppInput)
    assert channel.name() == "whatsapp"
    assert channel.client.url == "https://graph.facebook.com/v21.0/123/messages"
    assert whatsapp_module.REQUIRED_ENV == (
        "WHATSAPP_VERIFY_TOKEN",
        "WHATSAPP_APP_SECRET",
        "WHATSAPP_ACCESS_TOKEN",
        "WHATSAPP_PHONE_NUMBER_ID",
    )


def test_missing_setting_refuses_to_start_and_names_it(monkeypatch):
    for name in whatsapp_module.REQUIRED_ENV:
        monkeypatch.setenv(name, "x")
    monkeypatch.delenv("WHATSAPP_APP_SECRET")
    with pytest.raises(RasaException, match="WHATSAPP_APP_SECRET"):
        WhatsAppInput.from_credentials(None)


def test_base_url_from_environment_is_used(monkeypatch):
    for name in whatsapp_module.REQUIRED_ENV:
        monkeypatch.setenv(name, "x")
    monkeypatch.setenv("WHATSAPP_API_BASE_URL", "http://127.0.0.1:9/v21.0/")
    channel = WhatsAppInput.from_credentials({"phone_number_id": "777"})
    assert channel.client.url == "http://127.0.0.1:9/v21.0/777/messages"
