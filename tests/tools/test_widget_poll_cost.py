"""tools.widget_poll_cost: the widget push loop measured on a seeded database. Only shapes
and counts are checked, never times."""

from __future__ import annotations

import argparse

import pytest

from tools.widget_poll_cost import RoundCost, per_widget, run, table


async def test_a_small_run_counts_one_query_a_round_only_with_widgets_connected():
    args = argparse.Namespace(db_url=None, tickets=12, routes=6, waiting=3, rounds=4,
                              sessions=[0, 1, 5])
    report = await run(args)
    rows = [line for line in report.splitlines() if line.startswith("| ") and
            line[2].isdigit()]
    statements = {int(r.split("|")[1]): float(r.split("|")[5]) for r in rows}
    assert statements[0] == 0  # nobody connected: no query at all
    assert statements[1] == statements[5] >= 1  # one round, one query, whatever N
    assert "one more open widget" in report


def test_the_cost_per_widget_is_the_slope_over_the_runs_with_widgets():
    costs = [RoundCost(0, 0.0, 0.0, 0), RoundCost(1, 2.0, 3.0, 1),
             RoundCost(11, 3.0, 3.0, 1), RoundCost(21, 4.0, 3.0, 1)]
    assert per_widget(costs) == pytest.approx((0.1, 0.0))
    assert per_widget(costs[:2]) is None
    assert "| 11 | 3.000 | — | 3.000 | 1 |" in table(costs)
