"""The quarterly cycle: close, keep history, roll over (okrkit.cycle)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import okrkit
from okrkit import CheckIn, KeyResult, Objective, Plan
from okrkit.cycle import (
    History,
    close_period,
    dump_history,
    history_path,
    load_history,
    loads_history,
    rollover,
)
from okrkit.errors import OKRError

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "marketing-plan.yaml"
Q4 = okrkit.Period.parse("2026-Q4")


def _kr(**fields: object) -> KeyResult:
    return KeyResult.model_validate({"id": "k", "title": "k", **fields})


def _plan(*krs: KeyResult, **objective: object) -> Plan:
    return Plan(
        period=Q4, objectives=[Objective(id="o", title="o", key_results=list(krs), **objective)]
    )


def test_carried_key_results_start_from_their_final_value_with_no_check_ins() -> None:
    plan = okrkit.load(EXAMPLE)
    result = rollover(plan, "2027-Q1")
    assert str(result.plan.period) == "2027-Q1"
    assert [o.id for o in result.plan.objectives] == [o.id for o in plan.objectives]
    for old in plan.objectives:
        new = result.plan.objective(old.id)
        for kr in old.key_results:
            if kr.kind == "milestone" and kr.is_done:
                assert kr.id not in {k.id for k in new.key_results}
                continue
            carried = new.key_result(kr.id)
            assert carried.check_ins == []
            assert carried.current is None
            if kr.kind == "metric" and kr.baseline is not None:
                assert carried.baseline == kr.value_on(Q4.end)
                assert carried.resolved_direction == kr.resolved_direction
        kept = {i.title for i in new.initiatives}
        for initiative in old.initiatives:
            assert (initiative.title in kept) == (initiative.status not in ("done", "dropped"))


def test_a_check_in_after_the_period_end_does_not_become_the_baseline() -> None:
    kr = _kr(
        baseline=100,
        target=200,
        check_ins=[
            CheckIn(date=dt.date(2026, 12, 20), value=150),
            CheckIn(date=dt.date(2027, 1, 10), value=190),
        ],
    )
    new = rollover(_plan(kr), "2027-Q1").plan.objectives[0].key_results[0]
    assert new.baseline == 150
    assert new.target == 200


def test_targets_step_moves_the_target_by_the_old_step() -> None:
    kr = _kr(baseline=480, target=400, check_ins=[CheckIn(date=dt.date(2026, 12, 1), value=430)])
    new = rollover(_plan(kr), "2027-Q1", targets="step").plan.objectives[0].key_results[0]
    assert (new.baseline, new.target, new.resolved_direction) == (430, 350, "decrease")


def test_a_kept_target_already_reached_moves_by_the_step_and_says_so() -> None:
    kr = _kr(baseline=100, target=150, check_ins=[CheckIn(date=dt.date(2026, 12, 1), value=160)])
    result = rollover(_plan(kr), "2027-Q1")
    new = result.plan.objectives[0].key_results[0]
    assert (new.baseline, new.target, new.resolved_direction) == (160, 210, "increase")
    assert result.notes == [("target-moved", "o/k")]


def test_dropped_and_done_objectives_stay_behind_and_children_lose_a_missing_parent() -> None:
    plan = Plan(
        period=Q4,
        objectives=[
            Objective(id="top", title="t", key_results=[_kr(baseline=0, target=1)]),
            Objective(id="a", title="a", parent="top", key_results=[_kr(baseline=0, target=1)]),
            Objective(id="b", title="b", key_results=[_kr(baseline=0, target=1)]),
        ],
    )
    result = rollover(plan, "2027-Q1", decisions={"top": "done", "b": "drop"})
    assert [o.id for o in result.plan.objectives] == ["a"]
    assert result.plan.objectives[0].parent is None
    assert ("parent-cleared", "a") in result.notes
    outcomes = {o.id: o.outcome for o in result.record.objectives}
    assert outcomes == {"top": "done", "a": "carried", "b": "dropped"}


@pytest.mark.parametrize(
    ("decisions", "to", "message"),
    [
        ({"nope": "drop"}, "2027-Q1", "unknown objective 'nope'"),
        ({"o": "keep"}, "2027-Q1", "expected carry, drop or done"),
        ({}, "2026-Q4", "does not start after 2026-Q4"),
        ({}, "2026-12", "does not start after 2026-Q4"),
    ],
)
def test_bad_rollovers_are_clear_errors(decisions: dict[str, str], to: str, message: str) -> None:
    with pytest.raises(OKRError, match=message):
        rollover(_plan(_kr(baseline=0, target=1)), to, decisions=decisions)


def test_a_period_cannot_be_closed_twice_into_one_history() -> None:
    plan = _plan(_kr(baseline=0, target=1))
    history = rollover(plan, "2027-Q1").history
    with pytest.raises(OKRError, match="already holds a record of 2026-Q4"):
        rollover(plan, "2027-Q1", history=history)


def test_the_record_keeps_final_values_confidence_and_the_check_in_trail() -> None:
    kr = _kr(
        baseline=0,
        target=10,
        check_ins=[
            CheckIn(date=dt.date(2026, 10, 15), value=3, confidence=0.5),
            CheckIn(date=dt.date(2026, 11, 15), value=6, confidence=0.8),
        ],
    )
    record = close_period(_plan(kr, retro={"worked": ["weekly check-ins"]}))
    objective = record.objectives[0]
    assert objective.retro is not None and objective.retro.worked == ["weekly check-ins"]
    (kept,) = objective.key_results
    assert (kept.final, kept.score, kept.confidence) == (6, 0.6, 0.8)
    assert [(m.date.month, m.value) for m in kept.check_ins] == [(10, 3), (11, 6)]
    assert objective.confidence == 0.8


def test_history_files_round_trip_losslessly(tmp_path: Path) -> None:
    plan = okrkit.load(EXAMPLE)
    first = rollover(plan, "2027-Q1")
    second = rollover(first.plan, "2027-Q2", history=first.history, decisions={"seo": "done"})
    target = tmp_path / "okrs.yaml"
    written = dump_history(second.history, target)
    assert written == tmp_path / "okrs.history.yaml" == history_path(target)
    assert load_history(target) == second.history
    assert [str(p) for p, _ in second.history.trend("pipeline")] == ["2026-Q4", "2027-Q1"]
    assert load_history(tmp_path / "none.yaml") == History()
    json_plan = tmp_path / "plan.json"
    dump_history(second.history, json_plan)
    assert load_history(json_plan) == second.history


def test_a_broken_history_file_names_the_file_and_field(tmp_path: Path) -> None:
    (tmp_path / "okrs.history.yaml").write_text("periods:\n  - period: 2026-Q4\n")
    with pytest.raises(OKRError, match=r"okrs\.history\.yaml: periods\.0\.closed_on"):
        load_history(tmp_path / "okrs.yaml")
    with pytest.raises(OKRError, match="not valid YAML"):
        loads_history("periods: [", source="h.yaml")


def test_the_new_plan_survives_saving() -> None:
    new = rollover(okrkit.load(EXAMPLE), "2027-Q1").plan
    assert okrkit.loads(okrkit.dumps(new)) == new


_day = st.dates(min_value=dt.date(2026, 9, 1), max_value=dt.date(2027, 2, 28))
_check_in = st.builds(
    CheckIn, date=_day, value=st.integers(min_value=-500, max_value=500).map(float)
)


@st.composite
def _metric(draw: st.DrawFn, n: int) -> KeyResult:
    baseline = draw(st.integers(min_value=-100, max_value=100))
    step = draw(st.integers(min_value=1, max_value=300)) * draw(st.sampled_from([-1, 1]))
    return _kr(
        id=f"k{n}",
        baseline=baseline,
        target=baseline + step,
        check_ins=draw(st.lists(_check_in, max_size=6)),
    )


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.data(), st.sampled_from(["keep", "step"]))
def test_rolled_over_key_results_start_at_progress_zero_from_the_old_final(
    data: st.DataObject, targets: str
) -> None:
    krs = [data.draw(_metric(n)) for n in range(data.draw(st.integers(1, 4)))]
    old = _plan(*krs)
    new = rollover(old, "2027-Q1", targets=targets)  # type: ignore[arg-type]
    start = new.plan.period.start  # type: ignore[union-attr]
    scored = okrkit.score(new.plan, on=start)
    by_id = {k.id: k for k in scored.children[0].children}
    for kr in krs:
        carried = new.plan.objectives[0].key_result(kr.id)
        assert carried.baseline == kr.value_on(Q4.end)
        assert by_id[kr.id].progress == 0


def test_initiative_links_to_key_results_left_behind_are_dropped_with_them() -> None:
    milestone = KeyResult(id="guide", title="Guide published", kind="milestone", done=True)
    metric = _kr(id="leads", baseline=0, target=10)
    plan = Plan(
        period=Q4,
        objectives=[
            Objective(
                id="o",
                title="o",
                key_results=[milestone, metric],
                initiatives=[
                    {"title": "Write the guide", "key_results": ["guide", "leads"]},
                    {"title": "Launch", "status": "done", "key_results": ["guide"]},
                ],
            )
        ],
    )
    new = rollover(plan, "2027-Q1")
    (initiative,) = new.plan.objectives[0].initiatives
    assert (initiative.title, initiative.key_results) == ("Write the guide", ["leads"])
    assert new.notes == [("milestone-done", "o/guide")]
