"""The record kinds, each declared once: its folder, its words, its schema, its pages.

Everything else that names a kind derives from these declarations: the folders the
loader reads, the JSON Schemas' file names, the ``new`` command's words, the words in
problem messages and on pages, page addresses, the downloads' keys, which records can
be renamed (their models have ``former_ids``) and which must cite a source.

A ``Kind`` is a ``str`` equal to its folder name ("operations"), so record keys
``(kind, id)`` made from a declared kind and from a folder name read from disk are equal.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from . import models


class Kind(str):
    """A record kind: its content folder name (also the folder of its pages), with its declaration."""

    singular: str
    """One record, in commands, schema file names and problem messages: "operation"."""
    record_word: str
    """What one record is called on pages that list records of several kinds: "country notes"."""
    model: type[models.Record]
    """The schema a record of this kind is validated against."""
    title_field: str | None
    """The field that names a record, or None when its name comes from ISO data (countries)."""
    export_key: str
    """Its key in data/dataset.json."""
    iso_ids: bool
    """Ids are lower-case ISO 3166-1 alpha-2 codes, not chosen ids."""

    def __new__(
        cls,
        folder: str,
        *,
        singular: str,
        model: type[models.Record],
        title_field: str | None,
        record_word: str | None = None,
        export_key: str | None = None,
        iso_ids: bool = False,
    ) -> Kind:
        kind = super().__new__(cls, folder)
        kind.singular = singular
        kind.record_word = record_word or singular
        kind.model = model
        kind.title_field = title_field
        kind.export_key = export_key or folder
        kind.iso_ids = iso_ids
        return kind

    def __reduce__(self) -> tuple[Any, tuple[str]]:
        return (_declared, (str(self),))  # unpickles to the declared kind itself

    @property
    def renamable(self) -> bool:
        """Records of this kind may list the ids they had before (their old addresses redirect)."""
        return "former_ids" in self.model.model_fields

    @property
    def cites(self) -> bool:
        """A record of this kind must cite at least one source."""
        info = self.model.model_fields.get("sources")
        return info is not None and info.is_required()

    def page(self, rid: str) -> str:
        """The generated Markdown page of a record, relative to the output folder."""
        return f"{self}/{rid}.md"

    def url(self, rid: str) -> str:
        """The address of a record's page, relative to the site root."""
        return f"{self}/{rid}.html"

    def file(self, content: Path, rid: str) -> Path:
        """Where a record's file is in the content folder."""
        return content / self / f"{rid}.yml"

    def name_of(self, record: models.Record) -> str:
        """The name a record is shown with (not for kinds named from ISO data)."""
        assert self.title_field is not None, f"{self} records have no name of their own"
        return str(getattr(record, self.title_field))


OPERATIONS = Kind("operations", singular="operation", model=models.Operation, title_field="name")
SERIES = Kind("series", singular="series", model=models.Series, title_field="name")
AGENCIES = Kind("agencies", singular="agency", model=models.Agency, title_field="name")
SOURCES = Kind("sources", singular="source", model=models.Source, title_field="title")
COUNTRIES = Kind(
    "countries",
    singular="country",
    record_word="country notes",
    model=models.CountryNotes,
    title_field=None,
    export_key="country_notes",
    iso_ids=True,
)

KINDS: dict[str, Kind] = {kind: kind for kind in (OPERATIONS, SERIES, AGENCIES, SOURCES, COUNTRIES)}
"""Every record kind by folder name, in the order the site lists them."""
BY_SINGULAR: dict[str, Kind] = {kind.singular: kind for kind in KINDS.values()}
"""Every record kind by its singular word ("operation"), as the ``new`` command takes it."""


class Section(str):
    """A tab of the site whose pages the navigation does not list (records, years, later parts of a
    list): its folder name, the tab's title and the tab's own page."""

    label: str
    """The tab's title."""
    page: str
    """The tab's page, relative to the output folder ("operations/index.md")."""

    def __new__(cls, folder: str, *, label: str, page: str) -> Section:
        section = super().__new__(cls, folder)
        section.label, section.page = label, page
        return section

    @property
    def url(self) -> str:
        """The address of the tab's page, relative to the site root."""
        return self.page.removesuffix(".md") + ".html"


SECTIONS: dict[str, Section] = {
    **{kind: Section(kind, label=kind.capitalize(), page=kind.page("index")) for kind in KINDS.values()},
    # Series have no tab of their own: their pages, and their list, belong to the Operations tab.
    SERIES: Section(SERIES, label=OPERATIONS.capitalize(), page=OPERATIONS.page("index")),
    "timeline": Section("timeline", label="Timeline", page="timeline.md"),
}
"""Every section of pages outside the navigation, by folder: each record kind's, and the timeline's years."""
TAB_PAGES = frozenset(["index.md", *(section.page for section in SECTIONS.values())])
"""Pages that are a tab of their own (mkdocs.yml's navigation lists them at its top level)."""


def section_of(path: str) -> Section | None:
    """The section a generated page belongs to without being its tab's page ("operations/x.md" →
    operations); None for other pages."""
    folder, _, name = path.partition("/")
    section = SECTIONS.get(folder)
    return section if section is not None and name and path != section.page else None


PAGES = "pages"
"""The folder of hand-written pages (content/pages/<name>.md), also their key kind in a page's inputs."""
VOCAB = "vocab"
"""The folder of the vocabularies (content/vocab/<name>.yml)."""
FINGERPRINTS = "fingerprints"
"""The folder of the reports' fingerprints (content/fingerprints/<source id>.txt), read by the copied-wording check, not the build."""


def _declared(name: str) -> Kind:
    return KINDS[name]
