"""Small helpers to drive the widget on a page (locators pierce its open shadow root)."""

from __future__ import annotations

from urllib.parse import urlencode

from playwright.sync_api import Locator, Page, expect
from widget_fakes import GREETING, OPENING_QUESTION, FakeRasa, StaticSite

LAUNCHER = ".kp-launcher"
PANEL = ".kp-panel"
INPUT = ".kp-input"
STATUS = ".kp-status"
BOT_BUBBLES = ".kp-msg--bot .kp-bubble"
USER_BUBBLES = ".kp-msg--user .kp-bubble"
REPLY_BUTTONS = ".kp-reply"


def open_site(page: Page, site: StaticSite, rasa: FakeRasa, **params: str) -> None:
    query = urlencode({"server": rasa.url, **params})
    page.goto(f"{site.url}/site.html?{query}")


def open_chat_and_wait_for_greeting(page: Page) -> None:
    page.locator(LAUNCHER).click()
    expect(page.locator(PANEL)).to_be_visible()
    expect(page.locator(BOT_BUBBLES).nth(0)).to_contain_text(GREETING)
    expect(page.locator(BOT_BUBBLES).nth(1)).to_contain_text(OPENING_QUESTION)


def bot_bubble(page: Page, text: str) -> Locator:
    return page.locator(BOT_BUBBLES).filter(has_text=text)


def user_bubble(page: Page, text: str) -> Locator:
    return page.locator(USER_BUBBLES).filter(has_text=text)


def send_message(page: Page, text: str) -> None:
    page.locator(INPUT).fill(text)
    page.locator(INPUT).press("Enter")


def focused_element(page: Page) -> dict[str, str]:
    """Class and tag of the element with focus, looking inside the widget's shadow root."""
    return page.evaluate(
        """() => {
            let active = document.activeElement;
            while (active && active.shadowRoot && active.shadowRoot.activeElement) {
                active = active.shadowRoot.activeElement;
            }
            return {tag: active ? active.tagName.toLowerCase() : "",
                    cls: active && typeof active.className === "string" ? active.className : "",
                    id: active ? active.id : ""};
        }"""
    )
