"""Koffiepraat consultant console: inbox, ticket pages, JSON ticket API, widget demo.

Run with ``python -m bot.console``. Environment variables (all optional):

| variable | default | meaning |
|---|---|---|
| ``CONSOLE_PORT`` | 8080 | port to listen on |
| ``CONSOLE_HOST`` | 127.0.0.1 | interface to bind (``0.0.0.0`` in a container) |
| ``TICKETS_DB_URL`` | SQLite ``var/tickets.db`` | ticket store and console accounts |
| ``CONSOLE_API_TOKEN`` | unset | bearer token of ``/api/``; unset = API off (503) |
| ``CONSOLE_INSECURE_DEV`` | unset | ``1``: cookies without ``Secure`` (plain http, dev only) |
| ``CONSOLE_SESSION_IDLE_MINUTES`` | 30 | log out after this long without requests |
| ``CONSOLE_SESSION_MAX_HOURS`` | 12 | log out after this long in any case |
| ``CONSOLE_LOCKOUT_ATTEMPTS`` | 5 | failed logins for one name, from any address, to lock it |
| ``CONSOLE_LOCKOUT_MINUTES`` | 15 | how long the lock lasts (the login page says so) |
| ``CONSOLE_LOGIN_PER_ADDRESS_PER_MINUTE`` | 10 | login attempts per client address (0: off) |
| ``CONSOLE_LOGIN_GLOBAL_PER_MINUTE`` | 100 | login attempts in all (0: off) |
| ``CONSOLE_WIDGET_CONNECT_SRC`` | Rasa on ``RASA_PORT`` | CSP connect-src for ``/widget/`` |
| ``RASA_PORT`` | 5005 | used for the widget's default connect-src |

A browser the consultant logged in with before is not held by their name's lock
(``trusted_browsers.py``): knowing a name is not enough to lock its consultant out.

Cookies are ``Secure`` by default (``__Host-`` names). Browsers accept Secure cookies on
http://localhost, so local use works; behind a TLS proxy keep the default.

Accounts: ``python -m bot.console.users add NAME [--team TEAM] [--password-stdin]``.

Routes: ``/login``, ``/logout`` (POST), ``/`` inbox, ``/tickets/{id}`` (+ POST actions),
``/api/tickets``, ``/api/tickets/{id}`` (GET, PATCH), ``/widget/`` (static demo page),
``/static/`` (console CSS), ``/healthz`` (no auth, no data).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import aiohttp_jinja2
import jinja2
from aiohttp import web

from bot.console import auth_views, ticket_views
from bot.console.accounts import AccountStore, utc_now
from bot.console.api import add_api_routes, api_auth_middleware
from bot.console.console_settings import ConsoleSettings
from bot.console.keys import ACCOUNTS, CLOCK, SETTINGS, STORE
from bot.console.live_views import add_live_routes
from bot.console.login_throttle import LOGIN_THROTTLE, LoginThrottle
from bot.console.stats_views import add_stats_routes
from bot.console.team_access import team_access_middleware
from bot.console.web_security import (
    csrf_middleware,
    security_headers_middleware,
    session_middleware,
)
from bot.tickets import TicketStore

PACKAGE_DIR = Path(__file__).resolve().parent
TEMPLATES_DIR = PACKAGE_DIR / "templates"
STATIC_DIR = PACKAGE_DIR / "static"
WIDGET_DIR = STATIC_DIR / "widget"
MAX_FORM_BYTES = 64 * 1024


# The demo page names the Rasa port in this tag; the console fills in the configured one.
RASA_PORT_META = '<meta name="koffiepraat-rasa-port" content="5005">'


async def _widget_index(request: web.Request) -> web.StreamResponse:
    index = WIDGET_DIR / "index.html"
    if not index.is_file():
        raise web.HTTPNotFound()
    port = request.app[SETTINGS].rasa_port
    html = index.read_text(encoding="utf-8").replace(
        RASA_PORT_META, f'<meta name="koffiepraat-rasa-port" content="{int(port)}">')
    return web.Response(text=html, content_type="text/html")


async def _favicon(request: web.Request) -> web.StreamResponse:
    # Pages without an icon link (the widget demo) still get one, not a 404 in the console.
    return web.FileResponse(
        STATIC_DIR / "favicon.svg", headers={"Content-Type": "image/svg+xml"}
    )


async def _widget_redirect(request: web.Request) -> web.StreamResponse:
    raise web.HTTPMovedPermanently("/widget/")


def create_app(
    store: TicketStore,
    accounts: AccountStore,
    settings: ConsoleSettings,
    *,
    clock: Callable[[], datetime] = utc_now,
) -> web.Application:
    """The console application. Stores must be migrated already; nothing here touches env."""
    app = web.Application(
        client_max_size=MAX_FORM_BYTES,
        # Bodies are read as sent: a compressed form is refused (web_security.py), never
        # inflated by the HTTP parser before any size check (issue 13, finding 3).
        handler_args={"auto_decompress": False},
        # Order matters: headers wrap everything (errors too); the API checks its token
        # before anything else; sessions load before the CSRF check that needs them.
        middlewares=[
            security_headers_middleware,
            api_auth_middleware,
            session_middleware,
            csrf_middleware,
            team_access_middleware,  # a consultant: their own team's tickets only
        ],
    )
    app[STORE] = store
    app[ACCOUNTS] = accounts
    app[SETTINGS] = settings
    app[CLOCK] = clock
    app[LOGIN_THROTTLE] = LoginThrottle.from_settings(settings, clock)
    aiohttp_jinja2.setup(
        app,
        loader=jinja2.FileSystemLoader(str(TEMPLATES_DIR)),
        autoescape=True,  # everything a person typed is rendered escaped
        undefined=jinja2.StrictUndefined,
    )

    router = app.router
    router.add_get("/healthz", auth_views.healthz)
    router.add_get("/favicon.ico", _favicon)
    router.add_get("/login", auth_views.login_page)
    router.add_post("/login", auth_views.login_submit)
    router.add_post("/logout", auth_views.logout)
    router.add_get("/", ticket_views.inbox)
    router.add_get("/tickets/{ticket_id}", ticket_views.ticket_page)
    router.add_get("/tickets/{ticket_id}/delete", ticket_views.delete_confirm_page)
    router.add_post("/tickets/{ticket_id}/delete", ticket_views.delete_submit)
    router.add_post(
        "/tickets/{ticket_id}/{action:claim|contacted|close|release|reopen|notes}",
        ticket_views.ticket_action,
    )
    add_api_routes(app)
    add_live_routes(app)  # live chat (issue 12): API, conversation view
    add_stats_routes(app)  # the coordinators' picture of the service (issue 15)
    router.add_get("/widget", _widget_redirect)
    router.add_get("/widget/", _widget_index)
    if WIDGET_DIR.is_dir():  # filled by the widget work; absent folder must not break the console
        router.add_static("/widget/", WIDGET_DIR, show_index=False, follow_symlinks=False)
    router.add_static("/static/", STATIC_DIR, show_index=False, follow_symlinks=False)
    return app
