"""`mkdocs serve` survives record problems and shows an edit at once (README, "Preview while editing"), end to end.

A real `mkdocs serve` of the fixture records on a free loopback port: an edited, new or deleted
record renders again only the pages the generator rewrote, and the served site is then the one a
full build makes; a hand-written page or mkdocs.yml still rebuilds the whole site; editors'
temporary files start no build; a broken save keeps the last good site served, prints the check's
lines (no traceback) and puts a banner on every page; the fix clears it.
"""

from __future__ import annotations

import re
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from generator import checker
from generator.editorfiles import is_temporary
from generator.problems import ContentError
from opswatch_mkdocs.preview import Changes
from tests.helpers import BIN, MINI, make_project, mkdocs_env, run_generator

TEMPORARY = [
    "op-one.yml~",
    ".#op-one.yml",
    ".op-one.yml.swp",
    "#op-one.yml#",
    "4913",
    "5036",
    "op-one.yml.tmp",
    "op-one.yml___jb_tmp___",
]
BANNER = 'id="opswatch-preview-problems"'
RENDERED_AGAIN = "page(s) rendered again"


@pytest.mark.parametrize("name", TEMPORARY)
def test_editor_files_are_temporary(name):
    assert is_temporary(name)


@pytest.mark.parametrize("name", ["op-one.yml", "about.md", "a.yaml", "#", "op~one.yml", "4913.yml", "2021", "4914"])
def test_record_names_are_not_temporary(name):
    assert not is_temporary(name)


def test_the_check_ignores_editor_files(mini_content):
    for name in TEMPORARY:
        (mini_content / "operations" / name).write_text("name: [half-written", "utf-8")
        (mini_content / "pages" / name.replace("op-one.yml", "about.md")).write_text("stale", "utf-8")
    catalog = checker.check(mini_content)  # raises ContentError on any problem
    assert set(catalog.operations) == {"op-one", "op-two", "op-three"}
    # A misnamed record is still reported: only editors' own files are skipped.
    (mini_content / "operations" / "op-four.yaml").write_text("name: x\n", "utf-8")
    with pytest.raises(ContentError) as raised:
        checker.check(mini_content)
    assert [p.file.rsplit("/", 1)[-1] for p in raised.value.problems] == ["op-four.yaml"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode("utf-8")


def _wait(what: str, condition: Callable[[], bool], timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if condition():
                return
        except (OSError, urllib.error.URLError):
            pass
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


class Serve:
    """A running `mkdocs serve` and its terminal output."""

    def __init__(self, project: Path, log: Path) -> None:
        self.port = _free_port()
        self.log = log
        self.project = project
        self._out = log.open("w")
        # MkDocs serves from a temporary folder: a folder of the test's own, to read the site's files.
        self._temp = log.parent / "serve-tmp"
        self._temp.mkdir()
        self.process = subprocess.Popen(
            [str(BIN / "mkdocs"), "serve", "--dev-addr", f"127.0.0.1:{self.port}"],
            cwd=project,
            stdout=self._out,
            stderr=subprocess.STDOUT,
            env={**mkdocs_env(project), "TMPDIR": str(self._temp)},
        )
        self.base = f"http://127.0.0.1:{self.port}/operations-watch/"

    @property
    def site(self) -> Path:
        """The folder MkDocs builds the served site into."""
        (site,) = self._temp.glob("mkdocs_*")
        return site

    def output(self) -> str:
        return self.log.read_text("utf-8", "replace")

    def count(self, text: str) -> int:
        return self.output().count(text)

    def page(self, path: str = "operations/op-one.html") -> str:
        return _get(self.base + path)

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self._out.close()


@pytest.fixture
def serve(tmp_path: Path) -> Iterator[Serve]:
    project = make_project(tmp_path, MINI)
    server = Serve(project, tmp_path / "serve.log")
    try:
        _wait("the first build", lambda: "Operation One" in server.page())
        yield server
    finally:
        server.stop()
    assert "Traceback" not in server.output(), server.output()[-3000:]


def _save(path: Path, text: str) -> None:
    """Save as editors do: write a temporary file beside it, then rename it over the record."""
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(text, "utf-8")
    temporary.replace(path)


def _settle(server: Serve, seconds: float = 3) -> None:
    """Wait until the server has been quiet (no new output) for a while."""
    last, quiet_since = server.output(), time.monotonic()
    while time.monotonic() - quiet_since < seconds:
        time.sleep(0.3)
        now = server.output()
        if now != last:
            last, quiet_since = now, time.monotonic()


@pytest.mark.e2e
def test_preview_survives_a_broken_record_and_rebuilds_once_per_save(serve: Serve):
    record = serve.log.parent / "project" / "content" / "operations" / "op-one.yml"
    good = record.read_text("utf-8")
    _settle(serve)
    builds = serve.count("Building documentation")

    # An edit: one rebuild, not two (the pages the generator writes into docs/ start none).
    _save(record, good.replace("A fixture operation", "First edit of a fixture operation"))
    _wait("the edit", lambda: "First edit" in serve.page())
    _settle(serve)
    assert serve.count(RENDERED_AGAIN) == 1, serve.output()[-3000:]
    assert serve.count("Building documentation") == builds  # only the rewritten pages, no full build
    assert serve.count("Detected file changes") == 1

    # Editors' temporary files: no build at all.
    for name in TEMPORARY:
        (record.parent / name).write_text("name: [half-written", "utf-8")
    _settle(serve)
    assert serve.count("Detected file changes") == 1, serve.output()[-3000:]
    for name in TEMPORARY:
        (record.parent / name).unlink()
    _settle(serve)

    # A broken save: the server still answers with the last good page, now under a banner.
    _save(record, good.replace("name: Operation One", "name: [Operation One"))
    _wait("the banner", lambda: BANNER in serve.page())
    page = serve.page()
    assert "First edit" in page  # the last good build
    banner = page[page.index(BANNER) :]
    assert re.search(r"op-one\.yml:\d+:\d+: YAML syntax error", banner), banner[:2000]
    assert re.search(r"<body[^>]*>\s*<div " + BANNER, page), "the banner is the first thing on the page"
    assert BANNER in serve.page("index.html") and BANNER in serve.page("agencies/alpha-police.html")
    assert re.search(r"op-one\.yml:\d+:\d+: YAML syntax error", serve.output())  # the check's line in the terminal
    assert serve.process.poll() is None

    # The fix: the page shows it, and the banner is gone (the fixed record's pages alone rendered again).
    _save(record, good.replace("A fixture operation", "Fixed fixture operation"))
    _wait("the fix", lambda: "Fixed fixture operation" in serve.page() and BANNER not in serve.page())
    _settle(serve)
    assert BANNER not in serve.page("index.html")
    assert serve.count(RENDERED_AGAIN) == 2 and serve.count("Building documentation") == builds
    assert serve.process.poll() is None


@pytest.mark.e2e
@pytest.mark.browser
def test_banner_is_visible_and_the_open_page_recovers_by_itself(serve: Serve):
    sync_api = pytest.importorskip("playwright.sync_api")
    if not Path("/usr/bin/chromium").exists():
        pytest.skip("Debian's chromium is not installed")
    record = serve.log.parent / "project" / "content" / "operations" / "op-one.yml"
    good = record.read_text("utf-8")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page()
        page.goto(serve.base + "operations/op-one.html")
        _save(record, "name: [broken\n")
        banner = page.locator("#opswatch-preview-problems")
        banner.wait_for(state="visible", timeout=120_000)  # live reload brings it to the open page
        # In sight at the bottom of the window, wherever the reader is on the page, and never over
        # the site title or the search box.
        for scroll in (0, 3000):
            page.evaluate(f"window.scrollTo(0, {scroll})")
            box = banner.bounding_box()
            assert box is not None and box["height"] > 20
            assert abs(box["y"] + box["height"] - page.evaluate("innerHeight")) <= 1, (box, scroll)
            for part in (".md-header__title", ".md-search__form"):
                target = page.locator(part).first.bounding_box()
                assert target is not None, part
                middle = (target["x"] + target["width"] / 2, target["y"] + target["height"] / 2)
                assert page.evaluate(
                    "([x, y]) => !document.elementFromPoint(x, y).closest('#opswatch-preview-problems')", middle
                ), (part, scroll)
        assert "op-one.yml:" in banner.inner_text() and "YAML syntax error" in banner.inner_text()
        _save(record, good.replace("A fixture operation", "Recovered fixture operation"))
        page.get_by_text("Recovered fixture operation").wait_for(timeout=120_000)
        assert page.locator("#opswatch-preview-problems").count() == 0
        browser.close()


@pytest.mark.e2e
def test_preview_of_broken_records_with_no_earlier_pages_stops_with_the_check_lines(tmp_path: Path):
    project = make_project(tmp_path, MINI)
    (project / "content" / "operations" / "op-one.yml").write_text("name: [broken\n", "utf-8")
    result = subprocess.run(
        [str(BIN / "mkdocs"), "serve", "--dev-addr", f"127.0.0.1:{_free_port()}"],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=300,
        env=mkdocs_env(project),
    )
    assert result.returncode == 1
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    assert re.search(r"op-one\.yml:\d+:\d+: YAML syntax error", output), output[-2000:]


@pytest.mark.e2e
def test_preview_started_on_broken_records_serves_the_pages_generated_before_with_the_banner(tmp_path: Path):
    project = make_project(tmp_path, MINI)
    generated = run_generator("build", "--content", str(project / "content"), "--out", str(project / "docs"), cwd=project)
    assert generated.returncode == 0, generated.stdout + generated.stderr
    (project / "content" / "operations" / "op-one.yml").write_text("name: [broken\n", "utf-8")
    server = Serve(project, tmp_path / "serve.log")
    try:
        _wait("the banner", lambda: BANNER in server.page())
        assert "Operation One" in server.page()  # the pages generated before the record broke
        assert server.process.poll() is None
    finally:
        server.stop()
    assert "Traceback" not in server.output()


def _html_files(site: Path) -> dict[str, tuple[int, bytes]]:
    """Every HTML page of a built site: modification time (ns) and bytes."""
    return {str(p.relative_to(site)): (p.stat().st_mtime_ns, p.read_bytes()) for p in site.rglob("*.html")}


def _sitemap(site: Path) -> set[str]:
    """The addresses a site's sitemap parts list."""
    return {loc for part in site.glob("sitemap-*.xml") for loc in re.findall(r"<loc>(.*?)</loc>", part.read_text("utf-8"))}


def _full_build(serve: Serve, out: Path) -> dict[str, bytes]:
    """The site a whole `mkdocs build` makes of the same records, addressed as the preview's is."""
    result = subprocess.run(
        [str(BIN / "mkdocs"), "build", "--site-dir", str(out)],
        cwd=serve.project,
        capture_output=True,
        text=True,
        timeout=300,
        env={**mkdocs_env(serve.project), "SITE_URL": serve.base},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return {k: v for k, (_, v) in _html_files(out).items()}


@pytest.mark.e2e
def test_record_edits_render_only_the_pages_that_show_them_and_match_a_full_build(serve: Serve, tmp_path: Path):
    operations = serve.project / "content" / "operations"
    docs = serve.project / "docs"
    _settle(serve)
    builds = serve.count("Building documentation")
    before = _html_files(serve.site)
    pages_before = {str(p.relative_to(docs)): p.stat().st_mtime_ns for p in docs.rglob("*.md")}
    assert "Operation One" in serve.page("agencies/alpha-police.html")

    # An edited name: the record's page and the pages that list it (its agencies and countries).
    record = operations / "op-one.yml"
    record.write_text(record.read_text("utf-8").replace("name: Operation One", "name: Operation Uno"), "utf-8")
    _wait("the edit", lambda: "Operation Uno" in serve.page())
    assert "Operation Uno" in serve.page("agencies/alpha-police.html")
    assert "Operation Uno" in serve.page("countries/fr.html")
    _settle(serve)
    assert serve.count(RENDERED_AGAIN) == 1 and serve.count("Building documentation") == builds, serve.output()[-3000:]
    rewritten = {
        str(p.relative_to(docs)).removesuffix(".md") + ".html"
        for p in docs.rglob("*.md")
        if p.stat().st_mtime_ns != pages_before.get(str(p.relative_to(docs)))
    }
    after = _html_files(serve.site)
    assert {"operations/op-one.html", "agencies/alpha-police.html", "countries/fr.html"} <= rewritten
    assert "sources/report-b.html" not in rewritten
    for page, (mtime, _) in before.items():
        assert (after[page][0] == mtime) == (page not in rewritten), page  # exactly the rewritten pages, written again

    # A new record: its page appears, and the agency page lists it.
    new = (operations / "op-two.yml").read_text("utf-8").replace("name: Operation Two", "name: Operation Four")
    _save(operations / "op-four.yml", new)
    _wait("the new record", lambda: "Operation Four" in serve.page("operations/op-four.html"))
    _wait("the new record's agency", lambda: "Operation Four" in serve.page("agencies/alpha-cyber-unit.html"))
    assert serve.base + "operations/op-four.html" in _sitemap(serve.site)

    # A deleted record: its page disappears, and so does its line on the agency page.
    (operations / "op-four.yml").unlink()
    _wait("the deleted record", lambda: "Operation Four" not in serve.page("agencies/alpha-cyber-unit.html"))
    with pytest.raises(urllib.error.HTTPError) as missing:
        serve.page("operations/op-four.html")
    assert missing.value.code == 404
    _settle(serve)
    assert serve.count(RENDERED_AGAIN) == 3 and serve.count("Building documentation") == builds, serve.output()[-3000:]

    # What the preview serves is what a whole build makes of the same records, page for page.
    served = {k: v for k, (_, v) in _html_files(serve.site).items()}
    built = _full_build(serve, tmp_path / "full")
    assert served.keys() == built.keys()
    different = [page for page in built if served[page] != built[page]]
    assert not different, different
    # The sitemap names the same pages (in another order: a new page is listed last until a full build).
    assert _sitemap(serve.site) == _sitemap(tmp_path / "full")
    assert serve.base + "operations/op-one.html" in _sitemap(serve.site)
    assert "Traceback" not in serve.output()


@pytest.mark.e2e
def test_hand_written_pages_and_the_config_still_rebuild_the_whole_site(serve: Serve):
    _settle(serve)
    builds = serve.count("Building documentation")
    about = serve.project / "content" / "pages" / "about.md"
    _save(about, about.read_text("utf-8") + "\nA sentence added to the about page.\n")
    _wait("the page edit", lambda: "A sentence added to the about page." in serve.page("about.html"))
    _settle(serve)
    assert serve.count("Building documentation") == builds + 1, serve.output()[-3000:]

    config = serve.project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("site_name: Operations Watch", "site_name: Operations Watched"), "utf-8")
    _wait("the config edit", lambda: "Operations Watched" in serve.page("sources/report-b.html"))
    _settle(serve)
    assert serve.count("Building documentation") == builds + 2, serve.output()[-3000:]
    assert serve.count(RENDERED_AGAIN) == 0

    # A record saved after a full rebuild renders only its own pages again.
    record = serve.project / "content" / "operations" / "op-three.yml"
    record.write_text(record.read_text("utf-8") + "aliases: [Trio]\n", "utf-8")
    _wait("the record edit", lambda: "Trio" in serve.page("operations/op-three.html"))
    _settle(serve)
    assert serve.count(RENDERED_AGAIN) == 1 and serve.count("Building documentation") == builds + 2


@pytest.mark.parametrize(
    ("changed", "other", "records_only"),
    [
        (["operations/op-one.yml"], False, True),
        (["operations/op-one.yml", "agencies/a.yml", "sources/s.yml", "countries/fr.yml"], False, True),
        (["operations/op-one.yml"], True, False),  # mkdocs.yml or a theme file changed too
        (["operations/op-one.yml", "pages/about.md"], False, False),  # a page the navigation lists
        (["vocab/measures.yml"], False, False),
        (["operations/old/op-one.yml"], False, False),  # not where records are read from
        ([], False, False),  # a rebuild nobody explained: build everything
    ],
)
def test_only_record_files_let_the_preview_render_just_the_rewritten_pages(tmp_path, changed, other, records_only):
    content = tmp_path / "content"
    changes = Changes({content / path for path in changed}, other)
    assert changes.only_records(content) is records_only


@pytest.mark.e2e
def test_a_config_edit_made_while_a_record_is_broken_is_not_lost(serve: Serve):
    """N8 of the adversarial pass: the rebuild stopped by the broken record gives back the config change."""
    record = serve.project / "content" / "operations" / "op-one.yml"
    good = record.read_text("utf-8")
    _settle(serve)
    _save(record, good.replace("name: Operation One", "name: [Operation One"))
    _wait("the banner", lambda: BANNER in serve.page())
    _settle(serve)
    config = serve.project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("site_name: Operations Watch", "site_name: Operations Watched"), "utf-8")
    _settle(serve)
    _save(record, good.replace("name: Operation One", "name: Operation One fixed"))
    _wait("the fix", lambda: "Operation One fixed" in serve.page() and BANNER not in serve.page())
    _settle(serve)
    # The whole site was built with the new config: every page, not only the record's.
    assert "Operations Watched" in serve.page() and "Operations Watched" in serve.page("sources/report-b.html")


@pytest.mark.e2e
def test_a_content_folder_deleted_and_made_again_is_watched_again(serve: Serve):
    """N9 of the adversarial pass: the preview follows content/ by its name, not the folder it first watched."""
    import shutil

    content = serve.project / "content"
    _settle(serve)
    shutil.copytree(content, serve.project / "content-copy")
    shutil.rmtree(content)
    _wait("the missing folder", lambda: BANNER in serve.page() and "content folder does not exist" in serve.page())
    _settle(serve)
    (serve.project / "content-copy").rename(content)
    _wait("the folder back", lambda: BANNER not in serve.page())
    record = content / "operations" / "op-one.yml"
    for n in range(3):
        _save(record, record.read_text("utf-8").replace("name: Operation One", f"name: Operation One {n}", 1))
        name = f"Operation One {n}"
        _wait(f"save {n}", lambda name=name: name in serve.page())  # type: ignore[misc]
        _save(record, record.read_text("utf-8").replace(f"name: Operation One {n}", "name: Operation One", 1))
    assert serve.process.poll() is None
