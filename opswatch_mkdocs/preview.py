"""``mkdocs serve`` that survives record problems, rebuilding once per save.

- MkDocs watches ``docs_dir``, which the generator writes into: every save of a record built
  the site twice (once for the record, once for the pages the first build wrote). The preview
  watches ``content/`` instead, and not ``docs/``.
- Editors' backup, lock and swap files (``generator.editorfiles``) start no build.
- A record with a problem does not stop the server: the last good site stays served, the
  check's one-line messages are printed, and every served page shows them in a banner (first in
  the page, shown at the bottom of the window) until the record is fixed; the next save that fixes it rebuilds as usual.
- It remembers what changed since the last rebuild: the records saved (``content/``, watched
  through the operating system's notifications, which wake the rebuild at once) and whether
  anything else MkDocs watches changed (mkdocs.yml, ``watch:`` entries, theme folders), so
  that the plugin can re-render only the pages a record edit rewrote (``rerender.py``). A rebuild
  stopped by a record problem gives back what it took (``give_back``), so a config edit made
  meanwhile is not forgotten when the record is fixed.
- ``content/`` deleted and made again (or moved back into place): the folder that holds it is
  watched too, and the watch on ``content/`` is made anew, since a notification watch follows the
  folder it was made on, not its name.
"""

from __future__ import annotations

import contextlib
import html
import os
import re
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.livereload import LiveReloadServer
from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver

from generator.editorfiles import is_temporary
from generator.kinds import KINDS

from .speed import rerender

if TYPE_CHECKING:
    from wsgiref.types import StartResponse

WsgiApp = Callable[[dict[str, Any], "StartResponse"], Iterable[bytes]]

BANNER_ID = "opswatch-preview-problems"
_BODY = re.compile(rb"<body[^>]*>", re.IGNORECASE)
_MAX_SHOWN = 30


@dataclass
class Changes:
    """What changed since the last rebuild."""

    content: set[Path] = field(default_factory=set)
    """Files saved, added or removed under content/."""
    other: bool = False
    """Something else changed: what MkDocs watches (mkdocs.yml, theme folders, ``watch:`` entries),
    or a folder under content/ was made, removed or renamed."""

    def only_records(self, content: Path) -> bool:
        """Only record files changed (content/operations/x.yml ...): pages outside the navigation and
        the pages that show them; hand-written pages and vocabularies can change what it lists. False
        when nothing is known to have changed (a rebuild asked for by something else)."""
        return (
            bool(self.content)
            and not self.other
            and all(path.parent.parent == content and path.parent.name in KINDS for path in self.content)
        )


class _ContentChanges(FileSystemEventHandler):
    """Passes on changes to records and pages (not to editors' temporary files)."""

    def __init__(self, changed: Callable[[list[Path]], None], folder_changed: Callable[[], None]) -> None:
        self.changed = changed
        self.folder_changed = folder_changed

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.is_directory:
            # A folder made, removed or renamed (its files may bring no event of their own); a
            # folder is "modified" whenever a file in it is saved, which the file's event reports.
            if event.event_type in ("created", "deleted", "moved"):
                self.folder_changed()
            return
        if event.event_type in ("opened", "closed", "closed_no_write"):
            return
        paths = [Path(os.fsdecode(p)) for p in (event.src_path, getattr(event, "dest_path", "")) if p]
        paths = [p for p in paths if not is_temporary(p.name)]
        if paths:
            self.changed(paths)


class _ContentFolder(FileSystemEventHandler):
    """Watches the folder that holds content/ (not recursively): content/ made again or moved into place."""

    def __init__(self, content: Path, rearm: Callable[[], None]) -> None:
        self.content = str(content)
        self.rearm = rearm

    def on_any_event(self, event: FileSystemEvent) -> None:
        if not event.is_directory or event.event_type not in ("created", "moved", "deleted"):
            return
        paths = {os.fsdecode(event.src_path), os.fsdecode(getattr(event, "dest_path", "") or "")}
        if self.content in paths:
            self.rearm()


class _OtherChanges(FileSystemEventHandler):
    """Notes that something MkDocs itself watches changed (MkDocs' own handler starts the rebuild)."""

    def __init__(self, preview: Preview) -> None:
        self.preview = preview

    def on_any_event(self, event: FileSystemEvent) -> None:
        if not event.is_directory:
            self.preview.note_other()


def banner(problems: list[str]) -> bytes:
    """The banner shown on every served page while the records have problems (text escaped)."""
    items = "".join(f"<li>{html.escape(line)}</li>" for line in problems[:_MAX_SHOWN])
    if len(problems) > _MAX_SHOWN:
        items += f"<li>… and {len(problems) - _MAX_SHOWN} more (see the terminal)</li>"
    return (
        # First in the page (screen readers announce it at once), but shown stuck to the bottom of
        # the window (order: the theme's body is a flex column): stuck to the top it covered the
        # site title and the search box, and above the header a reload scrolled it out of sight.
        f'<div id="{BANNER_ID}" role="alert" style="position:sticky;bottom:0;order:99;z-index:10000;margin:0;'
        "padding:.8em 1.2em;background:#fff3f0;color:#6d0f00;border-top:3px solid #c62828;"
        'font:14px/1.45 system-ui,sans-serif;max-height:40vh;overflow:auto">'
        "<strong>The records have problems.</strong> This preview still shows the last good build; "
        "fix the lines below and save, and the page reloads."
        f'<ul style="margin:.4em 0 0;padding-left:1.4em;font-family:ui-monospace,monospace;font-size:13px">{items}</ul>'
        "</div>"
    ).encode()


def with_banner(page: bytes, problems: list[str]) -> bytes:
    """An HTML page with the problem banner as the first thing in its body."""
    match = _BODY.search(page)
    at = match.end() if match else 0
    return page[:at] + banner(problems) + page[at:]


class Preview:
    """One ``mkdocs serve``: what it watches, what changed, and the problems its pages show (none: no banner)."""

    def __init__(self) -> None:
        self.problems: list[str] = []
        self._lock = threading.Lock()
        self._changes = Changes()
        self._observer: BaseObserver | None = None

    def install(
        self,
        server: LiveReloadServer,
        *,
        docs_dir: str,
        content: Path,
        rebuild: Callable[[], None],
        also_watched: Iterable[str] = (),
    ) -> None:
        """Watch ``content`` (not ``docs_dir``), rebuild with ``rebuild``, and serve pages through the banner.

        ``also_watched``: paths MkDocs will watch after this call (mkdocs.yml's ``watch:`` list)."""
        server.unwatch(docs_dir)
        other = _OtherChanges(self)
        for path in {*rerender.watched_paths(server), *(os.path.abspath(p) for p in also_watched)}:
            server.observer.schedule(other, path, recursive=True)

        def changed(paths: list[Path]) -> None:
            with self._lock:
                self._changes.content.update(paths)
            rerender.request_rebuild(server)

        def folder_changed() -> None:
            self.note_other()
            rerender.request_rebuild(server)

        handler = _ContentChanges(changed, folder_changed)
        try:
            # Operating-system notifications (inotify on Linux): a save is seen at once, where
            # MkDocs' polling would rescan every record twice a second.
            observer = Observer()
            watch = observer.schedule(handler, str(content), recursive=True)

            def rearm() -> None:
                # The old watch died with the folder it was made on: watch the folder now at that name.
                # Runs on the observer's own thread, which may unschedule from inside a handler.
                nonlocal watch
                with contextlib.suppress(KeyError, OSError):
                    observer.unschedule(watch)
                with contextlib.suppress(OSError):  # deleted, not yet made again: the next event re-arms
                    watch = observer.schedule(handler, str(content), recursive=True)
                folder_changed()

            observer.schedule(_ContentFolder(content.absolute(), rearm), str(content.absolute().parent), recursive=False)
            observer.start()
            self._observer = observer
        except OSError:  # no notifications here (a watch limit, some network drives): poll as MkDocs does
            server.observer.schedule(_ContentChanges(changed, folder_changed), str(content), recursive=True)
        server.builder = rebuild
        app = server.get_app()
        assert app is not None  # MkDocs' server sets its application when it is made
        server.set_app(self._banner_app(app))

    def note_other(self) -> None:
        with self._lock:
            self._changes.other = True

    def take_changes(self) -> Changes:
        """What changed since the last call (the rebuild about to run covers it)."""
        with self._lock:
            changes, self._changes = self._changes, Changes()
        return changes

    def give_back(self, changes: Changes) -> None:
        """Changes a rebuild took but did not cover (it stopped on a record problem): the next one will."""
        with self._lock:
            self._changes.content.update(changes.content)
            self._changes.other = self._changes.other or changes.other

    def close(self) -> None:
        observer, self._observer = self._observer, None
        if observer is not None:
            observer.stop()
            observer.join(timeout=5)

    def _banner_app(self, app: WsgiApp) -> WsgiApp:
        """WSGI middleware: while there are problems, HTML responses carry the banner."""

        def serve(environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
            problems = self.problems
            if not problems:
                return app(environ, start_response)
            response: list[Any] = []

            def keep(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Callable[[bytes], object]:
                response[:] = [status, headers]
                return lambda data: None  # MkDocs' server returns its body; it never calls write()

            result = app(environ, keep)
            try:
                body = b"".join(result)
            finally:
                close = getattr(result, "close", None)
                if close is not None:
                    close()
            status, headers = response
            if any(k.lower() == "content-type" and v.startswith("text/html") for k, v in headers):
                body = with_banner(body, problems)
                headers = [(k, v) for k, v in headers if k.lower() != "content-length"]
                headers.append(("Content-Length", str(len(body))))
            start_response(status, headers)
            return [body]

        return serve
