"""Reads content/: the only module that opens files there.

Every record file is read, whatever is wrong with the others, so that a
contributor sees all problems in one run.
"""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from . import editorfiles, models, vocab, yamlread
from .cache import RecordCache
from .cache import file_hash as cache_hash
from .kinds import FINGERPRINTS, KINDS, PAGES, VOCAB
from .problems import Problem
from .vocab import Vocabularies

# Names Windows cannot create, and names that would clash with the index page of a folder.
_WINDOWS = {"con", "prn", "aux", "nul"} | {f"{p}{n}" for p in ("com", "lpt") for n in range(1, 10)}
RESERVED_IDS = _WINDOWS | {"index"}
RESERVED_PAGES = _WINDOWS | {"index", "timeline", "404", "feed", "sitemap", "glossary", "search"}
# Folders of content/ that the build reads (vocab/ holds the controlled vocabularies).
FOLDERS = {*KINDS, PAGES, VOCAB, FINGERPRINTS}
_LINK = "is a symbolic link; the build reads only real folders and files inside the project: replace it with the folder itself"


@dataclass
class Document:
    """One record file as read: its raw value and the node tree that locates errors."""

    kind: str
    """Folder name in content/ (operations, agencies, sources, countries)."""
    id: str
    """The file name without .yml."""
    path: str
    """Path as shown to contributors (relative to the working folder), e.g. content/operations/x.yml."""
    data: Any
    """The parsed YAML (None for a record the build cache vouched for: only its model is needed)."""
    source: str = ""
    """Path from the folder that holds content/, whatever the working folder: the edit-link target."""
    text: str = field(repr=False, default="")
    _root: yaml.Node | None = field(repr=False, default=None)
    refs: list[tuple[tuple[str | int, ...], str, Any]] | None = field(repr=False, default=None)
    """Every id the file names, as (field path, kind it names, value), once worked out (``rules.references_in``)."""

    def where(self, loc: tuple[str | int, ...] = ()) -> tuple[int, int]:
        """Line and column of a field in this file (the file is re-parsed on first use)."""
        if self._root is None and self.text:
            self._root = yamlread.compose(self.text)
        return yamlread.locate(self._root, loc)

    def written(self, loc: tuple[str | int, ...]) -> str | None:
        """The value at a field path as written in the file (a number's own digits and separators), or None."""
        if self._root is None and self.text:
            self._root = yamlread.compose(self.text)
        return yamlread.scalar_text(self._root, self.text, loc) if self._root is not None else None


@dataclass
class Page:
    """A hand-written Markdown page from content/pages/."""

    name: str
    path: str
    text: str
    source: str = ""
    """Path from the folder that holds content/, e.g. content/pages/about.md: the edit-link target."""


@dataclass
class Loaded:
    """Everything read from content/, and what could not be read."""

    documents: list[Document] = field(default_factory=list)
    pages: list[Page] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    vocab: Vocabularies = field(default_factory=Vocabularies)
    cached: dict[tuple[str, str], Any] = field(default_factory=dict)
    """Validated models of the documents the record cache vouched for: (kind, id) → model."""
    fresh: dict[tuple[str, str], tuple[os.stat_result, bytes]] = field(default_factory=dict)
    """Stat and hash of the documents read afresh, for the record cache."""


def display_path(path: Path) -> str:
    """The path relative to the working directory when inside it, in POSIX form."""
    try:
        # The folder is resolved, not the file: a link must be shown as itself, not as what it points to.
        return (path.parent.resolve() / path.name).relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def load(content: Path, records: RecordCache | None = None) -> Loaded:
    """Read every record and page under ``content``; records ``records`` vouches for are not parsed again."""
    out = Loaded()
    if content.is_symlink():
        out.problems.append(Problem(display_path(content), 1, 1, "", f"the content folder {_LINK}"))
        return out
    if not content.is_dir():
        out.problems.append(Problem(display_path(content), 1, 1, "", "the content folder does not exist"))
        return out
    top = content.resolve().name  # edit links name files from the folder that holds content/
    _stray_entries(content, out)
    if (content / VOCAB).is_symlink():  # refused like every other folder of content/: never followed
        out.problems.append(Problem(display_path(content / VOCAB), 1, 1, "", f"content/{VOCAB}/ {_LINK}"))
        out.vocab = load_vocab(vocab.SHIPPED)[0]  # the project's own, so that the records' other problems still show
    else:
        out.vocab, problems = load_vocab(vocab_folder(content))
        out.problems.extend(problems)
    if records is not None:
        records.open(out.vocab)
    for kind in KINDS:
        folder = content / kind
        if folder.is_symlink():
            out.problems.append(Problem(display_path(folder), 1, 1, "", f"content/{kind}/ {_LINK}"))
            continue
        if not folder.is_dir():
            if folder.exists():
                out.problems.append(
                    Problem(display_path(folder), 1, 1, "", f"content/{kind} must be a folder of records, not a file")
                )
            continue
        shown_folder = display_path(folder)  # resolved once per folder: resolving each file is slow
        for entry in sorted(os.scandir(folder), key=lambda e: e.name):
            _load_record(kind, entry.path, f"{shown_folder}/{entry.name}", entry, out, f"{top}/{kind}/{entry.name}", records)
    pages = content / PAGES
    if pages.is_symlink():
        out.problems.append(Problem(display_path(pages), 1, 1, "", f"content/{PAGES}/ {_LINK}"))
    elif pages.is_dir():
        for entry in sorted(os.scandir(pages), key=lambda e: e.name):
            path = Path(entry.path)
            shown = display_path(path)
            if editorfiles.is_temporary(entry.name):
                continue
            skipped = _skipped_page(entry)
            if skipped:
                out.problems.append(Problem(shown, 1, 1, "", skipped))
                continue
            if entry.name.startswith("."):
                continue
            problem = _name_problem(entry, shown, entry.name[:-3], ".md", RESERVED_PAGES)
            if problem:
                out.problems.append(problem)
                continue
            try:
                text = _read(path, entry).decode("utf-8-sig")
            except _Unreadable as exc:
                out.problems.append(Problem(shown, 1, 1, "", str(exc)))
                continue
            except UnicodeDecodeError:
                out.problems.append(Problem(shown, 1, 1, "", "the file is not UTF-8 text; save it with UTF-8 encoding"))
                continue
            # Windows line endings would hide the front matter (it must start with "---\n").
            text = text.replace("\r\n", "\n").replace("\r", "\n")
            out.pages.append(Page(entry.name[:-3], shown, text, f"{top}/{PAGES}/{entry.name}"))
    return out


def vocab_folder(content: Path) -> Path:
    """content/vocab, or, for a content folder without one (a test fixture, an old checkout), the project's own;
    never through a link (``load`` refuses a linked vocab folder)."""
    folder = content / VOCAB
    return folder if folder.is_dir() and not folder.is_symlink() else vocab.SHIPPED


def load_vocab(folder: Path) -> tuple[Vocabularies, list[Problem]]:
    """The vocabularies in ``folder`` (content/vocab), and what is wrong with them."""
    from .vocabload import load_vocab as read

    return read(folder)


def _name_problem(entry: os.DirEntry, shown: str, stem: str, suffix: str, reserved: set[str] = RESERVED_IDS) -> Problem | None:
    if entry.is_symlink() or not entry.is_file(follow_symlinks=False):
        return Problem(shown, 1, 1, "", "records must be plain files, not links or folders")
    if not models.ID_RE.match(stem) or len(stem) > 80:
        return Problem(
            shown,
            1,
            1,
            "",
            f"the file name '{entry.name}' is not a valid id: use lower-case letters a-z, digits and single "
            f"hyphens, then {suffix} (e.g. operation-epervier{suffix})",
        )
    if stem in reserved:
        return Problem(shown, 1, 1, "", f"'{stem}' is reserved; choose a more specific file name")
    return None


def _load_record(
    kind: str, path: str, shown: str, entry: os.DirEntry, out: Loaded, source: str, records: RecordCache | None
) -> None:
    if editorfiles.is_temporary(entry.name) and not entry.is_dir(follow_symlinks=False):
        return
    if entry.name.startswith("."):
        if entry.name.endswith(".yml"):  # a hidden record would be silently skipped: say so
            out.problems.append(Problem(shown, 1, 1, "", "record file names must not start with a dot"))
        return
    if entry.is_dir(follow_symlinks=False) and not entry.name.endswith(".yml"):
        out.problems.append(
            Problem(shown, 1, 1, "", f"folders inside content/{kind}/ are not read; move the records into content/{kind}/ itself")
        )
        return
    left = editorfiles.leftover(entry.name)
    if left is not None:
        out.problems.append(Problem(shown, 1, 1, "", left))
        return
    if not entry.name.endswith(".yml"):
        out.problems.append(Problem(shown, 1, 1, "", f"only .yml files belong in content/{kind}/; rename it to end in .yml"))
        return
    stem = entry.name[:-4]
    problem = _name_problem(entry, shown, stem, ".yml")
    if problem:
        out.problems.append(problem)
        return
    name = f"{kind}/{stem}"
    hit = None
    try:
        st = entry.stat(follow_symlinks=False)  # DirEntry keeps it: _read's size check does not stat again
        hit = records.by_stat(name, st) if records else None
        if hit is None:
            raw = _read(path, entry)
            digest = cache_hash(raw)
            hit = records.by_hash(name, st, digest) if records else None
            if hit is None:
                data, text = yamlread.read(raw)
    except OSError as exc:
        message = f"the file cannot be read ({exc.strerror or exc}); check its permissions (e.g. chmod a+r) or remove it"
        out.problems.append(Problem(shown, 1, 1, "", message))
        return
    except _Unreadable as exc:
        out.problems.append(Problem(shown, 1, 1, "", str(exc)))
        return
    except yamlread.YamlError as exc:
        out.problems.append(Problem(shown, exc.line, exc.column, "", exc.message))
        return
    if hit is not None:  # the record cache has this very file, already validated
        out.documents.append(Document(kind, stem, shown, None, source, hit.text, refs=hit.refs))
        out.cached[(kind, stem)] = hit.model
        return
    out.documents.append(Document(kind, stem, shown, data, source, text))
    out.fresh[(kind, stem)] = (st, digest)


class _Unreadable(Exception):
    """A file that cannot be read: too large, or refused by the file system."""


def _read(path: Path | str, entry: os.DirEntry) -> bytes:
    """The file's bytes, refusing a file over the size limit before reading it."""
    try:
        size = entry.stat(follow_symlinks=False).st_size
        if size > yamlread.MAX_BYTES:
            raise _Unreadable(f"the file is {size:,} bytes; records are limited to {yamlread.MAX_BYTES:,} bytes")
        with open(path, "rb") as handle:
            data = handle.read(yamlread.MAX_BYTES + 1)  # a file that grew since: still bounded
    except OSError as exc:
        raise _Unreadable(
            f"the file cannot be read ({exc.strerror or exc}); check its permissions (e.g. chmod a+r) or remove it"
        ) from None
    if len(data) > yamlread.MAX_BYTES:
        raise _Unreadable(
            f"the file is more than {yamlread.MAX_BYTES:,} bytes; records are limited to {yamlread.MAX_BYTES:,} bytes"
        )
    return data


def _skipped_page(entry: os.DirEntry) -> str | None:
    """Why a file or folder in content/pages/ would not be published (None: a page, or a dot-file such as .gitkeep)."""
    name = entry.name
    left = editorfiles.leftover(name)
    if left is not None:
        return left
    if entry.is_dir(follow_symlinks=False):
        return "folders inside content/pages/ are not read; move the pages into content/pages/ itself"
    if name.startswith("."):
        return "page file names must not start with a dot: the build skips it" if name.endswith(".md") else None
    if not name.endswith(".md"):
        return "only Markdown pages ending in .md are published from content/pages/; rename it to end in .md, or move it out of content/"
    return None


def _stray_entries(content: Path, out: Loaded) -> None:
    """Folders and record files in content/ that the build would not read, with a did-you-mean."""
    for entry in sorted(os.scandir(content), key=lambda e: e.name):
        name = entry.name
        if name in FOLDERS or editorfiles.is_temporary(name):
            continue
        shown = display_path(Path(entry.path))
        if name.startswith("."):  # hidden: skipped, which is only right for what is not content
            if entry.is_dir(follow_symlinks=False) and name != ".git":
                out.problems.append(
                    Problem(
                        shown,
                        1,
                        1,
                        "",
                        f"the build does not read the hidden folder '{name}/', so its files are ignored; "
                        f"records go in {', '.join(f'content/{k}/' for k in KINDS)}",
                    )
                )
            elif name.endswith((".yml", ".yaml", ".md")):
                out.problems.append(Problem(shown, 1, 1, "", "file names must not start with a dot: the build skips this file"))
            continue
        if entry.is_dir(follow_symlinks=False):
            close = difflib.get_close_matches(name.lower(), sorted(FOLDERS), n=1, cutoff=0.6)
            tip = f"did you mean content/{close[0]}/?" if close else f"records go in {', '.join(f'content/{k}/' for k in KINDS)}"
            out.problems.append(
                Problem(shown, 1, 1, "", f"the build does not read the folder '{name}/', so its files are ignored; {tip}")
            )
        elif name.endswith((".yml", ".yaml")):
            out.problems.append(
                Problem(
                    shown,
                    1,
                    1,
                    "",
                    f"records go in a folder of content/ ({', '.join(f'content/{k}/' for k in KINDS)}), not in content/ itself",
                )
            )
