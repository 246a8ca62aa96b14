import datetime as dt
import random

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from okrkit import (
    POLICIES,
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
from okrkit.scoring import forecast

Q3 = Period.parse("2026-Q3")  # 92 days
MID = dt.date(2026, 8, 15)  # exactly half of Q3 elapsed
finite = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)


def metric(baseline: float, target: float, value: float | None = None, **kw: object) -> KeyResult:
    return KeyResult(
        id=str(kw.pop("id", "k")),
        title="K",
        baseline=baseline,
        target=target,
        current=value,
        **kw,  # type: ignore[arg-type]
    )


def test_linear_progress_both_directions() -> None:
    assert score(metric(100, 200, 150)).value == 0.5
    assert score(metric(50, 30, 40)).value == 0.5  # CAC 50 -> 30, now 40
    assert score(metric(100, 200, 250)).value == 1.0  # capped
    assert score(metric(100, 200, 250)).progress == 1.5
    assert score(metric(100, 200, 50)).value == 0.0  # floored
    assert score(metric(100, 200, 250), policy="stretch").value == 1.5
    assert score(metric(100, 200, 50), policy="stretch").value == -0.5


def test_thresholds() -> None:
    floor = KeyResult(id="nps", title="NPS floor", unit="score", direction="at_least", target=40)
    assert score(floor.model_copy(update={"current": 40})).value == 1.0
    assert score(floor.model_copy(update={"current": 39.9})).value == 0.0
    assert score(floor).status is Status.NO_DATA  # nothing measured yet
    ceiling = KeyResult(id="cac", title="CAC", direction="at_most", target=400, current=420)
    assert score(ceiling).value == 0.0
    band = KeyResult(id="b", title="B", direction="between", target_min=2, target_max=4, current=3)
    assert score(band).value == 1.0
    assert score(band.model_copy(update={"current": 5})).value == 0.0


def test_milestones() -> None:
    m = KeyResult(id="m", title="M", kind="milestone", done=True)
    assert score(m).value == 1.0 and score(m).status is Status.ACHIEVED
    open_m = KeyResult(
        id="m",
        title="M",
        kind="milestone",
        check_ins=[CheckIn(date=dt.date(2026, 7, 10), done=False, confidence=0.3)],
    )
    assert score(open_m, on=MID, period=Q3).status is Status.OFF_TRACK
    assert score(open_m, on=dt.date(2026, 10, 1), period=Q3).status is Status.MISSED


@pytest.mark.parametrize(
    ("value", "status", "band"),
    [
        (100, Status.NO_DATA, Band.YELLOW),  # nothing measured, half the period gone
        (146, Status.ON_TRACK, Band.GREEN),  # 0.46 / 0.5 = 0.92
        (145, Status.ON_TRACK, Band.GREEN),  # exactly 0.9 of expected: inclusive
        (140, Status.AT_RISK, Band.YELLOW),  # 0.8
        (130, Status.OFF_TRACK, Band.RED),  # 0.6
        (200, Status.ACHIEVED, Band.GREEN),
    ],
)
def test_status_against_time_elapsed(value: float, status: Status, band: Band) -> None:
    k = metric(100, 200, None if value == 100 else value)
    s = score(k, on=MID, period=Q3)
    assert s.expected == pytest.approx(0.5)
    assert (s.status, s.band) == (status, band)


def test_strict_thresholds_and_period_end() -> None:
    k = metric(100, 200, 145)
    strict = ScoringPolicy(name="strict", strict=True)
    assert score(k, on=MID, period=Q3, policy=strict).status is Status.AT_RISK
    end = dt.date(2026, 9, 30)
    assert score(k, on=end, period=Q3).status is Status.MISSED
    assert score(metric(100, 200, 200), on=end, period=Q3).status is Status.ACHIEVED
    assert score(k, on=dt.date(2026, 6, 1), period=Q3).status is Status.NOT_STARTED


def test_google_grading_bands_and_success_marks() -> None:
    google = POLICIES["google"]
    assert google.band(0.39, Status.ON_TRACK) is Band.RED
    assert google.band(0.4, Status.ON_TRACK) is Band.YELLOW  # half-open bands
    assert google.band(0.69, Status.ON_TRACK) is Band.YELLOW
    assert google.band(0.7, Status.ON_TRACK) is Band.GREEN
    end = dt.date(2026, 9, 30)
    kr_ = metric(0, 10, 7)
    aspirational = Objective(id="a", title="A", period=Q3, key_results=[kr_])
    committed = aspirational.model_copy(update={"committed": True})
    assert score(aspirational, on=end, policy="google").status is Status.ACHIEVED
    assert score(committed, on=end, policy="google").status is Status.MISSED
    assert score(aspirational, on=end).status is Status.MISSED  # default: 1.0 needed


def test_objective_weighted_mean_and_weakest() -> None:
    obj = Objective(
        id="o",
        title="O",
        period=Q3,
        key_results=[
            metric(0, 10, 10, id="a", weight=3),
            metric(0, 10, 2, id="b", weight=1),
        ],
    )
    s = score(obj, on=MID)
    assert s.value == pytest.approx((3 * 1.0 + 1 * 0.2) / 4)
    assert s.status is Status.ON_TRACK
    weakest = score(obj, on=MID, policy="weakest-link")
    assert weakest.status is Status.OFF_TRACK
    assert [c.id for c in s.children] == ["a", "b"]
    assert s.find("b") is s.children[1]


def test_empty_objective_is_no_data_and_zero_weights_are_an_error() -> None:
    empty = score(Objective(id="o", title="O", period=Q3), on=MID)
    assert (empty.value, empty.status, empty.band) == (0.0, Status.NO_DATA, Band.YELLOW)
    with pytest.raises(ValidationError, match="every key result of objective 'o' has weight 0"):
        Objective(id="o", title="O", key_results=[metric(0, 1, 1, weight=0)])


def _tree() -> Plan:
    return Plan(
        period=Q3,
        objectives=[
            Objective(id="top", title="T", key_results=[metric(0, 10, 10, id="t")]),
            Objective(id="kid", title="K", parent="top", key_results=[metric(0, 10, 0, id="z")]),
        ],
    )


def test_rollup_policies() -> None:
    plan = _tree()
    assert score(plan, on=MID).value == pytest.approx(0.5)  # both objectives averaged
    assert score(plan, on=MID).children[0].value == 1.0
    aligned = score(plan, on=MID, policy="aligned")
    assert [c.id for c in aligned.children] == ["top"]
    assert aligned.value == pytest.approx(0.5)  # top = mean(kr 1.0, child 0.0)
    children_only = ScoringPolicy(name="kids", rollup="children")
    assert score(plan, on=MID, policy=children_only).children[0].value == 0.0


def test_unknown_policy_and_bad_policy() -> None:
    with pytest.raises(OKRError, match="unknown scoring policy 'nope'"):
        score(metric(0, 1, 1), policy="nope")
    with pytest.raises(OKRError, match="cap"):
        ScoringPolicy(name="bad", cap=0.0, floor=0.0)


def test_forecast_from_trend() -> None:
    k = metric(
        100,
        200,
        check_ins=[
            CheckIn(date=dt.date(2026, 7, 31), value=130),
            CheckIn(date=dt.date(2026, 8, 30), value=160),
        ],
    )
    f = forecast(k, Q3)
    assert f is not None and f.slope_per_day == pytest.approx(1.0)
    assert f.value == pytest.approx(191.0)  # 100 + 1/day * 91 days
    assert f.score == pytest.approx(0.91)
    assert forecast(metric(0, 1), Q3) is None  # only the baseline: no trend
    assert forecast(k, None) is None


def test_forecast_reads_values_computed_from_inputs() -> None:
    """Check-ins that give survey counts instead of a value count in the trend with
    the value their metric computes, each at its own date, as if written out."""
    counts = [
        (dt.date(2026, 7, 20), {"promoters": 40, "passives": 40, "detractors": 20}),
        (dt.date(2026, 8, 10), {"promoters": 50, "passives": 30, "detractors": 20}),
    ]
    dates = [day for day, _ in counts] + [dt.date(2026, 8, 1), dt.date(2026, 9, 20)]

    def nps(check_ins: list[CheckIn]) -> KeyResult:
        return metric(10, 60, metric="nps", unit="score", check_ins=check_ins)

    from_inputs = nps(
        [CheckIn(date=day, inputs=given) for day, given in counts]
        + [CheckIn(date=dates[2], value=25), CheckIn(date=dates[3], value=55)]
    )
    values = [from_inputs.check_in_value(c) for c in from_inputs.check_ins]
    written = nps([CheckIn(date=d, value=v) for d, v in zip(dates, values, strict=True)])
    for on in (MID, dt.date(2026, 9, 30)):
        ours, theirs = score(from_inputs, on=on, period=Q3), score(written, on=on, period=Q3)
        assert ours.forecast is not None and ours.forecast == theirs.forecast
        assert (ours.value, ours.current, ours.status) == (
            theirs.value,
            theirs.current,
            theirs.status,
        )


# --- properties -------------------------------------------------------------


@given(finite, finite, finite)
def test_score_within_bounds(baseline: float, target: float, value: float) -> None:
    assume(abs(target - baseline) > 1e-6)
    s = score(metric(baseline, target, value))
    assert 0.0 <= s.value <= 1.0


@given(finite, finite, finite, finite)
def test_monotone_in_current_value(baseline: float, target: float, a: float, b: float) -> None:
    assume(abs(target - baseline) > 1e-6)
    lo, hi = sorted((a, b))
    s_lo = score(metric(baseline, target, lo)).value
    s_hi = score(metric(baseline, target, hi)).value
    if target > baseline:
        assert s_lo <= s_hi
    else:
        assert s_lo >= s_hi


@given(finite, finite, finite)
def test_decreasing_is_mirror_of_increasing(baseline: float, target: float, value: float) -> None:
    assume(abs(target - baseline) > 1e-3)
    up = score(metric(baseline, target, value), policy="stretch").value
    down = score(metric(-baseline, -target, -value), policy="stretch").value
    assert up == pytest.approx(down, rel=1e-9, abs=1e-9)


weights = st.floats(min_value=0.01, max_value=100, allow_nan=False)
progress = st.floats(min_value=0, max_value=1)


@given(st.lists(st.tuples(weights, progress), min_size=1, max_size=8), st.randoms())
def test_weights_respected_and_order_irrelevant(
    items: list[tuple[float, float]], rnd: random.Random
) -> None:
    krs = [metric(0, 100, p * 100, id=f"k{i}", weight=w) for i, (w, p) in enumerate(items)]
    expected = sum(w * p for w, p in items) / sum(w for w, _ in items)
    obj = Objective(id="o", title="O", key_results=krs)
    assert score(obj).value == pytest.approx(expected)
    shuffled = krs[:]
    rnd.shuffle(shuffled)
    assert score(obj.model_copy(update={"key_results": shuffled})).value == pytest.approx(expected)
