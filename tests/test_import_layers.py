"""Imports go down the layers of docs/architecture.md, never up, and never into tools/.

Each package sits in one layer; a module may import its own package and any
package of a lower layer. Imports are read with ``ast`` (also those inside
functions), so a late import cannot hide an upward one.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Lowest first. Keep in step with the table in docs/architecture.md.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("bot.settings", "bot.safe_text"),                      # foundation
    ("bot.handover", "bot.privacy"),                        # rules, identity
    ("bot.rasa",),                                          # Rasa glue (locks by pseudonym)
    ("bot.tickets", "bot.nlu"),                             # ticket storage, language
    ("bot.knowledge", "bot.notify", "bot.channels"),        # answers, notifiers, channels
    ("bot.dialogue", "bot.console"),                        # conversation engine, console
    ("actions",),                                           # Rasa SDK actions
    ("bot.launch",),                                        # make run
    ("bot.prod",),                                          # make run-prod
    ("tools",),                                             # benchmarks, profiles: never imported
)
PRODUCT = ("bot", "actions")


def unit_of(module: str) -> str | None:
    """The package (or foundation module) of ``module`` in LAYERS, else None."""
    for layer in LAYERS:
        for unit in layer:
            if module == unit or module.startswith(unit + "."):
                return unit
    return None


def rank(unit: str) -> int:
    return next(i for i, layer in enumerate(LAYERS) if unit in layer)


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return {m for m in found if m.split(".")[0] in ("bot", "actions", "tools")}


def code_files() -> list[Path]:
    return sorted(p for top in ("bot", "actions", "tools") for p in (ROOT / top).rglob("*.py"))


def violations() -> list[str]:
    found = []
    for path in code_files():
        here = module_name(path)
        own = unit_of(here)
        if here == "bot":
            continue  # the empty top package
        if own is None:
            found.append(f"{here}: in no layer (add its package to LAYERS and the docs)")
            continue
        for target in sorted(imported_modules(path)):
            unit = unit_of(target)
            if unit is None or unit == own:
                continue  # its own package, or bare "bot" (the module itself is counted too)
            if unit == "tools" or rank(unit) >= rank(own):
                found.append(f"{here} imports {target} ({unit} is not below {own})")
    return found


def test_every_import_goes_down_the_layers():
    assert not violations(), "\n".join(violations())


def test_product_code_never_imports_the_tools():
    for path in code_files():
        if module_name(path).split(".")[0] in PRODUCT:
            assert not any(m.split(".")[0] == "tools" for m in imported_modules(path)), path


def test_the_check_sees_an_upward_import(tmp_path, monkeypatch):
    assert unit_of("bot.rasa.stores") == "bot.rasa"
    assert unit_of("bot.safe_text") == "bot.safe_text"
    assert rank("bot.tickets") < rank("bot.console") < rank("actions") < rank("tools")
    source = tmp_path / "x.py"
    source.write_text("def f():\n    from bot.console.app import create_app\n"
                      "import tools.bench\n")
    assert imported_modules(source) >= {"bot.console.app", "tools.bench"}
