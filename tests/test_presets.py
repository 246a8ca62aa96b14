"""Each tool preset reproduces the worked examples of the source it cites.

The sources are named in each preset's ``source`` and docstring
(``okrkit/scoring/presets.py``); the numbers below are the sources' own.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from okrkit import Band, KeyResult, Objective, Period, Plan, Status, score
from okrkit.scoring import PRESETS, grade

Q3 = Period.parse("2026-Q3")
MID = dt.date(2026, 8, 15)  # 0.5 of Q3 elapsed
END = dt.date(2026, 9, 30)


def kr(
    baseline: float, target: float, value: float | None, kr_id: str = "k", **kw: Any
) -> KeyResult:
    return KeyResult(id=kr_id, title="K", baseline=baseline, target=target, current=value, **kw)


def objective(*krs: KeyResult, **kw: Any) -> Objective:
    return Objective(id=kw.pop("id", "o"), title="O", period=Q3, key_results=list(krs), **kw)


def test_every_preset_cites_its_source() -> None:
    assert sorted(PRESETS) == [
        "burningokr", "google", "okr-tracker", "perdoo", "puzzle", "quantive", "viva",
    ]  # fmt: skip
    for preset in PRESETS.values():
        assert preset.source and preset.description


# okr-tracker: d3.scaleLinear().domain([startValue, targetValue]).clamp(true), and
# getWeightedProgression: sum of progression * weight / totalWeight.
@pytest.mark.parametrize(
    ("start", "target", "value", "progression"),
    [
        (0, 100, 50, 0.5),
        (0, 100, 150, 1.0),
        (0, 100, -10, 0.0),
        (100, 60, 80, 0.5),
        (0, 10, None, 0),
    ],
)
def test_okr_tracker_clamped_linear(
    start: float, target: float, value: Any, progression: float
) -> None:
    assert score(kr(start, target, value), policy="okr-tracker").value == progression


def test_okr_tracker_weighted_objective() -> None:
    o = objective(kr(0, 100, 100, "a", weight=2), kr(0, 100, 40, "b", weight=1))
    assert score(o, on=MID, policy="okr-tracker").value == pytest.approx((2 * 1.0 + 1 * 0.4) / 3)


# BurningOKR: getProgressNormalized clamps (current - start) / (end - start) to 0..1; the
# objective is the plain mean; getObjectiveScoreForProgress(objective, cycle):
# difference < -0.4 OffTrack, < -0.2 InDanger, else OnTrack (cycle progress 0.5 at MID).
@pytest.mark.parametrize(
    ("value", "status"),
    [
        (30, Status.ON_TRACK),  # -0.2 is not below -0.2
        (29, Status.AT_RISK),  # InDanger
        (10, Status.AT_RISK),  # -0.4 is not below -0.4
        (9, Status.OFF_TRACK),
    ],
)
def test_burningokr_status_by_difference(value: float, status: Status) -> None:
    assert score(objective(kr(0, 100, value)), on=MID, policy="burningokr").status is status


def test_burningokr_unweighted_mean_of_normalised_progress() -> None:
    o = objective(kr(0, 100, 150, "a", weight=5), kr(0, 100, 20, "b"))
    assert score(o, on=MID, policy="burningokr").value == pytest.approx((1.0 + 0.2) / 2)


# Quantive help centre, "How KR progress is calculated": open bugs 100 -> 60.
@pytest.mark.parametrize(("actual", "percent"), [(80, 50), (70, 75), (50, 125)])
def test_quantive_should_decrease_is_not_limited(actual: float, percent: float) -> None:
    assert score(kr(100, 60, actual), policy="quantive").value * 100 == pytest.approx(percent)


# "Keep the webpage bounce rate below 25% (should stay below)": the target is not inclusive.
@pytest.mark.parametrize(("actual", "percent"), [(24, 100), (25, 0), (26, 0)])
def test_quantive_stay_below_is_not_inclusive(actual: float, percent: float) -> None:
    bounce = KeyResult(
        id="bounce", title="Bounce rate", unit="percent", direction="at_most", target=25,
        current=actual,
    )  # fmt: skip
    assert score(bounce, policy="quantive").value * 100 == percent


def test_quantive_objective_average_of_key_results_and_child_objectives() -> None:
    """'Happy customers, proud team 39% = (27% + 18% + 73%) / 3', child 73% = (85% + 60%) / 2."""
    plan = Plan(
        period=Q3,
        objectives=[
            Objective(
                id="happy", title="Happy customers, proud team", rollup="both",
                key_results=[kr(0, 100, 27, "nps"), kr(0, 100, 18, "enps")],
            ),
            Objective(
                id="support", title="World class customer support", parent="happy",
                key_results=[kr(0, 100, 85, "csat"), kr(0, 100, 60, "first-reply")],
            ),
        ],
    )  # fmt: skip
    result = score(plan, on=MID, policy="quantive")
    happy = result.find("happy", kind="objective")
    support = result.find("support", kind="objective")
    assert happy is not None and support is not None
    assert grade(support.value, 2) == 0.73 and grade(happy.value, 2) == 0.39


# Perdoo support: "one Key Result that is at 100% progress, and two that are at 0% progress,
# your Objective progress will be 33%"; "negative values will be treated as 0%".
def test_perdoo_equal_weights_and_negatives_as_zero() -> None:
    o = objective(
        kr(0, 100, 100, "a", weight=3),
        kr(0, 100, 0, "b"),
        kr(50, 100, 30, "c"),  # c is -40 %
    )
    result = score(o, on=MID, policy="perdoo")
    assert grade(result.value, 2) == 0.33
    assert result.children[2].value == 0.0


def test_perdoo_objective_status_is_the_weakest_key_result() -> None:
    """'if you have an Objective with 2 Key Results where one is off track and one is on
    track, the Objective status will be off track' (excluding the 'none' status)."""
    o = objective(kr(0, 100, 60, "on"), kr(0, 100, 10, "off"), kr(0, 100, None, "none"))
    result = score(o, on=dt.date(2026, 7, 20), policy="perdoo")
    assert [c.status for c in result.children] == [
        Status.ON_TRACK, Status.OFF_TRACK, Status.NO_DATA,
    ]  # fmt: skip
    assert result.status is Status.OFF_TRACK
    on_and_none = objective(kr(0, 100, 60, "on"), kr(0, 100, None, "none"))
    assert score(on_and_none, on=dt.date(2026, 7, 20), policy="perdoo").status is Status.ON_TRACK


# Viva Goals support: "if expected progress is 33% and actual progress is 33% or more, the
# status will be marked as On Track. If actual progress is below 33%, ... Behind."
@pytest.mark.parametrize(
    ("actual", "status"),
    [(33, Status.ON_TRACK), (40, Status.ON_TRACK), (32, Status.AT_RISK), (0, Status.AT_RISK)],
)
def test_viva_on_track_when_progress_reaches_expected(actual: float, status: Status) -> None:
    hundred_days = Period.parse("2026-07-01..2026-10-08")
    day33 = dt.date(2026, 8, 2)
    result = score(kr(0, 100, actual), on=day33, period=hundred_days, policy="viva")
    assert result.expected == pytest.approx(0.33)
    assert result.status is status


# Puzzle: calculateCurrentPercentage = |value - baseline| / |stretchGoal - baseline| * 100,
# 0 when the check-in moved the wrong way; zones from scoring.component.ts:
# > 30 commit, > 70 target, >= 100 stretch, else fail.
@pytest.mark.parametrize(
    ("baseline", "stretch", "value", "percent", "band"),
    [
        (0, 100, 30, 30, Band.RED),  # fail: 30 is not above 30
        (0, 100, 31, 31, Band.YELLOW),  # commit
        (0, 100, 70, 70, Band.YELLOW),  # still commit
        (0, 100, 71, 71, Band.GREEN),  # target
        (0, 100, 100, 100, Band.GREEN),  # stretch
        (0, 100, 120, 120, Band.GREEN),  # beyond the stretch goal
        (50, 100, 40, 0, Band.RED),  # negative: 0
        (100, 50, 80, 40, Band.YELLOW),  # a decreasing key result
    ],
)
def test_puzzle_zones_against_the_stretch_goal(
    baseline: float, stretch: float, value: float, percent: float, band: Band
) -> None:
    result = score(kr(baseline, stretch, value), on=MID, period=Q3, policy="puzzle")
    assert result.value * 100 == pytest.approx(percent)
    assert result.band is band


# Google (Doerr, Measure What Matters): 0.7-1.0 green, 0.4-0.6 yellow, 0.0-0.3 red;
# aspirational OKRs succeed at 0.7, committed ones must reach 1.0.
@pytest.mark.parametrize(
    ("value", "band"),
    [(0, Band.RED), (30, Band.RED), (39, Band.RED), (40, Band.YELLOW), (60, Band.YELLOW),
     (69, Band.YELLOW), (70, Band.GREEN), (100, Band.GREEN)],
)  # fmt: skip
def test_google_bands(value: float, band: Band) -> None:
    assert score(kr(0, 100, value), on=MID, period=Q3, policy="google").band is band


def test_google_success_marks() -> None:
    aspirational = objective(kr(0, 10, 7))
    committed = objective(kr(0, 10, 7), committed=True)
    assert score(aspirational, on=END, policy="google").status is Status.ACHIEVED
    assert score(committed, on=END, policy="google").status is Status.MISSED
    assert score(aspirational, on=END).status is Status.MISSED  # okrkit's default: 1.0
