"""The sources each page cites, in the order they are numbered, worked out from the records.

A page's citation numbers come from here, before the page is rendered: ``render.PageContext``
only looks them up, and stops the build if a template cites a source that is not in the list.
The order is the page's reading order, so numbers rise down the page, and the record's own
sources (shown only in the list) come last. Moving a block of a template cannot renumber or
drop a source: the order depends on the records alone. Each function follows its template's
sections: change both together (``tests/test_citations.py`` checks they agree).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from . import outcomes
from .models import Outcome
from .site import Entry, Site

if TYPE_CHECKING:
    from .outcomes import Figures

PART_DEPTH = 4
"""How many levels of parts a figure card shows ("of which ..." inside "of which ...")."""


def _ordered(groups: Iterable[Iterable[str]]) -> list[str]:
    """Source ids in order of first appearance."""
    return list(dict.fromkeys(sid for group in groups for sid in group))


def _parts_of(op: Figures, o: Outcome, depth: int) -> Iterable[Iterable[str]]:
    for part in outcomes.parts(op, o):
        yield part.sources
        if depth + 1 < PART_DEPTH:
            yield from _parts_of(op, part, depth + 1)


def figure_card(op: Figures, o: Outcome) -> Iterable[Iterable[str]]:
    """A figure card's citations in reading order: the figure, its parts (each before its own
    parts, as deep as the card shows them), then the other values reported for it."""
    yield o.sources
    yield from _parts_of(op, o, 0)
    yield from (r.sources for r in o.reported)


def timeline(entries: Iterable[Entry]) -> list[str]:
    """A timeline's citations (a timeline page, or part of one)."""
    return _ordered(e.sources for e in entries)


def operation(site: Site, oid: str) -> list[str]:
    """An operation page: figures, dates, countries, people, timeline, then the record's own sources."""
    op = site.catalog.operations[oid]
    groups: list[Iterable[str]] = []
    for o in outcomes.top_level(op):
        groups.extend(figure_card(op, o))
    groups.extend(span.sources for span in (op.period, *op.phases, op.reporting_period, op.announced) if span)
    groups.extend(p.sources for p in op.countries)
    if op.countries_count:
        groups.append(op.countries_count.sources)
    groups.extend(p.sources for p in op.people)
    groups.extend(e.sources for e in site.timelines.get(oid, []))
    groups.append(op.sources)
    return _ordered(groups)


def series(site: Site, sid: str) -> list[str]:
    """A series page: the editions' figures (row by row, measure by measure), the series' own
    figures, then the record's own sources."""
    from .seriestable import columns

    record = site.catalog.series[sid]
    editions = site.editions.get(sid, [])
    table = columns(site, editions)
    groups: list[Iterable[str]] = [o.sources for row in range(len(editions)) for col in table for o in col.cells[row]]
    for o in outcomes.top_level(record):
        groups.extend(figure_card(record, o))
    groups.append(record.sources)
    return _ordered(groups)


def agency_figures(site: Site, aid: str) -> list[Iterable[str]]:
    """An agency's own figures (its year's totals), as its page shows them."""
    record = site.catalog.agencies[aid]
    return [group for o in outcomes.top_level(record) for group in figure_card(record, o)]


def agency(site: Site, aid: str) -> list[str]:
    """An agency page: its operations' timeline carries no citations (each operation's page has
    them), so only the record's own sources."""
    return _ordered([*agency_figures(site, aid), site.catalog.agencies[aid].sources])


def country(site: Site, code: str) -> list[str]:
    """A country page: the figures given for the country alone, then the sources of its country notes."""
    notes = site.catalog.countries.get(code)
    own = [o.sources for _, o in site.country_figures.get(code, [])]
    return _ordered([*own, notes.sources] if notes else own)
