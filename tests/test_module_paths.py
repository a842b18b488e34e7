"""Module paths written as strings point at code that exists.

Rasa loads components and stores by dotted name (config.yml, endpoints.yml,
credentials.yml), the launchers start ``python -m bot...``, the CPU-usage rules
and the docs name modules and files. A move that forgets one of them breaks
only at run time, so every such path in those files is checked here: a dotted
name ``bot.x.y[.Attr]`` must be a module (or a name defined in one), a path
``bot/x/y.py`` or ``tests/x/test_y.py`` must be a file.

Dated reports (docs/eval/) keep the paths of their day and are not checked.
"""

from __future__ import annotations

import io
import re
import tokenize
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("bot", "actions", "tools")

# Files that name modules or files as strings: Rasa's and the build's configuration,
# the scripts, the docs, and all code (strings, comments and docstrings alike).
CHECKED_GLOBS = (
    "*.yml", "Makefile", "pyproject.toml", "README.md", "scripts/*.sh", ".ci/*", "docs/*.md",
    "bot/**/*.py", "bot/**/*.yml", "actions/*.py", "tools/*.py", "tests/**/*.py", "tests/**/*.md",
)
SKIPPED = ("docs/eval/", "tests/test_module_paths.py")

DOTTED = re.compile(r"(?<![\w./-])(?:bot|actions|tools)(?:\.[A-Za-z_]\w*)+")
SLASHED = re.compile(
    r"(?<![\w./-])(?:bot|actions|tools|tests|scripts|docs|data|domain|knowledge)"
    r"/[\w./*<>{}$-]*[\w/*>}]"
)


def checked_files() -> list[Path]:
    files = {p for pattern in CHECKED_GLOBS for p in ROOT.glob(pattern) if p.is_file()}
    return sorted(p for p in files if not str(p.relative_to(ROOT)).startswith(SKIPPED))


def _defines(module: Path, name: str) -> bool:
    source = module.read_text(encoding="utf-8")
    return bool(re.search(
        rf"^\s*(?:(?:async\s+)?def|class)\s+{name}\b|^\s*{name}\s*[:=]|\bimport\b.*\b{name}\b"
        rf"|^\s+{name},?$",
        source, re.MULTILINE))


def dotted_problem(name: str) -> str | None:
    """Why ``name`` (``bot.x.y`` or ``bot.x.y.Attr``) does not resolve, or None."""
    parts = name.split(".")
    here = ROOT / parts[0]
    for i, part in enumerate(parts[1:], start=1):
        if here.is_dir():
            if (here / part).is_dir() or (here / f"{part}.py").is_file():
                here = here / part if (here / part).is_dir() else here / f"{part}.py"
                continue
            init = here / "__init__.py"
            if init.is_file() and _defines(init, part):
                return None
            return f"no module {'.'.join(parts[: i + 1])}"
        # here is a module file: the next part must be a name it defines (an attribute
        # of that name, e.g. speedups.unapply() on a class, is not followed further).
        return None if _defines(here, part) else f"{'.'.join(parts[:i])} defines no {part}"
    return None


def slashed_problem(path: str) -> str | None:
    if any(c in path for c in "*<>{}$"):
        return None  # a pattern or a template, not a path
    path = path.rstrip(".")
    target = ROOT / path
    if target.exists():
        return None
    # "bot/nlu/evaluate.py report": only the file part counts; "bot/x" may name bot.x.
    if not target.suffix and target.with_suffix(".py").is_file():
        return None
    return "no such file or folder"


def python_strings_and_comments(source: str) -> str:
    """Only strings and comments: in code, ``bot.send_message`` is a variable's method."""
    kept = [tok.string for tok in tokenize.generate_tokens(io.StringIO(source).readline)
            if tok.type in (tokenize.STRING, tokenize.COMMENT)
            or tok.type == getattr(tokenize, "FSTRING_MIDDLE", None)]
    return "\n".join(kept)


# ``python -m bot.x`` (also ``"-m", "bot.x"`` in a command list) must name something runnable.
RUN_MODULE = re.compile(r"""-m["',\s]+((?:bot|actions|tools)(?:\.[A-Za-z_]\w*)*)""")


def run_problem(name: str) -> str | None:
    target = ROOT.joinpath(*name.split("."))
    if target.with_suffix(".py").is_file() or (target / "__main__.py").is_file():
        return None
    if target.is_dir():
        return f"package {name} has no __main__.py: python -m cannot run it"
    return None  # a missing module is reported by dotted_problem


def problems_in(text: str) -> list[str]:
    found = []
    for match in RUN_MODULE.finditer(text):
        why = run_problem(match.group(1))
        if why:
            found.append(f"{match.group(1)}: {why}")
    for match in DOTTED.finditer(text):
        name = match.group(0).rstrip(".")
        if name.endswith((".py", ".yml", ".md")) or name.count(".") == 0:
            continue
        why = dotted_problem(name)
        if why:
            found.append(f"{name}: {why}")
    for match in SLASHED.finditer(text):
        why = slashed_problem(match.group(0))
        if why:
            found.append(f"{match.group(0)}: {why}")
    return found


def text_of(path: Path) -> str:
    text = path.read_text(encoding="utf-8", errors="replace")
    return python_strings_and_comments(text) if path.suffix == ".py" else text


def test_every_module_and_file_path_written_as_a_string_exists():
    problems = [
        f"{path.relative_to(ROOT)}: {problem}"
        for path in checked_files()
        for problem in problems_in(text_of(path))
    ]
    assert not problems, "paths that point at nothing:\n" + "\n".join(problems)


def test_the_check_catches_a_moved_module():
    assert problems_in("type: bot.stores.UrlSQLTrackerStore") == [
        "bot.stores.UrlSQLTrackerStore: no module bot.stores"]
    assert problems_in("python -m bot.rasa.server run") == []
    assert problems_in("python -m bot.rasa.servers run") == [
        "bot.rasa.servers: no module bot.rasa.servers"]
    assert problems_in("see `bot/rasa/stores.py`") == []
    assert problems_in("see `bot/stores.py`") == ["bot/stores.py: no such file or folder"]
    assert problems_in("type: bot.rasa.stores.UrlSQLTrackerStore") == []
    assert problems_in("type: bot.rasa.stores.NoSuchStore") == [
        "bot.rasa.stores.NoSuchStore: bot.rasa.stores defines no NoSuchStore"]
    assert problems_in("python -m bot.prod serve") == []
    assert problems_in("run `python -m bot.handover` for it") == [
        "bot.handover: package bot.handover has no __main__.py: python -m cannot run it"]
    code = 'bot.send_message(1)  # see bot/rasa/stores.py\ncmd = ["-m", "bot.nosuch"]\n'
    assert problems_in(python_strings_and_comments(code)) == [
        "bot.nosuch: no module bot.nosuch"]
