"""Forecasts: where a metric key result ends its period if its trend holds."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import cast

from okrkit.model import CheckIn, KeyResult
from okrkit.period import Period
from okrkit.scoring.policies import ScoringPolicy

__all__ = ["Forecast", "forecast_kr", "raw_progress"]


@dataclass(frozen=True, slots=True)
class Forecast:
    """Projected end-of-period value (for metrics) and score from the check-in trend."""

    value: float | None
    score: float
    slope_per_day: float | None = None


def raw_progress(
    kr: KeyResult, value: float | None, done: bool | None, pol: ScoringPolicy
) -> float:
    """Unbounded progress of a key result holding ``value`` (or ``done`` for milestones).

    Thresholds hold with ``>=`` / ``<=``, or ``>`` / ``<`` under a strict policy.
    """
    if kr.kind == "milestone":
        return 1.0 if done else 0.0
    if value is None:
        return 0.0
    direction = kr.resolved_direction
    if direction == "at_least":
        assert kr.target is not None
        return 1.0 if (value > kr.target if pol.strict else value >= kr.target) else 0.0
    if direction == "at_most":
        assert kr.target is not None
        return 1.0 if (value < kr.target if pol.strict else value <= kr.target) else 0.0
    if direction == "between":
        assert kr.target_min is not None and kr.target_max is not None
        inside = kr.target_min < value < kr.target_max if pol.strict else None
        if inside is None:
            inside = kr.target_min <= value <= kr.target_max
        return 1.0 if inside else 0.0
    assert kr.baseline is not None and kr.target is not None
    return (value - kr.baseline) / (kr.target - kr.baseline)


def _trend(xs: Sequence[int], ys: Sequence[float]) -> tuple[float, float] | None:
    """Least-squares line ``(slope, intercept)`` through the points ``(xs[i], ys[i])``."""
    n = len(xs)
    if n < 2:
        return None
    mean_x = sum(xs) / n
    mean_y = sum(ys) / n
    sxx = sxy = 0.0
    for x, y in zip(xs, ys, strict=False):
        dx = x - mean_x
        sxx += dx * dx
        sxy += dx * (y - mean_y)
    if sxx == 0:
        return None
    slope = sxy / sxx
    return slope, mean_y - slope * mean_x


def forecast_kr(kr: KeyResult, period: Period, on: dt.date, pol: ScoringPolicy) -> Forecast | None:
    """The trend forecast of a linear metric key result, from the history up to ``on``.

    A least-squares line through the baseline (at the period's start) and every
    check-in dated on or before ``on``, read at the period's last day; ``None``
    with fewer than two points.
    """
    return _forecast_from(kr, period, kr.check_ins_on(on), pol)


def _forecast_from(
    kr: KeyResult, period: Period, dated: Sequence[CheckIn], pol: ScoringPolicy
) -> Forecast | None:
    """:func:`forecast_kr` from the check-ins of the date (``kr.check_ins_on(on)``)."""
    start = period.start
    values = [c.value for c in dated]
    if None in values:  # values computed from inputs (or none): read each, keep those with one
        pairs = [(c, kr.check_in_value(c)) for c in dated]
        dated = [c for c, value in pairs if value is not None]
        ys = [value for _, value in pairs if value is not None]
    else:
        ys = cast("list[float]", values)  # every check-in records its value
    xs = [(c.date - start).days for c in dated]
    if kr.baseline is not None:  # the baseline stands at the period's start
        xs.insert(0, 0)
        ys.insert(0, kr.baseline)
    line = _trend(xs, ys)
    if line is None:
        return None
    slope, intercept = line
    projected = slope * (period.end - start).days + intercept
    return Forecast(projected, pol.bound(raw_progress(kr, projected, None, pol)), slope)
