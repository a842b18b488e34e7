"""When a person can expect a consultant to contact them: the same working-time calendar
and targets as the ticket's due_at (bot/handover/working_time.py, service_levels.yml),
public holidays of the Netherlands or Belgium included.

SERVICE_DAYS, SERVICE_START / SERVICE_END, RESPONSE_TARGET_WORKDAYS (the normal target) and
SERVICE_TARGETS still override the file (deploy.md).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime

from bot.handover.working_time import (
    ServiceLevels,
    back_text,
    default_service_levels,
    load_service_levels,
)


def _levels(env: Mapping[str, str] | None) -> ServiceLevels:
    return default_service_levels() if env is None else load_service_levels(env=env)


def expected_contact(now: datetime, env: Mapping[str, str] | None = None,
                     urgency: str = "normal", team: str | None = None) -> str:
    """A short phrase: "uiterlijk dinsdag 24 november"."""
    return _levels(env).promise(now, urgency, team)


def contact_day(now: datetime, env: Mapping[str, str] | None = None,
                urgency: str = "normal", team: str | None = None) -> date:
    """The last day of the promise: a deadline on or before it cannot be promised."""
    return _levels(env).due_day(now, urgency, team)


def back_on(now: datetime, env: Mapping[str, str] | None = None,
            team: str | None = None) -> str | None:
    """None while the office is open; else "maandag 4 januari om 09:00"."""
    levels = _levels(env)
    moment = levels.back_at(now, team)
    return None if moment is None else back_text(moment, levels.hours.zone)
