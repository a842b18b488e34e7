"""The coordinators' service page (issue 15, item 6): per team and week, new tickets, time to
first contact (median, p90), share within target, outcomes; SVG under the console's CSP;
aggregates only; an ordinary consultant gets 403. The Chromium test keeps a screenshot in
docs/."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from chromium_support import CHROMIUM, CHROMIUM_ARGS, ensure_chromium
from console_support import PASSWORD, login
from playwright.async_api import async_playwright, expect

from bot.console.app import create_app
from bot.console.service_stats import ALL_TEAMS, percentile, service_stats, week_of
from bot.tickets import Contact
from bot.tickets.follow_up import FollowUps

DOCS = Path(__file__).resolve().parents[2] / "docs"
NAME = "Sanne de Vries"
PHONE = "+31687654321"
SUMMARY = "Geheime samenvatting over de reorganisatie"


def seed(make_ticket, store, clock):
    """Three weeks of tickets in two teams, contacted early or late, closed with outcomes.
    The console clock starts on Monday 3 March 2025, 10:00 in Amsterdam."""
    start = clock.now
    plan = [  # (days after start, region, urgency, hours to contact or None, outcome)
        (0, "Utrecht", "normal", 2, "new_job"),
        (0, "Utrecht", "high", 1, "training"),
        (1, "Utrecht", "high", 30, None),       # contacted after the deadline
        (7, "Utrecht", "normal", 4, "referred"),
        (8, "Gent", "low", 3, "stayed_improved"),
        (14, "Gent", "high", None, None),       # never contacted, overdue
        (15, "Utrecht", "normal", None, None),  # not yet due at the end
    ]
    made = []
    for days, region, urgency, hours, outcome in plan:
        clock.now = start + timedelta(days=days)
        ticket = make_ticket(region=region, urgency=urgency, summary=SUMMARY,
                             contact=Contact(name=NAME, preferred_channel="phone",
                                             phone=PHONE))
        made.append(ticket)
        if hours is not None:
            store.update_ticket(ticket.id, status="claimed", actor="bob")
            clock.now = clock.now + timedelta(hours=hours)
            store.update_ticket(ticket.id, status="contacted", actor="bob")
            if outcome:
                store.update_ticket(ticket.id, status="closed", outcome=outcome, actor="bob")
    clock.now = start + timedelta(days=15, hours=2)
    return made


def test_percentiles_and_weeks():
    assert percentile([], 0.5) is None
    assert percentile([3.0, 1.0, 2.0], 0.5) == 2.0
    assert percentile([float(n) for n in range(1, 11)], 0.9) == 9.0
    assert week_of(datetime(2025, 3, 9, 22, 30, tzinfo=UTC)).isoformat() == "2025-03-03"


def test_figures_per_team_and_week(make_ticket, ticket_store, clock):
    seed(make_ticket, ticket_store, clock)
    stats = service_stats(ticket_store, clock.now, weeks=3)
    assert [w.isoformat() for w in stats.weeks] == ["2025-03-03", "2025-03-10", "2025-03-17"]
    utrecht = stats.teams["midden-utrecht"]
    first = utrecht[stats.weeks[0]]
    assert first.new == 3 and (first.within, first.missed) == (2, 1)
    assert first.median_hours == 2.0  # office hours: 2, 1 and 14 (30 on the clock)
    assert first.p90_hours == 14.0
    assert first.outcomes == {"new_job": 1, "training": 1}
    gent = stats.teams["vlaanderen"]
    assert gent[stats.weeks[2]].new == 1 and gent[stats.weeks[2]].missed == 1  # overdue
    assert utrecht[stats.weeks[2]].share_within is None  # not due yet: not judged
    everyone = stats.teams[ALL_TEAMS]
    assert sum(everyone[w].new for w in stats.weeks) == 7


def answer_six_weeks(store, clock, tickets, answers):
    """Six-week answers (issue 15, item 4) as the follow-up counts them: per week and team."""
    follow_ups = FollowUps(store, clock=clock)
    for ticket, (score, recommend) in zip(tickets, answers, strict=True):
        follow_ups.answer_six_weeks(ticket.id, score, recommend)


def test_satisfaction_per_team_and_week(make_ticket, ticket_store, clock):
    made = seed(make_ticket, ticket_store, clock)
    utrecht, gent = made[0], made[4]
    clock.now = clock.now - timedelta(days=7)  # answers in the second week
    answer_six_weeks(ticket_store, clock, [utrecht, utrecht, gent],
                     [(5, True), (4, False), (2, None)])
    clock.now = clock.now + timedelta(days=7)
    stats = service_stats(ticket_store, clock.now, weeks=3)
    second = stats.weeks[1]
    mine = stats.teams["midden-utrecht"][second]
    assert (mine.average_score, mine.recommend_share) == (4.5, 0.5)
    theirs = stats.teams["vlaanderen"][second]
    assert (theirs.average_score, theirs.recommend_share) == (2.0, None)
    everyone = stats.teams[ALL_TEAMS][second]
    assert (everyone.satisfaction.responses, everyone.average_score) == (3, 11 / 3)
    assert everyone.recommend_share == 0.5
    assert stats.teams[ALL_TEAMS][stats.weeks[0]].average_score is None  # no answers


async def test_only_coordinators_open_it_and_it_holds_aggregates_only(
    make_client, accounts, make_ticket, ticket_store, clock
):
    made = seed(make_ticket, ticket_store, clock)
    answer_six_weeks(ticket_store, clock, made[:2], [(5, True), (2, False)])
    coordinator = await make_client()
    assert (await login(coordinator)).status == 303  # anna (conftest): a coordinator
    response = await coordinator.get("/dienstverlening")
    assert response.status == 200
    html = await response.text()
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]
    assert "<script" not in html and html.count("<svg") >= 8
    # Satisfaction, in the same SVG charts and table as the rest: 3,5 on average, 50%.
    assert html.count("<title>Tevredenheid na zes weken (1-5)</title>") >= 2
    assert html.count("<title>Zou ons aanraden</title>") >= 2
    assert "gemiddeld cijfer 3.5" in html and "raadt aan 50%" in html
    assert "<td>3,5</td><td>2</td><td>50%</td>" in html
    assert "Arbeidsmarktregio Midden-Utrecht" in html and "Team Vlaanderen" in html
    for secret in (NAME, PHONE, SUMMARY, "bob", *(t.reference for t in made),
                   *(t.id for t in made)):
        assert secret not in html, secret
    assert 'href="/dienstverlening"' in await (await coordinator.get("/")).text()

    accounts.add_consultant("bob", PASSWORD, team="midden-utrecht")
    consultant = await make_client()
    assert (await login(consultant, "bob")).status == 303
    assert (await consultant.get("/dienstverlening")).status == 403
    assert 'href="/dienstverlening"' not in await (await consultant.get("/")).text()
    anonymous = await make_client()
    assert (await anonymous.get("/dienstverlening", allow_redirects=False)).status in (302, 303)


@pytest.mark.browser
async def test_the_service_page_in_chromium(aiohttp_server, ticket_store, accounts, settings,
                                            clock, make_ticket):
    ensure_chromium()
    made = seed(make_ticket, ticket_store, clock)
    end = clock.now
    clock.now = end - timedelta(days=7)
    answer_six_weeks(ticket_store, clock, made[:2] + made[4:5], [(5, True), (4, True),
                                                               (3, False)])
    clock.now = end
    answer_six_weeks(ticket_store, clock, made[:2], [(4, True), (2, False)])
    accounts.add_consultant("bob", PASSWORD, team="midden-utrecht")
    app = create_app(ticket_store, accounts, settings.__class__(
        **{**settings.__dict__, "secure_cookies": True}), clock=clock)
    server = await aiohttp_server(app)
    url = str(server.make_url("/")).rstrip("/")
    async with async_playwright() as driver:
        browser = await driver.chromium.launch(executable_path=str(CHROMIUM),
                                               args=CHROMIUM_ARGS, headless=True)
        problems: list[str] = []
        for name, allowed in (("anna", True), ("bob", False)):
            context = await browser.new_context(locale="nl-NL",
                                                viewport={"width": 1366, "height": 900})
            page = await context.new_page()
            page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: problems.append(str(e)))
            await page.goto(url + "/login")
            await page.get_by_label("Naam").fill(name)
            await page.get_by_label("Wachtwoord").fill(PASSWORD)
            await page.get_by_role("button", name="Inloggen").click()
            await expect(page.get_by_role("heading", name="Aanvragen")).to_be_visible()
            if not allowed:
                await expect(page.get_by_role("link", name="Dienstverlening")).to_have_count(0)
                response = await page.goto(url + "/dienstverlening")
                assert response.status == 403
                await expect(page.get_by_role("heading", name="Geen toegang")).to_be_visible()
                continue
            await page.get_by_role("link", name="Dienstverlening").click()
            await expect(page.get_by_role("heading", name="Dienstverlening")).to_be_visible()
            charts = page.locator("svg.chart")
            assert await charts.count() >= 12  # all teams + two teams, four charts each
            box = await charts.first.bounding_box()
            assert box is not None and box["width"] > 250 and box["height"] > 80
            assert await page.locator("svg.chart rect").count() > 20  # bars drawn
            await expect(page.get_by_role("heading", name="Team Vlaanderen")).to_be_visible()
            satisfaction = page.locator("svg.chart", has_text="Tevredenheid na zes weken")
            assert await satisfaction.count() >= 3  # all teams and both teams
            # The legend and a bar in each of the two weeks with answers.
            assert await satisfaction.first.locator("rect").count() == 3
            await page.screenshot(path=str(DOCS / "service-page.png"), full_page=True)
            await context.close()
        await browser.close()
    # No CSP violation, no script error (bob's refused page is the one expected 403).
    assert [p for p in problems if "status of 403" not in p] == []
