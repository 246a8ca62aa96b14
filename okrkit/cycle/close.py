"""Closing a period: score the plan as of its end and keep the result as a record."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from okrkit.cycle.records import KeyResultRecord, Moment, ObjectiveRecord, Outcome, PeriodRecord
from okrkit.errors import N_, OKRError
from okrkit.model import KeyResult, Objective, Plan
from okrkit.scoring import Score, ScoringPolicy, get_policy, score

__all__ = ["close_period"]


def _kr_record(kr: KeyResult, result: Score, day: dt.date) -> KeyResultRecord:
    return KeyResultRecord(
        id=kr.id,
        title=kr.title,
        kind=kr.kind,
        unit=kr.unit,
        currency=kr.currency,
        baseline=kr.baseline,
        target=kr.target,
        final=kr.value_on(day) if kr.kind == "metric" else None,
        done=kr.done_on(day) if kr.kind == "milestone" else None,
        score=result.value,
        status=result.status.value,
        confidence=kr.confidence_on(day),
        check_ins=[
            Moment(date=c.date, value=kr.check_in_value(c), done=c.done, confidence=c.confidence)
            for c in sorted(kr.check_ins, key=lambda c: c.date)
            if c.date <= day
        ],
    )


def _objective_record(
    objective: Objective, result: Score, day: dt.date, outcome: Outcome
) -> ObjectiveRecord:
    by_id = {k.id: k for k in result.children if k.kind == "key_result"}
    krs = [_kr_record(kr, by_id[kr.id], day) for kr in objective.key_results if kr.id in by_id]
    rated: list[tuple[float, float]] = []
    for record, kr in zip(krs, objective.key_results, strict=True):
        if record.confidence is not None and kr.weight > 0:
            rated.append((record.confidence, kr.weight))
    total = sum(w for _, w in rated)
    return ObjectiveRecord(
        id=objective.id,
        title=objective.title,
        team=objective.team,
        owner=objective.owner,
        parent=objective.parent,
        committed=objective.committed,
        score=result.value,
        status=result.status.value,
        band=result.band.value,
        confidence=sum(c * w for c, w in rated) / total if total else None,
        outcome=outcome,
        retro=objective.retro,
        key_results=krs,
    )


def _objective_scores(result: Score) -> list[tuple[str | None, Score]]:
    out = []
    for child in result.children:
        if child.kind == "objective":
            out.append((child.id, child))
            out.extend(_objective_scores(child))
    return out


def close_period(
    plan: Plan,
    *,
    on: dt.date | None = None,
    policy: ScoringPolicy | str | None = None,
    outcomes: Mapping[str, Outcome] | None = None,
) -> PeriodRecord:
    """The plan's final result, scored as of ``on`` (default: the end of its period).

    ``outcomes`` says what happens to each objective (default ``"carried"``); the
    record keeps it so a review can say what rolls over.
    """
    if plan.period is None:
        raise OKRError.translatable(
            N_("the plan has no period to close; set `period:` (such as 2026-Q4)")
        )
    day = on or plan.period.end
    pol = get_policy(policy)
    result = score(plan, on=day, policy=pol)
    outcomes = outcomes or {}
    scored = dict(_objective_scores(result))
    return PeriodRecord(
        period=plan.period,
        closed_on=day,
        policy=pol.name,
        score=result.value,
        status=result.status.value,
        objectives=[
            _objective_record(o, scored[o.id], day, outcomes.get(o.id, "carried"))
            for o in plan.objectives
            if o.id in scored
        ],
    )
