"""The knowledge base's files: every answer has sourced facts, a known topic, and the
shape a chat bubble needs (knowledge/*.yml, docs/facts.md)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from bot.knowledge.entries import Entry, KnowledgeError, fact_ids, load_entries
from bot.settings import ROOT

INTENTS = set(yaml.safe_load((ROOT / "domain" / "domain.yml").read_text())["intents"])
ALLOWED_URLS = ("113.nl", "werk.nl", "uwv.nl", "vdab.be", "juridischloket.nl",
                "discriminatie.nl", "mijnpensioenoverzicht.nl", "duo.nl", "1813.be",
                "zelfmoord1813.be", "unia.be", "svb.nl", "rva.be",
                "stagemarkt.nl",  # SBB's site for leerbanen (facts: bbl_leerbedrijf_nodig)
                "mypension.be")  # the Federale Pensioendienst's site (facts: mypension_be)


@pytest.fixture(scope="module")
def entries() -> list[Entry]:
    return load_entries()


def test_the_knowledge_base_covers_at_least_forty_questions(entries):
    assert len(entries) >= 40


def test_every_entry_names_a_known_topic_and_sourced_facts(entries):
    known = fact_ids()
    for entry in entries:
        assert entry.topic in INTENTS, entry.id
        missing = [f for f in entry.facts if f not in known]
        assert not missing, (entry.id, missing)


def test_facts_that_are_not_verified_are_never_used(entries):
    status = {}
    for line in (ROOT / "docs" / "facts.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip(" `") for c in line.split("|")[1:-1]]
        if len(cells) >= 5 and re.fullmatch(r"[a-z0-9_]+", cells[0]):
            status[cells[0]] = cells[-1]
    used_nv = [(e.id, f) for e in entries for f in e.facts if status.get(f, "").startswith("NV")]
    assert not used_nv


def test_answers_are_short_bubbles_in_plain_text(entries):
    for entry in entries:
        assert 1 <= len(entry.answer) <= 3, entry.id
        for bubble in entry.answer:
            assert len(bubble) <= 320, (entry.id, len(bubble))
            for url in re.findall(r"\b[\w.-]+\.(?:nl|be|com|org)\b", bubble):
                assert url.lower().endswith(ALLOWED_URLS), (entry.id, url)


def test_every_answer_has_a_short_plain_version_that_is_not_the_answer_again(entries):
    # Round 19c (p83): "te lang tekst. kan simpel?" got the same three long bubbles again,
    # because the bbl answer had no plain version.
    for entry in entries:
        assert entry.simple, entry.id
        assert entry.simple.startswith("In makkelijke woorden: "), entry.id
        assert len(entry.simple.split()) <= 60, (entry.id, len(entry.simple.split()))
        assert entry.simple not in entry.answer, entry.id
        for number in re.findall(r"\d+", entry.simple):
            # a plain version names no figure the answer does not name
            assert any(number in line for line in entry.answer), (entry.id, number)


def test_a_question_belongs_to_one_entry_only(entries):
    seen: dict[str, str] = {}
    for entry in entries:
        assert len(entry.questions) >= 6, entry.id
        for question in entry.questions:
            key = re.sub(r"[^\w ]", "", question.lower()).strip()
            assert seen.setdefault(key, entry.id) == entry.id, question


def test_a_broken_file_is_refused_with_its_name(tmp_path: Path):
    (tmp_path / "broken.yml").write_text("entries:\n  - id: x\n    topic: stuck\n")
    with pytest.raises(KnowledgeError, match="broken.yml"):
        load_entries(tmp_path)


def test_an_empty_question_is_refused(tmp_path: Path):
    # Session 22: "      - # a note" under questions became the question "None".
    (tmp_path / "notes.yml").write_text(
        "entries:\n  - id: x\n    topic: stuck\n    questions:\n      - echt een vraag\n"
        "      - # een notitie\n    answer: [a]\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="notes.yml: x: every question must be text"):
        load_entries(tmp_path)


def test_a_line_for_older_people_is_left_out_below_its_age(tmp_path):
    # Round 15c: a man of 52 read the IOW rules for 60 and older.
    (tmp_path / "x.yml").write_text(
        "entries:\n  - id: a\n    topic: unemployed\n    questions: [q]\n    answer:\n"
        "      - voor iedereen\n      - text: vanaf zestig\n        from_age: 60\n",
        encoding="utf-8")
    (entry,) = load_entries(tmp_path)
    assert entry.lines_for("52") == ["voor iedereen"]
    assert entry.lines_for("61") == ["voor iedereen", "vanaf zestig"]
    assert entry.lines_for(None) == ["voor iedereen", "vanaf zestig"]
    assert entry.answer == ("voor iedereen", "vanaf zestig")
