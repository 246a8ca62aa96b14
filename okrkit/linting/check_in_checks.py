"""Checks of check-ins: kept to the cadence, dated within the period, confidence honest."""

from __future__ import annotations

from collections.abc import Iterator

from okrkit._check_in_dates import check_in_date_problem
from okrkit.formatting import format_date, format_duration, format_score
from okrkit.linting.context import Check, _Context
from okrkit.linting.rules import N_
from okrkit.model import CADENCE_DAYS

__all__ = ["CHECKS"]


def _stale_check_in(ctx: _Context) -> Iterator[tuple[str, str, str | None]]:
    for objective, kr in ctx.key_results():
        period = ctx.plan.period_of(objective)
        if period is None or kr.cadence is None or not period.start <= ctx.on <= period.end:
            continue
        if kr.kind == "milestone" and kr.done_on(ctx.on):
            continue
        latest = kr.latest_check_in(ctx.on)
        since = period.start if latest is None else max(latest.date, period.start)
        days = (ctx.on - since).days
        allowed = CADENCE_DAYS[kr.cadence]
        if days > allowed:
            message = ctx.say(
                # Translators: {elapsed} and {allowed} are durations such as "12 days".
                N_(
                    "Key result {kr} has had no check-in since {date} ({elapsed}), longer than "
                    "its cadence allows ({allowed}); record a check-in with the current value "
                    "and your confidence."
                ),
                kr=kr.id,
                date=format_date(since, ctx.match, format="sentence"),
                elapsed=format_duration(days, "days", ctx.match),
                allowed=format_duration(allowed, "days", ctx.match),
            )
            yield ctx.path(objective, kr), message, kr.id


def _confidence_falling(ctx: _Context) -> Iterator[tuple[str, str, str | None]]:
    from okrkit.scoring import Status, score

    for objective, kr in ctx.key_results():
        rated = [c for c in kr.check_ins_on(ctx.on) if c.confidence is not None]
        if len(rated) < 2:
            continue
        before, after = rated[-2].confidence, rated[-1].confidence
        assert before is not None and after is not None
        if before - after < 0.2 - 1e-9:
            continue
        period = ctx.plan.period_of(objective)
        if score(kr, on=ctx.on, period=period).status is not Status.ON_TRACK:
            continue
        message = ctx.say(
            N_(
                "Key result {kr} is on track by its numbers, but its owner's confidence fell "
                "from {before} to {after}; ask the owner what changed and adjust the plan or "
                "the target."
            ),
            kr=kr.id,
            before=format_score(before, ctx.match),
            after=format_score(after, ctx.match),
        )
        yield ctx.path(objective, kr), message, kr.id


def _check_in_dates(ctx: _Context) -> Iterator[tuple[str, str, str | None]]:
    for objective, kr in ctx.key_results():
        period = ctx.plan.period_of(objective)
        for check_in in kr.check_ins:
            problem = check_in_date_problem(check_in.date, period, ctx.on)
            if problem is None:
                continue
            if problem.kind == "outside-period":
                assert problem.first is not None and problem.last is not None
                message = ctx.say(
                    N_(
                        "Key result {kr} has a check-in dated {date}, outside its period "
                        "{period} (check-ins count from {first} to {last}); correct the "
                        "date, or record it in the plan of the period it belongs to."
                    ),
                    kr=kr.id,
                    date=format_date(problem.day, ctx.match, format="sentence"),
                    period=ctx.period(period),
                    first=format_date(problem.first, ctx.match, format="sentence"),
                    last=format_date(problem.last, ctx.match, format="sentence"),
                )
            else:
                message = ctx.say(
                    N_(
                        "Key result {kr} has a check-in dated {date}, after {on}; it does not "
                        "count until that day, so correct the date if it is a typo."
                    ),
                    kr=kr.id,
                    date=format_date(problem.day, ctx.match, format="sentence"),
                    on=format_date(ctx.on, ctx.match, format="sentence"),
                )
            yield ctx.path(objective, kr), message, kr.id


#: This module's checks by rule id.
CHECKS: dict[str, Check] = {
    "stale-check-in": _stale_check_in,
    "check-in-outside-period": _check_in_dates,
    "confidence-falling": _confidence_falling,
}
