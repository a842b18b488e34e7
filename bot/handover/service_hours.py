"""When a person can expect a consultant to contact them, from configurable hours.

SERVICE_DAYS (ISO weekdays, default "1-5"), SERVICE_START / SERVICE_END (default
09:00 / 17:00, Europe/Amsterdam) and RESPONSE_TARGET_WORKDAYS (default 2).
Public holidays are not modelled: the promise is "uiterlijk", never earlier.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

ZONE = ZoneInfo("Europe/Amsterdam")
WEEKDAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december"]


def _days(spec: str) -> set[int]:
    first, _, last = spec.partition("-")
    return set(range(int(first), int(last or first) + 1))


def expected_contact(now: datetime, env: Mapping[str, str] | None = None) -> str:
    """A short phrase: "uiterlijk dinsdag 24 november"."""
    env = os.environ if env is None else env
    days = _days(env.get("SERVICE_DAYS", "1-5"))
    end = time.fromisoformat(env.get("SERVICE_END", "17:00"))
    target = int(env.get("RESPONSE_TARGET_WORKDAYS", "2"))
    local = now.astimezone(ZONE)
    day = local.date()
    # A request after closing time counts from the next working day.
    counted = 0 if (local.isoweekday() in days and local.time() < end) else -1
    while counted < target:
        day += timedelta(days=1)
        if day.isoweekday() in days:
            counted += 1
    return f"uiterlijk {WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]}"
