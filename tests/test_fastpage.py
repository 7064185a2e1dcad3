"""The fast path for generated pages gives what Python-Markdown gives (through MkDocs), or steps aside.

The reference is MkDocs' own ``Page.render`` with the site's mkdocs.yml: the page's HTML, its table
of contents, the title taken from its first heading and the ids other pages may link to.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from opswatch_mkdocs.speed import fastpage
from tests.helpers import ROOT

GOLDEN = ROOT / "tests" / "golden"
RECORD_FOLDERS = ("operations", "agencies", "countries", "sources")


@pytest.fixture(scope="module")
def config() -> MkDocsConfig:
    return load_config(str(ROOT / "mkdocs.yml"))


@pytest.fixture(scope="module")
def settings(config: MkDocsConfig) -> fastpage.TocSettings:
    found = fastpage.TocSettings.from_markdown_config(config.markdown_extensions, config.mdx_configs)
    assert found is not None, "the fast path does not reproduce the Markdown settings of mkdocs.yml"
    return found


def _toc(items: Any) -> list:
    return [(item.title, item.id, item.level, _toc(item.children)) for item in items]


def reference(config: MkDocsConfig, body: str) -> Page:
    """The page as MkDocs converts it, with Python-Markdown."""
    file = File("page.md", src_dir=None, dest_dir=config.site_dir, use_directory_urls=False)
    file.content_string = body
    page = Page(None, file, config)
    page.read_source(config)
    page.render(config, Files([file]))
    return page


def assert_same(config: MkDocsConfig, settings: fastpage.TocSettings, body: str) -> bool:
    """Fast and reference conversions agree; False when the fast path stepped aside."""
    fast = fastpage.convert(body, settings)
    if fast is None:
        return False
    page = reference(config, body)
    assert fast.html == page.content
    assert _toc(get_toc(fast.toc_tokens)) == _toc(page.toc)
    assert fast.title == page._title_from_render
    assert fast.anchors == page.present_anchor_ids
    assert fastpage.assemble(body, fast.outline, settings) == fast.html
    return True


def _golden_pages(fixture: str) -> list[Path]:
    return sorted((GOLDEN / fixture).rglob("*.md"))


@pytest.mark.parametrize("fixture", ["mini", "seeds"])
def test_every_golden_page_converts_as_python_markdown_does(config, settings, fixture):
    from mkdocs.utils import meta

    fast = set()
    for path in _golden_pages(fixture):
        body, _ = meta.get_data(path.read_text("utf-8"))
        if assert_same(config, settings, body):
            fast.add(path.relative_to(GOLDEN / fixture).as_posix())
    # Every record page takes the fast path (else the build would quietly be slow again).
    records = {p.relative_to(GOLDEN / fixture).as_posix() for p in _golden_pages(fixture) if p.parent.name in RECORD_FOLDERS}
    assert records and records <= fast


@pytest.mark.parametrize(
    "body",
    [
        "# Title\n\nA paragraph of Markdown.",
        "# Title\n\n- a list item",
        "# Title *emphasis*\n\n<p>x</p>",
        "# Title\ntext right under the heading",
        "<span>inline at the top</span>",
        "<div>\n<p>unclosed</div>",
        "<div><p>crossed</div></p>",
        "<div>\n<!-- a comment -->\n</div>",
        "<div><script>if (a < b) {}</script></div>",
        "<p>bare & ampersand</p>",
        "<p>entity without semicolon &amp here</p>",
        "<p>text</p> and a tail",
        "<p>a</p>\n# heading right under HTML",
        "<hr>",
        "<div/>",
        "<p>a</p>\n\n```\ncode\n```",
        "<div>\n```\n<p>fence inside</p>\n```\n</div>",
        "<p title='single quotes'>x</p>",
        "<p data-x=unquoted>x</p>",
        "<P>upper case</P>",
        "    <p>indented</p>",
        "# Title #",
        "# C\\# escaped",
        "<p>x</p>\n    indented code",
        "<svg><title>t</title></svg>",
        "[TOC]",
    ],
)
def test_bodies_outside_the_subset_take_the_usual_path(config, settings, body):
    assert fastpage.convert(body, settings) is None
    reference(config, body)  # and MkDocs converts them as ever


@pytest.mark.parametrize(
    "body",
    [
        "",
        "# Title",
        "# Title\n<p>straight under the heading</p>",
        "# One\n## Two\n\n<p>x</p>",
        "<div>\n<p>a</p>\n\n\n<p>blank lines inside a block</p>\n</div>\n\n## After",
        "<pre><code>line\n\n   \n\tindented</code></pre>",
        "<p>a</p>\n<p>b</p>\n<ul><li>c</li></ul>\n\n\n\n# Late title",
        "## Same\n\n## Same\n\n### Same\n\n#### Same 1\n\n## Same-1",
        '# Caf&#233; &#38; &amp; Ünïcode — “quotes” 2020 &copy;\n\n<p id="x&amp;y">a<br>b<br/>c<img src="i.png"></p>',
        "# Title\r\n\r\n<p>CRLF</p>\r\n",
        '<table class="t">\n<tr><td><a href="../x.html#a" name="n">x</a></td></tr>\n</table>',
        "##### Deep\n\n###### Deeper",
        "#    Spaces   inside   the   title   ",
    ],
)
def test_bodies_in_the_subset_match_python_markdown(config, settings, body):
    assert assert_same(config, settings, body)


# Random bodies from the pieces generated pages are made of, with the mistakes that could confuse
# a converter: the fast path must give Python-Markdown's result or step aside, never differ.
# "Tidy" bodies are mostly well formed, so that many of them take the fast path.
_MESSY_TEXT = st.text(alphabet="ab \n&;#<>/\"'=*_`[]!\\-é", max_size=12)
_TIDY_TEXT = st.lists(
    st.sampled_from(["word", " ", "&amp;", "&#39;", "é", "\n", "—", "x-y", "&lt;b&gt;", "\n\n"]), max_size=4
).map("".join)
_NAME = st.sampled_from(["p", "div", "span", "a", "ul", "li", "table", "tr", "td", "br", "script", "pre", "h2", "dl", "dd"])
_ATTRS = st.sampled_from(
    ["", ' class="x"', ' id="i"', ' href="#cite-1"', " hidden", " id='q'", ' id="a&amp;b"', ' href="../x.html#y"']
)


def _element(
    text: st.SearchStrategy[str], wrong_close: float, names: st.SearchStrategy[str] = _NAME, depth: int = 0
) -> st.SearchStrategy[str]:
    @st.composite
    def build(draw: st.DrawFn) -> str:
        name = draw(names)
        children = st.one_of(text, _element(text, wrong_close, _NAME, depth + 1)) if depth < 2 else text
        inner = "".join(draw(st.lists(children, max_size=3)))
        close = f"</{name}>"
        if draw(st.floats(0, 1)) < wrong_close:
            close = draw(st.sampled_from(["", "</p>", f"</{name} >", f"</{name}>x"]))
        return f"<{name}{draw(_ATTRS)}>{inner}{close}"

    return build()


def _heading(text: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.builds(lambda level, words: "#" * level + " " + words.replace("\n", " "), st.integers(1, 7), text)


_MESSY = st.lists(
    st.tuples(
        st.one_of(_heading(_MESSY_TEXT), _element(_MESSY_TEXT, 0.3), _MESSY_TEXT),
        st.sampled_from(["\n", "\n\n", "\n\n\n", "\n \n", "", " "]),
    ),
    max_size=6,
)
_TIDY = st.lists(
    st.tuples(
        st.one_of(
            _heading(_TIDY_TEXT), _element(_TIDY_TEXT, 0.05, st.sampled_from(["p", "div", "ul", "table", "dl", "pre", "h2"]))
        ),
        st.sampled_from(["\n", "\n\n", "\n\n", "\n\n\n"]),
    ),
    max_size=6,
)


@given(st.one_of(_MESSY, _TIDY))
@hypothesis_settings(max_examples=300)
def test_random_bodies_match_python_markdown_or_step_aside(config, settings, blocks):
    body = "".join(block + gap for block, gap in blocks)
    assert_same(config, settings, body)


@pytest.mark.parametrize(
    "toc",
    [{"permalink": "#", "toc_depth": "2-3"}, {"permalink": False}, {"toc_depth": 2, "separator": "_", "permalink_title": "Link"}],
)
def test_other_toc_settings_match_python_markdown(toc):
    config = load_config(str(ROOT / "mkdocs.yml"), markdown_extensions=[{"toc": toc}])
    settings = fastpage.TocSettings.from_markdown_config(config.markdown_extensions, config.mdx_configs)
    assert settings is not None
    body = "# One\n\n<p>a</p>\n\n## Two words\n\n### Three\n\n#### Four\n\n## Two words"
    assert assert_same(config, settings, body)


def test_settings_the_fast_path_does_not_reproduce_turn_it_off():
    assert fastpage.TocSettings.from_markdown_config(["toc", "attr_list"], {}) is None
    assert fastpage.TocSettings.from_markdown_config(["toc"], {"toc": {"baselevel": 2}}) is None
    assert fastpage.TocSettings.from_markdown_config(["toc"], {"toc": {"anchorlink": True}}) is None
    assert fastpage.TocSettings.from_markdown_config(["tables"], {}) is None  # no toc: no ids to reproduce
    found = fastpage.TocSettings.from_markdown_config(["toc"], {"toc": {"permalink": "#", "toc_depth": "2-3"}})
    assert found is not None and found.permalink == "#" and found.depth == (2, 3)
