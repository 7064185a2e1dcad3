"""HTML for figures: cards with their parts, scopes and other reported values; notes on totals.

Pieces are ``html.template``s (every value escaped unless it is markup); citations and links
come from the page context, so they number and resolve like everything else on the page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import html, outcomes
from .citations import PART_DEPTH
from .figures import QUALIFIER_WORDS
from .html import Markup
from .kinds import OPERATIONS

if TYPE_CHECKING:
    from .models import Operation, Outcome
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
_CARD = html.template(
    '<div class="ow-card"{anchor}>\n<p class="{css}">{figure}</p>\n'
    '<p class="ow-card__label">{term}{cites}</p>\n'
    "{scope}{basis}{parts}{reported}{note}{never}</div>"
)
_CARDS = html.template('<div class="ow-cards">\n{}\n</div>')
_WITH_OPERATION = html.template("{} ({})")
_PARTIAL = html.template("Includes figures for part of an operation only: {}.")
_LEFT_OUT = html.template("Leaves out: {}.")
_MARKED = html.template("Counted, read with care: {}.")
_OVERLAPS = html.template("Also counted in another row, as part of a larger figure: {}.")
_TOTAL_NOTE = html.template('<br><span class="ow-total-note">{}</span>')
_COUNT_NOTE = html.template('<span title="{}">{} reported, {} named</span>')
_COUNT = html.template("<span>{} reported, {} named</span>")
_NOT_NAMED = html.template("{} reported (not named)")
_NOT_STATED = html.literal('<span class="ow-unknown">not stated</span>')


def term_link(page: PageContext, term: Term, capital: bool = False) -> Markup:
    """A term's label linked to its glossary entry, with its definition as a tooltip."""
    label = term.label[:1].upper() + term.label[1:] if capital else term.label
    return _TERM(page.href("", "glossary"), term.anchor, term.definition, label)


def _scope(page: PageContext, op: Operation, o: Outcome) -> Markup | str:
    words = outcomes.scope_words(page.site, op, o)
    return _SCOPE(words) if words else ""


def _reported(page: PageContext, o: Outcome) -> Markup | str:
    if not o.reported:
        return ""
    others = [
        _REPORTED_ONE(figure=outcomes.figure_of(r).words(), where=_WHERE(r.where) if r.where else "", cites=page.cite(r.sources))
        for r in o.reported
    ]
    reason = _REASON(o.chosen_because) if o.chosen_because else ""
    return _REPORTED(html.join("; ", others), outcomes.figure_of(o).words(), reason)


def _part(page: PageContext, op: Operation, o: Outcome, depth: int) -> Markup:
    scope = outcomes.scope_words(page.site, op, o)
    return _PART(
        figure=outcomes.figure_of(o).words(),
        term=term_link(page, o.metric),
        extra=_WHERE(scope) if scope else "",
        cites=page.cite(o.sources),
        basis=_PART_BASIS(b) if (b := outcomes.basis_words(o)) else "",
        note=_PART_NOTE(o.note) if o.note else "",
        inner=_parts(page, op, o, depth + 1),
    )


def _parts(page: PageContext, op: Operation, o: Outcome, depth: int = 0) -> Markup | str:
    found = outcomes.parts(op, o) if depth < PART_DEPTH else []
    if not found:
        return ""
    return _PARTS(html.join("", [_part(page, op, p, depth) for p in found]))


def card(page: PageContext, op: Operation, o: Outcome) -> Markup:
    """One top-level figure as a card."""
    parts = _parts(page, op, o)
    return _CARD(
        anchor=_ANCHOR(o.id) if o.id else "",
        css="ow-card__value" + (" ow-card__value--words" if o.value is None else ""),
        figure=outcomes.figure_of(o).words(),
        term=term_link(page, o.metric),
        cites=page.cite(o.sources),
        scope=_scope(page, op, o),
        basis=_BASIS(b[:1].upper() + b[1:]) if (b := outcomes.basis_words(o)) else "",
        parts=parts + html.literal("\n") if parts else "",
        reported=_reported(page, o),
        note=_CARD_NOTE(o.note) if o.note else "",
        never=_NEVER(o.metric.not_totalled_because) if not o.metric.totals else "",
    )


def cards(page: PageContext, op: Operation) -> Markup:
    return _CARDS(html.join("\n", [card(page, op, o) for o in outcomes.top_level(op)]))


def total_notes(page: PageContext, t: Total) -> Markup:
    """What a total counts only in part, and what it leaves out, each with its operation."""
    lines = []
    if t.partial:
        lines.append(_PARTIAL(html.join("; ", [_WITH_OPERATION(words, page.link(OPERATIONS, oid)) for oid, words in t.partial])))
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
    """The operations list's Countries cell: named countries and the reported count, whichever the sources give."""
    named = len(op.countries)
    count = op.countries_count
    reported = f"{QUALIFIER_WORDS.get(count.qualifier, '')} {count.value:,}".strip() if count else ""
    if named and count:
        return _COUNT_NOTE(count.note, reported, str(named)) if count.note else _COUNT(reported, str(named))
    if named:
        return html.escape(named)
    if count:
        return _NOT_NAMED(reported)
    return _NOT_STATED


def countries_sort(op: Operation) -> int:
    return max(len(op.countries), op.countries_count.value if op.countries_count else 0)
