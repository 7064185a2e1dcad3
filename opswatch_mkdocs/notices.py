"""What the plugin tells or refuses before a build: placeholder addresses, another checkout's code,
and MkDocs' stale-navigation warning in a ``--dirty`` preview."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort

import generator
import opswatch_mkdocs

log = logging.getLogger("mkdocs.plugins.opswatch")

PLACEHOLDER_HOSTS = ("example.github.io", "github.com/example/")
"""Addresses in mkdocs.yml that stand for the real ones until a deployment sets them."""


def placeholder_notice(config: MkDocsConfig) -> str | None:
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


class DirtyNotice(logging.Filter):
    """Lets ``mkdocs serve --dirty`` work with ``strict: true``.

    MkDocs warns on every dirty build that navigation may be stale, and strict mode turns that
    warning into a failed preview. The generator rewrites only the pages whose text changed,
    which is what a dirty build needs, so the notice is shown once, as information. It is the
    one warning MkDocs' ``build()`` itself logs (the others come from the pages it builds)."""

    def __init__(self) -> None:
        super().__init__()
        self.shown = False

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno != logging.WARNING or record.funcName != "build":
            return True
        if not self.shown:
            log.info("--dirty preview: only changed pages are rebuilt; lists in the navigation may lag behind")
            self.shown = True
        return False


def check_checkout(root: Path) -> None:
    """Refuse to build a project with the generator code of another checkout (a stale or shared install)."""
    for module in (generator, opswatch_mkdocs):
        where = Path(module.__file__ or "").resolve().parent.parent
        if where != root:
            raise Abort(
                f"this build would run the {module.__name__} code in {where}, not the code beside {root / 'mkdocs.yml'}: "
                f"build with scripts/build.sh, or set PYTHONPATH={root}"
            )
