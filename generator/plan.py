"""The build plan: one ``Page`` per generated file, with the records it shows.

Rendering is split in two. ``pages.plan(site)`` lists every file the site has, cheaply,
without rendering any; each ``Page`` then renders on demand. An incremental build keeps
a page's previous output while what it declares it depends on is unchanged.

The contract, which every builder in ``pages.py``, ``lists.py`` and the downloads keeps:

* ``path`` is the file's path relative to the output folder (``operations/x.md``,
  ``data/dataset.json``, ``feed.xml``, ``agencies/old-id.html``).
* ``inputs`` are the records whose content the file shows, as ``(kind, id)`` keys:
  ``("operations", id)``, ``("agencies", id)``, ``("sources", id)``, ``("countries", code)``
  (the country notes file, which may not exist: a key may name an absent record) and
  ``("pages", name)`` for ``content/pages/<name>.md``. Or ``ALL``: the file may show
  anything from any record (home page, downloads, feed, search index).
* ``extra`` is a hashable value holding everything else the text depends on that the
  inputs' contents do not determine: the part number and the ids a part of a list holds
  (which depend on every record's dates), counts over the whole catalogue, the record
  file's path and its last change in git, the site's address.
* ``render()`` returns the text (or bytes).

So a page's text is a pure function of (the contents of its inputs, its extra, the
vocabularies, ISO country data, the generator's code): two builds that give a page the
same input keys with the same contents and an equal extra write the same bytes. A cache
must therefore key a page on the set of its input keys with each one's content (an
absent record counting as a content of its own), plus its extra; it must treat a change
of vocabulary, generator code or package versions as a change of every page.

A ``Bundle`` is the same for a group of files whose names are known only once they are
made (the search index's shards): it renders to a dict of path → text, every path under
``folder``.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import repeat
from operator import itemgetter
from typing import Final

from .refs import RecordKey, references

__all__ = ["RecordKey", "references"]

Output = str | bytes


class AllRecords:
    """The marker for a page that may show anything from any record."""

    _instance: AllRecords | None = None

    def __new__(cls) -> AllRecords:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __contains__(self, key: object) -> bool:
        return True  # every record key, present or not

    def __repr__(self) -> str:
        return "ALL"


ALL: Final = AllRecords()

Inputs = frozenset[RecordKey] | AllRecords


@dataclass(frozen=True)
class Page:
    """One generated file: where it goes, what it depends on, and how to make it."""

    path: str
    inputs: Inputs
    extra: Hashable
    make: Callable[[], Output] = field(compare=False, repr=False)

    def render(self) -> Output:
        return self.make()


@dataclass(frozen=True)
class Bundle:
    """Files made together whose names are known only once made (every path starts with ``folder``)."""

    folder: str
    inputs: Inputs
    extra: Hashable
    make: Callable[[], Mapping[str, Output]] = field(compare=False, repr=False)

    def render(self) -> Mapping[str, Output]:
        return self.make()


Plan = list[Page | Bundle]


def render_all(plan: Plan) -> dict[str, Output]:
    """Every file of a plan, by path."""
    files: dict[str, Output] = {}
    for item in plan:
        if isinstance(item, Page):
            files[item.path] = item.render()
        else:
            files.update(item.render())
    return files


first = itemgetter(0)
"""The first item of a pair (the operation of a Role, the agency of a Partner), in C."""


def keys(kind: str, ids: Iterable[str]) -> Iterator[RecordKey]:
    """(kind, id) for each id (zip and repeat run in C: a plan makes some 350,000 keys at 10,000 operations)."""
    return zip(repeat(kind), ids)
