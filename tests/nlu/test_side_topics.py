"""A second topic from one sentence of a story must be clear, not merely the best guess for
that sentence: "ik maak fouten op werk en ze letten op me" read as conflict at work at 0.64
became "Je noemt ook een conflict op het werk" and a topic in her ticket (round 13d, p54)."""

from __future__ import annotations

import numpy as np

from bot.nlu.classifier import SIDE_TOPIC_SURE, SentenceLogRegClassifier

LABELS = ["stuck", "conflict_at_work", "crisis", "inform"]


def _classifier() -> SentenceLogRegClassifier:
    clf = SentenceLogRegClassifier.__new__(SentenceLogRegClassifier)
    clf.config = SentenceLogRegClassifier.get_default_config()
    return clf


def _topics(whole: list[float], sentences: list[list[float]]) -> list[str]:
    topics, _ = _classifier()._topics(LABELS, np.array(whole), np.array(sentences))
    return topics


def test_a_side_topic_guessed_at_064_is_no_topic():
    assert _topics([0.66, 0.1, 0.2, 0.04], [[0.1, 0.64, 0.2, 0.06], [0.7, 0.05, 0.2, 0.05]]) \
        == ["stuck"]


def test_a_side_topic_named_plainly_stays():
    assert _topics([0.66, 0.1, 0.2, 0.04], [[0.05, 0.86, 0.05, 0.04], [0.7, 0.05, 0.2, 0.05]]) \
        == ["stuck", "conflict_at_work"]
    assert SIDE_TOPIC_SURE <= 0.75  # "mijn contract loopt af." scores 0.75


def test_without_a_main_topic_the_clearest_sentence_still_leads():
    assert _topics([0.3, 0.3, 0.2, 0.2], [[0.1, 0.64, 0.2, 0.06], [0.2, 0.2, 0.3, 0.3]]) \
        == ["conflict_at_work"]
