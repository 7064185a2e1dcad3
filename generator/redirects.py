"""Old addresses of renamed or merged records keep working: a small page at each former id.

Plain HTML with a meta refresh, a canonical link and a visible link: it works on any
static host and from disk, with no JavaScript and no engine plugin.
"""

from __future__ import annotations

from functools import partial

from . import html
from .kinds import KINDS
from .plan import Page
from .site import Site

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
    for kind in (k for k in KINDS.values() if k.renamable):
        for rid, record in sorted(c.table(kind).items()):
            for old in record.former_ids:
                title = kind.name_of(record)
                out.append(Page(kind.url(old), frozenset([(kind, rid)]), None, partial(_redirect, rid, title)))
    return out


def _redirect(rid: str, title: str) -> str:
    return str(_PAGE(target=f"{rid}.html", title=title))
