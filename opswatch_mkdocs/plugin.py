"""The MkDocs plugin: run the generator before each build, mark the tab, set the edit links, publish, preview.

Everything else the theme needs is in each page's front matter, written by the generator (its
section, hidden navigation, exclusion from Material's search index, the JSON-LD), and read by
``overrides/`` alone, so the site builds the same without this plugin (``tests/test_canary.py``).
This core uses MkDocs' public API only; the speed layer (``speed/``) loads only on the pinned
MkDocs and Material versions.

- ``on_config``: ``mkdocs build`` builds into ``site.building/`` under the build locks (``publish.py``).
- ``on_pre_build``: check the records and write the pages into ``docs_dir`` (only changed files);
  problems abort the build with the same one-line-per-problem report as ``python -m generator check``.
- ``on_serve``: the preview watches ``content/`` and survives record problems (``preview.py``); after a
  record edit the speed layer renders again only the pages the generator rewrote, else MkDocs builds
  the whole site.
- ``on_page_context``: record pages mark their section's tab in the navigation (the mobile menu
  too); pages made from one record file link to it for editing, generated lists to nothing.
- ``on_shutdown``: a build that ended with no error or strict-mode warning replaces ``site/``.
"""

from __future__ import annotations

import gc
import logging
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import jinja2
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from generator import build as generator_build
from generator import lock
from generator.kinds import section_of
from generator.problems import ContentError, Problem, UsageError, format_all
from generator.writer import WriteReport

from . import sitemap, speed
from .notices import DirtyNotice, check_checkout, placeholder_notice
from .preview import Preview
from .publish import Publisher

if TYPE_CHECKING:
    from .speed.layer import Speed

log = logging.getLogger("mkdocs.plugins.opswatch")


class OpsWatchConfig(base.Config):
    """The plugin's options in mkdocs.yml."""

    content_dir = c.Type(str, default="content")
    """The records, relative to the folder that holds mkdocs.yml."""
    wait = c.Type((int, float), default=lock.DEFAULT_TIMEOUT)
    """Seconds a build waits for another one writing the same site/ or docs/ (0: fail at once)."""
    fast_pages = c.Type(bool, default=True)
    """Generated pages skip Python-Markdown and keep no HTML in memory (speed/lightpages.py); off: MkDocs' usual path."""
    cache_navigation = c.Type(bool, default=True)
    """Render the navigation once for the pages it looks the same on (speed/navcache.py); off: on every page."""


class OpsWatchPlugin(BasePlugin[OpsWatchConfig]):
    """Runs the generator for ``mkdocs build`` and ``mkdocs serve``; kept across the rebuilds of one serve."""

    def __init__(self) -> None:
        self.command: Literal["build", "gh-deploy", "serve"] | None = None
        self.content = Path("content")
        self.docs = Path("docs")
        self.site_url = ""
        self.publisher: Publisher | None = None
        self.preview = Preview()
        self._dirty_notice: DirtyNotice | None = None
        self._generated = False  # the preview's rebuild has already run the generator
        self._finished = False  # on_post_build ran: every page of the site is written
        self._failed = False  # MkDocs reported an error (strict-mode warnings included)
        self._report: WriteReport | None = None  # what the last generator run wrote and removed
        self._builder: generator_build.Builder | None = None  # mkdocs serve: the generator, kept between saves
        self._active_section: Any = None  # the navigation item marked active for one record page
        self.speed: Speed | None = None  # the speed layer, on the pinned MkDocs and Material only
        self._speed_checked = False

    # -- Startup and configuration ------------------------------------------------------------

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.command = command
        if command == "serve" and dirty:  # once per process: on_startup is not repeated on rebuilds
            self._dirty_notice = DirtyNotice()
            logging.getLogger("mkdocs.commands.build").addFilter(self._dirty_notice)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path).resolve().parent
        check_checkout(root)
        self.content = root / self.config.content_dir
        self.docs = Path(config.docs_dir)
        self.site_url = config.site_url or ""
        self._finished = self._failed = False
        if not self._speed_checked:  # once per process: a preview's rebuilds keep the same layer
            self._speed_checked = True
            reason = speed.mismatch()
            if reason:
                log.info("opswatch: speed layer off (%s): MkDocs builds every page its usual way", reason)
            else:
                from .speed.layer import Speed

                self.speed = Speed()
        if self.speed is not None:
            pages = (self.content / "pages").glob("*.md")
            self.speed.configure(config, pages, fast_pages=self.config.fast_pages, cache_navigation=self.config.cache_navigation)
        notice = placeholder_notice(config)
        if notice:
            # Printed, not logged: in strict mode a logged warning would stop every local build.
            print(notice, file=sys.stderr)
        if self.command == "build":
            self.publisher = Publisher(Path(config.site_dir), self.docs)
            config.site_dir = str(self.publisher.start(float(self.config.wait)))
        return config

    # -- Generating the pages ------------------------------------------------------------------

    def _generate(self) -> list[Problem]:
        """Check the records and write the pages; the problems found (none: the pages are written)."""
        self._report = None
        wait = float(self.config.wait)
        try:
            if self.command == "serve":
                # One builder for the whole preview: it keeps the validated records between saves
                # (about a second of each rebuild at 10,000 operations, for their memory).
                builder = self._builder
                if builder is None or (builder.content, builder.out, builder.site_url) != (
                    self.content,
                    self.docs,
                    self.site_url,
                ):
                    builder = self._builder = generator_build.Builder(self.content, self.docs, site_url=self.site_url)
                result = builder.build(wait)
            else:
                result = generator_build.build(self.content, self.docs, site_url=self.site_url, lock_timeout=wait)
        except ContentError as exc:
            return list(exc.problems)
        except UsageError as exc:  # another build holds the lock; docs/ is a link, read-only or in the way
            raise Abort(str(exc)) from None
        report = self._report = result.report
        if self.command != "serve":
            # The generator ran with the cyclic collector paused: free what it left in reference
            # cycles now, so MkDocs renders the pages in the memory the records held. (Not on each
            # save of a preview, where a full collection would cost the wait for the page.)
            gc.collect()
        log.info(
            "generator: %d page(s); %d file(s) written, %d unchanged, %d removed",
            result.pages,
            len(report.written),
            report.unchanged,
            len(report.removed),
        )
        return []

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        if self._generated:
            self._generated = False
            return
        problems = self._generate()
        if not problems:
            self.preview.problems = []
            return
        if self.command == "serve" and (self.docs / ".manifest.json").exists():
            # Starting a preview with a broken record: show the pages generated last time, with the banner.
            self._show(problems)
            return
        raise Abort("The records have problems:\n" + format_all(problems))

    def _show(self, problems: list[Problem]) -> None:
        lines = [problem.text() for problem in sorted(set(problems))]
        self.preview.problems = lines
        # Printed, not logged: in strict mode a logged error would fail the build that shows the banner.
        print(
            "ERROR    -  The records have problems; the preview keeps the last good pages until they are fixed:\n"
            + "\n".join(lines)
            + f"\n{len(lines)} problem{'' if len(lines) == 1 else 's'}: fix and save.",
            file=sys.stderr,
            flush=True,
        )

    # -- mkdocs serve -------------------------------------------------------------------------

    def on_serve(self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
        build_site = server.builder

        def rebuild() -> None:
            # Runs for each save (MkDocs' rebuild loop): a record problem leaves the served site as
            # it was, and returning normally lets the browsers reload to show the banner.
            changes = self.preview.take_changes()
            with lock.locked(self.docs, timeout=float(self.config.wait)):
                start = time.perf_counter()
                problems = self._generate()
                generated = time.perf_counter() - start
                if problems:
                    self.preview.give_back(changes)  # a config edit made meanwhile still needs a whole build
                    self._show(problems)
                    return
                if self.preview.problems:
                    log.info("The records are valid again: rebuilding the preview")
                self.preview.problems = []
                if changes.only_records(self.content) and self._rerender(generated):
                    return
                self._generated = True
                try:
                    build_site()
                except Exception:
                    if not self._finished:
                        raise
                    # Only strict mode fails a build after on_post_build: every page is written, so
                    # show it; the warnings above would stop `mkdocs build` from publishing it.
                    log.warning("the preview shows this build, but `mkdocs build` would refuse it: fix the warnings above")
                finally:
                    self._generated = False

        self.preview.install(server, docs_dir=config.docs_dir, content=self.content, rebuild=rebuild, also_watched=config.watch)
        return server

    def _rerender(self, generated: float) -> bool:
        """After a record edit, render again only the pages the generator rewrote; False: build the whole site."""
        layer, report = self.speed, self._report
        site = layer.site if layer is not None else None
        if layer is None or site is None or report is None:
            return False
        from .speed import rerender

        layer.site = None  # until this is done: a failure below leaves the state half-updated
        start = time.perf_counter()
        try:
            outcome = rerender.apply(site, report.written, report.removed)
        except rerender.NeedsFullBuild as exc:
            log.info("%s: building the whole site", exc)
            return False
        except Exception as exc:  # a fault of this shortcut, not of the records: the whole build repairs it
            log.warning("could not render only the changed pages (%s: %s): building the whole site", type(exc).__name__, exc)
            return False
        if outcome.pages_added_or_removed:
            sitemap.split(Path(site.config.site_dir), site.config.site_url or "")
        layer.site = site
        log.info(
            "preview: generator %.2f s; %d page(s) rendered again, %d file(s) copied, %d removed in %.2f s",
            generated,
            len(outcome.rendered),
            len(outcome.copied),
            len(outcome.removed),
            time.perf_counter() - start,
        )
        if outcome.warnings:
            log.warning("the preview shows these pages, but `mkdocs build` would refuse them: fix the warnings above")
        return True

    # Last of all plugins: the preview keeps the files and navigation every plugin has had its say on.
    @event_priority(-100)
    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        if self.command == "serve" and self.speed is not None:
            self.speed.kept["files"] = files
        return files

    @event_priority(-100)
    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        if self.command == "serve" and self.speed is not None:
            self.speed.kept["nav"] = nav
        return nav

    # -- Pages --------------------------------------------------------------------------------

    def on_env(self, env: jinja2.Environment, /, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
        if self.speed is not None:
            self.speed.env(env)
            if self.command == "serve":
                self.speed.kept["env"] = env  # for the preview's re-rendering (on_serve)
        return env

    def on_pre_page(self, page: Page, /, *, config: MkDocsConfig, files: Files) -> Page:
        if self.speed is not None:
            self.speed.prepare(page)  # generated pages skip Python-Markdown
        return page

    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        section = section_of(page.file.src_uri)
        if section is not None and nav is not None:
            # Record pages are not in the navigation: their section's item is marked active (the tab
            # and the mobile menu; partials/tabs-item.html marks the tab from the front matter too).
            for item in nav.pages:
                if item.file.src_uri == section.page:
                    item.active = True
                    self._active_section = item
        edit_path = page.meta.get("edit_path")
        if isinstance(edit_path, str) and edit_path and config.repo_url:
            page.edit_url = config.repo_url.rstrip("/") + "/" + (config.edit_uri or "edit/main/").strip("/") + "/" + edit_path
        elif not edit_path:
            page.edit_url = None  # a generated list: no single file to edit (docs/ is never committed)
        return context

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        item, self._active_section = self._active_section, None
        if item is not None:
            item.active = False
        return self.speed.fill(output, page) if self.speed is not None else output

    # -- End of a build -----------------------------------------------------------------------

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        sitemap.split(Path(config.site_dir), config.site_url or "")
        self._finished = True
        layer = self.speed
        if layer is None:
            return
        log.info("opswatch: %s", layer.summary())
        kept, layer.kept = layer.kept, {}
        if self.command == "serve" and kept.keys() == {"files", "nav", "env"}:
            from .speed import rerender

            layer.site = rerender.Site(config, kept["files"], kept["nav"], kept["env"])

    def on_build_error(self, *, error: Exception) -> None:
        self._failed = True

    def on_shutdown(self) -> None:
        if self._dirty_notice is not None:
            logging.getLogger("mkdocs.commands.build").removeFilter(self._dirty_notice)
        self.preview.close()
        publisher, self.publisher = self.publisher, None
        if publisher is None:
            return
        try:
            if self._finished and not self._failed:
                publisher.publish()
            elif self._finished:
                log.error(
                    "site/ left unchanged: the build had warnings in strict mode (new build kept in %s)", publisher.building
                )
        finally:
            publisher.finish()
