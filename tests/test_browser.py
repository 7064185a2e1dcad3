"""The built site in Debian's chromium: served on 127.0.0.1 and opened from disk with no network.

Pages render, search finds records by name, acronym and place, cross-links work both ways,
no request leaves the site, and axe-core finds no serious accessibility problem.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.helpers import ROOT, require_browser, serve_folder

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PAGES = ["index.html", "operations/operation-epervier.html", "agencies/nccia.html", "countries/pk.html", "timeline.html"]

sync_api = require_browser()


@pytest.fixture(scope="module")
def server(real_site: Path) -> Iterator[str]:
    with serve_folder(real_site) as base:
        yield base


@pytest.fixture(params=["served", "file"])
def site(request, real_site, server, browser):
    """A page factory for one way of reading the site, recording every request it makes."""
    base = server if request.param == "served" else real_site.as_uri() + "/"
    context = browser.new_context()
    requests: list[str] = []
    outside: list[str] = []

    def route(route):
        url = route.request.url
        requests.append(url)
        parts = urlsplit(url)
        if parts.scheme in ("file", "data", "blob", "about") or parts.hostname == "127.0.0.1":
            route.continue_()
        else:
            outside.append(url)
            route.abort()  # no network: anything else is blocked, and recorded as a failure

    context.route("**/*", route)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield base, page, requests, outside, errors
    context.close()
    assert outside == [], f"requests left the site: {outside}"
    assert errors == [], f"script errors: {errors}"


def test_pages_render(site):
    base, page, requests, _, _ = site
    for path in PAGES:
        page.goto(base + path)
        assert page.locator("h1").first.inner_text().strip(), path
        assert page.title().endswith("Operations Watch"), path
    page.goto(base + "index.html")
    assert page.locator("svg.world-map a").count() >= 10  # the map's country links
    assert requests


def test_no_console_errors(site):
    # From disk, Material's handler for language links once fetched sitemap.xml for the feed's
    # <link rel="alternate">, which file:// pages may not read: two errors on every page.
    base, page, _, _, _ = site
    console: list[str] = []
    page.on("console", lambda m: console.append(f"{page.url}: {m.text}") if m.type == "error" else None)
    for path in PAGES:
        page.goto(base + path)
        page.wait_for_load_state("networkidle")
    assert console == []
    assert page.locator('link[rel="alternate"][type="application/atom+xml"]').count() == (0 if base.startswith("file:") else 1)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Epervier", "operations/operation-epervier.html"),
        ("NCCIA", "agencies/nccia.html"),
        ("Muzaffargarh", "operations/nccia-muzaffargarh-case.html"),
        ("ISA", "agencies/international-security-alliance.html"),
        ("Boystown", "operations/boystown-takedown-2021.html"),
    ],
)
def test_search_finds_records_by_name_acronym_and_place(site, query, expected):
    base, page, _, _, _ = site
    page.goto(base + "index.html")
    page.locator("input.md-search__input").focus()
    page.keyboard.type(query)
    page.wait_for_selector(".md-search-result__item", timeout=15_000)
    hrefs = [a.get_attribute("href") for a in page.locator(".md-search-result__item > a").all()][:3]
    assert any(expected in (h or "") for h in hrefs), (query, hrefs)


def test_cross_links_from_operation_to_agency_to_country_and_back(site):
    base, page, _, _, _ = site
    page.goto(base + "operations/nccia-muzaffargarh-case.html")
    page.locator("table.ow-table a", has_text="National Cyber Crime Investigation Agency").first.click()
    page.wait_for_url("**/agencies/nccia.html*")
    page.locator(".ow-kicker a", has_text="Pakistan").first.click()
    page.wait_for_url("**/countries/pk.html*")
    assert "Pakistan" in page.locator("h1").inner_text()
    page.locator("table.ow-table a", has_text="Muzaffargarh").first.click()
    page.wait_for_url("**/operations/nccia-muzaffargarh-case.html*")
    assert "Muzaffargarh" in page.locator("h1").inner_text()


@pytest.mark.skipif(not AXE.exists(), reason="axe-core is installed by scripts/test.sh (npm)")
@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_no_serious_accessibility_violations(server, browser, scheme):
    context = browser.new_context()
    page = context.new_page()
    script = AXE.read_text("utf-8")
    problems = []
    for path in PAGES:
        page.goto(server + path)
        page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
        page.add_script_tag(content=script)
        result = page.evaluate("async () => JSON.stringify(await axe.run(document, {resultTypes: ['violations']}))")
        for violation in json.loads(result)["violations"]:
            if violation["impact"] in ("serious", "critical"):
                targets = [n["target"] for n in violation["nodes"]][:3]
                problems.append(f"{path} [{scheme}]: {violation['id']} ({violation['impact']}): {targets}")
    context.close()
    assert problems == [], "\n".join(problems)


def test_screenshots_for_review(server, browser, tmp_path_factory):
    """Light and dark screenshots of the home and an operation page, kept for a human to look at."""
    out = Path(os.environ.get("SCREENSHOT_DIR", tmp_path_factory.mktemp("shots")))
    out.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    for scheme in ("default", "slate"):
        for path in ("index.html", "operations/operation-epervier.html"):
            page.goto(server + path)
            page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
            target = out / f"{path.replace('/', '_').removesuffix('.html')}-{scheme}.png"
            page.screenshot(path=str(target), full_page=True)
            assert target.stat().st_size > 10_000
    context.close()


def test_sorting_by_date_keeps_undated_records_last_both_ways(site):
    base, page, _, _, _ = site
    page.goto(base + "operations/index.html")
    seen: set[int] = set()
    for table in page.locator("table.ow-sortable").all():
        heading = table.locator("th", has_text="Latest date").locator("button")
        for _ in ("ascending", "descending"):
            heading.click()
            ranks = table.evaluate(
                "t => Array.from(t.tBodies[0].rows, r => Number(r.cells[2].getAttribute('data-sort-last') || 0))"
            )
            assert ranks == sorted(ranks), ranks  # dated first, then no year, then no date
            seen.update(ranks)
    assert {0, 2} <= seen  # the fixture has dated and undated records
