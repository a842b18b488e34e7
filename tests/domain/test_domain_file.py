"""The root domain.yml (for Rasa's command line) is the current merge of domain/."""

from __future__ import annotations

from rasa.shared.core.domain import Domain

from bot.nlu import domain_file
from bot.settings import ROOT


def test_the_root_domain_yml_is_the_current_merge_of_domain_folder():
    assert domain_file.TARGET.read_text(encoding="utf-8") == domain_file.merged_yaml(), (
        "domain.yml is out of date: run .venv/bin/python -m bot.nlu.domain_file")


def test_rasa_reads_the_same_domain_from_the_file_and_from_the_folder():
    merged = Domain.load(str(ROOT / "domain.yml"))
    split = Domain.load(str(ROOT / "domain"))
    assert merged.as_dict() == split.as_dict()
    assert merged.responses and merged.intents and merged.slots


def test_write_leaves_a_current_file_alone(tmp_path):
    target = tmp_path / "domain.yml"
    assert domain_file.write(target=target) is True
    assert domain_file.write(target=target) is False
    assert target.read_text(encoding="utf-8").startswith("# Generated from domain/")
