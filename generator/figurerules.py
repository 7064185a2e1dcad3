"""Checks on an operation's figures and phases: numbers that make sense, parts that fit their whole,
scopes that name something, and no figure that could be counted twice."""

from __future__ import annotations

from collections.abc import Iterator

from . import dates, models

Loc = tuple[str | int, ...]


def _value_problems(loc: Loc, item: models.Outcome | models.ReportedValue) -> Iterator[tuple[Loc, str]]:
    if item.value is None and item.qualifier is not None:
        yield (
            (*loc, "qualifier"),
            "a qualifier needs a number in value; if the source gives none, drop the qualifier and use as_reported",
        )
    if item.value is None and item.as_reported is None:
        yield loc, "give the number in value, or the source's own words (e.g. dozens) in as_reported"
    if item.value_max is not None:
        if item.value is None:
            yield (*loc, "value_max"), "a range needs its lower end in value as well"
        elif item.value_max <= item.value:
            yield (*loc, "value_max"), f"the upper end ({item.value_max}) must be above the lower end in value ({item.value})"
        if item.qualifier is not None and item.qualifier != "exact":
            yield (*loc, "qualifier"), "a range ('between 100 and 150') takes no qualifier; leave it out"


def _upper(o: models.Outcome) -> int | None:
    """The most a figure can stand for, when its words set a ceiling."""
    if o.value is None:
        return None
    if o.value_max is not None:
        return o.value_max
    return o.value if (o.qualifier or "exact") in ("exact", "nearly", "up-to") else None


def _lower(o: models.Outcome) -> int | None:
    """The least a figure can stand for, when its words set a floor."""
    if o.value is None:
        return None
    return o.value if (o.qualifier or "exact") in ("exact", "at-least", "more-than") or o.value_max is not None else None


def figure_problems(op: models.Operation) -> Iterator[tuple[Loc, str]]:
    """Every problem with the figures and phases of one operation, with its field path."""
    ids: dict[str, int] = {}
    for i, o in enumerate(op.outcomes):
        if o.id:
            if o.id in ids:
                yield ("outcomes", i, "id"), f"'{o.id}' is already the id of outcomes[{ids[o.id]}]; give each figure its own id"
            ids.setdefault(o.id, i)
    phase_ids: dict[str, int] = {}
    for i, ph in enumerate(op.phases):
        if ph.id in phase_ids:
            yield ("phases", i, "id"), f"'{ph.id}' is already the id of phases[{phase_ids[ph.id]}]"
        phase_ids.setdefault(ph.id, i)
        yield from _span_problems(("phases", i), ph)
    for name in ("period", "reporting_period"):
        span = getattr(op, name)
        if span is not None and span.duration and span.end:
            yield (name, "duration"), "give either an end or a duration, not both"

    for i, o in enumerate(op.outcomes):
        loc: Loc = ("outcomes", i)
        yield from _value_problems(loc, o)
        for j, other in enumerate(o.reported):
            yield from _value_problems((*loc, "reported", j), other)
        if o.reported and not o.chosen_because:
            yield (*loc, "chosen_because"), "say why value is the one used in totals rather than the values under reported"
        if o.chosen_because and not o.reported:
            yield (
                (*loc, "chosen_because"),
                "chosen_because explains a choice between values; list the other values under reported",
            )
        if o.phase and o.phase not in phase_ids:
            known = ", ".join(phase_ids) or "none yet; add them under phases"
            yield (*loc, "phase"), f"no phase of this record has the id '{o.phase}' (phases: {known})"
        if o.part_of:
            yield from _part_problems(op, loc, o, ids)
    yield from _double_counts(op)


def _span_problems(loc: Loc, span: models.Phase) -> Iterator[tuple[Loc, str]]:
    if span.duration and span.end:
        yield (*loc, "duration"), "give either an end or a duration, not both"
    if span.start and span.end:
        first, last = dates.parse(span.start).first_day(), dates.parse(span.end).last_day()
        if first is not None and last is not None and last < first:
            yield (*loc, "end"), f"the end ({span.end}) is before the start ({span.start})"


def _part_problems(op: models.Operation, loc: Loc, o: models.Outcome, ids: dict[str, int]) -> Iterator[tuple[Loc, str]]:
    if o.part_of == o.id:
        yield (*loc, "part_of"), "a figure cannot be part of itself"
        return
    if o.part_of not in ids:
        known = ", ".join(ids) or "none yet; give the whole figure an id"
        yield (*loc, "part_of"), f"no figure of this record has the id '{o.part_of}' (figure ids: {known})"
        return
    seen = {o.id}
    current: models.Outcome | None = op.outcomes[ids[o.part_of]]
    while current is not None and current.part_of:
        if current.id in seen or current.part_of == o.id:
            yield (*loc, "part_of"), "these figures are parts of each other in a loop; one part_of is wrong"
            return
        seen.add(current.id)
        current = op.outcomes[ids[current.part_of]] if current.part_of in ids else None
    whole = op.outcomes[ids[o.part_of]]
    low, high = _lower(o), _upper(whole)
    if low is not None and high is not None and low > high:
        yield (*loc, "value"), f"a part ({low:,}) cannot be larger than its whole ({high:,}); check the numbers or part_of"


def _double_counts(op: models.Operation) -> Iterator[tuple[Loc, str]]:
    """Two figures of one measure, same scope, neither part of the other: a total would add them twice."""
    seen: dict[tuple[str, str | None, str | None, str | None], int] = {}
    named = {o.id: o for o in op.outcomes if o.id}

    def related(a: models.Outcome, b: models.Outcome) -> bool:
        for x, y in ((a, b), (b, a)):
            current = x
            for _ in range(len(op.outcomes)):
                if not current.part_of or current.part_of not in named:
                    break
                current = named[current.part_of]
                if current is y:
                    return True
        return a.part_of is not None and a.part_of == b.part_of  # parts of one whole: a breakdown

    for i, o in enumerate(op.outcomes):
        key = (str(o.metric), o.country, o.phase, o.scope)
        if key in seen and not related(op.outcomes[seen[key]], o):
            yield (
                ("outcomes", i, "metric"),
                f"outcomes[{seen[key]}] already gives {o.metric.label} for the same scope; if one is part of the other, "
                "give the whole an id and the part part_of; if they are values of the same figure, keep one and list the "
                "other under reported; if they cover different things, say so in scope",
            )
        seen.setdefault(key, i)
