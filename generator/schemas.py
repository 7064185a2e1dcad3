"""JSON Schemas of the records, exported from the models, for editors and other tools."""

from __future__ import annotations

import json
from pathlib import Path

from .kinds import KINDS

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schemas"


def schema_text(kind: str) -> str:
    """The JSON Schema of one content folder's records, as committed text."""
    name = KINDS[kind].singular
    schema = KINDS[kind].model.model_json_schema()
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{name}.schema.json",
        **schema,
    }
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def header(kind: str) -> str:
    """The first line of a record file: points editors at its schema."""
    return f"# yaml-language-server: $schema=../../schemas/{KINDS[kind].singular}.schema.json"


def write(folder: Path = SCHEMA_DIR) -> list[Path]:
    """Write every schema; return the files that changed."""
    folder.mkdir(parents=True, exist_ok=True)
    changed = []
    for kind in KINDS.values():
        path = folder / f"{kind.singular}.schema.json"
        text = schema_text(kind)
        if not path.exists() or path.read_text("utf-8") != text:
            path.write_text(text, "utf-8")
            changed.append(path)
    return changed


def stale(folder: Path = SCHEMA_DIR) -> list[Path]:
    """Schema files that differ from the models (or are missing)."""
    out = []
    for kind in KINDS.values():
        path = folder / f"{kind.singular}.schema.json"
        if not path.exists() or path.read_text("utf-8") != schema_text(kind):
            out.append(path)
    return out
