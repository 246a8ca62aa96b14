"""Documents: okrkit's Jinja environment and :func:`render`.

:func:`environment` gives a Jinja environment bound to one locale, with
okrkit's filters (Babel formatting of numbers, percents, money, dates,
periods, scores, status labels, progress bars, SVG charts) and the i18n
extension with new-style gettext. Each environment serves one locale, so
rendering in many languages from many threads never mixes them.

Other applications can put their own loader first and ``{% extends %}``
okrkit's bundled templates, or render untrusted templates with
``sandboxed=True`` (Jinja's immutable sandbox).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from okrkit._text import display_width, md_cell
from okrkit.errors import OKRError, OneOf
from okrkit.formatting import (
    compact_money,
    format_currency,
    format_date,
    format_delta,
    format_goal,
    format_list,
    format_number,
    format_percent,
    format_period,
    format_points,
    format_range,
    format_score,
    format_value,
    label,
    parenthesize,
)
from okrkit.i18n import LocaleMatch, resolve_locale, translations
from okrkit.model import CheckIn, KeyResult, Objective, Plan
from okrkit.period import Period
from okrkit.scoring import Band, Score, ScoringPolicy, Status, get_policy, score

if TYPE_CHECKING:
    import jinja2
    from babel.core import Locale

    from okrkit.catalogue import Template, TemplateKeyResult
    from okrkit.company import Company
    from okrkit.csv_dialect import CsvDialect
    from okrkit.cycle import History

__all__ = ["FORMATS", "TEMPLATES", "Format", "environment", "render"]

Format = Literal["markdown", "html", "text", "csv"]

#: Output formats and the file extension of their templates.
FORMATS: dict[str, str] = {"markdown": "md", "html": "html", "text": "txt", "csv": "csv"}

#: Bundled templates and the formats each comes in.
TEMPLATES: dict[str, tuple[str, ...]] = {
    "document": ("markdown", "html", "text"),
    "dashboard": ("markdown", "html", "csv"),
    "checkin": ("markdown", "html", "text"),
    "book": ("markdown", "html", "text"),
    "review": ("markdown", "html", "text"),
    "company": ("markdown", "html", "text"),
}


def N_(message: str) -> str:
    """Mark a message for extraction; it is translated where it is shown."""
    return message


STATUS_LABELS: dict[Status, str] = {
    Status.NOT_STARTED: N_("Not started"),
    Status.NO_DATA: N_("No update"),
    Status.ON_TRACK: N_("On track"),
    Status.AT_RISK: N_("At risk"),
    Status.OFF_TRACK: N_("Off track"),
    Status.ACHIEVED: N_("Achieved"),
    Status.MISSED: N_("Missed"),
}

BAND_LABELS: dict[Band, str] = {
    Band.GREEN: N_("Green"),
    Band.YELLOW: N_("Yellow"),
    Band.RED: N_("Red"),
    Band.GREY: N_("Grey"),
}

WORD_LABELS: dict[str, str] = {
    # key result tags
    "volume": N_("volume"),
    "quality": N_("quality"),
    "growth": N_("growth"),
    "differentiation": N_("differentiation"),
    # indicators
    "lagging": N_("lagging"),
    "leading": N_("leading"),
    # cadences
    "daily": N_("daily"),
    "weekly": N_("weekly"),
    "biweekly": N_("every two weeks"),
    "monthly": N_("monthly"),
    "quarterly": N_("quarterly"),
    # initiative statuses
    "planned": N_("planned"),
    "in_progress": N_("in progress"),
    "done": N_("done"),
    "dropped": N_("dropped"),
    # directions
    "increase": N_("increase"),
    "decrease": N_("decrease"),
    "at_least": N_("at least"),
    "at_most": N_("at most"),
    "between": N_("between"),
}


# --- filters ---------------------------------------------------------------


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


def kr_target(kr: KeyResult, match: LocaleMatch, *, compact: bool | None = None) -> str:
    """The target of a key result as a reader expects it ("≤ 420 $", "40–60")."""
    t = translations(match)
    if kr.kind == "milestone":
        return t.gettext("done")
    direction = kr.resolved_direction
    if direction == "between":
        low = kr_value(kr, kr.target_min, match, compact=compact)
        high = kr_value(kr, kr.target_max, match, compact=compact)
        return format_range(low, high, match)
    text = kr_value(kr, kr.target, match, compact=compact)
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


def template_goal(t: Template, kr: TemplateKeyResult, match: LocaleMatch) -> str:
    """The goal of a catalogue template's key result at its default numbers."""
    if kr.kind != "metric" or kr.unit is None or _DIGIT.search(kr.title):
        return ""
    values = {field: t.params[name].default for field, name in kr.params.items()}
    durations = [t.params[name].duration_unit for name in kr.params.values()]
    baseline, target = values.get("baseline"), values.get("target")
    direction = kr.direction
    if direction is None and baseline is not None and target is not None:
        direction = "increase" if target > baseline else "decrease"
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
        compact=compact_money(values.values()) if kr.unit == "currency" else None,
    )


def plan_money_style(plan: Plan) -> bool:
    """Whether a plan's documents show money in the short style, decided once for all."""
    amounts: list[float | None] = []
    for objective in plan.objectives:
        for kr in objective.key_results:
            if kr.unit != "currency" or kr.kind != "metric":
                continue
            amounts += [kr.baseline, kr.target, kr.target_min, kr.target_max, kr.current]
            amounts += [kr.check_in_value(c) for c in kr.check_ins]
    return compact_money(amounts)


def progress_bar(value: float, width: int = 10) -> str:
    """A text progress bar for Markdown and plain text: ``███████░░░``."""
    if value != value:  # NaN: a score of numbers near the float range has no progress to show
        value = 0.0
    filled = max(0, min(width, round(value * width)))
    return "█" * filled + "░" * (width - filled)


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


# --- the environment -------------------------------------------------------


def _filters(match: LocaleMatch) -> dict[str, Callable[..., Any]]:
    from jinja2 import pass_context

    t = translations(match)

    def status_label(status: Status | str) -> str:
        return t.gettext(STATUS_LABELS[Status(status)])

    def band_label(band: Band | str) -> str:
        return t.gettext(BAND_LABELS[Band(band)])

    def word(key: str | None) -> str:
        if not key:
            return ""
        return t.gettext(WORD_LABELS[key]) if key in WORD_LABELS else key

    def compact(value: float) -> str:
        from babel.numbers import format_compact_decimal

        return format_compact_decimal(value, locale=match.babel, fraction_digits=1)

    def date(value: dt.date | None, format: str = "medium") -> str:
        return "" if value is None else format_date(value, match, format=format)

    def money(ctx: Any) -> bool | None:
        value = ctx.get("compact_money")
        return value if isinstance(value, bool) else None

    return {
        "number": lambda v, digits=2: format_number(v, match, digits=digits),
        "points": lambda v, digits=1: format_points(v, match, digits=digits),
        "join_list": lambda items: format_list(items, match),
        "label": lambda name, value: label(str(name), str(value), match).rstrip(),
        "paren": lambda text, detail: parenthesize(str(text), str(detail), match),
        "parens": lambda texts, details: [
            parenthesize(str(a), str(b), match) for a, b in zip(texts, details, strict=True)
        ],
        "lookup": lambda key, mapping: mapping[key],
        "percent": lambda v, digits=1: format_percent(v, match, digits=digits),
        "currency": lambda v, code, compact=None: format_currency(v, code, match, compact=compact),
        "compact": compact,
        "date": date,
        "period": lambda p: "" if p is None else format_period(p, match),
        "score": lambda v: format_score(v, match),
        "status": status_label,
        "band": band_label,
        "word": word,
        "kr_value": pass_context(lambda ctx, kr, v: kr_value(kr, v, match, compact=money(ctx))),
        "kr_delta": pass_context(lambda ctx, kr, v: kr_delta(kr, v, match, compact=money(ctx))),
        "kr_target": pass_context(lambda ctx, kr: kr_target(kr, match, compact=money(ctx))),
        "template_goal": lambda t, kr: template_goal(t, kr, match),
        "kr_goal": pass_context(lambda ctx, kr: kr_goal(kr, match, compact=money(ctx))),
        "bar": progress_bar,
        "width": lambda v: f"{max(0.0, min(1.0, v)) * 100:.1f}%",
        "width_of": display_width,
        "md": md_cell,
        "fill": _fill,
        "csv_row": pass_context(
            lambda ctx, values: csv_row(
                values, formulas=ctx.get("csv_formulas") is True, dialect=ctx.get("csv_dialect")
            )
        ),
    }


def _markup(text: str) -> str:
    from markupsafe import Markup

    return Markup(text)


def _loader(extra: jinja2.BaseLoader | None) -> jinja2.BaseLoader:
    import jinja2

    bundled = jinja2.PackageLoader("okrkit", "templates")
    if extra is None:
        return bundled
    return jinja2.ChoiceLoader([extra, jinja2.PrefixLoader({"okrkit": bundled}), bundled])


_ENV_LOCK = threading.Lock()
_ENVS: dict[tuple[str, bool], jinja2.Environment] = {}


def _make(
    match: LocaleMatch,
    loader: jinja2.BaseLoader | None,
    sandboxed: bool,
    autoescape: bool | Callable[[str | None], bool] | None,
) -> jinja2.Environment:
    import jinja2

    from okrkit.safe_output import CappedSandbox

    cls = CappedSandbox if sandboxed else jinja2.Environment
    env = cls(
        loader=_loader(loader),
        autoescape=(
            jinja2.select_autoescape(("html", "htm", "xml", "svg"), default_for_string=False)
            if autoescape is None
            else autoescape
        ),
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.install_gettext_translations(translations(match), newstyle=True)  # type: ignore[attr-defined]
    env.filters.update(_filters(match))
    env.globals.update(
        locale=match.locale,
        lang=match.locale.replace("_", "-"),
        chart=lambda kr, period: _markup(chart_svg(kr, period, match)),
    )
    return env


def environment(
    locale: str | Locale | LocaleMatch | None = "en",
    *,
    loader: jinja2.BaseLoader | None = None,
    sandboxed: bool = False,
    autoescape: bool | Callable[[str | None], bool] | None = None,
) -> jinja2.Environment:
    """A Jinja environment bound to ``locale`` with okrkit's filters and templates.

    ``loader`` goes first, so a caller's templates can ``{% extends
    "dashboard.html" %}`` (or ``"okrkit/dashboard.html"``) and override blocks.
    ``sandboxed=True`` uses Jinja's immutable sandbox for untrusted templates.
    Autoescaping is on for ``.html``, ``.xml`` and ``.svg`` templates unless
    ``autoescape`` says otherwise. Environments without a custom loader are
    cached per locale and safe to share between threads.

    >>> env = environment("sv")
    >>> env.from_string("{{ 0.645 | score }} · {{ 1234.5 | number }}").render()
    '64\\xa0% · 1\\xa0234,5'
    """
    match = resolve_locale(locale)
    if loader is not None or autoescape is not None:
        return _make(match, loader, sandboxed, autoescape)
    key = (match.formatting, sandboxed)
    env = _ENVS.get(key)
    if env is None:
        with _ENV_LOCK:
            env = _ENVS.get(key)
            if env is None:
                env = _ENVS[key] = _make(match, None, sandboxed, None)
    return env


# --- view models -----------------------------------------------------------


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


def _changes(plan: Plan, on: dt.date) -> list[CheckInChange]:
    out = []
    for objective in plan.objectives:
        for kr in objective.key_results:
            dated = sorted((c for c in kr.check_ins if c.date <= on), key=lambda c: c.date)
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
        "changes": _changes(plan, on),
        "teams": teams,
        "compact_money": plan_money_style(plan),
    }


def _book_context(items: Sequence[Template]) -> dict[str, Any]:
    areas: dict[str, list[Template]] = {}
    for t in items:
        areas.setdefault(t.area.label, []).append(t)
    return {"templates": list(items), "by_area": areas}


def render(
    item: Plan | Objective | KeyResult | Company | Template | Sequence[Template],
    format: Format | str = "markdown",
    *,
    locale: str | Locale | LocaleMatch | None = None,
    template: str | None = None,
    on: dt.date | None = None,
    policy: ScoringPolicy | str | None = None,
    title: str | None = None,
    bom: bool = False,
    csv_formulas: bool = False,
    delimiter: str | None = ",",
    history: History | None = None,
    decisions: Mapping[str, str] | None = None,
) -> str:
    """Render a plan, objective, key result or catalogue template(s) as a document.

    ``format`` is ``"markdown"``, ``"html"``, ``"text"`` or ``"csv"``;
    ``template`` is one of :data:`TEMPLATES` (``document`` for plans,
    ``book`` for catalogue templates, ``dashboard`` for CSV by default,
    ``company`` for an :class:`okrkit.company.Company` of several plans) or the
    name of a template in :func:`environment`. ``locale`` defaults to the
    plan's own ``locale:`` (then English). ``on`` is the scoring date
    (default today). ``bom=True`` starts CSV with a UTF-8 byte order mark for
    spreadsheet programs; ``delimiter`` separates CSV cells, and ``None`` picks the
    reader's spreadsheet convention (``;`` and decimal commas where the locale
    writes decimal commas, see :func:`okrkit.csv_dialect.spreadsheet_dialect`).
    The ``review`` template closes the plan's period as of
    ``on`` (default: the period's end) and shows what rolls over by ``decisions``
    (objective id to ``carry``, ``drop`` or ``done``) and the score trend across
    the periods in ``history`` (see :mod:`okrkit.cycle`); the ``document``
    template shows that trend too when ``history`` is given.

    >>> from okrkit import catalogue
    >>> text = render(catalogue.get("seo/on-page", "vi"), "markdown", locale="vi")
    >>> text.splitlines()[0].startswith("# ")
    True
    """
    from okrkit.catalogue import Template
    from okrkit.company import Company, company_context

    if format not in FORMATS:
        raise OKRError.translatable(
            N_("unknown format '{format}'; expected one of: {formats}"),
            format=format,
            formats=OneOf(FORMATS),
        )
    if locale is None and isinstance(item, Plan):
        locale = item.locale
    match = resolve_locale(locale)
    item, title = _safe_for(item, format, title)
    book: list[Template] | None = None
    if isinstance(item, Template):
        book = [item]
    elif isinstance(item, Sequence) and all(isinstance(i, Template) for i in item):
        book = list(item)
    is_book = book is not None
    default = "company" if isinstance(item, Company) else "document"
    name = template or ("book" if is_book else "dashboard" if format == "csv" else default)
    if name in TEMPLATES:
        if format not in TEMPLATES[name]:
            raise OKRError.translatable(
                N_("template '{name}' comes in {formats}, not '{format}'"),
                name=name,
                formats=list(TEMPLATES[name]),
                format=format,
            )
        name = f"{name}.{FORMATS[format]}"
    env = environment(match)
    if book is not None:
        items = [t if t.locale == match.locale else _relocalize(t, match) for t in book]
        context = _book_context(items)
    elif isinstance(item, Company):
        context = company_context(item, on or dt.date.today(), policy, match)
    elif name.startswith("company.") and isinstance(item, (Plan, Objective, KeyResult)):
        context = company_context(_as_plan(item), on or dt.date.today(), policy, match)
    else:
        if isinstance(item, Template) or not isinstance(item, (Plan, Objective, KeyResult)):
            raise OKRError.translatable(
                N_("cannot render {type}; expected a Plan, Objective, key result or template"),
                type=type(item).__name__,
            )
        plan = _as_plan(item)
        if name.startswith("review."):
            from okrkit.cycle.review import review_render_context

            context = review_render_context(plan, on, policy, match, history, decisions)
            context.setdefault("compact_money", plan_money_style(plan))
        else:
            context = _plan_context(plan, on or dt.date.today(), policy, match)
            if history is not None:
                from okrkit.cycle.review import trends_context

                line = get_policy(policy).yellow_below
                context.update(trends_context(plan, history, context["rows"], match, line))
    context["title"] = title
    context["csv_formulas"] = csv_formulas
    if format == "csv":
        from okrkit.csv_dialect import spreadsheet_dialect

        context["csv_dialect"] = spreadsheet_dialect(match, delimiter)
    text = env.get_template(name).render(**context)
    if bom and format == "csv":
        text = "\ufeff" + text
    return text


def _safe_for(item: Any, format: str, title: str | None) -> tuple[Any, str | None]:
    """``item`` and ``title`` with user text made inert for ``format`` (see
    :mod:`okrkit.safe_output`): escaped for Markdown, without control characters
    for text and CSV. HTML is escaped by Jinja's autoescaping."""
    import dataclasses

    from okrkit.company import Company
    from okrkit.safe_output import md_escape, safe_copy, text_clean

    clean = {"markdown": md_escape, "text": text_clean, "csv": text_clean}.get(format)
    if clean is None:
        return item, title
    if isinstance(item, (Plan, Objective, KeyResult)):
        item = safe_copy(item, clean)
    elif isinstance(item, Company):
        item = dataclasses.replace(item, plan=safe_copy(item.plan, clean))
    return item, clean(title) if title else title


def _relocalize(t: Template, match: LocaleMatch) -> Template:
    from okrkit import catalogue

    return catalogue.get(t.id, match)
