"""Issue 13 (low): on a shared computer the next person does not continue someone
else's conversation: the widget's session id expires after a while without activity
(data-session-idle-minutes, default 30); "Nieuw gesprek" ends it at once
(test_widget_chat.py::test_new_conversation_forgets_history_and_session)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect
from widget_fakes import FakeRasa, StaticSite
from widget_pages import (
    BOT_BUBBLES,
    bot_bubble,
    open_chat_and_wait_for_greeting,
    open_site,
    send_message,
    user_bubble,
)

pytestmark = pytest.mark.browser
SEEN_KEY = "koffiepraat-widget:session-seen"


def set_seen_minutes_ago(page: Page, minutes: int) -> None:
    page.evaluate("([key, ms]) => window.localStorage.setItem(key, String(Date.now() - ms))",
                  [SEEN_KEY, minutes * 60000])


def test_an_idle_session_expires_and_the_next_visitor_starts_fresh(
    page: Page, static_site: StaticSite, fake_rasa: FakeRasa
):
    open_site(page, static_site, fake_rasa)
    open_chat_and_wait_for_greeting(page)
    send_message(page, "Mijn BSN en mijn ziekte")
    expect(bot_bubble(page, "Je zei: Mijn BSN en mijn ziekte")).to_be_visible()
    seen = page.evaluate(f"() => Number(window.localStorage.getItem('{SEEN_KEY}'))")
    assert seen > 0
    # 31 minutes without activity (the default limit is 30).
    set_seen_minutes_ago(page, 31)

    page.reload()  # the panel comes back open (it was open in this tab)

    expect(user_bubble(page, "Mijn BSN en mijn ziekte")).to_have_count(0)
    expect(page.locator(BOT_BUBBLES)).to_have_count(2)  # a fresh greeting only
    assert len(fake_rasa.session_ids()) == 2
    assert fake_rasa.session_requests[-1] is None  # the old id is not even offered


def test_a_recent_session_survives_a_reload(
    page: Page, static_site: StaticSite, fake_rasa: FakeRasa
):
    open_site(page, static_site, fake_rasa)
    open_chat_and_wait_for_greeting(page)
    set_seen_minutes_ago(page, 29)
    page.reload()
    send_message(page, "Nog steeds ik")
    expect(bot_bubble(page, "Je zei: Nog steeds ik")).to_be_visible()
    assert len(fake_rasa.session_ids()) == 1
