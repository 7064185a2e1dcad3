"""HTML for figures: cards with their parts, scopes and other reported values; notes on totals.

Pieces are ``html.template``s (every value escaped unless it is markup); citations and links
come from the page context, so they number and resolve like everything else on the page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import html, outcomes
from .citations import PART_DEPTH
from .html import Markup
from .kinds import OPERATIONS

if TYPE_CHECKING:
    from .models import Operation, Outcome
    from .outcomes import Figures
    from .render import PageContext
    from .site import Total
    from .vocab import Term

_TERM = html.template('<a class="ow-term" href="{}#{}" title="{}">{}</a>')
_SCOPE = html.template('<p class="ow-card__scope">{}</p>\n')
_REPORTED_ONE = html.template("{figure}{where}{cites}")
_WHERE = html.template(" ({})")
_REASON = html.template(": {}")
_REPORTED = html.template('<p class="ow-card__reported">Also reported: {}. Totals use {}{}.</p>\n')
_PART_NOTE = html.template(' <span class="ow-card__note">{}</span>')
_BASIS = html.template('<p class="ow-card__basis ow-basis">{}</p>\n')
_PART_BASIS = html.template(' <span class="ow-basis">({})</span>')
_PART = html.template("<li>of which <strong>{figure}</strong> {term}{extra}{cites}{basis}{note}{inner}</li>")
_PARTS = html.template('<ul class="ow-card__parts">{}</ul>')
_CARD_NOTE = html.template('<p class="ow-card__note">{}</p>\n')
_NEVER = html.template('<p class="ow-card__note">Not added up across operations: {}.</p>\n')
_ANCHOR = html.template(' id="figure-{}"')
_STATUS = html.template('<p class="ow-card__status ow-card__status--{}"><strong>{}</strong>{}: {}.</p>\n')
_SAID = html.template(" (the source says “{}”)")
_STATUS_MEANS = {
    "provisional": ("Provisional", "a tally before the final count; totals include it and say so"),
    "forecast": ("Forecast", "what was expected, not a result; never added to any total"),
}
_CARD = html.template(
    '<div class="ow-card"{anchor}>\n<p class="{css}">{figure}</p>\n'
    '<p class="ow-card__label">{term}{cites}</p>\n'
    "{status}{scope}{basis}{parts}{reported}{note}{never}</div>"
)
_CARDS = html.template('<div class="ow-cards">\n{}\n</div>')
_WITH_OPERATION = html.template("{} ({})")
_PARTIAL = html.template("Includes figures for part of an operation only: {}.")
_LEFT_OUT = html.template("Leaves out: {}.")
_PROVISIONAL = html.template("Includes provisional figures (tallies so far, not final counts): {}.")
_MARKED = html.template("Counted, read with care: {}.")
_OVERLAPS = html.template("Also counted in another row, as part of a larger figure: {}.")
_TOTAL_NOTE = html.template('<br><span class="ow-total-note">{}</span>')
_COUNT_NOTE = html.template(' <span class="ow-muted">({})</span>')
_COUNT = html.template("<span>{} reported, {} named</span>")
_NOT_NAMED = html.template("{} reported (not named)")
_NOT_STATED = html.literal('<span class="ow-unknown">not stated</span>')


def term_link(page: PageContext, term: Term, capital: bool = False, value: int | None = None) -> Markup:
    """A term's label linked to its glossary entry, with its definition as a tooltip (the singular
    label beside a value of exactly one: "of which 1 arrest")."""
    label = term.label_for(value) if value is not None else term.label
    label = label[:1].upper() + label[1:] if capital else label
    return _TERM(page.href("", "glossary"), term.anchor, term.definition, label)


def _scope(page: PageContext, op: Figures, o: Outcome) -> Markup | str:
    words = "; ".join(w for w in (outcomes.scope_words(page.site, op, o), outcomes.across_words(o.across_countries)) if w)
    return _SCOPE(words[:1].upper() + words[1:]) if words else ""


def status(o: Outcome) -> Markup | str:
    """A provisional figure or a forecast says so, with the source's words; a final figure says nothing."""
    if o.status == "final":
        return ""
    name, means = _STATUS_MEANS[o.status]
    said = outcomes.source_says(o)
    return _STATUS(o.status, name, _SAID(said) if said else "", means)


def _reported(page: PageContext, o: Outcome) -> Markup | str:
    if not o.reported:
        return ""
    others = [
        _REPORTED_ONE(figure=outcomes.figure_of(r).words(), where=_WHERE(r.where) if r.where else "", cites=page.cite(r.sources))
        for r in o.reported
    ]
    reason = _REASON(o.chosen_because) if o.chosen_because else ""
    return _REPORTED(html.join("; ", others), outcomes.figure_of(o).words(), reason)


def _part(page: PageContext, op: Figures, o: Outcome, depth: int) -> Markup:
    scope = "; ".join(
        w
        for w in (outcomes.scope_words(page.site, op, o), outcomes.across_words(o.across_countries), outcomes.status_words(o))
        if w
    )
    return _PART(
        figure=outcomes.figure_of(o).words(),
        term=term_link(page, o.metric, value=o.value),
        extra=_WHERE(scope) if scope else "",
        cites=page.cite(o.sources),
        basis=_PART_BASIS(b) if (b := outcomes.basis_words(o)) else "",
        note=_PART_NOTE(o.note) if o.note else "",
        inner=_parts(page, op, o, depth + 1),
    )


def _parts(page: PageContext, op: Figures, o: Outcome, depth: int = 0) -> Markup | str:
    found = outcomes.parts(op, o) if depth < PART_DEPTH else []
    if not found:
        return ""
    return _PARTS(html.join("", [_part(page, op, p, depth) for p in found]))


def card(page: PageContext, op: Figures, o: Outcome) -> Markup:
    """One top-level figure of a record (an operation, a series, an agency) as a card."""
    parts = _parts(page, op, o)
    return _CARD(
        anchor=_ANCHOR(o.id) if o.id else "",
        css="ow-card__value"
        + (" ow-card__value--words" if o.value is None else "")
        + (f" ow-card__value--{o.status}" if o.status != "final" else ""),
        figure=outcomes.figure_of(o).words(),
        term=term_link(page, o.metric, value=o.value),
        cites=page.cite(o.sources),
        status=status(o),
        scope=_scope(page, op, o),
        basis=_BASIS(b[:1].upper() + b[1:]) if (b := outcomes.basis_words(o)) else "",
        parts=parts + html.literal("\n") if parts else "",
        reported=_reported(page, o),
        note=_CARD_NOTE(o.note) if o.note else "",
        never=_NEVER(o.metric.not_totalled_because) if not o.metric.totals else "",
    )


def cards(page: PageContext, op: Figures) -> Markup:
    return _CARDS(html.join("\n", [card(page, op, o) for o in outcomes.top_level(op)]))


_CELL_FIGURE = html.template("<strong>{}</strong>{}{}")
_NONE_GIVEN = html.literal('<span class="ow-unknown">none given</span>')


def edition_cell(page: PageContext, op: Operation, figures: tuple[Outcome, ...]) -> Markup:
    """An edition's figures of one measure in a series table, each at its precision, with its scope and status."""
    if not figures:
        return _NONE_GIVEN
    pieces = []
    for o in figures:
        notes = [
            outcomes.scope_words(page.site, op, o),
            outcomes.across_words(o.across_countries),
            outcomes.status_words(o),
            outcomes.basis_words(o),
        ]
        said = "; ".join(n for n in notes if n)
        pieces.append(_CELL_FIGURE(outcomes.figure_of(o).words(), page.cite(o.sources), _WHERE(said) if said else ""))
    return html.join(html.literal("<br>"), pieces)


_OWN = html.template("<strong>{figure}</strong> {term}{cites}{extra}")


def country_figure(page: PageContext, op: Operation, o: Outcome) -> Markup:
    """A figure the sources give for one country alone, as that country's own, with any narrower scope and its status."""
    notes = [o.scope or "", outcomes.across_words(o.across_countries), outcomes.status_words(o), outcomes.basis_words(o)]
    if o.phase and (found := outcomes.phase(op, o.phase)):
        notes.insert(0, f"{found.name} only")
    said = "; ".join(n for n in notes if n)
    return _OWN(
        figure=outcomes.figure_of(o).words(),
        term=term_link(page, o.metric, value=o.value),
        cites=page.cite(o.sources),
        extra=_WHERE(said) if said else "",
    )


def whole_figures(page: PageContext, op: Operation, o: Outcome) -> Markup | str:
    """What the whole operation reported for the same measure (its figures for no single country), in words."""
    wholes = [w for w in outcomes.wholes(op, o) if w.metric == o.metric and not w.country]
    if not wholes:
        wholes = [w for w in outcomes.top_level(op) if w.metric == o.metric and not w.country]
    if not wholes:
        return _NONE_GIVEN
    return "; ".join(outcomes.short_words(op, w, page.site) for w in wholes)


def total_notes(page: PageContext, t: Total) -> Markup:
    """What a total counts only in part, and what it leaves out, each with its operation."""
    lines = []
    if t.partial:
        lines.append(_PARTIAL(html.join("; ", [_WITH_OPERATION(words, page.link(OPERATIONS, oid)) for oid, words in t.partial])))
    if t.provisional:
        lines.append(
            _PROVISIONAL(html.join("; ", [_WITH_OPERATION(words, page.link(OPERATIONS, oid)) for oid, words in t.provisional]))
        )
    if t.left_out:
        lines.append(
            _LEFT_OUT(html.join("; ", [_WITH_OPERATION(words, page.link(OPERATIONS, oid)) for oid, words in t.left_out]))
        )
    if t.marked:
        lines.append(_MARKED(html.join("; ", [_WITH_OPERATION(words, page.link(OPERATIONS, oid)) for oid, words in t.marked])))
    if t.overlaps:
        lines.append(
            _OVERLAPS(html.join("; ", [_WITH_OPERATION(words, page.link(OPERATIONS, oid)) for oid, words in t.overlaps]))
        )
    return html.join("", [_TOTAL_NOTE(line) for line in lines])


def countries_cell(op: Operation) -> Markup:
    """The operations list's Countries cell: named countries and the reported count, whichever the sources give,
    the count saying what it counts ("116 countries and territories reported")."""
    hosts = len(outcomes.hosted_only(op))
    cell = _countries_taking_part(op)
    if hosts:
        return html.join(
            "",
            [
                cell,
                _HOSTS(
                    f"{hosts} more hosted or supported only" if cell is not _NOT_STATED else f"{hosts} hosted or supported only"
                ),
            ],
        )
    return cell


_HOSTS = html.template(' <span class="ow-muted">({})</span>')


def _countries_taking_part(op: Operation) -> Markup:
    named = len(outcomes.took_part(op))
    count = op.countries_count
    reported = outcomes.count_words(count) if count else ""
    note = _COUNT_NOTE(count.note) if count and count.note else ""  # shown, not a tooltip: it says what the count is
    if named and count:
        return html.join("", [_COUNT(reported, str(named)), note])
    if named:
        return html.escape(named)
    if count:
        return html.join("", [_NOT_NAMED(reported), note])
    return _NOT_STATED


def countries_sort(op: Operation) -> int:
    return max(len(outcomes.took_part(op)), op.countries_count.value if op.countries_count else 0)
