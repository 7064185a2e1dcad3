"""The HTML of a generated page body, without Python-Markdown.

A generated page's body (after its front matter) is only ATX headings and raw HTML blocks: the
generator has already turned record text into HTML. Python-Markdown copies such blocks through
unchanged, but finds where each one ends with a full HTML parser, which made up about a third of
``mkdocs build``. ``convert`` produces what Python-Markdown gives for exactly that subset, with
the ``toc`` extension (ids, permalinks, the table of contents) and what MkDocs records while it
converts a page (the first heading's text, the ids on the page). Anything else (a paragraph, a
list, a tag or entity it does not recognise, an extension or ``toc`` option it does not
reproduce) returns None, and the page goes through Python-Markdown as usual.
``tests/test_fastpage.py`` compares both on every page of the test fixtures.

It knows nothing of MkDocs itself: its input is the page's Markdown and the Markdown settings.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import markdown
from markdown.extensions import toc as toc_ext
from markdown.serializers import _escape_attrib_html  # type: ignore[attr-defined]
from markdown.util import parseBoolValue

# Extensions whose effect on headings and raw HTML blocks the fast path reproduces (toc) or that
# have none on a body with no fence line (admonition and tables only act on Markdown blocks, which
# send a page the slow way; fenced_code would also act inside raw HTML, so a fence is sent too).
_KNOWN_EXTENSIONS = {"toc", "admonition", "tables", "fenced_code"}
_TOC_DEFAULTS: dict[str, Any] = {
    "marker": "[TOC]",
    "title": "",
    "title_class": "toctitle",
    "toc_class": "toc",
    "anchorlink": False,
    "anchorlink_class": "toclink",
    "permalink_leading": False,
    "baselevel": "1",
}
_PLAIN_ATTRIBUTE = re.compile(r"[\w .-]*")

# Only Python-Markdown's block-level tags start a raw HTML block. Void, self-closing and raw-text
# elements are left to Python-Markdown.
_BLOCK_LEVEL = frozenset(markdown.Markdown().block_level_elements)
_VOID = frozenset(("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"))
_RAW_TEXT = frozenset(("script", "style", "textarea", "xmp", "plaintext", "iframe", "noembed", "noframes", "noscript"))
_SPECIAL = _VOID | _RAW_TEXT

# One scan finds every tag (start tags with quoted attribute values or none, and end tags), and
# every '<' or '&' that does not begin one or a character reference: those end the fast path.
_TOKEN = re.compile(
    r"</([a-z][a-z0-9-]*)>"
    r"|<([a-z][a-z0-9-]*)((?:\s+[a-zA-Z_:][-a-zA-Z0-9_:.]*(?:=\"[^\"<>`]*\")?)*)\s*(/?)>"
    r"|<|&(?!(?:#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);)"
)
_ATTR = re.compile(r"\s+([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:=\"([^\"]*)\")?")

# A heading line, and heading text that Python-Markdown's inline patterns leave as it is: no
# character that starts inline markup (escapes, emphasis, code, links, raw HTML, attribute lists),
# '&' only in a character reference; it may not end with '#' (closing hashes are dropped).
_ATX = re.compile(r"(#{1,6}) +(.*)")
_PLAIN_HEADING = re.compile(
    r"(?:[^\\`*_{}\[\]<>!&|~=\s\x00-\x1f\x7f-\x9f\u2028\u2029]|[ ]|&(?:#[0-9]+|#x[0-9a-fA-F]+|[a-zA-Z0-9]+);)+"
)
_SPACE_LINE = re.compile(r"\n +(?=\n)")
_FENCE = re.compile(r"^(?:~{3,}|`{3,})", re.M)


@dataclass(frozen=True)
class TocSettings:
    """The ``toc`` options the fast path reproduces."""

    permalink: str | None
    """The permalink's text as Python-Markdown writes it (None: no permalinks)."""
    permalink_class: str
    permalink_title: str
    slugify: Callable[[str, str], str]
    separator: str
    depth: tuple[int, int]
    slugs: dict[str, str] = field(default_factory=dict, compare=False, repr=False)
    """Heading text → slug, made once: most headings recur on many pages."""

    @classmethod
    def from_markdown_config(cls, extensions: Iterable[object], configs: Mapping[str, Mapping[str, Any]]) -> TocSettings | None:
        """Settings for these Markdown extensions and their options; None when the fast path
        cannot reproduce them (an unknown extension, a toc option it does not handle)."""
        names = [ext if isinstance(ext, str) else None for ext in extensions]
        if None in names or not set(names) <= _KNOWN_EXTENSIONS or "toc" not in names:
            return None
        options = {**toc_ext.TocExtension().getConfigs(), **configs.get("toc", {})}
        if any(str(options[key]) != str(default) for key, default in _TOC_DEFAULTS.items()):
            return None
        for key in ("permalink_class", "permalink_title"):
            if not isinstance(options[key], str) or not _PLAIN_ATTRIBUTE.fullmatch(options[key]):
                return None
        permalink = parseBoolValue(options["permalink"], False)  # as the toc extension reads it
        if permalink is None:
            permalink = options["permalink"]
        if permalink is True:
            text: str | None = "&para;"
        elif permalink is False or permalink is None:
            text = None
        elif isinstance(permalink, str) and not set("&<>") & set(permalink):
            text = permalink
        else:
            return None
        depth = options["toc_depth"]
        if isinstance(depth, str) and "-" in depth:
            top, bottom = (int(x) for x in depth.split("-"))
        else:
            top, bottom = 1, int(depth)
        return cls(
            text, options["permalink_class"], options["permalink_title"], options["slugify"], options["separator"], (top, bottom)
        )


@dataclass
class Body:
    """A page body converted as Python-Markdown and MkDocs would."""

    html: str
    toc_tokens: list[Any]
    """Python-Markdown's ``toc_tokens`` (nested)."""
    title: str | None
    """The text of the first element when it is a level-1 heading (MkDocs' title from the page)."""
    anchors: set[str]
    """Every id on the page (headings and raw HTML) and every ``<a name>``."""
    links: list[str]
    """The ``href`` of every ``<a>`` and ``src`` of every ``<img>`` in the raw HTML, as written."""
    outline: Outline
    """Where the headings and raw HTML are in the normalised text, to assemble the HTML again."""


Outline = tuple[int, ...]
"""Triples (level, start, end): a heading of that level (text at start:end), or level 0, a run of
raw HTML blocks (start:end of the normalised text, its last newline included)."""


def normalise(markdown: str) -> str:
    """The text Python-Markdown parses: its whitespace normalisation, and two newlines at the end."""
    text = markdown
    if "\x02" in text or "\x03" in text:
        text = text.replace("\x02", "").replace("\x03", "")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\t" in text:
        text = text.expandtabs(4)
    text += "\n\n"
    # Lines of spaces become empty (each check first looks for the fixed text, which is cheap).
    return _SPACE_LINE.sub("\n", text) if "\n " in text else text


def convert(markdown: str, settings: TocSettings) -> Body | None:
    """The body's HTML and table of contents as Python-Markdown gives them, or None when the body
    is not only ATX headings and raw HTML blocks that the fast path reproduces exactly."""
    src = normalise(markdown)
    if ("```" in src or "~~~" in src) and _FENCE.search(src):
        return None
    anchors: set[str] = set()
    links: list[str] = []
    outline = _outline(src, anchors, links)
    if outline is None:
        return None
    text, headings = _assemble(src, outline, settings)
    tokens: list[Any] = []
    for level, ident, name, inner in headings:
        anchors.add(ident)
        if settings.depth[0] <= level <= settings.depth[1]:
            tokens.append({"level": level, "id": ident, "name": name, "html": inner, "data-toc-label": ""})
    title = None
    if outline and outline[0] == 1:
        title = headings[0][2]
    return Body(text, toc_ext.nest_toc_tokens(tokens), title, anchors, links, outline)


def assemble(markdown: str, outline: Outline, settings: TocSettings) -> str:
    """The HTML of a body that ``convert`` accepted, from its outline (when the page is written)."""
    return _assemble(normalise(markdown), outline, settings)[0]


def _outline(src: str, anchors: set[str], links: list[str]) -> Outline | None:
    """The outline of the normalised text, or None outside the subset; collects ids and links."""
    outline: list[int] = []
    stack: list[str] = []
    push, pop = stack.append, stack.pop
    pos = 0  # the end of the last top-level element (after its newline), or 0
    run = -1  # the start of the current run of raw elements, -1 between runs
    for token in _TOKEN.finditer(src):
        closing, name, attrs, empty = token.groups()
        if closing is not None:
            if not stack or pop() != closing:
                return None
            if stack:
                continue
            # The end of a top-level element: a newline follows, then a blank line (the run ends)
            # or the next element of the run.
            pos = token.end() + 1
            if src[pos - 1] != "\n":
                return None
            if src[pos] == "\n":
                outline += (0, run, pos)
                run = -1
            continue
        if name is None:
            return None  # a '<' or '&' that starts no tag or character reference
        if not stack:
            start = token.start()
            if name not in _BLOCK_LEVEL or empty or name in _SPECIAL:
                return None
            if run >= 0:
                if start != pos:
                    return None  # only another element may follow an element on the next line
            elif not _headings(src, pos, start, outline):
                return None
            else:
                run = start
        if attrs and (name == "a" or name == "img" or "id=" in attrs):
            _attributes(name, attrs, anchors, links)
        if empty:
            continue
        if name in _SPECIAL:
            if name in _RAW_TEXT:
                return None
            continue  # a void element has no end tag
        push(name)
    if stack or run >= 0 or not _headings(src, pos, len(src), outline):
        return None
    return tuple(outline)


def _headings(src: str, start: int, end: int, outline: list[int]) -> bool:
    """Add the headings between two runs of raw HTML (only headings and blank lines may be there)."""
    line = start
    while line < end:
        stop = src.find("\n", line, end)
        if stop < 0:
            stop = end  # the last heading before an element: the element starts the next line
        if stop > line:
            heading = _ATX.fullmatch(src, line, stop)
            if heading is None:
                return False
            text = heading.group(2).rstrip(" ")  # Python-Markdown strips the title
            if not text or not _PLAIN_HEADING.fullmatch(text) or text[-1] == "#":
                return False
            text_start = heading.start(2)
            outline += (len(heading.group(1)), text_start, text_start + len(text))
        line = stop + 1
    return True


def _attributes(tag: str, attrs: str, anchors: set[str], links: list[str]) -> None:
    """Record the ids, ``<a name>`` anchors and link targets among a start tag's attributes."""
    for key, value in _ATTR.findall(attrs):
        key = key.lower()
        if key == "id" or (key == "name" and tag == "a"):
            anchors.add(html.unescape(value))
        elif (key == "href" and tag == "a") or (key == "src" and tag == "img"):
            links.append(html.unescape(value))


def _assemble(src: str, outline: Outline | list[int], settings: TocSettings) -> tuple[str, list[tuple[int, str, str, str]]]:
    """The HTML of an outline, and each heading's (level, id, name, inner HTML)."""
    out: list[str] = []
    headings: list[tuple[int, str, str, str]] = []
    used: set[str] = set()
    for i in range(0, len(outline), 3):
        level, start, end = outline[i], outline[i + 1], outline[i + 2]
        if not level:
            out.append(src[start:end])
            continue
        text = src[start:end]
        name = " ".join(text.split())
        slug = settings.slugs.get(name)
        if slug is None:
            slug = settings.slugs[name] = settings.slugify(html.unescape(name), settings.separator)
        ident = toc_ext.unique(slug, used)
        attr = _escape_attrib_html(ident)
        link = ""
        if settings.permalink is not None:
            link = f'<a class="{settings.permalink_class}" href="#{attr}" title="{settings.permalink_title}">{settings.permalink}</a>'
        out.append(f'<h{level} id="{attr}">{text}{link}</h{level}>')
        headings.append((level, ident, name, text))
    return "\n".join(out).strip(), headings
