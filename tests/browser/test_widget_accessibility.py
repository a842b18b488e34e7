"""axe-core checks, contrast of brand colours, reflow at 320px / 200% zoom, screenshots."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect
from widget_fakes import HELD_MESSAGE, FakeRasa, StaticSite
from widget_pages import (
    BOT_BUBBLES,
    INPUT,
    LAUNCHER,
    PANEL,
    bot_bubble,
    open_chat_and_wait_for_greeting,
    open_site,
    send_message,
)

pytestmark = pytest.mark.browser

SCREENSHOT_DIR = Path("/tmp")
WCAG_AA_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


def serious_violations(page: Page) -> list[dict[str, Any]]:
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_AA_TAGS}}).response
    return [
        {
            "id": violation["id"],
            "impact": violation["impact"],
            "targets": [node["target"] for node in violation["nodes"]],
        }
        for violation in results["violations"]
        if violation["impact"] in ("serious", "critical")
    ]


def fill_conversation(page: Page) -> None:
    open_chat_and_wait_for_greeting(page)
    send_message(page, "link")
    expect(bot_bubble(page, "Lees meer op")).to_be_visible()
    send_message(page, "Hoe kan ik mijn werk leuker maken?")
    expect(bot_bubble(page, "Je zei: Hoe kan ik mijn werk leuker maken?")).to_be_visible()


def test_axe_closed_and_open_desktop(page: Page, static_site: StaticSite, fake_rasa: FakeRasa):
    open_site(page, static_site, fake_rasa)
    expect(page.locator(LAUNCHER)).to_be_visible()
    assert serious_violations(page) == []

    fill_conversation(page)
    page.locator(INPUT).focus()
    assert serious_violations(page) == []


@pytest.mark.parametrize("color", ["#ffd400", "#2a7ab0", "#000000"])
def test_axe_with_other_brand_colours(
    page: Page, static_site: StaticSite, fake_rasa: FakeRasa, color: str
):
    open_site(page, static_site, fake_rasa, color=color)
    open_chat_and_wait_for_greeting(page)
    page.locator(".kp-reply").first.click()  # shows the chosen-answer style too
    expect(bot_bubble(page, "Je koos /enjoy_work.")).to_be_visible()
    send_message(page, "link")
    expect(bot_bubble(page, "Lees meer op")).to_be_visible()
    assert serious_violations(page) == []
    # Text on the brand colour always reaches 4.5:1.
    ratio = page.evaluate(
        """() => {
            const root = document.querySelector('#koffiepraat-widget');
            const style = root.style;
            return window.KoffiepraatWidget.contrastRatio(
                style.getPropertyValue('--kp-primary'), style.getPropertyValue('--kp-on-primary'));
        }"""
    )
    assert ratio >= 4.5


def test_axe_offline_status_and_mobile(page: Page, static_site: StaticSite, fake_rasa: FakeRasa):
    page.set_viewport_size({"width": 375, "height": 667})
    open_site(page, static_site, fake_rasa)
    fill_conversation(page)
    fake_rasa.stop()
    expect(page.locator(".kp-status")).to_contain_text("Geen verbinding", timeout=15000)
    assert serious_violations(page) == []
    page.screenshot(path=str(SCREENSHOT_DIR / "koffiepraat-widget-offline.png"))
    fake_rasa.start()


def test_demo_page_embeds_widget_and_passes_axe(
    page: Page, static_site: StaticSite, fake_rasa: FakeRasa
):
    page.goto(f"{static_site.url}/widget/?server={fake_rasa.url}")
    expect(page.locator("h1")).to_have_text("De Koffiepraat-chat op je eigen website")
    expect(page.locator("#embed-code")).to_contain_text(f'data-server-url="{fake_rasa.url}"')
    expect(page.locator("#embed-code")).to_contain_text(
        f'src="{static_site.url}/widget/koffiepraat-widget.js"'
    )
    page.locator("#open-chat").click()
    expect(page.locator(BOT_BUBBLES).first).to_be_visible()
    assert serious_violations(page) == []
    page.screenshot(path=str(SCREENSHOT_DIR / "koffiepraat-widget-demo.png"), full_page=True)


def test_demo_page_defaults_to_port_5005_on_same_host(page: Page, static_site: StaticSite):
    page.goto(f"{static_site.url}/widget/")
    expect(page.locator("#server-url")).to_have_text("http://127.0.0.1:5005")
    page.goto(f"{static_site.url}/widget/?server=javascript:alert(1)")
    expect(page.locator("#server-url")).to_have_text("http://127.0.0.1:5005")


@pytest.mark.parametrize(
    ("width", "height", "scale"),
    [(320, 568, 1), (640, 400, 2)],  # 320 CSS px wide; 1280x800 at 200% zoom
    ids=["320px", "zoom200"],
)
def test_reflow_without_horizontal_scrolling(
    page: Page, static_site: StaticSite, fake_rasa: FakeRasa, width: int, height: int, scale: int
):
    page.set_viewport_size({"width": width, "height": height})
    open_site(page, static_site, fake_rasa)
    fill_conversation(page)
    send_message(page, "https://example.org/" + "heel-lang-pad-zonder-spaties-" * 8)
    expect(page.locator(BOT_BUBBLES).last).to_contain_text("heel-lang-pad")

    panel = page.locator(PANEL).bounding_box()
    assert panel is not None
    assert panel["x"] >= 0 and panel["x"] + panel["width"] <= width
    for selector in (INPUT, ".kp-send", ".kp-close"):
        box = page.locator(selector).bounding_box()
        assert box is not None
        assert box["x"] >= 0 and box["x"] + box["width"] <= width, selector
        assert box["y"] >= 0 and box["y"] + box["height"] <= height, selector
    log_overflow = page.locator(".kp-log").evaluate("log => log.scrollWidth - log.clientWidth")
    assert log_overflow <= 0
    if scale == 2:
        page.screenshot(path=str(SCREENSHOT_DIR / "koffiepraat-widget-zoom200.png"))


def test_reduced_motion_stops_typing_animation(
    page: Page, static_site: StaticSite, fake_rasa: FakeRasa
):
    page.emulate_media(reduced_motion="reduce")
    open_site(page, static_site, fake_rasa)
    open_chat_and_wait_for_greeting(page)
    animation = page.locator(".kp-dot").first.evaluate("dot => getComputedStyle(dot).animationName")
    assert animation == "none"
    page.emulate_media(reduced_motion="no-preference")
    animation = page.locator(".kp-dot").first.evaluate("dot => getComputedStyle(dot).animationName")
    assert animation == "kp-bounce"


def test_typing_indicator_while_waiting_for_an_answer(
    page: Page, static_site: StaticSite, fake_rasa: FakeRasa
):
    open_site(page, static_site, fake_rasa)
    open_chat_and_wait_for_greeting(page)
    typing = page.locator(".kp-typing")
    expect(typing).to_be_hidden()

    send_message(page, HELD_MESSAGE)

    expect(typing).to_be_visible()
    expect(typing).to_have_attribute("role", "status")
    expect(typing.locator(".kp-sr")).to_have_text("Koffiepraat is aan het typen…")
    fake_rasa.release_held_reply()
    expect(bot_bubble(page, f"Je zei: {HELD_MESSAGE}")).to_be_visible()
    expect(typing).to_be_hidden()


def test_screenshots_mobile_and_desktop(page: Page, static_site: StaticSite, fake_rasa: FakeRasa):
    open_site(page, static_site, fake_rasa)
    fill_conversation(page)
    page.screenshot(path=str(SCREENSHOT_DIR / "koffiepraat-widget-desktop.png"))
    page.locator(".kp-close").click()
    page.screenshot(path=str(SCREENSHOT_DIR / "koffiepraat-widget-desktop-closed.png"))

    page.set_viewport_size({"width": 375, "height": 667})
    page.locator(LAUNCHER).click()
    expect(page.locator(PANEL)).to_be_visible()
    page.screenshot(path=str(SCREENSHOT_DIR / "koffiepraat-widget-mobile.png"))
    page.locator(".kp-close").click()
    page.screenshot(path=str(SCREENSHOT_DIR / "koffiepraat-widget-mobile-closed.png"))
    for name in ("desktop", "desktop-closed", "mobile", "mobile-closed"):
        assert (SCREENSHOT_DIR / f"koffiepraat-widget-{name}.png").stat().st_size > 0
