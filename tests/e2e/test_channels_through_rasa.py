"""Telegram and WhatsApp end to end: platform webhook -> Rasa with the trained
model and the action server -> replies on the fake platform APIs."""

from __future__ import annotations

import time
import urllib.request

import pytest
from e2e_env import TELEGRAM_SECRET, WA_VERIFY_TOKEN
from platform_calls import post, sign, telegram_update, whatsapp_payload
from stack import said_one_of

pytestmark = pytest.mark.slow


def test_telegram_start_gets_the_opening_with_an_inline_keyboard(stack, platform, responses):
    url = f"http://127.0.0.1:{stack.rasa_port}/webhooks/telegram/webhook"
    assert post(url, telegram_update(7001, "/start"), {}) == 403
    assert post(url, telegram_update(7001, "/start"),
                {"X-Telegram-Bot-Api-Secret-Token": "wrong"}) == 403
    assert post(url, telegram_update(7001, "/start"),
                {"X-Telegram-Bot-Api-Secret-Token": TELEGRAM_SECRET}) == 200
    sent = platform.wait_for(lambda: platform.telegram_messages(7001), count=2)
    text = "\n".join(m["text"] for m in sent)
    assert said_one_of(text, responses["utter_greet"]), text
    keyboards = [m["reply_markup"]["inline_keyboard"] for m in sent if m.get("reply_markup")]
    titles = [button["text"] for keyboard in keyboards for row in keyboard for button in row]
    assert titles == ["Ja", "Gaat wel", "Nee"]


def test_whatsapp_text_gets_reply_buttons_and_duplicates_are_handled_once(
        stack, platform, responses):
    url = f"http://127.0.0.1:{stack.rasa_port}/webhooks/whatsapp/webhook"
    verify = (f"{url}?hub.mode=subscribe&hub.verify_token={WA_VERIFY_TOKEN}"
              "&hub.challenge=12345")
    with urllib.request.urlopen(verify, timeout=30) as response:
        assert response.read() == b"12345"
    body = whatsapp_payload("31611112222", "hoi", "wamid.e2e-1")
    assert post(url, body, {}) == 401
    assert post(url, body, {"X-Hub-Signature-256": sign(body)}) == 200
    sent = platform.wait_for(lambda: platform.whatsapp_messages("31611112222"), count=2)
    texts = [m["text"]["body"] for m in sent if m.get("type") == "text"]
    interactive = [m["interactive"] for m in sent if m.get("type") == "interactive"]
    assert said_one_of("\n".join(texts + [i["body"]["text"] for i in interactive]),
                       responses["utter_greet"])
    [buttons] = [i["action"]["buttons"] for i in interactive]
    assert [b["reply"]["title"] for b in buttons] == ["Ja", "Gaat wel", "Nee"]
    # Meta delivers the same message again: no second answer.
    before = len(platform.whatsapp_messages("31611112222"))
    assert post(url, body, {"X-Hub-Signature-256": sign(body)}) == 200
    time.sleep(2)
    assert len(platform.whatsapp_messages("31611112222")) == before
