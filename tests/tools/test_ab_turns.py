"""tools.ab_turns: each switch really swaps the code under test, and a short run reports."""

from __future__ import annotations

import re

import pytest

# xdist: these two load the model and start an action server in main(); one worker runs
# them one after the other, early (tests/conftest.py).
pytestmark = pytest.mark.xdist_group("model_tools")


def test_a_short_interleaved_run_reports_both_sides(monkeypatch, capsys, tmp_path):
    from rasa.shared.core.domain import Domain

    from tools import ab_turns

    monkeypatch.setenv("TRACKER_STORE_URL", f"sqlite:///{tmp_path / 'ab.db'}")
    monkeypatch.setenv("ACTIONS_PORT", "0")  # main() sets its own; monkeypatch restores it
    seen: dict[str, list[tuple[str, str, str]]] = {}
    switches = dict(ab_turns.SWITCHES)

    def spying(change):
        def make(agent):
            switch = switches[change](agent)
            store = getattr(agent.tracker_store, "_tracker_store", agent.tracker_store)

            def spy(on):
                switch(on)
                seen.setdefault(change, []).append((
                    type(agent.processor.graph_runner).__name__, type(store).__name__,
                    Domain.states_for_tracker_history.__module__))
            return spy
        return make

    for change, extra in (("graph_runner", []), ("tracker_sql", []), ("policy_states", []),
                          ("graph_runner", ["--model-only"])):
        monkeypatch.setitem(ab_turns.SWITCHES, change, spying(change))
        assert ab_turns.main([change, "--rounds", "2", "--conversations", "1", *extra]) == 0
        out = capsys.readouterr().out
        assert re.search(r"median: \d+\.\d\d ms without, \d+\.\d\d ms with", out), out
        assert re.search(r"spread of the rounds: [\d.]+-[\d.]+ ms without", out), out
        assert ("(model only)" in out) == bool(extra)
    assert {runner for runner, _, _ in seen["graph_runner"]} == {
        "SequentialGraphRunner", "DaskGraphRunner"}
    assert {store for _, store, _ in seen["tracker_sql"]} == {"UrlSQLTrackerStore", "RasaOrm"}
    assert {states for _, _, states in seen["policy_states"]} == {
        "bot.rasa.speedups.policy_states", "rasa.shared.core.domain"}
    assert seen["policy_states"][-1][2] == "bot.rasa.speedups.policy_states"  # left on
