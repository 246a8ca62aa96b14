"""Speed and memory of refusing hostile plan files, and the cost of the checks on good ones.

Run: ``python benchmarks/bench_hostile.py`` (``--quick`` for fewer repeats,
``--cli`` to also run every case through the ``okrkit`` command and report its
wall time and peak resident memory).

1. Every case of ``tests/hostile_corpus.py`` (billion laughs, 21 MB file,
   10 MB title, 100,000-deep JSON, 5,000-digit numbers ...) through
   :func:`okrkit.load`: median time to the error and peak traced memory.
   Goals: each refused within 1 s and under 100 MB of Python allocations
   above the input's own size; the ratio column compares the refusal with
   reading the file's bytes and decoding them (baseline, same run).
2. A valid 5,000-objective plan: :func:`okrkit.load` (limits, tag, duplicate
   key and number checks) against what loading cost without them
   (``yaml.load`` with the same C loader, then ``Plan.model_validate``),
   interleaved, medians. Goal: within 1.3x.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from hostile_corpus import cases  # noqa: E402

import okrkit  # noqa: E402
from okrkit.model import Plan  # noqa: E402

Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def timed(fn: Callable[[], object]) -> float:
    gc.collect()
    start = time.perf_counter()
    with contextlib.suppress(okrkit.OKRError):
        fn()
    return time.perf_counter() - start


def peak_memory(fn: Callable[[], object]) -> int:
    gc.collect()
    tracemalloc.start()
    with contextlib.suppress(okrkit.OKRError):
        fn()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def hostile(folder: Path, repeats: int) -> bool:
    print(
        f"{'case':32} {'size':>10} {'refused in':>11} {'baseline':>9} {'ratio':>7} {'peak MB':>8}"
    )
    ok = True
    for case in cases():
        path = folder / case.filename
        path.write_bytes(case.data)

        def refuse(path: Path = path) -> object:
            return okrkit.load(path)

        def read(path: Path = path) -> object:
            return path.read_bytes().decode("utf-8", "replace")

        times, base = [], []
        for _ in range(repeats):  # interleaved: the machine's noise hits both alike
            times.append(timed(refuse))
            base.append(timed(read))
        took, baseline = statistics.median(times), statistics.median(base)
        peak = peak_memory(refuse) - len(case.data)
        fine = took < 1.0 and peak < 100 * 2**20
        ok &= fine
        print(
            f"{case.name[:32]:32} {len(case.data):>10,} {took * 1000:>9.1f}ms "
            f"{baseline * 1000:>7.2f}ms {took / max(baseline, 1e-6):>6.0f}x "
            f"{max(peak, 0) / 2**20:>8.1f}{'' if fine else '  <- over the goal'}"
        )
    return ok


def big_plan(objectives: int) -> str:
    lines = ["title: Benchmark", "period: 2026-Q3", "objectives:"]
    for o in range(objectives):
        lines += [f"  - id: o{o}", f"    title: Objective {o} # kept", "    key_results:"]
        for k in range(3):
            lines += [
                f"      - id: o{o}-k{k}",
                f"        title: 'Key result {k}'",
                "        baseline: 1_000",
                "        target: 2_000",
                "        check_ins:",
                "          - {date: 2026-07-03, value: 1_100, confidence: 0.7}",
                "          - {date: 2026-07-10, value: 1_200, note: Steady}",
            ]
    return "\n".join(lines) + "\n"


def overhead(folder: Path, repeats: int, objectives: int) -> bool:
    path = folder / "big.yaml"
    path.write_text(big_plan(objectives), encoding="utf-8")

    def unchecked() -> object:
        return Plan.model_validate(yaml.load(path.read_text(encoding="utf-8"), Loader=Loader))

    def checked() -> object:
        return okrkit.load(path)

    assert checked() == unchecked()
    ours, theirs = [], []
    for _ in range(repeats):
        ours.append(timed(checked))
        theirs.append(timed(unchecked))
    a, b = statistics.median(ours), statistics.median(theirs)
    ratio = a / b
    size = path.stat().st_size
    print(
        f"\nvalid plan, {objectives:,} objectives ({size / 2**20:.1f} MB): okrkit.load "
        f"{a:.3f}s vs unchecked {b:.3f}s = {ratio:.2f}x (goal <= 1.3x)"
    )
    return ratio <= 1.3


# The command as a user runs it, reporting its own peak resident memory at exit.
# VmHWM is this process's own peak (ru_maxrss would count the forking parent's).
_CLI = (
    "import sys\n"
    "from okrkit.cli import main\n"
    "status = main(sys.argv[1:])\n"
    "peak = [l for l in open('/proc/self/status') if l.startswith('VmHWM')][0].split()[1]\n"
    "sys.stderr.write(f'\\nRSS {peak}\\n')\n"
    "sys.exit(status)\n"
)


def cli(folder: Path) -> None:
    print(f"\n{'case (okrkit, subprocess)':32} {'wall':>8} {'max RSS MB':>11}  exit")
    for case in cases():
        path = folder / case.filename
        path.write_bytes(case.data)
        start = time.perf_counter()
        result = subprocess.run(
            [sys.executable, "-c", _CLI, case.command, str(path)],
            capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        wall = time.perf_counter() - start
        rss = int(result.stderr.strip().rsplit("RSS ", 1)[-1]) / 1024
        print(f"{case.name[:32]:32} {wall:>7.2f}s {rss:>11.0f}  {result.returncode}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats, a smaller plan")
    parser.add_argument("--cli", action="store_true", help="also time the CLI per case")
    args = parser.parse_args()
    repeats = 3 if args.quick else 7
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        ok = hostile(folder, repeats)
        ok &= overhead(folder, repeats, 500 if args.quick else 5000)
        if args.cli:
            cli(folder)
    print("\nall goals met" if ok else "\nsome goals missed")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
