"""Teams are an access boundary (issue 13, finding 4): a consultant sees, changes and
deletes only their own team's tickets; a coordinator sees all; the API token keeps full
access. Another team's ticket answers 404 like an unknown one; another team's inbox 403."""

from __future__ import annotations

import sqlalchemy as sa
from argon2 import PasswordHasher
from console_support import PASSWORD, bearer, csrf_of, login

from bot.console.accounts import AccountStore
from bot.tickets.store import create_engine_for


async def as_consultant(make_client, accounts, name="bob", team="midden-utrecht"):
    accounts.add_consultant(name, PASSWORD, team=team)  # role: consultant (the default)
    client = await make_client()
    assert (await login(client, name)).status == 303
    return client


async def test_a_consultant_sees_only_their_own_teams_tickets(make_client, accounts,
                                                              make_ticket):
    own = make_ticket(region="Utrecht")
    other = make_ticket(region="Gent")
    assert (own.team, other.team) == ("midden-utrecht", "vlaanderen")
    bob = await as_consultant(make_client, accounts)

    for query in ("/", "/?status=all&team=", "/?status=all"):
        html = await (await bob.get(query)).text()
        assert own.reference in html and other.reference not in html, query
    refused = await bob.get("/?status=all&team=vlaanderen")
    assert refused.status == 403
    assert other.reference not in await refused.text()

    assert (await bob.get(f"/tickets/{own.id}")).status == 200
    for path in (f"/tickets/{other.id}", f"/tickets/{other.id}/delete",
                 f"/tickets/{other.id}/gesprek"):
        response = await bob.get(path)
        assert response.status == 404, path
        assert other.reference not in await response.text()


async def test_a_consultant_cannot_change_or_delete_another_teams_ticket(
    make_client, accounts, make_ticket, ticket_store
):
    other = make_ticket(region="Gent")
    bob = await as_consultant(make_client, accounts)
    csrf = await csrf_of(bob)
    for action in ("claim", "close", "notes"):
        response = await bob.post(f"/tickets/{other.id}/{action}",
                                  data={"csrf_token": csrf, "text": "x", "outcome": "other"},
                                  allow_redirects=False)
        assert response.status == 404, action
    response = await bob.post(f"/tickets/{other.id}/delete",
                              data={"csrf_token": csrf, "confirm": "yes"},
                              allow_redirects=False)
    assert response.status == 404
    after = ticket_store.get_ticket(other.id)
    assert after is not None and after.status == "new" and ticket_store.notes(other.id) == []


async def test_a_coordinator_sees_and_changes_every_team(logged_in, make_ticket, ticket_store):
    other = make_ticket(region="Gent")  # anna (conftest) is a coordinator in midden-utrecht
    html = await (await logged_in.get("/?status=all&team=vlaanderen")).text()
    assert other.reference in html
    assert (await logged_in.get(f"/tickets/{other.id}")).status == 200
    csrf = await csrf_of(logged_in, f"/tickets/{other.id}")
    response = await logged_in.post(f"/tickets/{other.id}/claim", data={"csrf_token": csrf},
                                    allow_redirects=False)
    assert response.status == 303
    assert ticket_store.get_ticket(other.id).assignee == "anna"


async def test_the_api_token_keeps_full_access(client, make_ticket):
    own, other = make_ticket(region="Utrecht"), make_ticket(region="Gent")
    listed = await (await client.get("/api/tickets", headers=bearer())).json()
    assert {own.id, other.id} <= {t["id"] for t in listed["tickets"]}
    response = await client.patch(f"/api/tickets/{other.id}", headers=bearer(),
                                  json={"status": "claimed", "assignee": "integratie"})
    assert response.status == 200


async def test_a_new_role_or_team_ends_the_sessions(make_client, accounts, make_ticket):
    other = make_ticket(region="Gent")
    bob = await as_consultant(make_client, accounts)
    accounts.set_team("bob", "vlaanderen")
    assert (await bob.get("/", allow_redirects=False)).status in (302, 303)  # logged out
    assert (await login(bob, "bob")).status == 303
    assert (await bob.get(f"/tickets/{other.id}")).status == 200
    accounts.set_role("bob", "coordinator")
    assert (await login(bob, "bob")).status == 303
    assert accounts.get_consultant("bob").is_coordinator


def test_accounts_from_before_roles_become_coordinators(tmp_path):
    """Upgrade: schema version 1 had no roles and every account saw every team. They become
    coordinators (nobody is locked out); new accounts are consultants."""
    engine = create_engine_for(f"sqlite:///{tmp_path / 'old.db'}")
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE console_schema_version (version INTEGER NOT NULL)")
        conn.exec_driver_sql("INSERT INTO console_schema_version VALUES (1)")
        conn.exec_driver_sql(
            "CREATE TABLE console_consultants (id INTEGER PRIMARY KEY, name VARCHAR(40) "
            "NOT NULL UNIQUE, team VARCHAR(80), password_hash VARCHAR(255) NOT NULL, "
            "active BOOLEAN NOT NULL, failed_attempts INTEGER NOT NULL, locked_until "
            "DATETIME, created_at DATETIME NOT NULL)")
        conn.exec_driver_sql(
            "CREATE TABLE console_sessions (token_hash VARCHAR(64) PRIMARY KEY, consultant_id "
            "INTEGER NOT NULL, csrf_token VARCHAR(64) NOT NULL, created_at DATETIME NOT NULL,"
            " last_seen DATETIME NOT NULL)")
        conn.exec_driver_sql(
            "INSERT INTO console_consultants (name, team, password_hash, active, "
            "failed_attempts, created_at) VALUES ('oud', 'landelijk', 'x', 1, 0, "
            "'2025-01-01 00:00:00')")
    accounts = AccountStore(engine, hasher=PasswordHasher(time_cost=1, memory_cost=8,
                                                          parallelism=1))
    assert accounts.migrate() == 2
    assert accounts.get_consultant("oud").role == "coordinator"
    assert accounts.add_consultant("nieuw", PASSWORD, team="landelijk").role == "consultant"
    assert accounts.migrate() == 2  # once
    assert accounts.get_consultant("nieuw").role == "consultant"
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM console_schema_version")).scalar() == 2
