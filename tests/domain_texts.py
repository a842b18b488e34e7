"""The bot's response texts from domain/*.yml, for tests that check what a running bot said.

Importable by bare name for the reason given in pg_support.py.
"""

from __future__ import annotations

from pathlib import Path

import yaml

DOMAIN_DIR = Path(__file__).resolve().parents[1] / "domain"


def load_responses() -> dict[str, list[str]]:
    """Every response text of the domain, by name (all variations)."""
    found: dict[str, list[str]] = {}
    for path in sorted(DOMAIN_DIR.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for name, variations in (data.get("responses") or {}).items():
            found[name] = [v.get("text", "") for v in variations]
    return found
