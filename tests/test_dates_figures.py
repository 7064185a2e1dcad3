"""Dates at their precision, figures at theirs, and totals that keep it."""

from __future__ import annotations

import edtf
import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator import dates
from generator.figures import Figure, total


@pytest.mark.parametrize(
    ("text", "words", "precision"),
    [
        ("2021", "2021", "year"),
        ("2017-11", "November 2017", "month"),
        ("2020-05-30", "30 May 2020", "day"),
        ("XXXX-05-23", "23 May (year not stated)", "day"),
        ("XXXX-11", "November (year not stated)", "month"),
        ("2017-11~", "about November 2017", "month"),
        ("2019?", "possibly 2019", "year"),
        ("2016-02-29", "29 February 2016", "day"),
    ],
)
def test_date_words_keep_the_precision(text, words, precision):
    date = dates.parse(text)
    assert date.words() == words
    assert date.precision == precision


@pytest.mark.parametrize(
    "text", ["23/05/2025", "2021-13", "2021-02-30", "2019-02-29", "XXXX", "21-05-01", "2020-5-1", "May 2020", "1850"]
)
def test_invalid_dates_are_refused_with_a_reason(text):
    with pytest.raises(ValueError) as caught:
        dates.parse(text)
    assert f"'{text}'" in str(caught.value)


def test_unknown_year_sorts_after_known_years():
    assert dates.parse("XXXX-01-01") > dates.parse("2024-12-31")
    assert dates.parse("2020") < dates.parse("2020-01") < dates.parse("2020-01-02")


@given(
    year=st.one_of(st.just("XXXX"), st.integers(1900, 2025).map(str)),
    month=st.one_of(st.none(), st.integers(1, 12)),
    day=st.one_of(st.none(), st.integers(1, 31)),
    qualifier=st.sampled_from(["", "~", "?", "%"]),
)
def test_every_accepted_date_is_valid_edtf(year, month, day, qualifier):
    text = year + (f"-{month:02d}" if month else "") + (f"-{day:02d}" if month and day else "") + qualifier
    try:
        dates.parse(text)
    except ValueError:
        return  # refused forms need not be EDTF-valid
    edtf.parse_edtf(text)  # raises if the edtf library disagrees


@pytest.mark.parametrize(
    ("figure", "words"),
    [
        (Figure(40, "exact"), "40"),
        (Figure(60, "about"), "about 60"),
        (Figure(500, "nearly"), "nearly 500"),
        (Figure(6, "at-least"), "at least 6"),
        (Figure(150, "more-than"), "more than 150"),
        (Figure(20, "up-to"), "up to 20"),
        (Figure(400000, "more-than"), "more than 400,000"),
        (Figure(None, "exact", "dozens"), "dozens (no number given)"),
    ],
)
def test_figure_words(figure, words):
    assert figure.words() == words


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        ([Figure(150, "more-than"), Figure(40)], "more than 190"),
        ([Figure(1), Figure(2)], "3"),
        ([Figure(500, "nearly"), Figure(40)], "nearly 540"),
        ([Figure(5, "at-least"), Figure(5, "more-than")], "more than 10"),
        ([Figure(5, "at-least"), Figure(5)], "at least 10"),
        ([Figure(5, "about"), Figure(5, "more-than")], "about 10"),
        ([Figure(5, "nearly"), Figure(5, "more-than")], "about 10"),
        ([Figure(5, "nearly"), Figure(5, "up-to")], "up to 10"),
        ([Figure(5), Figure(None, "exact", "dozens")], "at least 5"),
        ([Figure(5, "nearly"), Figure(None, "exact", "dozens")], "about 5"),
    ],
)
def test_totals_keep_the_precision_of_their_parts(parts, expected):
    figure, _ = total(parts)
    assert figure.words() == expected


def test_total_of_nothing_numbered():
    figure, unnumbered = total([Figure(None, "exact", "dozens"), Figure(None, "exact", "many")])
    assert figure is None
    assert unnumbered == 2


QUALIFIERS = ["exact", "about", "nearly", "at-least", "more-than", "up-to"]


@given(st.lists(st.tuples(st.one_of(st.none(), st.integers(0, 10**6)), st.sampled_from(QUALIFIERS)), min_size=1, max_size=8))
def test_total_sums_values_and_is_exact_only_when_every_part_is(parts):
    figures = [Figure(v, q, None if v is not None else "some") for v, q in parts]
    result, unnumbered = total(figures)
    numbered = [f for f in figures if f.value is not None]
    assert unnumbered == len(figures) - len(numbered)
    if not numbered:
        assert result is None
        return
    assert result.value == sum(f.value for f in numbered)
    assert (result.qualifier == "exact") == (all(f.qualifier == "exact" for f in numbered) and unnumbered == 0)
