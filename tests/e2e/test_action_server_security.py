"""The action server is no public endpoint (issue 13, finding 1; docs/security.md).

Only our Rasa may call it: a made-up tracker POSTed to /webhook without the shared
secret must run nothing (no ticket, no erasure). It listens on loopback only, and
oversized or deflate-bomb bodies are refused before anything is parsed.
"""

from __future__ import annotations

import http.client
import json
import urllib.error
import urllib.request
import uuid
import zlib
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa
from handover_flow import tickets_of
from proc_support import listening_addresses

from bot.privacy.sender_key import sender_key

pytestmark = pytest.mark.slow

TOKEN_ENV = "ACTION_SERVER_TOKEN"  # noqa: S105 (a variable name)


def action_call(action: str, sender: str, slots: dict) -> dict:
    """What Rasa would send to run ``action`` for ``sender``: here made up by an attacker."""
    return {
        "next_action": action,
        "sender_id": sender,
        "version": "3.6.21",
        "domain": {},
        "tracker": {
            "sender_id": sender,
            "slots": slots,
            "latest_message": {"text": "ja", "intent": {"name": "affirm"}},
            "events": [{"event": "user", "text": "ja", "input_channel": "rest",
                        "parse_data": {"intent": {"name": "affirm"}}}],
            "paused": False,
            "followup_action": None,
            "active_loop": {},
            "latest_action_name": "action_listen",
        },
    }


def handover_slots() -> dict:
    return {
        "consent_given": True, "consent_given_at": datetime.now(UTC).isoformat(),
        "contact_name": "Vervalst", "contact_channel": "phone", "contact_phone": "+31699999999",
        "contact_time": "altijd", "topics": ["flex_contract"], "primary_topic": "flex_contract",
        "summary": "vervalst", "region": "Utrecht",
        # The summary question is open: "ja" would send the request.
        "handover": True, "pending": "summary", "disclosed": True,
    }


def post(port: int, body: bytes, headers: dict[str, str]) -> int:
    request = urllib.request.Request(f"http://127.0.0.1:{port}/webhook", data=body,
                                     headers={"Content-Type": "application/json", **headers})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def erasure_requested(stack, sender: str) -> bool:
    engine = sa.create_engine(stack.env["TICKETS_DB_URL"], future=True)
    try:
        if not sa.inspect(engine).has_table("erasure_requests"):
            return False
        with engine.connect() as conn:
            return conn.execute(sa.text("SELECT count(*) FROM erasure_requests "
                                        "WHERE sender_id LIKE :s"),
                                {"s": f"%{sender}"}).scalar_one() > 0
    finally:
        engine.dispose()


WRONG_SECRETS = [{}, {"Authorization": "Bearer wrong"}, {"Authorization": "wrong"},
                 {"Authorization": "Bearer "}]


def test_forged_handover_without_the_secret_creates_no_ticket(stack, store):
    sender = f"forged-{uuid.uuid4().hex[:10]}"
    body = json.dumps(action_call("action_respond", sender, handover_slots())).encode()
    statuses = [post(stack.actions_port, body, headers) for headers in WRONG_SECRETS]
    assert (statuses, len(tickets_of(store, sender))) == ([401] * len(WRONG_SECRETS), 0)


def test_forged_erasure_without_the_secret_erases_nothing(stack, store):
    from ticket_data import make_draft

    sender = f"victim-{uuid.uuid4().hex[:10]}"
    store.create_ticket(make_draft(f"forged-erasure-{sender}", channel="rest",
                                   sender_key=sender_key("rest", sender, "e2e-test-secret")))
    # The deletion question is open: "ja" would erase.
    body = json.dumps(action_call("action_respond", sender,
                                  {"pending": "delete_confirm", "disclosed": True})).encode()
    statuses = [post(stack.actions_port, body, headers) for headers in WRONG_SECRETS]
    outcome = (statuses, len(tickets_of(store, sender)), erasure_requested(stack, sender))
    assert outcome == ([401] * len(WRONG_SECRETS), 1, False)


def declared_too_large(port: int, size: int, headers: dict[str, str]) -> int:
    """Status for a request that announces ``size`` bytes and sends none of them: the
    answer must come from the headers alone, before any of the body is read."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
    try:
        conn.putrequest("POST", "/webhook")
        for name, value in {**headers, "Content-Length": str(size)}.items():
            conn.putheader(name, value)
        conn.endheaders()
        return conn.getresponse().status
    finally:
        conn.close()


def test_deflate_bomb_and_huge_bodies_get_413(stack):
    auth = {"Authorization": f"Bearer {stack.env.get(TOKEN_ENV, '')}"}
    # 64 KB on the wire, 64 MiB once inflated.
    bomb = zlib.compress(b" " * (64 << 20), 9)
    assert post(stack.actions_port, bomb, {**auth, "Content-Encoding": "deflate"}) == 413
    # Bigger than any tracker: refused from the Content-Length alone. Without the
    # secret the refusal is the 401.
    assert declared_too_large(stack.actions_port, 512 << 20, auth) == 413
    deflated = {**auth, "Content-Encoding": "deflate"}
    assert declared_too_large(stack.actions_port, 512 << 20, deflated) == 413
    assert declared_too_large(stack.actions_port, 512 << 20, {}) == 401
    # A small deflated call is fine (Rasa compresses when COMPRESS_ACTION_SERVER_REQUEST=true).
    call = action_call("action_respond", f"deflated-{uuid.uuid4().hex[:8]}", {})
    assert post(stack.actions_port, zlib.compress(json.dumps(call).encode()),
                {**auth, "Content-Encoding": "deflate"}) == 200


def test_the_action_server_listens_on_loopback_only(stack):
    addresses = listening_addresses(stack.actions_port)
    assert addresses, "nothing listens on the action server's port"
    # 127.0.0.1 in /proc's little-endian hex; never 0.0.0.0 (00000000) or ::.
    assert addresses == {"0100007F"}, addresses
