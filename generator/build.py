"""The pipeline: load → validate → link → render → write, each step timed."""

from __future__ import annotations

import gc
import time
from dataclasses import dataclass, field
from pathlib import Path

from . import checker, history, link, lock, pages, writer
from .problems import UsageError


@dataclass
class BuildResult:
    """What a build did, with the seconds each step took."""

    report: writer.WriteReport
    pages: int
    timings: dict[str, float] = field(default_factory=dict)


def build(
    content: Path, out: Path, *, with_history: bool = True, site_url: str = "", lock_timeout: float = lock.DEFAULT_TIMEOUT
) -> BuildResult:
    """Check the content, then write the pages; raise ContentError before writing anything.

    Holds the output folder's lock throughout, so a second build waits for this one
    (up to ``lock_timeout`` seconds) instead of mixing its pages with these."""
    out_resolved, content_resolved = out.resolve(), content.resolve()
    if out_resolved == content_resolved or content_resolved in out_resolved.parents or out_resolved in content_resolved.parents:
        raise UsageError(
            f"the output folder {out} must not be inside or around the content folder {content}: "
            "generated pages would be read back as records; choose an --out outside it (default: docs)"
        )
    timings: dict[str, float] = {}
    # The pipeline builds many small objects and no reference cycles worth collecting;
    # pausing the cyclic collector saves it from rescanning a growing heap (a third of the time).
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        with lock.locked(out, timeout=lock_timeout):
            return _build(content, out, with_history, site_url, timings)
    finally:
        if gc_was_enabled:
            gc.enable()


def _build(content: Path, out: Path, with_history: bool, site_url: str, timings: dict[str, float]) -> BuildResult:
    start = time.perf_counter()
    catalog = checker.check(content)
    timings["load+validate"] = time.perf_counter() - start

    start = time.perf_counter()
    changed = history.last_changed(content) if with_history else {}
    site = link.link(catalog, changed, site_url)
    timings["link"] = time.perf_counter() - start

    start = time.perf_counter()
    files = pages.all_files(site)
    timings["render"] = time.perf_counter() - start

    start = time.perf_counter()
    report = writer.write(files, out)
    timings["write"] = time.perf_counter() - start
    return BuildResult(report, sum(1 for f in files if f.endswith(".md")), timings)
