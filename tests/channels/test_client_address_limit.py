"""Issue 13, finding 9: rate limits cannot be dodged by picking a new sender id.

REST and the widget are limited per client address as well as per sender: the address is
the TCP peer, or behind a trusted proxy the X-Forwarded-For entry that proxy added; widget
reconnects (new socket, new session id) share the bucket; the limits come from the
environment; loopback clients are exempt by default (make bench)."""

from __future__ import annotations

import json
from types import SimpleNamespace
from typing import Any

import pytest

from bot.channels.rest import HardenedRestInput

INTERNET = "203.0.113.7"
PROXY = "127.0.0.1"


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def fake_request(peer: str, sender: str, forwarded_for: str | None = None) -> Any:
    body = json.dumps({"sender": sender, "message": "hoi"}).encode()
    headers = {"content-length": str(len(body))}
    if forwarded_for is not None:
        headers["x-forwarded-for"] = forwarded_for
    return SimpleNamespace(ip=peer, headers=headers, body=body)


async def answer(message) -> None:
    message.output_channel.messages.append({"recipient_id": message.sender_id, "text": "ja"})


def rest_channel(monkeypatch, **env: str) -> HardenedRestInput:
    monkeypatch.setenv("CLIENT_RATE_LIMIT_PER_MINUTE", "3")
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    # The per-sender limit is far away: only the address limit can refuse here.
    return HardenedRestInput(rate_per_minute=1000)


async def statuses(channel, requests) -> list[int]:
    return [(await channel.handle(request, answer)).status for request in requests]


async def test_new_sender_ids_from_one_address_share_its_bucket(monkeypatch):
    channel = rest_channel(monkeypatch)
    requests = [fake_request(INTERNET, f"sender-{n}") for n in range(4)]
    assert await statuses(channel, requests) == [200, 200, 200, 429]
    assert await statuses(channel, [fake_request("198.51.100.1", "sender-9")]) == [200]


async def test_the_refusal_says_when_to_come_back(monkeypatch):
    channel = rest_channel(monkeypatch)
    for n in range(3):
        await channel.handle(fake_request(INTERNET, f"s{n}"), answer)
    refused = await channel.handle(fake_request(INTERNET, "s9"), answer)
    assert refused.status == 429
    assert int(refused.headers["Retry-After"]) >= 1
    assert json.loads(refused.body)["error"] == "rate_limited"


async def test_loopback_is_exempt_by_default_and_can_be_limited(monkeypatch):
    channel = rest_channel(monkeypatch)
    loopback = [fake_request("127.0.0.1", f"bench-{n}") for n in range(10)]
    assert set(await statuses(channel, loopback)) == {200}
    strict = rest_channel(monkeypatch, CLIENT_RATE_LIMIT_EXEMPT_LOOPBACK="0")
    assert (await statuses(strict, loopback))[-1] == 429


async def test_behind_a_trusted_proxy_the_forwarded_address_is_limited(monkeypatch):
    channel = rest_channel(monkeypatch, TRUSTED_PROXIES="127.0.0.1")
    # HAProxy (trusted, on loopback) appends the client's address; what the client put
    # in front of it (here a forged loopback address) does not count.
    forged = f"127.0.0.1, {INTERNET}"
    requests = [fake_request(PROXY, f"s{n}", forwarded_for=forged) for n in range(4)]
    assert await statuses(channel, requests) == [200, 200, 200, 429]
    other = fake_request(PROXY, "s9", forwarded_for="198.51.100.2")
    assert await statuses(channel, [other]) == [200]


async def test_forwarded_for_from_an_untrusted_peer_is_ignored(monkeypatch):
    channel = rest_channel(monkeypatch)  # no trusted proxies
    requests = [fake_request(INTERNET, f"s{n}", forwarded_for=f"198.51.100.{n}")
                for n in range(4)]
    assert await statuses(channel, requests) == [200, 200, 200, 429]


def test_client_address_walks_the_forwarded_chain_from_the_right():
    from bot.channels.client_address import client_address, parse_networks

    trusted = parse_networks("127.0.0.1, 10.0.0.0/8")
    assert client_address(INTERNET, "1.2.3.4", trusted) == INTERNET  # untrusted peer
    assert client_address(PROXY, None, trusted) == PROXY
    assert client_address(PROXY, f"1.2.3.4, {INTERNET}", trusted) == INTERNET
    assert client_address(PROXY, f"{INTERNET}, 10.1.2.3", trusted) == INTERNET
    assert client_address(PROXY, "10.1.2.3", trusted) == "10.1.2.3"  # only proxies
    with pytest.raises(ValueError):
        parse_networks("not-an-address")


def test_the_limits_come_from_the_environment():
    from bot.channels.client_address import ClientAddressLimit

    limit = ClientAddressLimit.from_env({
        "CLIENT_RATE_LIMIT_PER_MINUTE": "30", "CLIENT_RATE_LIMIT_BURST": "5",
        "CLIENT_RATE_LIMIT_EXEMPT_LOOPBACK": "0", "TRUSTED_PROXIES": "192.0.2.0/24"})
    assert limit.limiter.capacity == 5
    assert limit.limiter.rate_per_second == pytest.approx(0.5)
    assert limit.exempt_loopback is False
    assert limit.address("192.0.2.10", INTERNET) == INTERNET
    default = ClientAddressLimit.from_env({})
    assert (default.limiter.capacity, default.exempt_loopback) == (60, True)
    assert ClientAddressLimit.from_env({"CLIENT_RATE_LIMIT_PER_MINUTE": "0"}).acquire(
        INTERNET) == 0


# -- the widget ---------------------------------------------------------------------------------

class Recorder:
    def __init__(self) -> None:
        self.emitted: list[tuple[str, Any]] = []

    async def __call__(self, event, data=None, room=None, namespace=None, **_kw) -> None:
        self.emitted.append((event, data))


def widget(monkeypatch, peer: str):
    from bot.channels.socketio import SocketIOInput

    monkeypatch.setenv("CLIENT_RATE_LIMIT_PER_MINUTE", "3")
    channel = SocketIOInput(session_persistence=True)
    handled: list[str] = []

    async def on_new_message(message) -> None:
        handled.append(message.sender_id)

    channel.blueprint(on_new_message)
    sio = channel.sio
    emit = Recorder()
    monkeypatch.setattr(sio, "emit", emit)
    environ = {"sanic.request": SimpleNamespace(ip=peer, headers={})}
    monkeypatch.setattr(sio, "get_environ", lambda sid, namespace=None: environ)
    handler = sio.handlers[channel.namespace or "/"][channel.user_message_evt]
    return handler, handled, emit


async def test_widget_reconnects_do_not_reset_the_address_bucket(monkeypatch):
    handler, handled, emit = widget(monkeypatch, INTERNET)
    for n in range(5):  # every message on a new socket with a new session id
        await handler(f"sid-{n}", {"message": "hoi", "session_id": f"session{n:04d}"})
    assert len(handled) == 3
    assert sum(1 for event, _ in emit.emitted if event == "bot_uttered") == 1  # told once


async def test_widget_on_loopback_is_exempt(monkeypatch):
    handler, handled, _ = widget(monkeypatch, "127.0.0.1")
    for n in range(5):
        await handler(f"sid-{n}", {"message": "hoi", "session_id": f"session{n:04d}"})
    assert len(handled) == 5
