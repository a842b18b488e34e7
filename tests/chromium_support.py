"""Debian's Chromium for the Playwright tests (Playwright's own browser download is not
reachable here): where it is, how it is launched, and installing it when missing.

Importable by bare name for the reason given in pg_support.py.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
# Headless in a container: no sandbox (root), no GPU, and no calls home.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def ensure_chromium() -> None:
    """Install Debian's package once if it is missing (scripts/setup_system.sh does the
    same before `make test`)."""
    if CHROMIUM.exists():
        return
    apt = shutil.which("apt-get")
    if apt is None:
        pytest.fail("Chromium is missing and apt-get is not available to install it")
    subprocess.run([apt, "update"], check=True)
    subprocess.run([apt, "install", "-y", "chromium"], check=True)
