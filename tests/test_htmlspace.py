"""Theme templates lose their indentation but nothing that renders differently."""

from __future__ import annotations

import jinja2

from opswatch_mkdocs.speed.htmlspace import UnindentingLoader, drop_indentation


def test_indentation_goes_and_line_breaks_stay():
    assert drop_indentation("<ul>\n    <li>a</li>\n\t\t<li>b</li>\n</ul>") == "<ul>\n<li>a</li>\n<li>b</li>\n</ul>"


def test_preformatted_text_keeps_its_spaces():
    text = '<div>\n  <PRE class="x">line\n    indented\n</PRE>\n  <textarea>\n  kept</textarea>\n</div>'
    assert drop_indentation(text) == '<div>\n<PRE class="x">line\n    indented\n</PRE>\n<textarea>\n  kept</textarea>\n</div>'


def test_the_loader_serves_unindented_templates_with_the_same_output_otherwise():
    source = "<nav>\n  {% for x in items %}\n    <a>{{ x }}</a>\n  {% endfor %}\n</nav>"
    inner = jinja2.DictLoader({"nav.html": source})
    plain = jinja2.Environment(loader=inner).get_template("nav.html").render(items=["a", "b"])
    slim = jinja2.Environment(loader=UnindentingLoader(inner)).get_template("nav.html").render(items=["a", "b"])
    assert len(slim) < len(plain)
    assert slim.split() == plain.split()
    assert UnindentingLoader(inner).list_templates() == ["nav.html"]
