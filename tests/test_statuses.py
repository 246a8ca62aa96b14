"""Statuses that mean what they say: one test per documented rule (docs/scoring.md)."""

from __future__ import annotations

import datetime as dt
import math
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from okrkit import (
    Band,
    CheckIn,
    KeyResult,
    Objective,
    OKRError,
    Period,
    Plan,
    ScoringPolicy,
    Status,
    ValidationError,
    score,
)
from okrkit.scoring import grade

Q3 = Period.parse("2026-Q3")  # 92 days: Jul 1 - Sep 30
DAY10 = dt.date(2026, 7, 10)
MID = dt.date(2026, 8, 15)  # half elapsed
LATE = dt.date(2026, 9, 20)  # 0.89 elapsed
END = dt.date(2026, 9, 30)


def metric(value: float | None = None, kr_id: str = "k", **kw: Any) -> KeyResult:
    return KeyResult(id=kr_id, title="K", baseline=0, target=100, current=value, **kw)


def threshold(value: float | None, kr_id: str = "t") -> KeyResult:
    return KeyResult(id=kr_id, title="T", direction="at_least", target=40, current=value)


def milestone(*check_ins: CheckIn, kr_id: str = "m") -> KeyResult:
    return KeyResult(id=kr_id, title="M", kind="milestone", check_ins=list(check_ins))


def objective(*krs: KeyResult, **kw: Any) -> Objective:
    return Objective(id=kw.pop("id", "o"), title="O", period=Q3, key_results=list(krs), **kw)


def test_no_data_is_not_not_started_and_turns_at_risk() -> None:
    never = metric()
    assert score(never, on=dt.date(2026, 6, 30), period=Q3).status is Status.NOT_STARTED
    early = score(never, on=DAY10, period=Q3)
    assert (early.status, early.band) == (Status.NO_DATA, Band.GREY)
    later = score(never, on=MID, period=Q3)  # past no_data_after (0.25)
    assert (later.status, later.band) == (Status.NO_DATA, Band.YELLOW)
    assert score(never, on=END, period=Q3).status is Status.MISSED
    assert score(metric(), on=MID).status is Status.NO_DATA  # no period at all


def test_thresholds_hold_on_track_and_are_achieved_only_at_the_end() -> None:
    assert score(threshold(44), on=DAY10, period=Q3).status is Status.ON_TRACK
    assert score(threshold(39), on=DAY10, period=Q3).status is Status.OFF_TRACK
    assert score(threshold(44), on=END, period=Q3).status is Status.ACHIEVED
    assert score(threshold(39), on=END, period=Q3).status is Status.MISSED
    holding = objective(threshold(44), threshold(50, "t2"))
    assert score(holding, on=DAY10).value == 1.0
    assert score(holding, on=DAY10).status is Status.ON_TRACK  # not achieved on day 10
    assert score(holding, on=END).status is Status.ACHIEVED
    done = objective(metric(100), metric(100, "k2"))
    assert score(done, on=DAY10).status is Status.ACHIEVED  # every part achieved already


def test_strict_applies_to_thresholds() -> None:
    exactly = threshold(40)
    strict = ScoringPolicy(name="strict", strict=True)
    assert score(exactly).value == 1.0
    assert score(exactly, policy=strict).value == 0.0
    assert score(exactly, policy="quantive").value == 0.0  # "the target value is not inclusive"
    ceiling = KeyResult(id="c", title="C", direction="at_most", target=400, current=400)
    assert (score(ceiling).value, score(ceiling, policy=strict).value) == (1.0, 0.0)
    band = KeyResult(id="b", title="B", direction="between", target_min=2, target_max=4, current=4)
    assert (score(band).value, score(band, policy=strict).value) == (1.0, 0.0)


def test_weakest_link_ignores_no_data_only_when_others_have_data() -> None:
    weakest = "weakest-link"
    mixed = objective(metric(50), metric(None, "quiet"))
    assert score(mixed, on=DAY10, policy=weakest).status is Status.ON_TRACK
    # after no_data_after the silent key result counts as at risk
    assert score(objective(metric(60), metric(None, "quiet")), on=MID, policy=weakest).status is (
        Status.AT_RISK
    )
    silent = objective(metric(None), metric(None, "k2"))
    assert score(silent, on=DAY10, policy=weakest).status is Status.NO_DATA
    assert score(silent, on=DAY10).status is Status.NO_DATA  # by score too


def test_weakest_link_ranks_at_risk_and_off_track_below_not_started() -> None:
    later = Objective(
        id="later", title="O", period=Period.parse("2026-Q4"), key_results=[metric(10)]
    )
    plan = Plan(period=Q3, objectives=[objective(metric(40)), later])
    weakest = ScoringPolicy(name="w", objective_status="weakest")
    parts = score(plan, on=MID, policy=weakest).children
    assert [p.status for p in parts] == [Status.AT_RISK, Status.NOT_STARTED]
    pol = ScoringPolicy(objective_status="weakest")
    order = [pol.severity(s, None) for s in (Status.NOT_STARTED, Status.AT_RISK, Status.OFF_TRACK)]
    assert order == sorted(order) and len(set(order)) == 3


def test_open_milestone_without_confidence_is_at_risk_late() -> None:
    open_ = milestone(CheckIn(date=dt.date(2026, 7, 5), done=False))
    assert score(open_, on=MID, period=Q3).status is Status.ON_TRACK
    assert score(open_, on=LATE, period=Q3).status is Status.AT_RISK  # > 0.75 elapsed
    sure = milestone(CheckIn(date=dt.date(2026, 7, 5), done=False, confidence=0.8))
    assert score(sure, on=LATE, period=Q3).status is Status.ON_TRACK
    unsure = milestone(CheckIn(date=dt.date(2026, 7, 5), done=False, confidence=0.5))
    assert score(unsure, on=MID, period=Q3).status is Status.AT_RISK
    done = milestone(CheckIn(date=dt.date(2026, 9, 1), done=True))
    assert score(done, on=LATE, period=Q3).status is Status.ACHIEVED
    assert score(milestone(), on=MID, period=Q3).status is Status.NO_DATA


def test_no_period_status_from_progress_alone() -> None:
    statuses = [score(metric(v)).status for v in (100, 70, 69, 40, 39, 0)]
    assert statuses == [
        Status.ACHIEVED,
        Status.ON_TRACK,
        Status.AT_RISK,
        Status.AT_RISK,
        Status.OFF_TRACK,
        Status.OFF_TRACK,
    ]


def test_grade_boundaries_after_rounding() -> None:
    google = ScoringPolicy(band_by="score")
    seventy = (0.7 + 0.7 + 0.7) / 3
    assert 1.2 / 3 < 0.4 and seventy < 0.7  # the floats a person does not see
    assert google.band(1.2 / 3, Status.ON_TRACK) is Band.YELLOW
    assert google.band(seventy, Status.ON_TRACK) is Band.GREEN
    assert google.band(0.6949, Status.ON_TRACK) is Band.YELLOW  # 69 %
    assert google.band(0.395, Status.ON_TRACK) is Band.YELLOW  # shown as 40 %: half up
    assert google.band(0.3949, Status.ON_TRACK) is Band.RED
    # an objective averaging to 0.7 (as floats 0.6999999999999998) is an aspirational success
    seven = objective(metric(70), metric(70, "k2"), metric(70, "k3"))
    assert score(seven, on=END).value < 0.7
    assert score(seven, on=END, policy="google").status is Status.ACHIEVED
    assert score(seven, on=END, policy="google").band is Band.GREEN
    assert grade(0.125, 2) == 0.13 and grade(-0.125, 2) == -0.13


def test_half_open_and_upper_closed_bands() -> None:
    lower = ScoringPolicy(band_by="score", red_below=0.3, yellow_below=0.7)
    upper = ScoringPolicy(band_by="score", red_below=0.3, yellow_below=0.7, band_edges="upper")
    assert [lower.band(v, Status.ON_TRACK) for v in (0.3, 0.7)] == [Band.YELLOW, Band.GREEN]
    assert [upper.band(v, Status.ON_TRACK) for v in (0.3, 0.7)] == [Band.RED, Band.YELLOW]


def test_all_zero_weights_are_a_validation_error() -> None:
    with pytest.raises(ValidationError, match="weight 0"):
        objective(metric(10, weight=0), metric(20, "k2", weight=0))
    fine = objective(metric(10, weight=0), metric(20, "k2"))
    assert score(fine, on=MID).value == 0.2


def test_rollup_children_keeps_a_leaf_objectives_key_results() -> None:
    plan = Plan(
        period=Q3,
        objectives=[
            Objective(id="top", title="T", key_results=[metric(100, "t")]),
            Objective(id="kid", title="K", parent="top", key_results=[metric(40, "z")]),
        ],
    )
    kids = score(plan, on=MID, policy=ScoringPolicy(name="kids", rollup="children"))
    [top] = kids.children
    assert top.value == 0.4  # the top averages its child
    [kid] = top.children
    assert kid.value == 0.4 and [c.id for c in kid.children] == ["z"]  # the leaf keeps its KR


def test_objective_rollup_field_overrides_the_policy() -> None:
    plan = Plan(
        period=Q3,
        objectives=[
            Objective(id="top", title="T", rollup="both", key_results=[metric(100, "t")]),
            Objective(id="kid", title="K", parent="top", key_results=[metric(40, "z")]),
        ],
    )
    top = score(plan, on=MID).find("top", kind="objective")
    assert top is not None and top.value == pytest.approx(0.7)  # mean(1.0, 0.4)
    assert plan.objective("top").rollup == "both"


def test_score_plan_period_scores_only_that_period() -> None:
    q4 = Period.parse("2026-Q4")
    plan = Plan(
        period=Q3,
        objectives=[
            objective(metric(50), id="summer"),
            Objective(id="autumn", title="A", period=q4, key_results=[metric(10, "a")]),
        ],
    )
    assert [c.id for c in score(plan, on=MID, period=Q3).children] == ["summer"]
    assert [c.id for c in score(plan, on=MID, period="2026-Q4").children] == ["autumn"]
    assert len(score(plan, on=MID).children) == 2
    with pytest.raises(OKRError, match="runs in"):
        score(plan.objective("autumn"), on=MID, period=Q3)


def test_objective_without_key_results_is_no_data_and_not_averaged() -> None:
    plan = Plan(period=Q3, objectives=[objective(metric(50)), Objective(id="empty", title="E")])
    result = score(plan, on=MID)
    assert result.children[1].status is Status.NO_DATA
    assert result.value == 0.5  # not (0.5 + 0) / 2


def test_confidence_is_rolled_up_by_weight() -> None:
    sure = metric(50, "a", weight=3, check_ins=[CheckIn(date=DAY10, value=50, confidence=0.9)])
    doubt = metric(50, "b", check_ins=[CheckIn(date=DAY10, value=50, confidence=0.5)])
    silent = metric(50, "c")
    result = score(objective(sure, doubt, silent), on=MID)
    assert result.confidence == pytest.approx((3 * 0.9 + 0.5) / 4)
    assert [c.confidence for c in result.children] == [0.9, 0.5, None]
    plain = score(objective(sure, doubt, silent), on=MID, policy="burningokr")
    assert plain.confidence == pytest.approx(0.7)  # unweighted policy


def test_status_by_difference_beside_ratio() -> None:
    diff = ScoringPolicy(name="d", status_by="difference", on_track_gap=-0.1, at_risk_gap=-0.3)
    statuses = [score(metric(v), on=MID, period=Q3, policy=diff).status for v in (40, 39, 20, 19)]
    assert statuses == [Status.ON_TRACK, Status.AT_RISK, Status.AT_RISK, Status.OFF_TRACK]
    with pytest.raises(OKRError, match="at_risk_gap"):
        ScoringPolicy(name="bad", status_by="difference", on_track_gap=-0.5, at_risk_gap=-0.1)


def test_check_in_values_are_validated_like_current() -> None:
    with pytest.raises(ValidationError, match=r"check_ins\[0\]\.value: written as a percent"):
        KeyResult(
            id="k", title="K", baseline=0, target=10, check_ins=[{"date": DAY10, "value": "3%"}]
        )
    ok = KeyResult(
        id="k", title="K", unit="percent", baseline=1, target=5,
        check_ins=[{"date": DAY10, "value": "3%"}],
    )  # fmt: skip
    assert ok.check_ins[0].value == 3.0
    with pytest.raises(ValidationError, match="expected a number"):
        CheckIn(date=DAY10, value="lots")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2026-02-30", "'2026-02-30' is not a real date: 2026-02 has 28 days"),
        ("2024-02-30", "2024-02 has 29 days"),
        ("2026-13-01", "expected a date written YYYY-MM-DD"),
        ("yesterday", "expected a date written YYYY-MM-DD"),
    ],
)
def test_impossible_dates_are_a_clear_error(text: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message) as info:
        CheckIn(date=text, value=1)
    assert info.value.errors[0][0] == "date"


def _half_up(value: float, decimals: int) -> float:
    """The definition of a grade: the shortest decimal form, rounded half up."""
    step = Decimal(1).scaleb(-decimals)
    return float(Decimal(repr(value)).quantize(step, rounding=ROUND_HALF_UP))


_near_ties = st.builds(
    lambda whole, decimals, nudge: ((whole + 0.5) / 10**decimals + nudge, decimals),
    st.integers(-(10**7), 10**7),
    st.integers(0, 6),
    st.sampled_from([0.0, 1e-17, -1e-17, 1e-12, -1e-12, 1e-9, -1e-9]),
)
_any_floats = st.tuples(
    st.floats(allow_nan=False, allow_infinity=False, width=64), st.integers(0, 12)
)


@given(st.one_of(_near_ties, _any_floats))
@settings(max_examples=3000, deadline=None)
def test_grade_is_the_half_up_rounding_of_the_shortest_decimal(case: tuple[float, int]) -> None:
    value, decimals = case
    try:
        want = _half_up(value, decimals)
    except InvalidOperation:  # more digits than the decimal context holds: so does grade
        with pytest.raises(InvalidOperation):
            grade(value, decimals)
        return
    got = grade(value, decimals)
    assert got == want and math.copysign(1.0, got) == math.copysign(1.0, want), (value, decimals)
