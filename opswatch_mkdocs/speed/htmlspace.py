"""Drop the indentation that theme templates would copy into every built page.

Material's templates are indented for reading, and that indentation made up about a sixth of a
built page. A newline followed by spaces renders exactly like a bare newline in HTML outside
elements that keep whitespace, so removing it from the templates' source, once, when they are
loaded, changes no rendering and costs nothing per page. (Minifying each built page instead,
with minify-html, costs about 1 ms a page: 30 s on a 10,000-operation site.)
"""

from __future__ import annotations

import re

import jinja2

# Elements whose text keeps its whitespace: copied through untouched.
_KEEP = re.compile(r"(<(pre|textarea)\b.*?</\2\s*>)", re.S | re.I)
_INDENT = re.compile(r"\n[ \t]+")


def drop_indentation(text: str) -> str:
    """Return ``text`` with leading spaces and tabs removed from each line outside pre and textarea."""
    parts = _KEEP.split(text)
    # split() with two groups yields: text, whole kept element, its tag name, text, ...
    out = []
    for i in range(0, len(parts), 3):
        out.append(_INDENT.sub("\n", parts[i]))
        if i + 1 < len(parts):
            out.append(parts[i + 1])
    return "".join(out)


class UnindentingLoader(jinja2.BaseLoader):
    """A Jinja loader that hands out another loader's templates without their indentation."""

    def __init__(self, inner: jinja2.BaseLoader) -> None:
        self.inner = inner

    def get_source(self, environment: jinja2.Environment, template: str):
        source, filename, uptodate = self.inner.get_source(environment, template)
        return drop_indentation(source), filename, uptodate

    def list_templates(self) -> list[str]:
        return self.inner.list_templates()
