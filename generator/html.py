"""The one HTML layer: every piece of HTML the generator makes in Python is made here.

Escaping is the default and cannot be forgotten. A piece is a ``template``: a fixed markup
string with ``{}`` holes, where every value is HTML-escaped unless it is already markup (a
``Markup``, as made by this module, Jinja's autoescape or the record Markdown renderer). This
is markupsafe's rule, the same one the Jinja templates apply, so the whole page follows one
rule. Two other contexts are named functions here, each for one place:

- ``md_escape``: record text inside Markdown (a heading), where Markdown and attribute-list
  syntax must stay text too;
- ``text``: front-matter ``title`` and ``description``, which themes insert into HTML
  (``<title>``, ``<meta>``, the header) without escaping them: the generator writes them
  escaped, so the Markdown output is safe on its own and an engine needs nothing extra.

``tests/test_html_layer.py`` fails if another module builds HTML tags in an f-string, with
``%`` or ``str.format``, or wraps a computed string in ``Markup``.
"""

from __future__ import annotations

import keyword
import re
from collections.abc import Callable, Iterable
from string import Formatter
from typing import Any

from markupsafe import Markup, escape

try:  # markupsafe's C escaping of a str, without building a Markup for each value
    from markupsafe._speedups import _escape_inner
except ImportError:  # pragma: no cover - markupsafe built without its C extension

    def _escape_inner(s: str, /) -> str:
        return str(escape(s))


from .textcheck import RTL

__all__ = ["Markup", "escape", "join", "literal", "md_escape", "name", "template", "text"]


def _plain(value: object) -> str:
    """A value as HTML: markup as it is, anything else escaped."""
    if type(value) is str:
        return _escape_inner(value)
    return str(escape(value))


def template(markup: str) -> Callable[..., Markup]:
    """A piece of HTML with holes: ``template('<td>{}</td>')(value)``, or ``{name}`` holes filled by keyword.

    Every value is escaped unless it is markup. Holes are plain ``{}`` or ``{name}``: format
    specifications and conversions would apply to the escaped text, so they are refused."""
    fields: list[str] = []
    for _, field, spec, conversion in Formatter().parse(markup):
        if field is None:
            continue
        if spec or conversion or not (field == "" or (field.isidentifier() and not keyword.iskeyword(field))):
            raise ValueError(f"template holes are plain {{}} or {{name}}: {markup!r}")
        if field not in fields or field == "":
            fields.append(field)
    named = [f for f in fields if f]
    if named and len(named) != len(fields):
        raise ValueError(f"template holes are all {{}} or all {{name}}: {markup!r}")
    # One small function per template, with the escaping test inlined for each hole: render
    # fills these pieces hundreds of thousands of times on a large catalogue, and this runs
    # at the speed of the f-strings it replaced (a loop over the values was twice as slow).
    params = named or [f"v{i}" for i in range(len(fields))]
    values = [f"{p} if type({p}) is Markup else _plain({p})" for p in params]
    if named:
        signature, call = "*, " + ", ".join(params), ", ".join(f"{p}={v}" for p, v in zip(params, values, strict=True))
    else:
        signature, call = ", ".join(params), ", ".join(values)
    code = f"def fill({signature}):\n    return _new(Markup, _format({call}))\n"
    scope: dict[str, Any] = {"Markup": Markup, "_plain": _plain, "_new": str.__new__, "_format": markup.format}
    exec(code, scope)  # the code is built above from identifiers checked above, not from data
    fill: Callable[..., Markup] = scope["fill"]
    fill.__doc__ = f"HTML: {markup}"
    return fill


def literal(markup: str) -> Markup:
    """Fixed markup written in the code (no value in it)."""
    return Markup(markup)


def join(separator: str, pieces: Iterable[object]) -> Markup:
    """Pieces joined, each escaped unless it is markup (``separator`` is markup)."""
    return str.__new__(Markup, separator.join([p if type(p) is Markup else _plain(p) for p in pieces]))


_BDI = template("<bdi>{}</bdi>")


def name(value: str) -> Markup:
    """A record name: escaped, and isolated in ``<bdi>`` when it holds right-to-left letters, so
    that it cannot reorder the punctuation, dates or roles printed next to it."""
    return _BDI(value) if RTL.search(value) else escape(value)


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~=:&\"'])")


def md_escape(value: str) -> Markup:
    """Record text for a Markdown context (a heading): no markup, no HTML, no attribute lists.

    Every character Markdown or its extensions give a meaning to is written as a numeric
    character reference, which Markdown leaves alone and HTML shows as the character."""
    return Markup(_MD_SPECIAL.sub(lambda m: f"&#{ord(m.group(1))};", str(value)))


def text(value: str) -> str:
    """Plain text as HTML text, for front-matter fields that themes print into HTML unescaped."""
    return str(escape(value))
