"""CONTRIBUTING.md works as written: every YAML example of its "Hard cases" (and its complete example)
passes `check` and shows on the operation page as the guide says."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from generator import checker, link, pages
from tests.helpers import ROOT

GUIDE = (ROOT / "CONTRIBUTING.md").read_text("utf-8")
BASE = "name: Operation Example\nsummary: An example.\ncrime_areas: [human-trafficking]\nsources: [report-example]\n"


def _cases() -> list[tuple[str, list[str]]]:
    """(heading, YAML blocks) of each hard case, in the guide's order."""
    section = GUIDE.split("## Hard cases", 1)[1].split("\n## ", 1)[0]
    out = []
    for part in section.split("\n### ")[1:]:
        heading = part.splitlines()[0]
        out.append((heading, re.findall(r"```yaml\n(.*?)```", part, re.S)))
    return out


CASES = _cases()

# What the operation page shows for each case, as the guide describes it.
SHOWN = {
    "Figures inside figures": "of which <strong>53</strong>",
    "Breakdowns": "for other offences",
    "A figure for one country": "New Zealand only",
    "Ranges": "between 100 and 150",
    "Sources that disagree": "Also reported: more than 1,000 (headline)",
    "Phases": "First phase only",
    "A duration without an end": "2 years from October 2019 (end not stated)",
    "Dates and a duration together": "1 May 2024 to 12 May 2024 (2 weeks)",
    "A tally so far or a forecast": "<strong>Forecast</strong> (the source says “expected to find”)",
    "A figure across several countries": '<p class="ow-card__scope">In 7 countries</p>',
    "A count of countries that counts something else": "116 countries and territories (besides the United States)",
    "An edition of a series": 'Edition V of <a href="../series/operation-example.html">Operation Example</a>',
    "A date you had to infer": "(inferred: year taken from the web address of the release)",
    "A role or figure the report does not state": "(according to Europol&#39;s spokesperson)",
    "A term that is missing": "boats intercepted",
}


def _project(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    shutil.copytree(ROOT / "tests" / "fixtures" / "mini", content)
    # The worked examples use the vocabularies contributors have: the shipped ones, not the fixture's.
    shutil.rmtree(content / "vocab")
    shutil.copytree(ROOT / "content" / "vocab", content / "vocab")
    (content / "sources" / "report-example.yml").write_text("title: An example report\nkind: news\n", "utf-8")
    (content / "agencies" / "europol.yml").write_text(
        "name: Europol\nkind: regional-organisation\nsummary: An agency the guide names.\nsources: [report-example]\n", "utf-8"
    )
    return content


def test_the_guide_has_every_hard_case():
    headings = [heading for heading, _ in CASES]
    assert [_key(h) for h in headings] == list(SHOWN)
    assert all(blocks for _, blocks in CASES)


def _key(heading: str) -> str:
    return next(key for key in SHOWN if heading.startswith(key))


@pytest.mark.parametrize(("heading", "blocks"), CASES, ids=[h.split(" (")[0] for h, _ in CASES])
def test_each_hard_case_passes_the_check_and_shows_as_described(tmp_path, heading, blocks):
    content = _project(tmp_path)
    record = BASE
    for block in blocks:
        first = block.splitlines()[0]
        if first.startswith("# content/"):  # a vocabulary gains a term; another record is written whole
            target = content / first[len("# content/") :]
            target.parent.mkdir(exist_ok=True)
            target.write_text((target.read_text("utf-8") if target.exists() else "") + block, "utf-8")
        else:
            record += block
    (content / "operations" / "example.yml").write_text(record, "utf-8")
    site = link.link(checker.check(content))
    page = pages.all_files(site)["operations/example.md"]
    assert SHOWN[_key(heading)] in page


def test_the_complete_example_passes_the_check(tmp_path):
    content = _project(tmp_path)
    block = re.findall(r"```yaml\n(.*?)```", GUIDE.split("## A complete example", 1)[1], re.S)[0]
    (content / "agencies" / "interpol.yml").write_text(
        "name: INTERPOL\nkind: intergovernmental-organisation\nsummary: An example.\nsources: [report-example]\n", "utf-8"
    )
    (content / "operations" / "operation-example.yml").write_text(block, "utf-8")
    catalog = checker.check(content)
    assert catalog.operations["operation-example"].outcomes[0].metric.label == "arrests"
