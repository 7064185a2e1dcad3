"""The linked site's types: what ``link.py`` derives from the validated records and every page reads.

Kept apart from the steps that make them (``link.py``), as MkDocs keeps ``structure/``
apart from ``commands/``. Every reference is a record id, resolved through ``Site.catalog``;
the small named tuples say what each pair or count is (they still unpack like tuples).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import NamedTuple

from . import dates
from .countries import Country
from .figures import Sum
from .kinds import Kind
from .models import Outcome
from .refs import RecordKey
from .validate import Catalog
from .vocab import Term


class Role(NamedTuple):
    """An operation an agency or a country took part in, with the role the operation's record gives it."""

    operation: str
    role: Term


class Partner(NamedTuple):
    """An agency named in the same operations as another, and how many operations they share."""

    agency: str
    shared: int


class Citation(NamedTuple):
    """A record that cites a source (also a record key: ``(kind, id)``)."""

    kind: Kind
    id: str


class Note(NamedTuple):
    """A figure a total counts only in part or leaves out: its operation and what the page says of it."""

    operation: str
    words: str


class NotTotalled(NamedTuple):
    """A measure whose figures are never added up, and the operations that report it."""

    measure: Term
    operations: tuple[str, ...]


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
    partial: tuple[Note, ...] = ()
    """Counted figures that cover only part of their operation."""
    left_out: tuple[Note, ...] = ()
    """Figures of this measure that are not counted, with the reason (a part already counted, a forecast)."""
    provisional: tuple[Note, ...] = ()
    """Counted figures the sources give as a tally so far, not the final count."""


@dataclass
class Site:
    """The complete, linked set of records that every page is rendered from."""

    catalog: Catalog
    references: dict[RecordKey, tuple[RecordKey, ...]] = field(default_factory=dict)
    """The records each record names, in its fields marked as references (fieldtypes.RefTo)."""
    countries: dict[str, Country] = field(default_factory=dict)
    """Every country any record names, by code, in code order."""
    ops_by_agency: dict[str, list[Role]] = field(default_factory=dict)
    """The operations naming each agency, newest first."""
    ops_by_country: dict[str, list[Role]] = field(default_factory=dict)
    """The operations each country took part in (any role but host or support), newest first."""
    hosted_by_country: dict[str, list[Role]] = field(default_factory=dict)
    """The operations each country only hosted or supported (outcomes.NO_PART_ROLES), newest first."""
    country_figures: dict[str, list[tuple[str, Outcome]]] = field(default_factory=dict)
    """The figures the sources give for each country alone (``country:``), newest operation first."""
    agencies_by_country: dict[str, list[str]] = field(default_factory=dict)
    units: dict[str, list[str]] = field(default_factory=dict)
    """The agencies whose parent is each agency."""
    partners: dict[str, list[Partner]] = field(default_factory=dict)
    """Agencies named in the same operations, most shared first (at most ``link.PARTNERS_SHOWN``)."""
    partners_more: dict[str, int] = field(default_factory=dict)
    """How many more partners each agency has than its page lists."""
    related: dict[str, list[str]] = field(default_factory=dict)
    """Related operations, in both directions, newest first."""
    editions: dict[str, list[str]] = field(default_factory=dict)
    """The operations that are editions of each series (their ``series``), in edition order."""
    cited_by: dict[str, list[Citation]] = field(default_factory=dict)
    """The records citing each source."""
    op_date: dict[str, dates.Date | None] = field(default_factory=dict)
    """Each operation's latest known date (its place in time)."""
    op_order: list[str] = field(default_factory=list)
    """Every operation, newest first; then those with a date but no year; then undated ones."""
    timelines: dict[str, list[Entry]] = field(default_factory=dict)
    totals: list[Total] = field(default_factory=list)
    country_totals: dict[str, list[Total]] = field(default_factory=dict)
    not_totalled: list[NotTotalled] = field(default_factory=list)
    last_changed: dict[str, str] = field(default_factory=dict)
    """Record file (path from the folder holding content/) → date git last changed it."""
    site_url: str = ""

    def timeline_of(self, op_ids: list[str]) -> list[Entry]:
        """The timelines of several operations merged: dated entries in order, then undated ones."""
        entries = [e for oid in op_ids for e in self.timelines.get(oid, [])]
        return sorted(entries, key=entry_order)

    def operation_entries(self, roles: list[Role]) -> list[Entry]:
        """One timeline entry per operation (its latest known date and the role held), oldest first."""
        entries = [Entry(self.op_date[oid], f"role: {role.label.lower()}", oid, ()) for oid, role in roles]
        return sorted(entries, key=entry_order)

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


def entry_order(entry: Entry) -> tuple[bool, tuple[int, int, int]]:
    # Undated steps keep their written order (sorted() is stable), after the dated ones.
    return (entry.date is None, entry.date.sort_key if entry.date else (0, 0, 0))
