"""Record text → safe HTML: Markdown without raw HTML, attributes or unsafe links.

Record text comes from pull requests by strangers. It is rendered here, once,
with a restricted Markdown: raw HTML is shown as text, only http(s) and mailto
links survive, images are dropped. The page templates then place the result
in HTML blocks, which the site's own Markdown leaves untouched, so
Material's extensions (attribute lists and the like) never see record text.
"""

from __future__ import annotations

import html
import xml.etree.ElementTree as etree
from functools import lru_cache
from urllib.parse import urlsplit

import markdown
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

SAFE_SCHEMES = {"http", "https", "mailto"}


def _normalise(href: str) -> str:
    """The address as a browser reads it: entities decoded (repeatedly, so that nested
    encodings cannot hide a scheme) and the whitespace and control characters that
    browsers skip removed."""
    previous = None
    while previous != href:
        previous, href = href, html.unescape(href)
    return "".join(ch for ch in href if ord(ch) > 32 and ord(ch) != 127)


class _SafeLinks(Treeprocessor):
    """Drops images and unsafe link targets; external links open as plain links."""

    def run(self, root: etree.Element) -> None:
        for parent in root.iter():
            for child in list(parent):
                if child.tag == "img":
                    parent.remove(child)
        for link in root.iter("a"):
            href = _normalise(link.get("href", ""))
            link.set("href", href)
            parts = urlsplit(href)
            scheme = parts.scheme.lower()
            if not scheme and not href.startswith(("//", "\\")) and parts.path:
                # A relative link to another page of the site: .md sources become .html pages.
                if parts.path.endswith(".md"):
                    link.set("href", href.replace(".md", ".html", 1))
                continue
            if scheme not in SAFE_SCHEMES:
                link.attrib.pop("href", None)
                link.tag = "span"
            else:
                link.set("rel", "nofollow noopener")
            link.attrib.pop("title", None) if link.get("title", "").strip() == "" else None


class _Renderer:
    def __init__(self) -> None:
        md = markdown.Markdown(extensions=[], output_format="html")
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_SafeLinks(md), "safe_links", 0)
        self.md = md

    @lru_cache(maxsize=32768)  # noqa: B019 - one renderer for the process; pages show a text several times
    def __call__(self, text: str) -> Markup:
        self.md.reset()
        return Markup(self.md.convert(text))


render = _Renderer()
"""``render(text)``: record Markdown as safe HTML (a Markup object)."""
