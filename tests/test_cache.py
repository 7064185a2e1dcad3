"""The build cache (issue 17, point 1): a wrong cache must never produce a wrong site.

The core test edits records at random, builds with the cache after each edit and without it into a
fresh folder, and compares every byte of every output file. The others check that the cache is
discarded when the generator's code or the vocabularies change, that a damaged, foreign or hostile
cache file is ignored (never a crash, never executed), that deleting the cache is safe, and that the
writer never publishes or removes it.
"""

from __future__ import annotations

import os
import pickle
import random
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from generator import build, cache
from generator.kinds import KINDS
from generator.problems import ContentError, UsageError
from tests.golden_files import read_tree
from tests.helpers import MINI, ROOT, build_site, make_project
from tests.test_benchmark_smoke import bench


def _load(path: Path) -> dict:
    return yaml.safe_load(path.read_text("utf-8"))


def _dump(path: Path, data: dict) -> None:
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), "utf-8")


def _records(content: Path, kind: str) -> list[Path]:
    return sorted((content / kind).glob("*.yml"))


# Each edit changes the content the way a contributor would; it returns a word for the failure message.
def _change_figure(content: Path, rnd: random.Random) -> str:
    path = rnd.choice(_records(content, "operations"))
    data = _load(path)
    figures = [o for o in data.get("outcomes", []) if "value" in o]
    if not figures:
        return "no figure"
    rnd.choice(figures)["value"] += rnd.choice([1, 7, 100])  # often the same size: only the time tells
    _dump(path, data)
    return f"figure in {path.name}"


def _rename_agency(content: Path, rnd: random.Random) -> str:
    path = rnd.choice(_records(content, "agencies"))
    data = _load(path)
    data["name"] = data["name"] + " Renamed"
    _dump(path, data)
    return f"renamed {path.name}"


def _referenced(content: Path) -> set[str]:
    return {o for p in _records(content, "operations") for o in _load(p).get("related", [])}


def _remove_operation(content: Path, rnd: random.Random) -> str:
    candidates = [p for p in _records(content, "operations") if p.stem not in _referenced(content)]
    if len(candidates) < 2:
        return "nothing removable"
    path = rnd.choice(candidates)
    path.unlink()
    return f"removed {path.name}"


def _add_operation(content: Path, rnd: random.Random) -> str:
    path = rnd.choice(_records(content, "operations"))
    data = _load(path)
    new = content / "operations" / f"op-added-{rnd.randrange(10**6)}.yml"
    data["name"] = f"Operation Added {new.stem}"
    data.pop("aliases", None)
    data.pop("related", None)
    data.pop("former_ids", None)
    _dump(new, data)
    return f"added {new.name}"


def _change_date(content: Path, rnd: random.Random) -> str:
    path = rnd.choice(_records(content, "operations"))
    data = _load(path)
    year = rnd.randint(2001, 2015)
    data["period"] = {"start": f"{year}-0{rnd.randint(1, 9)}", "sources": data["sources"][:1]}
    data.pop("reporting_period", None)
    _dump(path, data)
    return f"date of {path.name}"


def _move_operation(content: Path, rnd: random.Random) -> str:
    path = rnd.choice(_records(content, "operations"))
    data = _load(path)
    listed = {part["agency"] for part in data.get("agencies", [])}
    others = [p.stem for p in _records(content, "agencies") if p.stem not in listed]
    if not others or not listed:
        return "no other agency"
    data["agencies"][0]["agency"] = rnd.choice(others)
    _dump(path, data)
    return f"moved {path.name}"


def _edit_vocabulary(content: Path, rnd: random.Random) -> str:
    path = content / "vocab" / "measures.yml"
    text = path.read_text("utf-8")
    _dump(
        path,
        {k: {**v, "definition": v["definition"] + " Edited."} if k == "arrests" else v for k, v in yaml.safe_load(text).items()},
    )
    return "vocabulary"


def _touch(content: Path, rnd: random.Random) -> str:
    path = rnd.choice(_records(content, rnd.choice(["operations", "agencies", "sources"])))
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**9))
    path.write_bytes(path.read_bytes())  # rewritten with the same bytes as well
    return f"touched {path.name}"


EDITS: list[Callable[[Path, random.Random], str]] = [
    _change_figure,
    _rename_agency,
    _remove_operation,
    _add_operation,
    _change_date,
    _move_operation,
    _edit_vocabulary,
    _touch,
]


def _content(tmp_path: Path, case: str) -> Path:
    content = tmp_path / "content"
    if case == "mini":
        shutil.copytree(MINI, content)  # with its own vocabularies
    else:
        bench.synthesise(25, content, seed=7)
    return content


def _fresh(content: Path, folder: Path) -> dict[str, bytes]:
    shutil.rmtree(folder, ignore_errors=True)
    build.build(content, folder, with_history=False, use_cache=False)
    return read_tree(folder)


@pytest.mark.parametrize(("case", "seed"), [("mini", 1), ("mini", 2), ("synthetic", 3)])
def test_cached_builds_match_fresh_builds_byte_for_byte_after_random_edits(tmp_path, case, seed):
    content = _content(tmp_path, case)
    out, fresh = tmp_path / "docs", tmp_path / "fresh"
    first = build.build(content, out, with_history=False)
    assert first.records_reused == 0 and read_tree(out) == _fresh(content, fresh)
    rnd = random.Random(seed)
    edits = [*EDITS, *(rnd.choice(EDITS) for _ in range(8))]
    rnd.shuffle(edits)
    for step, edit in enumerate(edits):
        what = edit(content, rnd)
        result = build.build(content, out, with_history=False)
        assert read_tree(out) == _fresh(content, fresh), f"step {step}: {what}"
        if what.startswith("touched"):  # same bytes: no page is rendered, none written
            assert result.report.written == [] and result.report.removed == [] and result.rendered == 0, what
        if what != "vocabulary":  # the cache was used, not silently bypassed (an edit that changed nothing: a no-op)
            assert result.records_reused > 0 or (result.nothing_changed and what.startswith("no ")), what
    # Files saved within the last seconds are re-hashed, whatever their time says (file times are
    # coarse); once they are older, a build with nothing changed does nothing.
    _age(content)
    assert build.build(content, out, with_history=False).report.written == []
    again = build.build(content, out, with_history=False)
    assert again.nothing_changed and again.report.written == []


def _age(content: Path) -> None:
    old = 10**9 * 1_000_000_000  # 2001
    for path in [content, *content.rglob("*")]:
        os.utime(path, ns=(old, old))


def test_a_broken_record_then_its_fix_match_a_fresh_build(mini_content, tmp_path):
    out = tmp_path / "docs"
    build.build(mini_content, out, with_history=False)
    path = mini_content / "operations" / "op-one.yml"
    original = path.read_text("utf-8")
    path.write_text(original.replace("value: 150", "value: many"), "utf-8")
    with pytest.raises(ContentError):
        build.build(mini_content, out, with_history=False)
    path.write_text(original.replace("value: 150", "value: 151"), "utf-8")
    build.build(mini_content, out, with_history=False)
    assert read_tree(out) == _fresh(mini_content, tmp_path / "fresh")
    assert "151" in (out / "operations" / "op-one.md").read_text("utf-8")


def test_nothing_changed_means_nothing_read_or_written(mini_content, tmp_path):
    out = tmp_path / "docs"
    build.build(mini_content, out, with_history=False)
    again = build.build(mini_content, out, with_history=False)
    assert (
        again.nothing_changed
        and again.report.written == []
        and again.pages == build.build(mini_content, tmp_path / "other", with_history=False).pages
    )
    # The output is checked too: a deleted, edited or extra file means a real build.
    page = out / "operations" / "op-one.md"
    page.unlink()
    (out / "stray.md").write_text("not generated", "utf-8")
    repaired = build.build(mini_content, out, with_history=False)
    assert not repaired.nothing_changed
    assert repaired.report.written == ["operations/op-one.md"] and repaired.report.removed == ["stray.md"]
    page.write_text(page.read_text("utf-8") + "edited by hand\n", "utf-8")
    assert build.build(mini_content, out, with_history=False).report.written == ["operations/op-one.md"]
    assert read_tree(out) == _fresh(mini_content, tmp_path / "fresh")
    # Another site address or the git history: not the same build.
    assert not build.build(mini_content, out, with_history=False, site_url="https://x.invalid/").nothing_changed


def test_the_build_right_after_one_that_wrote_is_a_no_op_yet_sees_an_edit_in_the_same_tick(mini_content, tmp_path):
    out = tmp_path / "docs"
    build.build(mini_content, out, with_history=False)
    path = mini_content / "operations" / "op-one.yml"
    path.write_text(path.read_text("utf-8").replace("value: 150", "value: 151"), "utf-8")
    wrote = build.build(mini_content, out, with_history=False)  # the record was saved just now
    assert "operations/op-one.md" in wrote.report.written
    again = build.build(mini_content, out, with_history=False)
    assert again.nothing_changed and again.report.written == [] and again.pages == wrote.pages
    # An edit that keeps the file's size and time (same clock tick) is still seen: the file is hashed.
    st = path.stat()
    path.write_text(path.read_text("utf-8").replace("value: 151", "value: 152"), "utf-8")
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert path.stat().st_size == st.st_size
    seen = build.build(mini_content, out, with_history=False)
    assert not seen.nothing_changed and "152" in (out / "operations" / "op-one.md").read_text("utf-8")
    assert build.build(mini_content, out, with_history=False).nothing_changed


def test_version_key_covers_code_vocabularies_and_libraries(tmp_path, monkeypatch):
    vocab = tmp_path / "vocab"
    shutil.copytree(ROOT / "content" / "vocab", vocab)
    key = cache.version_key(vocab)
    assert cache.version_key(vocab) == key
    (vocab / "measures.yml").write_text((vocab / "measures.yml").read_text("utf-8") + "\n# a comment\n", "utf-8")
    assert cache.version_key(vocab) != key
    key = cache.version_key(vocab)
    code = tmp_path / "generator"
    shutil.copytree(ROOT / "generator", code, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(cache, "_CODE", code)  # another checkout of the same code
    assert cache.version_key(vocab) == key
    template = next((code / "templates").glob("*.j2"))
    template.write_text(template.read_text("utf-8") + " ", "utf-8")
    module = code / "render.py"
    module.write_text(module.read_text("utf-8") + "\n", "utf-8")
    # A running process keeps the code and templates it loaded: its key does not follow the disk...
    assert cache.version_key(vocab) == key
    # ... but any new process, which loads the new code, has another key.
    monkeypatch.setattr(cache, "_RUNNING", {})
    assert cache.version_key(vocab) != key
    key = cache.version_key(vocab)
    monkeypatch.setattr(cache, "LIBRARIES", (*cache.LIBRARIES, "hypothesis"))
    assert cache.version_key(vocab) != key


def test_a_cache_from_other_code_is_discarded(mini_content, tmp_path, monkeypatch):
    out = tmp_path / "docs"
    build.build(mini_content, out, with_history=False)
    assert build.build(mini_content, out, with_history=False).nothing_changed
    monkeypatch.setattr(cache, "version_key", lambda folder, out=None: "another-version")
    result = build.build(mini_content, out, with_history=False)
    assert not result.nothing_changed and result.records_reused == 0
    assert read_tree(out) == _fresh(mini_content, tmp_path / "fresh")
    assert all((out / ".cache" / f"records-{s:02d}.pickle").read_bytes().startswith(b"another-version\n") for s in _shards(out))


def _shards(out: Path) -> list[int]:
    return sorted(int(p.stem.split("-")[1]) for p in (out / ".cache").glob("records-*.pickle"))


class _Planted:
    """Would record that it ran if the cache ever unpickled it."""

    def __reduce__(self):
        return (os.system, ("touch " + str(PLANTED),))


PLANTED = Path("/tmp/never-created-by-the-cache-test")


@pytest.mark.parametrize("damage", ["truncate", "garbage", "empty", "foreign", "hostile", "delete"])
def test_a_damaged_cache_is_ignored_and_rebuilt(mini_content, tmp_path, damage):
    out = tmp_path / "docs"
    build.build(mini_content, out, with_history=False)
    folder = out / ".cache"
    files = sorted(f for f in folder.iterdir() if f.name != cache.SECRET)  # the secret: see the forged-cache test
    assert files and all(f.name != ".manifest.json" for f in files)
    key = (folder / "records-00.pickle").read_bytes().split(b"\n", 1)[0] if (folder / "records-00.pickle").exists() else b""
    for path in files:
        data = path.read_bytes()
        if damage == "truncate":
            path.write_bytes(data[: len(data) // 2])
        elif damage == "garbage":
            path.write_bytes(bytes(random.Random(1).randrange(256) for _ in range(len(data))))
        elif damage == "empty":
            path.write_bytes(b"")
        elif damage == "foreign":  # right key, but not what a shard holds
            path.write_bytes(key + b"\n" + pickle.dumps({"operations/op-one": "not an entry"}))
        elif damage == "hostile":
            path.write_bytes(key + b"\n" + pickle.dumps({"x": _Planted()}))
    if damage == "delete":
        shutil.rmtree(folder)
    (mini_content / "operations" / "op-two.yml").write_text(
        (mini_content / "operations" / "op-two.yml").read_text("utf-8") + "\n", "utf-8"
    )
    result = build.build(mini_content, out, with_history=False)
    assert not PLANTED.exists()
    assert result.records_reused == 0 and result.report.written == []
    assert read_tree(out) == _fresh(mini_content, tmp_path / "fresh")
    # Rebuilt: the next build reuses every record.
    (mini_content / "operations" / "op-two.yml").write_text(
        (mini_content / "operations" / "op-two.yml").read_text("utf-8") + "\n", "utf-8"
    )
    assert (
        build.build(mini_content, out, with_history=False).records_reused
        == len([p for p in mini_content.glob("*/*.yml") if p.parent.name in KINDS]) - 1
    )


def test_the_cache_is_never_published_listed_or_removed(mini_content, tmp_path):
    out = tmp_path / "docs"
    build.build(mini_content, out, with_history=False)
    (mini_content / "operations" / "op-three.yml").unlink()  # a removal: stale files are cleaned up
    report = build.build(mini_content, out, with_history=False).report
    assert "operations/op-three.md" in report.removed and not any(".cache" in rel for rel in report.removed)
    assert (out / ".cache" / "state.json").is_file() and list((out / ".cache").glob("records-*.pickle"))
    manifest = (out / ".manifest.json").read_text("utf-8")
    assert ".cache" not in manifest


def test_a_cache_folder_that_is_a_link_is_refused(mini_content, tmp_path):
    out = tmp_path / "docs"
    build.build(mini_content, out, with_history=False)
    outside = tmp_path / "outside"
    outside.mkdir()
    shutil.rmtree(out / ".cache")
    os.symlink(outside, out / ".cache")
    with pytest.raises(UsageError, match="symbolic link"):
        build.build(mini_content, out, with_history=False)
    assert list(outside.iterdir()) == []


def test_a_builder_keeps_the_records_in_memory_between_builds(tmp_path):
    mini_content = _content(tmp_path, "mini")
    out = tmp_path / "docs"
    builder = build.Builder(mini_content, out, with_history=False)
    builder.build()
    for shard in (out / ".cache").glob("records-*.pickle"):
        shard.unlink()  # not read again: the builder has them
    rnd = random.Random(5)
    for edit in (_change_figure, _rename_agency, _add_operation, _edit_vocabulary, _change_date):
        what = edit(mini_content, rnd)
        result = builder.build()
        assert read_tree(out) == _fresh(mini_content, tmp_path / "fresh"), what
        if what != "vocabulary":
            records = sum(len(_records(mini_content, kind)) for kind in ("operations", "agencies", "sources", "countries"))
            assert result.records_reused >= records - 1, what


def test_mkdocs_never_publishes_the_cache(tmp_path):
    project = make_project(tmp_path, MINI)
    site = tmp_path / "site"
    result = build_site(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert list((project / "docs" / ".cache").glob("records-*.pickle"))  # the plugin's build made one
    assert (site / "index.html").is_file()
    assert not [p for p in site.rglob("*") if ".cache" in p.parts or p.suffix == ".pickle" or p.name == "state.json"]


def _git(folder: Path, *args: str, date: str = "2020-01-01T12:00:00") -> None:
    env = {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date, "HOME": str(folder), "PATH": "/usr/bin:/bin"}
    who = ["-c", "user.name=t", "-c", "user.email=t@example.invalid", "-c", "commit.gpgsign=false"]
    subprocess.run(["git", *who, "-C", str(folder), *args], check=True, capture_output=True, env=env)


def test_a_commit_that_changes_no_file_still_updates_the_last_changed_dates(tmp_path):
    # The pages show when git last changed each record: committing an edit already built changes
    # no file under content/, but it changes pages, so it is not "nothing changed".
    project = tmp_path / "project"
    content = _content(project, "mini")
    _git(project, "init", "-q")
    _git(project, "add", ".")
    _git(project, "commit", "-qm", "first")
    out = tmp_path / "docs"
    build.build(content, out)
    path = content / "operations" / "op-two.yml"
    path.write_text(path.read_text("utf-8") + "\n", "utf-8")
    build.build(content, out)
    _git(project, "commit", "-qam", "second", date="2021-06-01T12:00:00")
    result = build.build(content, out)
    assert not result.nothing_changed and result.rendered > 0
    assert "2021-06-01" in (out / "operations" / "op-two.md").read_text("utf-8")
    shutil.rmtree(tmp_path / "fresh", ignore_errors=True)
    build.build(content, tmp_path / "fresh", use_cache=False)
    assert read_tree(out) == read_tree(tmp_path / "fresh")
