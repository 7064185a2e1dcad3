"""`mkdocs serve` survives record problems (README, "Preview while editing"), end to end.

A real `mkdocs serve` of the fixture records on a free loopback port: an edit rebuilds once;
editors' temporary files start no build; a broken save keeps the last good site served, prints
the check's lines (no traceback) and puts a banner on every page; the fix clears it.
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
        self._out = log.open("w")
        self.process = subprocess.Popen(
            [str(BIN / "mkdocs"), "serve", "--dev-addr", f"127.0.0.1:{self.port}"],
            cwd=project,
            stdout=self._out,
            stderr=subprocess.STDOUT,
            env=mkdocs_env(project),
        )
        self.base = f"http://127.0.0.1:{self.port}/operations-watch/"

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
    assert serve.count("Building documentation") == builds + 1, serve.output()[-3000:]
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

    # The fix: the page shows it, and the banner is gone.
    _save(record, good.replace("A fixture operation", "Fixed fixture operation"))
    _wait("the fix", lambda: "Fixed fixture operation" in serve.page() and BANNER not in serve.page())
    _settle(serve)
    assert BANNER not in serve.page("index.html")
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
        box = banner.bounding_box()
        assert box is not None and box["y"] == 0 and box["height"] > 20
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
