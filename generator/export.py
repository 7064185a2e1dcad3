"""Data downloads: the whole dataset as JSON, and operations, outcomes and participants as CSV."""

from __future__ import annotations

import json
import re

from .link import Site

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# A field holding one of these is quoted: the delimiter, the quote, and every line break a
# spreadsheet or csv reader may split rows on (a bare carriage return included).
_NEEDS_QUOTES = re.compile('[,"\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]')


def _cell(value: object) -> str:
    """A CSV cell that a spreadsheet will show as text, never run as a formula.

    Spreadsheets trim leading spaces and line breaks on import (an option in some), so
    the formula check looks past them: `` =1+1`` and ``"\n=1+1"`` are neutralised too."""
    text = "" if value is None else str(value)
    if text.startswith(_FORMULA_START) or text.lstrip().startswith(_FORMULA_START):
        text = "'" + text
    if _NEEDS_QUOTES.search(text):
        return '"' + text.replace('"', '""') + '"'
    return text


def _csv(header: list[str], rows: list[list[object]]) -> str:
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

    return {
        "operations": dump(c.operations),
        "agencies": dump(c.agencies),
        "sources": dump(c.sources),
        "country_notes": dump(c.countries),
        "countries": {code: {"name": k.name, "iso_name": k.iso_name, "alpha3": k.alpha3} for code, k in site.countries.items()},
    }


def data_files(site: Site) -> dict[str, str]:
    """The files of the data download page."""
    c = site.catalog
    ops, outcomes, participants = [], [], []
    for oid in site.op_order:
        op = c.operations[oid]
        span, report = op.period, op.reporting_period
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
                ";".join(p.country for p in op.countries),
                op.countries_count.value if op.countries_count else "",
                op.countries_count.qualifier if op.countries_count else "",
                ";".join(op.sources),
            ]
        )
        for o in op.outcomes:
            outcomes.append(
                [
                    oid,
                    o.metric,
                    o.value,
                    o.qualifier or ("exact" if o.value is not None else ""),
                    o.as_reported,
                    o.note,
                    ";".join(o.sources),
                ]
            )
        for p in op.agencies:
            participants.append([oid, "agency", p.agency, c.agencies[p.agency].name, p.role, p.note])
        for p in op.countries:
            participants.append([oid, "country", p.country, site.countries[p.country].name, p.role, p.note])
    return {
        # No indent: with one, json falls back to its pure-Python encoder, ten times slower on a large catalogue.
        "data/dataset.json": json.dumps(dataset(site), ensure_ascii=False, sort_keys=True) + "\n",
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
                "sources",
            ],
            ops,
        ),
        "data/outcomes.csv": _csv(["operation_id", "metric", "value", "qualifier", "as_reported", "note", "sources"], outcomes),
        "data/participants.csv": _csv(["operation_id", "type", "id", "name", "role", "note"], participants),
    }
