"""HTML for figures: cards with their parts, scopes and other reported values; notes on totals.

Every record string goes through ``esc``; citations and links come from the page
context, so they number and resolve like everything else on the page.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from . import outcomes
from .figures import QUALIFIER_WORDS
from .kinds import OPERATIONS

if TYPE_CHECKING:
    from .link import Total
    from .models import Operation, Outcome
    from .render import PageContext
    from .vocab import Term


def esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def term_link(page: PageContext, term: Term, capital: bool = False) -> str:
    """A term's label linked to its glossary entry, with its definition as a tooltip."""
    label = term.label[:1].upper() + term.label[1:] if capital else term.label
    return f'<a class="ow-term" href="{page.href("", "glossary")}#{term.anchor}" title="{esc(term.definition)}">{esc(label)}</a>'


def _scope(page: PageContext, op: Operation, o: Outcome) -> str:
    words = outcomes.scope_words(page.site, op, o)
    return f'<p class="ow-card__scope">{esc(words)}</p>\n' if words else ""


def _reported(page: PageContext, o: Outcome) -> str:
    if not o.reported:
        return ""
    others = []
    for r in o.reported:
        where = f" ({esc(r.where)})" if r.where else ""
        others.append(f"{esc(outcomes.figure_of(r).words())}{where}{page._cite(r.sources)}")
    chosen = f"{esc(outcomes.figure_of(o).words())}"
    reason = f": {esc(o.chosen_because)}" if o.chosen_because else ""
    return f'<p class="ow-card__reported">Also reported: {"; ".join(others)}. Totals use {chosen}{reason}.</p>\n'


def _part(page: PageContext, op: Operation, o: Outcome, depth: int) -> str:
    scope = outcomes.scope_words(page.site, op, o)
    extra = f" ({esc(scope)})" if scope else ""
    note = f' <span class="ow-card__note">{esc(o.note)}</span>' if o.note else ""
    inner = _parts(page, op, o, depth + 1)
    return (
        f"<li>of which <strong>{esc(outcomes.figure_of(o).words())}</strong> {term_link(page, o.metric)}"
        f"{extra}{page._cite(o.sources)}{note}{inner}</li>"
    )


def _parts(page: PageContext, op: Operation, o: Outcome, depth: int = 0) -> str:
    found = outcomes.parts(op, o) if depth < 4 else []
    if not found:
        return ""
    return '<ul class="ow-card__parts">' + "".join(_part(page, op, p, depth) for p in found) + "</ul>"


def card(page: PageContext, op: Operation, o: Outcome) -> str:
    """One top-level figure as a card."""
    figure = outcomes.figure_of(o)
    css = "ow-card__value" + (" ow-card__value--words" if o.value is None else "")
    anchor = f' id="figure-{o.id}"' if o.id else ""
    note = f'<p class="ow-card__note">{esc(o.note)}</p>\n' if o.note else ""
    parts = _parts(page, op, o)
    parts = parts + "\n" if parts else ""
    never = (
        f'<p class="ow-card__note">Not added up across operations: {esc(o.metric.not_totalled_because)}.</p>\n'
        if not o.metric.totals
        else ""
    )
    return (
        f'<div class="ow-card"{anchor}>\n<p class="{css}">{esc(figure.words())}</p>\n'
        f'<p class="ow-card__label">{term_link(page, o.metric)}{page._cite(o.sources)}</p>\n'
        f"{_scope(page, op, o)}{parts}{_reported(page, o)}{note}{never}</div>"
    )


def cards(page: PageContext, op: Operation) -> str:
    return '<div class="ow-cards">\n' + "\n".join(card(page, op, o) for o in outcomes.top_level(op)) + "\n</div>"


def total_notes(page: PageContext, t: Total) -> str:
    """What a total counts only in part, and what it leaves out, each with its operation."""
    lines = []
    if t.partial:
        items = "; ".join(f"{esc(words)} ({page._a(OPERATIONS, oid)})" for oid, words in t.partial)
        lines.append(f"Includes figures for part of an operation only: {items}.")
    if t.left_out:
        items = "; ".join(f"{esc(words)} ({page._a(OPERATIONS, oid)})" for oid, words in t.left_out)
        lines.append(f"Leaves out: {items}.")
    return "".join(f'<br><span class="ow-total-note">{line}</span>' for line in lines)


def countries_cell(op: Operation) -> str:
    """The operations list's Countries cell: named countries and the reported count, whichever the sources give."""
    named = len(op.countries)
    count = op.countries_count
    reported = f"{QUALIFIER_WORDS.get(count.qualifier, '')} {count.value:,}".strip() if count else ""
    if named and count:
        note = f' title="{esc(count.note)}"' if count.note else ""
        return f"<span{note}>{esc(reported)} reported, {named} named</span>"
    if named:
        return str(named)
    if count:
        return f"{esc(reported)} reported (not named)"
    return '<span class="ow-unknown">not stated</span>'


def countries_sort(op: Operation) -> int:
    return max(len(op.countries), op.countries_count.value if op.countries_count else 0)
