"""Shared by the knowledge tests: how a question is compared with the knowledge base's own
example questions, so every held-out set proves its separation the same way."""

from __future__ import annotations

import re

from bot.knowledge.entries import load_entries, load_not_covered


def norm(text: str) -> str:
    """Lower case, punctuation gone: "Krijg ik WW?" and "krijg ik ww" are the same question."""
    return re.sub(r"[^\w ]", "", text.lower()).strip()


def known_questions() -> set[str]:
    """Every example question and every deliberately uncovered question, normalised."""
    known = {norm(q) for e in load_entries() for q in e.questions}
    return known | {norm(q) for q in load_not_covered()}


def overlapping(texts: list[str]) -> list[str]:
    """The texts that stand in the knowledge base already (should be none)."""
    known = known_questions()
    return [text for text in texts if norm(text) in known]
