"""Scoring: progress, expected progress, status, colour bands, roll-ups, forecasts.

How a key result scores (before the policy's floor and cap):

* ``increase`` / ``decrease`` metrics: linear progress
  ``(value - baseline) / (target - baseline)``; the same formula serves both
  directions, so a cost going from 50 to 40 with target 30 is at 0.5.
* ``at_least`` / ``at_most`` / ``between``: 1.0 while the value holds the
  threshold or band, else 0.0.
* milestones: 1.0 when done, else 0.0.

An objective scores the weighted mean of its key results (and, by policy, of the
objectives aligned to it); a plan the weighted mean of its objectives.

Expected progress is the fraction of the period elapsed on the scoring date
(:meth:`okrkit.Period.fraction_elapsed`). Status compares progress with it:

===============  ============================================================
``not_started``  before the period, or nothing measured yet
``achieved``     progress reached 1.0 (or, at the period's end, the success
                 mark: 1.0, or 0.7 for aspirational objectives under Google's
                 grading)
``missed``       the period is over and the success mark was not reached
``on_track``     progress >= ``on_track`` x expected (default 0.9)
``at_risk``      progress >= ``at_risk`` x expected (default 0.7)
``off_track``    below that
===============  ============================================================

Thresholds are inclusive unless the policy is ``strict``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import Literal, TypeAlias

from okrkit.errors import OKRError
from okrkit.model import KeyResult, Objective, Plan
from okrkit.period import Period

__all__ = [
    "POLICIES",
    "Band",
    "Forecast",
    "Rollup",
    "Score",
    "ScoringPolicy",
    "Status",
    "forecast",
    "get_policy",
    "score",
]

Rollup: TypeAlias = Literal["key_results", "children", "both"]


class Status(str, Enum):
    """Where an item stands against the time elapsed."""

    NOT_STARTED = "not_started"
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    OFF_TRACK = "off_track"
    ACHIEVED = "achieved"
    MISSED = "missed"

    def __str__(self) -> str:
        return self.value


class Band(str, Enum):
    """A traffic-light colour for a score; ``grey`` when nothing started yet."""

    GREEN = "green"
    YELLOW = "yellow"
    RED = "red"
    GREY = "grey"

    def __str__(self) -> str:
        return self.value


# From best to worst, for "weakest key result" objective status.
_SEVERITY = {
    Status.ACHIEVED: 0,
    Status.ON_TRACK: 1,
    Status.NOT_STARTED: 2,
    Status.AT_RISK: 3,
    Status.OFF_TRACK: 4,
    Status.MISSED: 5,
}

_STATUS_BAND = {
    Status.ACHIEVED: Band.GREEN,
    Status.ON_TRACK: Band.GREEN,
    Status.AT_RISK: Band.YELLOW,
    Status.OFF_TRACK: Band.RED,
    Status.MISSED: Band.RED,
    Status.NOT_STARTED: Band.GREY,
}


@dataclass(frozen=True)
class ScoringPolicy:
    """How scores are bounded, rolled up, and turned into statuses and colours.

    Attributes:
        name: short id (``okrkit score --policy NAME``).
        description: one line for people.
        cap: highest score; ``None`` allows over-achievement (1.3 = 130 %).
        floor: lowest score; ``None`` lets progress go negative when a metric
            moves the wrong way.
        rollup: what an objective averages: its ``key_results`` (default), the
            objectives aligned to it (``children``), or ``both``.
        on_track: progress / expected at or above which an item is on track.
        at_risk: progress / expected at or above which it is at risk (else off track).
        strict: compare thresholds with ``>`` instead of ``>=``.
        band_by: colour from the ``status`` (default) or from the ``score``
            alone with ``red_below`` / ``yellow_below`` (Google's grading).
        red_below: scores below this are red when ``band_by="score"``.
        yellow_below: scores below this (and not red) are yellow; the rest green.
        objective_status: an objective's status follows its ``score``
            (default) or its ``weakest`` key result.
        committed_success: score a committed objective must reach by the end.
        aspirational_success: score an aspirational objective must reach.
        confident: a milestone not yet done is on track while its latest
            check-in's confidence is at or above this (or has none).
        unsure: ... at risk at or above this, else off track.
    """

    name: str = "default"
    description: str = "Linear, capped to 0..1, key results only, status against time elapsed."
    cap: float | None = 1.0
    floor: float | None = 0.0
    rollup: Rollup = "key_results"
    on_track: float = 0.9
    at_risk: float = 0.7
    strict: bool = False
    band_by: Literal["status", "score"] = "status"
    red_below: float = 0.4
    yellow_below: float = 0.7
    objective_status: Literal["score", "weakest"] = "score"
    committed_success: float = 1.0
    aspirational_success: float = 1.0
    confident: float = 0.7
    unsure: float = 0.4

    def __post_init__(self) -> None:
        if self.cap is not None and self.floor is not None and self.cap <= self.floor:
            raise OKRError(f"policy {self.name!r}: cap {self.cap} must be above floor {self.floor}")
        if not 0 <= self.at_risk <= self.on_track:
            raise OKRError(f"policy {self.name!r}: expected 0 <= at_risk <= on_track")
        if not self.red_below <= self.yellow_below:
            raise OKRError(f"policy {self.name!r}: expected red_below <= yellow_below")

    def bound(self, progress: float) -> float:
        """Apply the floor and the cap to raw progress."""
        if self.floor is not None and progress < self.floor:
            progress = self.floor
        if self.cap is not None and progress > self.cap:
            progress = self.cap
        return progress

    def _ge(self, a: float, b: float) -> bool:
        return a > b if self.strict else a >= b

    def success_mark(self, committed: bool) -> float:
        """The end-of-period score that counts as achieved."""
        return self.committed_success if committed else self.aspirational_success

    def status(
        self,
        progress: float,
        expected: float | None,
        *,
        started: bool = True,
        ended: bool = False,
        committed: bool = False,
    ) -> Status:
        """Status of ``progress`` (0..1 scale) against ``expected`` progress."""
        mark = self.success_mark(committed)
        if progress >= 1.0 or (ended and progress >= mark):
            return Status.ACHIEVED
        if ended:
            return Status.MISSED
        if not started or expected is None or expected <= 0.0:
            return Status.NOT_STARTED
        ratio = progress / expected
        if self._ge(ratio, self.on_track):
            return Status.ON_TRACK
        if self._ge(ratio, self.at_risk):
            return Status.AT_RISK
        return Status.OFF_TRACK

    def band(self, value: float, status: Status) -> Band:
        """Colour band of a score."""
        if self.band_by == "status":
            return _STATUS_BAND[status]
        if value < self.red_below:  # half-open bands: [0, 0.4) red, [0.4, 0.7) yellow
            return Band.RED
        if value < self.yellow_below:
            return Band.YELLOW
        return Band.GREEN


#: Named scoring policies. ``okrkit score --policy NAME`` picks one.
POLICIES: dict[str, ScoringPolicy] = {
    p.name: p
    for p in (
        ScoringPolicy(),
        ScoringPolicy(
            name="google",
            description=(
                "Google's grading: 0.0-1.0, red below 0.4, yellow below 0.7, green from 0.7; "
                "0.7 is success for aspirational objectives, 1.0 for committed ones."
            ),
            band_by="score",
            aspirational_success=0.7,
            committed_success=1.0,
        ),
        ScoringPolicy(
            name="stretch",
            description=(
                "Over-achievement counts (no cap) and so does going backwards (no floor): "
                "the raw linear progress."
            ),
            cap=None,
            floor=None,
        ),
        ScoringPolicy(
            name="aligned",
            description="Objectives average their key results and the objectives aligned to them.",
            rollup="both",
        ),
        ScoringPolicy(
            name="weakest-link",
            description=(
                "An objective's status is its weakest key result's; thresholds are strict."
            ),
            objective_status="weakest",
            strict=True,
        ),
    )
}


def get_policy(policy: ScoringPolicy | str | None) -> ScoringPolicy:
    """Resolve a policy object or name; ``None`` is the default policy."""
    if policy is None:
        return POLICIES["default"]
    if isinstance(policy, ScoringPolicy):
        return policy
    try:
        return POLICIES[policy]
    except KeyError:
        raise OKRError(
            f"unknown scoring policy {policy!r}; expected one of: {', '.join(POLICIES)}"
        ) from None


@dataclass(frozen=True, slots=True)
class Forecast:
    """Projected end-of-period value (for metrics) and score from the check-in trend."""

    value: float | None
    score: float
    slope_per_day: float | None = None


@dataclass(frozen=True, slots=True)
class Score:
    """The score of a key result, objective or plan on a date.

    ``value`` is the bounded progress (0..1 under the default policy),
    ``progress`` the raw linear progress before floor and cap, ``expected``
    the share of the period elapsed (``None`` when the item has no period).
    """

    kind: Literal["key_result", "objective", "plan"]
    id: str | None
    value: float
    progress: float
    expected: float | None
    status: Status
    band: Band
    weight: float = 1.0
    current: float | None = None
    forecast: Forecast | None = None
    children: tuple[Score, ...] = ()
    on: dt.date | None = None
    item: KeyResult | Objective | Plan | None = field(default=None, repr=False, compare=False)

    @property
    def percent(self) -> float:
        """``value`` as a percentage (0..100 under the default policy)."""
        return self.value * 100.0

    def find(self, item_id: str, kind: str | None = None) -> Score | None:
        """The first score in this tree (depth-first) whose id is ``item_id``
        (and whose ``kind`` is ``kind``, when given)."""
        if self.id == item_id and kind in (None, self.kind):
            return self
        for child in self.children:
            found = child.find(item_id, kind)
            if found is not None:
                return found
        return None


def _raw_progress(kr: KeyResult, value: float | None) -> float:
    """Unbounded progress of a key result holding ``value``."""
    if kr.kind == "milestone":
        return 1.0 if kr.is_done else 0.0
    if value is None:
        return 0.0
    direction = kr.resolved_direction
    if direction == "at_least":
        assert kr.target is not None
        return 1.0 if value >= kr.target else 0.0
    if direction == "at_most":
        assert kr.target is not None
        return 1.0 if value <= kr.target else 0.0
    if direction == "between":
        assert kr.target_min is not None and kr.target_max is not None
        return 1.0 if kr.target_min <= value <= kr.target_max else 0.0
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


def forecast(
    kr: KeyResult, period: Period | None, *, policy: ScoringPolicy | str | None = None
) -> Forecast | None:
    """Project a metric key result's value at the end of ``period``.

    Fits a least-squares line through the baseline (at the period's start) and
    every check-in value, and reads it at the period's last day. Returns
    ``None`` without a period, for milestones and threshold key results, or
    with fewer than two dated points.
    """
    pol = get_policy(policy)
    if (
        period is None
        or kr.kind == "milestone"
        or kr.resolved_direction
        not in (
            "increase",
            "decrease",
        )
    ):
        return None
    return _forecast(kr, period, pol)


def _forecast(kr: KeyResult, period: Period, pol: ScoringPolicy) -> Forecast | None:
    """:func:`forecast` for a metric key result with a baseline and target."""
    start = period.start
    baseline = kr.baseline
    xs: list[int] = [] if baseline is None else [0]
    ys: list[float] = [] if baseline is None else [baseline]
    for check_in in kr.check_ins:
        value = check_in.value
        if value is None:
            value = kr.check_in_value(check_in)
            if value is None:
                continue
        xs.append((check_in.date - start).days)
        ys.append(value)
    line = _trend(xs, ys)
    if line is None:
        return None
    slope, intercept = line
    projected = slope * (period.end - start).days + intercept
    return Forecast(projected, pol.bound(_raw_progress(kr, projected)), slope)


def _score_kr(
    kr: KeyResult,
    period: Period | None,
    on: dt.date,
    pol: ScoringPolicy,
    committed: bool,
    expected: float | None,
) -> Score:
    metric = kr.kind == "metric"
    value = kr.value if metric else None
    progress = _raw_progress(kr, value)
    bounded = pol.bound(progress)
    ended = period is not None and on >= period.end
    started = (period is None or on >= period.start) and kr.measured
    direction = kr.resolved_direction
    linear = direction == "increase" or direction == "decrease"
    if metric and not linear:
        status = _threshold_status(progress, value, started, ended)
    elif not metric and not kr.is_done and not ended:
        status = _milestone_status(kr, started, pol)
    else:
        status = pol.status(progress, expected, started=started, ended=ended, committed=committed)
    return Score(
        kind="key_result",
        id=kr.id,
        value=bounded,
        progress=progress,
        expected=expected,
        status=status,
        band=pol.band(bounded, status),
        weight=kr.weight,
        current=value,
        forecast=_forecast(kr, period, pol) if linear and period is not None else None,
        on=on,
        item=kr,
    )


def _threshold_status(progress: float, value: float | None, started: bool, ended: bool) -> Status:
    if value is None or not started:
        return Status.MISSED if ended else Status.NOT_STARTED
    if ended:
        return Status.ACHIEVED if progress >= 1.0 else Status.MISSED
    return Status.ON_TRACK if progress >= 1.0 else Status.OFF_TRACK


def _milestone_status(kr: KeyResult, started: bool, pol: ScoringPolicy) -> Status:
    """A milestone not yet done: judged by the owner's latest confidence, if any."""
    latest = kr.latest_check_in()
    if latest is None or not started:
        return Status.NOT_STARTED
    if latest.confidence is None or pol._ge(latest.confidence, pol.confident):
        return Status.ON_TRACK
    if pol._ge(latest.confidence, pol.unsure):
        return Status.AT_RISK
    return Status.OFF_TRACK


def _weighted(children: Iterable[Score]) -> tuple[float, float, float | None, bool]:
    """Weighted mean of (value, progress, expected) and whether any child started."""
    total = value = progress = expected = 0.0
    expected_weight = 0.0
    started = False
    for child in children:
        w = child.weight
        total += w
        value += w * child.value
        progress += w * child.progress
        if child.expected is not None:
            expected += w * child.expected
            expected_weight += w
        started = started or child.status is not Status.NOT_STARTED
    if total <= 0:
        return 0.0, 0.0, None, started
    exp = expected / expected_weight if expected_weight > 0 else None
    return value / total, progress / total, exp, started


def _score_objective(
    objective: Objective,
    plan: Plan | None,
    on: dt.date,
    pol: ScoringPolicy,
) -> Score:
    period = plan.period_of(objective) if plan is not None else objective.period
    expected = period.fraction_elapsed(on) if period is not None else None
    parts: list[Score] = []
    if pol.rollup in ("key_results", "both"):
        parts.extend(
            _score_kr(kr, period, on, pol, objective.committed, expected)
            for kr in objective.key_results
        )
    if pol.rollup in ("children", "both") and plan is not None:
        parts.extend(_score_objective(c, plan, on, pol) for c in plan.children(objective))
    value, progress, _, started = _weighted(parts)
    ended = period is not None and on >= period.end
    if pol.objective_status == "weakest" and parts:
        status = max((p.status for p in parts), key=_SEVERITY.__getitem__)
    else:
        status = pol.status(
            value, expected, started=started, ended=ended, committed=objective.committed
        )
    total_weight = sum(p.weight for p in parts)
    projected = None
    if total_weight > 0 and any(p.forecast for p in parts):
        ahead = sum(p.weight * (p.forecast.score if p.forecast else p.value) for p in parts)
        projected = Forecast(None, ahead / total_weight)
    return Score(
        kind="objective",
        id=objective.id,
        value=value,
        progress=progress,
        expected=expected,
        status=status,
        band=pol.band(value, status),
        weight=objective.weight,
        forecast=projected,
        children=tuple(parts),
        on=on,
        item=objective,
    )


def _score_plan(plan: Plan, on: dt.date, pol: ScoringPolicy) -> Score:
    tops = plan.roots() if pol.rollup in ("children", "both") else plan.objectives
    parts = tuple(_score_objective(o, plan, on, pol) for o in tops)
    value, progress, expected, started = _weighted(parts)
    ended = bool(parts) and all((p := plan.period_of(o)) is not None and on >= p.end for o in tops)
    status = pol.status(value, expected, started=started, ended=ended)
    return Score(
        kind="plan",
        id=plan.title,
        value=value,
        progress=progress,
        expected=expected,
        status=status,
        band=pol.band(value, status),
        children=parts,
        on=on,
        item=plan,
    )


def score(
    item: KeyResult | Objective | Plan,
    *,
    on: dt.date | None = None,
    policy: ScoringPolicy | str | None = None,
    period: Period | None = None,
) -> Score:
    """Score a key result, objective or plan on date ``on`` (default: today).

    ``policy`` is a :class:`ScoringPolicy` or a name in :data:`POLICIES`.
    ``period`` gives a lone key result (or an objective without one) its time box.

    >>> from okrkit import KeyResult
    >>> kr = KeyResult(id="cac", title="Cut CAC", unit="currency", currency="USD",
    ...                baseline=500, target=400, current=450)
    >>> score(kr).value
    0.5
    """
    day = on or dt.date.today()
    pol = get_policy(policy)
    if isinstance(item, Plan):
        return _score_plan(item, day, pol)
    if isinstance(item, Objective):
        if period is not None and item.period is None:
            item = item.model_copy(update={"period": period})
        return _score_objective(item, None, day, pol)
    if isinstance(item, KeyResult):
        expected = period.fraction_elapsed(day) if period is not None else None
        return _score_kr(item, period, day, pol, False, expected)
    raise TypeError(f"cannot score {type(item).__name__}; expected KeyResult, Objective or Plan")
