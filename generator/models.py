"""The record schemas: what each YAML file in content/ may hold.

Declarative pydantic models with a one-line docstring per field; the JSON
Schemas in ``schemas/`` are exported from these (``python -m generator schema``),
with the same date forms, country codes and vocabulary terms the check uses.
Checks that span fields or records (a qualifier without a value, unknown ids)
live in ``rules.py``, where they can name the exact field.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictInt

from .fieldtypes import (
    ID_PATTERN,
    ID_RE,
    MAX_ITEMS,
    AgencyId,
    AgencyKind,
    AgencyRole,
    CountryCode,
    CountryRole,
    CrimeArea,
    Duration,
    EdtfDate,
    FigureStatus,
    Language,
    Line,
    Measure,
    Names,
    OperationIds,
    OperationKind,
    OptionalSources,
    Passage,
    PersonRole,
    Qualifier,
    RecordId,
    SeriesId,
    SourceKind,
    Sources,
    TermOf,
    Text,
    Url,
)

__all__ = ["ID_PATTERN", "ID_RE", "TermOf"]


class Record(BaseModel):
    """Common settings: unknown fields are errors, docstrings become schema descriptions."""

    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True, frozen=True, strict=True)


class Period(Record):
    """A span of time; either end may be left out when the source does not give it."""

    start: EdtfDate | None = None
    """First day, month or year of the span, as precise as the source."""
    end: EdtfDate | None = None
    """Last day, month or year of the span, as precise as the source."""
    duration: Duration | None = None
    """How long it lasted, as the source states it, e.g. '2 years' (with start and end too when the source gives all three; the check compares them); never write an end you worked out."""
    inferred: Line | None = None
    """How a date here was worked out when the source does not state it, e.g. 'year taken from the release date'."""
    sources: Sources
    """Ids of the sources that give these dates."""


class Announcement(Record):
    """When results were made public."""

    date: EdtfDate
    """Date of the announcement, as precise as the source."""
    inferred: Line | None = None
    """How the date was worked out when the source does not state it, e.g. 'date of the release'."""
    sources: Sources
    """Ids of the sources that give this date."""


class Phase(Record):
    """One phase of an operation, with its own dates, scope and sources."""

    id: RecordId
    """A short name for the phase, unique in this record, e.g. phase-1; figures name it in phase:."""
    name: Line
    """The phase as the source names or describes it, e.g. First phase."""
    start: EdtfDate | None = None
    """First day, month or year of the phase, as precise as the source."""
    end: EdtfDate | None = None
    """Last day, month or year of the phase, as precise as the source."""
    duration: Duration | None = None
    """How long it lasted, as the source states it, e.g. '2 weeks' (with start and end too when the source gives all three)."""
    inferred: Line | None = None
    """How a date here was worked out when the source does not state it."""
    countries: Annotated[list[CountryCode], Field(max_length=300)] = []
    """Countries where this phase took place, when the source says."""
    scope: Line | None = None
    """What this phase covered, in your own words (targets, regions)."""
    sources: Sources
    """Ids of the sources that describe this phase."""


class AgencyPart(Record):
    """An agency's part in an operation."""

    agency: AgencyId
    """Id of the agency record (file name in content/agencies/ without .yml)."""
    role: AgencyRole
    """What the agency did: a term of content/vocab/agency-roles.yml."""
    note: Line | None = None
    """Optional detail on the role, in your own words."""
    attributed_to: Line | None = None
    """Whose words the role rests on, when the only basis is a quoted or reported statement, e.g. Europol's spokesperson."""
    inferred: Line | None = None
    """How the site reads the role when the source does not state it in its own voice."""


class CountryPart(Record):
    """A country's part in an operation."""

    country: CountryCode
    """Lower-case ISO 3166-1 alpha-2 code, e.g. ae, pk, gb."""
    role: CountryRole
    """What the country did: a term of content/vocab/country-roles.yml."""
    note: Line | None = None
    """Optional detail on the role, in your own words."""
    attributed_to: Line | None = None
    """Whose words the role rests on, when the only basis is a quoted or reported statement."""
    inferred: Line | None = None
    """How the site reads the role when the source does not state it in its own voice."""
    sources: OptionalSources = []
    """Ids of the sources that name this country; needed when the record's sources disagree on the list."""


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
    qualifier: Qualifier = Field("exact", validate_default=True)
    """The source's precision: a term of content/vocab/qualifiers.yml."""
    counts: Literal["countries", "countries-and-territories"] = "countries"
    """What the number counts, as the source says: countries (the default) or countries-and-territories."""
    scope: Line | None = None
    """What else limits the count, in a few words, e.g. besides the United States, whose officers attended the training."""
    sources: Sources
    """Ids of the sources that give this number."""
    note: Line | None = None
    """What the number includes or leaves out."""


class AcrossCountries(Record):
    """How many countries a figure spans, as the source says ('10 arrests in seven countries')."""

    value: StrictInt = Field(ge=1)
    """The number of countries as the source gives it."""
    qualifier: Qualifier = Field("exact", validate_default=True)
    """The source's precision: a term of content/vocab/qualifiers.yml."""


class ReportedValue(Record):
    """Another value reported for the same figure: a headline that rounds, or a second source."""

    value: StrictInt | None = Field(default=None, ge=0)
    """The number as a whole number; leave out when the source gives none."""
    value_max: StrictInt | None = Field(default=None, ge=0)
    """For a range ('between 100 and 150'): the upper end; value is the lower end."""
    qualifier: Qualifier | None = None
    """The source's precision (exact when left out)."""
    as_reported: Line | None = None
    """The source's words when it gives no number, e.g. thousands."""
    where: Line | None = None
    """Where the source says it, e.g. headline, or a second source's wording."""
    sources: Sources
    """Ids of the sources that report this value."""


class Outcome(Record):
    """A reported figure, at the precision of its source."""

    id: RecordId | None = None
    """A short name for this figure, unique in this record, so that other figures can be part of it."""
    metric: Measure
    """What is counted: a term of content/vocab/measures.yml; different measures are never added together."""
    value: StrictInt | None = Field(default=None, ge=0)
    """The number as a whole number; leave out when the source gives none."""
    value_max: StrictInt | None = Field(default=None, ge=0)
    """For a range ('between 100 and 150'): the upper end; value is the lower end."""
    qualifier: Qualifier | None = None
    """The source's precision (exact when left out): a term of content/vocab/qualifiers.yml."""
    as_reported: Line | None = None
    """The source's words when it gives no number, e.g. dozens, thousands."""
    part_of: RecordId | None = None
    """Id of the figure of this record that this one is part of ('206 victims, of which 53 minors'); never added to it."""
    country: CountryCode | None = None
    """When the figure covers only one country: its code ('46 arrests, New Zealand only')."""
    phase: RecordId | None = None
    """When the figure covers only one phase: the phase's id."""
    scope: Line | None = None
    """Any other limit of what the figure covers, in a few words, e.g. for trafficking offences, abroad."""
    reported: Annotated[list[ReportedValue], Field(max_length=20)] = []
    """Other values reported for this figure (a rounded headline, another source); value is the one used in totals."""
    chosen_because: Line | None = None
    """Why value is the one used in totals when reported lists others, e.g. the text gives the exact count."""
    status: FigureStatus = Field("final", validate_default=True)
    """Final (the default), provisional (a tally so far; added into totals and marked) or forecast (never added): a term of content/vocab/figure-statuses.yml."""
    status_words: Line | None = None
    """The source's own words for the status, e.g. preliminary, so far, as of 10 a.m., expected to find."""
    across_countries: AcrossCountries | None = None
    """How many countries the figure spans, when the source says ('10 arrests in seven countries')."""
    attributed_to: Line | None = None
    """Whose words the figure is in, when the source quotes or reports someone rather than stating it, e.g. INTERPOL's Secretary General."""
    inferred: Line | None = None
    """How the site drew the figure when the source does not state it, e.g. the site adds the two phases' figures."""
    sources: Sources
    """Ids of the sources that report this figure."""
    note: Line | None = None
    """What the figure covers, in your own words (also statistics that are not counts, such as an age range)."""


class ScopedOutcome(Outcome):
    """A figure that is not one operation's own: a series' (several editions combined) or an agency's (its year)."""

    scope: Line  # required here: these figures mean nothing without it
    """What the figure covers, e.g. editions I to IV combined, or INTERPOL's 2023 year, all operations."""


class Event(Record):
    """One dated step in an operation's timeline."""

    date: EdtfDate | None = None
    """Date of the step, as precise as the source; leave out when the source gives none."""
    inferred: Line | None = None
    """How the date was worked out when the source does not state it."""
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
    role: PersonRole
    """Public role: a term of content/vocab/person-roles.yml."""
    agency: AgencyId | None = None
    """Id of the agency the person speaks for."""
    sources: Sources
    """Ids of the sources that name the person."""


class Operation(Record):
    """An operation, case, takedown, initiative or meeting: content/operations/<id>.yml."""

    name: Line
    """Name of the operation, or a plain description when it has none."""
    descriptive_name: bool = False
    """True when no official name is reported and the name is the project's description."""
    kind: OperationKind = Field("operation", validate_default=True)
    """What this record describes: a term of content/vocab/operation-kinds.yml."""
    aliases: Names = []
    """Other names and acronyms readers may search for."""
    summary: Text
    """What happened, in your own words (Markdown)."""
    crime_areas: Annotated[list[CrimeArea], Field(min_length=1, max_length=20)]
    """Crime areas addressed: terms of content/vocab/crime-areas.yml."""
    period: Period | None = None
    """When the action took place (the action window)."""
    reporting_period: Period | None = None
    """The window that reported figures cover, when it differs from the action window."""
    phases: Annotated[list[Phase], Field(max_length=50)] = []
    """Phases of the operation, each with its own dates, scope and sources."""
    announced: Announcement | None = None
    """When the results were made public."""
    agencies: Annotated[list[AgencyPart], Field(max_length=MAX_ITEMS)] = []
    """Agencies that took part, with their roles."""
    countries: Annotated[list[CountryPart], Field(max_length=MAX_ITEMS)] = []
    """Countries that took part, with their roles (only those the sources name)."""
    countries_count: CountryCount | None = None
    """The number of countries the sources give, when they do not name them all."""
    countries_note: Line | None = None
    """What the sources say, or leave out, about which countries took part."""
    places: Annotated[list[Place], Field(max_length=100)] = []
    """Cities, regions and sites the sources name."""
    outcomes: Annotated[list[Outcome], Field(max_length=200)] = []
    """Reported figures, each with its precision, scope and source."""
    events: Annotated[list[Event], Field(max_length=200)] = []
    """The operation's own timeline."""
    people: Annotated[list[Person], Field(max_length=50)] = []
    """People named in a public role (officials, spokespeople)."""
    series: SeriesId | None = None
    """Id of the series this operation is an edition of (content/series/<id>.yml)."""
    edition: Line | None = None
    """The edition as the source numbers or names it, e.g. V, 2024, 9, second (with series)."""
    related: OperationIds = []
    """Ids of related operations (background, follow-ups; editions of a series use series instead)."""
    sources: Sources
    """Ids of the sources for this record."""
    former_ids: Annotated[list[RecordId], Field(max_length=20)] = []
    """Ids this record had before a rename or merge; their old addresses redirect here."""


class Agency(Record):
    """An agency, organisation, unit or programme: content/agencies/<id>.yml."""

    name: Line
    """Full name."""
    short_name: Line | None = None
    """Acronym or short name, e.g. NCCIA."""
    aliases: Names = []
    """Other names readers may search for."""
    kind: AgencyKind
    """What kind of body this is: a term of content/vocab/agency-kinds.yml."""
    country: CountryCode | None = None
    """Where it is based; leave out for international bodies."""
    parent: AgencyId | None = None
    """Id of the agency this unit or bureau belongs to."""
    website: Url | None = None
    """Official web address, only one you have checked."""
    summary: Text
    """What it is and does, in your own words (Markdown)."""
    outcomes: Annotated[list[ScopedOutcome], Field(max_length=200)] = []
    """Figures the agency gives that are not one operation's own (its yearly totals), each with its scope."""
    sources: Sources
    """Ids of the sources for this record."""
    former_ids: Annotated[list[RecordId], Field(max_length=20)] = []
    """Ids this record had before a rename or merge; their old addresses redirect here."""


class Series(Record):
    """An operation that comes back, edition after edition: content/series/<id>.yml."""

    name: Line
    """The series' name as publishers use it, e.g. Operation Turquesa."""
    aliases: Names = []
    """Other names readers may search for."""
    summary: Text
    """What the series is and who runs it, as the sources say, in your own words (Markdown)."""
    crime_areas: Annotated[list[CrimeArea], Field(min_length=1, max_length=20)]
    """Crime areas addressed: terms of content/vocab/crime-areas.yml."""
    agencies: Annotated[list[AgencyPart], Field(max_length=MAX_ITEMS)] = []
    """Agencies with a role the sources give for the series as a whole."""
    outcomes: Annotated[list[ScopedOutcome], Field(max_length=200)] = []
    """Figures for the series as a whole or several editions combined (never one edition's own), each with its scope."""
    sources: Sources
    """Ids of the sources for this record."""
    former_ids: Annotated[list[RecordId], Field(max_length=20)] = []
    """Ids this record had before a rename or merge; their old addresses redirect here."""


class Seen(Record):
    """How much of a source's text was visible to whoever read it."""

    extent: Literal["whole", "beginning", "excerpt"]
    """whole (the text to its natural end), beginning (only the start; say in note where it stops) or excerpt (a summary or digest)."""
    note: Passage | None = None
    """Where the visible copy ends and what that means, e.g. the copy ends in the middle of the list of countries."""


class Source(Record):
    """A report that records cite: content/sources/<id>.yml."""

    title: Line
    """Headline or title as published."""
    title_from: Literal["headline", "address", "description"] = "headline"
    """Where the title comes from: headline (the page shows it; the default), address (read from the words of the web address, because the copy shows no headline) or description (the site's own words: neither shows one)."""
    publisher: Line | None = None
    """Who published it, if known."""
    publisher_from: Literal["page", "address"] = "page"
    """Where the publisher comes from: page (the page names it; the default) or address (the site reads it from the web address)."""
    author: Line | None = None
    """Byline, if any."""
    url: Url | None = None
    """Web address, only one you have actually seen."""
    published: EdtfDate | None = None
    """Publication date, only if stated."""
    kind: SourceKind
    """What kind of source: a term of content/vocab/source-kinds.yml."""
    language: Language = "en"
    """Two-letter ISO 639-1 language code."""
    seen: Seen | None = None
    """How much of the text was visible: extent whole, beginning or excerpt, and a note on where it ends."""
    note: Text | None = None
    """What is known or missing about this source (no URL, no date, its own sources)."""
    former_ids: Annotated[list[RecordId], Field(max_length=20)] = []
    """Ids this record had before a rename or merge."""


class CountryNotes(Record):
    """Curated notes for a country page: content/countries/<iso2>.yml."""

    notes: Text
    """Context for the country page, in your own words (Markdown)."""
    sources: Sources
    """Ids of the sources for these notes."""
