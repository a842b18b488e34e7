"""Telegram and WhatsApp end to end: platform webhook -> Rasa with the trained
model and the action server -> replies on the fake platform APIs."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
import urllib.error
import urllib.request

import pytest
from e2e_env import TELEGRAM_SECRET, WA_APP_SECRET, WA_PHONE_NUMBER_ID, WA_VERIFY_TOKEN
from stack import said_one_of

pytestmark = pytest.mark.slow


def post(url: str, body: bytes, headers: dict[str, str]) -> int:
    request = urllib.request.Request(url, data=body, headers={
        "Content-Type": "application/json", **headers})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def telegram_update(chat_id: int, text: str) -> bytes:
    return json.dumps({"update_id": int(time.time() * 1000) % 10**9, "message": {
        "message_id": 1, "date": int(time.time()), "text": text,
        "chat": {"id": chat_id, "type": "private"},
        "from": {"id": chat_id, "is_bot": False, "first_name": "Test"}}}).encode()


def whatsapp_payload(wa_id: str, text: str, message_id: str) -> bytes:
    return json.dumps({"object": "whatsapp_business_account", "entry": [{"id": "1", "changes": [{
        "field": "messages", "value": {
            "messaging_product": "whatsapp",
            "metadata": {"display_phone_number": "31600000000",
                         "phone_number_id": WA_PHONE_NUMBER_ID},
            "contacts": [{"profile": {"name": "Test"}, "wa_id": wa_id}],
            "messages": [{"from": wa_id, "id": message_id, "timestamp": str(int(time.time())),
                          "type": "text", "text": {"body": text}}]}}]}]}).encode()


def sign(body: bytes) -> str:
    return "sha256=" + hmac.new(WA_APP_SECRET.encode(), body, hashlib.sha256).hexdigest()


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
