"""What a fact rests on travels with it: a scan of every file the build writes.

A fact the site reads rather than finds stated (``inferred``), or finds only in someone's mouth
(``attributed_to``), or that comes from a record whose report cannot be identified, is *marked*.
For each such fact of each fixture, the test changes the fact alone (a role, a figure, a date)
and rebuilds every output in memory: each file whose text changes shows the fact, so it must
show the fact's note too. A new output or template that prints the fact without its note fails
here, whatever it is (a page, a list, a total, the feed, a CSV, the dataset, the search index).
"""

from __future__ import annotations

import dataclasses
import html
import json
import re
from collections.abc import Callable, Iterator

import pytest
import yaml

from generator import build, checker, dates, link, pages
from generator.outcomes import NO_PART_ROLES
from generator.site import Basis
from generator.validate import Catalog
from generator.vocab import Term, Vocabulary
from tests.golden_files import CASES as GOLDEN_CASES
from tests.helpers import ROOT

CASES = {**GOLDEN_CASES, "spec": ROOT / "tests" / "fixtures" / "spec"}
"""The golden fixtures, and the records-spec fixture (series, statuses, hosts, figures for one country)."""

SITE_URL = "https://provenance.invalid/ow/"
COUNTS_ONLY = {"timeline.md"}
# Views that show how many countries took part, not which ones: a country moved out of taking part
# changes their numbers only (the country's own page, the operation's page and the downloads name it).
COUNTRY_COUNTS = frozenset({"countries/index.md", "index.md", "operations/index.md", "feed.xml"})
"""Files that show how many steps or records there are, never a fact itself: moving a date can change
a count there (two steps on one date are shown as one), which is not the date shown without its note."""


def _outputs(catalog: Catalog) -> dict[str, str]:
    """Every file a build of the catalog writes, as text; every record has a history date, so the feed lists all."""
    build.forget_caches()
    changed = {doc.source: "2026-01-02" for doc in catalog.documents.values()}
    site = link.link(catalog, changed, SITE_URL)
    files = pages.all_files(site)
    return {path: data.decode("utf-8") if isinstance(data, bytes) else data for path, data in files.items()}


def _words(text: str) -> str:
    """Text with markup, escaping and punctuation flattened, so a note is found however a format escapes it
    (HTML entities, JSON and CSV quoting)."""
    text = html.unescape(text.replace('\\"', '"'))
    return " " + re.sub(r"[\W_]+", " ", text).lower().strip() + " "


@dataclasses.dataclass(frozen=True)
class Fact:
    """A marked fact, its note, and the same catalog with only that fact changed."""

    what: str
    notes: tuple[str, ...]
    """The note's words (how the site reads it, whose words it is, the caveat): each must be shown."""
    change: Callable[[Catalog], Catalog]
    counts: frozenset[str] = frozenset()
    """Views where this change moves only numbers or search terms (see COUNTRY_COUNTS)."""


def _with_operation(catalog: Catalog, oid: str, **update: object) -> Catalog:
    op = catalog.operations[oid].model_copy(update=update)
    return dataclasses.replace(catalog, operations={**catalog.operations, oid: op})


# Roles that put a fact into other views (the lead column, JSON-LD): a changed role avoids them, so that
# the change shows where the fact is, rather than creating a new one.
_NOTABLE = {"lead", "coordinator", "location", "host"}


def _other_terms(terms: Vocabulary, current: str) -> list[object]:
    """The role itself with another label (every view that prints the role changes), and, when there is one,
    another role of the same class (taking part or not), which also changes the views that list by role
    (the lead column, the feed, the CSV role column)."""
    relabelled = str.__new__(Term, current)
    relabelled.__dict__.update(terms[current].__dict__)
    relabelled.label = f"{relabelled.label} (changed)"
    same_class = [
        term
        for key, term in terms.items()
        if key != current and key not in _NOTABLE and (key in NO_PART_ROLES) == (current in NO_PART_ROLES)
    ]
    return [relabelled, *same_class[:1]]


def _notes(basis: Basis) -> tuple[str, ...]:
    return tuple(n for n in (basis.inferred, basis.attributed_to, basis.caveat) if n)


def _moved(text: str) -> str | None:
    """The same date moved a little, at the same precision and year (so the order of records does not change)."""
    d = dates.parse(text)
    if d.year is None or d.month is None:
        return None
    if d.day is not None:
        return text[:-2] + (f"{d.day + 1:02d}" if d.day < 28 else f"{d.day - 1:02d}")
    return text[:-2] + (f"{d.month + 1:02d}" if d.month < 12 else f"{d.month - 1:02d}")


def marked_facts(catalog: Catalog) -> Iterator[Fact]:
    """Every marked role, lead, figure and date of the catalog's operations."""
    site = link.link(catalog)
    vocab = catalog.vocab
    for oid, op in catalog.operations.items():
        for i, part in enumerate(op.agencies):
            for other in _other_terms(vocab.agency_roles, part.role) if Basis.of(part) else []:
                parts = [*op.agencies[:i], part.model_copy(update={"role": other}), *op.agencies[i + 1 :]]
                yield Fact(f"{oid}: role of {part.agency}", _notes(Basis.of(part)), _bind(oid, "agencies", parts))
        for i, cpart in enumerate(op.countries):
            for other in _other_terms(vocab.country_roles, cpart.role) if Basis.of(cpart) else []:
                cparts = [*op.countries[:i], cpart.model_copy(update={"role": other}), *op.countries[i + 1 :]]
                counts = COUNTRY_COUNTS if (other in NO_PART_ROLES) != (cpart.role in NO_PART_ROLES) else frozenset()
                yield Fact(f"{oid}: role of {cpart.country}", _notes(Basis.of(cpart)), _bind(oid, "countries", cparts), counts)
        for i, o in enumerate(op.outcomes):
            basis = Basis.of(o, site.thin.get(oid))
            if basis:
                update = {"value": o.value + 1} if o.value is not None else {"as_reported": f"{o.as_reported} or so"}
                outcomes = [*op.outcomes[:i], o.model_copy(update=update), *op.outcomes[i + 1 :]]
                yield Fact(f"{oid}: figure {o.metric}", _notes(basis), _bind(oid, "outcomes", outcomes))
        for name in ("period", "reporting_period", "announced"):
            span = getattr(op, name)
            if span is None or not span.inferred:
                continue
            for end in ("start", "end", "date"):
                value = getattr(span, end, None)
                moved = _moved(value) if value else None
                if moved:
                    yield Fact(f"{oid}: {name}.{end}", (span.inferred,), _bind(oid, name, span.model_copy(update={end: moved})))
        for i, ph in enumerate(op.phases):
            for end in ("start", "end") if ph.inferred else ():
                value = getattr(ph, end)
                moved = _moved(value) if value else None
                if moved and ph.inferred:
                    phases = [*op.phases[:i], ph.model_copy(update={end: moved}), *op.phases[i + 1 :]]
                    yield Fact(f"{oid}: phase {ph.id}.{end}", (ph.inferred,), _bind(oid, "phases", phases))
        for i, event in enumerate(op.events):
            moved = _moved(event.date) if event.date and event.inferred else None
            if moved and event.inferred:
                events = [*op.events[:i], event.model_copy(update={"date": moved}), *op.events[i + 1 :]]
                yield Fact(f"{oid}: event {i} date", (event.inferred,), _bind(oid, "events", events))


def _bind(oid: str, field: str, value: object) -> Callable[[Catalog], Catalog]:
    return lambda catalog: _with_operation(catalog, oid, **{field: value})


@pytest.mark.parametrize("case", sorted(CASES))
def test_every_output_that_shows_a_marked_fact_shows_its_note(case: str) -> None:
    catalog = checker.check(CASES[case])
    facts = list(marked_facts(catalog))
    kinds = {fact.what.split(": ")[1].split(" ")[0] for fact in facts}
    # The fixtures hold every kind of marked fact, so that the scan covers each.
    dated = any(k in ("announced.date", "event", "phase") or "period" in k for k in kinds)
    assert {"role", "figure"} <= kinds and (dated or case not in GOLDEN_CASES), kinds
    base = _outputs(catalog)
    flat = {path: _words(text) for path, text in base.items()}
    problems = []
    for fact in facts:
        changed = _outputs(fact.change(catalog))
        showing = sorted(
            path
            for path in base
            if changed.get(path) != base[path]
            and path not in COUNTS_ONLY
            and not (fact.counts and (path in fact.counts or path.startswith("search-index/")))
        )
        assert showing, f"{fact.what}: no output shows it"
        for note in map(_words, fact.notes):
            problems += [
                f"{path} shows {fact.what} without its note: {note.strip()!r}"
                for path in showing
                if note not in flat[path] and note not in _words(changed.get(path, ""))
            ]
    assert not problems, "\n".join(problems)


def _jsonld(text: str) -> dict:
    front = yaml.safe_load(text.split("---\n")[1])
    return json.loads(front["jsonld"])["about"]


def test_jsonld_states_places_of_action_and_leads_in_the_sources_own_voice_only() -> None:
    files = _outputs(checker.check(CASES["seeds"]))

    def about(oid: str) -> dict:
        return _jsonld(files[f"operations/{oid}.md"])

    def names(entries: list[dict]) -> list[str]:
        return [e["name"] for e in entries]

    # The UK only supported Kenya's unit; Germany took part in the Boystown detentions, placed in Paraguay.
    assert names(about("kenya-child-protection-unit-launch")["location"]) == ["Kenya"]
    assert names(about("boystown-takedown-2021")["location"]) == ["Paraguay"]
    assert names(about("operation-epervier")["location"]) == ["Chad", "Mali", "Mauritania", "Niger", "Senegal"]
    # The ISA's countries took part; none is given as the place of action, and its lead is the AFP's words.
    isa = about("isa-first-joint-operation")
    assert "location" not in isa and "organizer" not in isa
    # The extension's year is the site's reading: no date for it.
    assert [sorted(sub) for sub in isa["subEvent"]] == [["@type", "endDate", "name", "startDate"], ["@type", "name"]]
    # The THB unit's coordinating role is the site's reading: INTERPOL alone organises Epervier.
    assert names(about("operation-epervier")["organizer"]) == ["INTERPOL"]


def test_records_with_no_year_are_listed_apart_never_among_dated_ones() -> None:
    catalog = checker.check(CASES["mini"])
    files = _outputs(catalog)
    site = link.link(catalog)
    no_year = [oid for oid in site.op_order if not site.year_stated(oid)]
    assert "op-two" in no_year and "op-one" not in no_year
    home = files["index.md"]
    latest = home.split('<ul class="ow-latest">')[1].split("</ul>")[0]
    assert "op-two.html" not in latest and "op-one.html" in latest
    assert "Year not stated" in home.split("</ul>", 1)[1].split("op-two.html")[0].rsplit("<p>", 1)[1]
    index = files["operations/index.md"]
    dated_table, rest = index.split("## Year not stated")
    assert "op-one.html" in dated_table and "op-two.html" not in dated_table and "op-two.html" in rest
    # An agency's table puts them after a row saying so.
    agency = files["agencies/alpha-police.md"]
    assert agency.index("op-one.html") < agency.index("Year not stated") < agency.index("op-two.html")


def test_a_total_fed_by_an_unidentifiable_record_says_so_and_names_its_records() -> None:
    catalog = checker.check(CASES["mini"])
    site = link.link(catalog)
    assert list(site.thin) == ["op-three"]
    home = _outputs(catalog)["index.md"]
    row = next(line for line in home.splitlines() if "measures-arrests" in line)
    assert "cannot be identified" in row
    for oid in ("op-one", "op-two", "op-three"):
        assert f"operations/{oid}.html" in row
    op_page = _outputs(catalog)["operations/op-three.md"]
    assert "cannot be identified" in op_page


def test_basis_words_name_the_reading_and_the_speaker() -> None:
    assert not Basis(("s",))
    assert Basis(inferred="from the name").words() == "site's reading: from the name"
    both = Basis(inferred="x", attributed_to="the AFP")
    assert both.mark == "site's reading; according to the AFP" and not both.stated
    assert Basis(caveat="no country").mark == "read with care" and Basis(caveat="no country").stated


def test_seed_records_mark_what_the_review_found_unmarked() -> None:
    """The seeds fixture is a copy of the shipped seed records: the review's roles and figures carry their basis."""
    catalog = checker.check(CASES["seeds"])
    ops = catalog.operations

    def part(oid: str, agency: str) -> Basis:
        return Basis.of(next(p for p in ops[oid].agencies if p.agency == agency))

    assert part("interpol-specialists-group-cac-meeting", "interpol-specialists-group-cac").inferred
    assert part("interpol-specialists-group-cac-meeting", "interpol-crimes-against-children").inferred
    assert part("operation-epervier", "interpol-thb-unit").inferred
    assert part("isa-first-joint-operation", "italian-interior-ministry").inferred
    assert "Australian Federal Police" in (part("isa-first-joint-operation", "uae-ministry-of-interior").attributed_to or "")
    investigations = next(o for o in ops["operation-epervier"].outcomes if o.metric == "investigations-opened")
    assert "Yoro Traore" in (investigations.attributed_to or "")
    assert all(o.inferred for o in ops["nccia-muzaffargarh-case"].outcomes if o.metric in ("convictions", "cases-filed"))
    reporting = ops["isa-first-joint-operation"].reporting_period
    assert reporting is not None and reporting.inferred


@pytest.fixture(autouse=True)
def _fresh_caches() -> Iterator[None]:
    yield
    build.forget_caches()


def test_a_timeline_shows_each_date_once_and_a_stated_date_without_an_inference() -> None:
    """The ISA's window, phases and events share four dates: one step each; 1 January 2020 is stated."""
    site = link.link(checker.check(CASES["seeds"]))
    steps = site.timelines["isa-first-joint-operation"]
    dated = [e.date for e in steps if e.date is not None]
    assert len(dated) == len(set(dated)) == 4
    first = next(e for e in steps if e.date is not None and e.date.text == "2020-01-01")
    assert first.inferred is None and "phase: Initial period" in first.text
    last = next(e for e in steps if e.date is not None and e.date.text == "2020-09")
    assert last.inferred and "no year for the extension" in last.inferred
    # A meeting's dates are the meeting's, not "the action".
    meeting = site.timelines["interpol-specialists-group-cac-meeting"]
    assert [e.text for e in meeting if e.date is not None] == ["Start of the meeting", "End of the meeting"]


def test_headings_do_not_turn_a_place_of_action_into_taking_part() -> None:
    files = _outputs(checker.check(CASES["seeds"]))
    mali = files["countries/ml.md"]  # Epervier took place in Mali; the report says nothing of its authorities
    assert "## Operations Mali took part in or that took place there" in mali
    assert "## Figures reported by operations that list Mali" in mali
    assert "## Countries in the operations" in files["index.md"]
    assert "## Named in the same operations" in files["agencies/interpol.md"]


def test_rows_that_overlap_say_so_and_the_report_keeps_its_own_judgement() -> None:
    catalog = checker.check(CASES["seeds"])
    home = _outputs(catalog)["index.md"]
    children = next(line for line in home.splitlines() if "measures-minors-rescued" in line)
    # Epervier's 236 minors are inside its "nearly 500 victims rescued" too.
    assert "Also counted in another row" in children and "236 children rescued, part of nearly 500 victims rescued" in children
    # "Could serve as a model" is the report's aside, not the experts' view (review H3).
    texts = [
        catalog.operations["kenya-child-protection-unit-launch"].summary,
        catalog.agencies["kenya-child-protection-unit"].summary,
    ]
    texts += [e.text for e in catalog.operations["interpol-specialists-group-cac-meeting"].events]
    assert not [t for t in texts if re.search(r"discussed (it )?as a possible model", " ".join(t.split()))]
    assert all("report calls" in " ".join(t.split()) for t in texts if "model" in t)
