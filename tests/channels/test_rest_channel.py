"""Units of the hardened REST channel: the token bucket and the body parser."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.channels.rest import (
    BadRequest,
    HardenedRestInput,
    TokenBucketLimiter,
    clean_text,
    parse_body,
)


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_bucket_allows_a_burst_then_refills_at_the_rate():
    clock = Clock()
    limiter = TokenBucketLimiter(rate_per_minute=20, clock=clock)
    assert [limiter.acquire("a") for _ in range(20)] == [0.0] * 20
    wait = limiter.acquire("a")
    assert wait == pytest.approx(3.0)  # one token every 60/20 seconds
    clock.now += 3.0
    assert limiter.acquire("a") == 0.0
    assert limiter.acquire("a") > 0
    assert limiter.acquire("b") == 0.0  # buckets are per sender


def test_refused_attempts_do_not_drain_the_bucket_further():
    clock = Clock()
    limiter = TokenBucketLimiter(rate_per_minute=60, burst=1, clock=clock)
    assert limiter.acquire("a") == 0.0
    for _ in range(50):
        assert limiter.acquire("a") > 0
    clock.now += 1.0
    assert limiter.acquire("a") == 0.0


def test_the_number_of_remembered_senders_is_bounded():
    limiter = TokenBucketLimiter(rate_per_minute=20, max_keys=100, clock=Clock())
    for n in range(1000):
        limiter.acquire(f"sender-{n}")
    assert len(limiter) == 100


def test_zero_rate_switches_the_limit_off():
    limiter = TokenBucketLimiter(rate_per_minute=0)
    assert all(limiter.acquire("a") == 0.0 for _ in range(100))


def test_settings_come_from_credentials_then_environment(monkeypatch):
    monkeypatch.setenv("REST_RATE_LIMIT_PER_MINUTE", "5")
    assert HardenedRestInput.from_credentials(None).limiter.capacity == 5
    channel = HardenedRestInput.from_credentials({"rest_rate_limit_per_minute": 0})
    assert not channel.limiter.enabled
    assert HardenedRestInput.name() == "rest"


@given(st.text())
def test_cleaned_text_has_no_control_characters_or_surrogates(text):
    cleaned = clean_text(text)
    assert all(ch in "\t\n\r" or (ord(ch) >= 32 and ord(ch) != 127) for ch in cleaned)
    assert not any(0xD800 <= ord(ch) <= 0xDFFF for ch in cleaned)
    cleaned.encode("utf-8")  # storable anywhere


@given(st.binary(max_size=300) | st.text(max_size=300).map(str.encode))
def test_the_parser_only_ever_raises_bad_request(body):
    try:
        parsed = parse_body(body)
    except BadRequest as bad:
        assert 400 <= bad.status < 500
    else:
        assert parsed.sender and isinstance(parsed.text, str)


def test_oversized_bodies_are_refused_before_parsing():
    with pytest.raises(BadRequest) as raised:
        parse_body(json.dumps({"sender": "a", "message": "x" * 70_000}).encode())
    assert raised.value.status == 413
