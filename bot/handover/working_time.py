"""Working time: office hours plus Dutch or Belgian public holidays, and the service levels
(target time to first contact per urgency) counted in it.

Public holidays come from the `holidays` library (never written by hand here); the few
extra office closing days (11 July in Flanders) are configuration in service_levels.yml.

    levels = default_service_levels()
    levels.due_at(created, "normal", team="vlaanderen")   # aware UTC datetime
    levels.half_time(created, due, team)                   # the team's reminder moment
    levels.promise(created, "normal", team)                # "uiterlijk dinsdag 24 november"
    levels.back_at(moment, team)                           # None while the office is open

All datetimes handed in may be aware (any zone) or naive (taken as UTC); all handed out are
aware UTC.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo

import holidays
import yaml

CONFIG_FILE = Path(__file__).with_name("service_levels.yml")
URGENCIES = ("high", "normal", "low")
WEEKDAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december"]
_MAX_DAYS = 400  # no calendar has a year without a working day; stop a bad config looping


def _utc(value: datetime) -> datetime:
    if value.tzinfo is None:
        return value.replace(tzinfo=timezone.utc)
    return value.astimezone(timezone.utc)


def parse_days(spec: str) -> frozenset[int]:
    """"1-5" -> {1..5}; "1-3,5" -> {1, 2, 3, 5} (ISO weekdays)."""
    days: set[int] = set()
    for part in str(spec).split(","):
        first, _, last = part.strip().partition("-")
        days.update(range(int(first), int(last or first) + 1))
    if not days or not days <= set(range(1, 8)):
        raise ValueError(f"office days must be ISO weekdays 1-7, got {spec!r}")
    return frozenset(days)


@dataclass(frozen=True)
class OfficeHours:
    days: frozenset[int] = frozenset(range(1, 6))
    start: time = time(9, 0)
    end: time = time(17, 0)
    zone: ZoneInfo = field(default_factory=lambda: ZoneInfo("Europe/Amsterdam"))

    def __post_init__(self) -> None:
        if self.start >= self.end:
            raise ValueError("office hours must start before they end")


class WorkingCalendar:
    """Office hours on working days: not a weekend day outside `days`, not a public holiday
    of `country` (holidays library), not one of `closed_days` ("MM-DD")."""

    def __init__(self, hours: OfficeHours, country: str = "NL",
                 closed_days: tuple[str, ...] = ()) -> None:
        self.hours = hours
        self.country = country
        self._holidays = holidays.country_holidays(country)  # years expand on demand
        self._closed = frozenset((int(d[:2]), int(d[3:5])) for d in closed_days)

    def holiday_name(self, day: date) -> str | None:
        if (day.month, day.day) in self._closed:
            return "kantoor gesloten"
        return self._holidays.get(day)

    def is_working_day(self, day: date) -> bool:
        return day.isoweekday() in self.hours.days and self.holiday_name(day) is None

    def next_working_day(self, day: date) -> date:
        """The first working day after `day`."""
        for _ in range(_MAX_DAYS):
            day += timedelta(days=1)
            if self.is_working_day(day):
                return day
        raise ValueError("no working day within a year: check the office days")

    def opening(self, day: date) -> datetime:
        return datetime.combine(day, self.hours.start, self.hours.zone)

    def closing(self, day: date) -> datetime:
        return datetime.combine(day, self.hours.end, self.hours.zone)

    def is_open(self, moment: datetime) -> bool:
        local = _utc(moment).astimezone(self.hours.zone)
        return (self.is_working_day(local.date())
                and self.hours.start <= local.time() < self.hours.end)

    def next_open(self, moment: datetime) -> datetime:
        """`moment` itself when the office is open, else the next opening (aware UTC)."""
        local = _utc(moment).astimezone(self.hours.zone)
        day = local.date()
        if self.is_working_day(day) and local.time() < self.hours.end:
            return _utc(max(local, self.opening(day)))
        return _utc(self.opening(self.next_working_day(day)))

    def working_seconds(self, start: datetime, end: datetime) -> float:
        """Office time between two moments, in seconds (0 when end is not after start)."""
        start, end = _utc(start), _utc(end)
        if end <= start:
            return 0.0
        day = start.astimezone(self.hours.zone).date()
        last = end.astimezone(self.hours.zone).date()
        total = 0.0
        while day <= last:
            if self.is_working_day(day):
                lo = max(start, _utc(self.opening(day)))
                hi = min(end, _utc(self.closing(day)))
                if hi > lo:
                    total += (hi - lo).total_seconds()
            day += timedelta(days=1)
        return total

    def add_working_seconds(self, start: datetime, seconds: float) -> datetime:
        """The moment `seconds` of office time after `start` (aware UTC)."""
        moment = self.next_open(start)
        left = max(0.0, seconds)
        for _ in range(_MAX_DAYS):
            local = moment.astimezone(self.hours.zone)
            closing = _utc(self.closing(local.date()))
            room = (closing - moment).total_seconds()
            if left <= room:
                return moment + timedelta(seconds=left)
            left -= room
            moment = _utc(self.opening(self.next_working_day(local.date())))
        raise ValueError("working time too long")


@dataclass(frozen=True)
class ServiceLevels:
    hours: OfficeHours
    targets: Mapping[str, int]  # urgency -> working days after the counting day
    default_country: str = "NL"
    team_countries: Mapping[str, str] = field(default_factory=dict)
    closed_days: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    min_minutes_left: int = 60

    def calendar(self, team: str | None = None) -> WorkingCalendar:
        country = self.team_countries.get(team or "", self.default_country)
        return _calendar(self.hours, country, tuple(self.closed_days.get(country, ())))

    def counting_day(self, created: datetime, team: str | None = None) -> date:
        """The working day a request counts from: today if it came in on a working day
        with at least `min_minutes_left` of office time to go, else the next working day."""
        cal = self.calendar(team)
        local = _utc(created).astimezone(self.hours.zone)
        day = local.date()
        cutoff = cal.closing(day) - timedelta(minutes=self.min_minutes_left)
        if cal.is_working_day(day) and local < cutoff:
            return day
        return cal.next_working_day(day)

    def due_day(self, created: datetime, urgency: str, team: str | None = None) -> date:
        if urgency not in self.targets:
            raise ValueError(f"no service level for urgency {urgency!r}")
        cal = self.calendar(team)
        day = self.counting_day(created, team)
        for _ in range(self.targets[urgency]):
            day = cal.next_working_day(day)
        return day

    def due_at(self, created: datetime, urgency: str, team: str | None = None) -> datetime:
        """When first contact is due: closing time of the due day (aware UTC)."""
        return _utc(self.calendar(team).closing(self.due_day(created, urgency, team)))

    def half_time(self, created: datetime, due: datetime, team: str | None = None) -> datetime:
        """Halfway through the office time between creation and due (the team reminder)."""
        cal = self.calendar(team)
        return cal.add_working_seconds(created, cal.working_seconds(created, due) / 2)

    def promise(self, created: datetime, urgency: str = "normal", team: str | None = None
                ) -> str:
        """What the bot tells the member: "uiterlijk dinsdag 24 november"."""
        return promise_text(self.due_day(created, urgency, team))

    def back_at(self, moment: datetime, team: str | None = None) -> datetime | None:
        """None while the office is open; else when it opens again (aware UTC)."""
        cal = self.calendar(team)
        return None if cal.is_open(moment) else cal.next_open(moment)


def promise_text(day: date) -> str:
    return f"uiterlijk {WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]}"


def back_text(moment: datetime, zone: ZoneInfo) -> str:
    """"maandag 4 januari om 09:00" (local time)."""
    local = _utc(moment).astimezone(zone)
    return (f"{WEEKDAYS[local.weekday()]} {local.day} {MONTHS[local.month - 1]}"
            f" om {local:%H:%M}")


@lru_cache(maxsize=16)
def _calendar(hours: OfficeHours, country: str, closed: tuple[str, ...]) -> WorkingCalendar:
    return WorkingCalendar(hours, country, closed)


def _targets_from_env(spec: str) -> dict[str, int]:
    targets = {}
    for part in spec.split(","):
        name, _, value = part.partition("=")
        if name.strip():
            targets[name.strip()] = int(value)
    return targets


def load_service_levels(path: Path = CONFIG_FILE, env: Mapping[str, str] | None = None
                        ) -> ServiceLevels:
    """Read service_levels.yml, with the environment overrides it describes."""
    env = os.environ if env is None else env
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    office = data.get("office_hours") or {}
    hours = OfficeHours(
        days=parse_days(env.get("SERVICE_DAYS") or office.get("days", "1-5")),
        start=time.fromisoformat(env.get("SERVICE_START") or str(office.get("start", "09:00"))),
        end=time.fromisoformat(env.get("SERVICE_END") or str(office.get("end", "17:00"))),
        zone=ZoneInfo(office.get("timezone", "Europe/Amsterdam")),
    )
    targets = {k: int(v) for k, v in (data.get("targets") or {}).items()}
    if env.get("SERVICE_TARGETS"):
        targets.update(_targets_from_env(env["SERVICE_TARGETS"]))
    if env.get("RESPONSE_TARGET_WORKDAYS"):
        targets["normal"] = int(env["RESPONSE_TARGET_WORKDAYS"])
    missing = [u for u in URGENCIES if u not in targets]
    if missing or any(v < 0 for v in targets.values()):
        raise ValueError(f"service level targets need high, normal and low >= 0: {targets}")
    spec = data.get("holidays") or {}
    closed = {str(c): tuple(str(d) for d in days)
              for c, days in (data.get("closed_days") or {}).items()}
    return ServiceLevels(
        hours=hours,
        targets=targets,
        default_country=str(spec.get("default", "NL")),
        team_countries={str(t): str(c) for t, c in (spec.get("teams") or {}).items()},
        closed_days=closed,
        min_minutes_left=int(data.get("min_minutes_left", 60)),
    )


@lru_cache(maxsize=1)
def default_service_levels() -> ServiceLevels:
    return load_service_levels()
