"""Tracker store of the production profile: bot.rasa.stores' store plus bot.rasa.speedups.

Rasa imports the tracker store class named in endpoints.yml in every Rasa
process; naming this one in the generated var/prod/endpoints.yml is how the
speed-ups reach each process without touching Rasa itself.
"""

from __future__ import annotations

import bot.rasa.speedups  # noqa: F401 (applied on import)
from bot.rasa.stores import UrlSQLTrackerStore


class ProdSQLTrackerStore(UrlSQLTrackerStore):
    """``UrlSQLTrackerStore`` (one URL from ``TRACKER_STORE_URL``), unchanged."""
