"""The assignee hears of a member message in a live chat while the conversation view is
closed (issue 12, item 3; bot/tickets/live_notice.py): through the outbox, at most once per
quiet period, never while the view is open, and with nothing the member wrote."""

from __future__ import annotations

from cryptography.fernet import Fernet
from tickets_support import NOTIFIERS, make_draft

from bot.tickets.live import LiveChats, seal
from bot.tickets.live_notice import NOTICE_KIND, quiet_minutes

KEY = Fernet.generate_key()


def live_ticket(store, clock, quiet: int = 10, key: str = "notice-1",
                sender_key: str = "n" * 64):
    live = LiveChats(store, idle_minutes=120, clock=clock, notify_quiet_minutes=quiet)
    ticket = store.create_ticket(make_draft(
        key, channel="telegram", sender_key=sender_key,
        way_back=seal("telegram", f"telegram:{key}", KEY)))
    live.takeover(ticket.id, "anna", "anna")
    return live, ticket


def notices(store, ticket_id: str):
    return [item for item in store.outbox_for_ticket(ticket_id) if item.kind == NOTICE_KIND]


def test_a_member_message_with_the_view_closed_queues_one_notice_per_notifier(store, clock):
    live, ticket = live_ticket(store, clock)
    live.record_member(ticket.id, "Ben je er nog? Mijn nummer is 0612345678")
    queued = notices(store, ticket.id)
    assert sorted(item.notifier for item in queued) == sorted(NOTIFIERS)
    item = queued[0]
    assert (item.reference, item.team, item.assignee) == (
        ticket.reference, ticket.team, "anna")
    # The outbox row carries no text of the member.
    assert "0612345678" not in repr(queued)


def test_no_more_than_one_notice_per_quiet_period(store, clock):
    live, ticket = live_ticket(store, clock, quiet=10)
    for text in ("hallo?", "ik wacht even", "nog één ding"):
        live.record_member(ticket.id, text)
        clock.advance(minutes=2)
    assert len(notices(store, ticket.id)) == len(NOTIFIERS)
    clock.advance(minutes=5)  # more than 10 minutes since the notice
    live.record_member(ticket.id, "hallo, nog iemand?")
    assert len(notices(store, ticket.id)) == 2 * len(NOTIFIERS)


def test_no_notice_while_the_view_is_open_and_one_when_it_closed_or_went_stale(store, clock):
    live, ticket = live_ticket(store, clock)
    live.viewer_seen(ticket.id)
    live.record_member(ticket.id, "de consulent kijkt mee")
    assert notices(store, ticket.id) == []
    clock.advance(seconds=45)  # the view stopped stamping without a goodbye
    live.record_member(ticket.id, "nog steeds daar?")
    assert len(notices(store, ticket.id)) == len(NOTIFIERS)

    live, other = live_ticket(store, clock, key="notice-2", sender_key="o" * 64)
    live.viewer_seen(other.id)
    live.viewer_gone(other.id)  # the stream ended: closed at once
    live.record_member(other.id, "hallo")
    assert len(notices(store, other.id)) == len(NOTIFIERS)


def test_the_notice_goes_with_the_ticket_on_erasure(store, clock):
    live, ticket = live_ticket(store, clock)
    live.record_member(ticket.id, "hallo")
    assert notices(store, ticket.id)
    store.delete_for_sender("n" * 64)
    assert store.outbox_for_ticket(ticket.id) == []


def test_the_quiet_period_is_configured_in_the_environment():
    assert quiet_minutes({}) == 10
    assert quiet_minutes({"LIVE_CHAT_NOTIFY_QUIET_MINUTES": "3"}) == 3
    assert quiet_minutes({"LIVE_CHAT_NOTIFY_QUIET_MINUTES": "nonsense"}) == 10
