"""Timing rules for every benchmark: the same work on both sides, interleaved, medians.

A workload gives two callables that compute the same results: okrkit's way and a
baseline (plain Python, the underlying library alone, or an empty interpreter). The
harness runs them alternately (A B, B A, A B, ...) so drift in the machine's speed
hits both, collects the garbage before each run, and reports medians and their
ratio. Memory is measured with tracemalloc on the same pairs.
"""

from __future__ import annotations

import gc
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable, Sequence
from dataclasses import dataclass

__all__ = ["Result", "compare", "peak_memory", "run_process"]


@dataclass(frozen=True)
class Result:
    """Medians of okrkit and of its baseline, in seconds, and their ratio."""

    name: str
    ours: float
    baseline: float
    goal: float | None
    note: str = ""
    unit: str = "s"

    @property
    def ratio(self) -> float:
        return self.ours / self.baseline if self.baseline else float("inf")

    @property
    def met(self) -> bool | None:
        return None if self.goal is None else self.ratio <= self.goal


def _timed(fn: Callable[[], object]) -> float:
    gc.collect()
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def compare(
    name: str,
    ours: Callable[[], object],
    baseline: Callable[[], object],
    *,
    repeat: int,
    goal: float | None,
    note: str = "",
) -> Result:
    """Time ``ours`` and ``baseline`` ``repeat`` times each, interleaved; medians."""
    a: list[float] = []
    b: list[float] = []
    for i in range(repeat):
        if i % 2 == 0:
            a.append(_timed(ours))
            b.append(_timed(baseline))
        else:
            b.append(_timed(baseline))
            a.append(_timed(ours))
    return Result(name, statistics.median(a), statistics.median(b), goal, note)


def peak_memory(fn: Callable[[], object]) -> tuple[int, object]:
    """Bytes allocated and still held by what ``fn`` returns (tracemalloc), and the value."""
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    value = fn()
    gc.collect()
    held = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    return held, value


def run_process(
    args: Sequence[str], env: dict[str, str] | None = None, cwd: str | None = None
) -> Callable[[], object]:
    """A callable that runs a fresh Python process with ``args`` in ``cwd`` and checks
    it succeeds (``python -m`` and ``-c`` put ``cwd`` first on the import path)."""

    def run() -> object:
        return subprocess.run(
            [sys.executable, *args], env=env, cwd=cwd, check=True, capture_output=True
        )

    return run
