"""``okrkit measure``: measure every key result that has a ``measure`` block, record check-ins."""

from __future__ import annotations

import argparse

from okrkit.cli._base import Context, Translate, UsageError, data_format, parse_date, table

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (CLI start-up)
if TYPE_CHECKING:
    from typing import Any

__all__ = ["register"]


def _status_label(ctx: Context, status: str, written: bool, dry_run: bool) -> str:
    if status == "measured":
        if written:
            return ctx._("recorded")
        return ctx._("measured (dry run)") if dry_run else ctx._("not recorded")
    return ctx._("unchanged") if status == "unchanged" else ctx._("failed")


def _value(ctx: Context, plan: Any, ref: str, value: float | None) -> str:
    from okrkit.formatting import format_value

    _, kr = plan.key_result(ref)
    return format_value(
        value, kr.unit, ctx.locale, currency=kr.currency, duration_unit=kr.duration_unit
    )


def _json(measurement: Any, written: bool) -> dict[str, Any]:
    return {
        "key_result": measurement.ref,
        "source": measurement.source,
        "status": measurement.status,
        "old_value": measurement.old_value,
        "value": measurement.value,
        "date": measurement.date,
        "fetched_at": measurement.fetched_at.isoformat(),
        "readings": [
            {"date": r.date, "value": r.value, **({"inputs": dict(r.inputs)} if r.inputs else {})}
            for r in measurement.readings
        ],
        "error": str(measurement.error.reason) if measurement.error else None,
        "connection": measurement.error.connection if measurement.error else None,
        "written": written,
    }


def _progress(ctx: Context) -> Any:
    def report(number: int, total: int, ref: str) -> None:
        ctx.err.write(
            ctx._("Measuring {kr} ({number}/{total})", kr=ref, number=number, total=total) + "\n"
        )
        ctx.err.flush()

    return report


def run(ctx: Context) -> int:
    from pathlib import Path

    from okrkit.files import load, loads
    from okrkit.measure.run import measure
    from okrkit.measure.writing import record_file

    args = ctx.args
    if args.file == "-" and not args.dry_run:
        raise UsageError(ctx._("measure records check-ins in a file; use --dry-run with stdin"))
    day = parse_date(ctx, args.on)
    if args.file == "-":
        import sys

        plan, base = loads(sys.stdin.read(), source="<stdin>"), Path.cwd()
    else:
        plan, base = load(args.file), Path(args.file).resolve().parent
    results = measure(plan, on=day, only=args.only or None, base_dir=base, progress=_progress(ctx))
    failed = [m for m in results if not m.ok]
    write = not args.dry_run and not (args.strict and failed)
    kept = True
    if write and any(m.status == "measured" for m in results):
        kept = record_file(args.file, results).kept_layout
    if args.format == "json":
        ctx.json({"results": [_json(m, write and m.status == "measured") for m in results]})
    else:
        _print_table(ctx, plan, results, write, args.dry_run)
    for m in failed:
        assert m.error is not None
        ctx.err.write(f"okrkit: {ctx._('error')}: {m.error.localized(ctx.locale)}\n")
    if not results:
        ctx.err.write(ctx._("No key result has a measure block.") + "\n")
    elif args.strict and failed:
        ctx.err.write(ctx._("Nothing was recorded: --strict and a source failed.") + "\n")
    elif not kept:
        ctx.err.write(ctx._("(file rewritten: comments were not kept)") + "\n")
    return 1 if failed else 0


def _print_table(ctx: Context, plan: Any, results: list[Any], written: bool, dry: bool) -> None:
    if not results:
        return
    rows = [[ctx._("Key result"), ctx._("Old value"), ctx._("New value"), ctx._("Source"),
             ctx._("Status")]]  # fmt: skip
    for m in results:
        rows.append(
            [
                m.ref,
                _value(ctx, plan, m.ref, m.old_value),
                _value(ctx, plan, m.ref, m.value),
                m.source,
                _status_label(ctx, m.status, written, dry),
            ]
        )
    ctx.out.write(table(rows, right={1, 2}))


def register(sub: Any, common: argparse.ArgumentParser, _: Translate) -> None:
    """Add ``measure``."""
    p = sub.add_parser("measure", parents=[common])
    p.add_argument("file", metavar="FILE", help=_("plan file (YAML or JSON)"))
    p.add_argument(
        "--on", metavar="DATE", help=_("the date to measure for (YYYY-MM-DD, default today)")
    )
    p.add_argument(
        "--only",
        nargs="+",
        metavar="KR",
        help=_("measure only these key results (KR_ID or OBJECTIVE_ID/KR_ID)"),
    )
    p.add_argument("--dry-run", action="store_true", help=_("measure and show, but write nothing"))
    p.add_argument(
        "--strict",
        action="store_true",
        help=_("record nothing unless every source succeeds"),
    )
    data_format(p, _)
    p.set_defaults(func=run)
