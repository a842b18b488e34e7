"""Round 24 (p118): "ik heb soms gewoon geen zin meer in alles ofzo, werk, sporten, alles
voelt flat" got the consent text; with no zest for anything, 113's advice is to ask once,
gently. The work sentence stays a work sentence."""

from __future__ import annotations

import pytest

from bot.nlu.crisis import POSSIBLE, rule_level


@pytest.mark.parametrize("text", [
    "idk, ik heb eigenlijk nergens meer zin in",
    "ik heb geen zin meer in alles, werk, vrienden, alles voelt leeg",
])
def test_no_zest_for_anything_gets_the_gentle_question(text):
    assert rule_level(text) == POSSIBLE


@pytest.mark.parametrize("text", [
    "ik heb nergens meer zin in op mijn werk",   # guard: the work
    "geen zin meer in werk eerlijk",             # guard: the work
    "ik heb nergens zin in vandaag, maandag hè",  # guard: a mood of a day
    "werk en privé zijn niet meer in balans",    # guard: no signal at all
])
def test_the_work_or_a_day_is_no_signal(text):
    assert rule_level(text) is None
