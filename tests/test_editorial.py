"""Editorial rules on the shipped records: the site's own words, not the reports'.

A run of eight or more words copied from a report is a quotation; it is allowed only where it
is marked as one (inside quotation marks) or is a name, a headline or a job title.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from tests import report_ngrams
from tests.helpers import ROOT

CONTENT = ROOT / "content"
# Fields that hold names, headlines and job titles: quoted from the reports by design.
NAME_FIELDS = {"name", "short_name", "aliases", "title"}
# Quoted passages: "…", “…” and ‘…’ (an apostrophe inside a word is not a quotation mark).
QUOTED = re.compile(r'"[^"]*"|“[^”]*”|(?<!\w)‘[^’]*’(?!\w)')


def _strings(value: object, path: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in NAME_FIELDS:
                yield from _strings(item, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _strings(item, f"{path}[{i}]")


def _records() -> Iterator[tuple[Path, object]]:
    for path in sorted(CONTENT.rglob("*.yml")):
        yield path, yaml.safe_load(path.read_text("utf-8"))
    for path in sorted((CONTENT / "pages").glob("*.md")):
        yield path, path.read_text("utf-8")


def _names() -> re.Pattern[str]:
    """Every agency, operation and person name in the records, longest first."""
    names: set[str] = set()
    for _, data in _records():
        if not isinstance(data, dict):
            continue
        names.update(str(data[k]) for k in ("name", "short_name") if data.get(k))
        names.update(str(a) for a in data.get("aliases", []))
        names.update(str(p["name"]) for p in data.get("people", []))
    ordered = sorted(names, key=len, reverse=True)
    # Whole words, as written: "ISA" must not match inside "organisations".
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in ordered) + r")(?!\w)")


def copied_runs(text: str, fingerprints: dict[str, set[str]], names: re.Pattern[str] | None = None) -> list[tuple[str, str]]:
    """(source id, copied words) for each stretch of ``text`` made of runs of eight words found in
    a report, outside quotation marks and names; overlapping runs are joined into one stretch."""
    found: list[tuple[str, str]] = []
    text = QUOTED.sub("\n", text)
    segments = names.split(text) if names else [text]
    for segment in segments:
        word_list = report_ngrams.words(segment)
        last: tuple[str, int, int] | None = None  # source, first word, end of the current stretch
        for i, fingerprint in report_ngrams.runs(word_list):
            sid = next((s for s, hashes in fingerprints.items() if fingerprint in hashes), None)
            if sid is None:
                continue
            if last and last[0] == sid and i <= last[2]:
                last = (sid, last[1], i + report_ngrams.RUN)
                found[-1] = (sid, " ".join(word_list[last[1] : last[2]]))
            else:
                last = (sid, i, i + report_ngrams.RUN)
                found.append((sid, " ".join(word_list[i : last[2]])))
    return found


@pytest.fixture(scope="module")
def fingerprints() -> dict[str, set[str]]:
    return report_ngrams.load()


def test_fingerprints_cover_every_source_and_recognise_its_headline(fingerprints):
    sources = {p.stem: yaml.safe_load(p.read_text("utf-8")) for p in (CONTENT / "sources").glob("*.yml")}
    assert set(fingerprints) == set(sources), "run tests/report_ngrams.py for each new report"
    for sid, source in sources.items():
        title = source["title"]
        # A title the site read from the web address or wrote itself is not the report's headline.
        if source.get("title_from", "headline") == "headline" and len(report_ngrams.words(title)) >= report_ngrams.RUN:
            # The check sees a headline as copied wording: it really compares with the report.
            assert {s for s, _ in copied_runs(title, fingerprints)} == {sid}, sid


def test_quotation_marks_and_names_exempt_a_run(fingerprints):
    title = yaml.safe_load((CONTENT / "sources" / "report-isa-first-joint-operation.yml").read_text("utf-8"))["title"]
    assert copied_runs(f"The report is headed {title}.", fingerprints)
    assert not copied_runs(f'The report is headed "{title}".', fingerprints)
    assert not copied_runs(f"The report is headed {title}.", fingerprints, re.compile(re.escape(title), re.I))


def test_no_record_copies_eight_words_from_a_report(fingerprints):
    names = _names()
    problems = []
    for path, data in _records():
        for field, text in _strings(data):
            for sid, run in copied_runs(text, fingerprints, names):
                problems.append(
                    f"{path.relative_to(ROOT)}: {field}: '{run}' is copied from {sid}; say it in your own words or quote it"
                )
    assert not problems, "\n".join(problems)


def test_a_span_with_one_date_is_one_step_not_a_start_without_an_end():
    from generator import link, models

    op = models.Operation.model_validate(
        {
            "name": "X",
            "summary": "x",
            "crime_areas": ["human-trafficking"],
            "period": {"start": "2021", "end": "2021", "sources": ["s"]},
            "sources": ["s"],
        }
    )
    entries = link.timeline("x", op)
    assert [(e.date.text, e.text) for e in entries] == [("2021", "Date of the operation (one date given for the whole of it)")]
