"""Shared fixtures. Plain helpers (paths, running the generator and MkDocs) live in ``helpers.py``."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import settings

from tests.helpers import CHROMIUM, CHROMIUM_ARGS, MINI, build_site, make_project, require_browser

# No per-example time limit: on a shared, loaded machine Hypothesis' 200 ms deadline fails correct
# code at random. Speed is measured by benchmarks/run.py, not by timed tests.
settings.register_profile("project", deadline=None)
settings.load_profile("project")


@pytest.fixture
def mini_content(tmp_path: Path) -> Path:
    """A writable copy of the small fixture content tree (tests/fixtures/mini)."""
    target = tmp_path / "content"
    shutil.copytree(MINI, target)
    return target


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built by MkDocs from the shipped records, once per test session."""
    tmp = tmp_path_factory.mktemp("real")
    project = make_project(tmp)
    site = tmp / "site"
    result = build_site(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.fixture(scope="module")
def browser():
    """Debian's chromium through Playwright, one per test module."""
    sync_api = require_browser()
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
