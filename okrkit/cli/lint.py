"""``okrkit lint``: check plan files against OKR quality rules.

Takes any number of files (pre-commit passes every staged plan at once) and
reports each finding at its ``file:line:column``, as text, JSON, GitHub Actions
annotations or a SARIF log. A file that cannot be read is reported as a finding
of ``invalid-plan`` and the other files are still checked.
"""

from __future__ import annotations

import argparse

from okrkit._choices import LINT_REPORT_FORMATS
from okrkit.cli._base import Context, Translate, paint, parse_date

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (CLI start-up)
if TYPE_CHECKING:
    from typing import Any

__all__ = ["register"]

_BANDS = {"error": "red", "warning": "yellow", "info": "grey"}


def _text(ctx: Context, report: Any) -> None:
    from okrkit.lint_report import as_text

    if not report.findings:
        ctx.out.write(ctx._("No problems found.") + "\n")
        return
    ctx.out.write(
        as_text(report, paint=lambda severity, label: paint(ctx, label, _BANDS[severity]))
    )


def run(ctx: Context) -> int:
    from okrkit.lint_report import as_github, as_json, as_sarif, dumps, lint_files

    args = ctx.args
    report = lint_files(
        args.files, locale=ctx.locale, on=parse_date(ctx, args.on), disable=args.disable or ()
    )
    if args.format == "json":
        ctx.out.write(dumps(as_json(report)))
    elif args.format == "sarif":
        ctx.out.write(dumps(as_sarif(report)))
    elif args.format == "github":
        ctx.out.write(as_github(report))
    else:
        _text(ctx, report)
    return 1 if report.failed(strict=args.strict) else 0


def register(sub: Any, common: argparse.ArgumentParser, _: Translate) -> None:
    """Add ``lint``."""
    lint_p = sub.add_parser("lint", parents=[common])
    lint_p.add_argument(
        "files",
        metavar="FILE",
        nargs="+",
        help=_("plan files (YAML or JSON), or - for standard input"),
    )
    lint_p.add_argument(
        "--disable", action="append", metavar="RULE", help=_("skip a rule; repeat for several")
    )
    lint_p.add_argument(
        "--on",
        metavar="DATE",
        help=_("check as of this date (YYYY-MM-DD, default OKRKIT_TODAY or today)"),
    )
    lint_p.add_argument("--strict", action="store_true", help=_("fail on warnings too"))
    lint_p.add_argument(
        "--format",
        choices=LINT_REPORT_FORMATS,
        default="text",
        help=_("output format: text, json, github (workflow annotations) or sarif"),
    )
    lint_p.set_defaults(func=run)
