"""The hardened REST channel over real HTTP: Rasa's Sanic app with an echo agent.

Every malformed request gets a 4xx JSON error, long text a polite Dutch reply,
a flood from one sender 429; nothing ever gives a 5xx (except the honest 503
when the assistant itself fails). The model-free echo agent keeps this fast;
tests/production/test_prod_stack.py sends the same inputs to real Rasa.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from echo_rest_app import FAILING_SENDER, SILENT_SENDER
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from prod_http import free_port, post, say, wait_http

from bot.channels.rest import NO_REPLY, RATE_LIMITED_REPLY, TOO_LONG_REPLY, UNAVAILABLE_REPLY
from bot.rasa.quiet_env import quiet_env
from bot.settings import ROOT

HERE = Path(__file__).resolve().parent


@pytest.fixture(scope="module")
def echo_url(tmp_path_factory):
    port = free_port()
    log = (tmp_path_factory.mktemp("echo") / "echo.log").open("wb")
    env = quiet_env()
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")])
    proc = subprocess.Popen([sys.executable, str(HERE / "echo_rest_app.py"), str(port)],
                            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        wait_http(f"http://127.0.0.1:{port}/webhooks/rest/", 120, proc)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        log.close()


def new_sender() -> str:
    return f"prod-{uuid.uuid4().hex[:12]}"


def webhook(url: str) -> str:
    return f"{url}/webhooks/rest/webhook"


def test_a_normal_message_reaches_the_assistant_as_rest(echo_url):
    sender = new_sender()
    body = json.dumps({"sender": sender, "message": "hoi", "input_channel": "telegram"})
    reply = post(webhook(echo_url), body.encode())
    assert reply.status == 200
    # A client cannot pretend to be another channel.
    assert reply.json() == [{"recipient_id": sender, "text": "echo:rest:hoi"}]


def test_the_conversation_of_a_rest_sender_is_in_the_rest_namespace(echo_url):
    # "31612345678" may be a WhatsApp member's id: a REST client choosing it must not
    # reach their conversation. The reply still names the sender as the client sent it.
    reply = post(webhook(echo_url), b'{"sender": "31612345678", "message": "/whoami"}')
    assert reply.json() == [{"recipient_id": "31612345678", "text": "you are rest:31612345678"}]


@pytest.mark.parametrize(
    ("body", "code"),
    [
        (b"", "invalid_json"),
        (b"not json", "invalid_json"),
        (b'{"sender": "a", "message": "caf\xe9"}', "invalid_json"),  # Latin-1, not UTF-8
        (b"\xff\xfe\x00", "invalid_json"),
        (b'{"sender": "a", "message": "x"', "invalid_json"),
        (b"[" * 5000 + b"]" * 5000, "invalid_json"),  # nesting deeper than the parser allows
        (b"[1, 2]", "wrong_shape"),
        (b'"hoi"', "wrong_shape"),
        (b"null", "wrong_shape"),
        (b'{"message": "hoi"}', "invalid_sender"),
        (b'{"sender": 42, "message": "hoi"}', "invalid_sender"),
        (b'{"sender": "   ", "message": "hoi"}', "invalid_sender"),
        (b'{"sender": "a\\u0000b", "message": "hoi"}', "invalid_sender"),
        (b'{"sender": "a\\ud800", "message": "hoi"}', "invalid_sender"),
        (json.dumps({"sender": "s" * 500, "message": "hoi"}).encode(), "invalid_sender"),
        (b'{"sender": "a"}', "invalid_message"),
        (b'{"sender": "a", "message": null}', "invalid_message"),
        (b'{"sender": "a", "message": ["hoi"]}', "invalid_message"),
        (b'{"sender": "a", "message": {"text": "hoi"}}', "invalid_message"),
        (b'{"sender": "a", "message": "hoi", "metadata": "x"}', "invalid_metadata"),
    ],
)
def test_malformed_requests_get_a_400_with_a_json_reason(echo_url, body, code):
    reply = post(webhook(echo_url), body)
    assert reply.status == 400, reply.body[:200]
    assert reply.json()["error"] == code
    assert reply.json()["message"]


def test_a_100_kb_body_is_refused_with_413(echo_url):
    reply = say(echo_url, new_sender(), "a" * 100_000)
    assert reply.status == 413
    assert reply.json()["error"] == "body_too_large"


def test_long_text_within_the_body_limit_gets_a_polite_dutch_reply(echo_url):
    sender = new_sender()
    reply = say(echo_url, sender, "ik wil iets vertellen " * 500)  # 11 000 characters
    assert reply.status == 200
    assert reply.json() == [{"recipient_id": sender, "text": TOO_LONG_REPLY}]


def test_control_characters_and_lone_surrogates_are_cleaned(echo_url):
    body = b'{"sender": "a-b", "message": "h\\u0000o\\u0007i \\ud800 daar\\n"}'
    reply = post(webhook(echo_url), body)
    assert reply.status == 200
    # Rasa's UserMessage strips the text's outer whitespace itself.
    assert reply.json()[0]["text"] == "echo:rest:hoi \ufffd daar"


@pytest.mark.parametrize("message", ["", "   ", "\n\t ", "\u0000\u0001"])
def test_empty_text_reaches_the_assistant_as_the_bad_input_intent(echo_url, message):
    reply = say(echo_url, new_sender(), message)
    assert reply.status == 200
    assert reply.json()[0]["text"] == "echo:rest:/bad_input"


@pytest.mark.parametrize(
    "message",
    ["<script>alert(1)</script>", "'; DROP TABLE events; --",
     "🙂" * 1500, "Robert'); DELETE FROM tickets;--", "<img src=x onerror=alert(1)>"],
)
def test_odd_but_wellformed_text_reaches_the_assistant(echo_url, message):
    reply = say(echo_url, new_sender(), message)
    assert reply.status == 200
    assert reply.json()[0]["text"] == f"echo:rest:{message.strip()}"


def test_a_flood_from_one_sender_gets_429_in_dutch_and_others_are_unaffected(echo_url):
    sender = new_sender()
    statuses = [say(echo_url, sender, f"bericht {n}").status for n in range(30)]
    assert statuses[:20] == [200] * 20
    assert set(statuses[20:]) == {429}
    limited = say(echo_url, sender, "nog eentje")
    assert limited.status == 429
    assert limited.json() == {"error": "rate_limited", "message": RATE_LIMITED_REPLY}
    assert int(limited.headers["Retry-After"]) >= 1
    assert say(echo_url, new_sender(), "hoi").status == 200


def test_a_failing_assistant_gives_a_dutch_apology_not_a_traceback(echo_url):
    reply = say(echo_url, FAILING_SENDER, "hoi")
    assert reply.status == 503
    assert reply.json() == {"error": "unavailable", "message": UNAVAILABLE_REPLY}


def test_a_turn_without_any_reply_gets_a_dutch_apology(echo_url):
    reply = say(echo_url, SILENT_SENDER, "hoi")
    assert reply.status == 200
    assert reply.json() == [{"recipient_id": SILENT_SENDER, "text": NO_REPLY}]


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)
shaped = st.fixed_dictionaries(
    {},
    optional={"sender": json_values | st.text(min_size=1, max_size=40),
              "message": json_values | st.text(max_size=3000),
              "metadata": json_values, "input_channel": json_values},
).map(lambda d: json.dumps(d).encode())
bodies = (st.binary(max_size=2000) | json_values.map(lambda v: json.dumps(v).encode())
          | shaped)


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(body=bodies)
def test_fuzzed_bodies_never_get_a_5xx(echo_url, body):
    reply = post(webhook(echo_url), body)
    assert reply.status in (200, 400, 413, 429), (reply.status, body[:200])
    data = reply.json()
    if reply.status == 200:
        assert isinstance(data, list) and all("text" in m for m in data)
    else:
        assert set(data) == {"error", "message"}


def test_long_text_that_states_a_crisis_reaches_the_assistant_as_crisis(echo_url):
    sender = new_sender()
    story = "mijn baas maakt het me elke dag moeilijk. " * 300 + "ik wil er niet meer zijn"
    reply = say(echo_url, sender, story)
    assert reply.status == 200
    assert reply.json()[0]["text"] == "echo:rest:/crisis"
