"""The site's search index, built from the records and split into small script files.

The browser loads only the files a query needs, as plain scripts (``importScripts`` in a
worker, ``<script>`` tags in the iframe that stands in for a worker on file://), so search works
the same served and opened from disk. Each file calls one global function:

- ``search-index/manifest.js``: ``__owSearch("m", null, {...})``, the shard keys and settings;
- ``search-index/t-<key>.js``: ``__owSearch("t", key, postings, cut)``, the terms that start with
  ``key`` and, for each, the documents holding it as ``[doc, score, doc gap, score, ...]``;
- ``search-index/d-<n>.js``: ``__owSearch("d", n, docs)``, documents ``n * per`` onwards as
  ``[address, title, kind · year · countries, snippet]``;
- ``search-index/n-<letter>.js``: ``__owSearch("n", letter, {term: documents})``, the terms of
  names, places, parties and measures that start with ``letter``: where the worker looks for the
  nearest term ("did you mean") when a query word matches nothing.

Terms are words reduced to a common form (``stem``: "arrests", "arrested" and "arrest" are one
term), the same in the worker, so that readers find what they type in any form.

A term's score in a document is the sum of the weights of the fields it appears in, so names
and aliases outrank places, which outrank running text. Very common terms keep only their
best-scoring documents (they are listed in ``cut``); the worker treats those terms as optional.
This module is pure Python and engine-agnostic: the writer writes what it returns.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from . import countries, dates, models, vocab
from .kinds import AGENCIES, COUNTRIES, OPERATIONS, SERIES, SOURCES
from .render import plain
from .site import Site

FOLDER = "search-index"

# Field weights: an agency's acronym names the agency itself (not an operation named after it);
# a name match outranks an alias, which outranks the structured fields (agencies, countries,
# places, crime areas, years), which outrank running text.
ACRONYM, NAME, ALIAS, PLACE, MEASURE, PARTY, TOPIC, YEAR, TEXT = 28, 20, 16, 6, 5, 4, 3, 3, 1
NAMED = frozenset((ACRONYM, NAME, ALIAS, PLACE, MEASURE, PARTY))
"""Fields whose terms are names a reader may misspell: the "did you mean" lists hold them."""
MAX_EXTRA = 3
"""A term's score is its best field's weight plus one for each other field holding it (up to this)."""

# Words too common to search on; the worker drops them from queries too (sent in the manifest).
STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "for",
        "from",
        "has",
        "had",
        "have",
        "in",
        "into",
        "is",
        "it",
        "its",
        "of",
        "on",
        "or",
        "that",
        "the",
        "their",
        "this",
        "to",
        "was",
        "were",
        "which",
        "who",
        "with",
    ]
)


@dataclass
class Doc:
    """One search result: where it is, how it is shown, and the text it is found by."""

    url: str
    title: str
    meta: str
    snippet: str
    fields: list[tuple[int, str]] = field(default_factory=list)


@dataclass(frozen=True)
class Settings:
    """Shard sizes: small values in tests exercise multi-shard loading."""

    prefix: int = 2
    """Characters of a term that name its shard, before any split."""
    max_shard_bytes: int = 48_000
    """A term shard larger than this is split by one more character (up to ``max_prefix``)."""
    max_prefix: int = 4
    docs_per_shard: int = 32
    max_postings: int = 600
    """A term found in more documents keeps only the best-scoring ones and is marked cut."""
    snippet: int = 140


def normalise(text: str) -> str:
    """Lower case without accents: "Interpol", "INTERPOL" and "Íntérpol" are one term."""
    if text.isascii():  # most text: nothing to decompose
        return text.lower()
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if not unicodedata.category(ch).startswith("M")).lower()


_WORD = re.compile(r"[^\W_]+")


def tokens(text: str) -> list[str]:
    """The searchable words of a text (letters and digits), normalised, stop words left out."""
    return [w for w in _WORD.findall(normalise(text)) if w not in STOP_WORDS]


_VOWEL = re.compile("[aeiou]")


@lru_cache(maxsize=200_000)  # the same words recur across thousands of records
def stem(word: str) -> str:
    """A word's common form for English, light and predictable (the worker has the same rules):
    plural and -ed/-ing endings off, a final y after a consonant and a final e dropped, so that
    "arrests", "arrested" and "arrest", or "rescued" and "rescue", are one term, and each step of
    typing a word ("identif", "identifi", "identified") still starts its term ("identifi").
    Words with digits, and words of three letters or fewer, stay as they are."""
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]  # "-es" loses its e below: "classes", "churches"
    if word.endswith("ed") and len(word) > 4 and _VOWEL.search(word[:-2]):
        word = word[:-2]  # "identified" -> "identifi", as "identify" becomes below
    elif word.endswith("ing") and len(word) > 5 and _VOWEL.search(word[:-3]):
        word = word[:-3]
    if len(word) > 3 and word.endswith("y") and word[-2] not in "aeiou":
        word = word[:-1] + "i"
    elif len(word) >= 4 and word.endswith("e"):
        word = word[:-1]
    return word


def terms(text: str) -> list[str]:
    """The index terms of a text: its searchable words, each in its common form."""
    return [stem(w) for w in tokens(text)]


def _year(date: str | None) -> str:
    year = dates.parse(date).year if date else None
    return str(year) if year is not None else ""


def _mark(part: models.CountryPart) -> str:
    """The short mark of a country part the sources do not state in their own voice ("" when they do)."""
    if part.attributed_to:
        return f" (according to {part.attributed_to})"
    return " (site's reading)" if part.inferred else ""


def _countries_line(names: list[str]) -> str:
    if len(names) > 3:
        return f"{', '.join(names[:3])} and {len(names) - 3} more"
    return ", ".join(names)


def _flat(text: str) -> str:
    """Record Markdown as plain text, in full."""
    return plain(text, 10**9)


def _cut(flat: str, limit: int) -> str:
    """Plain text cut at a word boundary, as render.plain cuts it."""
    return flat if len(flat) <= limit else flat[: limit - 1].rsplit(" ", 1)[0] + "…"


def _meta(*parts: str) -> str:
    return " · ".join(p for p in parts if p)


def _op_year(site: Site, oid: str) -> str:
    """An operation's year for its search result, with the site's inference when the year is not stated."""
    date = site.op_date.get(oid)
    if not date or not date.year:
        return "year not stated"
    note = site.date_note(oid)
    return f"{date.year} (inferred: {note})" if note else str(date.year)


def documents(site: Site, snippet: int = Settings.snippet) -> list[Doc]:
    """Every searchable page, operations first (ties rank in this order), then series, agencies,
    countries, hand-written and index pages, then sources."""
    c = site.catalog
    measures = c.vocab.get("measures")
    docs: list[Doc] = []
    for oid in site.op_order:
        op = c.operations[oid]
        # A country the sources do not name in their own voice keeps its mark in the result line too.
        names = [site.countries[p.country].name + _mark(p) for p in op.countries]
        doc = Doc(
            OPERATIONS.url(oid),
            op.name,
            _meta(op.kind.label, _op_year(site, oid), _countries_line(names)),
            _cut(summary := _flat(op.summary), snippet),
        )
        doc.fields += [(NAME, op.name), *((ALIAS, a) for a in op.aliases)]
        for part in op.agencies:
            agency = c.agencies[part.agency]
            doc.fields += [(PARTY, agency.name), *((PARTY, a) for a in (agency.short_name, *agency.aliases) if a)]
        for country_part in op.countries:
            country = site.countries[country_part.country]
            doc.fields += [(PARTY, country.name), (PARTY, country.iso_name)]
        doc.fields += [(PLACE, place.name) for place in op.places]
        doc.fields += [(TOPIC, a.label) for a in op.crime_areas] + [(TOPIC, op.kind.label)]
        # The measures it reports ("arrests", "children rescued"), with the words contributors may
        # use for them: a reader searching for a measure finds every operation that reports it.
        for metric in dict.fromkeys(o.metric for o in op.outcomes):
            doc.fields += [(MEASURE, metric.label), *((MEASURE, w) for w in measures.entries[metric].synonyms)]
        spans = [s for s in (op.period, op.reporting_period) if s]
        when = [d for s in spans for d in (s.start, s.end)] + [op.announced.date if op.announced else None]
        when += [e.date for e in op.events]
        doc.fields.append((YEAR, " ".join(sorted({_year(d) for d in when} - {""}))))
        doc.fields += [(TEXT, summary), *((TEXT, e.text) for e in op.events)]
        doc.fields += [(TEXT, t) for t in (op.countries_note, *(o.note for o in op.outcomes)) if t]
        docs.append(doc)
    for sid, series in sorted(c.series.items(), key=lambda kv: kv[1].name.lower()):
        editions = site.editions.get(sid, [])
        summary = _flat(series.summary)
        doc = Doc(SERIES.url(sid), series.name, _meta("Series", f"{len(editions)} editions"), _cut(summary, snippet))
        doc.fields += [(NAME, series.name), *((ALIAS, a) for a in series.aliases)]
        doc.fields += [(TOPIC, a.label) for a in series.crime_areas] + [(TEXT, summary)]
        docs.append(doc)
    for aid, agency in sorted(c.agencies.items(), key=lambda kv: kv[1].name.lower()):
        home = site.countries[agency.country].name if agency.country else ""
        title = (
            f"{agency.name} ({agency.short_name})" if agency.short_name and agency.short_name not in agency.name else agency.name
        )
        summary = _flat(agency.summary)
        doc = Doc(AGENCIES.url(aid), title, _meta(agency.kind.label, home), _cut(summary, snippet))
        doc.fields += [(NAME, agency.name), (ACRONYM, agency.short_name or ""), *((ALIAS, a) for a in agency.aliases)]
        doc.fields += [(PARTY, home), (TOPIC, agency.kind.label), (TEXT, summary)]
        docs.append(doc)
    for code, country in sorted(site.countries.items(), key=lambda kv: kv[1].name):
        n = len(site.ops_by_country.get(code, []))
        region = countries.REGIONS.get(country.region, "")
        notes = c.countries.get(code)
        doc = Doc(
            COUNTRIES.url(code),
            country.name,
            _meta("Country", region, f"{n} operation{'s' if n != 1 else ''}"),
            _cut(_flat(notes.notes), snippet) if notes else "",
        )
        doc.fields += [(NAME, country.name), (ALIAS, country.iso_name), (ALIAS, country.alpha3), (TOPIC, region)]
        if notes:
            doc.fields.append((TEXT, _flat(notes.notes)))
        docs.append(doc)
    for page in c.pages:
        text = re.sub(r"\A---\n.*?\n---\n", "", page.text, flags=re.S)
        heading = re.search(r"^# (.+)$", text, flags=re.M)
        title = heading.group(1).strip() if heading else page.name.replace("-", " ").capitalize()
        url = "index.html" if page.name == "home" else f"{page.name}.html"
        title = "Home" if page.name == "home" else title
        body = _flat(text)
        doc = Doc(url, title, "Page", _cut(_flat(text.replace(heading.group(0), "") if heading else text), snippet))
        doc.fields += [(NAME, title), (TEXT, body)]
        docs.append(doc)
    for url, title, description in INDEX_PAGES:
        docs.append(Doc(url, title, "List", description, [(NAME, title), (TEXT, description)]))
    docs += _glossary(site, snippet)
    for sid, source in sorted(c.sources.items(), key=lambda kv: kv[1].title.lower()):
        year = _year(source.published)
        doc = Doc(
            SOURCES.url(sid),
            source.title,
            _meta("Source", source.kind.label, source.publisher or "", year),
            _cut(_flat(source.note), snippet) if source.note else "",
        )
        # A source title is a report's headline, not the name of what it reports on.
        doc.fields += [(PLACE, source.title), (PARTY, source.publisher or ""), (PARTY, source.author or "")]
        doc.fields += [(YEAR, year), (TOPIC, source.kind.label), (TEXT, source.note or "")]
        docs.append(doc)
    return docs


def _glossary(site: Site, snippet: int) -> list[Doc]:
    """Each term of the glossary, found by its label, its id and the synonyms it is also written as."""
    out = []
    for stem_name, (_, _, section) in vocab.FILES.items():
        if stem_name not in site.catalog.vocab.by_file:
            continue
        vocabulary = site.catalog.vocab.get(stem_name)
        for term in vocabulary.values():
            label = term.label[:1].upper() + term.label[1:]
            doc = Doc(
                f"glossary.html#{term.anchor}", label, _meta("Glossary", section.split(":")[0]), _cut(term.definition, snippet)
            )
            doc.fields += [(NAME, term.label), (ALIAS, term.replace("-", " "))]
            doc.fields += [(ALIAS, w) for w in vocabulary.entries[term].synonyms] + [(TEXT, term.definition)]
            out.append(doc)
    return out


INDEX_PAGES = (
    (OPERATIONS.url("index"), "Operations", "Every operation, case, takedown and initiative in the catalogue."),
    ("timeline.html", "Timeline", "Every dated event and operation in the catalogue, by year."),
    (COUNTRIES.url("index"), "Countries", "Every country named in the catalogue, by region."),
    (AGENCIES.url("index"), "Agencies and organisations", "Police forces, ministries, organisations, units and NGOs."),
    (SOURCES.url("index"), "Sources", "The bibliography: every report the records cite."),
)


def postings(docs: list[Doc], names: dict[str, dict[str, int]] | None = None) -> dict[str, dict[int, int]]:
    """Term → {document number: score}: the weight of the best field holding the term, plus one
    for each other field that holds it (up to MAX_EXTRA), so that a match in a name wins over
    a document that merely mentions the term in many places.

    ``names``, when given, is filled in the same pass: first letter → {term: number of documents}
    for the terms of the named fields (``NAMED``), the "did you mean" lists."""
    index: dict[str, dict[int, int]] = defaultdict(dict)
    for n, doc in enumerate(docs):
        found: dict[str, list[int]] = defaultdict(list)
        for weight, text in doc.fields:
            for term in set(terms(text)) if text else ():
                found[term].append(weight)
        for term, weights in found.items():
            index[term][n] = max(weights) + min(len(weights) - 1, MAX_EXTRA)
            # Shorter words are too close to too many others to correct to.
            if names is not None and len(term) >= 4 and not term.isdigit() and NAMED.intersection(weights):
                known = names.setdefault(term[0], {})
                known[term] = known.get(term, 0) + 1
    return index


def shard_key(term: str, keys: Iterable[str] | None = None, prefix: int = Settings.prefix) -> str:
    """The shard a term lives in: the longest key that starts it (its first characters)."""
    if keys is None:
        return term[:prefix]
    found = ""
    for key in keys:
        if term.startswith(key) and len(key) > len(found):
            found = key
    return found


_PLAIN = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")


def file_name(kind: str, key: str) -> str:
    """A file name safe on every system: letters a-z and digits kept, any other character as _hex_.
    The closing underscore keeps two keys apart: without it "ła" (_142 then a) and "ᐪ" (_142a) were one
    file, and the later shard replaced the other (ow-search-worker.js names files the same way)."""
    safe = "".join(ch if ch in _PLAIN else f"_{ord(ch):x}_" for ch in key)
    return f"{kind}-{safe}.js"


def _encode(plist: dict[int, int], limit: int) -> tuple[list[int], bool]:
    items = sorted(plist.items())
    cut = len(items) > limit
    if cut:
        items = sorted(sorted(items, key=lambda kv: (-kv[1], kv[0]))[:limit])
    flat: list[int] = []
    last = 0
    for doc, score in items:
        flat += [doc - last, score]
        last = doc
    return flat, cut


def _call(*args: object) -> str:
    return "__owSearch(" + ",".join(json.dumps(a, ensure_ascii=False, separators=(",", ":")) for a in args) + ");\n"


def _shards(encoded: dict[str, tuple[list[int], bool]], key: str, settings: Settings) -> dict[str, str]:
    """The shard file(s) for the terms starting with ``key``, split while too large."""
    text = _call("t", key, {t: p for t, (p, _) in encoded.items()}, sorted(t for t, (_, cut) in encoded.items() if cut))
    if len(text.encode("utf-8")) <= settings.max_shard_bytes or len(key) >= settings.max_prefix:
        return {key: text}
    # Terms no longer than the key stay in its shard; longer ones go one character deeper.
    here = {t: v for t, v in encoded.items() if len(t) <= len(key)}
    deeper: dict[str, dict[str, tuple[list[int], bool]]] = defaultdict(dict)
    for term, value in encoded.items():
        if len(term) > len(key):
            deeper[term[: len(key) + 1]][term] = value
    out = (
        {key: _call("t", key, {t: p for t, (p, _) in here.items()}, sorted(t for t, (_, cut) in here.items() if cut))}
        if here
        else {}
    )
    for sub in sorted(deeper):
        out.update(_shards(deeper[sub], sub, settings))
    return out


def build(docs: list[Doc], settings: Settings = Settings()) -> dict[str, str]:
    """The index files, by path relative to the site root."""
    # Each step forgets what it has turned into the next (postings, then encoded shards): at
    # 10,000 operations they would otherwise all be in memory at once, the build's peak.
    by_key: dict[str, dict[str, tuple[list[int], bool]]] = defaultdict(dict)
    letters: dict[str, dict[str, int]] = {}
    found = postings(docs, letters)
    for term in sorted(found):
        by_key[term[: settings.prefix]][term] = _encode(found.pop(term), settings.max_postings)
    files: dict[str, str] = {}
    keys: list[str] = []
    for key in sorted(by_key):
        for sub, text in _shards(by_key.pop(key), key, settings).items():
            keys.append(sub)
            path = f"{FOLDER}/{file_name('t', sub)}"
            if path in files:  # never one shard silently replacing another
                raise ValueError(f"two search shards, {sub!r} and another, share the file {path}")
            files[path] = text
    for letter, known in sorted(letters.items()):
        files[f"{FOLDER}/{file_name('n', letter)}"] = _call("n", letter, dict(sorted(known.items())))
    per = settings.docs_per_shard
    for start in range(0, len(docs), per):
        rows = [[d.url, d.title, d.meta, d.snippet] for d in docs[start : start + per]]
        files[f"{FOLDER}/d-{start // per}.js"] = _call("d", start // per, rows)
    manifest = {"version": 2, "docs": len(docs), "per": per, "keys": sorted(keys), "stop": sorted(STOP_WORDS), "lang": "en"}
    manifest["names"] = sorted(letters)
    files[f"{FOLDER}/manifest.js"] = _call("m", None, manifest)
    return files


def search_files(site: Site, settings: Settings = Settings()) -> dict[str, str]:
    """The search index of a linked site."""
    return build(documents(site, settings.snippet), settings)
