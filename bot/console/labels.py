"""Dutch labels and small display helpers for the console pages."""

from __future__ import annotations

from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

try:
    DISPLAY_ZONE: timezone | ZoneInfo = ZoneInfo("Europe/Amsterdam")
except ZoneInfoNotFoundError:  # minimal containers without tzdata
    DISPLAY_ZONE = timezone.utc

TOPICS = {
    "enjoy_work": "Plezier in werk",
    "stuck": "Vastgelopen",
    "retirement": "Pensioen",
    "flex_contract": "Flexcontract",
    "job_insecurity": "Baan onzeker",
    "unemployed": "Werkloos",
    "training": "Opleiding",
    "funding": "Financiering opleiding",
    "career_change": "Ander werk",
    "career_growth": "Doorgroeien",
    "job_crafting": "Werk anders inrichten",
    "workload_health": "Werkdruk en gezondheid",
    "work_life_balance": "Werk en privé",
    "conflict_at_work": "Conflict op het werk",
    "job_search": "Werk zoeken",
    "career_test": "Loopbaantest",
    "hr_conversation": "Gesprek met werkgever",
    "ask_cost": "Kosten",
    "ask_privacy": "Privacy",
    "ask_how_it_works": "Hoe het werkt",
    "request_human": "Wil een mens spreken",
    "delete_my_data": "Gegevens wissen",
    "crisis": "Crisis",
}

STATUSES = {
    "new": "Nieuw",
    "claimed": "Opgepakt",
    "contacted": "Contact gehad",
    "closed": "Gesloten",
}

URGENCIES = {"high": "Hoog", "normal": "Normaal", "low": "Laag"}

# Recorded at closing (bot.tickets.models.OUTCOMES, contract.md), in this order.
OUTCOMES = {
    "stayed_improved": "Gebleven, werk verbeterd",
    "internal_move": "Intern andere functie",
    "new_job": "Nieuwe baan",
    "training": "Opleiding gestart",
    "referred": "Doorverwezen (juridisch, UWV/VDAB, gezondheid)",
    "no_contact": "Geen contact mogelijk",
    "other": "Anders",
}

# A ticket with safety_flag: the person made a crisis statement in the conversation. Shown in
# the console only (notifications never carry it; see bot/notify/message.py).
SAFETY_BADGE = "Let op: crisissignaal"
SAFETY_TITLE = "Let op: crisissignaal in het gesprek"
SAFETY_TEXT = (
    "Deze persoon noemde in het gesprek gedachten aan zelfdoding of zelfbeschadiging. "
    "Bel zo snel mogelijk, liefst vandaag. Verwijs bij acuut gevaar naar 112; "
    "hulp bij gedachten aan zelfdoding: 113 of 0800-0113 (Nederland), 1813 (Vlaanderen)."
)
URGENCY_ORDER = {"high": 0, "normal": 1, "low": 2}

CHANNELS = {
    "rest": "Web (REST)",
    "socketio": "Website-chat",
    "telegram": "Telegram",
    "whatsapp": "WhatsApp",
}

CONTACT_CHANNELS = {
    "phone": "Telefoon",
    "whatsapp": "WhatsApp",
    "email": "E-mail",
    "chat": "Chat",
}

# Fixed notices for redirects: the query string carries a key, never free text.
NOTICES = {
    "uitgelogd": "Je bent uitgelogd.",
    "verlopen": "Je sessie is verlopen. Log opnieuw in.",
    "opgepakt": "Je hebt deze aanvraag opgepakt.",
    "gecontacteerd": "Gemarkeerd als: contact gehad.",
    "gesloten": "De aanvraag is gesloten.",
    "notitie": "Je notitie is opgeslagen.",
    "teruggegeven": "Je hebt de aanvraag teruggegeven; hij staat weer bij Nieuw.",
    "heropend": "De aanvraag is heropend en staat op jouw naam.",
    "verwijderd": "De aanvraag en alle gegevens zijn verwijderd.",
}


def label(table: dict[str, str], key: str | None) -> str:
    if key is None:
        return "—"
    return table.get(key, key)


def parse_moment(value: str | datetime | None) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        moment = value
    else:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def format_moment(value: str | datetime | None) -> str:
    moment = parse_moment(value)
    if moment is None:
        return "—"
    return moment.astimezone(DISPLAY_ZONE).strftime("%d-%m-%Y %H:%M")


def format_date(value: str | date | None) -> str:
    if value is None:
        return "—"
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value[:10])
        except ValueError:
            return value
    return value.strftime("%d-%m-%Y")


def format_time_left(due: datetime | None, now: datetime) -> tuple[str, bool]:
    """("nog 3 uur", False) or ("2 dagen te laat", True); ("—", False) without a due time."""
    if due is None:
        return "—", False
    minutes = int((due - now).total_seconds() // 60)
    late = minutes < 0
    minutes = abs(minutes)
    if minutes < 60:
        amount = f"{minutes} min"
    elif minutes < 48 * 60:
        amount = f"{minutes // 60} uur"
    else:
        amount = f"{minutes // (24 * 60)} dagen"
    return (f"{amount} te laat", True) if late else (f"nog {amount}", False)


def format_age(value: str | datetime | None, now: datetime) -> str:
    """How long ago, short and in Dutch: '12 min', '3 uur', '2 dagen'."""
    moment = parse_moment(value)
    if moment is None:
        return "—"
    minutes = max(0, int((now - moment).total_seconds() // 60))
    if minutes < 1:
        return "zojuist"
    if minutes < 60:
        return f"{minutes} min"
    hours = minutes // 60
    if hours < 24:
        return f"{hours} uur"
    days = hours // 24
    return "1 dag" if days == 1 else f"{days} dagen"
