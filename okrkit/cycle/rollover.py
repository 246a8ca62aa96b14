"""Rolling a plan over into the next period.

Each objective is carried (the default), dropped or marked done. A carried key
result starts the new period from where the old one ended: its baseline becomes
its value as of the old period's end, its check-ins start empty, and its target is
kept (``targets="keep"``) or moved by the same step (``targets="step"``: new target
= new baseline + old target - old baseline). Ids stay the same so history links up.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from okrkit._serialize import model_to_data
from okrkit.cycle.close import close_period
from okrkit.cycle.records import History, Outcome, PeriodRecord
from okrkit.errors import N_, OKRError
from okrkit.model import KeyResult, Objective, Plan
from okrkit.period import Period
from okrkit.scoring import ScoringPolicy

__all__ = ["Rollover", "Targets", "rollover"]

#: How a carried key result's target moves: kept as it is, or by the same step.
Targets = Literal["keep", "step"]

_DECISIONS: dict[str, Outcome] = {"carry": "carried", "drop": "dropped", "done": "done"}


@dataclass(frozen=True)
class Rollover:
    """What :func:`rollover` made: the new plan, the closed period's record and notes.

    ``notes`` lists what the rollover changed beyond the rules, as (kind, reference)
    pairs: ``("target-moved", "obj/kr")`` for a kept target already reached,
    ``("milestone-done", "obj/kr")`` for a finished milestone left behind,
    ``("parent-cleared", "obj")`` for an objective whose parent did not carry over.
    """

    plan: Plan
    record: PeriodRecord
    history: History
    notes: list[tuple[str, str]] = field(default_factory=list)


def _outcomes(plan: Plan, decisions: Mapping[str, str] | None) -> dict[str, Outcome]:
    decisions = dict(decisions or {})
    known = {o.id for o in plan.objectives}
    for objective_id, decision in decisions.items():
        if objective_id not in known:
            raise OKRError.translatable(
                N_("decision for unknown objective {id}; expected one of: {known}"),
                id=repr(objective_id),
                known=", ".join(sorted(known)),
            )
        if decision not in _DECISIONS:
            raise OKRError.translatable(
                N_("decision {decision} for objective {id}; expected carry, drop or done"),
                decision=repr(decision),
                id=repr(objective_id),
            )
    return {o.id: _DECISIONS[decisions.get(o.id, "carry")] for o in plan.objectives}


def _carry_kr(
    kr: KeyResult, end: dt.date, targets: Targets, ref: str, notes: list[tuple[str, str]]
) -> dict[str, Any] | None:
    data = model_to_data(kr, json_safe=False)
    data.pop("check_ins", None)
    data.pop("current", None)
    data.pop("done", None)
    if kr.kind == "milestone":
        if kr.done_on(end):
            notes.append(("milestone-done", ref))
            return None
        return data
    final = kr.value_on(end)
    if final is None or kr.baseline is None:
        return data  # never measured, or a threshold: starts again as it was
    direction = kr.resolved_direction
    if direction is not None:
        data["direction"] = direction  # explicit, so a moved baseline cannot flip it
    step = (kr.target - kr.baseline) if kr.target is not None else None
    data["baseline"] = final
    if step is not None and kr.target is not None:
        reached = (final >= kr.target) if step > 0 else (final <= kr.target)
        if targets == "step" or reached:
            data["target"] = final + step
            if targets == "keep":
                notes.append(("target-moved", ref))
    return data


def _carry_objective(
    objective: Objective,
    end: dt.date,
    targets: Targets,
    carried: set[str],
    notes: list[tuple[str, str]],
) -> dict[str, Any]:
    data = model_to_data(objective, json_safe=False)
    data.pop("period", None)
    data.pop("retro", None)
    krs = [
        _carry_kr(kr, end, targets, f"{objective.id}/{kr.id}", notes)
        for kr in objective.key_results
    ]
    data["key_results"] = [k for k in krs if k is not None]
    kept = {k["id"] for k in data["key_results"]}
    data["initiatives"] = []
    for initiative in objective.initiatives:
        if initiative.status in ("done", "dropped"):
            continue
        carried_initiative = model_to_data(initiative, json_safe=False)
        if initiative.key_results:  # links to key results left behind go with them
            carried_initiative["key_results"] = [k for k in initiative.key_results if k in kept]
        data["initiatives"].append(carried_initiative)
    if not data["initiatives"]:
        data.pop("initiatives")
    if objective.parent is not None and objective.parent not in carried:
        data.pop("parent")
        notes.append(("parent-cleared", objective.id))
    return data


def rollover(
    plan: Plan,
    to: Period | str,
    *,
    decisions: Mapping[str, str] | None = None,
    targets: Targets = "keep",
    policy: ScoringPolicy | str | None = None,
    history: History | None = None,
) -> Rollover:
    """Close ``plan``'s period and start ``to`` from it.

    ``decisions`` maps objective ids to ``"carry"`` (default), ``"drop"`` or
    ``"done"``. The closed period is scored as of its end by ``policy`` and appended
    to ``history`` (a new :class:`History` when None); the old plan is not changed.
    """
    if plan.period is None:
        raise OKRError.translatable(
            N_("the plan has no period to roll over from; set `period:` (such as 2026-Q4)")
        )
    new_period = to if isinstance(to, Period) else Period.parse(to)
    if new_period.start <= plan.period.end:
        raise OKRError.translatable(
            N_("period {new} does not start after {old} ends ({end})"),
            new=str(new_period),
            old=str(plan.period),
            end=plan.period.end.isoformat(),
        )
    outcomes = _outcomes(plan, decisions)
    record = close_period(plan, policy=policy, outcomes=outcomes)
    carried = {oid for oid, outcome in outcomes.items() if outcome == "carried"}
    notes: list[tuple[str, str]] = []
    data = model_to_data(plan, json_safe=False)
    data["period"] = new_period
    data["objectives"] = [
        _carry_objective(o, plan.period.end, targets, carried, notes)
        for o in plan.objectives
        if o.id in carried
    ]
    new_plan = Plan(**data)
    past = list(history.periods) if history is not None else []
    if any(p.period == plan.period for p in past):
        raise OKRError.translatable(
            N_("the history already holds a record of {period}"), period=str(plan.period)
        )
    return Rollover(new_plan, record, History(periods=[*past, record]), notes)
