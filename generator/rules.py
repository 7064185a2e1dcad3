"""Checks that span fields or records: references, dates in order, figures that make sense."""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterator

from . import countries, dates, models, refs
from .figurerules import figure_problems, outcome_problems
from .kinds import AGENCIES, KINDS, OPERATIONS, SERIES, SOURCES
from .loader import RESERVED_IDS, Document
from .problems import Problem, field_path
from .validate import Catalog

Loc = tuple[str | int, ...]


def check(catalog: Catalog) -> list[Problem]:
    """Every cross-record problem in the catalog."""
    problems: list[Problem] = []

    def add(kind: str, rid: str, loc: Loc, message: str) -> None:
        doc = catalog.documents[(kind, rid)]
        line, column = doc.where(loc)
        problems.append(Problem(doc.path, line, column, field_path(loc), message))

    problems.extend(reference_problems(catalog))

    for oid, op in catalog.operations.items():
        for i, other in enumerate(op.related):
            if other == oid:
                add(OPERATIONS, oid, ("related", i), "an operation cannot be related to itself; remove its own id from related")
        for field, values in (
            ("agencies", [p.agency for p in op.agencies]),
            ("countries", [p.country for p in op.countries]),
            ("related", list(op.related)),
        ):
            for i, value in _repeats(values):
                add(OPERATIONS, oid, (field, i), f"'{value}' is listed twice; list it once (one role each)")
        for name in ("period", "reporting_period"):
            span = getattr(op, name)
            if span is not None:
                message = _order_problem(span.start, span.end)
                if message:
                    add(OPERATIONS, oid, (name, "end"), message)
                if span.start is None and span.end is None and span.duration is None:
                    add(OPERATIONS, oid, (name,), "give a start, an end or a duration, or leave the whole field out")
        for loc, message in figure_problems(op):
            add(OPERATIONS, oid, loc, message)
        for i, place in enumerate(op.places):
            if place.country and countries.get(place.country) is None:
                add(
                    OPERATIONS,
                    oid,
                    ("places", i, "country"),
                    f"'{place.country}' is not a country code; use a lower-case ISO 3166-1 alpha-2 code such as br",
                )
        if op.edition is not None and op.series is None:
            add(OPERATIONS, oid, ("edition",), "edition numbers an edition of a series; add series: <id of the series record>")

    editions: dict[tuple[str, str], str] = {}
    for oid, op in sorted(catalog.operations.items()):
        if op.series is not None and op.edition is not None:
            first = editions.setdefault((op.series, op.edition.casefold()), oid)
            if first != oid:
                add(
                    OPERATIONS,
                    oid,
                    ("edition",),
                    f"'{first}' is already edition '{op.edition}' of the series '{op.series}'; check the edition, "
                    "or keep one record if both describe the same edition",
                )

    for sid, series in catalog.series.items():
        for i, value in _repeats([p.agency for p in series.agencies]):
            add(SERIES, sid, ("agencies", i), f"'{value}' is listed twice; list it once (one role each)")
        for loc, message in outcome_problems(series.outcomes, None):
            add(SERIES, sid, loc, message)

    for srcid, source in catalog.sources.items():
        if source.seen is not None and source.seen.extent != "whole" and not source.seen.note:
            add(
                SOURCES,
                srcid,
                ("seen", "note"),
                f"say in note where the visible copy stops or what the {source.seen.extent} covers, "
                "e.g. the copy ends in the middle of the list of countries",
            )

    for kind, rid, other in _look_alike_names(catalog):
        add(
            kind,
            rid,
            ("name",),
            f"this name looks the same as the name of {kind}/{other} but is written with other characters; "
            "write it the same way, or make the names differ visibly",
        )

    for aid, agency in catalog.agencies.items():
        if agency.parent == aid:
            add(
                AGENCIES, aid, ("parent",), "an agency cannot be its own parent; name the body it belongs to, or leave parent out"
            )
        for loc, message in outcome_problems(agency.outcomes, None):
            add(AGENCIES, aid, loc, message)
    for aid in _in_cycles(catalog.agencies):
        add(AGENCIES, aid, ("parent",), "the parent chain loops back to this agency; one parent in the loop is wrong")

    for kind in (k for k in KINDS.values() if k.iso_ids):
        for code in catalog.table(kind):
            if countries.get(code) is None or code != code.lower():
                add(kind, code, (), f"'{code}.yml' must be named by a lower-case ISO 3166-1 alpha-2 code, e.g. pk.yml")

    problems.extend(_former_id_problems(catalog))
    return problems


# Every field that names another record: (folder, path with "*" for each list item, target folder),
# derived from the RefTo markers on the models.
REFERENCES: list[tuple[str, tuple[str, ...], str]] = [
    (kind, pattern, target) for kind in KINDS.values() for pattern, target in refs.paths(kind.model)
]


def walk(data: object, pattern: tuple[str, ...], loc: Loc = ()) -> Iterator[tuple[Loc, object]]:
    """Values at a path pattern in raw record data, with their concrete field paths."""
    if not pattern:
        yield loc, data
        return
    head, rest = pattern[0], pattern[1:]
    if head == "*":
        if isinstance(data, list):
            for i, item in enumerate(data):
                yield from walk(item, rest, (*loc, i))
    elif isinstance(data, dict) and head in data:
        yield from walk(data[head], rest, (*loc, head))


def references_in(doc: Document) -> list[tuple[Loc, str, object]]:
    """Every id a record file names: (field path, kind it names, value as written), worked out once
    per file (the build cache keeps them with the record, so an unchanged file is not walked again)."""
    if doc.refs is None:
        doc.refs = [
            (loc, str(target_kind), target)  # a plain str: the cache stores it
            for source_kind, pattern, target_kind in REFERENCES
            if source_kind == doc.kind
            for loc, target in walk(doc.data, pattern)
        ]
    return doc.refs


def reference_problems(catalog: Catalog) -> list[Problem]:
    """Ids that name no record, checked on every readable file, valid or not, so that
    a contributor sees a misspelt id in the same run as a schema mistake."""
    problems: list[Problem] = []
    known = {kind: {rid for (k, rid) in catalog.documents if k == kind} for kind in KINDS}
    for _key, doc in sorted(catalog.documents.items()):
        for loc, target_kind, target in references_in(doc):
            if not isinstance(target, str) or target in known[target_kind] or not models.ID_RE.match(target):
                continue
            close = difflib.get_close_matches(target, sorted(known[target_kind]), n=1, cutoff=0.6)
            tip = f"; did you mean '{close[0]}'?" if close else f"; add content/{target_kind}/{target}.yml or fix the id"
            noun = KINDS[target_kind].singular
            line, column = doc.where(loc)
            problems.append(Problem(doc.path, line, column, field_path(loc), f"no {noun} has the id '{target}'{tip}"))
    return problems


def _look_alike_names(catalog: Catalog) -> Iterator[tuple[str, str, str]]:
    """(kind, id, other id) for each operation or agency whose name reads like another's but differs as
    written (compatibility forms, case, spacing): a reader cannot tell the two apart in a list."""
    for kind in (OPERATIONS, AGENCIES):
        seen: dict[str, tuple[str, str]] = {}
        for rid, record in sorted(catalog.table(kind).items()):
            skeleton = " ".join(unicodedata.normalize("NFKC", record.name).casefold().split())
            if skeleton in seen and seen[skeleton][1] != record.name:
                yield kind, rid, seen[skeleton][0]
            seen.setdefault(skeleton, (rid, record.name))


def _repeats(values: list[str]) -> Iterator[tuple[int, str]]:
    seen: set[str] = set()
    for i, value in enumerate(values):
        if value in seen:
            yield i, value
        seen.add(value)


def _order_problem(start: str | None, end: str | None) -> str | None:
    if not start or not end:
        return None
    first, last = dates.parse(start).first_day(), dates.parse(end).last_day()
    if first is None or last is None:  # a year not stated cannot be ordered
        return None
    if last < first:
        return f"the end ({end}) is before the start ({start}); check both dates against the source (a year may be missing)"
    return None


def _in_cycles(agencies: dict[str, models.Agency]) -> set[str]:
    """Agencies on a loop of parents (not counting an agency that is its own parent).

    Each agency is walked once: a walk stops at an agency an earlier walk finished,
    so a chain of 3,000 units costs 3,000 steps (the old walk from every agency,
    with a list for "seen", was cubic: 56 s for such a chain)."""
    finished: set[str] = set()
    looped: set[str] = set()
    for start in agencies:
        position: dict[str, int] = {}
        path: list[str] = []
        current: str | None = start
        while current in agencies and current not in finished and current not in position:
            position[current] = len(path)
            path.append(current)
            current = agencies[current].parent
        if current in position:  # this walk closed a loop of its own
            looped.update(path[position[current] :])
        finished.update(path)
    return {aid for aid in looped if agencies[aid].parent != aid}


def _former_id_problems(catalog: Catalog) -> list[Problem]:
    problems: list[Problem] = []
    for kind in (k for k in KINDS.values() if k.renamable):
        table = catalog.table(kind)
        owner: dict[str, str] = {}
        for rid, record in table.items():
            for i, old in enumerate(record.former_ids):
                doc = catalog.documents[(kind, rid)]
                line, column = doc.where(("former_ids", i))
                where = field_path(("former_ids", i))
                if old in RESERVED_IDS:
                    problems.append(
                        Problem(
                            doc.path,
                            line,
                            column,
                            where,
                            f"'{old}' is the name of a page the site makes (or a name Windows cannot use); a former id cannot be '{old}'",
                        )
                    )
                elif old in table:
                    problems.append(
                        Problem(doc.path, line, column, where, f"'{old}' is still the id of a record; a former id must be free")
                    )
                elif old in owner:
                    problems.append(
                        Problem(
                            doc.path,
                            line,
                            column,
                            where,
                            f"'{old}' is already a former id of '{owner[old]}'; keep it on one record only",
                        )
                    )
                else:
                    owner[old] = rid
    return problems
