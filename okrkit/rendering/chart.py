"""Inline SVG charts of a key result's check-ins against its expected line."""

from __future__ import annotations

from okrkit.i18n import LocaleMatch, translations
from okrkit.model import KeyResult
from okrkit.period import Period
from okrkit.rendering.values import _fill, kr_value

__all__ = ["chart_svg"]


def chart_svg(
    kr: KeyResult,
    period: Period | None,
    match: LocaleMatch,
    *,
    width: int = 260,
    height: int = 80,
) -> str:
    """An inline SVG of a key result's check-ins against the expected line.

    The dashed line runs from the baseline at the period's start to the target
    at its end (linear expected progress); dots are check-ins. Returns an empty
    string where there is nothing to draw (milestones, threshold key results
    without a baseline, no period).
    """
    from markupsafe import escape

    if period is None or kr.kind == "milestone" or kr.baseline is None or kr.target is None:
        return ""
    points: list[tuple[int, float]] = []
    for check_in in sorted(kr.check_ins, key=lambda c: c.date):
        value = kr.check_in_value(check_in)
        if value is not None:
            points.append(((check_in.date - period.start).days, value))
    span = max(1, (period.end - period.start).days)
    values = [kr.baseline, kr.target] + [v for _, v in points]
    low, high = min(values), max(values)
    if high == low:
        high = low + 1
    pad = 8

    def x(day: int) -> float:
        return pad + (width - 2 * pad) * max(0, min(day, span)) / span

    def y(value: float) -> float:
        return height - pad - (height - 2 * pad) * (value - low) / (high - low)

    t = translations(match)
    label = _fill(
        t.gettext("{title}: check-ins against the expected line from {baseline} to {target}"),
        title=kr.title,
        baseline=kr_value(kr, kr.baseline, match),
        target=kr_value(kr, kr.target, match),
    )
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{escape(label)}">',
        f"<title>{escape(label)}</title>",
        f'<rect x="0" y="0" width="{width}" height="{height}" class="chart-bg"/>',
        f'<line x1="{x(0):.1f}" y1="{y(kr.baseline):.1f}" x2="{x(span):.1f}" '
        f'y2="{y(kr.target):.1f}" class="expected"/>',
    ]
    if points:
        path = " ".join(f"{x(d):.1f},{y(v):.1f}" for d, v in [(0, kr.baseline), *points])
        parts.append(f'<polyline points="{path}" class="actual"/>')
        for d, v in points:
            parts.append(f'<circle cx="{x(d):.1f}" cy="{y(v):.1f}" r="3" class="dot"/>')
    parts.append("</svg>")
    return "".join(parts)
