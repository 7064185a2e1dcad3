"""A world map as inline SVG, drawn at build time: no JavaScript, no network.

Geometry comes from the world map that the pygal-maps-world package ships
(one group of paths per ISO alpha-2 country). Its curves are reduced to
polylines and rounded, which keeps the shapes and cuts the size about
tenfold; the result is computed once per process.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from functools import cache
from importlib import resources

from . import html
from .html import Markup

_SVG = "{http://www.w3.org/2000/svg}"
_TOKEN = re.compile(r"[MmLlHhVvCcSsQqTtAaZz]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_ARGS = {"m": 2, "l": 2, "h": 1, "v": 1, "c": 6, "s": 4, "q": 4, "t": 2, "a": 7, "z": 0}
SCALE = 0.5  # the source is 2754 units wide; half that, in whole units, is still sharp on screen
SMALL = 12
"""A country whose drawn shape is narrower and lower than this (in map units, about 1 % of the
width) is hard to see or to tap, or is not drawn at all: it also gets a dot."""
DOT_RADIUS = 9


def parse_path(d: str) -> list[list[tuple[float, float]]]:
    """Absolute points of each sub-path of an SVG path, curves reduced to their end points."""
    tokens = _TOKEN.findall(d)
    shapes: list[list[tuple[float, float]]] = []
    x = y = 0.0
    start = (0.0, 0.0)
    i, command = 0, ""
    while i < len(tokens):
        if tokens[i].isalpha():
            command = tokens[i]
            i += 1
            if command in "zZ":
                x, y = start
                continue
        elif not command:
            raise ValueError(f"path data starts with a number: {d[:30]!r}")
        lower = command.lower()
        count = _ARGS[lower]
        values = [float(t) for t in tokens[i : i + count]]
        if len(values) < count:
            break
        i += count
        relative = command.islower()
        if lower == "h":
            x = x + values[0] if relative else values[0]
        elif lower == "v":
            y = y + values[0] if relative else values[0]
        else:
            nx, ny = values[-2], values[-1]
            x, y = (x + nx, y + ny) if relative else (nx, ny)
        if lower == "m":
            shapes.append([(x, y)])
            start = (x, y)
            command = "l" if relative else "L"  # further pairs after a move are line-tos
        else:
            if not shapes:
                shapes.append([start])
            shapes[-1].append((x, y))
    return shapes


def _simplify(shape: list[tuple[float, float]]) -> list[tuple[int, int]]:
    points: list[tuple[int, int]] = []
    for x, y in shape:
        point = (round(x * SCALE), round(y * SCALE))
        if not points or point != points[-1]:
            points.append(point)
    return points


def _path_data(shapes: list[list[tuple[float, float]]]) -> str:
    parts = []
    for shape in shapes:
        points = _simplify(shape)
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        if len(points) < 3 or (max(xs) - min(xs) < 2 and max(ys) - min(ys) < 2):
            continue  # islets smaller than a couple of pixels
        first, rest = points[0], points[1:]
        parts.append(f"M{first[0]} {first[1]}L" + " ".join(f"{px} {py}" for px, py in rest) + "Z")
    return "".join(parts)


def _box(shapes: list[list[tuple[float, float]]]) -> tuple[int, int, int, int]:
    """Centre and size (x, y, width, height) of some shapes, in map units."""
    xs = [x * SCALE for shape in shapes for x, _ in shape]
    ys = [y * SCALE for shape in shapes for _, y in shape]
    return round((min(xs) + max(xs)) / 2), round((min(ys) + max(ys)) / 2), round(max(xs) - min(xs)), round(max(ys) - min(ys))


@cache
def _small() -> dict[str, tuple[int, int]]:
    """Where to put the dot of each country drawn too small to see: the centre of its largest shape
    (an island state's main island, a mainland rather than far-off territories)."""
    out = {}
    for code, parts in _shapes().items():
        drawn = _path_data(parts)
        boxes = [_box([shape]) for shape in parts if shape]
        if not boxes:
            continue
        whole = _box(parts)
        if not drawn or (whole[2] < SMALL and whole[3] < SMALL):
            x, y, _, _ = max(boxes, key=lambda b: b[2] * b[3])
            out[code] = (x, y)
    return out


def _source() -> ET.Element:
    return ET.fromstring(resources.files("pygal_maps_world").joinpath("worldmap.svg").read_bytes())


@cache
def _shapes() -> dict[str, list[list[tuple[float, float]]]]:
    """The source's shapes per lower-case alpha-2 code, curves reduced to their end points."""
    root = _source()
    out: dict[str, list[list[tuple[float, float]]]] = {}
    for element in root.iter():
        classes = (element.get("class") or "").split()
        if "country" not in classes or not classes:
            continue
        paths = [element] if element.tag == f"{_SVG}path" else list(element.iter(f"{_SVG}path"))
        for path in paths:
            out.setdefault(classes[0], []).extend(parse_path(path.get("d", "")))
    return out


@cache
def _geometry() -> tuple[dict[str, str], str]:
    """Simplified path data per lower-case alpha-2 code, and the viewBox."""
    root = _source()
    out = _shapes()
    x, y, w, h = (float(v) for v in root.get("viewBox", "0 0 2754 1398").split())
    view = f"{round(x * SCALE)} {round(y * SCALE)} {round(w * SCALE)} {round(h * SCALE)}"
    return {code: data for code, shapes in sorted(out.items()) if (data := _path_data(shapes))}, view


def bucket(count: int) -> int:
    """Colour class for a number of operations: 0, 1, 2-3, 4-9, 10 or more."""
    return 0 if count <= 0 else 1 if count == 1 else 2 if count <= 3 else 3 if count <= 9 else 4


_SVG_OPEN = html.template(
    '<svg class="world-map" xmlns="http://www.w3.org/2000/svg" viewBox="{}" role="group" '
    'aria-labelledby="world-map-title world-map-desc" preserveAspectRatio="xMidYMid meet" fill="#d9dce3">'
)
_SVG_TITLE = html.template('<title id="world-map-title">{}</title><desc id="world-map-desc">{}</desc>')
_LINKED_SHAPE = html.template('<a href="{href}" aria-label="{name}"><title>{name}</title><path class="c{n}" d="{data}"/></a>')
_SHAPE = html.template('<path class="c{}" d="{}"/>')
_DOT = html.template(
    '<a href="{href}" aria-label="{name}"><title>{name}</title><circle class="c{n} ow-map-dot" cx="{x}" cy="{y}" r="{r}"/></a>'
)
_SVG_CLOSE = html.literal("</svg>")


def world_map(
    counts: dict[str, int], href: Callable[[str], str], label: Callable[[str], str], *, title: str, description: str
) -> Markup:
    """The map as one ``<svg>`` element; countries with operations are shaded links."""
    paths, view = _geometry()
    parts = [_SVG_OPEN(view), _SVG_TITLE(title, description)]
    small = _small()
    for code, data in paths.items():
        n = counts.get(code, 0)
        if n > 0 and code not in small:
            parts.append(_LINKED_SHAPE(href=href(code), name=label(code), n=str(bucket(n)), data=data))
        else:
            parts.append(_SHAPE(str(bucket(n)), data))
    # Small countries that took part: a ringed dot over their position, drawn last so that it is on
    # top, and the link target instead of the tiny shape.
    for code in sorted(c for c in counts if counts[c] > 0 and c in small):
        x, y = small[code]
        parts.append(_DOT(href=href(code), name=label(code), n=str(bucket(counts[code])), x=str(x), y=str(y), r=str(DOT_RADIUS)))
    parts.append(_SVG_CLOSE)
    return html.join("\n", parts)
