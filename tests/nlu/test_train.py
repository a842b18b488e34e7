import shutil

import yaml

from bot.nlu.spacy_pipeline import PipelineInfo
from bot.nlu.train import fingerprint, resolve_config
from bot.settings import ROOT


def _project_copy(tmp_path):
    for name in ("config.yml", "domain", "data"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name)
        else:
            shutil.copy(source, tmp_path / name)
    return tmp_path


def test_fingerprint_changes_with_data_and_pipeline(tmp_path):
    root = _project_copy(tmp_path)
    base = fingerprint("a", root)
    assert fingerprint("a", root) == base
    assert fingerprint("b", root) != base
    (root / "data" / "nlu" / "extra.yml").write_text('version: "3.1"\n')
    assert fingerprint("a", root) != base


def test_resolved_config_names_the_concrete_pipeline(tmp_path):
    info = PipelineInfo("nl_koffiepraat_lookup", tmp_path / "var/spacy/nl_koffiepraat_lookup", "")
    target = resolve_config(info, ROOT / "config.yml", tmp_path / "config.trained.yml")
    config = yaml.safe_load(target.read_text())
    [spacy_node] = [c for c in config["pipeline"] if c["name"] == "SpacyNLP"]
    assert spacy_node["model"].endswith("nl_koffiepraat_lookup")
    original = yaml.safe_load((ROOT / "config.yml").read_text())
    assert len(config["pipeline"]) == len(original["pipeline"])
