"""How the built site looks and behaves in Debian's chromium: where the reader is, phone layout,
touch targets, print, and the 404 page from disk and from any path."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import require_browser

pytestmark = pytest.mark.browser

sync_api = require_browser()

OPERATION = "operations/operation-epervier.html"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


class _Site(http.server.SimpleHTTPRequestHandler):
    """Serves the site under a path prefix, with 404.html for any missing address (as GitHub Pages does)."""

    prefix = "/"

    def log_message(self, *args) -> None:
        pass

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.prefix):
            return "/nonexistent"
        return super().translate_path("/" + path[len(self.prefix) :])

    def send_error(self, code, message=None, explain=None) -> None:
        if code != 404:
            return super().send_error(code, message, explain)
        body = (Path(self.directory) / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def _serve(site: Path, prefix: str) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(type("Handler", (_Site,), {"prefix": prefix}), directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}{prefix}"


@pytest.fixture(scope="module")
def server(real_site: Path) -> Iterator[str]:
    httpd, base = _serve(real_site, "/")
    yield base
    httpd.shutdown()


@pytest.fixture
def page_at(browser):
    contexts = []

    def open_page(url: str, viewport: dict = DESKTOP, **options):
        context = browser.new_context(viewport=viewport, **options)
        contexts.append(context)
        page = context.new_page()
        page.goto(url)
        return page

    yield open_page
    for context in contexts:
        context.close()


def test_record_page_marks_its_tab_has_a_breadcrumb_and_no_empty_left_column(page_at, server):
    page = page_at(server + OPERATION)
    active = page.locator(".md-tabs__item--active .md-tabs__link")
    assert active.inner_text().strip() == "Operations"
    style = active.evaluate("a => [getComputedStyle(a).opacity, getComputedStyle(a).textDecorationLine]")
    other = page.locator(".md-tabs__item:not(.md-tabs__item--active) .md-tabs__link").first
    assert style == ["1", "underline"] and float(other.evaluate("a => getComputedStyle(a).opacity")) < 1
    crumbs = page.locator("nav.ow-breadcrumbs a")
    assert [crumbs.nth(i).inner_text() for i in range(crumbs.count())] == ["Home", "Operations"]
    crumbs.nth(1).click()
    page.wait_for_url("**/operations/index.html")
    page.go_back()
    # A year of the timeline, also outside the navigation, belongs to the Timeline tab.
    page.goto(server + "timeline/2020.html")
    assert page.locator(".md-tabs__item--active .md-tabs__link").inner_text().strip() == "Timeline"
    assert page.locator("nav.ow-breadcrumbs a").nth(1).get_attribute("href") == "../timeline.html"
    for path in (OPERATION, "countries/index.html", "index.html"):
        page.goto(server + path)
        assert not page.locator(".md-sidebar--primary").is_visible(), path
        assert page.locator(".md-content").bounding_box()["x"] < 100, path  # no empty column first
    page.goto(server + "methodology.html")  # a page of the About section keeps its section's menu
    assert page.locator(".md-sidebar--primary").is_visible()


def test_phone_tables_draw_header_and_rows_across_the_whole_table(page_at, server):
    page = page_at(server + OPERATION, PHONE)
    for table in page.locator("table.ow-table").all():
        box = table.bounding_box()
        header = table.locator("thead tr").bounding_box()
        row = table.locator("tbody tr").last.bounding_box()
        assert abs(header["width"] - box["width"]) <= 2 and abs(row["width"] - box["width"]) <= 2
        assert box["x"] + box["width"] <= PHONE["width"]  # no table runs off the screen


def test_phone_facts_use_the_whole_width(page_at, server):
    # "When and where" on a phone: each fact under its label, not squeezed beside the longest label.
    page = page_at(server + "operations/isa-first-joint-operation.html", PHONE)
    facts = page.locator("dl.ow-facts")
    width = facts.bounding_box()["width"]
    for dd in facts.locator("dd").all():
        assert dd.bounding_box()["width"] >= 0.9 * width


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_citation_markers_are_24px_targets_named_after_their_source(page_at, server, viewport):
    page = page_at(server + OPERATION, viewport)
    markers = page.locator("sup.ow-cite a")
    assert markers.count() > 5
    for marker in markers.all():
        box = marker.bounding_box()
        assert box["width"] >= 24 and box["height"] >= 24, box
        assert marker.get_attribute("aria-label").startswith("Source ")
    target = markers.first.get_attribute("href")
    assert page.locator(f"li{target}").is_visible()


def test_keyboard_focus_ring_uses_the_site_colour(page_at, server):
    page = page_at(server + OPERATION)
    page.locator(".ow-summary").first.click()
    link = page.locator("nav.ow-breadcrumbs a").first
    link.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    ring = link.evaluate("a => [getComputedStyle(a).outlineStyle, getComputedStyle(a).outlineColor]")
    assert ring == ["solid", "rgb(194, 65, 12)"]


def test_printed_operation_page_says_where_and_when_and_keeps_the_notice(page_at, server):
    page = page_at(server + OPERATION)
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    page.emulate_media(media="print")
    header = page.locator(".ow-print-header")
    assert header.is_visible()
    text = header.inner_text()
    assert "Operations Watch" in text and server + OPERATION in text
    assert "Site built on" in text and "printed on" in text
    assert page.locator(".ow-notice").is_visible()
    assert not page.locator(".md-header").is_visible()


def _styled(page) -> bool:
    return page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"


def test_404_page_is_styled_from_disk_from_another_path_and_under_the_site_path(page_at, real_site):
    page = page_at((real_site / "404.html").as_uri())
    assert _styled(page) and page.locator("h1").inner_text() == "Page not found"
    elsewhere, base = _serve(real_site, "/elsewhere/")
    try:
        assert _styled(page_at(base + "404.html"))
        assert _styled(page_at(base + "missing.html"))
    finally:
        elsewhere.shutdown()
    # Served under the site's own path (site_url), a missing address in a subfolder is styled too.
    own, base = _serve(real_site, "/operations-watch/")
    try:
        page = page_at(base + "operations/no-such-record/deeper.html")
        assert _styled(page)
        page.locator(".md-content a", has_text="All operations").click()
        page.wait_for_url("**/operations-watch/operations/index.html")
    finally:
        own.shutdown()
