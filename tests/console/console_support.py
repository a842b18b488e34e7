"""Helpers shared by the console tests (a uniquely named module: every test folder has
its own conftest.py, so tests import helpers from here, never from `conftest`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from aiohttp.test_utils import TestClient
from ticket_data import ManualClock

from bot.tickets import Contact, Ticket, TicketDraft, TicketStore

API_TOKEN = "test-api-token-0123456789"
PASSWORD = "koffie-met-melk-42"
CSRF_INPUT = re.compile(r'name="csrf_token" value="([^"]+)"')


class FakeClock(ManualClock):
    """A clock the test moves by hand: no sleeping, no wall-clock assertions."""

    def __init__(self) -> None:
        super().__init__(datetime(2025, 3, 3, 9, 0, tzinfo=timezone.utc))


def csrf_from(html: str) -> str:
    match = CSRF_INPUT.search(html)
    assert match, "page has no CSRF field"
    return match.group(1)


async def login(client: TestClient, name: str = "anna", password: str = PASSWORD) -> Any:
    page = await client.get("/login")
    token = csrf_from(await page.text())
    return await client.post(
        "/login",
        data={"name": name, "password": password, "csrf_token": token, "next": "/"},
        allow_redirects=False,
    )


async def csrf_of(client: TestClient, path: str = "/") -> str:
    response = await client.get(path)
    assert response.status == 200
    return csrf_from(await response.text())


_counter = iter(range(1, 10_000))


@dataclass
class TicketFactory:
    store: TicketStore
    clock: FakeClock

    def __call__(self, **fields: Any) -> Ticket:
        number = next(_counter)
        defaults: dict[str, Any] = {
            "idempotency_key": f"test-{number}",
            "channel": "rest",
            "primary_topic": "job_search",
            "consent_given_at": self.clock(),
            "consent_text_version": "v1",
            "summary": f"Zoekt werk in de zorg ({number})",
            "contact": Contact(name="Piet", preferred_channel="phone", phone="+31612345678"),
            "urgency": "normal",
            "region": "Utrecht",
        }
        defaults.update(fields)
        return self.store.create_ticket(TicketDraft(**defaults))


def bearer(token: str = API_TOKEN) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}
