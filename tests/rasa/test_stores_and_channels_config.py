import pytest
from rasa.core.lock_store import InMemoryLockStore, RedisLockStore
from rasa.shared.core.domain import Domain
from rasa.utils.endpoints import EndpointConfig
from redis_support import redis_url

from bot.channels.registry import channel_statuses, credentials_for
from bot.rasa.stores import UrlLockStore, UrlSQLTrackerStore, lock_store_for_url
from bot.settings import Settings


def test_settings_defaults_and_overrides():
    settings = Settings.from_env({})
    assert (settings.rasa_port, settings.actions_port, settings.console_port) == (5005, 5055, 8080)
    assert settings.tracker_store_url.startswith("sqlite:///")
    assert not settings.production_stores
    prod = Settings.from_env({"TRACKER_STORE_URL": "postgresql://u@h/db", "RASA_PORT": "6000"})
    assert prod.production_stores and prod.rasa_port == 6000


def test_lock_store_follows_the_url():
    assert isinstance(lock_store_for_url(None), InMemoryLockStore)
    assert isinstance(lock_store_for_url("redis://127.0.0.1:6379/3"), RedisLockStore)
    with pytest.raises(ValueError):
        lock_store_for_url("http://example.org")


def test_url_lock_store_reads_the_environment(monkeypatch):
    monkeypatch.delenv("LOCK_STORE_URL", raising=False)
    store = UrlLockStore(EndpointConfig(type="bot.rasa.stores.UrlLockStore",
                                        url_env="LOCK_STORE_URL"))
    assert isinstance(store.inner, InMemoryLockStore)
    monkeypatch.setenv("LOCK_STORE_URL", "redis://127.0.0.1:6379/0")
    store = UrlLockStore(EndpointConfig(type="bot.rasa.stores.UrlLockStore",
                                        url_env="LOCK_STORE_URL"))
    assert isinstance(store.inner, RedisLockStore)


def test_sqlite_tracker_store_from_url(tmp_path, monkeypatch):
    monkeypatch.setenv("TRACKER_STORE_URL", f"sqlite:///{tmp_path / 'sub' / 'rasa.db'}")
    store = UrlSQLTrackerStore(domain=Domain.empty())
    assert store.engine.url.drivername == "sqlite"
    assert (tmp_path / "sub" / "rasa.db").exists()


@pytest.mark.postgres
def test_postgres_tracker_store_from_url(monkeypatch):
    monkeypatch.setenv("TRACKER_STORE_URL", "postgresql://postgres@127.0.0.1:5432/test")
    store = UrlSQLTrackerStore(domain=Domain.empty())
    assert store.engine.url.drivername == "postgresql"
    assert store.engine.url.database == "test"


def test_channels_are_on_only_with_all_variables():
    env = {"TELEGRAM_BOT_TOKEN": "tok-SECRET-123", "WHATSAPP_VERIFY_TOKEN": "v"}
    statuses = {s.label: s for s in channel_statuses(env)}
    assert statuses["rest"].on and statuses["widget (socket.io)"].on
    assert not statuses["telegram"].on
    assert statuses["telegram"].missing == ("TELEGRAM_WEBHOOK_SECRET",)
    assert "off (set TELEGRAM_WEBHOOK_SECRET)" in statuses["telegram"].describe()
    assert set(credentials_for(env)) == {
        "bot.channels.rest.HardenedRestInput", "bot.channels.socketio.SocketIOInput"}
    env["TELEGRAM_WEBHOOK_SECRET"] = "hook-SECRET-456"
    assert "bot.channels.telegram.TelegramInput" in credentials_for(env)
    # Secrets never land in the generated credentials.
    assert "SECRET" not in str(credentials_for(env))


def test_endpoints_file_expands_the_action_server_port(monkeypatch):
    from rasa.core.utils import read_endpoints_from_path

    from bot.settings import ROOT

    monkeypatch.setenv("ACTIONS_PORT", "5999")
    monkeypatch.setenv("ACTION_SERVER_TOKEN", "x" * 32)
    endpoints = read_endpoints_from_path(str(ROOT / "endpoints.yml"))
    assert endpoints.action.url == "http://localhost:5999/webhook"
    assert endpoints.tracker_store.type == "bot.rasa.stores.UrlSQLTrackerStore"
    assert endpoints.lock_store.type == "bot.rasa.stores.UrlLockStore"


@pytest.mark.redis
def test_redis_tickets_are_unique_across_concurrent_processes():
    import uuid
    from concurrent.futures import ThreadPoolExecutor

    store = lock_store_for_url(redis_url("locks"))
    conversation = f"lock-test-{uuid.uuid4().hex}"
    with ThreadPoolExecutor(max_workers=8) as pool:
        tickets = list(pool.map(lambda _: store.issue_ticket(conversation), range(50)))
    assert sorted(tickets) == list(range(50))
    for ticket in tickets:
        store.cleanup(conversation, ticket)
    assert store.get_lock(conversation) is None
