"""Live chat (issue 12) end to end in real Chromium with the real stack (`python -m
bot.launch.run`: Rasa with the trained model, the action server, the console, the worker).

A member on the widget asks for a consultant and chooses "hier in de chat"; a consultant
(an account made with the users CLI) logs in, claims the ticket, takes the conversation
over and replies; each side sees the other's messages without a reload; after the hand-back
the bot answers again. Screenshots of both sides at the reply: docs/live-chat-*.png.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect
from widget_pages import BOT_BUBBLES, INPUT, LAUNCHER, REPLY_BUTTONS, send_message

from bot.rasa.quiet_env import quiet_env
from bot.settings import ROOT
from bot.tickets.store import TicketStore

# xdist: one worker runs the whole stacks one after another (tests/conftest.py).
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("whole_stack")]

PASSWORD = "koffie-live-chat-2026"
DOCS = ROOT / "docs"
DESKTOP = {"width": 1280, "height": 800}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def console_up(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status == 200
    except OSError:
        return False


@pytest.fixture(scope="module")
def real_stack(tmp_path_factory) -> Iterator[dict[str, str]]:
    workdir = tmp_path_factory.mktemp("live-stack")
    env = quiet_env()
    env.update({name: str(free_port()) for name in ("RASA_PORT", "ACTIONS_PORT", "CONSOLE_PORT")})
    env.update({
        "TRACKER_STORE_URL": f"sqlite:///{workdir / 'rasa.db'}",
        "TICKETS_DB_URL": f"sqlite:///{workdir / 'tickets.db'}",
        "HANDOVER_SPOOL_PATH": str(workdir / "handover_spool.db"),
        "TICKETS_SENDER_KEY_SECRET": "browser-live-secret",
        "LIVE_CHAT_KEY": "browser-live-chat-key",
        "CONSOLE_INSECURE_DEV": "1",  # plain http on loopback
    })
    for name in ("TELEGRAM_BOT_TOKEN", "WHATSAPP_VERIFY_TOKEN", "TELEGRAM_WEBHOOK_SECRET"):
        env.pop(name, None)
    log = (workdir / "run.log").open("ab")
    proc = subprocess.Popen([sys.executable, "-m", "bot.launch.run"], cwd=ROOT, env=env,
                            stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + 300
        while b"Koffiepraat is ready" not in (workdir / "run.log").read_bytes():
            assert proc.poll() is None and time.monotonic() < deadline, \
                (workdir / "run.log").read_text(errors="replace")[-3000:]
            time.sleep(1)
        while not console_up(f"http://127.0.0.1:{env['CONSOLE_PORT']}/healthz"):
            assert proc.poll() is None and time.monotonic() < deadline
            time.sleep(1)
        yield env
    finally:
        os.killpg(proc.pid, signal.SIGINT)
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=60)
        log.close()


def last_bot_text(page: Page) -> str:
    bubbles = page.locator(BOT_BUBBLES)
    return bubbles.nth(bubbles.count() - 1).inner_text() if bubbles.count() else ""


def say_and_wait(page: Page, text: str) -> None:
    before = page.locator(BOT_BUBBLES).count()
    send_message(page, text)
    expect(page.locator(BOT_BUBBLES)).not_to_have_count(before, timeout=60_000)
    page.wait_for_timeout(500)  # let the rest of this answer arrive


def click_reply(page: Page, title: str) -> None:
    before = page.locator(BOT_BUBBLES).count()
    page.locator(REPLY_BUTTONS).filter(has_text=title).last.click()
    expect(page.locator(BOT_BUBBLES)).not_to_have_count(before, timeout=60_000)
    page.wait_for_timeout(500)


def ask_for_a_consultant_in_the_chat(member: Page) -> str:
    say_and_wait(member, "mijn tijdelijk contract stopt over 2 maanden")
    say_and_wait(member, "ik werk in de schoonmaak")
    say_and_wait(member, "ja graag")
    click_reply(member, "Ja, deel dit")
    say_and_wait(member, "ik ben sam")
    click_reply(member, "Hier in de chat")
    for _ in range(6):
        found = re.search(r"KP-[0-9A-Z]{6}", "\n".join(member.locator(BOT_BUBBLES)
                                                          .all_inner_texts()))
        if found:
            return found.group(0)
        if member.locator(REPLY_BUTTONS).filter(has_text="Ja, verstuur").count() and \
                member.locator(REPLY_BUTTONS).filter(has_text="Ja, verstuur").last.is_enabled():
            click_reply(member, "Ja, verstuur")
        else:
            say_and_wait(member, "Tilburg")
    raise AssertionError(last_bot_text(member))


def test_member_and_consultant_talk_live_then_the_bot_is_back(real_stack, browser: Browser):
    console = f"http://127.0.0.1:{real_stack['CONSOLE_PORT']}"
    rasa = f"http://127.0.0.1:{real_stack['RASA_PORT']}"
    member_context = browser.new_context(viewport=DESKTOP, locale="nl-NL")
    consultant_context = browser.new_context(viewport=DESKTOP, locale="nl-NL")
    member = member_context.new_page()
    consultant = consultant_context.new_page()
    errors: list[str] = []
    for page in (member, consultant):
        page.on("pageerror", lambda error: errors.append(str(error)))

    member.goto(f"{console}/widget/?server={rasa}")
    member.locator(LAUNCHER).click()
    expect(member.locator(BOT_BUBBLES).first).to_be_visible(timeout=60_000)
    reference = ask_for_a_consultant_in_the_chat(member)

    store = TicketStore.from_url(real_stack["TICKETS_DB_URL"])
    [ticket] = [t for t in store.list_tickets() if t.reference == reference]
    store.close()
    # A consultant of the ticket's team, made with the users CLI.
    subprocess.run([sys.executable, "-m", "bot.console.users", "add", "anna", "--team",
                    ticket.team, "--password-stdin"], input=f"{PASSWORD}\n".encode(),
                   env=real_stack, cwd=ROOT, check=True, capture_output=True)

    consultant.goto(f"{console}/")
    consultant.get_by_label("Naam").fill("anna")
    consultant.get_by_label("Wachtwoord").fill(PASSWORD)
    consultant.get_by_role("button", name="Inloggen").click()
    expect(consultant.get_by_role("heading", name="Aanvragen")).to_be_visible()
    consultant.goto(f"{console}/tickets/{ticket.id}")
    consultant.get_by_role("button", name="Oppakken").click()
    expect(consultant.get_by_role("button", name="Contact gehad")).to_be_visible()
    consultant.goto(f"{console}/tickets/{ticket.id}/gesprek")
    consultant.get_by_role("button", name="Gesprek overnemen").click()
    expect(consultant.locator("#live-state")).to_have_text("Jij bent in gesprek")

    # The member sees that a person is talking now, without typing anything.
    banner = member.locator(".kp-live")
    expect(banner).to_contain_text("Je praat nu met Anna", timeout=30_000)

    consultant.get_by_label("Je antwoord").fill("Hoi Sam, ik ben Anna. Vertel over je contract?")
    consultant.get_by_role("button", name="Versturen").click()
    reply = member.locator(BOT_BUBBLES).filter(has_text="Hoi Sam, ik ben Anna")
    expect(reply).to_have_text(re.compile(r"Anna \(consulent\): Hoi Sam"), timeout=30_000)
    expect(consultant.locator("#live-messages")).to_contain_text("Hoi Sam, ik ben Anna")
    member.screenshot(path=str(DOCS / "live-chat-member.png"))
    consultant.screenshot(path=str(DOCS / "live-chat-consultant.png"), full_page=True)

    # The member answers; the consultant's view shows it without a reload; the bot is quiet.
    bot_bubbles = member.locator(BOT_BUBBLES).count()
    consultant.evaluate("window.__same_page = true")
    send_message(member, "Het stopt over twee maanden en ik weet niet wat ik moet doen.")
    expect(consultant.locator("#live-messages .live-member")).to_contain_text(
        "ik weet niet wat ik moet doen", timeout=30_000)
    assert consultant.evaluate("window.__same_page === true")  # no reload
    member.wait_for_timeout(2000)
    assert member.locator(BOT_BUBBLES).count() == bot_bubbles  # no bot answer

    consultant.get_by_role("button", name="Teruggeven aan de chatbot").click()
    expect(member.locator(BOT_BUBBLES).filter(has_text="heeft het gesprek afgesloten")) \
        .to_be_visible(timeout=30_000)
    expect(banner).to_be_hidden()
    before = member.locator(BOT_BUBBLES).count()
    send_message(member, "hallo")
    expect(member.locator(BOT_BUBBLES)).not_to_have_count(before, timeout=60_000)
    assert "(consulent)" not in last_bot_text(member)
    expect(member.locator(INPUT)).to_be_enabled()
    assert errors == []
    member_context.close()
    consultant_context.close()
