"""Render: the linked site → Markdown pages (path → text), in memory.

Pages are plain Markdown with YAML front matter. Headings are Markdown (so any
engine builds a table of contents); figures, timelines and lists of records
are HTML blocks, made by the templates (Jinja's autoescape) and by ``html.py``'s pieces, with
one rule: every value is escaped unless it is already markup. Citations are numbered before a
page is rendered (``citations.py``).
Links between generated pages are relative ``.html`` addresses, which work
on a web server and from disk alike.
"""

from __future__ import annotations

import json
import re
import weakref
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

import jinja2

from . import countries, dates, figurehtml, glance, html, indexhtml, outcomes, paging
from .figures import Figure
from .html import Markup
from .kinds import AGENCIES, COUNTRIES, KINDS, OPERATIONS, SOURCES, TAB_PAGES, section_of
from .site import Basis, Role, Site, Total
from .textmd import render as markdown_html

SITE_NAME = "Operations Watch"
_TAGS = re.compile(r"<[^>]+>")


@lru_cache(maxsize=65536)
def plain(text: str, limit: int = 160) -> str:
    """Record Markdown as one line of plain text, cut at a word boundary."""
    flat = _TAGS.sub("", str(markdown_html(text))).replace("\n", " ")
    flat = re.sub(r"\s+", " ", flat).strip()
    flat = flat.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&#x27;", "'")
    if len(flat) <= limit:
        return flat
    return flat[: limit - 1].rsplit(" ", 1)[0] + "…"


# The page pieces made in Python (each is used once per row or entry: as Python they render several
# times faster than as Jinja macros). Every value is escaped unless it is markup (see html.py).
_NONE_REPORTED = html.literal('<span class="ow-unknown">none reported</span>')
_NOT_STATED = html.literal('<span class="ow-unknown">not stated</span>')
_A = html.template('<a href="{}">{}</a>')
_CITE = html.template('<a id="cite-ref-{n}-{k}" href="#cite-{n}" aria-label="Source {n}: {title}" title="{title}">[{n}]</a>')
# Back from a source in the list to where the page cites it: one arrow, or numbered when cited more than once.
_BACK_ONE = html.template(' <a class="ow-back" href="#cite-ref-{n}-1" aria-label="Back to where source {n} is cited">↑</a>')
_BACK_MANY = html.template(' <span class="ow-back">↑ {}</span>')
_BACK_K = html.template('<a href="#cite-ref-{n}-{k}" aria-label="Back to where source {n} is cited ({k} of {m})">{k}</a>')
_CITES = html.template('<sup class="ow-cite">{}</sup>')
_INFERRED = html.template(' <span class="ow-inferred">(inferred: {})</span>')
_BASIS = html.template(' <span class="ow-basis">({})</span>')
# The rows' caller wraps them in one <tbody>: the operations with no year start a second row group.
_GROUP_ROW = html.template('</tbody>\n<tbody>\n<tr class="ow-group"><th scope="rowgroup" colspan="{}">{}</th></tr>')
_GROUP_HEAD = html.template('<tr class="ow-group"><th scope="rowgroup" colspan="{}">{}</th></tr>')
YEAR_NOT_STATED = "Year not stated: not in date order, since the sources give no year"
"""The heading of the operations whose sources give no year, listed apart from the dated ones."""
_NO_DATE = html.template('<span class="{}ow-unknown">Date not stated</span>')
_SPAN = html.template("<span>{}</span>")
_SPAN_CLASS = html.template('<span class="{}">{}</span>')
_TIME = html.template('<time datetime="{}">{}</time>')
_TIME_CLASS = html.template('<time class="{}" datetime="{}">{}</time>')
_OP_ROW = html.template("<tr><td>{}</td><td>{}</td><td>{}</td></tr>")
# A timeline: one item per date (an operation's page), or per run of one operation's steps (the
# catalogue's timeline), so that neither a date nor a long name is repeated line after line; each
# step on a line of its own.
_TIMELINE_ITEM = html.template('<li class="ow-timeline__item">{}</li>')
_TIMELINE_OP = html.template('<p class="ow-timeline__op">{}</p>\n<dl class="ow-timeline__days">\n{}\n</dl>')
_TIMELINE_DAY = html.template("<dt>{}</dt>\n{}")
_TIMELINE_STEP = html.template('<div class="ow-timeline__text">{}{}{}</div>')
_TIMELINE_STEP_DD = html.template('<dd class="ow-timeline__text">{}{}{}</dd>')
_TIMELINE = html.template('<ol class="ow-timeline">\n{}\n</ol>')
_SOURCE_ITEM = html.template('<li id="cite-{}">{}{}{}{}{}{}{}</li>')
_TITLE_FROM = html.template(' <span class="ow-inferred">({})</span>')
TITLE_FROM_WORDS = {
    "address": "title read from the web address: the copy shows no headline",
    "description": "the site's description: the copy shows no headline",
}
"""What a source's ``title_from`` tells the reader, wherever its title stands for it."""
PUBLISHER_FROM_WORDS = {"address": "read from the web address: the page does not name it"}
"""What a source's ``publisher_from`` tells the reader beside the publisher."""
_SEEN = html.template(' <span class="ow-seen">({})</span>')
SEEN_WORDS = {
    "whole": "the whole text was visible",
    "beginning": "only the beginning of this report was visible",
    "excerpt": "only an excerpt or summary of this report was visible",
}
"""What a source's ``seen.extent`` tells the reader, next to every citation list and on its page."""
_COMMA = html.template(", {}")
_ORIGINAL = html.template('. <a class="ow-external" href="{}" rel="nofollow noopener">Original</a>')
_NO_ADDRESS = html.literal('. <span class="ow-unknown">No web address known.</span>')
_SOURCES = html.template('## Sources\n\n<ol class="ow-sources">\n{}\n</ol>')
_UPDATED = html.template('<p class="ow-updated">Record last changed on <time datetime="{}">{}</time>.</p>')
# data-label: the column's heading, which a phone shows beside each cell of a row stacked as a card.
_INDEX_ROW = html.template(
    '<tr><td>{link}</td><td data-label="Kind">{kind}</td><td data-label="Latest date" data-sort="{sort}"{last}>{date}</td>'
    '<td data-label="Countries" data-sort="{csort}">{countries}</td>'
    '<td data-label="Lead">{leads}</td><td data-label="Headline figures">{figures}</td></tr>'
)
_MORE = html.template("{} and {} more")
_LAST_ATTR = html.template(' data-sort-last="{}"')


def _last(rank: str) -> Markup | str:
    return _LAST_ATTR(rank) if rank else ""


class _Shared:
    """Per-site pieces that look the same on every page (escaped names, dated cells), made once.

    A large catalogue links each operation from dozens of pages; escaping its name each time
    was a large share of the render time."""

    def __init__(self, site: Site) -> None:
        # A weak reference: the cache outlives the build as a module global, and must not keep
        # the whole catalogue in memory while MkDocs builds the site.
        self.site = weakref.ref(site)
        self.labels: dict[tuple[str, str], Markup] = {}
        self.dates: dict[str, Markup] = {}
        self.titles: dict[str, str] = {}


_shared: _Shared | None = None


def _shared_for(site: Site) -> _Shared:
    global _shared
    if _shared is None or _shared.site() is not site:
        _shared = _Shared(site)
    return _shared


def _runs(items, key) -> list[tuple[Any, list]]:
    """Consecutive items with the same key, grouped: [(key, [items]), ...] in order."""
    out: list[tuple[Any, list]] = []
    for item in items:
        k = key(item)
        if out and out[-1][0] == k:
            out[-1][1].append(item)
        else:
            out.append((k, [item]))
    return out


def _inferred(note: str | None) -> Markup:
    return _INFERRED(note) if note else Markup()


def basis_html(basis: Basis | None) -> Markup:
    """A marked fact's mark and note, "(site's reading: ...)" or "(according to ...)"; nothing for a stated fact."""
    return _BASIS(basis.words()) if basis else Markup()


def _date_html(date: dates.Date | None, css: str = "") -> Markup:
    if date is None:
        return _NO_DATE(css + " " if css else "")
    machine = date.html_datetime()
    if machine is None:
        # A month with no year has no machine-readable form in HTML: plain text, no <time>.
        return _SPAN_CLASS(css, date.words()) if css else _SPAN(date.words())
    return _TIME_CLASS(css, machine, date.words()) if css else _TIME(machine, date.words())


class PageContext:
    """Per-page helpers: relative links and the page's numbered citations.

    The sources a page cites, in order, are worked out from the records before the page is
    rendered (``citations.py``); ``cite`` only looks their numbers up, so moving a block of
    a template cannot renumber or drop a source."""

    def __init__(self, site: Site, path: str, sources: Sequence[str] = ()) -> None:
        self.site = site
        self.path = path
        self.sources = list(sources)
        self._numbers = {sid: n for n, sid in enumerate(self.sources, 1)}
        self._cited: dict[int, int] = {}
        """How many markers cite each source number so far (each has its own id, to come back to)."""
        if len(self._numbers) != len(self.sources):
            raise ValueError(f"{path}: a source is listed twice in the page's citations")
        self.listed = False
        """Whether the page has shown its source list."""
        self._shared = _shared_for(site)
        self._here = path.rpartition("/")[0]

    def href(self, kind: str, rid: str = "index") -> str:
        """Relative address of a generated page from this page."""
        # Pages sit at the top or one folder down, so the relative address is simple to
        # build; posixpath.relpath was a large share of the render time.
        here = self._here
        if kind == here:
            return f"{rid}.html"
        up = "../" if here else ""
        return f"{up}{kind}/{rid}.html" if kind else f"{up}{rid}.html"

    def name(self, kind: str, rid: str) -> str:
        c = self.site.catalog
        if kind == AGENCIES:
            a = c.agencies[rid]
            return f"{a.name} ({a.short_name})" if a.short_name and a.short_name not in a.name else a.name
        if kind == COUNTRIES:
            return self.site.countries[rid].name
        return KINDS[kind].name_of(c.table(kind)[rid])

    def _a(self, kind: str, rid: str) -> Markup:
        labels = self._shared.labels
        label = labels.get((kind, rid))
        if label is None:
            label = labels[(kind, rid)] = html.name(self.name(kind, rid))
        return _A(self.href(kind, rid), label)

    def link(self, kind: str, rid: str, text: str | None = None) -> Markup:
        """An HTML link to a record page, with escaped text."""
        if text is None:
            return self._a(kind, rid)
        return _A(self.href(kind, rid), html.name(text))

    def links(self, kind: str, ids: Iterable[str], separator: str = ", ") -> Markup:
        """Links to several record pages (``separator`` is markup)."""
        return html.join(separator, [self._a(kind, rid) for rid in ids])

    def some_links(self, kind: str, ids: Sequence[str]) -> Markup:
        """Links to the first ``paging.EXAMPLES`` records and a count of the rest, so that a line
        beside a total does not grow with the catalogue."""
        shown = self.links(kind, ids[: paging.EXAMPLES])
        rest = len(ids) - paging.EXAMPLES
        return _MORE(shown, f"{rest:,}") if rest > 0 else shown

    def glance(self, oid: str) -> Markup:
        """An operation's facts at a glance (glance.py), for the top of its page."""
        return glance.box(self, oid)

    def publisher_words(self, source) -> Markup:
        return indexhtml.publisher_words(self, source)

    def cited_by_line(self, sid: str) -> Markup:
        return indexhtml.cited_by_line(self, sid)

    def cite(self, sources: Iterable[str]) -> Markup:
        """Numbered citation links, e.g. [1][2], each to the page's source list."""
        numbers, titles = self._numbers, self._shared.titles
        parts = []
        for source in sources:
            n = numbers.get(source)
            if n is None:
                raise RuntimeError(
                    f"{self.path}: source {source!r} is cited but not among the page's sources; "
                    "add it to the page's function in citations.py"
                )
            title = titles.get(source)
            if title is None:
                title = titles[source] = self.site.catalog.sources[source].title
            # The name is in the accessible name, for screen readers and touch, not only in title=.
            k = self._cited[n] = self._cited.get(n, 0) + 1
            parts.append(_CITE(n=str(n), k=str(k), title=title))
        return _CITES(html.join("", parts)) if parts else Markup()

    def _op_date(self, oid: str) -> Markup:
        cache = self._shared.dates
        piece = cache.get(oid)
        if piece is None:
            piece = cache[oid] = html.join("", [_date_html(self.site.op_date[oid]), _inferred(self.site.date_note(oid))])
        return piece

    def op_date(self, oid: str) -> Markup:
        """The operation's latest known date."""
        return self._op_date(oid)

    def op_rows(self, pairs: Iterable[Role]) -> Markup:
        """Table rows of operations: link, latest date, role with its mark and note when the role is marked;
        the operations whose sources give no year come after a row saying so, never among dated ones."""
        rows: list[Markup] = []
        apart = False
        for r in pairs:
            if not apart and not self.site.year_stated(r.operation):
                apart = True
                rows.append(_GROUP_ROW("3", YEAR_NOT_STATED) if rows else _GROUP_HEAD("3", YEAR_NOT_STATED))
            role = html.join("", [html.escape(r.role.label), basis_html(r.basis)])
            rows.append(_OP_ROW(self._a(OPERATIONS, r.operation), self._op_date(r.operation), role))
        return html.join("\n", rows)

    def split_by_year(self, oids: Iterable[str]) -> tuple[list[str], list[str]]:
        """Operations whose sources give a year, and those whose sources give none (listed apart)."""
        dated: list[str] = []
        no_year: list[str] = []
        for oid in oids:
            (dated if self.site.year_stated(oid) else no_year).append(oid)
        return dated, no_year

    def basis(self, basis: Basis | None) -> Markup:
        """A marked fact's mark and note (nothing for a fact its sources state)."""
        return basis_html(basis)

    def part_basis(self, part: object) -> Markup:
        """The mark and note of an operation's agency or country part, or of a figure."""
        return basis_html(Basis.of(part))

    def measure(self, term, capital: bool = False) -> Markup:
        """A measure's label, linked to its definition in the glossary."""
        return figurehtml.term_link(self, term, capital)

    def figure_cards(self, op) -> Markup:
        """The operation's figures as cards: parts nested in their whole, scopes, other reported values."""
        return figurehtml.cards(self, op)

    def edition_cell(self, op, figures) -> Markup:
        """An edition's figures of one measure, for a series page's table."""
        return figurehtml.edition_cell(self, op, figures)

    def country_figure(self, oid: str, o) -> Markup:
        """A figure given for one country alone (a country page)."""
        return figurehtml.country_figure(self, self.site.catalog.operations[oid], o)

    def whole_figures(self, oid: str, o) -> Markup | str:
        """What the whole operation reported for the measure of a country's own figure."""
        return figurehtml.whole_figures(self, self.site.catalog.operations[oid], o)

    def total_notes(self, t: Total) -> Markup:
        """What a total counts only in part, and what it leaves out and why."""
        return figurehtml.total_notes(self, t)

    def inferred(self, note: str | None) -> Markup:
        """A visible note on a date the record worked out rather than read in a source."""
        return _inferred(note)

    def timeline(self, entries, with_operation: bool = False) -> Markup:
        """A timeline as an ordered list, readable without JavaScript: each date once, each step on
        its own line; with ``with_operation``, each operation's name once for a run of its steps."""
        if not with_operation:
            items = [
                _TIMELINE_ITEM(html.join("\n", [_date_html(date, "ow-timeline__date"), *[self._step(e) for e in day]]))
                for date, day in _runs(entries, lambda e: e.date)
            ]
            return _TIMELINE(html.join("\n", items))
        items = []
        for oid, run in _runs(entries, lambda e: e.operation):
            days = [
                _TIMELINE_DAY(_date_html(date, "ow-timeline__date"), html.join("\n", [self._step(e, True) for e in day]))
                for date, day in _runs(run, lambda e: e.date)
            ]
            items.append(_TIMELINE_ITEM(_TIMELINE_OP(self._a(OPERATIONS, oid), html.join("\n", days))))
        return _TIMELINE(html.join("\n", items))

    def _step(self, e, in_list: bool = False) -> Markup:
        marks = html.join("", [_inferred(e.inferred), basis_html(e.basis)])
        return (_TIMELINE_STEP_DD if in_list else _TIMELINE_STEP)(e.text, self.cite(e.sources), marks)

    def span_words(self, span) -> Markup:
        """A period in words ("from May 2020 (end not stated)"), with its citations and any inference note."""
        words = outcomes.span_words(span.start, span.end, getattr(span, "duration", None))
        return html.join("", [words, self.cite(span.sources), _inferred(getattr(span, "inferred", None))])

    def source_list(self) -> Markup:
        """The page's numbered sources, in the order worked out before rendering (citations.py)."""
        self.listed = True
        if not self.sources:
            return Markup()
        items = []
        for n, sid in enumerate(self.sources, 1):
            source = self.site.catalog.sources[sid]
            items.append(
                _SOURCE_ITEM(
                    str(n),
                    self._a(SOURCES, sid),
                    _TITLE_FROM(TITLE_FROM_WORDS[source.title_from]) if source.title_from != "headline" else "",
                    _COMMA(source.publisher) if source.publisher else "",
                    _COMMA(date_words(source.published)) if source.published else "",
                    _ORIGINAL(source.url) if source.url else _NO_ADDRESS,
                    _SEEN(SEEN_WORDS[source.seen.extent]) if source.seen and source.seen.extent != "whole" else "",
                    self._back(n),
                )
            )
        return _SOURCES(html.join("\n", items))

    def _back(self, n: int) -> Markup | str:
        """Links back from source ``n`` in the list to each marker citing it (none on a page that
        lists a source without citing it in place)."""
        m = self._cited.get(n, 0)
        if m <= 1:
            return _BACK_ONE(n=str(n)) if m else ""
        return _BACK_MANY(html.join(" ", [_BACK_K(n=str(n), k=str(k), m=str(m)) for k in range(1, m + 1)]))

    def updated(self, meta: dict) -> Markup:
        """When the record file last changed, where git history says so."""
        changed = meta.get("last_changed")
        if not changed:
            return Markup()
        return _UPDATED(changed, date_words(changed))

    def lead_links(self, oid: str) -> list[Markup]:
        """The operation's leads, linked, each with its mark when the site reads it or a report attributes it."""
        return [html.join("", [self._a(kind, rid), basis_html(basis)]) for kind, rid, basis in self.site.leads.get(oid, [])]

    def headline_figures(self, oid: str, limit: int) -> Markup | str:
        """The operation's first ``limit`` top-level figures as phrases, with the record's caveat if it has one."""
        site = self.site
        op = site.catalog.operations[oid]
        figures = "; ".join(outcomes.short_words(op, o, site) for o in outcomes.top_level(op)[:limit])
        if figures and oid in site.thin:
            return html.join("", [figures, basis_html(Basis(caveat=f"read with care: {site.thin[oid]}"))])
        return figures

    def index_row(self, oid: str) -> Markup:
        """One row of the operations index."""
        site = self.site
        op = site.catalog.operations[oid]
        d = site.op_date[oid]
        leads = self.lead_links(oid)
        figures = self.headline_figures(oid, 3)
        return _INDEX_ROW(
            link=self._a(OPERATIONS, oid),
            kind=op.kind.label,
            sort="{:04d}-{:02d}-{:02d}".format(*d.sort_key) if d else "0000",
            # Records with no year, then with no date, stay last whichever way the column is sorted.
            last=_last("1" if d.year is None else "") if d else _last("2"),
            date=self._op_date(oid),
            csort=str(figurehtml.countries_sort(op)),
            countries=figurehtml.countries_cell(op),
            leads=html.join(", ", leads) if leads else _NOT_STATED,
            figures=figures or _NONE_REPORTED,
        )


def figure_words(value: int | None, qualifier: str | None, as_reported: str | None, value_max: int | None = None) -> str:
    return Figure(value, qualifier or "exact", as_reported, value_max).words()


def date_words(text: str | None) -> str:
    return dates.parse(text).words() if text else "not stated in the sources"


def total_words(t: Total) -> str:
    return t.sum.words()


def _environment(loader: jinja2.BaseLoader | None = None) -> jinja2.Environment:
    """The templates' environment (``loader``: other templates, for tests)."""
    env = jinja2.Environment(
        loader=loader or jinja2.PackageLoader("generator", "templates"),
        autoescape=True,  # every record string is HTML-escaped unless marked safe
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # templates do not change during a build; checking them costs two stat calls a page
    )
    env.filters.update(md=html.md_escape, markdown=markdown_html, plain=plain, date_words=date_words)
    env.globals.update(
        seen_words=SEEN_WORDS,
        title_from_words=TITLE_FROM_WORDS,
        publisher_from_words=PUBLISHER_FROM_WORDS,
        count_words=outcomes.count_words,
        figure_words=figure_words,
        total_words=total_words,
        countries=countries,
        kinds=KINDS,
        **{kind.upper(): kind for kind in KINDS.values()},  # OPERATIONS, AGENCIES, ... for page.link(AGENCIES, id)
        SITE_NAME=SITE_NAME,
    )
    return env


_ENV = _environment()


# Characters JSON leaves as they are but YAML may not read back as they were (C1 controls,
# line separators, byte-order marks, non-characters): written as \u escapes, valid in both.
_YAML_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")


def _scalar(value: object) -> str:
    """One front-matter value as JSON, which YAML reads as a flow scalar or sequence."""
    text = json.dumps(value, ensure_ascii=False, allow_nan=False)
    return _YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


HTML_TEXT_FIELDS = ("title", "description")
"""Front-matter fields written as HTML text (escaped): themes print them into ``<title>``,
``<meta name="description">``, the header and the navigation without escaping them."""


def front_matter(meta: dict) -> str:
    """YAML front matter, one ``key: value`` line per field; ``title`` and ``description`` HTML-escaped
    (``HTML_TEXT_FIELDS``), so that the Markdown is safe to build with any engine and theme.

    Values are written as JSON (YAML is a superset of it), which needs no YAML emitter:
    on a large catalogue PyYAML's dumper was a tenth of the render time."""
    fields = {
        key: html.text(value) if key in HTML_TEXT_FIELDS and isinstance(value, str) else value for key, value in meta.items()
    }
    return "---\n" + "".join(f"{key}: {_scalar(value)}\n" for key, value in fields.items()) + "---\n\n"


def jsonld(data: dict) -> str:
    """schema.org data as compact JSON text, safe as it is inside ``<script>``: ``<``, ``>`` and ``&``
    are written as JSON escapes (as Jinja's ``tojson`` does), so no record text can end the script
    element and a theme prints the string unchanged (``overrides/main.html``), with no plugin."""
    text = json.dumps({"@context": "https://schema.org", **data}, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


SEARCH_EXCLUDE = {"exclude": True}
"""Material's search plugin indexes no page: the site's own index (``search_index.py``) answers searches."""


def theme_meta(path: str) -> dict:
    """What the theme needs to know about the page at ``path`` beyond its text, for its front matter:
    kept out of Material's search index; the section it belongs to (the breadcrumb, the tab marked
    active); the navigation column hidden on tab pages and on pages the navigation does not list."""
    meta: dict = {"search": SEARCH_EXCLUDE}
    section = section_of(path)
    if section is not None:
        meta["section"] = {"title": section.label, "url": section.url}
    if section is not None or path in TAB_PAGES:
        meta["hide"] = ["navigation"]
    return meta


def render_page(template: str, path: str, site: Site, meta: dict, sources: Sequence[str] = (), **values: Any) -> str:
    """Render one page: front matter, then the template body. ``sources`` are the sources the page
    cites, in the order they are numbered (from ``citations.py``)."""
    ctx = PageContext(site, path, sources)
    body = _ENV.get_template(template).render(site=site, c=site.catalog, vocab=site.catalog.vocab, page=ctx, meta=meta, **values)
    # Every number must land on a visible source entry (a template bug, not a record's).
    if ctx.sources and not ctx.listed:
        raise RuntimeError(f"{template}: {path} cites sources but shows no list; end it with page.source_list()")
    while "\n\n\n" in body:  # str.replace is many times faster than a regular expression here
        body = body.replace("\n\n\n", "\n\n")
    return front_matter({**meta, **theme_meta(path)}) + body.strip() + "\n"
