"""Numbers written in a key result's title, read back so lint can compare them with its fields.

A title such as "Grow new MQLs from 1,000 to 1,160 a month" goes stale when
someone edits the target. :func:`disagreement` finds the numbers in a title as
its locale writes them ("1 000", "1.000", "4,5 %", "$1.4M", "US$140万",
"35 млн €") and says which field the title contradicts, if any.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from okrkit.i18n import LocaleMatch, resolve_locale
from okrkit.model import KeyResult

__all__ = ["Disagreement", "disagreement", "numbers_in"]

# Compact suffixes in the six locales (CLDR's short forms, as people type them too).
_SCALE = {
    "k": 1e3, "K": 1e3, "M": 1e6, "mn": 1e6, "mln": 1e6, "B": 1e9, "bn": 1e9,
    "тыс.": 1e3, "тыс": 1e3, "млн": 1e6, "млрд": 1e9,
    "N": 1e3, "nghìn": 1e3, "Tr": 1e6, "tr": 1e6, "triệu": 1e6, "T": 1e9, "tỷ": 1e9,
    "千": 1e3, "万": 1e4, "萬": 1e4, "百万": 1e6, "亿": 1e8, "億": 1e8,
    "tn": 1e3, "md": 1e9, "mdr": 1e9,
}  # fmt: skip
_SPACE = "[ \u00a0\u202f]"
_CJK = "|".join(sorted((k for k in _SCALE if "\u4e00" <= k[0] <= "\u9fff"), key=len, reverse=True))
_WORDS = "|".join(
    sorted(
        (re.escape(k) for k in _SCALE if not "\u4e00" <= k[0] <= "\u9fff"), key=len, reverse=True
    )
)
_NUMBER = re.compile(
    # not the 4 of "Q4" or "K4", nor digits glued to Latin letters
    rf"(?<![0-9A-Za-z_.,])(\d{{1,3}}(?:{_SPACE}\d{{3}})+(?:[.,]\d+)?|\d+(?:[.,]\d+)*)"
    rf"(?:{_SPACE}?(?:({_WORDS})(?![^\W\d_])|({_CJK})))?"
)


def _value(core: str, decimal: str) -> float | None:
    text = re.sub(_SPACE, "", core)
    group = "," if decimal == "." else "."
    if text.count(decimal) > 1:
        return None
    if group in text:
        if not re.fullmatch(
            rf"\d{{1,3}}(?:{re.escape(group)}\d{{3}})+(?:{re.escape(decimal)}\d+)?", text
        ):
            # "4.5" in a comma-decimal locale, "4,5" in English: read the mark as a decimal
            if text.count(group) == 1 and decimal not in text:
                return float(text.replace(group, "."))
            return None
        text = text.replace(group, "")
    return float(text.replace(decimal, "."))


def numbers_in(
    text: str, locale: str | LocaleMatch = "en", *, decimal: str | None = None
) -> list[tuple[int, float]]:
    """``(position, value)`` of each number in ``text`` as ``locale`` writes numbers.

    >>> numbers_in("Grow MQLs from 1,000 to 1,160 a month")
    [(15, 1000.0), (24, 1160.0)]
    >>> [v for _, v in numbers_in("Öka pipelinen från 35 mn US$ till 4,5 mn US$", "sv")]
    [35000000.0, 4500000.0]
    """
    from babel.numbers import get_decimal_symbol

    if decimal is None:
        decimal = get_decimal_symbol(resolve_locale(locale).babel)
    return [(start, value) for start, _, value in _spans(text, decimal)]


def _spans(text: str, decimal: str) -> list[tuple[int, int, float]]:
    found = []
    for m in _NUMBER.finditer(text):
        value = _value(m[1], decimal)
        if value is not None:
            found.append((m.start(), m.end(), value * _SCALE.get(m[2] or m[3] or "", 1.0)))
    return found


@dataclass(frozen=True)
class Disagreement:
    """A title's number (``said``) that contradicts the key result's ``field`` (``value``)."""

    field: str
    value: float
    said: float


def _near(a: float, b: float) -> bool:
    """Equal as a title would round it: compact money keeps 2-3 significant digits."""
    return abs(a - b) <= max(1e-9, 0.006 * max(abs(a), abs(b)))


def disagreement(kr: KeyResult, locale: str | LocaleMatch = "en") -> Disagreement | None:
    """What the title of ``kr`` gets wrong about its target or baseline, if anything.

    A title without numbers never disagrees. A title with numbers must state the
    target (or the band, or the change: "+200", "by 20 %"); the number written
    just before the target ("from 1,000 to ...") must be the baseline.
    """
    if kr.kind != "metric":
        return None
    from babel.numbers import get_decimal_symbol

    # Read the title with the locale's decimal mark, then with the other one (a title
    # copied from another language): it disagrees only if it disagrees both ways.
    mark = get_decimal_symbol(resolve_locale(locale).babel)
    found = []
    for decimal in (mark, "," if mark == "." else "."):
        numbers = _spans(kr.title, decimal)
        wrong = _disagreement(kr, numbers)
        if wrong is None:
            return None
        fields = [
            v for v in (kr.baseline, kr.target, kr.target_min, kr.target_max) if v is not None
        ]
        agreeing = sum(any(_near(n, f) for f in fields) for _, _, n in numbers)
        found.append((agreeing, wrong))
    # report the reading that gets the most numbers right: its one mistake is the news
    return max(found, key=lambda item: item[0])[1]


def _disagreement(kr: KeyResult, numbers: list[tuple[int, int, float]]) -> Disagreement | None:
    if not numbers:
        return None
    goals = [v for v in (kr.target, kr.target_min, kr.target_max) if v is not None]
    if not goals:
        return None
    accepted = list(goals)
    if kr.baseline is not None and kr.target is not None:
        change = abs(kr.target - kr.baseline)
        accepted.append(change)
        if kr.baseline:
            accepted.append(100 * change / abs(kr.baseline))
    hits = [i for i, (_, _, v) in enumerate(numbers) if any(_near(v, a) for a in accepted)]
    if not hits:
        field = "target" if kr.target is not None else "target_min"
        claimed = max((v for _, _, v in numbers), key=abs)
        return Disagreement(field, goals[0], claimed)
    if kr.baseline is None or kr.target is None:
        return None
    target_at = next((i for i in hits if _near(numbers[i][2], kr.target)), None)
    if target_at is None or target_at == 0:
        return None
    _, before_end, before = numbers[target_at - 1]
    # "from 1,000 to 1,160", "с 35 млн € до 50", "从US$80万增长至US$140万": only a short
    # connector between the two numbers makes the first one the claimed baseline
    close = numbers[target_at][0] - before_end <= 12
    if close and not _near(before, kr.baseline) and not any(_near(before, a) for a in goals):
        return Disagreement("baseline", kr.baseline, before)
    return None
