"""Babel's number patterns, parsed once per locale and applied without lookups.

``babel.numbers.format_decimal`` and ``format_percent`` parse the locale, look
up its pattern and then, for every digit group, its symbols again: most of a
render's formatting time. :class:`Patterns` holds a locale's decimal and
percent :class:`~babel.numbers.NumberPattern` and its group and decimal
symbols, fetched once, and :meth:`Patterns.apply` runs the same steps as
``NumberPattern.apply`` for a plain (not scientific, not significant-digit,
not currency) pattern, so its text is Babel's, byte for byte
(``tests/test_formatting_fast.py`` checks it against Babel on generated values).
Anything else goes to Babel itself.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from babel.core import Locale
    from babel.numbers import NumberPattern

__all__ = ["Patterns", "patterns"]

_QUOTED = re.compile(r"'([^']*)'")
_QUANTA = tuple(Decimal(10) ** -n for n in range(30))


class Patterns:
    """A locale's decimal and percent patterns with its symbols, ready to apply."""

    __slots__ = ("decimal", "decimal_symbol", "group_symbol", "locale", "percent")

    def __init__(self, locale: Locale) -> None:
        from babel.numbers import get_decimal_symbol, get_group_symbol

        self.locale = locale
        self.decimal: NumberPattern = locale.decimal_formats[None]
        self.percent: NumberPattern = locale.percent_formats[None]
        self.group_symbol: str = get_group_symbol(locale)
        self.decimal_symbol: str = get_decimal_symbol(locale)

    def apply(self, pattern: NumberPattern, value: Decimal, *, quantize: bool = True) -> str:
        """``pattern.apply(value, locale, decimal_quantization=quantize)``, faster."""
        if pattern.exp_prec or "@" in pattern.pattern or "¤" in pattern.pattern:
            return str(pattern.apply(value, self.locale, decimal_quantization=quantize))
        value = value.scaleb(pattern.scale)
        negative = int(value.is_signed())
        value = abs(value).normalize()
        if not value.is_finite():
            return str(pattern.apply(value, self.locale, decimal_quantization=quantize))
        low, high = pattern.frac_prec
        whole, _, fraction = f"{value:f}".partition(".")
        if not quantize:  # Babel keeps every digit the number has
            high = max(high, len(fraction))
        elif len(fraction) > high:  # rounded as Babel rounds (the context's half-even)
            quantum = _QUANTA[high] if high < len(_QUANTA) else Decimal(10) ** -high
            whole, _, fraction = f"{value.quantize(quantum):f}".partition(".")
        number = self._group(whole, pattern) + self._fraction(fraction or "0", low, high)
        text = pattern.prefix[negative] + number + pattern.suffix[negative]
        return _QUOTED.sub(lambda m: m.group(1) or "'", text) if "'" in text else text

    def _group(self, digits: str, pattern: NumberPattern) -> str:
        if len(digits) < pattern.int_prec[0]:
            digits = "0" * (pattern.int_prec[0] - len(digits)) + digits
        size = pattern.grouping[0]
        if len(digits) <= size:
            return digits
        out = ""
        while len(digits) > size:
            out = self.group_symbol + digits[-size:] + out
            digits = digits[:-size]
            size = pattern.grouping[1]
        return digits + out

    def _fraction(self, digits: str, low: int, high: int) -> str:
        if len(digits) < low:
            digits += "0" * (low - len(digits))
        if high == 0 or (low == 0 and int(digits) == 0):
            return ""
        while len(digits) > low and digits[-1] == "0":
            digits = digits[:-1]
        return self.decimal_symbol + digits


@lru_cache(maxsize=64)
def patterns(locale: Locale) -> Patterns:
    """The :class:`Patterns` of a Babel locale, made once."""
    return Patterns(locale)
