#!/usr/bin/env bash
# `make test`: lint, data validation, training (skipped when up to date), then
# the whole pytest suite, which includes the held-out NLU evaluation and the
# conversation tests (tests/quality) besides unit, integration and browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python

echo "==> ruff"
$PY -m ruff check bot actions tools tests
echo "==> rasa data validate"
$PY -m bot.nlu.validate
echo "==> train (no-op when nothing changed)"
$PY -m bot.nlu.train
echo "==> pytest"
$PY -m pytest -q -p no:cacheprovider "$@"
