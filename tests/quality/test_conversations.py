"""Conversation tests (tests/stories, Rasa's test-story format) must all pass."""

from __future__ import annotations

import subprocess
import sys

import pytest

from bot.action_auth import ensure_token
from bot.quiet import quiet_env
from bot.settings import ROOT
from bot.train import latest_model

pytestmark = pytest.mark.slow


def test_conversation_stories_pass(tmp_path):
    model = latest_model()
    assert model is not None
    cmd = [sys.executable, "-m", "rasa", "test", "core", "--quiet", "--model", str(model),
           "--stories", str(ROOT / "tests" / "stories"), "--out", str(tmp_path),
           "--fail-on-prediction-errors", "--endpoints", str(ROOT / "endpoints.yml")]
    env = quiet_env()
    env.setdefault("ACTIONS_PORT", "5055")
    ensure_token(env)  # endpoints.yml sends it; Rasa refuses to start without it
    env["TRACKER_STORE_URL"] = f"sqlite:///{tmp_path / 'rasa.db'}"
    done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
    failed = tmp_path / "failed_test_stories.yml"
    details = failed.read_text(encoding="utf-8") if failed.exists() else done.stderr[-4000:]
    assert done.returncode == 0, details
    assert "# None of the test stories failed" in failed.read_text(encoding="utf-8")
