"""Link, render and write, without MkDocs: reverse links, wording, escaping, incremental writes."""

from __future__ import annotations

import csv
import io
import json
import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
import yaml

from generator import build, checker, export, link, pages, writer
from generator.plan import render_all
from generator.problems import ContentError
from generator.site import Site
from tests.golden_files import read_tree
from tests.helpers import rewrite_text_fields


def _site(content: Path) -> Site:
    return link.link(checker.check(content))


def _front(text: str) -> dict:
    assert text.startswith("---\n")
    return yaml.safe_load(text.split("---\n", 2)[1])


def test_reverse_links_are_derived_from_operations(mini_content):
    # A newer operation whose id sorts last, so that newest-first order differs from id order.
    (mini_content / "operations" / "op-zero.yml").write_text(
        "name: Operation Zero\nsummary: The newest fixture operation.\ncrime_areas: [human-trafficking]\n"
        "period: {start: '2023-02', sources: [report-b]}\n"
        "agencies:\n  - {agency: alpha-police, role: support}\n"
        "countries:\n  - {country: fr, role: participant}\n"
        "sources: [report-b]\n",
        "utf-8",
    )
    site = _site(mini_content)
    # Newest first: op-zero (2023), op-one (2020), then op-two (a day and month of no stated year).
    assert [r[:2] for r in site.ops_by_agency["alpha-police"]] == [
        ("op-zero", "support"),
        ("op-one", "lead"),
        ("op-two", "participant"),
    ]
    assert [r[:2] for r in site.ops_by_country["fr"]] == [("op-zero", "participant"), ("op-one", "lead"), ("op-two", "lead")]
    assert site.units["alpha-police"] == ["alpha-cyber-unit"]
    assert dict(site.partners["alpha-police"]) == {"world-org": 1, "alpha-cyber-unit": 1}  # op-zero names no partner
    assert site.related["op-one"] == ["op-two"] and site.related["op-two"] == ["op-one"]
    assert "op-zero" not in site.related
    assert ("operations", "op-one") in site.cited_by["report-a"]
    assert ("agencies", "alpha-police") in site.cited_by["report-a"]
    assert ("countries", "fr") in site.cited_by["report-a"]
    # Senegal is named only as a participant and a place; France also by agencies and notes.
    assert {"fr", "sn"} <= set(site.countries)


def test_order_is_newest_first_then_unknown_year_then_undated(mini_content):
    site = _site(mini_content)
    assert site.op_order == ["op-one", "op-two", "op-three"]  # 2020, then 23 May of no year, then no date


def test_timeline_keeps_undated_steps_last(mini_content):
    site = _site(mini_content)
    entries = site.timelines["op-one"]
    assert [e.date.text if e.date else None for e in entries] == ["2020-01-01", "2020-03-15", "2020-05-30", "2020-06", None]
    years, unknown = site.by_year(site.timeline_of(site.op_order))
    assert [y for y, _ in years] == [2020]
    assert {e.text for e in unknown} == {"A follow-up meeting was held.", "A raid on an unstated year."}


def test_country_totals_keep_precision_and_say_what_they_count(mini_content):
    site = _site(mini_content)
    arrests = next(t for t in site.country_totals["fr"] if t.metric == "arrests")
    assert arrests.sum.words() == "more than 190"  # more than 150 (op-one) + 40 (op-two)
    text = render_all(pages.country_pages(site))["countries/fr.md"]
    assert "operations may overlap" in text and "not figures for France alone" in text
    assert "more than 190" in text


def test_operation_page_wording(mini_content):
    text = pages.all_files(_site(mini_content))["operations/op-one.md"]
    for words in ("more than 150", "nearly 500", "dozens (no number given)", "1 January 2020 to 30 May 2020", "June 2020"):
        assert words in text
    assert 'href="#cite-1"' in text and 'id="cite-1"' in text
    two = pages.all_files(_site(mini_content))["operations/op-two.md"]
    assert "23 May (year not stated)" in two
    three = pages.all_files(_site(mini_content))["operations/op-three.md"]
    assert "more than 30" in three and "No official name is reported" in three


def test_front_matter_edit_path_description_and_jsonld(mini_content, monkeypatch):
    monkeypatch.chdir(mini_content / "operations")  # edit links do not depend on the working folder
    site = _site(mini_content)
    files = pages.all_files(site)
    op = _front(files["operations/op-one.md"])
    assert op["edit_path"] == "content/operations/op-one.yml"
    assert op["description"].startswith("A fixture operation")
    assert json.loads(op["jsonld"])["about"]["@type"] == "Event"
    assert json.loads(_front(files["agencies/alpha-police.md"])["jsonld"])["about"]["@type"] == "GovernmentOrganization"
    assert json.loads(_front(files["agencies/world-org.md"])["jsonld"])["about"]["@type"] == "Organization"
    assert json.loads(_front(files["countries/fr.md"])["jsonld"])["about"]["@type"] == "Country"
    assert _front(files["countries/fr.md"])["edit_path"] == "content/countries/fr.yml"
    assert "edit_path" not in _front(files["countries/sn.md"])  # no notes file to edit


HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(1)> [x](javascript:alert(1)) {: onclick="alert(1)" }'


def _poison(content: Path) -> None:
    """Put hostile text into every free-text field of the fixture records."""
    fields = {
        "name",
        "summary",
        "notes",
        "note",
        "title",
        "publisher",
        "author",
        "text",
        "as_reported",
        "countries_note",
        "aliases",
    }
    rewrite_text_fields(content, fields, lambda key, text: text + " " + HOSTILE)
    (content / "operations" / "op-one.yml").write_text(
        (content / "operations" / "op-one.yml").read_text("utf-8")
        + "people:\n  - name: 'P <script>x</script>'\n    title: 'T <b onmouseover=alert(1)>'\n    role: official\n"
        "    sources: [report-a]\n",
        "utf-8",
    )


class _Tags(HTMLParser):
    """Every start tag and its attributes, as a browser would see them."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def test_html_in_every_text_field_stays_text(mini_content):
    _poison(mini_content)
    files = pages.all_files(_site(mini_content))
    assert len(files) > 15
    # Render each page as MkDocs would, with attribute lists on (a publisher may enable them).
    md = markdown.Markdown(extensions=["attr_list", "md_in_html", "tables", "toc"])
    for path, text in files.items():
        if not path.endswith(".md"):
            continue
        yaml.safe_load(text.split("---\n", 2)[1])  # front matter stays valid YAML
        parser = _Tags()
        parser.feed(md.reset().convert(text.split("---\n", 2)[2]))
        assert parser.tags, path
        for tag, attrs in parser.tags:
            assert tag not in {"script", "img", "iframe", "object", "embed"}, (path, tag, attrs)
            assert tag != "svg" or attrs.get("class") == "world-map", (path, tag, attrs)  # only the site's own map
            assert not [a for a in attrs if a.startswith("on")], (path, tag, attrs)
            href = (attrs.get("href") or "").strip().lower()
            assert not href.startswith(("javascript:", "data:", "vbscript:")), (path, href)
    heading = next(line for line in files["operations/op-one.md"].splitlines() if line.startswith("# "))
    assert "<" not in heading and "{" not in heading and "[" not in heading


def _internal_links(files: dict[str, str]) -> list[tuple[str, str]]:
    out = []
    for path, text in files.items():
        if not path.endswith(".md"):
            continue
        for href in re.findall(r'href="([^"#]+)', text):
            if "://" in href or href.startswith(("mailto:", "#")):
                continue
            out.append((path, posixpath.normpath(posixpath.join(posixpath.dirname(path), href))))
    return out


def test_every_internal_link_has_a_page_and_no_page_is_an_orphan(mini_content):
    files = pages.all_files(_site(mini_content))
    links = _internal_links(files)
    assert links
    targets = {t for _, t in links}
    for source, target in links:
        assert target.replace(".html", ".md") in files or target in files, f"{source} → {target}"
    for path in files:
        if path.endswith(".md") and path.split("/")[0] in {"operations", "agencies", "countries", "sources"}:
            assert path.replace(".md", ".html") in targets, f"orphan: {path}"


def test_stale_pages_are_removed(mini_content, tmp_path):
    out = tmp_path / "docs"
    build.build(mini_content, out, with_history=False)
    assert (out / "operations" / "op-three.md").exists()
    (mini_content / "operations" / "op-three.yml").unlink()
    report = build.build(mini_content, out, with_history=False).report
    assert "operations/op-three.md" in report.removed
    assert not (out / "operations" / "op-three.md").exists()


def test_builds_are_byte_identical_and_a_rebuild_writes_nothing(mini_content, tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    build.build(mini_content, first, with_history=False)
    build.build(mini_content, second, with_history=False)
    # Every output file; the writer's manifest and the cache record file times, which differ.
    files_a, files_b = read_tree(first), read_tree(second)
    assert files_a == files_b and "index.md" in files_a
    again = build.build(mini_content, first, with_history=False).report
    assert again.written == [] and again.removed == []


def test_one_edit_rewrites_only_the_pages_that_show_it(mini_content, tmp_path):
    out = tmp_path / "docs"
    build.build(mini_content, out, with_history=False)
    path = mini_content / "operations" / "op-three.yml"
    path.write_text(path.read_text("utf-8").replace("No countries are named.", "No countries are named at all."), "utf-8")
    written = set(build.build(mini_content, out, with_history=False).report.written)
    assert "operations/op-three.md" in written
    assert "agencies/alpha-police.md" not in written and "countries/fr.md" not in written
    # The search index changes only where the new word "all" and the snippet live (mini has < 32 documents).
    index = {"search-index/t-al.js", "search-index/d-0.js", "search-index/manifest.js"}
    assert written <= {"operations/op-three.md", "data/dataset.json", "feed.xml", *index}
    assert "search-index/t-al.js" in written  # search finds the new word at once, even in a --dirty preview


def test_failed_check_writes_nothing(mini_content, tmp_path):
    out = tmp_path / "docs"
    build.build(mini_content, out, with_history=False)
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    (mini_content / "operations" / "op-one.yml").write_text("name: [broken\n", "utf-8")
    with pytest.raises(ContentError):
        build.build(mini_content, out, with_history=False)
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before


@pytest.mark.parametrize("bad", ["../escape.md", "/etc/passwd", "a/../../b.md", "c:\\x.md"])
def test_writer_refuses_paths_outside_the_output(tmp_path, bad):
    with pytest.raises(ValueError):
        writer.write({bad: "x"}, tmp_path / "out")
    assert not (tmp_path / "escape.md").exists()


def test_data_downloads(mini_content):
    site = _site(mini_content)
    files = pages.all_files(site)
    data = json.loads(files["data/dataset.json"])
    # Encoded a record at a time to save memory, the file is still exactly what json makes of the whole.
    whole = json.dumps(export.dataset(site), ensure_ascii=False, sort_keys=True) + "\n"
    assert files["data/dataset.json"] == whole.encode("utf-8")
    assert set(data["operations"]) == {"op-one", "op-two", "op-three"}
    outcomes = list(csv.DictReader(io.StringIO(files["data/outcomes.csv"])))
    assert {"operation_id", "metric", "value", "qualifier", "as_reported"} <= set(outcomes[0])
    dozens = next(r for r in outcomes if r["as_reported"] == "dozens")
    assert dozens["value"] == "" and dozens["qualifier"] == ""
    participants = list(csv.DictReader(io.StringIO(files["data/participants.csv"])))
    assert {"agency", "country"} == {r["type"] for r in participants}


def test_csv_cells_never_start_a_formula(mini_content):
    path = mini_content / "operations" / "op-one.yml"
    path.write_text(path.read_text("utf-8").replace("name: Operation One", "name: '=HYPERLINK(\"http://x\")'"), "utf-8")
    files = pages.all_files(_site(mini_content))
    row = next(r for r in csv.reader(io.StringIO(files["data/operations.csv"])) if r[0] == "op-one")
    assert row[1].startswith("'=")


def test_operation_page_opens_with_its_facts_at_a_glance(mini_content):
    record = mini_content / "operations" / "op-one.yml"
    text = record.read_text("utf-8").replace(
        "  - {agency: alpha-police, role: lead}",
        "  - {agency: alpha-police, role: lead, attributed_to: the ministry's spokesperson}",
    )
    record.write_text(
        text.replace("  - {country: fr, role: lead}", "  - {country: fr, role: lead, inferred: it hosted the raids}"), "utf-8"
    )
    site = _site(mini_content)
    page = render_all(pages.operation_pages(site))["operations/op-one.md"]
    box = page[page.index('<aside class="ow-glance"') : page.index("</aside>")]
    assert page.index("</aside>") < page.index('<div class="ow-summary">')  # above the summary
    facts = dict(re.findall(r"<dt>(.+?)</dt><dd>(.+?)</dd>", box))
    assert list(facts) == ["When", "Countries", "Led by", "Figures"]
    assert facts["When"] == "1 January 2020 to 30 May 2020"
    # Figures at their precision, as the lists say them; roles with the marks their rows carry.
    # Each headline figure at its precision, with its mark when a report puts it in someone's mouth.
    assert facts["Figures"].startswith(
        "more than 150 arrests; nearly 500 victims rescued; victims identified: dozens (no number given) (according to "
    )
    assert "(according to the ministry&#39;s spokesperson)" in facts["Led by"]
    assert "(site&#39;s reading: it hosted the raids)" in facts["Led by"]
    assert 'href="../countries/fr.html"' in facts["Countries"] and "[" not in box  # no citations of its own


@pytest.mark.parametrize("fixture", ["mini", "seeds"])
def test_no_parentheses_inside_parentheses_around_a_date(fixture):
    # "(17 November (year not stated))" beside a related operation read badly: dates beside names
    # follow a middle dot instead.
    from tests.helpers import MINI, SEEDS

    site = _site({"mini": MINI, "seeds": SEEDS}[fixture])
    for path, text in pages.all_files(site).items():
        if isinstance(text, str):
            assert "(year not stated))" not in re.sub(r"<[^>]+>", "", text), path
