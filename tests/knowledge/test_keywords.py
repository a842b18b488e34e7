"""knowledge/keywords.yml: words that name an entry's question, and words an entry's
answer needs (round 6 role-play: short questions got "geen goed antwoord", and a man who
was dismissed was warned about resigning)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.knowledge.entries import KnowledgeError, load_entries, load_keywords
from bot.knowledge.retriever import shared_retriever


def test_every_keyword_names_a_real_entry_and_compiles():
    entries = load_entries()
    assert load_keywords(entries=entries)
    assert load_keywords(entries=entries, section="requires")


def test_an_unknown_entry_id_is_an_error_that_names_it(tmp_path: Path):
    path = tmp_path / "keywords.yml"
    path.write_text("keywords:\n  bestaat_niet: 'x'\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="bestaat_niet"):
        load_keywords(path)


def test_the_keywords_file_is_not_read_as_entries():
    assert "keywords" not in {e.id for e in load_entries()}


@pytest.mark.parametrize("text, expected", [
    ("oké. krijg ik eigenlijk ww?", "ww_voorwaarden"),  # p33: "geen goed antwoord"
    ("ww uitkering bedoel ik. na ontslag. krijg ik dat", "ww_voorwaarden"),  # p33: resigning
    ("is da hier ook voor Belgen?", "ook_voor_vlaanderen"),  # p31: topic buttons
    ("mag ik ontslag nemen en toch ww?", "zelf_ontslag_ww"),
])
def test_short_questions_that_name_their_subject_get_its_answer(text, expected):
    match = shared_retriever().find(text)
    assert match is not None and match.entry.id == expected, (text, match)
