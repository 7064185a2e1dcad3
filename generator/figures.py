"""Figures at their precision: wording, and totals that never lose it.

A figure is a number with a qualifier as the source gave it. Totals are only
ever taken over one metric; the qualifier of a total follows from those of
its parts (more than 150 plus 40 is more than 190).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from . import vocab

_LOWER = {"more-than", "at-least"}  # the true number is at or above the value
_UPPER = {"nearly", "up-to"}  # the true number is at or below the value


@dataclass(frozen=True)
class Figure:
    """A number and how precise it is, or the source's words when it gave no number."""

    value: int | None
    qualifier: str = "exact"
    as_reported: str | None = None

    def words(self) -> str:
        """The figure in words: "nearly 500", "more than 150", "dozens (no number given)"."""
        if self.value is None:
            return f"{self.as_reported or 'unknown'} (no number given)"
        prefix = vocab.QUALIFIERS.get(self.qualifier or "exact", "")
        return f"{prefix} {self.value:,}".strip()


def total(parts: Iterable[Figure]) -> tuple[Figure | None, int]:
    """The sum of figures of one metric, and how many parts gave no number.

    The qualifier is exact only when every part is exact; lower bounds alone
    keep a lower bound, upper bounds alone an upper bound, and anything mixed
    or approximate becomes "about".
    """
    value = 0
    qualifiers: set[str] = set()
    unnumbered = 0
    counted = 0
    for part in parts:
        if part.value is None:
            unnumbered += 1
            continue
        counted += 1
        value += part.value
        qualifiers.add(part.qualifier or "exact")
    if not counted:
        return None, unnumbered
    qualifiers.discard("exact")
    if not qualifiers:
        qualifier = "exact"
    elif qualifiers <= _LOWER:
        qualifier = "more-than" if "more-than" in qualifiers else "at-least"
    elif qualifiers <= _UPPER:
        qualifier = "nearly" if qualifiers == {"nearly"} else "up-to"
    else:
        qualifier = "about"
    if unnumbered:
        # Parts with no number add an unknown amount: the sum is only a lower bound.
        qualifier = {"exact": "at-least", "nearly": "about", "up-to": "about"}.get(qualifier, qualifier)
    return Figure(value, qualifier), unnumbered
