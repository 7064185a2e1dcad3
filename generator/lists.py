"""The pages of lists that grow with the catalogue, each split into parts (see paging.py):
the operations, agencies and sources indexes, the timeline (a year index, then each year),
and the operations of agencies and countries beyond the first part shown on their pages."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Sequence
from functools import partial
from typing import Any

from . import citations, paging
from .kinds import AGENCIES, COUNTRIES, OPERATIONS, SERIES, SOURCES, Kind
from .plan import Inputs, Page, first, keys
from .render import render_page
from .site import Entry, Role, Site


def _meta(site: Site, title: str, description: str) -> dict:
    from .pages import _meta as meta  # pages imports this module's builders at build time

    return meta(site, title, description, None)


def _title(title: str, n: int, total: int) -> str:
    return title if n == 1 else f"{title}, part {n} of {total}"


def _parts(
    site: Site,
    first: str,
    template: str,
    title: str,
    description: str,
    parts: Sequence[Sequence[Any]],
    labels: Sequence[str] | None,
    inputs: Callable[[Sequence[Any]], Inputs],
    extra: Callable[[Sequence[Any]], Hashable] = tuple,
    values: dict[str, Hashable] | None = None,
    count: int = 0,
    cites: Callable[[Sequence[Any]], Sequence[str]] | None = None,
) -> list[Page]:
    """One page per part; ``cites(part)`` gives the sources a part cites (citations.py). A part's extra holds which items it lists, in order (that depends on
    every record), its number, the parts' labels and ``count``, the number of records the list
    states it holds; its inputs, the records its rows show."""
    out = []
    values = values or {}
    shared = (len(parts), tuple(labels or ()), tuple(values.items()), count)
    for n, part in enumerate(parts, 1):
        path = paging.part_path(first, n)
        make = partial(_part, site, first, template, title, description, parts, labels, n, path, values, cites)
        out.append(Page(path, inputs(part), (n, shared, extra(part)), make))
    return out


def _part(
    site: Site,
    first: str,
    template: str,
    title: str,
    description: str,
    parts: Sequence[Sequence[Any]],
    labels: Sequence[str] | None,
    n: int,
    path: str,
    values: dict[str, Hashable],
    cites: Callable[[Sequence[Any]], Sequence[str]] | None,
) -> str:
    meta = _meta(site, _title(title, n, len(parts)), description)
    pager = paging.pager(first, n, len(parts), labels)
    part = parts[n - 1]
    sources = cites(part) if cites else ()
    return render_page(template, path, site, meta, sources, part=part, pager=pager, n=n, parts=len(parts), **values)


def operations_index(site: Site) -> list[Page]:
    """Rows show each operation with its lead agencies; the parts depend on every operation's date."""
    c = site.catalog
    parts = paging.chunks(site.op_order, paging.OPERATIONS)
    description = "Every operation, case, takedown and initiative in the catalogue, with dates, countries, lead agencies and headline figures."

    def inputs(part: Sequence[str]) -> Inputs:
        agencies = (p.agency for oid in part for p in c.operations[oid].agencies)
        return frozenset([*keys(OPERATIONS, part), *keys(AGENCIES, agencies)])

    return _parts(
        site,
        OPERATIONS.page("index"),
        "operations_index.md.j2",
        "Operations",
        description,
        parts,
        paging.ranges(parts),
        inputs,
        count=len(site.op_order),
    )


def series_index(site: Site) -> list[Page]:
    """Rows show each series with its editions; the parts depend on every series' name."""
    ordered = sorted(site.catalog.series, key=lambda sid: site.catalog.series[sid].name.lower())
    parts = paging.chunks(ordered, paging.OPERATIONS)
    description = "Every series of operations in the catalogue (operations that come back under one name), with its editions."

    def inputs(part: Sequence[str]) -> Inputs:
        editions = (oid for sid in part for oid in site.editions.get(sid, ()))
        return frozenset([*keys(SERIES, part), *keys(OPERATIONS, editions)])

    return _parts(
        site,
        SERIES.page("index"),
        "series_index.md.j2",
        "Series of operations",
        description,
        parts,
        paging.ranges(parts),
        inputs,
        count=len(ordered),
    )


def sources_index(site: Site) -> list[Page]:
    """Rows show each source and the records that cite it."""
    parts = paging.chunks(sorted(site.catalog.sources), paging.SOURCES)
    description = "The bibliography: every report the records cite, with links to the records that cite it."

    def inputs(part: Sequence[str]) -> Inputs:
        return frozenset([*keys(SOURCES, part), *(key for sid in part for key in site.cited_by.get(sid, ()))])

    labels = paging.ranges(parts)
    return _parts(
        site,
        SOURCES.page("index"),
        "sources_index.md.j2",
        "Sources",
        description,
        parts,
        labels,
        inputs,
        count=len(site.catalog.sources),
    )


def agencies_index(site: Site) -> list[Page]:
    """Names and bases of the agencies of a part, grouped by kind, with how many operations name each."""
    c = site.catalog
    by_kind: dict[str, list[str]] = defaultdict(list)
    for aid, agency in sorted(c.agencies.items(), key=lambda kv: kv[1].name.lower()):
        by_kind[agency.kind].append(aid)
    ordered = [(k, aid) for k in c.vocab.agency_kinds for aid in by_kind.get(k, [])]
    parts = []
    for chunk in paging.chunks(ordered, paging.AGENCIES):
        grouped: dict[str, list[str]] = defaultdict(list)
        for kind, aid in chunk:
            grouped[kind].append(aid)
        parts.append(list(grouped.items()))
    labels = paging.ranges(paging.chunks(ordered, paging.AGENCIES))
    description = (
        "Police forces, ministries, international organisations, units and NGOs named in the catalogue, grouped by kind."
    )

    def inputs(part: Sequence[tuple[str, list[str]]]) -> Inputs:
        return frozenset(keys(AGENCIES, (aid for _, ids in part for aid in ids)))

    def extra(part: Sequence[tuple[str, list[str]]]) -> Hashable:
        # The order and grouping, and the number of operations naming each agency.
        return tuple((kind, tuple((aid, len(site.ops_by_agency.get(aid, ()))) for aid in ids)) for kind, ids in part)

    return _parts(
        site,
        AGENCIES.page("index"),
        "agencies_index.md.j2",
        "Agencies and organisations",
        description,
        parts,
        labels,
        inputs,
        extra,
        count=len(c.agencies),
    )


def timeline(site: Site) -> list[Page]:
    """The year index (timeline.md: years and counts only) and one page per year (timeline/<year>.md),
    in parts; a part shows its steps' operations and the sources they cite."""
    years, unknown = site.by_year(site.timeline_of(site.op_order))
    sections = [(str(year), str(year), items) for year, items in years]
    if unknown:
        sections.append(("undated", "Year not stated", unknown))
    out: list[Page] = []
    index = []

    def inputs(part: Sequence[Entry]) -> Inputs:
        return frozenset([*keys(OPERATIONS, (e.operation for e in part)), *keys(SOURCES, (s for e in part for s in e.sources))])

    for i, (slug, label, items) in enumerate(sections):
        first = f"timeline/{slug}.md"
        parts = paging.chunks(items, paging.TIMELINE)
        index.append((f"timeline/{slug}.html", label, len(items)))
        values: dict[str, Hashable] = {
            "label": label,
            "previous": (f"{sections[i - 1][0]}.html", sections[i - 1][1]) if i > 0 else None,
            "following": (f"{sections[i + 1][0]}.html", sections[i + 1][1]) if i + 1 < len(sections) else None,
        }
        description = (
            f"Every dated step of the catalogue's records in {label}."
            if slug != "undated"
            else ("The steps whose sources give no year.")
        )
        out.extend(
            _parts(
                site,
                first,
                "timeline_year.md.j2",
                f"Timeline: {label}",
                description,
                parts,
                None,
                inputs,
                values=values,
                cites=citations.timeline,
            )
        )
    # The timeline page shows the timeline itself: the newest year's steps (its first part), with
    # the years as links above them; an index of links alone told a reader nothing.
    dated = [section for section in sections if section[0] != "undated"]
    slug, label, items = (dated or sections or [("", "", [])])[-1]
    shown = tuple(paging.chunks(items, paging.TIMELINE)[0]) if items else ()
    latest = (f"timeline/{slug}.html", label, len(items) > len(shown))
    make = partial(_timeline_index, site, index, latest, shown)
    out.append(Page("timeline.md", inputs(shown), (tuple(index), latest, shown), make))
    return out


def _timeline_index(site: Site, index: list[tuple[str, str, int]], latest: tuple[str, str, bool], shown: Sequence[Entry]) -> str:
    meta = _meta(
        site,
        "Timeline",
        "Every dated event and operation in the catalogue, by year, each dated at the precision its source gives.",
    )
    sources = citations.timeline(shown)
    return render_page("timeline.md.j2", "timeline.md", site, meta, sources, years=index, latest=latest, shown=shown)


def record_operations(site: Site) -> list[Page]:
    """Continuation pages of agencies' and countries' operation lists (agencies/<id>_2.md, ...):
    a part depends on every operation of its agency or country (their order and number)."""
    out: list[Page] = []
    for kind, table in ((AGENCIES, site.ops_by_agency), (COUNTRIES, site.ops_by_country)):
        for rid, pairs in table.items():
            parts = paging.chunks(pairs, paging.RECORD_OPERATIONS)
            if len(parts) < 2:
                continue
            inputs = frozenset([*keys(OPERATIONS, map(first, pairs)), *([(kind, rid)] if kind == AGENCIES else [])])
            for n in range(2, len(parts) + 1):
                path = paging.part_path(kind.page(rid), n)
                out.append(Page(path, inputs, n, partial(_record_operations_part, site, kind, rid, pairs, n, path)))
    return out


def _record_operations_part(site: Site, kind: Kind, rid: str, pairs: list[Role], n: int, path: str) -> str:
    parts = paging.chunks(pairs, paging.RECORD_OPERATIONS)
    first = kind.page(rid)
    labels = paging.ranges(parts)
    name = site.catalog.agencies[rid].name if kind == AGENCIES else site.countries[rid].name
    title = f"{name}: operations {labels[n - 1]} of {len(pairs)}"
    meta = _meta(site, title, f"Operations that name {name}, newest first, part {n} of {len(parts)}.")
    pager = paging.pager(first, n, len(parts), labels)
    return render_page("record_operations.md.j2", path, site, meta, kind=kind, rid=rid, name=name, part=parts[n - 1], pager=pager)


def first_part(pairs: list[Role], kind: Kind, rid: str) -> tuple[list[Role], object]:
    """The operations an agency's or country's own page lists, and the links to the other parts."""
    parts = paging.chunks(pairs, paging.RECORD_OPERATIONS)
    return parts[0], paging.pager(kind.page(rid), 1, len(parts), paging.ranges(parts))


def list_pages(site: Site) -> list[Page]:
    """Every list page."""
    out: list[Page] = []
    for build in (operations_index, series_index, sources_index, agencies_index, timeline, record_operations):
        out.extend(build(site))
    return out
