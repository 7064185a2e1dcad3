"""Write: the only module that writes generated pages.

Pages arrive one at a time (``Output.put``), so a build never holds the whole
site in memory. Only files whose bytes changed are rewritten (a manifest of
hashes, sizes and modification times avoids reading them back); a page the
build knows to be unchanged is kept without being rendered (``Output.keep``).
Changed files are staged beside the output folder first and moved into place,
and pages whose record is gone are removed, only once every page has been
rendered (``Output.commit``): an error or interruption while rendering or
staging leaves the previous pages as they were.

It never writes or deletes through a symbolic link: an output or staging folder
that is a link, or holds one, is refused before anything is touched, so a
committed ``docs -> /somewhere`` cannot make a build write or delete outside
the project. File-system failures (a read-only folder, a file where a folder
belongs) are reported as one line naming the path, never as a traceback.
The build's cache folder (``.cache/``) is the cache module's: never published,
listed or removed here.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import stat
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from .problems import UsageError

MANIFEST = ".manifest.json"
CACHE = ".cache"
KEEP = {".gitignore", MANIFEST}


class WriteError(UsageError):
    """The output folder cannot be written safely; the message names the path and what to do."""


@dataclass
class WriteReport:
    """What a write changed."""

    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0


def _safe(relpath: str) -> PurePosixPath:
    path = PurePosixPath(relpath)
    if path.is_absolute() or ".." in path.parts or not path.parts or "\\" in relpath or ":" in relpath:
        raise ValueError(f"refusing to write outside the output folder: {relpath!r}")
    if path.parts[0] == CACHE or relpath in KEEP:
        raise ValueError(f"refusing to write the build's own bookkeeping file: {relpath!r}")
    return path


def digest(data: bytes) -> str:
    """The manifest's hash of a file's bytes."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


@contextmanager
def _reported(out: Path) -> Iterator[None]:
    try:
        yield
    except OSError as exc:
        where = exc.filename or out
        raise WriteError(
            f"cannot write {where}: {exc.strerror or exc}; {out}/ holds only generated pages: "
            "make it writable or delete it, then build again"
        ) from None


def write(files: Mapping[str, str | bytes] | Iterable[tuple[str, str | bytes]], out: Path) -> WriteReport:
    """Make ``out`` hold exactly ``files`` (plus its bookkeeping), touching only what changed."""
    items = files.items() if isinstance(files, Mapping) else files
    output = Output(out)
    try:
        for rel, data in items:
            output.put(rel, data)
        return output.commit()
    finally:
        output.discard()


def refuse_link(path: str, what: str) -> None:
    """Stop the build if ``path`` is a symbolic link: it never writes or deletes through one."""
    if os.path.islink(path):
        raise WriteError(
            f"{path} is a symbolic link (to {os.readlink(path)}); the build never writes through links, "
            f"so that it cannot touch files outside the project: remove the link ({what} is made anew), then build again"
        )


def read_manifest(out: Path) -> dict[str, list]:
    """The last build's manifest: path → [hash, size, mtime_ns] (empty when missing, unreadable, a link or
    not a regular file)."""
    try:
        fd = os.open(out / MANIFEST, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
        with os.fdopen(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                return {}
            old = json.loads(handle.read())
    except (OSError, ValueError):
        return {}
    return old if isinstance(old, dict) else {}


class Output:
    """One build's rewrite of an output folder: ``put`` or ``keep`` every file, then ``commit``."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.root = str(out)
        self.staging = self.root + ".staging"
        self.report = WriteReport()
        with _reported(out):
            refuse_link(self.root, "the output folder")
            refuse_link(self.staging, "the staging folder")
            out.mkdir(parents=True, exist_ok=True)
            self.present = stats(self.root)  # one walk: what is there now, for stale files and for changes
            self.old = read_manifest(out)
            if os.path.lexists(self.staging):
                shutil.rmtree(self.staging)  # a real folder (checked above); rmtree never follows links inside it
        self.manifest: dict[str, list] = {}
        self.staged: list[str] = []
        self._made: set[str] = set()

    def intact(self, rel: str) -> bool:
        """Whether ``rel`` is on disk exactly as the last build recorded it (size and modification time)."""
        entry = self.old.get(rel)
        return isinstance(entry, list) and len(entry) == 3 and self.present.get(rel) == (entry[1], entry[2])

    def keep(self, rel: str) -> bool:
        """Keep ``rel`` as the last build wrote it, unrendered; False when it is not intact (render it)."""
        if rel in self.manifest or not self.intact(rel):
            return False
        self.manifest[rel] = self.old[rel]
        self.report.unchanged += 1
        return True

    def put(self, rel: str, value: str | bytes) -> None:
        """Stage ``rel`` if its bytes differ from what is on disk; otherwise count it unchanged."""
        _safe(rel)
        if rel in self.manifest:
            raise ValueError(f"two generated files have the same path: {rel!r}")
        data = value.encode("utf-8") if isinstance(value, str) else value
        hashed = digest(data)
        entry, now = self.old.get(rel), self.present.get(rel)
        # Unchanged: same hash and size as recorded, and the file on disk still has that size and time
        # (a manifest from before times were recorded compares sizes only).
        if (
            isinstance(entry, list)
            and now is not None
            and entry[:2] == [hashed, len(data)]
            and now[0] == len(data)
            and (len(entry) == 2 or entry[2] == now[1])
        ):
            self.manifest[rel] = [hashed, now[0], now[1]]
            self.report.unchanged += 1
            return
        self.manifest[rel] = [hashed, len(data), 0]  # the time is read once the file is in place
        with _reported(self.out):
            _write_bytes(os.path.join(self.staging, rel), data, self._made)
        self.staged.append(rel)

    def commit(self) -> WriteReport:
        """Move the staged files into place, remove stale files and save the manifest."""
        with _reported(self.out):
            return self._commit()

    def _commit(self) -> WriteReport:
        root, made = self.root, set[str]()
        self.staged.sort()
        for rel in self.staged:  # everything is staged: now move files into place (renames on one file system)
            target = os.path.join(root, rel)
            _make_folder(os.path.dirname(target), made)
            os.replace(os.path.join(self.staging, rel), target)
            self.manifest[rel][2] = os.stat(target).st_mtime_ns
            self.report.written.append(rel)
        self.discard()
        for rel in sorted(self.present):
            if rel not in self.manifest and rel not in KEEP:
                os.unlink(os.path.join(root, rel))
                self.report.removed.append(rel)
        if self.report.removed:
            for folder, _dirs, _files in sorted(os.walk(root), reverse=True):
                if folder != root and not os.listdir(folder) and CACHE not in Path(folder).relative_to(root).parts:
                    os.rmdir(folder)
        if self.manifest != self.old:
            tmp = self.out / (MANIFEST + ".tmp")
            tmp.write_text(json.dumps(self.manifest, sort_keys=True, separators=(",", ":")), "utf-8")
            os.replace(tmp, self.out / MANIFEST)
        return self.report

    def discard(self) -> None:
        """Drop whatever is staged (after a commit, or a failed render: the output stays as it was)."""
        if os.path.isdir(self.staging) and not os.path.islink(self.staging):
            shutil.rmtree(self.staging, ignore_errors=True)


def _make_folder(folder: str, made: set[str]) -> None:
    if folder not in made:  # one makedirs per folder, not per file
        os.makedirs(folder, exist_ok=True)
        made.add(folder)


def _write_bytes(path: str, data: bytes, made: set[str]) -> None:
    _make_folder(os.path.dirname(path), made)
    with open(path, "wb") as handle:
        handle.write(data)


def refuse_special(path: str) -> None:
    """Stop the build at a FIFO, socket or device in the output folder: opening one can block for ever."""
    raise WriteError(
        f"{path} is not a regular file (a FIFO, socket or device); the output folder holds only generated "
        "files and the build's cache: remove it, then build again"
    )


def stats(root: str) -> dict[str, tuple[int, int]]:
    """(size, mtime_ns) of every file under ``root`` but the cache, by POSIX path; refuses any link and any
    special file inside, the cache's included (the cache module reads and writes there)."""
    found: dict[str, tuple[int, int]] = {}
    stack = [("", root, False)]
    while stack:
        prefix, folder, in_cache = stack.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                rel = prefix + entry.name
                if entry.is_symlink():
                    refuse_link(entry.path, "every file in the output folder")
                if entry.is_dir(follow_symlinks=False):
                    stack.append((rel + "/", entry.path, in_cache or rel == CACHE))
                elif not entry.is_file(follow_symlinks=False):
                    refuse_special(entry.path)
                elif not in_cache:
                    st = entry.stat(follow_symlinks=False)
                    found[rel] = (st.st_size, st.st_mtime_ns)
    return found
