"""The held-out NLU gate: macro-F1 >= 0.90 and out_of_scope recall >= 0.90."""

from __future__ import annotations

import pytest

from bot.nlu.evaluate import check, evaluate, table
from bot.nlu.train import latest_model
from bot.settings import ROOT

pytestmark = pytest.mark.slow


def test_held_out_set_meets_the_quality_bar(tmp_path):
    model = latest_model()
    assert model is not None, "run `make train` first (make test does)"
    scores = evaluate(model, tmp_path / "nlu")
    print(table({"Koffiepraat": scores}))
    assert not check(scores), check(scores)
    # Every intent of the contract is in the held-out set and was evaluated.
    assert len(scores.per_intent) >= 34



def test_held_out_set_is_large_enough():
    from rasa.shared.nlu.training_data.loading import load_data

    held_out = ROOT / "tests" / "nlu" / "test_nlu.yml"
    test = {m.get("text").lower() for m in load_data(str(held_out)).intent_examples}
    assert len(test) >= 34 * 12
    # no overlap with the training data: tests/quality/test_nlu_real_and_crisis.py
