"""okrkit's benchmark suite: one command, every row against its baseline in the same run.

    python benchmarks/run.py            # full sizes; writes benchmarks/RESULTS.md
    python benchmarks/run.py --quick    # small sizes, checks that everything runs (CI)
    python benchmarks/run.py --million  # adds the 1,000,000-KR end-to-end run
    python benchmarks/run.py --only help --only templates-list  # just these rows

Rules (see harness.py): okrkit and its baseline do the same work, their results are
compared before timing, runs are interleaved, and medians are reported. The exit
status is 1 when a goal is missed (0 with --quick, whose sizes are too small to judge).
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import workloads
from harness import Result

HERE = Path(__file__).resolve().parent


def _fmt(value: float, unit: str) -> str:
    if unit == "s":
        return f"{value * 1000:,.1f} ms" if value < 1 else f"{value:,.2f} s"
    return f"{value:,.1f} {unit}"


def table(results: list[Result]) -> str:
    lines = [
        "| workload | okrkit | baseline | ratio | goal | met | baseline is |",
        "|---|--:|--:|--:|--:|---|---|",
    ]
    for r in results:
        if r.unit == "us/KR":  # an absolute goal: okrkit's figure against it
            ours, base, ratio, goal = _fmt(r.ours, r.unit), "8.0 us/KR (goal)", "", "<= 8 us/KR"
        else:
            ours, base = _fmt(r.ours, r.unit), _fmt(r.baseline, r.unit)
            ratio, goal = f"{r.ratio:.2f}x", "" if r.goal is None else f"<= {r.goal:g}x"
        met = "" if r.met is None else ("yes" if r.met else "**no**")
        lines.append(f"| {r.name} | {ours} | {base} | {ratio} | {goal} | {met} | {r.note} |")
    return "\n".join(lines)


def _rows(quick: bool, repeat: int) -> dict[str, Callable[[], Result]]:
    """Every row of the table by its ``--only`` name, in the order the table lists them."""
    cold = 3 if quick else 11
    return {
        "build": lambda: workloads.build(200 if quick else 20_000, 3 if quick else 5),
        "memory": lambda: workloads.memory(200 if quick else 20_000),
        "scoring": lambda: workloads.scoring(200 if quick else 20_000, repeat),
        "load-json": lambda: workloads.load_json(100 if quick else 10_000, 3 if quick else 5),
        "render-html": lambda: workloads.render_html(repeat if quick else 21),
        "cold-render": lambda: workloads.cold_render(cold),
        "help": lambda: workloads.cold_help(cold),
        "templates-list": lambda: workloads.cold_templates_list(cold),
        "first-catalogue": lambda: workloads.first_catalogue(3 if quick else 9),
    }


ROWS = tuple(_rows(True, 1))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes; only check it runs")
    parser.add_argument("--million", action="store_true", help="add the 1M-KR end-to-end run")
    parser.add_argument(
        "--only",
        action="append",
        choices=ROWS,
        metavar="ROW",
        help="run only this row, repeatable (RESULTS.md is not written): " + ", ".join(ROWS),
    )
    args = parser.parse_args(argv)
    quick = args.quick
    repeat = 3 if quick else 7
    with tempfile.TemporaryDirectory() as tmp:
        workloads.as_installed(Path(tmp))
        return _run(args, quick, repeat)


def _run(args: argparse.Namespace, quick: bool, repeat: int) -> int:
    rows = _rows(quick, repeat)
    results = [run() for name, run in rows.items() if not args.only or name in args.only]
    extra = []
    if args.million:
        extra.append(workloads.million(200_000))
    elif quick and not args.only:
        extra.append(workloads.million(200))
    out = table(results)
    header = (
        f"okrkit benchmarks, {dt.date.today().isoformat()}, Python {platform.python_version()}, "
        f"{platform.machine()}, {'quick' if quick else 'full'} run"
    )
    print(header, out, *extra, sep="\n\n")
    if not quick and not args.only:
        (HERE / "RESULTS.md").write_text(
            f"# Benchmark results\n\n{header}. Produced by `python benchmarks/run.py"
            f"{' --million' if args.million else ''}`.\n\n{out}\n\n"
            + "".join(f"{line}\n\n" for line in extra),
            encoding="utf-8",
        )
    missed = [r.name for r in results if r.met is False]
    if missed and not quick:
        print("goals missed:", *missed, sep="\n  ")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
