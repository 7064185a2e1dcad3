"""HTML for the cells of the list pages that must stay short on a phone (sources index).

A cell that would grow with the catalogue (what cites a source) names a few records and counts
the rest; a pair of facts the sources often lack (publisher, date) says so once, not twice.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import html
from .html import Markup
from .kinds import KINDS, OPERATIONS

if TYPE_CHECKING:
    from .models import Source
    from .render import PageContext

CELL_EXAMPLES = 3
"""Records named in a list cell before the rest are counted."""

_UNKNOWN = html.literal('<span class="ow-unknown">not stated</span>')
_MORE = html.template('{} and <a href="{}#cited-by">{} more</a>')
_OTHERS = html.template('{}; <a href="{}#cited-by">{}</a>')
_A_COUNT = html.template('<a href="{}#cited-by">{}</a>')
_NONE = html.literal('<span class="ow-unknown">none yet</span>')


def publisher_words(page: PageContext, source: Source) -> Markup:
    """ "Publisher, date", either alone, or "not stated" once when the source gives neither."""
    from .render import date_words

    parts = [p for p in (source.publisher, date_words(source.published) if source.published else None) if p]
    return html.join(", ", [html.name(p) for p in parts]) if parts else _UNKNOWN


def _count(n: int, kind: str) -> str:
    return f"1 {KINDS[kind].singular}" if n == 1 else f"{n:,} {kind}"  # a kind's folder is its plural


def cited_by_line(page: PageContext, sid: str) -> Markup:
    """The operations citing a source (a few, then a count), then a count of the other records
    citing it, linked to the source page's full list."""
    citing = page.site.cited_by.get(sid, [])
    if not citing:
        return _NONE
    href = page.href("sources", sid)
    ops = [rid for kind, rid in citing if kind == OPERATIONS]
    shown = page.links(OPERATIONS, ops[:CELL_EXAMPLES])
    if len(ops) > CELL_EXAMPLES:
        shown = _MORE(shown, href, f"{len(ops) - CELL_EXAMPLES:,}")
    others: dict[str, int] = {}
    for kind, _ in citing:
        if kind != OPERATIONS:
            others[kind] = others.get(kind, 0) + 1
    if not others:
        return shown
    counted = ", ".join(_count(n, kind) for kind, n in others.items())
    return _OTHERS(shown, href, counted) if ops else _A_COUNT(href, counted)
