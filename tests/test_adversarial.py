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
    def today(cls) -> _Future:
        return cls(2999, 1, 1)


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


# N3, N4: deep nesting is refused before libyaml composes it (no segfault, no quadratic parse).
@pytest.mark.parametrize(
    "data",
    [
        b"name: " + b"[" * 30_000 + b"]" * 30_000 + b"\n",
        b"name: " + b"{a: " * 30_000 + b"1" + b"}" * 30_000 + b"\n",
        b"name:\n  " + b"- " * 30_000 + b"x\n",
        b"? " * 30_000 + b"x\n",
        b"".join(b" " * i + b"k:\n" for i in range(1_300)) + b" " * 1_300 + b"k: 1\n",
    ],
    ids=["flow-list", "flow-map", "block-list", "keys", "indentation"],
)
def test_deep_nesting_is_one_located_line(data):
    from generator import yamlread

    with pytest.raises(yamlread.YamlError) as caught:
        yamlread.read(data)
    assert "nested too deeply" in caught.value.message and caught.value.line >= 1


def test_deep_nesting_does_not_crash_the_check(mini_content):
    (mini_content / "operations" / "deep-probe.yml").write_bytes(b"name: " + b"[" * 30_000 + b"]" * 30_000 + b"\n")
    with pytest.raises(ContentError) as caught:
        checker.check(mini_content)
    (problem,) = caught.value.problems
    assert problem.file.endswith("deep-probe.yml") and "nested too deeply" in problem.message


def test_deep_nesting_is_refused_after_reading_few_levels(monkeypatch):
    """Linear: the parser is stopped at the first collection past the limit, never run to the end."""
    from generator import yamlread

    events = []
    real = yamlread._Loader.get_event

    def counted(self):
        events.append(1)
        return real(self)

    monkeypatch.setattr(yamlread._Loader, "get_event", counted)
    with pytest.raises(yamlread.YamlError):
        yamlread.read(b"name: " + b"{a: " * 20_000 + b"1" + b"}" * 20_000 + b"\n")
    assert len(events) < 4 * yamlread.MAX_DEPTH


# N5: a file of many unknown fields is one line, not 100,000.
def test_a_mapping_of_too_many_fields_is_refused_whole(mini_content):
    fields = "".join(f"k{i}: x\n" for i in range(20_000))
    (mini_content / "sources" / "probe-yaml.yml").write_text("title: T\nkind: news\n" + fields, "utf-8")
    with pytest.raises(ContentError) as caught:
        checker.check(mini_content)
    (problem,) = caught.value.problems
    assert "20,002 fields in one place" in problem.message


def test_problems_per_file_are_capped(mini_content):
    from generator import validate, yamlread

    fields = "".join(f"k{i}: x\n" for i in range(yamlread.MAX_LIST - 2))
    (mini_content / "sources" / "probe-yaml.yml").write_text("title: T\nkind: news\n" + fields, "utf-8")
    with pytest.raises(ContentError) as caught:
        checker.check(mini_content)
    problems = caught.value.problems
    assert len(problems) == validate.MAX_PER_FILE + 1
    assert problems[-1].message.startswith(f"and {yamlread.MAX_LIST - 2 - validate.MAX_PER_FILE:,} more problems")
    # Each shown problem is located at its own field.
    assert [p.line for p in problems[:3]] == [3, 4, 5]


def test_locating_many_fields_walks_the_mapping_once(monkeypatch):
    from generator import yamlread

    root = yamlread.compose("".join(f"k{i}: x\n" for i in range(500)))
    assert root is not None
    walks = []
    real = yamlread._keys

    def counted(node):
        walks.append(getattr(node, "_opswatch_keys", None) is None)
        return real(node)

    monkeypatch.setattr(yamlread, "_keys", counted)
    assert [yamlread.locate(root, (f"k{i}",))[0] for i in range(500)] == list(range(1, 501))
    assert sum(walks) == 1


# N6: figure trees cost time linear in the figures.
def _chained(op, n: int):
    from generator import models

    first = op.outcomes[0]
    chain = [first.model_copy(update={"id": f"o{i}", "part_of": f"o{i - 1}" if i else None, "value": 1000 - i}) for i in range(n)]
    return models.Operation.model_construct(**{**dict(op), "outcomes": chain})


def test_figure_chains_are_walked_once_per_operation(mini_content, monkeypatch):
    from generator import outcomes
    from generator.figurerules import figure_problems

    catalog = checker.check(mini_content)
    op = _chained(catalog.operations["op-one"], 200)
    assert list(figure_problems(op)) == []
    parents = []
    real = outcomes._Tree.parent

    def counted(self, o):
        parents.append(o)
        return real(self, o)

    monkeypatch.setattr(outcomes._Tree, "parent", counted)
    wholes = [outcomes.counted_whole(op, o) for o in op.outcomes]
    assert [w.id if w else None for w in wholes] == [None] + [f"o{i}" for i in range(199)]
    assert len(parents) <= 3 * len(op.outcomes)
    assert [o.id for o in outcomes.wholes(op, op.outcomes[5])] == ["o4", "o3", "o2", "o1", "o0"]
    assert [o.id for o in outcomes.parts(op, op.outcomes[5])] == ["o6"]
    assert [o.id for o in outcomes.top_level(op)] == ["o0"]


def test_figure_loops_are_still_found(mini_content):
    from generator.figurerules import figure_problems

    catalog = checker.check(mini_content)
    op = _chained(catalog.operations["op-one"], 6)
    looped = op.model_construct(
        **{**dict(op), "outcomes": [op.outcomes[0].model_copy(update={"part_of": "o3"}), *op.outcomes[1:]]}
    )
    found = [loc for loc, message in figure_problems(looped) if "loop" in message]
    assert found == [("outcomes", i, "part_of") for i in range(6)]


# N7: Markdown blocks crowded without blank lines are refused (Python-Markdown rescans them).
@pytest.mark.parametrize("pattern", ["a\n=\n", "-\n", "# a\n", "***\n", "- a\nb\n", "1. x\n", "> a\n"])
def test_crowded_markdown_blocks_are_refused(pattern):
    from generator import textmd

    assert textmd.nesting_problem(pattern * 50) is None
    problem = textmd.nesting_problem(pattern * 5_000)
    assert problem is not None and "blank line" in problem


def test_long_prose_and_spaced_blocks_are_accepted():
    from generator import textmd

    assert textmd.nesting_problem("a line of prose\n" * 1_000) is None
    assert textmd.nesting_problem("# a heading\n\n- an item\n\n" * 500) is None


# N20: partner lists are capped; operations naming very many agencies make no partners.
def test_partner_lists_are_capped(mini_content):
    from generator import link
    from generator.models import Operation

    catalog = checker.check(mini_content)
    op = catalog.operations["op-one"]
    template = op.agencies[0]
    many = {
        f"op-{n}": Operation.model_construct(
            **{**dict(op), "agencies": [template.model_copy(update={"agency": f"ag-{i}"}) for i in range(n)]}
        )
        for n in (40, link.PARTNERS_FROM + 1)
    }
    shown, more = link.partners(many)
    assert len(shown["ag-0"]) == link.PARTNERS_SHOWN and more["ag-0"] == 39 - link.PARTNERS_SHOWN
    assert all(p.shared == 1 for p in shown["ag-0"])
    assert "ag-60" not in shown  # only in the operation of 101 agencies


# N10, N11: links in content/vocab are refused, never followed or read.
def test_a_linked_vocabulary_folder_is_refused(mini_content, tmp_path):
    outside = tmp_path / "outside-vocab"
    shutil.move(mini_content / "vocab", outside)
    path = outside / "crime-areas.yml"
    path.write_text(path.read_text("utf-8").replace("label: ", "label: OUTSIDE-MARKER "), "utf-8")
    os.symlink(outside, mini_content / "vocab")
    with pytest.raises(ContentError) as caught:
        checker.check(mini_content)
    assert next(p.message for p in caught.value.problems if "vocab" in p.file).startswith("content/vocab/ is a symbolic link")
    with pytest.raises(ContentError):
        build.build(mini_content, tmp_path / "docs", with_history=False)
    assert (
        not any(b"OUTSIDE-MARKER" in data for data in read_tree(tmp_path / "docs").values())
        if (tmp_path / "docs").exists()
        else True
    )


def test_a_linked_vocabulary_file_is_refused_before_it_is_read(mini_content, tmp_path):
    huge = tmp_path / "huge.yml"
    with open(huge, "wb") as handle:
        handle.truncate(4 * 1024**3)  # sparse: reading it would take minutes and gigabytes
    os.symlink(huge, mini_content / "vocab" / "zz-evil.yml")
    os.symlink("/proc/self/pagemap", mini_content / "vocab" / "zz-pagemap.yml")
    with pytest.raises(ContentError) as caught:
        build.build(mini_content, tmp_path / "docs", with_history=False)
    assert sorted(p.file.rsplit("/", 1)[1] for p in caught.value.problems) == ["zz-evil.yml", "zz-pagemap.yml"]
    (mini_content / "vocab" / "zz-evil.yml").unlink()
    (mini_content / "vocab" / "zz-pagemap.yml").unlink()
    measures = mini_content / "vocab" / "measures.yml"
    measures.unlink()
    os.symlink(huge, measures)
    with pytest.raises(ContentError) as caught:
        checker.check(mini_content)
    assert any("measures.yml" in p.file and "symbolic link" in p.message for p in caught.value.problems)


# N12: vocabulary text gets the records' character rules.
@pytest.mark.parametrize("bad", ["\\e[31mRED", "\\u202eesrever", "a \\x01 ctl", "\\u2800"])
def test_vocabulary_text_gets_the_character_rules(mini_content, bad):
    path = mini_content / "vocab" / "measures.yml"
    text = path.read_text("utf-8")
    first = text.index("label: ")
    end = text.index("\n", first)
    path.write_text(text[:first] + f'label: "arrests {bad}"' + text[end:], "utf-8")
    with pytest.raises(ContentError) as caught:
        checker.check(mini_content)
    (problem,) = caught.value.problems
    assert problem.file.endswith("measures.yml") and problem.field.endswith("label") and "U+" in problem.message


# N13: invisible, bare and look-alike characters are refused; look-alike names are compared.
@pytest.mark.parametrize(
    "text",
    [
        "\u2800",
        "Operation Epervier\u034f",
        "Oper\u00adation Epervier",
        "Operation \u0415pervier",
        "Operation Epervier\U0001d173",
        "Operation Epervier\ufe0f\U000e0100",
        "x\u17b4",
        "\u061c",
        "\u0301Operation",
        "\uff2fperation",
        "\U0001d40eperation",
    ],
)
def test_invisible_and_look_alike_characters_are_refused(text):
    from generator.textcheck import character_problem

    assert character_problem(text) is not None


@pytest.mark.parametrize(
    "text", ["Café", "naïve", "Alí", "مرحبا\u061c", "\u2764\ufe0f", "\u845b\U000e0100", "Москва", "Ελλάδα", "İstanbul", "nº 5"]
)
def test_real_names_and_marks_are_accepted(text):
    from generator.textcheck import character_problem

    assert character_problem(text) is None


def test_names_that_read_the_same_but_differ_are_refused(mini_content):
    path = mini_content / "operations" / "op-two.yml"
    text = path.read_text("utf-8")
    start = text.index("name: ")
    path.write_text(text[:start] + "name: OPERATION  one" + text[text.index("\n", start) :], "utf-8")
    with pytest.raises(ContentError) as caught:
        checker.check(mini_content)
    (problem,) = caught.value.problems
    assert problem.file.endswith("op-two.yml") and problem.field == "name" and "operations/op-one" in problem.message


# N14: search shard file names are one-to-one, and the worker names them as the generator does.
def test_shard_file_names_never_collide_and_match_the_worker():
    import json
    import re

    from generator import search_index
    from tests.helpers import ROOT

    keys = ["ła", "ᐪ", "a", "ab", "a_", "_", "zü", "日本", "Ab", "1", "ła1", "ᐪ1", "\U0001f600"]
    names = [search_index.file_name("t", key) for key in keys]
    assert len(set(names)) == len(keys)
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    worker = (ROOT / "overrides" / "assets" / "javascripts" / "ow-search-worker.js").read_text("utf-8")
    function = re.search(r"function fileName\(kind, key\) \{.*?\n  \}", worker, re.S)
    assert function is not None
    script = f"{function.group()}\nconsole.log(JSON.stringify({json.dumps(keys)}.map(k => fileName('t', k))));"
    out = subprocess.run([node, "-e", script], capture_output=True, text=True, check=True).stdout
    assert json.loads(out) == names


def test_two_shards_never_share_a_file():
    from generator import search_index

    docs = [
        search_index.Doc("a.html", "Europol", "", "", [(10, "Officers met in Łask.")]),
        search_index.Doc("b.html", "Other", "", "", [(10, "ᐪ")]),
    ]
    files = search_index.build(docs)
    shards = {path: text for path, text in files.items() if "/t-" in path}
    assert any('"łask"' in text for text in shards.values()) and any('"ᐪ"' in text for text in shards.values())


# N15: no formula for readers whose list separator is ';' or a tab.
@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_csv_text_is_inert_whatever_the_readers_separator(delimiter):
    import csv
    import io

    from generator import export

    hostile = [
        "suspected traffickers;=1+1;see report",
        "a; -2+3",
        'a;"=HYPERLINK(1)"',
        "a\t@SUM(1)",
        "a;\t+cmd|calc",
        "=1;=2",
        "plain; text",
    ]
    text = export._csv(["id", "note"], [["x", h] for h in hostile])
    for row in csv.reader(io.StringIO(text), delimiter=delimiter):
        for cell in row:
            assert not cell.strip().lstrip('"').startswith(("=", "+", "-", "@")), (delimiter, cell)
    assert "plain; text" in text


# N16: an edit that keeps the file's size and modification time is still seen.
def test_an_edit_keeping_size_and_time_is_published(mini_content, tmp_path, monkeypatch):
    monkeypatch.setattr(cache, "SETTLE_NS", 0)  # every file counts as settled: only its stamp is compared
    out = tmp_path / "docs"
    path = mini_content / "operations" / "op-one.yml"
    os.utime(path, ns=(1_767_225_600_000_000_000,) * 2)
    build.build(mini_content, out, with_history=False)
    assert build.build(mini_content, out, with_history=False).nothing_changed
    text = path.read_text("utf-8")
    path.write_text(text.replace("name: Operation One", "name: Operation Ono"), "utf-8")  # same size
    os.utime(path, ns=(1_767_225_600_000_000_000,) * 2)  # and the same time, as cp -p or touch -r leave it
    result = build.build(mini_content, out, with_history=False)
    assert not result.nothing_changed
    assert "Operation Ono" in (out / "operations" / "op-one.md").read_text("utf-8")
    assert read_tree(out) == _fresh(mini_content, tmp_path / "fresh")


# N19: operating-system files are ignored; merge, patch and backup leftovers get a tip that fits.
def test_leftovers_are_named_for_what_they_are(mini_content):
    folder = mini_content / "operations"
    for name in ("Thumbs.db", "desktop.ini"):
        (folder / name).write_bytes(b"\x00")
    original = (folder / "op-one.yml").read_text("utf-8")
    for name in ("op-one.yml.orig", "op-one.yml.bak", "op-one.yml.rej", "op-one_BASE_1234.yml"):
        (folder / name).write_text(original, "utf-8")
    with pytest.raises(ContentError) as caught:
        checker.check(mini_content)
    found = {p.file.rsplit("/", 1)[1]: p.message for p in caught.value.problems}
    assert sorted(found) == ["op-one.yml.bak", "op-one.yml.orig", "op-one.yml.rej", "op-one_BASE_1234.yml"]
    assert all("not a record" in m and "delete this file" in m and "rename" not in m for m in found.values())
    assert all("op-one.yml" in m for m in found.values())


# N21: nothing in content/ is skipped without a word; a deleted docs/ comes back whole.
def test_files_the_build_would_skip_are_reported(mini_content):
    (mini_content / "pages" / "notes.txt").write_text("notes", "utf-8")
    (mini_content / "pages" / "draft.markdown").write_text("# Draft", "utf-8")
    (mini_content / ".hidden.yml").write_text("name: x", "utf-8")
    (mini_content / ".drafts").mkdir()
    shutil.copy(mini_content / "operations" / "op-one.yml", mini_content / ".drafts" / "op-one.yml")
    (mini_content / "pages" / ".gitkeep").write_text("", "utf-8")  # what git needs in an empty folder: fine
    with pytest.raises(ContentError) as caught:
        checker.check(mini_content)
    assert sorted(p.file.rsplit("/", 1)[1] for p in caught.value.problems) == [
        ".drafts",
        ".hidden.yml",
        "draft.markdown",
        "notes.txt",
    ]


def test_a_deleted_output_folder_gets_its_gitignore_back(mini_content, tmp_path):
    out = tmp_path / "docs"
    build.build(mini_content, out, with_history=False)
    assert (out / ".gitignore").read_text("utf-8") == writer.GITIGNORE
    shutil.rmtree(out)
    build.build(mini_content, out, with_history=False)
    assert (out / ".gitignore").read_text("utf-8") == writer.GITIGNORE
    from tests.helpers import ROOT

    assert (ROOT / "docs" / ".gitignore").read_text("utf-8") == writer.GITIGNORE


# Messages (issue 23, item 10): an indentation slip says what to check.
@pytest.mark.parametrize(
    ("text", "line"),
    [("a:\n  - x: 1\n    y: 2\n   - x: 3\n", 4), ("sources:\n  - a\n - b\n", 3), ("a:\n  b: 1\n c: 2\n", 3)],
)
def test_an_indentation_slip_gets_a_hint(text, line):
    from generator import yamlread

    with pytest.raises(yamlread.YamlError) as caught:
        yamlread.read(text.encode())
    assert caught.value.line == line and f"check the indentation of line {line}" in caught.value.message


def test_a_shard_entry_that_is_not_what_it_says_discards_the_shard(mini_content, tmp_path):
    out = tmp_path / "docs"
    build.build(mini_content, out, with_history=False)
    key = cache.version_key(mini_content / "vocab", out)
    records = cache.RecordCache(out, key)
    from generator.loader import load_vocab

    records.open(load_vocab(mini_content / "vocab")[0])
    agency = records.entries["agencies/alpha-police"].model
    records.entries["operations/op-one"].model = agency  # an agency where an operation belongs
    records.dirty.add(records.shard("operations/op-one"))
    records.save(set(records.entries))
    again = cache.RecordCache(out, key)
    again.open(load_vocab(mini_content / "vocab")[0])
    assert "operations/op-one" not in again.entries and "agencies/alpha-police" in again.entries
    (mini_content / "operations" / "op-two.yml").write_text(
        (mini_content / "operations" / "op-two.yml").read_text("utf-8") + "\n", "utf-8"
    )
    build.build(mini_content, out, with_history=False)
    assert read_tree(out) == _fresh(mini_content, tmp_path / "fresh")


def test_the_build_script_makes_a_deleted_docs_folder_before_mkdocs_checks_it():
    from tests.helpers import ROOT

    lines = [line.strip() for line in (ROOT / "scripts" / "build.sh").read_text("utf-8").splitlines()]
    assert lines.index("mkdir -p docs") < next(i for i, line in enumerate(lines) if line.startswith(".venv/bin/mkdocs build"))
