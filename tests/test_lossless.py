"""Lossless saving: whatever an app changes through the public API is written.

A plan is edited in code (list appends and removals, attribute assignment,
nested edits), saved as YAML and JSON, loaded back, and must be equal.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import okrkit
from okrkit import CheckIn, Initiative, KeyResult, Objective, Period, Plan, ValidationError
from okrkit._serialize import plan_to_data

EXAMPLE = Path(__file__).parent.parent / "examples" / "marketing-plan.yaml"


def _round_trips(plan: Plan) -> None:
    # A list edit bypasses validation (``roles.append(" x ")`` keeps the spaces that
    # validation strips), so the saved file holds the validated form of the plan.
    validated = Plan.model_validate(plan_to_data(plan))
    assert validated == Plan.model_validate(plan.model_dump())  # the writer drops nothing
    for fmt in ("yaml", "json"):
        text = okrkit.dumps(plan, format=fmt)
        again = okrkit.loads(text, format=fmt)
        assert again == validated, fmt
        assert okrkit.dumps(again, format=fmt) == okrkit.dumps(validated, format=fmt)  # stable


def test_issue_example_appended_check_in_is_saved() -> None:
    kr = KeyResult(id="k", title="k", baseline=0, target=10)
    kr.check_ins.append(CheckIn(date=dt.date(2026, 7, 1), value=5))
    objective = Objective(id="o", title="O", period="2026-Q3", key_results=[kr])
    objective.initiatives.append(Initiative(title="Launch the webinar series"))
    plan = Plan(objectives=[objective])
    before = okrkit.score(plan, on=dt.date(2026, 7, 2)).value
    again = okrkit.loads(okrkit.dumps(plan))
    assert okrkit.score(again, on=dt.date(2026, 7, 2)).value == before == 0.5
    assert again.objectives[0].initiatives[0].title == "Launch the webinar series"
    _round_trips(plan)


def test_files_stay_minimal() -> None:
    kr = KeyResult(id="k", title="k", baseline=0, target=10)
    kr.tags.append("growth")
    data = plan_to_data(Plan(objectives=[Objective(id="o", title="O", key_results=[kr])]))
    assert data == {
        "objectives": [
            {
                "id": "o",
                "title": "O",
                "key_results": [
                    {"id": "k", "title": "k", "baseline": 0, "target": 10, "tags": ["growth"]}
                ],
            }
        ]
    }


def test_fields_the_user_wrote_are_kept_even_when_default() -> None:
    text = "objectives:\n- id: o\n  title: O\n  weight: 1\n  committed: false\n"
    assert yaml.safe_load(okrkit.dumps(okrkit.loads(text))) == yaml.safe_load(text)


def test_assignment_is_validated_and_leaves_the_model_unchanged() -> None:
    kr = KeyResult(id="k", title="k", baseline=0, target=10)
    with pytest.raises(ValidationError, match="target"):
        kr.target = "lots"  # type: ignore[assignment]
    with pytest.raises(ValidationError, match="target: direction increase"):
        kr.direction = "increase"
        kr.target = -5
    assert kr.target == 10
    with pytest.raises(ValidationError, match="weight"):
        Objective(id="o", title="O").weight = -1


def test_an_invalid_list_edit_is_an_error_on_save_not_a_broken_file(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    plan = okrkit.load(EXAMPLE)
    okrkit.dump(plan, path)
    before = path.read_text(encoding="utf-8")
    plan.objectives[0].key_results[0].check_ins.append(CheckIn(date=dt.date(2026, 11, 1)))
    with pytest.raises(ValidationError, match=r"objectives\[0\]\.key_results\[0\]\.check_ins"):
        okrkit.dump(plan, path)
    assert path.read_text(encoding="utf-8") == before
    plan.objectives[0].key_results[0].check_ins.pop()
    plan.objectives.append(plan.objectives[1].model_copy())  # duplicate id
    with pytest.raises(ValidationError, match="duplicate objective id"):
        okrkit.dumps(plan)


def test_reparenting_updates_the_alignment_tree() -> None:
    plan = okrkit.load(EXAMPLE)
    child = plan.objectives[1]
    assert child in plan.children(child.parent or "")
    child.parent = None
    assert child in plan.roots() and child not in plan.children("company-growth")


# -- random edit sequences ----------------------------------------------------------------

DAYS = st.dates(min_value=dt.date(2026, 9, 1), max_value=dt.date(2027, 1, 31))
TEXT = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=12
).filter(str.strip)
NUMBER = st.one_of(
    st.integers(-1000, 10**6),
    st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False),
)


def _new_id(plan: Plan, prefix: str) -> str:
    n = 0
    taken = {o.id for o in plan.objectives} | {
        kr.id for o in plan.objectives for kr in o.key_results
    }
    while f"{prefix}{n}" in taken:
        n += 1
    return f"{prefix}{n}"


def _pick(draw: Any, items: list[Any]) -> Any:
    return items[draw(st.integers(0, len(items) - 1))] if items else None


def _krs(plan: Plan) -> list[KeyResult]:
    return [kr for o in plan.objectives for kr in o.key_results]


def _edit_lists(draw: Any, plan: Plan, kind: str) -> None:
    objective: Objective | None = _pick(draw, plan.objectives)
    kr: KeyResult | None = _pick(draw, _krs(plan))
    if kind == "check_in" and kr is not None:
        if kr.kind == "milestone":
            kr.check_ins.append(CheckIn(date=draw(DAYS), done=draw(st.booleans())))
        else:
            confidence = draw(st.none() | st.floats(0, 1))
            kr.check_ins.append(CheckIn(date=draw(DAYS), value=draw(NUMBER), confidence=confidence))
    elif kind == "drop_check_in" and kr is not None and kr.check_ins:
        kr.check_ins.pop(draw(st.integers(0, len(kr.check_ins) - 1)))
    elif kind == "initiative" and objective is not None:
        refs = [k.id for k in objective.key_results][: draw(st.integers(0, 2))]
        status = draw(st.sampled_from(["planned", "in_progress", "done", "dropped"]))
        objective.initiatives.append(Initiative(title=draw(TEXT), status=status, key_results=refs))
    elif kind == "drop_initiative" and objective is not None and objective.initiatives:
        objective.initiatives.remove(_pick(draw, objective.initiatives))
    elif kind == "key_result" and objective is not None:
        if draw(st.booleans()):
            new = KeyResult(id=_new_id(plan, "k"), title=draw(TEXT), kind="milestone")
        else:
            base = draw(st.integers(0, 100))
            new = KeyResult(id=_new_id(plan, "k"), title=draw(TEXT), baseline=base, target=base + 1)
        objective.key_results.append(new)
    elif kind == "drop_key_result" and objective is not None and objective.key_results:
        gone = objective.key_results.pop()
        for initiative in objective.initiatives:
            if gone.id in initiative.key_results:
                initiative.key_results.remove(gone.id)
    elif kind == "objective":
        parent = draw(st.none() | st.sampled_from([o.id for o in plan.objectives] or [""]))
        plan.objectives.append(
            Objective(id=_new_id(plan, "o"), title=draw(TEXT), parent=parent or None)
        )
    elif kind == "drop_objective" and objective is not None and not plan.children(objective):
        plan.objectives.remove(objective)


def _edit_fields(draw: Any, plan: Plan, kind: str) -> None:
    objective: Objective | None = _pick(draw, plan.objectives)
    kr: KeyResult | None = _pick(draw, _krs(plan))
    if kind == "set_kr" and kr is not None:
        kr.owner = draw(st.none() | TEXT)
        kr.weight = draw(st.sampled_from([0.5, 1.0, 2.0]))
        if kr.kind == "metric":
            kr.current = draw(st.none() | NUMBER)
        else:
            kr.done = draw(st.none() | st.booleans())
    elif kind == "set_check_in" and kr is not None and kr.check_ins:
        check_in = _pick(draw, kr.check_ins)
        check_in.note = draw(st.none() | TEXT)
        check_in.date = draw(DAYS)
    elif kind == "set_objective" and objective is not None:
        objective.title = draw(TEXT)
        objective.committed = draw(st.booleans())
        objective.period = draw(st.none() | st.sampled_from(["2026-Q4", "2027-Q1", "2026-H2"]))
        objective.roles.append(draw(TEXT))
    elif kind == "set_plan":
        plan.title = draw(st.none() | TEXT)
        plan.period = draw(st.none() | st.just(Period.parse("2026-Q4")))
    elif kind == "tag" and kr is not None:
        kr.tags.append(draw(st.sampled_from(["volume", "quality", "growth", "differentiation"])))


LIST_EDITS = [
    "check_in",
    "drop_check_in",
    "initiative",
    "drop_initiative",
    "key_result",
    "drop_key_result",
    "objective",
    "drop_objective",
]
FIELD_EDITS = ["set_kr", "set_objective", "set_plan", "set_check_in", "tag"]


@st.composite
def edited_plans(draw: Any) -> Plan:
    plan = okrkit.load(EXAMPLE) if draw(st.booleans()) else Plan()
    for _ in range(draw(st.integers(1, 12))):
        kind = draw(st.sampled_from(LIST_EDITS + FIELD_EDITS))
        (_edit_lists if kind in LIST_EDITS else _edit_fields)(draw, plan, kind)
    return plan


@settings(max_examples=60, deadline=None)
@given(edited_plans())
def test_random_public_edits_survive_save_and_load(plan: Plan) -> None:
    _round_trips(plan)
