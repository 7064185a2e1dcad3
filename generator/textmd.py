"""Record text → safe HTML: Markdown without raw HTML, attributes or unsafe links.

Record text comes from pull requests by strangers. It is rendered here, once,
with a restricted Markdown: raw HTML is shown as text, only http(s) and mailto
links survive, images are dropped. The page templates then place the result
in HTML blocks, which the site's own Markdown leaves untouched, so
Material's extensions (attribute lists and the like) never see record text.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from functools import lru_cache
from urllib.parse import urlsplit

import markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import AMP_SUBSTITUTE
from markupsafe import Markup

SAFE_SCHEMES = {"http", "https", "mailto"}


def _normalise(href: str) -> str:
    """The address as a browser reads it: entities decoded (repeatedly, so that nested
    encodings cannot hide a scheme) and the whitespace and control characters that
    browsers skip removed."""
    # Python-Markdown writes the entities of an obfuscated e-mail link with a placeholder for '&'.
    href = href.replace(AMP_SUBSTITUTE, "&")
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
            # Browsers read a backslash as a slash: "/\\evil.example" and "\\/evil.example" leave the site.
            if not scheme and not href.replace("\\", "/").startswith("//") and parts.path:
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


# Text that Markdown would only split into paragraphs: no character that starts inline markup
# or an entity, no control character, no line that could open a block (indent, list item, quote,
# heading, rule, setext underline) and no trailing spaces (a line break). Most record text is
# like this, and rendering it directly is a hundred times faster than running Python-Markdown;
# the tests check that both give the same HTML.
_MARKUP = re.compile(r"[\\`*_\[\]<>&#!|~=+{}\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029]|^[ \t]|^-|^\d+[.)]|[ \t]$", re.M)
_BLANK = re.compile(r"\n\s*\n")


def plain_paragraphs(text: str) -> str | None:
    """The HTML Python-Markdown gives for prose without markup, or None if the text may hold markup."""
    if _MARKUP.search(text):
        return None
    paragraphs = [p.strip("\n") for p in _BLANK.split(text.strip("\n"))]
    return "\n".join(f"<p>{p}</p>" for p in paragraphs if p)


MAX_NESTING = 16
_BRACKETS = re.compile(r"\\.|[][()]")
_QUOTES = re.compile(r"^[ \t]*((?:>[ \t]*){17,})", re.M)


def nesting_problem(text: str) -> str | None:
    """Why ``text`` nests too deeply to be rendered in linear time, or None.

    Python-Markdown looks for the closing bracket of every open ``[`` (and the
    closing parenthesis of every link target) by scanning the rest of the text, so
    a summary of 20,000 ``[`` took minutes to render. With at most MAX_NESTING
    brackets open at once, each character is scanned a bounded number of times."""
    if "[" in text or "(" in text:
        depth = {"[": 0, "(": 0}
        for found in _BRACKETS.finditer(text):
            ch = found.group()
            if ch in "[(":
                depth[ch] += 1
                if depth[ch] > MAX_NESTING:
                    return (
                        f"the Markdown has more than {MAX_NESTING} '{ch}' open at once (at character {found.start() + 1}); "
                        f"close each bracket, or write a literal one as \\{ch}"
                    )
            elif ch in "])":
                opening = "[" if ch == "]" else "("
                depth[opening] = max(0, depth[opening] - 1)
    if ">" in text:
        deep = _QUOTES.search(text)
        if deep:
            return (
                f"the Markdown nests quotes ('>') more than {MAX_NESTING} deep (line {text.count(chr(10), 0, deep.start()) + 1})"
            )
    return _crowded(text)


MAX_RUN = 100
"""Headings, rules, list items and quotes in a row with no blank line between them."""
# A blank line, or a line that starts or ends a block: a setext underline, a heading, a list item, a
# quote, a rule.
_BLOCK_LINE = re.compile(
    r"^(?:(?P<blank>[ \t]*$)|[ ]{0,3}(?:[=-]+[ \t]*$|#|[*+-](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|>|[*_](?:[ \t]*[*_]){2,}[ \t]*$))",
    re.M,
)


def _crowded(text: str) -> str | None:
    """Why ``text`` has too many blocks in a row, or None.

    Python-Markdown splits text into blocks at blank lines; each heading, rule or list item it finds
    inside one of those blocks puts the rest of the block back and scans it again, so a summary of
    10,000 one-line headings with no blank line cost seconds (quadratic). With at most MAX_RUN of them
    in a row, each character is scanned a bounded number of times."""
    run = 0
    for found in _BLOCK_LINE.finditer(text):
        if found.lastgroup == "blank":  # a blank line ends the run
            run = 0
            continue
        run += 1
        if run > MAX_RUN:
            line = text.count("\n", 0, found.start()) + 1
            return (
                f"the Markdown has more than {MAX_RUN} headings, rules, list items or quotes in a row (line {line}) "
                "with no blank line between them; put a blank line between paragraphs, headings and lists"
            )
    return None


class _Renderer:
    def __init__(self) -> None:
        md = markdown.Markdown(extensions=[], output_format="html")
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_SafeLinks(md), "safe_links", 0)
        self.md = md

    @lru_cache(maxsize=32768)  # noqa: B019 - one renderer for the process; pages show a text several times
    def __call__(self, text: str) -> Markup:
        fast = plain_paragraphs(text)
        if fast is not None:
            return Markup(fast)
        self.md.reset()
        return Markup(self.md.convert(text))

    def full(self, text: str) -> Markup:
        """Always through Python-Markdown (the reference for the fast path)."""
        self.md.reset()
        return Markup(self.md.convert(text))


render = _Renderer()
"""``render(text)``: record Markdown as safe HTML (a Markup object)."""
