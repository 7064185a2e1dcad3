"""The record format's additions (series, editions, scoped figures of series and agencies, what of a
source was seen, statuses of figures, countries inside a figure, attributed and inferred roles, what a
country count counts, the announcer role, a day with no month), checked on tests/fixtures/spec."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
import yaml

from generator import checker, link, pages
from generator.kinds import BY_SINGULAR, KINDS, SERIES
from generator.problems import ContentError
from tests.helpers import FIXTURES

SPEC = FIXTURES / "spec"


@pytest.fixture
def spec(tmp_path: Path) -> Path:
    """A writable copy of the fixture that uses every added field."""
    target = tmp_path / "content"
    shutil.copytree(SPEC, target)
    return target


def edit(content: Path, kind: str, rid: str, change) -> None:
    """Load a fixture record, let ``change`` modify its data, write it back."""
    path = content / kind / f"{rid}.yml"
    data = yaml.safe_load(path.read_text("utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")


def problems(content: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        checker.check(content)
    return [p.text() for p in caught.value.problems]


def test_the_fixture_with_every_added_field_is_valid():
    catalog = checker.check(SPEC)
    assert set(catalog.series) == {"operation-sample"}
    assert catalog.operations["sample-ii"].outcomes[1].status == "forecast"
    assert catalog.operations["sample-ii"].agencies[0].role == "announcer"
    assert catalog.operations["sample-i"].countries_count.counts == "countries-and-territories"
    assert catalog.sources["release-2023"].seen.extent == "beginning"
    assert catalog.agencies["world-body"].outcomes[0].scope.startswith("the world body's 2023 year")


def test_series_is_a_declared_kind_with_its_folder_schema_and_page():
    assert KINDS["series"] is SERIES and BY_SINGULAR["series"] is SERIES
    assert SERIES.page("operation-sample") == "series/operation-sample.md"
    assert (Path(__file__).parent.parent / "schemas" / "series.schema.json").is_file()


def test_editions_are_derived_from_the_operations_in_edition_order():
    site = link.link(checker.check(SPEC))
    assert site.editions == {"operation-sample": ["sample-i", "sample-ii", "sample-iii"]}
    assert ("series", "operation-sample") in site.references[("operations", "sample-ii")]
    assert link.edition_number("XIV") == 14 and link.edition_number("2024") == 2024 and link.edition_number("second") is None


def test_an_unknown_series_id_is_named(spec):
    edit(spec, "operations", "sample-i", lambda d: d.update(series="operation-sampel"))
    assert any("series: no series has the id 'operation-sampel'; did you mean 'operation-sample'?" in p for p in problems(spec))


def test_an_edition_needs_its_series_and_is_not_given_twice(spec):
    edit(spec, "operations", "sample-i", lambda d: d.pop("series"))
    edit(spec, "operations", "sample-iii", lambda d: d.update(edition="ii"))
    found = problems(spec)
    assert any("sample-i.yml" in p and "edition: edition numbers an edition of a series; add series:" in p for p in found)
    assert any("sample-iii.yml" in p and "'sample-ii' is already edition 'ii'" in p for p in found)


@pytest.mark.parametrize(("kind", "rid"), [("series", "operation-sample"), ("agencies", "world-body")])
def test_figures_of_a_series_or_an_agency_need_a_scope(spec, kind, rid):
    edit(spec, kind, rid, lambda d: d["outcomes"][0].pop("scope"))
    found = problems(spec)
    assert any(f"{rid}.yml" in p and "outcomes[0].scope: this required field is missing" in p for p in found), found


@pytest.mark.parametrize(("kind", "rid"), [("series", "operation-sample"), ("agencies", "world-body")])
def test_figures_of_a_series_or_an_agency_name_no_phase(spec, kind, rid):
    edit(spec, kind, rid, lambda d: d["outcomes"][0].update(phase="p1"))
    found = problems(spec)
    assert any(f"{rid}.yml" in p and "outcomes[0].phase: only an operation's figures name a phase" in p for p in found), found


def test_statuses_are_a_vocabulary(spec):
    edit(spec, "operations", "sample-ii", lambda d: d["outcomes"][0].update(status="preliminary"))
    found = problems(spec)
    assert any("outcomes[0].status: 'preliminary' is not a figure status; did you mean 'provisional'" in p for p in found)


def test_status_words_need_a_status_other_than_final(spec):
    edit(spec, "operations", "sample-ii", lambda d: d["outcomes"][1].update(status="final"))
    found = problems(spec)
    assert any("outcomes[1].status_words: status_words gives the source's words" in p for p in found), found


def test_a_forecast_beside_the_figure_found_is_not_a_double_count(spec):
    def change(data):
        data["outcomes"].append({"metric": "victims-identified", "value": 40, "sources": ["release-2023"]})

    edit(spec, "operations", "sample-ii", change)
    checker.check(spec)


def test_a_status_vocabulary_without_a_total_rule_is_refused(spec):
    path = spec / "vocab" / "figure-statuses.yml"
    path.write_text(path.read_text("utf-8") + "rumoured:\n  label: rumoured\n  definition: Heard.\n", "utf-8")
    assert any("'rumoured' has no total rule" in p for p in problems(spec))


def test_what_was_seen_of_a_source_is_checked(spec):
    edit(spec, "sources", "release-2023", lambda d: d["seen"].pop("note"))
    edit(spec, "sources", "release-2022", lambda d: d["seen"].update(extent="all"))
    found = problems(spec)
    assert any("release-2023.yml" in p and "seen.note: say in note where the visible copy stops" in p for p in found), found
    assert any("release-2022.yml" in p and "seen.extent: 'all' is not one of whole, beginning, excerpt" in p for p in found)


def test_a_country_count_says_what_it_counts(spec):
    edit(spec, "operations", "sample-i", lambda d: d["countries_count"].update(counts="territories"))
    assert any(
        "countries_count.counts: 'territories' is not one of countries, countries-and-territories" in p for p in problems(spec)
    )


def test_countries_inside_a_figure_are_a_count(spec):
    edit(spec, "operations", "sample-ii", lambda d: d["outcomes"][0]["across_countries"].update(value=0))
    assert any("outcomes[0].across_countries.value:" in p for p in problems(spec))


def test_roles_and_figures_take_attributed_to_and_inferred(spec):
    def change(data):
        data["agencies"][0]["quoted_by"] = "someone"

    edit(spec, "operations", "sample-ii", change)
    found = problems(spec)
    assert any("'quoted_by' is not a field of this record" in p and "attributed_to" in p for p in found), found


# --- How the added constructs are shown, on every output ---------------------------------------


def _files(content: Path = SPEC) -> dict[str, str]:
    files = pages.all_files(link.link(checker.check(content)))
    return {
        k: v if isinstance(v, str) else v.decode("utf-8")
        for k, v in files.items()
        if k.endswith((".md", ".json", ".csv", ".xml"))
    }


@pytest.fixture(scope="module")
def out() -> dict[str, str]:
    return _files()


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def _jsonld(page: str) -> dict:
    line = next(line for line in page.splitlines() if line.startswith("jsonld: "))
    return json.loads(json.loads(line[len("jsonld: ") :]))


def _row(page: str, needle: str) -> str:
    return next(line for line in page.splitlines() if needle in line)


def test_a_series_page_lists_its_editions_in_order_with_their_figures_side_by_side(out):
    page = out["series/operation-sample.md"]
    rows = [line for line in page.splitlines() if line.startswith("<tr><td>") and "operations/sample-" in line]
    assert [r.split("operations/")[1].split(".html")[0] for r in rows] == ["sample-i", "sample-ii", "sample-iii"]
    assert "<strong>about 250</strong>" in rows[1] and "provisional (so far)" in rows[1] and "in 7 countries" in rows[1]
    assert "forecast (expected to find), not a result" in rows[1]
    # No sum: edition II's figure is provisional (and "about"); the page says why.
    assert "not added: edition II&#39;s figure is provisional" in page
    assert "807" not in page


def test_editions_are_added_only_when_every_figure_is_exact_and_the_sum_says_what_it_counts(spec):
    edit(spec, "operations", "sample-ii", lambda d: d["outcomes"][0].update(value=250, qualifier="exact", status="final"))
    edit(spec, "operations", "sample-ii", lambda d: d["outcomes"][0].pop("status_words"))
    page = _files(spec)["series/operation-sample.md"]
    assert "<strong>807</strong>" in page  # 300 + 250 + 257
    assert "(arrests in the 3 editions in the catalogue (I to III), each edition&#39;s own exact figure added once; " in page


def test_figures_of_a_series_and_of_an_agency_stay_on_their_pages_with_their_scope(out):
    series = out["series/operation-sample.md"]
    assert "Figures for the series as a whole" in series and "Editions I to III combined, as the 2024 release states" in series
    agency = out["agencies/world-body.md"]
    assert "Figures the agency gives for itself" in agency and "The world body&#39;s 2023 year, all operations" in agency
    assert "about 5,000" in agency
    home = out["index.md"]
    arrests = _row(home, "measures-arrests")
    # 300 + about 250 (provisional) + 257: the series' 1,000 and the agency's 5,000 are in no total.
    assert "about 807" in arrests and "1,000" not in arrests and "5,000" not in arrests
    assert "Includes provisional figures (tallies so far, not final counts): about 250 arrests (“so far”)" in arrests
    rows = _rows(out["data/other-figures.csv"])
    assert [(r["record_type"], r["record_id"], r["scope"]) for r in rows] == [
        ("series", "operation-sample", "editions I to III combined, as the 2024 release states"),
        ("agency", "world-body", "the world body's 2023 year, all operations"),
    ]
    assert json.loads(out["data/dataset.json"])["series"]["operation-sample"]["outcomes"][0]["scope"].startswith("editions")


def test_a_forecast_is_marked_everywhere_and_never_added(out):
    page = out["operations/sample-ii.md"]
    assert "<strong>Forecast</strong> (the source says “expected to find”): what was expected, not a result" in page
    assert (
        "measures-victims-identified"
        not in out["index.md"].split("## Latest records")[0].split("<tbody>")[1].split("</tbody>")[0]
    )
    row = next(r for r in _rows(out["data/outcomes.csv"]) if r["metric"] == "victims-identified")
    assert row["status"] == "forecast" and row["status_words"] == "expected to find"
    assert row["in_totals"] == "not added: a forecast, not a result"
    assert "more than 1,000,000 victims identified (forecast (expected to find), not a result" in out["feed.xml"]
    assert "forecast (expected to find)" in _row(out["operations/index.md"], "sample-ii.html")


def test_a_provisional_figure_and_the_countries_inside_it_are_shown(out):
    page = out["operations/sample-ii.md"]
    assert "<strong>Provisional</strong> (the source says “so far”)" in page
    assert '<p class="ow-card__scope">In 7 countries</p>' in page
    row = next(r for r in _rows(out["data/outcomes.csv"]) if r["operation_id"] == "sample-ii" and r["metric"] == "arrests")
    assert row["in_totals"] == "counted (provisional)" and row["across_countries"] == "in 7 countries"


def test_what_was_seen_of_a_source_is_on_its_page_and_next_to_citations(out):
    source = out["sources/release-2023.md"]
    assert "Only the beginning of this report was visible: The stored copy ends after about 2,000 characters" in source
    assert "The records cite only what that part states." in source
    assert "(only the beginning of this report was visible)" in out["operations/sample-ii.md"]
    assert "(only an excerpt or summary of this report was visible)" in out["operations/sample-iii.md"]
    assert "report was visible)" not in out["operations/sample-i.md"]  # the whole text was seen


def test_a_country_count_says_what_it_counts_in_the_list_the_csv_and_the_feed(out):
    words = "40 countries and territories (besides the coordinating country)"
    assert words + " reported, 2 named" in _row(out["operations/index.md"], "sample-i.html")
    row = next(r for r in _rows(out["data/operations.csv"]) if r["operation_id"] == "sample-i")
    assert row["countries_count_counts"] == "countries-and-territories" and row["countries_count_words"] == words
    assert f"Countries: {words} reported, 2 named." in out["feed.xml"]
    assert words in out["operations/sample-i.md"]


def test_a_country_page_shows_its_own_figures_apart_and_hosts_apart(out):
    spain = out["countries/es.md"]
    took_part, hosted = spain.split("## Hosted or supported")
    assert "sample-i.html" in took_part and "sample-ii.html" not in took_part
    assert "sample-ii.html" in hosted.split("## Figures for Spain alone")[0]
    own = _row(spain, "<strong>7</strong>")
    assert "sample-i.html" in own and "300 arrests (of which 7 Spain only)" in own
    totals = spain.split("## Figures reported by operations that list Spain")[1]
    assert "sample-ii.html" not in totals  # the operation Spain only hosted gives it no totals
    row = next(r for r in _rows(out["data/operations.csv"]) if r["operation_id"] == "sample-ii")
    assert row["countries"] == "fr" and row["countries_hosting_or_supporting"] == "es"
    assert "Host or support only: Spain." in out["feed.xml"]


def test_an_edition_links_its_series_on_its_page_in_the_csv_and_in_json_ld(out):
    page = out["operations/sample-ii.md"]
    assert 'Edition II of <a href="../series/operation-sample.html">Operation Sample</a>' in page
    assert _jsonld(page)["about"]["superEvent"] == {"@type": "EventSeries", "name": "Operation Sample"}
    assert _jsonld(out["series/operation-sample.md"])["about"]["@type"] == "EventSeries"
    row = next(r for r in _rows(out["data/operations.csv"]) if r["operation_id"] == "sample-ii")
    assert (row["series"], row["edition"]) == ("operation-sample", "II")


def test_a_day_without_a_month_and_a_period_with_its_duration_are_worded(out):
    page = out["operations/sample-ii.md"]
    assert "the 9th (month and year not stated)" in page
    assert "1 May 2022 to 12 May 2022 (2 weeks)" in out["operations/sample-i.md"]


def test_one_of_a_measure_is_worded_in_the_singular(spec):
    edit(spec, "operations", "sample-i", lambda d: d["outcomes"][1].update(value=1))
    files = _files(spec)
    assert "(of which 1 Spain only)" in files["feed.xml"]
    assert "<strong>1</strong> " in files["countries/es.md"] and ">arrest</a>" in files["countries/es.md"]
    assert "of which <strong>1</strong> <a" in files["operations/sample-i.md"]
    assert ">arrest</a>" in files["operations/sample-i.md"]


def test_the_home_page_names_the_catalogue_size_and_freshness(out, spec):
    line = _row(out["index.md"], "ow-catalogue-size")
    assert "<strong>3</strong> operations (of which 3 are editions of 1 series), from <strong>3</strong> sources" in line
    # Without change history (a copy outside git), the freshness is the latest date of an operation, and says so.
    files = _files(spec)
    line = _row(files["index.md"], "ow-catalogue-size")
    assert "last added or changed: <strong>20 November 2024</strong> (the latest date of an operation in the catalogue" in line


def test_freshness_comes_from_the_change_history_when_the_build_has_it():
    site = link.link(
        checker.check(SPEC),
        last_changed={"spec/operations/sample-i.yml": "2025-01-02", "spec/sources/release-2022.yml": "2026-01-01"},
    )
    assert pages._freshness(site) == ("2025-01-02", "the latest change to an operation record, from the repository's history")


def test_series_have_an_index_a_link_from_the_operations_list_and_a_search_entry(out):
    index = out["series/index.md"]
    assert '<a href="operation-sample.html">Operation Sample</a></td><td>3</td>' in index
    assert '<a href="../series/index.html">1 series</a>' in out["operations/index.md"]
    from generator import search_index

    docs = search_index.documents(link.link(checker.check(SPEC)))
    series = next(d for d in docs if d.url == "series/operation-sample.html")
    assert any(value == "Sample" for _, value in series.fields)  # its alias is searchable


def test_editions_named_by_number_and_by_year_are_ordered_by_date(spec):
    edit(spec, "operations", "sample-i", lambda d: d.update(edition="2022"))
    site = link.link(checker.check(spec))
    assert site.editions["operation-sample"] == ["sample-i", "sample-ii", "sample-iii"]  # 2022, II (2023), III (2024)
    # An edition without a date is placed by its number when every edition is numbered.
    edit(spec, "operations", "sample-ii", lambda d: (d.pop("announced"), d.pop("events")))
    edit(spec, "operations", "sample-i", lambda d: d.update(edition="IV"))
    site = link.link(checker.check(spec))
    assert site.editions["operation-sample"] == ["sample-ii", "sample-iii", "sample-i"]  # II, III, IV


def test_a_country_count_note_travels_with_the_count(spec):
    edit(spec, "operations", "sample-i", lambda d: d["countries_count"].update(note="the release names only two"))
    files = _files(spec)
    assert '2 named</span> <span class="ow-muted">(the release names only two)</span>' in _row(
        files["operations/index.md"], "sample-i.html"
    )
    assert next(r for r in _rows(files["data/operations.csv"]) if r["operation_id"] == "sample-i")["countries_count_note"] == (
        "the release names only two"
    )
    assert "2 named (the release names only two)." in files["feed.xml"]


def test_the_sources_list_says_how_much_of_each_text_was_seen(out):
    index = out["sources/index.md"]
    assert ">beginning only</td>" in _row(index, "release-2023.html")
    assert ">excerpt only</td>" in _row(index, "release-2024.html")
    assert ">whole</td>" in _row(index, "release-2022.html")


def test_the_source_s_words_are_quoted_once(spec):
    edit(spec, "operations", "sample-ii", lambda d: d["outcomes"][0].update(status_words='"so far"'))
    files = _files(spec)
    assert "(the source says “so far”)" in files["operations/sample-ii.md"]
    assert "about 250 arrests (“so far”)" in files["index.md"] and '“"so far"”' not in files["index.md"]


def test_a_series_table_says_why_a_measure_is_not_added(out):
    foot = out["series/operation-sample.md"].split("<tfoot>")[1]
    assert "not added: edition II&#39;s figure is provisional" in foot  # arrests
    assert "not added: 2 of the 3 editions give no figure for the whole edition; edition II&#39;s figure is a forecast" in foot
