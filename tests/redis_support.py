"""Which database of the local Redis a test uses: one per use, and one set per pytest-xdist
worker, so two workers (scripts/test.sh runs `-n 2`) never share a database.

Importable by bare name for the reason given in pg_support.py.

Redis has databases 0-15. 0 is the one the README and docs/deploy.md give for a real
lock store and 13 the one of the load benchmark (docs/benchmarks.md), so the tests keep to
7-12: worker gw0 (and a run without xdist) uses 7-9, gw1 10-12. Workers past the second
share the set of gw0 or gw1 again; every test keys its entries with a prefix or a random
id of its own, and the one test that lists a whole database
(tests/rasa/test_lock_store_keys.py) only looks at entries with its own random number, so
that stays correct, only less apart.
"""

from __future__ import annotations

import os

REDIS_HOST = "127.0.0.1"
REDIS_PORT = 6379

# One database each: Rasa's conversation locks (tests/rasa), the production profile's
# stack (tests/production/prod_stack.py: its locks and channel state), the channels'
# shared state (tests/channels).
USES = ("locks", "prod_stack", "channel_state")
FIRST_DB = 7
WORKER_SETS = 2


def worker_number() -> int:
    """0 for gw0 and for a run without xdist, 1 for gw1, ..."""
    name = os.environ.get("PYTEST_XDIST_WORKER", "")
    return int(name[2:]) if name.startswith("gw") and name[2:].isdigit() else 0


def redis_db(use: str) -> int:
    return FIRST_DB + (worker_number() % WORKER_SETS) * len(USES) + USES.index(use)


def redis_url(use: str, port: int = REDIS_PORT) -> str:
    """``redis://127.0.0.1:6379/<db>``; ``port`` for a proxy in front of the local Redis."""
    return f"redis://{REDIS_HOST}:{port}/{redis_db(use)}"
