"""Route a ticket to a team by the region the person named.

Data lives in routing.yml beside this file (teams, their provinces and places, a default).
`route("Súdwest-Fryslân") == route("sudwest fryslan") == "friesland"`; unknown or empty
regions go to the default team.

Where notifications go (issue 15) lives there too: a team's own Telegram chat and/or
mailbox (`notify:` under the team) and the coordinator's (`coordinator:` at the top), each
given literally or as the name of an environment variable. `Routing.destination(channel,
team, env)` / `coordinator_destination(channel, env)` answer None where nothing is set, and
the notifier then uses its default (CONSULTANT_TELEGRAM_CHAT_ID, CONSULTANT_EMAIL).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
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


# Notification channels a destination can name: channel -> key in routing.yml.
NOTIFY_CHANNELS = {"telegram": "telegram_chat_id", "email": "email"}
_ENV_NAME = re.compile(r"[A-Z_][A-Z0-9_]*")


@dataclass(frozen=True)
class Destination:
    """Where one team's (or the coordinator's) notifications go, per channel: a literal
    value, or the name of the environment variable that holds it (read when notifiers are
    built, so the yml need not contain chat ids or addresses)."""

    values: Mapping[str, str] = field(default_factory=dict)      # channel -> value
    env_names: Mapping[str, str] = field(default_factory=dict)   # channel -> variable

    def resolve(self, channel: str, env: Mapping[str, str]) -> str | None:
        if channel in self.env_names:
            value = (env.get(self.env_names[channel]) or "").strip()
            if value:
                return value
        return self.values.get(channel) or None


def _destination(spec: object, where: str) -> Destination:
    if not isinstance(spec, dict):
        raise ValueError(f"{where}: expected a mapping")
    values: dict[str, str] = {}
    env_names: dict[str, str] = {}
    known = {key for k in NOTIFY_CHANNELS.values() for key in (k, k + "_env")}
    for key, value in spec.items():
        if key not in known:
            raise ValueError(f"{where}: unknown key {key!r} (known: {sorted(known)})")
        if value is None or str(value).strip() == "":
            continue
        channel = next(c for c, k in NOTIFY_CHANNELS.items() if key in (k, k + "_env"))
        if key.endswith("_env"):
            if not _ENV_NAME.fullmatch(str(value)):
                raise ValueError(f"{where}: {key} must name an environment variable")
            env_names[channel] = str(value)
        else:
            values[channel] = str(value).strip()
    return Destination(values=values, env_names=env_names)


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
    notify: dict[str, Destination] = field(default_factory=dict)  # team -> its own
    coordinator: Destination = field(default_factory=Destination)
    aliases: dict[str, str] = field(default_factory=dict)  # normalised short form -> name

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

    def full_name(self, place: str) -> str:
        """The place a short form stands for ("rdam" -> "Rotterdam"), else ``place``."""
        return self.aliases.get(normalise(place), place)

    def label(self, team: str) -> str:
        return self.labels.get(team, team)

    def destination(self, channel: str, team: str | None,
                    env: Mapping[str, str]) -> str | None:
        """The team's own chat id / mailbox for `channel`, None: use the default."""
        spec = self.notify.get(team or "")
        return spec.resolve(channel, env) if spec is not None else None

    def coordinator_destination(self, channel: str, env: Mapping[str, str]) -> str | None:
        """The coordinator's chat id / mailbox for `channel`, None: use the default."""
        return self.coordinator.resolve(channel, env)


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
    notify = {team: _destination(spec["notify"], f"teams.{team}.notify")
              for team, spec in teams.items() if spec.get("notify")}
    coordinator = _destination(data.get("coordinator") or {}, "coordinator")
    aliases: dict[str, str] = {}
    for short, name in (data.get("aliases") or {}).items():
        if normalise(str(name)) not in by_name:
            raise ValueError(f"alias {short!r} names {name!r}, which no team lists")
        aliases[normalise(str(short))] = str(name)
    return Routing(default=default, labels=labels, by_name=by_name, notify=notify,
                   coordinator=coordinator, aliases=aliases)


@lru_cache(maxsize=1)
def default_routing() -> Routing:
    return load_routing()


def route(region: str | None) -> str:
    """Team id for a region name (province or municipality), default team when unknown."""
    return default_routing().route(region)


# Names of a province on both sides of the border: they route to a team, but say nothing
# about the country ("Limburg" from a man in Genk got his 0471 number as +31; round 22e, p110).
BORDER_NAMES = frozenset({"limburg", "brabant"})


def country_of(region: str | None) -> str | None:
    """"be" for a place a Flemish team serves, "nl" for a Dutch one, None when unknown or
    when the name is used on both sides of the border."""
    if region and normalise(region) in BORDER_NAMES:
        return None
    team = route(region)
    if team == default_routing().default:
        return None
    return "be" if team.startswith("vlaanderen") else "nl"
