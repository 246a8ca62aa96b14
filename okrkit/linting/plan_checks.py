"""Checks of a plan's shape: objective counts, key result counts, periods and alignment."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping, Sequence

from okrkit.linting.context import Check, _Context
from okrkit.linting.rules import N_
from okrkit.model import Objective, Plan, is_external
from okrkit.period import Period

__all__ = ["CHECKS"]


def _objective_count(ctx: _Context) -> Iterator[tuple[str, str, str | None]]:
    groups: dict[tuple[str | None, dt.date, dt.date], tuple[Period, int]] = {}
    aligned = ctx.plan._aligned()
    for objective in ctx.plan.objectives:
        if _rolls_up_children(aligned, objective):
            continue  # the level above the team's objectives, scored by them
        period = ctx.plan.period_of(objective)
        if period is not None:  # objectives without a period: see not-time-bound
            key = (objective.team, period.start, period.end)
            groups[key] = (period, groups.get(key, (period, 0))[1] + 1)
    ngettext = ctx.t.ngettext
    for (team, _, _), (period, n) in groups.items():
        if 3 <= n <= 5:
            continue
        if team is not None and n < 3:
            text = ngettext(
                "Team {team} has only {n} objective for {period}; add objectives until it has "
                "three to five that cover what matters most this period.",
                "Team {team} has only {n} objectives for {period}; add objectives until it has "
                "three to five that cover what matters most this period.",
                n,
            )
        elif team is not None:
            text = ngettext(
                "Team {team} has {n} objective for {period}; keep the three to five that "
                "matter most and postpone the rest.",
                "Team {team} has {n} objectives for {period}; keep the three to five that "
                "matter most and postpone the rest.",
                n,
            )
        elif n < 3:
            text = ngettext(
                "The plan has only {n} objective without a team for {period}; add objectives "
                "until it has three to five, or set team on objectives that belong to a team.",
                "The plan has only {n} objectives without a team for {period}; add objectives "
                "until it has three to five, or set team on objectives that belong to a team.",
                n,
            )
        else:
            text = ngettext(
                "The plan has {n} objective without a team for {period}; keep the three to "
                "five that matter most, or set team on objectives that belong to a team.",
                "The plan has {n} objectives without a team for {period}; keep the three to "
                "five that matter most, or set team on objectives that belong to a team.",
                n,
            )
        yield "objectives", ctx.say_n(text, n, team=team, period=ctx.period(period)), None


def _no_key_results(ctx: _Context) -> Iterator[tuple[str, str, str | None]]:
    for objective in ctx.plan.objectives:
        if not objective.key_results:
            message = ctx.say(
                N_(
                    "Objective {objective} has no key results; add two to five measurable key "
                    "results that show when it is met."
                ),
                objective=objective.id,
            )
            yield ctx.path(objective), message, objective.id


def _rolls_up_children(aligned: Mapping[str, Sequence[Objective]], objective: Objective) -> bool:
    """Whether ``objective`` is scored by the objectives aligned to it alone
    (``rollup: children`` with children), so its own key results do not count.
    ``aligned`` is the plan's ``_aligned()``, taken once per check."""
    return objective.rollup == "children" and bool(aligned.get(objective.id))


def _key_result_count(ctx: _Context) -> Iterator[tuple[str, str, str | None]]:
    aligned = ctx.plan._aligned()
    for objective in ctx.plan.objectives:
        if _rolls_up_children(aligned, objective):
            continue  # progress comes from the aligned objectives, not a single number
        n = len(objective.key_results)
        if n == 1:
            text = ctx.t.ngettext(
                "Objective {objective} has only {n} key result; add one to four more so that "
                "progress does not hang on a single number.",
                "Objective {objective} has only {n} key results; add one to four more so that "
                "progress does not hang on a single number.",
                n,
            )
        elif n > 5:
            text = ctx.t.ngettext(
                "Objective {objective} has {n} key result; keep the two to five that best "
                "show it is met and make the rest initiatives.",
                "Objective {objective} has {n} key results; keep the two to five that best "
                "show it is met and make the rest initiatives.",
                n,
            )
        else:
            continue
        yield ctx.path(objective), ctx.say_n(text, n, objective=objective.id), objective.id


def _milestone_heavy(ctx: _Context) -> Iterator[tuple[str, str, str | None]]:
    aligned = ctx.plan._aligned()
    for objective in ctx.plan.objectives:
        krs = objective.key_results
        if _rolls_up_children(aligned, objective):
            continue  # scored by the aligned objectives: milestones here are tasks
        if krs and all(kr.kind == "milestone" for kr in krs):
            message = ctx.say(
                N_(
                    "Every key result of objective {objective} is a milestone, so progress is "
                    "only done or not done; turn at least one into a metric with a baseline and "
                    "a target."
                ),
                objective=objective.id,
            )
            yield ctx.path(objective), message, objective.id


def _not_time_bound(ctx: _Context) -> Iterator[tuple[str, str, str | None]]:
    example = f"{ctx.on.year}-Q{(ctx.on.month - 1) // 3 + 1}"
    for objective in ctx.plan.objectives:
        if ctx.plan.period_of(objective) is None:
            message = ctx.say(
                N_(
                    "Objective {objective} has no period and neither has the plan; set period "
                    "(such as {example}) on the objective or on the plan."
                ),
                objective=objective.id,
                example=example,
            )
            yield ctx.path(objective), message, objective.id


def _company_objectives(plan: Plan) -> list[Objective]:
    """Roots that others align to, and roots without a team."""
    aligned = plan._aligned()
    return [o for o in plan.roots() if o.parent is None and (aligned.get(o.id) or o.team is None)]


def _unaligned_team_objective(ctx: _Context) -> Iterator[tuple[str, str, str | None]]:
    company = _company_objectives(ctx.plan)
    if not company:
        return
    from babel.lists import format_list

    choices = format_list([o.id for o in company], style="or", locale=ctx.match.babel)
    company_ids = {o.id for o in company}
    for objective in ctx.plan.roots():
        if objective.team is None or objective.id in company_ids or objective.parent is not None:
            continue
        message = ctx.say(
            N_(
                "Objective {objective} of team {team} aligns to no company objective; set "
                "parent to the one it serves: {choices}."
            ),
            objective=objective.id,
            team=objective.team,
            choices=choices,
        )
        yield ctx.path(objective), message, objective.id


def _alignment_period_mismatch(ctx: _Context) -> Iterator[tuple[str, str, str | None]]:
    by_id = {o.id: o for o in ctx.plan.objectives}  # a valid plan's parents are all here
    for objective in ctx.plan.objectives:
        if objective.parent is None or is_external(objective.parent):
            continue
        parent = by_id[objective.parent]
        mine, theirs = ctx.plan.period_of(objective), ctx.plan.period_of(parent)
        if mine is None or theirs is None:
            continue
        if theirs.start <= mine.start and mine.end <= theirs.end:
            continue  # a quarter aligned to its year is fine
        message = ctx.say(
            N_(
                "Objective {objective} is for {period} but aligns to {parent}, which is for "
                "{parent_period}; align it to an objective whose period covers {period}, or "
                "correct one of the periods."
            ),
            objective=objective.id,
            period=ctx.period(mine),
            parent=parent.id,
            parent_period=ctx.period(theirs),
        )
        yield ctx.path(objective), message, objective.id


#: This module's checks by rule id.
CHECKS: dict[str, Check] = {
    "objective-count": _objective_count,
    "no-key-results": _no_key_results,
    "key-result-count": _key_result_count,
    "milestone-heavy": _milestone_heavy,
    "not-time-bound": _not_time_bound,
    "unaligned-team-objective": _unaligned_team_objective,
    "alignment-period-mismatch": _alignment_period_mismatch,
}
