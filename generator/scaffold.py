"""``new``: a skeleton record with a comment on every field, for contributors."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel

from . import loader, models, schemas, vocab

# The allowed values of the top-level fields that take one; those of nested fields (roles,
# metrics, qualifiers) are shown in the comments of the examples.
_KINDS: dict[str, dict[str, str]] = {
    "operations": vocab.OPERATION_KINDS,
    "agencies": vocab.AGENCY_KINDS,
    "sources": vocab.SOURCE_KINDS,
}


def _allowed(kind: str, field: str) -> dict[str, str]:
    if field == "kind":
        return _KINDS.get(kind, {})
    return vocab.CRIME_AREAS if field == "crime_areas" else {}


# Skeleton bodies: required fields get placeholders that pass the check but are plainly
# unfinished ("TODO"); optional fields are shown commented out with an example.
_BODIES = {
    "operations": {
        "name": "TODO name of the operation",
        "kind": "operation",
        "summary": "TODO what happened, in your own words, citing the sources below.",
        "crime_areas": "[human-trafficking]",
        "sources": "[{source}]",
    },
    "agencies": {
        "name": "TODO full name",
        "kind": "national-police",
        "summary": "TODO what it is and does, in your own words.",
        "sources": "[{source}]",
    },
    "sources": {"title": "TODO headline as published", "kind": "news", "language": "en"},
    "countries": {"notes": "TODO context for the country page, in your own words.", "sources": "[{source}]"},
}

_EXAMPLES = {
    "operations": """\
# period:                      # when the action took place; leave out what the source does not say
#   start: "2020-01-01"        # dates: 2020, 2020-05, 2020-05-30, 2020-05~ (about), XXXX-05-23 (year not stated)
#   end: "2020-05-30"
#   sources: [{source}]
# announced: {{date: "2020-06", sources: [{source}]}}
# agencies:                    # roles: {agency_roles}
#   - {{agency: interpol, role: lead}}
# countries:                   # lower-case ISO codes (gb, not uk); roles: {country_roles}
#   - {{country: sn, role: participant}}
# outcomes:                    # one per figure; never add different metrics together
#   - metric: arrests          # metrics: {metrics}
#     value: 150               # a whole number only: no words, no quotes
#     qualifier: more-than     # the source's precision: {qualifiers}
#     sources: [{source}]
#   - metric: victims-rescued
#     as_reported: dozens      # when the source gives no number: its words, and no value
#     sources: [{source}]
# events:
#   - {{date: "2020-03-15", text: Raids in several cities., sources: [{source}]}}
""",
    "agencies": """\
# short_name: NCA              # acronym readers may search for
# country: gb                  # where it is based; leave out for international bodies
# parent: interpol             # for a unit or bureau: the id of the agency it belongs to
# website: https://example.org # only an address you have checked
""",
    "sources": """\
# publisher: TODO             # only if the source names it
# author: TODO                # byline, if any
# url: https://example.org/report   # only an address you have actually seen
# published: "2021-03-05"     # only if the source states it
# note: What is known or missing about this source.
""",
    "countries": "",
}


def _describe(model: type[BaseModel]) -> dict[str, str]:
    return {name: (info.description or "").strip() for name, info in model.model_fields.items()}


def skeleton(kind: str, source: str | None = None) -> str:
    """The text of a new record of ``kind`` (a content folder name)."""
    model = models.KINDS[kind]
    descriptions = _describe(model)
    cited = source or "add-a-source-id"
    lines = [schemas.header(kind), f"# New {schemas.SCHEMA_NAMES[kind]} record. Replace every TODO; see CONTRIBUTING.md."]
    for field, value in _BODIES[kind].items():
        if descriptions.get(field):
            lines.append(f"# {field}: {descriptions[field]}")
        allowed = _allowed(kind, field)
        if allowed:
            lines.append(f"#   allowed: {', '.join(allowed)}")
        lines.append(f"{field}: {value.format(source=cited)}")
    example = _EXAMPLES[kind].format(
        source=cited,
        agency_roles=", ".join(vocab.AGENCY_ROLES),
        country_roles=", ".join(vocab.COUNTRY_ROLES),
        metrics=", ".join(vocab.METRICS),
        qualifiers=", ".join(vocab.QUALIFIERS),
    )
    if example:
        lines.append("")
        lines.append("# Optional fields (remove the # to use one):")
        lines.append(example.rstrip("\n"))
    return "\n".join(lines) + "\n"


def create(content: Path, kind: str, rid: str, source: str | None = None) -> Path:
    """Write a new record file; refuse a bad id or an existing file (ValueError with the reason)."""
    if kind not in models.KINDS:
        raise ValueError(f"'{kind}' is not a record kind; use one of {', '.join(_kind_words())}")
    if kind == "countries":
        from . import countries

        if countries.get(rid) is None or rid != rid.lower():
            raise ValueError(f"'{rid}' is not a lower-case ISO 3166-1 alpha-2 country code, e.g. pk")
    elif not models.ID_RE.match(rid) or len(rid) > 80:
        raise ValueError(f"'{rid}' is not a valid id: use lower-case letters a-z, digits and single hyphens")
    elif rid in loader.RESERVED_IDS:
        raise ValueError(f"'{rid}' is reserved; choose a more specific id")
    path = content / kind / f"{rid}.yml"
    if path.exists():
        raise ValueError(f"{loader.display_path(path)} already exists; edit it instead, or choose another id")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(skeleton(kind, source), "utf-8")
    return path


KIND_WORDS = {"operation": "operations", "agency": "agencies", "source": "sources", "country": "countries"}


def _kind_words() -> list[str]:
    return list(KIND_WORDS)
