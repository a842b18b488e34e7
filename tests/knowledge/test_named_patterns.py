"""Named patterns (knowledge/keywords.yml ``patterns``) and the entries' own patterns: one
wording of "resigning" instead of four copies, and a broken pattern refused with its place."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.knowledge.entries import (
    KnowledgeError,
    entry_by_id,
    load_entries,
    load_keywords,
    named_patterns,
)

ENTRY = """entries:
  - id: x
    topic: stuck
    region: nl
    facts: []
    questions: [q]
    answer: [a]
    {field}: '{pattern}'
"""


@pytest.mark.parametrize("field", ["offer_on", "follow_up_on"])
def test_a_broken_entry_pattern_is_refused_with_its_entry_and_field(tmp_path: Path, field):
    (tmp_path / "x.yml").write_text(ENTRY.format(field=field, pattern="(ontslag"))
    with pytest.raises(KnowledgeError, match=f"x.yml: x: {field}"):
        load_entries(tmp_path)


def test_an_unknown_named_pattern_is_an_error_not_a_pattern_that_never_matches(tmp_path):
    (tmp_path / "x.yml").write_text(ENTRY.format(field="offer_on", pattern="{bestaat_niet}"))
    with pytest.raises(KnowledgeError, match="bestaat_niet"):
        load_entries(tmp_path)


def test_an_unknown_name_in_the_keywords_file_is_an_error(tmp_path: Path):
    path = tmp_path / "keywords.yml"
    path.write_text("patterns:\n  a: 'x'\nkeywords:\n  zelf_ontslag_ww: '{b}'\n")
    with pytest.raises(KnowledgeError, match="zelf_ontslag_ww"):
        load_keywords(path)


def test_resigning_is_written_once_and_used_by_all_four_places():
    resigning = named_patterns()["resigning"]
    source = (Path(__file__).parents[2] / "knowledge").glob("*.yml")
    assert sum(p.read_text(encoding="utf-8").count(r"\bopzegbrief") for p in source) == 1
    keywords = load_keywords()
    requires = load_keywords(section="requires")
    said = "ik neem morgen ontslag, krijg ik dan ww?"
    assert keywords["zelf_ontslag_ww"].search(said)
    assert requires["zelf_ontslag_ww"].search(said)
    assert not requires["ww_voorwaarden"].search(said)
    entry = entry_by_id("zelf_ontslag_ww")
    assert entry is not None and entry.offer_on is not None and resigning in entry.offer_on
    # guard: the boss who gives notice is no resignation
    assert not keywords["zelf_ontslag_ww"].search("mijn baas zegt mijn contract op")
    assert requires["ww_voorwaarden"].search("krijg ik ww als mijn contract stopt?")
