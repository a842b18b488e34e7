"""Resolve event names from a table instead of walking the Event class tree per event.

A profile (``tools.profile_turns``, docs/benchmarks.md, 2026-11-23) showed
``Event.resolve_by_type`` walking all ~23 ``Event`` subclasses recursively (30
``all_subclasses`` calls) for every event it deserialises: every event of the
tracker read from the store each turn, every event an action returns. We keep
a name -> class table instead, built with the same walk in the same order and
dropped whenever a new ``Event`` subclass is defined; unknown names go to the
original (same fallbacks, same error).
"""

from __future__ import annotations

from typing import Any

from rasa.shared.core.events import Event
from rasa.shared.utils.common import all_subclasses

_original_resolve_by_type = Event.resolve_by_type
_event_classes: dict[str, type[Event]] = {}


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
    Event.resolve_by_type = staticmethod(cached_resolve_by_type)  # type: ignore[method-assign]
    Event.__init_subclass__ = classmethod(_forget_event_classes)  # type: ignore[assignment,method-assign]


def unapply() -> None:
    Event.resolve_by_type = staticmethod(_original_resolve_by_type)  # type: ignore[method-assign]
    if "__init_subclass__" in Event.__dict__:
        delattr(Event, "__init_subclass__")
    _event_classes.clear()
