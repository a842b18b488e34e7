"""Fixtures of the production-profile tests."""

from __future__ import annotations

import pytest
import yaml

from bot.settings import ROOT


@pytest.fixture(scope="session")
def responses() -> dict[str, list[str]]:
    """Every response text of the domain, by name (all variations)."""
    found: dict[str, list[str]] = {}
    for path in sorted((ROOT / "domain").glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for name, variations in (data.get("responses") or {}).items():
            found[name] = [v.get("text", "") for v in variations]
    return found

