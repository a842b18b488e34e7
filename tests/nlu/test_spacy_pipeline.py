import json

import spacy

from bot.nlu import spacy_pipeline
from bot.nlu.spacy_pipeline import CORE_PACKAGE, FALLBACK_NAME, ensure_pipeline


def test_fallback_is_built_when_the_core_package_is_missing(tmp_path, monkeypatch):
    monkeypatch.setattr(spacy_pipeline, "core_package_available", lambda: False)
    monkeypatch.setattr(spacy_pipeline, "try_install_core_package", lambda: False)
    info = ensure_pipeline(tmp_path)
    assert info.name == FALLBACK_NAME
    assert (tmp_path / "nl").resolve() == info.path.resolve()
    nlp = spacy.load(tmp_path / "nl")
    doc = nlp("Ik heb m'n contract en werk 's avonds")
    assert "m'n" in [t.text for t in doc]
    assert "'s" in [t.text for t in doc]
    assert any(t.lemma_ for t in doc)
    assert json.loads((info.path / "meta.json").read_text())["lang"] == "nl"


def test_core_package_is_preferred_when_available(tmp_path, monkeypatch):
    monkeypatch.setattr(spacy_pipeline, "core_package_available", lambda: True)
    saved = []

    def fake_save_core(target):
        saved.append(target)
        spacy.blank("nl").to_disk(target)

    monkeypatch.setattr(spacy_pipeline, "save_core", fake_save_core)
    info = ensure_pipeline(tmp_path)
    assert info.name == CORE_PACKAGE
    assert saved == [tmp_path / CORE_PACKAGE]
    assert (tmp_path / "nl").resolve() == (tmp_path / CORE_PACKAGE).resolve()


def test_download_is_tried_only_when_allowed(tmp_path, monkeypatch):
    monkeypatch.setattr(spacy_pipeline, "core_package_available", lambda: False)
    tried = []
    monkeypatch.setattr(spacy_pipeline, "try_install_core_package", lambda: tried.append(1))
    ensure_pipeline(tmp_path, allow_download=False)
    assert tried == []
    monkeypatch.setenv("KOFFIEPRAAT_SPACY_DOWNLOAD", "0")
    monkeypatch.undo()
    monkeypatch.setenv("KOFFIEPRAAT_SPACY_DOWNLOAD", "0")
    assert spacy_pipeline.try_install_core_package() is False


def test_building_twice_reuses_the_pipeline(tmp_path, monkeypatch):
    monkeypatch.setattr(spacy_pipeline, "core_package_available", lambda: False)
    monkeypatch.setattr(spacy_pipeline, "try_install_core_package", lambda: False)
    first = ensure_pipeline(tmp_path)
    stamp = (first.path / "meta.json").stat().st_mtime_ns
    ensure_pipeline(tmp_path)
    assert (first.path / "meta.json").stat().st_mtime_ns == stamp
