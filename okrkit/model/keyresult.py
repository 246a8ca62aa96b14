"""Check-ins and key results, with their as-of values."""

from __future__ import annotations

import datetime as dt
from functools import partial
from itertools import repeat
from operator import attrgetter, is_not
from typing import Annotated, Any, ClassVar

from pydantic import (
    BeforeValidator,
    Field,
    model_validator,
)

from okrkit.errors import N_, field_error
from okrkit.measure.spec import Measure
from okrkit.model._base import (
    Cadence,
    CheckedId,
    Direction,
    DurationUnit,
    Indicator,
    KeyResultKind,
    Tag,
    Unit,
    _Date,
    _Model,
    _new_list,
    _Number,
    _serialize_number,
    _upper,
    share_fields_sets,
)

_is_str = str.__instancecheck__
_value = attrgetter("value")
_date = attrgetter("date")
_done = attrgetter("done")
_is_set = partial(is_not, None)


class Provenance(_Model):
    """Where a measured check-in's number came from: written by ``okrkit measure``.

    ``source`` describes the source (``sql:crm``, ``csv:exports/ga4-*.csv``...);
    ``fetched_at`` is when it was read (an aware UTC time).
    """

    source: Annotated[str, Field(min_length=1)]
    fetched_at: dt.datetime


class CheckIn(_Model):
    """One progress update of a key result.

    ``value`` for metric key results, ``done`` for milestones. ``confidence``
    is the owner's probability (0..1) of reaching the target by the period's
    end. ``inputs`` are raw numbers from which the value is computed when the
    key result names a ``metric`` (for example NPS from survey counts).
    """

    date: _Date
    value: _Number | None = None
    done: bool | None = None
    confidence: Annotated[float, Field(ge=0.0, le=1.0)] | None = None
    note: str | None = None
    author: str | None = None
    inputs: dict[str, _Number] | None = None
    provenance: Provenance | None = None


class KeyResult(_Model):
    """A measurable result: a metric moving from baseline to target, or a milestone.

    >>> kr = KeyResult(id="mql", title="Grow MQLs", baseline=400, target=600, current=500)
    >>> kr.resolved_direction, kr.value
    ('increase', 500.0)
    """

    id: CheckedId
    title: Annotated[str, Field(min_length=1)]
    kind: KeyResultKind = "metric"
    unit: Unit = "count"
    currency: Annotated[str, BeforeValidator(_upper)] | None = None
    duration_unit: DurationUnit | None = None
    direction: Direction | None = None
    baseline: _Number | None = None
    target: _Number | None = None
    target_min: _Number | None = None
    target_max: _Number | None = None
    current: _Number | None = None
    done: bool | None = None
    weight: Annotated[float, Field(ge=0.0, allow_inf_nan=False)] = 1.0
    owner: str | None = None
    #: Who reports the number at each check-in (a role such as "Marketing
    #: operations manager", or a person); ``owner`` is who is accountable for it.
    reporter: str | None = None
    indicator: Indicator = "lagging"
    source: str | None = None
    cadence: Cadence | None = None
    tags: list[Tag] = Field(default_factory=_new_list)
    metric: str | None = None
    measure: Measure | None = None
    check_ins: list[CheckIn] = Field(default_factory=_new_list)

    _NUMERIC: ClassVar[tuple[str, ...]] = (
        "baseline",
        "target",
        "target_min",
        "target_max",
        "current",
    )

    @model_validator(mode="before")
    @classmethod
    def _percent_only_for_percent(cls, data: Any) -> Any:
        if not isinstance(data, dict) or data.get("unit", "count") == "percent":
            return data
        # Only text can be a percent: look for any at C speed (no Python loop per
        # value) and read the values one by one only when there is some.
        if any(map(_is_str, map(data.get, cls._NUMERIC))):
            cls._percent_in_fields(data)
        check_ins = data.get("check_ins")
        if isinstance(check_ins, list) and check_ins:
            try:
                text = any(map(_is_str, map(dict.get, check_ins, repeat("value"))))
            except TypeError:  # an item that is not a mapping: look at each
                text = True
            if text:
                cls._percent_in_check_ins(data, check_ins)
        return data

    @classmethod
    def _percent_in_fields(cls, data: dict[str, Any]) -> None:
        for name in cls._NUMERIC:
            value = data.get(name)
            if isinstance(value, str) and value.strip().endswith("%"):
                raise field_error(
                    None,
                    N_(
                        "{field} is written as a percent ({value}) but unit is {unit}; "
                        "set unit: percent or drop the '%'"
                    ),
                    field=name,
                    value=repr(value),
                    unit=repr(data.get("unit", "count")),
                )

    @staticmethod
    def _percent_in_check_ins(data: dict[str, Any], check_ins: list[Any]) -> None:
        for i, check_in in enumerate(check_ins):
            value = check_in.get("value") if isinstance(check_in, dict) else None
            if isinstance(value, str) and value.strip().endswith("%"):
                raise field_error(
                    f"check_ins[{i}].value",
                    N_(
                        "written as a percent ({value}) but unit is {unit}; "
                        "give the value as a plain number"
                    ),
                    value=repr(value),
                    unit=repr(data.get("unit", "count")),
                )

    @model_validator(mode="after")
    def _check(self) -> KeyResult:
        share_fields_sets(self.check_ins)
        if self.kind == "milestone":
            for name in self._NUMERIC:
                if getattr(self, name) is not None:
                    raise field_error(
                        name,
                        N_(
                            "a milestone is done or not and has no numbers; "
                            "use kind: metric for a numeric key result"
                        ),
                    )
            if self.direction is not None or self.metric is not None:
                raise field_error(None, N_("a milestone has no direction or metric"))
            if self.measure is not None:
                raise field_error(
                    "measure",
                    N_(
                        "a milestone is done or not; only metric key results measure "
                        "themselves (record a milestone with okrkit checkin --done)"
                    ),
                )
            for i, check_in in enumerate(self.check_ins):
                if check_in.value is not None or check_in.done is None:
                    raise field_error(
                        f"check_ins[{i}]", N_("a milestone check-in records done: true/false")
                    )
            return self
        if self.done is not None:
            raise field_error("done", N_("only milestones are done; a metric has a current value"))
        self._check_unit()
        self._check_direction()
        check_ins = self.check_ins
        # At C speed: every check-in has a value and none is marked done (the usual
        # case); else look at each to name the first that is wrong.
        if None in map(_value, check_ins) or any(map(_is_set, map(_done, check_ins))):
            for i, check_in in enumerate(check_ins):
                if check_in.done is not None:
                    raise field_error(
                        f"check_ins[{i}]", N_("a metric check-in records a value, not done")
                    )
                if check_in.value is None and not (check_in.inputs and self.metric):
                    raise field_error(
                        f"check_ins[{i}]", N_("expected a value (or inputs for the metric)")
                    )
        if self.metric is not None:
            from okrkit import metrics

            if self.metric not in metrics.names():
                raise field_error(
                    "metric",
                    N_("unknown metric {metric}; expected one of {metrics}"),
                    metric=repr(self.metric),
                    metrics=", ".join(metrics.names()),
                )
            if metrics.unit_of(self.metric) != self.unit:
                raise field_error(
                    "unit",
                    N_("metric {metric} is measured in {measured}, but unit is {unit}"),
                    metric=repr(self.metric),
                    measured=metrics.unit_of(self.metric),
                    unit=self.unit,
                )
        return self

    def _check_unit(self) -> None:
        if self.unit == "currency":
            if not self.currency:
                raise field_error(
                    "currency", N_("unit currency needs an ISO 4217 code such as USD")
                )
            if self.currency not in _currencies():
                raise field_error(
                    "currency",
                    N_("{currency} is not an ISO 4217 currency code"),
                    currency=repr(self.currency),
                )
        elif self.currency is not None:
            raise field_error(
                "currency",
                N_("only unit currency takes a currency (unit is {unit})"),
                unit=self.unit,
            )
        if self.duration_unit is not None and self.unit != "duration":
            raise field_error(
                "duration_unit", N_("only unit duration takes one (unit is {unit})"), unit=self.unit
            )

    def _check_direction(self) -> None:
        direction, baseline, target = self.direction, self.baseline, self.target
        if direction in (None, "increase", "decrease"):
            if target is None:
                raise field_error("target", N_("a metric key result needs a target"))
            if baseline is None:
                raise field_error(
                    "baseline",
                    N_(
                        "a metric key result needs a baseline to measure progress from "
                        "(or direction at_least / at_most for a level that must hold)"
                    ),
                )
            if baseline == target:
                raise field_error(
                    "target",
                    N_(
                        "equals the baseline ({baseline}); a key result must move; "
                        "for a level that must hold use direction at_least or at_most"
                    ),
                    baseline=str(_serialize_number(target)),
                )
            if direction == "increase" and target < baseline:
                raise field_error(
                    "target", N_("direction increase needs a target above the baseline")
                )
            if direction == "decrease" and target > baseline:
                raise field_error(
                    "target", N_("direction decrease needs a target below the baseline")
                )
        elif direction in ("at_least", "at_most"):
            if target is None:
                raise field_error(
                    "target",
                    N_("direction {direction} needs a target (the threshold)"),
                    direction=direction,
                )
        else:  # between
            lo, hi = self.target_min, self.target_max
            if lo is None or hi is None:
                missing = "target_min" if lo is None else "target_max"
                raise field_error(
                    missing, N_("direction between needs both target_min and target_max")
                )
            if lo > hi:
                raise field_error("target_min", N_("must not be above target_max"))

    @property
    def resolved_direction(self) -> Direction | None:
        """The direction, inferred from baseline and target if not written; None for milestones."""
        if self.kind == "milestone":
            return None
        if self.direction is not None:
            return self.direction
        assert self.baseline is not None and self.target is not None
        return "increase" if self.target > self.baseline else "decrease"

    def check_ins_on(self, day: dt.date | None = None) -> list[CheckIn]:
        """The check-ins dated on or before ``day`` (default today), oldest first.

        Check-ins of one date keep the order they were written in. A check-in
        dated after ``day`` never counts for anything computed as of ``day``.
        """
        cutoff = day or dt.date.today()
        dated = [c for c in self.check_ins if c.date <= cutoff]
        dated.sort(key=_date)  # stable: same-day check-ins keep file order
        return dated

    def latest_check_in(self, day: dt.date | None = None) -> CheckIn | None:
        """The latest check-in dated on or before ``day`` (default today); for
        one date, the last written."""
        dated = self.check_ins_on(day)
        return dated[-1] if dated else None

    def check_in_value(self, check_in: CheckIn) -> float | None:
        """The value a check-in records, computing it from ``inputs`` for a metric."""
        if check_in.value is not None:
            return check_in.value
        if check_in.inputs and self.metric:
            from okrkit import metrics

            return metrics.compute_value(self.metric, check_in.inputs)
        return None

    def value_on(self, day: dt.date | None = None) -> float | None:
        """The value as of ``day`` (default today): the latest check-in dated on or
        before it, else ``current``, else ``baseline``.

        >>> kr = KeyResult(id="k", title="K", baseline=0, target=10, check_ins=[
        ...     CheckIn(date=dt.date(2026, 7, 10), value=3),
        ...     CheckIn(date=dt.date(2026, 9, 1), value=8)])
        >>> kr.value_on(dt.date(2026, 7, 20)), kr.value_on(dt.date(2026, 7, 1))
        (3.0, 0.0)
        """
        return self._value_of(self.check_ins_on(day))

    def done_on(self, day: dt.date | None = None) -> bool:
        """For milestones: whether done as of ``day`` (default today): the latest
        check-in's ``done`` dated on or before it, else ``done``."""
        return self._done_of(self.check_ins_on(day))

    def measured_on(self, day: dt.date | None = None) -> bool:
        """Whether anything was measured by ``day`` (default today): a check-in dated
        on or before it, ``current`` or ``done``."""
        return self._measured_of(self.check_ins_on(day))

    def confidence_on(self, day: dt.date | None = None) -> float | None:
        """The owner's confidence as of ``day`` (default today): that of the latest
        check-in dated on or before it that gave one."""
        return self._confidence_of(self.check_ins_on(day))

    # The as-of readings from the check-ins of a date (``check_ins_on(day)``), for
    # callers that read several of them (scoring): one filter and sort per date.

    def _value_of(self, dated: list[CheckIn]) -> float | None:
        if dated:
            return self.check_in_value(dated[-1])
        if self.current is not None:
            return self.current
        return self.baseline

    def _done_of(self, dated: list[CheckIn]) -> bool:
        if dated and dated[-1].done is not None:
            return dated[-1].done
        return bool(self.done)

    def _measured_of(self, dated: list[CheckIn]) -> bool:
        return self.current is not None or self.done is not None or bool(dated)

    @staticmethod
    def _confidence_of(dated: list[CheckIn]) -> float | None:
        for check_in in reversed(dated):
            if check_in.confidence is not None:
                return check_in.confidence
        return None

    @property
    def value(self) -> float | None:
        """The value today: :meth:`value_on` with the default date."""
        return self.value_on()

    @property
    def is_done(self) -> bool:
        """For milestones: :meth:`done_on` today."""
        return self.done_on()

    @property
    def measured(self) -> bool:
        """:meth:`measured_on` today."""
        return self.measured_on()


_CURRENCIES: frozenset[str] | None = None


def _currencies() -> frozenset[str]:
    global _CURRENCIES
    if _CURRENCIES is None:
        from babel.numbers import list_currencies

        _CURRENCIES = frozenset(list_currencies())
    return _CURRENCIES
