"""Every response renders through Rasa's interpolator without falling back.

Rasa interpolates every {...} in a response, button payloads included; when that
fails it logs an exception with the conversation's slot values in it (personal
data). A response must therefore only use known slots or escaped braces.
"""

import re

import pytest
from rasa.core.nlg import interpolator
from rasa.shared.core.domain import Domain

from bot.settings import ROOT

DOMAIN = Domain.load(str(ROOT / "domain"))
# Values the actions and the conversation engine pass when they dispatch these responses
# (actions/*.py, bot/dialogue/engine.py).
ACTION_VALUES = {"retention_days": 90, "conversation_days": 30,
                 "expected_contact": "uiterlijk dinsdag",
                 "summary": "Je werkt in de zorg.", "ticket_reference": "KP-ABC234",
                 "refused": "bellen", "email": "noor@gmial.com", "suggestion": "gmail.com",
                 "changes": "nummer: +31612345678", "noted": "je naam is Noor", "workdays": 3,
                 "request": "Naam: Noor", "status": "new", "topic": "solliciteren",
                 "part": "06 1234", "first": "stuck", "second": "job_insecurity",
                 "first_label": "vastzitten", "second_label": "onzekerheid over je baan",
                 "first_button": "Vastgelopen", "second_button": "Baan onzeker",
                 "language": "Pools"}


@pytest.mark.parametrize("name", sorted(DOMAIN.responses))
def test_response_renders_without_the_error_path(name, monkeypatch):
    failures = []
    monkeypatch.setattr(interpolator.structlogger, "exception",
                        lambda *args, **kwargs: failures.append((args, kwargs)))
    values = {slot.name: "x" for slot in DOMAIN.slots} | ACTION_VALUES
    for variation in DOMAIN.responses[name]:
        rendered = interpolator.interpolate(dict(variation), values)
        assert not failures, failures
        assert "{0[" not in str(rendered)
        for button in rendered.get("buttons", []):
            # A payload is an intent, optionally with JSON entities.
            assert re.fullmatch(r"/\w+(\{[^{}]*\})?", button["payload"]), button["payload"]
