"""A browser a consultant logged in with keeps working while their name is locked.

After ``CONSOLE_LOCKOUT_ATTEMPTS`` failed logins for one name, from any address,
logins with that name are refused for ``CONSOLE_LOCKOUT_MINUTES`` (``accounts.py``):
guessing one consultant's password from many addresses gets nowhere. But then anyone
who knows a consultant's name could keep them out by failing on purpose (issue 13,
finding 8). The answer (OWASP, "device cookies"): a successful login leaves a signed
cookie in that browser. A login that brings a valid one for the name it tries is not
held by the name's lock; its failures count for that browser alone, and after as
many failures that browser is treated like any other for as long.

The cookie is ``<nonce>.<HMAC>``, keyed with the account's password hash: nobody can
make one without the database, and a new password voids every browser's cookie. It
says nothing about who logged in; it is only valid together with the right name.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from collections.abc import Callable
from datetime import timedelta

from bot.channels.ttl_cache import BoundedTTLCache

COOKIE_MAX_AGE = timedelta(days=180)
MAX_TRACKED_BROWSERS = 10_000
MAX_COOKIE_LENGTH = 128


def _mac(name: str, nonce: str, password_hash: str) -> str:
    message = f"koffiepraat-console-browser\x00{name}\x00{nonce}".encode()
    return hmac.new(password_hash.encode(), message, hashlib.sha256).hexdigest()


class TrustedBrowsers:
    """Issues and checks browser cookies; counts the failed logins of each browser.

    A browser's count is forgotten ``lock_duration`` after its last failure (on
    ``clock``, seconds), like the name's lock.
    """

    def __init__(self, attempts: int, lock_duration: timedelta,
                 clock: Callable[[], float] = time.time) -> None:
        self.attempts = attempts
        self._failures: BoundedTTLCache[str, int] = BoundedTTLCache(
            MAX_TRACKED_BROWSERS, lock_duration.total_seconds(), clock)

    @staticmethod
    def issue(name: str, password_hash: str) -> str:
        nonce = secrets.token_urlsafe(16)
        return f"{nonce}.{_mac(name, nonce, password_hash)}"

    def vouches(self, cookie: str | None, name: str, password_hash: str) -> bool:
        """Whether ``cookie`` is this name's and its browser has not failed too often."""
        if not cookie or len(cookie) > MAX_COOKIE_LENGTH or "." not in cookie:
            return False
        nonce, mac = cookie.split(".", 1)
        if not hmac.compare_digest(mac.encode(), _mac(name, nonce, password_hash).encode()):
            return False
        return (self._failures.get(nonce) or 0) < self.attempts

    def failed(self, cookie: str) -> bool:
        """Count a failed login of a vouched-for browser; True when that used up its tries."""
        nonce = cookie.split(".", 1)[0]
        failures = (self._failures.get(nonce) or 0) + 1
        self._failures.set(nonce, failures)
        return failures >= self.attempts

    def succeeded(self, cookie: str | None) -> None:
        if cookie:
            self._failures.pop(cookie.split(".", 1)[0])
