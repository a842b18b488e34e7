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
# Two worker processes (pytest-xdist; CI has 2 cores). `--dist loadgroup` keeps each xdist
# group on one worker: a module, or the modules that share one expensive stack or model
# (tests/conftest.py says which). PYTEST_WORKERS=N for another number ("auto": one per
# core); PYTEST_WORKERS=0 runs every test in this one process, in collection order, as
# before xdist. Arguments after `scripts/test.sh` go to pytest (a later -n wins).
workers="${PYTEST_WORKERS:-2}"
echo "==> pytest (${workers} workers)"
$PY -m pytest -q -p no:cacheprovider -n "$workers" --dist loadgroup "$@"
