"""bot.rasa.speedups.policy_states: the states of Rasa's own loop, from one shared replay.

Compared with Rasa's ``Domain.states_for_tracker_history`` at every action of every
story and rule of our training data (forms, active loops, rule-only turns hidden,
rule-only slots and loops removed), then for what the cache may and may not share.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rasa.core.training import load_data
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from trained_agent import trained_agent

from bot.rasa.speedups import policy_states

ROOT = Path(__file__).resolve().parents[2]
original = policy_states._original_states_for_tracker_history
shared = policy_states.states_for_tracker_history


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(str(ROOT / "domain"))


@pytest.fixture(scope="module")
def training_trackers(domain) -> list[DialogueStateTracker]:
    loaded = load_data(str(ROOT / "data"), domain, augmentation_factor=0,
                       use_story_concatenation=False)
    assert any(t.is_rule_tracker for t in loaded) and any(not t.is_rule_tracker for t in loaded)
    return loaded


def _tracker(sender: str, events: list, domain: Domain, is_rule_tracker: bool = False
             ) -> DialogueStateTracker:
    tracker = DialogueStateTracker(sender, domain.slots, is_rule_tracker=is_rule_tracker)
    for event in events:
        tracker.update(event)
    return tracker


def _hiding_every_other_action(events: list) -> list:
    """The same events with every second action marked as a hidden rule turn (what
    RulePolicy's predictions of rule-only turns put in a served conversation)."""
    marked, count = [], 0
    for event in events:
        if isinstance(event, ActionExecuted):
            count += 1
            if count % 2 == 0:
                event = ActionExecuted(event.action_name, event.policy, event.confidence,
                                       event.timestamp, event.metadata,
                                       action_text=event.action_text, hide_rule_turn=True)
        marked.append(event)
    return marked


def _prefixes(tracker: DialogueStateTracker, domain: Domain):
    """The tracker as the policies see it before each of its actions, as trained and with
    hidden rule turns."""
    for events in (list(tracker.events), _hiding_every_other_action(list(tracker.events))):
        for index, event in enumerate(events):
            if isinstance(event, ActionExecuted) and index:
                yield _tracker(tracker.sender_id, events[:index], domain, tracker.is_rule_tracker)


def test_every_story_and_rule_gives_rasa_s_states(domain, training_trackers):
    rule_only = {"slots": [name for name in (s.name for s in domain.slots)][:6],
                 "loops": list(domain.form_names)}
    compared = hidden_turns = 0
    for tracker in training_trackers:
        for prefix in _prefixes(tracker, domain):
            for options in ({}, {"ignore_rule_only_turns": True, "rule_only_data": rule_only},
                            {"ignore_rule_only_turns": True}, {"omit_unset_slots": True}):
                expected = original(domain, prefix, **options)
                assert shared(domain, prefix, **options) == expected, (tracker.sender_id, options)
                compared += 1
            hidden_turns += any(getattr(e, "hide_rule_turn", False) for e in prefix.events)
    # One rule and a few stories since the dialogue moved into bot/dialogue (no forms left).
    assert compared > 1000 and hidden_turns > 80  # hidden rule turns were exercised


async def test_the_trained_model_predicts_as_with_rasa_s_states():
    """Turn by turn, with the hide_rule_turn flags the model's own predictions set (the
    test above covers hidden turns; our rules rarely produce them)."""
    agent = trained_agent()  # only read here: parses and predictions
    domain = agent.domain
    events: list = [ActionExecuted("action_session_start"), ActionExecuted("action_listen")]
    predictions = 0
    texts = ["hoi", "ik zit vast in mijn werk", "ja graag", "wat kost dat", "ik wil een coach",
             "ja", "Anna", "nee", "mijn contract wordt niet verlengd", "doei"]
    for text in texts:
        parsed = await agent.parse_message(text)
        events.append(UserUttered(text, parsed["intent"], parsed["entities"], parsed))
        for _ in range(8):
            got = []
            for use_shared in (True, False):
                policy_states.apply() if use_shared else policy_states.unapply()
                tracker = DialogueStateTracker.from_events("kp", list(events), domain.slots)
                got.append(agent.processor._predict_next_with_tracker(tracker))
            policy_states.apply()
            assert got[0] == got[1]
            predictions += 1
            action = domain.action_names_or_texts[got[0].max_confidence_index]
            events.append(ActionExecuted(action, policy=got[0].policy_name,
                                         confidence=got[0].max_confidence,
                                         hide_rule_turn=got[0].hide_rule_turn))
            if action == "action_listen":
                break
    assert predictions > len(texts)


def test_one_replay_serves_every_policy_and_each_gets_its_own_copy(domain, monkeypatch):
    tracker = DialogueStateTracker.from_events("kp", [
        ActionExecuted("action_listen"),
        UserUttered("ik wil met een coach praten", {"name": "request_human", "confidence": 1.0}),
        SlotSet("topic", "stuck"), ActionExecuted("utter_greet"), ActionExecuted("action_listen"),
        UserUttered("ja", {"name": "affirm", "confidence": 1.0}),
    ], domain.slots)
    replays = []
    real = DialogueStateTracker.generate_all_prior_trackers

    def counted(tracker, **options):
        """The shared version, counting the replays it makes (Rasa's own are not counted)."""
        monkeypatch.setattr(DialogueStateTracker, "generate_all_prior_trackers",
                            lambda self: replays.append(1) or real(self))
        try:
            return shared(domain, tracker, **options)
        finally:
            monkeypatch.setattr(DialogueStateTracker, "generate_all_prior_trackers", real)

    policy_states._replays.clear()
    first = counted(tracker)
    first[-1]["user"].pop("intent")  # what RulePolicy's featurizer does to its copy
    first[-1].clear()
    second = counted(tracker, ignore_rule_only_turns=True)
    third = counted(tracker)
    assert len(replays) == 1
    assert third == original(domain, tracker) and third[-1]["user"]["intent"] == "affirm"
    assert second == original(domain, tracker, ignore_rule_only_turns=True)

    # A new event is a new history: replayed again, and right.
    tracker.update(ActionExecuted("utter_ask_contact_phone"))
    assert counted(tracker) == original(domain, tracker)
    assert len(replays) == 2
    # The same events in another tracker object are the same history.
    copy = DialogueStateTracker.from_events("other", list(tracker.events), domain.slots)
    assert counted(copy) == original(domain, copy) and len(replays) == 2
    # Other flags are other replays.
    assert counted(tracker, omit_unset_slots=True) == original(
        domain, tracker, omit_unset_slots=True)
    rule_copy = _tracker("r", list(tracker.events), domain, is_rule_tracker=True)
    assert counted(rule_copy) == original(domain, rule_copy)
    assert len(replays) == 4


def test_the_cache_stays_small(domain):
    policy_states._replays.clear()
    for number in range(policy_states.CACHE_SIZE + 10):
        tracker = DialogueStateTracker.from_events(f"kp-{number}", [
            ActionExecuted("action_listen"),
            UserUttered("hoi", {"name": "greet", "confidence": 1.0})], domain.slots)
        shared(domain, tracker)
    assert len(policy_states._replays) == policy_states.CACHE_SIZE


def test_it_is_applied_and_can_be_undone(domain):
    assert Domain.states_for_tracker_history is shared
    policy_states.unapply()
    try:
        assert Domain.states_for_tracker_history is original
        assert not policy_states._replays
    finally:
        policy_states.apply()
