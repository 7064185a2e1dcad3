"""The check: each kind of mistake gives one exact, located, plain-language line."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from generator import checker
from generator.problems import ContentError
from tests.helpers import ROOT, run_generator

OP_HEAD = """\
name: Test operation
summary: A test.
crime_areas: [human-trafficking]
sources: [report-a]
"""

# (case, folder, file name, YAML text, expected problem lines with the file path as {f})
CASES = [
    (
        "unknown agency with suggestion",
        "operations",
        "t.yml",
        OP_HEAD + "agencies:\n  - {agency: alpha-polce, role: lead}\n",
        ["{f}:6:6: agencies[0].agency: no agency has the id 'alpha-polce'; did you mean 'alpha-police'?"],
    ),
    (
        "unknown source",
        "operations",
        "t.yml",
        OP_HEAD.replace("[report-a]", "[report-zzz-unknown]"),
        [
            "{f}:4:11: sources[0]: no source has the id 'report-zzz-unknown'; add content/sources/report-zzz-unknown.yml or fix the id"
        ],
    ),
    (
        "unknown related",
        "operations",
        "t.yml",
        OP_HEAD + "related: [op-twoo]\n",
        ["{f}:5:11: related[0]: no operation has the id 'op-twoo'; did you mean 'op-two'?"],
    ),
    (
        "country code UK",
        "operations",
        "t.yml",
        OP_HEAD + "countries:\n  - {country: UK, role: lead}\n",
        [
            "{f}:6:6: countries[0].country: 'UK' is not a lower-case ISO 3166-1 alpha-2 country code; did you mean 'gb' (United Kingdom)?"
        ],
    ),
    (
        "date with slashes",
        "operations",
        "t.yml",
        OP_HEAD + "announced: {date: 23/05/2025, sources: [report-a]}\n",
        [
            "{f}:5:13: announced.date: '23/05/2025' is not a date in the accepted form (use 2020, 2020-05, 2020-05-30, "
            "2020-05~ (approximate), XXXX-05-23 (year not stated) or XXXX-XX-09 (only the day stated))"
        ],
    ),
    (
        "impossible day",
        "operations",
        "t.yml",
        OP_HEAD + "announced: {date: '2021-02-30', sources: [report-a]}\n",
        ["{f}:5:13: announced.date: '2021-02-30' has day 30, which February does not have"],
    ),
    (
        "future date",
        "operations",
        "t.yml",
        OP_HEAD + "announced: {date: '2999-01', sources: [report-a]}\n",
        ["{f}:5:13: announced.date: '2999-01' is in the future; records describe what has happened"],
    ),
    (
        "end before start",
        "operations",
        "t.yml",
        OP_HEAD + "period: {start: '2020-05', end: '2020-04-30', sources: [report-a]}\n",
        [
            "{f}:5:28: period.end: the end (2020-04-30) is before the start (2020-05); check both dates against the source "
            "(a year may be missing)"
        ],
    ),
    (
        "figure in words",
        "operations",
        "t.yml",
        OP_HEAD + "outcomes:\n  - metric: arrests\n    value: about 500\n    sources: [report-a]\n",
        [
            "{f}:7:5: outcomes[0].value: 'about 500' is not a whole number; write only the number in value "
            "(e.g. value: 500) and the precision in qualifier (e.g. qualifier: about)"
        ],
    ),
    (
        "quoted number",
        "operations",
        "t.yml",
        OP_HEAD + "outcomes:\n  - {metric: arrests, value: '40', sources: [report-a]}\n",
        ["{f}:6:23: outcomes[0].value: '40' is in quotes; write the number without quotes"],
    ),
    (
        "negative",
        "operations",
        "t.yml",
        OP_HEAD + "outcomes:\n  - {metric: arrests, value: -3, sources: [report-a]}\n",
        ["{f}:6:23: outcomes[0].value: -3 is negative; figures are counts of 0 or more"],
    ),
    (
        "fraction",
        "operations",
        "t.yml",
        OP_HEAD + "outcomes:\n  - {metric: arrests, value: 2.5, sources: [report-a]}\n",
        [
            "{f}:6:23: outcomes[0].value: 2.5 is not a whole number; figures are counts, written as the whole number the "
            "source gives (a statistic that is not a count, such as an average age, stays in the summary or a note)"
        ],
    ),
    (
        "qualifier not allowed",
        "operations",
        "t.yml",
        OP_HEAD + "outcomes:\n  - {metric: arrests, value: 5, qualifier: roughly, sources: [report-a]}\n",
        ["{f}:6:33: outcomes[0].qualifier: 'roughly' is not a qualifier; did you mean 'about' (about)?"],
    ),
    (
        "unknown qualifier in a fixed list",
        "operations",
        "t.yml",
        OP_HEAD + "outcomes:\n  - {metric: arrests, value: 5, qualifier: give-or-take, sources: [report-a]}\n",
        [
            "{f}:6:33: outcomes[0].qualifier: 'give-or-take' is not one of the qualifiers (exact, about, nearly, "
            "at-least, more-than, up-to); use the nearest one and keep the source's own words in note. This list is "
            "fixed (each qualifier needs a rule for totals in generator/figures.py); to propose a new one, open an issue"
        ],
    ),
    (
        "comma inside a flow mapping",
        "operations",
        "t.yml",
        OP_HEAD + "places:\n  - {name: São Paulo, Brasil, country: br}\n",
        [
            "{f}:6:23: places[0].Brasil: 'Brasil' is not a field: inside {{…}} a comma starts a new field, so "
            "'São Paulo, Brasil' was read as two; put the text in quotes: name: \"São Paulo, Brasil\""
        ],
    ),
    (
        "a key with accents is printed as itself",
        "operations",
        "t.yml",
        OP_HEAD + "places:\n  - {name: Centro, São Paulo}\n",
        [
            "{f}:6:20: places[0][\"São Paulo\"]: 'São Paulo' is not a field: inside {{…}} a comma starts a new field, "
            "so 'Centro, São Paulo' was read as two; put the text in quotes: name: \"Centro, São Paulo\""
        ],
    ),
    *[
        (
            f"thousands separator {written}",
            "operations",
            "t.yml",
            OP_HEAD + f"outcomes:\n  - {{metric: arrests, value: {written}, sources: [report-a]}}\n",
            [
                f"{{f}}:6:{column}: outcomes[0]{where}: '{shown}' looks like 1,450 written with a thousands separator "
                "(1.450 in Portuguese, Spanish or German, 1,450 in English, 1 450 in French); write the whole number "
                "with no separator: value: 1450"
            ],
        )
        for written, shown, where, column in (
            ("1.450", "1.450", ".value", 23),
            ("1,450", "1,450", '["450"]', 32),
            ("1 450", "1 450", ".value", 23),
            ('"1 450"', "1 450", ".value", 23),
        )
    ],
    (
        "placeholder left by new",
        "operations",
        "t.yml",
        "name: TODO name of the operation\nsummary: A test.\ncrime_areas: [human-trafficking]\nsources: [report-a]\n",
        [
            "{f}:1:1: name: 'TODO name of the operation' is still the placeholder that the new command wrote; replace "
            "it with what the source says (in your own words), or remove the field if it is optional"
        ],
    ),
    (
        "qualifier without value",
        "operations",
        "t.yml",
        OP_HEAD + "outcomes:\n  - {metric: arrests, qualifier: about, as_reported: dozens, sources: [report-a]}\n",
        [
            "{f}:6:23: outcomes[0].qualifier: a qualifier needs a number in value; if the source gives none, "
            "drop the qualifier and use as_reported"
        ],
    ),
    (
        "no value and no words",
        "operations",
        "t.yml",
        OP_HEAD + "outcomes:\n  - {metric: arrests, sources: [report-a]}\n",
        ["{f}:6:5: outcomes[0]: give the number in value, or the source's own words (e.g. dozens) in as_reported"],
    ),
    (
        "outcome without source",
        "operations",
        "t.yml",
        OP_HEAD + "outcomes:\n  - {metric: arrests, value: 1, sources: []}\n",
        ["{f}:6:33: outcomes[0].sources: this list is empty; cite at least one source id"],
    ),
    (
        "misspelt field",
        "operations",
        "t.yml",
        OP_HEAD + "outcomes:\n  - {metric: arrests, value: 1, qualifer: about, sources: [report-a]}\n",
        ["{f}:6:33: outcomes[0].qualifer: 'qualifer' is not a field of this record; did you mean 'qualifier'?"],
    ),
    (
        "missing field",
        "operations",
        "t.yml",
        OP_HEAD.replace("summary: A test.\n", ""),
        ["{f}:1:1: summary: this required field is missing; add it"],
    ),
    (
        "duplicate key",
        "operations",
        "t.yml",
        OP_HEAD + "name: Again\n",
        ["{f}:5:1: 'name' appears twice in the same place; keep one"],
    ),
    (
        "bad file name",
        "operations",
        "Bad_Name.yml",
        OP_HEAD,
        [
            "{f}:1:1: the file name 'Bad_Name.yml' is not a valid id: use lower-case letters a-z, digits and single hyphens, "
            "then .yml (e.g. operation-epervier.yml)"
        ],
    ),
    (
        "not yml",
        "operations",
        "t.yaml",
        OP_HEAD,
        ["{f}:1:1: only .yml files belong in content/operations/; rename it to end in .yml"],
    ),
    (
        "unknown parent",
        "agencies",
        "u.yml",
        "name: U\nkind: unit\nparent: nobody-here\nsummary: S.\nsources: [report-a]\n",
        ["{f}:3:1: parent: no agency has the id 'nobody-here'; add content/agencies/nobody-here.yml or fix the id"],
    ),
    (
        "self parent",
        "agencies",
        "u.yml",
        "name: U\nkind: unit\nparent: u\nsummary: S.\nsources: [report-a]\n",
        ["{f}:3:1: parent: an agency cannot be its own parent; name the body it belongs to, or leave parent out"],
    ),
    (
        "javascript url",
        "agencies",
        "u.yml",
        "name: U\nkind: unit\nwebsite: 'javascript:alert(1)'\nsummary: S.\nsources: [report-a]\n",
        ["{f}:3:1: website: 'javascript:alert(1)' is not a web address starting with http:// or https://"],
    ),
    (
        "ftp url",
        "sources",
        "s.yml",
        "title: T\nkind: news\nurl: ftp://example.org/x\n",
        ["{f}:3:1: url: 'ftp://example.org/x' is not a web address starting with http:// or https://"],
    ),
    (
        "language",
        "sources",
        "s.yml",
        "title: T\nkind: news\nlanguage: english\n",
        ["{f}:3:1: language: 'english' is not a two-letter ISO 639-1 language code such as en, fr or ar"],
    ),
    (
        "agency twice",
        "operations",
        "t.yml",
        OP_HEAD + "agencies:\n  - {agency: alpha-police, role: lead}\n  - {agency: alpha-police, role: support}\n",
        ["{f}:7:5: agencies[1]: 'alpha-police' is listed twice; list it once (one role each)"],
    ),
    (
        "related to itself",
        "operations",
        "t.yml",
        OP_HEAD + "related: [t]\n",
        ["{f}:5:11: related[0]: an operation cannot be related to itself; remove its own id from related"],
    ),
    (
        "former id still live",
        "operations",
        "t.yml",
        OP_HEAD + "former_ids: [op-two]\n",
        ["{f}:5:14: former_ids[0]: 'op-two' is still the id of a record; a former id must be free"],
    ),
    (
        "syntax error",
        "operations",
        "t.yml",
        "name: [unclosed\nsummary: x\n",
        ["{f}:2:8: YAML syntax error: did not find expected ',' or ']'"],
    ),
    (
        "tab indentation",
        "operations",
        "t.yml",
        "name: x\nperiod:\n\tstart: '2020'\n",
        ["{f}:3:1: YAML syntax error: a tab is used for indentation; indent with spaces only"],
    ),
    ("empty file", "operations", "t.yml", "", ["{f}:1:1: the file is empty; a record is a list of 'field: value' lines"]),
    (
        "list not mapping",
        "operations",
        "t.yml",
        "- name: x\n",
        ["{f}:1:1: a record is a set of 'field: value' lines, but this file holds a list"],
    ),
    (
        "alias",
        "operations",
        "t.yml",
        OP_HEAD + "aliases: &a [x]\nplaces: *a\n",
        ["{f}:6:1: anchors and aliases (& and *) are not allowed; write each value out"],
    ),
    ("yes is text", "operations", "t.yml", OP_HEAD + "countries:\n  - {country: no, role: lead}\n", []),
]


def _tree(tmp_path: Path, mini: Path, folder: str, name: str, text: str) -> Path:
    target = mini / folder / name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, "utf-8")
    return target


@pytest.mark.parametrize(("case", "folder", "name", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_each_mistake_gives_its_exact_line(tmp_path, mini_content, monkeypatch, case, folder, name, text, expected):
    monkeypatch.chdir(tmp_path)
    _tree(tmp_path, mini_content, folder, name, text)
    shown = f"content/{folder}/{name}"
    if not expected:
        checker.check(Path("content"))  # must not raise
        return
    with pytest.raises(ContentError) as caught:
        checker.check(Path("content"))
    lines = [p.text() for p in caught.value.problems]
    assert lines == [e.format(f=shown) for e in expected]


def test_parent_cycle_names_both_agencies(tmp_path, mini_content, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _tree(tmp_path, mini_content, "agencies", "a.yml", "name: A\nkind: unit\nparent: b\nsummary: S.\nsources: [report-a]\n")
    _tree(tmp_path, mini_content, "agencies", "b.yml", "name: B\nkind: unit\nparent: a\nsummary: S.\nsources: [report-a]\n")
    with pytest.raises(ContentError) as caught:
        checker.check(Path("content"))
    lines = [p.text() for p in caught.value.problems]
    message = "parent: the parent chain loops back to this agency; one parent in the loop is wrong"
    assert lines == [f"content/agencies/a.yml:3:1: {message}", f"content/agencies/b.yml:3:1: {message}"]


def test_non_utf8_names_line_and_column(tmp_path, mini_content, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (mini_content / "sources" / "s.yml").write_bytes(b"title: ok\nkind: news\nnote: caf\xe9\n")
    with pytest.raises(ContentError) as caught:
        checker.check(Path("content"))
    assert [p.text() for p in caught.value.problems] == [
        "content/sources/s.yml:3:10: the file is not UTF-8 text; save it with UTF-8 encoding"
    ]


def test_three_mistakes_in_one_file_give_three_lines_in_one_run(tmp_path, mini_content):
    (mini_content / "operations" / "new-op.yml").write_text(
        textwrap.dedent("""\
            name: New operation
            summary: Three typical mistakes.
            crime_areas: [human-trafficking]
            agencies:
              - {agency: alpha-polise, role: lead}
            announced: {date: 23/05/2025, sources: [report-a]}
            outcomes:
              - {metric: arrests, value: about 500, sources: [report-a]}
            sources: [report-a]
            """),
        "utf-8",
    )
    result = run_generator("check", "--content", "content", cwd=mini_content.parent)
    assert result.returncode == 1
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 4, result.stdout
    assert lines[0].startswith("content/operations/new-op.yml:5:6: agencies[0].agency: no agency has the id 'alpha-polise'")
    assert "did you mean 'alpha-police'?" in lines[0]
    assert lines[1].startswith("content/operations/new-op.yml:6:13: announced.date: '23/05/2025' is not a date")
    assert lines[2].startswith("content/operations/new-op.yml:8:23: outcomes[0].value: 'about 500' is not a whole number")
    assert lines[3] == "3 problems found; nothing was built. Fix them and run the check again."
    assert "Traceback" not in result.stdout + result.stderr


def test_github_format_annotates_lines(tmp_path, mini_content):
    (mini_content / "operations" / "op-one.yml").write_text(OP_HEAD + "agencies:\n  - {agency: nobody, role: lead}\n", "utf-8")
    result = run_generator("check", "--content", "content", "--format", "github", cwd=mini_content.parent)
    assert result.returncode == 1
    first = result.stdout.splitlines()[0]
    assert first.startswith("::error file=content/operations/op-one.yml,line=6,col=6,title=agencies[0].agency::")
    assert "no agency has the id 'nobody'" in first


def test_shipped_records_pass():
    result = run_generator("check")
    assert result.returncode == 0, result.stdout
    assert result.stdout.startswith("All records are valid:")
    assert "0 operations" not in result.stdout


def test_missing_content_folder_is_one_line(tmp_path):
    result = run_generator("check", "--content", str(tmp_path / "nowhere"))
    assert result.returncode == 1
    assert "the content folder does not exist" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_build_refuses_output_inside_content(tmp_path, mini_content):
    result = run_generator("build", "--content", str(mini_content), "--out", str(mini_content / "out"))
    assert result.returncode != 0
    assert "Traceback" not in result.stdout + result.stderr
    assert not (mini_content / "out").exists()


def test_root_is_the_repository():
    assert (ROOT / "content" / "operations").is_dir()
