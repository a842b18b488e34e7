"""Issue 13, finding 8: login cannot be used to find consultants' names or to guess at
scale, a password change ends other sessions, and a claimed ticket is not silently taken
over by a second claim.

No wall clock: the "same time class" of a locked account is checked by counting the
password hash computations every kind of failed login costs."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher
from console_support import API_TOKEN, PASSWORD, bearer, csrf_from, csrf_of, login

from bot.console.accounts import AccountStore, LoginOutcome


class CountingHasher(PasswordHasher):
    """Cheap argon2 that counts how often a password is hashed."""

    def __init__(self) -> None:
        super().__init__(time_cost=1, memory_cost=8, parallelism=1)
        self.verifies = 0
        self.hashes = 0

    def verify(self, hash, password):  # noqa: A002 (argon2's own parameter name)
        self.verifies += 1
        return super().verify(hash, password)

    def hash(self, password, *, salt=None):  # noqa: A003
        self.hashes += 1
        return super().hash(password, salt=salt)


@pytest.fixture
def counted(ticket_store, clock):
    hasher = CountingHasher()
    store = AccountStore(ticket_store.engine, clock=clock, hasher=hasher, lockout_attempts=3)
    store.migrate()
    store.add_consultant("lotte", PASSWORD)
    store.add_consultant("vera", PASSWORD)
    store.disable("vera")
    return store, hasher


def test_every_failed_login_costs_the_same_hashing(counted):
    store, hasher = counted
    store.authenticate("niemand", "x")  # computes the dummy hash once, beforehand
    cases = {"unknown name": ("niemand", "fout-wachtwoord"),
             "wrong password": ("lotte", "fout-wachtwoord"),
             "disabled account": ("vera", PASSWORD)}
    for _ in range(3):
        store.authenticate("lotte", "fout-wachtwoord")
    assert store.get_consultant("lotte").locked_until is not None
    cases["locked, right password"] = ("lotte", PASSWORD)
    cases["locked, wrong password"] = ("lotte", "fout-wachtwoord")
    work = {}
    for case, (name, password) in cases.items():
        before = (hasher.verifies, hasher.hashes)
        result = store.authenticate(name, password)
        assert not result.ok, case
        work[case] = (hasher.verifies - before[0], hasher.hashes - before[1])
    assert set(work.values()) == {(1, 0)}, work


def test_a_locked_account_still_refuses_the_right_password(counted):
    store, _ = counted
    for _ in range(3):
        store.authenticate("lotte", "fout-wachtwoord")
    assert store.authenticate("lotte", PASSWORD).outcome is LoginOutcome.LOCKED


# -- throttling -------------------------------------------------------------------------------

class Seconds:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_the_throttle_limits_each_address_and_all_together():
    from bot.console.login_throttle import LoginThrottle

    clock = Seconds()
    throttle = LoginThrottle(per_address_per_minute=3, global_per_minute=5, clock=clock)
    assert [throttle.admit("192.0.2.1") for _ in range(4)] == [0, 0, 0, pytest.approx(20)]
    # Another address has its own allowance, until the global one is used up.
    assert [throttle.admit("192.0.2.2") > 0 for _ in range(3)] == [False, False, True]
    assert throttle.admit("192.0.2.3") > 0  # global: 5 attempts a minute in all
    clock.now += 60
    assert throttle.admit("192.0.2.3") == 0


def test_refused_attempts_of_one_address_do_not_use_up_the_global_allowance():
    from bot.console.login_throttle import LoginThrottle

    throttle = LoginThrottle(per_address_per_minute=2, global_per_minute=4, clock=Seconds())
    for _ in range(50):
        throttle.admit("192.0.2.66")
    assert [throttle.admit("192.0.2.7") for _ in range(2)] == [0, 0]


def test_the_limits_come_from_the_environment():
    from bot.console.console_settings import ConsoleSettings

    settings = ConsoleSettings.from_env({"CONSOLE_LOGIN_PER_ADDRESS_PER_MINUTE": "7",
                                         "CONSOLE_LOGIN_GLOBAL_PER_MINUTE": "70"})
    assert (settings.login_per_address_per_minute, settings.login_global_per_minute) == (7, 70)
    default = ConsoleSettings.from_env({})
    assert (default.login_per_address_per_minute, default.login_global_per_minute) == (10, 100)


async def test_too_many_logins_from_one_address_get_429_without_a_password_check(
        make_client, accounts, clock, monkeypatch):
    client = await make_client(login_per_address_per_minute=3)
    checked = []
    real = accounts.authenticate
    monkeypatch.setattr(accounts, "authenticate", lambda name, password, browser=None:
                        checked.append(name) or real(name, password, browser))
    statuses = []
    for _ in range(4):
        csrf = csrf_from(await (await client.get("/login")).text())
        response = await client.post("/login", data={"name": "anna", "password": "fout",
                                                     "csrf_token": csrf})
        statuses.append(response.status)
    assert statuses == [401, 401, 401, 429]
    assert "Retry-After" in response.headers
    assert "even" in (await response.text())  # Dutch: wait a moment
    assert len(checked) == 3
    clock.advance(minutes=1)
    assert (await login(client)).status == 303


# -- sessions ---------------------------------------------------------------------------------

def test_changing_a_password_ends_the_other_sessions(accounts):
    anna = accounts.get_consultant("anna")
    laptop = accounts.start_session(anna.id)
    phone = accounts.start_session(anna.id)
    accounts.set_password("anna", "een-nieuw-wachtwoord-1")
    assert accounts.load_session(laptop.token) is None
    assert accounts.load_session(phone.token) is None


def test_a_password_change_from_a_session_keeps_that_session(accounts):
    anna = accounts.get_consultant("anna")
    here = accounts.start_session(anna.id)
    elsewhere = accounts.start_session(anna.id)
    accounts.set_password("anna", "een-nieuw-wachtwoord-1", keep_session=here.token)
    assert accounts.load_session(here.token) is not None
    assert accounts.load_session(elsewhere.token) is None


# -- a second claim ---------------------------------------------------------------------------

async def test_a_second_claim_in_the_console_is_409_and_keeps_the_first(
        logged_in, make_client, accounts, make_ticket, ticket_store):
    accounts.add_consultant("bob", PASSWORD, team="midden-utrecht")
    bob = await make_client()
    assert (await login(bob, "bob")).status == 303
    ticket = make_ticket()
    for client in (logged_in, bob):
        csrf = await csrf_of(client, f"/tickets/{ticket.id}")
        response = await client.post(f"/tickets/{ticket.id}/claim",
                                     data={"csrf_token": csrf}, allow_redirects=False)
    assert response.status == 409
    assert "collega" in await response.text()
    assert ticket_store.get_ticket(ticket.id).assignee == "anna"
    # The same consultant pressing "Oppakken" twice is no conflict.
    csrf = await csrf_of(logged_in, f"/tickets/{ticket.id}")
    again = await logged_in.post(f"/tickets/{ticket.id}/claim", data={"csrf_token": csrf},
                                 allow_redirects=False)
    assert again.status == 303


async def test_a_second_claim_through_the_api_is_409(client, make_ticket, ticket_store):
    ticket = make_ticket()
    url = f"/api/tickets/{ticket.id}"
    first = await client.patch(url, json={"status": "claimed", "assignee": "anna"},
                               headers=bearer(API_TOKEN))
    assert first.status == 200
    second = await client.patch(url, json={"status": "claimed", "assignee": "bert"},
                                headers=bearer(API_TOKEN))
    assert second.status == 409
    assert "error" in await second.json()
    assert ticket_store.get_ticket(ticket.id).assignee == "anna"
    # An explicit re-assignment (no claim) is still possible.
    moved = await client.patch(url, json={"assignee": "bert"}, headers=bearer(API_TOKEN))
    assert moved.status == 200
    assert ticket_store.get_ticket(ticket.id).assignee == "bert"


def test_claim_races_are_decided_by_the_store(ticket_store, make_ticket):
    from bot.tickets.store import AlreadyClaimed

    ticket = make_ticket()
    ticket_store.update_ticket(ticket.id, status="claimed", actor="anna")
    with pytest.raises(AlreadyClaimed):
        ticket_store.update_ticket(ticket.id, status="claimed", actor="bob")
    assert ticket_store.get_ticket(ticket.id).assignee == "anna"
