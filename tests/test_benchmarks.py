"""The benchmark suite runs (its --quick mode), and its baselines agree with okrkit."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_quick_benchmark_run_prints_every_row() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--quick"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    rows = [
        line for line in done.stdout.splitlines() if line.startswith("| ") and "---" not in line
    ]
    names = [row.split("|")[1].strip() for row in rows[1:]]
    assert len(names) == 9, names
    for name in ("score", "load JSON", "warm HTML render", "okrkit --help", "catalogue.templates"):
        assert any(name in n for n in names), name
    assert "KRs end to end" in done.stdout and "peak memory" in done.stdout
    assert "while scoring" in done.stdout and "while rendering the CSV" in done.stdout


def test_the_scoring_baseline_computes_what_okrkit_computes() -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import workloads

    import okrkit

    data = workloads.plan_data(7)
    workloads._check_scores(okrkit.Plan.model_validate(data), data)  # raises on a mismatch
    data["objectives"][3]["key_results"][1]["target"] = 150.0
    plan = okrkit.Plan.model_validate(data)
    data["objectives"][3]["key_results"][1]["target"] = 200.0  # the baseline now differs
    try:
        workloads._check_scores(plan, data)
    except AssertionError:
        return
    raise AssertionError("a different plan passed the baseline check")


def test_only_runs_the_rows_named() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--quick", "--only", "help"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    rows = [line for line in done.stdout.splitlines() if line.startswith("| `")]
    assert [row.split("|")[1].strip() for row in rows] == ["`okrkit --help`"]
    assert "KRs end to end" not in done.stdout
    wrong = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--only", "nothing"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert wrong.returncode == 2 and "invalid choice" in wrong.stderr
