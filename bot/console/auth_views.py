"""Login, logout and the health check."""

from __future__ import annotations

import asyncio
import logging
import math
from datetime import timedelta

import aiohttp_jinja2
from aiohttp import web

from bot.channels.client_address import client_address
from bot.console.accounts import LoginOutcome
from bot.console.keys import ACCOUNTS, SETTINGS, current_session
from bot.console.labels import NOTICES
from bot.console.login_throttle import LOGIN_THROTTLE
from bot.console.trusted_browsers import COOKIE_MAX_AGE
from bot.console.web_security import (
    browser_cookie_name,
    delete_cookie,
    form_text,
    login_csrf_cookie_name,
    new_login_csrf_token,
    read_form,
    safe_next,
    session_cookie_name,
    set_cookie,
)

log = logging.getLogger(__name__)

LOGIN_FAILED = "Inloggen lukt niet. Controleer je naam en wachtwoord."
LOGIN_THROTTLED = "Er wordt nu te vaak geprobeerd in te loggen. Wacht even en probeer het opnieuw."


def lockout_notice(attempts: int, duration: timedelta) -> str:
    """What the login page says about the lock: the configured numbers, the same for
    every name (it does not say whether this one exists or is locked)."""
    minutes = max(1, round(duration.total_seconds() / 60))
    period = {15: "een kwartier", 30: "een half uur", 60: "een uur"}.get(
        minutes, f"{minutes} minuten")
    return (f"Na {attempts} mislukte pogingen kun je {period} niet inloggen met deze naam, "
            "behalve in een browser waarin je eerder hebt ingelogd.")


def login_failed_text(request: web.Request) -> str:
    accounts = request.app[ACCOUNTS]
    return f"{LOGIN_FAILED} {lockout_notice(accounts.lockout_attempts, accounts.lockout_duration)}"


async def healthz(request: web.Request) -> web.Response:
    return web.json_response({"status": "ok"})


def _render_login(
    request: web.Request, *, error: str | None = None, status: int = 200
) -> web.Response:
    token = request.cookies.get(login_csrf_cookie_name(request)) or new_login_csrf_token()
    notice = NOTICES.get(request.query.get("melding", ""))
    response = aiohttp_jinja2.render_template(
        "login.html",
        request,
        {
            "csrf_token": token,
            "next": safe_next(request.query.get("next")),
            "error": error,
            "notice": notice,
            "name": "",
            "session": None,
        },
        status=status,
    )
    set_cookie(request, response, login_csrf_cookie_name(request), token)
    return response


async def login_page(request: web.Request) -> web.Response:
    if current_session(request) is not None:
        raise web.HTTPSeeOther(safe_next(request.query.get("next")))
    return _render_login(request)


async def login_submit(request: web.Request) -> web.Response:
    form = await read_form(request)
    name = form_text(form, "name", 100)
    password = form.get("password")
    password = password[:1024] if isinstance(password, str) else ""
    # The client behind a trusted proxy (TRUSTED_PROXIES), else the TCP peer: behind
    # HAProxy or a TLS proxy every peer is the proxy, and one bucket would be everyone's.
    address = client_address(request.remote or "", request.headers.get("X-Forwarded-For"),
                             request.app[SETTINGS].trusted_proxies)
    wait = request.app[LOGIN_THROTTLE].admit(address)
    if wait > 0:
        # Before any password check: the answer is the same for every name.
        log.info("console login throttled")
        response = _render_login(request, error=LOGIN_THROTTLED, status=429)
        response.headers["Retry-After"] = str(max(1, math.ceil(wait)))
        return response
    accounts = request.app[ACCOUNTS]
    browser = request.cookies.get(browser_cookie_name(request))
    result = await asyncio.to_thread(accounts.authenticate, name, password, browser)
    if result.outcome is not LoginOutcome.OK or result.consultant is None:
        # One message for every failure: no hint whether the name exists.
        log.info("console login failed: %s", result.outcome.value)
        return _render_login(request, error=login_failed_text(request), status=401)

    # Drop whatever session the browser had and hand out a fresh id.
    old_token = request.cookies.get(session_cookie_name(request))
    if old_token:
        await asyncio.to_thread(accounts.end_session, old_token)
    session = await asyncio.to_thread(accounts.start_session, result.consultant.id)
    assert session.token is not None
    response = web.HTTPSeeOther(safe_next(form_text(form, "next", 2000) or "/"))
    set_cookie(request, response, session_cookie_name(request), session.token)
    if result.browser:  # this browser is not held by a lock others cause on the name
        set_cookie(request, response, browser_cookie_name(request), result.browser,
                   max_age=int(COOKIE_MAX_AGE.total_seconds()))
    raise response


async def logout(request: web.Request) -> web.Response:
    token = request.cookies.get(session_cookie_name(request))
    if token:
        await asyncio.to_thread(request.app[ACCOUNTS].end_session, token)
    response = web.HTTPSeeOther("/login?melding=uitgelogd")
    delete_cookie(request, response, session_cookie_name(request))
    raise response
