"""The speed layer as the plugin sees it: one object per MkDocs process, loaded only past the gate
(``speed.mismatch``)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from . import rerender
from .htmlspace import UnindentingLoader
from .lightpages import LightPages, hand_written
from .navcache import CachingLoader, TemplateCache


class Speed:
    """Fast pages, cached partials, unindented templates, and the preview's re-rendering state."""

    def __init__(self) -> None:
        self.light = LightPages()
        self.templates = TemplateCache()
        # mkdocs serve: what the last full build knew, to render a few pages again (None: build it all)
        self.site: rerender.Site | None = None
        self.kept: dict[str, Any] = {}

    def configure(self, config: MkDocsConfig, pages: Iterable[Path], *, fast_pages: bool, cache_navigation: bool) -> None:
        """A build starts: ``pages`` are the hand-written pages' files (they keep MkDocs' usual path)."""
        self.light.configure(config, hand_written(pages), enabled=fast_pages)
        self.templates.enabled = cache_navigation
        self.site, self.kept = None, {}

    def env(self, env: jinja2.Environment) -> None:
        """Theme templates load unindented, and the partials in ``navcache.WRAPPED`` through the cache."""
        if env.loader is not None and not isinstance(env.loader, UnindentingLoader):
            env.loader = UnindentingLoader(CachingLoader(env.loader))
        self.templates.reset()
        env.globals["opswatch_cache"] = self.templates

    def prepare(self, page: Page) -> None:
        self.light.prepare(page)

    def fill(self, output: str, page: Page) -> str:
        return self.light.fill(output, page)

    def summary(self) -> str:
        return (
            f"{self.light.converted} of {self.light.pages} pages without Python-Markdown; "
            f"navigation reused on {self.templates.hits.get('nav', 0)} pages"
        )
