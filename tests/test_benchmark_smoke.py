"""The benchmark's synthesiser makes valid content, and its table has every row (no timing asserted)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from generator import checker
from tests.helpers import ROOT, make_project

spec = importlib.util.spec_from_file_location("bench", ROOT / "benchmarks" / "run.py")
assert spec is not None and spec.loader is not None
bench = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bench)


def test_synthetic_content_is_valid_and_uses_the_requested_sizes(tmp_path: Path):
    counts = bench.synthesise(30, tmp_path / "content")
    assert counts == {"operations": 30, "agencies": 6, "sources": 45}
    catalog = checker.check(tmp_path / "content")
    assert len(catalog.operations) == 30 and len(catalog.agencies) == 6 and len(catalog.sources) == 45


def test_table_lists_every_measure():
    rows = [{"operations": 10, "gen_total_s": 1.5, "pages": 12, "edit_to_preview_s": None}]
    text = bench.table(rows)
    assert "| gen_total_s | 1.50 |" in text and "| pages | 12 |" in text and "| edit_to_preview_s | n/a |" in text


@pytest.mark.e2e
@pytest.mark.parametrize("dirty", [False, True])
def test_mkdocs_serve_shows_an_edited_record(tmp_path: Path, dirty: bool):
    # The edit-to-preview loop contributors use, with and without --dirty (which strict mode must not abort).
    bench.synthesise(12, tmp_path / "content")
    project = make_project(tmp_path, tmp_path / "content")
    row = bench.edit_to_preview(project, edits=1, timeout=120, dirty=dirty)
    assert "edit_to_preview_s" in row, "the edit never reached the served pages"
    assert row["edit_to_preview_page_s"] <= row["edit_to_preview_s"]
    # The preview rendered only the pages the generator rewrote, and said so.
    assert row["preview_pages_rendered"] >= 3 and row["preview_render_s"] >= 0


def test_incremental_generator_rows(tmp_path: Path):
    # The cache rows at a tiny size: a warm build does nothing, one edit rewrites a few files (no timing asserted).
    bench.synthesise(10, tmp_path / "content")
    row = bench.measure_incremental(10, 1, tmp_path, tmp_path / "content")
    assert row["gen_warm_did_nothing"] is True
    assert 1 <= row["gen_edit_files_written"] < 20 and row["gen_edit_items_rendered"] >= 1
    assert row["gen_incremental_peak_mb"] > 0 and row["gen_cold_s"] > 0


@pytest.mark.e2e
def test_whole_build_rows_compare_the_site_with_a_plain_material_site_of_as_many_pages(tmp_path: Path):
    row = bench.measure_mkdocs(12, 1, tmp_path)
    for name in ("site_cold", "site_warm", "plain_material"):
        assert row[f"{name}_s"] > 0 and row[f"{name}_cpu_s"] > 0 and row[f"{name}_peak_mb"] > 0
    assert row["site_cold_vs_plain"] == row["site_cold_s"] / row["plain_material_s"]
    # The plain site has a trivial page at every address of the generated one.
    plain_pages = sorted(p.relative_to(tmp_path / "site-plain").as_posix() for p in (tmp_path / "site-plain").rglob("*.html"))
    site_pages = sorted(p.relative_to(tmp_path / "site-cold").as_posix() for p in (tmp_path / "site-cold").rglob("*.html"))
    assert row["pages"] > 12 and set(site_pages) <= set(plain_pages) | {"404.html"}
    assert "A paragraph of plain text" in (tmp_path / "site-plain" / "operations" / "operation-1.html").read_text("utf-8")


@pytest.mark.e2e
def test_the_whole_benchmark_runs_at_a_tiny_size(tmp_path: Path):
    # `benchmarks/run.py` without --*-only flags: every part of measure() must still run end to end.
    row = bench.measure(8, 1, tmp_path, False, False)
    assert row["pages"] > 8 and row["noop_files_rewritten"] == 0 and row["edit_files_rewritten"] >= 1
    assert row["gen_warm_did_nothing"] is True and row["site_cold_s"] > 0 and row["plain_material_s"] > 0
