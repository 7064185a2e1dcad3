"""Lists that grow with the catalogue, split into parts of bounded size.

Each part has a stable address next to the first one (``operations/index.md``, then
``operations/index_2.md``, ...; record ids never contain ``_``, so no part can take a record's
address), and links to the previous and next parts and to every part. The first part keeps the
address the list always had.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from . import html
from .html import Markup

T = TypeVar("T")

# Sizes chosen so that a part stays well under 300 KB of HTML with the theme's chrome.
OPERATIONS = 400
"""Rows of the operations index on one page."""
SOURCES = 500
AGENCIES = 800
TIMELINE = 250
"""Timeline entries on one page (each with its citation and the page's source list)."""
RECORD_OPERATIONS = 100
"""Operations listed on an agency's or country's page; the rest on its continuation pages."""
EXAMPLES = 20
"""Operations named beside a total (home and country pages); the rest are counted, not linked."""


def chunks(items: Sequence[T], size: int) -> list[list[T]]:
    """The items in parts of at most ``size``; always at least one part (maybe empty)."""
    return [list(items[i : i + size]) for i in range(0, len(items), size)] or [[]]


def part_path(first: str, n: int) -> str:
    """Address of part ``n`` (from 1) of a list whose first part is ``first`` (a .md path)."""
    return first if n == 1 else f"{first[:-3]}_{n}.md"


def _href(first: str, n: int) -> str:
    return part_path(first, n).rpartition("/")[2][:-3] + ".html"


_PREVIOUS = html.template('<a rel="prev" href="{}">Previous</a>')
_NEXT = html.template('<a rel="next" href="{}">Next</a>')
_STEP = html.template("Part {} of {}")
_CURRENT = html.template('<li><span aria-current="page">{}</span></li>')
_OTHER = html.template('<li><a href="{}">{}</a></li>')
_PAGER = html.template(
    '<nav class="ow-pager" aria-label="Parts of this list"><p>{}</p>\n<ol class="ow-pager__parts">{}</ol></nav>'
)


def pager(first: str, n: int, total: int, labels: Sequence[str] | None = None) -> Markup:
    """Links between the parts of a list, for part ``n`` of ``total`` (nothing when there is one).

    ``labels`` names the parts (e.g. the range of rows each holds); numbers otherwise."""
    if total <= 1:
        return Markup()
    names = list(labels) if labels else [str(i) for i in range(1, total + 1)]
    steps = []
    if n > 1:
        steps.append(_PREVIOUS(_href(first, n - 1)))
    steps.append(_STEP(str(n), str(total)))
    if n < total:
        steps.append(_NEXT(_href(first, n + 1)))
    items = [_CURRENT(name) if i == n else _OTHER(_href(first, i), name) for i, name in enumerate(names, 1)]
    return _PAGER(html.join(" · ", steps), html.join("", items))


def ranges(parts: Sequence[Sequence[object]]) -> list[str]:
    """Labels like "1–400", "401–800" for parts of a list."""
    labels, start = [], 1
    for part in parts:
        end = start + len(part) - 1
        labels.append(f"{start}–{end}" if end > start else str(start))
        start = end + 1
    return labels
