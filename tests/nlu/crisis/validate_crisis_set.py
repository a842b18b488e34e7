"""Check the format of crisis_set.tsv (evaluation only, never training data).

Usage: python tests/nlu/crisis/validate_crisis_set.py [path/to/crisis_set.tsv]

Checks: header and four tab-separated columns on every row, UTF-8, labels,
kinds allowed for each label, non-empty text, no leading/trailing spaces, no
duplicates after lower-casing and stripping punctuation (also across labels),
and the minimum counts (170 crisis, 330 none). Prints counts per label and
kind. Exits 1 on any problem.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

HEADER = ["text", "label", "kind", "note"]
KINDS = {
    "crisis": {"explicit", "indirect", "flemish", "misspelled", "nt2", "mixed_work", "long"},
    "none": {
        "hyperbole",
        "not_see_it_with",
        "quitting",
        "thanks",
        "goodbye",
        "apology",
        "refusal",
        "denial",
        "health",
        "motivation",
        "question",
        "stress",
        "grief",
        "idiom",
        "other",
    },
}
MINIMUM = {"crisis": 170, "none": 330}


def normalise(text: str) -> str:
    """Lower-case, drop punctuation, symbols and emoji, collapse whitespace."""
    text = unicodedata.normalize("NFC", text).lower()
    text = "".join(ch for ch in text if unicodedata.category(ch)[0] in "LNZ")
    return re.sub(r"\s+", " ", text).strip()


def validate(path: Path) -> list[str]:
    problems: list[str] = []
    try:
        raw = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        return [f"not UTF-8: {exc}"]
    if raw.startswith("\ufeff"):
        problems.append("file starts with a BOM")
    lines = raw.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if not lines or lines[0].split("\t") != HEADER:
        problems.append(f"header must be {HEADER!r}")
    seen: dict[str, int] = {}
    counts: Counter[tuple[str, str]] = Counter()
    for number, line in enumerate(lines[1:], start=2):
        if "\r" in line:
            problems.append(f"line {number}: carriage return")
        cols = line.split("\t")
        if len(cols) != 4:
            problems.append(f"line {number}: {len(cols)} columns, expected 4")
            continue
        text, label, kind, _note = cols
        if not text.strip():
            problems.append(f"line {number}: empty text")
            continue
        if text != text.strip():
            problems.append(f"line {number}: leading/trailing whitespace in text")
        if label not in KINDS:
            problems.append(f"line {number}: unknown label {label!r}")
            continue
        if kind not in KINDS[label]:
            problems.append(f"line {number}: kind {kind!r} not allowed for label {label!r}")
        key = normalise(text)
        if key in seen:
            problems.append(
                f"line {number}: duplicate of line {seen[key]} after normalising: {text!r}"
            )
        else:
            seen[key] = number
        counts[(label, kind)] += 1

    per_label = Counter()
    for (label, _kind), n in counts.items():
        per_label[label] += n
    for label, minimum in MINIMUM.items():
        if per_label[label] < minimum:
            problems.append(f"only {per_label[label]} {label} rows, need at least {minimum}")

    for label in KINDS:
        print(f"{label}: {per_label[label]}")
        for kind in sorted(KINDS[label]):
            print(f"  {kind:16} {counts[(label, kind)]}")
    print(f"total: {sum(per_label.values())}")
    return problems


def main() -> int:
    default = Path(__file__).with_name("crisis_set.tsv")
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else default
    problems = validate(path)
    for problem in problems:
        print("PROBLEM:", problem)
    print("OK" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
