"""Page signatures: render only the pages whose inputs changed.

Each ``Page`` of the plan (``plan.py``) declares the records it shows (its inputs, or ``ALL``) and
everything else its text depends on (its extra). Its signature hashes its path, its extra and the
content hash of each input record (an absent record hashes as absent); ``ALL`` stands for the hash of
every record. The generator's code, the vocabularies and the library versions are in the cache's
version key, and the build's settings (content folder, site address, git history or not) in its
parameters: a change of either discards every signature. A page whose signature is the one recorded
last time, and whose file is still as the last build wrote it, is neither rendered nor written.

The file (``.cache/pages.json``) is removed before the output is changed and written again once the
output is complete, so it never describes pages a later, interrupted build may have replaced.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Hashable, Mapping
from pathlib import Path
from typing import Any

from . import cache
from .plan import ALL, Bundle, Page

ABSENT = b"absent"
"""The fingerprint of an input record that does not exist (a country without notes)."""


_PLAIN = {str, int, float, bool, type(None), bytes}


def canonical(value: Any) -> str:
    """A text for a page's extra that is the same in every process for equal values
    (``repr`` of a set depends on the process's string hashing)."""
    if type(value) in _PLAIN:
        return repr(value)
    if isinstance(value, (tuple, list)):
        if all(type(v) in _PLAIN for v in value):  # most extras: one repr, no recursion
            return repr(tuple(value))
        return "(" + ",".join(canonical(v) for v in value) + ")"
    if isinstance(value, (set, frozenset)):
        return "{" + ",".join(sorted(canonical(v) for v in value)) + "}"
    if isinstance(value, Mapping):
        return "{" + ",".join(sorted(f"{canonical(k)}:{canonical(v)}" for k, v in value.items())) + "}"
    return repr(value)


class Signer:
    """Signatures of pages from the fingerprints of the records they show."""

    def __init__(self, fingerprints: Mapping[tuple[str, str], bytes]) -> None:
        # Each record's name and hash as one byte string, made once: a page joins those of its inputs.
        self.named = {key: f"{key[0]}/{key[1]}\n".encode() + fp for key, fp in fingerprints.items()}
        self.everything = hashlib.blake2b(b"".join(self.named[key] for key in sorted(self.named)), digest_size=16).digest()

    def sign(self, item: Page | Bundle, extra: Hashable) -> str:
        head = (item.path if isinstance(item, Page) else "bundle:" + item.folder) + "\n" + canonical(extra) + "\n"
        if item.inputs is ALL:
            body = b"ALL" + self.everything
        else:
            assert isinstance(item.inputs, frozenset)
            named = self.named
            body = b"".join(named.get(key) or f"{key[0]}/{key[1]}\n".encode() + ABSENT for key in sorted(item.inputs))
        return hashlib.blake2b(head.encode() + body, digest_size=16).hexdigest()


class PageCache:
    """The signature of every page the last complete build wrote (a bundle: with its files)."""

    def __init__(self, out: Path, key: str, params: list[str]) -> None:
        folder = cache.folder(out)
        self.path = None if folder is None else folder / "pages.json"
        self.header = [cache.FORMAT, key, params]
        self.old: dict[str, Any] = {}
        raw = cache.read(self.path) if self.path else None
        if raw:
            try:
                stored = json.loads(raw)
                if stored["header"] == self.header and isinstance(stored["pages"], dict):
                    self.old = stored["pages"]
            except (ValueError, KeyError, TypeError):
                pass  # unreadable: every page is rendered (and compared with what is on disk)
        self.new: dict[str, Any] = {}

    def page(self, path: str, signature: str) -> bool:
        """Whether ``path`` was written last time with this signature."""
        return self.old.get(path) == signature

    def bundle(self, folder: str, signature: str) -> list[str] | None:
        """The files of a bundle written last time with this signature, or None."""
        old = self.old.get(folder)
        if isinstance(old, list) and len(old) == 2 and old[0] == signature and isinstance(old[1], list):
            return [str(f) for f in old[1]]
        return None

    def forget(self) -> None:
        """Before the output changes: the old signatures may no longer describe it."""
        if self.path is not None:
            with contextlib.suppress(OSError):
                self.path.unlink()

    def save(self) -> None:
        if self.path is not None:
            payload = {"header": self.header, "pages": self.new}
            cache.save(self.path, json.dumps(payload, separators=(",", ":")).encode())
