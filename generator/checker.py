"""Load and validate: the whole check, as one function the CLI, the build and the tests share."""

from __future__ import annotations

from pathlib import Path

from . import loader, rules, validate
from .problems import ContentError
from .validate import Catalog


def check(content: Path) -> Catalog:
    """Read and validate every record; raise ContentError listing every problem."""
    loaded = loader.load(content)
    catalog, problems = validate.validate(loaded)
    # Cross-record rules see every readable file, so a misspelt id shows up in the
    # same run as a schema mistake in the same record.
    problems += rules.check(catalog)
    if problems:
        raise ContentError(problems)
    return catalog
