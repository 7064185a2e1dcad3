"""Data downloads: the whole dataset as JSON, and operations, outcomes and participants as CSV."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from functools import partial

from . import outcomes as figures
from .kinds import AGENCIES, COUNTRIES, KINDS, SERIES
from .plan import ALL, Page
from .site import Basis, Site

PATHS = (
    "data/dataset.json",
    "data/operations.csv",
    "data/outcomes.csv",
    "data/other-figures.csv",
    "data/participants.csv",
    "data/phases.csv",
)

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# A field holding one of these is quoted: the delimiter, the quote, and every line break a
# spreadsheet or csv reader may split rows on (a bare carriage return included).
_NEEDS_QUOTES = re.compile('[,"\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]')


# A list separator other than the comma (';' where the decimal mark is a comma, a tab), then what a
# spreadsheet skips before a cell's text: a reader whose separator it is starts a new cell there.
_OTHER_SEPARATOR = re.compile(r"([;\t][\s\"]*)(?=[=+\-@])")


def _cell(value: object) -> str:
    """A CSV cell that a spreadsheet will show as text, never run as a formula.

    Spreadsheets trim leading spaces and line breaks on import (an option in some), so
    the formula check looks past them: `` =1+1`` and ``"\n=1+1"`` are neutralised too. A reader
    whose list separator is ';' (most of Europe) or a tab splits the line there, quotes or not (a
    quote opens a field only at its start), so text after one of those is neutralised the same way:
    ``a;=1+1`` becomes ``a;'=1+1``."""
    text = "" if value is None else str(value)
    if text.startswith(_FORMULA_START) or text.lstrip().startswith(_FORMULA_START):
        text = "'" + text
    if ";" in text or "\t" in text:
        text = _OTHER_SEPARATOR.sub(r"\1'", text)
    if _NEEDS_QUOTES.search(text):
        return '"' + text.replace('"', '""') + '"'
    return text


def _csv(header: list[str], rows: Sequence[Sequence[object]]) -> str:
    """RFC 4180 CSV with \n line ends; quoting is decided per cell by ``_cell`` (Python's csv
    writer leaves a bare carriage return unquoted, which forges a row in most readers)."""
    lines = [",".join(_cell(v) for v in header)]
    lines.extend(",".join(_cell(v) for v in row) for row in rows)
    return "\n".join(lines) + "\n"


def dataset(site: Site) -> dict:
    """Every record as validated, by kind and id; absent optional fields are left out."""
    c = site.catalog

    def dump(table: dict) -> dict:
        return {rid: record.model_dump(mode="json", exclude_defaults=True) for rid, record in sorted(table.items())}

    return {**{kind.export_key: dump(c.table(kind)) for kind in KINDS.values()}, **dataset_rest(site)}


def dataset_rest(site: Site) -> dict:
    """The parts of ``dataset`` that are not records: the warnings on operations that cannot be identified
    (``caveats``, by operation id), countries and vocabularies."""
    c = site.catalog
    return {
        "caveats": {oid: {"caveat": words} for oid, words in sorted(site.thin.items())},
        "countries": {code: {"name": k.name, "iso_name": k.iso_name, "alpha3": k.alpha3} for code, k in site.countries.items()},
        "vocabularies": {
            stem: {
                term: {
                    "label": t.label,
                    "definition": t.definition,
                    **({} if t.totals else {"not_totalled_because": t.not_totalled_because}),
                }
                for term, t in vocabulary.items()
            }
            for stem, vocabulary in c.vocab.by_file.items()
        },
    }


def dataset_json(site: Site) -> bytes:
    """``dataset(site)`` as UTF-8 JSON and a line end: the same bytes as ``json.dumps(dataset(site),
    ensure_ascii=False, sort_keys=True)``, but encoded one record at a time. The whole dataset as
    Python objects, the encoder's pieces and the text (two or four bytes a character once one
    character is outside Latin-1) took about five times the file's size: the build's peak."""
    c = site.catalog
    pieces: list[bytes] = []

    def encode(value: object) -> bytes:
        # No indent: with one, json falls back to its pure-Python encoder, ten times slower on a large catalogue.
        return json.dumps(value, ensure_ascii=False, sort_keys=True).encode("utf-8")

    def member(key: str, first: bool) -> None:
        pieces.append(b"" if first else b", ")
        pieces.append(encode(key) + b": ")

    tables = {kind.export_key: c.table(kind) for kind in KINDS.values()}
    rest = dataset_rest(site)  # as in ``dataset``: these keys win over a table of the same name
    pieces.append(b"{")
    for i, key in enumerate(sorted({*tables, *rest})):
        member(key, i == 0)
        if key in rest:
            pieces.append(encode(rest[key]))
            continue
        pieces.append(b"{")
        for j, (rid, record) in enumerate(sorted(tables[key].items())):
            member(rid, j == 0)
            pieces.append(encode(record.model_dump(mode="json", exclude_defaults=True)))
        pieces.append(b"}")
    pieces.append(b"}\n")
    return b"".join(pieces)


def data_files(site: Site) -> dict[str, str | bytes]:
    """The files of the data download page."""
    c = site.catalog
    ops, outcomes, participants, phases = [], [], [], []
    for oid in site.op_order:
        op = c.operations[oid]
        span, report = op.period, op.reporting_period
        leads = site.leads.get(oid, [])
        ops.append(
            [
                oid,
                op.name,
                op.kind,
                ";".join(op.crime_areas),
                span.start if span else "",
                span.end if span else "",
                report.start if report else "",
                report.end if report else "",
                op.announced.date if op.announced else "",
                ";".join(figures.took_part(op)),
                op.countries_count.value if op.countries_count else "",
                op.countries_count.qualifier if op.countries_count else "",
                op.countries_count.counts if op.countries_count else "",
                op.countries_count.scope if op.countries_count else "",
                figures.count_words(op.countries_count) if op.countries_count else "",
                op.countries_count.note if op.countries_count else "",
                ";".join(f"{kind.singular}:{rid}" for kind, rid, _ in leads),
                span.duration if span else "",
                "; ".join(
                    f"{name}: {s.inferred}"
                    for name, s in (("period", span), ("reporting", report), ("announced", op.announced))
                    if s and s.inferred
                ),
                ";".join(op.sources),
                op.series,
                op.edition,
                ";".join(figures.hosted_only(op)),
                "; ".join(f"{q.country}: {basis.words()}" for q in op.countries if (basis := Basis.of(q))),
                "; ".join(f"{kind.singular}:{rid}: {basis.words()}" for kind, rid, basis in leads if basis),
                site.thin.get(oid, ""),
            ]
        )
        for o in op.outcomes:
            outcomes.append(
                [
                    oid,
                    o.id,
                    o.metric,
                    o.value,
                    o.value_max,
                    o.qualifier or ("exact" if o.value is not None else ""),
                    o.as_reported,
                    figures.figure_of(o).words(),
                    o.part_of,
                    o.country,
                    o.phase,
                    o.scope,
                    figures.totals_status(op, o, site),
                    figures.other_values(o),
                    o.chosen_because,
                    o.note,
                    ";".join(o.sources),
                    o.status,
                    o.status_words,
                    figures.across_words(o.across_countries),
                    o.inferred,
                    o.attributed_to,
                    site.thin.get(oid, ""),
                ]
            )
        for ph in op.phases:
            phases.append(
                [
                    oid,
                    ph.id,
                    ph.name,
                    ph.start,
                    ph.end,
                    ph.duration,
                    ph.inferred,
                    ";".join(ph.countries),
                    ph.scope,
                    ";".join(ph.sources),
                ]
            )
        for p in op.agencies:
            participants.append(
                [oid, AGENCIES.singular, p.agency, c.agencies[p.agency].name, p.role, p.note, "", p.inferred, p.attributed_to]
            )
        for q in op.countries:
            participants.append(
                [
                    oid,
                    COUNTRIES.singular,
                    q.country,
                    site.countries[q.country].name,
                    q.role,
                    q.note,
                    ";".join(q.sources),
                    q.inferred,
                    q.attributed_to,
                ]
            )
    other = [
        [
            kind.singular,
            rid,
            o.id,
            o.metric,
            o.value,
            o.value_max,
            o.qualifier or ("exact" if o.value is not None else ""),
            o.as_reported,
            figures.figure_of(o).words(),
            o.part_of,
            o.country,
            o.scope,
            o.status,
            o.status_words,
            figures.across_words(o.across_countries),
            o.note,
            ";".join(o.sources),
            o.inferred,
            o.attributed_to,
        ]
        for kind in (SERIES, AGENCIES)
        for rid, record in sorted(c.table(kind).items())
        for o in record.outcomes
    ]
    return {
        "data/dataset.json": dataset_json(site),
        "data/operations.csv": _csv(
            [
                "operation_id",
                "name",
                "kind",
                "crime_areas",
                "period_start",
                "period_end",
                "reporting_start",
                "reporting_end",
                "announced",
                "countries",
                "countries_count",
                "countries_count_qualifier",
                "countries_count_counts",
                "countries_count_scope",
                "countries_count_words",
                "countries_count_note",
                "lead",
                "period_duration",
                "dates_inferred",
                "sources",
                "series",
                "edition",
                "countries_hosting_or_supporting",
                "countries_basis",
                "lead_basis",
                "caveat",
            ],
            ops,
        ),
        "data/outcomes.csv": _csv(
            [
                "operation_id",
                "figure_id",
                "metric",
                "value",
                "value_max",
                "qualifier",
                "as_reported",
                "words",
                "part_of",
                "country",
                "phase",
                "scope",
                "in_totals",
                "other_values",
                "chosen_because",
                "note",
                "sources",
                "status",
                "status_words",
                "across_countries",
                "inferred",
                "attributed_to",
                "caveat",
            ],
            outcomes,
        ),
        "data/other-figures.csv": _csv(
            [
                "record_type",
                "record_id",
                "figure_id",
                "metric",
                "value",
                "value_max",
                "qualifier",
                "as_reported",
                "words",
                "part_of",
                "country",
                "scope",
                "status",
                "status_words",
                "across_countries",
                "note",
                "sources",
                "inferred",
                "attributed_to",
            ],
            other,
        ),
        "data/participants.csv": _csv(
            ["operation_id", "type", "id", "name", "role", "note", "sources", "inferred", "attributed_to"], participants
        ),
        "data/phases.csv": _csv(
            ["operation_id", "phase_id", "name", "start", "end", "duration", "inferred", "countries", "scope", "sources"], phases
        ),
    }


def data_pages(site: Site) -> list[Page]:
    """The downloads hold every record; one pass makes all of them, when the first is rendered."""
    made = _Made(partial(data_files, site))
    return [Page(path, ALL, None, partial(made.take, path)) for path in PATHS]


class _Made:
    """The files of one pass, each handed out once: a file taken is forgotten, so the downloads
    (tens of MB at 10,000 operations) do not stay in memory while the rest of the site renders."""

    def __init__(self, make: Callable[[], dict[str, str | bytes]]) -> None:
        self.make = make
        self.files: dict[str, str | bytes] = {}

    def take(self, path: str) -> str | bytes:
        if path not in self.files:  # first use, or the same page rendered again: make them anew
            self.files = self.make()
        return self.files.pop(path)
