"""Shared fixtures. Plain helpers (paths, running the generator and MkDocs) live in ``helpers.py``."""

from __future__ import annotations

import fcntl
import shutil
from pathlib import Path

import pytest
from hypothesis import settings

from tests.helpers import CHROMIUM, CHROMIUM_ARGS, FIXTURES, MINI, SEEDS, build_site, make_project, require_browser

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


def shared_site(tmp_path_factory: pytest.TempPathFactory, worker_id: str, name: str, content: Path | None) -> Path:
    """A site built by MkDocs from ``content`` (the shipped records when None) once per test run, shared by
    every test worker: the first worker to ask builds it under a lock, the others wait and read the same
    folder. Tests only read it."""
    root = tmp_path_factory.getbasetemp()
    if worker_id != "master":  # pytest-xdist: the workers' base folders share this parent
        root = root.parent
    folder = root / f"shared-{name}"
    with (root / f"shared-{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        site = folder / "site"
        if not (site / "index.html").exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            result = build_site(make_project(folder, content), site)
            assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Path:
    """The site built by MkDocs from the shipped records, once per test run."""
    return shared_site(tmp_path_factory, worker_id, "real", None)


@pytest.fixture(scope="session")
def spec_site(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Path:
    """The site built by MkDocs from the record-format fixture (tests/fixtures/spec: series, statuses, hosts), once per test run."""
    return shared_site(tmp_path_factory, worker_id, "spec", FIXTURES / "spec")


@pytest.fixture(scope="session")
def seeds_site(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Path:
    """The site built by MkDocs from the frozen seed records (tests/fixtures/seeds), once per test run."""
    return shared_site(tmp_path_factory, worker_id, "seeds", SEEDS)


@pytest.fixture(scope="module")
def browser():
    """Debian's chromium through Playwright, one per test module."""
    sync_api = require_browser()
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
