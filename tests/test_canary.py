"""Canaries: the site builds from the generator's Markdown and the overrides alone, with no plugin.

The fixture site (tests/fixtures/mini) is generated once (``python -m generator build``) and built
with the overrides and no opswatch plugin, by MkDocs, by ProperDocs and by the newest Zensical that
installs here (each in its own virtual environment under ``.venv-engines/``, so the main build's
pins stay), and once by MkDocs with the plugin. Only the differences listed in ``ALLOWED`` may
separate the plugin build from the plain one; the test names the pages each one touches. The final
HTML of the plugin build is pinned in ``tests/golden/html/mini/`` (normalised for dates), so a theme
or engine upgrade shows as a reviewable diff (``tests/golden_files.py --html`` writes it again).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from opswatch_mkdocs.speed.htmlspace import drop_indentation
from tests.helpers import BIN, MINI, ROOT, make_project, mkdocs_env

SITE_URL = "https://example.github.io/operations-watch/"
REPO_URL = "https://github.com/example/operations-watch"
GOLDEN_HTML = ROOT / "tests" / "golden" / "html" / "mini"
ENGINES = ROOT / ".venv-engines"
ENGINE_SPECS = {"properdocs": ["properdocs==1.6.7", "mkdocs-material==9.8.1"], "zensical": ["zensical==0.0.73"]}
"""What each engine's own environment installs. Zensical 0.0.73 is the newest that installs here:
0.0.74 to 0.1.3 require zensical-ui releases the package index does not have."""

_EDIT = re.compile(r'<a href="[^"]*" title="Edit this page" class="md-content__button md-icon" rel="edit">.*?</a>', re.S)
_ACTIVE = re.compile(r" md-nav__item--active")
ALLOWED = {
    # The plugin links a record page to its record file; MkDocs alone links it to the generated
    # Markdown (docs/ is never committed), and generated lists to theirs.
    "edit link": _EDIT,
    # The plugin also marks a record page's section in the navigation menu (the tab is marked from
    # the front matter by the overrides, in both builds).
    "menu mark": _ACTIVE,
}
DIFFERENT_FILES = {"sitemap.xml", "sitemap.xml.gz", "sitemap-1.xml"}
"""Files only the plugin writes or rewrites: the sitemap split into an index and parts (sitemap.py)."""


def _env() -> dict[str, str]:
    return {**mkdocs_env(ROOT), "SITE_URL": SITE_URL, "REPO_URL": REPO_URL}


def _plain_config(project: Path) -> Path:
    """mkdocs.yml without the opswatch plugin, beside it."""
    config = yaml.safe_load(re.sub(r"!ENV \[(\w+), (\"[^\"]*\")\]", r"\2", (project / "mkdocs.yml").read_text("utf-8")))
    config["plugins"] = [p for p in config["plugins"] if p != "opswatch"]
    config["site_url"], config["repo_url"] = SITE_URL, REPO_URL
    path = project / "plain.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), "utf-8")
    return path


def _run(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> tuple[subprocess.CompletedProcess[str], float]:
    start = time.perf_counter()
    run = subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=600, env=env or _env())
    return run, time.perf_counter() - start


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture project, its Markdown generated once by ``python -m generator build``."""
    project = make_project(tmp_path_factory.mktemp("canary"), MINI)
    run, _ = _run([sys.executable, "-m", "generator", "build", "--site-url", SITE_URL], project, mkdocs_env(project))
    assert run.returncode == 0, run.stderr[-3000:]
    _plain_config(project)
    return project


@pytest.fixture(scope="module")
def plain_site(project: Path) -> Path:
    """MkDocs with the overrides and no plugin."""
    site = project.parent / "plain-site"
    run, _ = _run([str(BIN / "mkdocs"), "build", "-f", "plain.yml", "--site-dir", str(site)], project, mkdocs_env(project))
    assert run.returncode == 0, run.stderr[-3000:]
    return site


@pytest.fixture(scope="module")
def plugin_site(project: Path) -> Path:
    """MkDocs with the plugin (which runs the generator again: nothing changed, so it does nothing)."""
    site = project.parent / "plugin-site"
    env = {**mkdocs_env(project), "SITE_URL": SITE_URL, "REPO_URL": REPO_URL}
    run, _ = _run([str(BIN / "mkdocs"), "build", "--site-dir", str(site)], project, env)
    assert run.returncode == 0, run.stderr[-3000:]
    return site


def normalise(text: str) -> str:
    """A built page without what changes from day to day or with the speed layer: the build date,
    the indentation and blank lines the speed layer drops (whitespace HTML renders the same)."""
    text = re.sub(r'<meta name="generator" content="[^"]*">', "", text)
    text = "\n".join(line.rstrip() for line in drop_indentation(text).splitlines() if line.strip()) + "\n"
    text = re.sub(r"Site built on \d{1,2} \w+ \d{4}", "Site built on DATE", text)
    return re.sub(r"<lastmod>[^<]*</lastmod>", "<lastmod>DATE</lastmod>", text)


def _pages(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): normalise(p.read_text("utf-8")) for p in sorted(site.rglob("*.html"))}


def differences(plain: Path, plugin: Path) -> dict[str, list[str]]:
    """For each kind of difference (``ALLOWED``, "files", "other"), the pages or files that show it."""
    found: dict[str, list[str]] = {}
    a, b = _pages(plain), _pages(plugin)
    files_a = {p.relative_to(plain).as_posix() for p in plain.rglob("*") if p.is_file()}
    files_b = {p.relative_to(plugin).as_posix() for p in plugin.rglob("*") if p.is_file()}
    for rel in sorted(files_a ^ files_b):
        found.setdefault("files", []).append(rel)
    for rel in sorted((files_a & files_b) - set(a)):
        if (plain / rel).read_bytes() != (plugin / rel).read_bytes():
            found.setdefault("files", []).append(rel)
    for rel in sorted(set(a) & set(b)):
        x, y = a[rel], b[rel]
        if x == y:
            continue
        for kind, pattern in ALLOWED.items():
            if pattern.findall(x) != pattern.findall(y):
                found.setdefault(kind, []).append(rel)
            x, y = pattern.sub("", x), pattern.sub("", y)
        if x.split() != y.split():  # whitespace left where a difference was taken out
            found.setdefault("other", []).append(rel)
    return found


def test_the_site_builds_the_same_without_the_plugin_but_for_the_listed_differences(plain_site, plugin_site):
    found = differences(plain_site, plugin_site)
    assert "other" not in found, f"pages that differ beyond {sorted(ALLOWED)}: {found['other']}"
    assert set(found.get("files", [])) <= DIFFERENT_FILES, found.get("files")
    # The differences, listed: edit links on every page (record files or none, against docs/ paths),
    # the menu mark on record pages only.
    assert set(found) == {"edit link", "menu mark", "files"}
    assert "operations/op-one.html" in found["menu mark"] and "about.html" not in found["menu mark"]
    assert "operations/op-one.html" in found["edit link"]


def check_contract(site: Path) -> None:
    """What the front matter and the overrides give a page with no plugin, whatever the engine."""
    page = (site / "operations" / "op-one.html").read_text("utf-8")
    # The section: breadcrumb and tab; the navigation column hidden; JSON-LD safe and present.
    assert re.search(r'class="ow-breadcrumbs".*?href="(\./)?index.html">Operations</a>', page, re.S)
    assert re.search(r'md-tabs__item md-tabs__item--active">\s*<a href="(\./)?index.html"', page)
    assert re.search(r'<div class="md-sidebar md-sidebar--primary"[^>]*hidden', page)
    script = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert script and '"@type":"Event"' in script.group(1) and "<" not in script.group(1)
    # The site's own search worker; no page in the engine's own search index.
    assert "assets/javascripts/ow-search-worker.js" in page
    for index in [*site.glob("search/search_index.js*"), *site.glob("search.json")]:
        text = index.read_text("utf-8")
        assert "op-one" not in text and "Operation One" not in text, index
    # The 404 page: relative addresses under a <base> with the site's path, from the first request.
    missing = (site / "404.html").read_text("utf-8")
    assert '<base href="/operations-watch/">' in missing
    assert missing.index("<base") < missing.index("stylesheet")
    assert re.search(r'href="(\./)?assets/stylesheets/site\.css"', missing)


def test_the_front_matter_gives_the_theme_everything_without_the_plugin(plain_site):
    check_contract(plain_site)


def test_the_final_html_matches_the_golden_files(plugin_site):
    """tests/golden/html/mini holds the plugin build's pages, normalised; regenerate with
    ``python tests/golden_files.py --html`` and review the diff after a theme or engine upgrade."""
    pages = _pages(plugin_site)
    expected = {p.relative_to(GOLDEN_HTML).as_posix(): p.read_text("utf-8") for p in sorted(GOLDEN_HTML.rglob("*.html"))}
    assert sorted(pages) == sorted(expected)
    for rel, text in pages.items():
        assert text == expected[rel], f"{rel} differs from tests/golden/html/mini/{rel}"


def write_golden_html(site: Path) -> None:
    """Pin a plugin build's pages as the golden final HTML."""
    shutil.rmtree(GOLDEN_HTML, ignore_errors=True)
    for rel, text in _pages(site).items():
        target = GOLDEN_HTML / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, "utf-8")


# --- other engines ---------------------------------------------------------------------------


def engine(name: str) -> Path:
    """The scripts folder of the engine's own virtual environment, made on first use; skips (with
    pip's reason) only when the engine cannot be installed here."""
    venv = ENGINES / name
    scripts = venv / "bin"
    if not (scripts / name).exists():
        shutil.rmtree(venv, ignore_errors=True)
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
        run = subprocess.run(
            [str(scripts / "pip"), "install", "-q", *ENGINE_SPECS[name]], capture_output=True, text=True, timeout=600
        )
        if run.returncode != 0:
            reason = next((line for line in run.stderr.splitlines() if line.startswith("ERROR")), run.stderr[-300:])
            shutil.rmtree(venv, ignore_errors=True)
            pytest.skip(f"{name} cannot be installed here: {reason}")
    return scripts


def test_properdocs_builds_the_same_site_as_mkdocs_without_the_plugin(project, plain_site):
    scripts = engine("properdocs")
    site = project.parent / "properdocs-site"
    env = {"PATH": f"{scripts}:/usr/bin:/bin", "PYTHONPATH": str(project)}
    run, seconds = _run([str(scripts / "properdocs"), "build", "-f", "plain.yml", "--site-dir", str(site)], project, env)
    assert run.returncode == 0, f"ProperDocs could not build the site:\n{run.stderr[-3000:]}"
    found = differences(plain_site, site)
    print(f"ProperDocs: {seconds:.1f} s, differences from MkDocs: {found}")
    assert found == {}, found
    check_contract(site)


def test_the_newest_zensical_that_installs_builds_the_site_from_the_front_matter(project):
    scripts = engine("zensical")
    work = project.parent / "zensical"
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(project, work, ignore=shutil.ignore_patterns("site", "__pycache__"))
    env = {"PATH": f"{scripts}:/usr/bin:/bin"}
    run, seconds = _run([str(scripts / "zensical"), "build", "-f", "plain.yml"], work, env)
    assert run.returncode == 0, f"Zensical could not build the site:\n{run.stderr[-3000:]}"
    print(f"Zensical: {seconds:.1f} s")
    check_contract(work / "site")
