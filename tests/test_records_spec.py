"""The record format's additions (series, editions, scoped figures of series and agencies, what of a
source was seen, statuses of figures, countries inside a figure, attributed and inferred roles, what a
country count counts, the announcer role, a day with no month), checked on tests/fixtures/spec."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from generator import checker, link
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
