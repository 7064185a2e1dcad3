"""Generated pages cost MkDocs little, and the site is the same: no Python-Markdown for generated
pages, no page HTML kept in memory, the navigation rendered once per folder, links still checked."""

from __future__ import annotations

import gc
import re
from pathlib import Path

import pytest
import yaml
from mkdocs.config import load_config
from mkdocs.structure.files import get_files
from mkdocs.structure.pages import Page

from opswatch_mkdocs.speed.lightpages import LightPages
from opswatch_mkdocs.speed.navcache import TemplateCache
from tests.helpers import ROOT, build_site, make_project

GOLDEN_MINI = ROOT / "tests" / "golden" / "mini"


def _set_plugin_options(project: Path, **options: object) -> None:
    """Give the opswatch plugin options in the project's mkdocs.yml."""
    config = (project / "mkdocs.yml").read_text("utf-8")
    entry = "  - opswatch:\n" + "".join(f"      {key}: {yaml.safe_dump(value).split()[0]}\n" for key, value in options.items())
    config, count = re.subn(r"^  - opswatch\b[^\n]*\n", entry, config, count=1, flags=re.M)
    assert count == 1
    (project / "mkdocs.yml").write_text(config, "utf-8")


@pytest.mark.e2e
def test_the_fast_build_writes_the_same_site_as_the_usual_one(tmp_path, mini_content):
    # A record's text links to another page and to an anchor, as CONTRIBUTING.md says to.
    record = mini_content / "operations" / "op-two.yml"
    data = yaml.safe_load(record.read_text("utf-8"))
    data["summary"] += "\n\nSee [Operation One](op-one.md) and [arrests](../glossary.md#measures-arrests)."
    record.write_text(yaml.safe_dump(data, sort_keys=False), "utf-8")
    for name in ("usual", "fast"):
        (tmp_path / name).mkdir()
    usual = make_project(tmp_path / "usual", mini_content)
    _set_plugin_options(usual, fast_pages=False, cache_navigation=False)
    fast = make_project(tmp_path / "fast", mini_content)
    results = {}
    for name, project in (("usual", usual), ("fast", fast)):
        result = build_site(project, tmp_path / f"site-{name}")
        assert result.returncode == 0, result.stdout + result.stderr
        results[name] = result.stdout + result.stderr
    # The fast build took its shortcuts (else comparing two usual builds would prove nothing) ...
    took = re.search(r"opswatch: (\d+) of (\d+) pages without Python-Markdown; navigation reused on (\d+) pages", results["fast"])
    assert took, results["fast"]
    # Every page but the hand-written ones (not home.md, which becomes part of index.md) and the
    # home page (its world map is an <svg>, which Python-Markdown does not take as a block).
    hand_written = len([p for p in (fast / "content" / "pages").glob("*.md") if p.name != "home.md"])
    assert int(took.group(1)) == int(took.group(2)) - hand_written - 1 and int(took.group(3)) > 0
    assert "opswatch: 0 of" in results["usual"]
    # ... and wrote the same bytes in every file.
    sites = [tmp_path / "site-usual", tmp_path / "site-fast"]
    files = [sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()) for site in sites]
    assert files[0] == files[1]
    different = [name for name in files[0] if (sites[0] / name).read_bytes() != (sites[1] / name).read_bytes()]
    assert different == []
    assert 'href="../glossary.html#measures-arrests"' in (sites[1] / "operations" / "op-two.html").read_text("utf-8")


@pytest.mark.e2e
def test_a_broken_link_in_a_generated_page_stops_the_build(tmp_path, mini_content):
    # A record's text may link to pages of the site; the generator writes it into the page's HTML,
    # which MkDocs itself does not check, so the fast path does.
    record = mini_content / "operations" / "op-two.yml"
    data = yaml.safe_load(record.read_text("utf-8"))
    data["summary"] += "\n\nSee [the missing page](no-such-page.md) and [a missing term](../glossary.md#no-such-term)."
    record.write_text(yaml.safe_dump(data, sort_keys=False), "utf-8")
    project = make_project(tmp_path, mini_content)
    result = build_site(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert (
        "Doc file 'operations/op-two.md' contains a link 'no-such-page.html', but the target 'operations/no-such-page.html'"
        in output
    )
    assert "contains a link '../glossary.html#no-such-term', but the doc 'glossary.md' does not contain an anchor" in output


def _mini_config():
    return load_config(str(ROOT / "mkdocs.yml"), docs_dir=str(GOLDEN_MINI))


def test_a_fast_page_keeps_only_a_placeholder_until_it_is_written():
    config = _mini_config()
    files = get_files(config)
    light = LightPages()
    light.configure(config, frozenset({"about.md"}))
    file = files.get_file_from_path("operations/op-one.md")
    assert file is not None
    page = Page(None, file, config)
    light.prepare(page)
    page.read_source(config)
    source_body = page.markdown
    page.render(config, files)
    assert light.converted == 1
    assert page.markdown == "" and page.content is not None and len(page.content) < 60
    assert next(iter(page.toc)).title == "Operation One"
    assert "cite-1" in (page.present_anchor_ids or set())
    # When written, the page gets the HTML that Python-Markdown would have given.
    usual = Page(None, file, config)
    usual.read_source(config)
    usual.render(config, files)
    written = light.fill(f"<main>{page.content}</main>", page)
    assert written == f"<main>{usual.content}</main>"
    assert source_body and usual.markdown == source_body


def test_hand_written_pages_keep_mkdocs_usual_path():
    config = _mini_config()
    files = get_files(config)
    light = LightPages()
    light.configure(config, frozenset({"about.md"}))
    file = files.get_file_from_path("about.md")
    assert file is not None
    page = Page(None, file, config)
    light.prepare(page)
    page.read_source(config)
    page.render(config, files)
    assert light.converted == 0 and page.content and "<p>" in page.content


class _Item:
    def __init__(self, url: str, children: list[_Item] | None = None) -> None:
        self.url, self.children, self.active = url, children or [], False


class _Nav:
    def __init__(self, items: list[_Item]) -> None:
        self.items = items


def test_the_navigation_is_rendered_once_per_folder_and_active_items():
    listed = _Item("about.html")
    section = _Item("operations/index.html")
    nav = _Nav([_Item("index.html"), section, _Item("", [listed])])
    cache = TemplateCache()
    renders: list[str] = []

    def render(page: _Item) -> str:
        def caller() -> str:
            renders.append(page.url)
            return f"nav for {page.url}"

        return cache.nav("nav", page, nav, caller=caller)

    assert render(_Item("operations/a.html")) == "nav for operations/a.html"
    assert render(_Item("operations/b.html")) == "nav for operations/a.html"  # same folder, same active items
    assert render(_Item("agencies/a.html")) == "nav for agencies/a.html"  # another folder
    section.active = True
    assert render(_Item("operations/c.html")) == "nav for operations/c.html"  # another active item
    assert render(listed) == "nav for about.html"  # a page in the navigation: always its own
    assert render(listed) == "nav for about.html" and renders.count("about.html") == 2
    assert cache.hits == {"nav": 1}
    cache.enabled = False
    render(_Item("operations/d.html"))
    assert renders[-1] == "operations/d.html"


def test_the_generator_leaves_nothing_of_the_catalogue_alive(tmp_path, mini_content):
    # MkDocs renders the pages after the generator has run in the same process: the records,
    # the linked site and the rendered pages must be freed by then (issue 17, point 4).
    from generator import dates, link, loader, models, plan, render, textmd
    from opswatch_mkdocs.plugin import OpsWatchPlugin

    plugin = OpsWatchPlugin()
    plugin.load_config({})
    plugin.on_startup(command="build", dirty=False)
    plugin.content, plugin.docs = mini_content, tmp_path / "docs"
    assert plugin._generate() == []
    assert (tmp_path / "docs" / "operations" / "op-one.md").is_file()
    # No gc.collect() here: the plugin must have freed what the generator left in reference cycles.
    kept = (link.Site, models.Operation, models.Agency, models.Source, loader.Document, plan.Page, plan.Bundle)
    alive = [type(o).__name__ for o in gc.get_objects() if isinstance(o, kept)]
    assert alive == []
    # Nor do the module-level caches of rendered text, dates and labels outlive the build.
    caches = {"plain": render.plain, "markdown": textmd._Renderer.__call__, "dates": dates.parse}
    assert {name: f.cache_info().currsize for name, f in caches.items()} == dict.fromkeys(caches, 0)
    assert render._shared is None
