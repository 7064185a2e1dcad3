"""The pipeline: load → validate → link → render → write, each step timed, redoing only what changed.

With the cache (``<out>/.cache/``, see ``cache.py``) a build first checks whether anything changed
since the last clean build: the files under ``content/``, the generator's code, the vocabularies,
the library versions, the build's settings, and the output files themselves. If nothing did, it is
done. Otherwise records whose bytes the cache holds are not parsed or validated again (the
cross-record rules still run on every record), and pages are rendered one at a time and handed to
the writer as they come, so the site is never held in memory whole.

The heavy modules (pydantic models, templates) are imported only when there is work to do, so a
build with nothing to do costs a walk of two folders.
"""

from __future__ import annotations

import gc
import os
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import cache, lock, vocab, writer
from .problems import UsageError
from .textcheck import printable


@dataclass
class BuildResult:
    """What a build did, with the seconds each step took."""

    report: writer.WriteReport
    pages: int
    timings: dict[str, float] = field(default_factory=dict)
    records_reused: int = 0
    """Record files taken from the cache instead of being parsed and validated again."""
    nothing_changed: bool = False
    """Nothing changed since the last clean build: nothing was read, rendered or written."""
    rendered: int = 0
    """Files (or bundles of files) of the plan rendered; the others were kept unrendered."""


def build(
    content: Path,
    out: Path,
    *,
    with_history: bool = True,
    site_url: str = "",
    lock_timeout: float = lock.DEFAULT_TIMEOUT,
    use_cache: bool = True,
) -> BuildResult:
    """Check the content, then write the pages; raise ContentError before writing anything.

    Holds the output folder's lock throughout, so a second build waits for this one
    (up to ``lock_timeout`` seconds) instead of mixing its pages with these. ``use_cache=False``
    builds everything afresh and leaves the cache as it was."""
    builder = Builder(content, out, with_history=with_history, site_url=site_url, use_cache=use_cache, keep_records=False)
    try:
        return builder.build(lock_timeout)
    finally:
        forget_caches()


def forget_caches() -> None:
    """Empty the module-level caches of rendered text, dates and labels (tens of MB at 10,000
    operations): they only speed up a build in progress, and would otherwise stay in memory while
    MkDocs renders the site. Output does not depend on them."""
    import sys

    # Only the modules this build imported: a build with nothing to do imports none of them.
    if f"{__package__}.render" in sys.modules:
        from . import render

        render.plain.cache_clear()
        render._shared = None
    if f"{__package__}.textmd" in sys.modules:
        from . import textmd

        textmd._Renderer.__call__.cache_clear()
    if f"{__package__}.outcomes" in sys.modules:
        from . import outcomes

        outcomes.forget()
    if f"{__package__}.dates" in sys.modules:
        from . import dates

        dates.parse.cache_clear()


class Builder:
    """Builds one content folder into one output folder, as often as asked, in one process.

    With ``keep_records`` the validated records stay in memory between builds, so a rebuild does not
    read the record cache from disk again (about a second at 10,000 operations): for a preview that
    rebuilds on every save. The price is their memory (a few hundred MB at that size) for as long as
    the builder lives; a one-off build (``build()``) does not keep them."""

    def __init__(
        self,
        content: Path,
        out: Path,
        *,
        with_history: bool = True,
        site_url: str = "",
        use_cache: bool = True,
        keep_records: bool = True,
    ) -> None:
        self.content, self.out = content, out
        self.with_history, self.site_url, self.use_cache, self.keep_records = with_history, site_url, use_cache, keep_records
        self.records: cache.RecordCache | None = None

    def build(self, lock_timeout: float = lock.DEFAULT_TIMEOUT) -> BuildResult:
        """One build (see ``build()``)."""
        content, out = self.content, self.out
        out_resolved, content_resolved = out.resolve(), content.resolve()
        if (
            out_resolved == content_resolved
            or content_resolved in out_resolved.parents
            or out_resolved in content_resolved.parents
        ):
            raise UsageError(
                f"the output folder {out} must not be inside or around the content folder {content}: "
                "generated pages would be read back as records; choose an --out outside it (default: docs)"
            )
        # The pipeline builds many small objects and no reference cycles worth collecting;
        # pausing the cyclic collector saves it from rescanning a growing heap (a third of the time).
        gc_was_enabled = gc.isenabled()
        gc.disable()
        try:
            with lock.locked(out, timeout=lock_timeout):
                return _build(self)
        finally:
            if gc_was_enabled:
                gc.enable()

    def record_cache(self, key: str) -> cache.RecordCache:
        """The records kept from the last build when they were made by the same code and vocabularies."""
        records = self.records
        if records is None or records.key != key:
            records = cache.RecordCache(self.out, key)
        records.started_ns, records.reused, records.today = time.time_ns(), 0, cache.today()
        if self.keep_records:
            self.records = records
        return records


def _git_head(content: Path) -> str:
    """The commit checked out around ``content`` (the pages show each record's last change in git)."""
    try:
        return subprocess.run(
            ["git", "-C", str(content), "rev-parse", "HEAD"], capture_output=True, text=True, check=True, timeout=30
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "no git"


def _vocab_folder(content: Path) -> Path:
    """content/vocab when there is anything by that name (a link is hashed as a link, never followed: the
    loader refuses it), else the project's own vocabularies."""
    return content / "vocab" if os.path.lexists(content / "vocab") else vocab.SHIPPED


def _inspect_output(out: Path) -> dict[str, tuple[int, int]] | None:
    """The files of the output folder before the build reads anything there (None when it does not exist yet).

    Refuses, naming the path, what a build must never trust or write through: a link (the folder itself
    or anything inside, its cache included), a FIFO, socket or device (opening one can block for ever),
    and any file git tracks there but ``.gitignore``: the folder holds what builds made in this checkout,
    so a file the repository carries in it (a forged cache shard, a link committed with ``git add -f``)
    is refused, not read."""
    writer.refuse_link(str(out), "the output folder")
    if not out.is_dir():
        return None
    try:
        present = writer.stats(str(out))
    except OSError:
        return None  # the writer reports an unreadable folder, naming it
    _refuse_tracked(out)
    return present


def _refuse_tracked(out: Path) -> None:
    try:
        listed = subprocess.run(
            ["git", "-C", str(out), "ls-files", "-z", "--", "."], capture_output=True, check=True, timeout=30
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return  # not inside a git work tree (or no git): nothing there is tracked
    tracked = [name for name in listed.decode("utf-8", "surrogateescape").split("\0") if name and name != ".gitignore"]
    if tracked:
        shown = ", ".join(printable(f"{out.as_posix()}/{name}") for name in tracked[:3])
        more = f" and {len(tracked) - 3} more" if len(tracked) > 3 else ""
        raise writer.WriteError(
            f"{shown}{more} {'is' if len(tracked) == 1 else 'are'} tracked by git, but {out.as_posix()}/ holds only what "
            "builds generate in this checkout (pages and the build's cache), which a build never takes from the "
            f"repository: remove {'it' if len(tracked) == 1 else 'them'} from git "
            f"(git rm -r --cached {printable(out.as_posix())}/<file>), then build again"
        )


def _output_intact(out: Path, present: dict[str, tuple[int, int]] | None) -> tuple[int, int] | None:
    """The numbers of files and of pages when ``out`` holds exactly what the last build wrote there; None otherwise."""
    manifest = writer.read_manifest(out)
    if present is None or not manifest or set(present) - writer.KEEP != set(manifest):
        return None
    for rel, entry in manifest.items():
        if not isinstance(entry, list) or len(entry) != 3 or present[rel] != (entry[1], entry[2]):
            return None
    return len(manifest), sum(1 for rel in manifest if rel.endswith(".md"))


def _build(builder: Builder) -> BuildResult:
    content, out, with_history, site_url = builder.content, builder.out, builder.with_history, builder.site_url
    timings: dict[str, float] = {}
    start = time.perf_counter()
    present = _inspect_output(out)
    key = cache.version_key(_vocab_folder(content), out if builder.use_cache else None)
    params = [str(content.resolve()), site_url, _git_head(content) if with_history else "no history"]
    state = cache.State(out, key, params, content)
    stats = cache.content_stats(content)
    if builder.use_cache and state.unchanged(stats):
        intact = _output_intact(out, present)
        if intact is not None:
            timings["no-op check"] = time.perf_counter() - start
            return BuildResult(writer.WriteReport(unchanged=intact[0]), intact[1], timings, nothing_changed=True)
    if builder.use_cache:
        state.start(stats)
    timings["change check"] = time.perf_counter() - start
    return _full(builder, timings, state if builder.use_cache else None, stats, present)


def _full(
    builder: Builder,
    timings: dict[str, float],
    state: cache.State | None,
    stats: dict[str, list[int]] | None,
    present: dict[str, tuple[int, int]] | None,
) -> BuildResult:
    from . import checker, history, link, pages

    content, out, with_history, site_url = builder.content, builder.out, builder.with_history, builder.site_url
    start = time.perf_counter()
    records = builder.record_cache(state.key) if state else None
    catalog = checker.check(content, records)
    timings["load+validate"] = time.perf_counter() - start

    start = time.perf_counter()
    changed = history.last_changed(content) if with_history else {}
    site = link.link(catalog, changed, site_url)
    plan = pages.plan(site)
    timings["link"] = time.perf_counter() - start

    start = time.perf_counter()
    signer = page_cache = None
    if state and records:
        from .pagecache import PageCache, Signer

        signer = Signer(_fingerprints(catalog, records))
        page_cache = PageCache(out, state.key, [*state.params[:2], str(with_history)])
        state.forget()  # until this build has finished, the next one must not trust the output
    output = writer.Output(out, present)
    try:
        count, kept = _render(plan, output, signer, page_cache)
        timings["render"] = time.perf_counter() - start
        start = time.perf_counter()
        if page_cache:
            page_cache.forget()
        report = output.commit()
    finally:
        output.discard()
    timings["write"] = time.perf_counter() - start

    if records is not None and state is not None and page_cache is not None:
        start = time.perf_counter()
        records.save({f"{kind}/{rid}" for kind, rid in catalog.documents})
        page_cache.save()
        state.save(stats)
        timings["cache"] = time.perf_counter() - start
    reused = records.reused if records else 0
    return BuildResult(report, count, timings, records_reused=reused, rendered=len(plan) - kept)


def _fingerprints(catalog: Any, records: cache.RecordCache) -> dict[tuple[str, str], bytes]:
    """The content hash of every record file and hand-written page, by (kind, id)."""
    found = {(kind, rid): records.entries[f"{kind}/{rid}"].hash for kind, rid in catalog.documents}
    for page in catalog.pages:
        found[("pages", page.name)] = cache.file_hash(page.text.encode("utf-8"))
    return found


def _render(plan: list[Any], output: writer.Output, signer: Any, page_cache: Any) -> tuple[int, int]:
    """Render and hand over each file in turn, keeping those whose signature and file are unchanged;
    the number of Markdown pages, and of plan items kept unrendered."""
    from .plan import Page

    count = kept_items = 0
    for item in plan:
        signature = signer.sign(item, item.extra) if signer else ""
        if isinstance(item, Page):
            count += item.path.endswith(".md")
            if page_cache and page_cache.page(item.path, signature) and output.keep(item.path):
                kept_items += 1
            else:
                output.put(item.path, item.render())
            if page_cache:
                page_cache.new[item.path] = signature
            continue
        kept = page_cache.bundle(item.folder, signature) if page_cache else None
        if kept is not None and all(output.intact(rel) for rel in kept) and all(output.keep(rel) for rel in kept):
            files, kept_items = kept, kept_items + 1
        else:
            files = []
            for rel, data in item.render().items():
                output.put(rel, data)
                files.append(rel)
        count += sum(rel.endswith(".md") for rel in files)
        if page_cache:
            page_cache.new[item.folder] = [signature, sorted(files)]
    return count, kept_items
