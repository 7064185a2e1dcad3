"""Link: resolve references, derive reverse links, timelines and totals.

Links are declared once, on the operation (its agencies, countries, related
operations, sources); everything here is derived from those declarations, so
agency, country and source pages can never disagree with the operations.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from . import countries, dates, models, rules
from .countries import Country
from .figures import Figure, Sum, total
from .outcomes import counted_whole, figure_of, scope_words
from .validate import Catalog
from .vocab import Term


@dataclass(frozen=True)
class Entry:
    """One line of a timeline."""

    date: dates.Date | None
    text: str
    operation: str
    sources: tuple[str, ...]
    inferred: str | None = None
    """How the date was worked out, when the source does not state it."""


@dataclass(frozen=True)
class Total:
    """A per-measure total over some operations, with what it includes only in part and what it leaves out."""

    metric: Term
    sum: Sum
    operations: tuple[str, ...]
    partial: tuple[tuple[str, str], ...] = ()
    """(operation id, words) of counted figures that cover only part of their operation."""
    left_out: tuple[tuple[str, str], ...] = ()
    """(operation id, words and reason) of figures of this measure that are not counted."""


@dataclass
class Site:
    """The complete, linked set of records that every page is rendered from."""

    catalog: Catalog
    countries: dict[str, Country] = field(default_factory=dict)
    ops_by_agency: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    ops_by_country: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    agencies_by_country: dict[str, list[str]] = field(default_factory=dict)
    units: dict[str, list[str]] = field(default_factory=dict)
    partners: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    related: dict[str, list[str]] = field(default_factory=dict)
    cited_by: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    op_date: dict[str, dates.Date | None] = field(default_factory=dict)
    op_order: list[str] = field(default_factory=list)
    timelines: dict[str, list[Entry]] = field(default_factory=dict)
    totals: list[Total] = field(default_factory=list)
    country_totals: dict[str, list[Total]] = field(default_factory=dict)
    not_totalled: list[tuple[Term, tuple[str, ...]]] = field(default_factory=list)
    last_changed: dict[str, str] = field(default_factory=dict)
    site_url: str = ""

    def timeline_of(self, op_ids: list[str]) -> list[Entry]:
        """The timelines of several operations merged: dated entries in order, then undated ones."""
        entries = [e for oid in op_ids for e in self.timelines.get(oid, [])]
        return sorted(entries, key=_entry_order)

    def operation_entries(self, pairs: list[tuple[str, str]]) -> list[Entry]:
        """One timeline entry per operation (its latest known date and the role held), oldest first."""
        entries = [Entry(self.op_date[oid], f"role: {getattr(role, 'label', role).lower()}", oid, ()) for oid, role in pairs]
        return sorted(entries, key=_entry_order)

    def by_year(self, entries: list[Entry]) -> tuple[list[tuple[int, list[Entry]]], list[Entry]]:
        """Entries grouped by known year (in order), and the entries whose year is not stated."""
        years: dict[int, list[Entry]] = defaultdict(list)
        unknown: list[Entry] = []
        for entry in entries:
            if entry.date is not None and entry.date.year is not None:
                years[entry.date.year].append(entry)
            else:
                unknown.append(entry)
        return sorted(years.items()), unknown


def key_date(op: models.Operation) -> dates.Date | None:
    """The latest dated thing about an operation, used to order operations."""
    candidates = [op.announced.date if op.announced else None]
    for span in (op.period, op.reporting_period):
        if span:
            candidates += [span.start, span.end]
    candidates += [event.date for event in op.events]
    parsed = [dates.parse(d) for d in candidates if d]
    known = [d for d in parsed if d.year is not None]
    return max(known) if known else (max(parsed) if parsed else None)


def timeline(oid: str, op: models.Operation) -> list[Entry]:
    """An operation's own timeline: its windows, phases, announcement and events, in date order."""
    entries: list[Entry] = []
    # (span, what it is called in "Start of ...", what it is called on its own)
    spans: list[tuple[models.Period | models.Phase | None, str, str]] = [
        (op.period, "the action", "Action"),
        (op.reporting_period, "the reporting window", "Reporting window"),
    ]
    spans += [(phase, f"phase: {phase.name}", f"Phase: {phase.name}") for phase in op.phases]
    for span, label, alone in spans:
        if span is None:
            continue
        if span.start and span.start == span.end:
            # One date for the whole span ("in 2021"): one step, not a start and an end.
            text = f"{alone} (one date for all of it)"
            entries.append(Entry(dates.parse(span.start), text, oid, tuple(span.sources), span.inferred))
            continue
        if span.start:
            text = f"Start of {label}" + (f" (lasting {span.duration}; end not stated)" if span.duration else "")
            entries.append(Entry(dates.parse(span.start), text, oid, tuple(span.sources), span.inferred))
        if span.end:
            entries.append(Entry(dates.parse(span.end), f"End of {label}", oid, tuple(span.sources), span.inferred))
    if op.announced:
        a = op.announced
        entries.append(Entry(dates.parse(a.date), "Results announced", oid, tuple(a.sources), a.inferred))
    for event in op.events:
        date = dates.parse(event.date) if event.date else None
        entries.append(Entry(date, event.text, oid, tuple(event.sources), event.inferred))
    return sorted(entries, key=_entry_order)


def _entry_order(entry: Entry) -> tuple[bool, tuple[int, int, int]]:
    # Undated steps keep their written order (sorted() is stable), after the dated ones.
    return (entry.date is None, entry.date.sort_key if entry.date else (0, 0, 0))


def _totals(site: Site, op_ids: list[str], country: str | None = None) -> list[Total]:
    """Per-measure totals; for a country page, figures scoped to another country are left out."""
    by_metric: dict[str, list[tuple[str, Figure]]] = defaultdict(list)
    partial: dict[str, list[tuple[str, str]]] = defaultdict(list)
    left_out: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for oid in op_ids:
        op = site.catalog.operations[oid]
        for outcome in op.outcomes:
            if not outcome.metric.totals:
                continue
            words = f"{figure_of(outcome).words()} {outcome.metric.label}"
            whole = counted_whole(op, outcome)
            if whole is not None:
                left_out[outcome.metric].append((oid, f"{words}, part of {figure_of(whole).words()} already counted"))
                continue
            if country and outcome.country and outcome.country != country:
                left_out[outcome.metric].append((oid, f"{words}, {scope_words(site, op, outcome)}"))
                continue
            by_metric[outcome.metric].append((oid, figure_of(outcome)))
            if outcome.country or outcome.phase or outcome.scope:
                partial[outcome.metric].append((oid, f"{words}, {scope_words(site, op, outcome)}"))
    out = []
    for metric in site.catalog.vocab.measures.values():  # vocabulary order: stable and meaningful
        if metric not in by_metric:
            continue
        parts = by_metric[metric]
        operations = tuple(dict.fromkeys(oid for oid, _ in parts))
        out.append(Total(metric, total(f for _, f in parts), operations, tuple(partial[metric]), tuple(left_out[metric])))
    return out


def not_totalled(site: Site, op_ids: list[str]) -> list[tuple[Term, tuple[str, ...]]]:
    """Measures reported by these operations whose figures are never added up, with the operations."""
    found: dict[str, list[str]] = defaultdict(list)
    for oid in op_ids:
        for outcome in site.catalog.operations[oid].outcomes:
            if not outcome.metric.totals:
                found[outcome.metric].append(oid)
    return [(m, tuple(dict.fromkeys(found[m]))) for m in site.catalog.vocab.measures.values() if m in found]


def link(catalog: Catalog, last_changed: dict[str, str] | None = None, site_url: str = "") -> Site:
    """Derive everything the pages show from a valid catalog."""
    site = Site(catalog=catalog, last_changed=dict(last_changed or {}), site_url=site_url)
    ops = catalog.operations

    site.op_date = {oid: key_date(op) for oid, op in ops.items()}

    # Newest first among operations with a known year; then those whose sources give a day or
    # month but no year (they cannot be placed in time); then those with no date at all.
    known = {o: d for o, d in site.op_date.items() if d is not None and d.year is not None}
    dated = sorted(known, key=lambda o: (known[o].sort_key, o), reverse=True)
    partial = sorted((o for o in ops if site.op_date[o] and o not in known), key=lambda o: ops[o].name.lower())
    undated = sorted((o for o in ops if not site.op_date[o]), key=lambda o: ops[o].name.lower())
    site.op_order = dated + partial + undated
    rank = {oid: i for i, oid in enumerate(site.op_order)}

    codes: set[str] = set(catalog.countries)
    by_agency: dict[str, list[tuple[str, str]]] = defaultdict(list)
    by_country: dict[str, list[tuple[str, str]]] = defaultdict(list)
    related: dict[str, set[str]] = defaultdict(set)
    shared: dict[str, Counter[str]] = defaultdict(Counter)
    for oid, op in ops.items():
        for part in op.agencies:
            by_agency[part.agency].append((oid, part.role))
        for country_part in op.countries:
            by_country[country_part.country].append((oid, country_part.role))
            codes.add(country_part.country)
        codes.update(place.country for place in op.places if place.country)
        codes.update(code for phase in op.phases for code in phase.countries)
        codes.update(o.country for o in op.outcomes if o.country)
        for other in op.related:
            related[oid].add(other)
            related[other].add(oid)
        names = sorted({part.agency for part in op.agencies})
        for a in names:
            shared[a].update(b for b in names if b != a)
        site.timelines[oid] = timeline(oid, op)

    def newest_first(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
        return sorted(pairs, key=lambda pair: (rank[pair[0]], pair[1]))

    site.ops_by_agency = {a: newest_first(v) for a, v in sorted(by_agency.items())}
    site.ops_by_country = {c: newest_first(v) for c, v in sorted(by_country.items())}
    site.related = {oid: sorted(v, key=rank.__getitem__) for oid, v in sorted(related.items())}
    site.partners = {a: sorted(c.items(), key=lambda kv: (-kv[1], kv[0])) for a, c in sorted(shared.items())}

    agencies_by_country: dict[str, list[str]] = defaultdict(list)
    units: dict[str, list[str]] = defaultdict(list)
    for aid, agency in sorted(catalog.agencies.items()):
        if agency.country:
            agencies_by_country[agency.country].append(aid)
            codes.add(agency.country)
        if agency.parent:
            units[agency.parent].append(aid)
    site.agencies_by_country = dict(agencies_by_country)
    site.units = dict(units)
    site.countries = {code: country for code in sorted(codes) if (country := countries.get(code))}

    cited: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for (kind, rid), doc in catalog.documents.items():
        if rid not in catalog.table(kind):
            continue
        for source_kind, pattern, target_kind in rules.REFERENCES:
            if source_kind == kind and target_kind == "sources":
                for _, source in rules.walk(doc.data, pattern):
                    cited[str(source)].add((kind, rid))
    site.cited_by = {s: sorted(v) for s, v in sorted(cited.items())}

    site.totals = _totals(site, site.op_order)
    site.country_totals = {code: _totals(site, [oid for oid, _ in pairs], code) for code, pairs in site.ops_by_country.items()}
    site.not_totalled = not_totalled(site, site.op_order)
    return site
