"""Schema validation: raw documents → typed records, with plain-language problems."""

from __future__ import annotations

import difflib
import re
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ValidationError

from . import models, textcheck
from .kinds import KINDS
from .loader import Document, Loaded, Page
from .problems import Problem, field_path
from .vocab import Vocabularies

MAX_PER_FILE = 50
"""Problems shown for one record file: past these, one line says how many more (a file of 100,000 unknown
fields is one mistake repeated, and each shown problem costs a lookup and a line of output)."""


@dataclass
class Catalog:
    """Every valid record, by kind and id, with the documents that hold them."""

    operations: dict[str, models.Operation] = field(default_factory=dict)
    series: dict[str, models.Series] = field(default_factory=dict)
    agencies: dict[str, models.Agency] = field(default_factory=dict)
    sources: dict[str, models.Source] = field(default_factory=dict)
    countries: dict[str, models.CountryNotes] = field(default_factory=dict)
    pages: list[Page] = field(default_factory=list)
    vocab: Vocabularies = field(default_factory=Vocabularies)
    documents: dict[tuple[str, str], Document] = field(default_factory=dict)

    def table(self, kind: str) -> dict[str, Any]:
        """The records of one content folder."""
        return getattr(self, kind)


def validate(loaded: Loaded) -> tuple[Catalog, list[Problem]]:
    """Check each document against its model; keep the valid ones."""
    catalog = Catalog(pages=list(loaded.pages), vocab=loaded.vocab)
    problems = list(loaded.problems)
    context = {"vocab": loaded.vocab}
    for doc in loaded.documents:
        model = KINDS[doc.kind].model
        catalog.documents[(doc.kind, doc.id)] = doc
        cached = loaded.cached.get((doc.kind, doc.id))
        if cached is not None:  # the same bytes passed every check of this code and vocabulary before
            catalog.table(doc.kind)[doc.id] = cached
            continue
        found = 0
        omitted: tuple[str | int, ...] = ()
        for loc, message in [*textcheck.scan(doc.data), *placeholders(doc.data)]:
            found += 1
            if found <= MAX_PER_FILE:
                line, column = doc.where(loc)
                problems.append(Problem(doc.path, line, column, field_path(loc), message))
            elif found == MAX_PER_FILE + 1:
                omitted = loc
        if doc.data is None:  # a file holding only "---"
            problems.append(Problem(doc.path, 1, 1, "", "the file is empty; a record is a list of 'field: value' lines"))
            continue
        if not isinstance(doc.data, dict):
            got = "a list" if isinstance(doc.data, list) else f"'{doc.data}'"
            problems.append(Problem(doc.path, 1, 1, "", f"a record is a set of 'field: value' lines, but this file holds {got}"))
            continue
        try:
            catalog.table(doc.kind)[doc.id] = model.model_validate(doc.data, context=context)
        except ValidationError as exc:
            for error in exc.errors(include_url=False):
                found += 1
                loc = tuple(error["loc"])
                if found <= MAX_PER_FILE:
                    line, column = doc.where(loc)
                    problems.append(Problem(doc.path, line, column, field_path(loc), explain(error, model, doc)))
                elif found == MAX_PER_FILE + 1:
                    omitted = loc
        if found > MAX_PER_FILE:
            line, column = doc.where(omitted)
            problems.append(
                Problem(
                    doc.path,
                    line,
                    column,
                    field_path(omitted),
                    f"and {found - MAX_PER_FILE:,} more problems from here on, not listed; fix those above, then check again",
                )
            )
    return catalog, problems


_TODO = re.compile(r"\bTODO\b")


def placeholders(data: Any, loc: tuple[str | int, ...] = ()) -> list[tuple[tuple[str | int, ...], str]]:
    """Text still holding a placeholder that ``new`` wrote ("TODO ..."): a record that says TODO is not finished."""
    if isinstance(data, str):
        if _TODO.search(data):
            shown = data if len(data) <= 60 else data[:57] + "…"
            return [
                (
                    loc,
                    f"'{shown}' is still the placeholder that the new command wrote; replace it with what the source says "
                    "(in your own words), or remove the field if it is optional",
                )
            ]
        return []
    if isinstance(data, dict):
        return [found for key, value in data.items() for found in placeholders(value, (*loc, str(key)))]
    if isinstance(data, list):
        return [found for i, value in enumerate(data) for found in placeholders(value, (*loc, i))]
    return []


def _fields_at(model: type[BaseModel], loc: tuple[str | int, ...]) -> list[str]:
    """The field names allowed at a path, for did-you-mean suggestions."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        info = current.model_fields.get(part) if isinstance(current, type) and issubclass(current, BaseModel) else None
        if info is None:
            return []
        current = _model_in(info.annotation)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _model_in(annotation: Any) -> Any:
    """The BaseModel inside an annotation like ``list[Outcome] | None``."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _model_in(arg)
        if found is not None:
            return found
    if isinstance(annotation, types.UnionType):
        return None
    return None


def _shown(value: Any) -> str:
    text = repr(value) if not isinstance(value, str) or not value.isprintable() else f"'{value}'"
    return text if len(text) <= 60 else text[:57] + "…'"


def _suggest(word: Any, options: list[str]) -> str:
    if not isinstance(word, str):
        return ""
    close = difflib.get_close_matches(word.lower(), options, n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


_THOUSANDS = re.compile(r"[0-9]{1,3}(?:[.,\u00a0\u202f '’][0-9]{3})+")
"""A whole number written with a thousands separator, in any language's style: 1.450, 1,450, 1 450, 1’450."""


def _thousands(written: str) -> str:
    digits = re.sub(r"[^0-9]", "", written)
    return (
        f"'{written}' looks like {int(digits):,} written with a thousands separator (1.450 in Portuguese, Spanish or "
        f"German, 1,450 in English, 1 450 in French); write the whole number with no separator: value: {digits}"
    )


def _before(doc: Document | None, loc: tuple[str | int, ...]) -> tuple[str, Any] | None:
    """The field written just before the one at ``loc`` in the same mapping, with its value."""
    parent: Any = doc.data if doc is not None else None
    for part in loc[:-1]:
        try:
            parent = parent[part]
        except (KeyError, IndexError, TypeError):
            return None
    if not isinstance(parent, dict):
        return None
    keys = list(parent)
    i = keys.index(loc[-1]) if loc[-1] in keys else 0
    return (keys[i - 1], parent[keys[i - 1]]) if i > 0 else None


def _comma_in_braces(doc: Document | None, loc: tuple[str | int, ...], value: Any) -> str | None:
    """The message for a ``{…}`` entry split by a comma: ``{name: Buenos Aires, Argentina}`` or ``{value: 1,450}``."""
    if value is not None or not loc or not isinstance(loc[-1], str):
        return None
    before = _before(doc, loc)
    if before is None:
        return None
    field, first = before
    joined = f"{first}, {loc[-1]}"
    if isinstance(first, int) and _THOUSANDS.fullmatch(f"{first},{loc[-1]}"):
        return _thousands(f"{first},{loc[-1]}")
    return (
        f"'{loc[-1]}' is not a field: inside {{…}} a comma starts a new field, so '{joined}' was read as two; "
        f'put the text in quotes: {field}: "{joined}"'
    )


def explain(error: Mapping[str, Any], model: type[BaseModel], doc: Document | None = None) -> str:
    """A pydantic error as one plain-language sentence with what to do (``doc``: the file, for what was written)."""
    kind = error["type"]
    value: Any = error.get("input")
    ctx = error.get("ctx") or {}
    loc = tuple(error["loc"])
    if kind == "missing":
        return "this required field is missing; add it"
    if kind == "extra_forbidden":
        split = _comma_in_braces(doc, loc, value)
        if split:
            return split
        options = _fields_at(model, loc[:-1])
        tip = _suggest(loc[-1], options) or (f"; allowed fields here: {', '.join(options)}" if options else "")
        return f"'{loc[-1]}' is not a field of this record{tip}"
    if kind == "literal_error":
        options = [o.strip().strip("'") for o in ctx.get("expected", "").replace(" or ", ", ").split(",")]
        return f"{_shown(value)} is not one of {', '.join(options)}{_suggest(value, options)}"
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    if kind in ("int_type", "int_parsing", "int_from_float"):
        written = (doc.written(loc) if doc is not None else None) or (value if isinstance(value, str) else None)
        if written and _THOUSANDS.fullmatch(written.strip().strip("'\"")):
            return _thousands(written.strip().strip("'\""))
        if isinstance(value, float):
            return (
                f"{written or value} is not a whole number; figures are counts, written as the whole number the source "
                "gives (a statistic that is not a count, such as an average age, stays in the summary or a note)"
            )
        if isinstance(value, str) and value.strip().isdigit():
            return f"{_shown(value)} is in quotes; write the number without quotes"
        if isinstance(value, str):
            return (
                f"{_shown(value)} is not a whole number; write only the number in value "
                "(e.g. value: 500) and the precision in qualifier (e.g. qualifier: about)"
            )
        return f"{_shown(value)} is not a whole number"
    if kind == "greater_than_equal":
        return f"{_shown(value)} is negative; figures are counts of 0 or more"
    if kind == "string_pattern_mismatch":
        return f"{_shown(value)} is not a valid id: use lower-case letters a-z, digits and single hyphens (e.g. interpol)"
    if kind == "string_too_long":
        return f"this text is {len(value):,} characters long; at most {ctx.get('max_length'):,} are allowed"
    if kind == "string_too_short":
        return "this text is empty; write something or leave the field out"
    if kind == "too_short":
        return (
            "this list is empty; cite at least one source id"
            if loc and loc[-1] == "sources"
            else "this list needs at least one item"
        )
    if kind == "too_long":
        return f"this list has {ctx.get('actual_length'):,} items; at most {ctx.get('max_length'):,} are allowed"
    if kind == "string_type":
        if isinstance(value, bool):
            return f"{_shown(value)} was read as yes/no; put the text in quotes"
        if isinstance(value, (int, float)):
            return f"{_shown(value)} was read as a number; put it in quotes to make it text"
        return f"expected text, not {_kind_of(value)}"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"expected a set of 'field: value' lines here, not {_kind_of(value)}"
    if kind == "list_type":
        return f"expected a list (lines starting with '- '), not {_kind_of(value)}"
    if kind == "bool_type":
        return f"{_shown(value)} must be true or false"
    return str(error["msg"])


def _kind_of(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a set of fields"
    if isinstance(value, list):
        return "a list"
    return _shown(value)
