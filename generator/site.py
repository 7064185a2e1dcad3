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


@dataclass(frozen=True)
class Basis:
    """What a fact rests on, carried with the fact to every output that shows it.

    A fact the site reads rather than finds stated (``inferred``), or finds only in someone's
    mouth (``attributed_to``), or that the record qualifies (``caveat``), is *marked*: every page,
    list, total, feed, CSV and search result that shows the fact shows the mark and its note
    (``words``), and JSON-LD, which cannot say "according to", leaves the fact out."""

    sources: tuple[str, ...] = ()
    inferred: str | None = None
    """How the site reads it, when no source states it in its own voice."""
    attributed_to: str | None = None
    """Whose words it is, when the only basis is a quoted or reported statement."""
    caveat: str | None = None
    """What else the record says a reader must know before using it (e.g. an unidentifiable source)."""

    @classmethod
    def of(cls, part: object, caveat: str | None = None) -> Basis:
        """The basis of a record's part (a role, a figure, a span): its sources, inference and attribution."""
        return cls(
            tuple(getattr(part, "sources", ()) or ()),
            getattr(part, "inferred", None),
            getattr(part, "attributed_to", None),
            caveat,
        )

    @property
    def marked(self) -> bool:
        """True when the fact is not simply stated by its sources."""
        return bool(self.inferred or self.attributed_to or self.caveat)

    @property
    def stated(self) -> bool:
        """True when the sources give the fact in their own voice (neither inferred nor attributed)."""
        return not (self.inferred or self.attributed_to)

    @property
    def mark(self) -> str:
        """The short mark: "site's reading", "according to the AFP", "see note"."""
        marks = []
        if self.inferred:
            marks.append("site's reading")
        if self.attributed_to:
            marks.append(f"according to {self.attributed_to}")
        if self.caveat and not marks:
            marks.append("read with care")
        return "; ".join(marks)

    def words(self) -> str:
        """The mark and its note in one phrase: "site's reading: ...; according to ..."."""
        out = []
        if self.inferred:
            out.append(f"site's reading: {self.inferred}")
        if self.attributed_to:
            out.append(f"according to {self.attributed_to}")
        if self.caveat:
            out.append(self.caveat)
        return "; ".join(out)

    def __bool__(self) -> bool:
        return self.marked


STATED = Basis()
"""The basis of a fact its sources state plainly (and whose sources the page cites elsewhere)."""


class Role(NamedTuple):
    """An operation an agency or a country took part in, with the role the operation's record gives it
    and what that role rests on."""

    operation: str
    role: Term
    basis: Basis = STATED


class Lead(NamedTuple):
    """A lead an operation's record names (an agency or a country), and what that rests on."""

    kind: Kind
    id: str
    basis: Basis = STATED


class Partner(NamedTuple):
    """An agency named in the same operations as another, and how many operations they share."""

    agency: str
    shared: int


class Citation(NamedTuple):
    """A record that cites a source (also a record key: ``(kind, id)``)."""

    kind: Kind
    id: str


class Note(NamedTuple):
    """A figure a total counts only in part, leaves out or counts with a mark: its operation and what the page says of it."""

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
    basis: Basis = STATED
    """What the line's other facts rest on (a role on an agency's timeline)."""


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
    marked: tuple[Note, ...] = ()
    """Counted figures that are marked (the site's reading, someone's words, a thin source), with their note."""
    overlaps: tuple[Note, ...] = ()
    """Counted figures that are part of a figure another row counts (children within victims): the rows overlap."""


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
    op_date_basis: dict[str, Basis] = field(default_factory=dict)
    """What each operation's latest known date rests on, when it is marked (a year the site inferred)."""
    op_order: list[str] = field(default_factory=list)
    """Every operation, newest first; then those with a date but no year; then undated ones."""
    leads: dict[str, list[Lead]] = field(default_factory=dict)
    """The leads each operation's record names, agencies then countries, each with its basis."""
    thin: dict[str, str] = field(default_factory=dict)
    """Operations whose sources give no country, agency, date or place, with the warning every total they feed shows."""
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
        """One timeline entry per operation (its latest known date and the role held, with what each rests on), oldest first."""
        entries = [
            Entry(
                self.op_date[r.operation], f"role: {r.role.label.lower()}", r.operation, (), self.date_note(r.operation), r.basis
            )
            for r in roles
        ]
        return sorted(entries, key=entry_order)

    def year_stated(self, oid: str) -> bool:
        """Whether the sources give a year for the operation (else it is listed apart, "year not stated")."""
        d = self.op_date.get(oid)
        return d is not None and d.year is not None

    def date_note(self, oid: str) -> str | None:
        """How the operation's latest known date was worked out, when the site inferred it."""
        basis = self.op_date_basis.get(oid)
        return basis.inferred if basis else None

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
