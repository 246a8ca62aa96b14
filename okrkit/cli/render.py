"""``okrkit render``: a plan as a document, dashboard or check-in report."""

from __future__ import annotations

import argparse

from okrkit._choices import POLICY_NAMES, RENDER_FORMATS, RENDER_TEMPLATES
from okrkit.cli._base import Context, Translate, UsageError, parse_date, read_plan, write_output

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (CLI start-up)
if TYPE_CHECKING:
    from typing import Any

__all__ = ["register"]


def _delimiter(text: str | None) -> str | None:
    """``--delimiter``: ``tab`` and ``\\t`` mean a tab; unset means the locale's convention."""
    if text is None:
        return None
    return "\t" if text in ("tab", "\\t", "TAB") else text


def run(ctx: Context) -> int:
    from okrkit.rendering import render

    args = ctx.args
    if args.template == "company":
        from okrkit.company import load_company

        item: Any = load_company(["/dev/stdin" if f == "-" else f for f in args.files])
    elif len(args.files) > 1:
        raise UsageError(ctx._("only --template company takes several plan files"))
    else:
        args.file = args.files[0]
        item = read_plan(args.file)
    extra: dict[str, Any] = {}
    if args.template == "review":
        from okrkit.cli.rollover import decisions_from

        extra["decisions"] = decisions_from(ctx)
    if args.template in (None, "document", "review") and args.file != "-":
        from okrkit._history_path import history_path

        if history_path(args.file).exists():  # trends across the closed periods
            from okrkit.cycle import load_history

            extra["history"] = load_history(args.file)
    # The document speaks the plan's language unless --locale says otherwise; the
    # command's own messages keep the user's language.
    text = render(
        item,
        args.format,
        locale=args.locale or getattr(item, "locale", None) or ctx.locale,
        template=args.template,
        on=parse_date(ctx, args.on) if args.on or args.template != "review" else None,
        policy=args.policy,
        title=args.title,
        bom=args.bom,
        delimiter=_delimiter(args.delimiter),
        **extra,
    )
    write_output(ctx, text, args.output)
    return 0


def register(sub: Any, common: argparse.ArgumentParser, _: Translate) -> None:
    """Add ``render``."""
    render_p = sub.add_parser("render", parents=[common])
    render_p.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help=_(
            "plan file (YAML or JSON), or - for standard input; with --template company, "
            "several plan files or folders of them"
        ),
    )
    render_p.add_argument(
        "--format", choices=RENDER_FORMATS, default="markdown", help=_("output format")
    )
    render_p.add_argument(
        "--template",
        choices=[t for t in RENDER_TEMPLATES if t != "book"],
        help=_(
            "document, dashboard, checkin, review (the end-of-period review) or company "
            "(several teams' plans as one alignment tree)"
        ),
    )
    render_p.add_argument(
        "--on", metavar="DATE", help=_("score as of this date (YYYY-MM-DD, default today)")
    )
    render_p.add_argument("--policy", choices=POLICY_NAMES, help=_("scoring policy"))
    render_p.add_argument("--title", help=_("document title"))
    render_p.add_argument(
        "--decisions",
        metavar="YAML",
        help=_("for the review: a YAML file mapping objective ids to carry, drop or done"),
    )
    render_p.add_argument(
        "--bom",
        action="store_true",
        help=_("start CSV with a byte order mark for spreadsheet programs"),
    )
    render_p.add_argument(
        "--delimiter",
        metavar="CHAR",
        help=_(
            "CSV cell separator, such as , ; or tab (default: what spreadsheets expect in the "
            "document's language: ; with decimal commas for sv, ru and vi, else ,)"
        ),
    )
    render_p.add_argument(
        "-o", "--output", metavar="FILE", help=_("write to FILE instead of standard output")
    )
    render_p.set_defaults(func=run)
