"""Markup rules of the generated pages: machine-readable dates, citations that land on a source."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator import checker, dates, link, pages, render

# HTML's valid datetime values for what records hold: year, month, date, yearless date (as the Nu Html Checker reads them).
VALID_DATETIME = re.compile(r"^(?:\d{4,}|\d{4,}-\d{2}|\d{4,}-\d{2}-\d{2}|\d{2}-\d{2})$")


@pytest.mark.parametrize(
    ("text", "machine"),
    [
        ("2020", "2020"),
        ("2020-05", "2020-05"),
        ("2020-05-30", "2020-05-30"),
        ("2020-05~", "2020-05"),
        ("2020?", "2020"),
        ("XXXX-11-17", "11-17"),
        ("XXXX-11", None),  # HTML has no form for a month without a year
    ],
)
def test_html_datetime_of_every_date_form(text, machine):
    assert dates.parse(text).html_datetime() == machine
    if machine:
        assert VALID_DATETIME.match(machine)


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> dict[str, str]:
    import shutil

    from tests.helpers import MINI, SEEDS

    out = {}
    for name, content in (("mini", MINI), ("seeds", SEEDS)):
        target = tmp_path_factory.mktemp(name) / "content"
        shutil.copytree(content, target)
        site = link.link(checker.check(target))
        out.update({f"{name}/{path}": str(text) for path, text in pages.all_files(site).items() if path.endswith(".md")})
    return out


def test_every_time_element_has_a_valid_datetime(files):
    checked = 0
    for path, text in files.items():
        for tag in re.findall(r"<time\b[^>]*>", text):
            machine = re.search(r'datetime="([^"]*)"', tag)
            assert machine and VALID_DATETIME.match(machine.group(1)), f"{path}: {tag}"
            checked += 1
    assert checked > 50


def test_every_citation_marker_has_its_entry_in_the_page_source_list(files):
    for path, text in files.items():
        markers = set(re.findall(r'href="#(cite-\d+)"', text))
        entries = set(re.findall(r'<li id="(cite-\d+)"', text))
        assert markers <= entries, f"{path}: {sorted(markers - entries)}"
        for label in re.findall(r'<a href="#cite-\d+"([^>]*)>', text):
            assert 'aria-label="Source ' in label, f"{path}: the source name must not be only in title="


def test_a_template_that_cites_without_a_source_list_fails_the_build(mini_content: Path, monkeypatch):
    site = link.link(checker.check(mini_content))
    source = next(iter(site.catalog.sources))
    template = render._ENV.from_string("<p>x{{ page.cite([sid]) }}</p>")
    monkeypatch.setattr(render._ENV, "get_template", lambda name: template)
    with pytest.raises(RuntimeError, match=r"x\.md cites sources but shows no list"):
        render.render_page("x.md.j2", "x.md", site, {}, [source], sid=source)


def test_home_counts_only_countries_that_operations_list_and_the_index_shows_no_zero(files):
    import yaml

    from tests.helpers import MINI, SEEDS

    for name, content in (("mini", MINI), ("seeds", SEEDS)):
        listed = {
            part["country"]
            for path in (content / "operations").glob("*.yml")
            for part in yaml.safe_load(path.read_text("utf-8")).get("countries", [])
        }
        home = files[f"{name}/index.md"]
        assert f"<strong>{len(listed)}</strong> countries listed in operations" in home, name
        index = files[f"{name}/countries/index.md"]
        assert "(0)" not in index
        if name == "seeds":  # Benin is named only as the place of a meeting
            assert '<a href="bj.html">Benin</a> <span class="ow-muted">(place named: Cotonou)</span>' in index


def test_no_flag_is_drawn_since_no_flag_font_is_shipped(files):
    for path, text in files.items():
        assert not re.search("[\U0001f1e6-\U0001f1ff]", text), path


def test_small_countries_that_took_part_are_dots_on_the_map_and_in_the_list(files):
    home = files["seeds/index.md"]
    svg = home[home.index("<svg") : home.index("</svg>")]
    for code, name in (("sg", "Singapore"), ("bh", "Bahrain"), ("mv", "Maldives")):
        assert re.search(
            rf'<a href="countries/{code}\.html" aria-label="{name}: 1 operation"><title>[^<]*</title><circle class="c1 ow-map-dot"',
            svg,
        )
        assert f'<li><a href="countries/{code}.html">{name}</a>' in home[home.index("</svg>") :]
    # Every country the operations list is on the map, as a shape or a dot.
    linked = set(re.findall(r'<a href="countries/([a-z]{2})\.html"', svg))
    listed = set(re.findall(r'<li><a href="countries/([a-z]{2})\.html"', home[home.index("</svg>") :]))
    import yaml

    from tests.helpers import SEEDS

    in_operations = {
        part["country"]
        for path in (SEEDS / "operations").glob("*.yml")
        for part in yaml.safe_load(path.read_text("utf-8")).get("countries", [])
    }
    assert linked == listed == in_operations
