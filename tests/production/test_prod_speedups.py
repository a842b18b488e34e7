"""bot.prod.speedups: the cached jsonschema.validate behaves like the original."""

from __future__ import annotations

import jsonschema
import pytest
from rasa.core.actions.action import RemoteAction

import bot.prod.speedups as speedups


def test_validate_is_patched_and_checks_each_schema_once(monkeypatch):
    assert jsonschema.validate is speedups.cached_validate
    speedups._validator.cache_clear()
    schema = RemoteAction.action_response_format_spec()
    good = {"events": [{"event": "slot", "name": "x", "value": 1}], "responses": [{"text": "hoi"}]}
    for _ in range(5):
        jsonschema.validate(good, RemoteAction.action_response_format_spec())
    info = speedups._validator.cache_info()
    assert info.misses == 1 and info.hits == 4
    with pytest.raises(jsonschema.ValidationError) as cached:
        jsonschema.validate({"events": "not a list"}, schema)
    with pytest.raises(jsonschema.ValidationError) as original:
        speedups._original_validate({"events": "not a list"}, schema)
    assert cached.value.message == original.value.message


def test_rasa_accepts_and_rejects_action_results_as_before():
    action = RemoteAction("action_topic", None)
    assert action._validate_action_result({"events": [], "responses": []})
    with pytest.raises(Exception, match="Failed to validate"):
        action._validate_action_result({"events": [{"no": "event"}], "responses": 3})


def test_an_invalid_schema_is_still_refused():
    with pytest.raises(jsonschema.SchemaError):
        jsonschema.validate({}, {"type": 12})
