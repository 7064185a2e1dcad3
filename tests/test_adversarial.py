"""The December 2026 adversarial pass (issue 23, ``shared/reviews/adversarial-pass.md``): each failed
probe N1-N21, so that none comes back.

The build cache and the output folder (N1, N2, N16, N17, N18): a build never trusts anything the
repository carries there, never writes through a link or opens a FIFO there, and never publishes a
record its check would refuse today. The reading of records and vocabularies (N3-N5, N10-N13, N19,
N21), the cost of pages (N6, N7, N20) and the downloads and search (N14, N15) follow.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from generator import build, cache, checker, writer
from generator.problems import ContentError, UsageError
from tests.golden_files import read_tree


def _fresh(content: Path, folder: Path) -> dict[str, bytes]:
    shutil.rmtree(folder, ignore_errors=True)
    build.build(content, folder, with_history=False, use_cache=False)
    return read_tree(folder)


def _records(content: Path) -> list[Path]:
    return [path for path in content.glob("*/*.yml") if path.parent.name != "vocab"]


def _future(caught: pytest.ExceptionInfo[ContentError]) -> bool:
    return any("in the future" in problem.message for problem in caught.value.problems)


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid", *args], cwd=cwd, check=True, capture_output=True
    )


# N1: a link planted in docs/.cache is never written through.
@pytest.mark.parametrize("name", ["pages.json.tmp", "state.json.tmp", "records-05.pickle.tmp", "secret.tmp", "state.json"])
def test_a_link_in_the_cache_folder_is_refused_and_its_target_untouched(mini_content, tmp_path, name):
    out = tmp_path / "docs"
    build.build(mini_content, out, with_history=False)
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n", "utf-8")
    (out / ".cache" / name).unlink(missing_ok=True)
    os.symlink(victim, out / ".cache" / name)
    (mini_content / "operations" / "op-two.yml").write_text(
        (mini_content / "operations" / "op-two.yml").read_text("utf-8") + "\n", "utf-8"
    )
    with pytest.raises(writer.WriteError, match=f"{name} is a symbolic link"):
        build.build(mini_content, out, with_history=False)
    assert victim.read_text("utf-8") == "precious\n"


def test_cache_save_replaces_a_link_instead_of_writing_through_it(tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n", "utf-8")
    folder = tmp_path / ".cache"
    folder.mkdir()
    os.symlink(victim, folder / "pages.json.tmp")
    os.symlink(victim, folder / "state.json")
    cache.save(folder / "pages.json", b"{}")
    cache.save(folder / "state.json", b"{}")
    assert victim.read_text("utf-8") == "precious\n"
    assert (folder / "pages.json").read_bytes() == b"{}" and not (folder / "pages.json").is_symlink()
    assert (folder / "state.json").read_bytes() == b"{}" and not (folder / "state.json").is_symlink()


# N18: a FIFO (or any special file) there is refused, never opened.
@pytest.mark.parametrize("name", [".cache/state.json", ".cache/records-00.pickle", ".manifest.json", "operations/x.md"])
def test_a_fifo_in_the_output_folder_is_refused_without_blocking(mini_content, tmp_path, name):
    out = tmp_path / "docs"
    build.build(mini_content, out, with_history=False)
    (out / name).unlink(missing_ok=True)
    os.mkfifo(out / name)
    assert cache.read(out / name) is None  # opened without blocking, and refused
    with pytest.raises(writer.WriteError, match="not a regular file"):
        build.build(mini_content, out, with_history=False)


# N2: a forged cache file is never trusted.
def _forge(out: Path, key: str) -> None:
    """Rewrite op-one's cached model as a forger would, with the module's own code (shards marked dirty)."""
    records = cache.RecordCache(out, key)
    from generator.loader import load_vocab

    records.open(load_vocab(out.parent / "content" / "vocab")[0])
    entry = records.entries["operations/op-one"]
    entry.model = entry.model.model_copy(update={"name": "FORGED Operation"})
    records.dirty.add(records.shard("operations/op-one"))
    records.save(set(records.entries))


def test_files_the_repository_carries_in_the_output_folder_are_refused(mini_content, tmp_path):
    project = mini_content.parent
    out = project / "docs"
    _git(project, "init", "-q")
    build.build(mini_content, out, with_history=False)
    (out / ".gitignore").write_text("*\n!.gitignore\n", "utf-8")
    _git(project, "add", "content", "docs/.gitignore")
    _git(project, "commit", "-qm", "content")
    assert build.build(mini_content, out, with_history=False).nothing_changed  # .gitignore may be tracked
    shard = min(out.glob(".cache/records-*.pickle")).relative_to(project).as_posix()
    _git(project, "add", "-f", shard, "docs/operations/op-one.md")
    with pytest.raises(writer.WriteError, match="tracked by git") as caught:
        build.build(mini_content, out, with_history=False)
    assert shard in str(caught.value) and "git rm -r --cached" in str(caught.value)


def test_a_forged_cache_file_from_elsewhere_is_discarded(mini_content, tmp_path):
    out = tmp_path / "docs"
    build.build(mini_content, out, with_history=False)
    key = cache.version_key(mini_content / "vocab", out)
    _forge(out, key)
    # The forged shard is trusted where it was made (its secret is there): that is what a forger has.
    # Copied into another checkout's output folder (a pull request, an archive, cp -a), it is not.
    other = tmp_path / "elsewhere" / "docs"
    other.mkdir(parents=True)
    shutil.copytree(out / ".cache", other / ".cache")
    shutil.copytree(mini_content, tmp_path / "elsewhere" / "content")
    result = build.build(tmp_path / "elsewhere" / "content", other, with_history=False)
    assert result.records_reused == 0
    assert "FORGED" not in (other / "operations" / "op-one.md").read_text("utf-8")
    assert read_tree(other) == _fresh(tmp_path / "elsewhere" / "content", tmp_path / "fresh")


def test_the_cache_secret_is_made_once_and_kept(mini_content, tmp_path):
    out = tmp_path / "docs"
    build.build(mini_content, out, with_history=False)
    secret = (out / ".cache" / cache.SECRET).read_bytes()
    assert len(secret) == 32
    (mini_content / "operations" / "op-two.yml").write_text(
        (mini_content / "operations" / "op-two.yml").read_text("utf-8") + "\n", "utf-8"
    )
    again = build.build(mini_content, out, with_history=False)
    assert again.records_reused == len(_records(mini_content)) - 1
    assert (out / ".cache" / cache.SECRET).read_bytes() == secret


# N17: a record validated on a later day than today is validated again.
class _Future(dt.date):
    @classmethod
    def today(cls) -> dt.date:
        return dt.date(2999, 1, 1)


def test_a_record_validated_with_the_clock_ahead_is_checked_again(mini_content, tmp_path, monkeypatch):
    out = tmp_path / "docs"
    path = mini_content / "operations" / "op-one.yml"
    path.write_text(path.read_text("utf-8").replace('date: "2020-06"', f'date: "{dt.date.today().year + 2}-03"'), "utf-8")
    with pytest.raises(ContentError) as caught:
        checker.check(mini_content)
    assert _future(caught)
    with monkeypatch.context() as clock_ahead:
        clock_ahead.setattr(dt, "date", _Future)
        build.build(mini_content, out, with_history=False)
    with pytest.raises(ContentError) as caught:
        build.build(mini_content, out, with_history=False)
    assert _future(caught)


def test_the_no_op_check_remembers_the_day_it_ran(mini_content, tmp_path, monkeypatch):
    out = tmp_path / "docs"
    with monkeypatch.context() as clock_ahead:
        clock_ahead.setattr(cache, "today", lambda: "2999-01-01")
        build.build(mini_content, out, with_history=False)
    again = build.build(mini_content, out, with_history=False)
    assert not again.nothing_changed and again.records_reused == 0
    assert build.build(mini_content, out, with_history=False).nothing_changed


def test_a_linked_output_folder_is_refused_before_the_cache_is_made(mini_content, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    os.symlink(elsewhere, tmp_path / "docs")
    with pytest.raises(UsageError, match="symbolic link"):
        build.build(mini_content, tmp_path / "docs", with_history=False)
    assert list(elsewhere.iterdir()) == []
