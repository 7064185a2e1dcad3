"""Generated pages that cost MkDocs little: no Python-Markdown, and no page HTML held in memory.

MkDocs converts every page with Python-Markdown, then keeps every page's Markdown and HTML until
the build ends (about 1 GB at 10,000 operations). For a generated page (``fastpage`` recognises
its body: headings and raw HTML only), ``LightPages`` replaces that conversion: the table of
contents, the page's anchors and its title are set as Python-Markdown would set them, the links
in its HTML are checked against the site's files (MkDocs checks only Markdown links, so this is
more than it does), and ``page.content`` holds a short placeholder. When the theme has rendered
the page, ``fill`` reads the page's file again and puts the body's HTML in place of the
placeholder, one page at a time. Hand-written pages and any body ``fastpage`` does not
reproduce take MkDocs' usual path.
"""

from __future__ import annotations

import logging
import posixpath
import secrets
import zlib
from functools import partial
from typing import Any
from urllib.parse import unquote, urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils import meta

from . import fastpage

log = logging.getLogger("mkdocs.plugins.opswatch")

_Target = tuple[File | None, str, str, str]
"""A link's target file (None: the page itself, or not a file of the site), its anchor, and a
warning ("" if none) with the validation setting that sets its level."""


class LightPages:
    """The fast path for generated pages, for one MkDocs process (reset by ``configure`` for each build)."""

    def __init__(self) -> None:
        self.settings: fastpage.TocSettings | None = None
        self.hand_written: frozenset[str] = frozenset()
        self._marker = f"<!--opswatch-body-{secrets.token_hex(8)}-->"
        self._files: Files | None = None
        self._by_url: dict[str, File] = {}
        self._targets: dict[tuple[str, str], _Target] = {}
        self.pages = self.converted = 0
        """Pages seen and pages that took the fast path, in this build."""

    def configure(self, config: MkDocsConfig, hand_written: frozenset[str], enabled: bool = True) -> None:
        """Read the Markdown settings; ``hand_written`` names the pages (docs paths) that keep MkDocs' path."""
        self.settings = None
        if enabled:
            self.settings = fastpage.TocSettings.from_markdown_config(config.markdown_extensions, config.mdx_configs or {})
        if enabled and self.settings is None:
            log.info(
                "generated pages go through Python-Markdown: mkdocs.yml has Markdown settings the fast path does not reproduce"
            )
        self.hand_written = hand_written
        self._files, self._by_url, self._targets = None, {}, {}
        self.pages = self.converted = 0

    def prepare(self, page: Page) -> None:
        """Let a generated page skip Python-Markdown (MkDocs calls ``page.render`` next)."""
        self.pages += 1
        if self.settings is not None and page.file.src_uri not in self.hand_written:
            # An instance attribute: this one page renders through the fast path.
            page.render = partial(self._render, page)  # type: ignore[method-assign]

    def _render(self, page: Page, config: MkDocsConfig, files: Files) -> None:
        markdown = page.markdown
        assert markdown is not None and self.settings is not None
        # Material's search plugin strips data-search-* attributes from every page's HTML.
        body = None if "data-search-" in markdown else fastpage.convert(markdown, self.settings)
        if body is None:
            Page.render(page, config, files)
            return
        page.toc = get_toc(body.toc_tokens)
        page._title_from_render = body.title
        page.present_anchor_ids = body.anchors
        page.links_to_anchors = self._check_links(page, body.links, files, config)
        # Material's content partial adds the page title as a heading when the HTML has no <h1>.
        page.content = self._marker + ("<h1>" if "<h1" in body.html else "")
        page.markdown = ""  # the text is read again from the file when the page is written
        page.__dict__["_opswatch_body"] = (body.outline, len(markdown), zlib.crc32(markdown.encode("utf-8")))
        self.converted += 1

    def fill(self, output: str, page: Page) -> str:
        """The built page with the body's HTML in place of the placeholder (pages of the fast path)."""
        state = page.__dict__.pop("_opswatch_body", None)
        if state is None or self.settings is None:
            return output
        outline, length, crc = state
        source = page.file.content_string
        markdown = _body(source)
        if not _same(markdown, length, crc):
            markdown = meta.get_data(source)[0]  # front matter that MkDocs did not take as such
            if not _same(markdown, length, crc):
                raise PluginError(f"{page.file.src_uri} changed while the site was being built: build again")
        placeholder = self._marker + ("<h1>" if page.content and page.content.endswith("<h1>") else "")
        if output.count(placeholder) != 1:
            raise PluginError(f"{page.file.src_uri}: the theme did not show the page's content exactly once")
        page.content = None
        return output.replace(placeholder, fastpage.assemble(markdown, outline, self.settings))

    # -- Links in the generated HTML -------------------------------------------------------------

    def _check_links(self, page: Page, links: list[str], files: Files, config: MkDocsConfig) -> dict[File, dict[str, str]]:
        """Warn about links to files the site does not have (as MkDocs does for Markdown links);
        the links to anchors, for MkDocs to check once every page is converted."""
        if self._files is not files:
            self._files, self._targets = files, {}
            self._by_url = {file.url: file for file in files}
        folder = posixpath.dirname(page.file.url)
        to_anchors: dict[File, dict[str, str]] = {}
        for href in links:
            key = (folder, href)
            target = self._targets.get(key)
            if target is None:
                target = self._targets[key] = self._resolve(folder, href, config)
            file, anchor, warning, setting = target
            if warning:
                level = getattr(config.validation.links, setting)
                log.log(level, f"Doc file '{page.file.src_uri}' contains a link '{href}', but {warning}")
            elif anchor:
                to_anchors.setdefault(file or page.file, {}).setdefault(anchor, href)
        return to_anchors

    def _resolve(self, folder: str, href: str, config: MkDocsConfig) -> _Target:
        """Where a link from a page in ``folder`` leads."""
        scheme, netloc, path, _query, anchor = urlsplit(href)
        if scheme or netloc:
            return None, "", "", ""  # outside the site
        if not path:
            return None, anchor, "", ""  # this page
        if path.startswith(("/", "\\")):
            return None, "", "it is an absolute address (it breaks when the site is opened from disk).", "absolute_links"
        target = posixpath.normpath(posixpath.join(folder, unquote(path)))
        file = self._by_url.get(target)
        if file is None:
            return None, "", f"the target '{target}' is not found among documentation files.", "not_found"
        return file, anchor, "", ""


def _same(markdown: str, length: int, crc: int) -> bool:
    return len(markdown) == length and zlib.crc32(markdown.encode("utf-8")) == crc


def _body(source: str) -> str:
    """A page's Markdown without its front matter, as MkDocs reads it."""
    found = meta.YAML_RE.match(source)
    if found is None:
        return meta.get_data(source)[0]
    return source[found.end() :].lstrip("\n")


def hand_written(pages: Any) -> frozenset[str]:
    """The docs paths of hand-written pages, from the names of content/pages/*.md (paths)."""
    return frozenset(f"{path.stem}.md" for path in pages)
