"""HTML pages for consultants: the inbox and one ticket with its actions."""

from __future__ import annotations

import asyncio
import json
from typing import Any
from urllib.parse import urlencode

import aiohttp_jinja2
from aiohttp import web

from bot.console import labels
from bot.console.keys import CLOCK, STORE, current_session
from bot.console.live_link import conversation_link
from bot.console.web_security import form_text, login_required, read_form
from bot.console.workflow import (
    NOTE_MAX_LENGTH,
    InvalidAction,
    TicketGone,
    actions_for,
    apply_action,
    find_ticket,
)
from bot.safe_text import clean_text
from bot.tickets import TicketStore
from bot.tickets.live import LiveChats

# Rows per inbox page (issue 13: lists are paginated).
INBOX_PAGE_SIZE = 50
STATUS_TABS = (("new", "Nieuw"), ("claimed", "Opgepakt"), ("contacted", "Contact gehad"),
               ("closed", "Gesloten"), ("all", "Alles"))

AUDIT_ACTIONS = {
    "created": "Aangemaakt",
    "claimed": "Opgepakt",
    "released": "Teruggegeven",
    "reopened": "Heropend",
    "status_changed": "Status gewijzigd",
    "assigned": "Behandelaar gewijzigd",
    "note_added": "Notitie toegevoegd",
    "changed_by_person": "Gewijzigd door de persoon",
    "withdrawn_by_person": "Ingetrokken door de persoon",
    "deleted": "Verwijderd",
    "purged": "Opgeruimd (bewaartermijn)",
    "outcome_recorded": "Uitkomst vastgelegd",
}
AUDIT_KEYS = {"from": "van", "to": "naar", "assignee": "behandelaar", "channel": "kanaal",
              "team": "team", "urgency": "urgentie", "note_id": "notitie", "reason": "reden",
              "fields": "gegevens", "outcome": "uitkomst"}
# Field names in a "changed_by_person" audit row (TicketStore.update_contact_by_member).
FIELD_NAMES = {"name": "naam", "preferred_channel": "voorkeur", "phone": "telefoon",
               "email": "e-mail", "preferred_time": "beste tijd", "region": "regio"}


def _page(request: web.Request, template: str, context: dict[str, Any],
          status: int = 200) -> web.Response:
    session = current_session(request)
    context = {
        "session": session,
        "csrf_token": session.csrf_token if session else "",
        "notice": labels.NOTICES.get(request.query.get("melding", "")),
        **context,
    }
    return aiohttp_jinja2.render_template(template, request, context, status=status)


def _not_found(request: web.Request) -> web.Response:
    return _page(
        request,
        "error.html",
        {"title": "Niet gevonden", "message": "Deze aanvraag bestaat niet (meer)."},
        status=404,
    )


not_found_page = _not_found  # also for another team's ticket (team_access.py)


def _forbidden(request: web.Request, message: str) -> web.Response:
    return _page(request, "error.html", {"title": "Geen toegang", "message": message},
                 status=403)


def _team_labels(store: TicketStore) -> dict[str, str]:
    routing = getattr(store, "routing", None)
    return dict(sorted(routing.labels.items(), key=lambda item: item[1])) if routing else {}


@login_required
async def inbox(request: web.Request) -> web.Response:
    session = current_session(request)
    assert session is not None
    status = request.query.get("status", "new")
    if status not in labels.STATUSES and status != "all":
        status = "new"
    urgency = request.query.get("urgency", "")
    urgency = urgency if urgency in labels.URGENCIES else ""
    store = request.app[STORE]
    teams = _team_labels(store)
    # Without a choice yet, a consultant sees their own team; "Alle teams" sends team=.
    team = clean_text(request.query.get("team", session.consultant.team or "")).strip()[:80]
    consultant = session.consultant
    if not consultant.is_coordinator:
        # Teams are an access boundary (issue 13, finding 4): their own team only.
        if team and team != consultant.team:
            return _forbidden(request, "Je ziet alleen de aanvragen van je eigen team.")
        team = consultant.team or ""
        teams = {k: v for k, v in teams.items() if k == team} or ({team: team} if team else {})
        if not team:  # no team: nothing to show (an account to fix with the users CLI)
            return _forbidden(request, "Je account hoort nog bij geen team. Vraag de "
                                       "coördinator om je een team te geven.")
    if team and team not in teams:
        teams[team] = team

    page = request.query.get("page", "1")
    page = int(page) if page.isdigit() and page.isascii() and 0 < int(page) <= 10**6 else 1
    # Least time left first (overdue on top, service levels, issue 15), a crisis statement
    # before the rest; tickets without a due time (closed long ago) after them. The store
    # sorts ("due"), so the inbox is paged: INBOX_PAGE_SIZE rows, one more to see a next.
    tickets = await asyncio.to_thread(
        store.list_tickets,
        status=None if status == "all" else status,
        urgency=urgency or None,
        team=team or None,
        sort="due",
        limit=INBOX_PAGE_SIZE + 1,
        offset=(page - 1) * INBOX_PAGE_SIZE,
    )
    has_next = len(tickets) > INBOX_PAGE_SIZE
    tickets = tickets[:INBOX_PAGE_SIZE]

    now = request.app[CLOCK]()
    rows = [
        {
            "id": t.id,
            "reference": t.reference,
            "topic": labels.label(labels.TOPICS, t.primary_topic),
            "urgency": t.urgency,
            "urgency_label": labels.label(labels.URGENCIES, t.urgency),
            "region": t.region or "—",
            "age": labels.format_age(t.created_at, now),
            "created_iso": t.created_at.isoformat(),
            "created_text": labels.format_moment(t.created_at),
            "status_label": labels.label(labels.STATUSES, t.status),
            "assignee": t.assignee or "—",
            "team": teams.get(t.team, t.team),
            "safety_flag": t.safety_flag,
            "time_left": _time_left(t, now),
        }
        for t in tickets
    ]
    here = {"status": status, "team": team, **({"urgency": urgency} if urgency else {})}
    pages = {
        "number": page,
        "previous": "/?" + urlencode({**here, "page": page - 1}) if page > 1 else None,
        "next": "/?" + urlencode({**here, "page": page + 1}) if has_next else None,
    }
    tabs = []
    for key, text in STATUS_TABS:
        query = {"status": key, "team": team, **({"urgency": urgency} if urgency else {})}
        tabs.append({"label": text, "url": "/?" + urlencode(query), "active": key == status})
    return _page(
        request,
        "inbox.html",
        {
            "rows": rows,
            "pages": pages,
            "tabs": tabs,
            "teams": teams,
            "urgencies": labels.URGENCIES,
            "filters": {"status": status, "urgency": urgency, "team": team},
            "safety_badge": labels.SAFETY_BADGE,
            "safety_text": labels.SAFETY_TEXT,
        },
    )


def _time_left(ticket: Any, now: Any) -> dict[str, Any]:
    """Time left to first contact, or overdue; only while that contact is still to come."""
    if ticket.status not in ("new", "claimed") or ticket.due_at is None:
        return {"text": "—", "overdue": False}
    text, overdue = labels.format_time_left(ticket.due_at, now)
    return {"text": text, "overdue": overdue}


@login_required
async def ticket_page(request: web.Request) -> web.Response:
    ticket_id = request.match_info["ticket_id"]
    store = request.app[STORE]
    ticket = await asyncio.to_thread(find_ticket, store, ticket_id)
    if ticket is None:
        return _not_found(request)
    notes, audit, route = await asyncio.gather(
        asyncio.to_thread(store.notes, ticket.id),
        asyncio.to_thread(store.audit_trail, ticket.id),
        asyncio.to_thread(LiveChats(store).route_info, ticket.id),
    )
    now = request.app[CLOCK]()
    teams = _team_labels(store)
    age = labels.format_age(ticket.created_at, now)
    return _page(
        request,
        "ticket.html",
        {
            "t": ticket,
            "safety": (
                {"title": labels.SAFETY_TITLE, "text": labels.SAFETY_TEXT,
                 "badge": labels.SAFETY_BADGE}
                if ticket.safety_flag else None
            ),
            "status_label": labels.label(labels.STATUSES, ticket.status),
            "urgency_label": labels.label(labels.URGENCIES, ticket.urgency),
            "primary_topic": labels.label(labels.TOPICS, ticket.primary_topic),
            "topics": ", ".join(labels.label(labels.TOPICS, t) for t in ticket.topics) or "—",
            "deadline": labels.format_date(ticket.deadline),
            "channel": labels.label(labels.CHANNELS, ticket.channel),
            "team": teams.get(ticket.team, ticket.team),
            "contact_channel": labels.label(
                labels.CONTACT_CHANNELS, ticket.contact.preferred_channel
            ),
            "created": labels.format_moment(ticket.created_at),
            "created_iso": ticket.created_at.isoformat(),
            "age": age if age == "zojuist" else f"{age} geleden",
            "consent_at": labels.format_moment(ticket.consent_given_at),
            "actions": actions_for(ticket),
            "conversation": conversation_link(ticket, route),
            "outcomes": labels.OUTCOMES,
            "outcome_label": labels.label(labels.OUTCOMES, ticket.outcome)
            if ticket.outcome else None,
            "due": labels.format_moment(ticket.due_at),
            "time_left": labels.format_time_left(ticket.due_at, now)[0]
            if ticket.status in ("new", "claimed") else None,
            "note_max": NOTE_MAX_LENGTH,
            "notes": [
                {
                    "author": n.author,
                    "text": n.text,
                    "when": labels.format_moment(n.created_at),
                    "iso": n.created_at.isoformat(),
                }
                for n in notes
            ],
            "audit": [
                {
                    "actor": a.actor,
                    "action": AUDIT_ACTIONS.get(a.action, a.action),
                    "detail": _detail_text(a.detail, teams),
                    "when": labels.format_moment(a.at),
                    "iso": a.at.isoformat(),
                }
                for a in audit
            ],
        },
    )


def _detail_text(detail: dict[str, Any], teams: dict[str, str]) -> str:
    parts = []
    for key, value in sorted(detail.items()):
        if key == "note_id":
            continue  # an internal number; the note itself is listed above
        if key == "team" and isinstance(value, str):
            value = teams.get(value, value)
        elif key in ("from", "to") and isinstance(value, str):
            value = labels.label(labels.STATUSES, value)
        elif key == "urgency" and isinstance(value, str):
            value = labels.label(labels.URGENCIES, value)
        elif key == "outcome" and isinstance(value, str):
            value = labels.label(labels.OUTCOMES, value)
        elif key == "fields" and isinstance(value, list):
            value = ", ".join(FIELD_NAMES.get(str(name), str(name)) for name in value)
        elif value is None:
            value = "niemand"
        elif isinstance(value, (dict, list)):
            value = json.dumps(value, ensure_ascii=False)
        parts.append(f"{AUDIT_KEYS.get(key, key)}: {value}")
    return "; ".join(parts) or "—"


@login_required
async def ticket_action(request: web.Request) -> web.Response:
    ticket_id = request.match_info["ticket_id"]
    action = request.match_info["action"]
    session = current_session(request)
    assert session is not None
    form = await read_form(request)
    try:
        notice = await asyncio.to_thread(
            apply_action,
            request.app[STORE],
            ticket_id,
            action,
            session.consultant.name,
            # One over the limit is enough for apply_action to refuse it as too long.
            form_text(form, "text", NOTE_MAX_LENGTH + 1),
            form_text(form, "outcome", 40),
        )
    except TicketGone:
        return _not_found(request)
    except InvalidAction as error:
        return _page(
            request,
            "error.html",
            {"title": "Dat kan niet", "message": str(error)},
            status=409 if error.conflict else 400,
        )
    raise web.HTTPSeeOther(f"/tickets/{ticket_id}?melding={notice}")


@login_required
async def delete_confirm_page(request: web.Request) -> web.Response:
    ticket = await asyncio.to_thread(
        find_ticket, request.app[STORE], request.match_info["ticket_id"]
    )
    if ticket is None:
        return _not_found(request)
    return _page(request, "confirm_delete.html", {"t": ticket, "error": None})


@login_required
async def delete_submit(request: web.Request) -> web.Response:
    store = request.app[STORE]
    ticket = await asyncio.to_thread(find_ticket, store, request.match_info["ticket_id"])
    if ticket is None:
        return _not_found(request)
    form = await read_form(request)
    if form.get("confirm") != "yes":
        return _page(
            request,
            "confirm_delete.html",
            {"t": ticket, "error": "Vink eerst aan dat de persoon hier zelf om vroeg."},
            status=400,
        )
    session = current_session(request)
    assert session is not None
    await asyncio.to_thread(store.delete_ticket, ticket.id, actor=session.consultant.name)
    raise web.HTTPSeeOther("/?melding=verwijderd")
