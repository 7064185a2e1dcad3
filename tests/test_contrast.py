"""Contrast of the colours the site's stylesheet sets, computed from the values in site.css.

WCAG 2.2: text at least 4.5:1; focus rings, lines, borders and map shades at least 3:1 against
what they sit on (1.4.11), in the light and the dark palette.
"""

from __future__ import annotations

import itertools
import re
from importlib import resources
from pathlib import Path

import pytest

from tests.helpers import ROOT

CSS = (ROOT / "overrides" / "assets" / "stylesheets" / "site.css").read_text("utf-8")
WHITE = "#ffffff"
SLATE = "#1e2129"  # Material's slate background, hsl(225, 15%, 14%) (palette.css)
INDIGO = "#4051b5"  # Material's indigo primary: the header and tab bar


def luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def ratio(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def blend(colour: str, background: str, opacity: float) -> str:
    """A colour drawn at some opacity over a background, as the eye sees it."""
    mixed = [round(opacity * int(colour[i : i + 2], 16) + (1 - opacity) * int(background[i : i + 2], 16)) for i in (1, 3, 5)]
    return "#" + "".join(f"{c:02x}" for c in mixed)


def _block(selector: str) -> dict[str, str]:
    body = re.search(re.escape(selector) + r"\s*\{([^}]*)\}", CSS)
    assert body, selector
    return dict(re.findall(r"(--[\w-]+):\s*(#[0-9a-fA-F]{6})\b", body.group(1)))


LIGHT = {**_block(":root"), **_block('[data-md-color-scheme="default"][data-md-color-accent="deep-orange"]'), "bg": WHITE}
# The dark palette keeps Material's own deep orange for links on hover and focus.
_PALETTE = next(
    Path(str(resources.files("material"))).joinpath("templates/assets/stylesheets").glob("palette.*.min.css")
).read_text("utf-8")
_ACCENT = re.search(r"\[data-md-color-accent=deep-orange\]\{--md-accent-fg-color:(#[0-9a-f]{6})", _PALETTE)
assert _ACCENT, "Material's palette no longer defines the deep orange accent"
_MATERIAL_ACCENT = _ACCENT.group(1)
DARK = {**_block(":root"), **_block('[data-md-color-scheme="slate"]'), "--md-accent-fg-color": _MATERIAL_ACCENT, "bg": SLATE}


@pytest.mark.parametrize("scheme", [LIGHT, DARK], ids=["light", "dark"])
def test_focus_ring_and_link_hover_stand_out(scheme):
    for background in (scheme["bg"], scheme["--ow-card-bg"]):
        assert ratio(scheme["--ow-focus"], background) >= 3
        assert ratio(scheme["--md-accent-fg-color"], background) >= 3  # links on hover and focus
    assert ratio(WHITE, INDIGO) >= 3  # the ring on the header and tabs is white
    assert "outline-color: #ffffff" in CSS


@pytest.mark.parametrize("scheme", [LIGHT, DARK], ids=["light", "dark"])
def test_timeline_line_and_card_borders_stand_out(scheme):
    for background in (scheme["bg"], scheme["--ow-card-bg"]):
        assert ratio(scheme["--ow-accent"], background) >= 3
    assert "border-left: 2px solid var(--ow-accent)" in CSS and "border-top: 3px solid var(--ow-accent)" in CSS


@pytest.mark.parametrize("scheme", [LIGHT, DARK], ids=["light", "dark"])
def test_map_shades_are_told_apart_from_no_operation_and_the_page(scheme):
    none = scheme["--ow-map-0"]
    shades = [scheme[f"--ow-map-{n}"] for n in range(1, 5)]
    for shade in shades:
        assert ratio(shade, none) >= 3
        assert ratio(shade, scheme["bg"]) >= 3
    for lighter, darker in itertools.pairwise(shades):
        assert ratio(lighter, darker) >= 1.55  # neighbouring steps differ visibly (1.42 in dark mode looked alike)
    assert ratio(scheme["--ow-map-ring"], scheme["bg"]) >= 3  # the ring around a small country's dot


def test_tabs_keep_text_contrast_and_the_active_tab_differs():
    inactive = float(re.search(r"\.md-tabs__link \{ opacity: ([\d.]+); \}", CSS).group(1))
    assert ratio(blend(WHITE, INDIGO, inactive), INDIGO) >= 4.5
    assert inactive < 1
    assert re.search(r"\.md-tabs__item--active \.md-tabs__link \{[^}]*opacity: 1;[^}]*text-decoration: underline", CSS)
