"""An operation's facts at a glance, above its summary: when, where, who led, the headline figures.

On a phone the key figures came after a full screen of prose. The box repeats, in short, what the
page says below with its citations: each figure with its precision and what it covers
(``outcomes.short_words``, as the lists and the feed say it), each date with how it was worked out
when the source does not state it, each lead with whose words the role rests on or how it was
read. It cites nothing itself, so it cannot change the page's source numbers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import figurehtml, html, outcomes
from .html import Markup
from .kinds import AGENCIES, COUNTRIES

if TYPE_CHECKING:
    from .models import AgencyPart, CountryPart, Operation
    from .render import PageContext

SHOWN = 3
"""Countries and figures named in the box before the rest are counted, with a link to them."""

_BOX = html.template('<aside class="ow-glance" aria-label="At a glance">\n<dl>\n{}\n</dl>\n</aside>')
_ROW = html.template("<dt>{}</dt><dd>{}</dd>")
_MORE = html.template('{} and <a href="#{}">{} more</a>')
_MARK = html.template(' <span class="ow-inferred">({})</span>')
_UNKNOWN = html.template('<span class="ow-unknown">{}</span>')


def _marks(part: AgencyPart | CountryPart) -> Markup | str:
    """Whose words a role rests on, or how it was read: the same marks as the part's own row."""
    notes = [
        f"according to {part.attributed_to}" if part.attributed_to else "",
        f"inferred: {part.inferred}" if part.inferred else "",
    ]
    said = "; ".join(n for n in notes if n)
    return _MARK(said) if said else ""


def _when(page: PageContext, oid: str, op: Operation) -> Markup | str:
    from .render import date_words

    for span, what in ((op.period, ""), (op.reporting_period, "figures cover ")):
        if span:
            words = what + outcomes.span_words(span.start, span.end, getattr(span, "duration", None))
            return html.join("", [words, _MARK(f"inferred: {span.inferred}") if span.inferred else ""])
    if op.announced:
        inferred = _MARK(f"inferred: {op.announced.inferred}") if op.announced.inferred else ""
        return html.join("", [f"results announced {date_words(op.announced.date)}", inferred])
    if page.site.op_date.get(oid):
        return html.join("", ["latest date given: ", page.op_date(oid)])
    return _UNKNOWN("not stated in the sources")


def _countries(page: PageContext, op: Operation) -> Markup:
    named = outcomes.took_part(op)
    if not named:
        return figurehtml.countries_cell(op)
    shown = page.links(COUNTRIES, named[:SHOWN])
    rest = len(named) - SHOWN
    return _MORE(shown, "countries", f"{rest:,}") if rest > 0 else shown


def _leads(page: PageContext, op: Operation) -> Markup:
    leads = [html.join("", [page.link(AGENCIES, p.agency), _marks(p)]) for p in op.agencies if p.role == "lead"]
    leads += [html.join("", [page.link(COUNTRIES, p.country), _marks(p)]) for p in op.countries if p.role == "lead"]
    return html.join(", ", leads) if leads else _UNKNOWN("not stated in the sources")


def _figures(page: PageContext, op: Operation) -> Markup:
    top = outcomes.top_level(op)
    if not top:
        return _UNKNOWN("none reported")
    shown = html.join("; ", [outcomes.short_words(op, o, page.site) for o in top[:SHOWN]])
    rest = len(top) - SHOWN
    return _MORE(shown, "key-figures", f"{rest:,}") if rest > 0 else shown


def box(page: PageContext, oid: str) -> Markup:
    """The at-a-glance box of an operation page."""
    op = page.site.catalog.operations[oid]
    rows = [
        _ROW("When", _when(page, oid, op)),
        _ROW("Countries", _countries(page, op)),
        _ROW("Led by", _leads(page, op)),
        _ROW("Figures", _figures(page, op)),
    ]
    return _BOX(html.join("\n", rows))
