"""Search in Debian's chromium, served on 127.0.0.1 and opened from disk, with other hosts blocked.

Material's search box and result list, answered by the generator's index: what comes first for
a name, an alias, an acronym, a place, a country, a year and a prefix; the keyboard; and, on a
few hundred synthetic operations with small shards, that a query loads several index files
and only a few of them.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from generator import checker, link, search_index
from tests.helpers import SEEDS, build_site, make_project, require_browser, serve_folder

pytestmark = pytest.mark.browser


sync_api = require_browser()


# The frozen seed records, not the shipped catalogue: what a query finds must not change when a
# curator adds a record (and a query matching every operation would only show the first results).
@pytest.fixture(scope="module")
def served(seeds_site: Path) -> Iterator[str]:
    with serve_folder(seeds_site) as base:
        yield base


def _reader(browser, base: str):
    """A page that records every request and blocks any to another host."""
    context = browser.new_context()
    requests: list[str] = []
    outside: list[str] = []

    def route(route):
        url = route.request.url
        parts = urlsplit(url)
        if parts.scheme in ("file", "data", "blob", "about") or parts.hostname == "127.0.0.1":
            requests.append(url)
            route.continue_()
        else:
            outside.append(url)
            route.abort()

    context.route("**/*", route)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    return context, page, requests, outside, errors


@pytest.fixture(params=["served", "file"])
def reader(request, seeds_site, served, browser):
    base = served if request.param == "served" else seeds_site.as_uri() + "/"
    context, page, requests, outside, errors = _reader(browser, base)
    yield base, page, requests
    context.close()
    assert outside == [], f"requests left the site: {outside}"
    assert errors == [], f"script errors: {errors}"


def _search(page, base: str, query: str, start: str | None = "index.html") -> list[str]:
    """Type a query into Material's search box (on a newly opened page, or in the open search
    when ``start`` is None); the result addresses, relative to the site, best first."""
    if start is None:
        page.locator("input.md-search__input").fill("")
        page.wait_for_function("!document.querySelector('.md-search-result__item')", timeout=15_000)
    else:
        page.goto(base + start)
    page.locator("input.md-search__input").focus()
    page.keyboard.type(query)
    page.wait_for_function(
        "q => document.querySelector('.md-search-result__item') && document.querySelector('input.md-search__input').value === q",
        arg=query,
        timeout=15_000,
    )
    # Earlier keystrokes' answers may be showing: wait until the list stops changing.
    hrefs, same = None, 0
    for _ in range(150):
        now = page.eval_on_selector_all(".md-search-result__item > a", "els => els.map(a => a.href)")
        same = same + 1 if now == hrefs else 0
        hrefs = now
        if same >= 5 and hrefs:
            break
        page.wait_for_timeout(100)
    return [h.split("?")[0].removeprefix(base) for h in hrefs or []]


FIRST = {
    "Epervier": "operations/operation-epervier.html",  # name
    "ÉPERVIER": "operations/operation-epervier.html",  # case and accents
    "Boystown": "operations/boystown-takedown-2021.html",  # alias
    "NCCIA": "agencies/nccia.html",  # acronym
    "ISA": "agencies/international-security-alliance.html",  # acronym
    "Muzaffargarh": "operations/nccia-muzaffargarh-case.html",  # place
    "Pakistan": "countries/pk.html",  # country
    "Eperv": "operations/operation-epervier.html",  # a prefix, as the reader types
    "Muzaff": "operations/nccia-muzaffargarh-case.html",
    "methodology": "methodology.html",
}


def test_first_result(reader):
    base, page, _ = reader
    page.goto(base + "index.html")
    found = {query: (_search(page, base, query, start=None) or ["none"])[0] for query in FIRST}
    assert found == FIRST


def test_year_finds_the_operations_dated_then(reader):
    base, page, _ = reader
    results = _search(page, base, "2020")
    assert "operations/isa-first-joint-operation.html" in results[:5]


def test_place_finds_the_operation_from_a_page_one_folder_down(reader):
    base, page, _ = reader
    results = _search(page, base, "Islamabad", start="agencies/nccia.html")
    assert results[0] == "operations/nccia-muzaffargarh-case.html"


def test_summary_text_and_words_in_any_order(reader):
    base, page, _ = reader
    # Words from the Boystown summary, not its name.
    assert _search(page, base, "Paraguay detained")[0] == "operations/boystown-takedown-2021.html"


def test_enter_opens_the_best_result_and_marks_the_words(reader):
    base, page, _ = reader
    _search(page, base, "Epervier")
    assert page.locator(".md-search-result__item mark").first.inner_text().lower() == "epervier"
    page.keyboard.press("Enter")
    page.wait_for_url("**/operations/operation-epervier.html*")
    assert "pervier" in page.locator("h1").first.inner_text()


@pytest.fixture(scope="module")
def shipped_site():
    return link.link(checker.check(SEEDS))


def test_a_measure_finds_every_operation_that_reports_it_in_any_word_form(reader, shipped_site):
    base, page, _ = reader
    measures = shipped_site.catalog.vocab.get("measures")
    for label in ("arrests", "children rescued"):
        metric = next(term for term in measures.values() if term.label == label)
        reporting = {
            f"operations/{oid}.html"
            for oid, op in shipped_site.catalog.operations.items()
            if any(o.metric == metric for o in op.outcomes)
        }
        assert reporting, metric
        shown = _search(page, base, label)
        # The operations reporting the measure rank first among operations, ahead of those that only
        # mention its words; all of them are counted among the matches.
        operations = [href for href in shown if href.startswith("operations/")]
        first = operations[: len(reporting)]
        assert first and set(first) <= reporting, (label, operations)
        if len(reporting) <= 5:
            assert reporting <= set(shown), (label, reporting - set(shown))
        meta = page.locator(".md-search-result__meta").inner_text()
        assert int(re.sub(r"\D", "", meta.split()[0]) or 0) >= min(len(reporting), 20), meta
    # Another form of the word finds the same pages, and the glossary entry comes first.
    assert _search(page, base, "arrested")[:1] == ["glossary.html"]
    assert set(_search(page, base, "arrested")) == set(_search(page, base, "arrests"))


@pytest.mark.parametrize(
    ("typed", "meant", "first"),
    [("interpool", "interpol", "agencies/interpol.html"), ("epervir", "epervier", "operations/operation-epervier.html")],
)
def test_a_misspelt_name_finds_the_nearest_and_says_did_you_mean(reader, typed, meant, first):
    base, page, _ = reader
    assert _search(page, base, typed)[0] == first
    note = page.locator(".md-search-result__item .ow-did-you-mean").first
    assert note.inner_text() == f"Did you mean {meant}? Nothing matches “{typed}”; these are the results for the nearest name."


def test_the_worker_reduces_words_as_the_index_does(browser, real_site, shipped_site):
    # Every word of the shipped records' searchable text, and forms of them, through both stemmers.
    words = set()
    for doc in search_index.documents(shipped_site):
        for _, text in doc.fields:
            words.update(search_index.tokens(text))
    words |= {w + suffix for w in list(words)[:500] for suffix in ("s", "es", "ed", "ing", "y", "ies", "e")}
    page = browser.new_page()
    page.goto((real_site / "index.html").as_uri())
    page.add_script_tag(path=str(real_site / "assets" / "javascripts" / "ow-search-worker.js"))
    ordered = sorted(words)
    stems = page.evaluate("words => words.map(w => self.__owSearch.stem(w))", ordered)
    page.close()
    differ = {w: (s, search_index.stem(w)) for w, s in zip(ordered, stems, strict=True) if s != search_index.stem(w)}
    assert len(ordered) > 1000 and differ == {}


def test_no_match_says_so(reader):
    base, page, _ = reader
    page.goto(base + "index.html")
    page.locator("input.md-search__input").focus()
    page.keyboard.type("zzxqvv")
    page.wait_for_function(
        "document.querySelector('.md-search-result__meta').textContent.includes('No matching')", timeout=15_000
    )
    assert page.locator(".md-search-result__item").count() == 0


def test_query_loads_only_the_index_files_it_needs(reader):
    base, page, requests = reader
    _search(page, base, "Epervier")
    loaded = [u for u in requests if "/search-index/" in u]
    names = {u.split("/search-index/")[1].split("?")[0] for u in loaded}
    assert "manifest.js" in names and "t-ep.js" in names
    assert any(n.startswith("d-") for n in names)
    assert len(names) <= 6, names


# A few hundred synthetic operations with small shards: one query needs several index files.


@pytest.fixture(scope="module")
def synthetic_site(tmp_path_factory) -> Path:
    from benchmarks import run  # the benchmark's synthesiser of valid content

    tmp = tmp_path_factory.mktemp("synthetic")
    run.synthesise(300, tmp / "content")
    project = make_project(tmp, tmp / "content")
    site = tmp / "site"
    result = build_site(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    # The same index with small shards, so that terms split by longer prefixes and documents
    # spread over many files.
    small = search_index.search_files(
        link.link(checker.check(project / "content")), search_index.Settings(max_shard_bytes=2_000, docs_per_shard=8)
    )
    shutil.rmtree(site / search_index.FOLDER)
    for rel, text in small.items():
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_text(text, "utf-8")
    return site


@pytest.fixture(scope="module")
def synthetic_served(synthetic_site) -> Iterator[str]:
    with serve_folder(synthetic_site) as base:
        yield base


@pytest.mark.parametrize("how", ["served", "file"])
def test_many_shards(how, browser, synthetic_site, synthetic_served):
    base = synthetic_served if how == "served" else synthetic_site.as_uri() + "/"
    context, page, requests, outside, errors = _reader(browser, base)
    try:
        assert _search(page, base, "Operation 123")[0] == "operations/operation-123.html"
        first = {u.split("/search-index/")[1].split("?")[0] for u in requests if "/search-index/" in u}
        terms = {n for n in first if n.startswith("t-")}
        # "operation" and "123" in two shards, at least one of them split by a longer prefix.
        assert len(terms) >= 2 and any(len(n[2:-3]) > 2 for n in terms), first
        assert {n for n in first if n.startswith("d-")}
        # A prefix that several split shards hold: "oper" completes to "operation".
        prefixed = _search(page, base, "oper")  # Material shows the first 10, more on scrolling
        assert len(prefixed) == 10 and all(r.startswith("operations/operation-") for r in prefixed)
        # Typing on: the answer is for the whole query.
        results = _search(page, base, "Operation 29")
        assert results[0] == "operations/operation-29.html"
        # Three page loads, each with its own worker: only what the queries needed, of hundreds of files.
        used = {u.split("/search-index/")[1].split("?")[0] for u in requests if "/search-index/" in u}
        files = len(list((synthetic_site / search_index.FOLDER).iterdir()))
        assert files > 100 and len(used) < files / 4, (len(used), files)
    finally:
        context.close()
    assert outside == [] and errors == []
