"""As-of semantics: a score on a date depends only on what was known on that date."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

import okrkit
from okrkit import CheckIn, KeyResult, Objective, Period, Plan, render, score
from okrkit.scoring import forecast

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "marketing-plan.yaml"
Q3 = Period.parse("2026-Q3")


def test_issue_example_a_later_check_in_does_not_decide_an_earlier_score() -> None:
    kr = KeyResult(
        id="k",
        title="K",
        baseline=0,
        target=10,
        check_ins=[
            CheckIn(date=dt.date(2026, 7, 10), value=3),
            CheckIn(date=dt.date(2026, 9, 1), value=10),
        ],
    )
    july = score(kr, on=dt.date(2026, 7, 20), period=Q3)
    assert july.value == 0.3 and july.current == 3.0
    assert score(kr, on=dt.date(2026, 9, 1), period=Q3).value == 1.0
    assert score(kr, on=dt.date(2026, 7, 9), period=Q3).status is okrkit.Status.NO_DATA
    # the forecast on 20 July sees the baseline and the July check-in only
    early = forecast(kr, Q3, on=dt.date(2026, 7, 20))
    assert early is not None and early.slope_per_day == 3 / 9
    assert july.forecast == early


def test_value_on_falls_back_to_current_then_baseline() -> None:
    kr = KeyResult(
        id="k",
        title="K",
        baseline=1,
        target=10,
        current=4,
        check_ins=[CheckIn(date=dt.date(2026, 8, 1), value=6)],
    )
    assert kr.value_on(dt.date(2026, 7, 1)) == 4  # before the check-in: current
    assert kr.value_on(dt.date(2026, 8, 1)) == 6
    assert KeyResult(id="k", title="K", baseline=1, target=10).value_on(dt.date(2026, 1, 1)) == 1
    milestone = KeyResult(
        id="m",
        title="M",
        kind="milestone",
        check_ins=[CheckIn(date=dt.date(2026, 8, 1), done=True, confidence=0.9)],
    )
    assert not milestone.done_on(dt.date(2026, 7, 31)) and milestone.done_on(dt.date(2026, 8, 1))
    assert milestone.confidence_on(dt.date(2026, 7, 31)) is None
    assert not milestone.measured_on(dt.date(2026, 7, 31))


# -- the property: scoring on D equals scoring the history truncated at D --------------------

DAYS = st.dates(min_value=dt.date(2026, 6, 1), max_value=dt.date(2026, 11, 30))


@st.composite
def key_results(draw: Any, n: int) -> KeyResult:
    kind = draw(st.sampled_from(["increase", "decrease", "at_least", "between", "milestone"]))
    dates = draw(st.lists(DAYS, max_size=5))
    confidence = st.none() | st.floats(0, 1)
    if kind == "milestone":
        check_ins = [
            CheckIn(date=d, done=draw(st.booleans()), confidence=draw(confidence)) for d in dates
        ]
        return KeyResult(id=f"k{n}", title="M", kind="milestone", check_ins=check_ins)
    values = st.integers(0, 200)
    check_ins = [CheckIn(date=d, value=draw(values), confidence=draw(confidence)) for d in dates]
    current = draw(st.none() | values)
    common: dict[str, Any] = {"id": f"k{n}", "title": "K", "current": current}
    common["check_ins"] = check_ins
    common["weight"] = draw(st.sampled_from([0.5, 1.0, 2.0]))
    if kind == "increase":
        return KeyResult(baseline=50, target=150, **common)
    if kind == "decrease":
        return KeyResult(baseline=150, target=50, **common)
    if kind == "at_least":
        return KeyResult(direction="at_least", target=100, **common)
    return KeyResult(direction="between", target_min=80, target_max=120, **common)


@st.composite
def plans(draw: Any) -> Plan:
    objectives = []
    for i in range(draw(st.integers(1, 3))):
        krs = [draw(key_results(10 * i + j)) for j in range(draw(st.integers(0, 3)))]
        parent = "o0" if i and draw(st.booleans()) else None
        period = draw(st.sampled_from([None, "2026-Q3", "2026-Q4"]))
        objectives.append(
            Objective(id=f"o{i}", title="O", key_results=krs, parent=parent, period=period)
        )
    return Plan(period="2026-Q3", objectives=objectives)


def truncated(plan: Plan, day: dt.date) -> Plan:
    copy = plan.model_copy(deep=True)
    for objective in copy.objectives:
        for kr in objective.key_results:
            kr.check_ins = [c for c in kr.check_ins if c.date <= day]
    return copy


POLICY_NAMES = sorted(okrkit.POLICIES)


@settings(max_examples=80, deadline=None)
@given(plans(), DAYS, st.sampled_from(POLICY_NAMES))
def test_scoring_on_a_date_equals_scoring_the_history_up_to_it(
    plan: Plan, day: dt.date, policy: str
) -> None:
    cut = truncated(plan, day)
    assert score(plan, on=day, policy=policy) == score(cut, on=day, policy=policy)
    for objective, short in zip(plan.objectives, cut.objectives, strict=True):
        for kr, kr_cut in zip(objective.key_results, short.key_results, strict=True):
            period = plan.period_of(objective)
            assert score(kr, on=day, period=period) == score(kr_cut, on=day, period=period)
            assert forecast(kr, period, on=day) == forecast(kr_cut, period, on=day)


@settings(max_examples=15, deadline=None)
@given(plans(), DAYS)
def test_documents_and_reports_on_a_date_ignore_later_check_ins(plan: Plan, day: dt.date) -> None:
    cut = truncated(plan, day)
    for fmt, template in (("markdown", "dashboard"), ("csv", "dashboard"), ("text", "checkin")):
        assert render(plan, fmt, template=template, on=day) == render(
            cut, fmt, template=template, on=day
        )


def test_cli_score_on_ignores_later_check_ins(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    shutil.copy(EXAMPLE, path)
    plan = okrkit.load(path)
    day = dt.date(2026, 11, 1)
    cut = tmp_path / "cut.yaml"
    okrkit.dump(truncated(plan, day), cut)

    def cli_json(file: Path) -> Any:
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "okrkit",
                "score",
                str(file),
                "--on",
                str(day),
                "--format",
                "json",
            ],
            capture_output=True,
            text=True,
            timeout=120,
            env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
        )
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout)

    assert any(c.date > day for o in plan.objectives for k in o.key_results for c in k.check_ins)
    assert cli_json(path) == cli_json(cut)
