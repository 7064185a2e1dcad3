"""Write: the only module that writes generated pages.

Rewrites only files whose bytes changed (a manifest of hashes avoids reading
them back), removes pages whose record is gone, and stages new files beside
the output folder first, so an error or interruption while rendering or
staging leaves the previous pages as they were.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

MANIFEST = ".manifest.json"
KEEP = {".gitignore", MANIFEST}


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
    report = WriteReport()
    encoded = {rel: (v.encode("utf-8") if isinstance(v, str) else v) for rel, v in files.items()}
    for rel in encoded:
        _safe(rel)
    out.mkdir(parents=True, exist_ok=True)
    try:
        old = json.loads((out / MANIFEST).read_text("utf-8"))
        if not isinstance(old, dict):
            old = {}
    except (OSError, ValueError):
        old = {}

    changed: dict[str, bytes] = {}
    manifest: dict[str, list] = {}
    for rel, data in sorted(encoded.items()):
        digest = _digest(data)
        manifest[rel] = [digest, len(data)]
        target = out / rel
        if old.get(rel) == [digest, len(data)] and _size(target) == len(data):
            report.unchanged += 1
        else:
            changed[rel] = data

    staging = out.with_name(out.name + ".staging")
    if staging.exists():
        shutil.rmtree(staging)
    if changed:
        for rel, data in changed.items():
            path = staging / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        # Everything is staged: now move files into place (renames on one file system).
        for rel in changed:
            target = out / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(staging / rel, target)
            report.written.append(rel)
        shutil.rmtree(staging, ignore_errors=True)

    for path in sorted(out.rglob("*")):
        rel = path.relative_to(out).as_posix()
        if path.is_file() and rel not in encoded and rel not in KEEP:
            path.unlink()
            report.removed.append(rel)
    for path in sorted((p for p in out.rglob("*") if p.is_dir()), reverse=True):
        if not any(path.iterdir()):
            path.rmdir()
    if manifest != old:
        tmp = out / (MANIFEST + ".tmp")
        tmp.write_text(json.dumps(manifest, sort_keys=True, separators=(",", ":")), "utf-8")
        os.replace(tmp, out / MANIFEST)
    return report


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return -1
