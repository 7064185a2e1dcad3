"""The build plan: each generated file declares the records it shows (generator/plan.py).

The contract an incremental build relies on: a page whose input keys, their contents and
its extra are unchanged renders to the same bytes. These tests edit one record at a time
and check every page that does not declare it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator import checker, link, pages
from generator.plan import ALL, Bundle, Page, render_all


def _plan(content: Path) -> dict[str, tuple[Any, Any, object]]:
    """path → (inputs, extra, rendered text) of every file."""
    out: dict[str, tuple[Any, Any, object]] = {}
    for item in pages.plan(link.link(checker.check(content), {}, "https://example.org/")):
        if isinstance(item, Page):
            out[item.path] = (item.inputs, item.extra, item.render())
        else:
            for path, text in item.render().items():
                assert path.startswith(item.folder)
                out[path] = (item.inputs, item.extra, text)
    return out


def _edit_text(data: dict) -> None:
    """Change every string a page could show of the record: names, titles, summaries, notes."""
    for field in ("name", "title", "short_name", "summary", "notes", "publisher"):
        if isinstance(data.get(field), str):
            data[field] += " Edited"


def _edit_date(data: dict) -> None:
    """Give an operation a later step, which moves it in every newest-first list and the timeline."""
    data.setdefault("events", []).append({"date": "2025-02-03", "text": "A later step.", "sources": list(data["sources"][:1])})


def _records(content: Path) -> list[tuple[tuple[str, str], Path]]:
    return [((path.parent.name, path.stem), path) for path in sorted(content.glob("*/*.yml")) if path.parent.name != "vocab"]


@pytest.mark.parametrize("edit", [_edit_text, _edit_date], ids=["text", "date"])
def test_a_page_that_does_not_declare_a_record_does_not_change_with_it(mini_content: Path, edit: Callable[[dict], None]) -> None:
    before = _plan(mini_content)
    kept = changed = 0
    for key, path in _records(mini_content):
        if edit is _edit_date and key[0] != "operations":
            continue
        original = path.read_text("utf-8")
        data = yaml.safe_load(original)
        edit(data)
        path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), "utf-8")
        after = _plan(mini_content)
        path.write_text(original, "utf-8")
        for page, (inputs, extra, text) in after.items():
            if page not in before:
                continue
            old_inputs, old_extra, old_text = before[page]
            if text != old_text:
                changed += 1
            declared = key in inputs
            if not declared and inputs == old_inputs and extra == old_extra:
                kept += 1
                assert text == old_text, f"{page} changed with {key} but does not declare it"
    # Both branches were exercised: pages were left alone, and the edits showed somewhere.
    assert kept > 20
    assert changed > 5


def test_the_plan_lists_every_file_once_and_all_files_renders_it(mini_content: Path) -> None:
    site = link.link(checker.check(mini_content))
    plan = pages.plan(site)
    paths = [item.path if isinstance(item, Page) else item.folder for item in plan]
    assert len(paths) == len(set(paths))
    files = pages.all_files(site)
    assert files == render_all(plan)
    singles = {item.path for item in plan if isinstance(item, Page)}
    bundled = set(files) - singles
    assert bundled and all(path.startswith("search-index/") for path in bundled)
    assert [item.folder for item in plan if isinstance(item, Bundle)] == ["search-index/"]


def test_record_pages_declare_their_reverse_links(mini_content: Path) -> None:
    plan = {item.path: item for item in pages.plan(link.link(checker.check(mini_content))) if isinstance(item, Page)}
    # op-one declares op-two as related: both pages show each other.
    assert ("operations", "op-one") in plan["operations/op-two.md"].inputs
    assert ("operations", "op-two") in plan["operations/op-one.md"].inputs
    # An agency's page lists the operations that name it; a source's page, what cites it.
    assert ("operations", "op-two") in plan["agencies/alpha-police.md"].inputs
    assert ("operations", "op-three") in plan["sources/report-b.md"].inputs
    # A country's page totals every operation that lists it.
    assert ("operations", "op-one") in plan["countries/fr.md"].inputs
    assert ("operations", "op-two") in plan["countries/fr.md"].inputs
    assert plan["index.md"].inputs is ALL
    assert plan["about.md"].inputs == frozenset({("pages", "about")})
