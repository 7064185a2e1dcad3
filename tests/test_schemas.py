"""The JSON Schemas editors use check what `check` checks: date forms, country codes, lengths, vocabulary terms."""

from __future__ import annotations

import json

import jsonschema
import pytest

from generator import schemas, vocab, yamlread
from tests.helpers import FIXTURES, ROOT


def _validator(kind: str) -> jsonschema.Draft202012Validator:
    schema = json.loads(schemas.schema_text(kind))
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


@pytest.mark.parametrize("folder", [ROOT / "content", FIXTURES / "mini", FIXTURES / "realcases"])
def test_every_valid_record_passes_its_schema(folder):
    for kind in schemas.SCHEMA_NAMES:
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
