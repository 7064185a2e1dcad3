"""``mkdocs serve`` that survives record problems, rebuilding once per save.

- MkDocs watches ``docs_dir``, which the generator writes into: every save of a record built
  the site twice (once for the record, once for the pages the first build wrote). The preview
  watches ``content/`` instead, and not ``docs/``.
- Editors' backup, lock and swap files (``generator.editorfiles``) start no build.
- A record with a problem does not stop the server: the last good site stays served, the
  check's one-line messages are printed, and every served page shows them in a banner at the
  top until the record is fixed; the next save that fixes it rebuilds as usual.
"""

from __future__ import annotations

import html
import re
import shutil
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.livereload import LiveReloadServer
from watchdog.events import FileSystemEvent, FileSystemEventHandler

from generator.editorfiles import is_temporary

if TYPE_CHECKING:
    from wsgiref.types import StartResponse

WsgiApp = Callable[[dict[str, Any], "StartResponse"], Iterable[bytes]]

BANNER_ID = "opswatch-preview-problems"
_BODY = re.compile(rb"<body[^>]*>", re.IGNORECASE)
_MAX_SHOWN = 30


class _ContentChanges(FileSystemEventHandler):
    """Passes on changes to records and pages (not to editors' temporary files) by touching a stamp file MkDocs watches."""

    def __init__(self, stamp: Path) -> None:
        self.stamp = stamp

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.is_directory or event.event_type in ("opened", "closed", "closed_no_write"):
            return
        paths = [p for p in (event.src_path, getattr(event, "dest_path", "")) if p]
        if all(is_temporary(Path(str(p)).name) for p in paths):
            return
        self.stamp.write_text(str(time.monotonic_ns()), "utf-8")


def banner(problems: list[str]) -> bytes:
    """The banner shown on every served page while the records have problems (text escaped)."""
    items = "".join(f"<li>{html.escape(line)}</li>" for line in problems[:_MAX_SHOWN])
    if len(problems) > _MAX_SHOWN:
        items += f"<li>… and {len(problems) - _MAX_SHOWN} more (see the terminal)</li>"
    return (
        f'<div id="{BANNER_ID}" role="alert" style="position:sticky;top:0;z-index:10000;margin:0;padding:.8em 1.2em;'
        "background:#fff3f0;color:#6d0f00;border-bottom:3px solid #c62828;font:14px/1.45 system-ui,sans-serif;"
        'max-height:45vh;overflow:auto">'
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
    """One ``mkdocs serve``: what it watches, and the problems its pages show (none: no banner)."""

    def __init__(self) -> None:
        self.problems: list[str] = []
        self._stamps: Path | None = None

    def install(self, server: LiveReloadServer, *, docs_dir: str, content: Path, rebuild: Callable[[], None]) -> None:
        """Watch ``content`` (not ``docs_dir``), rebuild with ``rebuild``, and serve pages through the banner."""
        server.unwatch(docs_dir)
        self._stamps = Path(tempfile.mkdtemp(prefix="opswatch-preview-"))
        stamp = self._stamps / "content-changed"
        stamp.write_text("", "utf-8")
        server.watch(str(self._stamps))
        server.observer.schedule(_ContentChanges(stamp), str(content), recursive=True)
        server.builder = rebuild
        app = server.get_app()
        assert app is not None  # MkDocs' server sets its application when it is made
        server.set_app(self._banner_app(app))

    def close(self) -> None:
        if self._stamps is not None:
            shutil.rmtree(self._stamps, ignore_errors=True)
            self._stamps = None

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
