"""The search index builder, without a browser: terms, weights, shards and files."""

from __future__ import annotations

import json
import math
import re

import pytest

from generator import checker, link, search_index
from generator.search_index import ACRONYM, NAME, Settings
from tests.helpers import SEEDS


@pytest.fixture(scope="module")
def shipped():
    # The frozen seeds fixture (the first eight records), not the shipped catalogue: curators' records change no test.
    site = link.link(checker.check(SEEDS))
    return site, search_index.documents(site)


def _calls(files: dict[str, str]) -> dict[str, list]:
    """Each file's arguments to __owSearch, read back as JSON."""
    out = {}
    for path, text in files.items():
        match = re.fullmatch(r"__owSearch\((.*)\);\n", text, flags=re.S)
        assert match, path
        out[path] = json.loads("[" + match.group(1) + "]")
    return out


def _postings(calls: dict[str, list]) -> dict[str, dict[int, int]]:
    """Term → {doc: score}, decoded from the term shards."""
    terms: dict[str, dict[int, int]] = {}
    for args in calls.values():
        if args[0] != "t":
            continue
        for term, flat in args[2].items():
            assert term not in terms, f"{term} is in two shards"
            doc, plist = 0, {}
            for gap, score in zip(flat[::2], flat[1::2], strict=True):
                doc += gap
                plist[doc] = score
            terms[term] = plist
    return terms


def _doc(docs, url: str) -> int:
    return next(i for i, d in enumerate(docs) if d.url == url)


def test_terms_ignore_case_and_accents_and_stop_words():
    assert search_index.tokens("Opération ÉPERVIER, in the Côte d'Ivoire") == ["operation", "epervier", "cote", "d", "ivoire"]
    assert search_index.normalise("İNTERPOL") == search_index.normalise("interpol")


def test_every_record_kind_and_hand_written_page_is_a_document(shipped):
    site, docs = shipped
    urls = {d.url for d in docs}
    assert {f"operations/{o}.html" for o in site.catalog.operations} <= urls
    assert {f"agencies/{a}.html" for a in site.catalog.agencies} <= urls
    assert {f"series/{s}.html" for s in site.catalog.series} <= urls
    assert {f"sources/{s}.html" for s in site.catalog.sources} <= urls
    assert {f"countries/{c}.html" for c in site.countries} <= urls
    assert {"about.html", "methodology.html", "index.html", "timeline.html"} <= urls
    assert len(urls) == len(docs)


def test_name_alias_and_acronym_outrank_running_text(shipped):
    _, docs = shipped
    terms = _postings(_calls(search_index.build(docs)))
    epervier = _doc(docs, "operations/operation-epervier.html")
    assert terms["epervier"][epervier] >= NAME
    assert max(terms["epervier"].values()) == terms["epervier"][epervier]
    nccia = _doc(docs, "agencies/nccia.html")
    assert terms["nccia"][nccia] >= ACRONYM
    assert max(terms["nccia"].values()) == terms["nccia"][nccia]
    boystown = _doc(docs, "operations/boystown-takedown-2021.html")
    assert max(terms["boystown"], key=lambda d: terms["boystown"][d]) == boystown


def test_operations_know_places_countries_agencies_crime_areas_and_years(shipped):
    site, docs = shipped
    terms = _postings(_calls(search_index.build(docs)))
    op = site.catalog.operations["nccia-muzaffargarh-case"]
    n = _doc(docs, "operations/nccia-muzaffargarh-case.html")
    place = search_index.tokens(op.places[0].name)[0] if op.places else "muzaffargarh"
    assert n in terms[place]
    assert n in terms["pakistan"]
    assert n in terms["nccia"]
    assert n in terms[search_index.tokens(op.crime_areas[0].label)[0]]
    isa = _doc(docs, "operations/isa-first-joint-operation.html")
    assert isa in terms["2020"]  # its period and events are dated 2020


def test_every_term_is_in_the_shard_the_worker_looks_in(shipped):
    _, docs = shipped
    settings = Settings(max_shard_bytes=400, docs_per_shard=5)
    files = search_index.build(docs, settings)
    calls = _calls(files)
    manifest = calls["search-index/manifest.js"][2]
    keys = manifest["keys"]
    assert any(len(k) > settings.prefix for k in keys), "small shards must split by a longer prefix"
    for path, args in calls.items():
        if args[0] == "t":
            assert path == f"search-index/{search_index.file_name('t', args[1])}"
            for term in args[2]:
                assert search_index.shard_key(term, keys) == args[1], term
    assert manifest["docs"] == len(docs)
    doc_files = [args for args in calls.values() if args[0] == "d"]
    assert len(doc_files) == math.ceil(len(docs) / 5)
    rows = [row for args in sorted(doc_files, key=lambda a: a[1]) for row in args[2]]
    assert [r[0] for r in rows] == [d.url for d in docs]


def test_small_and_large_shards_hold_the_same_postings(shipped):
    _, docs = shipped
    small = _postings(_calls(search_index.build(docs, Settings(max_shard_bytes=300))))
    large = _postings(_calls(search_index.build(docs)))
    assert small == large


def test_very_common_terms_keep_their_best_documents_and_say_so(shipped):
    _, docs = shipped
    full = search_index.postings(docs)
    common = max(full, key=lambda t: len(full[t]))
    limit = len(full[common]) // 2
    calls = _calls(search_index.build(docs, Settings(max_postings=limit)))
    terms = _postings(calls)
    assert len(terms[common]) == limit
    cut = {t for args in calls.values() if args[0] == "t" for t in args[3]}
    assert common in cut
    kept_worst = min(terms[common].values())
    assert all(score <= kept_worst for d, score in full[common].items() if d not in terms[common])


def test_file_names_are_plain_ascii():
    assert search_index.file_name("t", "ab") == "t-ab.js"
    assert search_index.file_name("t", "zü") == "t-z_fc_.js"
    assert search_index.file_name("t", "日本") == "t-_65e5__672c_.js"
    # Two keys, two files: "ła" is not "ᐪ" (U+142A), nor "Ab" "ab" on a case-insensitive disk.
    assert search_index.file_name("t", "ła") != search_index.file_name("t", "ᐪ")
    assert search_index.file_name("t", "Ab") != search_index.file_name("t", "ab")


def test_the_index_is_deterministic(shipped):
    _, docs = shipped
    assert search_index.build(docs) == search_index.build(docs)


def test_word_forms_share_one_term():
    same = [
        ("arrests", "arrested", "arrest", "Arrests"),
        ("rescued", "rescue", "rescues", "rescuing"),
        ("identified", "identify", "identifies"),
        ("countries", "country"),
        ("trafficking", "trafficked"),
    ]
    for forms in same:
        assert len({search_index.terms(f)[0] for f in forms}) == 1, forms
    # Each step of typing a word starts its term, so prefix search works while the reader types.
    for word in ("identified", "rescued", "countries", "arrests"):
        term = search_index.terms(word)[0]
        for n in range(2, len(word) + 1):
            typed = search_index.terms(word[:n])[0]
            assert term.startswith(typed), (word[:n], typed, term)
    # Names, acronyms, numbers and short words stay as they are.
    assert search_index.terms("Epervier NCCIA 2021 ISA Paris") == ["epervier", "nccia", "2021", "isa", "paris"]


def test_operations_are_found_by_the_measures_they_report(shipped):
    site, docs = shipped
    found = _postings(_calls(search_index.build(docs)))
    for oid, op in site.catalog.operations.items():
        n = _doc(docs, f"operations/{oid}.html")
        for o in op.outcomes:
            for word in search_index.terms(o.metric.label):
                assert n in found[word], (oid, o.metric, word)


def test_glossary_terms_are_documents_found_by_label_and_synonyms(shipped):
    site, docs = shipped
    found = _postings(_calls(search_index.build(docs)))
    measures = site.catalog.vocab.get("measures")
    for term in measures.values():
        n = _doc(docs, f"glossary.html#{term.anchor}")
        for synonym in measures.entries[term].synonyms:
            assert all(n in found[w] for w in search_index.terms(synonym)), (term, synonym)


def test_names_files_hold_the_names_for_did_you_mean(shipped):
    _, docs = shipped
    calls = _calls(search_index.build(docs))
    manifest = calls["search-index/manifest.js"][2]
    names = {args[1]: args[2] for args in calls.values() if args[0] == "n"}
    assert sorted(names) == manifest["names"]
    for letter, known in names.items():
        assert all(term.startswith(letter) and count >= 1 for term, count in known.items())
    operation = docs[0]
    for word in search_index.terms(operation.title):
        if len(word) >= 4 and not word.isdigit():
            assert word in names[word[0]], word
