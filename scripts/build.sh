#!/usr/bin/env bash
# Builds the site into site/ from the records in content/ (sets up .venv on first run).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh requirements.txt
export NO_MKDOCS_2_WARNING=1
export PYTHONPATH="$PWD"  # this checkout's generator and plugin, whatever else the venv has installed
# MkDocs checks that docs/ exists before the plugin that fills it runs: make it if it was deleted.
mkdir -p docs
echo "Building: checking the records, writing the pages, then MkDocs builds site/..."
.venv/bin/mkdocs build "$@"
echo "Built: open site/index.html in a browser, or serve it with: .venv/bin/python -m http.server -d site"
