"""``domain.yml`` at the root: the merge of ``domain/``, for the Rasa command line.

The domain stays split by topic in ``domain/`` (``domain/domain.yml`` holds the
intents, entities, slots and session settings; ``responses_*.yml`` the texts per
topic), which is what ``make train``, ``make test`` and the services use. Rasa's
own commands (``rasa data validate``, ``rasa train``, ``rasa test``, ``rasa
shell``) look for ``domain.yml`` at the root when given no ``--domain``; this
module writes that file as Rasa's own merge of ``domain/``, so those commands
work without flags. ``make train`` rewrites it (``bot.nlu.train``) and
tests/domain/test_domain_file.py fails when the committed file is out of date.
Why a generated file and not one hand-kept domain: docs/decisions.md.

    .venv/bin/python -m bot.nlu.domain_file          # rewrite domain.yml
    .venv/bin/python -m bot.nlu.domain_file --check  # exit 1 when out of date
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bot.settings import ROOT

SOURCE = ROOT / "domain"
TARGET = ROOT / "domain.yml"
HEADER = (
    "# Generated from domain/ by `python -m bot.nlu.domain_file` (make train runs it).\n"
    "# Do not edit: change the files in domain/; this merge is for Rasa's command line\n"
    "# (rasa data validate / train / test / shell without --domain).\n"
)


def merged_yaml(source: Path = SOURCE) -> str:
    from rasa.shared.core.domain import Domain  # late: Rasa's import takes seconds

    return HEADER + Domain.load(str(source)).as_yaml()


def write(source: Path = SOURCE, target: Path = TARGET) -> bool:
    """Rewrite ``target`` when it differs from the merge; True when it changed."""
    text = merged_yaml(source)
    if target.is_file() and target.read_text(encoding="utf-8") == text:
        return False
    target.write_text(text, encoding="utf-8")
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.nlu.domain_file",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only say whether it is current")
    args = parser.parse_args(argv)
    if args.check:
        current = TARGET.is_file() and TARGET.read_text(encoding="utf-8") == merged_yaml()
        print("domain.yml: current" if current else
              "domain.yml: out of date, run: .venv/bin/python -m bot.nlu.domain_file")
        return 0 if current else 1
    print("domain.yml: rewritten from domain/" if write() else "domain.yml: already current")
    return 0


if __name__ == "__main__":
    sys.exit(main())
