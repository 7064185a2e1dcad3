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
  echo "Setting up: creating .venv/ (first run only)..."
  "$python" -m venv .venv
fi
stamp=".venv/.installed-$(basename "$requirements")"
if [ ! -f "$stamp" ] || [ "$requirements" -nt "$stamp" ] || [ requirements.txt -nt "$stamp" ]; then
  # pip is quiet; say what the pause is, since the first install takes a minute or two.
  echo "Setting up: installing the pinned packages of $requirements into .venv/ (first run, or after the file changed; usually 1-2 minutes)..."
  started=$SECONDS
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -r "$requirements"
  touch "$stamp"
  echo "Setting up: packages installed in $((SECONDS - started)) s."
fi
# Material for MkDocs prints an end-of-life notice on every mkdocs command unless NO_MKDOCS_2_WARNING
# is set; the project's answer is in the README ("The theme"), so the venv's Python sets it once.
purelib="$(.venv/bin/python -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
quiet='import os; os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")'
if [ "$(cat "$purelib/opswatch-quiet-theme-notice.pth" 2>/dev/null)" != "$quiet" ]; then
  echo "$quiet" > "$purelib/opswatch-quiet-theme-notice.pth"
fi
# Register the MkDocs plugin (an entry point of this project; the code itself is imported from the
# checkout being built: scripts/build.sh and the tests set PYTHONPATH). Again whenever the venv's
# registration points at another checkout or an older pyproject.toml.
here="$(pwd -P)"
registered="$(cd / && "$here/.venv/bin/python" -c 'import opswatch_mkdocs, os; print(os.path.dirname(os.path.dirname(os.path.realpath(opswatch_mkdocs.__file__))))' 2>/dev/null || true)"
if [ "$registered" != "$here" ] || [ pyproject.toml -nt .venv/.installed-plugin ]; then
  echo "Setting up: registering the opswatch MkDocs plugin of this checkout (a few seconds)..."
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
  touch .venv/.installed-plugin
fi
