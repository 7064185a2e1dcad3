"""The JSON Schemas editors use check what `check` checks: date forms, country codes, lengths, vocabulary terms."""

from __future__ import annotations

import json
import re

import jsonschema
import pytest

from generator import schemas, vocab, yamlread
from generator.kinds import KINDS
from tests.helpers import FIXTURES, ROOT


def _validator(kind: str) -> jsonschema.Draft202012Validator:
    schema = json.loads(schemas.schema_text(kind))
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


@pytest.mark.parametrize("folder", [ROOT / "content", FIXTURES / "mini", FIXTURES / "realcases"])
def test_every_valid_record_passes_its_schema(folder):
    for kind in KINDS:
        validator = _validator(kind)
        for path in sorted((folder / kind).glob("*.yml")):
            data, _ = yamlread.read(path.read_bytes())
            errors = [e.message for e in validator.iter_errors(data)]
            assert not errors, (path, errors)


BASE = {"name": "X", "summary": "Y", "crime_areas": ["human-trafficking"], "sources": ["s"]}


@pytest.mark.parametrize(
    ("change", "why"),
    [
        ({"period": {"start": "October 2019", "sources": ["s"]}}, "date in words"),
        ({"period": {"start": "2019-13", "sources": ["s"]}}, "month 13"),
        ({"period": {"start": "XXXX~", "sources": ["s"]}}, "nothing known"),
        ({"period": {"start": "2019-10", "duration": "two years", "sources": ["s"]}}, "duration in words"),
        ({"countries": [{"country": "uk", "role": "lead"}]}, "uk is not an ISO code"),
        ({"countries": [{"country": "GB", "role": "lead"}]}, "upper case"),
        ({"crime_areas": ["trafficking"]}, "a synonym, not a term"),
        ({"outcomes": [{"metric": "accounts-seized", "value": 1, "sources": ["s"]}]}, "unknown measure"),
        ({"outcomes": [{"metric": "arrests", "value": 1, "qualifier": "over", "sources": ["s"]}]}, "synonym of a qualifier"),
        ({"name": "x" * 301}, "over 300 characters"),
        ({"outcomes": [{"metric": "arrests", "value": "500", "sources": ["s"]}]}, "number in quotes"),
        ({"colour": "red"}, "unknown field"),
    ],
)
def test_the_schema_refuses_what_check_refuses(change, why):
    record = {**BASE, **change}
    assert list(_validator("operations").iter_errors(record)), why


def test_the_schema_offers_every_term_with_its_definition():
    schema = json.loads(schemas.schema_text("operations"))
    text = json.dumps(schema)
    for term in vocab.shipped().measures.values():
        assert json.dumps({"const": str(term), "description": term.definition, "title": term.label}, sort_keys=True)[1:-1] in text
    assert '"const": "nz", "title": "New Zealand"' in text


def _field_paths(model, prefix: str = "") -> list[tuple[str, str]]:
    """(name, description) of every field, nested ones included."""
    from generator import scaffold

    out = []
    for name, info in model.model_fields.items():
        out.append((name, (info.description or "").strip()))
        nested, _, _ = scaffold._inner(info)
        if nested is not None:
            out += _field_paths(nested, f"{prefix}{name}.")
    return out


@pytest.mark.parametrize("kind", list(KINDS))
def test_new_writes_every_field_with_its_comment(kind):
    from generator import scaffold

    text = scaffold.skeleton(kind, "report-x")
    for name, description in _field_paths(KINDS[kind].model):
        assert re.search(rf"^#?\s*(- )?{name}:", text, re.M), name
        assert description in text, (name, description)


def test_the_skeleton_with_every_optional_field_uncommented_is_close_to_valid():
    # Every example value the skeleton offers is of the right form: uncommenting a line gives a field
    # the schema accepts (ids that name other records are the contributor's to fill in).
    from generator import scaffold

    text = scaffold.skeleton("operations", "report-x")
    lines = [
        re.sub(r"\s+# .*$", "", line[2:]) if line.startswith("# ") and not line.startswith("# yaml") else line
        for line in text.splitlines()
    ]
    body = "\n".join(
        line for line in lines if re.match(r"^(\s*-?\s*)?[a-z_]+:", line) and not re.match(r"^[a-z_]+: (?!TODO)[A-Z]", line)
    )
    data, _ = yamlread.read(body.encode())
    errors = [e.message for e in _validator("operations").iter_errors(data)]
    assert not errors, errors
