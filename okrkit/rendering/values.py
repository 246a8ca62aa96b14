"""Key results' values, targets, goals and CSV rows, formatted for documents."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from okrkit.formatting import (
    compact_money,
    format_delta,
    format_goal,
    format_range,
    format_value,
)
from okrkit.i18n import LocaleMatch, translations
from okrkit.model import KeyResult, Plan

if TYPE_CHECKING:
    from okrkit.catalogue import Template, TemplateKeyResult
    from okrkit.csv_dialect import CsvDialect

__all__ = [
    "csv_row",
    "kr_delta",
    "kr_goal",
    "kr_target",
    "kr_value",
    "plan_money_style",
    "progress_bar",
    "template_goal",
    "templates_money_style",
]


def _fill(text: str, **values: object) -> str:
    """Replace ``{name}`` placeholders of a translated text with ``values``."""
    from markupsafe import Markup, escape

    out = str(text)
    markup = isinstance(text, Markup)
    for name, value in values.items():
        out = out.replace("{" + name + "}", str(escape(value)) if markup else str(value))
    return Markup(out) if markup else out


def kr_value(
    kr: KeyResult, value: float | None, match: LocaleMatch, *, compact: bool | None = None
) -> str:
    """A value of key result ``kr`` in its unit, formatted for the locale.

    ``compact`` is the document's money style (see :func:`~okrkit.formatting.compact_money`).
    """
    if kr.kind == "milestone":
        return ""
    return format_value(
        value,
        kr.unit,
        match,
        currency=kr.currency,
        duration_unit=kr.duration_unit,
        compact=compact,
    )


def kr_delta(
    kr: KeyResult, delta: float | None, match: LocaleMatch, *, compact: bool | None = None
) -> str:
    """A signed change of a key result ("+120", "+0.6 pp" for percents); "—" if unknown."""
    if kr.kind == "milestone" or delta is None:
        return "—"
    return format_delta(
        delta,
        kr.unit,
        match,
        currency=kr.currency,
        duration_unit=kr.duration_unit,
        compact=compact,
    )


def kr_target(
    kr: KeyResult,
    match: LocaleMatch,
    *,
    compact: bool | None = None,
    target_text: str | None = None,
) -> str:
    """The target of a key result as a reader expects it ("≤ 420 $", "40–60").

    ``target_text`` is ``kr_value(kr, kr.target, match, compact=compact)`` when the
    caller has it already.
    """
    t = translations(match)
    if kr.kind == "milestone":
        return t.gettext("done")
    direction = kr.resolved_direction
    if direction == "between":
        low = kr_value(kr, kr.target_min, match, compact=compact)
        high = kr_value(kr, kr.target_max, match, compact=compact)
        return format_range(low, high, match)
    text = kr_value(kr, kr.target, match, compact=compact) if target_text is None else target_text
    if direction == "at_least":
        return f"≥ {text}"
    if direction == "at_most":
        return f"≤ {text}"
    return text


_DIGIT = re.compile(r"\d")


def kr_goal(kr: KeyResult, match: LocaleMatch, *, compact: bool | None = None) -> str:
    """Where the key result goes, to show next to its title: "from 1,000 to 1,160".

    Empty for milestones and for a title that carries its own numbers (lint's
    ``title-numbers`` rule checks those against the fields).
    """
    if kr.kind == "milestone" or _DIGIT.search(kr.title):
        return ""
    return format_goal(
        kr.resolved_direction,
        kr.unit,
        match,
        baseline=kr.baseline,
        target=kr.target,
        target_min=kr.target_min,
        target_max=kr.target_max,
        currency=kr.currency,
        duration_unit=kr.duration_unit,
        compact=compact,
    )


def template_goal(
    t: Template, kr: TemplateKeyResult, match: LocaleMatch, *, compact: bool | None = None
) -> str:
    """The goal of a catalogue template's key result at its default numbers.

    ``compact`` is the document's money style (:func:`templates_money_style` of
    every template it shows); by default the template's own.
    """
    if kr.kind != "metric" or kr.unit is None or _DIGIT.search(kr.title):
        return ""
    values = {field: t.params[name].default for field, name in kr.params.items()}
    durations = [t.params[name].duration_unit for name in kr.params.values()]
    baseline, target = values.get("baseline"), values.get("target")
    direction = kr.direction
    if direction is None and baseline is not None and target is not None:
        direction = "increase" if target > baseline else "decrease"
    if compact is None and kr.unit == "currency":
        compact = templates_money_style([t])
    return format_goal(
        direction,
        kr.unit,
        match,
        baseline=baseline,
        target=target,
        target_min=values.get("target_min"),
        target_max=values.get("target_max"),
        currency="USD",
        duration_unit=next((d for d in durations if d), None),
        compact=compact if kr.unit == "currency" else None,
    )


def templates_money_style(
    templates: Iterable[Template], locale: LocaleMatch | str | None = None
) -> bool:
    """Whether a document of catalogue ``templates`` shows money in the short style,
    decided once from every amount in it (each template's money defaults), for
    ``locale`` (by default the templates' own)."""
    items = list(templates)
    if locale is None:
        locale = items[0]._match if items else "en"
    return compact_money((a for t in items for a in t.money_amounts()), locale)


def plan_money_style(plan: Plan, locale: LocaleMatch | str = "en") -> bool:
    """Whether a plan's documents in ``locale`` show money in the short style,
    decided once for all."""
    amounts: list[float | None] = []
    for objective in plan.objectives:
        for kr in objective.key_results:
            if kr.unit != "currency" or kr.kind != "metric":
                continue
            amounts += [kr.baseline, kr.target, kr.target_min, kr.target_max, kr.current]
            amounts += [kr.check_in_value(c) for c in kr.check_ins]
    return compact_money(amounts, locale)


def progress_bar(value: float, width: int = 10) -> str:
    """A text progress bar for Markdown and plain text: ``███████░░░``."""
    if value != value:  # NaN: a score of numbers near the float range has no progress to show
        value = 0.0
    filled = max(0, min(width, round(value * width)))
    return "█" * filled + "░" * (width - filled)


def csv_row(
    values: Iterable[object], *, formulas: bool = False, dialect: CsvDialect | None = None
) -> str:
    """One CSV line (RFC 4180 quoting, CRLF) from ``values``.

    Text that a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@``,
    tab, CR first) gets a leading ``'`` unless ``formulas=True``
    (see :func:`okrkit.safe_output.csv_cell`). ``dialect`` sets the delimiter and
    the decimal sign of numbers (default: commas and points).
    """
    from okrkit.csv_dialect import RFC4180, format_cell
    from okrkit.safe_output import csv_cell

    dialect = dialect or RFC4180
    buffer = io.StringIO()
    cells = ["" if v is None else v for v in values]
    if not formulas:
        cells = [csv_cell(c) for c in cells]
    cells = [format_cell(c, dialect) for c in cells]
    csv.writer(buffer, delimiter=dialect.delimiter, lineterminator="\r\n").writerow(cells)
    return buffer.getvalue()
