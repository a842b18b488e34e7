"""Gates on the real-language set and the crisis set (issue 11), and proof that no
evaluation set leaks into the training data.

- real set (tests/nlu/real/real_sentences.tsv): accuracy and macro-F1 at or above
  the floors below; none of its rows is a crisis, so clear on at most 1% and
  possible on at most 3% of them.
- dev set (tests/nlu/real_dev/dev_sentences.tsv): the same, against a slide back.
- crisis set (tests/nlu/crisis/crisis_set.tsv): every crisis row reaches clear or
  possible (recall 1.0); clear on at most 1% and possible on at most 3% of the
  none rows.
"""

from __future__ import annotations

import re

import pytest
from trained_agent import trained_agent

from bot.nlu import evalsets
from bot.settings import ROOT

# Real-register training data harvested from public pages (data/nlu/real_register/);
# its page addresses are listed per file in .SOURCES.md (hidden: Rasa's loader refuses
# non-YAML files inside data/nlu).
REAL_REGISTER = ROOT / "data" / "nlu" / "real_register"
REAL_REGISTER_SOURCES = REAL_REGISTER / ".SOURCES.md"

# Floors set from the measurement of the chosen pipeline on the real set as it
# stood on 2026-12-03 (367 rows): accuracy 0.308, macro-F1 0.305, against 0.262
# and 0.278 for the pipeline it replaced (docs/decisions.md). One standard error
# of a proportion over 367 rows is about 0.024; the floors sit about one below
# the measured figures, so a retrain on a little more or other data does not fail
# by noise, while falling back to the old pipeline's level does.
#
# 2026-12-03, after adding data/nlu/real_register (269 passages real people wrote,
# from pages that are no source of the real set): accuracy 0.341 (fallback 0.278 ->
# 0.202), macro-F1 0.305 (unchanged within noise). The accuracy floor moves to about
# one standard error below the new figure; the macro-F1 floor already sits there.
#
# 2026-12-04, after 272 narrative training stories in the members' register
# (data/nlu/register/stories_*.yml, written fresh): accuracy 0.379, macro-F1 0.337,
# fallback 0.185, no false crisis. Both floors move to about one standard error below.
#
# 2026-12-07, after narrative data round 2 (675 examples, docs/decisions.md): accuracy
# 0.395, macro-F1 0.344, fallback 0.150. The accuracy floor moves up to one standard
# error below; the macro-F1 floor stays.
REAL_MIN_ACCURACY = 0.37
REAL_MIN_MACRO_F1 = 0.31
# The development set (tests/nlu/real_dev, 173 rows, studied row by row) guards the
# same way against a slide back: 0.509 / 0.518 measured, one standard error (about
# 0.038) below.
DEV_MIN_ACCURACY = 0.47
DEV_MIN_MACRO_F1 = 0.48
MAX_CLEAR_ON_NONE = 0.01
MAX_POSSIBLE_ON_NONE = 0.03


@pytest.fixture(scope="module")
def agent():
    return trained_agent()  # loaded once per run (tests/trained_agent.py)


def parse(agent, examples):
    from bot.nlu.parse import parse_all

    return parse_all(agent, [e.text for e in examples])


def parse_and_check_floors(agent, rows, min_accuracy: float, min_macro_f1: float):
    """Parses of a set of real writing (no row a crisis), after checking its floors and
    that it raises no false crisis; the parses for further checks."""
    parses = parse(agent, rows)
    scores = evalsets.intent_scores(rows, parses)
    crisis = evalsets.crisis_rates(["none"] * len(rows), parses)
    print({k: v for k, v in scores.items() if k != "per_intent"}, crisis)
    assert scores["accuracy"] >= min_accuracy, scores["accuracy"]
    assert scores["macro_f1"] >= min_macro_f1, scores["macro_f1"]
    assert crisis["none_clear"] <= MAX_CLEAR_ON_NONE, crisis
    assert crisis["none_possible"] <= MAX_POSSIBLE_ON_NONE, crisis
    return parses


@pytest.mark.slow
def test_real_set_meets_the_floor_and_raises_no_false_crisis(agent):
    real = evalsets.real()
    assert len(real) >= 300, "the real-language set should have at least 300 rows"
    parses = parse_and_check_floors(agent, real, REAL_MIN_ACCURACY, REAL_MIN_MACRO_F1)
    # a story with a clear career topic in one of its sentences is never sent
    # to the fallback, and topics are career intents, main first, at most 3
    from bot.handover.topics import CAREER_TOPICS

    for p in parses:
        topics = p.get("topics")
        assert isinstance(topics, list) and len(topics) <= 3
        assert all(t in CAREER_TOPICS for t in topics)
        if topics and not p.get("crisis_level"):
            assert p["intent"]["name"] != "nlu_fallback", (p["text"], topics)


@pytest.mark.slow
def test_dev_set_meets_its_floor_and_raises_no_false_crisis(agent):
    parse_and_check_floors(agent, evalsets.dev(), DEV_MIN_ACCURACY, DEV_MIN_MACRO_F1)


@pytest.mark.slow
def test_crisis_set_every_crisis_is_caught_and_few_false_alarms(agent):
    rows = evalsets.crisis()
    assert sum(e.label == "crisis" for e in rows) >= 170
    assert sum(e.label == "none" for e in rows) >= 330
    parses = parse(agent, rows)
    rates = evalsets.crisis_rates([e.label for e in rows], parses)
    missed = [e.text for e, p in zip(rows, parses, strict=True)
              if e.label == "crisis" and not p.get("crisis_level")]
    print(rates)
    assert rates["recall"] == 1.0, missed[:5]
    assert rates["none_clear"] <= MAX_CLEAR_ON_NONE, rates
    assert rates["none_possible"] <= MAX_POSSIBLE_ON_NONE, rates
    # the intent is crisis exactly when the level is clear
    assert all((p["intent"]["name"] == "crisis") == (p.get("crisis_level") == "clear")
               for p in parses)


@pytest.mark.parametrize("name", ["held_out", "real", "crisis", "dev"])
def test_no_evaluation_set_overlaps_the_training_data(name):
    """After lower-casing and removing punctuation and extra spaces.

    The overlaps that training files had on 2026-12-03 (greetings, yes/no and a
    few crisis sentences that also stand in data/nlu; bot/nlu/known_overlap.py,
    docs/eval/overlap.md) are listed for their owners to remove; any other
    overlap fails, so the list can only shrink. The real set has none.
    """
    from bot.nlu.known_overlap import KNOWN_OVERLAP

    train = {evalsets.normalise(t) for t in evalsets.training_texts()}
    rows = getattr(evalsets, name)()
    assert rows, f"{name} set is empty"
    overlap = {evalsets.normalise(e.text) for e in rows} & train
    new = sorted(overlap - KNOWN_OVERLAP[name])
    assert not new, new[:10]
    assert not KNOWN_OVERLAP["real"] and not KNOWN_OVERLAP["dev"]


def test_normalise_ignores_case_punctuation_and_spacing():
    assert evalsets.normalise("Ik wil  dood!") == evalsets.normalise("ik wil dood")
    assert evalsets.normalise("Hoi, hoe gaat 't?") == "hoi hoe gaat t"


def _page_key(url: str) -> str:
    """An address without scheme, www., query, fragment and trailing slash."""
    url = re.sub(r"^https?://", "", url.strip().lower())
    url = re.sub(r"^www\.", "", url)
    return url.split("#")[0].split("?")[0].rstrip("/")


def _real_register_sources() -> dict[str, list[str]]:
    sources: dict[str, list[str]] = {}
    current = None
    for line in REAL_REGISTER_SOURCES.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            current = line[3:].strip()
            sources[current] = []
        elif line.startswith("- ") and current:
            sources[current].append(line[2:].strip())
    return sources


def test_real_register_sources_are_listed_and_none_is_an_evaluation_page():
    files = sorted(p.name for p in REAL_REGISTER.glob("*.yml"))
    assert files, "data/nlu/real_register has no training files"
    sources = _real_register_sources()
    assert sorted(sources) == files, "every real-register file needs its source list"
    assert all(sources[f] for f in files)
    evaluation_pages = {_page_key(e.extra.get("source") or "") for e in evalsets.real()} - {""}
    assert len(evaluation_pages) >= 100
    reused = sorted(u for urls in sources.values() for u in urls
                    if _page_key(u) in evaluation_pages)
    assert not reused, reused[:5]


def test_real_register_examples_are_no_evaluation_rows():
    from rasa.shared.nlu.training_data.loading import load_data

    texts = [m.get("text") for f in sorted(REAL_REGISTER.glob("*.yml"))
             for m in load_data(str(f)).intent_examples]
    assert len(texts) >= 200
    evaluation = {evalsets.normalise(e.text)
                  for name in ("real", "held_out", "crisis") for e in getattr(evalsets, name)()}
    overlap = sorted({evalsets.normalise(t) for t in texts} & evaluation)
    assert not overlap, overlap[:5]


def test_dev_set_shares_no_page_and_no_row_with_the_real_set_or_the_real_register():
    """The development set is studied row by row; the real set stays a final check
    only if none of its pages or rows is in the set that is studied, and the
    real-register training data must not come from the pages the dev set measures."""
    dev = evalsets.dev()
    assert len(dev) >= 150
    dev_pages = {_page_key(e.extra.get("source") or "") for e in dev}
    assert "" not in dev_pages, "every dev row needs its source page"
    real_pages = {_page_key(e.extra.get("source") or "") for e in evalsets.real()}
    register_pages = {_page_key(u) for urls in _real_register_sources().values() for u in urls}
    assert not dev_pages & real_pages, sorted(dev_pages & real_pages)[:5]
    assert not dev_pages & register_pages, sorted(dev_pages & register_pages)[:5]
    real_rows = {evalsets.normalise(e.text) for e in evalsets.real()}
    assert not {evalsets.normalise(e.text) for e in dev} & real_rows
