"""Helpers for the ticket tests; the clock and the draft are shared with the notifier tests
(tests/ticket_data.py)."""

from __future__ import annotations

from datetime import timedelta

from ticket_data import PERSONAL, T0, ManualClock, make_draft

__all__ = ["NOTIFIERS", "PERSONAL_VALUES", "T0", "make_draft", "ticking_clock"]

NOTIFIERS = ("telegram", "email")
PERSONAL_VALUES = tuple(PERSONAL.values())


def ticking_clock() -> ManualClock:
    """Deterministic time: every reading is one second after the previous one."""
    return ManualClock(T0, tick=timedelta(seconds=1))
