#!/usr/bin/env bash
# Browser tests drive Debian's Chromium through Playwright (Playwright's own
# browser download is not reachable here). Installs it when missing.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" != "0" ]; then
  echo "Chromium is missing: run 'sudo apt-get install -y chromium' (needed for browser tests)." >&2
  exit 1
fi
echo "==> Installing Chromium for the browser tests (apt-get)"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
