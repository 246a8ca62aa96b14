"""``okrkit checkin`` refuses check-in dates outside the period or after today unless
``--force``, by the same rule as lint's ``check-in-outside-period``; run for real."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import okrkit
from okrkit.files.checkin import CheckInDateError, append_check_in
from okrkit.formatting import format_date
from okrkit.i18n import translations

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "marketing-plan.yaml"  # period 2026-Q4
LOCALES = ("sv", "ru", "vi", "zh_Hans", "zh_Hant")


def run(*args: str, today: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("OKRKIT_LOCALE", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG", "OKRKIT_TODAY")
    }
    env["PYTHONPATH"] = str(ROOT)
    if today is not None:
        env["OKRKIT_TODAY"] = today
    return subprocess.run(
        [sys.executable, "-m", "okrkit", "checkin", *args],
        capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    path = tmp_path / "plan.yaml"
    shutil.copy(EXAMPLE, path)
    return path


def sqls_dates(path: Path) -> list[dt.date]:
    return [c.date for c in okrkit.load(path).key_result("sqls")[1].check_ins]


def test_date_outside_the_period_is_refused_naming_date_and_period(plan_file: Path) -> None:
    before = plan_file.read_bytes()
    result = run(str(plan_file), "sqls", "430", "--date", "2027-03-01", "--on", "2027-03-02")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    for part in ("pipeline/sqls", "Mar 1, 2027", "Q4 2026", "Oct 1, 2026", "Jan 14, 2027"):
        assert part in result.stderr, (part, result.stderr)
    assert "--force" in result.stderr
    assert plan_file.read_bytes() == before


def test_date_after_today_is_refused_with_on_and_with_okrkit_today(plan_file: Path) -> None:
    before = plan_file.read_bytes()
    by_option = run(str(plan_file), "sqls", "430", "--date", "2026-12-10", "--on", "2026-12-09")
    by_env = run(str(plan_file), "sqls", "430", "--date", "2026-12-10", today="2026-12-09")
    for result in (by_option, by_env):
        assert result.returncode == 1, result.stderr
        assert "Dec 10, 2026" in result.stderr and "after today, Dec 9, 2026" in result.stderr
        assert "--force" in result.stderr and "Traceback" not in result.stderr
    assert plan_file.read_bytes() == before
    ok = run(str(plan_file), "sqls", "430", "--date", "2026-12-10", "--on", "2026-12-10")
    assert ok.returncode == 0, ok.stderr
    assert sqls_dates(plan_file)[-1] == dt.date(2026, 12, 10)


def test_force_records_a_refused_date(plan_file: Path) -> None:
    args = (str(plan_file), "sqls", "430", "--date", "2027-03-01", "--on", "2026-12-01")
    assert run(*args).returncode == 1
    forced = run(*args, "--force")
    assert forced.returncode == 0, forced.stderr
    assert sqls_dates(plan_file)[-1] == dt.date(2027, 3, 1)


def test_default_date_is_today_from_on_or_okrkit_today(plan_file: Path) -> None:
    assert run(str(plan_file), "sqls", "430", "--on", "2026-12-03").returncode == 0
    assert sqls_dates(plan_file)[-1] == dt.date(2026, 12, 3)
    assert run(str(plan_file), "sqls", "431", today="2026-12-04").returncode == 0
    assert sqls_dates(plan_file)[-1] == dt.date(2026, 12, 4)
    # today after the period and its grace days: the default date is refused too
    late = run(str(plan_file), "sqls", "432", today="2027-02-01")
    assert late.returncode == 1 and "Feb 1, 2027" in late.stderr


@pytest.mark.parametrize("locale", LOCALES)
def test_refusal_is_translated(plan_file: Path, locale: str) -> None:
    result = run(str(plan_file), "sqls", "430", "--date", "2027-03-01", "--on", "2027-03-02",
                 "--locale", locale)  # fmt: skip
    assert result.returncode == 1
    t = translations(locale)
    hint = t.gettext("Add --force to record it anyway.")
    assert hint != "Add --force to record it anyway." and hint in result.stderr
    assert "outside its period" not in result.stderr  # the sentence is translated
    assert "2027" in result.stderr and "pipeline/sqls" in result.stderr


def test_help_tells_the_rule() -> None:
    text = run("--help").stdout
    assert "--force" in text and "--on" in text
    assert "not after today" in " ".join(text.split())


BOUNDARIES = [
    "2026-09-30",  # the day before the period
    "2026-10-01",  # its first day
    "2026-12-31",  # its last day
    "2027-01-14",  # the last grace day
    "2027-01-15",  # the day after
    "2027-01-13",  # in the grace days, but after today below
]


def test_cli_refuses_exactly_what_lint_reports(tmp_path: Path) -> None:
    """One rule: a date ``checkin`` refuses is a date lint flags, and the other way round."""
    on = "2027-01-12"
    for day in BOUNDARIES:
        path = tmp_path / f"{day}.yaml"
        shutil.copy(EXAMPLE, path)
        refused = run(str(path), "sqls", "430", "--date", day, "--on", on).returncode == 1
        if refused:
            append_check_in(path, "sqls", value="430", day=dt.date.fromisoformat(day), force=True)
        plan = okrkit.load(path)
        assert sqls_dates(path)[-1] == dt.date.fromisoformat(day)
        findings = okrkit.lint(plan, on=dt.date.fromisoformat(on))
        flagged = any(
            f.rule == "check-in-outside-period"
            and f.ref == "sqls"
            and format_date(dt.date.fromisoformat(day), "en") in f.message
            for f in findings
        )
        assert refused == flagged, (day, refused, [f.message for f in findings])


def test_library_refuses_unless_forced(plan_file: Path) -> None:
    before = plan_file.read_bytes()
    with pytest.raises(CheckInDateError) as caught:
        append_check_in(plan_file, "sqls", value="430", day=dt.date(2026, 9, 30),
                        on=dt.date(2026, 12, 1))  # fmt: skip
    assert caught.value.problem.kind == "outside-period"
    assert "Sep 30, 2026" in str(caught.value)
    assert "30 sep. 2026" in caught.value.localized("sv")
    assert plan_file.read_bytes() == before
    with pytest.raises(CheckInDateError) as future:
        append_check_in(plan_file, "sqls", value="430", day=dt.date(2026, 12, 2),
                        on=dt.date(2026, 12, 1))  # fmt: skip
    assert future.value.problem.kind == "future"
