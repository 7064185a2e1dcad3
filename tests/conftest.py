"""Shared fixtures. Each test file owns its own helpers; only what several files need lives here."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
MINI = FIXTURES / "mini"


@pytest.fixture
def mini_content(tmp_path: Path) -> Path:
    """A writable copy of the small fixture content tree (tests/fixtures/mini)."""
    target = tmp_path / "content"
    shutil.copytree(MINI, target)
    return target


def run_generator(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """``python -m generator ARGS`` as a contributor runs it; returns the finished process."""
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "NO_MKDOCS_2_WARNING": "1"},
    )


def build_site(project: Path, site_dir: Path) -> subprocess.CompletedProcess:
    """``mkdocs build`` of a project folder (mkdocs.yml, content/, overrides/) into ``site_dir``."""
    return subprocess.run(
        [str(Path(sys.executable).parent / "mkdocs"), "build", "--site-dir", str(site_dir)],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=600,
        env={"PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin", "NO_MKDOCS_2_WARNING": "1"},
    )


def make_project(tmp_path: Path, content: Path | None = None) -> Path:
    """A throwaway copy of the project (config, theme overrides, generator) around some content."""
    project = tmp_path / "project"
    project.mkdir()
    for name in ("mkdocs.yml", "generator", "overrides"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, project / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, project / name)
    (project / "docs").mkdir()
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


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built by MkDocs from the shipped records, once per test session."""
    tmp = tmp_path_factory.mktemp("real")
    project = make_project(tmp)
    site = tmp / "site"
    result = build_site(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site
