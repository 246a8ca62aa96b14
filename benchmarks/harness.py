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
    #: Median of the row's floor (what bounds okrkit), when it has one.
    floor: float | None = None

    @property
    def ratio(self) -> float:
        return self.ours / self.baseline if self.baseline else float("inf")

    @property
    def floor_ratio(self) -> float | None:
        """The floor against the baseline."""
        if self.floor is None:
            return None
        return self.floor / self.baseline if self.baseline else float("inf")

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
    floor: Callable[[], object] | None = None,
) -> Result:
    """Time ``ours`` and ``baseline`` (and ``floor``, what bounds okrkit, if given)
    ``repeat`` times each, interleaved, each round starting one later (A B, B A or
    A B F, B F A, F A B); medians."""
    sides = [ours, baseline] if floor is None else [ours, baseline, floor]
    times: list[list[float]] = [[] for _ in sides]
    for i in range(repeat):
        for k in range(len(sides)):
            j = (i + k) % len(sides)
            times[j].append(_timed(sides[j]))
    medians = [statistics.median(t) for t in times]
    return Result(
        name, medians[0], medians[1], goal, note, floor=medians[2] if floor is not None else None
    )


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
