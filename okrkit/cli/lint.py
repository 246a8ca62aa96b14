"""``okrkit lint``: check a plan against OKR quality rules."""

from __future__ import annotations

import argparse
from typing import Any

from okrkit.cli._base import (
    Context,
    Translate,
    data_format,
    paint,
    parse_date,
    plan_file,
    read_plan,
)

__all__ = ["register"]


def run(ctx: Context) -> int:
    from okrkit.linting import lint

    args = ctx.args
    plan = read_plan(args.file)
    findings = lint(
        plan, locale=ctx.locale, on=parse_date(ctx, args.on), disable=args.disable or ()
    )
    if args.format == "json":
        ctx.json(
            [
                {"rule": f.rule, "severity": f.severity, "path": f.path, "message": f.message}
                for f in findings
            ]
        )
    else:
        labels = {"error": ctx._("error"), "warning": ctx._("warning"), "info": ctx._("info")}
        bands = {"error": "red", "warning": "yellow", "info": "grey"}
        for f in findings:
            where = args.file if args.file != "-" else "<stdin>"
            ctx.out.write(
                f"{where}: {f.path}: {paint(ctx, labels[f.severity], bands[f.severity])} "
                f"[{f.rule}] {f.message}\n"
            )
        if not findings:
            ctx.out.write(ctx._("No problems found.") + "\n")
    failing = {"error"} | ({"warning"} if args.strict else set())
    return 1 if any(f.severity in failing for f in findings) else 0


def register(sub: Any, common: argparse.ArgumentParser, _: Translate) -> None:
    """Add ``lint``."""
    lint_p = sub.add_parser(
        "lint", help=_("check a plan against OKR quality rules"), parents=[common]
    )
    plan_file(lint_p, _)
    lint_p.add_argument(
        "--disable", action="append", metavar="RULE", help=_("skip a rule; repeat for several")
    )
    lint_p.add_argument(
        "--on", metavar="DATE", help=_("check as of this date (YYYY-MM-DD, default today)")
    )
    lint_p.add_argument("--strict", action="store_true", help=_("fail on warnings too"))
    data_format(lint_p, _)
    lint_p.set_defaults(func=run)
