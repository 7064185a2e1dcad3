"""Vocabularies as data: terms from content/vocab/, suggestions that never change a meaning, the glossary."""

from __future__ import annotations

import dataclasses

import markupsafe
import pytest

from generator import checker, countries, link, pages, vocab
from generator.problems import ContentError
from tests.helpers import ROOT

SHIPPED = vocab.shipped()


def _without(vocabulary: vocab.Vocabulary, term: str) -> vocab.Vocabulary:
    smaller = vocab.Vocabulary(vocabulary.name, vocabulary.path)
    for entry in vocabulary.entries.values():
        if entry.id != term:
            smaller.add(entry)
    return smaller


@pytest.mark.parametrize(
    ("stem", "typed", "expected"),
    [
        ("qualifiers", "over", "more-than"),
        ("qualifiers", "Over", "more-than"),
        ("qualifiers", "roughly", "about"),
        ("qualifiers", "almost", "nearly"),
        ("source-kinds", "press-release", "official-release"),
        ("source-kinds", "press release", "official-release"),
        ("measures", "arests", "arrests"),
        ("measures", "victim-rescued", "victims-rescued"),
        ("measures", "detained", "arrests"),
        ("crime-areas", "csam", "child-sexual-abuse-material"),
        ("crime-areas", "human-traficking", "human-trafficking"),
        ("agency-kinds", "regional-police-organisation", "regional-organisation"),
        ("measures", "seized-goods", None),
    ],
)
def test_suggestions_use_synonyms_and_spelling(stem, typed, expected):
    assert SHIPPED.get(stem).suggest(typed) == expected


def test_accounts_are_never_suggested_as_victims():
    # The case that started it: without a measure for accounts, "accounts-identified" must not
    # become "victims-identified", which would turn 90,000 accounts into 90,000 victims.
    measures = _without(SHIPPED.measures, "accounts-identified")
    assert measures.suggest("accounts-identified") is None
    assert "add 'accounts-identified' to" in measures.missing("accounts-identified")


@pytest.mark.parametrize("stem", list(vocab.FILES))
def test_no_term_is_suggested_for_another_term(stem):
    # Every term has its own meaning: with one term taken out, typing it suggests nothing else.
    vocabulary = SHIPPED.get(stem)
    for term in vocabulary:
        assert _without(vocabulary, term).suggest(term) is None, term


def test_a_missing_term_says_where_and_how_to_add_it(mini_content):
    path = mini_content / "operations" / "op-one.yml"
    path.write_text(path.read_text("utf-8").replace("metric: arrests", "metric: people-screened-at-borders", 1), "utf-8")
    with pytest.raises(ContentError) as caught:
        checker.check(mini_content)
    (problem,) = caught.value.problems
    assert problem.field.endswith(".metric") and problem.line > 1
    assert "'people-screened-at-borders' is not one of the measures in" in problem.message
    assert "measures.yml with a label, a definition and synonyms" in problem.message


def test_a_pull_request_adds_a_term_by_editing_a_file(mini_content):
    # the fixture's own vocabulary (tests/fixtures/mini/vocab), not the shipped one
    path = mini_content / "operations" / "op-one.yml"
    path.write_text(path.read_text("utf-8").replace("metric: arrests", "metric: boats-intercepted", 1), "utf-8")
    with pytest.raises(ContentError):
        checker.check(mini_content)
    measures = mini_content / "vocab" / "measures.yml"
    measures.write_text(
        measures.read_text("utf-8")
        + "boats-intercepted:\n  label: boats intercepted\n  definition: Boats stopped at sea.\n  synonyms: [boats]\n",
        "utf-8",
    )
    catalog = checker.check(mini_content)
    site = link.link(catalog)
    glossary = pages.all_files(site)["glossary.md"]
    assert '<dt id="measures-boats-intercepted">boats intercepted' in glossary
    assert "Boats stopped at sea." in glossary
    op = pages.all_files(site)["operations/op-one.md"]
    assert 'href="../glossary.html#measures-boats-intercepted"' in op


def test_vocabulary_file_mistakes_are_located(mini_content):
    # the fixture's own vocabulary (tests/fixtures/mini/vocab), not the shipped one
    measures = mini_content / "vocab" / "measures.yml"
    measures.write_text(measures.read_text("utf-8") + "new-thing:\n  label: new things\n  totals: no\n", "utf-8")
    with pytest.raises(ContentError) as caught:
        checker.check(mini_content)
    lines = [p.text() for p in caught.value.problems]
    assert any(
        "measures.yml" in line and "new-thing.definition" not in line and "give the term a definition" in line for line in lines
    )
    assert any("new-thing.totals: totals is true or false" in line for line in lines)


def test_every_term_is_in_the_glossary_with_its_definition():
    site = link.link(checker.check(ROOT / "content"))
    glossary = pages.all_files(site)["glossary.md"]
    for stem in vocab.FILES:
        for term in SHIPPED.get(stem).values():
            assert f'<dt id="{term.anchor}">' in glossary
            assert str(markupsafe.escape(term.definition)) in glossary


def test_terms_are_strings_that_know_their_label():
    term = SHIPPED.measures["arrests"]
    assert term == "arrests" and isinstance(term, str)
    assert term.label == "arrests" and term.anchor == "measures-arrests"
    assert dataclasses.is_dataclass(SHIPPED.measures.entries["arrests"])


def test_countries_are_listed_under_their_un_m49_region_from_cldr():
    # CLDR's territory containment, not a hand list: Russia is in Eastern Europe (the map package's
    # own lists put it in Asia); Türkiye and Cyprus in Western Asia; Mexico in Central America.
    expected = {"ru": "europe", "ua": "europe", "tr": "asia", "cy": "asia", "kz": "asia", "mx": "north_america"}
    expected |= {"jm": "north_america", "br": "south_america", "eg": "africa", "pk": "asia", "fj": "oceania"}
    assert {code: countries.get(code).region for code in expected} == expected
    # Every ISO country with a UN region gets one of the site's regions.
    regions = {countries.get(code).region for code in countries.all_codes()}
    assert regions - {"other"} == set(countries.REGIONS)
    assert sum(countries.get(code).region == "other" for code in countries.all_codes()) <= 2
