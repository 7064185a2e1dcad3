"""Real reports recorded faithfully (tests/fixtures/realcases), and each construct of the content model
shown honestly at every output: operation page, operations list, home and country totals, JSON and CSV
downloads, Atom feed and JSON-LD."""

from __future__ import annotations

import csv
import html
import io
import json
import re
import shutil
from pathlib import Path

import pytest

from generator import checker, link, pages
from generator.plan import render_all
from generator.problems import ContentError
from tests.helpers import FIXTURES

REAL = FIXTURES / "realcases"


def _files(content: Path = REAL) -> dict[str, str]:
    # Text files as text; the dataset download is written as UTF-8 bytes.
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


def _plain(page: str) -> str:
    import re

    text = re.sub(r"<sup.*?</sup>", "", page)
    text = re.sub(r"</?(td|tr|li|p|dd|dt|ul|div|br)[^>]*>", " ", text)
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", text)).replace(" .", "."))


def _home_row(home: str, label: str) -> str:
    return next(_plain(line).strip() for line in home.splitlines() if line.startswith("<tr>") and f">{label}</a>" in line)


def test_parts_are_shown_inside_their_whole_and_never_added_to_it(out):
    page = _plain(out["operations/europol-child-trafficking-action-days-2019.md"])
    assert "206 victims identified of which 53 children identified as victims" in page
    assert "70 arrests of which 34 arrests (for trafficking in human beings)" in page
    assert "of which 36 arrests (for other offences)" in page
    row = _plain(out["operations/index.md"])
    assert "70 arrests (of which 34 for trafficking in human beings, 36 for other offences)" in row
    assert "206 victims identified (of which 53 children identified as victims)" in row
    # Home: arrests are 70 + 219 + 46, never 70 + 34 + 36 + ...; the parts are named as left out.
    arrests = _home_row(out["index.md"], "Arrests")
    assert arrests.startswith("Arrests 335 ")
    assert (
        "Leaves out: 34 arrests, part of 70 already counted (Pan-European joint action days against child trafficking)" in arrests
    )
    # Victims identified are 206 + 1,374; the minors are a measure of their own, 53 + 153.
    assert _home_row(out["index.md"], "Victims identified").startswith("Victims identified 1,580 ")
    assert _home_row(out["index.md"], "Children identified as victims").startswith("Children identified as victims 206 ")
    rows = {(r["operation_id"], r["value"]): r for r in _rows(out["data/outcomes.csv"])}
    part = rows[("europol-child-trafficking-action-days-2019", "34")]
    assert part["part_of"] == "arrests" and part["in_totals"] == "not added: part of figure 'arrests', which is counted"
    assert rows[("europol-child-trafficking-action-days-2019", "53")]["part_of"] == "victims"
    data = json.loads(out["data/dataset.json"])
    figures = data["operations"]["europol-child-trafficking-action-days-2019"]["outcomes"]
    assert {
        "metric": "minors-identified",
        "value": 53,
        "part_of": "victims",
        "note": "confirmed to be minors",
        "sources": ["europol-70-arrests-child-trafficking-2019"],
    } in figures
    feed = out["feed.xml"]
    assert "Figures: 219 arrests; 1,374 victims identified (of which 153 children identified as victims)" in feed


def test_a_figure_for_one_country_says_so_everywhere(out):
    page = _plain(out["operations/operation-h.md"])
    assert "46 arrests New Zealand only" in page
    assert "46 arrests (New Zealand only)" in _plain(out["operations/index.md"])
    arrests = _home_row(out["index.md"], "Arrests")
    assert "Includes figures for part of an operation only: 46 arrests, New Zealand only (Operation H)" in arrests
    assert "46 arrests (New Zealand only)" in out["feed.xml"]
    row = next(r for r in _rows(out["data/outcomes.csv"]) if r["operation_id"] == "operation-h" and r["metric"] == "arrests")
    assert row["country"] == "nz" and row["in_totals"] == "counted, for part of the operation only: New Zealand only"


def test_a_country_total_leaves_out_figures_for_another_country(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(REAL, content)
    path = content / "operations" / "operation-h.yml"
    path.write_text(
        path.read_text("utf-8").replace(
            "  - {country: nz, role: lead}\n", "  - {country: nz, role: lead}\n  - {country: au, role: participant}\n"
        ),
        "utf-8",
    )
    site = link.link(checker.check(content))
    au = {t.metric: t for t in site.country_totals["au"]}
    assert "arrests" not in au  # the only arrest figure is New Zealand's
    nz = {t.metric: t for t in site.country_totals["nz"]}
    assert nz["arrests"].sum.words() == "46"
    assert "46 arrests" not in _plain(render_all(pages.country_pages(site))["countries/au.md"])
    # Figures for the whole operation still count for every country that took part.
    assert au["accounts-identified"].sum.words() == "more than 90,000"


def test_a_duration_without_an_end_is_never_given_an_end_date(out):
    page = _plain(out["operations/operation-h.md"])
    assert "2 years from October 2019 (end not stated)" in page
    about = _jsonld(out["operations/operation-h.md"])["about"]
    assert about["startDate"] == "2019-10" and about["duration"] == "P2Y" and "endDate" not in about
    row = next(r for r in _rows(out["data/operations.csv"]) if r["operation_id"] == "operation-h")
    assert row["period_end"] == "" and row["period_duration"] == "2 years"


def test_an_inferred_date_says_how_it_was_inferred(out):
    page = out["operations/operation-h.md"]
    assert '<span class="ow-inferred">(inferred: year taken from the web address of INTERPOL&#39;s release)</span>' in page
    chain = out["operations/operation-global-chain.md"]
    assert "(inferred: year taken from the date of the news report, which gives only June 3 to 9)" in chain
    row = next(r for r in _rows(out["data/operations.csv"]) if r["operation_id"] == "operation-h")
    assert row["dates_inferred"] == "announced: year taken from the web address of INTERPOL's release"


def test_country_entries_cite_their_own_sources(out):
    page = out["operations/europol-child-trafficking-action-days-2019.md"]
    belgium = next(line for line in page.splitlines() if "countries/be.html" in line and "<tr>" in line)
    assert 'title="Dozens arrested in pan-European action against human trafficking"' in belgium
    austria = next(line for line in page.splitlines() if "countries/at.html" in line and "<tr>" in line)
    assert "ow-cite" not in austria  # cited by the record's own sources
    row = next(r for r in _rows(out["data/participants.csv"]) if r["id"] == "be")
    assert row["sources"] == "famagusta-gazette-dozens-arrested-2019"


def test_lists_show_the_reported_count_of_countries_and_a_country_as_lead(out):
    index = out["operations/index.md"]
    chain = next(line for line in index.splitlines() if "operation-global-chain.html" in line)
    assert re.search(r'<td[^>]* data-sort="39"><span>39 countries reported, 2 named</span></td>', chain)
    assert '<a href="../countries/at.html">Austria</a>' in chain
    europol = next(line for line in index.splitlines() if "europol-child-trafficking" in line)
    assert '<a href="../countries/gb.html">United Kingdom</a>' in europol
    assert "Countries: 39 countries reported, 2 named. Lead: Austria." in out["feed.xml"]
    row = next(r for r in _rows(out["data/operations.csv"]) if r["operation_id"] == "operation-global-chain")
    assert row["lead"] == "country:at" and row["countries_count"] == "39"


def test_measures_that_cannot_be_totalled_never_are(out):
    home = out["index.md"]
    assert ">People checked</a>" not in home.split("Not added up")[0]
    assert "Not added up:</strong>" in home and "people checked</a> (the same person can be checked many times" in home
    page = out["operations/europol-child-trafficking-action-days-2019.md"]
    assert "Not added up across operations: the same person can be checked many times" in page
    row = next(r for r in _rows(out["data/outcomes.csv"]) if r["metric"] == "people-checked")
    assert row["in_totals"].startswith("not added up: ")


# Cases no real report above holds: written here in the shape of the hard cases in CONTRIBUTING.md.
EXTRA = """\
announced: {date: "2023-07", sources: [report-a]}
phases:
  - {id: phase-1, name: First phase, start: "2023-05", end: "2023-05", countries: [sn], sources: [report-a]}
  - {id: phase-2, name: Second phase, start: "2023-06", end: "2023-06", sources: [report-a]}
outcomes:
  - {metric: arrests, value: 1062, sources: [report-a], chosen_because: the text gives the exact count,
     reported: [{value: 1000, qualifier: more-than, where: headline, sources: [report-a]}]}
  - {metric: victims-rescued, value: 100, value_max: 150, sources: [report-a]}
  - {metric: victims-identified, as_reported: thousands, sources: [report-a]}
  - {metric: investigations-opened, value: 12, phase: phase-1, sources: [report-a]}
  - {metric: investigations-opened, value: 8, phase: phase-2, sources: [report-a]}
"""


def _with_extra(content: Path) -> None:
    path = content / "operations" / "op-two.yml"
    text = path.read_text("utf-8")
    start = text.index("outcomes:")
    rest = text[start:].split("\n")
    end = next((i for i, line in enumerate(rest[1:], 1) if line and not line.startswith((" ", "-"))), len(rest))
    path.write_text(text[:start] + EXTRA + "\n".join(rest[end:]), "utf-8")


def test_ranges_vague_quantities_other_values_and_phases(mini_content):
    _with_extra(mini_content)
    files = _files(mini_content)
    page = _plain(files["operations/op-two.md"])
    assert "between 100 and 150 victims rescued" in page
    assert "thousands (no number given) victims identified" in page
    assert "Also reported: more than 1,000 (headline). Totals use 1,062: the text gives the exact count." in page
    assert "First phase May 2023 · Senegal" in page and "Second phase June 2023" in page
    assert "12 investigations opened First phase only" in page
    index = _plain(files["operations/index.md"])
    assert "1,062 arrests; between 100 and 150 victims rescued; victims identified: thousands (no number given)" in index
    home = files["index.md"]
    assert "between 100 and 150" in _home_row(home, "Victims rescued")
    assert _home_row(home, "Investigations opened").startswith("Investigations opened 20")
    rows = [r for r in _rows(files["data/outcomes.csv"]) if r["operation_id"] == "op-two"]
    arrests = next(r for r in rows if r["metric"] == "arrests")
    assert arrests["other_values"] == "more than 1,000 (headline) [report-a]" and arrests["chosen_because"]
    assert next(r for r in rows if r["metric"] == "victims-rescued")["value_max"] == "150"
    phases = _rows(files["data/phases.csv"])
    assert [(p["phase_id"], p["start"], p["countries"]) for p in phases] == [
        ("phase-1", "2023-05", "sn"),
        ("phase-2", "2023-06", ""),
    ]
    sub = _jsonld(files["operations/op-two.md"])["about"]["subEvent"]
    assert sub[0]["startDate"] == "2023-05" and sub[0]["location"] == [{"@type": "Country", "name": "Senegal"}]
    assert "1,062 arrests" in files["feed.xml"] and "between 100 and 150 victims rescued" in files["feed.xml"]


@pytest.mark.parametrize(
    ("yaml", "message"),
    [
        ("  - {metric: arrests, value: 5, part_of: nope, sources: [report-a]}\n", "no figure of this record has the id 'nope'"),
        (
            "  - {id: all, metric: arrests, value: 5, sources: [report-a]}\n  - {metric: arrests, value: 9, part_of: all, sources: [report-a]}\n",
            "a part (9) cannot be larger than its whole (5)",
        ),
        (
            "  - {metric: arrests, value: 5, sources: [report-a]}\n  - {metric: arrests, value: 9, sources: [report-a]}\n",
            "already gives arrests for the same scope",
        ),
        ("  - {metric: arrests, value: 5, value_max: 5, sources: [report-a]}\n", "must be above the lower end"),
        (
            "  - {metric: arrests, value: 5, value_max: 9, qualifier: about, sources: [report-a]}\n",
            "a range ('between 100 and 150') takes no qualifier",
        ),
        (
            "  - {metric: arrests, value: 5, sources: [report-a], reported: [{value: 6, sources: [report-a]}]}\n",
            "say why value is the one used",
        ),
        ("  - {metric: arrests, value: 5, phase: p9, sources: [report-a]}\n", "no phase of this record has the id 'p9'"),
    ],
)
def test_figures_that_could_mislead_are_refused(mini_content, yaml, message):
    path = mini_content / "operations" / "op-two.yml"
    text = path.read_text("utf-8")
    start = text.index("outcomes:")
    rest = text[start:].split("\n")
    end = next((i for i, line in enumerate(rest[1:], 1) if line and not line.startswith((" ", "-"))), len(rest))
    path.write_text(text[:start] + "outcomes:\n" + yaml + "\n".join(rest[end:]), "utf-8")
    with pytest.raises(ContentError) as caught:
        checker.check(mini_content)
    lines = [p.text() for p in caught.value.problems]
    assert any(message in line and "op-two.yml:" in line for line in lines), lines


@pytest.mark.parametrize(
    ("period", "problem"),
    [
        ('{start: "2019-10", end: "2021-10", duration: 2 years, sources: [report-a]}', None),
        ('{start: "2024-05-01", end: "2024-05-12", duration: 2 weeks, sources: [report-a]}', None),
        ('{start: "2019-10", end: "2021-10", duration: 5 years, sources: [report-a]}', "does not fit the dates"),
        (
            '{start: "2024-05-01", end: "2024-05-05", duration: 10 days, sources: [report-a]}',
            "from 2024-05-01 to 2024-05-05 is 5 days",
        ),
        ('{end: "2021-10", duration: 2 years, sources: [report-a]}', None),  # nothing to compare: both as stated
        ("{duration: 2 weeks, sources: [report-a]}", None),  # a length with no dates ("a two-week taskforce")
    ],
)
def test_a_start_an_end_and_a_duration_must_agree(mini_content, period, problem):
    path = mini_content / "operations" / "op-two.yml"
    path.write_text(path.read_text("utf-8") + f"period: {period}\n", "utf-8")
    if problem is None:
        checker.check(mini_content)
        return
    with pytest.raises(ContentError) as caught:
        checker.check(mini_content)
    assert any("period.duration:" in p.text() and problem in p.text() for p in caught.value.problems), [
        p.text() for p in caught.value.problems
    ]


def test_timelines_show_phases_durations_and_inferred_dates(out):
    chain = _plain(out["operations/operation-global-chain.md"]).split("Timeline")[-1]
    assert "Start of the operation (inferred: year taken from the date of the news report" in chain
    h = _plain(out["operations/operation-h.md"]).split("Timeline")[-1]
    assert "Start of the operation (lasting 2 years; end not stated)" in h
    assert "End of the operation" not in h
    site_timeline = _plain(out["timeline/2022.md"])
    assert "Results announced (inferred: year taken from the web address of INTERPOL's release)" in site_timeline
