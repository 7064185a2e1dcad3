"""A series' editions side by side: each edition's own figures per measure, at their precision,
and a sum only where it is honest.

Editions are never added together unless every edition gives one exact, final figure of the
measure for the whole edition; the sum then says what it counts. Otherwise the table says why
there is no sum (the first edition whose figure stops it).
"""

from __future__ import annotations

from dataclasses import dataclass

from . import outcomes
from .models import Operation, Outcome
from .site import Site
from .vocab import Term


@dataclass(frozen=True)
class Column:
    """One measure across the editions."""

    metric: Term
    cells: tuple[tuple[Outcome, ...], ...]
    """Per edition (in edition order), the edition's top-level figures of this measure."""
    total: int | None
    """The sum over the editions, when every edition's figure is exact, final and for the whole edition."""
    no_sum: str | None
    """Why there is no sum, when there is none."""
    sum_counts: str = ""
    """What the sum counts, when there is one: which editions, and that editions may overlap."""


def _whole(o: Outcome) -> bool:
    return not (o.country or o.phase or o.scope)


_MISSING = "missing"


def _why_not(edition: str, figures: tuple[Outcome, ...]) -> str | None:
    whole = [o for o in figures if _whole(o)]
    if not whole:
        return _MISSING
    if len(whole) > 1:
        return f"edition {edition} gives more than one figure of this measure"
    o = whole[0]
    if o.status != "final":
        return f"edition {edition}'s figure is {'a forecast' if o.status == 'forecast' else o.status}"
    if o.value is None or o.value_max is not None or (o.qualifier or "exact") != "exact":
        return f"edition {edition}'s figure is not exact ({outcomes.figure_of(o).words()})"
    return None


def columns(site: Site, editions: list[str]) -> list[Column]:
    """One column per measure any edition reports (vocabulary order), each edition's figures in it."""
    ops: list[Operation] = [site.catalog.operations[oid] for oid in editions]
    out = []
    for metric in site.catalog.vocab.measures.values():
        cells = tuple(tuple(o for o in outcomes.top_level(op) if o.metric == metric) for op in ops)
        if not any(cells):
            continue
        no_sum: str | None = None
        if not metric.totals:
            no_sum = f"figures of this measure are never added up ({metric.not_totalled_because})"
        elif len(ops) < 2:
            no_sum = "only one edition"
        else:
            reasons = [why for op, cell in zip(ops, cells, strict=True) if (why := _why_not(op.edition or op.name, cell))]
            missing = reasons.count(_MISSING)
            said = [f"{missing} of the {len(ops)} editions give{'s' if missing == 1 else ''} no figure for the whole edition"]
            said = (said if missing else []) + [why for why in reasons if why != _MISSING][:1]
            no_sum = "; ".join(said) or None
        total = None
        counts = ""
        if no_sum is None:
            total = sum(next(o for o in cell if _whole(o)).value or 0 for cell in cells)
            first, last = (op.edition or op.name for op in (ops[0], ops[-1]))
            counts = (
                f"{metric.label} in the {len(ops)} editions in the catalogue ({first} to {last}), each edition's own exact "
                "figure added once; the same person or thing may be counted in more than one edition"
            )
        out.append(Column(metric, cells, total, no_sum, counts))
    return out
