"""Train pipeline variants on data/nlu and score them on the three evaluation sets.

    .venv/bin/python -m bot.nlu.compare today tfidf tfidf_use [--out results/compare]

Each name is a config in bot/nlu/pipelines/ (or a path to one). For each: NLU-only
training (``rasa train nlu``, SpacyNLP resolved as in ``bot.nlu.train``), then parsing
of the held-out, real and crisis sets in this process, and one JSON line of
scores in <out>/scores.jsonl and on stdout. Used for the table in
docs/decisions.md; ``make eval`` reports the chosen pipeline and the baseline.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

from bot.rasa.quiet_env import quiet_env
from bot.settings import ROOT

PIPELINES = ROOT / "bot" / "nlu" / "pipelines"


def config_path(name: str) -> Path:
    path = Path(name)
    return path if path.suffix in (".yml", ".yaml") else PIPELINES / f"{name}.yml"


def train_nlu(config: Path, out: Path, name: str) -> tuple[Path, float]:
    from bot.nlu.spacy_pipeline import ensure_pipeline
    from bot.nlu.train import resolve_config

    pipeline = ensure_pipeline(ROOT / "var" / "spacy")
    resolved = resolve_config(pipeline, config, out / f"{name}.config.yml")
    started = time.monotonic()
    subprocess.run([sys.executable, "-m", "rasa", "train", "nlu", "--config", str(resolved),
                    "--nlu", "data/nlu", "--out", str(out), "--fixed-model-name", name],
                   cwd=ROOT, env=quiet_env(), check=True, capture_output=True)
    return out / f"{name}.tar.gz", time.monotonic() - started


def calibrated_threshold(model: Path) -> float | None:
    """The cross-validated fallback threshold a SentenceLogRegClassifier stored."""
    import tarfile

    import joblib

    with tarfile.open(model, "r:gz") as archive:
        member = next((m for m in archive.getmembers()
                       if m.name.endswith("classifier.joblib")), None)
        if member is None:
            return None
        return joblib.load(archive.extractfile(member)).get("calibrated_threshold")


def with_threshold(parses: list[dict[str, Any]], threshold: float,
                   ambiguity: float = 0.05) -> list[dict[str, Any]]:
    """The parses as a FallbackClassifier with this threshold would leave them."""
    out = []
    for p in parses:
        ranking = [r for r in p.get("intent_ranking") or [] if r["name"] != "nlu_fallback"]
        intent = dict(ranking[0]) if ranking else dict(p["intent"])
        if intent["name"] != "crisis" and ranking and (
                intent["confidence"] < threshold or (len(ranking) > 1 and ranking[0][
                    "confidence"] - ranking[1]["confidence"] < ambiguity)):
            intent = {"name": "nlu_fallback", "confidence": threshold}
        out.append({**p, "intent": intent})
    return out


def score_model(model: Path, thresholds: tuple[float, ...] = ()) -> dict[str, Any]:
    from bot.nlu import evalsets
    from bot.nlu.parse import load_agent, parse_all

    agent = load_agent(model)
    result: dict[str, Any] = {"calibrated_threshold": calibrated_threshold(model)}
    extra = sorted({t for t in (*thresholds, result["calibrated_threshold"]) if t is not None})
    held = evalsets.held_out()
    started = time.monotonic()
    parses = parse_all(agent, [e.text for e in held])
    result["ms_per_message"] = 1000 * (time.monotonic() - started) / max(1, len(held))
    result["held_out"] = _brief(evalsets.intent_scores(held, parses))
    for t in extra:
        result[f"held_out@{t}"] = _brief(evalsets.intent_scores(held, with_threshold(parses, t)))
    result["held_out_crisis"] = evalsets.crisis_rates(
        ["crisis" if e.label == "crisis" else "none" for e in held], parses)
    real = evalsets.real()
    if real:
        started = time.monotonic()
        parses = parse_all(agent, [e.text for e in real])
        result["ms_per_real_message"] = 1000 * (time.monotonic() - started) / len(real)
        result["real_scores"] = evalsets.intent_scores(real, parses)
        result["real"] = _brief(result["real_scores"])
        result["real"]["topic_hit"] = sum(
            e.label in (p.get("topics") or [p["intent"]["name"]])
            for e, p in zip(real, parses, strict=True)) / len(real)
        for t in extra:
            result[f"real@{t}"] = _brief(evalsets.intent_scores(real, with_threshold(parses, t)))
        result["real_crisis"] = evalsets.crisis_rates(["none"] * len(real), parses)
    dev = evalsets.dev()
    if dev:
        parses = parse_all(agent, [e.text for e in dev])
        result["dev_scores"] = evalsets.intent_scores(dev, parses)
        result["dev"] = _brief(result["dev_scores"])
        result["dev_crisis"] = evalsets.crisis_rates(["none"] * len(dev), parses)
    crisis = evalsets.crisis()
    if crisis:
        parses = parse_all(agent, [e.text for e in crisis])
        result["crisis"] = evalsets.crisis_rates([e.label for e in crisis], parses)
    return result


def _brief(scores: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in scores.items() if k != "per_intent"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="+")
    parser.add_argument("--out", default=str(ROOT / "results" / "compare"))
    parser.add_argument("--score-only", action="store_true",
                        help="score <out>/<name>.tar.gz again without training")
    parser.add_argument("--thresholds", default="",
                        help="also score with these fallback thresholds, e.g. 0.2,0.3")
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for name in args.names:
        label = Path(name).stem
        if args.score_only:
            model, seconds = out / f"{label}.tar.gz", 0.0
        else:
            model, seconds = train_nlu(config_path(name), out, label)
        thresholds = tuple(float(t) for t in args.thresholds.split(",") if t)
        row = {"pipeline": label, "date": date.today().isoformat(),
               "training_s": round(seconds, 1), **score_model(model, thresholds)}
        real_scores = row.pop("real_scores", None)
        if real_scores:
            # Per-intent aggregates only (never per-row predictions on the real set).
            per = {lab: round(v["f1-score"], 3) for lab, v in real_scores["per_intent"].items()}
            print("real per-intent F1: " + json.dumps(per), file=sys.stderr, flush=True)
            (out / f"{label}.real_per_intent.json").write_text(json.dumps(per, indent=1))
        dev_scores = row.pop("dev_scores", None)
        if dev_scores:
            per = {lab: round(v["f1-score"], 3) for lab, v in dev_scores["per_intent"].items()}
            (out / f"{label}.dev_per_intent.json").write_text(json.dumps(per, indent=1))
        line = json.dumps(row)
        print(line, flush=True)
        with (out / "scores.jsonl").open("a", encoding="utf-8") as handle:
            handle.write(line + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
