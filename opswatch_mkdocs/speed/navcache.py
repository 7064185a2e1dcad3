"""Render the theme's navigation once for all the pages it looks the same on.

Material renders the navigation (the left column and the tabs) for every page, and at 10,000
operations that was the largest part of rendering the templates. Record pages are not in the
navigation: for them, the navigation depends only on the folder the page is in (its links are
relative) and on which items are marked active (the plugin marks the section's tab). The loader
here (``CachingLoader``) hands out the partials named in ``WRAPPED`` wrapped in a call block,
``{% call opswatch_cache.nav("nav", page, nav) %}{% include "opswatch-original:partials/nav.html" %}{% endcall %}``,
which renders them once per folder and active items and copies the result for the other pages. A
page that is in the navigation (its item shows as the current page, with its table of contents) is
rendered in full each time. The overrides know nothing of this: without the speed layer the same
partials render on every page. ``tests/test_lightpages.py`` builds a site with and without the
cache and compares every page.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterator
from typing import Any

import jinja2

ORIGINAL = "opswatch-original:"
"""Prefix of a template name that asks for the template itself, not its cached wrapper."""

WRAPPED = {
    "partials/nav.html": 'nav("nav", page, nav)',
    "partials/tabs.html": 'nav("tabs", page, nav)',
    "partials/palette.html": 'folder("palette", page)',
    "partials/search.html": 'folder("search", page)',
    "partials/ow-config.html": 'folder("config", page)',
}
"""Partials rendered once for many pages: the navigation per folder and active items; the others
per folder (their only page-dependent input is the relative address of the site's root)."""


class CachingLoader(jinja2.BaseLoader):
    """A loader that hands out the partials in ``WRAPPED`` through the cache (``opswatch_cache``,
    a ``TemplateCache`` in the environment's globals), and every template as it is under
    ``opswatch-original:<name>``."""

    def __init__(self, inner: jinja2.BaseLoader) -> None:
        self.inner = inner

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str | None, Callable[[], bool] | None]:
        if template.startswith(ORIGINAL):
            return self.inner.get_source(environment, template[len(ORIGINAL) :])
        call = WRAPPED.get(template)
        if call is not None:
            return f'{{% call opswatch_cache.{call} %}}{{% include "{ORIGINAL}{template}" %}}{{% endcall %}}', None, lambda: True
        return self.inner.get_source(environment, template)

    def list_templates(self) -> list[str]:
        return self.inner.list_templates()


def _items(items: list[Any]) -> Iterator[Any]:
    for item in items:
        yield item
        yield from _items(getattr(item, "children", None) or [])


class TemplateCache:
    """Rendered template parts, for one build (``reset`` before each)."""

    def __init__(self, enabled: bool = True) -> None:
        self.enabled = enabled
        self._nav: Any = None
        self._items: list[Any] = []
        self._listed: set[int] = set()
        self._parts: dict[tuple[Any, ...], str] = {}
        self.hits: dict[str, int] = {}
        """How many times each part was copied instead of rendered, in this build."""

    def reset(self) -> None:
        self._nav, self._items, self._listed, self._parts = None, [], set(), {}
        self.hits = {}

    def nav(self, name: str, page: Any, nav: Any, caller: Callable[[], str]) -> str:
        """``caller()``, rendered once for every page outside the navigation with the same folder
        and the same active items."""
        if not self.enabled or page is None or nav is None:
            return caller()
        if nav is not self._nav:
            self._nav, self._parts = nav, {}
            self._items = list(_items(nav.items))
            self._listed = {id(item) for item in self._items}
        if id(page) in self._listed:
            return caller()  # the page's own item is marked as the current page
        key = (name, posixpath.dirname(page.url), tuple(i for i, item in enumerate(self._items) if item.active))
        return self._get(key, caller)

    def folder(self, name: str, page: Any, caller: Callable[[], str]) -> str:
        """``caller()``, rendered once for every page in the same folder (a part whose only
        page-dependent input is the relative address of the site's root)."""
        if not self.enabled or page is None:
            return caller()
        return self._get((name, posixpath.dirname(page.url)), caller)

    def _get(self, key: tuple[Any, ...], caller: Callable[[], str]) -> str:
        text = self._parts.get(key)
        if text is None:
            text = self._parts[key] = caller()
        else:
            self.hits[key[0]] = self.hits.get(key[0], 0) + 1
        return text
