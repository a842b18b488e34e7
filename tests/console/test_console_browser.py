"""Real browser: log in, open a ticket, claim it, add a note, on a phone and a laptop.

Drives Debian's Chromium through Playwright against the console on a loopback port.
Screenshots go to /tmp/console-<viewport>-<step>.png for a human look at the layout.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.async_playwright import Axe
from chromium_support import CHROMIUM, CHROMIUM_ARGS, ensure_chromium
from console_support import PASSWORD
from playwright.async_api import async_playwright, expect

from bot.console.app import create_app
from bot.tickets import Contact

pytestmark = pytest.mark.browser

VIEWPORTS = {
    "phone": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True,
              "device_scale_factor": 2},
    "laptop": {"viewport": {"width": 1366, "height": 800}},
}


@pytest.fixture
async def console_url(aiohttp_server, ticket_store, accounts, settings, clock):
    # The production default: Secure, __Host- cookies. Chromium accepts them on loopback.
    app = create_app(ticket_store, accounts, settings.__class__(
        **{**settings.__dict__, "secure_cookies": True}), clock=clock)
    server = await aiohttp_server(app)
    return str(server.make_url("/")).rstrip("/")


@pytest.mark.parametrize("device", ["phone", "laptop"])
async def test_login_claim_and_note(device, console_url, make_ticket, ticket_store):
    ensure_chromium()
    make_ticket(urgency="low", summary="Vraagt naar scholingsbudget")
    ticket = make_ticket(
        urgency="high",
        primary_topic="job_insecurity",
        summary="Reorganisatie aangekondigd, wil weten wat de opties zijn <b>snel</b>",
        contact=Contact(name="Sanne de Vries", preferred_channel="phone",
                        phone="+31612345678", preferred_time="dinsdagochtend"),
        sector="metaal",
    )
    shots = f"/tmp/console-{device}"
    async with async_playwright() as driver:
        browser = await driver.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        context = await browser.new_context(locale="nl-NL", **VIEWPORTS[device])
        page = await context.new_page()
        problems: list[str] = []
        page.on("console", lambda msg: problems.append(msg.text) if msg.type == "error" else None)
        page.on("pageerror", lambda error: problems.append(str(error)))

        await page.goto(console_url + "/")
        await expect(page.get_by_role("heading", name="Inloggen")).to_be_visible()
        await page.screenshot(path=f"{shots}-1-login.png", full_page=True)
        await page.get_by_label("Naam").fill("anna")
        await page.get_by_label("Wachtwoord").fill(PASSWORD)
        await page.get_by_role("button", name="Inloggen").click()

        await expect(page.get_by_role("heading", name="Aanvragen")).to_be_visible()
        await page.get_by_label("Team").select_option("")
        await page.get_by_role("button", name="Filter").click()
        rows = page.locator("table.tickets tbody tr")
        await expect(rows).to_have_count(2)
        await expect(rows.first).to_contain_text(ticket.reference)  # most urgent first
        await page.screenshot(path=f"{shots}-2-inbox.png", full_page=True)
        assert await fits_width(page), "inbox scrolls sideways"

        await page.get_by_role("link", name=ticket.reference).click()
        heading = page.get_by_role("heading", name=f"Aanvraag {ticket.reference}")
        await expect(heading).to_be_visible()
        await expect(page.locator(".summary")).to_have_text(
            "Reorganisatie aangekondigd, wil weten wat de opties zijn <b>snel</b>"
        )
        await page.get_by_role("button", name="Oppakken").click()
        await expect(page.get_by_role("status")).to_have_text("Je hebt deze aanvraag opgepakt.")
        await expect(page.get_by_role("button", name="Contact gehad")).to_be_visible()

        await page.get_by_label("Nieuwe notitie").fill("Dinsdag bellen, voicemail mag.")
        await page.get_by_role("button", name="Notitie opslaan").click()
        await expect(page.get_by_role("status")).to_have_text("Je notitie is opgeslagen.")
        await expect(page.locator(".note-text")).to_have_text("Dinsdag bellen, voicemail mag.")
        await page.screenshot(path=f"{shots}-3-ticket.png", full_page=True)
        assert await fits_width(page), "ticket page scrolls sideways"

        axe = await Axe().run(page)
        serious = [v for v in axe.response["violations"]
                   if v["impact"] in ("serious", "critical")]
        assert serious == [], [(v["id"], v["help"]) for v in serious]

        cookies = await context.cookies()
        session = next(c for c in cookies if c["name"] == "__Host-kp_session")
        assert session["httpOnly"] and session["secure"] and session["sameSite"] == "Strict"

        await page.get_by_role("button", name="Uitloggen").click()
        await expect(page.get_by_role("status")).to_have_text("Je bent uitgelogd.")
        await browser.close()

    stored = ticket_store.get_ticket(ticket.id)
    assert (stored.status, stored.assignee) == ("claimed", "anna")
    assert [n.text for n in ticket_store.notes(ticket.id)] == ["Dinsdag bellen, voicemail mag."]
    assert problems == []


async def fits_width(page) -> bool:
    return await page.evaluate(
        "document.documentElement.scrollWidth <= window.innerWidth + 1"
    )
