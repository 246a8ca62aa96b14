"""``okrkit checkin``: record progress on a key result, keeping the file's layout."""

from __future__ import annotations

import argparse
import re

from okrkit.cli._base import Context, Translate, UsageError, parse_date
from okrkit.errors import OKRError

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (CLI start-up)
if TYPE_CHECKING:
    from typing import Any

__all__ = ["register"]


def run(ctx: Context) -> int:
    from okrkit.files.checkin import CheckInDateError, append_check_in

    args = ctx.args
    if args.file == "-":
        raise UsageError(ctx._("checkin rewrites a file; it cannot read standard input"))
    on = parse_date(ctx, args.on)
    day = parse_date(ctx, args.date) if args.date else on
    inputs = {}
    for pair in args.input or []:
        name, sep, value = pair.partition("=")
        if not sep:
            raise UsageError(ctx._("--input expects NAME=NUMBER, got {value}", value=repr(pair)))
        inputs[name.strip()] = _number(ctx, value) or ""
    try:
        result = append_check_in(
            args.file,
            args.key_result,
            value=_number(ctx, args.value),
            done=args.done,
            confidence=_number(ctx, args.confidence),
            note=args.note,
            author=args.author,
            day=day,
            inputs=inputs or None,
            on=on,
            force=args.force,
        )
    except CheckInDateError as exc:
        hint = ctx._("Add --force to record it anyway.")
        raise OKRError(f"{exc.localized(ctx.locale)} {hint}") from None
    ctx.err.write(
        ctx._(
            "Checked in {kr} on {date}{kept}",
            kr=result.ref,
            date=day.isoformat(),
            kept=""
            if result.kept_layout
            else " " + ctx._("(file rewritten: comments were not kept)"),
        )
        + "\n"
    )
    return 0


def _number(ctx: Context, text: str | None) -> str | None:
    """A number typed the user's way ("5,6" in Swedish) as the plain text the library
    reads ("5.6"); a trailing "%" stays."""
    from okrkit.formatting import parse_number

    if text is None:
        return None
    raw = text.strip()
    percent = raw.endswith("%")
    core = raw.rstrip("% ").strip()
    try:
        number = parse_number(core, ctx.locale)
    except OKRError as exc:
        if not re.fullmatch(r"[+-]?[\d.,\s\u00a0\u202f]+", core):
            return raw  # not a number at all: the library says what it expected
        raise OKRError(f"{ctx.args.key_result}: {exc.localized(ctx.locale)}") from None
    return f"{number!r}%" if percent else repr(number)


def register(sub: Any, common: argparse.ArgumentParser, _: Translate) -> None:
    """Add ``checkin``."""
    checkin = sub.add_parser("checkin", parents=[common])
    checkin.add_argument("file", metavar="FILE", help=_("plan file (YAML or JSON)"))
    checkin.add_argument(
        "key_result", metavar="KR_ID", help=_("key result id, or OBJECTIVE_ID/KR_ID")
    )
    checkin.add_argument(
        "value",
        metavar="VALUE",
        nargs="?",
        help=_(
            "the current value (for metric key results), with decimals written your "
            "language's way (5,6 in Swedish, Russian and Vietnamese) or as 5.6"
        ),
    )
    done = checkin.add_mutually_exclusive_group()
    done.add_argument(
        "--done", dest="done", action="store_const", const=True, help=_("the milestone is done")
    )
    done.add_argument(
        "--not-done",
        dest="done",
        action="store_const",
        const=False,
        help=_("the milestone is not done yet"),
    )
    checkin.add_argument(
        "--confidence",
        help=_("how sure you are to hit the target: 0..1 (0,7 or 0.7) or a percentage"),
    )
    checkin.add_argument("--note", help=_("a short note"))
    checkin.add_argument("--author", help=_("who checks in"))
    checkin.add_argument(
        "--date",
        help=_(
            "date of the check-in (YYYY-MM-DD, default today); it must fall within the "
            "objective's period or the grace days after its end, and not after today"
        ),
    )
    checkin.add_argument(
        "--on",
        metavar="DATE",
        help=_("today's date, for the default check-in date and the future-date check"),
    )
    checkin.add_argument(
        "--force",
        action="store_true",
        help=_("record a check-in dated outside its period or after today"),
    )
    checkin.add_argument(
        "--input",
        action="append",
        metavar="NAME=NUMBER",
        help=_("raw input for a key result that names a metric"),
    )
    checkin.set_defaults(func=run)
