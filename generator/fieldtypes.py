"""Field types of the records: ids, dates, country codes, vocabulary terms, with their checks and JSON Schemas."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any
from urllib.parse import urlsplit

from pydantic import AfterValidator, Field, StringConstraints, WithJsonSchema
from pydantic_core import core_schema

from . import countries, dates, vocab
from .textmd import nesting_problem
from .vocab import Term

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
ID_RE = re.compile(ID_PATTERN)
MAX_TEXT = 20_000
MAX_LINE = 300
MAX_PASSAGE = 1000
MAX_ITEMS = 1_000

# The date forms dates.parse accepts, as a JSON Schema pattern (ECMA-262: no named groups).
_MONTH = r"(0[1-9]|1[0-2])"
_DAY = r"(0[1-9]|[12][0-9]|3[01])"
EDTF_PATTERN = rf"^((19|2[0-9])[0-9]{{2}}(-{_MONTH}(-{_DAY})?)?[~?%]?|XXXX-{_MONTH}(-{_DAY})?|XXXX-XX-{_DAY})$"
DURATION_PATTERN = r"^[1-9][0-9]{0,3} (day|week|month|year)s?$"


def _edtf(value: str) -> str:
    date = dates.parse(value)
    first = date.first_day()
    if first is not None and first > dt.date.today():
        raise ValueError(f"'{value}' is in the future; records describe what has happened")
    return value


def _country(value: str) -> str:
    if value != value.lower() or countries.get(value) is None:
        hint = countries.suggest(value)
        known = countries.get(hint) if hint else None
        tip = f"; did you mean '{hint}' ({known.name})?" if known else ""
        raise ValueError(f"'{value}' is not a lower-case ISO 3166-1 alpha-2 country code{tip}")
    return value


def _url(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace() for c in value):
        raise ValueError(f"'{value}' is not a web address starting with http:// or https://")
    return value


def _language(value: str) -> str:
    import pycountry

    if pycountry.languages.get(alpha_2=value) is None:
        raise ValueError(f"'{value}' is not a two-letter ISO 639-1 language code such as en, fr or ar")
    return value


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("this text is blank (only spaces); write something or leave the field out")
    return value


def _markdown(value: str) -> str:
    problem = nesting_problem(value)
    if problem:
        raise ValueError(problem)
    return _not_blank(value)


def _one_line(value: str) -> str:
    # A line break would split a heading or a table row; \r and the Unicode separators are refused with the control characters.
    if "\n" in value:
        tip = " (a folded block '>' keeps a final line break: write '>-')" if value.find("\n") == len(value) - 1 else ""
        raise ValueError(f"this field is one line of text, but it holds a line break; write it on one line{tip}")
    return _not_blank(value)


def _duration(value: str) -> str:
    if not re.match(DURATION_PATTERN, value):
        raise ValueError(f"'{value}' is not a duration such as '2 years', '6 months' or '10 days'")
    return value


def _country_schema() -> dict[str, Any]:
    found = [countries.get(code) for code in countries.all_codes()]
    options = [{"const": c.code, "title": c.name} for c in found if c is not None]
    return {"type": "string", "anyOf": options}


class TermOf:
    """Marks a text field as a term of one vocabulary file (content/vocab/<name>.yml).

    The check reads the vocabulary of the content folder being checked (passed as
    validation context); the JSON Schema lists the project's own terms with their
    labels and definitions."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> core_schema.CoreSchema:
        return core_schema.with_info_after_validator_function(self._check, core_schema.str_schema())

    def _check(self, value: str, info: core_schema.ValidationInfo) -> Term:
        vocabularies = (info.context or {}).get("vocab") or vocab.shipped()
        vocabulary = vocabularies.get(self.name)
        term = vocabulary.terms.get(value)
        if term is None:
            raise ValueError(vocabulary.missing(value))
        return term

    def __get_pydantic_json_schema__(self, schema: Any, handler: Any) -> dict[str, Any]:
        vocabulary = vocab.shipped().get(self.name)
        options = [{"const": str(t), "title": t.label, "description": t.definition} for t in vocabulary.terms.values()]
        return {"type": "string", "anyOf": options, "description": f"A term of content/vocab/{self.name}.yml."}


class RefTo:
    """Marks a field as naming records of another kind (its content folder).

    Declared once, on the field: the linked site's reverse links (what cites a source)
    and each page's inputs follow these markers through the validated records."""

    def __init__(self, kind: str) -> None:
        self.kind = kind

    def __repr__(self) -> str:
        return f"RefTo({self.kind!r})"


RecordId = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=80)]
EdtfDate = Annotated[
    str,
    AfterValidator(_edtf),
    WithJsonSchema({"type": "string", "pattern": EDTF_PATTERN, "description": dates.FORMS_HELP}),
]
CountryCode = Annotated[str, AfterValidator(_country), WithJsonSchema(_country_schema())]
Url = Annotated[str, StringConstraints(max_length=2000), AfterValidator(_url)]
Language = Annotated[str, AfterValidator(_language)]
Line = Annotated[str, StringConstraints(min_length=1, max_length=MAX_LINE), AfterValidator(_one_line)]
Passage = Annotated[str, StringConstraints(min_length=1, max_length=MAX_PASSAGE), AfterValidator(_one_line)]
"""Plain text of a few sentences on one line (a ``>-`` block is fine): longer than a Line, no Markdown."""
Text = Annotated[str, StringConstraints(min_length=1, max_length=MAX_TEXT), AfterValidator(_markdown)]
Duration = Annotated[str, StringConstraints(pattern=DURATION_PATTERN, max_length=20), AfterValidator(_duration)]
Sources = Annotated[list[RecordId], Field(min_length=1, max_length=50), RefTo("sources")]
OptionalSources = Annotated[list[RecordId], Field(max_length=50), RefTo("sources")]
AgencyId = Annotated[RecordId, RefTo("agencies")]
Measure = Annotated[Term, TermOf("measures")]
Qualifier = Annotated[Term, TermOf("qualifiers")]
CrimeArea = Annotated[Term, TermOf("crime-areas")]
OperationKind = Annotated[Term, TermOf("operation-kinds")]
AgencyKind = Annotated[Term, TermOf("agency-kinds")]
AgencyRole = Annotated[Term, TermOf("agency-roles")]
CountryRole = Annotated[Term, TermOf("country-roles")]
PersonRole = Annotated[Term, TermOf("person-roles")]
SourceKind = Annotated[Term, TermOf("source-kinds")]
FigureStatus = Annotated[Term, TermOf("figure-statuses")]
SeriesId = Annotated[RecordId, RefTo("series")]
Names = Annotated[list[Line], Field(max_length=20)]
OperationIds = Annotated[list[RecordId], Field(max_length=50), RefTo("operations")]
