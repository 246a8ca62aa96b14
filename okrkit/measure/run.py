"""Measuring a plan: run every key result's source for a date, without writing anything."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Collection, Iterator, Mapping
from pathlib import Path

from okrkit.errors import N_, MeasureError, OKRError, PlanError
from okrkit.measure.context import Context
from okrkit.measure.readings import Measurement, Reading, Status
from okrkit.measure.spec import CsvSource, FormulaSource, InputSource, SqlSource
from okrkit.measure.sql import Engines, read_sql
from okrkit.model import KeyResult, Objective, Plan

__all__ = ["Progress", "measure", "measured_key_results"]

Progress = Callable[[int, int, str], None]
"""Called before each source runs with ``(number, total, "objective/kr")``."""


def measured_key_results(
    plan: Plan, only: Collection[str] | None = None
) -> Iterator[tuple[Objective, KeyResult]]:
    """The key results that have a ``measure`` block, in plan order.

    ``only`` keeps those named (``kr`` or ``objective/kr``); a name that is not a
    key result of the plan raises :class:`PlanError`, one without ``measure`` too.
    """
    wanted: set[tuple[str, str]] | None = None
    if only is not None:
        wanted = set()
        for ref in only:
            objective, kr = plan.key_result(ref)
            if kr.measure is None:
                raise PlanError.translatable(
                    N_("key result {ref} has no measure block"), ref=f"{objective.id}/{kr.id}"
                )
            wanted.add((objective.id, kr.id))
    for objective in plan.objectives:
        for kr in objective.key_results:
            if kr.measure is not None and (wanted is None or (objective.id, kr.id) in wanted):
                yield objective, kr


def _context(
    plan: Plan, objective: Objective, kr: KeyResult, on: dt.date, base: Context
) -> Context:
    period = plan.period_of(objective)
    start = period.start if period is not None else None
    earlier = [c.date for c in kr.check_ins if c.date < on]
    return Context(
        on=on,
        period_start=start,
        period_end=period.end if period is not None else None,
        since=max(earlier) if earlier else start,
        ref=f"{objective.id}/{kr.id}",
        base_dir=base.base_dir,
        environ=base.environ,
    )


def _read_one(source: InputSource, context: Context, engines: Engines) -> list[Reading]:
    if isinstance(source, SqlSource):
        return read_sql(source, context, engines)
    if isinstance(source, CsvSource):
        from okrkit.measure.csvfiles import read_csv

        return read_csv(source, context)
    from okrkit.measure.plugins import read_plugin

    return read_plugin(source, context)


def _read_formula(
    source: FormulaSource, kr: KeyResult, context: Context, engines: Engines
) -> list[Reading]:
    from okrkit import metrics

    name = source.metric or kr.metric
    if name is None:
        raise MeasureError.because(
            N_("a formula needs its metric: set measure.metric or the key result's metric")
        )
    if metrics.unit_of(name) != kr.unit:
        raise MeasureError.because(
            N_("metric {name} is measured in {unit}, the key result in {kr_unit}"),
            name=repr(name),
            unit=metrics.unit_of(name),
            kr_unit=kr.unit,
        )
    inputs: dict[str, float] = dict(source.values)
    for input_name, input_source in source.inputs.items():
        try:
            readings = _read_one(input_source, context, engines)
        except MeasureError as exc:
            bare = MeasureError(exc.reason, why=exc.why)  # its place is said once, outside
            error = MeasureError.because(N_("input {name}: {reason}"), name=input_name, reason=bare)
            raise error.within(source=input_source.describe(), connection=exc.connection) from None
        if len(readings) != 1:
            raise MeasureError.because(
                N_("input {name} gave a history; a formula input is one number"), name=input_name
            )
        inputs[input_name] = readings[0].value
    value = metrics.compute_value(name, inputs)
    return [Reading(context.on, value, inputs)]


def _status(kr: KeyResult, readings: list[Reading]) -> Status:
    for reading in readings:
        same_day = [c for c in kr.check_ins if c.date == reading.date]
        if not same_day or kr.check_in_value(same_day[-1]) != reading.value:
            return "measured"
    return "unchanged"


def _measure_one(
    objective: Objective, kr: KeyResult, context: Context, engines: Engines
) -> Measurement:
    source = kr.measure
    assert source is not None
    described = (
        source.describe(kr.metric) if isinstance(source, FormulaSource) else source.describe()
    )
    fetched_at = dt.datetime.now(dt.UTC).replace(microsecond=0)
    old = kr.value_on(context.on)  # the value scoring uses on that date
    try:
        if isinstance(source, FormulaSource):
            readings = _read_formula(source, kr, context, engines)
        else:
            readings = _read_one(source, context, engines)
    except MeasureError as exc:
        error = exc.within(ref=context.ref, source=exc.source or described)
        return Measurement(context.ref, described, fetched_at, old, (), "failed", error)
    except OKRError as exc:  # a metric formula refusing its inputs, a bad plugin answer
        error = MeasureError.because("{reason}", reason=exc).within(
            ref=context.ref, source=described
        )
        return Measurement(context.ref, described, fetched_at, old, (), "failed", error)
    return Measurement(
        context.ref, described, fetched_at, old, tuple(readings), _status(kr, readings)
    )


def measure(
    plan: Plan,
    *,
    on: dt.date | None = None,
    only: Collection[str] | None = None,
    base_dir: str | os.PathLike[str] | None = None,
    environ: Mapping[str, str] | None = None,
    progress: Progress | None = None,
) -> list[Measurement]:
    """Measure every key result of ``plan`` that has a ``measure`` block, for date ``on``.

    Nothing is written: the result is one :class:`Measurement` per key result,
    in plan order; a failing source gives a ``failed`` measurement with its
    :class:`~okrkit.errors.MeasureError` and the others still run. ``base_dir``
    is where relative paths are read from (the plan file's folder; default the
    current directory), ``environ`` where ``${NAME}`` references are looked up
    (default ``os.environ``). ``only`` limits the run to some key results.
    """
    day = on or dt.date.today()
    base = Context(
        on=day,
        base_dir=Path(base_dir) if base_dir is not None else Path.cwd(),
        environ=os.environ if environ is None else environ,
    )
    chosen = list(measured_key_results(plan, only))
    results: list[Measurement] = []
    with Engines(plan.connections, environ=base.environ, base_dir=base.base_dir) as engines:
        for number, (objective, kr) in enumerate(chosen, 1):
            context = _context(plan, objective, kr, day, base)
            if progress is not None:
                progress(number, len(chosen), context.ref)
            results.append(_measure_one(objective, kr, context, engines))
    return results
