"""Render: the linked site → Markdown pages (path → text), in memory.

Pages are plain Markdown with YAML front matter. Headings are Markdown (so any
engine builds a table of contents); figures, timelines and lists of records
are HTML blocks whose every record string is escaped by Jinja's autoescape.
Links between generated pages are relative ``.html`` addresses, which work
on a web server and from disk alike.
"""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import jinja2
import yaml
from markupsafe import Markup, escape

from . import countries, dates, vocab
from .figures import Figure
from .link import Site, Total
from .textmd import render as markdown_html

SITE_NAME = "Operations Watch"

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~=:&\"'])")
_TAGS = re.compile(r"<[^>]+>")


def md_escape(text: str) -> Markup:
    """Record text for a Markdown context (a heading): no markup, no HTML, no attribute lists."""
    return Markup(_MD_SPECIAL.sub(lambda m: f"&#{ord(m.group(1))};", str(text)))


def plain(text: str, limit: int = 160) -> str:
    """Record Markdown as one line of plain text, cut at a word boundary."""
    flat = _TAGS.sub("", str(markdown_html(text))).replace("\n", " ")
    flat = re.sub(r"\s+", " ", flat).strip()
    flat = flat.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&#x27;", "'")
    if len(flat) <= limit:
        return flat
    return flat[: limit - 1].rsplit(" ", 1)[0] + "…"


@dataclass
class PageContext:
    """Per-page helpers: relative links and numbered citations."""

    site: Site
    path: str
    cited: list[str] = field(default_factory=list)

    def href(self, kind: str, rid: str = "index") -> str:
        """Relative address of a generated page from this page."""
        target = f"{kind}/{rid}.html" if kind else f"{rid}.html"
        return posixpath.relpath(target, posixpath.dirname(self.path) or ".")

    def name(self, kind: str, rid: str) -> str:
        c = self.site.catalog
        if kind == "operations":
            return c.operations[rid].name
        if kind == "agencies":
            a = c.agencies[rid]
            return f"{a.name} ({a.short_name})" if a.short_name and a.short_name not in a.name else a.name
        if kind == "countries":
            return self.site.countries[rid].name
        if kind == "sources":
            return c.sources[rid].title
        raise KeyError(kind)

    def link(self, kind: str, rid: str, text: str | None = None) -> Markup:
        """An HTML link to a record page, with escaped text."""
        label = text if text is not None else self.name(kind, rid)
        prefix = (
            Markup(f'<span class="ow-flag" aria-hidden="true">{countries.get(rid).flag}</span> ') if kind == "countries" else ""
        )
        return Markup('<a href="{}">{}{}</a>').format(self.href(kind, rid), prefix, label)

    def cite(self, sources: Iterable[str]) -> Markup:
        """Numbered citation links, e.g. [1][2], each to the page's source list."""
        parts = []
        for source in sources:
            if source not in self.cited:
                self.cited.append(source)
            n = self.cited.index(source) + 1
            title = self.site.catalog.sources[source].title
            parts.append(Markup('<a href="#cite-{0}" title="Source: {1}">[{0}]</a>').format(n, title))
        return Markup('<sup class="ow-cite">{}</sup>').format(Markup("").join(parts)) if parts else Markup("")


def figure_words(value: int | None, qualifier: str | None, as_reported: str | None) -> str:
    return Figure(value, qualifier or "exact", as_reported).words()


def date_words(text: str | None) -> str:
    return dates.parse(text).words() if text else "not stated in the sources"


def date_iso(text: str | None) -> str:
    return (dates.parse(text).iso() or "") if text else ""


def total_words(t: Total) -> str:
    if t.figure is None:
        return f"no number given ({t.unnumbered} report{'s' if t.unnumbered != 1 else ''})"
    words = t.figure.words()
    if t.unnumbered:
        words += f", plus {t.unnumbered} report{'s' if t.unnumbered != 1 else ''} without a number"
    return words


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("generator", "templates"),
        autoescape=True,  # every record string is HTML-escaped unless marked safe
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(md=md_escape, markdown=markdown_html, plain=plain, date_words=date_words, date_iso=date_iso)
    env.globals.update(
        vocab=vocab,
        figure_words=figure_words,
        total_words=total_words,
        countries=countries,
        SITE_NAME=SITE_NAME,
    )
    return env


_ENV = _environment()


def front_matter(meta: dict) -> str:
    """YAML front matter; PyYAML quotes whatever record text needs quoting."""
    return "---\n" + yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=10_000) + "---\n\n"


def jsonld(data: dict) -> dict:
    """schema.org data, to be serialised by the theme into a script block."""
    return {"@context": "https://schema.org", **data}


def render_page(template: str, path: str, site: Site, meta: dict, **values: object) -> str:
    """Render one page: front matter, then the template body."""
    ctx = PageContext(site, path)
    body = _ENV.get_template(template).render(site=site, c=site.catalog, page=ctx, meta=meta, **values)
    body = re.sub(r"\n{3,}", "\n\n", body)
    return front_matter(meta) + body.strip() + "\n"


def json_for_script(data: object) -> str:
    """JSON safe to place inside a <script> element."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


__all__ = ["escape", "render_page"]
