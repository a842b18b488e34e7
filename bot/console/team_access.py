"""Teams are an access boundary (issue 13, finding 4).

A consultant sees, changes and deletes only their own team's tickets; a coordinator sees
every team's. This middleware guards every console page under ``/tickets/{ticket_id}``
(the ticket page, its actions and deletion, the conversation view): another team's ticket
answers 404, as an unknown one does, so an id does not tell whether it exists. The inbox
applies the same rule to its team filter (ticket_views.inbox). The JSON API is not a
session's: its bearer token (integrations) keeps full access.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

from aiohttp import web

from bot.console.keys import STORE, current_session
from bot.console.workflow import find_ticket

log = logging.getLogger(__name__)

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@web.middleware
async def team_access_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
    session = current_session(request)
    ticket_id = request.match_info.get("ticket_id")
    if session is None or ticket_id is None or session.consultant.is_coordinator:
        return await handler(request)
    ticket = await asyncio.to_thread(find_ticket, request.app[STORE], ticket_id)
    if ticket is not None and not session.consultant.may_see_team(ticket.team):
        log.info("console: %s asked for a ticket of another team", session.consultant.name)
        from bot.console.ticket_views import not_found_page  # the pages import this module

        return not_found_page(request)
    return await handler(request)
