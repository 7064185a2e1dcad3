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
            yield (
                (*loc, "value_max"),
                "a range needs its lower end in value as well; add value (or leave value_max out if the source gives one number)",
            )
        elif item.value_max <= item.value:
            yield (
                (*loc, "value_max"),
                f"the upper end ({item.value_max}) must be above the lower end in value ({item.value}); check which is which",
            )
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
    phase_ids: dict[str, int] = {}
    for i, ph in enumerate(op.phases):
        if ph.id in phase_ids:
            yield ("phases", i, "id"), f"'{ph.id}' is already the id of phases[{phase_ids[ph.id]}]; give each phase its own id"
        phase_ids.setdefault(ph.id, i)
        yield from _span_problems(("phases", i), ph)
    for name in ("period", "reporting_period"):
        span = getattr(op, name)
        if span is not None:
            yield from _span_problems((name,), span)
    yield from outcome_problems(op.outcomes, phase_ids)


def outcome_problems(
    outcomes: list[models.Outcome] | list[models.ScopedOutcome], phase_ids: dict[str, int] | None
) -> Iterator[tuple[Loc, str]]:
    """Every problem with one record's list of figures (``phase_ids`` None: a record without phases)."""
    ids: dict[str, int] = {}
    for i, o in enumerate(outcomes):
        if o.id:
            if o.id in ids:
                yield ("outcomes", i, "id"), f"'{o.id}' is already the id of outcomes[{ids[o.id]}]; give each figure its own id"
            ids.setdefault(o.id, i)
    looped = _looped(outcomes, ids)
    for i, o in enumerate(outcomes):
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
        if o.phase and phase_ids is None:
            yield (*loc, "phase"), "only an operation's figures name a phase; say what the figure covers in scope instead"
        elif o.phase and phase_ids is not None and o.phase not in phase_ids:
            known = ", ".join(phase_ids) or "none yet; add them under phases"
            yield (*loc, "phase"), f"no phase of this record has the id '{o.phase}' (phases: {known}); use one of those ids"
        if o.status_words and o.status == "final":
            yield (
                (*loc, "status_words"),
                f"status_words gives the source's words for a provisional figure or a forecast; add status: provisional "
                f"or status: forecast (the words '{o.status_words}' suggest which), or leave status_words out",
            )
        if o.part_of:
            yield from _part_problems(outcomes, loc, o, ids, looped)
    yield from _double_counts(outcomes, ids)


_UNIT_DAYS = {"day": 1.0, "week": 7.0, "month": 30.44, "year": 365.25}


def duration_problem(start: str, end: str, duration: str) -> str | None:
    """A stated duration that cannot be the length from start to end (None when they agree or cannot be compared).

    Stated lengths are rounded ("two weeks" for twelve days), so they agree when the duration is within one
    of its units of the shortest or longest span the two dates (at their precision) can stand for."""
    first, last = dates.parse(start), dates.parse(end)
    a0, a1, b0, b1 = first.first_day(), first.last_day(), last.first_day(), last.last_day()
    if a0 is None or a1 is None or b0 is None or b1 is None:  # a year not stated: nothing to compare
        return None
    shortest = max((b0 - a1).days + 1, 1)
    longest = (b1 - a0).days + 1
    count, unit = duration.split()[0], duration.split()[1].rstrip("s")
    size = _UNIT_DAYS[unit]
    if shortest / size - 1 <= int(count) <= longest / size + 1:
        return None
    span = f"{shortest} days" if shortest == longest else f"between {shortest} and {longest} days"
    return (
        f"the duration ({duration}) does not fit the dates: from {start} to {end} is {span}; "
        "check the three against the source, and if it states them so, keep the dates and say so in inferred"
    )


def _span_problems(loc: Loc, span: models.Phase | models.Period) -> Iterator[tuple[Loc, str]]:
    if span.start and span.end:
        first, last = dates.parse(span.start).first_day(), dates.parse(span.end).last_day()
        if first is not None and last is not None and last < first:
            return  # the order check names this one
        if span.duration:
            problem = duration_problem(span.start, span.end, span.duration)
            if problem:
                yield (*loc, "duration"), problem


Outcomes = list[models.Outcome] | list[models.ScopedOutcome]


def _parents(outcomes: Outcomes, ids: dict[str, int]) -> list[int | None]:
    """The index of each figure's whole (its part_of), or None."""
    return [ids.get(o.part_of) if o.part_of else None for o in outcomes]


def _looped(outcomes: Outcomes, ids: dict[str, int]) -> set[int]:
    """The figures whose chain of wholes runs into a loop, found in one pass (each figure is walked once)."""
    parent = _parents(outcomes, ids)
    state: dict[int, bool] = {}  # index -> leads into a loop
    for start in range(len(parent)):
        path: list[int] = []
        on_path: set[int] = set()
        current: int | None = start
        result = False
        while current is not None:
            if current in state:
                result = state[current]
                break
            if current in on_path:
                result = True
                break
            on_path.add(current)
            path.append(current)
            current = parent[current]
        for i in path:
            state[i] = result
    return {i for i, loops in state.items() if loops}


def _part_problems(
    outcomes: Outcomes, loc: Loc, o: models.Outcome, ids: dict[str, int], looped: set[int]
) -> Iterator[tuple[Loc, str]]:
    if o.part_of == o.id:
        yield (
            (*loc, "part_of"),
            "a figure cannot be part of itself; name the id of the figure that contains it, or leave part_of out",
        )
        return
    if o.part_of not in ids:
        known = ", ".join(ids) or "none yet; give the whole figure an id"
        yield (*loc, "part_of"), f"no figure of this record has the id '{o.part_of}' (figure ids: {known}); use one of those ids"
        return
    if ids[o.part_of] in looped:
        yield (*loc, "part_of"), "these figures are parts of each other in a loop; one part_of is wrong"
        return
    whole = outcomes[ids[o.part_of]]
    low, high = _lower(o), _upper(whole)
    if low is not None and high is not None and low > high:
        yield (*loc, "value"), f"a part ({low:,}) cannot be larger than its whole ({high:,}); check the numbers or part_of"


def _spans(parent: list[int | None]) -> tuple[list[int], list[int]]:
    """Entry and exit times of a walk over the figures' tree of wholes (figures in a loop get none: -1):
    ``a`` is a whole of ``b``, however far up, when ``a`` is entered before ``b`` and left after it."""
    children: list[list[int]] = [[] for _ in parent]
    roots = []
    for i, p in enumerate(parent):
        if p is None or p == i:
            roots.append(i)
        else:
            children[p].append(i)
    enter, leave = [-1] * len(parent), [-1] * len(parent)
    clock = 0
    for root in roots:
        stack = [(root, False)]
        while stack:
            node, done = stack.pop()
            if done:
                leave[node] = clock
                clock += 1
                continue
            enter[node] = clock
            clock += 1
            stack.append((node, True))
            stack.extend((child, False) for child in reversed(children[node]))
    return enter, leave


def _double_counts(outcomes: Outcomes, ids: dict[str, int]) -> Iterator[tuple[Loc, str]]:
    """Two figures of one measure, same scope, neither part of the other: a total would add them twice.
    (A forecast is never added, so it may stand beside the figure of what was found.) Linear: whether one
    figure is part of another, however far up, is read from one walk over the tree of wholes."""
    seen: dict[tuple[str, str | None, str | None, str | None, bool], int] = {}
    enter, leave = _spans(_parents(outcomes, ids))

    def whole_of(a: int, b: int) -> bool:
        return enter[a] >= 0 and enter[b] >= 0 and enter[a] < enter[b] and leave[b] < leave[a]

    def related(i: int, j: int) -> bool:
        a, b = outcomes[i], outcomes[j]
        if whole_of(i, j) or whole_of(j, i):
            return True
        return a.part_of is not None and a.part_of == b.part_of  # parts of one whole: a breakdown

    for i, o in enumerate(outcomes):
        key = (str(o.metric), o.country, o.phase, o.scope, o.status == "forecast")
        if key in seen and not related(seen[key], i):
            yield (
                ("outcomes", i, "metric"),
                f"outcomes[{seen[key]}] already gives {o.metric.label} for the same scope; if one is part of the other, "
                "give the whole an id and the part part_of; if they are values of the same figure, keep one and list the "
                "other under reported; if they cover different things, say so in scope",
            )
        seen.setdefault(key, i)
