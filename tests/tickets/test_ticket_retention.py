from __future__ import annotations

import pytest
from tickets_support import make_draft

from bot.tickets import TicketStore
from bot.tickets.retention import DEFAULT_RETENTION_DAYS, main, retention_days


def test_retention_days_default_and_env():
    assert retention_days({}) == DEFAULT_RETENTION_DAYS == 90
    assert retention_days({"TICKETS_RETENTION_DAYS": "30"}) == 30
    with pytest.raises(ValueError):
        retention_days({"TICKETS_RETENTION_DAYS": "-1"})


def test_cli_purges_closed_tickets_and_reports_the_count(db_url, capsys):
    store = TicketStore.from_url(db_url)
    store.migrate()
    closed = store.create_ticket(make_draft("closed"))
    store.update_ticket(closed.id, status="closed", actor="anna")
    open_ticket = store.create_ticket(make_draft("open"))

    assert main(["--db-url", db_url], env={}) == 0  # 90 days: nothing old enough yet
    assert "0 closed ticket(s) older than 90 day(s)" in capsys.readouterr().out
    assert main(["--closed-days", "0"], env={"TICKETS_DB_URL": db_url}) == 0
    assert "1 closed ticket(s)" in capsys.readouterr().out

    assert store.get_ticket(closed.id) is None
    assert store.get_ticket(open_ticket.id) is not None
    store.close()
