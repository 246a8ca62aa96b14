"""A measurement's old value is :meth:`KeyResult.value_on`, the value scoring uses on
that date: measure has no rule of its own for "the value as of a date"."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import okrkit
from okrkit.measure import measure

Q4 = dt.date(2026, 10, 1)


def plan(current: float | None, check_ins: list[tuple[int, float]]) -> okrkit.Plan:
    kr: dict[str, object] = {
        "id": "mqls",
        "title": "MQLs",
        "baseline": 10,
        "target": 100,
        "measure": {"kind": "csv", "path": "mqls.csv", "column": "n", "window": "all"},
        "check_ins": [
            {"date": (Q4 + dt.timedelta(days=d)).isoformat(), "value": v} for d, v in check_ins
        ],
    }
    if current is not None:
        kr["current"] = current
    return okrkit.Plan(
        period="2026-Q4", objectives=[{"id": "o", "title": "O", "key_results": [kr]}]
    )


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "mqls.csv").write_text("date,n\n2026-10-02,7\n", encoding="utf-8")
    return tmp_path


def old_value(p: okrkit.Plan, on: dt.date, folder: Path) -> float | None:
    (measurement,) = measure(p, on=on, base_dir=folder)
    assert measurement.status != "failed", measurement.error
    return measurement.old_value


def test_before_the_first_check_in_the_old_value_is_current(folder: Path) -> None:
    """The case where measure's own copy differed: it said baseline (10); scoring says
    current (40), and so does measure now."""
    p = plan(current=40, check_ins=[(40, 55)])
    kr = p.key_result("mqls")[1]
    early, late = Q4 + dt.timedelta(days=20), Q4 + dt.timedelta(days=50)
    assert old_value(p, early, folder) == kr.value_on(early) == 40
    assert old_value(p, late, folder) == kr.value_on(late) == 55
    assert old_value(plan(None, []), early, folder) == 10  # nothing at all: the baseline


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    current=st.none() | st.integers(0, 200).map(float),
    check_ins=st.lists(st.tuples(st.integers(0, 91), st.integers(0, 200).map(float)), max_size=5),
    day=st.integers(0, 91),
)
def test_old_value_is_value_on(
    folder: Path, current: float | None, check_ins: list[tuple[int, float]], day: int
) -> None:
    p = plan(current, check_ins)
    on = Q4 + dt.timedelta(days=day)
    kr = p.key_result("mqls")[1]
    assert old_value(p, on, folder) == kr.value_on(on)
