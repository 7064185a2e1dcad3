"""Benchmark: synthesise N operations of valid content, then time the generator, MkDocs and rebuilds.

    .venv/bin/python benchmarks/run.py --sizes 1000 10000 --repeat 3
    .venv/bin/python benchmarks/run.py --quick            # tiny run, seconds
    .venv/bin/python benchmarks/run.py --sizes 1000 --serve   # also edit-to-preview with mkdocs serve
    .venv/bin/python benchmarks/run.py --mkdocs-only          # whole mkdocs build beside a plain Material site
    .venv/bin/python benchmarks/run.py --sizes 10000 --preview-only   # edit-to-preview alone

Times are medians of --repeat runs, in seconds; ratios are taken within the same run.
Peak memory is the maximum resident set of the measured process (or process tree).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
import urllib.request
from pathlib import Path
from typing import Any

import pycountry
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator import vocab  # noqa: E402
from tests.helpers import make_project, mkdocs_env  # noqa: E402  (the same project copy the tests build)

_VOCAB = vocab.shipped()

WORDS = [
    "police",
    "forces",
    "in",
    "several",
    "countries",
    "coordinated",
    "raids",
    "against",
    "networks",
    "that",
    "exploited",
    "children",
    "online",
    "and",
    "trafficked",
    "people",
    "across",
    "borders",
    "while",
    "prosecutors",
    "filed",
    "cases",
    "and",
    "officials",
    "announced",
    "the",
    "results",
    "of",
    "the",
    "operation",
    "with",
    "partners",
    "from",
    "international",
    "organisations",
    "and",
    "civil",
    "society",
    "groups",
    "who",
    "supported",
    "victims",
]
QUALIFIERS = list(_VOCAB.qualifiers)
METRICS = list(_VOCAB.measures)


def _text(rnd: random.Random, low: int, high: int) -> str:
    target = rnd.randint(low, high)
    words: list[str] = []
    while sum(len(w) + 1 for w in words) < target:
        words.append(rnd.choice(WORDS))
    return " ".join(words).capitalize() + "."


def _date(rnd: random.Random) -> str:
    year = rnd.randint(2005, 2024)
    shape = rnd.random()
    if shape < 0.2:
        return str(year)
    if shape < 0.5:
        return f"{year}-{rnd.randint(1, 12):02d}"
    if shape < 0.55:
        return f"XXXX-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"
    return f"{year}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"


def synthesise(n: int, out: Path, seed: int = 1) -> dict[str, int]:
    """Write valid content for ``n`` operations into ``out``; return the record counts."""
    rnd = random.Random(seed)
    codes = sorted(c.alpha_2.lower() for c in pycountry.countries)
    for folder in ("operations", "agencies", "sources", "pages"):
        (out / folder).mkdir(parents=True, exist_ok=True)
    for page in (ROOT / "content" / "pages").glob("*.md"):
        shutil.copy2(page, out / "pages" / page.name)
    shutil.copytree(ROOT / "content" / "vocab", out / "vocab", dirs_exist_ok=True)
    n_sources = max(2, n * 3 // 2)
    n_agencies = max(2, n // 5)
    for i in range(n_sources):
        source: dict[str, Any] = {
            "title": _text(rnd, 40, 90).rstrip("."),
            "kind": rnd.choice(list(_VOCAB.source_kinds)),
            "language": "en",
        }
        if rnd.random() < 0.5:
            source["url"] = f"https://example.org/reports/{i}"
            source["published"] = _date(rnd).replace("XXXX", "2020")
        (out / "sources" / f"source-{i}.yml").write_text(yaml.safe_dump(source, sort_keys=False), "utf-8")
    for i in range(n_agencies):
        agency: dict[str, Any] = {
            "name": f"Agency {i} " + _text(rnd, 10, 30).rstrip("."),
            "kind": rnd.choice(list(_VOCAB.agency_kinds)),
            "summary": _text(rnd, 150, 400),
            "sources": [f"source-{rnd.randrange(n_sources)}"],
        }
        if agency["kind"] != "intergovernmental-organisation":
            agency["country"] = codes[i % len(codes)]
        if i >= 10 and rnd.random() < 0.2:
            agency["kind"], agency["parent"] = "unit", f"agency-{rnd.randrange(10)}"
        (out / "agencies" / f"agency-{i}.yml").write_text(yaml.safe_dump(agency, sort_keys=False), "utf-8")
    for i in range(n):
        cites = [f"source-{(i * 3 // 2 + k) % n_sources}" for k in range(rnd.randint(1, 2))]
        record: dict[str, Any] = {
            "name": f"Operation {i} " + _text(rnd, 10, 40).rstrip("."),
            "kind": rnd.choice(list(_VOCAB.operation_kinds)),
            "summary": _text(rnd, 300, 800),
            "crime_areas": rnd.sample(list(_VOCAB.crime_areas), rnd.randint(1, 3)),
            "period": {"start": _date(rnd), "sources": cites[:1]},
            "agencies": [
                {"agency": f"agency-{a}", "role": rnd.choice(list(_VOCAB.agency_roles))}
                for a in sorted({rnd.randrange(n_agencies) for _ in range(rnd.randint(1, 5))})
            ],
            # Every ISO country is used: operation i always includes country i mod 249.
            "countries": [
                {"country": c, "role": rnd.choice(list(_VOCAB.country_roles))}
                for c in sorted({codes[i % len(codes)], *rnd.sample(codes, rnd.randint(1, 7))})
            ],
            "outcomes": [],
            "events": [{"date": _date(rnd), "text": _text(rnd, 40, 160), "sources": cites[:1]} for _ in range(rnd.randint(1, 4))],
            "sources": cites,
        }
        for metric in rnd.sample(METRICS, rnd.randint(2, 6)):
            if rnd.random() < 0.1:
                record["outcomes"].append({"metric": metric, "as_reported": "dozens", "sources": cites[:1]})
            else:
                record["outcomes"].append(
                    {"metric": metric, "value": rnd.randint(1, 5000), "qualifier": rnd.choice(QUALIFIERS), "sources": cites[:1]}
                )
        if i > 0 and rnd.random() < 0.2:
            record["related"] = [f"operation-{rnd.randrange(i)}"]
        (out / "operations" / f"operation-{i}.yml").write_text(yaml.safe_dump(record, sort_keys=False), "utf-8")
    return {"operations": n, "agencies": n_agencies, "sources": n_sources}


# Runs a command and reports the peak RSS of its process tree alone: RUSAGE_CHILDREN of this
# process would also count earlier, larger children (the generator probes).
_PEAK_WRAPPER = (
    "import resource, subprocess, sys; r = subprocess.run(sys.argv[1:]); "
    "print('PEAK_KB', resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); sys.exit(r.returncode)"
)


def _timed(cmd: list[str], cwd: Path) -> tuple[float, int, str]:
    """Wall time, peak RSS of the command's process tree (KB), and output of a command."""
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", _PEAK_WRAPPER, *cmd],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=mkdocs_env(cwd),
    )
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}")
    peak = int(result.stderr.rsplit("PEAK_KB", 1)[1].split()[0])
    return elapsed, peak, result.stdout + result.stderr


_GENERATOR_PROBE = textwrap.dedent("""
    import json, resource, sys, time
    sys.path.insert(0, sys.argv[3])
    from generator import build
    from pathlib import Path
    start = time.perf_counter()
    result = build.build(Path(sys.argv[1]), Path(sys.argv[2]), with_history=False, site_url=sys.argv[4])
    total = time.perf_counter() - start
    print(json.dumps({"timings": result.timings, "total": total, "pages": result.pages,
                      "written": len(result.report.written), "rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
""")

_FLOOR_PROBE = textwrap.dedent("""
    import json, sys, time, yaml
    from pathlib import Path
    import jinja2
    content, out = Path(sys.argv[1]), Path(sys.argv[2])
    records = {k: {p.stem: yaml.load(p.read_text(), Loader=yaml.CSafeLoader) for p in (content / k).glob("*.yml")}
               for k in ("operations", "agencies", "sources")}
    env = jinja2.Environment(autoescape=True)
    tpl = env.from_string("---\\ntitle: {{ r.name or r.title }}\\n---\\n\\n# {{ r.name or r.title }}\\n\\n{{ r.summary }}\\n"
        "{% for k, v in r.items() %}<p>{{ k }}: {{ v }}</p>\\n{% endfor %}")
    start = time.perf_counter()
    pages = {f"{k}/{rid}.md": tpl.render(r=r) for k, table in records.items() for rid, r in table.items()}
    render = time.perf_counter() - start
    start = time.perf_counter()
    for rel, text in pages.items():
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    write = time.perf_counter() - start
    print(json.dumps({"render": render, "write": write, "pages": len(pages)}))
""")


_INCREMENTAL_PROBE = textwrap.dedent("""
    import json, resource, sys, time
    sys.path.insert(0, sys.argv[3])
    from generator import build
    from pathlib import Path
    start = time.perf_counter()
    result = build.build(Path(sys.argv[1]), Path(sys.argv[2]), with_history=False)
    print(json.dumps({"total": time.perf_counter() - start, "written": len(result.report.written),
                      "rendered": result.rendered, "nothing_changed": result.nothing_changed,
                      "reused": result.records_reused, "timings": result.timings,
                      "cpu": sum(resource.getrusage(resource.RUSAGE_SELF)[:2]),
                      "rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
""")


def _incremental_run(content: Path, out: Path) -> dict:
    """One generator build in its own process: the build's own seconds, and the whole process's."""
    start = time.perf_counter()
    run = _python(_INCREMENTAL_PROBE, str(content), str(out), str(ROOT))
    run["process"] = time.perf_counter() - start
    return run


def _age(content: Path) -> None:
    """Set every content file's time well in the past, as for records not edited in the last seconds
    (the cache re-hashes files saved within two seconds of a build, whatever their time says)."""
    old = time.time() - 3600
    for path in [content, *content.rglob("*")]:
        os.utime(path, (old, old))


def measure_incremental(n: int, repeat: int, work: Path, content: Path) -> dict:
    """The generator with its cache (issue 17): cold, warm (nothing changed), after one edited record, and
    peak memory. Every run is a separate process; ``gen_warm_process_s`` includes Python's start-up and imports."""
    row: dict = {}
    out = work / "incremental-out"
    _age(content)
    cold = []
    for _ in range(repeat):
        shutil.rmtree(out, ignore_errors=True)
        cold.append(_incremental_run(content, out))
    row["gen_cold_s"] = statistics.median(r["total"] for r in cold)
    # CPU seconds of the whole process (start-up and imports included): on a shared machine, closer
    # to what the build costs alone than its wall time.
    row["gen_cold_cpu_s"] = statistics.median(r["cpu"] for r in cold)
    warm = [_incremental_run(content, out) for _ in range(repeat)]
    row["gen_warm_s"] = statistics.median(r["total"] for r in warm)
    row["gen_warm_process_s"] = statistics.median(r["process"] for r in warm)
    row["gen_warm_cpu_s"] = statistics.median(r["cpu"] for r in warm)
    row["gen_warm_did_nothing"] = all(r["nothing_changed"] for r in warm)
    record = content / "operations" / "operation-0.yml"
    original = record.read_text("utf-8")
    edits = []
    for i in range(repeat):
        data = yaml.safe_load(original)
        data["summary"] = f"Edited {i}. " + data["summary"]
        record.write_text(yaml.safe_dump(data, sort_keys=False), "utf-8")
        edits.append(_incremental_run(content, out))
    record.write_text(original, "utf-8")
    _age(content)
    row["gen_edit_s"] = statistics.median(r["total"] for r in edits)
    row["gen_edit_process_s"] = statistics.median(r["process"] for r in edits)
    row["gen_edit_cpu_s"] = statistics.median(r["cpu"] for r in edits)
    row["gen_edit_files_written"] = max(r["written"] for r in edits)
    row["gen_edit_items_rendered"] = max(r["rendered"] for r in edits)
    for step in ("load+validate", "link", "render", "write", "cache"):
        row[f"gen_edit_{step}_s"] = statistics.median(r["timings"].get(step, 0.0) for r in edits)
    row["gen_incremental_peak_mb"] = max(r["rss_kb"] for r in cold + warm + edits) / 1024
    return row


def _python(code: str, *args: str) -> dict:
    result = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


_PREVIEW_LINE = re.compile(r"preview: generator ([\d.]+) s; (\d+) page\(s\) rendered again.* in ([\d.]+) s")


def _shows(url: str, text: str) -> bool:
    try:
        return text in urllib.request.urlopen(url, timeout=30).read().decode("utf-8", "replace")
    except OSError:
        return False


def _part_showing(base: str, stem: str, text: str) -> str:
    """The part of a paged list (x.html, x_2.html, ...) that shows ``text``; the first part if none does."""
    for n in range(1, 200):
        url = f"{stem}.html" if n == 1 else f"{stem}_{n}.html"
        try:
            if text in urllib.request.urlopen(base + url, timeout=30).read().decode("utf-8", "replace"):
                return url
        except OSError:
            break
    return f"{stem}.html"


def edit_to_preview(project: Path, edits: int = 3, timeout: float = 1800, dirty: bool = False) -> dict[str, Any]:
    """Edit one record's name under `mkdocs serve` and poll the served pages until they show it.

    Returns medians over ``edits`` saves: seconds from the save until the record's page shows the new
    name, until its page and the pages that show it (an agency's and a country's) all do, and the two
    parts the preview logs (the generator's run; MkDocs rendering the rewritten pages again); plus
    the server's peak memory and the first build's time."""
    port = _free_port()
    log = project / "serve.log"
    with log.open("w") as out:
        server = subprocess.Popen(
            [
                str(Path(sys.executable).parent / "mkdocs"),
                "serve",
                "--dev-addr",
                f"127.0.0.1:{port}",
                *(["--dirty"] if dirty else []),
            ],
            cwd=project,
            stdout=out,
            stderr=subprocess.STDOUT,
            env=mkdocs_env(project),
        )
    base = f"http://127.0.0.1:{port}/operations-watch/"
    record = project / "content" / "operations" / "operation-0.yml"
    data = yaml.safe_load(record.read_text("utf-8"))
    original = data["name"]
    pages = [
        "operations/operation-0",
        f"agencies/{data['agencies'][0]['agency']}",
        f"countries/{data['countries'][0]['country']}",
    ]
    row: dict[str, Any] = {}
    try:
        start = time.perf_counter()
        while not _shows(base + pages[0] + ".html", original):  # the first full build
            if time.perf_counter() - start > timeout or server.poll() is not None:
                return row
            time.sleep(1)
        row["preview_first_build_s"] = time.perf_counter() - start
        shows = [_part_showing(base, stem, original) for stem in pages]
        page, every, generator, render, rendered = [], [], [], [], []
        for n in range(edits):
            time.sleep(2)
            marker = f"Edited {n} {time.time():.0f}"
            data["name"] = f"{original} {marker}"
            temporary = record.with_name(record.name + ".tmp")  # saved as editors do: a new file renamed over it
            temporary.write_text(yaml.safe_dump(data, sort_keys=False), "utf-8")
            start = time.perf_counter()
            temporary.replace(record)
            waiting = list(shows)
            while waiting and time.perf_counter() - start < timeout:
                if _shows(base + waiting[0], marker):
                    if waiting[0] == shows[0]:
                        page.append(time.perf_counter() - start)
                    waiting.pop(0)
                else:
                    time.sleep(0.05)
            if waiting:
                return row
            every.append(time.perf_counter() - start)
            time.sleep(1)  # the log line is written as the browsers are told to reload
            found = _PREVIEW_LINE.findall(log.read_text("utf-8", "replace"))
            if len(found) == n + 1:
                generator.append(float(found[-1][0]))
                rendered.append(int(found[-1][1]))
                render.append(float(found[-1][2]))
        row["edit_to_preview_page_s"] = statistics.median(page)
        row["edit_to_preview_s"] = statistics.median(every)
        if render:
            row["preview_generator_s"] = statistics.median(generator)
            row["preview_render_s"] = statistics.median(render)
            row["preview_pages_rendered"] = max(rendered)
        return row
    finally:
        data["name"] = original
        record.write_text(yaml.safe_dump(data, sort_keys=False), "utf-8")
        status = Path(f"/proc/{server.pid}/status")  # Linux: the server's peak resident memory so far
        if status.exists():
            peak = re.search(r"VmHWM:\s+(\d+) kB", status.read_text())
            if peak:
                row["preview_peak_mb"] = int(peak[1]) / 1024
        server.terminate()
        server.wait(timeout=60)


def measure(n: int, repeat: int, work: Path, serve: bool, generator_only: bool = False) -> dict:
    content = work / f"content-{n}"
    counts = synthesise(n, content)
    row: dict = {"operations": n, **{f"{k}_records": v for k, v in counts.items()}}

    gen_runs = []
    for _ in range(repeat):
        out = work / "gen-out"
        shutil.rmtree(out, ignore_errors=True)
        gen_runs.append(_python(_GENERATOR_PROBE, str(content), str(out), str(ROOT), ""))
    row["pages"] = gen_runs[0]["pages"]
    for step in ("load+validate", "link", "render", "write"):
        row[f"gen_{step}_s"] = statistics.median(r["timings"][step] for r in gen_runs)
    row["gen_total_s"] = statistics.median(r["total"] for r in gen_runs)
    row["gen_peak_mb"] = max(r["rss_kb"] for r in gen_runs) / 1024
    row.update(measure_incremental(n, repeat, work, content))
    if generator_only:
        return row

    floor_runs = []
    for _ in range(repeat):
        out = work / "floor-out"
        shutil.rmtree(out, ignore_errors=True)
        floor_runs.append(_python(_FLOOR_PROBE, str(content), str(out)))
    row["floor_render+write_s"] = statistics.median(r["render"] + r["write"] for r in floor_runs)
    row["gen_vs_floor"] = row["gen_total_s"] / row["floor_render+write_s"]

    project = make_project(work, content)
    site = work / "site"
    mkdocs = str(Path(sys.executable).parent / "mkdocs")
    full = []
    for _ in range(repeat):
        shutil.rmtree(project / "docs")
        (project / "docs").mkdir()
        full.append(_timed([mkdocs, "build", "--site-dir", str(site)], project))
    row["mkdocs_full_s"] = statistics.median(t for t, _, _ in full)
    row["mkdocs_full_peak_mb"] = max(m for _, m, _ in full) / 1024

    # MkDocs alone, with nothing to generate, is the "site_warm" row of measure_site_vs_plain below
    # (the theme overrides need the plugin, so there is no build without it to compare).
    config = _site_config(project)

    # Rebuilds as the hook runs them: same content path (edit links) and site address (feed).
    out, hooked = project / "docs", str(project / "content")
    site_url = config.get("site_url", "")
    noop = [_python(_GENERATOR_PROBE, hooked, str(out), str(ROOT), site_url) for _ in range(repeat)]
    row["noop_rebuild_s"] = statistics.median(r["total"] for r in noop)
    row["noop_files_rewritten"] = max(r["written"] for r in noop)
    record = project / "content" / "operations" / "operation-0.yml"
    original = record.read_text("utf-8")
    data = yaml.safe_load(original)
    data["summary"] = "Edited. " + data["summary"]
    record.write_text(yaml.safe_dump(data, sort_keys=False), "utf-8")
    edit = _python(_GENERATOR_PROBE, hooked, str(out), str(ROOT), site_url)
    record.write_text(original, "utf-8")
    _python(_GENERATOR_PROBE, hooked, str(out), str(ROOT), site_url)  # back to the built state
    row["edit_rebuild_s"] = edit["total"]
    row["edit_files_rewritten"] = edit["written"]

    html = list((site / "operations").glob("operation-*.html"))
    row["site_total_mb"] = sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) / 2**20
    row["avg_operation_page_kb"] = statistics.mean(p.stat().st_size for p in html) / 1024
    records_html = [
        p for k in ("operations", "agencies", "countries", "sources") for p in (site / k).glob("*.html") if p.name != "index.html"
    ]
    row["avg_record_page_kb"] = statistics.mean(p.stat().st_size for p in records_html) / 1024
    # Material's index (now empty of pages) and the generator's sharded index, which a reader
    # loads only in part (benchmarks/browser.py measures what a query loads).
    index = (site / "search" / "search_index.json").stat().st_size
    index += sum(p.stat().st_size for p in (site / "search-index").glob("*.js"))
    row["search_index_kb_per_page"] = index / 1024 / max(1, row["pages"])
    row["largest_html_kb"] = max(p.stat().st_size for p in site.rglob("*.html")) / 1024
    row.update(measure_site_vs_plain(project, work, repeat))
    if serve:
        row.update(edit_to_preview(project))
    return row


# -- The whole `mkdocs build` beside a plain Material site (issue 17) -------------------------

# Like _PEAK_WRAPPER, and also the CPU time of the command's process tree: on a shared machine a
# build's wall time depends on what else runs, its CPU time much less.
_CPU_WRAPPER = (
    "import resource, subprocess, sys; r = subprocess.run(sys.argv[1:]); u = resource.getrusage(resource.RUSAGE_CHILDREN); "
    "print('PEAK_KB', u.ru_maxrss, 'CPU_S', u.ru_utime + u.ru_stime, file=sys.stderr); sys.exit(r.returncode)"
)


def _build(cmd: list[str], cwd: Path) -> dict[str, float]:
    """Wall time, CPU time (s) and peak memory (MB) of a build command's process tree."""
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", _CPU_WRAPPER, *cmd], cwd=cwd, capture_output=True, text=True, env=mkdocs_env(cwd)
    )
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}")
    fields = result.stderr.rsplit("PEAK_KB", 1)[1].split()
    return {"s": elapsed, "cpu_s": float(fields[2]), "peak_mb": int(fields[0]) / 1024}


def _site_config(project: Path) -> dict[str, Any]:
    """mkdocs.yml as plain data; an ``!ENV [NAME, default]`` value becomes its default."""
    config = yaml.safe_load((project / "mkdocs.yml").read_text("utf-8").replace("!ENV", ""))
    return {
        key: value[-1] if key in ("site_url", "repo_url") and isinstance(value, list) else value for key, value in config.items()
    }


def plain_material_project(work: Path, pages: list[str], site_config: dict[str, Any]) -> Path:
    """A plain Material site (no plugin but Material's search, no theme overrides) with a trivial
    page, a heading and a paragraph, at each of ``pages``, and the same navigation and tabs."""
    project = work / "plain"
    shutil.rmtree(project, ignore_errors=True)
    for i, page in enumerate(pages):
        path = project / "docs" / page
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"# Page {i}\n\nA paragraph of plain text on page {i} of the plain site.\n", "utf-8")
    config = {
        "site_name": "Plain",
        "use_directory_urls": False,
        "validation": {"nav": {"omitted_files": "ignore"}},
        "theme": {"name": "material", "font": False, "features": site_config["theme"]["features"]},
        "nav": site_config["nav"],
        "plugins": ["search"],
        "markdown_extensions": [{"toc": {"permalink": True}}, "admonition", "tables"],
    }
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config), "utf-8")
    return project


def measure_site_vs_plain(project: Path, work: Path, repeat: int) -> dict:
    """The whole `mkdocs build` of the generated site (from an empty docs/, and again with nothing
    changed) beside a plain Material site with as many pages, the three interleaved in each round."""
    mkdocs = str(Path(sys.executable).parent / "mkdocs")
    runs: dict[str, list[dict[str, float]]] = {"cold": [], "warm": [], "plain": []}
    plain = None
    for _ in range(repeat):
        shutil.rmtree(project / "docs")
        (project / "docs").mkdir()
        runs["cold"].append(_build([mkdocs, "build", "--site-dir", str(work / "site-cold")], project))
        runs["warm"].append(_build([mkdocs, "build", "--site-dir", str(work / "site-warm")], project))
        if plain is None:
            pages = sorted(
                p.relative_to(project / "docs").as_posix() for p in (project / "docs").rglob("*.md") if ".cache" not in p.parts
            )
            plain = plain_material_project(work, pages, _site_config(project))
        runs["plain"].append(_build([mkdocs, "build", "--site-dir", str(work / "site-plain")], plain))
    row: dict[str, Any] = {}
    for name, results in runs.items():
        label = "plain_material" if name == "plain" else f"site_{name}"
        row[f"{label}_s"] = statistics.median(r["s"] for r in results)
        row[f"{label}_cpu_s"] = statistics.median(r["cpu_s"] for r in results)
        row[f"{label}_peak_mb"] = max(r["peak_mb"] for r in results)
    for name in ("cold", "warm"):
        row[f"site_{name}_vs_plain"] = row[f"site_{name}_s"] / row["plain_material_s"]
        row[f"site_{name}_vs_plain_cpu"] = row[f"site_{name}_cpu_s"] / row["plain_material_cpu_s"]
    return row


def measure_mkdocs(n: int, repeat: int, work: Path) -> dict:
    """Only the whole-build rows: generated site beside a plain Material site."""
    content = work / f"content-{n}"
    counts = synthesise(n, content)
    project = make_project(work, content)
    row: dict[str, Any] = {"operations": n, **{f"{k}_records": v for k, v in counts.items()}}
    row.update(measure_site_vs_plain(project, work, repeat))
    row["pages"] = sum(1 for p in (project / "docs").rglob("*.md") if ".cache" not in p.parts)
    return row


def measure_preview(n: int, work: Path) -> dict:
    """Edit-to-preview alone (``--preview-only``): synthesise, then time edits under `mkdocs serve`."""
    content = work / f"content-{n}"
    if not content.exists():
        synthesise(n, content)
    project = work / "project"
    if project.exists():
        shutil.rmtree(project)
    project = make_project(work, content)
    return {"operations": n, **edit_to_preview(project)}


def table(rows: list[dict]) -> str:
    keys = list(dict.fromkeys(k for row in rows for k in row))
    lines = [
        "| measure | " + " | ".join(f"{r['operations']:,} ops" for r in rows) + " |",
        "| --- | " + " | ".join("---:" for _ in rows) + " |",
    ]
    for key in keys:
        if key == "operations":
            continue
        cells = []
        for row in rows:
            value = row.get(key)
            cells.append("n/a" if value is None else f"{value:,.2f}" if isinstance(value, float) else f"{value:,}")
        lines.append(f"| {key} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000], help="numbers of operations")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measure (the median is shown)")
    parser.add_argument("--quick", action="store_true", help="one tiny run (20 operations), for a smoke test")
    parser.add_argument("--serve", action="store_true", help="also measure edit-to-preview with mkdocs serve")
    parser.add_argument("--preview-only", action="store_true", help="measure edit-to-preview alone")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON")
    parser.add_argument("--generator-only", action="store_true", help="measure the generator only (no MkDocs build)")
    parser.add_argument("--mkdocs-only", action="store_true", help="only the whole mkdocs build beside a plain Material site")
    parser.add_argument("--work", type=Path, help="working folder (default: a temporary one)")
    args = parser.parse_args(argv)
    sizes, repeat = ([20], 1) if args.quick else (args.sizes, args.repeat)
    work = args.work or Path(tempfile.mkdtemp(prefix="bench-"))
    rows = []
    for n in sizes:
        print(f"measuring {n:,} operations in {work} ...", file=sys.stderr, flush=True)
        if args.mkdocs_only:
            (work / str(n)).mkdir(parents=True, exist_ok=True)
            rows.append(measure_mkdocs(n, repeat, work / str(n)))
        elif args.preview_only:
            rows.append(measure_preview(n, work / str(n)))
        else:
            rows.append(measure(n, repeat, work / str(n), args.serve, args.generator_only))
    print(table(rows))
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1), "utf-8")
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
