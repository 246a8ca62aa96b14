"""OKR periods: calendar quarters, halves, years, months and custom date ranges.

A :class:`Period` is written in plan files as a short string:

====================  ===========================================
``"2026-Q3"``         third quarter of 2026 (1 July - 30 September)
``"2026-H1"``         first half of 2026
``"2026"``            the calendar year 2026
``"2026-03"``         March 2026
``"2026-01-15..2026-04-14"``  a custom range (both days included)
====================  ===========================================

or as a mapping ``{start: 2026-01-15, end: 2026-04-14}``.

Elapsed time is counted in whole days at the *end* of the day: on the first day
of a 92-day quarter ``fraction_elapsed`` is ``1/92``, on its last day ``1.0``,
before it ``0.0`` and after it ``1.0``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import lru_cache
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    GetJsonSchemaHandler,
    model_serializer,
    model_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema

from okrkit.errors import N_, Message, PeriodError

__all__ = ["Period", "PeriodKind"]

PeriodKind = Literal["quarter", "half", "year", "month", "custom"]

_QUARTER = re.compile(r"^(\d{4})-?Q([1-4])$", re.IGNORECASE)
_HALF = re.compile(r"^(\d{4})-?H([12])$", re.IGNORECASE)
_YEAR = re.compile(r"^(\d{4})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_RANGE = re.compile(r"^(\d{4}-\d{2}-\d{2})\s*(?:\.\.|/)\s*(\d{4}-\d{2}-\d{2})$")

_EXPECTED = N_(
    "expected a period such as '2026-Q3', '2026-H1', '2026', '2026-03', "
    "'2026-01-15..2026-04-14' or {start: ..., end: ...}"
)


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


@lru_cache(maxsize=4096)
def _parse(text: str) -> tuple[dt.date, dt.date, str, int, int]:
    """Parse a period string to (start, end, kind, year, index)."""
    s = text.strip()
    if m := _QUARTER.match(s):
        year, q = int(m[1]), int(m[2])
        first = 3 * (q - 1) + 1
        return dt.date(year, first, 1), _month_end(year, first + 2), "quarter", year, q
    if m := _HALF.match(s):
        year, h = int(m[1]), int(m[2])
        first = 6 * (h - 1) + 1
        return dt.date(year, first, 1), _month_end(year, first + 5), "half", year, h
    if m := _YEAR.match(s):
        year = int(m[1])
        return dt.date(year, 1, 1), dt.date(year, 12, 31), "year", year, 1
    if m := _MONTH.match(s):
        year, month = int(m[1]), int(m[2])
        if not 1 <= month <= 12:
            raise PeriodError.translatable(
                N_("{period}: month {month} is not 01-12"), period=repr(text), month=str(month)
            )
        return dt.date(year, month, 1), _month_end(year, month), "month", year, month
    if m := _RANGE.match(s):
        try:
            start, end = dt.date.fromisoformat(m[1]), dt.date.fromisoformat(m[2])
        except ValueError as exc:
            # Translators: {reason} is Python's English description, such as
            # "day is out of range for month".
            raise PeriodError.translatable(
                N_("{period}: {reason}"), period=repr(text), reason=str(exc)
            ) from None
        return start, end, "custom", start.year, 0
    raise PeriodError.translatable(
        N_("{period} is not a period; {expected}"), period=repr(text), expected=Message(_EXPECTED)
    )


class Period(BaseModel):
    """A time box for objectives: a quarter, half, year, month or custom range.

    >>> q = Period.parse("2026-Q3")
    >>> q.start, q.end, q.kind
    (datetime.date(2026, 7, 1), datetime.date(2026, 9, 30), 'quarter')
    >>> q.fraction_elapsed(dt.date(2026, 8, 15))
    0.5
    >>> str(q)
    '2026-Q3'
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    start: dt.date
    end: dt.date
    kind: PeriodKind = "custom"

    @model_validator(mode="before")
    @classmethod
    def _coerce(cls, data: Any) -> Any:
        if isinstance(data, Period):
            return data
        if isinstance(data, int) and not isinstance(data, bool):
            data = str(data)
        if isinstance(data, str):
            start, end, kind, _, _ = _parse(data)
            return {"start": start, "end": end, "kind": kind}
        if isinstance(data, dict) and "kind" not in data:
            return {**data, "kind": "custom"}
        return data

    @model_validator(mode="after")
    def _check(self) -> Period:
        if self.end < self.start:
            raise PeriodError.translatable(
                N_("end {end} is before start {start}"),
                end=self.end.isoformat(),
                start=self.start.isoformat(),
            )
        return self

    @model_serializer(mode="plain")
    def _serialize(self) -> str | dict[str, str]:
        if self.kind == "custom":
            return {"start": self.start.isoformat(), "end": self.end.isoformat()}
        return str(self)

    @classmethod
    def __get_pydantic_json_schema__(
        cls, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {
            "title": "Period",
            "description": "A quarter ('2026-Q3'), half ('2026-H1'), year ('2026'), month "
            "('2026-03'), range ('2026-01-15..2026-04-14') or {start, end}.",
            "anyOf": [
                {
                    "type": "string",
                    "pattern": r"^(\d{4}(-?[Qq][1-4]|-?[Hh][12]|-\d{2})?|"
                    r"\d{4}-\d{2}-\d{2}\s*(\.\.|/)\s*\d{4}-\d{2}-\d{2})$",
                },
                {"type": "integer", "minimum": 1000, "maximum": 9999},
                {
                    "type": "object",
                    "properties": {
                        "start": {"type": "string", "format": "date"},
                        "end": {"type": "string", "format": "date"},
                    },
                    "required": ["start", "end"],
                    "additionalProperties": False,
                },
            ],
        }

    @classmethod
    def parse(cls, text: str | int) -> Period:
        """Parse ``"2026-Q3"``, ``"2026-H1"``, ``"2026"``, ``"2026-03"`` or ``"a..b"``."""
        start, end, kind, _, _ = _parse(str(text))
        return cls(start=start, end=end, kind=kind)

    @classmethod
    def quarter(cls, year: int, quarter: int) -> Period:
        """The calendar quarter ``quarter`` (1-4) of ``year``."""
        if not 1 <= quarter <= 4:
            raise PeriodError.translatable(N_("quarter {quarter} is not 1-4"), quarter=str(quarter))
        return cls.parse(f"{year}-Q{quarter}")

    @classmethod
    def containing(cls, day: dt.date, kind: PeriodKind = "quarter") -> Period:
        """The calendar quarter (half, year or month) that contains ``day``."""
        if kind == "quarter":
            return cls.parse(f"{day.year}-Q{(day.month - 1) // 3 + 1}")
        if kind == "half":
            return cls.parse(f"{day.year}-H{1 if day.month <= 6 else 2}")
        if kind == "year":
            return cls.parse(str(day.year))
        if kind == "month":
            return cls.parse(f"{day.year}-{day.month:02d}")
        raise PeriodError.translatable(
            N_("cannot derive a {kind} period from a date"), kind=repr(kind)
        )

    @property
    def year(self) -> int:
        """The year the period starts in."""
        return self.start.year

    @property
    def index(self) -> int:
        """The quarter (1-4), half (1-2) or month (1-12) number; 0 for years and ranges."""
        if self.kind == "quarter":
            return (self.start.month - 1) // 3 + 1
        if self.kind == "half":
            return 1 if self.start.month == 1 else 2
        if self.kind == "month":
            return self.start.month
        return 0

    @property
    def days(self) -> int:
        """Length in days, both ends included."""
        return (self.end - self.start).days + 1

    def contains(self, day: dt.date) -> bool:
        """Whether ``day`` falls inside the period."""
        return self.start <= day <= self.end

    def fraction_elapsed(self, on: dt.date) -> float:
        """Share of the period that has passed at the end of day ``on``, in 0..1."""
        if on < self.start:
            return 0.0
        if on >= self.end:
            return 1.0
        return ((on - self.start).days + 1) / self.days

    def __str__(self) -> str:
        if self.kind == "quarter":
            return f"{self.year}-Q{self.index}"
        if self.kind == "half":
            return f"{self.year}-H{self.index}"
        if self.kind == "year":
            return str(self.year)
        if self.kind == "month":
            return f"{self.year}-{self.index:02d}"
        return f"{self.start.isoformat()}..{self.end.isoformat()}"

    def __lt__(self, other: Period) -> bool:
        return (self.start, self.end) < (other.start, other.end)
