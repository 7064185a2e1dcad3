"""Publishing a ``mkdocs build``: one build at a time, and ``site/`` replaced only by a finished build.

MkDocs writes into ``site.building/`` beside ``site/``; once the build has ended with no
warning (strict mode), the old site moves to ``site.old/``, the new one takes its name and
the old one is removed. A failed or interrupted build leaves ``site/`` as it was.

A lock (``generator.lock``, on ``site/`` and on ``docs/``) makes a second build wait for the
first, so two builds never mix their files. None of the three folders may be a symbolic
link: the build deletes and renames them, and must never do that to files outside the project.
"""

from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path

from mkdocs.exceptions import Abort

from generator import lock

log = logging.getLogger("mkdocs.plugins.opswatch")


def _refuse_link(path: Path, what: str) -> None:
    if path.is_symlink():
        raise Abort(
            f"{path} is a symbolic link (to {os.readlink(path)}); {what} is deleted and replaced by every build, "
            "which must never touch files outside the project: remove the link, then build again"
        )


def _os_error(exc: OSError, path: Path, doing: str) -> Abort:
    return Abort(
        f"cannot {doing} {exc.filename or path}: {exc.strerror or exc}; "
        f"make {path.parent} and what it holds writable (or remove {path.name} by hand), then build again"
    )


def _remove(path: Path) -> None:
    """Remove a real folder (rmtree never follows the links inside it); refuse a link."""
    _refuse_link(path, "this staging folder")
    if not path.exists():
        return
    try:
        shutil.rmtree(path)
    except OSError as exc:
        raise _os_error(exc, path, "remove") from None


class Publisher:
    """The swap of one ``mkdocs build`` into ``site_dir``, under the build locks."""

    def __init__(self, site_dir: Path, docs_dir: Path) -> None:
        self.final = Path(os.path.abspath(site_dir))
        self.building = self.final.with_name(self.final.name + ".building")
        self.old = self.final.with_name(self.final.name + ".old")
        self.docs = Path(os.path.abspath(docs_dir))
        self._locked: list[Path] = []

    def start(self, wait: float) -> Path:
        """Take the locks and make an empty staging folder; return the folder MkDocs builds into."""
        for path, what in ((self.final, "the site folder"), (self.building, "the staging folder"), (self.old, "the old site")):
            _refuse_link(path, what)
        for folder in (self.final, self.docs):  # site first, then docs: every builder takes them in this order
            try:
                lock.acquire(folder, timeout=wait)
            except lock.LockError as exc:
                self.finish()
                raise Abort(str(exc)) from None
            self._locked.append(folder)
        try:
            _remove(self.building)  # a stale one, from an interrupted build
            self.building.mkdir(parents=True)
        except OSError as exc:
            self.finish()
            raise _os_error(exc, self.building, "create") from None
        except Abort:
            self.finish()
            raise
        return self.building

    def publish(self) -> None:
        """Replace ``site_dir`` with the finished build."""
        _remove(self.old)  # left by a build that could not remove it
        try:
            if self.final.exists():
                self.final.rename(self.old)
            self.building.rename(self.final)
        except OSError as exc:
            if not self.final.exists() and self.old.exists():
                self.old.rename(self.final)  # put the previous site back
            raise _os_error(exc, self.final, "replace") from None
        try:
            _remove(self.old)
        except Abort as exc:  # the new site is in place; the next build retries, and says so if it must
            log.warning("site published, but the previous one is left in %s: %s", self.old, exc.message)

    def finish(self) -> None:
        """Release the locks (also after a failed build)."""
        while self._locked:
            lock.release(self._locked.pop())
