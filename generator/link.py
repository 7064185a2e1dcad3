"""Link: derive the linked site (site.py) from the validated records, in small named steps.

Links are declared once, on the records (an operation names its agencies, countries,
related operations and sources; an agency its parent), and references once, on the model
fields (fieldtypes.RefTo); everything here is derived from those declarations, so agency,
country and source pages can never disagree with the operations. Only validated records
are read, never the raw YAML.
"""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from . import countries, dates, models
from .countries import Country
from .figures import Figure, total
from .kinds import AGENCIES, COUNTRIES, KINDS, SOURCES
from .outcomes import NO_PART_ROLES, counted_whole, figure_of, figure_phrase, scope_words, source_says, wholes
from .refs import RecordKey, references
from .site import STATED, Basis, Citation, Entry, Lead, Note, NotTotalled, Partner, Role, Site, Total, entry_order
from .validate import Catalog
from .vocab import Term

__all__ = ["Entry", "Site", "Total", "key_date", "link", "timeline"]


def link(catalog: Catalog, last_changed: dict[str, str] | None = None, site_url: str = "") -> Site:
    """Derive everything the pages show from a valid catalog."""
    site = Site(catalog=catalog, last_changed=dict(last_changed or {}), site_url=site_url)
    ops = catalog.operations
    site.op_date, site.op_order = order(ops)
    site.op_date_basis = {oid: basis for oid, op in ops.items() if (basis := key_date_basis(op))}
    rank = {oid: i for i, oid in enumerate(site.op_order)}
    site.ops_by_agency, site.ops_by_country, site.hosted_by_country = participants(ops, rank)
    site.leads = {oid: leads(op) for oid, op in ops.items()}
    site.thin = {oid: THIN for oid, op in ops.items() if unidentified(op)}
    site.related = related(ops, rank)
    site.editions = editions(ops, site.op_date)
    site.partners, site.partners_more = partners(ops)
    site.timelines = {oid: timeline(oid, op) for oid, op in ops.items()}
    site.agencies_by_country, site.units = organisation(catalog.agencies)
    site.countries = named_countries(catalog)
    site.references = record_references(catalog)
    site.cited_by = cited_by(site.references)
    counted = {oid: counted_figures(site, oid) for oid in site.op_order}
    site.totals = totals(site, counted, site.op_order)
    site.country_totals = {
        code: totals(site, counted, [r.operation for r in roles], code) for code, roles in site.ops_by_country.items()
    }
    site.not_totalled = not_totalled(site, site.op_order)
    site.country_figures = figures_by_country(ops, site.op_order)
    return site


def order(ops: Mapping[str, models.Operation]) -> tuple[dict[str, dates.Date | None], list[str]]:
    """Each operation's latest known date, and every operation newest first: those with a known
    year; then those whose sources give a day or month but no year (they cannot be placed in
    time), by name; then those with no date at all, by name."""
    op_date = {oid: key_date(op) for oid, op in ops.items()}
    known = {o: d for o, d in op_date.items() if d is not None and d.year is not None}
    dated = sorted(known, key=lambda o: (known[o].sort_key, o), reverse=True)
    partial = sorted((o for o in ops if op_date[o] and o not in known), key=lambda o: ops[o].name.lower())
    undated = sorted((o for o in ops if not op_date[o]), key=lambda o: ops[o].name.lower())
    return op_date, dated + partial + undated


def _dated(op: models.Operation) -> list[tuple[dates.Date, Basis]]:
    """Every date an operation's record gives for the operation as a whole, with what it rests on."""
    found: list[tuple[str | None, object]] = [(op.announced.date if op.announced else None, op.announced)]
    for span in (op.period, op.reporting_period):
        if span:
            found += [(span.start, span), (span.end, span)]
    found += [(event.date, event) for event in op.events]
    return [(dates.parse(d), Basis.of(part)) for d, part in found if d]


def _latest(op: models.Operation) -> tuple[dates.Date, Basis] | None:
    # A date the sources state wins over an inferred one of the same day.
    dated = _dated(op)
    known = [pair for pair in dated if pair[0].year is not None]
    pool = known or dated
    return max(pool, key=lambda pair: (pair[0], not pair[1].inferred)) if pool else None


def key_date(op: models.Operation) -> dates.Date | None:
    """The latest dated thing about an operation, used to order operations."""
    latest = _latest(op)
    return latest[0] if latest else None


def key_date_basis(op: models.Operation) -> Basis | None:
    """What the operation's latest date rests on, when the site inferred it (else None)."""
    latest = _latest(op)
    return Basis(latest[1].sources, latest[1].inferred) if latest and latest[1].inferred else None


THIN = "its only report names no country, agency, date or place, so the operation cannot be identified"
"""The warning shown wherever a figure of an unidentifiable operation is counted."""


def unidentified(op: models.Operation) -> bool:
    """Whether the record names no country, agency, place or date: what it reports cannot be checked or placed."""
    dated = bool(_dated(op)) or any(ph.start or ph.end for ph in op.phases)
    placed = op.countries or op.places or any(ph.countries for ph in op.phases) or any(o.country for o in op.outcomes)
    return not (placed or op.agencies or dated)


def leads(op: models.Operation) -> list[Lead]:
    """The leads the record names (role lead), agencies then countries, each with what it rests on."""
    return [Lead(AGENCIES, p.agency, Basis.of(p)) for p in op.agencies if p.role == "lead"] + [
        Lead(COUNTRIES, p.country, Basis.of(p)) for p in op.countries if p.role == "lead"
    ]


def participants(
    ops: Mapping[str, models.Operation], rank: Mapping[str, int]
) -> tuple[dict[str, list[Role]], dict[str, list[Role]], dict[str, list[Role]]]:
    """The operations naming each agency, those each country took part in, and those each country only
    hosted or supported, with the role held, newest first."""
    by_agency: dict[str, list[Role]] = defaultdict(list)
    by_country: dict[str, list[Role]] = defaultdict(list)
    hosted: dict[str, list[Role]] = defaultdict(list)
    for oid, op in ops.items():
        for part in op.agencies:
            by_agency[part.agency].append(Role(oid, part.role, Basis.of(part)))
        for country_part in op.countries:
            table = hosted if country_part.role in NO_PART_ROLES else by_country
            table[country_part.country].append(Role(oid, country_part.role, Basis.of(country_part)))

    def newest_first(roles: list[Role]) -> list[Role]:
        return sorted(roles, key=lambda r: (rank[r.operation], r.role))

    return (
        {a: newest_first(v) for a, v in sorted(by_agency.items())},
        {c: newest_first(v) for c, v in sorted(by_country.items())},
        {c: newest_first(v) for c, v in sorted(hosted.items())},
    )


def figures_by_country(ops: Mapping[str, models.Operation], order: list[str]) -> dict[str, list[tuple[str, models.Outcome]]]:
    """The figures the sources give for one country alone (``country:``), by country, newest operation first:
    that country's own figures, whether or not the operation lists the country."""
    found: dict[str, list[tuple[str, models.Outcome]]] = defaultdict(list)
    for oid in order:
        for outcome in ops[oid].outcomes:
            if outcome.country:
                found[outcome.country].append((oid, outcome))
    return dict(sorted(found.items()))


def related(ops: Mapping[str, models.Operation], rank: Mapping[str, int]) -> dict[str, list[str]]:
    """Related operations in both directions (declared on either one), newest first."""
    found: dict[str, set[str]] = defaultdict(set)
    for oid, op in ops.items():
        for other in op.related:
            found[oid].add(other)
            found[other].add(oid)
    return {oid: sorted(v, key=rank.__getitem__) for oid, v in sorted(found.items())}


def editions(ops: Mapping[str, models.Operation], op_date: Mapping[str, dates.Date | None]) -> dict[str, list[str]]:
    """The editions of each series (derived from the operations' ``series``), in order: by date when
    every edition has a known year (editions named "II" and "2019" in one series order by time), else
    by the edition's number when every edition is numbered (9, V, 2024), else by date, undated last."""
    found: dict[str, list[str]] = defaultdict(list)
    for oid, op in ops.items():
        if op.series is not None:
            found[op.series].append(oid)

    def by_date(oid: str) -> tuple[bool, tuple[int, int, int], int, str]:
        date = op_date[oid]
        return (date is None, date.sort_key if date else (0, 0, 0), edition_number(ops[oid].edition) or 0, oid)

    out = {}
    for sid, members in sorted(found.items()):
        numbers = {oid: edition_number(ops[oid].edition) for oid in members}
        dated = all((d := op_date[oid]) is not None and d.year is not None for oid in members)
        if not dated and all(n is not None for n in numbers.values()):
            out[sid] = sorted(members, key=lambda oid: (numbers[oid], by_date(oid)))
        else:
            out[sid] = sorted(members, key=by_date)
    return out


_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


def edition_number(edition: str | None) -> int | None:
    """The number in an edition's name, for ordering: "9" → 9, "V" → 5, "2024" → 2024; None otherwise."""
    if edition is None:
        return None
    text = edition.strip().lower()
    if text.isdigit():
        return int(text)
    if text and all(ch in _ROMAN for ch in text):
        values = [_ROMAN[ch] for ch in text]
        return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))
    return None


PARTNERS_SHOWN = 30
"""Partners listed on an agency's page, most shared operations first; a line says how many more there are."""
PARTNERS_FROM = 100
"""Operations naming more agencies than this (world-wide ones) make no one a partner: each of their n
agencies would list the n - 1 others, n² lines and pairs from one record of n lines."""


def partners(ops: Mapping[str, models.Operation]) -> tuple[dict[str, list[Partner]], dict[str, int]]:
    """For each agency, the agencies named in the same operations, most shared operations first (at most
    PARTNERS_SHOWN), and how many more there are. Costs at most PARTNERS_FROM pairs per agency named."""
    shared: dict[str, Counter[str]] = defaultdict(Counter)
    for op in ops.values():
        names = sorted({part.agency for part in op.agencies})
        if len(names) > PARTNERS_FROM:
            continue
        for a in names:
            shared[a].update(b for b in names if b != a)
    shown: dict[str, list[Partner]] = {}
    more: dict[str, int] = {}
    for a, c in sorted(shared.items()):
        ranked = heapq.nsmallest(PARTNERS_SHOWN, c.items(), key=lambda kv: (-kv[1], kv[0]))
        shown[a] = [Partner(b, n) for b, n in ranked]
        if len(c) > len(ranked):
            more[a] = len(c) - len(ranked)
    return shown, more


def organisation(agencies: Mapping[str, models.Agency]) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """The agencies based in each country, and the units of each agency, by id."""
    by_country: dict[str, list[str]] = defaultdict(list)
    units: dict[str, list[str]] = defaultdict(list)
    for aid, agency in sorted(agencies.items()):
        if agency.country:
            by_country[agency.country].append(aid)
        if agency.parent:
            units[agency.parent].append(aid)
    return dict(by_country), dict(units)


def named_countries(catalog: Catalog) -> dict[str, Country]:
    """Every country a record names (country notes, taking part, places, phases, figures, agencies' bases)."""
    codes: set[str] = set(catalog.countries)
    for op in catalog.operations.values():
        codes.update(part.country for part in op.countries)
        codes.update(place.country for place in op.places if place.country)
        codes.update(code for phase in op.phases for code in phase.countries)
        codes.update(o.country for o in op.outcomes if o.country)
    codes.update(agency.country for agency in catalog.agencies.values() if agency.country)
    codes.update(o.country for agency in catalog.agencies.values() for o in agency.outcomes if o.country)
    codes.update(o.country for series in catalog.series.values() for o in series.outcomes if o.country)
    return {code: country for code in sorted(codes) if (country := countries.get(code))}


def record_references(catalog: Catalog) -> dict[RecordKey, tuple[RecordKey, ...]]:
    """The records each valid record names, in field order, without repeats."""
    return {
        (kind, rid): tuple(dict.fromkeys(references(record)))
        for kind in KINDS.values()
        for rid, record in catalog.table(kind).items()
    }


def cited_by(refs: Mapping[RecordKey, Iterable[RecordKey]]) -> dict[str, list[Citation]]:
    """The records citing each source, in kind then id order."""
    cited: dict[str, set[Citation]] = defaultdict(set)
    for (kind, rid), named in refs.items():
        for target, tid in named:
            if target == SOURCES:
                cited[tid].add(Citation(KINDS[kind], rid))
    return {s: sorted(v) for s, v in sorted(cited.items())}


def timeline(oid: str, op: models.Operation) -> list[Entry]:
    """An operation's own timeline: its windows, phases, announcement and events, in date order."""
    entries: list[Entry] = []
    # (span, what it is called in "Start of ...", what it is called on its own)
    # Named by what the record describes ("the meeting", "the takedown"), not always "the action".
    what = f"the {op.kind.label.lower()}"
    spans: list[tuple[models.Period | models.Phase | None, str, str]] = [
        (op.period, what, f"Date of {what}"),
        (op.reporting_period, "the period the figures cover", "Period the figures cover"),
    ]
    spans += [(phase, f"phase: {phase.name}", f"Phase: {phase.name}") for phase in op.phases]
    for span, label, alone in spans:
        if span is None:
            continue
        if span.start and span.start == span.end:
            # One date for the whole span ("in 2021"): one step, not a start and an end.
            text = f"{alone} (one date given for the whole of it)"
            entries.append(Entry(dates.parse(span.start), text, oid, tuple(span.sources), span.inferred))
            continue
        if span.start:
            text = f"Start of {label}" + (f" (lasting {span.duration}; end not stated)" if span.duration and not span.end else "")
            entries.append(Entry(dates.parse(span.start), text, oid, tuple(span.sources), span.inferred))
        if span.end:
            entries.append(Entry(dates.parse(span.end), f"End of {label}", oid, tuple(span.sources), span.inferred))
    if op.announced:
        a = op.announced
        entries.append(Entry(dates.parse(a.date), "Results announced", oid, tuple(a.sources), a.inferred))
    entries = _one_step_per_date(entries, {dates.parse(e.date) for e in op.events if e.date})
    for event in op.events:
        date = dates.parse(event.date) if event.date else None
        entries.append(Entry(date, event.text, oid, tuple(event.sources), event.inferred))
    return sorted(entries, key=entry_order)


def _one_step_per_date(entries: list[Entry], event_dates: set[dates.Date]) -> list[Entry]:
    """The windows' and phases' steps with one step per date: steps on the same date are joined
    ("Start of ...; start of phase: ..."), and a date an event of the record has is left to the
    event, which says what happened then (the same date twice reads as two things happening)."""
    by_date: dict[dates.Date, list[Entry]] = defaultdict(list)
    for e in entries:
        if e.date is not None and e.date not in event_dates:
            by_date[e.date].append(e)
    out = []
    for date, same in by_date.items():
        first = same[0]
        text = "; ".join(e.text[:1].lower() + e.text[1:] if i else e.text for i, e in enumerate(same))
        sources = tuple(dict.fromkeys(s for e in same for s in e.sources))
        # A date one of the steps states is stated, whatever another step infers of its own span.
        stated = any(not e.inferred for e in same)
        inferred = None if stated else "; ".join(dict.fromkeys(e.inferred for e in same if e.inferred))
        out.append(Entry(date, text, first.operation, sources, inferred))
    return out


@dataclass(frozen=True)
class Counted:
    """One figure of an operation as the totals see it, worded once for every total it appears in."""

    metric: Term
    figure: Figure
    country: str | None
    already: str | None
    """Why it is not added (it is part of a figure of the same measure that is, or a forecast), or None."""
    scoped: str | None
    """Its words and scope when it covers only part of the operation (a country, a phase, a scope)."""
    provisional: str | None = None
    """Its words when the source gives it as a tally so far: added, and the total says so."""
    basis: Basis = STATED
    """What it rests on; a marked figure is named beside every total that counts it."""
    words: str = ""
    within: str | None = None
    """When it is part of a counted figure of another measure: both, in words (the two rows overlap)."""


def counted_figures(site: Site, oid: str) -> list[Counted]:
    """The figures of an operation whose measure is added up, in record order."""
    op = site.catalog.operations[oid]
    out = []
    for outcome in op.outcomes:
        if not outcome.metric.totals:
            continue
        words = figure_phrase(outcome)
        whole = counted_whole(op, outcome)
        already = f"{words}, part of {figure_of(whole).words()} already counted" if whole is not None else None
        if outcome.status == "forecast":  # what was expected is never added to what was found
            said = f" (“{source_says(outcome)}”)" if source_says(outcome) else ""
            already = f"{words}, a forecast{said}, not a result"
        scoped = f"{words}, {scope_words(site, op, outcome)}" if outcome.country or outcome.phase or outcome.scope else None
        said = f" (“{source_says(outcome)}”)" if source_says(outcome) else ""
        provisional = f"{words}{said}" if outcome.status == "provisional" else None
        basis = Basis.of(outcome, site.thin.get(oid))
        other = next((w for w in wholes(op, outcome) if w.metric != outcome.metric and w.metric.totals), None)
        within = f"{words}, part of {figure_phrase(other)}" if other is not None else None
        out.append(
            Counted(outcome.metric, figure_of(outcome), outcome.country, already, scoped, provisional, basis, words, within)
        )
    return out


def totals(site: Site, counted: Mapping[str, list[Counted]], op_ids: list[str], country: str | None = None) -> list[Total]:
    """Per-measure totals; for a country page, figures scoped to another country are left out."""
    by_metric: dict[str, list[tuple[str, Figure]]] = defaultdict(list)
    partial: dict[str, list[Note]] = defaultdict(list)
    left_out: dict[str, list[Note]] = defaultdict(list)
    provisional: dict[str, list[Note]] = defaultdict(list)
    marked: dict[str, list[Note]] = defaultdict(list)
    overlaps: dict[str, list[Note]] = defaultdict(list)
    for oid in op_ids:
        for c in counted[oid]:
            if c.already is not None:
                left_out[c.metric].append(Note(oid, c.already))
                continue
            if country and c.country and c.country != country:
                left_out[c.metric].append(Note(oid, c.scoped or ""))
                continue
            by_metric[c.metric].append((oid, c.figure))
            if c.scoped is not None:
                partial[c.metric].append(Note(oid, c.scoped))
            if c.provisional is not None:
                provisional[c.metric].append(Note(oid, c.provisional))
            if c.basis:
                marked[c.metric].append(Note(oid, f"{c.words} ({c.basis.words()})"))
            if c.within is not None:
                overlaps[c.metric].append(Note(oid, c.within))
    out = []
    for metric in site.catalog.vocab.measures.values():  # vocabulary order: stable and meaningful
        if metric not in by_metric:
            continue
        parts = by_metric[metric]
        operations = tuple(dict.fromkeys(oid for oid, _ in parts))
        out.append(
            Total(
                metric,
                total(f for _, f in parts),
                operations,
                tuple(partial[metric]),
                tuple(left_out[metric]),
                tuple(provisional[metric]),
                tuple(marked[metric]),
                tuple(overlaps[metric]),
            )
        )
    return out


def not_totalled(site: Site, op_ids: list[str]) -> list[NotTotalled]:
    """Measures reported by these operations whose figures are never added up, with the operations."""
    found: dict[str, list[str]] = defaultdict(list)
    for oid in op_ids:
        for outcome in site.catalog.operations[oid].outcomes:
            if not outcome.metric.totals:
                found[outcome.metric].append(oid)
    return [NotTotalled(m, tuple(dict.fromkeys(found[m]))) for m in site.catalog.vocab.measures.values() if m in found]
