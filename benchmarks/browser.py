"""What a reader feels: search and page size in Debian's chromium, served on 127.0.0.1 and from disk.

    .venv/bin/python benchmarks/browser.py --sizes 1000 10000          # build each size, then measure
    .venv/bin/python benchmarks/browser.py --site main-1000=/path/to/site  # measure built sites
    .venv/bin/python benchmarks/browser.py --quality OLD_SITE NEW_SITE     # first results side by side

For each site, way of reading it (served, file://) and query, a fresh browser context opens an
operation page and, as soon as it has loaded, puts the whole query into Material's search box at
once: the time from the page's load event to the final results. Then it types the query again,
key by key: the time from the last keystroke to its results. It also records the bytes of the
search files loaded, and the JS heap once the first results are shown
(from disk the search runs in an iframe in the page, so the heap includes it; served, the
worker's own heap is not visible to the page and is left out). A query that shows no results
within --timeout seconds is reported as "> timeout".
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


def queries(n: int) -> dict[str, str]:
    """Queries of several kinds that every synthetic catalogue answers (see run.synthesise)."""
    return {
        "name": f"Operation {n // 3}",  # an operation's name as the reader starts typing it
        "place": "Paraguay",  # a country named by operations
        "acronym": "PRY",  # Paraguay's ISO alpha-3 code
        "common word": "police",  # in most summaries
        "synthetic": "Synthetic Operation 1234",  # the query
        "measure": "arrested",  # a measure most operations report, in another word form (issue 23)
        "typo": "Paragauy",  # a misspelt country: the nearest name, "did you mean" (issue 23)
    }


# Runs in the page before the query is typed: times each keystroke and each change of the result list.
_WATCH = """() => {
  window.__bench = {lastKey: 0, lastChange: 0, firstChange: 0};
  document.querySelector('input.md-search__input').addEventListener('keyup', () => { __bench.lastKey = performance.now(); });
  const list = document.querySelector('.md-search-result__list');
  new MutationObserver(() => {
    if (list.querySelector('.md-search-result__item')) {
      const now = performance.now();
      if (!__bench.firstChange) __bench.firstChange = now;
      __bench.lastChange = now;
    }
  }).observe(list, {childList: true, subtree: true});
  return performance.timing.loadEventEnd - performance.timing.navigationStart;
}"""


def _serve(folder: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(folder)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}/"


def _local(site: Path, base: str, url: str) -> Path | None:
    if not url.startswith(base):
        return None
    path = site / unquote(urlsplit(url[len(base) :]).path)
    return path if path.is_file() else None


def _settle(page, timeout: float) -> dict | None:
    """Wait until the result list shows results and has not changed for a second."""
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        state = page.evaluate("() => ({...__bench, now: performance.now()})")
        if state["lastChange"] and state["now"] - state["lastChange"] > 1000 and state["lastChange"] >= state["lastKey"]:
            return state
        time.sleep(0.1)
    return None


# The whole query at once, as soon as the page has loaded (as if pasted): Material reads the
# box on keyup.
_PASTE = """q => {
  const input = document.querySelector('input.md-search__input');
  input.focus();
  input.value = q;
  __bench.lastKey = performance.now();
  input.dispatchEvent(new KeyboardEvent('keyup', {bubbles: true}));
}"""


def measure_query(browser, site: Path, base: str, query: str, timeout: float) -> dict:
    """Load → results with the query given at once on load; then last keystroke → results with
    the query typed key by key into the open search."""
    context = browser.new_context()
    loaded: list[str] = []
    context.on("request", lambda r: loaded.append(r.url))
    page = context.new_page()
    page.set_default_timeout(timeout * 1000)
    cdp = context.new_cdp_session(page)
    cdp.send("Performance.enable")
    result: dict = {"query": query}
    try:
        page.goto(base + "operations/operation-0.html", wait_until="load", timeout=120_000)
        result["page_load_ms"] = page.evaluate(_WATCH)
        page.evaluate(_PASTE, query)
        state = _settle(page, timeout)
        if state is None:
            result["timed_out"] = True
            return result
        t_load = page.evaluate("() => performance.timing.loadEventEnd - performance.timeOrigin")
        result["load_to_results_ms"] = state["lastChange"] - t_load
        result["results"] = page.locator(".md-search-result__item").count()
        files = {u.split("?")[0] for u in loaded if "search" in u}
        result["search_kb"] = sum(p.stat().st_size for u in files if (p := _local(site, base, u)) and "search" in str(p)) / 1024
        metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
        result["heap_mb"] = metrics.get("JSHeapUsedSize", 0) / 2**20
        # Typing: clear the box, then type the query; only the last keystroke's answer counts.
        page.locator("input.md-search__input").fill("")
        page.evaluate("() => { __bench.lastChange = 0; }")
        page.locator("input.md-search__input").focus()
        page.keyboard.type(query)
        state = _settle(page, timeout)
        result["keystroke_to_results_ms"] = state["lastChange"] - state["lastKey"] if state else None
        return result
    except Exception as error:  # a frozen page (Material's index building from disk) times out
        result["timed_out"] = True
        result["error"] = str(error).splitlines()[0]
        return result
    finally:
        context.close()


def largest_pages(site: Path) -> dict:
    sizes = sorted(((p.stat().st_size, p.relative_to(site).as_posix()) for p in site.rglob("*.html")), reverse=True)
    return {
        "largest_html_kb": sizes[0][0] / 1024,
        "largest_html": sizes[0][1],
        "pages_over_300kb": sum(1 for s, _ in sizes if s > 300 * 1024),
    }


def measure_site(label: str, site: Path, n: int, timeout: float) -> list[dict]:
    from playwright.sync_api import sync_playwright

    rows = []
    httpd, served = _serve(site)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            for mode, base in (("served", served), ("file", site.as_uri() + "/")):
                for kind, query in queries(n).items():
                    print(f"{label} {mode} {kind}: {query!r}", file=sys.stderr, flush=True)
                    row = {"site": label, "mode": mode, "kind": kind, **measure_query(browser, site, base, query, timeout)}
                    rows.append(row)
            browser.close()
    finally:
        httpd.shutdown()
    pages = largest_pages(site)
    for row in rows:
        row.update(pages)
    return rows


def build(n: int, work: Path) -> Path:
    from benchmarks import run
    from tests.helpers import make_project, mkdocs_env

    content = work / f"content-{n}"
    run.synthesise(n, content)
    project = make_project(work, content)
    site = work / f"site-{n}"
    start = time.perf_counter()
    subprocess.run(
        [str(Path(sys.executable).parent / "mkdocs"), "build", "--site-dir", str(site)],
        cwd=project,
        check=True,
        capture_output=True,
        env=mkdocs_env(project),
    )
    print(f"built {n:,} operations in {time.perf_counter() - start:.0f} s", file=sys.stderr, flush=True)
    return site


def table(rows: list[dict], timeout: float) -> str:
    lines = [
        "| site | read | query | load → results (ms) | last key → results (ms) | search KB loaded | JS heap (MB) | results |",
        "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in rows:
        if r.get("timed_out"):
            cells = [f"> {timeout * 1000:,.0f}", "n/a", "n/a", "n/a", "0"]
        else:
            key = r.get("keystroke_to_results_ms")
            cells = [
                f"{r['load_to_results_ms']:,.0f}",
                "n/a" if key is None else f"{key:,.0f}",
                f"{r['search_kb']:,.0f}",
                f"{r['heap_mb']:,.1f}",
                str(r["results"]),
            ]
        lines.append(f"| {r['site']} | {r['mode']} | {r['kind']}: {r['query']} | " + " | ".join(cells) + " |")
    sites = {r["site"]: r for r in rows}
    lines += ["", "| site | largest HTML page | KB | pages over 300 KB |", "| --- | --- | ---: | ---: |"]
    for label, r in sites.items():
        lines.append(f"| {label} | {r['largest_html']} | {r['largest_html_kb']:,.0f} | {r['pages_over_300kb']} |")
    return "\n".join(lines)


QUALITY_QUERIES = [
    "Epervier",
    "Boystown",
    "NCCIA",
    "ISA",
    "Muzaffargarh",
    "Islamabad",
    "Pakistan",
    "Paraguay",
    "Interpol",
    "Europol",
    "WePROTECT",
    "2020",
    "human trafficking",
    "dark web",
    "Specialists Group",
    "Eperv",
]


def first_results(site: Path, query_list: list[str], timeout: float) -> dict[str, list[str]]:
    """The first three results of each query, served, as site-relative addresses."""
    from playwright.sync_api import sync_playwright

    out = {}
    httpd, base = _serve(site)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            for query in query_list:
                context = browser.new_context()
                page = context.new_page()
                page.goto(base + "index.html")
                page.evaluate(_WATCH)
                page.locator("input.md-search__input").focus()
                page.keyboard.type(query)
                deadline = time.perf_counter() + timeout
                while time.perf_counter() < deadline:
                    state = page.evaluate("() => ({...__bench, now: performance.now()})")
                    if (
                        state["lastChange"]
                        and state["now"] - state["lastChange"] > 1000
                        and state["lastChange"] >= state["lastKey"]
                    ):
                        break
                    time.sleep(0.1)
                hrefs = page.eval_on_selector_all(".md-search-result__item > a", "els => els.map(a => a.href)")
                out[query] = [h.split("?")[0].removeprefix(base) for h in hrefs[:3]]
                context.close()
            browser.close()
    finally:
        httpd.shutdown()
    return out


def quality_table(old: dict[str, list[str]], new: dict[str, list[str]]) -> str:
    lines = ["| query | first result before | first result now | same first? |", "| --- | --- | --- | --- |"]
    for query in old:
        a, b = (old[query] or ["none"])[0], (new[query] or ["none"])[0]
        lines.append(f"| {query} | {a} | {b} | {'yes' if a == b else 'no'} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="*", default=[], help="build and measure these numbers of operations")
    parser.add_argument("--site", action="append", default=[], help="LABEL=PATH of a built site (LABEL ends in -<operations>)")
    parser.add_argument("--timeout", type=float, default=120, help="seconds to wait for a query's results")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON")
    parser.add_argument("--quality", type=Path, nargs=2, metavar=("OLD_SITE", "NEW_SITE"), help="compare first results")
    args = parser.parse_args(argv)
    if args.quality:
        old, new = (first_results(site, QUALITY_QUERIES, args.timeout) for site in args.quality)
        print(quality_table(old, new))
        return 0
    rows: list[dict] = []
    work = Path(tempfile.mkdtemp(prefix="bench-browser-"))
    try:
        for n in args.sizes:
            rows += measure_site(f"this-{n}", build(n, work), n, args.timeout)
        for spec in args.site:
            label, path = spec.split("=", 1)
            rows += measure_site(label, Path(path), int(label.rsplit("-", 1)[1]), args.timeout)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(table(rows, args.timeout))
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
