"""Route a ticket to a team by the region the person named.

Data lives in routing.yml beside this file (teams, their provinces and places, a default).
`route("Súdwest-Fryslân") == route("sudwest fryslan") == "friesland"`; unknown or empty
regions go to the default team.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

ROUTING_FILE = Path(__file__).with_name("routing.yml")

# Words people put before a place name ("in de regio Utrecht", "gemeente Ede").
_LEADING_WORDS = ("in", "bij", "rond", "rondom", "omgeving", "de", "regio", "gemeente",
                  "provincie", "stad", "buurt", "van")


def normalise(name: str) -> str:
    """Lower case, no accents, no punctuation, single spaces: the matching key of a name."""
    decomposed = unicodedata.normalize("NFKD", name)
    no_accents = "".join(c for c in decomposed if not unicodedata.combining(c))
    no_quotes = re.sub(r"['’`]", "", no_accents.casefold())
    return " ".join(re.sub(r"[^0-9a-z]+", " ", no_quotes).split())


def _strip_leading_words(key: str) -> str:
    words = key.split()
    while len(words) > 1 and words[0] in _LEADING_WORDS:
        words.pop(0)
    return " ".join(words)


@dataclass(frozen=True)
class Routing:
    default: str
    labels: dict[str, str]
    by_name: dict[str, str]  # normalised province or place -> team id

    def route(self, region: str | None) -> str:
        if not region:
            return self.default
        # "Zeist, Utrecht" or "Gent / Oost-Vlaanderen": the first part that is known wins.
        for part in re.split(r"[,/;]| - ", region):
            key = normalise(part)
            for candidate in (key, _strip_leading_words(key)):
                if candidate in self.by_name:
                    return self.by_name[candidate]
        return self.default

    def label(self, team: str) -> str:
        return self.labels.get(team, team)


def load_routing(path: Path = ROUTING_FILE) -> Routing:
    """Parse and check a routing file: every name belongs to exactly one team."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    teams: dict[str, dict] = data["teams"]
    default = data["default"]
    if default not in teams:
        raise ValueError(f"default team {default!r} is not defined under teams")
    by_name: dict[str, str] = {}
    for team, spec in teams.items():
        for name in [*(spec.get("provinces") or []), *(spec.get("places") or [])]:
            key = normalise(str(name))
            owner = by_name.setdefault(key, team)
            if owner != team:
                raise ValueError(f"{name!r} is listed under both {owner!r} and {team!r}")
    labels = {team: str(spec.get("label", team)) for team, spec in teams.items()}
    return Routing(default=default, labels=labels, by_name=by_name)


@lru_cache(maxsize=1)
def default_routing() -> Routing:
    return load_routing()


def route(region: str | None) -> str:
    """Team id for a region name (province or municipality), default team when unknown."""
    return default_routing().route(region)
