"""One reading of "I have work" and "I am not looking for work", used by the engine (a denial
of job loss and job search) and by the summary corrections (round 13, p52)."""

from __future__ import annotations

import pytest

from bot.dialogue.patterns import HAS_JOB, HAS_WORK, NO_JOB_SEARCH


@pytest.mark.parametrize("text", [
    "ik heb gewoon werk", "ik héb werk hoor", "ik heb nog mijn baan", "ik ben nog in dienst",
    "ik ben mijn job ni kwijt", "ik ben niet ontslagen", "ik heb ne job, toch",
])
def test_a_job_now(text):
    assert HAS_JOB.search(text) and HAS_WORK.search(text), text


@pytest.mark.parametrize("text", [
    "ik heb werk nodig", "ik heb mijn baan opgezegd", "ik ben niet meer in dienst",
    "ik heb werk gezocht maar niks gevonden",
])
def test_no_job_now(text):
    assert not HAS_JOB.search(text), text


@pytest.mark.parametrize("text", [
    "ik zoek geen werk", "ik solliciteer ni", "ik ben niet op zoek naar een andere baan",
    "ik ben echt niet aan het solliciteren",
])
def test_no_job_search(text):
    assert NO_JOB_SEARCH.search(text) and HAS_WORK.search(text), text


def test_looking_for_work_is_a_search():
    assert not NO_JOB_SEARCH.search("ik zoek werk in de zorg")
