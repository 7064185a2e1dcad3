"""Vocabularies as data: content/vocab/<name>.yml, one file per list of terms.

Each term has a label (the page wording), a one-line definition (shown in the
glossary and in editors) and synonyms (what contributors may type instead,
used only to suggest the right term). Measures also say whether their figures
may be added up. A pull request adds a term by adding an entry to a file; the
records are checked against the files.

A term in a record is a ``Term``: a string (the id, as written and exported)
that also knows its label and definition.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

# File stem → (attribute name, singular noun for messages, heading of the glossary section).
FILES: dict[str, tuple[str, str, str]] = {
    "measures": ("measures", "measure", "Measures: what a figure counts"),
    "qualifiers": ("qualifiers", "qualifier", "Qualifiers: how precise a figure is"),
    "crime-areas": ("crime_areas", "crime area", "Crime areas"),
    "operation-kinds": ("operation_kinds", "operation kind", "Kinds of record"),
    "agency-kinds": ("agency_kinds", "agency kind", "Kinds of agency and organisation"),
    "agency-roles": ("agency_roles", "agency role", "Roles of agencies"),
    "country-roles": ("country_roles", "country role", "Roles of countries"),
    "person-roles": ("person_roles", "person role", "Public roles of people"),
    "source-kinds": ("source_kinds", "source kind", "Kinds of source"),
    "figure-statuses": ("figure_statuses", "figure status", "Status of a figure: final, provisional or a forecast"),
}

FIXED: dict[str, str] = {
    "qualifiers": "each qualifier needs a rule for totals in generator/figures.py",
    "figure-statuses": "each status needs a rule for totals in generator/figures.py",
}
"""Vocabularies a record cannot extend by adding a term (the code gives each term a meaning), and why."""

SHIPPED = Path(__file__).resolve().parent.parent / "content" / "vocab"
"""The vocabulary shipped with the project, used when a content folder has none."""


class Term(str):
    """A vocabulary term as used in a record: the id, with its label and definition."""

    vocabulary: str
    label: str
    definition: str
    totals: bool
    not_totalled_because: str | None
    singular: str
    """The label for one of what it counts ("arrest" for "arrests"): "1 arrest", "of which 1 arrest"."""

    def __new__(cls, entry: Entry) -> Term:
        term = super().__new__(cls, entry.id)
        term.vocabulary = entry.vocabulary
        term.label = entry.label
        term.definition = entry.definition
        term.totals = entry.totals
        term.not_totalled_because = entry.not_totalled_because
        term.singular = entry.singular or singular_of(entry.label)
        return term

    def label_for(self, value: int | None) -> str:
        """The label that goes with a number: the singular for exactly one."""
        return self.singular if value == 1 else self.label

    @property
    def anchor(self) -> str:
        """The glossary anchor of the term, e.g. ``measures-arrests``."""
        return f"{self.vocabulary}-{self}"


@dataclass(frozen=True)
class Entry:
    """One term as defined in a vocabulary file."""

    vocabulary: str
    id: str
    label: str
    definition: str
    synonyms: tuple[str, ...] = ()
    totals: bool = True
    not_totalled_because: str | None = None
    singular: str | None = None
    """A measure's label for one, when the rule in ``singular_of`` gets it wrong."""


_IRREGULAR = {"people": "person", "children": "child", "men": "man", "women": "woman", "countries": "country"}


def singular_of(label: str) -> str:
    """A plural label made singular at its first plural noun: "victims rescued" → "victim rescued",
    "criminal networks dismantled" → "criminal network dismantled", "people checked" → "person checked"."""
    words = label.split(" ")
    for i, word in enumerate(words):
        low = word.lower()
        if low in _IRREGULAR:
            words[i] = _IRREGULAR[low]
            return " ".join(words)
        if low.endswith("ies") and len(low) > 4:
            words[i] = word[:-3] + "y"
            return " ".join(words)
        if low.endswith("s") and not low.endswith("ss") and len(low) > 3:
            words[i] = word[:-1]
            return " ".join(words)
    return label


@dataclass
class Vocabulary(Mapping[str, Term]):
    """One vocabulary file's terms, by id, in file order."""

    name: str
    path: str
    terms: dict[str, Term] = field(default_factory=dict)
    entries: dict[str, Entry] = field(default_factory=dict)

    def __getitem__(self, key: str) -> Term:
        return self.terms[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.terms)

    def __len__(self) -> int:
        return len(self.terms)

    @property
    def noun(self) -> str:
        return FILES[self.name][1]

    def add(self, entry: Entry) -> None:
        self.entries[entry.id] = entry
        self.terms[entry.id] = Term(entry)

    def suggest(self, word: str) -> str | None:
        """The term a contributor probably meant, or None.

        A synonym (``over`` → ``more-than``) or a misspelling of a term or synonym,
        word by word (``arests`` → ``arrests``). Never a term that merely shares some
        words: ``accounts-identified`` is not ``victims-identified``."""
        typed = normalise(word)
        if not typed:
            return None
        for entry in self.entries.values():
            if typed == entry.id or typed in (normalise(s) for s in entry.synonyms):
                return entry.id
        for entry in self.entries.values():
            if any(_misspelt(typed, normalise(name)) for name in (entry.id, *entry.synonyms)):
                return entry.id
        return None

    def missing(self, value: object) -> str:
        """The message for a value that is not a term: a suggestion, or how to add the term."""
        shown = f"'{value}'" if isinstance(value, str) else repr(value)
        close = self.suggest(value) if isinstance(value, str) else None
        if close:
            return f"{shown} is not {_a(self.noun)}; did you mean '{close}' ({self.terms[close].label})?"
        if self.name in FIXED:
            return (
                f"{shown} is not one of the {_plural(self.noun)} ({', '.join(self.terms)}); use the nearest one and keep the "
                f"source's own words in note. This list is fixed ({FIXED[self.name]}); to propose a new one, open an issue"
            )
        return (
            f"{shown} is not one of the {_plural(self.noun)} in {self.path}; use one of its terms, or if none fits, "
            f"add '{normalise(str(value)) or 'new-term'}' to {self.path} with a label, a definition and synonyms"
        )


@dataclass
class Vocabularies:
    """Every vocabulary, by attribute name (measures, qualifiers, crime_areas, ...)."""

    by_file: dict[str, Vocabulary] = field(default_factory=dict)

    def __getattr__(self, name: str) -> Vocabulary:
        for stem, (attribute, _noun, _title) in FILES.items():
            if attribute == name and stem in self.by_file:
                return self.by_file[stem]
        raise AttributeError(name)

    def get(self, stem: str) -> Vocabulary:
        """One vocabulary by file stem (measures, crime-areas, ...)."""
        return self.by_file[stem]


def _plural(noun: str) -> str:
    return noun + ("es" if noun.endswith("s") else "s")


def _a(noun: str) -> str:
    return f"{'an' if noun[0] in 'aeiou' else 'a'} {noun}"


def normalise(word: str) -> str:
    """Lower case, words joined by single hyphens: "Press release" → "press-release"."""
    return "-".join(re.findall(r"[a-z0-9]+", str(word).lower()))


def _distance(a: str, b: str) -> int:
    """Edit distance with transpositions, for short words."""
    previous = list(range(len(b) + 1))
    before: list[int] = []
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            cost = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cost = min(cost, before[j - 2] + 1)
            current.append(cost)
        before, previous = previous, current
    return previous[-1]


def _misspelt(typed: str, name: str) -> bool:
    """True when ``typed`` is ``name`` with small typing slips in its words, and the same words otherwise."""
    ours, theirs = typed.split("-"), name.split("-")
    if len(ours) != len(theirs) or typed == name:
        return False
    for a, b in zip(ours, theirs, strict=True):
        allowed = 0 if min(len(a), len(b)) <= 3 else 1 if min(len(a), len(b)) <= 6 else 2
        if _distance(a, b) > allowed:
            return False
    return True


@lru_cache(maxsize=1)
def shipped() -> Vocabularies:
    """The project's own vocabulary (content/vocab beside the generator), for schemas and skeletons."""
    from . import loader

    vocabularies, problems = loader.load_vocab(SHIPPED)
    if problems:
        raise ValueError("; ".join(p.text() for p in problems))
    return vocabularies
