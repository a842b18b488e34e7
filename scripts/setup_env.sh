#!/usr/bin/env bash
# Creates .venv with the pinned dependencies. Called by `make` when the lock
# files changed; safe to run again.
#
# Why the two steps: Rasa Open Source 3.6.21 (the last open-source release) and
# rasa-sdk 3.6.2 declare Python <3.11 but run on 3.11. Their dependencies, as
# resolved for Python 3.10 (with matplotlib relaxed for 3.11 wheels), are pinned
# in requirements/lock.txt; the packages themselves come from
# requirements/nodeps.txt with --no-deps --ignore-requires-python.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-}"
if [ -z "$PYTHON" ]; then
  for candidate in python3.11 python3; do
    if command -v "$candidate" >/dev/null 2>&1; then PYTHON="$candidate"; break; fi
  done
fi
version=$("$PYTHON" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
if [ "$version" != "3.11" ]; then
  echo "Koffiepraat needs Python 3.11 (found $version at $PYTHON). Set PYTHON=/path/to/python3.11." >&2
  exit 1
fi

if [ ! -x .venv/bin/python ]; then
  echo "==> Creating virtualenv .venv ($PYTHON)"
  "$PYTHON" -m venv .venv
fi

echo "==> Installing pinned dependencies (first run: about 2 GB, several minutes)"
.venv/bin/python -m pip install --disable-pip-version-check --progress-bar on \
  -r requirements/lock.txt 2>&1 | grep -v -E '^(WARNING: Location|Requirement already satisfied)' || true
# pip's exit status is lost in the pipe above: check the result explicitly.
.venv/bin/python -m pip install --disable-pip-version-check -q -r requirements/lock.txt
echo "==> Installing Rasa 3.6.21 and rasa-sdk 3.6.2 (no dependency resolution, see README)"
.venv/bin/python -m pip install --disable-pip-version-check -q --no-deps --ignore-requires-python \
  -r requirements/nodeps.txt
touch .venv/.installed
echo "==> Python environment ready"
