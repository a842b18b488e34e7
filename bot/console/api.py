"""JSON ticket API (contract.md): bearer token, never open.

- No ``CONSOLE_API_TOKEN`` configured: every /api/ route answers 503 with a JSON
  error saying the API is off.
- Missing or wrong ``Authorization: Bearer ...``: 401 (compared in constant time).
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import urlencode

from aiohttp import web

from bot.console.keys import SETTINGS, STORE
from bot.console.workflow import (
    InvalidAction,
    find_ticket,
    is_ticket_id,
    parse_outcome,
    parse_patch,
)
from bot.safe_text import is_plain_line
from bot.tickets import InvalidTransition, TicketNotFound
from bot.tickets.models import STATUSES
from bot.tickets.store import AlreadyClaimed

log = logging.getLogger(__name__)

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
API_ACTOR = "api"
MAX_BODY_BYTES = 16 * 1024
# GET /api/tickets pages (issue 13): ``limit`` (default and maximum below), ``offset``;
# ``next`` is the URL of the following page, null on the last.
DEFAULT_PAGE_SIZE = 100
MAX_PAGE_SIZE = 500
MAX_OFFSET = 10**9


def _error(status: int, message: str, **headers: str) -> web.Response:
    return web.json_response({"error": message}, status=status, headers=headers or None)


def _token_matches(request: web.Request, expected: str) -> bool:
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token:
        return False
    return hmac.compare_digest(token.strip().encode("utf-8"), expected.encode("utf-8"))


@web.middleware
async def api_auth_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
    if not request.path.startswith("/api/") and request.path != "/api":
        return await handler(request)
    token = request.app[SETTINGS].api_token
    if not token:
        return _error(503, "ticket API is off: CONSOLE_API_TOKEN is not configured")
    if not _token_matches(request, token):
        return _error(401, "missing or wrong bearer token", **{"WWW-Authenticate": "Bearer"})
    try:
        return await handler(request)
    except web.HTTPNotFound:
        return _error(404, "not found")
    except web.HTTPMethodNotAllowed as error:
        return _error(405, "method not allowed", Allow=", ".join(sorted(error.allowed_methods)))


async def list_tickets(request: web.Request) -> web.Response:
    status = request.query.get("status") or None
    region = request.query.get("region") or None
    if status is not None and status not in STATUSES:
        return _error(400, f"status must be one of {', '.join(STATUSES)}")
    if region is not None and (len(region) > 100 or not is_plain_line(region)):
        return _error(400, "region must be at most 100 plain characters")
    try:
        limit = _whole(request.query.get("limit"), DEFAULT_PAGE_SIZE)
        offset = _whole(request.query.get("offset"), 0)
    except ValueError:
        return _error(400, "limit and offset must be whole numbers")
    if not 1 <= limit <= MAX_PAGE_SIZE:
        return _error(400, f"limit must be between 1 and {MAX_PAGE_SIZE}")
    if offset > MAX_OFFSET:
        return _error(400, f"offset must be at most {MAX_OFFSET}")
    # One more than the page: whether there is a next page, without counting.
    tickets = await asyncio.to_thread(
        request.app[STORE].list_tickets, status=status, region=region, sort="newest",
        limit=limit + 1, offset=offset,
    )
    next_url = None
    if len(tickets) > limit:
        query = {**({"status": status} if status else {}), **({"region": region} if region else {}),
                 "limit": limit, "offset": offset + limit}
        next_url = f"/api/tickets?{urlencode(query)}"
    return web.json_response({"tickets": [t.to_api() for t in tickets[:limit]],
                              "next": next_url})


def _whole(raw: str | None, default: int) -> int:
    if raw is None or raw == "":
        return default
    if not raw.isdigit() or not raw.isascii():
        raise ValueError(raw)
    return int(raw)


async def get_ticket(request: web.Request) -> web.Response:
    ticket = await asyncio.to_thread(find_ticket, request.app[STORE], request.match_info["id"])
    if ticket is None:
        return _error(404, "ticket not found")
    return web.json_response(ticket.to_api())


async def patch_ticket(request: web.Request) -> web.Response:
    ticket_id = request.match_info["id"]
    if request.content_length is not None and request.content_length > MAX_BODY_BYTES:
        return _error(413, "body too large")
    raw = await request.read()
    if len(raw) > MAX_BODY_BYTES:
        return _error(413, "body too large")
    try:
        payload: Any = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        return _error(400, "body is not valid JSON")
    try:
        status, assignee = parse_patch(payload)
        outcome = parse_outcome(payload)
    except InvalidAction as error:
        return _error(400, str(error))
    if not is_ticket_id(ticket_id):
        return _error(404, "ticket not found")
    try:
        ticket = await asyncio.to_thread(
            request.app[STORE].update_ticket,
            ticket_id,
            status=status,
            assignee=assignee,
            actor=API_ACTOR,
            outcome=outcome,
        )
    except TicketNotFound:
        return _error(404, "ticket not found")
    except AlreadyClaimed:
        return _error(409, "ticket is already claimed by someone else")
    except InvalidTransition as error:
        return _error(400, f"invalid transition: {error.current} -> {error.requested}")
    return web.json_response(ticket.to_api())


def add_api_routes(app: web.Application) -> None:
    app.router.add_get("/api/tickets", list_tickets)
    app.router.add_get("/api/tickets/{id}", get_ticket)
    app.router.add_patch("/api/tickets/{id}", patch_ticket)
