"""The linked site (generator/site.py) is derived from the validated records only, by link.py's steps."""

from __future__ import annotations

from pathlib import Path

from generator import checker, link, pages
from generator.kinds import AGENCIES, OPERATIONS
from generator.site import Citation, Partner, Role


def test_link_reads_the_validated_records_not_the_raw_yaml(mini_content: Path):
    catalog = checker.check(mini_content)
    before = pages.all_files(link.link(catalog))
    for doc in catalog.documents.values():
        doc.data = None  # what the loader read: link must not need it
    assert pages.all_files(link.link(catalog)) == before


def test_reverse_links_are_typed(mini_content: Path):
    site = link.link(checker.check(mini_content))
    roles = site.ops_by_agency["alpha-police"]
    assert {r.operation for r in roles} == {"op-one", "op-two"}
    assert all(isinstance(r, Role) and r.role.label for r in roles)
    assert Partner("world-org", 1) in site.partners["alpha-police"]
    citing = site.cited_by["report-a"]
    assert Citation(OPERATIONS, "op-one") in citing
    assert all(c.kind in (OPERATIONS, AGENCIES, "countries") for c in citing)


def test_a_source_cited_only_deep_in_a_record_is_cited_by_it(mini_content: Path):
    path = mini_content / "operations" / "op-three.yml"
    text = path.read_text("utf-8")
    # report-a appears nowhere in op-three but in another value reported for one of its figures.
    text = text.replace(
        "  - {metric: arrests, value: 10, qualifier: about, sources: [report-b]}",
        "  - metric: arrests\n    value: 10\n    qualifier: about\n    sources: [report-b]\n"
        "    reported:\n      - {value: 12, where: headline, sources: [report-a]}\n    chosen_because: the text gives it",
    )
    path.write_text(text, "utf-8")
    site = link.link(checker.check(mini_content))
    assert Citation(OPERATIONS, "op-three") in site.cited_by["report-a"]
    assert ("operations", "op-three") in site.references
    assert ("sources", "report-a") in site.references[("operations", "op-three")]
