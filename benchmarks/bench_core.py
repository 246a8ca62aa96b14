"""Benchmarks for okrkit's core, as ratios against a baseline timed in the same run.

Run: ``python benchmarks/bench_core.py`` (add ``--quick`` for a smaller plan).

1. Scoring a plan of 100,000 key results (5 check-ins each) with
   :func:`okrkit.score` against plain Python computing the same numbers
   (current value, progress, expected, status, forecast) from dicts.
   Goal: within 3x.
2. Loading a 10,000-objective YAML file with :func:`okrkit.load` against
   ``yaml.load`` (the same C loader) alone. Goal: within 1.5x.
3. ``import okrkit`` in a fresh interpreter against importing its runtime
   dependencies alone. Goal: within 1.2x.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

import okrkit

ON = dt.date(2026, 8, 15)
Q3_START, Q3_END = dt.date(2026, 7, 1), dt.date(2026, 9, 30)
Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def plan_data(objectives: int, krs_per_objective: int = 5) -> dict[str, Any]:
    """A plan as plain data: ``objectives`` x ``krs_per_objective`` KRs, 5 check-ins each."""
    objs = []
    for o in range(objectives):
        krs = []
        for k in range(krs_per_objective):
            up = (o + k) % 2 == 0
            baseline, target = (100.0, 200.0) if up else (200.0, 100.0)
            step = 6.0 if up else -6.0
            krs.append(
                {
                    "id": f"k{k}",
                    "title": f"Key result {k}",
                    "baseline": baseline,
                    "target": target,
                    "check_ins": [
                        {
                            "date": Q3_START + dt.timedelta(days=7 * (i + 1)),
                            "value": baseline + step * (i + 1) + (o % 7),
                            "confidence": 0.7,
                        }
                        for i in range(5)
                    ],
                }
            )
        objs.append({"id": f"o{o}", "title": f"Objective {o}", "key_results": krs})
    return {"period": "2026-Q3", "objectives": objs}


def baseline_score(data: dict[str, Any], on: dt.date) -> list[tuple[float, float, str, float]]:
    """Plain Python over dicts: the numbers okrkit.score computes per key result."""
    days = (Q3_END - Q3_START).days + 1
    expected = 1.0 if on >= Q3_END else max(0.0, ((on - Q3_START).days + 1) / days)
    span = (Q3_END - Q3_START).days
    out = []
    for obj in data["objectives"]:
        for kr in obj["key_results"]:
            check_ins = kr["check_ins"]
            latest = max(check_ins, key=lambda c: c["date"])
            value = latest["value"]
            b, t = kr["baseline"], kr["target"]
            progress = (value - b) / (t - b)
            bounded = min(1.0, max(0.0, progress))
            ratio = progress / expected
            status = (
                "achieved"
                if progress >= 1
                else "on_track"
                if ratio >= 0.9
                else "at_risk"
                if ratio >= 0.7
                else "off_track"
            )
            xs = [0] + [(c["date"] - Q3_START).days for c in check_ins]
            ys = [b] + [c["value"] for c in check_ins]
            mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
            sxx = sum((x - mx) ** 2 for x in xs)
            slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=False)) / sxx
            projected = slope * span + my - slope * mx
            f = min(1.0, max(0.0, (projected - b) / (t - b)))
            out.append((bounded, expected, status, f))
    return out


def best_of(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def bench_scoring(objectives: int, repeat: int) -> float:
    data = plan_data(objectives)
    plan = okrkit.Plan.model_validate(data)
    ours = okrkit.score(plan, on=ON)
    base = baseline_score(data, ON)
    flat = [kr for o in ours.children for kr in o.children]
    assert len(flat) == len(base)
    for s, (value, _expected, status, f) in zip(flat[:1000], base[:1000], strict=False):
        assert abs(s.value - value) < 1e-9 and s.status.value == status, (s, value, status)
        assert s.forecast is not None and abs(s.forecast.score - f) < 1e-9
    t_ours = best_of(lambda: okrkit.score(plan, on=ON), repeat)
    t_base = best_of(lambda: baseline_score(data, ON), repeat)
    n = len(flat)
    print(
        f"scoring {n:,} key results: okrkit {t_ours:.3f}s, plain dicts {t_base:.3f}s, "
        f"ratio {t_ours / t_base:.2f}x (goal <= 3x)"
    )
    return t_ours / t_base


def bench_loading(objectives: int, repeat: int) -> float:
    text = yaml.dump(plan_data(objectives, 3), Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "plan.yaml"
        path.write_text(text, encoding="utf-8")
        t_ours = best_of(lambda: okrkit.load(path), repeat)
        t_base = best_of(lambda: yaml.load(path.read_text(encoding="utf-8"), Loader=Loader), repeat)
    print(
        f"loading {objectives:,} objectives ({len(text) / 1e6:.1f} MB YAML): okrkit.load "
        f"{t_ours:.3f}s, yaml.load {t_base:.3f}s, ratio {t_ours / t_base:.2f}x (goal <= 1.5x)"
    )
    return t_ours / t_base


def _import_time(code: str, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def bench_import(repeat: int) -> float:
    t_empty = _import_time("pass", repeat)
    t_deps = _import_time("import pydantic, yaml, babel, jinja2", repeat) - t_empty
    t_used = _import_time("import pydantic, yaml", repeat) - t_empty
    t_ours = _import_time("import okrkit", repeat) - t_empty
    t_models = _import_time("import okrkit; okrkit.Plan; okrkit.score", repeat) - t_empty
    t_pyd = _import_time("import yaml; from pydantic import BaseModel", repeat) - t_empty
    print(
        f"import okrkit {t_ours * 1000:.0f} ms; its dependencies alone {t_deps * 1000:.0f} ms "
        f"(ratio {t_ours / t_deps:.2f}x, goal <= 1.2x)"
    )
    print(
        f"  first use of the model and scoring {t_models * 1000:.0f} ms; pydantic's BaseModel "
        f"and yaml alone {t_pyd * 1000:.0f} ms (ratio {t_models / t_pyd:.2f}x, for information; "
        f"pydantic+yaml plain import {t_used * 1000:.0f} ms)"
    )
    return t_ours / t_deps


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="a smaller plan, fewer repeats")
    args = parser.parse_args()
    objectives, files, repeat = (2_000, 1_000, 2) if args.quick else (20_000, 10_000, 3)
    ratios = {
        "scoring": (bench_scoring(objectives, repeat), 3.0),
        "loading": (bench_loading(files, repeat), 1.5),
        "import": (bench_import(7 if not args.quick else 3), 1.2),
    }
    failed = [name for name, (ratio, goal) in ratios.items() if ratio > goal]
    print("all goals met" if not failed else f"goals missed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
