"""Safe, bounded YAML reading that keeps every value's line and column.

libyaml (PyYAML's C parser) builds the node tree fast; this module turns the
nodes into plain Python values itself, so it can refuse what records never
need (anchors, aliases, custom tags, merge keys, duplicate keys, deep nesting)
before any of it costs time or memory, and can point any later error at the
exact node.

Scalars follow YAML 1.2 core rules: ``no``, ``on`` or ``yes`` stay words (Norway
is ``no``), and dates stay strings; only true/false, null and plain numbers are
typed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import yaml

try:
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

MAX_BYTES = 1_000_000
MAX_DEPTH = 12
MAX_LIST = 1_000

_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"^[-+]?[0-9]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_STD = "tag:yaml.org,2002:"
_ALIAS = "anchors and aliases (& and *) are not allowed; write each value out"
_PLAIN_TAGS = {f"{_STD}{t}" for t in ("str", "int", "float", "bool", "null", "timestamp", "value")}


class _Loader(_BaseLoader):
    """libyaml's parser and composer, with the tag resolver cut to what ``_Builder`` needs.

    PyYAML's YAML 1.1 resolver runs Python regular expressions on every scalar, which was
    most of the time spent reading a large catalogue; ``_Builder.scalar`` applies the
    YAML 1.2 rules itself, so here a plain scalar only needs to be marked as plain."""

    def resolve(self, kind: type, value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is yaml.ScalarNode:
            if implicit[0]:  # plain, unquoted
                return f"{_STD}merge" if value == "<<" else f"{_STD}value"
            return f"{_STD}str"
        return f"{_STD}seq" if kind is yaml.SequenceNode else f"{_STD}map"

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        pass  # path-based resolvers are never registered

    def ascend_resolver(self) -> None:
        pass


@dataclass
class YamlError(Exception):
    """A file that cannot be read as a record, with where and why."""

    line: int
    column: int
    message: str


def read(data: bytes) -> tuple[Any, str]:
    """Parse one record file; return its value and its text (to locate errors later), or raise YamlError."""
    if len(data) > MAX_BYTES:
        raise YamlError(1, 1, f"the file is {len(data):,} bytes; records are limited to {MAX_BYTES:,} bytes")
    try:
        text = data.decode("utf-8-sig")  # a leading byte-order mark is harmless, so it is allowed
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise YamlError(line, col, "the file is not UTF-8 text; save it with UTF-8 encoding") from None
    if "\x00" in text:
        raise YamlError(1, 1, "the file contains a NUL character; records are plain text")
    _refuse_deep(text)
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        raise YamlError(line, mark.column + 1 if mark else 1, _syntax_message(exc, text, line)) from None
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        col = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        raise YamlError(
            line, col, f"the file contains a control character (#x{code:02x}) that records cannot hold; remove it"
        ) from None
    except yaml.YAMLError as exc:
        raise YamlError(1, 1, "YAML syntax error: " + " ".join(str(exc).split())) from None
    except RecursionError:
        raise YamlError(1, 1, f"values are nested too deeply; records need at most {MAX_DEPTH} levels") from None
    if root is None:
        raise YamlError(1, 1, "the file is empty; a record is a list of 'field: value' lines")
    # An alias needs a '*': without one, the builder can skip watching for nodes seen twice.
    return _Builder(aliases="*" in text).value(root, 0), text


_DEEP_GATE = 1_000
"""Above this bound on a text's nesting (see ``_refuse_deep``), its depth is measured before composing: below it,
libyaml's recursion is shallow and its quadratic cost a few milliseconds."""
_LEADING = re.compile(rf"^[ ?:-]{{{_DEEP_GATE},}}", re.MULTILINE)
_OPEN = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_CLOSE = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


def _refuse_deep(text: str) -> None:
    """Refuse a text nested more than MAX_DEPTH levels before libyaml composes it: its composer recurses
    in C (30,000 levels end the process with a segmentation fault, whatever Python's recursion limit)
    and its scanner costs time quadratic in the depth.

    A nested collection opens with ``[`` or ``{``, or (in block style) starts further right on a new line
    or after ``- `` or ``? `` on the same one, so a text's depth is at most its number of brackets plus
    the longest run of spaces and indicators (``-``, ``?``, ``:``) at the start of a line. Only a text where that
    bound is large (about one record in none) is streamed through the parser, event by event, stopping
    at the first collection deeper than MAX_DEPTH: linear, and without composing anything."""
    if text.count("[") + text.count("{") < _DEEP_GATE and _LEADING.search(text) is None:
        return
    loader = _Loader(text)
    try:
        depth = 0
        while True:
            event = loader.get_event()
            if event is None:
                return
            if isinstance(event, _OPEN):
                depth += 1
                if depth > MAX_DEPTH + 1:  # the root mapping is level 0 for _Builder
                    mark = event.start_mark
                    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
                    raise YamlError(line, column, f"values are nested too deeply; records need at most {MAX_DEPTH} levels")
            elif isinstance(event, _CLOSE):
                depth -= 1
    except yaml.YAMLError:
        return  # a syntax error: composing the text reports it, with its line
    finally:
        loader.dispose()


def compose(text: str) -> yaml.Node | None:
    """The node tree of a text that ``read`` accepted, for locating a field; built only when needed,
    since keeping every file's nodes alive costs memory and garbage-collection time."""
    return yaml.compose(text, Loader=_Loader)


def _syntax_message(exc: yaml.MarkedYAMLError, text: str, line: int) -> str:
    problem = exc.problem or "invalid YAML"
    lines = text.splitlines()
    bad_line = lines[line - 1] if 0 < line <= len(lines) else ""
    if "\t" in bad_line[: len(bad_line) - len(bad_line.lstrip())] or "\\t" in problem:
        return "YAML syntax error: a tab is used for indentation; indent with spaces only"
    hint = ""
    if "mapping values are not allowed" in problem:
        hint = "; a value that contains ': ' must be put in quotes"
    elif "could not find expected ':'" in problem:
        hint = "; check the indentation and that every field has 'name: value'"
    elif "expected '-' indicator" in problem:
        hint = (
            f"; check the indentation of line {line}: every item of a list starts with '- ' in the same column as "
            "the first item, and the lines of one item line up under its first field"
        )
    elif "expected key" in problem or "expected <block end>" in problem:
        hint = (
            f"; check the indentation of line {line}: the fields of one record (or of one list item) start in the "
            "same column, and a list's '- ' items line up with each other"
        )
    return f"YAML syntax error: {problem}{hint}"


class _Builder:
    """Turns a node tree into dicts, lists and scalars, refusing what records never use."""

    def __init__(self, aliases: bool = True) -> None:
        self.seen: set[int] = set()
        self.aliases = aliases

    def fail(self, node: yaml.Node, message: str) -> YamlError:
        return YamlError(node.start_mark.line + 1, node.start_mark.column + 1, message)

    def value(self, node: yaml.Node, depth: int) -> Any:
        if self.aliases:
            if id(node) in self.seen:
                # libyaml resolves an alias to the very node it names: a second visit is an alias.
                raise self.fail(node, _ALIAS)
            self.seen.add(id(node))
        if depth > MAX_DEPTH:
            raise self.fail(node, f"values are nested too deeply; records need at most {MAX_DEPTH} levels")
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, depth)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != f"{_STD}seq":
                raise self.fail(node, f"custom YAML tags ({node.tag}) are not allowed")
            if len(node.value) > MAX_LIST:
                # Refuse before building anything: a huge list costs time at every later step.
                raise self.fail(node, f"this list has {len(node.value):,} items; records hold at most {MAX_LIST:,} per list")
            items = []
            for item in node.value:
                if self.aliases and id(item) in self.seen:
                    raise self.fail(node, _ALIAS)  # point at the list that uses the alias
                items.append(self.value(item, depth + 1))
            return items
        assert isinstance(node, yaml.ScalarNode)  # the composer makes only these three kinds of node
        return self.scalar(node)

    def mapping(self, node: yaml.MappingNode, depth: int) -> dict[str, Any]:
        if node.tag != f"{_STD}map":
            raise self.fail(node, f"custom YAML tags ({node.tag}) are not allowed")
        if len(node.value) > MAX_LIST:
            # Like a list: refused before anything is built or checked field by field.
            raise self.fail(node, f"this has {len(node.value):,} fields in one place; records hold at most {MAX_LIST:,}")
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == f"{_STD}merge":
                raise self.fail(key_node, "merge keys (<<) are not allowed; write each field out")
            if not isinstance(key_node, yaml.ScalarNode):
                raise self.fail(key_node, "a field name must be plain text")
            key = key_node.value
            if key in out:
                raise self.fail(key_node, f"'{key}' appears twice in the same place; keep one")
            if self.aliases and id(value_node) in self.seen:
                raise self.fail(key_node, _ALIAS)  # point at the field that uses the alias
            out[key] = self.value(value_node, depth + 1)
        return out

    def scalar(self, node: yaml.ScalarNode) -> Any:
        if node.tag not in _PLAIN_TAGS:
            raise self.fail(node, f"custom YAML tags ({node.tag}) are not allowed")
        text = node.value
        if node.style not in (None, "") or node.tag in (f"{_STD}str", f"{_STD}timestamp"):
            return text  # quoted, block or date-like: keep the text as written
        if _NULL.match(text):
            return None
        if text in _BOOL:
            return _BOOL[text]
        if _INT.match(text):
            if len(text) > 18:
                raise self.fail(node, "this number is too long; figures are whole numbers of at most 18 digits")
            return int(text)
        if _FLOAT.match(text):
            return float(text)
        return text


def _keys(node: yaml.MappingNode) -> dict[str, tuple[yaml.Node, yaml.Node]]:
    """A mapping's (key node, value node) by key, made once per node: locating every one of a mapping's
    n fields (n problems) then costs n lookups, not n walks of its list."""
    index = getattr(node, "_opswatch_keys", None)
    if index is None:
        index = {}
        for key_node, value_node in node.value:
            if isinstance(key_node.value, str):
                index.setdefault(key_node.value, (key_node, value_node))
        node._opswatch_keys = index  # type: ignore[attr-defined]
    return index


def locate(root: yaml.Node | None, loc: Sequence[str | int]) -> tuple[int, int]:
    """The line and column of the node at ``loc`` (a field path), or of its nearest parent."""
    if root is None:
        return 1, 1
    node: yaml.Node = root
    mark = node.start_mark
    for part in loc:
        if isinstance(node, yaml.MappingNode) and isinstance(part, str):
            found = _keys(node).get(part)
            if found is None:
                return mark.line + 1, mark.column + 1
            mark, node = found[0].start_mark, found[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
            node = node.value[part]
            mark = node.start_mark
        else:
            break
    return mark.line + 1, mark.column + 1


def scalar_text(root: yaml.Node | None, text: str, loc: Sequence[str | int]) -> str | None:
    """The source text of the scalar at ``loc`` as written ("1.450", not the float 1.45), or None."""
    node = root
    for part in loc:
        if isinstance(node, yaml.MappingNode) and isinstance(part, str):
            node = next((v for k, v in node.value if k.value == part), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
            node = node.value[part]
        else:
            return None
    if not isinstance(node, yaml.ScalarNode):
        return None
    return text[node.start_mark.index : node.end_mark.index]
