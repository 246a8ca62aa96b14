"""The public render API: :func:`render` of plans, objectives, key results and templates."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from okrkit.errors import OKRError, OneOf
from okrkit.i18n import LocaleMatch, resolve_locale
from okrkit.model import KeyResult, Objective, Plan
from okrkit.rendering.context import _as_plan, _book_context, _plan_context
from okrkit.rendering.environments import environment
from okrkit.rendering.labels import FORMATS, N_, TEMPLATES, Format
from okrkit.rendering.values import plan_money_style
from okrkit.scoring import ScoringPolicy, get_policy

if TYPE_CHECKING:
    from babel.core import Locale

    from okrkit.catalogue import Template
    from okrkit.company import Company
    from okrkit.cycle import History

__all__ = ["render"]


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
    # A catalogue template or a company exists only once its module is imported: a
    # plan's render need not import them to see it was given neither.
    Template: Any = _loaded("okrkit.catalogue", "Template")
    Company: Any = _loaded("okrkit.company", "Company")

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
        from okrkit.company import company_context

        context = company_context(item, on or dt.date.today(), policy, match)
    elif name.startswith("company.") and isinstance(item, (Plan, Objective, KeyResult)):
        from okrkit.company import company_context

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
            context.setdefault("compact_money", plan_money_style(plan, match))
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
    if format not in ("markdown", "text", "csv"):
        return item, title  # HTML: Jinja escapes (okrkit.safe_output is not imported)
    from okrkit.safe_output import md_escape, safe_copy, text_clean

    Company: Any = _loaded("okrkit.company", "Company")

    clean = md_escape if format == "markdown" else text_clean
    if isinstance(item, (Plan, Objective, KeyResult)):
        item = safe_copy(item, clean)
    elif isinstance(item, Company):
        item = item.cleaned(clean)  # its teams' names and plans too
    return item, clean(title) if title else title


def _loaded(module: str, name: str) -> Any:
    """``module.name`` if ``module`` is imported, else ``()`` (``isinstance`` is then false)."""
    found = sys.modules.get(module)
    return getattr(found, name) if found is not None else ()


def _relocalize(t: Template, match: LocaleMatch) -> Template:
    from okrkit import catalogue

    return catalogue.get(t.id, match)
