"""Publishing `mkdocs build` (SECURITY.md, "Failures are safe"): one build at a time, never through a link.

Real `mkdocs build` processes of the fixture records: two at once publish what a lone build
publishes; site/, site.building/ and site.old/ that are symbolic links are refused with one
clear line; a site/ that cannot be replaced is one line too, and the next build recovers.
Each build runs the code of the checkout it builds, never another checkout's.
"""

from __future__ import annotations

import gzip
import os
import subprocess
import textwrap
from pathlib import Path

import pytest

from tests.helpers import BIN, MINI, ROOT, build_site, make_project, mkdocs_env

pytestmark = pytest.mark.e2e


def _tree(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder``; compressed files by their content (gzip headers hold a time)."""
    out = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            out[path.relative_to(folder).as_posix()] = gzip.decompress(data) if path.suffix == ".gz" else data
    return out


def _build(project: Path, site: Path, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [str(BIN / "mkdocs"), "build", "--site-dir", str(site)],
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env or mkdocs_env(project),
    )


def test_two_builds_at_once_publish_what_a_lone_build_publishes(tmp_path: Path):
    project = make_project(tmp_path, MINI)
    lone = tmp_path / "lone"
    assert build_site(project, lone).returncode == 0
    expected = _tree(lone)
    assert "index.html" in expected and "feed.xml" in expected and "data/dataset.json" in expected
    site = tmp_path / "site"
    for trial in range(2):
        first, second = _build(project, site), _build(project, site)
        outputs = [p.communicate(timeout=600)[0] for p in (first, second)]
        assert [first.returncode, second.returncode] == [0, 0], outputs
        assert not any("Traceback" in out for out in outputs), outputs
        assert any("another build is running" in out for out in outputs), outputs  # the second one said it waited
        assert _tree(site) == expected, f"trial {trial}: the published site differs from a lone build"
        assert not (tmp_path / "site.building").exists() and not (tmp_path / "site.old").exists()


@pytest.mark.parametrize("name", ["site.building", "site.old", "site"])
def test_swap_folders_that_are_links_are_refused(tmp_path: Path, name: str):
    project = make_project(tmp_path, MINI)
    site = tmp_path / "site"
    if name != "site":
        assert build_site(project, site).returncode == 0
    published = _tree(site) if site.exists() else {}
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "keep.txt").write_text("precious", "utf-8")
    (tmp_path / name).symlink_to(outside, target_is_directory=True)
    result = build_site(project, site)
    assert result.returncode == 1, result.stdout + result.stderr
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    assert f"{tmp_path / name} is a symbolic link" in output and "remove the link" in output, output[-2000:]
    assert _tree(outside) == {"keep.txt": b"precious"}  # nothing outside the project was written or deleted
    if name != "site":
        assert _tree(site) == published


def _faulty(tmp_path: Path, code: str) -> Path:
    """A folder whose sitecustomize.py injects a file-system failure into the build (as root, chmod cannot)."""
    folder = tmp_path / "fault"
    folder.mkdir()
    (folder / "sitecustomize.py").write_text(textwrap.dedent(code), "utf-8")
    return folder


def test_a_site_that_cannot_be_replaced_is_one_clear_line_and_the_next_build_recovers(tmp_path: Path):
    project = make_project(tmp_path, MINI)
    site = tmp_path / "site"
    assert build_site(project, site).returncode == 0
    before = _tree(site)
    fault = _faulty(
        tmp_path,
        """
        import errno, os
        _rename = os.rename
        def rename(src, dst, *args, **kwargs):
            if os.path.basename(os.fspath(src)) == "site":
                raise PermissionError(errno.EACCES, "Permission denied", os.fspath(src))
            return _rename(src, dst, *args, **kwargs)
        os.rename = rename
        """,
    )
    env = {**mkdocs_env(project), "PYTHONPATH": f"{project}:{fault}"}
    output = _build(project, site, env).communicate(timeout=600)[0]
    assert "Traceback" not in output
    assert f"cannot replace {site}: Permission denied" in output and "writable" in output, output[-2000:]
    assert _tree(site) == before  # the previous site is still published
    result = build_site(project, site)  # the folder is writable again: the build recovers
    assert result.returncode == 0, result.stdout + result.stderr
    assert not (tmp_path / "site.old").exists() and not (tmp_path / "site.building").exists()


def test_an_old_site_that_cannot_be_removed_is_reported_and_removed_later(tmp_path: Path):
    project = make_project(tmp_path, MINI)
    site = tmp_path / "site"
    assert build_site(project, site).returncode == 0
    fault = _faulty(
        tmp_path,
        """
        import errno, os, shutil
        _rmtree = shutil.rmtree
        def rmtree(path, *args, **kwargs):
            if os.path.basename(os.fspath(path)) == "site.old":
                raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
            return _rmtree(path, *args, **kwargs)
        shutil.rmtree = rmtree
        """,
    )
    process = _build(project, site, {**mkdocs_env(project), "PYTHONPATH": f"{project}:{fault}"})
    output = process.communicate(timeout=600)[0]
    assert process.returncode == 0 and "Traceback" not in output, output[-2000:]
    assert "site published, but the previous one is left in" in output
    assert (tmp_path / "site.old").is_dir() and (site / "index.html").is_file()
    result = build_site(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert not (tmp_path / "site.old").exists()


def test_a_build_runs_the_code_of_the_checkout_it_builds(tmp_path: Path):
    project = make_project(tmp_path, MINI)
    plugin = project / "opswatch_mkdocs" / "plugin.py"
    plugin.write_text(
        plugin.read_text("utf-8").replace(
            'log.info(\n            "generator: %d page(s)',
            'log.info("built by the copy")\n        log.info(\n            "generator: %d page(s)',
        ),
        "utf-8",
    )
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "built by the copy" in result.stdout + result.stderr
    # Without PYTHONPATH the venv's registration (another checkout) would be used: refused, with what to do.
    env = {k: v for k, v in mkdocs_env(project).items() if k != "PYTHONPATH"}
    result = subprocess.run(
        [str(BIN / "mkdocs"), "build", "--site-dir", str(tmp_path / "site")],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=600,
        env=env,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 1 and "Traceback" not in output, output[-2000:]
    assert f"not the code beside {project / 'mkdocs.yml'}" in output and f"PYTHONPATH={project}" in output
    assert "built by the copy" not in output
    assert os.path.realpath(ROOT) in output  # it names the checkout it would have used
