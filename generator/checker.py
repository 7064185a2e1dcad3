"""Load and validate: the whole check, as one function the CLI, the build and the tests share."""

from __future__ import annotations

from pathlib import Path

from . import loader, rules, validate
from .cache import RecordCache
from .problems import ContentError
from .validate import Catalog


def check(content: Path, records: RecordCache | None = None) -> Catalog:
    """Read and validate every record; raise ContentError listing every problem.

    With ``records`` (the build's record cache), files whose bytes it holds are not parsed or
    validated again, and the files read afresh are added to it once everything is valid."""
    loaded = loader.load(content, records)
    catalog, problems = validate.validate(loaded)
    # Cross-record rules see every readable file, so a misspelt id shows up in the
    # same run as a schema mistake in the same record. They always run on every record:
    # an edit to one record can make another one wrong.
    problems += rules.check(catalog)
    if problems:
        raise ContentError(problems)
    if records is not None:
        for (kind, rid), (st, digest) in loaded.fresh.items():
            doc = catalog.documents[(kind, rid)]
            refs = rules.references_in(doc)  # already worked out by the reference check
            records.remember(f"{kind}/{rid}", st, digest, refs, doc.text, catalog.table(kind)[rid])
    for doc in catalog.documents.values():
        # Everything valid: the later steps read the models, and the ids each file names are worked out
        # (``rules.references_in``); the parsed YAML would only hold memory (a fifth of the records' share).
        rules.references_in(doc)
        doc.data = None
    return catalog
