"""Record text → safe HTML: Markdown without raw HTML, attributes or unsafe links.

Record text comes from pull requests by strangers. It is rendered here, once,
with a restricted Markdown: raw HTML is shown as text, only http(s) and mailto
links survive, images are dropped. The page templates then place the result
in HTML blocks, which the site's own Markdown leaves untouched, so
Material's extensions (attribute lists and the like) never see record text.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from functools import lru_cache
from urllib.parse import urlsplit

import markdown
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

SAFE_SCHEMES = {"http", "https", "mailto"}


class _SafeLinks(Treeprocessor):
    """Drops images and unsafe link targets; external links open as plain links."""

    def run(self, root: etree.Element) -> None:
        for parent in root.iter():
            for child in list(parent):
                if child.tag == "img":
                    parent.remove(child)
        for link in root.iter("a"):
            href = link.get("href", "")
            scheme = urlsplit(href.strip()).scheme.lower()
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
