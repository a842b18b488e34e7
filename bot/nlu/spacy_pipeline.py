"""Choose or build the Dutch spaCy pipeline that Rasa's SpacyNLP loads from disk.

Order of preference:
1. ``nl_core_news_sm`` (spaCy 3.4.x) when it is installed, or can be installed from
   its release wheel (skipped when ``KOFFIEPRAAT_SPACY_DOWNLOAD=0`` or offline);
2. otherwise the project's own pipeline: ``spacy.blank("nl")`` (Dutch tokeniser:
   "m'n", "z'n", "'s avonds") plus the lookup lemmatizer from spacy-lookups-data.

Either one is saved under ``var/spacy/<name>`` and ``var/spacy/nl`` points at the
selected one, so ``config.yml`` works with plain ``rasa`` commands while
``bot.nlu.train`` records the concrete pipeline in the trained model's metadata.

Neither pipeline has word vectors (``nl_core_news_sm`` has none either), so
SpacyFeaturizer would add nothing: spaCy's value here is tokenisation and lemmas.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

logger = logging.getLogger(__name__)

CORE_PACKAGE = "nl_core_news_sm"
CORE_VERSION = "3.4.0"
CORE_WHEEL_URL = (
    "https://github.com/explosion/spacy-models/releases/download/"
    f"{CORE_PACKAGE}-{CORE_VERSION}/{CORE_PACKAGE}-{CORE_VERSION}-py3-none-any.whl"
)
FALLBACK_NAME = "nl_koffiepraat_lookup"
SPACY_DIR = Path("var/spacy")
SELECTED_LINK = "nl"


@dataclass(frozen=True)
class PipelineInfo:
    name: str  # CORE_PACKAGE or FALLBACK_NAME
    path: Path
    description: str


def core_package_available() -> bool:
    import spacy.util

    return spacy.util.is_package(CORE_PACKAGE)


def try_install_core_package(timeout_s: float = 120.0) -> bool:
    """Install nl_core_news_sm from its release wheel; False when that is impossible."""
    if os.environ.get("KOFFIEPRAAT_SPACY_DOWNLOAD", "1") == "0":
        return False
    cmd = [sys.executable, "-m", "pip", "install", "--no-deps", "-q", CORE_WHEEL_URL]
    try:
        done = subprocess.run(cmd, capture_output=True, timeout=timeout_s, check=False)
    except (subprocess.TimeoutExpired, OSError):
        return False
    return done.returncode == 0 and core_package_available()


def build_fallback(target: Path) -> None:
    """Blank Dutch pipeline with the lookup lemmatizer, saved to ``target``."""
    import spacy

    nlp = spacy.blank("nl")
    # Lookup mode: the Dutch rule lemmatizer needs POS tags, which a blank
    # pipeline has no tagger for. Tables come from spacy-lookups-data and are
    # serialised with the pipeline, so loading needs no extra package.
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    nlp.meta["name"] = FALLBACK_NAME.removeprefix("nl_")
    nlp.meta["version"] = "1.0.0"
    nlp.meta["description"] = (
        "Koffiepraat fallback: spacy.blank('nl') tokenizer + lookup lemmatizer "
        "(spacy-lookups-data); used when nl_core_news_sm is unavailable."
    )
    nlp.to_disk(target)


def save_core(target: Path) -> None:
    import spacy

    spacy.load(CORE_PACKAGE).to_disk(target)


def _point_link(spacy_dir: Path, name: str) -> None:
    link = spacy_dir / SELECTED_LINK
    if link.is_symlink() or link.exists():
        link.unlink()
    link.symlink_to(name, target_is_directory=True)


def ensure_pipeline(spacy_dir: Path = SPACY_DIR, allow_download: bool = True) -> PipelineInfo:
    """Return the selected pipeline, building it on disk if needed (idempotent)."""
    spacy_dir.mkdir(parents=True, exist_ok=True)
    use_core = core_package_available() or (allow_download and try_install_core_package())
    name = CORE_PACKAGE if use_core else FALLBACK_NAME
    target = spacy_dir / name
    if not (target / "meta.json").exists():
        logger.info("Building Dutch spaCy pipeline %s", name)
        (save_core if use_core else build_fallback)(target)
    _point_link(spacy_dir, name)
    meta = json.loads((target / "meta.json").read_text(encoding="utf-8"))
    return PipelineInfo(name=name, path=target, description=meta.get("description", ""))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=SPACY_DIR)
    parser.add_argument("--no-download", action="store_true")
    args = parser.parse_args(argv)
    info = ensure_pipeline(args.dir, allow_download=not args.no_download)
    print(f"spaCy pipeline: {info.name} ({info.path})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
