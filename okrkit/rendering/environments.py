"""okrkit's Jinja environments: one per locale, with okrkit's filters and templates."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from okrkit._text import display_width, md_cell
from okrkit.formatting import (
    _compact_decimal,
    format_currency,
    format_date,
    format_list,
    format_number,
    format_percent,
    format_period,
    format_points,
    format_score,
    label,
    parenthesize,
    with_goal,
)
from okrkit.i18n import LocaleMatch, resolve_locale, translations
from okrkit.rendering.chart import chart_svg
from okrkit.rendering.html import html_globals, width
from okrkit.rendering.labels import BAND_LABELS, STATUS_LABELS, WORD_LABELS
from okrkit.rendering.values import (
    _fill,
    csv_row,
    kr_delta,
    kr_goal,
    kr_target,
    kr_value,
    progress_bar,
    template_goal,
)
from okrkit.scoring import Band, Status

if TYPE_CHECKING:
    import gettext

    import jinja2
    from babel.core import Locale

__all__ = ["environment"]


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

    def compact(value: float) -> str:  # "1,2 mn"; "1,2 triệu", as money is written
        return _compact_decimal(value, match.babel, digits=1)

    def date(value: dt.date | None, format: str = "medium") -> str:
        return "" if value is None else format_date(value, match, format=format)

    def money(ctx: Any) -> bool | None:
        value = ctx.get("compact_money")
        return value if isinstance(value, bool) else None

    return {
        "number": lambda v, digits=2: format_number(v, match, digits=digits),
        "points": lambda v, digits=1: format_points(v, match, digits=digits),
        "join_list": lambda items, style="standard": format_list(items, match, style=style),
        "label": lambda name, value: label(str(name), str(value), match).rstrip(),
        "paren": lambda text, detail: parenthesize(str(text), str(detail), match),
        "with_goal": lambda title, goal: with_goal(str(title), str(goal or ""), match),
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
        "template_goal": pass_context(
            lambda ctx, t, kr: template_goal(t, kr, match, compact=money(ctx))
        ),
        "kr_goal": pass_context(lambda ctx, kr: kr_goal(kr, match, compact=money(ctx))),
        "bar": progress_bar,
        "width": width,
        "width_of": display_width,
        "md": md_cell,
        "fill": _fill,
        "csv_row": pass_context(
            lambda ctx, values: csv_row(
                values, formulas=ctx.get("csv_formulas") is True, dialect=ctx.get("csv_dialect")
            )
        ),
    }


def _gettext(t: gettext.NullTranslations) -> Callable[..., str]:
    """Jinja's new-style ``gettext`` (and ``_``) for ``t``, remembering each message.

    It gives what ``jinja2.ext`` gives (the translation, as ``Markup`` where the
    template autoescapes, always ``%``-formatted), but a message without variables
    is translated and formatted once per environment, not at every use.
    """
    from jinja2 import pass_eval_context
    from markupsafe import Markup

    done: dict[tuple[str, bool], str] = {}

    def translate(message: str, autoescape: bool, variables: dict[str, Any]) -> str:
        text = t.gettext(message)
        formatted: str = (Markup(text) if autoescape else text) % variables
        return formatted

    @pass_eval_context  # not the whole context: Jinja would copy it in every loop
    def gettext(eval_ctx: Any, message: str, **variables: Any) -> str:
        autoescape = bool(eval_ctx.autoescape)
        if variables:
            return translate(message, autoescape, variables)
        key = (message, autoescape)
        found = done.get(key)
        if found is None:
            found = done[key] = translate(message, autoescape, {})
        return found

    return gettext


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

    cls: type[jinja2.Environment] = jinja2.Environment
    if sandboxed:  # imported only for the sandbox: a plain render never needs it
        from okrkit.safe_output import CappedSandbox

        cls = CappedSandbox
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
    cached = _gettext(translations(match))
    env.globals.update(_=cached, gettext=cached)
    env.filters.update(_filters(match))
    env.globals.update(
        locale=match.locale,
        lang=match.locale.replace("_", "-"),
        chart=lambda kr, period: _markup(chart_svg(kr, period, match)),
    )
    env.globals.update(html_globals(match))
    if loader is None and autoescape is None:  # okrkit's own setup: keep compiled templates
        from okrkit.rendering.bytecode import template_cache

        env.bytecode_cache = template_cache(env)
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
