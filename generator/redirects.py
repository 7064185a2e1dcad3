"""Old addresses of renamed or merged records keep working: a small page at each former id.

Plain HTML with a meta refresh, a canonical link and a visible link: it works on any
static host and from disk, with no JavaScript and no engine plugin.
"""

from __future__ import annotations

from functools import partial

from . import html
from .link import Site
from .plan import Page

_PAGE = html.template("""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Moved: {title}</title>
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url={target}">
<link rel="canonical" href="{target}">
</head>
<body>
<p>This record has moved to <a href="{target}">{title}</a>.</p>
</body>
</html>
""")


def redirect_pages(site: Site) -> list[Page]:
    """``<kind>/<former id>.html`` → a page that sends readers to the record's current page (which it names)."""
    c = site.catalog
    out: list[Page] = []
    renamed: list[tuple[str, str, str, list[str]]] = [
        *(("operations", rid, r.name, r.former_ids) for rid, r in sorted(c.operations.items())),
        *(("agencies", rid, r.name, r.former_ids) for rid, r in sorted(c.agencies.items())),
        *(("sources", rid, r.title, r.former_ids) for rid, r in sorted(c.sources.items())),
    ]
    for kind, rid, title, former_ids in renamed:
        for old in former_ids:
            out.append(Page(f"{kind}/{old}.html", frozenset([(kind, rid)]), None, partial(_redirect, rid, title)))
    return out


def _redirect(rid: str, title: str) -> str:
    return str(_PAGE(target=f"{rid}.html", title=title))
