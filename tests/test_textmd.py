"""Record Markdown: the fast path for plain prose gives exactly what Python-Markdown gives."""

from __future__ import annotations

from pathlib import Path

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator import textmd

ROOT = Path(__file__).resolve().parent.parent

# Prose, plus every character that could start Markdown, so that both branches are exercised.
_PIECES = st.sampled_from(
    [*"abc XYZ éü\n\n\t.,;:'\"()?/%-0123456789", "*", "_", "#", "<", "&", "[", "]", "`", "=", ">", "  \n", "\u2028"]
)


@settings(max_examples=2000, deadline=None)
@given(st.lists(_PIECES, max_size=120).map("".join))
def test_fast_path_matches_python_markdown(text):
    fast = textmd.plain_paragraphs(text)
    if fast is not None:
        assert fast == str(textmd.render.full(text))
    assert str(textmd.render(text)) == str(textmd.render.full(text))


@settings(max_examples=1000, deadline=None)
@given(st.text(st.sampled_from(list("ab XY é\n\n.,;:'\"()?/%-019 ")), max_size=300))
def test_fast_path_matches_python_markdown_on_prose(text):
    # Mostly text the fast path takes: paragraphs, blank lines, digits and hyphens at line starts.
    fast = textmd.plain_paragraphs(text)
    assert fast is None or fast == str(textmd.render.full(text))


def test_fast_path_covers_plain_summaries_and_skips_markup():
    assert textmd.plain_paragraphs("Police in 14 countries took part.\n\nResults were announced (in May).") == (
        "<p>Police in 14 countries took part.</p>\n<p>Results were announced (in May).</p>"
    )
    for marked in (
        "A [link](https://example.org)",
        "- a list",
        "1. first",
        "*stress*",
        "a &amp; b",
        "# Heading",
        "a  \nb",
        "<b>x</b>",
    ):
        assert textmd.plain_paragraphs(marked) is None, marked


def test_shipped_summaries_render_the_same_either_way():
    texts = []
    for path in sorted((ROOT / "content").glob("*/*.yml")):
        record = yaml.safe_load(path.read_text("utf-8"))
        texts += [record[k] for k in ("summary", "notes") if isinstance(record.get(k), str)]
    assert texts
    for text in texts:
        assert str(textmd.render(text)) == str(textmd.render.full(text))
