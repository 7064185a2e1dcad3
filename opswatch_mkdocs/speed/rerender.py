"""Bring a served site up to date with the few files the generator rewrote, without a full MkDocs build.

MkDocs 1.6.1 (pinned in requirements.txt) has no public call that rebuilds one page. This module
keeps the state of the last full build (config, Files, Navigation, the theme's Jinja environment)
and runs, for each rewritten page, the two functions MkDocs' own ``build()`` runs for every page
(``mkdocs.commands.build._populate_page`` and ``_build_page``), so every plugin's page events run as
in a full build. It also reaches into the live-reload server to ask for a rebuild without waiting
for its polling observer. Upgrading MkDocs means checking these private names here, and nowhere else.

A page can be rendered alone when nothing on other pages depends on it. MkDocs shares between
pages the navigation (titles and addresses of the pages it lists), their previous/next links, and
the sitemap (every address). Record pages and timeline years are not in the navigation; a change
that would touch the navigation (a listed page added, removed or retitled) raises
``NeedsFullBuild``, and the caller runs MkDocs' normal build instead.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import jinja2
from mkdocs import utils
from mkdocs.commands import build as mkdocs_build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import File, Files, InclusionLevel, set_exclusions
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.plugins.opswatch")


class NeedsFullBuild(Exception):
    """The change reaches beyond the pages the generator rewrote (the message says how)."""


@dataclass
class Site:
    """What the last full build of ``mkdocs serve`` knew: enough to render any page again."""

    config: MkDocsConfig
    files: Files
    nav: Navigation
    env: jinja2.Environment
    nav_sources: frozenset[str] = field(init=False)
    doc_files: Sequence[File] = field(init=False)
    """The pages MkDocs hands each page's template (as ``pages``); listed again only when pages come or go."""

    def __post_init__(self) -> None:
        self.doc_files = self.files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
        # Pages MkDocs' navigation lists: the ones found in it, and every path mkdocs.yml names
        # (a listed page that did not exist yet would enter the navigation when written).
        found = {page.file.src_uri for page in self.nav.pages}
        self.nav_sources = frozenset(found | set(_nav_paths(self.config.nav)))


@dataclass
class Outcome:
    """What ``apply`` did."""

    rendered: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    copied: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    warnings: int = 0

    @property
    def pages_added_or_removed(self) -> bool:
        """Pages came or went (the sitemap lists them; other new files, such as search index parts, are not listed)."""
        return any(_is_page(path) for path in (*self.added, *self.removed))


def _nav_paths(nav: Any) -> Iterator[str]:
    """The page paths named anywhere in mkdocs.yml's ``nav``."""
    if isinstance(nav, str):
        if "://" not in nav:
            yield nav
    elif isinstance(nav, dict):
        for value in nav.values():
            yield from _nav_paths(value)
    elif isinstance(nav, list):
        for item in nav:
            yield from _nav_paths(item)


def _is_page(path: str) -> bool:
    return path.endswith((".md", ".markdown"))


def apply(site: Site, written: Iterable[str], removed: Iterable[str]) -> Outcome:
    """Render the pages in ``written`` again, copy the other written files, delete the removed ones.

    Paths are relative to ``docs_dir``. Raises NeedsFullBuild, before changing anything, when the
    navigation would change; the caller then builds the whole site (which also repairs a half-applied
    change if anything else fails here)."""
    config, files = site.config, site.files
    written, removed = sorted(set(written)), sorted(set(removed))
    for path in (*written, *removed):
        if _is_page(path) and path in site.nav_sources and (path in removed or files.get_file_from_path(path) is None):
            raise NeedsFullBuild(f"{path} is in the navigation and was {'removed' if path in removed else 'added'}")

    outcome = Outcome()
    counter = utils.CountHandler()
    counter.setLevel(logging.WARNING)
    logging.getLogger("mkdocs").addHandler(counter)
    try:
        gone = [files.src_uris[path] for path in removed if path in files.src_uris]
        new = [
            File(path, config.docs_dir, config.site_dir, config.use_directory_urls)
            for path in written
            if path not in files.src_uris
        ]
        set_exclusions(new, config)
        if gone or new:
            # A new collection, as each build has: plugins may keep what they derive from the site's
            # files (such as a map of addresses) for as long as they are handed the same collection.
            dropped = {file.src_uri for file in gone}
            files = site.files = Files([*(file for file in files if file.src_uri not in dropped), *new])
            site.doc_files = files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
        for file in gone:
            with contextlib.suppress(FileNotFoundError):
                os.remove(file.abs_dest_path)
            outcome.removed.append(file.src_uri)
        outcome.added = [file.src_uri for file in new]

        pages: list[Page] = []
        for path in written:
            file = files.src_uris[path]
            if not InclusionLevel.is_in_serve(file.inclusion):
                continue  # editors' and hidden files: MkDocs never serves them
            if not file.is_documentation_page():
                file.copy_file()
                outcome.copied.append(path)
                continue
            if file.page is None:
                Page(None, file, config)
            assert file.page is not None
            pages.append(file.page)

        titles = {page.file.src_uri: page.title for page in pages if page.file.src_uri in site.nav_sources}
        for page in pages:
            mkdocs_build._populate_page(page, config, files)
        for page in pages:
            if page.file.src_uri in titles and page.title != titles[page.file.src_uri]:
                raise NeedsFullBuild(f"{page.file.src_uri} changed its title, which the navigation shows")

        for page in pages:
            mkdocs_build._build_page(page, config, site.doc_files, site.nav, site.env, excluded=page.file.inclusion.is_excluded())
            outcome.rendered.append(page.file.src_uri)
        for page in pages:
            page.validate_anchor_links(files=files, log_level=config.validation.links.anchors)

        if outcome.pages_added_or_removed:
            # The sitemap lists every page: the only theme output beyond the pages that a new or
            # deleted page changes (the 404 page and Material's search index do not list records).
            for name in config.theme.static_templates:
                if name == "sitemap.xml":
                    mkdocs_build._build_theme_template(name, site.env, files, config, site.nav)
        outcome.warnings = sum(count for _, count in counter.get_counts())
    finally:
        logging.getLogger("mkdocs").removeHandler(counter)
    return outcome


def request_rebuild(server: LiveReloadServer) -> None:
    """Start the server's rebuild now, as its own file watcher would on its next poll.

    MkDocs polls the folders it watches every half second (and scans all of them each time, a
    quarter of a second for 27,000 records); the preview watches content/ through the operating
    system's notifications and wakes the rebuild loop itself, through the private condition
    MkDocs 1.6.1's ``LiveReloadServer.watch`` callbacks use."""
    with server._rebuild_cond:
        server._want_rebuild = True
        server._rebuild_cond.notify_all()


def watched_paths(server: LiveReloadServer) -> list[str]:
    """The paths the server watches (mkdocs.yml, theme folders with --watch-theme, ``watch:`` entries)."""
    return list(server._watched_paths)
