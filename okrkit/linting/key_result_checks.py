"""Checks of each key result: units, outcomes over activities, owners, sources, cadences, titles."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from okrkit.formatting import format_percent
from okrkit.linting.context import Check, _Context
from okrkit.linting.rules import N_
from okrkit.linting.words import is_activity, is_vanity
from okrkit.model import KeyResult

__all__ = ["CHECKS"]


#: Metrics whose percentages can exceed 100 (returns and growth rates).
_UNBOUNDED_PERCENT = frozenset({"romi", "growth_rate"})


def _percent_over_100(ctx: _Context) -> Iterator[tuple[str, str, str | None]]:
    for objective, kr in ctx.key_results():
        if kr.unit != "percent" or kr.metric in _UNBOUNDED_PERCENT:
            continue
        if kr.baseline is not None and kr.baseline > 100:
            continue  # measured above 100 already: a rate that can exceed it (ROMI, NRR)
        for name in ("baseline", "target", "target_min", "target_max", "current"):
            value = getattr(kr, name)
            if value is not None and value > 100:
                message = ctx.say(
                    N_(
                        "Key result {kr} is a percentage but its {field} is {value}, and a share "
                        "cannot exceed {limit}; correct the number, or, if this is a growth or "
                        "return rate that can, set metric to growth_rate or romi."
                    ),
                    kr=kr.id,
                    field=name,
                    value=format_percent(value, ctx.match),
                    limit=format_percent(100, ctx.match),
                )
                yield ctx.path(objective, kr), message, kr.id
                break


def _titles_matching(
    ctx: _Context, matches: Callable[[str], bool], msgid: str
) -> Iterator[tuple[str, str, str | None]]:
    """A finding for each key result whose title ``matches``, said with ``msgid``."""
    for objective, kr in ctx.key_results():
        if matches(kr.title):
            yield ctx.path(objective, kr), ctx.say(msgid, kr=kr.id, title=kr.title), kr.id


def _activity_as_result(ctx: _Context) -> Iterator[tuple[str, str, str | None]]:
    return _titles_matching(
        ctx,
        is_activity,
        # Translators: {title} is the key result's title as its author wrote it.
        N_(
            'Key result {kr} ("{title}") counts an activity, not a result; make it an '
            "initiative and measure the outcome it should bring, such as leads, "
            "pipeline or a conversion rate."
        ),
    )


def _vanity_metric(ctx: _Context) -> Iterator[tuple[str, str, str | None]]:
    return _titles_matching(
        ctx,
        is_vanity,
        # Translators: {title} is the key result's title as its author wrote it.
        N_(
            'Key result {kr} ("{title}") tracks a vanity metric with no link to '
            "pipeline or revenue; measure the outcome it should bring instead, such as "
            "leads, pipeline or a conversion rate."
        ),
    )


def _no_owner(ctx: _Context) -> Iterator[tuple[str, str, str | None]]:
    for objective in ctx.plan.objectives:
        if objective.owner or ctx.lone_kr:
            continue
        message = ctx.say(
            N_("Objective {objective} has no owner; set owner to the person accountable for it."),
            objective=objective.id,
        )
        yield ctx.path(objective), message, objective.id
    for objective, kr in ctx.key_results():
        if kr.owner or objective.owner:
            continue
        if ctx.lone_kr:
            msgid = N_("Key result {kr} has no owner; set owner to the person who reports on it.")
        else:
            msgid = N_(
                "Key result {kr} has no owner and neither has its objective; set owner on the "
                "objective or on the key result."
            )
        yield ctx.path(objective, kr), ctx.say(msgid, kr=kr.id), kr.id


def _no_source(ctx: _Context) -> Iterator[tuple[str, str, str | None]]:
    for objective, kr in ctx.key_results():
        if not kr.source and kr.measure is None:  # a measure block is a source
            message = ctx.say(
                N_(
                    "Key result {kr} has no data source; set source to where its number comes "
                    "from, such as the CRM, web analytics or the survey tool."
                ),
                kr=kr.id,
            )
            yield ctx.path(objective, kr), message, kr.id


def _no_cadence(ctx: _Context) -> Iterator[tuple[str, str, str | None]]:
    for objective, kr in ctx.key_results():
        if kr.cadence is None:
            message = ctx.say(
                N_(
                    "Key result {kr} has no check-in cadence; set cadence to weekly, biweekly "
                    "or monthly so that progress is reported at least once a month."
                ),
                kr=kr.id,
            )
            yield ctx.path(objective, kr), message, kr.id


def _title_numbers(ctx: _Context) -> Iterator[tuple[str, str, str | None]]:
    from okrkit._title_numbers import disagreement
    from okrkit.formatting import format_value

    written_in = ctx.plan.locale or ctx.match  # titles are in the plan's language
    for objective, kr in ctx.key_results():
        found = disagreement(kr, written_in)
        if found is None:
            continue

        def shown(value: float, kr: KeyResult = kr) -> str:
            return format_value(
                value, kr.unit, ctx.match, currency=kr.currency, duration_unit=kr.duration_unit
            )

        message = ctx.say(
            # Translators: {field} is the field name as written in the plan file
            # (target, baseline); {said} is the number the title shows.
            N_(
                "The title of key result {kr} says {said}, but its {field} is {value}; correct "
                "the title, or take the numbers out of it: documents show the baseline and "
                "target next to the title."
            ),
            kr=kr.id,
            said=shown(found.said),
            field=found.field,
            value=shown(found.value),
        )
        yield ctx.path(objective, kr), message, kr.id


#: This module's checks by rule id.
CHECKS: dict[str, Check] = {
    "percent-over-100": _percent_over_100,
    "activity-as-result": _activity_as_result,
    "vanity-metric": _vanity_metric,
    "no-owner": _no_owner,
    "no-source": _no_source,
    "no-cadence": _no_cadence,
    "title-numbers": _title_numbers,
}
