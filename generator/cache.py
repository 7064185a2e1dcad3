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
render, and of this checkout's own secret (``.cache/secret``: random bytes made by the first build
here, with the file's inode); a file with another key is discarded whole. The secret is what makes a
cache file one this checkout's builds wrote: a repository can carry files in ``docs/.cache/`` (the
build refuses tracked files there, see ``build.py``), but it cannot know the secret of the checkout
that builds it, so a forged shard is discarded, never trusted. The folder is safe to delete (the next build is
a full one), never published (MkDocs skips folders whose name starts with a dot) and never touched
by the writer. A cache file that cannot be read (truncated, corrupted, written by other code) is
ignored and rebuilt, never trusted: files are opened without following links and only when they
are regular files (a FIFO would block the build), written through a new file made with
``O_EXCL | O_NOFOLLOW`` (a link planted in the folder is removed, never written through), pickles
are read with an unpickler that builds only the generator's record models, and a wrong cache can
cost time, not correctness.
"""

from __future__ import annotations

import contextlib
import datetime as dt
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

FORMAT = 3
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


VOCAB_LIMIT = 1_000_000
"""The most bytes of one vocabulary file hashed (records' own limit): a larger one is refused by the loader."""


def _vocab_files(h: Any, folder: Path) -> None:
    """The vocabularies' names and bytes, read without following links (the loader refuses a linked
    vocabulary folder or file with a located problem; the key only has to change when they do)."""
    if folder.is_symlink() or not folder.is_dir():
        h.update(b"no vocabulary folder\n")
        return
    for name in sorted(entry.name for entry in os.scandir(folder) if entry.name.endswith(".yml")):
        data = read(folder / name, VOCAB_LIMIT)
        h.update(f"{name}\n".encode())
        h.update(b"unreadable" if data is None else hashlib.blake2b(data, digest_size=16).digest())


def version_key(vocab_folder: Path, out: Path | None = None) -> str:
    """One hash of everything besides the records that the cache's contents depend on: the generator's
    code, templates and libraries (as running), the vocabularies (as on disk: read by every build),
    and the secret of the cache in ``out`` (made on first use), so that no one else can write a
    cache file this build will trust."""
    h = hashlib.blake2b(_running_code(), digest_size=16)
    _vocab_files(h, vocab_folder)
    if out is not None:
        h.update(secret(out))
    return h.hexdigest()


SECRET = "secret"
_SECRET_BYTES = 32


def secret(out: Path) -> bytes:
    """This checkout's cache secret: the random bytes of ``<out>/.cache/secret`` with that file's device
    and inode, made on first use. A copy of the file (a repository that carries it, an archive, ``cp -a``)
    has another inode, so it does not carry the secret along; without a cache folder, a fresh random value
    (that build's cache files will not be trusted by the next)."""
    where = folder(out)
    if where is not None:
        path = where / SECRET
        for _attempt in range(2):
            found = _read_secret(path)
            if found is not None:
                return found
            with contextlib.suppress(OSError):
                where.mkdir(parents=True, exist_ok=True)
            save(path, os.urandom(_SECRET_BYTES))
    return os.urandom(_SECRET_BYTES)


def _read_secret(path: Path) -> bytes | None:
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError:
        return None
    with os.fdopen(fd, "rb") as handle:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or st.st_size != _SECRET_BYTES:
            return None
        data = handle.read(_SECRET_BYTES + 1)
    if len(data) != _SECRET_BYTES:
        return None
    return data + f"{st.st_dev}:{st.st_ino}".encode()


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
    """Write a cache file whole or not at all (a crash leaves the old one or none).

    The temporary file is made anew (``O_EXCL | O_NOFOLLOW``) after removing whatever has its name:
    a link planted there is removed, never written through; ``os.replace`` then renames the new file
    over the old name, which replaces a link there rather than following it."""
    tmp = path.with_name(path.name + ".tmp")
    try:
        path.parent.mkdir(exist_ok=True)
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644)
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
        os.replace(tmp, path)
    except OSError:
        pass  # a cache that cannot be written costs the next build time, not correctness


def read(path: Path, limit: int | None = None) -> bytes | None:
    """The bytes of a cache file; None when it is missing, a link, not a regular file (a FIFO would block
    the build for ever, a device never end), larger than ``limit``, or unreadable."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError:
        return None
    try:
        with os.fdopen(fd, "rb") as handle:
            st = os.fstat(handle.fileno())
            if not stat.S_ISREG(st.st_mode) or (limit is not None and st.st_size > limit):
                return None
            data = handle.read() if limit is None else handle.read(limit + 1)
    except OSError:
        return None
    return None if limit is not None and len(data) > limit else data


def stamp(st: os.stat_result) -> tuple[int, int, int, int]:
    """What says a file is unchanged without reading it: its size, modification time, change time and
    inode. Tools that keep modification times (``cp -p``, ``rsync -a``, ``tar x``, ``touch -r``, ``touch -d``)
    cannot keep the change time, which the system sets on every write, and ``sed -i`` makes a new inode."""
    return st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino


def _settled(st: os.stat_result, started_ns: int) -> bool:
    # The modification time, as before change times were compared: a copy made with cp -p (an old time, a new
    # change time) counts as settled at once, and an edit that keeps its size and time still changes its stamp.
    return st.st_mtime_ns < started_ns - SETTLE_NS


@dataclass
class Entry:
    """One record file as the last build read and validated it."""

    stamp: tuple[int, int, int, int]
    """The file's ``stamp`` then."""
    settled: bool
    """The file's time was older than that build's start by more than SETTLE_NS: its stamp can be trusted."""
    hash: bytes
    refs: list[Any]
    """The ids the file names, with where (``rules.references_in``): the cross-record checks need them,
    so the parsed YAML itself need not be kept."""
    text: str
    model: Any
    day: str = ""
    """The day (ISO) the file was validated: "not in the future" depends on it, so an entry made on a
    later day than today (a clock set ahead, then back) is validated again."""


def today() -> str:
    """Today, as the validation's "not in the future" rule sees it (ISO date)."""
    return dt.date.today().isoformat()


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


def _stands_for(name: Any, entry: Any, shard: int) -> bool:
    """Whether a shard's item is what it says: an entry, under a record's name that belongs in this shard,
    holding a model of that record's kind (an agency under operations/x is refused with the shard)."""
    from .kinds import KINDS

    if not isinstance(name, str) or not isinstance(entry, Entry) or RecordCache.shard(name) != shard:
        return False
    kind = KINDS.get(name.partition("/")[0])
    return kind is not None and isinstance(entry.model, kind.model) and isinstance(entry.text, str)


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
        self.today = today()

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
            if not isinstance(entries, dict) or not all(_stands_for(name, e, shard) for name, e in entries.items()):
                raise pickle.UnpicklingError("not a shard of entries")
        except Exception:  # truncated, corrupted or foreign: rebuilt from the records, never trusted
            self.dirty.add(shard)
            return
        self.entries.update(entries)

    @staticmethod
    def shard(name: str) -> int:
        return zlib.crc32(name.encode()) % SHARDS

    def by_stat(self, name: str, st: os.stat_result) -> Entry | None:
        """The cached entry when the file's size, times and inode are as recorded and were settled then."""
        entry = self.entries.get(name)
        if entry and entry.settled and entry.stamp == stamp(st) and entry.day <= self.today:
            self.reused += 1
            return entry
        return None

    def by_hash(self, name: str, st: os.stat_result, digest: bytes) -> Entry | None:
        """The cached entry when the file's bytes are the same (touched, copied, or just written); its stat is updated."""
        entry = self.entries.get(name)
        if entry is None or entry.hash != digest or entry.day > self.today:
            return None
        self._restat(name, entry, st)
        self.reused += 1
        return entry

    def _restat(self, name: str, entry: Entry, st: os.stat_result) -> None:
        now, settled = stamp(st), _settled(st, self.started_ns)
        if (entry.stamp, entry.settled) != (now, settled):
            entry.stamp, entry.settled = now, settled
            self.dirty.add(self.shard(name))

    def remember(self, name: str, st: os.stat_result, digest: bytes, refs: list[Any], text: str, model: Any) -> None:
        """A record read and validated afresh, kept for the next build."""
        settled = _settled(st, self.started_ns)
        self.entries[name] = Entry(stamp(st), settled, digest, refs, text, model, self.today)
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
    """[size, mtime_ns, ctime_ns, inode] of every file and folder under ``content`` (None when it cannot be
    walked), and for a file whether it is a link."""
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
                        found[rel + "/"] = [0, st.st_mtime_ns, st.st_ctime_ns, st.st_ino]
                        stack.append((rel + "/", entry.path))
                    else:
                        found[rel] = [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, entry.is_symlink()]
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
            if rel.endswith("/") or max(entry[1], entry[2]) < started_ns - SETTLE_NS:
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
            if (
                last["key"] != self.key
                or last["params"] != self.params
                or not isinstance(last["day"], str)
                or last["day"] > today()
                or last["stats"] != stats
            ):
                return False
            saved = last.get("hashes")
            if not isinstance(saved, dict):
                return all(max(stat[1], stat[2]) < last["started_ns"] - SETTLE_NS for stat in stats.values())
            now = self.fresh_hashes(stats, last["started_ns"])
            return now is not None and now == saved
        except (ValueError, KeyError, TypeError, IndexError):
            return False

    def save(self, stats: dict[str, list[int]] | None) -> None:
        path = self._path()
        if path is None or stats is None:
            return
        payload: dict[str, Any] = {
            "key": self.key,
            "params": self.params,
            "day": today(),
            "started_ns": self.started_ns,
            "stats": stats,
        }
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
