"""The record schemas: what each YAML file in content/ may hold.

Declarative pydantic models with a one-line docstring per field; the JSON
Schemas in ``schemas/`` are exported from these (``python -m generator schema``).
Checks that span fields or records (a qualifier without a value, unknown ids)
live in ``rules.py``, where they can name the exact field.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StrictInt, StringConstraints

from . import countries, dates, vocab
from .textmd import nesting_problem

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
ID_RE = re.compile(ID_PATTERN)
MAX_TEXT = 20_000
MAX_LINE = 300
MAX_ITEMS = 1_000


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


def _choice(table: dict) -> type:
    """A closed vocabulary as a Literal type, so the JSON Schema lists the allowed values."""
    return Literal[tuple(table)]  # type: ignore[return-value]


RecordId = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=80)]
EdtfDate = Annotated[str, AfterValidator(_edtf)]
CountryCode = Annotated[str, AfterValidator(_country)]
Url = Annotated[str, StringConstraints(max_length=2000), AfterValidator(_url)]
Language = Annotated[str, AfterValidator(_language)]
Line = Annotated[str, StringConstraints(min_length=1, max_length=MAX_LINE), AfterValidator(_one_line)]
Text = Annotated[str, StringConstraints(min_length=1, max_length=MAX_TEXT), AfterValidator(_markdown)]
Sources = Annotated[list[RecordId], Field(min_length=1, max_length=50)]


def _list(item: object, maximum: int = MAX_ITEMS) -> object:
    return Annotated[list[item], Field(max_length=maximum)]  # type: ignore[valid-type]


class Record(BaseModel):
    """Common settings: unknown fields are errors, docstrings become schema descriptions."""

    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True, frozen=True, strict=True)


class Period(Record):
    """A span of time; either end may be left out when the source does not give it."""

    start: EdtfDate | None = None
    """First day, month or year of the span, as precise as the source."""
    end: EdtfDate | None = None
    """Last day, month or year of the span, as precise as the source."""
    sources: Sources
    """Ids of the sources that give these dates."""


class Announcement(Record):
    """When results were made public."""

    date: EdtfDate
    """Date of the announcement, as precise as the source."""
    sources: Sources
    """Ids of the sources that give this date."""


class AgencyPart(Record):
    """An agency's part in an operation."""

    agency: RecordId
    """Id of the agency record (file name in content/agencies/ without .yml)."""
    role: _choice(vocab.AGENCY_ROLES)  # type: ignore[valid-type]
    """What the agency did: one of the agency roles."""
    note: Line | None = None
    """Optional detail on the role, in your own words."""


class CountryPart(Record):
    """A country's part in an operation."""

    country: CountryCode
    """Lower-case ISO 3166-1 alpha-2 code, e.g. ae, pk, gb."""
    role: _choice(vocab.COUNTRY_ROLES)  # type: ignore[valid-type]
    """What the country did: one of the country roles."""
    note: Line | None = None
    """Optional detail on the role, in your own words."""


class Place(Record):
    """A city, region or site the source names."""

    name: Line
    """The place as the source names it."""
    country: CountryCode | None = None
    """Country of the place, if known."""


class CountryCount(Record):
    """How many countries the sources say took part, when they give a number but no full list."""

    value: StrictInt = Field(ge=0)
    """The number as the source gives it."""
    qualifier: _choice(vocab.QUALIFIERS) = "exact"  # type: ignore[valid-type]
    """The source's precision: exact, about, nearly, at-least, more-than or up-to."""
    sources: Sources
    """Ids of the sources that give this number."""
    note: Line | None = None
    """What the number includes or leaves out."""


class Outcome(Record):
    """A reported result, at the precision of its source."""

    metric: _choice(vocab.METRICS)  # type: ignore[valid-type]
    """What is counted: one of the metrics; different metrics are never added together."""
    value: StrictInt | None = Field(default=None, ge=0)
    """The number as a whole number; leave out when the source gives none."""
    qualifier: _choice(vocab.QUALIFIERS) | None = None  # type: ignore[valid-type]
    """The source's precision (exact when left out): exact, about, nearly, at-least, more-than, up-to."""
    as_reported: Line | None = None
    """The source's words when it gives no number, e.g. dozens."""
    sources: Sources
    """Ids of the sources that report this figure."""
    note: Line | None = None
    """What the figure covers, in your own words."""


class Event(Record):
    """One dated step in an operation's timeline."""

    date: EdtfDate | None = None
    """Date of the step, as precise as the source; leave out when the source gives none."""
    text: Text
    """What happened, in your own words."""
    sources: Sources
    """Ids of the sources that report it."""


class Person(Record):
    """Someone quoted or named in a public role; never a victim or a suspect."""

    name: Line
    """Name as published in the source."""
    title: Line
    """Public position, e.g. Director General."""
    role: _choice(vocab.PERSON_ROLES)  # type: ignore[valid-type]
    """Public role: one of the person roles."""
    agency: RecordId | None = None
    """Id of the agency the person speaks for."""
    sources: Sources
    """Ids of the sources that name the person."""


class Operation(Record):
    """An operation, case, takedown, initiative or meeting: content/operations/<id>.yml."""

    name: Line
    """Name of the operation, or a plain description when it has none."""
    descriptive_name: bool = False
    """True when no official name is reported and the name is the project's description."""
    kind: _choice(vocab.OPERATION_KINDS) = "operation"  # type: ignore[valid-type]
    """What this record describes: one of the operation kinds."""
    aliases: _list(Line, 20) = []  # type: ignore[valid-type]
    """Other names and acronyms readers may search for."""
    summary: Text
    """What happened, in your own words (Markdown)."""
    crime_areas: Annotated[list[_choice(vocab.CRIME_AREAS)], Field(min_length=1, max_length=20)]  # type: ignore[valid-type]
    """Crime areas addressed, from the crime-area list."""
    period: Period | None = None
    """When the action took place (the action window)."""
    reporting_period: Period | None = None
    """The window that reported figures cover, when it differs from the action window."""
    announced: Announcement | None = None
    """When the results were made public."""
    agencies: _list(AgencyPart) = []  # type: ignore[valid-type]
    """Agencies that took part, with their roles."""
    countries: _list(CountryPart) = []  # type: ignore[valid-type]
    """Countries that took part, with their roles (only those the sources name)."""
    countries_count: CountryCount | None = None
    """The number of countries the sources give, when they do not name them all."""
    countries_note: Line | None = None
    """What the sources say, or leave out, about which countries took part."""
    places: _list(Place, 100) = []  # type: ignore[valid-type]
    """Cities, regions and sites the sources name."""
    outcomes: _list(Outcome, 200) = []  # type: ignore[valid-type]
    """Reported results, each with its precision and source."""
    events: _list(Event, 200) = []  # type: ignore[valid-type]
    """The operation's own timeline."""
    people: _list(Person, 50) = []  # type: ignore[valid-type]
    """People named in a public role (officials, spokespeople)."""
    related: _list(RecordId, 50) = []  # type: ignore[valid-type]
    """Ids of related operations (background, series, follow-ups)."""
    sources: Sources
    """Ids of the sources for this record."""
    former_ids: _list(RecordId, 20) = []  # type: ignore[valid-type]
    """Ids this record had before a rename or merge; their old addresses redirect here."""


class Agency(Record):
    """An agency, organisation, unit or programme: content/agencies/<id>.yml."""

    name: Line
    """Full name."""
    short_name: Line | None = None
    """Acronym or short name, e.g. NCCIA."""
    aliases: _list(Line, 20) = []  # type: ignore[valid-type]
    """Other names readers may search for."""
    kind: _choice(vocab.AGENCY_KINDS)  # type: ignore[valid-type]
    """What kind of body this is: one of the agency kinds."""
    country: CountryCode | None = None
    """Where it is based; leave out for international bodies."""
    parent: RecordId | None = None
    """Id of the agency this unit or bureau belongs to."""
    website: Url | None = None
    """Official web address, only one you have checked."""
    summary: Text
    """What it is and does, in your own words (Markdown)."""
    sources: Sources
    """Ids of the sources for this record."""
    former_ids: _list(RecordId, 20) = []  # type: ignore[valid-type]
    """Ids this record had before a rename or merge; their old addresses redirect here."""


class Source(Record):
    """A report that records cite: content/sources/<id>.yml."""

    title: Line
    """Headline or title as published."""
    publisher: Line | None = None
    """Who published it, if known."""
    author: Line | None = None
    """Byline, if any."""
    url: Url | None = None
    """Web address, only one you have actually seen."""
    published: EdtfDate | None = None
    """Publication date, only if stated."""
    kind: _choice(vocab.SOURCE_KINDS)  # type: ignore[valid-type]
    """What kind of source: one of the source kinds."""
    language: Language = "en"
    """Two-letter ISO 639-1 language code."""
    note: Text | None = None
    """What is known or missing about this source (no URL, no date, its own sources)."""
    former_ids: _list(RecordId, 20) = []  # type: ignore[valid-type]
    """Ids this record had before a rename or merge."""


class CountryNotes(Record):
    """Curated notes for a country page: content/countries/<iso2>.yml."""

    notes: Text
    """Context for the country page, in your own words (Markdown)."""
    sources: Sources
    """Ids of the sources for these notes."""


KINDS: dict[str, type[Record]] = {
    "operations": Operation,
    "agencies": Agency,
    "sources": Source,
    "countries": CountryNotes,
}
"""Folder in content/ → the model of the records it holds."""
