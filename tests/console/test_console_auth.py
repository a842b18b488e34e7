"""Login, lockout, sessions, CSRF and security headers of the console."""

from __future__ import annotations

from console_support import PASSWORD, csrf_from, csrf_of, login

from bot.console.accounts import LoginOutcome


async def test_pages_need_login(client, make_ticket):
    ticket = make_ticket()
    for path in ("/", f"/tickets/{ticket.id}", f"/tickets/{ticket.id}/delete"):
        response = await client.get(path, allow_redirects=False)
        assert response.status == 303
        assert response.headers["Location"].startswith("/login?next=")
        assert ticket.reference not in await response.text()


async def test_post_without_session_changes_nothing(client, make_ticket, ticket_store):
    ticket = make_ticket()
    response = await client.post(
        f"/tickets/{ticket.id}/claim", data={"csrf_token": "x"}, allow_redirects=False
    )
    assert response.status == 303
    assert response.headers["Location"].startswith("/login")
    assert ticket_store.get_ticket(ticket.id).status == "new"


async def test_login_and_inbox(client, make_ticket):
    ticket = make_ticket()
    response = await login(client)
    assert response.status == 303
    assert response.headers["Location"] == "/"
    inbox = await client.get("/")
    assert inbox.status == 200
    assert ticket.reference in await inbox.text()


async def test_wrong_password_is_refused(client):
    response = await login(client, password="niet-het-goede-wachtwoord")
    assert response.status == 401
    assert "Inloggen lukt niet" in await response.text()
    assert "kp_session" not in response.cookies
    assert (await client.get("/", allow_redirects=False)).status == 303


async def test_unknown_name_gets_the_same_message(client):
    unknown = await login(client, name="niemand")
    wrong = await login(client, password="niet-het-goede-wachtwoord")
    assert unknown.status == wrong.status == 401
    text_unknown = (await unknown.text()).replace(csrf_from(await unknown.text()), "")
    text_wrong = (await wrong.text()).replace(csrf_from(await wrong.text()), "")
    assert text_unknown == text_wrong


async def test_lockout_after_five_failures_then_unlocks(client, accounts, clock):
    for _ in range(5):
        assert (await login(client, password="fout-fout-fout-fout")).status == 401
    # Locked now: even the right password does not open the account.
    assert (await login(client)).status == 401
    assert accounts.authenticate("anna", PASSWORD).outcome is LoginOutcome.LOCKED
    clock.advance(minutes=14)
    assert (await login(client)).status == 401
    clock.advance(minutes=2)
    assert (await login(client)).status == 303


async def test_success_resets_failure_counter(accounts):
    for _ in range(4):
        assert accounts.authenticate("anna", "fout-fout-fout").outcome is (
            LoginOutcome.BAD_CREDENTIALS
        )
    assert accounts.authenticate("anna", PASSWORD).ok
    for _ in range(4):
        accounts.authenticate("anna", "fout-fout-fout")
    assert accounts.authenticate("anna", PASSWORD).ok


async def test_disabled_account_cannot_log_in_and_loses_session(client, accounts):
    assert (await login(client)).status == 303
    accounts.disable("anna")
    assert (await client.get("/", allow_redirects=False)).status == 303
    assert (await login(client)).status == 401


async def test_login_without_csrf_is_forbidden(client):
    await client.get("/login")
    response = await client.post(
        "/login", data={"name": "anna", "password": PASSWORD}, allow_redirects=False
    )
    assert response.status == 403
    response = await client.post(
        "/login",
        data={"name": "anna", "password": PASSWORD, "csrf_token": "geraden"},
        allow_redirects=False,
    )
    assert response.status == 403


async def test_post_with_wrong_csrf_is_forbidden(logged_in, make_ticket, ticket_store):
    ticket = make_ticket()
    for data in ({}, {"csrf_token": "verkeerd"}, {"csrf_token": ""}):
        response = await logged_in.post(
            f"/tickets/{ticket.id}/claim", data=data, allow_redirects=False
        )
        assert response.status == 403
    assert ticket_store.get_ticket(ticket.id).status == "new"
    # Logout is a POST too.
    assert (await logged_in.post("/logout", data={}, allow_redirects=False)).status == 403
    assert (await logged_in.get("/", allow_redirects=False)).status == 200


async def test_session_id_changes_at_login(client, accounts):
    page = await client.get("/login")
    form = {"name": "anna", "password": PASSWORD, "csrf_token": csrf_from(await page.text())}
    assert (await client.post("/login", data=form, allow_redirects=False)).status == 303
    first = client.session.cookie_jar.filter_cookies(client.make_url("/"))["kp_session"].value
    # Logging in again (say from a second tab) replaces the session, it does not reuse it.
    assert (await client.post("/login", data=form, allow_redirects=False)).status == 303
    second = client.session.cookie_jar.filter_cookies(client.make_url("/"))["kp_session"].value
    assert first != second
    assert accounts.load_session(first) is None
    assert accounts.load_session(second) is not None


async def test_planted_session_cookie_is_not_adopted(client, accounts):
    """Session fixation: a cookie value chosen by an attacker never becomes a session."""
    client.session.cookie_jar.update_cookies({"kp_session": "aanvaller-koos"})
    assert (await login(client)).status == 303
    cookie = client.session.cookie_jar.filter_cookies(client.make_url("/"))["kp_session"].value
    assert cookie != "aanvaller-koos"
    assert accounts.load_session("aanvaller-koos") is None


async def test_logout_ends_the_session(logged_in, accounts):
    token = logged_in.session.cookie_jar.filter_cookies(logged_in.make_url("/"))["kp_session"]
    csrf = await csrf_of(logged_in)
    response = await logged_in.post("/logout", data={"csrf_token": csrf}, allow_redirects=False)
    assert response.status == 303
    assert response.headers["Location"] == "/login?melding=uitgelogd"
    assert accounts.load_session(token.value) is None
    assert (await logged_in.get("/", allow_redirects=False)).status == 303


async def test_idle_session_expires(logged_in, clock):
    clock.advance(minutes=29)
    assert (await logged_in.get("/", allow_redirects=False)).status == 200
    clock.advance(minutes=29)  # active in between, so still alive
    assert (await logged_in.get("/", allow_redirects=False)).status == 200
    clock.advance(minutes=31)
    assert (await logged_in.get("/", allow_redirects=False)).status == 303


async def test_session_has_a_maximum_age(logged_in, clock):
    for _ in range(25):  # busy all day, but 12 hours is the limit
        clock.advance(minutes=29)
        response = await logged_in.get("/", allow_redirects=False)
        if response.status != 200:
            break
    assert response.status == 303


async def test_next_parameter_cannot_redirect_off_site(client):
    page = await client.get("/login")
    token = csrf_from(await page.text())
    response = await client.post(
        "/login",
        data={"name": "anna", "password": PASSWORD, "csrf_token": token,
              "next": "//evil.example/"},
        allow_redirects=False,
    )
    assert response.status == 303
    assert response.headers["Location"] == "/"


async def test_cookie_flags_in_dev_mode(client):
    response = await login(client)
    header = next(v for v in response.headers.getall("Set-Cookie") if v.startswith("kp_session="))
    assert "HttpOnly" in header
    assert "SameSite=Strict" in header
    assert "Path=/" in header
    assert "Secure" not in header


async def test_cookies_are_secure_by_default(make_client):
    client = await make_client(secure_cookies=True)
    page = await client.get("/login")
    header = page.headers["Set-Cookie"]
    assert header.startswith("__Host-kp_login_csrf=")
    assert "Secure" in header and "HttpOnly" in header and "SameSite=Strict" in header
    # The aiohttp test client will not send Secure cookies over http, so post by hand.
    token = csrf_from(await page.text())
    client.session.cookie_jar.clear()
    response = await client.post(
        "/login",
        data={"name": "anna", "password": PASSWORD, "csrf_token": token},
        headers={"Cookie": f"__Host-kp_login_csrf={token}"},
        allow_redirects=False,
    )
    assert response.status == 303
    session_header = next(
        v for v in response.headers.getall("Set-Cookie") if v.startswith("__Host-kp_session=")
    )
    assert "Secure" in session_header and "HttpOnly" in session_header
    assert "SameSite=Strict" in session_header


async def test_security_headers_everywhere(logged_in, make_ticket):
    ticket = make_ticket()
    paths = ["/", f"/tickets/{ticket.id}", "/static/console.css", "/healthz", "/bestaat-niet"]
    for path in paths:
        response = await logged_in.get(path)
        headers = response.headers
        csp = headers["Content-Security-Policy"]
        assert "default-src 'self'" in csp
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert headers["X-Frame-Options"] == "DENY"
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "no-referrer"
    assert (await logged_in.get("/")).headers["Cache-Control"] == "no-store"


async def test_login_page_has_headers_and_labels(client):
    response = await client.get("/login")
    html = await response.text()
    assert response.headers["X-Frame-Options"] == "DENY"
    assert '<label for="name">' in html and 'id="name"' in html
    assert '<label for="password">' in html and 'id="password"' in html
    assert '<html lang="nl">' in html
    assert "<script" not in html


async def test_healthz_needs_no_login_and_shows_no_data(client, make_ticket):
    ticket = make_ticket()
    response = await client.get("/healthz")
    assert response.status == 200
    assert await response.json() == {"status": "ok"}
    assert ticket.reference not in await response.text()
