"""Scoring key results, objectives and plans as of a date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from okrkit.errors import N_, OKRError
from okrkit.model import CheckIn, KeyResult, Objective, Plan
from okrkit.period import Period
from okrkit.scoring.forecast import Forecast, _forecast_from, forecast_kr, raw_progress
from okrkit.scoring.policies import ScoringPolicy
from okrkit.scoring.presets import get_policy
from okrkit.scoring.status import Band, Status

__all__ = ["Score", "forecast", "score"]


@dataclass(frozen=True, slots=True)
class Score:
    """The score of a key result, objective or plan on a date.

    ``value`` is the bounded progress (0..1 under the default policy),
    ``progress`` the raw linear progress before floor and cap, ``expected``
    the share of the period elapsed (``None`` when the item has no period).
    ``current`` is a metric's value on the date, ``done`` a milestone's state,
    ``confidence`` the latest confidence (for objectives and plans the
    weighted mean of their parts' confidences).
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
    confidence: float | None = None
    done: bool | None = None
    item: KeyResult | Objective | Plan | None = field(default=None, repr=False, compare=False)

    @property
    def percent(self) -> float:
        """``value`` as a percentage (0..100 under the default policy)."""
        return self.value * 100.0

    @property
    def has_data(self) -> bool:
        """Whether anything was measured in this item by the scoring date."""
        return self.status not in (Status.NO_DATA, Status.NOT_STARTED)

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


def forecast(
    kr: KeyResult,
    period: Period | None,
    *,
    policy: ScoringPolicy | str | None = None,
    on: dt.date | None = None,
) -> Forecast | None:
    """Project a metric key result's value at the end of ``period``.

    Fits a least-squares line through the baseline (at the period's start) and
    every check-in dated on or before ``on`` (default: today), and reads it at
    the period's last day. ``None`` without a period, for milestones and
    threshold key results, or with fewer than two points.
    """
    if period is None or kr.resolved_direction not in ("increase", "decrease"):
        return None
    return forecast_kr(kr, period, on or dt.date.today(), get_policy(policy))


@dataclass(frozen=True, slots=True)
class _Day:
    """The scoring date against a period: the same for every key result in it."""

    on: dt.date
    period: Period | None
    expected: float | None  # share of the period elapsed; None without a period
    before: bool  # before the period starts
    ended: bool  # on or after its last day


def _day(period: Period | None, on: dt.date) -> _Day:
    if period is None:
        return _Day(on, None, None, False, False)
    return _Day(on, period, period.fraction_elapsed(on), on < period.start, on >= period.end)


def _kr_status(
    kr: KeyResult,
    dated: list[CheckIn],
    progress: float,
    linear: bool,
    day: _Day,
    pol: ScoringPolicy,
    committed: bool,
) -> Status:
    ended = day.ended
    if day.before:
        return Status.NOT_STARTED
    if not kr._measured_of(dated):
        return Status.MISSED if ended else Status.NO_DATA
    if kr.kind == "metric" and not linear:
        holds = progress >= 1.0  # a threshold: holds or not
        if ended:
            return Status.ACHIEVED if holds else Status.MISSED
        return Status.ON_TRACK if holds else Status.OFF_TRACK
    if kr.kind == "milestone" and not kr._done_of(dated) and not ended:
        return _milestone_status(kr._confidence_of(dated), day.expected, pol)
    return pol.status(progress, day.expected, ended=ended, committed=committed)


def _milestone_status(
    confidence: float | None, expected: float | None, pol: ScoringPolicy
) -> Status:
    """An open milestone: judged by the owner's latest ``confidence``; without one,
    on track until ``milestone_late`` of the period has passed, then at risk."""
    if confidence is None:
        late = expected is not None and pol.grade(expected) >= pol.milestone_late
        return Status.AT_RISK if late else Status.ON_TRACK
    if pol.reaches(confidence, pol.confident):
        return Status.ON_TRACK
    if pol.reaches(confidence, pol.unsure):
        return Status.AT_RISK
    return Status.OFF_TRACK


def _score_kr(kr: KeyResult, day: _Day, pol: ScoringPolicy, committed: bool) -> Score:
    on, period, expected = day.on, day.period, day.expected
    dated = kr.check_ins_on(on)  # once: every reading below is as of ``on``
    metric = kr.kind == "metric"
    value = kr._value_of(dated) if metric else None
    done = None if metric else kr._done_of(dated)
    progress = raw_progress(kr, value, done, pol)
    bounded = pol.bound(progress)
    linear = kr.resolved_direction in ("increase", "decrease")
    status = _kr_status(kr, dated, progress, linear, day, pol, committed)
    return Score(
        kind="key_result",
        id=kr.id,
        value=bounded,
        progress=progress,
        expected=expected,
        status=status,
        band=pol.band(bounded, status, expected),
        weight=kr.weight if pol.weighted else 1.0,
        current=value,
        forecast=_forecast_from(kr, period, dated, pol) if linear and period is not None else None,
        on=on,
        confidence=kr._confidence_of(dated),
        done=done,
        item=kr,
    )


@dataclass(frozen=True, slots=True)
class _Mean:
    value: float
    progress: float
    expected: float | None
    confidence: float | None
    forecast: Forecast | None


def _mean(parts: Sequence[Score]) -> _Mean:
    """Weighted means of a list of scores (whose weights are all above 0 together)."""
    total = sum(p.weight for p in parts)
    if total <= 0:
        return _Mean(0.0, 0.0, None, None, None)
    value = sum(p.weight * p.value for p in parts) / total
    progress = sum(p.weight * p.progress for p in parts) / total
    timed = [p for p in parts if p.expected is not None]
    timed_weight = sum(p.weight for p in timed)
    expected = (
        sum(p.weight * (p.expected or 0.0) for p in timed) / timed_weight
        if timed_weight > 0
        else None
    )
    rated = [p for p in parts if p.confidence is not None]
    rated_weight = sum(p.weight for p in rated)
    confidence = (
        sum(p.weight * (p.confidence or 0.0) for p in rated) / rated_weight
        if rated_weight > 0
        else None
    )
    projected = None
    if any(p.forecast for p in parts):
        ahead = sum(p.weight * (p.forecast.score if p.forecast else p.value) for p in parts)
        projected = Forecast(None, ahead / total)
    return _Mean(value, progress, expected, confidence, projected)


def _aggregate_status(
    parts: Sequence[Score],
    mean: _Mean,
    expected: float | None,
    span: tuple[bool, bool],
    pol: ScoringPolicy,
    committed: bool,
) -> Status:
    """Status of an objective or plan from its parts (``span`` = (before, ended))."""
    before, ended = span
    if before:
        return Status.NOT_STARTED
    measured = [p for p in parts if p.has_data]
    if not measured:
        return Status.MISSED if ended and parts else Status.NO_DATA
    if pol.objective_status == "weakest":
        counted = measured + [
            p for p in parts if p.status is Status.NO_DATA and pol.no_data_at_risk(p.expected)
        ]
        worst = max(counted, key=lambda p: pol.severity(p.status, p.expected))
        return Status.AT_RISK if worst.status is Status.NO_DATA else worst.status
    early = all(p.status is Status.ACHIEVED for p in parts)
    return pol.status(mean.value, expected, ended=ended, committed=committed, early=early)


def _empty(part: Score) -> bool:
    """An objective with nothing to score (no key results, nothing aligned): it
    scores "no data" and does not pull its parent's average down."""
    return part.kind == "objective" and not part.children


def _score_objective(
    objective: Objective,
    plan: Plan | None,
    on: dt.date,
    pol: ScoringPolicy,
    within: set[str] | None = None,
    tree: Mapping[str, Sequence[Objective]] | None = None,
) -> Score:
    period = plan.period_of(objective) if plan is not None else objective.period
    day = _day(period, on)
    expected = day.expected
    rollup = objective.rollup or pol.rollup
    if tree is None and plan is not None:
        tree = plan._aligned()  # once per walk: plan.children() checks the whole plan
    aligned = [c for c in (tree or {}).get(objective.id, ()) if within is None or c.id in within]
    parts: list[Score] = []
    if rollup in ("key_results", "both") or not aligned:  # a leaf keeps its key results
        parts.extend(_score_kr(kr, day, pol, objective.committed) for kr in objective.key_results)
    if rollup in ("children", "both"):
        parts.extend(_score_objective(c, plan, on, pol, within, tree) for c in aligned)
    counted = [p for p in parts if not _empty(p)] or parts
    mean = _mean(counted)
    status = _aggregate_status(
        counted, mean, expected, (day.before, day.ended), pol, objective.committed
    )
    return Score(
        kind="objective",
        id=objective.id,
        value=mean.value,
        progress=mean.progress,
        expected=expected,
        status=status,
        band=pol.band(mean.value, status, expected),
        weight=objective.weight if pol.weighted else 1.0,
        forecast=mean.forecast,
        children=tuple(parts),
        on=on,
        confidence=mean.confidence,
        item=objective,
    )


def _score_plan(plan: Plan, on: dt.date, pol: ScoringPolicy, period: Period | None) -> Score:
    chosen = [o for o in plan.objectives if period is None or plan.period_of(o) == period]
    within = {o.id for o in chosen}
    if pol.rollup in ("children", "both"):
        tops = [o for o in chosen if o.parent is None or o.parent not in within]
    else:
        tops = chosen
    tree = plan._aligned()
    parts = tuple(_score_objective(o, plan, on, pol, within, tree) for o in tops)
    counted = [p for p in parts if not _empty(p)] or list(parts)
    mean = _mean(counted)
    periods = [plan.period_of(o) for o in tops]
    before = bool(parts) and all(p is not None and on < p.start for p in periods)
    ended = bool(parts) and all(p is not None and on >= p.end for p in periods)
    status = _aggregate_status(counted, mean, mean.expected, (before, ended), pol, False)
    return Score(
        kind="plan",
        id=plan.title,
        value=mean.value,
        progress=mean.progress,
        expected=mean.expected,
        status=status,
        band=pol.band(mean.value, status, mean.expected),
        children=parts,
        on=on,
        confidence=mean.confidence,
        item=plan,
    )


def score(
    item: KeyResult | Objective | Plan,
    *,
    on: dt.date | None = None,
    policy: ScoringPolicy | str | None = None,
    period: Period | str | None = None,
) -> Score:
    """Score a key result, objective or plan as of date ``on`` (default: today).

    Only what is known on ``on`` counts: check-ins dated later are ignored.
    ``policy`` is a :class:`ScoringPolicy` or a name in :data:`POLICIES`.
    ``period`` gives a lone key result (or an objective without one) its time
    box; for a plan it scores only the objectives of that period.

    >>> from okrkit import KeyResult
    >>> kr = KeyResult(id="cac", title="Cut CAC", unit="currency", currency="USD",
    ...                baseline=500, target=400, current=450)
    >>> score(kr).value
    0.5
    """
    day = on or dt.date.today()
    pol = get_policy(policy)
    box = Period.parse(period) if isinstance(period, str) else period
    if isinstance(item, Plan):
        return _score_plan(item, day, pol, box)
    if isinstance(item, Objective):
        if box is not None and item.period is not None and item.period != box:
            raise OKRError.translatable(
                N_(
                    "objective {id} runs in {period}, not {box}; "
                    "score it without period= or with its own period"
                ),
                id=repr(item.id),
                period=str(item.period),
                box=str(box),
            )
        if box is not None and item.period is None:
            item = item.model_copy(update={"period": box})
        return _score_objective(item, None, day, pol)
    if isinstance(item, KeyResult):
        return _score_kr(item, _day(box, day), pol, False)
    raise TypeError(f"cannot score {type(item).__name__}; expected KeyResult, Objective or Plan")
