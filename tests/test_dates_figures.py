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
        ("XXXX-XX-09", "the 9th (month and year not stated)", "day"),
        ("XXXX-XX-23", "the 23rd (month and year not stated)", "day"),
    ],
)
def test_date_words_keep_the_precision(text, words, precision):
    date = dates.parse(text)
    assert date.words() == words
    assert date.precision == precision


@pytest.mark.parametrize(
    "text",
    [
        "2021-XX-09",
        "XXXX-XX",
        "XXXX-XX-32",
        "XXXX-XX-09~",
        "23/05/2025",
        "2021-13",
        "2021-02-30",
        "2019-02-29",
        "XXXX",
        "21-05-01",
        "2020-5-1",
        "May 2020",
        "1850",
    ],
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
    text = year + (f"-{month:02d}" if month else "-XX" if day else "") + (f"-{day:02d}" if day else "") + qualifier
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


# Every pair of qualifiers (and a part with no number): what their total must say. A pair that
# no single qualifier describes honestly stays two figures side by side.
_PAIRS = {
    ("exact", "exact"): "15",
    ("exact", "about"): "about 15",
    ("exact", "nearly"): "nearly 15",
    ("exact", "at-least"): "at least 15",
    ("exact", "more-than"): "more than 15",
    ("exact", "up-to"): "up to 15",
    ("about", "about"): "about 15",
    ("about", "nearly"): "nearly 5 plus about 10",
    ("about", "at-least"): "at least 5 plus about 10",
    ("about", "more-than"): "more than 5 plus about 10",
    ("about", "up-to"): "up to 5 plus about 10",
    ("nearly", "nearly"): "nearly 15",
    ("nearly", "at-least"): "at least 5 plus nearly 10",
    ("nearly", "more-than"): "more than 5 plus nearly 10",
    ("nearly", "up-to"): "up to 15",
    ("at-least", "at-least"): "at least 15",
    ("at-least", "more-than"): "more than 15",
    ("at-least", "up-to"): "at least 10 plus up to 5",
    ("more-than", "more-than"): "more than 15",
    ("more-than", "up-to"): "more than 10 plus up to 5",
    ("up-to", "up-to"): "up to 15",
}
QUALIFIERS = ["exact", "about", "nearly", "at-least", "more-than", "up-to"]


@pytest.mark.parametrize(("pair", "expected"), sorted(_PAIRS.items()))
def test_total_of_every_pair_of_qualifiers(pair, expected):
    first, second = pair
    assert total([Figure(10, first), Figure(5, second)]).words() == expected
    # The order of the parts does not change the total.
    assert total([Figure(5, second), Figure(10, first)]).words() == expected


def test_every_pair_of_qualifiers_is_in_the_table():
    pairs = {tuple(sorted((a, b), key=QUALIFIERS.index)) for a in QUALIFIERS for b in QUALIFIERS}
    assert pairs == set(_PAIRS)


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        # A part with no number never changes the qualifier of the others: it is named beside them.
        ([Figure(500, "nearly"), Figure(None, "exact", "dozens")], "nearly 500, plus one report with no number (dozens)"),
        ([Figure(5), Figure(None, "exact", "dozens")], "5, plus one report with no number (dozens)"),
        (
            [Figure(150, "more-than"), Figure(None, "exact", "dozens"), Figure(None, "exact", "many")],
            "more than 150, plus two reports with no number (dozens; many)",
        ),
        ([Figure(None, "exact", "dozens")], "no number given (dozens)"),
        # Ranges add up with ranges and exact figures; with anything else they stay apart.
        ([Figure(100, value_max=150), Figure(20)], "between 120 and 170"),
        ([Figure(100, value_max=150), Figure(10, value_max=20)], "between 110 and 170"),
        ([Figure(100, value_max=150), Figure(40, "more-than")], "more than 40 plus between 100 and 150"),
        ([Figure(150, "more-than"), Figure(40)], "more than 190"),
        ([Figure(500, "nearly"), Figure(40), Figure(150, "more-than")], "more than 190 plus nearly 500"),
    ],
)
def test_totals_keep_the_precision_of_their_parts(parts, expected):
    assert total(parts).words() == expected


def _bounds(figure: Figure) -> tuple[float, float]:
    """The values a figure's words allow (nearly and about taken loosely, as readers would)."""
    assert figure.value is not None
    v = figure.value
    if figure.value_max is not None:
        return v, figure.value_max
    return {
        "exact": (v, v),
        "about": (v * 0.5, v * 1.5),
        "nearly": (v * 0.5, v),
        "up-to": (0, v),
        "at-least": (v, float("inf")),
        "more-than": (v, float("inf")),
    }[figure.qualifier]


@given(st.lists(st.tuples(st.one_of(st.none(), st.integers(0, 10**6)), st.sampled_from(QUALIFIERS)), min_size=1, max_size=8))
def test_total_sums_values_and_is_exact_only_when_every_part_is(parts):
    figures = [Figure(v, q, None if v is not None else "some") for v, q in parts]
    result = total(figures)
    numbered = [f for f in figures if f.value is not None]
    assert len(result.unnumbered) == len(figures) - len(numbered)
    assert sum(g.value for g in result.groups) == sum(f.value for f in numbered)
    assert result.exact == (bool(numbered) and all(f.qualifier == "exact" for f in numbered) and not result.unnumbered)
    # No group claims more than its parts allow: the lowest and highest sums the parts allow
    # lie within the bounds the group's qualifier states.
    low = sum(_bounds(f)[0] for f in numbered)
    high = sum(_bounds(f)[1] for f in numbered)
    stated_low = sum(_bounds(g)[0] for g in result.groups)
    stated_high = sum(_bounds(g)[1] for g in result.groups)
    assert stated_low <= low + 1e-6 and high <= stated_high + 1e-6


def test_an_end_with_a_stated_duration_is_kept_as_the_source_gives_it():
    # "a three-day operation that ended on 16 October": no start is worked out from the two.
    from generator import figurerules, models, outcomes

    op = models.Operation.model_validate(
        {
            "name": "X",
            "summary": "x",
            "crime_areas": ["human-trafficking"],
            "period": {"end": "2016-10-16", "duration": "3 days", "sources": ["s"]},
            "sources": ["s"],
        }
    )
    assert list(figurerules.figure_problems(op)) == []
    assert outcomes.span_words(None, "2016-10-16", "3 days") == "3 days, ending 16 October 2016"
