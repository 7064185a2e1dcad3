"""An operation's facts at a glance, above its summary: when, where, who led, the headline figures.

On a phone the key figures came after a full screen of prose. The box repeats, in short, what the
page says below with its citations: each figure with its precision and what it covers
(``PageContext.headline_figures``, as the operations list says them), each date with how it was
worked out when the source does not state it, each lead with its mark (``site.leads``' basis:
how the site read it, or whose words it rests on), as the list shows it. It cites nothing itself, so it cannot change the page's source numbers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import figurehtml, html, outcomes
from .html import Markup
from .kinds import COUNTRIES
from .site import Basis

if TYPE_CHECKING:
    from .models import Operation
    from .render import PageContext

SHOWN = 3
"""Countries and figures named in the box before the rest are counted, with a link to them."""

_BOX = html.template('<aside class="ow-glance" aria-label="At a glance">\n<dl>\n{}\n</dl>\n</aside>')
_ROW = html.template("<dt>{}</dt><dd>{}</dd>")
_MORE = html.template('{} and <a href="#{}">{} more</a>')
_UNKNOWN = html.template('<span class="ow-unknown">{}</span>')


def _when(page: PageContext, oid: str, op: Operation) -> Markup | str:
    from .render import basis_html, date_words

    for span, what in ((op.period, ""), (op.reporting_period, "figures cover ")):
        if span:
            words = what + outcomes.span_words(span.start, span.end, getattr(span, "duration", None))
            return html.join("", [words, basis_html(Basis.of(span))])
    if op.announced:
        return html.join("", [f"results announced {date_words(op.announced.date)}", basis_html(Basis.of(op.announced))])
    if page.site.op_date.get(oid):
        return html.join("", ["latest date given: ", page.op_date(oid)])
    return _UNKNOWN("not stated in the sources")


def _countries(page: PageContext, op: Operation) -> Markup:
    parts = [p for p in op.countries if p.role not in outcomes.NO_PART_ROLES]
    if not parts:
        return figurehtml.countries_cell(op)
    # Each country with its mark, as in the role tables: a part the sources do not state in their own voice.
    shown = html.join(", ", [html.join("", [page.link(COUNTRIES, p.country), page.part_basis(p)]) for p in parts[:SHOWN]])
    rest = len(parts) - SHOWN
    return _MORE(shown, "countries", f"{rest:,}") if rest > 0 else shown


def _leads(page: PageContext, oid: str) -> Markup:
    leads = page.lead_links(oid)  # as the operations list shows them, with their marks
    return html.join(", ", leads) if leads else _UNKNOWN("not stated in the sources")


def _figures(page: PageContext, oid: str, op: Operation) -> Markup | str:
    top = outcomes.top_level(op)
    if not top:
        return _UNKNOWN("none reported")
    shown = page.headline_figures(oid, SHOWN)  # as the operations list says them
    rest = len(top) - SHOWN
    return _MORE(shown, "key-figures", f"{rest:,}") if rest > 0 else shown


def box(page: PageContext, oid: str) -> Markup:
    """The at-a-glance box of an operation page."""
    op = page.site.catalog.operations[oid]
    rows = [
        _ROW("When", _when(page, oid, op)),
        _ROW("Countries", _countries(page, op)),
        _ROW("Led by", _leads(page, oid)),
        _ROW("Figures", _figures(page, oid, op)),
    ]
    return _BOX(html.join("\n", rows))
