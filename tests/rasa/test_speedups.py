"""bot.rasa.speedups: the schema check, event lookup and logistic regression behave like
Rasa's originals (the graph runner: test_speedup_graph_runner.py)."""

from __future__ import annotations

import gc

import jsonschema
import pytest
from rasa.core.actions.action import RemoteAction
from rasa.shared.core.events import (
    ActionExecuted,
    BotUttered,
    ConversationPaused,
    Event,
    SlotSet,
    UserUttered,
    deserialise_events,
)
from rasa.shared.utils.common import all_subclasses

import bot.rasa.speedups as speedups
from bot.rasa.speedups import event_lookup, schema_check


def test_validate_is_patched_and_checks_each_schema_once(monkeypatch):
    assert jsonschema.validate is schema_check.cached_validate
    schema_check._validator.cache_clear()
    schema = RemoteAction.action_response_format_spec()
    good = {"events": [{"event": "slot", "name": "x", "value": 1}], "responses": [{"text": "hoi"}]}
    for _ in range(5):
        jsonschema.validate(good, RemoteAction.action_response_format_spec())
    info = schema_check._validator.cache_info()
    assert info.misses == 1 and info.hits == 4
    with pytest.raises(jsonschema.ValidationError) as cached:
        jsonschema.validate({"events": "not a list"}, schema)
    with pytest.raises(jsonschema.ValidationError) as original:
        schema_check._original_validate({"events": "not a list"}, schema)
    assert cached.value.message == original.value.message


def test_rasa_accepts_and_rejects_action_results_as_before():
    action = RemoteAction("action_topic", None)
    assert action._validate_action_result({"events": [], "responses": []})
    with pytest.raises(Exception, match="Failed to validate"):
        action._validate_action_result({"events": [{"no": "event"}], "responses": 3})


def test_an_invalid_schema_is_still_refused():
    with pytest.raises(jsonschema.SchemaError):
        jsonschema.validate({}, {"type": 12})


def _rasa_event_classes() -> list[type[Event]]:
    return [cls for cls in all_subclasses(Event) if cls.__module__.startswith("rasa.")]


def test_event_names_resolve_to_the_same_classes_without_a_walk_per_call(monkeypatch):
    assert Event.resolve_by_type is event_lookup.cached_resolve_by_type
    event_lookup._event_classes.clear()
    walks = []

    def counted_walk(cls):
        walks.append(cls)
        return all_subclasses(cls)

    monkeypatch.setattr(event_lookup, "all_subclasses", counted_walk)
    # Several classes may share a name (rasa.core.test's EndToEndUserUtterance is a
    # "user" event too, once imported): the first in the walk wins, in both.
    names = {cls.type_name for cls in _rasa_event_classes()}
    assert {"user", "bot", "action", "slot"} <= names
    for _ in range(3):
        for name in names:
            found = Event.resolve_by_type(name)
            assert found is event_lookup._original_resolve_by_type(name)
            assert found.type_name == name
    assert len(walks) == 1  # one table build, not one class-tree walk per name


def test_unknown_event_names_behave_as_before():
    assert Event.resolve_by_type("topic") is None
    assert Event.resolve_by_type("no_such_event", SlotSet) is SlotSet
    with pytest.raises(ValueError, match="Unknown event name 'no_such_event'"):
        Event.resolve_by_type("no_such_event")


def test_an_event_class_defined_later_is_found_and_wins_where_it_did_before():
    assert Event.resolve_by_type("pause") is ConversationPaused  # table built

    # A direct Event subclass comes before ConversationPaused (a grandchild) in
    # Rasa's walk, so the original resolves "pause" to it: the table must too.
    class Shadow(Event):
        type_name = "pause"

        def __eq__(self, other):
            return type(other) is type(self)

        def as_story_string(self):
            return None

    class Later(SlotSet):
        type_name = "profile_test_event"

    try:
        assert event_lookup._original_resolve_by_type("pause") is Shadow
        assert Event.resolve_by_type("pause") is Shadow
        assert Event.resolve_by_type("profile_test_event") is Later
        assert Event.resolve_by_type("slot") is SlotSet
    finally:  # forget the test classes (Rasa finds subclasses through weak references)
        event_lookup._event_classes.clear()
        del Shadow, Later
        gc.collect()
    assert Event.resolve_by_type("pause") is ConversationPaused


def test_a_tracker_read_back_from_json_is_unchanged():
    events = [ActionExecuted("action_listen"), UserUttered("hoi", {"name": "greet"}),
              SlotSet("topic", "pensioen"), BotUttered("Hoi!"), ActionExecuted("utter_greet")]
    dumped = [event.as_dict() for event in events]
    assert deserialise_events(dumped) == events
    speedups.unapply()
    try:
        assert deserialise_events(dumped) == events
    finally:
        speedups.apply()
