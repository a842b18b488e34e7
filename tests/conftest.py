"""Fixtures for every test folder. Loading this file also puts tests/ on sys.path (pytest's
default "prepend" import mode), so the shared helper modules here (pg_support, ticket_data,
domain_texts, chromium_support) import by bare name from any folder."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from domain_texts import load_responses
from pg_support import throwaway_schema
from trained_agent import trained_agent


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path) -> Iterator[str]:
    """The same test on SQLite (a file in tmp_path) and on the local PostgreSQL (a
    throwaway schema, dropped afterwards)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'var' / 'tickets.db'}"
        return
    with throwaway_schema() as url:
        yield url


@pytest.fixture
def open_store() -> Iterator[Callable[..., Any]]:
    """open_store(url, **TicketStore.from_url options): a migrated store, closed after the
    test."""
    from bot.tickets import TicketStore  # here, not at the top: this file loads for every test

    stores: list[TicketStore] = []

    def open_(url: str, **options: Any) -> TicketStore:
        store = TicketStore.from_url(url, **options)
        store.migrate()
        stores.append(store)
        return store

    yield open_
    for store in stores:
        store.close()


@pytest.fixture(scope="session")
def responses() -> dict[str, list[str]]:
    """Every response text of the domain, by name (all variations)."""
    return load_responses()


# ------------------------------------------------------------------------- pytest-xdist
# scripts/test.sh runs the suite on two worker processes with `--dist loadgroup`: all tests
# of one xdist group run on one worker, one after another, in collection order; xdist hands
# out the groups first (most tests first), then the other tests one by one to whichever
# worker is free. Session fixtures and caches live per worker, and a module-scoped fixture
# starts again whenever its module's tests are interleaved with others, so this hook puts
# into one group:
# - "e2e_stack": every module with a test that uses the `stack` fixture (tests/e2e/conftest.py,
#   Rasa and the action server started once);
# - "whole_stack": every module with a test that uses the `prod` fixture
#   (tests/production/conftest.py, the production profile started once), and by their own
#   mark tests/e2e/test_make_run.py and tests/browser/test_live_chat_browser.py (each a whole
#   `make run`): the stacks whose tests kill services and wait for them within a deadline
#   run one at a time, and the production profile (two Rasa processes) never starts beside
#   a `make run`;
# - "trained_agent": every module that imports tests/trained_agent.py's `trained_agent` (the
#   model loaded once per process);
# - each other module with a module- or class-scoped fixture: a group of its own, so the
#   fixture starts once and the module's tests keep their order.
# A module with its own `pytest.mark.xdist_group` keeps it: "model_tools" (tests/tools, the
# two tools runs that load the model) and "pg_stacks" (the two e2e stacks on PostgreSQL) are
# marked so in their modules, so that they run one at a time and are handed out with the
# groups at the start, not as single tests at the end where one long test would leave the
# other worker idle. Without xdist (PYTEST_WORKERS=0, or pytest run directly) this hook does
# nothing.
SHARED_FIXTURE_GROUPS = {"stack": "e2e_stack", "prod": "whole_stack"}


def _uses_module_scope(item: pytest.Item) -> bool:
    info = getattr(item, "_fixtureinfo", None)  # pytest's own record of the item's fixtures
    definitions = info.name2fixturedefs.values() if info is not None else ()
    return any(d.scope in ("module", "class", "package") for defs in definitions for d in defs)


@pytest.hookimpl(tryfirst=True)  # before xdist's own hook reads the marks
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if not getattr(config.option, "loadgroup", False):  # set on xdist's workers only
        return
    shared: dict[str, str] = {}
    own: set[str] = set()
    for item in items:
        module = item.nodeid.split("::")[0]
        if getattr(getattr(item, "module", None), "trained_agent", None) is trained_agent:
            shared.setdefault(module, "trained_agent")
        for fixture, group in SHARED_FIXTURE_GROUPS.items():
            if fixture in item.fixturenames:
                shared.setdefault(module, group)
        if _uses_module_scope(item):
            own.add(module)
    for item in items:
        module = item.nodeid.split("::")[0]
        group = shared.get(module) or (module if module in own else None)
        if group and item.get_closest_marker("xdist_group") is None:
            item.add_marker(pytest.mark.xdist_group(group))
