"""Issue 13 (low, after finding 8): lockout by a known account name.

Failed logins for one name lock that name, from any address (not only per address),
for a period the login page states. Knowing a consultant's name must not be enough
to lock them out: a browser they logged in with before is not held by the lock
(bot/console/trusted_browsers.py). Unknown names get the same answer and cost the
same work (one hash, the same SQL statements) as known, locked or disabled ones.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa
from aiohttp.test_utils import TestClient
from argon2 import PasswordHasher
from console_support import PASSWORD, csrf_from, login

from bot.channels.client_address import parse_networks
from bot.console.accounts import AccountStore, LoginOutcome

WRONG = "fout-wachtwoord-1"
PROXIES = parse_networks("127.0.0.1, ::1")  # the test client stands in for the proxy


async def _attempt(client: TestClient, password: str, name: str = "anna",
                   address: str | None = None) -> tuple[int, str]:
    csrf = csrf_from(await (await client.get("/login")).text())
    headers = {"X-Forwarded-For": address} if address else {}
    response = await client.post("/login", headers=headers, allow_redirects=False,
                                 data={"name": name, "password": password, "csrf_token": csrf})
    return response.status, await response.text()


def _browser_cookie(client: TestClient) -> str | None:
    found = [c for c in client.session.cookie_jar if c.key.endswith("kp_browser")]
    return found[0].value if found else None


async def test_knowing_a_name_does_not_lock_its_consultant_out_of_their_own_browser(
        make_client):
    own = await make_client(login_per_address_per_minute=0, trusted_proxies=PROXIES)
    assert (await login(own)).status == 303  # anna's own browser, once
    await own.post("/logout", data={"csrf_token": csrf_from(await (await own.get("/")).text())})
    attacker = await make_client(login_per_address_per_minute=0, trusted_proxies=PROXIES)
    for n in range(5):  # from five addresses: the lock is per name, not per address
        assert (await _attempt(attacker, WRONG, address=f"203.0.113.{n}"))[0] == 401
    # The name is locked: a browser anna never used gets in nowhere, even with her password.
    assert (await _attempt(attacker, PASSWORD, address="198.51.100.1"))[0] == 401
    # Her own browser still does.
    assert (await login(own)).status == 303


async def test_the_lock_ends_after_the_stated_period(make_client, clock):
    client = await make_client(login_per_address_per_minute=0)
    for _ in range(5):
        await _attempt(client, WRONG)
    assert (await _attempt(client, PASSWORD))[0] == 401
    clock.advance(minutes=14)
    assert (await _attempt(client, PASSWORD))[0] == 401
    clock.advance(minutes=1, seconds=1)
    assert (await _attempt(client, PASSWORD))[0] == 303


async def test_the_login_page_states_the_configured_lock(
        aiohttp_client, ticket_store, clock, settings):
    from bot.console.app import create_app

    accounts = AccountStore(ticket_store.engine, clock=clock, lockout_attempts=3,
                            lockout_duration=timedelta(minutes=30),
                            hasher=PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
    accounts.migrate()
    accounts.add_consultant("anna", PASSWORD)
    client = await aiohttp_client(create_app(ticket_store, accounts, settings, clock=clock))
    status, page = await _attempt(client, WRONG)
    assert status == 401
    assert "Na 3 mislukte pogingen" in page and "een half uur" in page


async def test_unknown_and_known_names_get_the_same_answer(make_client, accounts):
    client = await make_client(login_per_address_per_minute=0)
    accounts.add_consultant("vera", PASSWORD)
    accounts.disable("vera")
    answers = {
        "unknown": await _attempt(client, WRONG, name="niemand"),
        "wrong password": await _attempt(client, WRONG),
        "disabled": await _attempt(client, PASSWORD, name="vera"),
    }
    for _ in range(4):
        await _attempt(client, WRONG)
    answers["locked"] = await _attempt(client, PASSWORD)
    answers["unknown, many times"] = await _attempt(client, WRONG, name="niemand")
    assert {status for status, _ in answers.values()} == {401}
    errors = {page[page.index("Inloggen lukt niet"):].split("<", 1)[0]
              for _, page in answers.values()}
    assert len(errors) == 1, errors


# -- the account store ----------------------------------------------------------------------

class CountingHasher(PasswordHasher):
    """Cheap argon2 that counts its verifications."""

    def __init__(self) -> None:
        super().__init__(time_cost=1, memory_cost=8, parallelism=1)
        self.verifies = 0

    def verify(self, hash, password):  # noqa: A002 (argon2's own parameter name)
        self.verifies += 1
        return super().verify(hash, password)


class Counted:
    """Counts argon2 verifications and SQL statements per login attempt."""

    def __init__(self, store: AccountStore, hasher: CountingHasher) -> None:
        self.store, self.hasher, self.statements = store, hasher, 0
        sa.event.listen(store.engine, "before_cursor_execute", self._statement)

    def _statement(self, *_: object) -> None:
        self.statements += 1

    def work(self, name: str, password: str) -> tuple[LoginOutcome, tuple[int, int]]:
        before = (self.hasher.verifies, self.statements)
        outcome = self.store.authenticate(name, password).outcome
        return outcome, (self.hasher.verifies - before[0], self.statements - before[1])


@pytest.fixture
def counted(ticket_store, clock):
    hasher = CountingHasher()
    store = AccountStore(ticket_store.engine, clock=clock, hasher=hasher, lockout_attempts=3)
    store.migrate()
    store.add_consultant("lotte", PASSWORD)
    store.add_consultant("vera", PASSWORD)
    store.disable("vera")
    store.authenticate("niemand", "x")  # makes the dummy hash once, beforehand
    return Counted(store, hasher)


def test_every_failed_login_costs_the_same_hash_and_the_same_statements(counted):
    work = {"unknown name": counted.work("niemand", WRONG),
            "wrong password": counted.work("lotte", WRONG),
            "disabled": counted.work("vera", PASSWORD)}
    counted.work("lotte", WRONG)
    counted.work("lotte", WRONG)  # the third: locked now
    work["locked, right password"] = counted.work("lotte", PASSWORD)
    work["locked, wrong password"] = counted.work("lotte", WRONG)
    work["unknown name again"] = counted.work("niemand", WRONG)
    assert work["locked, right password"][0] is LoginOutcome.LOCKED
    assert len({cost for _, cost in work.values()}) == 1, work
    assert {cost for _, cost in work.values()} != {(1, 1)}  # the counting runs every time


def test_a_trusted_browser_fails_on_its_own_count_then_is_held_like_any_other(counted):
    store = counted.store
    browser = store.authenticate("lotte", PASSWORD).browser
    assert browser
    for _ in range(3):
        store.authenticate("lotte", WRONG)  # someone else locks the name
    assert store.authenticate("lotte", PASSWORD).outcome is LoginOutcome.LOCKED
    assert store.authenticate("lotte", PASSWORD, browser).ok
    # The trusted browser's own wrong guesses count for it alone ...
    newer = store.authenticate("lotte", PASSWORD, browser).browser
    outcomes = [store.authenticate("lotte", WRONG, newer).outcome for _ in range(3)]
    assert outcomes == [LoginOutcome.BAD_CREDENTIALS] * 2 + [LoginOutcome.LOCKED]
    # ... and then it is held by the name's lock like any other browser.
    assert store.authenticate("lotte", PASSWORD, newer).outcome is LoginOutcome.LOCKED


def test_a_browser_cookie_vouches_only_for_its_own_name_and_password(counted, clock):
    store = counted.store
    store.add_consultant("mila", PASSWORD)
    browser = store.authenticate("mila", PASSWORD).browser
    for _ in range(3):
        store.authenticate("lotte", WRONG)
    # Mila's browser is no key to Lotte's locked name; a made-up cookie is nothing.
    assert store.authenticate("lotte", PASSWORD, browser).outcome is LoginOutcome.LOCKED
    assert store.authenticate("lotte", PASSWORD, "x" * 20 + "." + "0" * 64).outcome \
        is LoginOutcome.LOCKED
    # A new password voids the browsers that knew the old one.
    for _ in range(3):
        store.authenticate("mila", WRONG)
    store.set_password("mila", "een-heel-nieuw-wachtwoord")
    for _ in range(3):
        store.authenticate("mila", WRONG)
    assert store.authenticate("mila", "een-heel-nieuw-wachtwoord", browser).outcome \
        is LoginOutcome.LOCKED


def test_a_browser_count_is_forgotten_after_the_lock_period():
    from bot.console.trusted_browsers import TrustedBrowsers

    now = [0.0]
    browsers = TrustedBrowsers(2, timedelta(minutes=15), clock=lambda: now[0])
    cookie = browsers.issue("anna", "hash")
    assert browsers.vouches(cookie, "anna", "hash")
    browsers.failed(cookie)
    assert browsers.failed(cookie)
    assert not browsers.vouches(cookie, "anna", "hash")
    now[0] += 15 * 60 + 1
    assert browsers.vouches(cookie, "anna", "hash")
    assert not browsers.vouches(cookie, "bert", "hash")
    assert not browsers.vouches(cookie, "anna", "other-hash")


async def test_the_browser_cookie_is_httponly_strict_and_long_lived(make_client):
    client = await make_client()
    response = await login(client)
    cookies = response.headers.getall("Set-Cookie")
    [browser] = [c for c in cookies if c.startswith("kp_browser=")]
    lowered = browser.lower()
    assert "httponly" in lowered and "samesite=strict" in lowered and "max-age=15552000" in lowered
