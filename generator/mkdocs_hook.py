"""The thin MkDocs adapter: run the generator before each build, and nothing MkDocs-free.

- ``on_pre_build``: check the records and write the pages into ``docs_dir`` (only changed files);
  problems abort the build with the same one-line-per-problem report as ``python -m generator check``.
- ``on_serve``: watch ``content/`` so that ``mkdocs serve`` regenerates when a record changes.
- ``on_env``: theme templates lose their indentation when loaded (smaller pages, same rendering).
- ``on_page_context``: "Edit this page" opens the record's YAML file, named in the page's front matter.
- ``on_template_context``: the 404 page uses relative addresses (styled from disk and from any path).
- top-level and record pages hide the empty navigation column; record pages mark their section's tab.
- ``mkdocs build`` writes into a temporary folder and swaps it in only after a clean build, so a
  failed or interrupted build leaves the previous ``site/`` as it was.
"""

from __future__ import annotations

import html
import json
import logging
import shutil
import sys
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority

# MkDocs loads hooks by file path; make the generator package importable from a plain checkout.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator import build as generator_build
from generator.htmlspace import UnindentingLoader
from generator.problems import ContentError, format_all

log = logging.getLogger("mkdocs.hooks.generator")
_state: dict = {"command": None, "final_site_dir": None, "warnings": None}


class _WarningCounter(logging.Handler):
    """Counts warnings, as MkDocs does for strict mode, to decide whether to publish the build."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


def _content_dir(config) -> Path:
    return Path(config.config_file_path).resolve().parent / "content"


class _DirtyNotice(logging.Filter):
    """Lets `mkdocs serve --dirty` work with `strict: true`.

    MkDocs warns on every dirty build that navigation may be stale, and strict mode turns that
    warning into a failed preview. The generator rewrites only the pages whose text changed,
    which is what a dirty build needs, so the notice is shown once, as information."""

    shown = False

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno == logging.WARNING and record.getMessage().startswith("A 'dirty' build is being performed"):
            if not self.shown:
                log.info(
                    "generator: --dirty preview: only changed pages are rebuilt; the search index and lists in the navigation may lag behind"
                )
                self.shown = True
            return False
        return True


def on_startup(command: str, dirty: bool) -> None:
    _state["command"] = command
    if command == "serve" and dirty:  # once per process: on_startup is not repeated on rebuilds
        logging.getLogger("mkdocs.commands.build").addFilter(_DirtyNotice())


PLACEHOLDER_HOSTS = ("example.github.io", "github.com/example/")
"""Addresses in mkdocs.yml that stand for the real ones until a deployment sets them."""


def placeholder_notice(config) -> str | None:
    """A notice naming the settings that still hold placeholder addresses, or None."""
    placeholders = [
        f"{name} is {value}"
        for name, value in (("site_url", config.site_url or ""), ("repo_url", config.repo_url or ""))
        if any(host in value for host in PLACEHOLDER_HOSTS)
    ]
    if not placeholders:
        return None
    return (
        "WARNING  -  Placeholder addresses: "
        + " and ".join(placeholders)
        + ". Canonical links, the sitemap, the feed and the edit links point there. Set SITE_URL and REPO_URL"
        " (the GitHub Pages workflow does) or write the real addresses in mkdocs.yml before publishing."
    )


def on_config(config):
    notice = placeholder_notice(config)
    if notice:
        # Printed, not logged: in strict mode a logged warning would stop every local build.
        print(notice, file=sys.stderr)
    if _state["command"] == "build":
        final = Path(config.site_dir)
        _state["final_site_dir"] = final
        config.site_dir = str(final.with_name(final.name + ".building"))
        counter = _WarningCounter()
        logging.getLogger("mkdocs").addHandler(counter)
        _state["warnings"] = counter
    return config


def on_pre_build(config) -> None:
    try:
        result = generator_build.build(_content_dir(config), Path(config.docs_dir), site_url=config.site_url or "")
    except ContentError as exc:
        message = "The records have problems:\n" + format_all(exc.problems)
        if _state["command"] == "serve":
            # MkDocs' live-reload loop prints a traceback for any exception but SystemExit, whose
            # message it prints as is and then keeps serving the last good build.
            raise SystemExit(message) from None
        raise Abort(message) from None
    report = result.report
    log.info(
        "generator: %d page(s); %d file(s) written, %d unchanged, %d removed",
        result.pages,
        len(report.written),
        report.unchanged,
        len(report.removed),
    )


def on_serve(server, config, builder):
    server.watch(str(_content_dir(config)))
    return server


def on_env(env, config, files):
    if env.loader is not None and not isinstance(env.loader, UnindentingLoader):
        env.loader = UnindentingLoader(env.loader)
    return env


def on_template_context(context, template_name, config):
    # MkDocs gives error pages absolute addresses under site_url's path, which leaves the 404 page
    # unstyled when the site is served from another path or opened from disk. Relative addresses
    # work in both; when the page is served under site_url's path, its script sets <base> to it,
    # so a missing address in a subfolder still gets a styled page.
    if template_name == "404.html":
        from urllib.parse import urlsplit

        from mkdocs.utils import normalize_url

        context["base_url"] = "."
        context["extra_css"] = [normalize_url(path, None, ".") for path in config.extra_css]
        context["extra_javascript"] = [normalize_url(str(script), None, ".") for script in config.extra_javascript]
        context["site_path"] = urlsplit(config.site_url or "/").path or "/"
    return context


def on_page_markdown(markdown, page, config, files):
    # Material writes page titles and descriptions into HTML without escaping them (in <meta>
    # attributes, the header, the navigation and the search index). Record text is escaped here,
    # once, so that a quote or a tag in a record name stays text.
    for key in ("title", "description"):
        if isinstance(page.meta.get(key), str):
            page.meta[key] = html.escape(page.meta[key])
    return markdown


def on_page_context(context, page, config, nav):
    # The generator writes schema.org data as JSON text; the theme serialises it back with
    # `tojson`, which escapes <, > and & so that no text can end the script element.
    if isinstance(page.meta.get("jsonld"), str):
        try:
            page.meta["jsonld"] = json.loads(page.meta["jsonld"])
        except ValueError:
            page.meta["jsonld"] = None
    if page.parent is None:
        # A top-level page (a tab of its own) or a record page (in no navigation section) would
        # show an empty or one-line left column on desktop; on a phone the menu still lists every tab.
        page.meta["hide"] = [*page.meta.get("hide", []), "navigation"]
    section = _record_section(page)
    if section and nav is not None:
        # Record pages are not in the navigation: their section's tab is marked as the active one
        # (reset in on_post_page).
        for item in nav.pages:
            if item.url == f"{section}/index.html":
                item.active = True
                _state["active_section"] = item
    edit_path = page.meta.get("edit_path")
    if edit_path and config.repo_url:
        page.edit_url = config.repo_url.rstrip("/") + "/" + (config.edit_uri or "edit/main/").strip("/") + "/" + edit_path
    elif page.meta.get("jsonld") is not None and not edit_path:
        page.edit_url = None  # generated index pages have no single record to edit
    return context


_RECORD_SECTIONS = ("operations", "agencies", "countries", "sources")


def _record_section(page) -> str | None:
    """The section of a record page (operations/x.html → operations), None for other pages."""
    section, _, name = page.url.partition("/")
    return section if section in _RECORD_SECTIONS and name and name != "index.html" else None


def on_post_page(output, page, config):
    item = _state.pop("active_section", None)
    if item is not None:
        item.active = False
    return output


@event_priority(-200)  # after Material's offline plugin has written search_index.js
def on_post_build(config) -> None:
    final = _state.get("final_site_dir")
    counter = _state.get("warnings")
    if final is None:
        return
    building = Path(config.site_dir)
    if config.strict and counter is not None and counter.count:
        log.error("site/ left unchanged: the build had warnings in strict mode (new build kept in %s)", building)
        return
    old = final.with_name(final.name + ".old")
    if old.exists():
        shutil.rmtree(old)
    if final.exists():
        final.rename(old)
    building.rename(final)
    shutil.rmtree(old, ignore_errors=True)
    config.site_dir = str(final)
