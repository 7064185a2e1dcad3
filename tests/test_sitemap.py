"""sitemap.xml as an index of parts: every address kept, each part a valid urlset."""

from __future__ import annotations

import gzip
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from opswatch_mkdocs import sitemap

NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def _urlset(n: int) -> str:
    urls = "\n".join(f"<url>\n<loc>https://x.org/site/p{i}.html</loc>\n</url>" for i in range(n))
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{urls}\n</urlset>\n'


def test_split_keeps_every_address_in_parts(tmp_path: Path):
    (tmp_path / "sitemap.xml").write_text(_urlset(7), "utf-8")
    assert sitemap.split(tmp_path, "https://x.org/site/", per_file=3) == 3
    index = ET.fromstring((tmp_path / "sitemap.xml").read_text("utf-8"))
    assert index.tag == f"{NS}sitemapindex"
    parts = [loc.text for loc in index.iter(f"{NS}loc")]
    assert parts == [f"https://x.org/site/sitemap-{n}.xml" for n in (1, 2, 3)]
    listed = []
    for n in (1, 2, 3):
        part = ET.fromstring((tmp_path / f"sitemap-{n}.xml").read_text("utf-8"))
        assert part.tag == f"{NS}urlset"
        listed += [loc.text for loc in part.iter(f"{NS}loc")]
    assert listed == [f"https://x.org/site/p{i}.html" for i in range(7)]
    assert gzip.decompress((tmp_path / "sitemap.xml.gz").read_bytes()) == (tmp_path / "sitemap.xml").read_bytes()


def test_without_a_site_address_the_sitemap_stays_as_it_was(tmp_path: Path):
    (tmp_path / "sitemap.xml").write_text(_urlset(2), "utf-8")
    assert sitemap.split(tmp_path, "") == 0
    assert re.search(r"<urlset", (tmp_path / "sitemap.xml").read_text("utf-8"))
