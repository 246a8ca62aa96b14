"""The end-of-period review: what a team puts on the screen in its quarterly review.

:func:`review_context` gives the review templates (``review.md``, ``review.html``,
``review.txt``) the closed period's record, each objective's trend across the
periods in the history, and what rolls over.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from okrkit.cycle.close import close_period
from okrkit.cycle.records import History, KeyResultRecord, ObjectiveRecord
from okrkit.cycle.rollover import _outcomes
from okrkit.i18n import LocaleMatch, translations
from okrkit.model import Objective, Plan
from okrkit.period import Period
from okrkit.scoring import ScoringPolicy, get_policy

__all__ = ["ReviewRow", "review_context", "review_render_context", "trend_svg"]


@dataclass(frozen=True)
class ReviewRow:
    """One objective of a review: its record, place in the tree and score trend."""

    objective: Objective
    record: ObjectiveRecord
    depth: int
    trend: list[tuple[Period, float]]

    kr_trends: dict[str, list[tuple[Period, float | None]]] = field(default_factory=dict)

    def key_result(self, kr_id: str) -> KeyResultRecord | None:
        """The record of one of the objective's key results."""
        return next((k for k in self.record.key_results if k.id == kr_id), None)

    def kr_trend(self, kr_id: str) -> list[tuple[Period, float | None]]:
        """A key result's final value in each period it was part of (this one last)."""
        return self.kr_trends.get(kr_id, [])


def review_context(
    plan: Plan,
    *,
    on: dt.date | None,
    policy: ScoringPolicy | str | None,
    history: History | None,
    decisions: Mapping[str, str] | None,
) -> dict[str, Any]:
    """What the review templates need, scored as of ``on`` (default: the period's end)."""
    record = close_period(plan, on=on, policy=policy, outcomes=_outcomes(plan, decisions))
    past = [p for p in (history.periods if history else []) if p.period != record.period]
    rows = []
    for depth, objective in plan.walk():
        found = record.objective(objective.id)
        if found is None:
            continue
        before = History(periods=past)
        trend = [*before.trend(objective.id), (record.period, found.score)]
        kr_trends = {
            k.id: [*before.key_result_trend(objective.id, k.id), (record.period, k.final)]
            for k in found.key_results
            if k.kind == "metric"
        }
        rows.append(ReviewRow(objective, found, depth, trend, kr_trends))
    return {
        "record": record,
        "review_rows": rows,
        "past": past,
        "carried": [r for r in rows if r.record.outcome == "carried"],
        "left": [r for r in rows if r.record.outcome != "carried"],
        "on": record.closed_on,
    }


def trend_svg(
    points: Sequence[tuple[Period, float]],
    match: LocaleMatch,
    *,
    title: str,
    line: float = 0.7,
    width: int = 220,
    height: int = 70,
) -> str:
    """An inline SVG of an objective's score period over period (empty for one period).

    A dashed line marks the grade ``line`` (where the policy's bands turn green).
    """
    from markupsafe import escape

    from okrkit.formatting import format_period, format_score

    if len(points) < 2:
        return ""
    pad = 10
    step = (width - 2 * pad) / (len(points) - 1)

    def y(value: float) -> float:
        return height - pad - (height - 2 * pad) * max(0.0, min(1.0, value))

    t = translations(match)
    label = t.gettext("{title}: score by period").replace("{title}", title)
    label += ": " + ", ".join(
        f"{format_period(p, match)} {format_score(v, match)}" for p, v in points
    )
    coords = [(pad + i * step, y(v)) for i, (_, v) in enumerate(points)]
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart trend" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{escape(label)}">',
        f"<title>{escape(label)}</title>",
        f'<rect x="0" y="0" width="{width}" height="{height}" class="chart-bg"/>',
        f'<line x1="{pad}" y1="{y(line):.1f}" x2="{width - pad}" y2="{y(line):.1f}" '
        'class="expected"/>',
        '<polyline points="'
        + " ".join(f"{x:.1f},{yy:.1f}" for x, yy in coords)
        + '" class="actual"/>',
    ]
    parts += [f'<circle cx="{x:.1f}" cy="{yy:.1f}" r="3" class="dot"/>' for x, yy in coords]
    parts.append("</svg>")
    return "".join(parts)


def trends_context(
    plan: Plan,
    history: History | None,
    rows: Sequence[Any],
    match: LocaleMatch,
    line: float,
) -> dict[str, Any]:
    """For the OKR document: each objective's score in the closed periods and now."""
    from okrkit.rendering import _markup

    trends: dict[str, list[tuple[Period, float]]] = {}
    for row in rows:
        past = history.trend(row.objective.id) if history is not None else []
        if past and plan.period is not None:
            trends[row.objective.id] = [*past, (plan.period, row.score.value)]

    def chart(objective: Objective) -> str:
        points = trends.get(objective.id, [])
        return _markup(trend_svg(points, match, title=objective.title, line=line))

    return {"trends": trends, "trend_chart_of": chart}


def review_render_context(
    plan: Plan,
    on: dt.date | None,
    policy: ScoringPolicy | str | None,
    match: LocaleMatch,
    history: History | None,
    decisions: Mapping[str, str] | None,
) -> dict[str, Any]:
    """:func:`review_context` plus what the review templates draw and label with."""
    t = translations(match)
    from okrkit.rendering import _markup

    pol = get_policy(policy)
    context = review_context(plan, on=on, policy=pol, history=history, decisions=decisions)
    context.update(
        plan=plan,
        grade_band=lambda v: (
            "red" if v < pol.red_below else "yellow" if v < pol.yellow_below else "green"
        ),
        grade_line=pol.yellow_below,
        trend_chart=lambda row: _markup(
            trend_svg(row.trend, match, title=row.objective.title, line=pol.yellow_below)
        ),
        outcome_labels={
            "carried": t.gettext("carried over"),
            "dropped": t.gettext("dropped"),
            "done": t.gettext("done"),
        },
    )
    return context
