"""Ticket.to_api() has exactly the keys of the TICKET example in shared/docs/contract.md,
plus the additions listed there that the ticket store serves (safety_flag)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tickets_support import make_draft

CONTRACT = Path(__file__).resolve().parents[2].parent / "shared" / "docs" / "contract.md"


def _contract_ticket_example() -> dict:
    text = CONTRACT.read_text(encoding="utf-8")
    block = text.split("TICKET:", 1)[1]
    match = re.search(r"```json\n(.*?)```", block, re.DOTALL)
    assert match, "TICKET example not found in contract.md"
    return json.loads(match.group(1))


def _contract_additions() -> set[str]:
    """Field names of the "Additions" list below the TICKET example."""
    text = CONTRACT.read_text(encoding="utf-8")
    block = text.split("Additions", 1)[1].split("\n#", 1)[0]
    return set(re.findall(r'^- `"(\w+)":', block, re.MULTILINE))


# Additions the ticket store serves in TICKET.
SERVED_ADDITIONS = {"safety_flag": "scalar", "live": "scalar", "due_at": "scalar",
                    "outcome": "scalar"}


def _shape(value):
    """Keys all the way down (lists and scalars reduce to their kind)."""
    if isinstance(value, dict):
        return {key: _shape(item) for key, item in value.items()}
    if isinstance(value, list):
        return "list"
    return "scalar"


def test_to_api_has_exactly_the_contract_keys(store):
    ticket = store.create_ticket(make_draft())
    assert _shape(ticket.to_api()) == {**_shape(_contract_ticket_example()),
                                       **SERVED_ADDITIONS}


def test_served_additions_are_listed_in_the_contract():
    assert set(SERVED_ADDITIONS) <= _contract_additions()


def test_safety_flag_is_a_json_boolean(store):
    flagged = store.create_ticket(make_draft("flagged", safety_flag=True)).to_api()
    plain = store.create_ticket(make_draft("plain")).to_api()
    assert json.loads(json.dumps(flagged))["safety_flag"] is True
    assert json.loads(json.dumps(plain))["safety_flag"] is False


def test_to_api_values_use_the_contract_vocabularies(store):
    api = store.create_ticket(make_draft()).to_api()
    example = _contract_ticket_example()
    for field in ("channel", "urgency", "status"):
        assert api[field] in example[field].split("|")
    assert api["contact"]["preferred_channel"] in example["contact"]["preferred_channel"].split(
        "|")
    iso_utc = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")
    assert iso_utc.match(api["created_at"]) and iso_utc.match(api["consent"]["given_at"])
    assert api["reference"].startswith("KP-")
