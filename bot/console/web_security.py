"""Browser-side protections: security headers, session cookie, CSRF, login guard.

- Every response gets a strict CSP (no inline script), X-Frame-Options DENY,
  nosniff and no-referrer. Pages with personal data are not cached.
- The session cookie is HttpOnly, SameSite=Strict and Secure (``__Host-`` name)
  unless the console runs in explicit insecure dev mode.
- Every browser POST must carry the session's CSRF token in the form field
  ``csrf_token``. Before login there is no session yet, so the login form uses
  a double-submit cookie instead. A mismatch is a plain 403, a body that is
  not a readable form a plain 400.
- Browser forms are ``application/x-www-form-urlencoded`` only, uncompressed, and at most
  the application's ``client_max_size``: anything else is refused before it is parsed
  (multipart or another type or a ``Content-Encoding`` 415, a declared length over the cap
  413, a longer chunked body 413 once the cap is passed). Issue 13, finding 3: multipart
  parsing in the pinned aiohttp reads a whole field into memory before checking its size.
"""

from __future__ import annotations

import asyncio
import functools
import hmac
import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from urllib.parse import quote

from aiohttp import web
from aiohttp.http_exceptions import HttpProcessingError
from aiohttp.web_request import FileField
from multidict import MultiDictProxy

from bot.console.keys import ACCOUNTS, SESSION, SETTINGS, current_session
from bot.safe_text import clean_text

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

CSRF_FIELD = "csrf_token"
WIDGET_PREFIX = "/widget"
API_PREFIX = "/api/"
STATIC_PREFIX = "/static/"

_BASE_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)


def session_cookie_name(request: web.Request) -> str:
    return "__Host-kp_session" if request.app[SETTINGS].secure_cookies else "kp_session"


def login_csrf_cookie_name(request: web.Request) -> str:
    return "__Host-kp_login_csrf" if request.app[SETTINGS].secure_cookies else "kp_login_csrf"


def browser_cookie_name(request: web.Request) -> str:
    """The cookie of a browser a consultant logged in with (trusted_browsers.py)."""
    return "__Host-kp_browser" if request.app[SETTINGS].secure_cookies else "kp_browser"


def set_cookie(request: web.Request, response: web.StreamResponse, name: str, value: str,
               max_age: int | None = None) -> None:
    """HttpOnly, SameSite=Strict, Secure by default; a browser-session cookie unless
    ``max_age`` (seconds) is given."""
    response.set_cookie(
        name,
        value,
        path="/",
        httponly=True,
        samesite="Strict",
        secure=request.app[SETTINGS].secure_cookies,
        max_age=max_age,
    )


def delete_cookie(request: web.Request, response: web.StreamResponse, name: str) -> None:
    # Same attributes as when set, or browsers keep the __Host- cookie.
    response.set_cookie(
        name,
        "",
        path="/",
        max_age=0,
        expires="Thu, 01 Jan 1970 00:00:00 GMT",
        httponly=True,
        samesite="Strict",
        secure=request.app[SETTINGS].secure_cookies,
    )


def content_security_policy(request: web.Request) -> str:
    if request.path == WIDGET_PREFIX or request.path.startswith(WIDGET_PREFIX + "/"):
        # The demo widget talks to the Rasa socket.io server on another port.
        sources = " ".join(request.app[SETTINGS].widget_connect_src)
        return f"{_BASE_CSP}; connect-src 'self' {sources}".rstrip()
    return f"{_BASE_CSP}; connect-src 'self'"


def _apply_headers(request: web.Request, headers: MutableMapping[str, str]) -> None:
    headers["Content-Security-Policy"] = content_security_policy(request)
    headers["X-Frame-Options"] = "DENY"
    headers["X-Content-Type-Options"] = "nosniff"
    headers["Referrer-Policy"] = "no-referrer"
    headers["Cross-Origin-Opener-Policy"] = "same-origin"
    headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()"
    if not request.path.startswith(STATIC_PREFIX) and not request.path.startswith(WIDGET_PREFIX):
        headers["Cache-Control"] = "no-store"


@web.middleware
async def security_headers_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
    try:
        response = await handler(request)
    except web.HTTPException as error:
        _apply_headers(request, error.headers)
        raise
    _apply_headers(request, response.headers)
    return response


@web.middleware
async def session_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Attach the live session (or None) to the request; the API never uses cookies."""
    request[SESSION] = None
    if not request.path.startswith(API_PREFIX):
        token = request.cookies.get(session_cookie_name(request))
        if token:
            request[SESSION] = await asyncio.to_thread(request.app[ACCOUNTS].load_session, token)
    return await handler(request)


@web.middleware
async def csrf_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
    if request.method == "POST" and not request.path.startswith(API_PREFIX):
        if request.path != "/login" and current_session(request) is None:
            # Session gone (logout, expiry): nothing is done, back to the login page.
            raise web.HTTPSeeOther("/login?melding=verlopen")
        form = await read_form(request)
        sent = form.get(CSRF_FIELD)
        expected = expected_csrf_token(request)
        if not isinstance(sent, str) or not expected or not hmac.compare_digest(
            sent.encode("utf-8"), expected.encode("utf-8")
        ):
            raise web.HTTPForbidden(
                text="De beveiligingscode van het formulier klopt niet. "
                "Laad de pagina opnieuw en probeer het nog eens.",
            )
    return await handler(request)


FORM_TYPE = "application/x-www-form-urlencoded"


def refuse_unsafe_form(request: web.Request) -> None:
    """415 for a body that is not a plain urlencoded form, 413 for a declared length over
    the cap; both before a byte of the body is read."""
    if not request.body_exists:
        return  # an empty form: the CSRF check refuses it
    encoding = request.headers.get("Content-Encoding", "identity").strip().lower()
    if request.content_type != FORM_TYPE or encoding != "identity":
        raise web.HTTPUnsupportedMediaType(
            text="Dit formulier kon ik niet lezen. Laad de pagina opnieuw en probeer het nog eens.",
        )
    limit = request.client_max_size
    if request.content_length is not None and request.content_length > limit:
        raise web.HTTPRequestEntityTooLarge(
            max_size=limit, actual_size=request.content_length,
            text="Dit formulier is te groot.",
        )


async def read_form(request: web.Request) -> MultiDictProxy[str | bytes | FileField]:
    """The posted form; a body that is not a readable form is a 400, never a 500.

    Only urlencoded forms within the size cap get this far (refuse_unsafe_form); aiohttp
    stops reading a chunked body at the cap (413) and raises on a body that is not valid
    in its charset or an unknown charset. A good form is cached by aiohttp, so handlers
    read it again for free.
    """
    refuse_unsafe_form(request)
    try:
        return await request.post()
    except (ValueError, LookupError, AssertionError, HttpProcessingError):
        raise web.HTTPBadRequest(
            text="Dit formulier kon ik niet lezen. Laad de pagina opnieuw en probeer het nog eens.",
        ) from None


def form_text(form: MultiDictProxy[str | bytes | FileField], name: str, limit: int) -> str:
    """A text field of a form, at most ``limit`` characters, without control characters;
    "" when absent or not text (a file in a multipart body)."""
    value = form.get(name)
    return clean_text(value)[:limit] if isinstance(value, str) else ""


def expected_csrf_token(request: web.Request) -> str | None:
    if request.path == "/login":
        return request.cookies.get(login_csrf_cookie_name(request))
    session = current_session(request)
    return None if session is None else session.csrf_token


def new_login_csrf_token() -> str:
    return secrets.token_urlsafe(32)


def safe_next(target: str | None) -> str:
    """Only same-site paths as a redirect target after login (no open redirect)."""
    if not target or not target.startswith("/") or target.startswith("//"):
        return "/"
    if "\\" in target or any(ord(char) < 32 for char in target):
        return "/"
    return target


def login_required(handler: Handler) -> Handler:
    @functools.wraps(handler)
    async def guarded(request: web.Request) -> web.StreamResponse:
        if current_session(request) is None:
            target = quote(request.path_qs, safe="")
            raise web.HTTPSeeOther(f"/login?next={target}")
        return await handler(request)

    return guarded
