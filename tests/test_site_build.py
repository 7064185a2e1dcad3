"""The real site, built by MkDocs from the shipped records: complete, self-contained, no broken link."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from tests.helpers import ROOT, build_site, make_project, serve_folder

pytestmark = pytest.mark.e2e


def test_strict_build_has_every_kind_of_page(real_site: Path):
    for path in (
        "index.html",
        "404.html",
        "sitemap.xml",
        "feed.xml",
        "timeline.html",
        "timeline/2020.html",
        "operations/index.html",
        "operations/operation-epervier.html",
        "agencies/nccia.html",
        "countries/pk.html",
        "sources/index.html",
        "data/dataset.json",
        "data/operations.csv",
        "search/search_index.json",
        "search/search_index.js",
        "assets/images/favicon.svg",
        "assets/javascripts/vendor/iframe-worker-shim.js",
    ):
        assert (real_site / path).is_file(), path
    ET.parse(real_site / "feed.xml")  # well-formed Atom
    # Search answers from the generator's index: Material's own index holds no page, and every
    # page's configuration names the site's worker.
    assert json.loads((real_site / "search" / "search_index.json").read_text("utf-8"))["docs"] == []
    assert (real_site / "search-index" / "manifest.js").is_file()
    assert (real_site / "assets" / "javascripts" / "ow-search-worker.js").is_file()
    config = re.search(
        r'<script id="__config" type="application/json">(.*?)</script>', (real_site / "countries" / "pk.html").read_text("utf-8")
    )
    assert config, "no __config script on the page"
    assert json.loads(config.group(1))["search"] == "../assets/javascripts/ow-search-worker.js"
    # Pages outside the navigation (a year of the timeline, parts of long lists) are in the sitemap.
    # sitemap.xml is an index of parts, so that Material's page script, which reads it on every
    # page load, parses a few lines instead of every address.
    index = (real_site / "sitemap.xml").read_text("utf-8")
    assert "<sitemapindex" in index and "<url>" not in index
    parts = re.findall(r"<loc>[^<]*/(sitemap-\d+\.xml)</loc>", index)
    assert parts == ["sitemap-1.xml"]
    listed = (real_site / parts[0]).read_text("utf-8")
    ET.fromstring(listed)
    assert "/timeline/2020.html</loc>" in listed and "/operations/operation-epervier.html</loc>" in listed
    # Record pages stay out of the navigation: a page does not list every other page.
    nav_links = re.findall(r'class="md-nav__link"', (real_site / "operations" / "operation-epervier.html").read_text("utf-8"))
    assert len(nav_links) < 30


# Tags that make the browser fetch something (a canonical or alternate <link> only names an address).
ASSET = re.compile(
    r'<(?:script|link(?![^>]*rel="(?:canonical|alternate)")|img|iframe|source|audio|video)\b[^>]*?\s(?:src|href)="([^"]+)"', re.I
)


def test_no_page_loads_anything_from_outside_the_site(real_site: Path):
    pages = list(real_site.rglob("*.html"))
    assert len(pages) > 40
    for page in pages:
        text = page.read_text("utf-8")
        assert "fonts.googleapis" not in text and "unpkg.com" not in text and "cdn.jsdelivr" not in text, page
        for url in ASSET.findall(text):
            parts = urlsplit(url)
            assert not parts.netloc, f"{page}: {url}"


@pytest.mark.parametrize("which", ["seeds_site", "spec_site"])
def test_linkchecker_finds_no_broken_link(which: str, request: pytest.FixtureRequest):
    # The fixture sites (seed records; series, statuses and hosts), not the shipped catalogue: the crawl's
    # cost must not grow with the records. Every page kind and template is in one or the other.
    site: Path = request.getfixturevalue(which)
    # Served on 127.0.0.1: run as root, linkchecker drops its privileges and cannot read a private temp folder.
    linkchecker = shutil.which("linkchecker") or str(Path(sys.executable).parent / "linkchecker")
    with serve_folder(site) as base:
        result = subprocess.run(
            [linkchecker, "--no-warnings", "--no-status", f"--ignore-url=^(?!{re.escape(base)})", base + "index.html"],
            capture_output=True,
            text=True,
            timeout=600,
        )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "0 errors found" in result.stdout
    checked = re.search(r"(\d+) links? in (\d+) URLs checked", result.stdout)
    pages = len(list(site.rglob("*.html")))
    assert checked and int(checked.group(2)) >= pages // 2, result.stdout[-500:]  # it really crawled the site


def test_edit_link_opens_the_record_file(real_site: Path):
    text = (real_site / "operations" / "operation-epervier.html").read_text("utf-8")
    assert re.search(r'href="https://github\.com/[^"]+/edit/main/content/operations/operation-epervier\.yml"', text)
    assert "application/ld+json" in text and '"@type":"Event"' in text


def test_a_bad_record_fails_the_build_and_keeps_the_previous_site(tmp_path: Path):
    project = make_project(tmp_path)
    site = tmp_path / "site"
    assert build_site(project, site).returncode == 0
    before = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    (project / "content" / "operations" / "operation-epervier.yml").write_text("name: [broken\n", "utf-8")
    result = build_site(project, site)
    assert result.returncode != 0
    assert "content/operations/operation-epervier.yml:" in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()} == before


class _Anchors(HTMLParser):
    """The ids a page defines and the links it makes (href of <a> and <area>)."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {key: value for key, value in attrs if value is not None}
        if values.get("id"):
            self.ids.add(values["id"])
        if tag == "a" and values.get("name"):
            self.ids.add(values["name"])
        if tag in ("a", "area") and "href" in values:
            self.links.append(values["href"])


def test_every_internal_link_and_its_fragment_lands_on_the_site(real_site: Path):
    """Every link between pages, with its #fragment, reaches a file and an element with that id
    (linkchecker does not check fragments): every citation marker lands on its source entry."""
    parsed: dict[Path, _Anchors] = {}
    for page in real_site.rglob("*.html"):
        parser = _Anchors()
        parser.feed(page.read_text("utf-8"))
        parsed[page.resolve()] = parser
    problems, checked, fragments = [], 0, 0
    for page, parser in parsed.items():
        for href in parser.links:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith("javascript:"):
                continue
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if target.is_dir():
                target = target / "index.html"
            checked += 1
            if not target.is_file():
                problems.append(f"{page.relative_to(real_site.resolve())}: {href}: no such file")
            elif parts.fragment and target.suffix == ".html":
                fragments += 1
                if unquote(parts.fragment) not in parsed[target].ids:
                    problems.append(f"{page.relative_to(real_site.resolve())}: {href}: no element with this id")
    assert not problems, "\n".join(sorted(problems)[:50])
    assert checked > 1000 and fragments > 100, (checked, fragments)  # it really read the site's links


def test_placeholder_addresses_warn_and_the_deploy_workflow_sets_the_real_ones(tmp_path: Path):
    project = make_project(tmp_path)
    placeholder = build_site(project, tmp_path / "a")
    assert placeholder.returncode == 0
    assert "WARNING  -  Placeholder addresses: site_url is https://example.github.io/" in placeholder.stderr
    real = build_site(project, tmp_path / "b", SITE_URL="https://acme.github.io/watch/", REPO_URL="https://github.com/acme/watch")
    assert real.returncode == 0 and "Placeholder addresses" not in real.stderr
    built = tmp_path / "b"
    text = "".join(p.read_text("utf-8") for p in (built / "index.html", built / "sitemap.xml", built / "feed.xml"))
    text += (built / "operations" / "operation-epervier.html").read_text("utf-8")
    assert "example.github.io" not in text and "github.com/example/" not in text
    assert '<link rel="canonical" href="https://acme.github.io/watch/index.html">' in text
    assert "https://github.com/acme/watch/edit/main/content/operations/operation-epervier.yml" in text
    # The workflow passes the repository's own addresses to the build.
    workflow = (ROOT / ".github" / "workflows" / "deploy.yml").read_text("utf-8")
    assert "SITE_URL: ${{ steps.pages.outputs.base_url }}/" in workflow
    assert "REPO_URL: ${{ github.server_url }}/${{ github.repository }}" in workflow


def test_every_page_has_the_metadata_a_shared_link_shows(real_site: Path):
    # OpenGraph and Twitter-card tags: a title and the page's own description (the same as its
    # <meta name="description">), the canonical address, and a summary card.
    def meta(text: str, attribute: str, name: str) -> str | None:
        found = re.search(rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)"', text)
        return found.group(1) if found else None

    pages = [p for p in real_site.rglob("*.html") if p.relative_to(real_site).parts[0] not in ("search", "assets")]
    assert len(pages) > 20
    for path in pages:
        text = path.read_text("utf-8")
        if 'http-equiv="refresh"' in text or path.name == "404.html":
            continue  # a redirect of a renamed record, or the page for a missing address
        where = path.relative_to(real_site).as_posix()
        assert meta(text, "property", "og:title"), where
        assert meta(text, "name", "twitter:title") == meta(text, "property", "og:title"), where
        assert meta(text, "property", "og:description") == meta(text, "name", "description"), where
        assert meta(text, "name", "twitter:card") == "summary", where
        assert meta(text, "property", "og:site_name") == "Operations Watch", where
    epervier = (real_site / "operations" / "operation-epervier.html").read_text("utf-8")
    assert meta(epervier, "property", "og:title") == "Operation Epervier"
    assert (meta(epervier, "property", "og:url") or "").endswith("/operations/operation-epervier.html")
