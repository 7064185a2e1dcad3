"""Reads content/vocab/*.yml into vocabularies, with a located problem for each mistake."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from . import figures, textcheck, yamlread
from .problems import Problem
from .vocab import FILES, Entry, Vocabularies, Vocabulary

MAX_LINE = 300
_FIELDS = {"label", "definition", "synonyms", "totals", "not_totalled_because", "singular"}


def load_vocab(folder: Path, shown: str | None = None) -> tuple[Vocabularies, list[Problem]]:
    """Every vocabulary file in ``folder``; files that are missing or wrong are problems."""
    from .loader import display_path

    out = Vocabularies()
    problems: list[Problem] = []
    base = shown or display_path(folder)
    if folder.is_dir():
        for path in sorted(folder.iterdir()):
            if path.suffix == ".yml" and path.stem not in FILES:
                problems.append(
                    Problem(f"{base}/{path.name}", 1, 1, "", f"not a vocabulary file; the files are {', '.join(FILES)}")
                )
    for stem in FILES:
        path = folder / f"{stem}.yml"
        where = f"{base}/{stem}.yml"
        vocabulary = Vocabulary(stem, where)
        out.by_file[stem] = vocabulary
        if path.is_symlink():
            problems.append(
                Problem(
                    where,
                    1,
                    1,
                    "",
                    "this vocabulary file is a symbolic link; the build reads only real files: put the file itself here",
                )
            )
            continue
        if not path.is_file():
            problems.append(Problem(where, 1, 1, "", "this vocabulary file is missing; restore it from the project"))
            continue
        try:
            data, text = yamlread.read(_read(path))
        except OSError as exc:
            problems.append(Problem(where, 1, 1, "", f"the file cannot be read ({exc.strerror or exc}); check its permissions"))
            continue
        except yamlread.YamlError as exc:
            problems.append(Problem(where, exc.line, exc.column, "", exc.message))
            continue
        problems.extend(_terms(vocabulary, data, text))
    return out, problems


def _read(path: Path) -> bytes:
    """The file's bytes, at most one more than the size limit (``yamlread.read`` refuses a larger file),
    without following a link made after the check above."""
    fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    with os.fdopen(fd, "rb") as handle:
        return handle.read(yamlread.MAX_BYTES + 1)


def _terms(vocabulary: Vocabulary, data: Any, text: str) -> list[Problem]:
    from .models import ID_RE

    problems: list[Problem] = []
    root = yamlread.compose(text) if text else None

    def problem(loc: tuple[str, ...], message: str) -> None:
        line, column = yamlread.locate(root, loc)
        problems.append(Problem(vocabulary.path, line, column, ".".join(loc), message))

    if not isinstance(data, dict) or not data:
        problem((), "a vocabulary file is a list of 'term-id:' entries, each with label and definition")
        return problems
    # The character rules of records (control, bidirectional and invisible characters): a term's label
    # and definition are shown on every page that uses it, and in the feed.
    for loc, message in textcheck.scan(data):
        problem(tuple(str(part) for part in loc), message)
    for term, fields in data.items():
        if not isinstance(term, str) or not ID_RE.match(term) or len(term) > 80:
            problem((str(term),), f"'{term}' is not a valid term id: use lower-case letters, digits and single hyphens")
            continue
        if not isinstance(fields, dict):
            problem((term,), "give the term a label and a definition, each on its own indented line")
            continue
        for name in fields:
            if name not in _FIELDS or (name in ("totals", "not_totalled_because", "singular") and vocabulary.name != "measures"):
                problem((term, str(name)), f"'{name}' is not a field of a term here")
        texts = {}
        for name in ("label", "definition"):
            value = fields.get(name)
            if not isinstance(value, str) or not value.strip() or len(value) > MAX_LINE or "\n" in value:
                problem(
                    (term, name) if name in fields else (term,),
                    f"give the term a {name}: one line of text, at most {MAX_LINE} characters",
                )
            texts[name] = str(value or "")
        synonyms = fields.get("synonyms", [])
        if not isinstance(synonyms, list) or not all(isinstance(s, str) and 0 < len(s) <= 80 for s in synonyms):
            problem((term, "synonyms"), "synonyms is a list of words or phrases, e.g. [over, above]")
            synonyms = []
        singular = fields.get("singular")
        if singular is not None and (not isinstance(singular, str) or not singular.strip() or "\n" in singular):
            problem((term, "singular"), "singular is the label for one, on one line, e.g. website or app blocked")
            singular = None
        totals = fields.get("totals", True)
        reason = fields.get("not_totalled_because")
        if not isinstance(totals, bool):
            problem((term, "totals"), "totals is true or false")
            totals = True
        if totals is False and not (isinstance(reason, str) and reason.strip()):
            problem((term, "totals"), "say why figures of this measure are not added up, in not_totalled_because")
        vocabulary.add(
            Entry(
                vocabulary.name,
                term,
                texts["label"],
                texts["definition"],
                tuple(synonyms),
                totals,
                reason if not totals else None,
                singular,
            )
        )
    if vocabulary.name == "qualifiers":
        for extra in sorted(set(vocabulary) - set(figures.QUALIFIER_WORDS)):
            problem((extra,), f"'{extra}' has no total rule; qualifiers need one in generator/figures.py (ask in an issue)")
        for gone in sorted(set(figures.QUALIFIER_WORDS) - set(vocabulary)):
            problem((), f"the qualifier '{gone}' is missing; totals and records rely on it")
    if vocabulary.name == "figure-statuses":
        for extra in sorted(set(vocabulary) - set(figures.STATUSES)):
            problem((extra,), f"'{extra}' has no total rule; statuses need one in generator/figures.py (ask in an issue)")
        for gone in sorted(set(figures.STATUSES) - set(vocabulary)):
            problem((), f"the status '{gone}' is missing; totals and records rely on it")
    return problems
