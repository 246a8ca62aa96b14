"""View models: what the bundled templates are given to show a plan."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar, overload

from okrkit.errors import OKRError
from okrkit.i18n import LocaleMatch
from okrkit.model import CheckIn, KeyResult, Objective, Plan
from okrkit.period import Period
from okrkit.rendering.labels import N_
from okrkit.rendering.values import plan_money_style, templates_money_style
from okrkit.scoring import Score, ScoringPolicy, score

if TYPE_CHECKING:
    from okrkit.catalogue import Template

__all__ = ["CheckInChange", "Row"]

T = TypeVar("T")


@dataclass(frozen=True)
class CheckInChange:
    """What changed for a key result between its last two check-ins."""

    key_result: KeyResult
    objective: Objective
    latest: CheckIn
    previous: CheckIn | None
    latest_value: float | None
    previous_value: float | None

    @property
    def delta(self) -> float | None:
        if self.latest_value is None or self.previous_value is None:
            return None
        return self.latest_value - self.previous_value

    @property
    def confidence_delta(self) -> float | None:
        if self.previous is None or self.previous.confidence is None:
            return None
        if self.latest.confidence is None:
            return None
        return self.latest.confidence - self.previous.confidence


@dataclass(frozen=True)
class Row:
    """One objective or key result of a report, with its score and place in the tree."""

    objective: Objective
    score: Score
    depth: int
    period: Period | None


class _Lazy(Sequence[T]):
    """A list made the first time a template looks at it: the check-in templates
    show the latest changes; the dashboards and the CSV never look."""

    def __init__(self, make: Callable[[], list[T]]) -> None:
        self._make: Callable[[], list[T]] | None = make
        self._items: list[T] = []

    def _list(self) -> list[T]:
        if self._make is not None:
            self._items, self._make = self._make(), None
        return self._items

    @overload
    def __getitem__(self, index: int) -> T: ...
    @overload
    def __getitem__(self, index: slice) -> list[T]: ...
    def __getitem__(self, index: int | slice) -> T | list[T]:
        return self._list()[index]

    def __len__(self) -> int:
        return len(self._list())

    def __iter__(self) -> Iterator[T]:
        return iter(self._list())

    def __repr__(self) -> str:
        return repr(self._list())


def _changes(plan: Plan, on: dt.date) -> list[CheckInChange]:
    out = []
    for objective in plan.objectives:
        for kr in objective.key_results:
            dated = kr.check_ins_on(on)
            if not dated:
                continue
            latest = dated[-1]
            previous = dated[-2] if len(dated) > 1 else None
            prev_value = kr.check_in_value(previous) if previous is not None else kr.baseline
            out.append(
                CheckInChange(
                    kr,
                    objective,
                    latest,
                    previous,
                    kr.check_in_value(latest),
                    prev_value if kr.kind == "metric" else None,
                )
            )
    out.sort(key=lambda c: c.latest.date, reverse=True)
    return out


def _as_plan(item: Plan | Objective | KeyResult) -> Plan:
    if isinstance(item, Plan):
        return item
    if isinstance(item, Objective):
        return Plan(objectives=[item.model_copy(update={"parent": None})])
    if isinstance(item, KeyResult):
        return Plan(objectives=[Objective(id="objective", title=item.title, key_results=[item])])
    raise OKRError.translatable(N_("cannot render {type}"), type=type(item).__name__)


def _plan_context(
    plan: Plan, on: dt.date, policy: ScoringPolicy | str | None, match: LocaleMatch
) -> dict[str, Any]:
    result = score(plan, on=on, policy=policy)
    by_id = {s.id: s for s in result.children}
    rows: list[Row] = []
    for depth, objective in plan.walk():
        period = plan.period_of(objective)
        found = by_id.get(objective.id)
        if found is None:  # rolled up into its parent by the policy: find it in the tree
            found = result.find(objective.id, kind="objective") or score(
                objective.model_copy(update={"period": period}), on=on, policy=policy
            )
        rows.append(Row(objective, found, depth, period))
    periods = sorted({p for p in (plan.period_of(o) for o in plan.objectives) if p is not None})
    teams: dict[str, list[Score]] = {}
    for row in rows:
        teams.setdefault(row.objective.team or "", []).append(row.score)
    return {
        "plan": plan,
        "result": result,
        "rows": rows,
        "periods": periods,
        "on": on,
        "changes": _Lazy(lambda: _changes(plan, on)),
        "teams": teams,
        "compact_money": plan_money_style(plan, match),
    }


def _book_context(items: Sequence[Template]) -> dict[str, Any]:
    # One money style for the whole book: its goals and its texts (see restyle).
    compact = templates_money_style(items)
    styled = [t.with_money_style(compact) for t in items]
    areas: dict[str, list[Template]] = {}
    for t in styled:
        areas.setdefault(t.area.label, []).append(t)
    return {"templates": styled, "by_area": areas, "compact_money": compact}
