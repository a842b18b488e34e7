"""Load and check the knowledge base files (knowledge/*.yml).

Adding a question means adding an entry to one of these files: no code. Each
entry names its topic (an intent from the contract), its region, the facts it
relies on (ids in docs/facts.md) and how members ask it.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from bot.settings import ROOT

KNOWLEDGE_DIR = ROOT / "knowledge"
FACTS_FILE = ROOT / "docs" / "facts.md"
KEYWORDS_FILE = KNOWLEDGE_DIR / "keywords.yml"
REGIONS = ("nl", "be", "any")


@dataclass(frozen=True)
class Entry:
    id: str
    topic: str
    region: str
    facts: tuple[str, ...]
    questions: tuple[str, ...]
    answer: tuple[str, ...]
    # The same answer in easier words, for someone who asks "wat is dat?" after it.
    simple: str | None = None
    # Words that make the answer worth giving unasked, once ("18 duizend schuld").
    offer_on: str | None = None
    # Per answer line the age from which it applies (None: for everyone). Round 15c: a man
    # of 52 read the IOW rules for 60 and older and the wage subsidy for 56 and older.
    from_age: tuple[int | None, ...] = ()
    # Words that make a question after this answer a follow-up on it, however it scores:
    # "heb ik dan recht op iets van het UWV?" after the returner's answer (round 18c, p81 got
    # "Het lukt me niet goed om je te begrijpen" twice).
    follow_up_on: str | None = None

    def lines_for(self, age: object = None) -> list[str]:
        """The answer without the lines for older people than the person said they are;
        with no age known, every line (the line itself names its age)."""
        known = int(age) if isinstance(age, (int, str)) and str(age).isdigit() else None
        return [line for line, start in zip(self.answer, self.from_age or
                                            (None,) * len(self.answer), strict=True)
                if known is None or start is None or known >= start]


class KnowledgeError(ValueError):
    """A knowledge file breaks the schema; the message says where."""


def _line_text(line: object) -> str:
    """An answer line: a string, or {text, from_age} for a line only for older people."""
    return str(line["text"] if isinstance(line, dict) else line).strip()


def _line_age(line: object) -> int | None:
    return int(line["from_age"]) if isinstance(line, dict) and "from_age" in line else None


def _entry(raw: dict, source: Path) -> Entry:
    where = f"{source.name}: {raw.get('id', '?')}"
    if any(not isinstance(q, str) or not q.strip() for q in raw.get("questions") or ()):
        # "- # a note" is an empty question, not a comment: YAML reads it as null.
        raise KnowledgeError(f"{where}: every question must be text (a '- # note' is empty)")
    try:
        entry = Entry(
            id=str(raw["id"]),
            topic=str(raw["topic"]),
            region=str(raw.get("region", "any")),
            facts=tuple(str(f) for f in raw.get("facts") or ()),
            questions=tuple(str(q).strip() for q in raw["questions"]),
            answer=tuple(_line_text(a) for a in raw["answer"]),
            from_age=tuple(_line_age(a) for a in raw["answer"]),
            simple=str(raw["simple"]).strip() if raw.get("simple") else None,
            offer_on=with_named_patterns(str(raw["offer_on"]), where)
            if raw.get("offer_on") else None,
            follow_up_on=with_named_patterns(str(raw["follow_up_on"]), where)
            if raw.get("follow_up_on") else None,
        )
    except (KeyError, TypeError) as error:
        raise KnowledgeError(f"{where}: missing or malformed field {error}") from error
    if entry.region not in REGIONS:
        raise KnowledgeError(f"{where}: region must be one of {REGIONS}")
    if not entry.questions or not entry.answer:
        raise KnowledgeError(f"{where}: needs questions and an answer")
    for field in ("offer_on", "follow_up_on"):
        try:
            re.compile(getattr(entry, field) or "")
        except re.error as error:
            raise KnowledgeError(f"{where}: {field} is no valid pattern ({error})") from error
    return entry


_NAMED = re.compile(r"\{([a-z_]+)\}")


@functools.cache
def named_patterns(path: Path | None = None) -> dict[str, str]:
    """knowledge/keywords.yml ``patterns``: one wording kept in one place ("resigning" was
    written out four times, and one copy fell behind)."""
    path = path or KEYWORDS_FILE
    if not path.exists():
        return {}
    section = _load_unique(path).get("patterns") or {}
    if not isinstance(section, dict):
        raise KnowledgeError(f"{path.name}: patterns must map a name to a pattern")
    return {str(name): str(pattern) for name, pattern in section.items()}


def with_named_patterns(pattern: str, where: str, path: Path | None = None) -> str:
    """``{resigning}`` replaced by the named pattern, as a group of its own; an unknown
    name is an error, not a literal that never matches."""
    named = named_patterns(path)

    def expand(match: re.Match[str]) -> str:
        if match.group(1) not in named:
            raise KnowledgeError(f"{where}: unknown named pattern {{{match.group(1)}}}")
        return f"(?:{named[match.group(1)]})"

    return _NAMED.sub(expand, pattern)


def load_entries(directory: Path = KNOWLEDGE_DIR) -> list[Entry]:
    entries: list[Entry] = []
    for path in sorted(directory.glob("*.yml")):
        if path.name == KEYWORDS_FILE.name:
            continue
        document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        entries.extend(_entry(raw, path) for raw in document.get("entries") or [])
    ids = [e.id for e in entries]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise KnowledgeError(f"duplicate entry ids: {duplicates}")
    return entries


NOT_COVERED_FILE = KNOWLEDGE_DIR / "not_covered.txt"


class _UniqueKeys(yaml.SafeLoader):
    """YAML that refuses a key twice in one mapping: a second pattern for the same entry
    silently replaced the first (session 14, na_de_ww lost its bijstand words)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        seen: set[object] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                line = key_node.start_mark.line + 1
                raise KnowledgeError(f"{key!r} is given twice (line {line})")
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def _load_unique(path: Path) -> dict:
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_UniqueKeys) or {}  # noqa: S506
    except KnowledgeError as error:
        raise KnowledgeError(f"{path.name}: {error}") from error


def load_keywords(path: Path | None = None, entries: list[Entry] | None = None,
                  section: str = "keywords") -> dict[str, re.Pattern[str]]:
    """Per entry id, from knowledge/keywords.yml: ``keywords``, the words that name its
    question ("krijg ik eigenlijk ww?" is short, and the meaning alone scores it too low;
    round 6, p33), or ``requires``, words without which its answer is wrong."""
    path = path or KEYWORDS_FILE
    if not path.exists():
        return {}
    raw = _load_unique(path)
    known = {e.id for e in (entries if entries is not None else load_entries())}
    keywords: dict[str, re.Pattern[str]] = {}
    for entry_id, pattern in (raw.get(section) or {}).items():
        if entry_id not in known:
            raise KnowledgeError(f"{path.name}: unknown entry id {entry_id!r}")
        try:
            keywords[entry_id] = re.compile(
                with_named_patterns(str(pattern), f"{path.name}: {entry_id}", path),
                re.IGNORECASE)
        except re.error as error:
            raise KnowledgeError(f"{path.name}: {entry_id}: bad pattern: {error}") from error
    return keywords


def load_abbreviations(path: Path | None = None) -> dict[str, str]:
    """Short word -> the long word it stands for, from knowledge/keywords.yml
    (``abbreviations``): "vso" is read as "vaststellingsovereenkomst" (round 16, p67)."""
    path = path or KEYWORDS_FILE
    if not path.exists():
        return {}
    raw = _load_unique(path)
    section = raw.get("abbreviations") or {}
    if not isinstance(section, dict):
        raise KnowledgeError(f"{path.name}: abbreviations must map a word to its long form")
    return {str(short).lower(): str(long) for short, long in section.items()}


def entry_by_id(entry_id: str) -> Entry | None:
    """One entry by its id, from a copy read once per process (the dialogue's own
    menu answers: "uitleg uitkering" after "... of uitleg over je uitkering?")."""
    return _by_id().get(entry_id)


@functools.cache
def _by_id() -> dict[str, Entry]:
    return {entry.id: entry for entry in load_entries()}


def load_not_covered(path: Path = NOT_COVERED_FILE) -> list[str]:
    """Questions the knowledge base must not answer (one a line, # for comments)."""
    if not path.exists():
        return []
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def fact_ids(facts_file: Path = FACTS_FILE) -> set[str]:
    """The ids in the first column of the facts tables of docs/facts.md."""
    if not facts_file.exists():
        return set()
    ids = set()
    for line in facts_file.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^\|\s*`?([a-z0-9_]+)`?\s*\|", line)
        if match and match.group(1) not in ("id",):
            ids.add(match.group(1))
    return ids
