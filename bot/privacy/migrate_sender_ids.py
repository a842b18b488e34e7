"""``python -m bot.privacy.migrate_sender_ids [--dry-run]``: move conversations stored before
conversation ids carried their channel (bot/privacy/sender_ids.py) into their channel's namespace.

Run it once, with Rasa stopped, when upgrading (docs/deploy.md, "Sender ids per
channel"). For every conversation in the tracker store (TRACKER_STORE_URL):

- its messages came in on one channel C: it becomes "C:<old id>", so the person
  carries on where they were (unless it already is one, which makes the script
  safe to run again);
- its messages came in on two channels: deleted. Under bare ids that is exactly
  the crossing this fixes (a REST client on a WhatsApp member's number), and the
  conversation may hold two people's words;
- an old id without any message, or one whose new id is taken already (the
  person started anew after the upgrade): deleted, nothing of theirs is lost.

Erasure requests still waiting (they name old ids) are carried out first. Tickets,
spooled handovers and erasure markers need nothing: their sender keys are the
same before and after (bot/privacy/sender_key.py). Prints counts only, never ids
(on WhatsApp an id is a phone number).
"""

from __future__ import annotations

import argparse
import json
import time
from collections import defaultdict
from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from bot.privacy.conversations import GRACE_SECONDS, process_erasure_requests
from bot.privacy.sender_ids import conversation_id
from bot.settings import Settings, with_postgres_timeouts

CHANNELS = ("rest", "socketio", "telegram", "whatsapp")
MAX_ID_CHARS = 255  # Rasa's events.sender_id column


@dataclass
class Plan:
    renames: dict[str, str] = field(default_factory=dict)
    deletions: list[str] = field(default_factory=list)
    unchanged: int = 0


def _channels_per_conversation(engine: Engine) -> dict[str, set[str]]:
    found: dict[str, set[str]] = defaultdict(set)
    with engine.connect() as conn:
        for (sender_id,) in conn.execute(sa.text("SELECT DISTINCT sender_id FROM events")):
            found[sender_id]  # noqa: B018 (a conversation, maybe without messages)
        rows = conn.execution_options(stream_results=True).execute(
            sa.text("SELECT sender_id, data FROM events WHERE type_name = 'user'"))
        for sender_id, data in rows:
            try:
                channel = json.loads(data).get("input_channel")
            except (TypeError, ValueError):
                channel = None
            if channel:
                found[sender_id].add(str(channel))
    return found


def _namespaced(sender_id: str) -> bool:
    return sender_id.split(":", 1)[0] in CHANNELS and ":" in sender_id


def plan(engine: Engine) -> Plan:
    """What the migration would do to the tracker store behind ``engine``."""
    result = Plan()
    if not sa.inspect(engine).has_table("events"):
        return result
    conversations = _channels_per_conversation(engine)
    for sender_id, channels in conversations.items():
        if len(channels) > 1:
            result.deletions.append(sender_id)
        elif not channels:
            if _namespaced(sender_id):
                result.unchanged += 1
            else:
                result.deletions.append(sender_id)
        else:
            [channel] = channels
            new_id = conversation_id(channel, sender_id)
            if sender_id.startswith(f"{channel}:"):
                result.unchanged += 1
            elif new_id in conversations or len(new_id) > MAX_ID_CHARS:
                result.deletions.append(sender_id)
            else:
                result.renames[sender_id] = new_id
    return result


def apply(engine: Engine, todo: Plan) -> None:
    """Carry out ``todo`` in one transaction."""
    with engine.begin() as conn:
        for old, new in todo.renames.items():
            conn.execute(sa.text("UPDATE events SET sender_id = :new WHERE sender_id = :old"),
                         {"new": new, "old": old})
        for old in todo.deletions:
            conn.execute(sa.text("DELETE FROM events WHERE sender_id = :old"), {"old": old})


def migrate(tracker_engine: Engine, requests_engine: Engine, dry_run: bool = False) -> Plan:
    if not dry_run:  # Rasa is stopped: nothing saves the tracker again, no grace needed
        process_erasure_requests(requests_engine, tracker_engine,
                                 now=time.time() + GRACE_SECONDS + 1)
    todo = plan(tracker_engine)
    if not dry_run:
        apply(tracker_engine, todo)
    return todo


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.privacy.migrate_sender_ids",
                                     description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dry-run", action="store_true", help="count only, change nothing")
    args = parser.parse_args(argv)
    settings = Settings.from_env()
    trackers = sa.create_engine(with_postgres_timeouts(settings.tracker_store_url), future=True)
    requests = sa.create_engine(with_postgres_timeouts(settings.tickets_db_url), future=True)
    try:
        done = migrate(trackers, requests, dry_run=args.dry_run)
    finally:
        trackers.dispose()
        requests.dispose()
    note = "Dry run, nothing changed. " if args.dry_run else ""
    print(f"{note}Conversations moved into their channel's namespace: {len(done.renames)}; "
          f"deleted (two channels, no message, or started anew): {len(done.deletions)}; "
          f"already namespaced: {done.unchanged}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
