"""Fingerprints of the reports the records were curated from, to catch copied wording.

Records are written in the site's own words. ``test_editorial.py`` compares every run of
eight words in the record text with the runs of eight words in the reports. The reports
themselves are not kept in the repository: ``content/fingerprints/<source id>.txt`` holds a
short hash of each eight-word run of one report, one a line, made by

    .venv/bin/python tests/report_ngrams.py REPORT_ID=path/to/report.txt ...

Add a line for a new report whenever a record starts citing it.
"""

from __future__ import annotations

import hashlib
import re
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path

RUN = 8
"""Runs of this many words copied from a report count as copied wording."""

FINGERPRINTS = Path(__file__).resolve().parent.parent / "content" / "fingerprints"
"""One file per source id: the fingerprints of that report, one a line (a contribution touches only content/)."""

# Words in any script (Latin with or without accents, Arabic, ...); accents are dropped first, so
# "opération" and "operation" are one word and an accented word is never split in two.
_WORD = re.compile(r"[^\W_]+")
# British and American spellings of the same word count as the same word.
_IZE = re.compile(r"is(e|ed|es|ing|ation|ations)$")


def words(text: str) -> list[str]:
    """Lower-case words, apostrophes and punctuation dropped, -ise spelt -ize."""
    text = unicodedata.normalize("NFKD", text.lower().replace("\u2019", "'").replace("'", ""))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return [_IZE.sub(r"iz\1", w) for w in _WORD.findall(text)]


def fingerprint(run: list[str]) -> str:
    return hashlib.sha256(" ".join(run).encode()).hexdigest()[:12]


def runs(word_list: list[str]) -> Iterator[tuple[int, str]]:
    """(position, fingerprint) of every run of RUN words."""
    for i in range(len(word_list) - RUN + 1):
        yield i, fingerprint(word_list[i : i + RUN])


def make(reports: dict[str, str]) -> dict[str, list[str]]:
    """Source id → sorted fingerprints of its report's runs."""
    return {sid: sorted({h for _, h in runs(words(text))}) for sid, text in sorted(reports.items())}


def load(folder: Path = FINGERPRINTS) -> dict[str, set[str]]:
    """Source id → the fingerprints of its report."""
    return {path.stem: set(path.read_text("utf-8").split()) for path in sorted(folder.glob("*.txt"))}


if __name__ == "__main__":
    pairs = [arg.split("=", 1) for arg in sys.argv[1:]]
    if not pairs or any(len(p) != 2 for p in pairs):
        sys.exit("usage: tests/report_ngrams.py SOURCE_ID=report.txt [SOURCE_ID=report.txt ...]")
    FINGERPRINTS.mkdir(exist_ok=True)
    for sid, hashes in make({sid: Path(path).read_text("utf-8") for sid, path in pairs}).items():
        target = FINGERPRINTS / f"{sid}.txt"
        target.write_text("".join(h + "\n" for h in hashes), "utf-8")
        print(f"{target}: {len(hashes)} runs")
