"""The build cache: what the last build learnt, kept in ``<out>/.cache/`` so a rebuild redoes only what changed.

- **Records** (``records-NN.pickle``, in shards so that one edit rewrites one small file): each record
  file's validated model with its text and the ids it names, keyed by kind and file name, trusted when the
  file's size and modification time are as recorded (or, when they are not, its bytes hash the same).
- **The last build's inputs** (``state.json``): the size and time of every file under ``content/``,
  for the no-op check (nothing changed: nothing to do).
- **Page signatures** (``pages.pickle``): a hash of what each generated page shows, so a page
  whose inputs did not change is neither rendered nor written.

Every cache file starts with one version key, a hash of the generator's own code and templates,
the vocabularies, the Python version and the versions of the libraries that parse, validate and
render; a file with another key is discarded whole. The folder is safe to delete (the next build is
a full one), never published (MkDocs skips folders whose name starts with a dot) and never touched
by the writer. A cache file that cannot be read (truncated, corrupted, written by other code) is
ignored and rebuilt, never trusted: pickles are read with an unpickler that builds only the
generator's record models, and a wrong cache can cost time, not correctness.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import pickle
import stat
import sys
import time
import zlib
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

FORMAT = 2
"""Raised whenever the layout of the cache files changes."""
FOLDER = ".cache"
SHARDS = 32
SETTLE_NS = 2_000_000_000
"""A file modified this close to a build's start is re-hashed next time, whatever its time says: file
times are coarse (a few ms), so an edit in the same tick as the read would otherwise go unseen."""
LIBRARIES = ("pydantic", "pydantic-core", "PyYAML", "Jinja2", "MarkupSafe", "Babel", "pycountry", "Markdown")
_CODE = Path(__file__).resolve().parent


_RUNNING: dict[tuple[Path, tuple[str, ...]], bytes] = {}


def _running_code() -> bytes:
    """The hash of the code, templates and library versions this process runs, taken once: a long-running
    preview keeps the modules and templates it loaded (templates are not reloaded), whatever is saved
    to disk after, so its cache must say so."""
    memo = (_CODE, LIBRARIES)
    if memo not in _RUNNING:
        h = hashlib.blake2b(digest_size=16)
        h.update(f"format {FORMAT}\n{sys.version}\n{sys.implementation.cache_tag}\n".encode())
        for name in LIBRARIES:
            try:
                h.update(f"{name} {metadata.version(name)}\n".encode())
            except metadata.PackageNotFoundError:
                h.update(f"{name} -\n".encode())
        _files(h, _CODE, "**/*.py")
        _files(h, _CODE, "templates/**/*")
        _RUNNING[memo] = h.digest()
    return _RUNNING[memo]


def _files(h: Any, root: Path, pattern: str) -> None:
    for path in sorted(root.glob(pattern)):
        if path.is_file() and "__pycache__" not in path.parts:
            h.update(f"{path.relative_to(root).as_posix()}\n".encode())
            h.update(hashlib.blake2b(path.read_bytes(), digest_size=16).digest())


def version_key(vocab_folder: Path) -> str:
    """One hash of everything besides the records that the cache's contents depend on: the generator's
    code, templates and libraries (as running) and the vocabularies (as on disk: read by every build)."""
    h = hashlib.blake2b(_running_code(), digest_size=16)
    _files(h, vocab_folder, "*.yml")
    return h.hexdigest()


def file_hash(data: bytes) -> bytes:
    """The hash that identifies a record file's bytes."""
    return hashlib.blake2b(data, digest_size=16).digest()


def folder(out: Path) -> Path | None:
    """``<out>/.cache``, or None when it is a link or not a folder (then the build runs without a cache)."""
    folder = out / FOLDER
    if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
        return None
    return folder


def save(path: Path, payload: bytes) -> None:
    """Write a cache file whole or not at all (a crash leaves the old one or none)."""
    tmp = path.with_name(path.name + ".tmp")
    try:
        path.parent.mkdir(exist_ok=True)
        tmp.write_bytes(payload)
        os.replace(tmp, path)
    except OSError:
        pass  # a cache that cannot be written costs the next build time, not correctness


def read(path: Path) -> bytes | None:
    try:
        if path.is_symlink():
            return None
        return path.read_bytes()
    except OSError:
        return None


@dataclass
class Entry:
    """One record file as the last build read and validated it."""

    size: int
    mtime_ns: int
    settled: bool
    """The file's time was older than that build's start by more than SETTLE_NS: its stat can be trusted."""
    hash: bytes
    refs: list[Any]
    """The ids the file names, with where (``rules.references_in``): the cross-record checks need them,
    so the parsed YAML itself need not be kept."""
    text: str
    model: Any


def _term(vocabulary: str, term: str) -> Any:  # pragma: no cover - replaced by the unpickler's lookup
    raise pickle.UnpicklingError("terms are looked up by the cache's unpickler")


def _pickler(buffer: io.BytesIO) -> pickle.Pickler:
    """Vocabulary terms are stored by name and looked up again: they carry the vocabulary's wording.
    (A dispatch table, not ``persistent_id``: that is a Python call for every object pickled.)"""
    from .vocab import Term

    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = {Term: lambda term: (_term, (term.vocabulary, str(term)))}
    return pickler


class _Unpickler(pickle.Unpickler):
    """Builds only cache entries, the generator's record models and the current vocabulary's terms;
    anything else fails the file."""

    def __init__(self, data: bytes, vocab: Any) -> None:
        super().__init__(io.BytesIO(data))
        self.vocab = vocab

    def find_class(self, module: str, name: str) -> Any:
        from pydantic import BaseModel

        from . import models

        if module == __name__ and name in ("Entry", "_term"):
            return Entry if name == "Entry" else self._lookup
        found = getattr(models, name, None) if module == models.__name__ else None
        if isinstance(found, type) and issubclass(found, BaseModel):
            return found
        raise pickle.UnpicklingError(f"the cache may not build {module}.{name}")

    def _lookup(self, vocabulary: str, term: str) -> Any:
        return self.vocab.get(vocabulary)[term]


class RecordCache:
    """Validated records from the last build, and what this build read afresh."""

    def __init__(self, out: Path, key: str) -> None:
        self.folder = folder(out)
        self.key = key
        self.vocab: Any = None
        self.started_ns = time.time_ns()
        self.entries: dict[str, Entry] = {}
        self.dirty: set[int] = set()
        self.reused = 0
        self.opened = False

    def open(self, vocab: Any) -> None:
        """Read the shards (once), with the vocabulary their terms are looked up in."""
        if self.opened:
            return
        self.opened, self.vocab = True, vocab
        if self.folder is not None:
            for shard in range(SHARDS):
                self._load(shard)

    def _path(self, shard: int) -> Path:
        assert self.folder is not None
        return self.folder / f"records-{shard:02d}.pickle"

    def _load(self, shard: int) -> None:
        raw = read(self._path(shard))
        if raw is None:
            return
        try:
            header, _, body = raw.partition(b"\n")
            if header != self.key.encode():
                self.dirty.add(shard)  # another version's cache: replaced on save
                return
            entries = _Unpickler(body, self.vocab).load()
            if not isinstance(entries, dict) or not all(isinstance(e, Entry) for e in entries.values()):
                raise pickle.UnpicklingError("not a shard of entries")
        except Exception:  # truncated, corrupted or foreign: rebuilt from the records, never trusted
            self.dirty.add(shard)
            return
        self.entries.update(entries)

    @staticmethod
    def shard(name: str) -> int:
        return zlib.crc32(name.encode()) % SHARDS

    def by_stat(self, name: str, st: os.stat_result) -> Entry | None:
        """The cached entry when the file's size and time are as recorded and were settled then."""
        entry = self.entries.get(name)
        if entry and entry.settled and entry.size == st.st_size and entry.mtime_ns == st.st_mtime_ns:
            self.reused += 1
            return entry
        return None

    def by_hash(self, name: str, st: os.stat_result, digest: bytes) -> Entry | None:
        """The cached entry when the file's bytes are the same (touched, copied, or just written); its stat is updated."""
        entry = self.entries.get(name)
        if entry is None or entry.hash != digest:
            return None
        self._restat(name, entry, st)
        self.reused += 1
        return entry

    def _restat(self, name: str, entry: Entry, st: os.stat_result) -> None:
        settled = st.st_mtime_ns < self.started_ns - SETTLE_NS
        if (entry.size, entry.mtime_ns, entry.settled) != (st.st_size, st.st_mtime_ns, settled):
            entry.size, entry.mtime_ns, entry.settled = st.st_size, st.st_mtime_ns, settled
            self.dirty.add(self.shard(name))

    def remember(self, name: str, st: os.stat_result, digest: bytes, refs: list[Any], text: str, model: Any) -> None:
        """A record read and validated afresh, kept for the next build."""
        settled = st.st_mtime_ns < self.started_ns - SETTLE_NS
        self.entries[name] = Entry(st.st_size, st.st_mtime_ns, settled, digest, refs, text, model)
        self.dirty.add(self.shard(name))

    def save(self, names: set[str]) -> None:
        """Keep the entries of ``names`` (every record of a clean build); forget the others."""
        for gone in set(self.entries) - names:
            del self.entries[gone]
            self.dirty.add(self.shard(gone))
        if self.folder is None or not self.dirty:
            return
        shards: dict[int, dict[str, Entry]] = {shard: {} for shard in self.dirty}
        for name, entry in self.entries.items():
            shard = self.shard(name)
            if shard in shards:
                shards[shard][name] = entry
        for shard, entries in shards.items():
            buffer = io.BytesIO()
            buffer.write(self.key.encode() + b"\n")
            _pickler(buffer).dump(entries)
            save(self._path(shard), buffer.getvalue())
        self.dirty.clear()


def content_stats(content: Path) -> dict[str, list[int]] | None:
    """[size, mtime_ns] of every file and folder under ``content`` (None when it cannot be walked)."""
    found: dict[str, list[int]] = {}
    stack = [("", str(content))]
    try:
        while stack:
            prefix, folder = stack.pop()
            with os.scandir(folder) as entries:
                for entry in entries:
                    rel = prefix + entry.name
                    st = entry.stat(follow_symlinks=False)
                    if entry.is_dir(follow_symlinks=False):
                        found[rel + "/"] = [0, st.st_mtime_ns]
                        stack.append((rel + "/", entry.path))
                    else:
                        found[rel] = [st.st_size, st.st_mtime_ns, entry.is_symlink()]
    except OSError:
        return None
    return found


class State:
    """The inputs of the last clean build, for the no-op check."""

    def __init__(self, out: Path, key: str, params: list[str], content: Path | None = None) -> None:
        self.folder = folder(out)
        self.key = key
        self.params = params
        self.content = content
        self.started_ns = time.time_ns()
        self.hashes: dict[str, str] | None = None
        """The bytes' hash of each file saved just before this build started, taken before it read any."""

    def _path(self) -> Path | None:
        return None if self.folder is None else self.folder / "state.json"

    def fresh_hashes(self, stats: dict[str, list[int]] | None, started_ns: int) -> dict[str, str] | None:
        """The hash of every file under ``content`` modified less than SETTLE_NS before ``started_ns``
        (its time cannot tell a later edit in the same tick); None when one cannot be read as a plain file."""
        if stats is None or self.content is None:
            return None
        found: dict[str, str] = {}
        for rel, entry in stats.items():
            if rel.endswith("/") or entry[1] < started_ns - SETTLE_NS:
                continue  # a folder's entries are listed in the stats themselves
            digest = _plain_file_hash(self.content / rel)
            if digest is None:
                return None
            found[rel] = digest
        return found

    def start(self, stats: dict[str, list[int]] | None) -> None:
        """Hash the files saved just before this build, before it reads them (see ``unchanged``)."""
        self.hashes = self.fresh_hashes(stats, self.started_ns)

    def unchanged(self, stats: dict[str, list[int]] | None) -> bool:
        """Whether the last clean build saw exactly these inputs. A file saved less than SETTLE_NS
        before that build started must also still have the bytes it had then (hashed before that build
        read it): an edit in the same tick leaves its size and time as they were. So the build right
        after one that wrote stops at once too, not only the one after that."""
        path = self._path()
        raw = read(path) if path else None
        if raw is None or stats is None:
            return False
        try:
            last = json.loads(raw)
            if last["key"] != self.key or last["params"] != self.params or last["stats"] != stats:
                return False
            saved = last.get("hashes")
            if not isinstance(saved, dict):
                return all(entry[1] < last["started_ns"] - SETTLE_NS for entry in stats.values())
            now = self.fresh_hashes(stats, last["started_ns"])
            return now is not None and now == saved
        except (ValueError, KeyError, TypeError, IndexError):
            return False

    def save(self, stats: dict[str, list[int]] | None) -> None:
        path = self._path()
        if path is None or stats is None:
            return
        payload: dict[str, Any] = {"key": self.key, "params": self.params, "started_ns": self.started_ns, "stats": stats}
        if self.hashes is not None:
            payload["hashes"] = self.hashes
        save(path, json.dumps(payload, separators=(",", ":")).encode())

    def forget(self) -> None:
        """A build that did not finish cleanly: the next one must not take the no-op path."""
        path = self._path()
        if path is not None:
            with contextlib.suppress(OSError):
                path.unlink()


FRESH_LIMIT = 1 << 24
"""Bytes: a file saved just before a build and larger than this is not hashed (the next build is then a real one)."""


def _plain_file_hash(path: Path) -> str | None:
    """The hex hash of a regular file's bytes, never following a link nor opening a FIFO or device; None otherwise."""
    try:
        st = os.lstat(path)
        if not stat.S_ISREG(st.st_mode) or st.st_size > FRESH_LIMIT:
            return None
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as f:
            if not stat.S_ISREG(os.fstat(f.fileno()).st_mode):
                return None
            return file_hash(f.read(FRESH_LIMIT + 1)).hex()
    except OSError:
        return None
