"""``new``: a skeleton record with a comment on every field, for contributors.

The skeleton is generated from the models, so it names every field (nested ones
too) with its one-line description and, for vocabulary fields, the allowed terms;
required fields get placeholders that pass the check but are plainly unfinished
("TODO"), optional ones are commented out with an example.
"""

from __future__ import annotations

import typing
from pathlib import Path

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from . import loader, models, schemas, vocab
from .kinds import AGENCIES, BY_SINGULAR, COUNTRIES, KINDS, OPERATIONS, SERIES, SOURCES, VOCAB, Kind

# Example values for optional fields, by field name ("{source}" becomes the cited source id).
_EXAMPLES: dict[str, str] = {
    "descriptive_name": "true",
    "kind": "operation",
    "aliases": "[Example]",
    "start": '"2019-10"',
    "end": '"2019-11-30"',
    "duration": "2 years",
    "inferred": "year taken from the release date",
    "date": '"2020-06"',
    "agency": "interpol",
    "country": "nz",
    "note": "TODO in your own words",
    "value": "150",
    "value_max": "200",
    "qualifier": "more-than",
    "as_reported": "dozens",
    "id": "arrests-total",
    "part_of": "arrests-total",
    "phase": "phase-1",
    "scope: ": "for trafficking offences",
    "where": "headline",
    "chosen_because": "the text gives the exact count; the headline rounds it",
    "name": "First phase",
    "title": "Director General",
    "text": "Raids in several cities.",
    "countries": "[sn, ml]",
    "related": "[operation-epervier]",
    "former_ids": "[old-id]",
    "short_name": "NCA",
    "parent": "interpol",
    "website": "https://example.org",
    "publisher": "TODO",
    "author": "TODO",
    "url": "https://example.org/report",
    "published": '"2021-03-05"',
    "language": "en",
    "series": "operation-turquesa",
    "edition": '"V"',
    "status": "provisional",
    "status_words": "so far",
    "attributed_to": "TODO whose words, e.g. INTERPOL's Secretary General",
    "counts": "countries-and-territories",
    "extent": "beginning",
}
_REQUIRED: dict[Kind, dict[str, str]] = {
    OPERATIONS: {
        "name": "TODO name of the operation",
        "summary": "TODO what happened, in your own words.",
        "crime_areas": "[human-trafficking]",
    },
    AGENCIES: {"name": "TODO full name", "kind": "national-police", "summary": "TODO what it is and does, in your own words."},
    SERIES: {
        "name": "TODO name of the series",
        "summary": "TODO what the series is and who runs it, in your own words.",
        "crime_areas": "[human-trafficking]",
    },
    SOURCES: {"title": "TODO headline as published", "kind": "news"},
    COUNTRIES: {"notes": "TODO context for the country page, in your own words."},
}
_ROLE = {"AgencyPart": "coordinator", "CountryPart": "participant", "Person": "official"}
_TERMS = {
    "measures": "arrests",
    "qualifiers": "more-than",
    "crime-areas": "human-trafficking",
    "agency-roles": "coordinator",
    "country-roles": "participant",
    "person-roles": "official",
    "figure-statuses": "provisional",
}


def _inner(info: FieldInfo) -> tuple[type[BaseModel] | None, bool, str | None]:
    """The model inside a field's annotation, whether it is a list, and the vocabulary it names."""
    is_list = False
    term = next((m.name for m in info.metadata if isinstance(m, models.TermOf)), None)
    stack: list[object] = [info.annotation]
    model = None
    while stack:
        current = stack.pop()
        for meta in getattr(current, "__metadata__", ()):
            if isinstance(meta, models.TermOf):
                term = meta.name
        if typing.get_origin(current) is list:
            is_list = True
        if isinstance(current, type) and issubclass(current, BaseModel):
            model = current
        stack.extend(typing.get_args(current))
    return model, is_list, term


def _example(model: type[BaseModel], name: str, term: str | None, is_list: bool, source: str) -> str:
    special = {
        "Phase.id": "phase-1",
        "Place.name": "Dakar",
        "Place.country": "sn",
        "Event.text": "Raids in several cities.",
        "CountryCount.value": "54",
        "CountryCount.qualifier": "exact",
        "CountryCount.scope": "besides the United States",
        "AcrossCountries.value": "7",
        "AcrossCountries.qualifier": "exact",
        "ScopedOutcome.scope": "editions I to IV combined",
        "Seen.note": "the stored copy ends in the middle of the list of countries",
        "ReportedValue.value": "1000",
        "ReportedValue.value_max": "1100",
        "Person.name": "TODO name as published",
        "Phase.scope": "border checks",
    }
    if f"{model.__name__}.{name}" in special:
        return special[f"{model.__name__}.{name}"]
    if name == "role":
        return _ROLE.get(model.__name__, "participant")
    if term and term in _TERMS:
        return f"[{_TERMS[term]}]" if is_list else _TERMS[term]
    if name == "sources":
        return f"[{source}]"
    return _EXAMPLES.get("scope: " if name == "scope" else name, "TODO")


def _nested(model: type[BaseModel], source: str, depth: int, vocabularies: vocab.Vocabularies) -> list[tuple[str, str]]:
    """(example line, description) for each field of a nested record."""
    out: list[tuple[str, str]] = []
    for name, info in model.model_fields.items():
        nested, is_list, term = _inner(info)
        description = (info.description or "").strip()
        if term:
            description += f" Terms: {', '.join(vocabularies.get(term))}."
        if nested is not None:
            out.append((f"{name}:", description))
            inner = _nested(nested, source, depth + 1, vocabularies)
            for i, (line, comment) in enumerate(inner):
                lead = ("- " if i == 0 else "  ") if is_list else ""
                out.append((f"  {lead}{line}", comment))
        else:
            out.append((f"{name}: {_example(model, name, term, is_list, source)}", description))
    return out


def _lines(model: type[BaseModel], source: str, required: dict[str, str], vocabularies: vocab.Vocabularies) -> list[str]:
    lines: list[str] = []
    for name, info in model.model_fields.items():
        nested, is_list, term = _inner(info)
        description = (info.description or "").strip()
        if term:
            description += f" Terms: {', '.join(vocabularies.get(term))}."
        lines.append(f"# {name}: {description}")
        if nested is not None:
            lines.append(f"# {name}:")
            inner = _nested(nested, source, 1, vocabularies)
            texts = [f"  {('- ' if i == 0 else '  ') if is_list else ''}{line}" for i, (line, _) in enumerate(inner)]
            width = max(len(t) for t in texts) + 2
            lines.extend(f"# {text.ljust(width)}# {comment}" for text, (_, comment) in zip(texts, inner, strict=True))
        elif name in required:
            lines.append(f"{name}: {required[name]}")
        elif name == "sources" and info.is_required():
            lines.append(f"{name}: [{source}]")
        else:
            lines.append(f"# {name}: {_example(model, name, term, is_list, source)}")
    return lines


def skeleton(kind: str, source: str | None = None, vocabularies: vocab.Vocabularies | None = None) -> str:
    """The text of a new record of ``kind`` (a content folder name), every field with a comment."""
    model = KINDS[kind].model
    cited = source or "add-a-source-id"
    vocabularies = vocabularies or vocab.shipped()
    header = [
        schemas.header(kind),
        f"# New {KINDS[kind].singular} record. Replace every TODO; see CONTRIBUTING.md.",
        "# Optional fields are commented out: remove the # in front of a line to use it.",
    ]
    body = _lines(model, cited, _REQUIRED[KINDS[kind]], vocabularies)
    return "\n".join(header + body) + "\n"


def create(content: Path, kind: str, rid: str, source: str | None = None) -> Path:
    """Write a new record file; refuse a bad id or an existing file (ValueError with the reason)."""
    if kind not in KINDS:
        raise ValueError(f"'{kind}' is not a record kind; use one of {', '.join(BY_SINGULAR)}")
    if KINDS[kind].iso_ids:
        from . import countries

        if countries.get(rid) is None or rid != rid.lower():
            raise ValueError(f"'{rid}' is not a lower-case ISO 3166-1 alpha-2 country code, e.g. pk")
    elif not models.ID_RE.match(rid) or len(rid) > 80:
        raise ValueError(f"'{rid}' is not a valid id: use lower-case letters a-z, digits and single hyphens")
    elif rid in loader.RESERVED_IDS:
        raise ValueError(f"'{rid}' is reserved; choose a more specific id")
    path = KINDS[kind].file(content, rid)
    if path.exists():
        raise ValueError(f"{loader.display_path(path)} already exists; edit it instead, or choose another id")
    folder = content / VOCAB
    vocabularies, problems = loader.load_vocab(folder) if folder.is_dir() else (vocab.shipped(), [])
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(skeleton(kind, source, None if problems else vocabularies), "utf-8")
    return path
