"""tools.profile_turns runs end to end: counts, CPU per stage, with and without the speedups."""

from __future__ import annotations

import re

import pytest

# xdist: these two load the model and start an action server in main(); one worker runs
# them one after the other, early (tests/conftest.py).
pytestmark = pytest.mark.xdist_group("model_tools")


def test_a_short_profile_reports_counts_and_stages(monkeypatch, capsys, tmp_path):
    from tools import profile_turns

    monkeypatch.setenv("TRACKER_STORE_URL", f"sqlite:///{tmp_path / 'profile.db'}")
    monkeypatch.setenv("ACTIONS_PORT", "0")  # main() sets its own; monkeypatch restores it
    for extra in ([], ["--no-speedups"]):
        assert profile_turns.main(["--conversations", "1", *extra]) == 0
        out = capsys.readouterr().out
        assert re.search(r"Rasa thread CPU per message, no instrumentation: [\d.]+ ms", out)
        assert re.search(r"action calls\s+[\d.]+", out) and "tracker save" in out
        assert ("bot.rasa.speedups off" in out) == bool(extra)
    import bot.rasa.speedups as speedups

    speedups.apply()  # --no-speedups took them off in this process
