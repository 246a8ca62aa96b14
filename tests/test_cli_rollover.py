"""`okrkit rollover` and `okrkit score --history` on real files."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import okrkit
from okrkit.cli import main
from okrkit.cycle import load_history

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "marketing-plan.yaml"


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    target = tmp_path / "okrs.yaml"
    shutil.copy(EXAMPLE, target)
    return target


def cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(["--locale", "en", *args], out=out, err=err)
    return status, out.getvalue(), err.getvalue()


def test_rollover_in_place_keeps_header_comments_and_writes_history(plan_file: Path) -> None:
    old = okrkit.load(plan_file)
    status, _, err = cli("rollover", str(plan_file), "--to", "2027-Q1", "--drop", "reviews")
    assert status == 0, err
    assert "3 of 4 objectives carried" in err and "okrs.history.yaml" in err
    text = plan_file.read_text(encoding="utf-8")
    assert text.startswith("# A marketing team's quarter, as a team would keep it in git.\n")
    new = okrkit.load(plan_file)
    assert str(new.period) == "2027-Q1"
    arr = new.objective("company-growth").key_result("new-arr")
    old_arr = old.objective("company-growth").key_result("new-arr")
    assert arr.baseline == old_arr.value_on(old.period.end)  # type: ignore[union-attr]
    (record,) = load_history(plan_file).periods
    assert str(record.period) == "2026-Q4"
    assert record.objective("reviews").outcome == "dropped"  # type: ignore[union-attr]


def test_output_file_and_dry_run_leave_the_plan_alone(plan_file: Path) -> None:
    before = plan_file.read_bytes()
    status, out, _ = cli("rollover", str(plan_file), "--to", "2027-Q1", "--dry-run")
    assert status == 0 and "period: 2027-Q1" in out
    assert sorted(p.name for p in plan_file.parent.iterdir()) == ["okrs.yaml"]
    target = plan_file.parent / "q1.yaml"
    assert cli("rollover", str(plan_file), "--to", "2027-Q1", "-o", str(target))[0] == 0
    assert plan_file.read_bytes() == before
    assert str(okrkit.load(target).period) == "2027-Q1"
    assert len(load_history(target).periods) == 1


def test_decisions_file_and_a_second_quarter(plan_file: Path) -> None:
    decisions = plan_file.parent / "decisions.yaml"
    decisions.write_text("reviews: done\nseo: drop\n", encoding="utf-8")
    assert cli("rollover", str(plan_file), "--to", "2027-Q1", "--decisions", str(decisions))[0] == 0
    assert [o.id for o in okrkit.load(plan_file).objectives] == ["company-growth", "pipeline"]
    assert cli("rollover", str(plan_file), "--to", "2027-Q2", "--targets", "step")[0] == 0
    history = load_history(plan_file)
    assert [str(p.period) for p in history.periods] == ["2026-Q4", "2027-Q1"]
    assert {o.id: o.outcome for o in history.periods[0].objectives}["seo"] == "dropped"
    status, out, _ = cli("score", str(plan_file), "--history", "--format", "json")
    assert status == 0
    assert [p["period"] for p in json.loads(out)["periods"]] == ["2026-Q4", "2027-Q1"]
    status, out, _ = cli("score", str(plan_file), "--history")
    assert "Q4 2026" in out and "Q1 2027" in out and "dropped" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--to", "2026-Q4"], "does not start after 2026-Q4"),
        (["--to", "2027-Q5"], "2027-Q5"),
        (["--to", "2027-Q1", "--drop", "nope"], "unknown objective 'nope'"),
    ],
)
def test_bad_rollovers_exit_1_and_change_nothing(
    plan_file: Path, args: list[str], message: str
) -> None:
    before = plan_file.read_bytes()
    status, _, err = cli("rollover", str(plan_file), *args)
    assert status == 1 and message in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    assert plan_file.read_bytes() == before
    assert not (plan_file.parent / "okrs.history.yaml").exists()


def test_a_bad_decisions_file_is_a_clear_error(plan_file: Path) -> None:
    decisions = plan_file.parent / "decisions.yaml"
    decisions.write_text("- reviews\n", encoding="utf-8")
    status, _, err = cli(
        "rollover", str(plan_file), "--to", "2027-Q1", "--decisions", str(decisions)
    )
    assert status == 1 and "decisions.yaml: expected a mapping of objective ids" in err


def test_rolling_the_same_quarter_twice_is_refused(plan_file: Path, tmp_path: Path) -> None:
    q1 = tmp_path / "q1.yaml"
    assert cli("rollover", str(plan_file), "--to", "2027-Q1", "-o", str(q1))[0] == 0
    shutil.copy(tmp_path / "q1.history.yaml", tmp_path / "okrs.history.yaml")
    before = plan_file.read_bytes()
    status, _, err = cli("rollover", str(plan_file), "--to", "2027-Q1")
    assert status == 1 and "already holds a record of 2026-Q4" in err
    assert plan_file.read_bytes() == before


def test_a_failed_plan_write_restores_the_history(
    plan_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    history = plan_file.parent / "okrs.history.yaml"
    history.write_text("format: 1\nperiods: []\n", encoding="utf-8")
    before = plan_file.read_bytes(), history.read_bytes()
    real_replace = os.replace

    def fail_for_plan(src: str, dst: str) -> None:
        if str(dst).endswith("okrs.yaml"):
            raise OSError(28, "No space left on device")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", fail_for_plan)
    status, _, err = cli("rollover", str(plan_file), "--to", "2027-Q1")
    assert status == 1 and "No space left on device" in err
    assert (plan_file.read_bytes(), history.read_bytes()) == before


def test_score_history_without_history_and_on_stdin(plan_file: Path) -> None:
    status, out, _ = cli("score", str(plan_file), "--history")
    assert status == 0 and "No closed periods yet" in out
    status, _, err = cli("score", "-", "--history")
    assert status == 2 and "--history reads the history file" in err


def test_rollover_speaks_the_users_language(plan_file: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "OKRKIT_LOCALE": "sv"}
    done = subprocess.run(
        [sys.executable, "-m", "okrkit", "rollover", str(plan_file), "--to", "2027-Q1"],
        capture_output=True,
        text=True,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    assert "har förts över till" in done.stderr and "K1 2027" in done.stderr
