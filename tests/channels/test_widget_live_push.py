"""The widget's live push (bot/channels/widget_live.py, issue 12): a consultant message for
a widget connected to this process goes out on the next round, in order, even when many
older messages wait for people who never came back; nothing is queried while no widget is
connected."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from cryptography.fernet import Fernet
from ticket_data import make_draft

from bot.channels.widget_live import MAX_PAGES, PAGE_ROWS, WidgetLivePush
from bot.tickets.live import LiveChats, seal

KEY = Fernet.generate_key()


class Rooms:
    """python-socketio's AsyncServer as WidgetLivePush reads it: rooms and emit()."""

    def __init__(self, *sessions: str) -> None:
        rooms: dict[Any, dict[str, str]] = {None: {}}
        for n, session in enumerate(sessions):
            rooms[session] = {f"sid-{n}": f"eio-{n}"}
        self.manager = SimpleNamespace(rooms={"/": rooms})
        self.emitted: list[tuple[str, str]] = []

    async def emit(self, _event: str, payload: dict[str, Any], room: str,
                   namespace: str) -> None:
        self.emitted.append((room, payload["text"]))


def widget_chat(store, live: LiveChats, session: str):
    ticket = store.create_ticket(make_draft(
        f"widget-{session}", channel="socketio", sender_key=f"{session:>064}",
        way_back=seal("socketio", f"socketio:{session}", KEY)))
    live.takeover(ticket.id, "anna", "anna")
    return ticket


async def test_a_new_message_is_pushed_past_a_pile_of_messages_for_people_who_left(
        tmp_path, open_store):
    store = open_store(f"sqlite:///{tmp_path / 'tickets.db'}")
    live = LiveChats(store)
    # More messages than one page wait for widgets that are connected nowhere.
    for n in range(PAGE_ROWS // 2 + 1):  # the takeover line and one message each
        gone = widget_chat(store, live, f"gone{n}")
        live.send_consultant(gone.id, "anna", "Ben je er nog?")
    here = widget_chat(store, live, "here")
    live.send_consultant(here.id, "anna", "Hoi, ik ben Anna.")
    live.send_consultant(here.id, "anna", "Waar kan ik mee helpen?")

    sio = Rooms("here")
    push = WidgetLivePush(sio, "/", "bot_uttered", lambda: live, KEY)
    assert await push.deliver_once() == 3
    assert [room for room, _ in sio.emitted] == ["here"] * 3
    texts = [text for _, text in sio.emitted]
    assert texts[0].startswith("Je praat nu met Anna")  # in the order written
    assert texts[1:] == ["Anna (consulent): Hoi, ik ben Anna.",
                         "Anna (consulent): Waar kan ik mee helpen?"]
    assert await push.deliver_once() == 0  # each once
    # The others keep waiting for their people's return.
    assert len(live.waiting_on_channel("socketio", PAGE_ROWS * MAX_PAGES)) == \
        2 * (PAGE_ROWS // 2 + 1)


async def test_no_query_while_no_widget_is_connected():
    def no_database() -> LiveChats:
        raise AssertionError("queried without a connected widget")

    push = WidgetLivePush(Rooms(), "/", "bot_uttered", no_database, KEY)
    assert await push.deliver_once() == 0
