#!/usr/bin/env bash
# Runs the whole test suite: lint, type checks, unit tests, site builds, browser tests.
# Installs what it needs: the pinned Python packages, and Debian's chromium for the browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh requirements-dev.txt
if ! command -v chromium >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser tests (first run only; usually 1-3 minutes)..."
  if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
fi
# From the npm registry, into the git-ignored node_modules/: axe-core for the accessibility checks
# and the Nu Html Checker (vnu-jar, run with the machine's java) for the markup checks. Installed
# together: npm removes packages a --no-save install does not name. No install scripts: vnu-jar's
# would download a Java runtime from outside the registry where java is missing (the test then skips).
AXE_VERSION=4.11.0
VNU_VERSION=26.9.27
installed() { grep -q "\"version\": \"$2\"" "node_modules/$1/package.json" 2>/dev/null; }
if command -v npm >/dev/null 2>&1 && { ! installed axe-core "$AXE_VERSION" || ! installed vnu-jar "$VNU_VERSION"; }; then
  echo "Installing axe-core and the Nu Html Checker from npm into node_modules/ (first run only; usually under a minute)..."
  npm install --no-save --no-package-lock --no-audit --no-fund --ignore-scripts --silent "axe-core@$AXE_VERSION" "vnu-jar@$VNU_VERSION" >/dev/null
fi
export NO_MKDOCS_2_WARNING=1
export PYTHONPATH="$PWD"  # this checkout's code, whatever else the venv has installed
echo "Checking style (ruff) and types (mypy)..."
.venv/bin/ruff check generator opswatch_mkdocs tests benchmarks
.venv/bin/ruff format --check generator opswatch_mkdocs tests benchmarks
.venv/bin/mypy  # what it checks is set in pyproject.toml
echo "Running the tests (pytest): the site builds and browser tests take most of the time, several minutes in all..."
# Two workers (this project's machines have two cores); each test file runs whole on one worker, so a
# module's built site is shared by its tests, and sites every module reads are built once per run
# (tests/conftest.py: shared_site). PYTEST_WORKERS=0 runs everything in this process.
.venv/bin/python -m pytest -n "${PYTEST_WORKERS:-2}" --dist loadfile "$@"
