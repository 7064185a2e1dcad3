"""Write: the only module that writes generated pages.

Rewrites only files whose bytes changed (a manifest of hashes avoids reading
them back), removes pages whose record is gone, and stages new files beside
the output folder first, so an error or interruption while rendering or
staging leaves the previous pages as they were.

It never writes or deletes through a symbolic link: an output or staging folder
that is a link, or holds one, is refused before anything is touched, so a
committed ``docs -> /somewhere`` cannot make a build write or delete outside
the project. File-system failures (a read-only folder, a file where a folder
belongs) are reported as one line naming the path, never as a traceback.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from .problems import UsageError

MANIFEST = ".manifest.json"
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
    return path


def _digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def write(files: dict[str, str | bytes], out: Path) -> WriteReport:
    """Make ``out`` hold exactly ``files`` (plus .gitignore), touching only what changed."""
    for rel in files:
        _safe(rel)
    try:
        return _write(files, out)
    except OSError as exc:
        where = exc.filename or out
        raise WriteError(
            f"cannot write {where}: {exc.strerror or exc}; {out}/ holds only generated pages: "
            "make it writable or delete it, then build again"
        ) from None


def _refuse_link(path: str, what: str) -> None:
    if os.path.islink(path):
        raise WriteError(
            f"{path} is a symbolic link (to {os.readlink(path)}); the build never writes through links, "
            f"so that it cannot touch files outside the project: remove the link ({what} is made anew), then build again"
        )


def _write(files: dict[str, str | bytes], out: Path) -> WriteReport:
    report = WriteReport()
    root = str(out)
    staging = root + ".staging"
    _refuse_link(root, "the output folder")
    _refuse_link(staging, "the staging folder")
    out.mkdir(parents=True, exist_ok=True)
    try:
        old = json.loads((out / MANIFEST).read_text("utf-8"))
        if not isinstance(old, dict):
            old = {}
    except (OSError, ValueError):
        old = {}
    present = _sizes(root)  # one walk gives what is there now, for stale files and for sizes

    changed: dict[str, bytes] = {}
    manifest: dict[str, list] = {}
    for rel in sorted(files):
        value = files[rel]
        data = value.encode("utf-8") if isinstance(value, str) else value
        entry = [_digest(data), len(data)]
        manifest[rel] = entry
        # The manifest says what was written; the size catches a file changed or removed since.
        if old.get(rel) == entry and present.get(rel) == len(data):
            report.unchanged += 1
        else:
            changed[rel] = data

    if os.path.lexists(staging):
        shutil.rmtree(staging)  # a real folder (checked above); rmtree never follows links inside it
    if changed:
        made: set[str] = set()
        for rel, data in changed.items():
            _write_bytes(os.path.join(staging, rel), data, made)
        # Everything is staged: now move files into place (renames on one file system).
        for rel in changed:
            target = os.path.join(root, rel)
            _make_folder(os.path.dirname(target), made)
            os.replace(os.path.join(staging, rel), target)
            report.written.append(rel)
        shutil.rmtree(staging, ignore_errors=True)

    for rel in sorted(present):
        if rel not in files and rel not in KEEP:
            os.unlink(os.path.join(root, rel))
            report.removed.append(rel)
    if report.removed:
        for folder, _dirs, _files in sorted(os.walk(root), reverse=True):
            if folder != root and not os.listdir(folder):
                os.rmdir(folder)
    if manifest != old:
        tmp = out / (MANIFEST + ".tmp")
        tmp.write_text(json.dumps(manifest, sort_keys=True, separators=(",", ":")), "utf-8")
        os.replace(tmp, out / MANIFEST)
    return report


def _make_folder(folder: str, made: set[str]) -> None:
    if folder not in made:  # one makedirs per folder, not per file
        os.makedirs(folder, exist_ok=True)
        made.add(folder)


def _write_bytes(path: str, data: bytes, made: set[str]) -> None:
    _make_folder(os.path.dirname(path), made)
    with open(path, "wb") as handle:
        handle.write(data)


def _sizes(root: str) -> dict[str, int]:
    """Size of every file under ``root``, by POSIX path relative to it; refuses any link inside."""
    sizes: dict[str, int] = {}
    stack = [("", root)]
    while stack:
        prefix, folder = stack.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                rel = prefix + entry.name
                if entry.is_symlink():
                    _refuse_link(entry.path, "every file in the output folder")
                if entry.is_dir(follow_symlinks=False):
                    stack.append((rel + "/", entry.path))
                else:
                    sizes[rel] = entry.stat(follow_symlinks=False).st_size
    return sizes
