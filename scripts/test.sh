#!/usr/bin/env bash
# Runs the whole test suite: lint, unit tests, site builds, browser tests.
# Installs what it needs: the pinned Python packages, and Debian's chromium for the browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh requirements-dev.txt
if ! command -v chromium >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser tests..."
  if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
fi
export NO_MKDOCS_2_WARNING=1
.venv/bin/ruff check generator tests benchmarks
.venv/bin/python -m pytest "$@"
