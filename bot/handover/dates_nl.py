"""Turn the Dutch ways people name a date into a date ("1 maart", "over 3 weken")."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "maart": 3, "mrt": 3, "april": 4,
    "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "augustus": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
WEEKDAYS = {"maandag": 0, "dinsdag": 1, "woensdag": 2, "donderdag": 3, "vrijdag": 4,
            "zaterdag": 5, "zondag": 6}
NUMBERS = {"een": 1, "één": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6,
           "zeven": 7, "acht": 8, "negen": 9, "tien": 10, "elf": 11, "twaalf": 12}


def _next_occurrence(month: int, day: int, today: date) -> date | None:
    for year in (today.year, today.year + 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            return None
        if candidate >= today:
            return candidate
    return None


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _amount(word: str) -> int | None:
    return int(word) if word.isdigit() else NUMBERS.get(word)


def parse_deadline(text: str | None, today: date) -> date | None:
    """The next date the text names, or None when it names none we understand."""
    if not text:
        return None
    t = text.lower().strip()
    if m := re.search(r"\b(\d{4})-(\d{2})-(\d{2})\b", t):
        try:
            return date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    if m := re.search(r"\b(\d{1,2})[-/](\d{1,2})(?:[-/](\d{2,4}))?\b", t):
        day, month = int(m[1]), int(m[2])
        if m[3]:
            year = int(m[3]) + (2000 if len(m[3]) == 2 else 0)
            try:
                return date(year, month, day)
            except ValueError:
                return None
        return _next_occurrence(month, day, today)
    month_names = "|".join(sorted(MONTHS, key=len, reverse=True))
    if m := re.search(rf"\b(\d{{1,2}})\s*({month_names})\b", t):
        return _next_occurrence(MONTHS[m[2]], int(m[1]), today)
    if m := re.search(r"\bover\s+(\w+)\s+(dag|dagen|week|weken|maand|maanden)\b", t):
        n = _amount(m[1])
        if n is None:
            return None
        if m[2].startswith("dag"):
            return today + timedelta(days=n)
        if m[2].startswith("we"):
            return today + timedelta(weeks=n)
        month_index = today.month - 1 + n
        year, month = today.year + month_index // 12, month_index % 12 + 1
        return min(_month_end(year, month), date(year, month, min(today.day, 28)))
    if re.search(r"\beind\s+(van\s+)?(de\s+)?(volgende|komende)\s+maand\b", t):
        year, month = (today.year + 1, 1) if today.month == 12 else (today.year, today.month + 1)
        return _month_end(year, month)
    if re.search(r"\bovermorgen\b", t):
        return today + timedelta(days=2)
    if re.search(r"\bmorgen\b", t):
        return today + timedelta(days=1)
    if m := re.search(rf"\b({'|'.join(WEEKDAYS)})\b", t):
        # "voor vrijdag": the coming one; said on a Friday, next week's.
        ahead = (WEEKDAYS[m[1]] - today.weekday()) % 7 or 7
        return today + timedelta(days=ahead)
    if re.search(r"\beind\s+(van\s+)?(de|deze)\s+week\b|\bdeze\s+week\b", t):
        return today + timedelta(days=max(4 - today.weekday(), 0))
    if re.search(r"\b(volgende|komende)\s+week\b", t):
        return today + timedelta(days=7)
    if re.search(r"\beind\s+(van\s+)?(de|deze)\s+maand\b", t):
        return _month_end(today.year, today.month)
    if re.search(r"\b(volgende|komende)\s+maand\b", t):
        year, month = (today.year + 1, 1) if today.month == 12 else (today.year, today.month + 1)
        return date(year, month, 1)
    if re.search(r"\beind\s+(van\s+)?(het|dit)\s+jaar\b", t):
        return date(today.year, 12, 31)
    if m := re.search(rf"\b(eind|per|begin|vanaf|in)\s+({month_names})\b", t):
        month = MONTHS[m[2]]
        year = today.year if month >= today.month else today.year + 1
        return _month_end(year, month) if m[1] == "eind" else date(year, month, 1)
    return None
