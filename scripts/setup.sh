#!/usr/bin/env bash
# Creates .venv (Python 3.11+) and installs the pinned requirements. Safe to run again.
# Usage: scripts/setup.sh [requirements file]   (default: requirements.txt)
set -euo pipefail
cd "$(dirname "$0")/.."
requirements="${1:-requirements.txt}"
python="${PYTHON:-python3}"
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "error: Python 3.11 or newer is needed (found: $("$python" --version 2>&1))." >&2
  exit 1
fi
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
stamp=".venv/.installed-$(basename "$requirements")"
if [ ! -f "$stamp" ] || [ "$requirements" -nt "$stamp" ] || [ requirements.txt -nt "$stamp" ]; then
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -r "$requirements"
  touch "$stamp"
fi
# Register the MkDocs plugin (an entry point of this project; the code itself is imported from the
# checkout being built: scripts/build.sh and the tests set PYTHONPATH). Again whenever the venv's
# registration points at another checkout or an older pyproject.toml.
here="$(pwd -P)"
registered="$(cd / && "$here/.venv/bin/python" -c 'import opswatch_mkdocs, os; print(os.path.dirname(os.path.dirname(os.path.realpath(opswatch_mkdocs.__file__))))' 2>/dev/null || true)"
if [ "$registered" != "$here" ] || [ pyproject.toml -nt .venv/.installed-plugin ]; then
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
  touch .venv/.installed-plugin
fi
