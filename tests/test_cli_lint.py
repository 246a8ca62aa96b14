"""``okrkit lint`` on the command line: many files, dates that repeat, every report format."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "marketing-plan.yaml"
LOCALE_VARS = ("OKRKIT_LOCALE", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG", "OKRKIT_TODAY")


def run(
    *args: str, env: dict[str, str] | None = None, cwd: Path | None = None, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if k not in LOCALE_VARS}
    base.update(env or {})
    base["PYTHONPATH"] = str(ROOT)
    return subprocess.run(
        [sys.executable, "-m", "okrkit", *args],
        capture_output=True, text=True, env=base, cwd=cwd, input=stdin, timeout=120,
    )  # fmt: skip


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    shutil.copy(EXAMPLE, tmp_path / "okrs.yaml")
    shutil.copy(EXAMPLE, tmp_path / "q4.okr.yaml")
    return tmp_path


def test_many_files_in_one_run(folder: Path) -> None:
    result = run("lint", "okrs.yaml", "q4.okr.yaml", "--on", "2026-11-27", cwd=folder)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    ours = [line for line in lines if line.startswith("okrs.yaml:")]
    theirs = [line for line in lines if line.startswith("q4.okr.yaml:")]
    assert ours and len(ours) + len(theirs) == len(lines)
    assert [line.split(":", 1)[1] for line in ours] == [line.split(":", 1)[1] for line in theirs]
    strict = run("lint", "okrs.yaml", "q4.okr.yaml", "--on", "2026-11-27", "--strict", cwd=folder)
    assert strict.returncode == 1


def test_okrkit_today_fixes_the_date_and_on_wins(folder: Path) -> None:
    """review-replies last checked in on 2026-11-13 with a weekly cadence."""
    fresh = run("lint", "okrs.yaml", env={"OKRKIT_TODAY": "2026-11-16"}, cwd=folder)
    stale = run("lint", "okrs.yaml", env={"OKRKIT_TODAY": "2026-11-27"}, cwd=folder)
    # As of a date, only check-ins dated up to it count (other key results of the example
    # are stale on 2026-11-16 because their next check-ins come later): look at this one.
    stale_replies = "Key result review-replies has had no check-in"
    assert stale_replies not in fresh.stdout and stale_replies in stale.stdout
    on = run("lint", "okrs.yaml", "--on", "2026-11-16", env={"OKRKIT_TODAY": "2026-11-27"},
             cwd=folder)  # fmt: skip
    assert on.stdout == fresh.stdout
    score = run("score", "okrs.yaml", "--format", "json", env={"OKRKIT_TODAY": "2026-11-16"},
                cwd=folder)  # fmt: skip
    assert json.loads(score.stdout)["on"] == "2026-11-16"
    bad = run("lint", "okrs.yaml", env={"OKRKIT_TODAY": "tomorrow"}, cwd=folder)
    assert bad.returncode == 1 and "OKRKIT_TODAY" in bad.stderr and "Traceback" not in bad.stderr


def test_github_and_sarif_formats(folder: Path) -> None:
    github = run("lint", "okrs.yaml", "--on", "2026-11-27", "--format", "github", cwd=folder)
    assert github.returncode == 0
    lines = github.stdout.splitlines()
    assert lines and all(line.startswith("::warning file=okrs.yaml,line=") for line in lines)
    sarif = run("lint", "okrs.yaml", "--on", "2026-11-27", "--format", "sarif", cwd=folder)
    log = json.loads(sarif.stdout)
    assert log["version"] == "2.1.0" and len(log["runs"][0]["results"]) == len(lines)


def test_no_files_is_a_usage_error() -> None:
    assert run("lint").returncode == 2


def test_stdin_is_one_of_the_files(folder: Path) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    result = run("lint", "okrs.yaml", "-", "--on", "2026-11-27", cwd=folder, stdin=text)
    assert result.returncode == 0, result.stderr
    assert {line.split(":", 1)[0] for line in result.stdout.splitlines()} == {
        "okrs.yaml",
        "<stdin>",
    }
