import datetime as dt

import pytest

from okrkit import (
    CheckIn,
    Initiative,
    KeyResult,
    Objective,
    OKRError,
    Plan,
    PlanError,
    ValidationError,
)


def kr(**kw: object) -> KeyResult:
    base: dict[str, object] = {"id": "k", "title": "K", "baseline": 0, "target": 10}
    base.update(kw)
    return KeyResult(**base)  # type: ignore[arg-type]


def test_direction_inferred_from_baseline_and_target() -> None:
    assert kr(baseline=0, target=10).resolved_direction == "increase"
    assert kr(baseline=10, target=2).resolved_direction == "decrease"
    assert kr(direction="at_most", baseline=None, target=5).resolved_direction == "at_most"
    assert KeyResult(id="m", title="M", kind="milestone").resolved_direction is None


@pytest.mark.parametrize(
    ("fields", "path", "expected"),
    [
        ({"baseline": 5, "target": 5}, "target", "equals the baseline"),
        ({"target": None}, "target", "needs a target"),
        ({"baseline": None}, "baseline", "needs a baseline"),
        ({"baseline": float("nan")}, "baseline", "finite number"),
        ({"target": float("inf")}, "target", "finite number"),
        ({"unit": "furlongs"}, "unit", "Input should be"),
        ({"unit": "currency"}, "currency", "ISO 4217"),
        ({"unit": "currency", "currency": "XYZ"}, "currency", "not an ISO 4217"),
        ({"currency": "USD"}, "currency", "only unit currency"),
        ({"direction": "increase", "baseline": 10, "target": 1}, "target", "above the baseline"),
        ({"direction": "decrease", "baseline": 1, "target": 10}, "target", "below the baseline"),
        ({"direction": "between", "target_min": 5}, "target_max", "needs both"),
        ({"target": "4%"}, "", "unit is 'count'"),
        ({"colour": "red"}, "colour", "unknown field"),
        ({"weight": -1}, "weight", "greater than or equal"),
        ({"id": "has space"}, "id", "not a valid id"),
        ({"done": True}, "done", "only milestones"),
        ({"metric": "vibes"}, "metric", "unknown metric"),
        ({"metric": "ctr"}, "unit", "measured in percent"),
    ],
)
def test_key_result_errors_name_field_and_expectation(
    fields: dict[str, object], path: str, expected: str
) -> None:
    with pytest.raises(ValidationError) as info:
        kr(**fields)
    assert isinstance(info.value, OKRError) and isinstance(info.value, ValueError)
    paths = [p for p, _ in info.value.errors]
    assert any(p.startswith(path) for p in paths), info.value.errors
    assert expected in str(info.value)


def test_percent_strings_and_currency_case() -> None:
    k = kr(unit="percent", baseline="2%", target="4.5 %", current=3)
    assert (k.baseline, k.target, k.value) == (2.0, 4.5, 3.0)
    assert kr(unit="currency", currency="eur").currency == "EUR"


def test_current_value_prefers_latest_check_in() -> None:
    k = kr(
        current=4,
        check_ins=[
            CheckIn(date=dt.date(2026, 7, 20), value=6),
            CheckIn(date=dt.date(2026, 7, 10), value=3),
            CheckIn(date=dt.date(2026, 7, 20), value=7),  # same day: the last written wins
        ],
    )
    assert k.value == 7
    assert kr(current=4).value == 4
    assert kr().value == 0  # baseline
    assert kr(direction="at_least", baseline=None, target=3).value is None


def test_milestones() -> None:
    m = KeyResult(id="m", title="Style guide live", kind="milestone")
    assert not m.is_done and not m.measured
    m2 = KeyResult(
        id="m",
        title="Style guide live",
        kind="milestone",
        check_ins=[CheckIn(date=dt.date(2026, 7, 1), done=True)],
    )
    assert m2.is_done
    with pytest.raises(ValidationError, match="no numbers"):
        KeyResult(id="m", title="M", kind="milestone", target=3)
    with pytest.raises(ValidationError, match="done: true/false"):
        KeyResult(
            id="m", title="M", kind="milestone", check_ins=[{"date": "2026-07-01", "value": 3}]
        )


def test_metric_key_result_computes_value_from_inputs() -> None:
    nps = kr(
        unit="score",
        metric="nps",
        baseline=30,
        target=50,
        check_ins=[
            {"date": "2026-07-31", "inputs": {"promoters": 50, "passives": 30, "detractors": 20}}
        ],
    )
    assert nps.value == 30.0
    ctr = kr(
        unit="percent",
        metric="ctr",
        baseline=2,
        target=5,
        check_ins=[{"date": "2026-07-31", "inputs": {"clicks": 40, "impressions": 1000}}],
    )
    assert ctr.value == pytest.approx(4.0)


def test_check_in_validation() -> None:
    with pytest.raises(ValidationError, match="confidence"):
        CheckIn(date=dt.date(2026, 1, 1), value=1, confidence=7)
    with pytest.raises(ValidationError, match="expected a value"):
        kr(check_ins=[{"date": "2026-07-01", "note": "no value"}])


def test_objective_checks_ids_and_links() -> None:
    with pytest.raises(ValidationError, match="duplicate key result id 'k'"):
        Objective(id="o", title="O", key_results=[kr(), kr()])
    with pytest.raises(ValidationError, match="'nope' is not a key result"):
        Objective(
            id="o",
            title="O",
            key_results=[kr()],
            initiatives=[Initiative(title="Do", key_results=["nope"])],
        )
    with pytest.raises(ValidationError, match="cannot align to itself"):
        Objective(id="o", title="O", parent="o")


def _plan(*objectives: dict[str, object]) -> Plan:
    return Plan(objectives=list(objectives))  # type: ignore[arg-type]


def test_plan_alignment_tree() -> None:
    plan = _plan(
        {"id": "company", "title": "C"},
        {"id": "marketing", "title": "M", "parent": "company"},
        {"id": "seo", "title": "S", "parent": "marketing"},
        {"id": "events", "title": "E", "parent": "marketing"},
        {"id": "lonely", "title": "L"},
    )
    assert [o.id for o in plan.children("marketing")] == ["seo", "events"]
    assert [o.id for o in plan.roots()] == ["company", "lonely"]
    assert [o.id for o in plan.orphans()] == ["lonely"]
    assert [(d, o.id) for d, o in plan.walk()] == [
        (0, "company"),
        (1, "marketing"),
        (2, "seo"),
        (2, "events"),
        (0, "lonely"),
    ]
    assert plan.objective("seo").parent == "marketing"


def test_plan_rejects_duplicates_dangling_and_cycles() -> None:
    with pytest.raises(ValidationError, match="duplicate objective id 'a'"):
        _plan({"id": "a", "title": "A"}, {"id": "a", "title": "B"})
    with pytest.raises(ValidationError, match="'ghost' is not an objective"):
        _plan({"id": "a", "title": "A", "parent": "ghost"})
    with pytest.raises(ValidationError, match="cycle"):
        _plan({"id": "a", "title": "A", "parent": "b"}, {"id": "b", "title": "B", "parent": "a"})


def test_plan_key_result_lookup() -> None:
    plan = _plan(
        {"id": "a", "title": "A", "key_results": [kr(id="mql"), kr(id="sql")]},
        {"id": "b", "title": "B", "key_results": [kr(id="mql")]},
    )
    assert plan.key_result("sql")[0].id == "a"
    assert plan.key_result("b/mql")[0].id == "b"
    with pytest.raises(PlanError, match="ambiguous; use one of: a/mql, b/mql"):
        plan.key_result("mql")
    with pytest.raises(PlanError, match="no key result 'nps'"):
        plan.key_result("nps")


def test_plan_index_follows_mutation() -> None:
    plan = _plan({"id": "a", "title": "A"})
    plan.objectives.append(Objective(id="b", title="B", parent="a"))
    assert [o.id for o in plan.children("a")] == ["b"]
    plan.objectives.append(Objective(id="c", title="C", parent="ghost"))
    with pytest.raises(PlanError, match="ghost"):
        plan.children("a")
