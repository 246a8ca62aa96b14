"""Appending a check-in saves what the user wrote plus the check-in asked for, by the
same rule as the files writer: mutate, save, check in, load, compare."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import okrkit
from okrkit._serialize import model_to_data, plan_to_data
from okrkit.files.checkin import append_check_in
from okrkit.model import CheckIn, Initiative

ROOT = Path(__file__).resolve().parent.parent
LAYOUTS = sorted((ROOT / "tests" / "layouts").glob("*.*"))
EXAMPLES = [
    ROOT / "examples" / "marketing-plan.yaml",
    *sorted((ROOT / "examples" / "company").glob("*.yaml")),
]
ON = dt.date(2030, 1, 1)  # judging date for the check-ins below; dates are forced anyway


def expected(before: okrkit.Plan, ref: str, check_in: CheckIn) -> dict[str, object]:
    """The saved data of ``before`` with ``check_in`` appended to key result ``ref``."""
    plan = before.model_copy(deep=True)
    plan.key_result(ref)[1].check_ins.append(check_in)
    return plan_to_data(plan)


def metric_ref(plan: okrkit.Plan) -> str:
    for objective in plan.objectives:
        for kr in objective.key_results:
            if kr.kind == "metric" and kr.metric is None:
                return f"{objective.id}/{kr.id}"
    raise AssertionError("no plain metric key result")


@pytest.mark.parametrize("source", [*LAYOUTS, *EXAMPLES], ids=lambda p: p.name)
def test_check_in_adds_exactly_the_check_in(source: Path, tmp_path: Path) -> None:
    path = tmp_path / source.name
    shutil.copy(source, path)
    before = okrkit.load(path)
    ref = metric_ref(before)
    result = append_check_in(path, ref, value="41.5", confidence="70%", note="Q note",
                             author="Ana", day=dt.date(2026, 8, 1), on=ON, force=True)  # fmt: skip
    after = okrkit.load(path)
    assert plan_to_data(after) == expected(before, ref, result.check_in)
    saved = after.key_result(ref)[1].check_ins[-1]
    assert model_to_data(saved) == {"date": "2026-08-01", "value": 41.5, "confidence": 0.7,
                                    "note": "Q note", "author": "Ana"}  # fmt: skip


def test_edits_made_in_code_survive_a_later_check_in(tmp_path: Path) -> None:
    """List mutations and assignments, which pydantic's fields-set tracking does not
    see, are saved by ``dump`` and kept by the next ``append_check_in``."""
    path = tmp_path / "plan.yaml"
    plan = okrkit.load(ROOT / "examples" / "marketing-plan.yaml")
    objective, kr = plan.key_result("sqls")
    kr.check_ins.append(CheckIn(date=dt.date(2026, 11, 2), value=300))
    objective.initiatives.append(Initiative(title="Partner webinars"))
    kr.owner = "Bo"
    kr.tags.append("quality")
    okrkit.dump(plan, path)
    append_check_in(path, "sqls", value="350", day=dt.date(2026, 11, 9), on=ON, force=True)
    loaded = okrkit.load(path)
    want = plan.model_copy(deep=True)
    want.key_result("sqls")[1].check_ins.append(CheckIn(date=dt.date(2026, 11, 9), value=350))
    assert plan_to_data(loaded) == plan_to_data(want)
    kr_after = loaded.key_result("sqls")[1]
    assert kr_after.owner == "Bo" and "quality" in kr_after.tags
    assert [c.value for c in kr_after.check_ins][-2:] == [300, 350]
    assert "Partner webinars" in [i.title for i in loaded.objective(objective.id).initiatives]


def test_written_check_in_has_no_defaults(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(
        "objectives:\n  - id: o\n    title: O\n    key_results:\n"
        "      - id: k\n        title: K\n        baseline: 0\n        target: 10\n"
        "        check_ins:\n          - {date: 2026-07-01, value: 1}\n"
        "      - id: m\n        title: M\n        kind: milestone\n",
        encoding="utf-8",
    )
    append_check_in(path, "k", value="2", day=dt.date(2026, 7, 8), on=ON)
    append_check_in(path, "m", done=False, day=dt.date(2026, 7, 8), on=ON)
    text = path.read_text(encoding="utf-8")
    assert "          - {date: 2026-07-08, value: 2}\n" in text
    assert "check_ins:\n          - {date: 2026-07-08, done: false}\n" in text
    assert "null" not in text and "confidence" not in text


texts = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=20)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    value=st.floats(-1e6, 1e6, allow_nan=False).map(lambda v: round(v, 3)),
    confidence=st.none() | st.integers(0, 100),
    note=st.none() | texts,
    author=st.none() | texts,
    day=st.dates(dt.date(2026, 7, 1), dt.date(2026, 10, 14)),
    json_file=st.booleans(),
)
def test_random_check_ins_round_trip(
    tmp_path: Path,
    value: float,
    confidence: int | None,
    note: str | None,
    author: str | None,
    day: dt.date,
    json_file: bool,
) -> None:
    source = ROOT / "tests" / "layouts" / ("indent2.json" if json_file else "block.yaml")
    path = tmp_path / source.name
    shutil.copy(source, path)
    before = okrkit.load(path)
    ref = metric_ref(before)
    result = append_check_in(path, ref, value=repr(value),
                             confidence=None if confidence is None else f"{confidence}%",
                             note=note, author=author, day=day, on=ON)  # fmt: skip
    after = okrkit.load(path)
    assert plan_to_data(after) == expected(before, ref, result.check_in)
    saved = after.key_result(ref)[1].check_ins[-1]
    assert saved.date == day and saved.value == value
    # the model strips text; a blank note or author is left out, never saved as ''
    assert saved.note == ((note or "").strip() or None)
    assert saved.author == ((author or "").strip() or None)
    assert saved.confidence == (None if confidence is None else confidence / 100)
