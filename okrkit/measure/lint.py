"""Lint rules for the measurement system: connections, cadences, sources and reporters.

The rules are registered in :data:`okrkit.linting.RULES`; this module holds their checks.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from okrkit.measure.spec import CsvSource, FormulaSource, InputSource, Measure, SqlSource
from okrkit.model import CADENCE_DAYS, Plan

if TYPE_CHECKING:
    from okrkit.linting import _Context

__all__ = ["check_cadence", "check_connections", "check_reporter", "leaves"]

_WINDOW_DAYS = {"7d": 7, "30d": 30}


def N_(s: str) -> str:
    """Mark ``s`` for extraction into the message catalogue; translated at call time."""
    return s


def leaves(measure: Measure) -> list[InputSource]:
    """The sources a measure block reads: itself, or a formula's inputs."""
    if isinstance(measure, FormulaSource):
        return list(measure.inputs.values())
    return [measure]


def _refresh(source: InputSource, plan: Plan) -> str | None:
    if source.refresh is not None:
        return source.refresh
    if isinstance(source, SqlSource) and source.connection in plan.connections:
        return plan.connections[source.connection].refresh
    return None


def check_connections(ctx: _Context) -> Iterator[tuple[str, str, str | None]]:
    """``measure-connection``: a SQL source names a connection the plan does not define."""
    for objective, kr in ctx.key_results():
        if kr.measure is None:
            continue
        for source in leaves(kr.measure):
            if isinstance(source, SqlSource) and source.connection not in ctx.plan.connections:
                message = ctx.say(
                    N_(
                        "Key result {kr} measures from connection {connection}, which the plan "
                        "does not define; add it under connections with its URL."
                    ),
                    kr=kr.id,
                    connection=source.connection,
                )
                yield ctx.path(objective, kr), message, kr.id


def _cadence_word(ctx: _Context, cadence: str) -> str:
    from okrkit.rendering import WORD_LABELS

    return ctx.t.gettext(WORD_LABELS[cadence])


def check_cadence(ctx: _Context) -> Iterator[tuple[str, str, str | None]]:
    """``measure-cadence``: a cadence the key result's source cannot meet."""
    for objective, kr in ctx.key_results():
        if kr.measure is None or kr.cadence is None:
            continue
        wanted = CADENCE_DAYS[kr.cadence]
        for source in leaves(kr.measure):
            refresh = _refresh(source, ctx.plan)
            if refresh is not None and CADENCE_DAYS[refresh] > wanted:
                message = ctx.say(
                    # Translators: {cadence} and {refresh} are words such as "weekly".
                    N_(
                        "Key result {kr} is checked in {cadence}, but its source {source} is "
                        "refreshed only {refresh}; check in {refresh} or measure from a "
                        "fresher source."
                    ),
                    kr=kr.id,
                    cadence=_cadence_word(ctx, kr.cadence),
                    source=source.describe(),
                    refresh=_cadence_word(ctx, refresh),
                )
                yield ctx.path(objective, kr), message, kr.id
            if not isinstance(source, CsvSource):
                continue
            window = _WINDOW_DAYS.get(source.window)
            if window is not None and window < wanted * 0.9:  # 30d meets monthly
                message = ctx.say(
                    # Translators: {window} is a window such as 7d; {cadence} a word such
                    # as "monthly".
                    N_(
                        "Key result {kr} is checked in {cadence} but its source {source} adds "
                        "up only the last {window}, so days between check-ins are never "
                        "counted; use window: period, or a window as long as the cadence."
                    ),
                    kr=kr.id,
                    cadence=_cadence_word(ctx, kr.cadence),
                    source=source.describe(),
                    window=source.window,
                )
                yield ctx.path(objective, kr), message, kr.id


def check_reporter(ctx: _Context) -> Iterator[tuple[str, str, str | None]]:
    """``no-reporter``: in a plan that measures, a key result whose number nobody reports
    and nothing measures (plans that do not use the measurement system are not judged)."""
    krs = list(ctx.key_results())
    if not ctx.plan.connections and all(kr.measure is None for _, kr in krs):
        return
    for objective, kr in krs:
        if not kr.reporter and kr.measure is None:
            message = ctx.say(
                N_(
                    "Nobody reports the number of key result {kr} and it does not measure "
                    "itself; set reporter to who checks it in, or add a measure block."
                ),
                kr=kr.id,
            )
            yield ctx.path(objective, kr), message, kr.id
