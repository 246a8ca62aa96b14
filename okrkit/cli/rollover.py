"""``okrkit rollover``: close the plan's period, keep its history, start the next one."""

from __future__ import annotations

import argparse

from okrkit._choices import POLICY_NAMES
from okrkit.cli._base import Context, Translate, UsageError

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (CLI start-up)
if TYPE_CHECKING:
    from typing import Any

    from okrkit.files import Format

__all__ = ["decisions_from", "register"]


def decisions_from(ctx: Context) -> dict[str, str]:
    """Objective decisions from ``--decisions`` (a YAML mapping), ``--drop`` and ``--done``."""
    from pathlib import Path

    import yaml

    from okrkit.errors import OKRError

    args = ctx.args
    decisions: dict[str, str] = {}
    if args.decisions:
        text = Path(args.decisions).read_text(encoding="utf-8")
        data = yaml.safe_load(text)
        if not isinstance(data, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in data.items()
        ):
            raise OKRError(
                ctx._(
                    "{path}: expected a mapping of objective ids to carry, drop or done",
                    path=args.decisions,
                )
            )
        decisions.update(data)
    for objective_id in getattr(args, "drop", None) or ():
        decisions[objective_id] = "drop"
    for objective_id in getattr(args, "done", None) or ():
        decisions[objective_id] = "done"
    return decisions


def _header(path: str) -> str:
    """The comment lines that open the plan file, kept on top of the new one."""
    from pathlib import Path

    lines = []
    for line in Path(path).read_text(encoding="utf-8").splitlines(keepends=True):
        if not line.startswith("#"):
            break
        lines.append(line)
    return "".join(lines)


def run(ctx: Context) -> int:
    from okrkit.files import locked

    if ctx.args.file == "-":
        raise UsageError(ctx._("rollover needs a plan file; it cannot read standard input"))
    with locked(ctx.args.file):  # a check-in arriving meanwhile waits, then sees the new plan
        return _roll(ctx)


def _roll(ctx: Context) -> int:
    from okrkit.cycle import dumps_history, history_path, load_history, rollover
    from okrkit.files import dumps, load, write_text_atomic
    from okrkit.formatting import format_period

    args = ctx.args
    plan = load(args.file)
    result = rollover(
        plan,
        args.to,
        decisions=decisions_from(ctx),
        targets=args.targets,
        policy=args.policy,
        history=load_history(args.file),
    )
    target = args.output or args.file
    fmt: Format = "json" if str(target).lower().endswith(".json") else "yaml"
    text = dumps(result.plan, fmt)
    if fmt == "yaml":
        text = _header(args.file) + text
    if args.dry_run:
        ctx.out.write(text)
        return 0
    history_file = history_path(target)
    before = history_file.read_text(encoding="utf-8") if history_file.exists() else None
    write_text_atomic(history_file, dumps_history(result.history, fmt))
    try:
        write_text_atomic(target, text)
    except BaseException:
        if before is None:
            history_file.unlink(missing_ok=True)
        else:
            write_text_atomic(history_file, before)
        raise
    carried = len(result.plan.objectives)
    ctx.err.write(
        ctx._(
            "Rolled {old} over to {new}: {carried} of {total} objectives carried; "
            "history in {history}",
            old=format_period(plan.period, ctx.locale),  # type: ignore[arg-type]
            new=format_period(result.plan.period, ctx.locale),  # type: ignore[arg-type]
            carried=carried,
            total=len(plan.objectives),
            history=str(history_file),
        )
        + "\n"
    )
    return 0


def register(sub: Any, common: argparse.ArgumentParser, _: Translate) -> None:
    """Add ``rollover``."""
    p = sub.add_parser("rollover", parents=[common])
    p.add_argument("file", metavar="FILE", help=_("plan file (YAML or JSON)"))
    p.add_argument(
        "--to", required=True, metavar="PERIOD", help=_("the next period, such as 2027-Q1")
    )
    p.add_argument(
        "--drop", action="append", metavar="ID", help=_("leave this objective behind; repeatable")
    )
    p.add_argument(
        "--done", action="append", metavar="ID", help=_("mark this objective done; repeatable")
    )
    p.add_argument(
        "--decisions",
        metavar="YAML",
        help=_("a YAML file mapping objective ids to carry, drop or done"),
    )
    p.add_argument(
        "--targets",
        choices=("keep", "step"),
        default="keep",
        help=_("keep each target, or move it by the same step as last period (default keep)"),
    )
    p.add_argument("--policy", choices=POLICY_NAMES, help=_("scoring policy"))
    p.add_argument(
        "-o", "--output", metavar="FILE", help=_("write the new plan to FILE instead of replacing")
    )
    p.add_argument("--dry-run", action="store_true", help=_("print the new plan and write nothing"))
    p.set_defaults(func=run)
