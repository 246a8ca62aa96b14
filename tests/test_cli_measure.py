"""``okrkit measure``: the command a weekly job runs."""

from __future__ import annotations

import datetime as dt
import io
import json
import subprocess
import sys
from pathlib import Path

import marketing_data as data
import pytest
import sqlalchemy as sa

import okrkit
from okrkit.cli import main

ON = "2026-11-15"
BROKEN = "SELECT count(*) FROM leadz WHERE mql_on <= :on"


def _folder(tmp_path: Path, query: str | None = None) -> Path:
    engine = sa.create_engine(f"sqlite:///{tmp_path / 'crm.db'}")
    data.build(engine)
    engine.dispose()
    text = data.plan_yaml("sqlite:///crm.db").replace(
        "      - id: cac\n", "      # CAC: ad spend over won deals\n      - id: cac\n"
    )
    if query is not None:
        text = text.replace(data.MQLS, query)
    (tmp_path / "okrs.yaml").write_text(text, encoding="utf-8")
    return tmp_path


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["--locale", "en", *argv], out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def _check_in_dates(path: Path) -> dict[str, list[str]]:
    plan = okrkit.load(path)
    return {
        f"{o.id}/{kr.id}": [c.date.isoformat() for c in kr.check_ins]
        for o in plan.objectives
        for kr in o.key_results
    }


def test_measure_records_one_check_in_per_key_result_and_keeps_the_file(tmp_path: Path) -> None:
    plan_file = _folder(tmp_path) / "okrs.yaml"
    code, out, err = _run("measure", str(plan_file), "--on", ON)
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].split() == ["Key", "result", "Old", "value", "New", "value", "Source", "Status"]
    want = data.expected(dt.date.fromisoformat(ON))
    assert f"{want['pipeline/mqls']:.0f}" in lines[2] and lines[2].endswith("recorded")
    assert "Measuring pipeline/mqls (1/3)" in err
    text = plan_file.read_text(encoding="utf-8")
    assert "# CAC: ad spend over won deals" in text
    assert _check_in_dates(plan_file) == {ref: [ON] for ref in want}
    _, kr = okrkit.load(plan_file).key_result("nps")
    assert kr.value == pytest.approx(want["loyalty/nps"])
    assert kr.check_ins[0].provenance is not None
    assert kr.check_ins[0].provenance.source == "formula:nps(sql:crm)"

    code, out, _ = _run("measure", str(plan_file), "--on", ON)  # the same day again
    assert code == 0 and out.count("unchanged") == 3
    assert plan_file.read_text(encoding="utf-8") == text
    code, _, _ = _run("measure", str(plan_file), "--on", "2026-11-22", "--only", "mqls")
    assert code == 0
    dates = _check_in_dates(plan_file)
    assert dates["pipeline/mqls"] == [ON, "2026-11-22"] and dates["loyalty/nps"] == [ON]


def test_one_failing_source_leaves_its_key_result_and_records_the_others(tmp_path: Path) -> None:
    plan_file = _folder(tmp_path, BROKEN) / "okrs.yaml"
    code, out, err = _run("measure", str(plan_file), "--on", ON)
    assert code == 1
    assert "okrkit: error: pipeline/mqls: connection crm: no such table: leadz" in err
    assert "Traceback" not in err
    mqls_row = next(line for line in out.splitlines() if line.startswith("pipeline/mqls"))
    assert mqls_row.endswith("failed")
    dates = _check_in_dates(plan_file)
    assert dates == {"pipeline/mqls": [], "pipeline/cac": [ON], "loyalty/nps": [ON]}


def test_strict_records_nothing_when_a_source_fails(tmp_path: Path) -> None:
    plan_file = _folder(tmp_path, BROKEN) / "okrs.yaml"
    before = plan_file.read_bytes()
    code, out, err = _run("measure", str(plan_file), "--on", ON, "--strict")
    assert code == 1
    assert plan_file.read_bytes() == before
    assert "Nothing was recorded: --strict and a source failed." in err
    assert "not recorded" in out


def test_dry_run_and_json_write_nothing(tmp_path: Path) -> None:
    plan_file = _folder(tmp_path) / "okrs.yaml"
    before = plan_file.read_bytes()
    code, out, _ = _run("measure", str(plan_file), "--on", ON, "--dry-run", "--format", "json")
    assert code == 0 and plan_file.read_bytes() == before
    rows = {row["key_result"]: row for row in json.loads(out)["results"]}
    assert json.loads(out)["format"] == 1
    assert (
        rows["pipeline/mqls"]["value"] == data.expected(dt.date.fromisoformat(ON))["pipeline/mqls"]
    )
    assert rows["pipeline/mqls"]["written"] is False
    assert rows["pipeline/cac"]["readings"][0]["inputs"]["new_customers"] > 0


def test_bad_command_lines_are_one_line_errors(tmp_path: Path) -> None:
    plan_file = _folder(tmp_path) / "okrs.yaml"
    code, _, err = _run("measure", str(plan_file), "--only", "nope")
    assert code == 1 and err.strip().splitlines()[-1].startswith("okrkit: error: no key result")
    code, _, err = _run("measure", "-")
    assert code == 2 and "use --dry-run with stdin" in err
    code, _, err = _run("measure", str(plan_file), "--on", "15.11.2026")
    assert code == 1 and "invalid date '15.11.2026'" in err


def test_the_installed_command_in_another_locale(tmp_path: Path) -> None:
    plan_file = _folder(tmp_path) / "okrs.yaml"
    result = subprocess.run(
        [sys.executable, "-m", "okrkit", "measure", str(plan_file), "--on", ON, "--locale", "sv"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Nyckelresultat" in result.stdout
    assert len(okrkit.load(plan_file).key_result("mqls")[1].check_ins) == 1


def test_concurrent_check_ins_during_a_measure_run_are_all_kept(tmp_path: Path) -> None:
    plan_file = _folder(tmp_path) / "okrs.yaml"
    text = plan_file.read_text(encoding="utf-8").replace(
        "  - id: loyalty\n",
        "      - id: webinars\n        title: Webinar attendees\n        baseline: 0\n"
        "        target: 900\n        reporter: Bo\n  - id: loyalty\n",
    )
    plan_file.write_text(text, encoding="utf-8")
    okrkit_cmd = [sys.executable, "-m", "okrkit"]
    days = [f"2026-11-{day:02d}" for day in range(1, 7)]
    processes = [
        subprocess.Popen(
            [*okrkit_cmd, "checkin", str(plan_file), "webinars", str(100 * i), "--date", day],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for i, day in enumerate(days)
    ]
    processes.insert(
        3,
        subprocess.Popen(
            [*okrkit_cmd, "measure", str(plan_file), "--on", ON],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        ),
    )
    for process in processes:
        _, err = process.communicate(timeout=120)
        assert process.returncode == 0, err
    dates = _check_in_dates(plan_file)
    assert sorted(dates["pipeline/webinars"]) == days
    assert dates["pipeline/mqls"] == dates["pipeline/cac"] == dates["loyalty/nps"] == [ON]


def test_source_errors_are_shown_in_the_users_language(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    plan_file = folder / "okrs.yaml"
    text = plan_file.read_text(encoding="utf-8").replace("sqlite:///crm.db", "${CRM_URL}")
    plan_file.write_text(text, encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    code = main(["--locale", "sv", "measure", str(plan_file), "--on", ON], out=out, err=err)
    assert code == 1
    assert "okrkit: fel: pipeline/mqls: anslutningen crm: miljövariabeln CRM_URL är inte satt" in (
        err.getvalue()
    )
    (result, *_) = okrkit.measure(okrkit.load(plan_file), on=dt.date.fromisoformat(ON), environ={})
    assert result.error is not None
    assert (
        str(result.error)
        == "pipeline/mqls: connection crm: environment variable CRM_URL is not set"
    )
    assert result.error.localized("ru") == (
        "pipeline/mqls: подключение crm: переменная окружения CRM_URL не задана"
    )
    formula = okrkit.measure(okrkit.load(plan_file), on=dt.date.fromisoformat(ON), environ={})[1]
    assert formula.error is not None
    assert formula.error.localized("vi").startswith(
        "pipeline/cac: kết nối crm: đầu vào spend: biến môi trường CRM_URL chưa được đặt"
    )
