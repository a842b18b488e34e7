"""Live chat in the console (issue 12): the contract's API operations and the consultant's
conversation view, both on the same LiveChats operations (bot/tickets/live.py).

API (bearer token, contract.md "Live chat"):
    POST /api/tickets/{id}/takeover  {"assignee"}         200 TICKET (live) | 409 | 404
    POST /api/tickets/{id}/messages  {"text", "author"}   202 | 409 not live | 404
    GET  /api/tickets/{id}/messages                        {"messages": [...]} oldest first
    POST /api/tickets/{id}/handback                        200 TICKET (live false) | 404
Pages (login + CSRF):
    GET  /tickets/{id}/gesprek          the conversation view
    GET  /tickets/{id}/gesprek/events   server-sent events: new messages, live on/off; while
                                        it is open the assignee gets no notice of member
                                        messages (bot/tickets/live_notice.py)
    POST /tickets/{id}/gesprek/{overnemen|sturen|teruggeven}

Message texts never reach a log line; the audit trail gets who and when.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from typing import Any

from aiohttp import web

from bot.channels.live_delivery import LiveSender, run_delivery_loop
from bot.console import labels
from bot.console.api import API_ACTOR, MAX_BODY_BYTES, _error
from bot.console.earlier_chat import EarlierChat
from bot.console.keys import STORE, current_session
from bot.console.live_link import CHANNEL_NAMES
from bot.console.ticket_views import _not_found, _page
from bot.console.web_security import form_text, login_required, read_form
from bot.console.workflow import is_ticket_id
from bot.tickets import TicketNotFound
from bot.tickets.live import TEXT_MAX, LiveChats, NotLive, NotReachable
from bot.tickets.live_notice import VIEWER_BEAT

log = logging.getLogger(__name__)

LIVE: web.AppKey[LiveChats] = web.AppKey("live_chats", LiveChats)
LIVE_SENDER: web.AppKey[Any] = web.AppKey("live_sender", object)
# The earlier bot chat, for tickets whose person agreed to share it (bot/console/earlier_chat.py).
EARLIER: web.AppKey[EarlierChat] = web.AppKey("earlier_chat", EarlierChat)
_LOOP: web.AppKey[Any] = web.AppKey("live_loop", object)
SSE_POLL_SECONDS = 1.0
_TASKS: set[asyncio.Task[Any]] = set()


def _kick_delivery(app: web.Application) -> None:
    """Send right away (the loop retries what fails)."""
    sender = app.get(LIVE_SENDER)
    if sender is not None:
        task = asyncio.get_running_loop().create_task(sender.deliver_due(app[LIVE]))
        _TASKS.add(task)  # keep a reference until done
        task.add_done_callback(_TASKS.discard)


async def _json_body(request: web.Request) -> dict[str, Any] | web.Response:
    raw = await request.content.read(MAX_BODY_BYTES + 1)
    if len(raw) > MAX_BODY_BYTES:
        return _error(413, "body too large")
    if not raw.strip():
        return {}
    try:
        payload = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        return _error(400, "body is not valid JSON")
    if not isinstance(payload, dict):
        return _error(400, "body must be a JSON object")
    return payload


def _text_field(payload: dict[str, Any], name: str) -> str | None:
    value = payload.get(name)
    return value.strip() if isinstance(value, str) and value.strip() else None


# -- API -------------------------------------------------------------------------------------

async def api_takeover(request: web.Request) -> web.Response:
    payload = await _json_body(request)
    if isinstance(payload, web.Response):
        return payload
    ticket_id = request.match_info["id"]
    assignee = _text_field(payload, "assignee")
    if assignee is None or len(assignee) > 100:
        return _error(400, "assignee is required (at most 100 characters)")
    if not is_ticket_id(ticket_id):
        return _error(404, "ticket not found")
    try:
        ticket = await asyncio.to_thread(request.app[LIVE].takeover, ticket_id, assignee,
                                         assignee)
    except TicketNotFound:
        return _error(404, "ticket not found")
    except NotReachable:
        return _error(409, "the person cannot be reached in the chat")
    _kick_delivery(request.app)
    return web.json_response(ticket.to_api())


async def api_send(request: web.Request) -> web.Response:
    payload = await _json_body(request)
    if isinstance(payload, web.Response):
        return payload
    ticket_id = request.match_info["id"]
    text = _text_field(payload, "text")
    author = _text_field(payload, "author") or API_ACTOR
    if text is None or len(text) > TEXT_MAX:
        return _error(400, f"text is required (at most {TEXT_MAX} characters)")
    if not is_ticket_id(ticket_id):
        return _error(404, "ticket not found")
    try:
        message = await asyncio.to_thread(request.app[LIVE].send_consultant, ticket_id,
                                          author[:100], text)
    except TicketNotFound:
        return _error(404, "ticket not found")
    except NotLive:
        return _error(409, "no live chat is on for this ticket")
    _kick_delivery(request.app)
    return web.json_response({"message": message.to_api()}, status=202)


async def api_messages(request: web.Request) -> web.Response:
    ticket_id = request.match_info["id"]
    if not is_ticket_id(ticket_id):
        return _error(404, "ticket not found")
    try:
        messages = await asyncio.to_thread(request.app[LIVE].messages, ticket_id)
    except TicketNotFound:
        return _error(404, "ticket not found")
    earlier = await _earlier(request, ticket_id)
    return web.json_response({"messages": earlier + [m.to_api() for m in messages]})


async def _earlier(request: web.Request, ticket_id: str) -> list[dict[str, Any]]:
    """The earlier bot chat when the person agreed to share it (contract.md), else []."""
    ticket = await asyncio.to_thread(request.app[STORE].get_ticket, ticket_id)
    if ticket is None or not ticket.share_history:
        return []
    try:
        return await asyncio.to_thread(request.app[EARLIER].for_ticket, ticket,
                                       request.app[STORE].engine)
    except Exception as error:  # noqa: BLE001 (the live view works without it)
        log.warning("earlier chat not readable: %s", error.__class__.__name__)
        return []


async def api_handback(request: web.Request) -> web.Response:
    ticket_id = request.match_info["id"]
    if not is_ticket_id(ticket_id):
        return _error(404, "ticket not found")
    try:
        ticket = await asyncio.to_thread(request.app[LIVE].handback, ticket_id, API_ACTOR)
    except TicketNotFound:
        return _error(404, "ticket not found")
    _kick_delivery(request.app)
    return web.json_response(ticket.to_api())


# -- pages -----------------------------------------------------------------------------------

WHO = {"member": "Persoon", "bot": "Chatbot", "system": "Systeem"}


def _who(sender: str, author: str | None) -> str:
    return (author or "Consulent") if sender == "consultant" else WHO.get(sender, sender)


async def _ticket_or_none(request: web.Request) -> Any:
    ticket_id = request.match_info["ticket_id"]
    if not is_ticket_id(ticket_id):
        return None
    return await asyncio.to_thread(request.app[STORE].get_ticket, ticket_id)


@login_required
async def conversation_page(request: web.Request) -> web.Response:
    ticket = await _ticket_or_none(request)
    if ticket is None:
        return _not_found(request)
    live = request.app[LIVE]
    route = await asyncio.to_thread(live.route_info, ticket.id)
    messages = await asyncio.to_thread(live.messages, ticket.id)
    earlier = await _earlier(request, ticket.id)
    return _page(request, "live.html", {
        "t": ticket,
        "earlier": [{"sender": m["from"], "who": _who(m["from"], None), "text": m["text"],
                     "at": m["at"]} for m in earlier],
        "route": route,
        "channel_name": CHANNEL_NAMES.get(route["channel"], "de chat") if route else None,
        "messages": [{"sender": m.sender, "who": _who(m.sender, m.author), "text": m.text,
                      "at": m.to_api()["at"], "crisis": m.crisis} for m in messages],
        "last_id": messages[-1].id if messages else 0,
        "crisis": bool(ticket.safety_flag),
        "safety_title": labels.SAFETY_BADGE,
        "text_max": TEXT_MAX,
        "error": request.query.get("fout"),
    })


@login_required
async def conversation_action(request: web.Request) -> web.Response:
    ticket = await _ticket_or_none(request)
    if ticket is None:
        return _not_found(request)
    session = current_session(request)
    assert session is not None
    name = session.consultant.name
    form = await read_form(request)
    action = request.match_info["action"]
    live = request.app[LIVE]
    target = f"/tickets/{ticket.id}/gesprek"
    try:
        if action == "overnemen":
            await asyncio.to_thread(live.takeover, ticket.id, name, name)
        elif action == "sturen":
            text = form_text(form, "text", TEXT_MAX).strip()
            if text:
                await asyncio.to_thread(live.send_consultant, ticket.id, name, text)
        else:
            await asyncio.to_thread(live.handback, ticket.id, name)
    except NotReachable:
        target += "?fout=onbereikbaar"
    except NotLive:
        target += "?fout=niet-live"
    _kick_delivery(request.app)
    if request.headers.get("X-Requested-With") == "fetch":
        return web.json_response({"ok": "fout" not in target})
    raise web.HTTPSeeOther(target)


@login_required
async def conversation_events(request: web.Request) -> web.StreamResponse:
    """Server-sent events: every new message and the live state, polled from the database
    (so a message that arrived through any Rasa process shows up)."""
    ticket = await _ticket_or_none(request)
    if ticket is None:
        return _not_found(request)
    live = request.app[LIVE]
    store = request.app[STORE]
    try:
        after = int(request.query.get("after") or request.headers.get("Last-Event-ID") or 0)
    except ValueError:
        after = 0
    response = web.StreamResponse(headers={
        "Content-Type": "text/event-stream", "Cache-Control": "no-store",
        "X-Accel-Buffering": "no"})
    await response.prepare(request)
    was_live: bool | None = None
    stamped: float | None = None  # loop time of the last "view open" stamp
    loop = asyncio.get_running_loop()
    try:
        while True:
            current = await asyncio.to_thread(store.get_ticket, ticket.id)
            if current is None:
                await response.write(b"event: gone\ndata: {}\n\n")
                break
            if request.transport is None or request.transport.is_closing():
                break  # the browser left (aiohttp does not cancel the handler for it)
            if stamped is None or loop.time() - stamped >= VIEWER_BEAT.total_seconds():
                # The view is open: a member message needs no notice (live_notice.py). From
                # the second beat on, a comment line keeps proxies from closing a quiet
                # stream and fails fast when the browser is gone.
                if stamped is not None:
                    await response.write(b": open\n\n")
                await asyncio.to_thread(live.viewer_seen, ticket.id)
                stamped = loop.time()
            messages = await asyncio.to_thread(live.messages, ticket.id, after)
            for message in messages:
                data = json.dumps(message.to_api(), ensure_ascii=False)
                await response.write(f"id: {message.id}\ndata: {data}\n\n".encode())
                after = message.id
            if current.live != was_live or messages:
                state = json.dumps({"live": current.live, "crisis": current.safety_flag})
                await response.write(f"event: state\ndata: {state}\n\n".encode())
                was_live = current.live
            await asyncio.sleep(SSE_POLL_SECONDS)
    except (ConnectionResetError, asyncio.CancelledError):
        pass
    finally:
        if stamped is not None:
            _forget_viewer(live, ticket.id)
    return response


def _forget_viewer(live: LiveChats, ticket_id: str) -> None:
    """The stream ended: from now on a member message notifies the assignee. Run as a task
    (the handler may be cancelled); a failure only means the stamp ages out by itself."""

    async def forget() -> None:
        with contextlib.suppress(Exception):
            await asyncio.to_thread(live.viewer_gone, ticket_id)

    task = asyncio.get_running_loop().create_task(forget())
    _TASKS.add(task)
    task.add_done_callback(_TASKS.discard)


# -- setup -----------------------------------------------------------------------------------

async def _start_loop(app: web.Application) -> None:
    sender = app.get(LIVE_SENDER)
    if sender is None:
        return
    stop = asyncio.Event()
    app[_LOOP] = (stop, asyncio.get_running_loop().create_task(
        run_delivery_loop(app[LIVE], sender, stop)))


async def _stop_loop(app: web.Application) -> None:
    running = app.get(_LOOP)
    if running:
        stop, task = running
        stop.set()
        with contextlib.suppress(Exception):
            await task
    sender = app.get(LIVE_SENDER)
    if isinstance(sender, LiveSender):
        await sender.aclose()
    earlier = app.get(EARLIER)
    if earlier is not None:
        earlier.close()


def add_live_routes(app: web.Application, idle_minutes: int = 30) -> None:
    """Routes of the live chat; LIVE may be replaced (tests: a controlled clock) and
    LIVE_SENDER set (python -m bot.console does when LIVE_CHAT_KEY is configured)."""
    app[LIVE] = LiveChats(app[STORE], idle_minutes)
    app[LIVE_SENDER] = None
    app[EARLIER] = EarlierChat.from_env()
    router = app.router
    router.add_post("/api/tickets/{id}/takeover", api_takeover)
    router.add_post("/api/tickets/{id}/messages", api_send)
    router.add_get("/api/tickets/{id}/messages", api_messages)
    router.add_post("/api/tickets/{id}/handback", api_handback)
    router.add_get("/tickets/{ticket_id}/gesprek", conversation_page)
    router.add_get("/tickets/{ticket_id}/gesprek/events", conversation_events)
    router.add_post("/tickets/{ticket_id}/gesprek/{action:overnemen|sturen|teruggeven}",
                    conversation_action)
    app.on_startup.append(_start_loop)
    app.on_cleanup.append(_stop_loop)
