"""A source's title or publisher that the site read from its web address says so wherever it stands for the source."""

from __future__ import annotations

from pathlib import Path

from generator import checker, link, pages


def _pages(content: Path) -> dict[str, str]:
    site = link.link(checker.check(content))
    return {path: str(text) for path, text in pages.all_files(site).items() if path.endswith(".md")}


def test_a_title_and_publisher_read_from_the_address_are_marked_on_the_source_page_and_in_every_citation(mini_content):
    report = mini_content / "sources" / "report-b.yml"
    report.write_text(report.read_text("utf-8") + "title_from: address\npublisher_from: address\n", "utf-8")
    built = _pages(mini_content)
    page = built["sources/report-b.md"]
    assert "Title read from the web address: the copy shows no headline." in page
    assert 'Example Wire <span class="ow-inferred">(read from the web address: the page does not name it)</span>' in page
    citing = [path for path, text in built.items() if 'href="../sources/report-b.html"' in text and "ow-sources" in text]
    assert citing, "some page cites report B"
    for path in citing:
        item = next(line for line in built[path].splitlines() if 'href="../sources/report-b.html"' in line and "<li id=" in line)
        assert "(title read from the web address: the copy shows no headline)" in item, path


def test_a_headline_as_published_carries_no_mark(mini_content):
    built = _pages(mini_content)
    assert "read from the web address" not in "".join(built.values())
