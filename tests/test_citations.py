"""Citation numbers come from the records (generator/citations.py), not from the order a template cites them."""

from __future__ import annotations

import re
import shutil

import jinja2
import pytest

from generator import checker, citations, link, pages, render
from generator.site import Site
from tests.helpers import MINI, SEEDS

_SOURCE_LIST = re.compile(r'<ol class="ow-sources">.*?</ol>', re.S)
_MARKER = re.compile(r'<a id="cite-ref-\d+-\d+" href="#cite-(\d+)" aria-label="Source \d+: ([^"]*)"')
_BACK = re.compile(r' (?:<a class="ow-back"[^>]*>↑</a>|<span class="ow-back">.*?</span>)(?=</li>)')
"""The links back from a source to its markers: as many as the template's markers, not part of the numbering."""


# An operation whose sections cite different sources: its figures one report, a country another,
# its timeline a third (the seed records cite one report per page).
_CITES = """\
name: Operation Many Sources
summary: An operation whose sections cite different reports.
crime_areas: [human-trafficking]
countries:
  - {country: fr, role: lead, sources: [report-b]}
outcomes:
  - {metric: arrests, value: 12, sources: [report-c]}
events:
  - {date: "2021-02-03", text: Raids., sources: [report-a]}
sources: [report-a, report-b, report-c]
"""


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Site]:
    out = {}
    for name, content in (("mini", MINI), ("seeds", SEEDS), ("sections", MINI)):
        target = tmp_path_factory.mktemp(name) / "content"
        shutil.copytree(content, target)
        if name == "sections":
            report = (target / "sources" / "report-b.yml").read_text("utf-8")
            (target / "sources" / "report-c.yml").write_text(report.replace("Report B", "Report C"), "utf-8")
            (target / "operations" / "op-cites.yml").write_text(_CITES, "utf-8")
        out[name] = link.link(checker.check(target))
    return out


def _operation_pages(site: Site) -> dict[str, str]:
    return {page.path: str(page.render()) for page in pages.operation_pages(site)}


def _moved(source: str, block: tuple[str, str], before: str) -> str:
    """The template with the text from block[0] up to block[1] moved in front of ``before``."""
    start, end = source.index(block[0]), source.index(block[1])
    text = source[start:end]
    rest = source[:start] + source[end:]
    return rest.replace(before, text + before, 1)


def test_numbers_do_not_change_when_template_blocks_move(sites, monkeypatch):
    site = sites["sections"]
    original = _operation_pages(site)
    source, _, _ = render._ENV.loader.get_source(render._ENV, "operation.md.j2")
    # Timeline and "Who took part" (countries and people cite sources) moved in front of the figures.
    source = _moved(source, ("## Timeline", "{% if site.related"), "## Key figures")
    source = _moved(source, ("## Who took part", "## Timeline"), "## Key figures")
    env = render._environment(jinja2.DictLoader({"operation.md.j2": source}))
    monkeypatch.setattr(render, "_ENV", env)
    moved = _operation_pages(site)
    reordered = 0
    for path, text in original.items():
        assert moved[path] != text, "the template change must show on every page"
        assert [_BACK.sub("", x) for x in _SOURCE_LIST.findall(moved[path])] == [
            _BACK.sub("", x) for x in _SOURCE_LIST.findall(text)
        ], path
        assert set(_MARKER.findall(moved[path])) == set(_MARKER.findall(text)), path
        numbers = [int(n) for n, _ in _MARKER.findall(moved[path])]
        reordered += numbers != sorted(numbers)
    # The moved blocks come first, so on some page the numbers no longer rise down the page:
    # they were given by the records' order, not by the order of the template's calls.
    assert reordered > 0


@pytest.mark.parametrize("name", ["mini", "seeds", "sections"])
def test_each_marker_has_an_id_and_the_source_list_links_back_to_every_one(sites, name):
    checked = 0
    for path, text in pages.all_files(sites[name]).items():
        if not isinstance(text, str) or not path.endswith(".md"):
            continue
        markers = re.findall(r'<a id="(cite-ref-(\d+)-\d+)" href="#cite-(\d+)"', text)
        assert all(n == m for _, n, m in markers), path
        ids = [i for i, _, _ in markers]
        assert len(ids) == len(set(ids)), path  # unique on the page
        lists = _SOURCE_LIST.findall(text)
        back = re.findall(r'href="#(cite-ref-\d+-\d+)"', lists[0]) if lists else []
        assert sorted(back) == sorted(ids), path  # every marker, and nothing else, is linked back to
        checked += len(ids)
    assert checked > 0


def _listed(text: str) -> list[str]:
    lists = _SOURCE_LIST.findall(text)
    return re.findall(r'<li id="cite-\d+"><a href="(?:\.\./sources/|sources/|)([a-z0-9-]+)\.html"', lists[0]) if lists else []


@pytest.mark.parametrize("name", ["mini", "seeds", "sections"])
def test_every_listed_source_is_cited_on_the_page_or_is_the_record_own_source(sites, name):
    site = sites[name]
    c = site.catalog
    checked = 0
    for path, text in pages.all_files(site).items():
        if not isinstance(text, str) or not path.endswith(".md"):
            continue
        listed = _listed(str(text))
        kind, _, rid = path[:-3].partition("/")
        own = {
            "operations": c.operations[rid].sources if rid in c.operations else [],
            "agencies": c.agencies[rid].sources if rid in c.agencies else [],
            "countries": c.countries[rid].sources if rid in c.countries else [],
        }.get(kind, [])
        marked = {int(n) for n, _ in _MARKER.findall(str(text))}
        for n, sid in enumerate(listed, 1):
            assert n in marked or sid in own, f"{path}: source {n} ({sid}) is listed but cited nowhere on the page"
        assert len(listed) == len(set(listed)), path
        assert all(n <= len(listed) for n in marked), path
        checked += len(listed)
    assert checked >= 5  # the pattern finds the lists


def test_numbers_rise_down_the_page_and_the_record_own_sources_come_last(sites):
    site = sites["sections"]
    files = _operation_pages(site)
    assert citations.operation(site, "op-cites") == ["report-c", "report-b", "report-a"]
    for oid in site.catalog.operations:
        text = files[f"operations/{oid}.md"]
        assert _listed(text) == citations.operation(site, oid)
        first_seen = list(dict.fromkeys(int(n) for n, _ in _MARKER.findall(text)))
        assert first_seen == list(range(1, len(first_seen) + 1)), oid


def test_cite_looks_numbers_up_and_refuses_a_source_not_in_the_list(sites):
    site = sites["mini"]
    first, second = sorted(site.catalog.sources)[:2]
    page = render.PageContext(site, "operations/x.md", [second, first])
    assert 'href="#cite-2"' in page.cite([first])
    assert 'href="#cite-1"' in page.cite([second])
    with pytest.raises(RuntimeError, match="not among the page's sources"):
        page.cite(["not-a-listed-source"])
    with pytest.raises(ValueError, match="listed twice"):
        render.PageContext(site, "x.md", [first, first])
