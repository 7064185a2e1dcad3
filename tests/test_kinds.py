"""Record kinds are declared once (generator/kinds.py); what names a kind elsewhere derives from them."""

from __future__ import annotations

import pickle
from pathlib import Path

from generator import refs, rules
from generator.kinds import BY_SINGULAR, KINDS, OPERATIONS, SOURCES
from generator.loader import FOLDERS

ROOT = Path(__file__).resolve().parent.parent


def test_every_reference_names_a_declared_kind():
    found = {target for kind in KINDS.values() for _, target in refs.paths(kind.model)}
    assert found == {"operations", "series", "agencies", "sources"}
    # The checks that point at a line of the raw YAML follow the same declarations.
    assert {(kind, pattern) for kind, pattern, _ in rules.REFERENCES} >= {
        ("operations", ("outcomes", "*", "reported", "*", "sources", "*")),
        ("operations", ("people", "*", "agency")),
        ("agencies", ("parent",)),
    }


def test_a_kind_is_its_folder_name_and_survives_pickling():
    assert OPERATIONS == "operations" and hash(SOURCES) == hash("sources")
    assert {("operations", "x")} == {(OPERATIONS, "x")}
    assert pickle.loads(pickle.dumps(OPERATIONS)) is OPERATIONS


def test_each_kind_has_its_folder_schema_and_command_word():
    for kind in KINDS.values():
        assert kind in FOLDERS
        assert (ROOT / "content" / kind).is_dir()
        assert (ROOT / "schemas" / f"{kind.singular}.schema.json").is_file()
        assert BY_SINGULAR[kind.singular] is kind
    assert [k for k in KINDS.values() if k.renamable] == ["operations", "series", "agencies", "sources"]
    assert [k for k in KINDS.values() if not k.cites] == ["sources"]
