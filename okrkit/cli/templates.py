"""``okrkit templates``: browse the catalogue (list, show, book)."""

from __future__ import annotations

import argparse

from okrkit._choices import RENDER_FORMATS
from okrkit._text import display_width
from okrkit.cli._base import Context, Translate, data_format, table, write_output

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (CLI start-up)
if TYPE_CHECKING:
    from typing import Any

__all__ = ["register"]


def run_list(ctx: Context) -> int:
    from okrkit import catalogue

    args = ctx.args
    found = catalogue.templates(ctx.locale, role=args.role, area=args.area, query=args.query)
    if args.format == "json":
        ctx.json(
            {
                "templates": [
                    {
                        "id": t.id,
                        "title": t.title,
                        "area": t.area.id,
                        "roles": [r.id for r in t.roles],
                    }
                    for t in found
                ]
            }
        )
        return 0
    rows = [[ctx._("Template"), ctx._("Area"), ctx._("Objective")]]
    rows += [[t.id, t.area.label, t.title] for t in found]
    ctx.out.write(table(rows))
    ctx.out.write(
        ctx.t.ngettext("{n} template", "{n} templates", len(found)).replace("{n}", str(len(found)))
        + "\n"
    )
    return 0


def run_show(ctx: Context) -> int:
    from okrkit import catalogue
    from okrkit.formatting import format_value
    from okrkit.rendering import render

    t = catalogue.get(ctx.args.id, ctx.locale)
    if ctx.args.format == "json":
        ctx.json(
            {
                "id": t.id,
                "title": t.title,
                "why": t.why,
                "area": {"id": t.area.id, "label": t.area.label},
                "roles": [{"id": r.id, "label": r.label} for r in t.roles],
                "params": {
                    p.name: {"default": p.default, "unit": p.unit} for p in t.params.values()
                },
                "goal": {"id": t.goal.id, "label": t.goal.label},
                "key_results": [
                    {"id": k.id, "title": k.title, "reporter": k.reporter.label}
                    for k in t.key_results
                ],
                "initiatives": [i.title for i in t.initiatives],
            }
        )
        return 0
    if ctx.args.format == "markdown":
        ctx.out.write(render(t, "markdown", locale=ctx.locale, title=t.title))
        return 0
    from okrkit.formatting import format_list, label, with_goal
    from okrkit.i18n import resolve_locale
    from okrkit.rendering import template_goal, templates_money_style

    word = ctx.t.gettext
    match = resolve_locale(ctx.locale)
    compact = templates_money_style([t])  # one money style: goals, texts and parameters
    t = t.with_money_style(compact)
    out = [t.title, "=" * display_width(t.title)]
    roles = format_list((r.label for r in t.roles), match, style="plain")
    out.append(" · ".join([t.id, t.area.label, roles, t.goal.label]))
    out += ["", t.why]
    if t.notes:
        out += ["", t.notes]
    out += ["", label(ctx._("Key results"), "", match).rstrip()]
    for kr in t.key_results:
        line = with_goal(
            f"[{kr.id}] {kr.title}", template_goal(t, kr, match, compact=compact), match
        )
        parts = (kr.source, kr.reporter.label, word(kr.cadence) if kr.cadence else None)
        extra = " · ".join(x for x in parts if x)
        out.append("  - " + line)
        if extra:
            out.append("    " + extra)
    out += ["", label(ctx._("Initiatives"), "", match).rstrip()]
    out += [f"  - {i.title}" for i in t.initiatives]
    out += ["", ctx._("Parameters (change them with okrkit new --set NAME=VALUE):")]
    for p in t.params.values():
        shown = format_value(
            p.default,
            p.unit,
            ctx.locale,
            currency="USD",
            duration_unit=p.duration_unit,
            compact=compact,
        )
        out.append(f"  {p.name} = {shown}")
    ctx.out.write("\n".join(out) + "\n")
    return 0


def run_book(ctx: Context) -> int:
    from okrkit import catalogue
    from okrkit.rendering import render

    args = ctx.args
    found = catalogue.templates(ctx.locale, role=args.role, area=args.area, query=args.query)
    text = render(found, args.format, locale=ctx.locale, title=args.title)
    write_output(ctx, text, args.output)
    return 0


def register(sub: Any, common: argparse.ArgumentParser, _: Translate) -> None:
    """Add ``templates list|show|book``."""
    from okrkit.cli._locale import Parser

    templates = sub.add_parser("templates", parents=[common])
    templates.set_defaults(help_parser=templates)
    tsub = templates.add_subparsers(
        dest="templates_command", metavar=_("COMMAND"), title=_("commands"), parser_class=Parser
    )
    tlist = tsub.add_parser(
        "list", help=_("list templates, by role, area or text"), parents=[common]
    )
    _selection(tlist, _)
    data_format(tlist, _)
    tlist.set_defaults(func=run_list)
    tshow = tsub.add_parser("show", help=_("show one template"), parents=[common])
    tshow.add_argument("id", metavar="ID", help=_("template id, such as seo/on-page"))
    data_format(tshow, _, ("text", "markdown", "json"))
    tshow.set_defaults(func=run_show)
    tbook = tsub.add_parser(
        "book", help=_("render a book of templates as one document"), parents=[common]
    )
    _selection(tbook, _)
    tbook.add_argument(
        "--format",
        choices=[f for f in RENDER_FORMATS if f != "csv"],
        default="markdown",
        help=_("output format"),
    )
    tbook.add_argument("--title", help=_("document title"))
    tbook.add_argument(
        "-o", "--output", metavar="FILE", help=_("write to FILE instead of standard output")
    )
    tbook.set_defaults(func=run_book)


def _selection(p: argparse.ArgumentParser, _: Translate) -> None:
    p.add_argument("--role", help=_("only templates for this role id"))
    p.add_argument("--area", help=_("only templates of this area id"))
    p.add_argument("--query", help=_("only templates whose text contains these words"))
