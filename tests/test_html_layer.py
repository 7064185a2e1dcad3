"""One HTML layer (generator/html.py): escaping by default, no HTML built elsewhere, and generated
Markdown that is safe on its own, built by plain MkDocs with no opswatch plugin."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from generator import build, html, render
from tests.helpers import BIN, MINI, ROOT, rewrite_text_fields

# --- the layer's own rules -------------------------------------------------------------------


def test_template_escapes_every_value_unless_it_is_markup():
    piece = html.template('<a href="{href}" title="{title}">{text}</a>')
    out = piece(href='x" onclick="y', title="<b>&'", text=html.literal("<em>kept</em>"))
    assert out == '<a href="x&#34; onclick=&#34;y" title="&lt;b&gt;&amp;&#39;"><em>kept</em></a>'
    assert html.template("<td>{}</td><td>{}</td>")("<s>", 5) == "<td>&lt;s&gt;</td><td>5</td>"
    assert html.join(", ", ["a<b", html.literal("<i>c</i>")]) == "a&lt;b, <i>c</i>"
    assert isinstance(out, html.Markup)


@pytest.mark.parametrize("markup", ["<td>{:>3}</td>", "<td>{!r}</td>", "<td>{0.name}</td>", "<td>{}{x}</td>", "<td>{class}</td>"])
def test_template_refuses_holes_that_would_bypass_escaping(markup):
    with pytest.raises(ValueError):
        html.template(markup)


def test_names_in_right_to_left_scripts_are_isolated_and_escaped():
    assert html.name("مكتب <x>") == "<bdi>مكتب &lt;x&gt;</bdi>"
    assert html.name("Bureau <x>") == "Bureau &lt;x&gt;"


def test_md_escape_leaves_no_markdown_html_or_attribute_list():
    out = html.md_escape('[x](javascript:1) {: .x} <b> & "q" *e* # _u_')
    assert not re.search(r"[\[\]()<>{}*#_\"&](?!#?\w+;)", out.replace("&#", ""))
    assert "&#91;x&#93;" in out and "&#123;" in out and "&#60;b&#62;" in out


# --- no HTML built outside the layer ---------------------------------------------------------

_ELEMENTS = (
    "a|abbr|b|bdi|body|br|circle|code|dd|desc|details|div|dl|dt|em|h[1-6]|head|html|i|iframe|img|li|link|meta|nav|"
    "ol|p|path|pre|script|section|small|source|span|strong|style|sup|svg|table|tbody|td|th|thead|time|title|tr|ul"
)
_TAG = re.compile(rf"</(?:{_ELEMENTS})>|<(?:{_ELEMENTS})(?:\s+[\w:-]+=|\s*/?>)", re.I)
"""An HTML tag: a closing tag, or an opening one with an attribute or closed at once (not "<source id>" or "<id>")."""
EXEMPT = {
    "html.py": "the layer itself",
    # Its fast path writes what Python-Markdown writes for prose with no markup; the text holds no
    # <, > or & (textmd._MARKUP), and the tests compare it with Python-Markdown's output.
    "textmd.py": "the record Markdown renderer",
}


def _problems(path: Path) -> list[str]:
    tree = ast.parse(path.read_text("utf-8"))
    found = []

    def literal_text(node: ast.AST) -> str:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return node.value
        if isinstance(node, ast.JoinedStr):
            return "".join(literal_text(v) for v in node.values)
        return ""

    for node in ast.walk(tree):
        where = f"{path.name}:{getattr(node, 'lineno', '?')}"
        if isinstance(node, ast.JoinedStr) and _TAG.search(literal_text(node)):
            found.append(f"{where}: an f-string builds HTML")
        elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod | ast.Add):
            if _TAG.search(literal_text(node.left)) or _TAG.search(literal_text(node.right)):
                found.append(f"{where}: '%' or '+' builds HTML")
        elif isinstance(node, ast.Call):
            func = node.func
            if (
                isinstance(func, ast.Attribute)
                and func.attr in ("format", "format_map")
                and _TAG.search(literal_text(func.value))
            ):
                found.append(f"{where}: str.format builds HTML")
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
            if name == "Markup" and node.args:
                found.append(f"{where}: Markup(...) marks a string safe outside the layer; use html.template or html.literal")
    return found


def test_no_module_outside_the_layer_builds_html():
    problems = [p for path in sorted((ROOT / "generator").rglob("*.py")) if path.name not in EXEMPT for p in _problems(path)]
    assert problems == []


def test_templates_never_turn_escaping_off():
    assert render._ENV.autoescape is True
    templates = sorted((ROOT / "generator" / "templates").glob("*.j2"))
    assert templates
    for path in templates:
        text = path.read_text("utf-8")
        assert not re.search(r"\|\s*safe\b|autoescape\s+false|Markup", text), path.name


def test_the_scan_finds_html_built_in_the_ways_it_looks_for(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text(
        "def f(x):\n"
        "    a = f'<td>{x}</td>'\n"
        "    b = '<p class=\"y\">%s' % x\n"
        "    c = '<li>{}</li>'.format(x)\n"
        "    d = '</span>' + x\n"
        "    e = Markup(x)\n"
        "    ok = f'--source <source id> {x}'\n"
        "    return a, b, c, d, e, ok\n",
        "utf-8",
    )
    assert [p.split(": ", 1)[0] for p in _problems(bad)] == [f"bad.py:{n}" for n in range(2, 7)]


# --- hostile records, built by plain MkDocs without the opswatch plugin ----------------------

PAYLOAD = '</title><script>window.__pwned=1</script> "q" \'a\' & {: .x onclick="window.__pwned=1" } [l](javascript:alert(1))'
RTL = "مكتب مكافحة الجرائم"
TEXT_FIELDS = {"name", "summary", "notes", "note", "title", "publisher", "text", "as_reported", "countries_note", "scope"}

PLAIN_MKDOCS = {
    "site_name": "Plain",
    "docs_dir": "docs",
    "use_directory_urls": False,
    "theme": {"name": "material"},
    "plugins": [],
    # attr_list would read "{: .x }" in Markdown: the generated pages must not let record text reach it.
    "markdown_extensions": ["toc", "admonition", "tables", "attr_list", "md_in_html"],
}


def _poison(content: Path) -> None:
    rewrite_text_fields(content, TEXT_FIELDS, lambda key, text: f"{text} {RTL} {PAYLOAD}")


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self.title = ""
        self._in: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in.append(tag)

    def handle_endtag(self, tag):
        if tag in self._in:
            while self._in.pop() != tag:
                pass

    def handle_data(self, data):
        if self._in and self._in[-1] == "title":
            self.title += data
        if self._in and self._in[-1] == "script":
            self.scripts.append(data)


@pytest.fixture(scope="module")
def plain_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("plain")
    content = root / "content"
    shutil.copytree(MINI, content)
    _poison(content)
    result = build.build(content, root / "docs", with_history=False, site_url="https://example.org/")
    assert result.pages > 10
    (root / "mkdocs.yml").write_text(yaml.safe_dump(PLAIN_MKDOCS), "utf-8")
    run = subprocess.run(
        [str(BIN / "mkdocs"), "build", "--site-dir", str(root / "site")],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=600,
        env={"PATH": f"{BIN}:/usr/bin:/bin", "NO_MKDOCS_2_WARNING": "1"},
    )
    assert run.returncode == 0, run.stderr[-3000:]
    assert "opswatch" not in (root / "mkdocs.yml").read_text()
    return content, root / "site"


def test_every_page_of_a_plain_mkdocs_build_keeps_hostile_record_text_as_text(plain_site):
    _, site = plain_site
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 10
    for page in pages:
        parsed = _Page()
        parsed.feed(page.read_text("utf-8"))
        for tag, attrs in parsed.tags:
            assert not any(name.startswith("on") for name in attrs), f"{page}: <{tag} {attrs}>"
            assert not str(attrs.get("href") or "").strip().lower().startswith("javascript:"), f"{page}: {attrs}"
            assert "x" not in str(attrs.get("class") or "").split(), f"{page}: an attribute list reached <{tag}>"
        assert not any("__pwned" in script for script in parsed.scripts), page
        assert "__pwned" not in str([attrs.get("src") for tag, attrs in parsed.tags if tag == "script"])


def test_titles_descriptions_and_headers_show_the_record_text_exactly(plain_site):
    content, site = plain_site
    name = yaml.safe_load((content / "operations" / "op-one.yml").read_text("utf-8"))["name"]
    text = (site / "operations" / "op-one.html").read_text("utf-8")
    parsed = _Page()
    parsed.feed(text)
    # The <title> element holds the record's name as text: escaped once, neither raw nor twice.
    assert parsed.title.startswith(name + " - "), parsed.title
    description = next(a["content"] for t, a in parsed.tags if t == "meta" and a.get("name") == "description")
    assert description and PAYLOAD.split(" ")[0] in description and "&amp;" not in description
    # The header and the page heading show the name too (four times: title, header, heading, nav).
    assert text.count("&lt;/title&gt;&lt;script&gt;window.__pwned=1&lt;/script&gt;") >= 3
    assert "<script>window.__pwned" not in text


def test_generated_front_matter_is_html_text(plain_site):
    content, _ = plain_site
    docs = content.parent / "docs"
    front = yaml.safe_load((docs / "operations" / "op-one.md").read_text("utf-8").split("---\n")[1])
    for key in ("title", "description"):
        assert "<" not in front[key] and '"' not in front[key] and "&lt;/title&gt;" in front[key], key
