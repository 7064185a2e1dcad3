"""The pages of lists that grow with the catalogue, each split into parts (see paging.py):
the operations, agencies and sources indexes, the timeline (a year index, then each year),
and the operations of agencies and countries beyond the first part shown on their pages."""

from __future__ import annotations

from collections import defaultdict

from . import citations, paging
from .link import Site
from .render import render_page


def _meta(site: Site, title: str, description: str) -> dict:
    from .pages import _meta as meta  # pages imports this module's builders at build time

    return meta(site, title, description, None)


def _title(title: str, n: int, total: int) -> str:
    return title if n == 1 else f"{title}, part {n} of {total}"


def _parts(
    site: Site, first: str, template: str, title: str, description: str, parts: list, labels, cites=None, **values
) -> dict[str, str]:
    """The parts of one list; ``cites(part)`` gives the sources a part cites."""
    out = {}
    for n, part in enumerate(parts, 1):
        path = paging.part_path(first, n)
        meta = _meta(site, _title(title, n, len(parts)), description)
        pager = paging.pager(first, n, len(parts), labels)
        sources = cites(part) if cites else ()
        out[path] = render_page(template, path, site, meta, sources, part=part, pager=pager, n=n, parts=len(parts), **values)
    return out


def operations_index(site: Site) -> dict[str, str]:
    parts = paging.chunks(site.op_order, paging.OPERATIONS)
    description = "Every operation, case, takedown and initiative in the catalogue, with dates, countries, lead agencies and headline figures."
    return _parts(site, "operations/index.md", "operations_index.md.j2", "Operations", description, parts, paging.ranges(parts))


def sources_index(site: Site) -> dict[str, str]:
    parts = paging.chunks(sorted(site.catalog.sources), paging.SOURCES)
    description = "The bibliography: every report the records cite, with links to the records that cite it."
    return _parts(site, "sources/index.md", "sources_index.md.j2", "Sources", description, parts, paging.ranges(parts))


def agencies_index(site: Site) -> dict[str, str]:
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
    return _parts(site, "agencies/index.md", "agencies_index.md.j2", "Agencies and organisations", description, parts, labels)


def timeline(site: Site) -> dict[str, str]:
    """The year index (timeline.md) and one page per year (timeline/<year>.md), in parts."""
    years, unknown = site.by_year(site.timeline_of(site.op_order))
    sections = [(str(year), str(year), items) for year, items in years]
    if unknown:
        sections.append(("undated", "Year not stated", unknown))
    out: dict[str, str] = {}
    index = []
    for i, (slug, label, items) in enumerate(sections):
        first = f"timeline/{slug}.md"
        parts = paging.chunks(items, paging.TIMELINE)
        index.append((f"timeline/{slug}.html", label, len(items)))
        around = {
            "previous": (f"{sections[i - 1][0]}.html", sections[i - 1][1]) if i > 0 else None,
            "following": (f"{sections[i + 1][0]}.html", sections[i + 1][1]) if i + 1 < len(sections) else None,
        }
        description = (
            f"Every dated step of the catalogue's records in {label}."
            if slug != "undated"
            else ("The steps whose sources give no year.")
        )
        out.update(
            _parts(
                site,
                first,
                "timeline_year.md.j2",
                f"Timeline: {label}",
                description,
                parts,
                None,
                citations.timeline,
                label=label,
                **around,
            )
        )
    meta = _meta(
        site,
        "Timeline",
        "Every dated event and operation in the catalogue, by year, each dated at the precision its source gives.",
    )
    out["timeline.md"] = render_page("timeline.md.j2", "timeline.md", site, meta, years=index)
    return out


def record_operations(site: Site) -> dict[str, str]:
    """Continuation pages of agencies' and countries' operation lists (agencies/<id>_2.md, ...)."""
    out: dict[str, str] = {}
    for kind, table in (("agencies", site.ops_by_agency), ("countries", site.ops_by_country)):
        for rid, pairs in table.items():
            parts = paging.chunks(pairs, paging.RECORD_OPERATIONS)
            if len(parts) < 2:
                continue
            first = f"{kind}/{rid}.md"
            labels = paging.ranges(parts)
            name = site.catalog.agencies[rid].name if kind == "agencies" else site.countries[rid].name
            for n in range(2, len(parts) + 1):
                path = paging.part_path(first, n)
                title = f"{name}: operations {labels[n - 1]} of {len(pairs)}"
                meta = _meta(site, title, f"Operations that name {name}, newest first, part {n} of {len(parts)}.")
                pager = paging.pager(first, n, len(parts), labels)
                out[path] = render_page(
                    "record_operations.md.j2",
                    path,
                    site,
                    meta,
                    kind=kind,
                    rid=rid,
                    name=name,
                    part=parts[n - 1],
                    pager=pager,
                )
    return out


def first_part(pairs: list[tuple[str, str]], kind: str, rid: str) -> tuple[list[tuple[str, str]], object]:
    """The operations an agency's or country's own page lists, and the links to the other parts."""
    parts = paging.chunks(pairs, paging.RECORD_OPERATIONS)
    return parts[0], paging.pager(f"{kind}/{rid}.md", 1, len(parts), paging.ranges(parts))


def list_pages(site: Site) -> dict[str, str]:
    """Every list page."""
    out: dict[str, str] = {}
    for build in (operations_index, sources_index, agencies_index, timeline, record_operations):
        out.update(build(site))
    return out
