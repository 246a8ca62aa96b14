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
>>> format_delta(0.6, "percent", "sv")
'+0,6 procentenheter'
>>> format_list(["A", "B", "C"], "zh_Hans")
'A、B和C'
"""

from __future__ import annotations

import copy
import datetime as dt
import gettext
import math
import re
from collections.abc import Iterable
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from okrkit._numbers import Patterns, patterns
from okrkit.i18n import LocaleMatch, resolve_locale, translations
from okrkit.period import Period

if TYPE_CHECKING:
    from babel.core import Locale
    from babel.numbers import NumberPattern

__all__ = [
    "compact_money",
    "format_currency",
    "format_date",
    "format_delta",
    "format_duration",
    "format_goal",
    "format_list",
    "format_number",
    "format_percent",
    "format_period",
    "format_points",
    "format_range",
    "format_score",
    "format_value",
    "label",
    "parenthesize",
    "parse_number",
    "with_goal",
]

LocaleLike = str | LocaleMatch
ListStyle = Literal["standard", "or", "plain"]


@lru_cache(maxsize=64)
def _babel(locale: LocaleLike) -> Locale:
    return resolve_locale(locale).babel


def _n(locale: LocaleLike) -> Locale:
    return _babel(locale if isinstance(locale, str) else locale.formatting)


def _zero(value: float, digits: int) -> float:
    """``value``, or a true zero where it rounds to zero (so "-0" never shows)."""
    return 0.0 if round(value, digits) == 0 else value


#: From this size on a number is written in scientific notation (Babel's plain
#: pattern cannot quantize numbers near the float range: 1.7e308 raises).
_HUGE = 1e15


def _huge(value: float, locale: LocaleLike) -> str:
    """``value`` (infinite or at least :data:`_HUGE`) in the locale's scientific notation."""
    from babel.numbers import format_scientific

    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "-∞" if value < 0 else "∞"
    return format_scientific(Decimal(repr(value)), "#.###E0", locale=_n(locale))


def format_number(value: float, locale: LocaleLike = "en", *, digits: int = 2) -> str:
    """A plain number with the locale's separators, at most ``digits`` decimals.

    >>> format_number(1.7e308, "en")
    '1.7E308'
    """
    if not math.isfinite(value) or abs(value) >= _HUGE:
        return _huge(value, locale)
    number = Decimal(repr(round(_zero(value, digits), digits)))
    found = patterns(_n(locale))
    return found.apply(found.decimal, number, quantize=False)


def format_percent(points: float, locale: LocaleLike = "en", *, digits: int = 1) -> str:
    """Percentage points (``4.5`` means 4.5 %) in the locale's percent style."""
    if not math.isfinite(points) or abs(points) >= _HUGE:
        return _huge(points, locale) + " %"
    # Decimal keeps 2.2 % as 2.2 % (a float division would print 2.2000000000000002 %).
    fraction = Decimal(repr(round(_zero(points, digits), digits))).scaleb(-2)
    found = patterns(_n(locale))
    return found.apply(found.percent, fraction, quantize=False)


def format_score(value: float, locale: LocaleLike = "en") -> str:
    """A 0..1 score as a whole percentage (0.64 -> "64 %" in Swedish); never "-0 %"."""
    return _score_with(patterns(_n(locale)), value)


def _score_with(found: Patterns, value: float) -> str:
    """:func:`format_score` with the locale's patterns at hand (a render's hot loop)."""
    if not math.isfinite(value):  # a score of numbers near the float range: no number to show
        return "—"
    return found.apply(found.percent, Decimal(str(0.0 if round(value * 100) == 0 else value)))


def _plural_count(value: float) -> int:
    """The count that picks a plural form: fractions read as plural ("1,5 дня")."""
    value = abs(value)
    return int(value) if float(value).is_integer() else 2


def _signed(text: str, value: float, locale: LocaleLike) -> str:
    from babel.numbers import get_minus_sign_symbol, get_plus_sign_symbol

    if value > 0:
        return get_plus_sign_symbol(_n(locale)) + text
    if value < 0:
        return get_minus_sign_symbol(_n(locale)) + text
    return text


def format_points(
    points: float, locale: LocaleLike = "en", *, signed: bool = True, digits: int = 1
) -> str:
    """A change of a percentage, in percentage points: 19.5 % -> 20.1 % is "+0.6 pp".

    Each locale writes the unit its own way ("+0,6 procentenheter", "+0,6 п. п.",
    "+0,6 điểm phần trăm", "+0.6个百分点"); a change that rounds to zero has no sign.

    >>> format_points(0.6, "ru"), format_points(-0.04, "en")
    ('+0,6\xa0п.\xa0п.', '0 pp')
    """
    points = _zero(points, digits)
    number = format_number(abs(points), locale, digits=digits)
    if signed:
        number = _signed(number, points, locale)
    # Translators: percentage points: a change of a percentage ("+0.6 pp" in a table
    # cell) or a gap between two percentages ("at least 3 pp"); {n} is the number, signed
    # for a change. Swedish "procentenheter", Russian "п. п.".
    text = translations(locale).ngettext("{n} pp", "{n} pp", _plural_count(points))
    return text.replace("{n}", number)


@lru_cache(maxsize=64)
def _whole_currency_pattern(locale: Locale) -> NumberPattern:
    pattern: NumberPattern = copy.copy(locale.currency_formats["standard"])
    pattern.frac_prec = (0, 0)
    return pattern


def _short_from(loc: Locale) -> int:
    """The smallest amount a locale writes in the short money style: ten thousand in
    Chinese, whose 万/萬 is a unit of its own ("US$25万"), a million elsewhere."""
    return 10_000 if loc.language == "zh" else 1_000_000


def compact_money(amounts: Iterable[float | None], locale: LocaleLike = "en") -> bool:
    """Whether one document's money reads best in the short style ("$1.4M").

    A document decides once, so a line never mixes "US$800,000" with "US$140万":
    short only when every non-zero amount is a million or more (in Chinese, ten
    thousand or more: "US$25万" beside "US$1000万"), else long.

    >>> compact_money([800_000, 1_400_000]), compact_money([2_000_000, 50_000_000])
    (False, True)
    >>> compact_money([250_000, 10_000_000], "zh_Hant"), compact_money([405, 10_000], "zh_Hans")
    (True, False)
    """
    found = [abs(a) for a in amounts if a is not None and a != 0]
    return bool(found) and min(found) >= _short_from(_n(locale))


def format_currency(
    amount: float, currency: str, locale: LocaleLike = "en", *, compact: bool | None = None
) -> str:
    """Money in the locale's style. Whole amounts drop ``.00``; with ``compact``
    (the default from a million up, in Chinese from ten thousand) 50,000,000 USD
    reads "$50M", "50 млн $", "US$5000万" or "50 triệu US$" (Vietnamese spells the
    word out), and 1,490,000 USD "$1.49M". A document passes the ``compact`` that
    :func:`compact_money` chose for all its amounts.

    >>> format_currency(1_200_000_000, "USD", "vi")
    '1,2\xa0tỷ\xa0US$'
    """
    from babel.numbers import format_compact_currency
    from babel.numbers import format_currency as babel_currency

    loc = _n(locale)
    amount = _zero(amount, 2)
    whole = float(amount).is_integer()
    if compact is None:
        compact = abs(amount) >= _short_from(loc)
    if compact and loc.language in _LONG_COMPACT:
        text: str = _long_compact_currency(amount, currency, loc)
    elif compact:
        text = format_compact_currency(amount, currency, locale=loc, fraction_digits=2)
    elif whole:
        text = _whole_currency_pattern(loc).apply(
            amount, loc, currency=currency, currency_digits=False
        )
    else:
        text = babel_currency(amount, currency, locale=loc)
    return _currency_code(text, currency, loc)


#: Locales whose business writers spell out the compact amount's word: Vietnamese
#: reports write "1,5 triệu US$" and "1,2 tỷ US$", CLDR's short "1,5 Tr US$" reads as
#: a cramped abbreviation ("N", "Tr", "T" for nghìn, triệu, tỷ).
_LONG_COMPACT = frozenset({"vi"})


def _compact_decimal(value: float, loc: Locale, *, digits: int) -> str:
    """A number in the locale's compact form: CLDR's short one ("1.2M"), or its long
    one ("1,2\xa0triệu", never broken across lines) where :data:`_LONG_COMPACT` says."""
    from babel.numbers import format_compact_decimal

    if loc.language not in _LONG_COMPACT:
        return str(format_compact_decimal(value, locale=loc, fraction_digits=digits))
    text = format_compact_decimal(value, format_type="long", locale=loc, fraction_digits=digits)
    return str(text).replace(" ", "\xa0")


def _long_compact_currency(amount: float, currency: str, loc: Locale) -> str:
    """``amount`` in CLDR's long compact form ("1,5 triệu"), with the currency sign
    placed as the locale's currency pattern places it."""
    from babel.numbers import get_currency_symbol

    number = _compact_decimal(amount, loc, digits=2)
    pattern = loc.currency_formats["standard"]
    symbol = get_currency_symbol(currency, locale=loc)
    prefix, suffix = (part[0].replace("¤", symbol) for part in (pattern.prefix, pattern.suffix))
    return f"{prefix}{number}{suffix}"


#: Locales whose finance writers name a foreign currency by its ISO code where
#: CLDR gives a composite symbol ("1,5 mn USD", "800 000 USD", not "US$"); their
#: own currency and one-sign symbols keep the sign ("1,5 mn kr", "4 500 €").
_CODE_FOR_FOREIGN = {"sv": "SEK"}


def _currency_code(text: str, currency: str, loc: Locale) -> str:
    own = _CODE_FOR_FOREIGN.get(loc.language)
    if own is None or currency == own:
        return text
    from babel.numbers import get_currency_symbol

    symbol = get_currency_symbol(currency, locale=loc)
    if len(symbol) == 1 or symbol == currency:
        return text
    return text.replace(symbol, currency)


def _unit_words(unit: str, count: int, t: gettext.NullTranslations, *, governed: bool) -> str:
    """The ``{n} unit`` message of a duration unit; ``governed`` after a preposition."""
    if governed:
        # Translators: a duration after a preposition ("from 24 to {n}", "at least {n}"):
        # use the case the preposition needs (Russian genitive: "до 8 часов", "не менее 2 дней").
        if unit == "minutes":
            return t.npgettext("after a preposition", "{n} minute", "{n} minutes", count)
        if unit == "hours":
            return t.npgettext("after a preposition", "{n} hour", "{n} hours", count)
        if unit == "weeks":
            return t.npgettext("after a preposition", "{n} week", "{n} weeks", count)
        if unit == "months":
            return t.npgettext("after a preposition", "{n} month", "{n} months", count)
        return t.npgettext("after a preposition", "{n} day", "{n} days", count)
    if unit == "minutes":
        return t.ngettext("{n} minute", "{n} minutes", count)
    if unit == "hours":
        return t.ngettext("{n} hour", "{n} hours", count)
    if unit == "weeks":
        return t.ngettext("{n} week", "{n} weeks", count)
    if unit == "months":
        return t.ngettext("{n} month", "{n} months", count)
    return t.ngettext("{n} day", "{n} days", count)


def format_duration(
    value: float, unit: str = "days", locale: LocaleLike = "en", *, governed: bool = False
) -> str:
    """A duration with its unit word in the right plural form ("3 дня", "5 дней").

    ``governed=True`` gives the form a preposition needs ("до 8 часов").
    """
    text = _unit_words(unit, _plural_count(value), translations(locale), governed=governed)
    return text.replace("{n}", format_number(value, locale))


def format_value(
    value: float | None,
    unit: str,
    locale: LocaleLike = "en",
    *,
    currency: str | None = None,
    duration_unit: str | None = None,
    compact: bool | None = None,
) -> str:
    """A key result value in its unit; an empty string for ``None``.

    Unit ``points`` is a difference of two percentages in percentage points (a
    brand lift of "3 pp", "3 procentenheter", "3 п. п."; see :func:`format_points`).
    """
    if value is None:
        return ""
    if unit == "percent":
        return format_percent(value, locale)
    if unit == "points":
        return format_points(value, locale, signed=False)
    if unit == "currency" and currency:
        return format_currency(value, currency, locale, compact=compact)
    if unit == "duration":
        return format_duration(value, duration_unit or "days", locale)
    return format_number(value, locale)


def format_delta(
    value: float,
    unit: str,
    locale: LocaleLike = "en",
    *,
    currency: str | None = None,
    duration_unit: str | None = None,
    compact: bool | None = None,
) -> str:
    """A signed change of a key result value: "+120", "+0.6 pp", "−2 days", never "-0".

    A change of a percent (or points) key result is in percentage points
    (:func:`format_points`).
    """
    if unit in ("percent", "points"):
        return format_points(value, locale)
    digits = 2
    value = _zero(value, digits)
    text = format_value(
        abs(value), unit, locale, currency=currency, duration_unit=duration_unit, compact=compact
    )
    return _signed(text, value, locale)


def format_goal(
    direction: str | None,
    unit: str,
    locale: LocaleLike = "en",
    *,
    baseline: float | None = None,
    target: float | None = None,
    target_min: float | None = None,
    target_max: float | None = None,
    currency: str | None = None,
    duration_unit: str | None = None,
    compact: bool | None = None,
) -> str:
    """Where a key result goes, phrased for the locale: "from 1,000 to 1,160",
    "с 24 до 8 часов", "at least 95 %", "between 40 and 60". Empty when unknown.

    Durations and percentage points pass the number and the unit separately, so
    each language puts the unit word once, in the form its preposition needs.

    >>> format_goal("decrease", "duration", "ru", baseline=24, target=8, duration_unit="hours")
    'с 24 до 8 часов'
    >>> format_goal("at_least", "points", "sv", target=3)
    'minst 3 procentenheter'
    """
    t = translations(locale)
    duration = unit == "duration"
    points = unit == "points"
    if compact is None and unit == "currency":  # one money style in the line
        compact = compact_money([baseline, target, target_min, target_max], locale)

    def first(value: float) -> str:  # the number before the unit's only mention
        if duration:
            return format_number(value, locale)
        if points:
            return format_number(value, locale, digits=1)
        return format_value(value, unit, locale, currency=currency, compact=compact)

    def last(value: float) -> str:
        if duration:
            return format_duration(value, duration_unit or "days", locale, governed=True)
        if points:
            return format_points(value, locale, signed=False)
        return format_value(value, unit, locale, currency=currency, compact=compact)

    if direction in ("increase", "decrease", None) and baseline is not None and target is not None:
        # Some languages say which way the number moves ("từ 35% xuống 15%").
        if target < baseline:
            # Translators: next to a key result's title: where it starts and the lower
            # value it must come down to.
            text = t.pgettext("going down", "from {baseline} to {target}")
        else:
            # Translators: next to a key result's title: where it starts and where it must end.
            text = t.gettext("from {baseline} to {target}")
        return _put(text, baseline=first(baseline), target=last(target))
    if direction == "at_least" and target is not None:
        # Translators: a level a key result must hold (a minimum).
        return _put(t.gettext("at least {target}"), target=last(target))
    if direction == "at_most" and target is not None:
        # Translators: a level a key result must stay under (a maximum).
        return _put(t.gettext("at most {target}"), target=last(target))
    if direction == "between" and target_min is not None and target_max is not None:
        # Translators: a band a key result must stay in.
        return _put(t.gettext("between {low} and {high}"), low=first(target_min),
                    high=last(target_max))  # fmt: skip
    return ""


def _put(message: str, **values: str) -> str:
    for name, value in values.items():
        message = message.replace("{" + name + "}", value)
    return message


def format_list(
    items: Iterable[str], locale: LocaleLike = "en", *, style: ListStyle = "standard"
) -> str:
    """Items joined as the locale joins a list ("A, B and C", "A、B和C");
    ``style="or"`` for alternatives ("A, B or C"); ``style="plain"`` for a run of
    names that may contain "and" themselves, with the locale's enumeration comma and
    no conjunction ("Growth and lifecycle, Brand and communications", "A、B").

    >>> format_list(["Growth and lifecycle", "Brand"], "en", style="plain")
    'Growth and lifecycle, Brand'
    >>> format_list(["增长与生命周期", "品牌与传播"], "zh_Hans", style="plain")
    '增长与生命周期、品牌与传播'
    """
    words = [str(i) for i in items]
    if style == "plain":
        # Translators: what separates the names in a plain list ("A, B"), with no
        # "and"; Chinese uses the enumeration comma "、".
        return translations(locale).pgettext("list separator", ", ").join(words)
    from babel.lists import format_list as babel_list

    return babel_list(words, style=style, locale=_n(locale)) if words else ""


def format_range(low: str, high: str, locale: LocaleLike = "en") -> str:
    """Two formatted values as a range ("40–60")."""
    # Translators: a range of two values (a band a key result must stay in).
    return _put(translations(locale).gettext("{low}–{high}"), low=low, high=high)


def label(name: str, value: str, locale: LocaleLike = "en") -> str:
    """A label and its value ("Owner: Ana", "负责人：Ana")."""
    # Translators: a label before its value; Chinese uses the full-width colon "：".
    return _put(translations(locale).gettext("{label}: {value}"), label=name, value=value)


def parenthesize(text: str, detail: str, locale: LocaleLike = "en") -> str:
    """A text with a remark in parentheses ("Ship the guide (done)", full-width in Chinese)."""
    # Translators: a text followed by a remark in parentheses; Chinese uses "（…）".
    return _put(translations(locale).gettext("{text} ({detail})"), text=text, detail=detail)


def with_goal(title: str, goal: str, locale: LocaleLike = "en") -> str:
    """A key result's title followed by its goal ("NPS (from 35 to 45)", "NPS：从35到45").

    Chinese puts the goal after a full-width colon, so a title that ends in brackets
    ("净推荐值（NPS）") never gets a second pair beside it. An empty goal leaves the
    title alone.

    >>> with_goal("Raise NPS", "from 35 to 45", "en")
    'Raise NPS (from 35 to 45)'
    >>> with_goal("提升净推荐值（NPS）", "从35到45", "zh_Hans")
    '提升净推荐值（NPS）：从35到45'
    >>> with_goal("Raise NPS", "", "en")
    'Raise NPS'
    """
    if not goal:
        return title
    # Translators: a key result's title and its goal ("from 1,000 to 1,160"); Chinese
    # writes "{title}：{goal}", because titles often end in "（NPS）" already.
    message = translations(locale).pgettext("title and goal", "{title} ({goal})")
    return _put(message, title=title, goal=goal)


def format_date(day: dt.date, locale: LocaleLike = "en", *, format: str = "medium") -> str:
    """A date in the locale's ``short``, ``medium``, ``long`` or ``full`` format, or
    ``sentence``: ``medium`` where that reads well in running text, else how the
    language writes a date in a sentence ("ngày 31 tháng 10 năm 2026"). ``long``
    is such a sentence form too."""
    from babel.dates import format_date as babel_date

    loc = _n(locale)
    if format in ("long", "sentence"):  # widths used inside sentences ("Scored on {date}")
        format = _SENTENCE_DATE.get(loc.language, "medium" if format == "sentence" else format)
    return babel_date(day, format=format, locale=loc)


#: Where a date in running text reads otherwise than CLDR's ``long`` format:
#: Vietnamese writes "ngày 31 tháng 10 năm 2026" in a sentence, not "31 tháng 10, 2026".
_SENTENCE_DATE = {"vi": "'ngày' d 'tháng' M 'năm' y"}


def format_period(period: Period, locale: LocaleLike = "en") -> str:
    """A period as people write it there: "Q4 2026", "K4 2026", "4-й квартал 2026 г.",
    "Quý 4 năm 2026", "2026年第4季度", "2027 год", "first half of 2026"."""
    from babel.dates import format_interval, format_skeleton

    loc = _n(locale)
    t = translations(locale)
    year = str(period.year)  # a year is a name, never "2 026"
    if period.kind == "quarter":
        # Translators: a calendar quarter; {quarter} is 1-4, {year} as in "2026".
        text = t.gettext("Q{quarter} {year}")
        return _put(text, quarter=str(period.index), year=year)
    if period.kind == "year":
        # Translators: a calendar year as an OKR period ("2027", "2027 год", "năm 2027", "2027年").
        return _put(t.pgettext("calendar year", "{year}"), year=year)
    if period.kind == "month":
        return format_skeleton("yMMMM", period.start, locale=loc)
    if period.kind == "half":
        text = (
            t.gettext("first half of {year}")
            if period.index == 1
            else t.gettext("second half of {year}")
        )
        return _put(text, year=format_skeleton("y", period.start, locale=loc))
    return format_interval(period.start, period.end, "yMMMd", locale=loc)


_PLAIN = re.compile(r"[+-]?\d+(?:\.\d+)?")
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009']")


def parse_number(text: str, locale: LocaleLike = "en") -> float:
    """A number as a person in ``locale`` types it: "5,6" in Swedish, Russian and
    Vietnamese, "1 234,5", "1.234,5" (vi), "1,234.5" (en, zh); "5.6" everywhere.

    Text that reads two ways is refused rather than guessed: "1.000" in
    Vietnamese (one thousand, or one?) and "5,6" in English.

    >>> parse_number("5,6", "sv"), parse_number("1 234,5", "ru"), parse_number("5.6", "vi")
    (5.6, 1234.5, 5.6)
    """
    from babel.numbers import NumberFormatError, get_group_symbol, parse_decimal

    from okrkit.errors import OKRError

    loc = _n(locale)
    raw = text.strip().replace("\u2212", "-")
    group = get_group_symbol(loc)
    spaced = _SPACES.sub("", raw) if _SPACES.fullmatch(group) or group == "'" else raw
    # "1.000" where "." groups thousands: one thousand, or one? Refuse to guess.
    two_ways = group == "." and re.fullmatch(r"[+-]?\d{1,3}\.\d{3}", spaced)
    if _PLAIN.fullmatch(spaced) and not two_ways:
        return float(spaced)
    if not two_ways and re.fullmatch(r"[+-]?[\d.,]+", spaced):
        try:
            return float(parse_decimal(spaced, locale=loc, strict=True))
        except NumberFormatError:
            pass
    from okrkit.errors import OneOf

    raise OKRError.translatable(
        N_("'{value}' is not a number; write decimals like {examples}"),
        value=text,
        examples=OneOf(dict.fromkeys([format_number(5.6, locale), "5.6"])),
    )


def N_(message: str) -> str:
    """Mark a message for extraction; it is translated where it is shown."""
    return message
