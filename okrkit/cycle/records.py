"""What a closed period leaves behind: its final results, kept as data.

A plan's history lives in a file beside it (``okrs.yaml`` -> ``okrs.history.yaml``):
the live plan stays short and readable, each quarter's close appends one record,
and git shows a rollover as one new block rather than a rewritten plan. Records are
plain pydantic models, so a history file round-trips losslessly through
:func:`okrkit.cycle.dump_history` and :func:`okrkit.cycle.load_history`.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from okrkit.model import Retro
from okrkit.period import Period

__all__ = [
    "History",
    "KeyResultRecord",
    "Moment",
    "ObjectiveRecord",
    "Outcome",
    "PeriodRecord",
    "Retro",
]

#: What happened to an objective when its period closed.
Outcome = Literal["carried", "dropped", "done"]


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Moment(_Record):
    """One check-in as the history keeps it: the value and confidence on a date."""

    date: dt.date
    value: float | None = None
    done: bool | None = None
    confidence: float | None = None


class KeyResultRecord(_Record):
    """A key result's final result in a closed period."""

    id: str
    title: str
    kind: Literal["metric", "milestone"] = "metric"
    unit: str = "count"
    currency: str | None = None
    baseline: float | None = None
    target: float | None = None
    final: float | None = None
    done: bool | None = None
    score: float
    status: str
    confidence: float | None = None
    check_ins: list[Moment] = Field(default_factory=list)


class ObjectiveRecord(_Record):
    """An objective's final result in a closed period."""

    id: str
    title: str
    team: str | None = None
    owner: str | None = None
    parent: str | None = None
    committed: bool = False
    score: float
    status: str
    band: str
    confidence: float | None = None
    outcome: Outcome = "carried"
    retro: Retro | None = None
    key_results: list[KeyResultRecord] = Field(default_factory=list)


class PeriodRecord(_Record):
    """One closed period of a plan: when it closed, by which policy, and how it went."""

    period: Period
    closed_on: dt.date
    policy: str = "default"
    score: float
    status: str
    objectives: list[ObjectiveRecord] = Field(default_factory=list)

    def objective(self, objective_id: str) -> ObjectiveRecord | None:
        """The record of ``objective_id`` in this period, if it was there."""
        return next((o for o in self.objectives if o.id == objective_id), None)


class History(_Record):
    """Every closed period of a plan, oldest first."""

    format: Literal[1] = 1
    periods: list[PeriodRecord] = Field(default_factory=list)

    def trend(self, objective_id: str) -> list[tuple[Period, float]]:
        """The objective's final score in each closed period it was part of."""
        out = []
        for record in self.periods:
            found = record.objective(objective_id)
            if found is not None:
                out.append((record.period, found.score))
        return out

    def key_result_trend(self, objective_id: str, kr_id: str) -> list[tuple[Period, float | None]]:
        """A key result's final value in each closed period it was part of."""
        out = []
        for record in self.periods:
            found = record.objective(objective_id)
            kr = next((k for k in found.key_results if k.id == kr_id), None) if found else None
            if kr is not None:
                out.append((record.period, kr.final))
        return out
