"""Reading an operation's figures: their numbers, how they nest, and what they cover.

Shared by the totals (link.py), the pages and the downloads, so that every
output words a figure, its parts and its scope the same way.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import countries, dates
from .figures import Figure
from .kinds import AGENCIES

if TYPE_CHECKING:
    from .models import Operation, Outcome, Phase, ReportedValue
    from .site import Site


def figure_of(o: Outcome | ReportedValue) -> Figure:
    """The number of a reported figure (or of another reported value), at its precision."""
    return Figure(o.value, o.qualifier or "exact", o.as_reported, o.value_max)


def by_id(op: Operation) -> dict[str, Outcome]:
    """The figures of an operation that have an id."""
    return {o.id: o for o in op.outcomes if o.id}


def wholes(op: Operation, outcome: Outcome) -> list[Outcome]:
    """The figures this one is part of, nearest first (a loop, which the check refuses, ends the walk)."""
    named = by_id(op)
    chain: list[Outcome] = []
    current = named.get(outcome.part_of) if outcome.part_of else None
    while current is not None and current is not outcome and current not in chain:
        chain.append(current)
        current = named.get(current.part_of) if current.part_of else None
    return chain


def counted_whole(op: Operation, outcome: Outcome) -> Outcome | None:
    """The figure of the same measure that already counts this one, if any: a part is never added to its whole."""
    return next((w for w in wholes(op, outcome) if w.metric == outcome.metric), None)


def parts(op: Operation, outcome: Outcome) -> list[Outcome]:
    """The figures that say they are part of this one, in record order."""
    return [o for o in op.outcomes if outcome.id and o.part_of == outcome.id]


def top_level(op: Operation) -> list[Outcome]:
    """The figures that are not part of another figure of the record."""
    named = by_id(op)
    return [o for o in op.outcomes if not (o.part_of and o.part_of in named)]


def phase(op: Operation, pid: str | None) -> Phase | None:
    """A phase of the operation by id."""
    return next((p for p in op.phases if p.id == pid), None) if pid else None


def scope_words(site: Site | None, op: Operation, outcome: Outcome) -> str:
    """What a figure covers when it covers only part of the operation: "New Zealand only; first phase only"."""
    words = []
    if outcome.country:
        country = (site.countries.get(outcome.country) if site else None) or countries.get(outcome.country)
        words.append(f"{country.name if country else outcome.country.upper()} only")
    found = phase(op, outcome.phase)
    if found is not None:
        words.append(f"{found.name} only")
    if outcome.scope:
        words.append(outcome.scope)
    return "; ".join(words)


def short_words(op: Operation, outcome: Outcome, site: Site | None = None, depth: int = 0) -> str:
    """One figure as a phrase for lists and feeds: "nearly 500 victims rescued (of which 236 children rescued)",
    "70 arrests (of which 34 for trafficking, 36 for other offences)", "46 arrests (New Zealand only)"."""
    text = figure_phrase(outcome)
    notes = []
    scope = scope_words(site, op, outcome)
    if scope:
        notes.append(scope)
    basis = basis_words(outcome)
    if basis:
        notes.append(basis)
    pieces = []
    for part in parts(op, outcome) if depth < 3 else []:
        if part.metric == outcome.metric:  # a breakdown: the label would repeat
            inner = "; ".join(w for w in (scope_words(site, op, part), basis_words(part)) if w)
            pieces.append(f"{figure_of(part).words()} {inner}".strip())
        else:
            pieces.append(short_words(op, part, site, depth + 1))
    if pieces:
        notes.append("of which " + ", ".join(pieces))
    return f"{text} ({'; '.join(notes)})" if notes else text


def figure_phrase(o: Outcome) -> str:
    """A figure and its measure as a phrase: "40 arrests"; with no number, "investigations opened: a number of
    ongoing investigations (no number given)", so that the source's words never run into the measure's label."""
    figure = figure_of(o)
    if figure.value is None:
        return f"{o.metric.label}: {figure.words()}"
    return f"{figure.words()} {o.metric.label}"


def basis_words(o: Outcome) -> str:
    """A figure's mark and note when the site infers it or a report puts it in someone's mouth, else ""."""
    from .site import Basis

    return Basis.of(o).words()


def span_words(start: str | None, end: str | None, duration: str | None = None) -> str:
    """A span in words: "May to June 2023", "2 years from October 2019 (end not stated)"."""

    def w(text: str) -> str:
        return dates.parse(text).words()

    if duration and start:
        return f"{duration} from {w(start)} (end not stated)"
    if duration and end:
        return f"{duration}, ending {w(end)}"
    if duration:
        return f"{duration} (dates not stated)"
    if start and start == end:
        return w(start)
    if start and end:
        return f"{w(start)} to {w(end)}"
    if start:
        return f"from {w(start)} (end not stated)"
    if end:
        return f"until {w(end)} (start not stated)"
    return "dates not stated"


def totals_status(op: Operation, outcome: Outcome, site: Site | None = None) -> str:
    """Whether and how the catalogue totals count a figure, in words (for downloads)."""
    if not outcome.metric.totals:
        return f"not added up: {outcome.metric.not_totalled_because}"
    whole = counted_whole(op, outcome)
    if whole is not None:
        return f"not added: part of figure '{whole.id}', which is counted"
    scope = scope_words(site, op, outcome)
    return f"counted, for part of the operation only: {scope}" if scope else "counted"


def other_values(outcome: Outcome) -> str:
    """The other reported values of a figure in one line: "more than 1,000 (headline) [source-id]"."""
    out = []
    for r in outcome.reported:
        where = f" ({r.where})" if r.where else ""
        out.append(f"{figure_of(r).words()}{where} [{', '.join(r.sources)}]")
    return "; ".join(out)


def facts_line(site: Site, oid: str) -> str:
    """The figures, countries and leads of an operation as plain text, worded as on its page (for the feed),
    each lead and figure with its mark when it is marked, and the warning on an unidentifiable operation."""
    op = site.catalog.operations[oid]
    parts = [f"Read with care: {site.thin[oid]}."] if oid in site.thin else []
    figures = [short_words(op, o, site) for o in top_level(op)]
    if figures:
        parts.append("Figures: " + "; ".join(figures) + ".")
    named = len(op.countries)
    if op.countries_count:
        count = Figure(op.countries_count.value, op.countries_count.qualifier).words()
        parts.append(f"Countries: {count} reported, {named} named." if named else f"Countries: {count} reported (not named).")
    elif named:
        parts.append(f"Countries: {named} named.")
    names = [
        (site.catalog.agencies[rid].name if kind == AGENCIES else site.countries[rid].name)
        + (f" ({basis.words()})" if basis else "")
        for kind, rid, basis in site.leads.get(oid, [])
    ]
    if names:
        parts.append("Lead: " + ", ".join(names) + ".")
    if op.announced and op.announced.inferred:
        parts.append(f"Results announced: {dates.parse(op.announced.date).words()} (inferred: {op.announced.inferred}).")
    return " ".join(parts)
