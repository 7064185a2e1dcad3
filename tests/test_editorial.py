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
# The prose fields: what the site says in its own words. Names, headlines and job titles are
# quoted from the reports by design; addresses, ids, dates, numbers and vocabulary terms are not
# prose, and the source's own words for a figure (as_reported, status_words) or whose words they
# are (attributed_to) are short quotations. test_every_markdown_field_is_prose keeps this list whole.
PROSE_FIELDS = {"summary", "notes", "note", "text", "scope", "countries_note", "chosen_because", "inferred", "definition"}
# Quoted passages: "…", “…” and ‘…’ (an apostrophe inside a word is not a quotation mark).
QUOTED = re.compile(r'"[^"]*"|“[^”]*”|(?<!\w)‘[^’]*’(?!\w)')


def prose(value: object, path: str = "", inside: bool = False) -> Iterator[tuple[str, str]]:
    """(field path, text) of every prose field of a record (a page's text is prose as a whole)."""
    if isinstance(value, str):
        if inside:
            yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from prose(item, f"{path}.{key}" if path else str(key), inside or key in PROSE_FIELDS)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from prose(item, f"{path}[{i}]", inside)


def _records(content: Path = CONTENT) -> Iterator[tuple[Path, object]]:
    for path in sorted(content.rglob("*.yml")):
        yield path, yaml.safe_load(path.read_text("utf-8"))
    for path in sorted((content / "pages").glob("*.md")):
        yield path, path.read_text("utf-8")


def _texts(data: object) -> Iterator[tuple[str, str]]:
    if isinstance(data, str):  # a hand-written page
        yield "text", data
    else:
        yield from prose(data)


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


_RUN_IT = "run .venv/bin/python tests/report_ngrams.py {sid}=/work/texts/{sid}.txt with the text you read (headline included)"


def test_fingerprints_cover_every_source_and_recognise_its_headline(fingerprints):
    sources = {p.stem: yaml.safe_load(p.read_text("utf-8")) for p in (CONTENT / "sources").glob("*.yml")}
    missing = sorted(set(sources) - set(fingerprints))
    assert not missing, "no fingerprints for " + "; ".join(f"{sid}: {_RUN_IT.format(sid=sid)}" for sid in missing)
    orphans = sorted(set(fingerprints) - set(sources))
    assert not orphans, f"content/fingerprints/ has files for sources that do not exist ({', '.join(orphans)}): delete them"
    for sid, source in sources.items():
        title = source["title"]
        # A title the site read from the web address or wrote itself is not the report's headline.
        if source.get("title_from", "headline") == "headline" and len(report_ngrams.words(title)) >= report_ngrams.RUN:
            # The headline must be found in its own report's fingerprints: they really come from that text.
            # (Two publishers may share a headline's first eight words: other sources may match too.)
            found = {s for s, _ in copied_runs(title, fingerprints)}
            assert sid in found, (
                f"content/sources/{sid}.yml: the title is not in content/fingerprints/{sid}.txt. If the copy you read "
                "shows no headline, say where the title comes from (title_from: address, or title_from: description); "
                f"otherwise the fingerprints were not made from this report's text: {_RUN_IT.format(sid=sid)}"
            )


def test_quotation_marks_and_names_exempt_a_run(fingerprints):
    title = yaml.safe_load((CONTENT / "sources" / "report-isa-first-joint-operation.yml").read_text("utf-8"))["title"]
    assert copied_runs(f"The report is headed {title}.", fingerprints)
    assert not copied_runs(f'The report is headed "{title}".', fingerprints)
    assert not copied_runs(f"The report is headed {title}.", fingerprints, re.compile(re.escape(title), re.I))


def test_no_record_copies_eight_words_from_a_report(fingerprints):
    names = _names()
    problems = []
    for path, data in _records():
        for field, text in _texts(data):
            for sid, run in copied_runs(text, fingerprints, names):
                problems.append(
                    f"{path.relative_to(ROOT)}: {field}: '{run}' is {len(report_ngrams.words(run))} words in a row from "
                    f"{sid}'s text; rewrite it in your own words, or, if it is a quotation, put it in quotation marks"
                )
    assert not problems, "\n".join(problems)


def test_only_prose_fields_are_read_never_an_address_an_id_or_a_date():
    url = "https://www.example.org/en/news-and-events/news/2024/operation-sample-ends-with-257-arrests-in-nine-countries"
    report = f"Read at {url} on the day: operation sample ends with 257 arrests in nine countries across the region."
    fingerprints = {"release": {h for _, h in report_ngrams.runs(report_ngrams.words(report))}}
    record = {
        "title": "Operation sample ends with 257 arrests in nine countries",
        "url": url,
        "published": "2024-11-20",
        "outcomes": [{"metric": "arrests", "scope": "in the whole region", "sources": ["release"]}],
        "summary": "The operation sample ends with 257 arrests in nine countries across the region.",
    }
    assert [field for field, _ in prose(record)] == ["outcomes[0].scope", "summary"]
    assert [field for field, text in prose(record) if copied_runs(text, fingerprints)] == ["summary"]
    assert copied_runs(url, fingerprints)  # the address alone would have been read as copied wording


def test_every_markdown_field_is_prose():
    from pydantic import BaseModel

    from generator import fieldtypes
    from generator.kinds import KINDS

    def markdown(metadata) -> bool:
        return any(getattr(m, "func", None) is fieldtypes._markdown for m in metadata)

    def parts(annotation):
        yield annotation
        for arg in getattr(annotation, "__args__", ()) or ():
            yield from parts(arg)

    def text_fields(model):
        for name, info in model.model_fields.items():
            if markdown(info.metadata) or any(markdown(getattr(a, "__metadata__", ())) for a in parts(info.annotation)):
                yield name
            for arg in parts(info.annotation):
                if isinstance(arg, type) and issubclass(arg, BaseModel):
                    yield from text_fields(arg)

    found = {name for kind in KINDS.values() for name in text_fields(kind.model)}
    assert found == {"summary", "notes", "note", "text"}  # the Markdown fields (Source.note is one)
    assert found <= PROSE_FIELDS, f"add {sorted(found - PROSE_FIELDS)} to PROSE_FIELDS"


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


def test_words_in_any_script_are_whole_words_with_accents_dropped():
    # An accented word split in two ("op" + "ration") let copied French and Portuguese runs through.
    assert report_ngrams.words("L'opération à São Paulo, Darién") == ["loperation", "a", "sao", "paulo", "darien"]
    assert report_ngrams.words("عملية الانتربول") == ["عملية", "الانتربول"]
