"""The production profile under concurrency, faults and bad input.

One stack for the whole module (two Rasa processes load the model once each):
PostgreSQL for conversations and tickets, Redis for the conversation locks,
HAProxy in front, started by the same code as ``python -m bot.prod serve``.
The tests run in file order; the fault tests come last because they stop and
restart processes.
"""

from __future__ import annotations

import http.client
import json
import signal
import threading
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest
from proc_support import listening_addresses
from prod_http import Reply, post
from prod_stack import turns

from bot.channels.rest import RATE_LIMITED_REPLY, TOO_LONG_REPLY

pytestmark = [pytest.mark.slow, pytest.mark.postgres, pytest.mark.redis]


def said_one_of(reply: str, options: list[str]) -> bool:
    return any(option.split("{")[0].strip()[:40] in reply for option in options)


# `prod`, the running production profile, comes from tests/production/conftest.py.


def status(url: str) -> int:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status


def test_every_service_answers_its_health_endpoint(prod):
    for service in prod.supervisor.services:
        if service.health_url:
            assert status(service.health_url) == 200, service.name
    assert status(f"{prod.lb_url}/lb-health") == 200


def test_the_action_server_answers_only_rasa_and_only_on_loopback(prod, responses):
    port = prod.config.actions_port
    assert listening_addresses(port) == {"0100007F"}
    forged = json.dumps({"next_action": "action_delete_my_data", "sender_id": "x",
                         "tracker": {"sender_id": "x", "events": []}}).encode()
    for headers in ({}, {"Authorization": "Bearer not-the-secret"}):
        reply = call("POST", f"http://127.0.0.1:{port}/webhook", forged, headers)
        assert reply.status == 401, reply
    # Rasa has the secret (from the profile's environment): actions run.
    sender = prod.new_sender()
    prod.say_to(prod.lb_url, sender, "verwijder al mijn gegevens")
    reply = prod.say_to(prod.lb_url, sender, "/affirm")
    assert said_one_of(reply.texts(), responses["utter_deleted"]), reply.texts()


# Rasa's HTTP API: reading a conversation, injecting messages, swapping the model.
RASA_API_PROBES = [
    ("GET", "/conversations/{sender}/tracker", None),
    ("GET", "/conversations/{sender}/story", None),
    ("POST", "/conversations/{sender}/messages", b'{"text": "hoi", "sender": "user"}'),
    ("POST", "/conversations/{sender}/tracker/events", b'{"event": "restart"}'),
    ("POST", "/conversations/{sender}/trigger_intent", b'{"name": "greet"}'),
    ("PUT", "/model", b'{"model_file": "/nonexistent.tar.gz"}'),
    ("POST", "/model/parse", b'{"text": "hoi"}'),
    ("GET", "/status", None),
    ("GET", "/domain", None),
]


def call(method: str, url: str, body: bytes | None,
         headers: dict[str, str] | None = None) -> Reply:
    request = urllib.request.Request(url, data=body, method=method,
                                     headers={"Content-Type": "application/json",
                                              **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return Reply(response.status, dict(response.headers), response.read())
    except urllib.error.HTTPError as error:
        return Reply(error.code, dict(error.headers), error.read())


def test_the_rasa_http_api_is_not_reachable_without_a_token(prod):
    sender = prod.new_sender()
    assert prod.say_to(prod.lb_url, sender, "hoi").status == 200  # a conversation to ask for
    for base in (prod.rasa_url(1), prod.rasa_url(2), prod.lb_url):
        for method, path, body in RASA_API_PROBES:
            reply = call(method, base + path.format(sender=sender), body)
            assert reply.status in (401, 403, 404), (base, method, path, reply.status)
            assert b'"events"' not in reply.body and b'"latest_message"' not in reply.body
    assert len(turns(prod.events(sender))) == 1  # nothing was injected


def test_one_conversation_alternating_between_processes_keeps_one_history(prod, responses):
    sender = prod.new_sender()
    messages = ["ik ga over 3 jaar met pensioen", "wat kost dat eigenlijk",
                "ik werk in de zorg", "hoe werkt dit", "doei"]
    replies = []
    for n, message in enumerate(messages):
        reply = prod.say_to(prod.rasa_url(1 + n % 2), sender, message)
        assert reply.status == 200
        replies.append(reply)
    # Process 2 answers the cost question; process 1 then takes "in de zorg" as the answer
    # to the retirement question process 1 asked: one history, whichever process answers.
    assert "gratis" in replies[1].texts()
    assert said_one_of(replies[2].texts(), responses["utter_selfhelp_retirement"])

    stored = turns(prod.events(sender))
    assert [text for text, _ in stored] == messages
    for (_, bot_texts), reply in zip(stored, replies, strict=True):
        assert bot_texts == [m.get("text", "") for m in reply.json()]


def test_concurrent_messages_from_one_sender_are_processed_one_at_a_time(prod):
    sender = prod.new_sender()
    assert prod.say_to(prod.rasa_url(1), sender, "hoi").status == 200
    messages = ["ik wil een opleiding doen", "wat kost dat", "ik werk in de bouw",
                "ik zit vast in mijn werk", "hoe werkt dit", "is dit anoniem",
                "ik heb een nulurencontract", "dank je wel"]
    with ThreadPoolExecutor(max_workers=len(messages)) as pool:
        futures = {m: pool.submit(prod.say_to, prod.rasa_url(1 + n % 2), sender, m)
                   for n, m in enumerate(messages)}
        replies = {m: f.result() for m, f in futures.items()}
    assert all(r.status == 200 and r.json() for r in replies.values())

    stored = turns(prod.events(sender))  # raises when two turns overlap
    assert sorted(text for text, _ in stored[1:]) == sorted(messages)
    for text, bot_texts in stored[1:]:
        assert bot_texts == [m.get("text", "") for m in replies[text].json()], text


def test_the_load_balancer_carries_a_conversation(prod, responses):
    sender = prod.new_sender()
    first = prod.say_to(prod.lb_url, sender, "hoi")
    assert first.status == 200
    assert said_one_of(first.texts(), responses["utter_greet"])
    topic = prod.say_to(prod.lb_url, sender, "mn contract word nie verlengd wat nu")
    assert said_one_of(topic.texts(), responses["utter_topic_flex_contract"])
    assert len(turns(prod.events(sender))) == 2


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (b"", 400),
        (b"\xff\xfe{not utf-8}", 400),
        (b'{"sender": "x", "message": "a', 400),
        (b'[{"sender": "x", "message": "hoi"}]', 400),
        (b'{"sender": ["x"], "message": "hoi"}', 400),
        (b'{"sender": "x", "message": 42}', 400),
        (json.dumps({"sender": "x", "message": "a" * 100_000}).encode(), 413),
    ],
)
def test_malformed_requests_through_the_load_balancer_get_a_4xx(prod, body, expected):
    reply = post(f"{prod.lb_url}/webhooks/rest/webhook", body)
    assert reply.status == expected


def test_the_load_balancer_refuses_huge_bodies_before_reading_them(prod):
    # Only the headers are sent: HAProxy answers from Content-Length alone.
    conn = http.client.HTTPConnection("127.0.0.1", prod.config.public_port, timeout=30)
    try:
        conn.putrequest("POST", "/webhooks/rest/webhook")
        conn.putheader("Content-Type", "application/json")
        conn.putheader("Content-Length", str(50_000_000))
        conn.endheaders()
        assert conn.getresponse().status == 413
    finally:
        conn.close()


@pytest.mark.parametrize(
    "message",
    ["   ", "🙂" * 2000, "<script>alert('x')</script>", "1; DROP TABLE events; --",
     "ik\u0000 wil \ud800 werk"],
)
def test_odd_text_gets_a_polite_reply_from_real_rasa_and_nothing_breaks(prod, message):
    sender = prod.new_sender()
    reply = prod.say_to(prod.lb_url, sender, message)
    assert reply.status == 200 and reply.json(), reply.body[:200]
    assert "<script>" not in reply.texts()
    # One clear answer, not a loop of fallbacks until Rasa's circuit breaker.
    assert len(reply.json()) <= 3, reply.texts()
    assert prod.say_to(prod.lb_url, sender, "hoi").status == 200
    users = [e for e in prod.events(sender) if e.get("event") == "user"]
    assert len(users) in (1, 2)  # over-long text is answered by the channel, not stored


def test_a_flood_from_one_sender_is_limited_per_process(prod):
    long_text = "x " * 1500  # answered by the channel: no model time spent on the flood
    sender = prod.new_sender()
    direct = [prod.say_to(prod.rasa_url(1), sender, long_text) for _ in range(25)]
    assert [r.status for r in direct[:20]] == [200] * 20
    assert direct[0].texts() == TOO_LONG_REPLY
    assert {r.status for r in direct[20:]} == {429}
    assert direct[-1].json()["message"] == RATE_LIMITED_REPLY

    # Through HAProxy the sender meets two buckets: at most 2 x 20 get through.
    other = prod.new_sender()
    through = [prod.say_to(prod.lb_url, other, long_text).status for _ in range(60)]
    assert set(through) == {200, 429}
    assert 20 <= through.count(200) <= 40


def test_action_server_down_gets_a_reply_and_recovers(prod, responses):
    sender = prod.new_sender()
    prod.say_to(prod.lb_url, sender, "hoi")
    prod.supervisor.stop("actions")
    try:
        down = prod.say_to(prod.lb_url, sender, "ik wil graag een opleiding gaan doen")
        assert down.status == 200
        assert down.texts().strip(), "the person gets a reply while actions are down"
    finally:
        prod.supervisor.start("actions")
        assert prod.supervisor.wait_ready(120, ["actions"]) == []
    again = prod.say_to(prod.lb_url, sender, "ik wil graag een opleiding gaan doen")
    assert said_one_of(again.texts(), responses["utter_topic_training"]), again.texts()
    assert [t for t, _ in turns(prod.events(sender))] == [
        "hoi", "ik wil graag een opleiding gaan doen", "ik wil graag een opleiding gaan doen"]


def test_a_killed_rasa_process_loses_nothing_and_the_conversation_continues(prod, responses):
    sender = prod.new_sender()
    first = prod.say_to(prod.rasa_url(1), sender, "ik ga over 3 jaar met pensioen")
    assert said_one_of(first.texts(), responses["utter_topic_retirement"]), first.texts()
    # Killed without warning, possibly in the middle of this sender's next turn.
    in_flight: list[Reply | Exception] = []

    def talk() -> None:
        try:
            in_flight.append(prod.say_to(prod.rasa_url(1), sender, "ik werk in de zorg"))
        except Exception as error:
            in_flight.append(error)

    talker = threading.Thread(target=talk)
    talker.start()
    prod.supervisor.stop("rasa-1", signal.SIGKILL)
    talker.join(timeout=130)

    # The load balancer takes the other process; the conversation goes on there.
    reply = prod.say_to(prod.lb_url, sender, "hoe werkt dit")
    assert reply.status == 200 and reply.texts().strip()

    # Restarted, process 1 picks the conversation up from PostgreSQL.
    prod.supervisor.start("rasa-1")
    assert prod.supervisor.wait_ready(300, ["rasa-1"]) == []
    reply = prod.say_to(prod.rasa_url(1), sender, "wat kost dat eigenlijk")
    assert said_one_of(reply.texts(), responses["utter_ask_cost"]), reply.texts()
    texts = [t for t, _ in turns(prod.events(sender))]  # raises on overlapping turns
    assert texts[0] == "ik ga over 3 jaar met pensioen"
    assert texts[-2:] == ["hoe werkt dit", "wat kost dat eigenlijk"]
    assert len(texts) in (3, 4)  # the killed turn is stored whole or not at all
