"""Measured fixes for Rasa hot spots, applied when this module is imported.

Profiling a Rasa process under load (py-spy, docs/benchmarks.md) showed about
30 % of its CPU in ``jsonschema.validate``: Rasa validates every action-server
response with it, and ``validate`` checks the *schema* against the 2020-12
meta-schema on every call before checking the response. The schema never
changes, so we check it once per distinct schema and keep the validator.
Results and errors are exactly those of ``jsonschema.validate``.

A second profile (``bot.profile_turns``, docs/benchmarks.md, 2026-11-23) showed
``Event.resolve_by_type`` walking all ~23 ``Event`` subclasses recursively (30
``all_subclasses`` calls) for every event it deserialises: every event of the
tracker read from the store each turn, every event an action returns. We keep
a name -> class table instead, built with the same walk in the same order and
dropped whenever a new ``Event`` subclass is defined; unknown names go to the
original (same fallbacks, same error).
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

import jsonschema
from jsonschema.exceptions import best_match
from jsonschema.validators import validator_for
from rasa.shared.core.events import Event
from rasa.shared.utils.common import all_subclasses

_original_validate = jsonschema.validate
_original_resolve_by_type = Event.resolve_by_type
_event_classes: dict[str, type[Event]] = {}


@lru_cache(maxsize=64)
def _validator(schema_json: str, cls: type | None) -> Any:
    schema = json.loads(schema_json)
    validator_class = cls or validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema)


def cached_validate(instance: Any, schema: Any, cls: type | None = None, *args: Any,
                    **kwargs: Any) -> None:
    """``jsonschema.validate`` that checks each distinct schema only once."""
    if args or kwargs:
        return _original_validate(instance, schema, cls, *args, **kwargs)
    try:
        key = json.dumps(schema, sort_keys=True)
    except (TypeError, ValueError):
        return _original_validate(instance, schema, cls)
    error = best_match(_validator(key, cls).iter_errors(instance))
    if error is not None:
        raise error
    return None


def cached_resolve_by_type(type_name: str, default: type[Event] | None = None
                           ) -> type[Event] | None:
    """``Event.resolve_by_type`` from a table instead of a class-tree walk per call."""
    if not _event_classes:
        for cls in all_subclasses(Event):  # first match wins, as in the original loop
            _event_classes.setdefault(cls.type_name, cls)
    found = _event_classes.get(type_name)
    return found if found is not None else _original_resolve_by_type(type_name, default)


def _forget_event_classes(cls: type[Event], **kwargs: Any) -> None:
    # A new Event subclass may resolve a name differently: rebuild on next use.
    _event_classes.clear()
    super(Event, cls).__init_subclass__(**kwargs)


def apply() -> None:
    jsonschema.validate = cached_validate
    Event.resolve_by_type = staticmethod(cached_resolve_by_type)  # type: ignore[method-assign]
    Event.__init_subclass__ = classmethod(_forget_event_classes)  # type: ignore[assignment,method-assign]


def unapply() -> None:
    """Rasa's originals again (for before/after measurements, bot.profile_turns)."""
    jsonschema.validate = _original_validate
    Event.resolve_by_type = staticmethod(_original_resolve_by_type)  # type: ignore[method-assign]
    if "__init_subclass__" in Event.__dict__:
        delattr(Event, "__init_subclass__")
    _event_classes.clear()


apply()
