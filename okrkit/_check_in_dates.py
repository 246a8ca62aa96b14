"""When a check-in's date is acceptable: the one rule that ``okrkit lint`` reports
(``check-in-outside-period``) and ``okrkit checkin`` enforces unless forced.

A check-in must be dated within its objective's check-in window (the period, plus
:data:`~okrkit.model.CHECK_IN_GRACE_DAYS` after its end for the final measurement)
and not after "today" (the date the plan is judged on). A date outside the window
is reported as that, even when it is also in the future.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal, TypeAlias

from okrkit.model import check_in_window
from okrkit.period import Period

__all__ = ["CheckInDateProblem", "Problem", "check_in_date_problem"]

#: What is wrong with a check-in's date.
Problem: TypeAlias = Literal["outside-period", "future"]


@dataclass(frozen=True, slots=True)
class CheckInDateProblem:
    """Why check-in date ``day`` is refused: ``kind``, with the window (``first`` to
    ``last``) of ``period`` for ``outside-period`` and the judging date ``on``."""

    kind: Problem
    day: dt.date
    on: dt.date
    period: Period | None = None
    first: dt.date | None = None
    last: dt.date | None = None


def check_in_date_problem(
    day: dt.date, period: Period | None, on: dt.date
) -> CheckInDateProblem | None:
    """The problem with a check-in dated ``day`` in ``period`` judged on ``on``, or None.

    >>> import datetime as dt
    >>> q4 = Period.parse("2026-Q4")
    >>> check_in_date_problem(dt.date(2026, 11, 20), q4, on=dt.date(2026, 12, 1)) is None
    True
    >>> check_in_date_problem(dt.date(2027, 3, 1), q4, on=dt.date(2027, 3, 2)).kind
    'outside-period'
    >>> check_in_date_problem(dt.date(2026, 12, 5), q4, on=dt.date(2026, 12, 1)).kind
    'future'
    """
    if period is not None:
        first, last = check_in_window(period)
        if not first <= day <= last:
            return CheckInDateProblem("outside-period", day, on, period, first, last)
    if day > on:
        return CheckInDateProblem("future", day, on, period)
    return None
