"""okrkit's pre-parsed number patterns give Babel's text, byte for byte.

``okrkit._numbers.Patterns.apply`` replaces ``babel.numbers.format_decimal`` and
``format_percent`` on the render path; here both run on the same generated values
in every supported locale and must agree.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from babel.numbers import format_decimal, format_percent
from hypothesis import given, settings
from hypothesis import strategies as st

from okrkit._numbers import patterns
from okrkit.formatting import format_number, format_score
from okrkit.formatting import format_percent as okr_percent
from okrkit.i18n import SUPPORTED, resolve_locale

LOCALES = [resolve_locale(loc).babel for loc in SUPPORTED]
FINITE = st.floats(min_value=-1e15, max_value=1e15)
EDGES = [0.0, -0.0, 0.005, -0.005, 0.125, 0.995, 1.005, 999.9995, 1234.5, -1234.5, 1e14, 0.1]


def _decimals(value: float, digits: int) -> Decimal:
    return Decimal(repr(round(value, digits)))


@pytest.mark.parametrize("locale", LOCALES, ids=str)
@pytest.mark.parametrize("value", EDGES)
def test_edges_match_babel(locale: object, value: float) -> None:
    found = patterns(locale)  # type: ignore[arg-type]
    for digits in (0, 1, 2, 3, 6):
        number = _decimals(value, digits)
        assert found.apply(found.decimal, number, quantize=False) == format_decimal(
            number, locale=locale, decimal_quantization=False
        )
        fraction = number.scaleb(-2)
        assert found.apply(found.percent, fraction, quantize=False) == format_percent(
            fraction, locale=locale, decimal_quantization=False
        )
    assert found.apply(found.percent, Decimal(str(value))) == format_percent(value, locale=locale)


@settings(max_examples=300, deadline=None)
@given(value=FINITE, digits=st.integers(min_value=0, max_value=4), which=st.sampled_from(LOCALES))
def test_generated_values_match_babel(value: float, digits: int, which: object) -> None:
    found = patterns(which)  # type: ignore[arg-type]
    number = _decimals(value, digits)
    assert found.apply(found.decimal, number, quantize=False) == format_decimal(
        number, locale=which, decimal_quantization=False
    )
    fraction = number.scaleb(-2)
    assert found.apply(found.percent, fraction, quantize=False) == format_percent(
        fraction, locale=which, decimal_quantization=False
    )
    score = value / 1e12  # scores live near 0..1
    assert found.apply(found.percent, Decimal(str(score))) == format_percent(score, locale=which)


@settings(max_examples=100, deadline=None)
@given(value=st.floats(min_value=-9e14, max_value=9e14), locale=st.sampled_from(SUPPORTED))
def test_okrkit_formatters_give_babels_text(value: float, locale: str) -> None:
    babel = resolve_locale(locale).babel
    if round(value, 2) != 0:
        expected = format_decimal(_decimals(value, 2), locale=babel, decimal_quantization=False)
        assert format_number(value, locale) == expected
    if round(value, 1) != 0:
        fraction = _decimals(value, 1).scaleb(-2)
        expected = format_percent(fraction, locale=babel, decimal_quantization=False)
        assert okr_percent(value, locale) == expected
    score = value / 1e13
    if round(score * 100) != 0:
        assert format_score(score, locale) == format_percent(score, locale=babel)
