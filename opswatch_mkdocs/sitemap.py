"""The sitemap as a sitemap index and parts (sitemap-1.xml, ...), written after MkDocs' own.

Material's page script downloads sitemap.xml on every page load when served and parses it in
the page's main thread; at 10,000 operations MkDocs' single sitemap lists about 27,000 pages and
kept the page busy for seconds, delaying search. A sitemap index names only its parts, so the
page parses a few lines, and crawlers still find every page (the sitemap protocol also caps a
file at 50,000 addresses, which a larger catalogue would pass).
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path

PER_FILE = 40_000

_URL = re.compile(r"<url>.*?</url>", re.S)


def split(site_dir: Path, site_url: str, per_file: int = PER_FILE) -> int:
    """Rewrite site_dir/sitemap.xml as an index of parts; return the number of parts (0: left as it was)."""
    path = site_dir / "sitemap.xml"
    if not site_url or not path.is_file():
        return 0  # a sitemap index needs absolute addresses
    text = path.read_text("utf-8")
    head, _, _ = text.partition("<url>")
    if "<urlset" not in head:
        return 0
    urls = _URL.findall(text)
    parts = [urls[i : i + per_file] for i in range(0, len(urls), per_file)] or [[]]
    base = site_url if site_url.endswith("/") else site_url + "/"
    entries = []
    for n, part in enumerate(parts, 1):
        name = f"sitemap-{n}.xml"
        (site_dir / name).write_text(head + "\n".join(part) + "\n</urlset>\n", "utf-8")
        entries.append(f"<sitemap><loc>{base}{name}</loc></sitemap>")
    index = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        + "\n".join(entries)
        + "\n</sitemapindex>\n"
    )
    path.write_text(index, "utf-8")
    (site_dir / "sitemap.xml.gz").write_bytes(gzip.compress(index.encode("utf-8"), mtime=0))
    return len(parts)
