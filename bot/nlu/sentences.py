"""Sentence spans of a message: one splitter for the featurizer, the classifier
and the topics, so that all three see the same sentences."""

from __future__ import annotations

import re

# A sentence ends at . ! ? … (also repeated) or a line break, followed by space.
# Abbreviations such as "o.a." or "bijv." rarely start a new capital word; a
# split there costs little (the whole message is classified as well).
_END = re.compile(r"(?<=[.!?…])[\"')\]]*\s+|\s*\n+\s*")
MIN_CHARS = 12  # shorter pieces ("Nou.", "Ok!") join the sentence before them


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) character spans of the sentences of ``text``, in order."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _END.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if not text[s:e].strip():
            continue
        if merged and (e - s < MIN_CHARS or merged[-1][1] - merged[-1][0] < MIN_CHARS):
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged or [(0, len(text))]


def sentences(text: str) -> list[str]:
    return [text[s:e].strip() for s, e in sentence_spans(text)]
