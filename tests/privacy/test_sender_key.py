from __future__ import annotations

import hashlib
import hmac
import stat

from bot.privacy.sender_key import SECRET_ENV, load_secret, sender_key


def test_sender_key_is_stable_and_separates_channel_sender_and_secret():
    key = sender_key("whatsapp", "31612345678", secret="s1")
    assert key == sender_key("whatsapp", "31612345678", secret="s1")
    assert len(key) == 64 and "31612345678" not in key
    assert key != sender_key("telegram", "31612345678", secret="s1")
    assert key != sender_key("whatsapp", "31612345679", secret="s1")
    assert key != sender_key("whatsapp", "31612345678", secret="s2")
    assert sender_key("ab", "c", secret="s") != sender_key("a", "bc", secret="s")


def test_secret_comes_from_the_environment_first(tmp_path):
    secret_file = tmp_path / "sender_key.secret"
    assert load_secret({SECRET_ENV: "from-env"}, secret_file) == "from-env"
    assert not secret_file.exists()


def test_without_env_a_private_secret_file_is_made_once_and_reused(tmp_path):
    secret_file = tmp_path / "var" / "sender_key.secret"
    first = load_secret({}, secret_file)
    assert len(first) == 64
    assert stat.S_IMODE(secret_file.stat().st_mode) == 0o600
    assert load_secret({}, secret_file) == first
    assert [p.name for p in secret_file.parent.iterdir()] == ["sender_key.secret"]


def test_namespaced_conversation_ids_keep_the_keys_of_existing_tickets():
    # Conversation ids carry their channel ("whatsapp:316..."), tickets made before that
    # were keyed on the bare id: a member's erasure must still find them.
    def key_before(channel: str, raw: str) -> str:  # as tickets made before hold it
        return hmac.new(b"s", f"{channel}\x00{raw}".encode(), hashlib.sha256).hexdigest()

    for channel, raw in (("whatsapp", "31612345678"), ("telegram", "7001"),
                         ("rest", "ik"), ("socketio", "a1b2"), ("rest", "rest:x")):
        assert sender_key(channel, f"{channel}:{raw}", secret="s") == key_before(channel, raw)
    # A client-chosen id never maps onto another channel's person.
    member = sender_key("whatsapp", "whatsapp:31612345678", secret="s")
    assert sender_key("rest", "rest:31612345678", secret="s") != member
    assert sender_key("rest", "rest:whatsapp:31612345678", secret="s") != member
    assert sender_key("rest", "whatsapp:31612345678", secret="s") != member
    assert sender_key("socketio", "socketio:31612345678", secret="s") != member
