"""The three NLU evaluation sets, and their scores for a list of parses.

- held-out: tests/nlu/test_nlu.yml (short messages, written apart from data/nlu);
- real: tests/nlu/real/real_sentences.tsv (what people wrote about their work;
  columns text, intent, doubt, source, lang; none of its rows is a crisis);
- crisis: tests/nlu/crisis/crisis_set.tsv (columns text, label crisis|none, kind, note);
- dev: tests/nlu/real_dev/dev_sentences.tsv (real writing like the real set, from
  other pages; the set where mistakes are studied, so that the real set stays a
  final check).
None of them is ever used for training (tests/quality checks there is no overlap).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.settings import ROOT

HELD_OUT = ROOT / "tests" / "nlu" / "test_nlu.yml"
REAL = ROOT / "tests" / "nlu" / "real" / "real_sentences.tsv"
CRISIS = ROOT / "tests" / "nlu" / "crisis" / "crisis_set.tsv"
DEV = ROOT / "tests" / "nlu" / "real_dev" / "dev_sentences.tsv"


@dataclass
class Example:
    text: str
    label: str
    extra: dict[str, str] = field(default_factory=dict)


def normalise(text: str) -> str:
    """Lower case, punctuation and spacing removed: the overlap key."""
    return " ".join(re.sub(r"[^\w\s]|_", " ", text.lower()).split())


def _tsv(path: Path, label: str) -> list[Example]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [Example(r["text"].strip(), (r.get(label) or "").strip(), r)
            for r in rows if (r.get("text") or "").strip()]


def held_out() -> list[Example]:
    from rasa.shared.nlu.training_data.loading import load_data

    return [Example(m.get("text"), m.get("intent"))
            for m in load_data(str(HELD_OUT)).intent_examples]


def real() -> list[Example]:
    return _tsv(REAL, "intent")


def crisis() -> list[Example]:
    return _tsv(CRISIS, "label")


def dev() -> list[Example]:
    return _tsv(DEV, "intent")


def training_texts() -> list[str]:
    from rasa.shared.nlu.training_data.loading import load_data

    return [m.get("text") for m in load_data(str(ROOT / "data" / "nlu")).intent_examples]


def intent_scores(examples: list[Example], parses: list[dict[str, Any]]) -> dict[str, Any]:
    """Accuracy, macro-F1 over the gold intents, out_of_scope P/R, per-intent F1."""
    from sklearn.metrics import f1_score, precision_recall_fscore_support

    gold = [e.label for e in examples]
    pred = [p["intent"]["name"] for p in parses]
    labels = sorted(set(gold))
    macro = f1_score(gold, pred, labels=labels, average="macro", zero_division=0)
    p, r, f, _ = precision_recall_fscore_support(gold, pred, labels=labels, zero_division=0)
    per = {lab: {"precision": p[i], "recall": r[i], "f1-score": f[i]}
           for i, lab in enumerate(labels)}
    oos = per.get("out_of_scope", {})
    acc = sum(g == q for g, q in zip(gold, pred, strict=True)) / max(1, len(gold))
    return {"n": len(gold), "accuracy": acc, "macro_f1": macro, "per_intent": per,
            "oos_precision": oos.get("precision"), "oos_recall": oos.get("recall"),
            "fallback": sum(q == "nlu_fallback" for q in pred) / max(1, len(pred))}


def crisis_rates(labels: list[str], parses: list[dict[str, Any]]) -> dict[str, Any]:
    """Recall to clear-or-possible on crisis rows; clear and possible rates on none rows."""
    levels = [p.get("crisis_level") for p in parses]
    crisis_levels = [lv for lab, lv in zip(labels, levels, strict=True) if lab == "crisis"]
    none_levels = [lv for lab, lv in zip(labels, levels, strict=True) if lab != "crisis"]
    n_c, n_n = len(crisis_levels), len(none_levels)
    return {
        "crisis_rows": n_c, "none_rows": n_n,
        "recall": sum(lv is not None for lv in crisis_levels) / n_c if n_c else None,
        "clear_recall": sum(lv == "clear" for lv in crisis_levels) / n_c if n_c else None,
        "none_clear": sum(lv == "clear" for lv in none_levels) / n_n if n_n else None,
        "none_possible": sum(lv == "possible" for lv in none_levels) / n_n if n_n else None,
    }
