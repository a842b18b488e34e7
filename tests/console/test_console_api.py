"""The JSON ticket API of contract.md: bearer token, shapes, validation."""

from __future__ import annotations

import uuid

from console_support import API_TOKEN, bearer

CONTRACT_KEYS = {
    "id", "reference", "created_at", "channel", "primary_topic", "topics", "urgency",
    "deadline", "summary", "contact", "region", "sector", "contract_type", "consent",
    "status", "assignee", "safety_flag",
    "live", "due_at", "outcome",  # additions (contract.md)
}


async def test_api_is_off_without_token(make_client, make_ticket):
    ticket = make_ticket()
    client = await make_client(api_token=None)
    for headers in ({}, bearer(), bearer("")):
        response = await client.get("/api/tickets", headers=headers)
        assert response.status == 503
        body = await response.json()
        assert "CONSOLE_API_TOKEN" in body["error"]
        assert ticket.reference not in await response.text()
    patch = await client.patch(f"/api/tickets/{ticket.id}", json={"status": "claimed"})
    assert patch.status == 503


async def test_missing_or_wrong_token_is_401(client, make_ticket, ticket_store):
    ticket = make_ticket()
    cases = [
        {},
        bearer("verkeerd"),
        bearer(API_TOKEN + "x"),
        bearer(API_TOKEN[:-1]),
        {"Authorization": API_TOKEN},
        {"Authorization": f"Basic {API_TOKEN}"},
    ]
    for headers in cases:
        for method, path in (("GET", "/api/tickets"), ("GET", f"/api/tickets/{ticket.id}")):
            response = await client.request(method, path, headers=headers)
            assert response.status == 401, headers
            assert ticket.reference not in await response.text()
        response = await client.patch(
            f"/api/tickets/{ticket.id}", json={"status": "closed"}, headers=headers
        )
        assert response.status == 401
    assert ticket_store.get_ticket(ticket.id).status == "new"


async def test_session_cookie_does_not_open_the_api(logged_in):
    assert (await logged_in.get("/api/tickets")).status == 401


async def test_list_is_newest_first_with_filters(client, make_ticket, clock):
    old = make_ticket(region="Utrecht", urgency="high")
    clock.advance(hours=1)
    middle = make_ticket(region="Gent")
    clock.advance(hours=1)
    new = make_ticket(region="utrecht")
    response = await client.get("/api/tickets", headers=bearer())
    assert response.status == 200
    body = await response.json()
    assert [t["id"] for t in body["tickets"]] == [new.id, middle.id, old.id]
    assert set(body["tickets"][0]) == CONTRACT_KEYS

    by_region = await (await client.get("/api/tickets?region=Utrecht", headers=bearer())).json()
    assert [t["id"] for t in by_region["tickets"]] == [new.id, old.id]

    client_patch = await client.patch(
        f"/api/tickets/{middle.id}", json={"status": "claimed", "assignee": "bert"},
        headers=bearer(),
    )
    assert client_patch.status == 200
    claimed = await (await client.get("/api/tickets?status=claimed", headers=bearer())).json()
    assert [t["id"] for t in claimed["tickets"]] == [middle.id]
    fresh = await (await client.get("/api/tickets?status=new", headers=bearer())).json()
    assert [t["id"] for t in fresh["tickets"]] == [new.id, old.id]


async def test_list_rejects_unknown_status(client):
    response = await client.get("/api/tickets?status=weg", headers=bearer())
    assert response.status == 400
    assert "error" in await response.json()


async def test_get_one_ticket_matches_contract(client, make_ticket):
    ticket = make_ticket(summary="Wil omscholen", urgency="high", sector="zorg")
    response = await client.get(f"/api/tickets/{ticket.id}", headers=bearer())
    assert response.status == 200
    body = await response.json()
    assert body == ticket.to_api()
    assert set(body) == CONTRACT_KEYS
    assert body["reference"].startswith("KP-")
    assert body["created_at"].endswith("Z")


async def test_api_serves_the_safety_flag(client, make_ticket):
    flagged = make_ticket(safety_flag=True)
    plain = make_ticket()
    listed = await (await client.get("/api/tickets", headers=bearer())).json()
    assert {t["id"]: t["safety_flag"] for t in listed["tickets"]} == {
        flagged.id: True, plain.id: False}
    one = await (await client.get(f"/api/tickets/{flagged.id}", headers=bearer())).json()
    assert one["safety_flag"] is True and one["urgency"] == "high"


async def test_unknown_ticket_is_404(client):
    for ticket_id in (str(uuid.uuid4()), "geen-uuid", "KP-ABC123"):
        response = await client.get(f"/api/tickets/{ticket_id}", headers=bearer())
        assert response.status == 404
        assert "error" in await response.json()
        response = await client.patch(
            f"/api/tickets/{ticket_id}", json={"status": "claimed"}, headers=bearer()
        )
        assert response.status == 404


async def test_patch_walks_the_lifecycle_and_audits(client, make_ticket, ticket_store):
    ticket = make_ticket()
    url = f"/api/tickets/{ticket.id}"
    response = await client.patch(url, json={"status": "claimed", "assignee": "bert"},
                                  headers=bearer())
    assert response.status == 200
    body = await response.json()
    assert body["status"] == "claimed" and body["assignee"] == "bert"
    for status in ("contacted", "closed"):
        response = await client.patch(url, json={"status": status}, headers=bearer())
        assert response.status == 200
        assert (await response.json())["status"] == status
    assert ticket_store.get_ticket(ticket.id).status == "closed"
    trail = ticket_store.audit_trail(ticket.id)
    assert [entry.action for entry in trail][0] == "created"
    assert {entry.actor for entry in trail[1:]} == {"api"}
    assert [e.detail.get("to") for e in trail if "to" in e.detail] == [
        "claimed", "contacted", "closed"
    ]


async def test_patch_assignee_only_and_unassign(client, make_ticket):
    ticket = make_ticket()
    url = f"/api/tickets/{ticket.id}"
    body = await (await client.patch(url, json={"assignee": "carla"}, headers=bearer())).json()
    assert body["assignee"] == "carla" and body["status"] == "new"
    body = await (await client.patch(url, json={"assignee": None}, headers=bearer())).json()
    assert body["assignee"] is None


async def test_patch_rejects_invalid_transition(client, make_ticket, ticket_store):
    ticket = make_ticket()
    response = await client.patch(
        f"/api/tickets/{ticket.id}", json={"status": "contacted"}, headers=bearer()
    )
    assert response.status == 400
    assert "transition" in (await response.json())["error"]
    assert ticket_store.get_ticket(ticket.id).status == "new"


async def test_patch_rejects_bad_bodies(client, make_ticket, ticket_store):
    ticket = make_ticket()
    url = f"/api/tickets/{ticket.id}"
    bad_bodies = [
        b"",
        b"{niet json",
        b"\xff\xfe",
        b"[]",
        b'"closed"',
        b"{}",
        b'{"status": "new"}',
        b'{"status": "weg"}',
        b'{"status": 3}',
        b'{"assignee": 42}',
        b'{"assignee": "a\\nb"}',
        b'{"status": "claimed", "priority": "high"}',
        b'{"assignee": "' + b"x" * 200 + b'"}',
    ]
    for raw in bad_bodies:
        response = await client.patch(
            url, data=raw, headers={**bearer(), "Content-Type": "application/json"}
        )
        assert response.status == 400, raw
        assert "error" in await response.json()
    assert ticket_store.get_ticket(ticket.id).status == "new"
    assert ticket_store.get_ticket(ticket.id).assignee is None


async def test_api_responses_carry_security_headers(client):
    response = await client.get("/api/tickets", headers=bearer())
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Cache-Control"] == "no-store"


async def test_patch_records_the_outcome_on_closing(client, make_ticket, ticket_store):
    ticket = make_ticket()
    path = f"/api/tickets/{ticket.id}"
    wrong = await client.patch(path, json={"status": "closed", "outcome": "happy"},
                               headers=bearer())
    assert wrong.status == 400
    early = await client.patch(path, json={"status": "claimed", "outcome": "new_job"},
                               headers=bearer())
    assert early.status == 400  # an outcome belongs to closing
    response = await client.patch(path, json={"status": "closed", "outcome": "new_job"},
                                  headers=bearer())
    assert response.status == 200
    body = await response.json()
    assert (body["status"], body["outcome"]) == ("closed", "new_job")
    assert body["due_at"].endswith("Z")
    fixed = await client.patch(path, json={"outcome": "training"}, headers=bearer())
    assert (await fixed.json())["outcome"] == "training"
    assert ticket_store.get_ticket(ticket.id).outcome == "training"
