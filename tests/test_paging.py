"""Long lists in parts: every item once, stable addresses, links between the parts."""

from __future__ import annotations

import itertools
import re

import pytest

from generator import checker, link, lists, pages, paging
from generator.plan import render_all
from tests.helpers import MINI, SEEDS


@pytest.fixture
def small_parts(monkeypatch):
    """Parts of two or three items, so that the mini fixture's lists split."""
    for name, size in (("OPERATIONS", 2), ("SOURCES", 3), ("AGENCIES", 2), ("TIMELINE", 2), ("RECORD_OPERATIONS", 1)):
        monkeypatch.setattr(paging, name, size)


@pytest.fixture
def site(mini_content):
    return link.link(checker.check(mini_content))


def _links(text: str) -> list[str]:
    return re.findall(r'href="([^"#]+)"', text)


def test_chunks_and_addresses():
    assert paging.chunks([1, 2, 3, 4, 5], 2) == [[1, 2], [3, 4], [5]]
    assert paging.chunks([], 2) == [[]]
    assert paging.part_path("operations/index.md", 1) == "operations/index.md"
    assert paging.part_path("operations/index.md", 3) == "operations/index_3.md"
    assert paging.ranges([[1, 2], [3, 4], [5]]) == ["1–2", "3–4", "5"]
    assert paging.pager("a/index.md", 1, 1) == ""


def test_pager_links_previous_next_and_every_part():
    html = str(paging.pager("operations/index.md", 2, 3))
    assert 'rel="prev" href="index.html"' in html and 'rel="next" href="index_3.html"' in html
    assert '<span aria-current="page">2</span>' in html
    assert _links(html).count("index_3.html") == 2  # next, and in the list of parts


def test_operations_index_in_parts_holds_every_operation_once(site, small_parts):
    files = render_all(lists.operations_index(site))
    n = len(site.op_order)
    assert sorted(files) == sorted(paging.part_path("operations/index.md", i) for i in range(1, (n + 1) // 2 + 1))
    listed = [
        href
        for path in sorted(files, key=lambda p: int(re.sub(r"\D", "", p) or 1))
        for href in re.findall(r'<tr><td><a href="([^"]+)"', files[path])
    ]
    assert listed == [f"{oid}.html" for oid in site.op_order]
    for path, text in files.items():
        for href in _links(text):
            if href.startswith("index"):
                assert f"operations/{href[:-5]}.md" in files, (path, href)


def test_sources_and_agencies_indexes_in_parts(site, small_parts):
    sources = render_all(lists.sources_index(site))
    cited = {h for text in sources.values() for h in re.findall(r'<tr><td><a href="([^"]+)"', text)}
    assert cited == {f"{sid}.html" for sid in site.catalog.sources}
    assert len(sources) == -(-len(site.catalog.sources) // 3)
    agencies = render_all(lists.agencies_index(site))
    named = [h for text in agencies.values() for h in re.findall(r'<li><a href="([^"]+)"', text) if not h.startswith("index")]
    assert sorted(named) == sorted(f"{aid}.html" for aid in site.catalog.agencies)
    assert all("## " in text for text in agencies.values())  # each part keeps its kind headings


def test_timeline_has_a_year_index_and_a_page_per_year(site, small_parts):
    files = render_all(lists.timeline(site))
    years, unknown = site.by_year(site.timeline_of(site.op_order))
    index = files["timeline.md"]
    for year, _ in years:
        assert f'href="timeline/{year}.html"' in index
        assert f"timeline/{year}.md" in files
    steps = sum(text.count('class="ow-timeline__text"') for path, text in files.items() if path != "timeline.md")
    assert steps == sum(len(items) for _, items in years) + len(unknown)
    # The timeline page shows the timeline itself: the newest year's steps, not only links.
    newest = years[-1][1] if years else unknown
    assert index.count('class="ow-timeline__text"') == min(len(newest), paging.TIMELINE)
    for path, text in files.items():
        if path != "timeline.md":
            assert 'href="../timeline.html"' in text
            # Every citation has its entry in the page's source list.
            for n in set(re.findall(r'href="#cite-(\d+)"', text)):
                assert f'id="cite-{n}"' in text, (path, n)


@pytest.mark.parametrize("fixture", [MINI, SEEDS])
def test_timeline_names_each_date_and_operation_once_and_each_step_on_its_own_line(fixture):
    files = render_all(lists.timeline(link.link(checker.check(fixture))))
    assert "ow-timeline__op" in files["timeline.md"]
    for path, text in files.items():
        for item in re.findall(r'<li class="ow-timeline__item">(.*?)</li>', text, flags=re.S):
            # One operation per item, each of its dates once, one line per step.
            assert len(re.findall(r'class="ow-timeline__op"', item)) == 1, path
            days = re.findall(r"<dt>(.*?)</dt>", item)
            assert len(days) == len(set(days)), (path, days)
            assert item.count('class="ow-timeline__text"') >= len(days)
        # Consecutive items never name the same operation: its steps are one run.
        names = re.findall(r'class="ow-timeline__op"><a href="([^"]+)"', text)
        assert all(a != b for a, b in itertools.pairwise(names)), path


def test_agency_and_country_pages_list_the_first_operations_and_link_the_rest(site, small_parts):
    files = pages.all_files(site)
    for code, pairs in site.ops_by_country.items():
        if len(pairs) > 1:
            first = files[f"countries/{code}.md"]
            assert f'href="{code}_2.html"' in first
            assert f"countries/{code}_{len(pairs)}.md" in files
            assert f"countries/{code}_{len(pairs) + 1}.md" not in files
            break
    else:
        pytest.fail("the mini fixture has no country with two operations")
    continuation = [p for p in files if re.fullmatch(r"(agencies|countries)/[a-z0-9-]+_\d+\.md", p)]
    assert continuation
    for path in continuation:
        rid = path.split("/")[1].split("_")[0]
        assert f'href="{rid}.html"' in files[path]  # back to the record's own page


def test_nothing_splits_at_the_usual_sizes(site):
    files = pages.all_files(site)
    # Continuation parts are named <list>_2.md, <list>_3.md, …
    assert not [p for p in files if re.search(r"_\d+\.md$", p)]


def test_lines_beside_totals_name_a_few_operations_and_count_the_rest(tmp_path, monkeypatch):
    # The home page's "not added up" line and a country's figures table named every operation,
    # which made the home page 1.2 MB at 10,000 operations.
    from benchmarks import run

    run.synthesise(300, tmp_path / "content")
    site = link.link(checker.check(tmp_path / "content"))
    monkeypatch.setattr(paging, "EXAMPLES", 3)
    home = pages.all_files(site)["index.md"]
    line = next(x for x in home.splitlines() if "Not added up" in x)
    for part in line.split("; reported by ")[1:]:
        named = re.findall(r'href="operations/', part.split(")")[0])
        assert 1 <= len(named) <= 3
    assert re.search(r"and [\d,]+ more", line)
    # A country's totals count only the operations it took part in (not those it hosted or supported):
    # fewer per measure, so two names make the point.
    monkeypatch.setattr(paging, "EXAMPLES", 2)
    country = max(site.ops_by_country, key=lambda code: len(site.ops_by_country[code]))
    text = render_all(pages.country_pages(site))[f"countries/{country}.md"]
    totals = text.split("## Figures reported by operations")[1]
    rows = [line for line in totals.splitlines() if 'class="ow-term"' in line and "<tr>" in line]
    assert rows and all(len(re.findall(r'href="\.\./operations/', r)) <= 2 for r in rows)
    assert any(re.search(r"and [\d,]+ more", r) for r in rows)
