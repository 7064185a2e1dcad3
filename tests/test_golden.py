"""The generated output, byte for byte, against the committed golden files (tests/golden/).

An intended change to the output regenerates them with ``.venv/bin/python tests/golden_files.py``;
the diff of tests/golden/ is then the review of what readers will see.
"""

from __future__ import annotations

import difflib

import pytest

from tests.golden_files import CASES, GOLDEN, generate, read_tree

REGENERATE = (
    "If the change is intended, regenerate with: .venv/bin/python tests/golden_files.py, then read git diff tests/golden."
)


def _diff(rel: str, want: bytes, got: bytes) -> str:
    try:
        a, b = want.decode("utf-8").splitlines(), got.decode("utf-8").splitlines()
    except UnicodeDecodeError:
        return f"{rel}: binary content differs ({len(want)} → {len(got)} bytes)"
    lines = list(difflib.unified_diff(a, b, f"golden/{rel}", f"built/{rel}", lineterm="", n=1))
    return "\n".join(lines[:40] + (["…"] if len(lines) > 40 else []))


@pytest.mark.parametrize("case", sorted(CASES))
def test_generated_output_matches_golden_files(case):
    golden = read_tree(GOLDEN / case)
    assert golden, f"tests/golden/{case} is empty. {REGENERATE}"
    built = generate(CASES[case])
    missing = sorted(set(golden) - set(built))
    extra = sorted(set(built) - set(golden))
    changed = sorted(rel for rel in set(golden) & set(built) if golden[rel] != built[rel])
    report = []
    if missing:
        report.append("no longer generated: " + ", ".join(missing))
    if extra:
        report.append("newly generated: " + ", ".join(extra))
    report += [_diff(rel, golden[rel], built[rel]) for rel in changed[:5]]
    if len(changed) > 5:
        report.append(f"… and {len(changed) - 5} more changed files: " + ", ".join(changed[5:]))
    assert not report, (
        f"The generated output of '{case}' differs from tests/golden/{case}:\n" + "\n".join(report) + "\n" + REGENERATE
    )


def test_a_changed_record_shows_in_the_generated_output(mini_content):
    # The comparison must be able to fail: renaming one record changes its page and the lists that name it.
    golden = read_tree(GOLDEN / "mini")
    record = mini_content / "operations" / "op-one.yml"
    text = record.read_text("utf-8")
    assert text.startswith("name: ")
    record.write_text("name: Renamed " + text[len("name: ") :], "utf-8")
    built = generate(mini_content)
    changed = {rel for rel in golden if built.get(rel) != golden[rel]}
    assert "operations/op-one.md" in changed and "operations/index.md" in changed
