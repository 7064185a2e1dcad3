"""Figures at their precision: wording, and totals that never lose it.

A figure is a number with a qualifier as the source gave it, a range
("between 100 and 150"), or the source's words when it gave no number
("dozens"). Totals are only ever taken over one measure. Parts whose
qualifiers combine honestly are added (more than 150 plus 40 is more than
190); parts whose qualifiers pull in different directions ("nearly 500" and
"more than 150") are kept apart, and parts with no number are named, never
guessed at.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

QUALIFIER_WORDS = {
    "exact": "",
    "about": "about",
    "nearly": "nearly",
    "at-least": "at least",
    "more-than": "more than",
    "up-to": "up to",
}
"""The page wording of each qualifier (the vocabulary file gives their definitions)."""

STATUSES = ("final", "provisional", "forecast")
"""The statuses of a figure (content/vocab/figure-statuses.yml): a forecast is never added into a
total; a provisional figure is added, and the total says it includes one."""

# Qualifiers whose sums stay honest when added together: the family of a qualifier.
_FAMILY = {"exact": "exact", "more-than": "lower", "at-least": "lower", "nearly": "upper", "up-to": "upper", "about": "about"}
# Order in which groups are shown, and which group takes the exact parts.
_ORDER = ("lower", "upper", "about", "range")
_SMALL = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]


def count_words(n: int, noun: str) -> str:
    """ "one report", "two reports", "12 reports"."""
    number = _SMALL[n] if n < len(_SMALL) else f"{n:,}"
    return f"{number} {noun}{'' if n == 1 else 's'}"


@dataclass(frozen=True)
class Figure:
    """A number and how precise it is, a range, or the source's words when it gave no number."""

    value: int | None
    qualifier: str = "exact"
    as_reported: str | None = None
    value_max: int | None = None

    @property
    def family(self) -> str:
        """Which other figures this one can be added to without losing its precision."""
        return "range" if self.value_max is not None else _FAMILY.get(self.qualifier or "exact", "about")

    def words(self) -> str:
        """The figure in words: "nearly 500", "between 100 and 150", "dozens (no number given)"."""
        if self.value is None:
            return f"{self.as_reported or 'unknown'} (no number given)"
        if self.value_max is not None:
            return f"between {self.value:,} and {self.value_max:,}"
        prefix = QUALIFIER_WORDS.get(self.qualifier or "exact", "")
        return f"{prefix} {self.value:,}".strip()


@dataclass(frozen=True)
class Sum:
    """A total: one figure per group of parts that add up honestly, and the words of parts with no number."""

    groups: tuple[Figure, ...]
    unnumbered: tuple[str, ...] = ()

    def words(self) -> str:
        """ "more than 190", "nearly 500 plus more than 150", "nearly 500, plus one report with no number (dozens)"."""
        said = "; ".join(dict.fromkeys(self.unnumbered))
        if not self.groups:
            return f"no number given ({said})"
        extra = f"{count_words(len(self.unnumbered), 'report')} with no number ({said})" if self.unnumbered else ""
        text = " plus ".join(g.words() for g in self.groups)
        return f"{text}, plus {extra}" if extra else text

    @property
    def exact(self) -> bool:
        """True when the total is one exact number."""
        return len(self.groups) == 1 and self.groups[0].family == "exact" and not self.unnumbered


def _combine(family: str, parts: list[Figure]) -> Figure:
    value = sum(p.value or 0 for p in parts)
    if family == "range":
        return Figure(value, "exact", None, sum(p.value_max if p.value_max is not None else p.value or 0 for p in parts))
    qualifiers = {p.qualifier or "exact" for p in parts} - {"exact"}
    if family == "lower":
        qualifier = "more-than" if "more-than" in qualifiers else "at-least"
    elif family == "upper":
        qualifier = "nearly" if qualifiers == {"nearly"} else "up-to"
    elif family == "about":
        qualifier = "about"
    else:
        qualifier = "exact"
    return Figure(value, qualifier)


def total(parts: Iterable[Figure]) -> Sum:
    """The sum of figures of one measure, keeping every part's precision.

    Exact parts join any group: added to a lower bound they keep a lower bound,
    to "nearly" they keep "nearly", to a range they shift it. Lower bounds add
    up with lower bounds, upper bounds with upper bounds, "about" with "about",
    ranges with ranges; groups of different kinds are shown side by side, since
    no single qualifier would be true of their sum.
    """
    groups: dict[str, list[Figure]] = {}
    unnumbered: list[str] = []
    for part in parts:
        if part.value is None:
            unnumbered.append(part.as_reported or "no words given")
        else:
            groups.setdefault(part.family, []).append(part)
    exact = groups.pop("exact", [])
    if exact:
        first = next((f for f in _ORDER if f in groups), "exact")
        groups.setdefault(first, []).extend(exact)
    ordered = sorted(groups, key=lambda f: _ORDER.index(f) if f in _ORDER else -1)
    return Sum(tuple(_combine(f, groups[f]) for f in ordered), tuple(unnumbered))
