"""Render: the linked site → Markdown pages (path → text), in memory.

Pages are plain Markdown with YAML front matter. Headings are Markdown (so any
engine builds a table of contents); figures, timelines and lists of records
are HTML blocks whose every record string is escaped by Jinja's autoescape.
Links between generated pages are relative ``.html`` addresses, which work
on a web server and from disk alike.
"""

from __future__ import annotations

import html
import json
import re
import weakref
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import jinja2
from markupsafe import Markup

from . import countries, dates, figurehtml, outcomes, paging
from .figures import Figure
from .kinds import AGENCIES, COUNTRIES, KINDS, OPERATIONS, SOURCES
from .link import Site, Total
from .textcheck import RTL
from .textmd import render as markdown_html

SITE_NAME = "Operations Watch"


def _esc(text: object) -> str:
    """Text for HTML: &, <, >, " and ' escaped (as markupsafe does, as a plain string)."""
    return html.escape(str(text), quote=True)


def _name(text: str) -> str:
    """A record name for HTML: escaped, and isolated in <bdi> when it holds right-to-left letters,
    so that it cannot reorder the punctuation, dates or roles printed next to it."""
    escaped = _esc(text)
    return f"<bdi>{escaped}</bdi>" if RTL.search(text) else escaped


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~=:&\"'])")
_TAGS = re.compile(r"<[^>]+>")


def md_escape(text: str) -> Markup:
    """Record text for a Markdown context (a heading): no markup, no HTML, no attribute lists."""
    return Markup(_MD_SPECIAL.sub(lambda m: f"&#{ord(m.group(1))};", str(text)))


@lru_cache(maxsize=65536)
def plain(text: str, limit: int = 160) -> str:
    """Record Markdown as one line of plain text, cut at a word boundary."""
    flat = _TAGS.sub("", str(markdown_html(text))).replace("\n", " ")
    flat = re.sub(r"\s+", " ", flat).strip()
    flat = flat.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&#x27;", "'")
    if len(flat) <= limit:
        return flat
    return flat[: limit - 1].rsplit(" ", 1)[0] + "…"


_NONE_REPORTED = '<span class="ow-unknown">none reported</span>'


class _Shared:
    """Per-site pieces that look the same on every page (escaped names, dated cells), made once.

    A large catalogue links each operation from dozens of pages; escaping its name each time
    was a large share of the render time."""

    def __init__(self, site: Site) -> None:
        # A weak reference: the cache outlives the build as a module global, and must not keep
        # the whole catalogue in memory while MkDocs builds the site.
        self.site = weakref.ref(site)
        self.labels: dict[tuple[str, str], str] = {}
        self.dates: dict[str, str] = {}


_shared: _Shared | None = None


def _shared_for(site: Site) -> _Shared:
    global _shared
    if _shared is None or _shared.site() is not site:
        _shared = _Shared(site)
    return _shared


def _inferred(note: str | None) -> str:
    return f' <span class="ow-inferred">(inferred: {_esc(note)})</span>' if note else ""


def _date_html(date: dates.Date | None, css: str = "") -> str:
    if date is None:
        return f'<span class="{css + " " if css else ""}ow-unknown">Date not stated</span>'
    machine = date.html_datetime()
    attrs = f' class="{css}"' if css else ""
    if machine is None:
        # A month with no year has no machine-readable form in HTML: plain text, no <time>.
        return f"<span{attrs}>{_esc(date.words())}</span>"
    return f'<time{attrs} datetime="{machine}">{_esc(date.words())}</time>'


@dataclass
class PageContext:
    """Per-page helpers: relative links and numbered citations."""

    site: Site
    path: str
    cited: list[str] = field(default_factory=list)
    listed: int = 0
    """How many of the cited sources the page's source list shows (every marker needs its entry)."""
    _numbers: dict[str, int] = field(default_factory=dict)
    _shared: _Shared = field(init=False)

    def __post_init__(self) -> None:
        self._shared = _shared_for(self.site)
        self._here = self.path.rpartition("/")[0]

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

    def _a(self, kind: str, rid: str) -> str:
        labels = self._shared.labels
        label = labels.get((kind, rid))
        if label is None:
            label = labels[(kind, rid)] = _name(self.name(kind, rid))
        # Ids are validated (a-z, 0-9, hyphens), so the address needs no escaping.
        return f'<a href="{self.href(kind, rid)}">{label}</a>'

    def link(self, kind: str, rid: str, text: str | None = None) -> Markup:
        """An HTML link to a record page, with escaped text."""
        if text is None:
            return Markup(self._a(kind, rid))
        return Markup(f'<a href="{self.href(kind, rid)}">{_name(text)}</a>')

    def links(self, kind: str, ids: Iterable[str], separator: str = ", ") -> Markup:
        """Links to several record pages."""
        return Markup(separator.join(self._a(kind, rid) for rid in ids))

    def some_links(self, kind: str, ids: Sequence[str]) -> Markup:
        """Links to the first ``paging.EXAMPLES`` records and a count of the rest, so that a line
        beside a total does not grow with the catalogue."""
        shown = self.links(kind, ids[: paging.EXAMPLES])
        rest = len(ids) - paging.EXAMPLES
        return Markup(f"{shown} and {rest:,} more") if rest > 0 else shown

    def cite(self, sources: Iterable[str]) -> Markup:
        """Numbered citation links, e.g. [1][2], each to the page's source list."""
        return Markup(self._cite(sources))

    def _cite(self, sources: Iterable[str]) -> str:
        parts = []
        for source in sources:
            n = self._numbers.get(source)
            if n is None:
                self.cited.append(source)
                n = self._numbers[source] = len(self.cited)
            title = _esc(self.site.catalog.sources[source].title)
            # The name is in the accessible name, for screen readers and touch, not only in title=.
            parts.append(f'<a href="#cite-{n}" aria-label="Source {n}: {title}" title="{title}">[{n}]</a>')
        return f'<sup class="ow-cite">{"".join(parts)}</sup>' if parts else ""

    # The pieces below are used once per row or entry; as Python they render several
    # times faster than as Jinja macros. Every record string goes through _esc().

    def _op_date(self, oid: str) -> str:
        cache = self._shared.dates
        html = cache.get(oid)
        if html is None:
            html = cache[oid] = _date_html(self.site.op_date[oid])
        return html

    def op_date(self, oid: str) -> Markup:
        """The operation's latest known date."""
        return Markup(self._op_date(oid))

    def op_rows(self, pairs: Iterable[tuple[str, str]]) -> Markup:
        """Table rows of operations: link, latest date, role."""
        return Markup(
            "\n".join(
                f"<tr><td>{self._a(OPERATIONS, oid)}</td><td>{self._op_date(oid)}</td><td>{_esc(getattr(role, 'label', role))}</td></tr>"
                for oid, role in pairs
            )
        )

    def measure(self, term, capital: bool = False) -> Markup:
        """A measure's label, linked to its definition in the glossary."""
        return Markup(figurehtml.term_link(self, term, capital))

    def figure_cards(self, op) -> Markup:
        """The operation's figures as cards: parts nested in their whole, scopes, other reported values."""
        return Markup(figurehtml.cards(self, op))

    def total_notes(self, t: Total) -> Markup:
        """What a total counts only in part, and what it leaves out and why."""
        return Markup(figurehtml.total_notes(self, t))

    def inferred(self, note: str | None) -> Markup:
        """A visible note on a date the record worked out rather than read in a source."""
        return Markup(_inferred(note))

    def timeline(self, entries, with_operation: bool = False) -> Markup:
        """A timeline as an ordered list, readable without JavaScript."""
        items = []
        for e in entries:
            what = f"{self._a(OPERATIONS, e.operation)}: " if with_operation else ""
            items.append(
                f'<li class="ow-timeline__item">{_date_html(e.date, "ow-timeline__date")}\n'
                f'<div class="ow-timeline__text">{what}{_esc(e.text)}{self._cite(e.sources)}{_inferred(e.inferred)}</div></li>'
            )
        return Markup('<ol class="ow-timeline">\n' + "\n".join(items) + "\n</ol>")

    def span_words(self, span) -> Markup:
        """A period in words ("from May 2020 (end not stated)"), with its citations and any inference note."""
        words = outcomes.span_words(span.start, span.end, getattr(span, "duration", None))
        return Markup(_esc(words) + self._cite(span.sources) + _inferred(getattr(span, "inferred", None)))

    def source_list(self) -> Markup:
        """The page's numbered sources, in the order they were first cited."""
        self.listed = len(self.cited)
        if not self.cited:
            return Markup("")
        items = []
        for n, sid in enumerate(self.cited, 1):
            source = self.site.catalog.sources[sid]
            item = f'<li id="cite-{n}">{self._a(SOURCES, sid)}'
            if source.publisher:
                item += f", {_esc(source.publisher)}"
            if source.published:
                item += f", {_esc(date_words(source.published))}"
            if source.url:
                item += f'. <a class="ow-external" href="{_esc(source.url)}" rel="nofollow noopener">Original</a></li>'
            else:
                item += '. <span class="ow-unknown">No web address known.</span></li>'
            items.append(item)
        return Markup('## Sources\n\n<ol class="ow-sources">\n' + "\n".join(items) + "\n</ol>")

    def updated(self, meta: dict) -> Markup:
        """When the record file last changed, where git history says so."""
        changed = meta.get("last_changed")
        if not changed:
            return Markup("")
        return Markup(
            f'<p class="ow-updated">Record last changed on <time datetime="{_esc(changed)}">{_esc(date_words(changed))}</time>.</p>'
        )

    def index_row(self, oid: str) -> Markup:
        """One row of the operations index."""
        site = self.site
        op = site.catalog.operations[oid]
        d = site.op_date[oid]
        sort = "{:04d}-{:02d}-{:02d}".format(*d.sort_key) if d else "0000"
        countries_cell = figurehtml.countries_cell(op)
        leads = [self._a(AGENCIES, p.agency) for p in op.agencies if p.role == "lead"]
        leads += [self._a(COUNTRIES, p.country) for p in op.countries if p.role == "lead"]
        lead_cell = ", ".join(leads) or '<span class="ow-unknown">not stated</span>'
        figures = "; ".join(_esc(outcomes.short_words(op, o, site)) for o in outcomes.top_level(op)[:3])
        return Markup(
            f"<tr><td>{self._a(OPERATIONS, oid)}</td><td>{_esc(op.kind.label)}</td>"
            f'<td data-sort="{sort}">{self._op_date(oid)}</td><td data-sort="{figurehtml.countries_sort(op)}">{countries_cell}</td>'
            f"<td>{lead_cell}</td><td>{figures or _NONE_REPORTED}</td></tr>"
        )


def figure_words(value: int | None, qualifier: str | None, as_reported: str | None, value_max: int | None = None) -> str:
    return Figure(value, qualifier or "exact", as_reported, value_max).words()


def date_words(text: str | None) -> str:
    return dates.parse(text).words() if text else "not stated in the sources"


def total_words(t: Total) -> str:
    return t.sum.words()


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("generator", "templates"),
        autoescape=True,  # every record string is HTML-escaped unless marked safe
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # templates do not change during a build; checking them costs two stat calls a page
    )
    env.filters.update(md=md_escape, markdown=markdown_html, plain=plain, date_words=date_words)
    env.globals.update(
        figure_words=figure_words,
        total_words=total_words,
        countries=countries,
        kinds=KINDS,
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


def front_matter(meta: dict) -> str:
    """YAML front matter, one ``key: value`` line per field.

    Values are written as JSON (YAML is a superset of it), which needs no YAML emitter:
    on a large catalogue PyYAML's dumper was a tenth of the render time."""
    return "---\n" + "".join(f"{key}: {_scalar(value)}\n" for key, value in meta.items()) + "---\n\n"


def jsonld(data: dict) -> str:
    """schema.org data as compact JSON text. Front matter carries it as one string, which
    keeps the front matter cheap to write and read; the theme parses and re-serialises it."""
    return json.dumps({"@context": "https://schema.org", **data}, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def render_page(template: str, path: str, site: Site, meta: dict, **values: object) -> str:
    """Render one page: front matter, then the template body."""
    ctx = PageContext(site, path)
    body = _ENV.get_template(template).render(site=site, c=site.catalog, vocab=site.catalog.vocab, page=ctx, meta=meta, **values)
    if ctx.listed != len(ctx.cited):
        # A citation marker must land on a visible source entry (a template bug, not a record's).
        raise RuntimeError(
            f"{template}: {len(ctx.cited)} source(s) cited on {path} but {ctx.listed} listed; end it with page.source_list()"
        )
    while "\n\n\n" in body:  # str.replace is many times faster than a regular expression here
        body = body.replace("\n\n\n", "\n\n")
    return front_matter(meta) + body.strip() + "\n"
