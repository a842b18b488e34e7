"""The profile slots (sector, contract type, age, deadline, region) are filled by action_respond
from what the person says about themselves, never by Rasa from any entity: Rasa's slot
extraction runs before the action, and "bijstand dan? moet ik dan naar de gemeente?" put "Je
werkt bij de overheid" on a card (round 15, p63)."""

from __future__ import annotations

import asyncio

from rasa.core.actions.action import ActionExtractSlots
from rasa.core.channels import CollectingOutputChannel
from rasa.core.nlg import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.settings import ROOT

PROFILE = ("sector", "contract_type", "age", "deadline", "region")


def test_rasa_fills_no_profile_slot_from_an_entity():
    domain = Domain.load(str(ROOT / "domain.yml"))
    text = "bijstand dan? moet ik dan naar de gemeente? ik ben 52"
    entities = [{"entity": "sector", "value": "overheid", "start": 34, "end": 42},
                {"entity": "age", "value": "52", "start": 51, "end": 53}]
    tracker = DialogueStateTracker.from_events(
        "p63", [UserUttered(text, {"name": "unemployed", "confidence": 0.31}, entities)],
        slots=domain.slots)
    events = asyncio.run(ActionExtractSlots(None).run(
        CollectingOutputChannel(), TemplatedNaturalLanguageGenerator(domain.responses),
        tracker, domain))
    filled = {e.key for e in events if isinstance(e, SlotSet)}
    assert not filled & set(PROFILE), filled
