"""Locale-aware formatting of OKR values with Babel (CLDR).

Every number okrkit shows passes through here at render time: counts,
percentages, money, ratios, scores, durations, dates and periods. Text that
carries numbers comes from translated messages with ``{placeholders}``; the
numbers are formatted separately, so no translation ever bakes in a number.

>>> format_value(8000, "count", "sv")
'8\\xa0000'
>>> format_value(4.5, "percent", "ru")
'4,5\\xa0%'
>>> format_value(50_000_000, "currency", "en", currency="USD")
'$50M'
>>> format_period(Period.parse("2026-Q3"), "zh_Hans")
'2026年第3季度'
"""

from __future__ import annotations

import copy
import datetime as dt
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING

from okrkit.i18n import LocaleMatch, resolve_locale, translations
from okrkit.period import Period

if TYPE_CHECKING:
    from babel.core import Locale
    from babel.numbers import NumberPattern

__all__ = [
    "format_currency",
    "format_date",
    "format_duration",
    "format_number",
    "format_percent",
    "format_period",
    "format_score",
    "format_value",
]

LocaleLike = str | LocaleMatch


@lru_cache(maxsize=64)
def _babel(locale: LocaleLike) -> Locale:
    return resolve_locale(locale).babel


def _n(locale: LocaleLike) -> Locale:
    return _babel(locale if isinstance(locale, str) else locale.formatting)


def format_number(value: float, locale: LocaleLike = "en", *, digits: int = 2) -> str:
    """A plain number with the locale's separators, at most ``digits`` decimals."""
    from babel.numbers import format_decimal

    number = Decimal(repr(round(value, digits)))
    return format_decimal(number, locale=_n(locale), decimal_quantization=False)


def format_percent(points: float, locale: LocaleLike = "en", *, digits: int = 1) -> str:
    """Percentage points (``4.5`` means 4.5 %) in the locale's percent style."""
    from babel.numbers import format_percent as babel_percent

    # Decimal keeps 2.2 % as 2.2 % (a float division would print 2.2000000000000002 %).
    fraction = Decimal(repr(round(points, digits))).scaleb(-2)
    return babel_percent(fraction, locale=_n(locale), decimal_quantization=False)


def format_score(value: float, locale: LocaleLike = "en") -> str:
    """A 0..1 score as a whole percentage (0.64 -> "64 %" in Swedish)."""
    from babel.numbers import format_percent as babel_percent

    return babel_percent(value, locale=_n(locale))


@lru_cache(maxsize=64)
def _whole_currency_pattern(locale: Locale) -> NumberPattern:
    pattern: NumberPattern = copy.copy(locale.currency_formats["standard"])
    pattern.frac_prec = (0, 0)
    return pattern


def format_currency(
    amount: float, currency: str, locale: LocaleLike = "en", *, compact: bool | None = None
) -> str:
    """Money in the locale's style. Whole amounts drop ``.00``; with ``compact``
    (the default from a million up) 50,000,000 USD reads "$50M", "50 млн $" or
    "US$5000万", and 1,490,000 USD "$1.49M".
    """
    from babel.numbers import format_compact_currency
    from babel.numbers import format_currency as babel_currency

    loc = _n(locale)
    whole = float(amount).is_integer()
    if compact is None:
        compact = abs(amount) >= 1_000_000
    if compact:
        return format_compact_currency(amount, currency, locale=loc, fraction_digits=2)
    if whole:
        text: str = _whole_currency_pattern(loc).apply(
            amount, loc, currency=currency, currency_digits=False
        )
        return text
    return babel_currency(amount, currency, locale=loc)


def format_duration(value: float, unit: str = "days", locale: LocaleLike = "en") -> str:
    """A duration with its unit word in the right plural form ("3 дня", "5 дней")."""
    t = translations(locale)
    n = format_number(value, locale)
    count = int(value) if float(value).is_integer() else 2  # fractions read as plural
    if unit == "minutes":
        text = t.ngettext("{n} minute", "{n} minutes", count)
    elif unit == "hours":
        text = t.ngettext("{n} hour", "{n} hours", count)
    elif unit == "weeks":
        text = t.ngettext("{n} week", "{n} weeks", count)
    elif unit == "months":
        text = t.ngettext("{n} month", "{n} months", count)
    else:
        text = t.ngettext("{n} day", "{n} days", count)
    return text.replace("{n}", n)


def format_value(
    value: float | None,
    unit: str,
    locale: LocaleLike = "en",
    *,
    currency: str | None = None,
    duration_unit: str | None = None,
) -> str:
    """A key result value in its unit; an empty string for ``None``."""
    if value is None:
        return ""
    if unit == "percent":
        return format_percent(value, locale)
    if unit == "currency" and currency:
        return format_currency(value, currency, locale)
    if unit == "duration":
        return format_duration(value, duration_unit or "days", locale)
    return format_number(value, locale)


def format_date(day: dt.date, locale: LocaleLike = "en", *, format: str = "medium") -> str:
    """A date in the locale's ``short``, ``medium``, ``long`` or ``full`` format."""
    from babel.dates import format_date as babel_date

    return babel_date(day, format=format, locale=_n(locale))


def format_period(period: Period, locale: LocaleLike = "en") -> str:
    """A period as people write it: "Q3 2026", "K3 2026", "2026年第3季度", "H1 2026"."""
    from babel.dates import format_interval, format_skeleton

    loc = _n(locale)
    if period.kind == "quarter":
        return format_skeleton("yQQQ", period.start, locale=loc)
    if period.kind == "year":
        return format_skeleton("y", period.start, locale=loc)
    if period.kind == "month":
        return format_skeleton("yMMMM", period.start, locale=loc)
    if period.kind == "half":
        t = translations(locale)
        year = format_skeleton("y", period.start, locale=loc)
        text = (
            t.gettext("first half of {year}")
            if period.index == 1
            else t.gettext("second half of {year}")
        )
        return text.replace("{year}", year)
    return format_interval(period.start, period.end, "yMMMd", locale=loc)
