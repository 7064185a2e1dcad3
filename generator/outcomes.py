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
    from .models import AcrossCountries, Agency, CountryCount, Operation, Outcome, Phase, ReportedValue, Series
    from .site import Site

    Figures = Operation | Series | Agency
    """A record with figures: an operation's own, a series' (several editions) or an agency's (its year)."""


NO_PART_ROLES = frozenset({"host", "support"})
"""Country roles that do not mean taking part in the action (hosting a meeting or a training, support):
such a country's page lists the operation apart, its totals leave the operation out, and counts of
the countries taking part do not include it."""


def took_part(op: Operation) -> list[str]:
    """The countries an operation lists as taking part (any role but host or support)."""
    return [p.country for p in op.countries if p.role not in NO_PART_ROLES]


def hosted_only(op: Operation) -> list[str]:
    """The countries an operation lists only as a host or a supporter."""
    return [p.country for p in op.countries if p.role in NO_PART_ROLES]


def figure_of(o: Outcome | ReportedValue) -> Figure:
    """The number of a reported figure (or of another reported value), at its precision."""
    return Figure(o.value, o.qualifier or "exact", o.as_reported, o.value_max)


class _Tree:
    """How an operation's figures nest, worked out once per operation (records are frozen): every
    question below is then a lookup, so a page or check costs time linear in the figures, whatever
    the length of their ``part_of`` chains."""

    def __init__(self, op: Figures) -> None:
        self.named: dict[str, Outcome] = {o.id: o for o in op.outcomes if o.id}
        self.children: dict[str, list[Outcome]] = {}
        self.top: list[Outcome] = []
        for o in op.outcomes:
            if o.part_of and o.part_of in self.named:
                self.children.setdefault(o.part_of, []).append(o)
            else:
                self.top.append(o)
        self.nearest: dict[tuple[int, str], Outcome | None] = {}
        """(id of a figure, measure) → that figure or its nearest whole of that measure."""

    def parent(self, o: Outcome) -> Outcome | None:
        return self.named.get(o.part_of) if o.part_of else None

    def with_measure(self, start: Outcome | None, measure: str, origin: Outcome) -> Outcome | None:
        """``start`` or its nearest whole of ``measure`` (a loop, which the check refuses, ends the walk)."""
        walked: list[Outcome] = []
        seen = {id(origin)}
        found = None
        current = start
        while current is not None and id(current) not in seen:
            key = (id(current), measure)
            if key in self.nearest:
                found = self.nearest[key]
                break
            if str(current.metric) == measure:
                found = current
                break
            seen.add(id(current))
            walked.append(current)
            current = self.parent(current)
        for o in walked:
            self.nearest[(id(o), measure)] = found
        return found


_TREES: dict[int, tuple[Figures, _Tree]] = {}
"""Each operation's figure tree, by the operation's identity (the operation is kept, so the id stays its own)."""


def _tree(op: Figures) -> _Tree:
    found = _TREES.get(id(op))
    if found is None or found[0] is not op:
        found = _TREES[id(op)] = (op, _Tree(op))
    return found[1]


def forget() -> None:
    """Drop the figure trees (after a build: they only speed one up)."""
    _TREES.clear()


def by_id(op: Figures) -> dict[str, Outcome]:
    """The figures of an operation that have an id."""
    return _tree(op).named


def wholes(op: Figures, outcome: Outcome) -> list[Outcome]:
    """The figures this one is part of, nearest first (a loop, which the check refuses, ends the walk)."""
    tree = _tree(op)
    chain: list[Outcome] = []
    seen = {id(outcome)}
    current = tree.parent(outcome)
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        chain.append(current)
        current = tree.parent(current)
    return chain


def counted_whole(op: Figures, outcome: Outcome) -> Outcome | None:
    """The figure of the same measure that already counts this one, if any: a part is never added to its whole."""
    tree = _tree(op)
    return tree.with_measure(tree.parent(outcome), str(outcome.metric), outcome)


def parts(op: Figures, outcome: Outcome) -> list[Outcome]:
    """The figures that say they are part of this one, in record order."""
    return list(_tree(op).children.get(outcome.id, ())) if outcome.id else []


def top_level(op: Figures) -> list[Outcome]:
    """The figures that are not part of another figure of the record."""
    return list(_tree(op).top)


def phase(op: Figures, pid: str | None) -> Phase | None:
    """A phase of the operation by id (series and agencies have none)."""
    return next((p for p in getattr(op, "phases", ()) if p.id == pid), None) if pid else None


def scope_words(site: Site | None, op: Figures, outcome: Outcome) -> str:
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


def source_says(outcome: Outcome) -> str:
    """The source's own words for a figure's status, without the quotation marks a record may have
    put around them (the pages add their own): "so far", not "\"so far\""."""
    return (outcome.status_words or "").strip().strip("\"'“”‘’«»").strip()


def status_words(outcome: Outcome) -> str:
    """What a figure's status means for a reader, or "" for a final figure:
    "provisional (so far)", "forecast (expected to find), not a result; never added to totals"."""
    if outcome.status == "final":
        return ""
    said = f" ({source_says(outcome)})" if source_says(outcome) else ""
    if outcome.status == "forecast":
        return f"forecast{said}, not a result; never added to totals"
    return f"{outcome.status}{said}"


def across_words(across: AcrossCountries | None) -> str:
    """The countries a figure spans, as the source counts them: "in 7 countries", "in more than 20 countries"."""
    if across is None:
        return ""
    return f"in {Figure(across.value, across.qualifier).words()} {'country' if across.value == 1 else 'countries'}"


def count_words(count: CountryCount) -> str:
    """A country count with what it counts: "116 countries and territories", "6 countries besides the United States"."""
    noun = "countries and territories" if count.counts == "countries-and-territories" else "countries"
    if count.value == 1:
        noun = "country or territory" if count.counts == "countries-and-territories" else "country"
    scope = f" ({count.scope})" if count.scope else ""
    return f"{Figure(count.value, count.qualifier).words()} {noun}{scope}"


def short_words(op: Figures, outcome: Outcome, site: Site | None = None, depth: int = 0) -> str:
    """One figure as a phrase for lists and feeds: "nearly 500 victims rescued (of which 236 children rescued)",
    "70 arrests (of which 34 for trafficking, 36 for other offences)", "46 arrests (New Zealand only)",
    "about 250 arrests (in 7 countries; provisional (so far))"."""
    text = figure_phrase(outcome)
    notes = []
    scope = scope_words(site, op, outcome)
    if scope:
        notes.append(scope)
    for words in (across_words(outcome.across_countries), status_words(outcome), basis_words(outcome)):
        if words:
            notes.append(words)
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
    return f"{figure.words()} {o.metric.label_for(o.value)}"


def basis_words(o: Outcome) -> str:
    """A figure's mark and note when the site infers it or a report puts it in someone's mouth, else ""."""
    from .site import Basis

    return Basis.of(o).words()


def span_words(start: str | None, end: str | None, duration: str | None = None) -> str:
    """A span in words: "May to June 2023", "2 years from October 2019 (end not stated)"."""

    def w(text: str) -> str:
        return dates.parse(text).words()

    if duration and start and end:
        return f"{w(start)} to {w(end)} ({duration})"
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
    if outcome.status == "forecast":
        return "not added: a forecast, not a result"
    whole = counted_whole(op, outcome)
    if whole is not None:
        return f"not added: part of figure '{whole.id}', which is counted"
    scope = scope_words(site, op, outcome)
    counted = f"counted, for part of the operation only: {scope}" if scope else "counted"
    return f"{counted} (provisional)" if outcome.status == "provisional" else counted


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
    from .site import Basis

    op = site.catalog.operations[oid]
    parts = [f"Read with care: {site.thin[oid]}."] if oid in site.thin else []
    if op.series:
        edition = f"Edition {op.edition} of" if op.edition else "An edition of"
        parts.append(f"{edition} {site.catalog.series[op.series].name}.")
    figures = [short_words(op, o, site) for o in top_level(op)]
    if figures:
        parts.append("Figures: " + "; ".join(figures) + ".")
    named = len(took_part(op))
    if op.countries_count:
        count = count_words(op.countries_count)
        note = f" ({op.countries_count.note})" if op.countries_count.note else ""
        parts.append(
            f"Countries: {count} reported, {named} named{note}." if named else f"Countries: {count} reported (not named){note}."
        )
    elif named:
        parts.append(f"Countries: {named} named.")
    hosts = [
        site.countries[p.country].name + (f" ({basis.words()})" if (basis := Basis.of(p)) else "")
        for p in op.countries
        if p.role in NO_PART_ROLES
    ]
    if hosts:
        parts.append(f"Host or support only: {', '.join(hosts)}.")
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
