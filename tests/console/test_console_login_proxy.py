"""Issue 13, low item after finding 8: the console's login throttle counts the client
behind a trusted proxy (TRUSTED_PROXIES, bot/channels/client_address.py), not the direct
peer. Behind HAProxy or a TLS proxy every login comes from the proxy: one client's
failures must not lock everyone out, and a client must not get the proxy's allowance."""

from __future__ import annotations

from console_support import csrf_from

from bot.channels.client_address import parse_networks
from bot.console.console_settings import ConsoleSettings


async def _attempt(client, forwarded_for: str | None = None) -> int:
    csrf = csrf_from(await (await client.get("/login")).text())
    headers = {"X-Forwarded-For": forwarded_for} if forwarded_for else {}
    response = await client.post("/login", headers=headers,
                                 data={"name": "anna", "password": "fout", "csrf_token": csrf})
    return response.status


async def test_behind_a_trusted_proxy_each_client_has_its_own_bucket(make_client):
    # The test client connects from loopback, standing in for the proxy.
    client = await make_client(login_per_address_per_minute=2,
                               trusted_proxies=parse_networks("127.0.0.1, ::1"))
    assert [await _attempt(client, "203.0.113.7") for _ in range(3)] == [401, 401, 429]
    # Another client behind the same proxy is not locked out by the first one.
    assert await _attempt(client, "198.51.100.9") == 401
    # A forged entry before the proxy's own does not give the first client a new bucket.
    assert await _attempt(client, "10.9.9.9, 203.0.113.7") == 429


async def test_without_trusted_proxies_the_forwarded_header_is_ignored(make_client):
    client = await make_client(login_per_address_per_minute=2)
    statuses = [await _attempt(client, f"203.0.113.{n}") for n in range(3)]
    assert statuses == [401, 401, 429]  # one peer, one bucket: the header changes nothing


def test_trusted_proxies_come_from_the_environment():
    settings = ConsoleSettings.from_env({"TRUSTED_PROXIES": "127.0.0.1, 10.0.0.0/8"})
    assert settings.trusted_proxies == parse_networks("127.0.0.1,10.0.0.0/8")
    assert ConsoleSettings.from_env({}).trusted_proxies == ()
