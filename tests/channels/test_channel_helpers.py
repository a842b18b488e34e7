"""Unit tests for the channel helpers: text limits, bounded memories, retries, window."""

from __future__ import annotations

import re

import pytest
from channel_fakes import FakeClock, fast_retry
from hypothesis import given
from hypothesis import strategies as st

from bot.channels.payload_keys import PayloadKeys
from bot.channels.reply_text import ELLIPSIS, shorten, split_tail, split_text, unique_titles
from bot.channels.retry import call_with_retries
from bot.channels.ttl_cache import BoundedTTLCache
from bot.channels.whatsapp_messages import list_message, numbered_text
from bot.channels.whatsapp_state import NumberedChoices, ServiceWindow

# --------------------------------------------------------------------------- text


def words(text: str) -> list[str]:
    return text.split()


@given(text=st.text(alphabet=st.characters(codec="utf-8"), max_size=600), limit=st.integers(5, 120))
def test_split_text_respects_the_limit_and_loses_no_words(text, limit):
    chunks = split_text(text, limit)
    assert all(0 < len(chunk) <= limit for chunk in chunks)
    if all(len(w) <= limit for w in words(text)):
        assert words(" ".join(chunks)) == words(text)
    else:  # an over-long word is cut, but no character goes missing
        assert "".join(words(" ".join(chunks))) == "".join(words(text))


def test_split_text_prefers_sentence_ends():
    text = "Eerste zin is kort. Tweede zin is ook kort! Derde zin? Ja."
    assert split_text(text, 40) == ["Eerste zin is kort.", "Tweede zin is ook kort! Derde zin? Ja."]


def test_split_text_keeps_short_text_whole_and_drops_empty():
    assert split_text("  Hallo daar.  ", 4096) == ["Hallo daar."]
    assert split_text("   ", 10) == []


def test_split_tail_gives_a_sentence_aligned_tail():
    head, tail = split_tail("Een. Twee drie. Vier vijf zes zeven.", 22)
    assert tail == "Vier vijf zes zeven."
    assert head == "Een. Twee drie."


@given(title=st.text(max_size=80), limit=st.integers(5, 30))
def test_shorten_never_exceeds_the_limit(title, limit):
    short = shorten(title, limit)
    assert len(short) <= limit
    if len(" ".join(title.split())) <= limit:
        assert short == " ".join(title.split())
    else:
        assert short.endswith(ELLIPSIS)


def test_shorten_cuts_on_a_word_boundary():
    assert shorten("Ik wil graag met iemand praten", 20) == "Ik wil graag met…"


@given(titles=st.lists(st.text(max_size=40), min_size=1, max_size=10), limit=st.integers(12, 24))
def test_unique_titles_are_short_and_unique(titles, limit):
    result = unique_titles(titles, limit)
    assert len(result) == len(titles)
    assert all(0 < len(t) <= limit for t in result)
    assert len({t.casefold() for t in result}) == len(result)


def test_identical_titles_are_numbered():
    assert unique_titles(["Ja", "Ja", "ja"], 20) == ["Ja", "Ja (2)", "ja (3)"]


def test_list_rows_with_cut_titles_carry_the_full_title_as_description():
    message = list_message(
        "316", "Kies", ["Werkdruk en gezondheid op het werk", "Kort"], ["/workload_health", "/x"]
    )
    rows = message["interactive"]["action"]["sections"][0]["rows"]
    assert rows[0]["title"] == "Werkdruk en gezondheid…"
    assert rows[0]["description"] == "Werkdruk en gezondheid op het werk"
    assert "description" not in rows[1]


def test_numbered_text_lists_every_option():
    text = numbered_text("Welke?", ["Zorg", "Bouw"])
    assert re.search(r"1\. Zorg\n2\. Bouw", text)
    assert text.startswith("Welke?") and text.endswith("Typ het nummer van je keuze.")


# --------------------------------------------------------------------------- memories


def test_bounded_cache_drops_the_oldest_and_expires():
    clock = FakeClock()
    cache: BoundedTTLCache[str, int] = BoundedTTLCache(2, ttl_seconds=10, clock=clock)
    cache.set("a", 1)
    cache.set("b", 2)
    cache.set("c", 3)
    assert cache.get("a") is None and len(cache) == 2
    clock.advance(10)
    assert cache.get("b") is None
    assert cache.add_if_new("b", 5) is True
    assert cache.add_if_new("b", 6) is False
    assert cache.pop("b") == 5 and cache.pop("b") is None
    clock.advance(9.9)
    cache.set("d", 4)
    clock.advance(9.9)
    assert cache.get("d") == 4  # expiry counts from the write


def test_bounded_cache_without_expiry_only_pushes_out():
    clock = FakeClock()
    cache: BoundedTTLCache[str, bool] = BoundedTTLCache(2, ttl_seconds=None, clock=clock)
    assert cache.add_if_new("a", True) and cache.add_if_new("b", True)
    clock.advance(10 * 365 * 24 * 3600)
    assert cache.get("a") is True  # still there (and now the most recently used)
    cache.set("c", True)
    assert cache.get("b") is None and len(cache) == 2
    with pytest.raises(ValueError):
        BoundedTTLCache(0, ttl_seconds=None)


async def test_payload_keys_are_short_stable_and_bounded():
    keys = PayloadKeys(max_items=2)
    long_payload = "/inform" + "x" * 200
    key = await keys.key_for(long_payload)
    assert key == await keys.key_for(long_payload)
    assert len(key.encode()) <= 64 and PayloadKeys.is_key(key)
    assert await keys.payload_for(key) == long_payload
    await keys.key_for("/a" * 40)
    await keys.key_for("/b" * 40)
    assert await keys.payload_for(key) is None


async def test_service_window_closes_after_24_hours_and_uses_the_earlier_timestamp():
    clock = FakeClock()
    window = ServiceWindow(clock)
    assert not await window.is_open("p")
    await window.record_inbound("p", sent_at=clock.now - 3600)  # Meta delivered it an hour late
    clock.advance(22 * 3600)
    assert await window.is_open("p")
    clock.advance(2 * 3600)
    assert not await window.is_open("p")


async def test_numbered_choices_resolve_once_and_keep_on_out_of_range():
    choices = NumberedChoices(FakeClock())
    await choices.offer("p", ["/a", "/b", "/c"])
    assert await choices.resolve("p", "9") is None  # out of range: list kept
    assert await choices.resolve("p", " 2. ") == "/b"
    assert await choices.resolve("p", "2") is None  # used up
    await choices.offer("p", ["/a"])
    assert await choices.resolve("p", "iets anders") is None
    assert await choices.resolve("p", "1") is None  # moving on clears the list


# --------------------------------------------------------------------------- retries


class Flaky(Exception):
    pass


async def test_retries_back_off_exponentially_then_give_up():
    policy, sleep = fast_retry()
    attempts = []

    async def always_fails():
        attempts.append(1)
        raise Flaky

    with pytest.raises(Flaky):
        await call_with_retries(always_fails, lambda exc: 0.0, policy)
    assert len(attempts) == 3
    assert sleep.delays == [0.5, 1.0]


async def test_retry_honours_a_requested_wait_and_skips_unretryable_errors():
    policy, sleep = fast_retry()
    outcomes = [Flaky(), "ok"]

    async def once_rate_limited():
        outcome = outcomes.pop(0)
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    assert await call_with_retries(once_rate_limited, lambda exc: 3.0, policy) == "ok"
    assert sleep.delays == [3.0]

    async def broken():
        raise ValueError

    with pytest.raises(ValueError):
        await call_with_retries(broken, lambda exc: None, policy)
    assert sleep.delays == [3.0]
