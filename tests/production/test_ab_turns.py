"""bot.ab_turns: each switch really swaps the code under test, and a short run reports."""

from __future__ import annotations

import re


def test_a_short_interleaved_run_reports_both_sides(monkeypatch, capsys, tmp_path):
    from bot import ab_turns

    monkeypatch.setenv("TRACKER_STORE_URL", f"sqlite:///{tmp_path / 'ab.db'}")
    monkeypatch.setenv("ACTIONS_PORT", "0")  # main() sets its own; monkeypatch restores it
    seen: list[tuple[str, str]] = []
    switches = dict(ab_turns.SWITCHES)

    def spying(change):
        def make(agent):
            switch = switches[change](agent)
            store = getattr(agent.tracker_store, "_tracker_store", agent.tracker_store)

            def spy(on):
                switch(on)
                seen.append((type(agent.processor.graph_runner).__name__, type(store).__name__))
            return spy
        return make

    for change in ("graph_runner", "tracker_sql"):
        monkeypatch.setitem(ab_turns.SWITCHES, change, spying(change))
        assert ab_turns.main([change, "--rounds", "2", "--conversations", "1"]) == 0
        out = capsys.readouterr().out
        assert re.search(r"median: \d+\.\d\d ms without, \d+\.\d\d ms with", out), out
    runners = {runner for runner, _ in seen[:5]}
    stores = {store for _, store in seen[5:]}
    assert runners == {"SequentialGraphRunner", "DaskGraphRunner"}
    assert stores == {"UrlSQLTrackerStore", "RasaOrm"}
