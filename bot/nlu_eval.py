"""NLU evaluation on the held-out test set (tests/nlu/).

``check``: the gate used by ``make test``: macro-F1 >= 0.90 and out_of_scope
recall >= 0.90, with the per-intent figures printed on failure.
``report`` (``make eval``): the same for the trained model AND for Rasa's
recommended language-independent pipeline trained on the same data, side by side
in results/eval/report.md, with both confusion matrices as PNG.
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

from bot.quiet import quiet_env
from bot.settings import ROOT
from bot.train import latest_model

TEST_FILE = ROOT / "tests" / "nlu" / "test_nlu.yml"
MIN_MACRO_F1 = 0.90
MIN_OUT_OF_SCOPE_RECALL = 0.90
BASELINE_CONFIG = ROOT / "bot" / "nlu_eval_baseline.yml"


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
    name = "baseline-nlu"
    cmd = [sys.executable, "-m", "rasa", "train", "nlu", "--quiet", "--config",
           str(BASELINE_CONFIG), "--nlu", "data/nlu", "--out", str(out_dir),
           "--fixed-model-name", name]
    subprocess.run(cmd, cwd=ROOT, env=quiet_env(), check=True)
    return out_dir / f"{name}.tar.gz"


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
        print("Training the baseline pipeline on the same data...", flush=True)
        started = time.monotonic()
        baseline = train_baseline(results / "baseline-model")
        training_s = time.monotonic() - started
        columns["baseline"] = evaluate(baseline, results / "nlu-baseline")
        report_dir = results / "eval"
        report_dir.mkdir(parents=True, exist_ok=True)
        for label, folder in (("koffiepraat", "nlu"), ("baseline", "nlu-baseline")):
            png = results / folder / "intent_confusion_matrix.png"
            if png.exists():
                shutil.copy(png, report_dir / f"confusion_{label}.png")
        (report_dir / "report.md").write_text(
            "# NLU evaluation on tests/nlu/test_nlu.yml (held out)\n\n"
            + table(columns) + "\n\n"
            + facts({"Koffiepraat": model, "baseline": baseline}, training_s)
            + "\n\nConfusion matrices: confusion_koffiepraat.png, confusion_baseline.png\n",
            encoding="utf-8")
        print(f"Report: {report_dir / 'report.md'}")
    print(table(columns))
    problems = check(ours)
    for problem in problems:
        print(f"FAILED: {problem}")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
