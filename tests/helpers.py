"""Helpers shared by the tests and the benchmark: paths, and running the generator and MkDocs as contributors do.

Fixtures live in ``conftest.py``; plain functions live here so that other code (``benchmarks/run.py``)
can import them without pytest.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
MINI = FIXTURES / "mini"
SEEDS = FIXTURES / "seeds"
"""The eight seed records and the site's pages and vocabularies as they were when the catalogue began: a fixture, frozen."""
BIN = Path(sys.executable).parent
"""The virtual environment's scripts folder (mkdocs, linkchecker)."""


def run_generator(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """``python -m generator ARGS`` as a contributor runs it; returns the finished process."""
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "NO_MKDOCS_2_WARNING": "1"},
    )


def build_site(project: Path, site_dir: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """``mkdocs build`` of a project folder (mkdocs.yml, content/, overrides/) into ``site_dir``,
    with ``env`` added to its environment (SITE_URL=..., for example)."""
    return subprocess.run(
        [str(BIN / "mkdocs"), "build", "--site-dir", str(site_dir)],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=600,
        env={**mkdocs_env(project), **env},
    )


CHROMIUM = "/usr/bin/chromium"
"""Debian's chromium, which scripts/test.sh installs; browser tests skip without it."""
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
"""Headless chromium with no background requests (this machine's network is closed)."""


def require_browser() -> Any:
    """Playwright's sync API; skips the calling test module where chromium or Playwright is missing."""
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (scripts/test.sh installs it)", allow_module_level=True)
    return pytest.importorskip("playwright.sync_api")


def mkdocs_env(project: Path) -> dict[str, str]:
    """The environment MkDocs runs in: the project's own generator and plugin code, whatever the venv has installed."""
    return {"PATH": f"{BIN}:/usr/bin:/bin", "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project)}


def make_project(tmp_path: Path, content: Path | None = None) -> Path:
    """A throwaway copy of the project (config, theme overrides, generator) around some content."""
    project = tmp_path / "project"
    project.mkdir()
    for name in ("mkdocs.yml", "generator", "opswatch_mkdocs", "overrides"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, project / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, project / name)
    (project / "docs").mkdir()
    # A real folder (not a link), so that `mkdocs serve` can watch it.
    shutil.copytree(content or ROOT / "content", project / "content")
    # Content without vocabulary files uses the project's own, as the generator does.
    if not (project / "content" / "vocab").exists():
        shutil.copytree(ROOT / "content" / "vocab", project / "content" / "vocab")
    # The navigation names the hand-written pages; bring the shipped ones for content that lacks them.
    for page in (ROOT / "content" / "pages").glob("*.md"):
        target = project / "content" / "pages" / page.name
        if not target.exists():
            target.parent.mkdir(exist_ok=True)
            shutil.copy2(page, target)
    return project


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve_folder(folder: Path) -> Iterator[str]:
    """Serve a folder on a free loopback port, in a thread; yields its base address (ending in /)."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


def rewrite_text_fields(content: Path, fields: set[str], change: Callable[[str, str], str]) -> None:
    """Rewrite every string held by one of ``fields`` (in lists too) in each record of ``content``:
    ``change(key, text)`` gives the new text. For tests that put hostile text into records."""
    import yaml

    def walk(node: object, key: str | None = None) -> object:
        if isinstance(node, dict):
            return {k: walk(v, k) for k, v in node.items()}
        if isinstance(node, list):
            return [walk(v, key) for v in node]
        if isinstance(node, str) and key in fields:
            return change(key, node)
        return node

    for path in sorted(content.rglob("*.yml")):
        data = walk(yaml.safe_load(path.read_text("utf-8")))
        path.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
