"""The `make eval` report: per-intent figures side by side, the gate's two numbers,
and the facts that decide between the pipelines (size, training time)."""

from __future__ import annotations

from bot.nlu.evaluate import Scores, check, facts, table


def scores(macro: float, oos_recall: float) -> Scores:
    return Scores(macro, {
        "out_of_scope": {"precision": 0.9, "recall": oos_recall, "f1-score": 0.9},
        "stuck": {"precision": 0.8, "recall": 0.7, "f1-score": 0.75},
    })


def test_table_puts_both_pipelines_side_by_side_with_the_gate_numbers():
    text = table({"Koffiepraat": scores(0.91, 0.95), "baseline": scores(0.88, 0.80)})
    lines = text.splitlines()
    assert lines[0] == "| intent | Koffiepraat P / R / F1 | baseline P / R / F1 |"
    assert "| stuck | 0.80 / 0.70 / 0.75 | 0.80 / 0.70 / 0.75 |" in lines
    assert lines[-2] == "| **macro F1** | **0.910** | **0.880** |"
    assert lines[-1] == "| **out_of_scope recall** | **0.95** | **0.80** |"


def test_gate_names_each_number_below_the_bar():
    assert check(scores(0.91, 0.95)) == []
    problems = check(scores(0.89, 0.85))
    assert len(problems) == 2 and "macro-F1" in problems[0] and "out_of_scope" in problems[1]


def test_facts_give_model_sizes_and_training_minutes(tmp_path):
    model = tmp_path / "m.tar.gz"
    model.write_bytes(b"x" * 2_500_000)
    text = facts({"Koffiepraat": model}, 90.0)
    assert "Koffiepraat model: m.tar.gz, 2.5 MB" in text
    assert "baseline training took 1.5 min" in text


def test_summary_puts_the_three_sets_of_both_pipelines_side_by_side():
    from bot.nlu.evaluate import summary

    ours = {"held_out": {"macro_f1": 0.95, "accuracy": 0.92, "oos_precision": 1.0,
                         "oos_recall": 0.9, "fallback": 0.05},
            "real": {"accuracy": 0.41, "macro_f1": 0.40, "fallback": 0.1, "topic_hit": 0.5},
            "crisis": {"recall": 1.0, "clear_recall": 0.8, "none_clear": 0.0,
                       "none_possible": 0.005},
            "real_crisis": {"none_clear": 0.0, "none_possible": 0.01}, "ms_per_message": 7.5}
    text = summary({"Koffiepraat": ours, "baseline": {"held_out": {"macro_f1": 0.9}}})
    lines = text.splitlines()
    assert lines[0] == "| | Koffiepraat | baseline |"
    assert "| held-out macro-F1 | 0.950 | 0.900 |" in lines
    assert "| real set accuracy | 0.410 | — |" in lines
    assert "| crisis set: none rows possible (max 3%) | 0.5% | — |" in lines
    assert "| held-out out_of_scope precision / recall | 1.00 / 0.90 | — |" in lines
