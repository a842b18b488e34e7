"""NLU evaluation on the held-out, real-language and crisis sets.

``check``: the held-out gate used by ``make test``: macro-F1 >= 0.90 and
out_of_scope recall >= 0.90, with the per-intent figures printed on failure
(tests/quality/ also gates the real and crisis sets).
``report`` (``make eval``): the trained model AND the baseline pipeline
(``bot/nlu/pipelines/baseline.yml``: the pipeline deployed before issue 11, Rasa's
logistic regression on raw counts) trained on the same data, side by side on all
three sets in results/eval/report.md, with the held-out confusion matrices as PNG.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from bot.nlu.train import latest_model
from bot.rasa.quiet_env import quiet_env
from bot.settings import ROOT

TEST_FILE = ROOT / "tests" / "nlu" / "test_nlu.yml"
MIN_MACRO_F1 = 0.90
MIN_OUT_OF_SCOPE_RECALL = 0.90
BASELINE_CONFIG = ROOT / "bot" / "nlu" / "pipelines" / "baseline.yml"


@dataclass(frozen=True)
class Scores:
    macro_f1: float
    per_intent: dict[str, dict[str, float]]

    def recall(self, intent: str) -> float:
        return self.per_intent.get(intent, {}).get("recall", 0.0)


def evaluate(model: Path, out: Path) -> Scores:
    if out.exists():
        shutil.rmtree(out)
    cmd = [sys.executable, "-m", "rasa", "test", "nlu", "--quiet", "--model", str(model),
           "--nlu", str(TEST_FILE), "--out", str(out)]
    subprocess.run(cmd, cwd=ROOT, env=quiet_env(), check=True, capture_output=True)
    report = json.loads((out / "intent_report.json").read_text(encoding="utf-8"))
    per_intent = {
        name: values for name, values in report.items()
        if isinstance(values, dict) and "f1-score" in values and "avg" not in name
    }
    return Scores(report["macro avg"]["f1-score"], per_intent)


def table(columns: dict[str, Scores]) -> str:
    names = sorted(set().union(*(s.per_intent for s in columns.values())))
    header = "| intent | " + " | ".join(f"{c} P / R / F1" for c in columns) + " |"
    lines = [header, "|---" * (len(columns) + 1) + "|"]
    for name in names:
        cells = []
        for scores in columns.values():
            v = scores.per_intent.get(name, {})
            cells.append(f"{v.get('precision', 0):.2f} / {v.get('recall', 0):.2f} / "
                         f"{v.get('f1-score', 0):.2f}")
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    lines.append("| **macro F1** | " + " | ".join(
        f"**{s.macro_f1:.3f}**" for s in columns.values()) + " |")
    lines.append("| **out_of_scope recall** | " + " | ".join(
        f"**{s.recall('out_of_scope'):.2f}**" for s in columns.values()) + " |")
    return "\n".join(lines)


def facts(models: dict[str, Path], baseline_training_s: float) -> str:
    """Model sizes and the baseline's training time, next to the scores."""
    lines = [f"- {label} model: {path.name}, {path.stat().st_size / 1e6:.1f} MB"
             for label, path in models.items()]
    lines.append(f"- baseline training took {baseline_training_s / 60:.1f} min wall-clock on "
                 f"this machine ({os.cpu_count()} CPUs; other jobs may have been running)")
    return "\n".join(lines)


def check(scores: Scores) -> list[str]:
    problems = []
    if scores.macro_f1 < MIN_MACRO_F1:
        problems.append(f"macro-F1 {scores.macro_f1:.3f} < {MIN_MACRO_F1}")
    if scores.recall("out_of_scope") < MIN_OUT_OF_SCOPE_RECALL:
        problems.append(
            f"out_of_scope recall {scores.recall('out_of_scope'):.3f} < {MIN_OUT_OF_SCOPE_RECALL}")
    return problems


def train_baseline(out_dir: Path) -> Path:
    from bot.nlu.compare import train_nlu

    model, _ = train_nlu(BASELINE_CONFIG, out_dir, "baseline-nlu")
    return model


SUMMARY_ROWS = (
    ("held-out macro-F1", "held_out", "macro_f1", "{:.3f}"),
    ("held-out accuracy", "held_out", "accuracy", "{:.3f}"),
    ("held-out out_of_scope precision / recall", "held_out", ("oos_precision", "oos_recall"),
     "{:.2f} / {:.2f}"),
    ("real set accuracy", "real", "accuracy", "{:.3f}"),
    ("real set macro-F1", "real", "macro_f1", "{:.3f}"),
    ("real set routed to fallback", "real", "fallback", "{:.1%}"),
    ("real set: labelled intent among `topics`", "real", "topic_hit", "{:.3f}"),
    ("crisis set: crisis rows clear or possible (recall)", "crisis", "recall", "{:.3f}"),
    ("crisis set: crisis rows clear", "crisis", "clear_recall", "{:.3f}"),
    ("crisis set: none rows clear (max 1%)", "crisis", "none_clear", "{:.1%}"),
    ("crisis set: none rows possible (max 3%)", "crisis", "none_possible", "{:.1%}"),
    ("real set: rows clear (max 1%)", "real_crisis", "none_clear", "{:.1%}"),
    ("real set: rows possible (max 3%)", "real_crisis", "none_possible", "{:.1%}"),
    ("NLU wall-clock ms per held-out message (in process; load-dependent)", None,
     "ms_per_message", "{:.1f}"),
    ("NLU wall-clock ms per real-set message", None, "ms_per_real_message", "{:.1f}"),
)


def summary(columns: dict[str, dict]) -> str:
    """One row per figure, one column per pipeline (from bot.nlu.compare.score_model)."""
    lines = ["| | " + " | ".join(columns) + " |", "|---" * (len(columns) + 1) + "|"]
    for label, part, keys, fmt in SUMMARY_ROWS:
        cells = []
        for result in columns.values():
            source = result if part is None else result.get(part) or {}
            values = [source.get(k) for k in (keys if isinstance(keys, tuple) else (keys,))]
            cells.append("—" if any(v is None for v in values) else fmt.format(*values))
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def sizes(label_counts: dict[str, int]) -> str:
    return ", ".join(f"{name}: {n} rows" for name, n in label_counts.items())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=["check", "report"])
    args = parser.parse_args(argv)
    model = latest_model()
    if model is None:
        print("No trained model: run `make train` first.")
        return 1
    results = ROOT / "results"
    ours = evaluate(model, results / "nlu")
    columns = {"Koffiepraat": ours}
    if args.mode == "report":
        from bot.nlu import evalsets
        from bot.nlu.compare import score_model

        print("Training the baseline pipeline on the same data...", flush=True)
        started = time.monotonic()
        baseline = train_baseline(results / "baseline-model")
        training_s = time.monotonic() - started
        columns["baseline"] = evaluate(baseline, results / "nlu-baseline")
        print("Scoring both on the held-out, real and crisis sets...", flush=True)
        scored = {"Koffiepraat": score_model(model), "baseline": score_model(baseline)}
        report_dir = results / "eval"
        report_dir.mkdir(parents=True, exist_ok=True)
        for label, folder in (("koffiepraat", "nlu"), ("baseline", "nlu-baseline")):
            png = results / folder / "intent_confusion_matrix.png"
            if png.exists():
                shutil.copy(png, report_dir / f"confusion_{label}.png")
        counts = {"held-out": len(evalsets.held_out()), "real": len(evalsets.real()),
                  "crisis": len(evalsets.crisis())}
        real_columns = {label: Scores(r["real_scores"]["macro_f1"], r["real_scores"]["per_intent"])
                        for label, r in scored.items() if r.get("real_scores")}
        (report_dir / "report.md").write_text(
            f"# NLU evaluation ({time.strftime('%Y-%m-%d')})\n\n"
            f"Sets: {sizes(counts)} (tests/nlu/test_nlu.yml, "
            "tests/nlu/real/real_sentences.tsv, tests/nlu/crisis/crisis_set.tsv). "
            f"Koffiepraat = the trained model `{model.name}` (config.yml); baseline = "
            "`bot/nlu/pipelines/baseline.yml` trained on the same data/nlu.\n\n"
            "## Summary\n\n" + summary(scored) + "\n\n"
            "Crisis rows count as caught at either level; the intent is `crisis` only at "
            "the clear level (a possible one keeps its topic and gets a check question), "
            "so the held-out crisis recall below is the clear level's. CPU time per "
            "message without load: `python -m bot.nlu.timing` (docs/benchmarks.md).\n\n"
            "## Held-out set per intent (rasa test nlu)\n\n" + table(columns) + "\n\n"
            "## Real-language set per intent\n\n"
            + (table(real_columns) if real_columns else "(set not present)") + "\n\n"
            + facts({"Koffiepraat": model, "baseline": baseline}, training_s)
            + "\n\nConfusion matrices (held-out): confusion_koffiepraat.png, "
            "confusion_baseline.png\n",
            encoding="utf-8")
        print(f"Report: {report_dir / 'report.md'}")
    print(table(columns))
    problems = check(ours)
    for problem in problems:
        print(f"FAILED: {problem}")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
