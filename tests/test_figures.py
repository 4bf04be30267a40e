"""Figure parsing and the interval rules of tests/data/labelled/README.md."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractors.figures import (
    age_figures,
    count_figures,
    format_money,
    interval,
    money_figures,
    percent_figures,
    words_to_number,
)

MONEY_CASES = [
    ("Meta pays $14.3 billion for it.", "$14.3 billion", 14.25e9, 14.35e9, "USD"),
    ("Meta invests $14.3B in Scale.", "$14.3B", 14.25e9, 14.35e9, "USD"),
    ("Meta pays $ 14.3 billion to gain", "$ 14.3 billion", 14.25e9, 14.35e9, "USD"),
    ("a payment of US$650m to the startup", "US$650m", 649.5e6, 650.5e6, "USD"),
    ("worth 14.3 billion dollars in all", "14.3 billion dollars", 14.25e9, 14.35e9, "USD"),
    ("Google paid $1.5bn for it", "$1.5bn", 1.45e9, 1.55e9, "USD"),
    (
        "Nvidia will pay twenty billion dollars in cash",
        "twenty billion dollars",
        19.5e9,
        20.5e9,
        "USD",
    ),
    ("a price of $650 million", "$650 million", 649.5e6, 650.5e6, "USD"),
    ("valued at over $29 billion", "over $29 billion", 29e9, None, "USD"),
    ("more than $900 million", "more than $900 million", 900e6, None, "USD"),
    ("it paid $900m-plus for the team", "$900m-plus", 900e6, None, "USD"),
    ("up to $2 billion", "up to $2 billion", 0.0, 2e9, "USD"),
    ("about $1.5 billion from investors", "about $1.5 billion", 1.35e9, 1.65e9, "USD"),
    ("roughly $650 million", "roughly $650 million", 585e6, 715e6, "USD"),
    ("nearly $1 billion", "nearly $1 billion", 0.9e9, 1e9, "USD"),
    ("just over $2 billion", "just over $2 billion", 2e9, 2.2e9, "USD"),
    ("between $2 billion and $3 billion", "between $2 billion and $3 billion", 2e9, 3e9, "USD"),
    ("$2 billion to $3 billion", "$2 billion to $3 billion", 2e9, 3e9, "USD"),
    ("$2-3 billion", "$2-3 billion", 2e9, 3e9, "USD"),
    ("a €2bn licence", "€2bn", 1.5e9, 2.5e9, "EUR"),
]


@pytest.mark.parametrize(("text", "stated", "low", "high", "currency"), MONEY_CASES)
def test_money(text, stated, low, high, currency):
    [fig] = money_figures(text)
    assert fig.stated == stated
    assert text[fig.start : fig.end] == stated
    assert fig.currency == currency
    assert fig.low == pytest.approx(low)
    assert (fig.high is None and high is None) or fig.high == pytest.approx(high)


PERCENT_CASES = [
    ("a 49% stake", "49%", 48.5, 49.5),
    ("49 percent of Scale AI", "49 percent", 48.5, 49.5),
    ("49 per cent of the company", "49 per cent", 48.5, 49.5),
    ("a 49.5% stake", "49.5%", 49.45, 49.55),
    ("nearly half of the company", "nearly half", 45.0, 50.0),
    ("half of the startup", "half", 49.5, 50.5),
    ("a third of the company", "a third", 100 / 3 - 0.5, 100 / 3 + 0.5),
    ("it took a majority stake", "a majority stake", 50.0, 100.0),
    ("a minority stake in NFDG", "a minority stake", 0.0, 50.0),
    ("as much as 49% of the fund", "as much as 49%", 0.0, 49.0),
]


@pytest.mark.parametrize(("text", "stated", "low", "high"), PERCENT_CASES)
def test_percent(text, stated, low, high):
    [fig] = percent_figures(text)
    assert fig.stated == stated
    assert (fig.low, fig.high) == pytest.approx((low, high))


COUNT_CASES = [
    ("It has grown to more than 1500 people", "more than 1500 people", 1500, None),
    ("its 1,500 employees", "1,500 employees", 1500, 1500),
    ("about a dozen engineers and researchers", "about a dozen engineers", 10.8, 13.2),
    ("Around 30 researchers followed the founders", "Around 30 researchers", 27, 33),
    ("some 250 employees stay", "some 250 employees", 225, 275),
]


@pytest.mark.parametrize(("text", "stated", "low", "high"), COUNT_CASES)
def test_counts(text, stated, low, high):
    [fig] = count_figures(text)
    assert fig.stated == stated
    assert fig.low == pytest.approx(low)
    assert (fig.high is None and high is None) or fig.high == pytest.approx(high)


@pytest.mark.parametrize(
    ("text", "value", "stated"),
    [
        ("Now 28, Wang founded Scale", 28, "Now 28"),
        ("Wang, who has become 21 years old, is", 21, "21 years old"),
        ("its 28-year-old chief executive", 28, "28-year-old"),
        ("chief executive Alexandr Wang, 28, the companies said", 28, "28"),
    ],
)
def test_ages(text, value, stated):
    [fig] = age_figures(text)
    assert (fig.low, fig.high, fig.stated) == (value, value, stated)


def test_words_to_number():
    assert words_to_number("twenty") == 20
    assert words_to_number("forty-nine") == 49
    assert words_to_number("one hundred and fifty") == 150
    assert words_to_number("banana") is None


def test_interval_rules():
    assert interval(29e9, 0.5e9, "over") == (29e9, None)
    assert interval(10.0, 0.5, "up to") == (0.0, 10.0)
    assert interval(10.0, 0.5, "about") == pytest.approx((9.0, 11.0))
    assert interval(10.0, 0.5, "nearly") == pytest.approx((9.0, 10.0))
    assert interval(10.0, 0.5, None) == (9.5, 10.5)


def test_no_money_in_plain_numbers():
    assert money_figures("In 2016 he founded it with 12 friends.") == []


SCALES = st.sampled_from(["billion", "million", "thousand"])


@given(
    value=st.floats(min_value=1, max_value=999, allow_nan=False, allow_infinity=False),
    decimals=st.integers(min_value=0, max_value=2),
    scale=SCALES,
    sign=st.sampled_from(["$", "US$"]),
)
def test_money_round_trip(value, decimals, scale, sign):
    multiplier = {"billion": 1e9, "million": 1e6, "thousand": 1e3}[scale]
    written = format_money(value * multiplier, decimals=decimals, scale=scale, sign=sign)
    [fig] = money_figures(f"The company paid {written} for it.")
    assert fig.stated == written
    shown = float(written.split()[0].lstrip("US$").replace(",", ""))
    half = 0.5 * 10**-decimals * multiplier
    assert math.isclose(fig.low, shown * multiplier - half, rel_tol=1e-9)
    assert math.isclose(fig.high, shown * multiplier + half, rel_tol=1e-9)
    assert (
        fig.low <= value * multiplier <= fig.high
        or math.isclose(fig.high, value * multiplier, rel_tol=1e-9)
        or math.isclose(fig.low, value * multiplier, rel_tol=1e-9)
    )
