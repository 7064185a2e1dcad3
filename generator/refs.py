"""References between records, declared once on the model fields (``fieldtypes.RefTo``).

``references`` walks a validated record and yields the records it names; ``paths``
gives the same fields as path patterns, for checks that point at a line of the raw YAML.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

from pydantic import BaseModel

from .fieldtypes import RefTo

RecordKey = tuple[str, str]
"""(kind, id): a record by its content folder and id, e.g. ("operations", "operation-x")."""


@cache
def _fields(model: type[BaseModel]) -> tuple[tuple[str, str | None], ...]:
    """(field name, kind it references or None) of the fields that reference records or hold models."""
    out = []
    for name, info in model.model_fields.items():
        target = _ref_in(info.metadata) or _ref_in_annotation(info.annotation)
        if target is not None or _holds_model(info.annotation):
            out.append((name, target))
    return tuple(out)


def _ref_in(metadata: Iterable[object]) -> str | None:
    return next((m.kind for m in metadata if isinstance(m, RefTo)), None)


def _ref_in_annotation(annotation: Any) -> str | None:
    found = _ref_in(getattr(annotation, "__metadata__", ()))
    if found is not None:
        return found
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _ref_in_annotation(arg)
        if found is not None:
            return found
    return None


def _holds_model(annotation: Any) -> bool:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return True
    origin = getattr(annotation, "__origin__", None)
    if origin is not None and _holds_model(origin):
        return True
    return any(_holds_model(arg) for arg in getattr(annotation, "__args__", ()) or ())


def references(record: BaseModel) -> Iterator[RecordKey]:
    """Every record a validated record names, in field order (repeats included)."""
    for name, target in _fields(type(record)):
        value = getattr(record, name)
        items = value if isinstance(value, list) else (value,)
        for item in items:
            if item is None:
                continue
            if target is not None:
                yield (target, item)
            elif isinstance(item, BaseModel):
                yield from references(item)


def paths(model: type[BaseModel]) -> Iterator[tuple[tuple[str, ...], str]]:
    """(path pattern with "*" for each list item, kind referenced) of every referencing field of a model."""
    for name, info in model.model_fields.items():
        target = _ref_in(info.metadata) or _ref_in_annotation(info.annotation)
        many = _is_list(info.annotation)
        here = (name, "*") if many else (name,)
        if target is not None:
            yield here, target
        else:
            for inner in _models_in(info.annotation):
                for pattern, kind in paths(inner):
                    yield (*here, *pattern), kind


def _is_list(annotation: Any) -> bool:
    if getattr(annotation, "__origin__", None) is list:
        return True
    return any(_is_list(arg) for arg in getattr(annotation, "__args__", ()) or () if arg is not type(None))


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in getattr(annotation, "__args__", ()) or () for m in _models_in(arg)]
