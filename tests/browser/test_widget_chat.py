"""The widget chats with a Rasa-like socket.io server: send, receive, quick replies,
history after reload, reconnection, and safe rendering of text and links."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect
from widget_fakes import FakeRasa, StaticSite
from widget_pages import (
    BOT_BUBBLES,
    INPUT,
    LAUNCHER,
    PANEL,
    REPLY_BUTTONS,
    STATUS,
    USER_BUBBLES,
    bot_bubble,
    open_chat_and_wait_for_greeting,
    open_site,
    send_message,
    user_bubble,
)

pytestmark = pytest.mark.browser


def test_opens_greets_once_and_answers(page: Page, static_site: StaticSite, fake_rasa: FakeRasa):
    open_site(page, static_site, fake_rasa)
    expect(page.locator(PANEL)).to_be_hidden()
    expect(page.locator(LAUNCHER)).to_have_attribute("aria-expanded", "false")

    open_chat_and_wait_for_greeting(page)
    expect(page.locator(LAUNCHER)).to_have_attribute("aria-expanded", "true")

    send_message(page, "Ik wil iets anders gaan doen")

    expect(user_bubble(page, "Ik wil iets anders gaan doen")).to_be_visible()
    expect(bot_bubble(page, "Je zei: Ik wil iets anders gaan doen")).to_be_visible()
    expect(page.locator(INPUT)).to_have_value("")
    assert fake_rasa.messages() == ["/greet", "Ik wil iets anders gaan doen"]
    # The greeting payload is sent, but never shown as if the person typed it.
    expect(page.locator(USER_BUBBLES)).to_have_count(1)
    assert len(fake_rasa.session_ids()) == 1


def test_quick_reply_is_sent_shown_and_disabled(
    page: Page, static_site: StaticSite, fake_rasa: FakeRasa
):
    open_site(page, static_site, fake_rasa)
    open_chat_and_wait_for_greeting(page)
    buttons = page.locator(REPLY_BUTTONS)
    expect(buttons).to_have_count(2)

    buttons.filter(has_text="Goed").click()

    expect(user_bubble(page, "Goed")).to_be_visible()
    expect(bot_bubble(page, "Je koos /enjoy_work.")).to_be_visible()
    assert fake_rasa.messages()[-1] == "/enjoy_work"
    for index in range(2):
        expect(buttons.nth(index)).to_be_disabled()
    expect(buttons.filter(has_text="Goed")).to_have_class("kp-reply kp-chosen")
    # The tapped button is disabled now; focus moved on to the message box.
    expect(page.locator(INPUT)).to_be_focused()


def test_typing_closes_open_quick_replies(page: Page, static_site: StaticSite, fake_rasa: FakeRasa):
    open_site(page, static_site, fake_rasa)
    open_chat_and_wait_for_greeting(page)

    send_message(page, "Eigenlijk iets anders")

    expect(bot_bubble(page, "Je zei: Eigenlijk iets anders")).to_be_visible()
    expect(page.locator(f"{REPLY_BUTTONS}:enabled")).to_have_count(0)


def test_reload_shows_history_and_keeps_the_session(
    page: Page, static_site: StaticSite, fake_rasa: FakeRasa
):
    open_site(page, static_site, fake_rasa)
    open_chat_and_wait_for_greeting(page)
    page.locator(REPLY_BUTTONS).filter(has_text="Het kan beter").click()
    expect(bot_bubble(page, "Je koos /so_so.")).to_be_visible()
    send_message(page, "Ik zoek een nieuwe baan")
    expect(bot_bubble(page, "Je zei: Ik zoek een nieuwe baan")).to_be_visible()

    page.reload()

    # The panel was open, so it comes back open with the whole conversation.
    expect(page.locator(PANEL)).to_be_visible()
    expect(page.locator(BOT_BUBBLES)).to_have_count(4)
    expect(user_bubble(page, "Het kan beter")).to_be_visible()
    expect(user_bubble(page, "Ik zoek een nieuwe baan")).to_be_visible()
    expect(page.locator(REPLY_BUTTONS).filter(has_text="Het kan beter")).to_have_class(
        "kp-reply kp-chosen"
    )
    expect(page.locator(f"{REPLY_BUTTONS}:enabled")).to_have_count(0)

    send_message(page, "Na het herladen")
    expect(bot_bubble(page, "Je zei: Na het herladen")).to_be_visible()
    assert fake_rasa.messages().count("/greet") == 1
    assert len(fake_rasa.session_ids()) == 1
    assert fake_rasa.session_requests[-1] in fake_rasa.session_ids()


def test_new_conversation_forgets_history_and_session(
    page: Page, static_site: StaticSite, fake_rasa: FakeRasa
):
    open_site(page, static_site, fake_rasa)
    open_chat_and_wait_for_greeting(page)
    send_message(page, "Iets persoonlijks")
    expect(bot_bubble(page, "Je zei: Iets persoonlijks")).to_be_visible()
    page.once("dialog", lambda dialog: dialog.accept())

    page.locator(".kp-restart").click()

    expect(user_bubble(page, "Iets persoonlijks")).to_have_count(0)
    expect(page.locator(BOT_BUBBLES)).to_have_count(2)  # a fresh greeting
    assert len(fake_rasa.session_ids()) == 2
    stored = page.evaluate("() => window.sessionStorage.getItem('koffiepraat-widget:transcript')")
    assert "Iets persoonlijks" not in stored


def test_connection_loss_is_announced_and_recovers(
    page: Page, static_site: StaticSite, fake_rasa: FakeRasa
):
    open_site(page, static_site, fake_rasa)
    open_chat_and_wait_for_greeting(page)
    status = page.locator(STATUS)
    expect(status).to_have_attribute("role", "status")

    fake_rasa.stop()
    expect(status).to_have_text("Geen verbinding. We proberen het opnieuw…", timeout=15000)

    send_message(page, "Ben je er nog?")
    expect(status).to_have_text(
        "Geen verbinding. Je bericht gaat weg zodra de verbinding terug is."
    )
    expect(user_bubble(page, "Ben je er nog?")).to_be_visible()

    fake_rasa.start()  # same port, fresh server: rooms are gone as after a Rasa restart

    expect(status).to_have_text("De verbinding is terug.", timeout=15000)
    # The queued message went out in the same session, and the answer reached us.
    expect(bot_bubble(page, "Je zei: Ben je er nog?")).to_be_visible()
    assert len(fake_rasa.session_ids()) == 1


def test_html_in_user_and_bot_text_is_shown_as_text(
    page: Page, static_site: StaticSite, fake_rasa: FakeRasa
):
    hostile = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">'
    open_site(page, static_site, fake_rasa)
    open_chat_and_wait_for_greeting(page)

    send_message(page, hostile)

    expect(user_bubble(page, "<script>")).to_have_text("Jij: " + hostile)
    expect(bot_bubble(page, "Je zei: <script>")).to_have_text("Koffiepraat: Je zei: " + hostile)
    assert page.locator(".kp-log script, .kp-log img").count() == 0
    assert page.evaluate("() => window.__pwned") is None


def test_only_http_links_become_safe_links(
    page: Page, static_site: StaticSite, fake_rasa: FakeRasa
):
    open_site(page, static_site, fake_rasa)
    open_chat_and_wait_for_greeting(page)

    send_message(page, "link")

    bubble = bot_bubble(page, "Lees meer op")
    expect(bubble).to_be_visible()
    links = bubble.locator("a")
    expect(links).to_have_count(2)
    assert links.evaluate_all("links => links.map(a => a.getAttribute('href'))") == [
        "https://www.example.org/info",
        "https://example.org/a",
    ]
    for index in range(2):
        expect(links.nth(index)).to_have_attribute("target", "_blank")
        expect(links.nth(index)).to_have_attribute("rel", "noopener noreferrer")
    expect(links.nth(1)).to_contain_text("deze pagina")
    # The full stop after the bare URL stays text; javascript: stays plain text.
    assert links.nth(0).evaluate("a => a.nextSibling.textContent") == "."
    expect(bubble).to_contain_text("[nep](javascript:alert(2))")


def test_start_open_and_site_io_global_untouched(
    page: Page, static_site: StaticSite, fake_rasa: FakeRasa
):
    open_site(page, static_site, fake_rasa, start_open="true")

    expect(page.locator(PANEL)).to_be_visible()
    expect(page.locator(BOT_BUBBLES).first).to_be_visible()
    # Opening on load must not steal focus from the page.
    assert page.evaluate("() => document.activeElement === document.body")
    # The vendored socket.io client does not leak a global `io` into the host site.
    assert page.evaluate("() => typeof window.io") == "undefined"
