"""A site built from records full of injection attempts: in chromium, no script runs and no
javascript: link exists."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from tests.helpers import CHROMIUM, MINI, build_site, make_project, require_browser, rewrite_text_fields, serve_folder

pytestmark = [pytest.mark.browser, pytest.mark.e2e]

sync_api = require_browser()

PAYLOADS = [
    "<script>window.__pwned=1</script>",
    '<img src=x onerror="window.__pwned=1">',
    '<svg onload="window.__pwned=1"></svg>',
    '<iframe src="javascript:parent.__pwned=1"></iframe>',
    "[click](javascript:window.__pwned=1)",
    "[click](java&#115;cript:window.__pwned=1)",
    "[click](JaVaScRiPt:window.__pwned=1)",
    '<a href="javascript:window.__pwned=1">x</a>',
    '{: onclick="window.__pwned=1" }',
    "{{ config }} {% include 'x' %}",
    "</script><script>window.__pwned=1</script>",
    "</title><script>window.__pwned=1</script>",
    '"><script>window.__pwned=1</script>',
    '<div>\n\n<b onmouseover="window.__pwned=1">raw html block</b>\n\n</div>',
]
TEXT_FIELDS = {"name", "summary", "notes", "note", "title", "publisher", "author", "text", "as_reported", "countries_note"}


def _poison(content: Path) -> None:
    """Each text field gets the next payload in turn (short fields hold at most 300 characters)."""
    counter = iter(range(10**6))

    def payload(key: str, text: str) -> str:
        long = key in {"summary", "notes", "text"}
        return text + " " + (" ".join(PAYLOADS) if long else PAYLOADS[next(counter) % len(PAYLOADS)])

    rewrite_text_fields(content, TEXT_FIELDS, payload)
    for path in sorted(content.rglob("*.yml")):
        data = yaml.safe_load(path.read_text("utf-8"))
        if "aliases" in data:
            data["aliases"] = [*data["aliases"], "<script>window.__pwned=1</script>"]
            path.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Iterator[tuple[str, list[str]]]:
    tmp = tmp_path_factory.mktemp("hostile")
    content = tmp / "content"
    shutil.copytree(MINI, content)
    _poison(content)
    project = make_project(tmp, content)
    site = tmp / "site"
    result = build_site(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    with serve_folder(site) as base:
        yield base, pages


def test_no_script_runs_and_no_javascript_link_exists(hostile_site):
    base, pages = hostile_site
    assert len(pages) > 15
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-sync"],
        )
        context = browser.new_context()
        dialogs: list[str] = []
        outside: list[str] = []
        context.route(
            "**/*",
            lambda route: (
                route.continue_() if route.request.url.startswith(base) else (outside.append(route.request.url), route.abort())
            ),
        )
        page = context.new_page()
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        for path in pages:
            page.goto(base + path)
            page.wait_for_load_state("load")
            assert page.evaluate("() => window.__pwned === undefined"), path
            bad_links = page.evaluate("""() => [...document.querySelectorAll('[href],[src],[action],[formaction]')]
                .map(e => (e.getAttribute('href') || e.getAttribute('src') || e.getAttribute('action') || '')
                .replace(/[\\s\\u0000-\\u001f]/g, '').toLowerCase())
                .filter(v => v.startsWith('javascript:') || v.startsWith('data:text/html') || v.startsWith('vbscript:'))""")
            assert bad_links == [], (path, bad_links)
            handlers = page.evaluate("""() => [...document.querySelectorAll('*')].flatMap(e =>
                [...e.attributes].filter(a => a.name.startsWith('on')).map(a => e.tagName + ' ' + a.name))""")
            assert handlers == [], (path, handlers)
            assert page.locator("iframe").count() == 0, path
        browser.close()
    assert dialogs == []
    assert outside == []
