"""Every slot the conversation engine writes is declared in the domain: Rasa keeps only
declared slots, so an undeclared one works in these tests and is lost in a real
conversation (the action server sends SlotSet only for known names)."""

from __future__ import annotations

import re

import yaml

from bot.settings import ROOT

SET_CALL = re.compile(r"self\.set\((.*?)\)\s*$", re.S | re.M)


def written_slots() -> set[str]:
    names: set[str] = set()
    for path in (ROOT / "bot" / "dialogue").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        for match in re.finditer(r"self\.set\(", source):
            depth, i = 1, match.end()
            while depth and i < len(source):
                depth += {"(": 1, ")": -1}.get(source[i], 0)
                i += 1
            call = source[match.end():i - 1]
            names |= set(re.findall(r"(?:^|[,(\s])([a-z_]+)=", call))
    return names


def test_every_slot_the_engine_sets_is_in_the_domain():
    domain = yaml.safe_load((ROOT / "domain" / "domain.yml").read_text(encoding="utf-8"))
    declared = set(domain["slots"])
    written = written_slots()
    assert {"pending", "offers_ignored", "knowledge_repeated"} <= written
    missing = sorted(written - declared)
    assert not missing, f"set by bot/dialogue, not declared in domain/domain.yml: {missing}"
