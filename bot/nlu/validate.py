"""``rasa data validate`` where every remaining warning must be justified.

Rasa's validator cannot see responses that actions dispatch by name, nor
intents that ``bot.nlu.input_guard`` sets without training data. Those warnings
are accepted only when the code really does that (checked here, not listed by
hand); any other warning or error fails ``make test``.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from bot.rasa.quiet_env import quiet_env
from bot.settings import ROOT

GUARD_INTENTS = {"bad_input", "other_language"}
_UNUSED_UTTERANCE = re.compile(r"The utterance '(\w+)' is not used in any story or rule")
_UNTRAINED_INTENT = re.compile(
    r"The intent '(\w+)' is listed in the domain file, but is not found in the NLU"
)


# Where responses are dispatched by name: the actions and the conversation engine.
DISPATCHING_CODE = ("actions", "bot/dialogue")


def dispatched_responses(*code_dirs: Path) -> tuple[set[str], tuple[str, ...]]:
    """Response names the code dispatches literally, and the f-string prefixes.

    A country version ("utter_crisis" said as "utter_crisis_be", bot/dialogue/state.py)
    counts as dispatched when its base name is and the code appends the suffix."""
    names: set[str] = set()
    prefixes: set[str] = set()
    suffixes: set[str] = set()
    for path in (p for d in code_dirs for p in d.glob("*.py")):
        source = path.read_text(encoding="utf-8")
        names.update(re.findall(r"[\"'](utter_\w+)[\"']", source))
        prefixes.update(re.findall(r"f[\"'](utter_[a-z_]+_)\{", source))
        suffixes.update(re.findall(r"response\s*\+=\s*[\"'](_[a-z]+)[\"']", source))
    names |= {name + suffix for name in names for suffix in suffixes}
    return names, tuple(prefixes)


def unjustified(warnings: list[str], root: Path = ROOT) -> list[str]:
    names, prefixes = dispatched_responses(*(root / d for d in DISPATCHING_CODE))
    bad = []
    for warning in warnings:
        if (m := _UNUSED_UTTERANCE.search(warning)) and (
            m[1] in names or m[1].startswith(prefixes)
        ):
            continue
        if (m := _UNTRAINED_INTENT.search(warning)) and m[1] in GUARD_INTENTS:
            continue
        bad.append(warning)
    return bad


def main() -> int:
    cmd = [sys.executable, "-m", "rasa", "data", "validate", "--domain", "domain",
           "--data", "data", "--config", "config.yml"]
    env = quiet_env(keep_warnings=True)
    done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
    output = done.stdout + done.stderr
    warnings = [line for line in output.splitlines() if "UserWarning:" in line]
    bad = unjustified(warnings)
    for line in bad:
        print(line.split("UserWarning:", 1)[1].strip())
    if done.returncode != 0 or bad:
        if done.returncode != 0:
            print(output[-3000:])
        print(f"rasa data validate: {len(bad)} unjustified warning(s), exit {done.returncode}")
        return 1
    print(f"rasa data validate: clean ({len(warnings)} warning(s), each justified by code)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
