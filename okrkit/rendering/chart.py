"""Inline SVG charts of a key result's check-ins against its expected line."""

from __future__ import annotations

from okrkit.i18n import LocaleMatch, translations
from okrkit.model import KeyResult
from okrkit.period import Period
from okrkit.rendering.values import kr_value

__all__ = ["chart_svg"]


def chart_svg(
    kr: KeyResult,
    period: Period | None,
    match: LocaleMatch,
    *,
    width: int = 260,
    height: int = 80,
    baseline_text: str | None = None,
    target_text: str | None = None,
) -> str:
    """An inline SVG of a key result's check-ins against the expected line.

    The dashed line runs from the baseline at the period's start to the target
    at its end (linear expected progress); dots are check-ins. Returns an empty
    string where there is nothing to draw (milestones, threshold key results
    without a baseline, no period). ``baseline_text`` and ``target_text`` are the
    baseline and target as :func:`~okrkit.rendering.values.kr_value` formats them,
    when the caller has them already.
    """
    from markupsafe import escape

    if period is None or kr.kind == "milestone" or kr.baseline is None or kr.target is None:
        return ""
    start = period.start
    points: list[tuple[int, float]] = []
    for check_in in sorted(kr.check_ins, key=lambda c: c.date):
        value = kr.check_in_value(check_in)
        if value is not None:
            points.append(((check_in.date - start).days, value))
    span = max(1, (period.end - start).days)
    values = [kr.baseline, kr.target] + [v for _, v in points]
    low, high = min(values), max(values)
    if high == low:
        high = low + 1
    pad = 8

    def xy(day: int, value: float) -> tuple[str, str]:
        x = pad + (width - 2 * pad) * max(0, min(day, span)) / span
        y = height - pad - (height - 2 * pad) * (value - low) / (high - low)
        return f"{x:.1f}", f"{y:.1f}"

    t = translations(match)
    baseline = kr_value(kr, kr.baseline, match) if baseline_text is None else baseline_text
    target = kr_value(kr, kr.target, match) if target_text is None else target_text
    label = t.gettext("{title}: check-ins against the expected line from {baseline} to {target}")
    # filled as _fill fills a plain text, in the same order, then escaped once
    label = label.replace("{title}", kr.title).replace("{baseline}", baseline)
    label = str(escape(label.replace("{target}", target)))
    x0, y0 = xy(0, kr.baseline)
    x1, y1 = xy(span, kr.target)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{label}">',
        f"<title>{label}</title>",
        f'<rect x="0" y="0" width="{width}" height="{height}" class="chart-bg"/>',
        f'<line x1="{x0}" y1="{y0}" x2="{x1}" y2="{y1}" class="expected"/>',
    ]
    if points:
        dots = [xy(d, v) for d, v in points]
        path = " ".join(f"{x},{y}" for x, y in [(x0, y0), *dots])
        parts.append(f'<polyline points="{path}" class="actual"/>')
        for x, y in dots:
            parts.append(f'<circle cx="{x}" cy="{y}" r="3" class="dot"/>')
    parts.append("</svg>")
    return "".join(parts)
