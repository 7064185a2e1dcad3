"""Every page of a fixture site on a 390 px phone screen, in Debian's chromium: nothing wider than
the screen (no page pans sideways) and no word broken across two lines.

Wide lists become one card per row on a phone (``.ow-stack`` in site.css); short tables wrap
between words only. The seeds fixture has the long names and many-column lists that broke both.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import require_browser

pytestmark = pytest.mark.browser
sync_api = require_browser()

PHONE = {"width": 390, "height": 844}

# A word (two letters or digits or more) whose text spans two lines has client rectangles on two
# lines. Only visible text in the page's main area counts.
_BROKEN_WORDS = """() => {
  const out = [], root = document.querySelector('.md-main') || document.body;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!n.parentElement || !n.parentElement.offsetParent) continue;
    for (const m of n.data.matchAll(/[\\p{L}\\p{N}]{2,}/gu)) {
      const range = document.createRange();
      range.setStart(n, m.index);
      range.setEnd(n, m.index + m[0].length);
      const rects = Array.from(range.getClientRects()).filter((r) => r.width > 0);
      if (rects.some((r) => r.top > rects[0].top + 2)) out.push(m[0]);
    }
  }
  return out;
}"""

_WIDEST = """() => {
  const page = document.documentElement, wide = [];
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (r.right > page.clientWidth + 1 && r.width > 0) wide.push(el.tagName.toLowerCase() + '.' + el.className + ' ' + Math.round(r.right));
  }
  return [page.scrollWidth, page.clientWidth, wide.slice(0, 3)];
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_page_is_wider_than_a_phone_or_breaks_a_word(seeds_site: Path, browser, scheme: str) -> None:
    pages = sorted(p for p in seeds_site.rglob("*.html") if p.relative_to(seeds_site).parts[0] != "search")
    assert len(pages) > 50  # every kind of page: records, lists, parts, years, hand-written pages
    context = browser.new_context(viewport=PHONE, color_scheme=scheme)
    page = context.new_page()
    wide, broken = {}, {}
    for path in pages:
        page.goto(path.as_uri())
        scroll, client, widest = page.evaluate(_WIDEST)
        if scroll > client:
            wide[path.relative_to(seeds_site).as_posix()] = (scroll, widest)
        words = page.evaluate(_BROKEN_WORDS)
        if words:
            broken[path.relative_to(seeds_site).as_posix()] = words[:5]
    context.close()
    assert wide == {}, f"pages wider than a {PHONE['width']} px screen: {wide}"
    assert broken == {}, f"words broken across lines: {broken}"


def test_wide_lists_become_cards_with_their_column_headings(seeds_site: Path, browser) -> None:
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    for index in ("operations/index.html", "sources/index.html"):
        page.goto((seeds_site / index).as_uri())
        row = page.locator("table.ow-stack tbody tr").first
        assert row.evaluate("r => getComputedStyle(r).display") == "block"
        label = row.locator("td[data-label]").first
        before = label.evaluate("td => getComputedStyle(td, '::before').content")
        assert before.strip('"').startswith(label.get_attribute("data-label")), index
        assert page.get_by_role("button", name="Kind").first.is_visible()  # the headings still sort
    context.close()
