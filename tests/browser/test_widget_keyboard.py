"""Keyboard-only use: reach the launcher with Tab, chat with Enter, close with Escape."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect
from widget_fakes import FakeRasa, StaticSite
from widget_pages import (
    BOT_BUBBLES,
    INPUT,
    LAUNCHER,
    PANEL,
    bot_bubble,
    focused_element,
    open_site,
    user_bubble,
)

pytestmark = pytest.mark.browser


def tab_until(page: Page, css_class: str, limit: int = 10) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if css_class in focused_element(page)["cls"]:
            return
    raise AssertionError(f"Tab never reached .{css_class}; focus is on {focused_element(page)}")


def test_keyboard_only_chat(page: Page, static_site: StaticSite, fake_rasa: FakeRasa):
    open_site(page, static_site, fake_rasa)

    # The page's own link comes first; the launcher follows in Tab order.
    page.keyboard.press("Tab")
    assert focused_element(page)["id"] == "first-link"
    tab_until(page, "kp-launcher")
    page.keyboard.press("Enter")

    expect(page.locator(PANEL)).to_be_visible()
    expect(page.locator(LAUNCHER)).to_have_attribute("aria-expanded", "true")
    expect(page.locator(INPUT)).to_be_focused()
    expect(page.locator(BOT_BUBBLES)).to_have_count(2)

    page.keyboard.type("Ik heb een vraag over mijn contract")
    page.keyboard.press("Enter")
    expect(bot_bubble(page, "Je zei: Ik heb een vraag over mijn contract")).to_be_visible()

    # Shift+Enter makes a new line instead of sending.
    page.keyboard.type("regel een")
    page.keyboard.press("Shift+Enter")
    page.keyboard.type("regel twee")
    expect(page.locator(INPUT)).to_have_value("regel een\nregel twee")
    page.keyboard.press("Enter")
    expect(bot_bubble(page, "Je zei: regel een\nregel twee")).to_be_visible()

    # Tab moves from the message box to the send button and on out of the widget
    # (the desktop panel is not modal); Shift+Tab goes back.
    page.keyboard.press("Tab")
    assert "kp-send" in focused_element(page)["cls"]
    page.keyboard.press("Shift+Tab")
    expect(page.locator(INPUT)).to_be_focused()

    page.keyboard.press("Escape")
    expect(page.locator(PANEL)).to_be_hidden()
    expect(page.locator(LAUNCHER)).to_have_attribute("aria-expanded", "false")
    expect(page.locator(LAUNCHER)).to_be_focused()


def test_quick_reply_by_keyboard(page: Page, static_site: StaticSite, fake_rasa: FakeRasa):
    open_site(page, static_site, fake_rasa)
    page.locator(LAUNCHER).focus()
    page.keyboard.press("Enter")
    expect(page.locator(BOT_BUBBLES)).to_have_count(2)

    # From the message box, Shift+Tab reaches the last answer option.
    page.keyboard.press("Shift+Tab")
    focused = focused_element(page)
    assert "kp-reply" in focused["cls"]
    page.keyboard.press("Enter")

    expect(user_bubble(page, "Het kan beter")).to_be_visible()
    expect(bot_bubble(page, "Je koos /so_so.")).to_be_visible()
    expect(page.locator(INPUT)).to_be_focused()


def test_close_button_and_full_screen_focus_trap(
    page: Page, static_site: StaticSite, fake_rasa: FakeRasa
):
    page.set_viewport_size({"width": 375, "height": 667})
    open_site(page, static_site, fake_rasa)
    page.locator(LAUNCHER).focus()
    page.keyboard.press("Enter")
    expect(page.locator(BOT_BUBBLES)).to_have_count(2)
    expect(page.locator(PANEL)).to_have_attribute("aria-modal", "true")

    # Full screen: Tab from the last control wraps to the first, never to the page behind.
    page.locator(".kp-send").focus()
    page.keyboard.press("Tab")
    assert "kp-restart" in focused_element(page)["cls"]
    page.keyboard.press("Shift+Tab")
    assert "kp-send" in focused_element(page)["cls"]

    page.locator(".kp-close").focus()
    page.keyboard.press("Enter")
    expect(page.locator(PANEL)).to_be_hidden()
    expect(page.locator(LAUNCHER)).to_be_focused()
