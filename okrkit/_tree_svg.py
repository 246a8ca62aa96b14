"""The alignment tree as an inline SVG: one box per objective, coloured by status."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from okrkit._text import display_width

__all__ = ["alignment_svg", "wrap"]

_W, _H, _GAP_X, _GAP_Y, _PAD = 180, 62, 16, 34, 10


def wrap(text: str, columns: int, lines: int) -> list[str]:
    """``text`` in at most ``lines`` lines of ``columns`` display columns, with an
    ellipsis when cut. Breaks at spaces, or anywhere in text without them (CJK).

    >>> wrap("Build a pipeline sales can count on", 18, 2)
    ['Build a pipeline', 'sales can count on']
    >>> wrap("建立销售可以信赖的销售线索储备", 10, 2)
    ['建立销售可', '以信赖的…']
    """
    out: list[str] = []
    current = ""
    tokens = text.split(" ") if " " in text else list(text)
    joiner = " " if " " in text else ""
    for token in tokens:
        candidate = f"{current}{joiner}{token}" if current else token
        if display_width(candidate) <= columns:
            current = candidate
            continue
        if current:
            out.append(current)
        current = token
        if len(out) == lines:
            break
    if len(out) < lines and current:
        out.append(current)
    rest = joiner.join(tokens)
    if joiner.join(out) != rest and out:
        last = out[-1]
        while last and display_width(last) > columns - 1:
            last = last[:-1]
        out[-1] = last.rstrip() + "…"
    return out[:lines]


def _layout(rows: Sequence[Any]) -> dict[str, tuple[float, int]]:
    """(x slot, depth) per objective id: leaves take successive slots, parents centre."""
    children: dict[str, list[str]] = {}
    order: list[tuple[str, int]] = []
    stack: list[str] = []
    for row in rows:
        del stack[row.depth :]
        if stack:
            children.setdefault(stack[-1], []).append(row.objective.id)
        stack.append(row.objective.id)
        order.append((row.objective.id, row.depth))
    place: dict[str, tuple[float, int]] = {}
    slot = 0
    for objective_id, depth in order:  # leaves take successive slots
        if objective_id not in children:
            place[objective_id] = (float(slot), depth)
            slot += 1
    for objective_id, depth in reversed(order):  # children come before their parents
        kids = children.get(objective_id)
        if kids:
            place[objective_id] = ((place[kids[0]][0] + place[kids[-1]][0]) / 2, depth)
    return place


def alignment_svg(rows: Sequence[Any], label: str, describe: Callable[[Any], str]) -> str:
    """The tree of ``rows`` (objects with ``objective``, ``score``, ``depth``, in
    depth-first order) as SVG; ``describe(row)`` gives a box's second line."""
    from markupsafe import escape

    if not rows:
        return ""
    place = _layout(rows)
    columns = max(int(x) for x, _ in place.values()) + 1
    depth = max(d for _, d in place.values()) + 1
    width = _PAD * 2 + columns * _W + (columns - 1) * _GAP_X
    height = _PAD * 2 + depth * _H + (depth - 1) * _GAP_Y

    def box(objective_id: str) -> tuple[float, float]:
        x, d = place[objective_id]
        return _PAD + x * (_W + _GAP_X), _PAD + d * (_H + _GAP_Y)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="tree" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{escape(label)}"><title>{escape(label)}</title>'
    ]
    for row in rows:
        parent = row.objective.parent
        if parent in place:
            px, py = box(parent)
            cx, cy = box(row.objective.id)
            parts.append(
                f'<path class="edge" d="M{px + _W / 2:.1f},{py + _H:.1f} '
                f"C{px + _W / 2:.1f},{py + _H + _GAP_Y / 2:.1f} {cx + _W / 2:.1f},"
                f'{cy - _GAP_Y / 2:.1f} {cx + _W / 2:.1f},{cy:.1f}"/>'
            )
    for row in rows:
        x, y = box(row.objective.id)
        band = getattr(row.score.band, "value", row.score.band)
        title = wrap(row.objective.title, 26, 2)
        parts.append(
            f'<g class="node {escape(band)}"><rect x="{x:.1f}" y="{y:.1f}" width="{_W}" '
            f'height="{_H}" rx="8"/>'
        )
        for n, line in enumerate(title):
            parts.append(f'<text x="{x + 10:.1f}" y="{y + 18 + 15 * n:.1f}">{escape(line)}</text>')
        parts.append(
            f'<text class="sub" x="{x + 10:.1f}" y="{y + _H - 9:.1f}">'
            f"{escape(describe(row))}</text></g>"
        )
    parts.append("</svg>")
    return "".join(parts)
